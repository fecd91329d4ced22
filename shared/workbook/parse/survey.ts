// "Khảo sát": survey component scores, one row per unit and one column per component.
import { vi } from '../../i18n/vi';
import { error, type Issue } from '../../model/issues';
import type { CellRef, CellValue, ComponentSpec } from '../../model/types';
import { labelKey } from '../../scoring/cells';
import { cellAt, ref, text, type Grid } from '../grid';
import { at } from './common';

const S = vi.workbook.sheets;
const H = vi.workbook.headers;

/** "Khảo sát": each unit's survey scores by component, and the cell of each. */
export function parseSurvey(
  grid: Grid,
  components: readonly ComponentSpec[],
  issues: Issue[],
): { byUnit: Map<string, Record<string, CellValue>>; cells: Map<string, CellRef> } {
  const sheet = S.survey;
  const byUnit = new Map<string, Record<string, CellValue>>();
  const cells = new Map<string, CellRef>();
  const header = grid[0] ?? [];
  const codeCol = header.findIndex((v) => labelKey(text(v)) === labelKey(H.unitCode));
  if (codeCol < 0) {
    issues.push(error('missingHeader', { header: H.unitCode }, at(sheet, 0, 0)));
    return { byUnit, cells };
  }
  const compCols: { c: number; id: string }[] = [];
  header.forEach((v, c) => {
    const h = text(v);
    if (c === codeCol || h === '' || labelKey(h) === labelKey(H.unitName)) return;
    const comp = components.find(
      (k) => labelKey(k.id) === labelKey(h) || labelKey(k.name) === labelKey(h),
    );
    if (comp) compCols.push({ c, id: comp.id });
    else issues.push(error('unknownComponentColumn', { header: h }, at(sheet, 0, c)));
  });
  for (let r = 1; r < grid.length; r++) {
    const unit = text(cellAt(grid, r, codeCol));
    if (unit === '') continue;
    const scores: Record<string, CellValue> = {};
    for (const { c, id } of compCols) {
      const v = cellAt(grid, r, c);
      if (v === null || v === '') continue;
      scores[id] = v;
      cells.set(`${unit}\u0000${id}`, ref(sheet, r, c));
    }
    byUnit.set(unit, scores);
  }
  return { byUnit, cells };
}
