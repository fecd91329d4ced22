/**
 * A returned self-assessment form, read: its header (campaign, unit, fingerprint, date) and one
 * answer per criterion row, the problems located at the form's cells. What the answers mean for
 * the campaign is the merge's (merge.ts).
 */
import { vi } from '../i18n/vi';
import { error, type Issue } from '../model/issues';
import type { CellValue } from '../model/types';
import { cellAt, dateOf, ref, text, type DateSystem, type Grid } from '../workbook/grid';
import { inputHash } from '../workbook/render';
import { FORM_COLS, FORM_ROWS } from './form';

const F = vi.forms;

/** A returned form as a host read it. */
export interface FormFile {
  /** What the person knows it by: a file name, or a sheet name inside the campaign. */
  source: string;
  /** The values of its "Phiếu tự chấm" sheet (undefined: the file has no such sheet). */
  grid: Grid | undefined;
  /** The sheet's name in messages (default "Phiếu tự chấm"). */
  sheet?: string;
  /** When it arrived (ISO date), if the host knows (a file's date); "Ngày gửi" wins. */
  received?: string;
  /** The date system of the form's workbook (its own: a form may be saved elsewhere); 1900 if unknown. */
  dateSystem?: DateSystem;
}

export interface FormAnswer {
  score: CellValue;
  explanation: string;
  evidence: string;
  /** The row of the criterion in the form (0-based). */
  row: number;
}

export interface ReadForm {
  source: string;
  sheet: string;
  campaignId: string;
  unit: string;
  fingerprint: string;
  /** "Ngày gửi", else the host's date of receipt. */
  date?: string;
  answers: Map<string, FormAnswer>;
  /** A checksum of the form's values: the last tie-break between two forms of a unit. */
  content: string;
}

export const isBlank = (v: CellValue): boolean => v === null || v === undefined || text(v) === '';

/** Reads one form's header and answers; the problems are located at the form's cells. */
export function readForm(file: FormFile): { form?: ReadForm; issues: Issue[] } {
  const sheet = file.sheet ?? F.sheet;
  const at = (r: number, c: number) => ({ file: file.source, cell: ref(sheet, r, c) });
  if (!file.grid) {
    return { issues: [error('formMissing', { sheet }, { file: file.source })] };
  }
  const grid = file.grid;
  const label = (r: number, expected: string): boolean => text(cellAt(grid, r, 0)) === expected;
  const value = (r: number): string => text(cellAt(grid, r, 1));
  const rows = FORM_ROWS;
  if (
    !label(rows.campaignId, F.campaignId) ||
    !label(rows.unitCode, F.unitCode) ||
    !label(rows.fingerprint, F.fingerprint) ||
    text(cellAt(grid, rows.header, FORM_COLS.score)) !== F.headers.score
  ) {
    return { issues: [error('formMissing', { sheet }, at(0, 0))] };
  }
  const issues: Issue[] = [];
  const sent = cellAt(grid, rows.sentOn, 1);
  let date = file.received;
  if (!isBlank(sent)) {
    const d = dateOf(sent, file.dateSystem ?? 1900);
    if (d === undefined) issues.push(error('badDate', { value: text(sent) }, at(rows.sentOn, 1)));
    else date = d;
  }
  const answers = new Map<string, FormAnswer>();
  for (let r = rows.header + 1; r < grid.length; r++) {
    const code = text(cellAt(grid, r, FORM_COLS.code));
    if (code === '') continue;
    answers.set(code, {
      score: cellAt(grid, r, FORM_COLS.score),
      explanation: text(cellAt(grid, r, FORM_COLS.explanation)),
      evidence: text(cellAt(grid, r, FORM_COLS.evidence)),
      row: r,
    });
  }
  return {
    form: {
      source: file.source,
      sheet,
      campaignId: value(rows.campaignId),
      unit: value(rows.unitCode),
      fingerprint: value(rows.fingerprint),
      ...(date ? { date } : {}),
      answers,
      content: inputHash({ form: grid }),
    },
    issues,
  };
}
