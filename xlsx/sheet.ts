/**
 * Serializing one OutputSheet as a worksheet part: values, formulas (only from the formulas
 * field), inline strings, styles by index, data validations and sheet protection.
 */
import { columnName, inIntervals, MAX_COLS, MAX_ROWS, parseRange, rowIntervals } from './ranges';
import { styleKey } from './styles';
import type { CellValue, OutputSheet } from './types';
import { dataValidationsXml, SHEET_PROTECTION } from './validation';
import { ByteWriter } from './byteWriter';
import { MAX_TEXT, textTooLong } from './limits';
import { escapeCellText } from './xml';
import { FIT_TO_PAGE, printXml, ReportLooks } from './report';
import { formatMessage, vi } from '../shared/i18n/vi';

/** Distinct texts whose bytes a sheet keeps (a few MB at most). */
const TEXT_CACHE = 50_000;

/** Excel shows column widths in characters of the default font's digits (7 px in Calibri 11) and stores them with 5 px of padding. */
const DIGIT_PX = 7;
const PADDING_PX = 5;

const NO_CELLS: (CellValue | undefined)[] = [];

/**
 * Functions added after Excel 2007: a file must name them "_xlfn.NAME", or Excel shows #NAME?.
 * (Dynamic-array functions are left out: they need more than a prefix.)
 */
const FUTURE_FUNCTIONS = new Set([
  'AGGREGATE',
  'CEILING.MATH',
  'CONCAT',
  'DAYS',
  'FLOOR.MATH',
  'IFNA',
  'IFS',
  'ISOWEEKNUM',
  'MAXIFS',
  'MINIFS',
  'MODE.SNGL',
  'PERCENTILE.EXC',
  'PERCENTILE.INC',
  'QUARTILE.EXC',
  'QUARTILE.INC',
  'RANK.AVG',
  'RANK.EQ',
  'STDEV.P',
  'STDEV.S',
  'SWITCH',
  'TEXTJOIN',
  'VAR.P',
  'VAR.S',
  'XLOOKUP',
  'XMATCH',
  'XOR',
]);

/** Function names outside string literals and quoted sheet names, with the prefix they may have. */
const FUNCTION_CALL = /("(?:[^"]|"")*"|'(?:[^']|'')*')|(_xlfn\.)?\b([A-Za-z][A-Za-z0-9.]*)(?=\()/g;

/** Formula text as typed (a leading '=' tolerated) → as stored in <f>, newer functions prefixed. */
export function fileFormula(formula: string): string {
  const f = formula.startsWith('=') ? formula.slice(1) : formula;
  return f.replace(FUNCTION_CALL, (whole, quoted?: string, prefix?: string, name?: string) => {
    if (quoted !== undefined || prefix !== undefined || name === undefined) return whole;
    return FUTURE_FUNCTIONS.has(name.toUpperCase()) ? '_xlfn.' + whole : whole;
  });
}

const isBlank = (v: CellValue | undefined): boolean => v === null || v === undefined || v === '';
const hasFormula = (f: string | undefined): f is string => f !== undefined && f !== '';

/** Column intervals of the unlocked cells per row (none when the sheet is not protected). */
function unlockedIntervals(sheet: OutputSheet): {
  intervals: (number[] | undefined)[];
  rows: number;
} {
  const unlocked = sheet.protection?.unlocked ?? [];
  return rowIntervals(unlocked.map(parseRange));
}

/** Last column (exclusive) of a row's cells, formulas and unlocked intervals. */
function rowWidth(
  row: readonly unknown[],
  formulas: readonly unknown[] | undefined,
  intervals: number[] | undefined,
): number {
  let w = row.length;
  if (formulas && formulas.length > w) w = formulas.length;
  if (intervals && intervals[intervals.length - 1] + 1 > w) w = intervals[intervals.length - 1] + 1;
  return w;
}

const tooManyRows = (sheet: OutputSheet): RangeError =>
  new RangeError(formatMessage(vi.xlsx.tooManyRows, { sheet: sheet.name, max: MAX_ROWS }));
const tooManyColumns = (sheet: OutputSheet, row: number): RangeError =>
  new RangeError(
    formatMessage(vi.xlsx.tooManyColumns, { sheet: sheet.name, max: MAX_COLS, row: row + 1 }),
  );

/**
 * The highlighted columns of each row (OutputSheet.highlights). A highlight past the sheet's
 * limits is refused as a value there would be.
 */
function highlightsByRow(sheet: OutputSheet): (number[] | undefined)[] {
  const byRow: (number[] | undefined)[] = [];
  for (const { row, col } of sheet.highlights ?? []) {
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0) continue;
    if (row >= MAX_ROWS) throw tooManyRows(sheet);
    if (col >= MAX_COLS) {
      throw tooManyColumns(sheet, row);
    }
    const cols = byRow[row];
    if (!cols) byRow[row] = [col];
    else if (!cols.includes(col)) cols.push(col);
  }
  return byRow;
}

/**
 * Style keys (see styleKey) the sheet's cells use: every cell written, i.e. with a value, a
 * formula, inside an unlocked range, or highlighted.
 */
export function sheetStyleKeys(sheet: OutputSheet): Set<string> {
  if (sheet.report) return reportStyleKeys(sheet, new ReportLooks(sheet.report));
  const keys = new Set<string>();
  const bold = new Set(sheet.boldRows ?? []);
  const { intervals, rows: unlockedRows } = unlockedIntervals(sheet);
  // The formats seen per (bold, unlocked, highlighted): a key is made once per new format, not
  // per cell.
  const seen = [0, 1, 2, 3, 4, 5, 6, 7].map(() => new Set<string | undefined>());
  const lit = highlightsByRow(sheet);
  for (let r = 0; r < lit.length; r++) {
    const cols = lit[r];
    if (!cols) continue;
    const open = intervals[r];
    const b = bold.has(r);
    for (const c of cols) {
      const unlocked = open !== undefined && inIntervals(open, c);
      const f = sheet.formats?.[r]?.[c];
      const set = seen[4 + (b ? 1 : 0) + (unlocked ? 2 : 0)];
      if (set.has(f)) continue;
      set.add(f);
      keys.add(styleKey(f, b, unlocked, true));
    }
  }
  const rowCount = Math.max(sheet.rows.length, sheet.formulas?.length ?? 0, unlockedRows);
  let lastFormats: readonly (string | undefined)[] | undefined;
  for (let r = 0; r < rowCount; r++) {
    const row = sheet.rows[r] ?? NO_CELLS;
    const fmts = sheet.formats?.[r];
    const formulas = sheet.formulas?.[r];
    const open = intervals[r];
    const b = bold.has(r);
    if (!fmts && !b && !open) continue;
    // Rows sharing one formats array (a table's lines) and no unlocked cells add nothing new.
    if (fmts !== undefined && fmts === lastFormats && !b && !open) {
      let complete = true;
      for (let c = 0; c < fmts.length && complete; c++) complete = seen[0].has(fmts[c]);
      if (complete && seen[0].has(undefined)) continue;
    }
    lastFormats = fmts;
    const width = rowWidth(row, formulas, open);
    for (let c = 0; c < width; c++) {
      const unlocked = open !== undefined && inIntervals(open, c);
      if (!unlocked && isBlank(row[c]) && !hasFormula(formulas?.[c])) continue;
      const f = fmts?.[c];
      const set = seen[(b ? 1 : 0) + (unlocked ? 2 : 0)];
      if (set.has(f)) continue;
      set.add(f);
      keys.add(styleKey(f, b, unlocked));
    }
  }
  return keys;
}

/**
 * The style keys of a sheet with a report layout: every cell written (as sheetStyleKeys says,
 * and the blank cells of its tables) with its look.
 */
function reportStyleKeys(sheet: OutputSheet, looks: ReportLooks): Set<string> {
  const keys = new Set<string>();
  const bold = new Set(sheet.boldRows ?? []);
  const { intervals, rows: unlockedRows } = unlockedIntervals(sheet);
  const lit = highlightsByRow(sheet);
  const rowCount = Math.max(
    sheet.rows.length,
    sheet.formulas?.length ?? 0,
    unlockedRows,
    lit.length,
    looks.rowCount,
  );
  for (let r = 0; r < rowCount; r++) {
    const row = sheet.rows[r] ?? NO_CELLS;
    const fmts = sheet.formats?.[r];
    const formulas = sheet.formulas?.[r];
    const open = intervals[r];
    const litCols = lit[r];
    const b = bold.has(r) || looks.bold(r);
    let width = Math.max(rowWidth(row, formulas, open), looks.extent(r));
    if (litCols) for (const c of litCols) if (c + 1 > width) width = c + 1;
    for (let c = 0; c < width; c++) {
      const unlocked = open !== undefined && inIntervals(open, c);
      const highlighted = litCols !== undefined && litCols.includes(c);
      if (
        !unlocked &&
        !highlighted &&
        isBlank(row[c]) &&
        !hasFormula(formulas?.[c]) &&
        !looks.inTable(r, c)
      ) {
        continue;
      }
      keys.add(styleKey(fmts?.[c], b, unlocked, highlighted, looks.at(r, c)));
    }
  }
  return keys;
}

/** Width as typed in Excel → the value stored in <col width>, which includes the padding. */
function storedWidth(chars: number): number {
  return Math.trunc(((chars * DIGIT_PX + PADDING_PX) / DIGIT_PX) * 256) / 256;
}

function colsXml(widths: number[]): string {
  const out: string[] = [];
  let c = 0;
  while (c < widths.length && c < MAX_COLS) {
    const w = widths[c];
    if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0) {
      c++;
      continue;
    }
    let last = c;
    while (last + 1 < widths.length && widths[last + 1] === w) last++;
    out.push(`<col min="${c + 1}" max="${last + 1}" width="${storedWidth(w)}" customWidth="1"/>`);
    c = last + 1;
  }
  return out.length > 0 ? `<cols>${out.join('')}</cols>` : '';
}

const NO_FORMATS: (string | undefined)[] = [];

/**
 * White space a reader may trim or fold unless the text says xml:space="preserve": at either
 * end, a tab or line break anywhere, or two spaces in a row. Other text goes without the
 * attribute, 21 bytes less a cell (a fifth of a "Đối chiếu" line).
 */
const LOOSE_SPACE = /^\s|\s$|[\t\n\r]| {2}/;

/** A text cell's <is> element (escaped; xml:space="preserve" only where white space needs it). */
export function inlineString(text: string): string {
  const escaped = escapeCellText(text);
  // tested after escaping too: dropping a character XML cannot hold may leave spaces at an
  // end or side by side
  const loose = LOOSE_SPACE.test(text) || LOOSE_SPACE.test(escaped);
  return `<is>${loose ? '<t xml:space="preserve">' : '<t>'}${escaped}</t></is>`;
}

/**
 * The worksheet part as UTF-8 bytes, written straight into one buffer (see ByteWriter).
 * `styles` maps style keys to cellXfs indexes (keys absent = index 0).
 * Empty strings, like null, give no cell: a cell holding "" looks empty but is not blank to
 * COUNTA or ISBLANK. Non-finite numbers become the #NUM! error, which Excel can store.
 * Elements follow the order the schema requires (CT_Worksheet): sheetPr, sheetViews, cols,
 * sheetData, sheetProtection, dataValidations, pageMargins, pageSetup, headerFooter, drawing.
 * `drawing` is the relationship of the sheet's chart drawing, when it has one.
 */
export function worksheetBytes(
  sheet: OutputSheet,
  styles: ReadonlyMap<string, number>,
  mainNs: string,
  drawing?: { relNs: string; id: string },
): Uint8Array {
  const looks = sheet.report ? new ReportLooks(sheet.report) : undefined;
  const { intervals, rows: unlockedRows } = unlockedIntervals(sheet);
  const allFormulas = sheet.formulas;
  const highlights = highlightsByRow(sheet);
  const rowCount = Math.max(
    sheet.rows.length,
    allFormulas?.length ?? 0,
    unlockedRows,
    highlights.length,
    looks?.rowCount ?? 0,
  );
  if (rowCount > MAX_ROWS) {
    throw tooManyRows(sheet);
  }
  // validated before any work, so that a bad rule fails fast
  const validations = dataValidationsXml(sheet.validations);
  // Sized up front from the cell count (about 48 bytes a cell): a buffer doubled from small
  // reallocates and copies its way to tens of MB on a large table.
  let cells = 0;
  for (const row of sheet.rows) cells += row?.length ?? 0;
  const out = new ByteWriter(Math.min((1 << 16) + cells * 48, 1 << 28));
  out.text('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n');
  out.text(`<worksheet xmlns="${mainNs}"` + (drawing ? ` xmlns:r="${drawing.relNs}">` : '>'));
  if (sheet.report) out.text(FIT_TO_PAGE);
  const frozen = Math.floor(sheet.frozenRows ?? 0);
  if (frozen > 0) {
    out.text(
      '<sheetViews><sheetView workbookViewId="0">' +
        `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` +
        '</sheetView></sheetViews>',
    );
  }
  if (sheet.columnWidths) out.text(colsXml(sheet.columnWidths));
  out.text('<sheetData>');
  const bold = new Set(sheet.boldRows ?? []);
  // The s="…" attribute per (format, bold, unlocked), cached by the format string itself:
  // building a style key per cell would cost more than writing the cell.
  const attrCache = [0, 1, 2, 3, 4, 5, 6, 7].map(() => new Map<string | undefined, string>());
  const attrFor = (f: string | undefined, b: boolean, u: boolean, h = false): string => {
    const cache = attrCache[(b ? 1 : 0) + (u ? 2 : 0) + (h ? 4 : 0)];
    let attr = cache.get(f);
    if (attr === undefined) {
      const xf = styles.get(styleKey(f, b, u, h)) ?? 0;
      attr = xf === 0 ? '' : ` s="${xf}"`;
      cache.set(f, attr);
    }
    return attr;
  };
  const plainAttrs = new Map<readonly (string | undefined)[], string[]>();
  const boldAttrs = new Map<readonly (string | undefined)[], string[]>();
  // Text cells repeat (unit and criterion names on every line of a table): each one's
  // <is><t>…</t></is> is made once, up to a bound.
  // With a report layout, the s="…" of each style key (its look depends on row and column).
  const reportAttrs = new Map<string, string>();
  const reportAttr = (key: string): string => {
    let attr = reportAttrs.get(key);
    if (attr === undefined) {
      const xf = styles.get(key) ?? 0;
      attr = xf === 0 ? '' : ` s="${xf}"`;
      reportAttrs.set(key, attr);
    }
    return attr;
  };
  const inlineTexts = new Map<string, string>();
  const inlineText = (v: string, r: number, c: number): string => {
    let e = inlineTexts.get(v);
    if (e === undefined) {
      // Excel would cut it without a word: refused (only texts up to 256 are cached)
      if (v.length > MAX_TEXT) throw textTooLong(sheet.name, r, c, v.length);
      e = inlineString(v);
      if (inlineTexts.size < TEXT_CACHE && v.length <= 256) inlineTexts.set(v, e);
    }
    return e;
  };
  for (let r = 0; r < rowCount; r++) {
    const row = sheet.rows[r] ?? NO_CELLS;
    const formulas = allFormulas?.[r];
    const open = intervals[r];
    const lit = highlights[r];
    const extent = looks ? looks.extent(r) : 0;
    if (row.length === 0 && !formulas && !open && !lit && extent === 0) continue;
    let width = Math.max(rowWidth(row, formulas, open), extent);
    if (lit) for (const c of lit) if (c + 1 > width) width = c + 1;
    if (width > MAX_COLS) {
      throw tooManyColumns(sheet, r);
    }
    const fmts = sheet.formats?.[r];
    const b = bold.has(r) || (looks !== undefined && looks.bold(r));
    const rowNumber = String(r + 1);
    // One string per row, encoded into the buffer in one native call.
    let line = '';
    // The s="…" of each column, shared by the rows with the same formats array (a table's lines).
    let rowAttrs: string[] | undefined;
    if ((fmts || b) && !looks) {
      const byFormats = b ? boldAttrs : plainAttrs;
      const key = fmts ?? NO_FORMATS;
      rowAttrs = byFormats.get(key);
      if (rowAttrs === undefined) {
        rowAttrs = Array.from({ length: key.length }, (_, c) => attrFor(key[c], b, false));
        byFormats.set(key, rowAttrs);
      }
    }
    for (let c = 0; c < width; c++) {
      const v = row[c];
      const formula = formulas?.[c];
      const unlocked = open !== undefined && inIntervals(open, c);
      const blank = v === null || v === undefined || v === '';
      const highlighted = lit !== undefined && lit.includes(c);
      const tabled = looks !== undefined && looks.inTable(r, c);
      if (
        blank &&
        !unlocked &&
        !highlighted &&
        !tabled &&
        (formula === undefined || formula === '')
      ) {
        continue;
      }
      let s = '';
      if (looks) s = reportAttr(styleKey(fmts?.[c], b, unlocked, highlighted, looks.at(r, c)));
      else if (highlighted) s = attrFor(fmts?.[c], b, unlocked, true);
      else if (unlocked) s = attrFor(fmts?.[c], b, true);
      else if (rowAttrs !== undefined)
        s = c < rowAttrs.length ? rowAttrs[c] : attrFor(undefined, b, false);
      const head = '<c r="' + columnName(c) + rowNumber + '"' + s;
      if (formula !== undefined && formula !== '') {
        const f = `<f>${escapeCellText(fileFormula(formula))}</f>`;
        if (typeof v === 'number' && Number.isFinite(v)) {
          line += `${head}>${f}<v>${String(v)}</v></c>`;
        } else if (typeof v === 'boolean') {
          line += `${head} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
        } else {
          line += `${head}>${f}</c>`;
        }
      } else if (blank) {
        line += head + '/>';
      } else if (typeof v === 'number') {
        line += Number.isFinite(v)
          ? `${head}><v>${String(v)}</v></c>`
          : `${head} t="e"><v>#NUM!</v></c>`;
      } else if (typeof v === 'boolean') {
        line += v ? `${head} t="b"><v>1</v></c>` : `${head} t="b"><v>0</v></c>`;
      } else {
        line += `${head} t="inlineStr">${inlineText(String(v), r, c)}</c>`;
      }
    }
    if (line === '') continue;
    if (looks) {
      const ht = looks.height(r, row, sheet.columnWidths, b);
      out.text(`<row r="${rowNumber}" ht="${ht}" customHeight="1">${line}</row>`);
    } else {
      out.text(`<row r="${rowNumber}">${line}</row>`);
    }
  }
  out.text('</sheetData>');
  if (sheet.protection) out.text(SHEET_PROTECTION);
  out.text(validations);
  if (sheet.report) out.text(printXml(sheet.report));
  if (drawing) out.text(`<drawing r:id="${drawing.id}"/>`);
  out.text('</worksheet>');
  return out.result();
}
