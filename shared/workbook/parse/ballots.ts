// "Phiếu bầu": the council's ballots, their seats, members, threshold and each nominee's votes.
import type { BallotSpec } from '../../awards/types';
import { vi } from '../../i18n/vi';
import { error, type Issue } from '../../model/issues';
import type { CellValue } from '../../model/types';
import {
  cellAt,
  headerColumns,
  isBlankRow,
  numberOf,
  ref,
  requireHeaders,
  shareOf,
  text,
  type Grid,
} from '../grid';
import { at, choiceOf } from './common';

const W = vi.workbook;
const S = W.sheets;
const H = W.headers;

/** "Phiếu bầu": one row per nominee; ballot columns may be left blank after a ballot's first row. */
export function parseBallots(grid: Grid, issues: Issue[]): BallotSpec[] {
  const sheet = S.ballots;
  const labels = {
    ballot: H.ballot,
    name: H.ballotName,
    kind: H.ballotKind,
    seats: H.seats,
    total: H.membersTotal,
    present: H.membersPresent,
    threshold: H.threshold,
    base: H.base,
    nominee: H.nominee,
    votes: H.votes,
  };
  const cols = headerColumns(grid[0], labels);
  issues.push(
    ...requireHeaders(sheet, 0, cols, labels, [
      'ballot',
      'seats',
      'total',
      'present',
      'nominee',
      'votes',
    ]),
  );
  const ballots: BallotSpec[] = [];
  let current: BallotSpec | undefined;
  for (let r = 1; r < grid.length; r++) {
    if (isBlankRow(grid[r])) continue;
    const get = (name: keyof typeof cols): CellValue =>
      cols[name] >= 0 ? cellAt(grid, r, cols[name]) : null;
    const id = text(get('ballot'));
    if (id !== '' && id !== current?.id) {
      const numberAt = (name: string): number => {
        const n = numberOf(get(name));
        if (n === undefined)
          issues.push(error('badNumber', { value: text(get(name)) }, at(sheet, r, cols[name])));
        return n ?? 0;
      };
      const kind = choiceOf(W.choices.ballotKinds, text(get('kind'))) ?? 'individual';
      const share = text(get('threshold')) === '' ? undefined : shareOf(get('threshold'));
      const base = choiceOf(W.choices.bases, text(get('base'))) ?? 'present';
      current = {
        id,
        name: text(get('name')) || id,
        kind,
        seats: numberAt('seats'),
        membersTotal: numberAt('total'),
        membersPresent: numberAt('present'),
        ...(share !== undefined ? { threshold: { share, base } } : {}),
        votes: [],
        source: ref(sheet, r, cols.ballot),
      };
      ballots.push(current);
    }
    if (!current) continue;
    const votesCell = get('votes');
    const votes = numberOf(votesCell);
    if (votes === undefined) {
      issues.push(error('badVotes', { value: text(votesCell) }, at(sheet, r, cols.votes)));
      continue;
    }
    current.votes.push({
      nominee: text(get('nominee')),
      votes,
      source: ref(sheet, r, cols.votes),
      nomineeCell: ref(sheet, r, cols.nominee),
    });
  }
  return ballots;
}
