/**
 * Serializing one OutputSheet as a worksheet part: values, formulas (only from the formulas
 * field), inline strings, styles by index, data validations and sheet protection.
 */
import { columnName, inIntervals, MAX_COLS, MAX_ROWS, parseRange, rowIntervals } from './ranges';
import { styleKey } from './styles';
import type { CellValue, OutputSheet } from './types';
import { dataValidationsXml, SHEET_PROTECTION } from './validation';
import { escapeCellText } from './xml';

const MAX_TEXT = 32_767;

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

/** The highlighted columns of each row (OutputSheet.highlights). */
function highlightsByRow(sheet: OutputSheet): Map<number, Set<number>> {
  const byRow = new Map<number, Set<number>>();
  for (const { row, col } of sheet.highlights ?? []) {
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0) continue;
    let cols = byRow.get(row);
    if (!cols) byRow.set(row, (cols = new Set()));
    cols.add(col);
  }
  return byRow;
}

/**
 * Style keys (see styleKey) the sheet's cells use: every cell written, i.e. with a value, a
 * formula, inside an unlocked range, or highlighted.
 */
export function sheetStyleKeys(sheet: OutputSheet): Set<string> {
  const keys = new Set<string>();
  const bold = new Set(sheet.boldRows ?? []);
  const { intervals, rows: unlockedRows } = unlockedIntervals(sheet);
  for (const [r, cols] of highlightsByRow(sheet)) {
    for (const c of cols) {
      const open = intervals[r];
      const unlocked = open !== undefined && inIntervals(open, c);
      keys.add(styleKey(sheet.formats?.[r]?.[c], bold.has(r), unlocked, true));
    }
  }
  const rowCount = Math.max(sheet.rows.length, sheet.formulas?.length ?? 0, unlockedRows);
  for (let r = 0; r < rowCount; r++) {
    const row = sheet.rows[r] ?? NO_CELLS;
    const fmts = sheet.formats?.[r];
    const formulas = sheet.formulas?.[r];
    const open = intervals[r];
    const b = bold.has(r);
    if (!fmts && !b && !open) continue;
    const width = rowWidth(row, formulas, open);
    for (let c = 0; c < width; c++) {
      const unlocked = open !== undefined && inIntervals(open, c);
      if (!unlocked && isBlank(row[c]) && !hasFormula(formulas?.[c])) continue;
      keys.add(styleKey(fmts?.[c], b, unlocked));
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

/** Cuts text to Excel's cell limit without splitting a surrogate pair. */
function clip(s: string): string {
  if (s.length <= MAX_TEXT) return s;
  const cut = s.slice(0, MAX_TEXT);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/**
 * The worksheet XML. `styles` maps style keys to cellXfs indexes (keys absent = index 0).
 * Empty strings, like null, give no cell: a cell holding "" looks empty but is not blank to
 * COUNTA or ISBLANK. Non-finite numbers become the #NUM! error, which Excel can store.
 * Elements follow the order the schema requires: sheetViews, cols, sheetData,
 * sheetProtection, dataValidations.
 */
export function worksheetXml(
  sheet: OutputSheet,
  styles: ReadonlyMap<string, number>,
  mainNs: string,
): string {
  const { intervals, rows: unlockedRows } = unlockedIntervals(sheet);
  const allFormulas = sheet.formulas;
  const highlights = highlightsByRow(sheet);
  let highlightRows = 0;
  for (const r of highlights.keys()) highlightRows = Math.max(highlightRows, r + 1);
  const rowCount = Math.max(
    sheet.rows.length,
    allFormulas?.length ?? 0,
    unlockedRows,
    highlightRows,
  );
  if (rowCount > MAX_ROWS) {
    throw new RangeError(`Trang tính "${sheet.name}" có quá ${MAX_ROWS} dòng`);
  }
  // validated before any work, so that a bad rule fails fast
  const validations = dataValidationsXml(sheet.validations);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<worksheet xmlns="${mainNs}">`,
  ];
  const frozen = Math.floor(sheet.frozenRows ?? 0);
  if (frozen > 0) {
    out.push(
      '<sheetViews><sheetView workbookViewId="0">' +
        `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` +
        '</sheetView></sheetViews>',
    );
  }
  if (sheet.columnWidths) out.push(colsXml(sheet.columnWidths));
  out.push('<sheetData>');
  const bold = new Set(sheet.boldRows ?? []);
  // The s="…" attribute per (format, bold, unlocked), cached by the format string itself:
  // building a style key per cell would cost more than writing the cell.
  const attrCache = [0, 1, 2, 3].map(() => new Map<string | undefined, string>());
  const attrFor = (f: string | undefined, b: boolean, u: boolean): string => {
    const cache = attrCache[(b ? 1 : 0) + (u ? 2 : 0)];
    let attr = cache.get(f);
    if (attr === undefined) {
      const xf = styles.get(styleKey(f, b, u)) ?? 0;
      attr = xf === 0 ? '' : ` s="${xf}"`;
      cache.set(f, attr);
    }
    return attr;
  };
  const plainAttr = attrCache[0];
  const boldAttr = attrCache[1];
  const highlightAttr = (f: string | undefined, b: boolean, u: boolean): string => {
    const xf = styles.get(styleKey(f, b, u, true)) ?? 0;
    return xf === 0 ? '' : ` s="${xf}"`;
  };
  for (let r = 0; r < rowCount; r++) {
    const row = sheet.rows[r] ?? NO_CELLS;
    const formulas = allFormulas?.[r];
    const open = intervals[r];
    const lit = highlights.get(r);
    if (row.length === 0 && !formulas && !open && !lit) continue;
    let width = rowWidth(row, formulas, open);
    if (lit) for (const c of lit) if (c + 1 > width) width = c + 1;
    if (width > MAX_COLS) {
      throw new RangeError(`Trang tính "${sheet.name}" có quá ${MAX_COLS} cột ở dòng ${r + 1}`);
    }
    const fmts = sheet.formats?.[r];
    const b = bold.has(r);
    const rowNumber = String(r + 1);
    let opened = false;
    for (let c = 0; c < width; c++) {
      const v = row[c];
      const formula = formulas?.[c];
      const unlocked = open !== undefined && inIntervals(open, c);
      const blank = v === null || v === undefined || v === '';
      const highlighted = lit !== undefined && lit.has(c);
      if (blank && !unlocked && !highlighted && (formula === undefined || formula === '')) continue;
      if (!opened) {
        out.push(`<row r="${rowNumber}">`);
        opened = true;
      }
      let s = '';
      if (highlighted) s = highlightAttr(fmts?.[c], b, unlocked);
      else if (unlocked) s = attrFor(fmts?.[c], b, true);
      else if (fmts || b) {
        const f = fmts?.[c];
        s = (b ? boldAttr : plainAttr).get(f) ?? attrFor(f, b, false);
      }
      const ref = columnName(c) + rowNumber;
      if (formula !== undefined && formula !== '') {
        const f = `<f>${escapeCellText(fileFormula(formula))}</f>`;
        if (typeof v === 'number' && Number.isFinite(v)) {
          out.push(`<c r="${ref}"${s}>${f}<v>${String(v)}</v></c>`);
        } else if (typeof v === 'boolean') {
          out.push(`<c r="${ref}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`);
        } else {
          out.push(`<c r="${ref}"${s}>${f}</c>`);
        }
      } else if (blank) {
        out.push(`<c r="${ref}"${s}/>`);
      } else if (typeof v === 'number') {
        out.push(
          Number.isFinite(v)
            ? `<c r="${ref}"${s}><v>${String(v)}</v></c>`
            : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`,
        );
      } else if (typeof v === 'boolean') {
        out.push(`<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`);
      } else {
        out.push(
          `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeCellText(clip(String(v)))}</t></is></c>`,
        );
      }
    }
    if (opened) out.push('</row>');
  }
  out.push('</sheetData>');
  if (sheet.protection) out.push(SHEET_PROTECTION);
  out.push(validations);
  out.push('</worksheet>');
  return out.join('');
}
