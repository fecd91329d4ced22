/** Data shapes and the error type of the .xlsx reader and writer. */
import type { CellRef } from '../shared/model/cellRef';
import type { ChartSpec, ReportLayout, Validation } from '../shared/workbook/output';

/** A cell value as in shared/model/types.ts, except that the reader never yields undefined. */
export type CellValue = string | number | boolean | null;

export interface SheetData {
  /** The sheet's name as the workbook spells it. */
  name: string;
  /** rows[r][c], 0-based (rows[0] is Excel row 1); no trailing empty cells or rows. */
  rows: CellValue[][];
  /** merged ranges like "B2:D3" */
  merges: string[];
  /** Cells (0-based) holding a formula saved without its result, when there are any. */
  uncomputed?: { row: number; col: number }[];
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
  /**
   * Cells (0-based row and column) filled with the highlight colour, light orange FFF4CE; a
   * highlighted blank cell is written (empty, filled) so that the fill shows.
   */
  highlights?: { row: number; col: number }[];
  /**
   * Formula text per cell as typed in Excel but without the leading '=' (one is tolerated and
   * dropped), same shape as rows; e.g. "SUM(B2:B4)". Functions newer than Excel 2007
   * (RANK.EQ, IFS, …) get the "_xlfn." prefix the file format needs. A formula cell caches
   * rows[r][c] only when that is a finite number or a boolean; otherwise it is written without
   * a value and the application computes it on opening. Formulas never come from rows text.
   */
  formulas?: (string | undefined)[][];
  /** Data validation rules (drop-down lists, number ranges) with Vietnamese messages. */
  validations?: Validation[];
  /**
   * Protects the sheet (no password: "Review › Unprotect Sheet" lifts it) while leaving the
   * cells of `unlocked` ranges ("D2:Z40", "B3") editable; their blank cells are written too,
   * styled unlocked, so that a person can type in them.
   */
  protection?: { unlocked: string[] };
  /**
   * The published look (issue 15): the report font on every cell written, titled tables with
   * bold, centred headers and thin borders, per-column alignment, and the print set-up (A4,
   * fitted to one page wide, header rows repeated, page numbers). See xlsx/report.ts.
   */
  report?: ReportLayout;
  /** A clustered bar chart of a rectangle of `rows`, drawn beside it (xlsx/chart.ts). */
  chart?: ChartSpec;
}

/**
 * One data validation, as the core's template describes it (shared/workbook/template.ts). In
 * the .xlsx, a `values` list Excel cannot hold inline (an item with a comma, more than 255
 * characters in all) goes to a column of the hidden sheet "Danh sách chọn", which writeSheets
 * adds (or replaces) for it.
 */
export type { ChartSpec, ReportLayout, Validation };

export type XlsxErrorCode =
  | 'notFound'
  | 'notXlsx'
  | 'locked'
  | 'missingPart'
  /** a part that fails its checks (CRC, sizes, method, caps, XML): xlsx/package.ts */
  | 'damaged'
  /** a file-system failure other than the above (disk full, read-only, …): cli/files.ts */
  | 'fileSystem'
  /** a sheet past Excel's limits (xlsx/limits.ts) */
  | 'excelLimit';

/**
 * A failure the user can act on; the message is in Vietnamese and names the file, or, when
 * `cell` is set (a damaged cell), says what is wrong there: the cell is its location.
 */
export class XlsxError extends Error {
  constructor(
    public readonly code: XlsxErrorCode,
    message: string,
    public readonly cell?: CellRef,
  ) {
    super(message);
    this.name = 'XlsxError';
  }
}
