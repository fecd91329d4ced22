/**
 * Excel's limits, checked before a byte of the file is written: a cell beyond column XFD or row
 * 1,048,576, or a text of more than 32,767 characters, makes a file Excel refuses (or, for
 * text, cuts without a word). The writer never writes such a file: it throws SheetLimitError, a
 * Vietnamese message naming the sheet (and the cell), instead.
 */
import { formatMessage, vi } from '../shared/i18n/vi';
import { columnName, MAX_COLS, MAX_ROWS } from './ranges';
import type { OutputSheet } from './types';
import { XlsxError } from './types';

/** Characters a cell holds at most (Excel's "Specifications and limits"). */
export const MAX_TEXT = 32_767;

/**
 * Cell formats (cellXfs entries) a workbook holds at most: Excel's "64,000 unique cell
 * formats". The writer reuses identical entries; a workbook that would pass it is refused.
 */
export const MAX_CELL_XFS = 64_000;

const L = vi.cli.fileSystem.limits;

/** 1048576 → "1 048 576", as Vietnamese text groups digits. */
const n = (x: number): string => String(x).replace(/\B(?=(\d{3})+$)/g, ' ');

/** A sheet past one of Excel's limits; `sheet` and `limit` let a host say what to do. */
export class SheetLimitError extends XlsxError {
  constructor(
    message: string,
    public readonly sheet: string,
    public readonly limit: 'rows' | 'columns' | 'text' | 'styles',
  ) {
    super('excelLimit', message);
  }
}

const tooManyRows = (sheet: string, rows: number): SheetLimitError =>
  new SheetLimitError(
    formatMessage(L.rows, { sheet, rows: n(rows), max: n(MAX_ROWS) }),
    sheet,
    'rows',
  );

/** `col`, `row` 0-based. */
const tooManyColumns = (sheet: string, row: number, col: number): SheetLimitError =>
  new SheetLimitError(
    formatMessage(L.columns, {
      sheet,
      cols: n(col + 1),
      cell: `${columnName(col)}${row + 1}`,
      max: n(MAX_COLS),
    }),
    sheet,
    'columns',
  );

/** A text longer than a cell holds (`row`, `col` 0-based); the writer checks each text it writes. */
export const textTooLong = (
  sheet: string,
  row: number,
  col: number,
  length: number,
): SheetLimitError =>
  new SheetLimitError(
    formatMessage(L.text, {
      sheet,
      cell: `${columnName(col)}${row + 1}`,
      length: n(length),
      max: n(MAX_TEXT),
    }),
    sheet,
    'text',
  );

const CORNER = /^\$?([A-Za-z]+)\$?([0-9]+)$/;

/** The corners of a range ("D3:XFE3", several separated by spaces) past the limits, if any. */
function checkRange(sheet: string, range: string): void {
  for (const part of range.trim().split(/\s+/)) {
    for (const corner of part.split(':')) {
      const m = CORNER.exec(corner);
      // a malformed range is the range parser's to report
      if (!m) continue;
      let c = 0;
      for (const ch of m[1].toUpperCase()) {
        c = c * 26 + (ch.charCodeAt(0) - 64);
        if (c > MAX_COLS) break;
      }
      const r = Number(m[2]);
      if (r > MAX_ROWS) throw tooManyRows(sheet, r);
      if (c > MAX_COLS) throw tooManyColumns(sheet, Math.max(0, r - 1), c - 1);
    }
  }
}

/**
 * Throws SheetLimitError when the sheet would not open in Excel: a value, formula, highlight,
 * unlocked range or data validation beyond column XFD or row 1,048,576. One look per row, not
 * per cell. Texts longer than 32,767 characters are refused by the worksheet writer as it
 * meets them (textTooLong), which looks at every text anyway: a pass over every cell here
 * cost 10–30 ms on a 1,000-unit run (measured in the bundle).
 */
export function checkSheetLimits(sheet: OutputSheet): void {
  const name = sheet.name;
  const { rows, formulas } = sheet;
  if (rows.length > MAX_ROWS) throw tooManyRows(name, rows.length);
  if (formulas && formulas.length > MAX_ROWS) throw tooManyRows(name, formulas.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row && row.length > MAX_COLS) throw tooManyColumns(name, r, row.length - 1);
  }
  if (formulas) {
    for (let r = 0; r < formulas.length; r++) {
      const row = formulas[r];
      if (row && row.length > MAX_COLS) throw tooManyColumns(name, r, row.length - 1);
    }
  }
  for (const { row, col } of sheet.highlights ?? []) {
    if (row >= MAX_ROWS) throw tooManyRows(name, row + 1);
    if (col >= MAX_COLS) throw tooManyColumns(name, row, col);
  }
  for (const range of sheet.protection?.unlocked ?? []) checkRange(name, range);
  for (const v of sheet.validations ?? []) checkRange(name, v.range);
}
