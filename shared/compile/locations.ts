/** Where compile's messages point: a cell when the host can say, else the ids of the thing. */
import type { IssueLocation } from '../model/issues';
import type { CampaignSpec, CellRef, ScoreSource } from '../model/types';
import { normalizeText } from '../scoring/cells';

/** The cell of one field when known, keeping the ids of the location. */
export function cellOr(cell: CellRef | undefined, at: IssueLocation): IssueLocation {
  return cell ? { ...at, cell } : at;
}

/** Placeholder location while encoding; the real one is built only for a cell with an issue. */
export const NOWHERE: IssueLocation = {};

/** Where a score cell is: its sheet cell when the host can say, else the unit and criterion. */
export function scoreLocation(
  locate: CampaignSpec['locateScore'],
  source: ScoreSource,
  unit: string,
  rawCode: string,
  appraiser?: string,
): IssueLocation {
  const code = normalizeText(rawCode);
  const cell = appraiser ? locate?.(source, unit, code, appraiser) : locate?.(source, unit, code);
  return cell ? { cell, unit, criterion: code } : { unit, criterion: code };
}

/** Where a criterion is: its row in "Tiêu chí" when known, else its code. */
export function where(code: string, source?: CellRef): IssueLocation {
  return source ? { cell: source, criterion: code } : { criterion: code };
}
