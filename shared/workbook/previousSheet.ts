/**
 * Last year's results as the hosts handle them (issue 17): the sheet "Kết quả năm trước" that
 * "Xếp hạng" reads with the other sheets when it exists, and how many units a copy of last
 * year's "Kết quả" lists. Pure: no host, no file.
 */
import { vi } from '../i18n/vi';
import type { Grid } from './grid';
import { parsePreviousResults } from './parse/previous';
import { SHEETS_TO_READ } from './run';

/** "Kết quả năm trước": the one place the hosts take its name from. */
export const PREVIOUS_SHEET: string = vi.workbook.sheets.previousResults;

/**
 * Every sheet a host reads for one click of "Xếp hạng": SHEETS_TO_READ and, when not among
 * them already, "Kết quả năm trước" (read in the same batch; never written by a run).
 */
export const RANK_SHEETS: readonly string[] = SHEETS_TO_READ.includes(PREVIOUS_SHEET)
  ? SHEETS_TO_READ
  : [...SHEETS_TO_READ, PREVIOUS_SHEET];

/**
 * The units a copy of last year's "Kết quả" lists, as "Xếp hạng" will read them
 * (parsePreviousResults: the codes under each table's header row); 0 when it lists none or is in
 * an older layout without "Mã đơn vị".
 */
export function previousUnitCount(rows: Grid): number {
  return parsePreviousResults(rows, [])?.size ?? 0;
}
