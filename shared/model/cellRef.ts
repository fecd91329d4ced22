/** What a spreadsheet cell holds and where it is: the two types every spec and message uses. */

/** A value as a spreadsheet cell yields it (Excel, Sheets and the .xlsx reader alike). */
export type CellValue = string | number | boolean | null | undefined;

/** Where something came from, so every message can name the sheet and cell. */
export interface CellRef {
  sheet: string;
  /** 1-based row, as the user sees it. */
  row: number;
  /** 1-based column (1 = A). */
  col: number;
}
