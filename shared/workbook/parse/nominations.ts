// "Đề cử cá nhân": the individuals nominated for an award, and who nominated them.
import type { NominationSpec } from '../../awards/types';
import { vi } from '../../i18n/vi';
import { error, type Issue } from '../../model/issues';
import { cellAt, headerRow, isBlankRow, ref, text, type Grid } from '../grid';
import { at, choiceOf } from './common';

const W = vi.workbook;
const S = W.sheets;
const H = W.headers;

/** "Đề cử cá nhân": one row per nominee; the nominating unit defaults to the nominee's own. */
export function parseNominations(grid: Grid, issues: Issue[]): NominationSpec[] {
  const sheet = S.nominations;
  const labels = {
    code: H.code,
    person: H.person,
    unit: H.unitCode,
    position: H.position,
    by: H.nominatedBy,
    byUnit: H.nominatingUnit,
  };
  const cols = headerRow(grid, sheet, labels, ['code', 'person', 'unit', 'by'], issues);
  const out: NominationSpec[] = [];
  for (let r = 1; r < grid.length; r++) {
    if (isBlankRow(grid[r])) continue;
    const get = (name: keyof typeof cols): string =>
      cols[name] >= 0 ? text(cellAt(grid, r, cols[name])) : '';
    const byText = get('by');
    const kind = choiceOf(W.choices.nominators, byText);
    if (!kind) {
      issues.push(
        error(
          'unknownChoice',
          { value: byText, choices: Object.values(W.choices.nominators).join(' / ') },
          at(sheet, r, cols.by),
        ),
      );
      continue;
    }
    const byUnit = get('byUnit');
    out.push({
      id: get('code'),
      name: get('person'),
      unit: get('unit'),
      position: get('position'),
      nominatedBy: kind === 'council' ? { kind } : { kind, unit: byUnit || get('unit') },
      source: ref(sheet, r, cols.code),
      cells: {
        unit: ref(sheet, r, cols.unit),
        nominatingUnit: ref(sheet, r, byUnit && cols.byUnit >= 0 ? cols.byUnit : cols.unit),
      },
    });
  }
  return out;
}
