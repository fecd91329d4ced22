/** Data shapes and the error type of the .xlsx reader and writer. */

/** A cell value as in shared/model/types.ts, except that the reader never yields undefined. */
export type CellValue = string | number | boolean | null;

export interface SheetData {
  /** The sheet's name as the workbook spells it. */
  name: string;
  /** rows[r][c], 0-based (rows[0] is Excel row 1); no trailing empty cells or rows. */
  rows: CellValue[][];
  /** merged ranges like "B2:D3" */
  merges: string[];
}

export interface OutputSheet {
  name: string;
  /**
   * row-major, ragged allowed; null = empty cell, and so are "" and undefined (accepted so that
   * the core's OutputBlock, whose CellValue allows undefined, is an OutputSheet as it is)
   */
  rows: (CellValue | undefined)[][];
  /** number format per cell, same shape as rows or undefined; e.g. "0.00", "0", "@", "dd/mm/yyyy" */
  formats?: (string | undefined)[][];
  /** bold rows (0-based), e.g. block titles and header rows */
  boldRows?: number[];
  /** in Excel character widths, as the column-width dialog shows them */
  columnWidths?: number[];
  /** freeze panes below this many rows */
  frozenRows?: number;
}

export type XlsxErrorCode = 'notFound' | 'notXlsx' | 'locked' | 'missingPart';

/** A failure the user can act on; the message is in Vietnamese and names the file. */
export class XlsxError extends Error {
  constructor(
    public readonly code: XlsxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'XlsxError';
  }
}
