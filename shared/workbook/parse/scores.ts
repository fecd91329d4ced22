// The score grids "Tự chấm", "Chấm điểm", "Chấm điểm vòng 2": a column per unit (and appraiser).
import { vi } from '../../i18n/vi';
import { error, type Issue } from '../../model/issues';
import type { AppraiserSpec, CellRef, CellValue, ScoreGrid } from '../../model/types';
import { labelKey } from '../../scoring/cells';
import { cellAt, ref, text, type Grid } from '../grid';
import { at, hintFor } from './common';
import { rangeStart } from './merges';

const H = vi.workbook.headers;

/** A score cell's locator: by unit and criterion, and by appraiser on a panel's sheet. */
export type ScoreLocator = (unit: string, code: string, appraiser?: string) => CellRef | undefined;

/**
 * A score sheet ("Tự chấm" / "Chấm điểm" / "Chấm điểm vòng 2"): row 1 = "Mã tiêu chí" then unit
 * codes; one row per leaf criterion. On an appraisal sheet, a second header row starting with
 * "Người chấm" names the appraiser of each unit column (by id or name), and a unit may then have
 * one column per appraiser. Rows of parent criteria (subtotal formulas) and rows without a code
 * are ignored; merged cells inside the grid are rejected.
 */
export function parseScores(
  sheetName: string,
  grid: Grid,
  merges: readonly string[],
  unitIds: ReadonlySet<string>,
  parents: ReadonlySet<string>,
  issues: Issue[],
  panel?: readonly AppraiserSpec[],
): { scores: ScoreGrid; locate: ScoreLocator } {
  const scores: ScoreGrid = { codes: [], rows: [], units: [], cols: [] };
  // Where every unit column and criterion row is, so any cell — even a blank one — can be named
  // without storing 750,000 locations. Columns are keyed by appraiser and unit.
  const unitCol = new Map<string, number>();
  const firstCol = new Map<string, number>();
  const codeRow = new Map<string, number>();
  const locate: ScoreLocator = (unit, code, appraiser) => {
    const r = codeRow.get(code);
    const c =
      appraiser === undefined ? firstCol.get(unit) : unitCol.get(`${appraiser}\u0000${unit}`);
    return r === undefined || c === undefined ? undefined : ref(sheetName, r, c);
  };
  const header = grid[0] ?? [];
  const codeCol = header.findIndex((v) => labelKey(text(v)) === labelKey(H.criterionCode));
  if (codeCol < 0) {
    issues.push(error('missingHeader', { header: H.criterionCode }, at(sheetName, 0, 0)));
    return { scores, locate };
  }
  for (const range of merges) {
    issues.push(error('mergedCells', { range }, { cell: rangeStart(sheetName, range) }));
  }
  const fixed = new Set(
    [H.criterionCode, H.criterionName, H.max, H.rule, 'Ghi chú'].map((h) => labelKey(h)),
  );
  // "Người chấm" under "Mã tiêu chí": the appraisers' row; the criteria start below it.
  const names = panel && labelKey(text(grid[1]?.[codeCol])) === labelKey(H.appraiser);
  const appraiserOf = new Map<string, string>();
  for (const a of panel ?? []) {
    appraiserOf.set(labelKey(a.name), a.id);
    appraiserOf.set(labelKey(a.id), a.id);
  }
  if (names) scores.appraisers = [];
  // The columns holding something on a criterion's row (a row with a code), found in one pass
  // over the cells present: a loop (not Math.max(...rows), which overflows the stack on a sheet
  // of 120,000 rows), and not one pass per column (a cell at XFD1048576 makes 16,384 columns).
  let width = header.length;
  const filled = new Set<number>();
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    if (!row) continue;
    if (row.length > width) width = row.length;
    if (text(row[codeCol]) === '') continue;
    for (let c = 0; c < row.length; c++) if (text(row[c]) !== '') filled.add(c);
  }
  for (let c = 0; c < width; c++) {
    if (c === codeCol) continue;
    const h = text(header[c]);
    if (fixed.has(labelKey(h))) continue;
    if (h === '') {
      // A column of scores with no unit code above it.
      if (filled.has(c)) issues.push(error('unitColumnNoHeader', {}, at(sheetName, 0, c)));
      continue;
    }
    if (!unitIds.has(h)) {
      issues.push(
        error('unknownUnitColumn', { unit: h, hint: hintFor(h, unitIds) }, at(sheetName, 0, c)),
      );
      continue;
    }
    let appraiser = '';
    if (names) {
      const named = text(grid[1]?.[c]);
      const id = named === '' ? '' : appraiserOf.get(labelKey(named));
      if (id === undefined) {
        issues.push(error('unknownAppraiser', { id: named }, at(sheetName, 1, c)));
        continue;
      }
      appraiser = id;
    }
    const key = `${appraiser}\u0000${h}`;
    if (unitCol.has(key)) {
      issues.push(
        names
          ? error(
              'duplicateAppraisal',
              { unit: h, appraiser: appraiser || '—' },
              at(sheetName, 0, c),
            )
          : error('duplicateUnitColumn', { unit: h }, at(sheetName, 0, c)),
      );
      continue;
    }
    unitCol.set(key, c);
    if (!firstCol.has(h)) firstCol.set(h, c);
    scores.units.push(h);
    scores.cols.push(c);
    scores.appraisers?.push(appraiser);
  }
  for (let r = names ? 2 : 1; r < grid.length; r++) {
    const code = text(cellAt(grid, r, codeCol));
    if (code === '' || parents.has(code)) continue;
    if (codeRow.has(code)) {
      issues.push(error('duplicateCriterionRow', { code }, at(sheetName, r, codeCol)));
      continue;
    }
    codeRow.set(code, r);
    scores.codes.push(code);
    (scores.rows as (readonly CellValue[] | undefined)[]).push(grid[r]);
  }
  return { scores, locate };
}
