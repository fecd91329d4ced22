/** Serializing one OutputSheet as a worksheet part: values only (no formulas), inline strings, styles by index. */
import { styleKey } from './styles';
import type { OutputSheet } from './types';
import { escapeCellText } from './xml';

/** Excel's limits; beyond them it refuses the file instead of clipping. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const MAX_TEXT = 32_767;

/** Excel shows column widths in characters of the default font's digits (7 px in Calibri 11) and stores them with 5 px of padding. */
const DIGIT_PX = 7;
const PADDING_PX = 5;

const letters: string[] = [];

/** 0-based column index → "A", "B", … "XFD". */
function columnName(c: number): string {
  let s = letters[c];
  if (s !== undefined) return s;
  s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  letters[c] = s;
  return s;
}

/** Style keys (see styleKey) the sheet's cells use. */
export function sheetStyleKeys(sheet: OutputSheet): Set<string> {
  const keys = new Set<string>();
  const bold = new Set(sheet.boldRows ?? []);
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const fmts = sheet.formats?.[r];
    const b = bold.has(r);
    if (!fmts && !b) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined || v === '') continue;
      keys.add(styleKey(fmts?.[c], b));
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
 */
export function worksheetXml(
  sheet: OutputSheet,
  styles: ReadonlyMap<string, number>,
  mainNs: string,
): string {
  if (sheet.rows.length > MAX_ROWS) {
    throw new RangeError(`Trang tính "${sheet.name}" có quá ${MAX_ROWS} dòng`);
  }
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
  // The s="…" attribute per (format, bold), cached by the format string itself: building a
  // style key per cell would cost more than writing the cell.
  const plainAttr = new Map<string | undefined, string>();
  const boldAttr = new Map<string | undefined, string>();
  const attrFor = (f: string | undefined, b: boolean): string => {
    const xf = styles.get(styleKey(f, b)) ?? 0;
    const attr = xf === 0 ? '' : ` s="${xf}"`;
    (b ? boldAttr : plainAttr).set(f, attr);
    return attr;
  };
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row || row.length === 0) continue;
    if (row.length > MAX_COLS) {
      throw new RangeError(`Trang tính "${sheet.name}" có quá ${MAX_COLS} cột ở dòng ${r + 1}`);
    }
    const fmts = sheet.formats?.[r];
    const b = bold.has(r);
    const rowNumber = String(r + 1);
    let opened = false;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined || v === '') continue;
      if (!opened) {
        out.push(`<row r="${rowNumber}">`);
        opened = true;
      }
      let s = '';
      if (fmts || b) {
        const f = fmts?.[c];
        s = (b ? boldAttr : plainAttr).get(f) ?? attrFor(f, b);
      }
      const ref = columnName(c) + rowNumber;
      if (typeof v === 'number') {
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
  out.push('</sheetData></worksheet>');
  return out.join('');
}
