// The sheets the core hands a host to write: output blocks, and template sheets with their checks.
import type { CellValue } from '../model/types';

/** An output sheet: values with number formats, written in one batch; outputs hold no formulas. */
export interface OutputBlock {
  name: string;
  rows: CellValue[][];
  /** Number format per cell (same shape as rows); undefined = general. */
  formats: (string | undefined)[][];
  boldRows: number[];
  columnWidths: number[];
  frozenRows: number;
  /**
   * A clustered bar chart hosts that can draw one add beside the block: `range` is the data
   * rectangle (0-based, header row and category column included) inside `rows`.
   */
  chart?: ChartSpec;
  /**
   * Cells to highlight (0-based row and column inside `rows`) with the one highlight fill, light
   * orange FFF4CE: on "Đối chiếu", appraised scores that differ from the self score and notes
   * flagged for discussion. Purely visual: a host that cannot fill cells may ignore it.
   */
  highlights?: { row: number; col: number }[];
  /**
   * How the block is published (issue 15): the report font, its titled and bordered tables, the
   * alignment of its columns and its print set-up. Hosts that can format apply it over the
   * values; the values and number formats above stay the single source of what is printed.
   */
  report?: ReportLayout;
}

/** The report's font ("Phông chữ báo cáo" in "Cấu hình"; default Times New Roman 13). */
export interface ReportFont {
  name: string;
  /** points */
  size: number;
}

/**
 * One published table inside an output block's rows (all 0-based, inside `rows`):
 * - `title`: bold, upper case, centred over the table's columns;
 * - `subtitle`: the "Kèm theo …" line under the title (italic, centred), when "Cấu hình" has one;
 * - `header`: bold, centred, wrapped;
 * - data rows `firstRow` … `firstRow + rows - 1` (`rows` may be 0).
 * Thin borders go on every cell of header and data rows, columns `col` … `col + cols - 1`.
 */
export interface TableLayout {
  title: number;
  subtitle?: number;
  header: number;
  firstRow: number;
  rows: number;
  col: number;
  cols: number;
}

/** Data cells of a column: alignment and wrapping (numbers right, names and notes wrapped). */
export interface ColumnLayout {
  align: 'left' | 'center' | 'right';
  wrap: boolean;
}

/** The print set-up of an output sheet (the CLI's .xlsx and Excel's pageLayout; Sheets: docs). */
export interface PrintSetup {
  paper: 'A4';
  orientation: 'landscape' | 'portrait';
  /** All columns fitted to one page wide, as many pages tall as it takes. */
  fitToWidth: true;
  /** Rows repeated at the top of every printed page (0-based, inclusive). */
  repeatRows?: { first: number; last: number };
  /** Margins in millimetres. */
  margins: { top: number; bottom: number; left: number; right: number };
  /** Page numbers in the centre of the footer ("Trang 1/3"). */
  pageNumbers: true;
}

/** What OutputBlock.report holds: everything a host needs to make the sheet the appendix. */
export interface ReportLayout {
  font: ReportFont;
  /** The tables of the block, top to bottom. */
  tables: TableLayout[];
  /** One per column of the block (index = column). */
  columns: ColumnLayout[];
  print: PrintSetup;
}

/** A clustered bar chart of a data rectangle inside an output block's rows. */
export interface ChartSpec {
  title: string;
  range: { row: number; col: number; rows: number; cols: number };
}

/**
 * One data validation. `range` is a cell or range ("D2:Z40"), or several separated by spaces.
 * Exactly one of `values`, `listRange`, `decimal` and `whole` says what is allowed:
 * - values: a drop-down of these texts;
 * - listRange: a drop-down of the cells of a range, e.g. "'Danh mục'!$A$2:$A$9" (no '=');
 * - decimal: a number between min and max (inclusive);
 * - whole: an integer ≥ min (and ≤ max when given).
 * Blank cells are always allowed. `error` is the message shown on a wrong entry; `prompt` is
 * shown when the cell is selected.
 */
export interface Validation {
  range: string;
  values?: string[];
  listRange?: string;
  decimal?: { min: number; max: number };
  whole?: { min: number; max?: number };
  prompt?: string;
  error?: string;
}

/** A sheet to create: values, and optionally formats, formulas, validations and protection. */
export interface TemplateSheet {
  name: string;
  /** row-major, ragged allowed; null / undefined = empty cell */
  rows: (CellValue | undefined)[][];
  formats?: (string | undefined)[][];
  boldRows?: number[];
  columnWidths?: number[];
  frozenRows?: number;
  /** Formula text per cell without the leading '=' (same shape as rows), e.g. "SUM(C3,C4)". */
  formulas?: (string | undefined)[][];
  validations?: Validation[];
  /**
   * Protect the sheet (no password) leaving the `unlocked` ranges editable. `editors` (Google
   * Sheets): only these people (and the owner) may edit the sheet at all; hosts without
   * per-person protection ignore it.
   */
  protection?: { unlocked: string[]; editors?: string[] };
}
