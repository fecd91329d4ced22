/**
 * Last year's results as the hosts handle them (issue 17): the sheet "Kết quả năm trước" that
 * "Xếp hạng" reads with the other sheets when it exists, and how many units a copy of last
 * year's "Kết quả" lists. Pure: no host, no file.
 */
import { vi } from '../i18n/vi';
import type { CellValue } from '../model/types';
import { labelKey } from '../scoring/cells';
import { SHEETS_TO_READ } from './run';

/**
 * "Kết quả năm trước". The one place the hosts take its name from: switch to
 * vi.workbook.sheets.previousResults when the core's key is merged.
 */
export const PREVIOUS_SHEET: string = vi.previousHost.sheet;

/**
 * Every sheet a host reads for one click of "Xếp hạng": SHEETS_TO_READ and, when not among
 * them already, "Kết quả năm trước" (read in the same batch; never written by a run).
 */
export const RANK_SHEETS: readonly string[] = SHEETS_TO_READ.includes(PREVIOUS_SHEET)
  ? SHEETS_TO_READ
  : [...SHEETS_TO_READ, PREVIOUS_SHEET];

const text = (v: CellValue | undefined): string =>
  v === null || v === undefined ? '' : String(v).trim();

/**
 * The units a copy of last year's "Kết quả" lists: under each header row holding "Mã đơn vị"
 * and "Chỉ số (%)" (one per block table), the codes of the rows down to the table's end (a
 * blank code), counted once each.
 */
export function previousUnitCount(rows: readonly (readonly CellValue[])[]): number {
  const code = labelKey(vi.reportLayout.unitCode);
  const index = labelKey(vi.report.index);
  const codes = new Set<string>();
  for (let r = 0; r < rows.length; r++) {
    const keys = (rows[r] ?? []).map((v) => labelKey(text(v)));
    const c = keys.indexOf(code);
    if (c < 0 || !keys.includes(index)) continue;
    for (r++; r < rows.length; r++) {
      const id = text(rows[r]?.[c]);
      if (id === '') break;
      codes.add(id);
    }
  }
  return codes.size;
}
