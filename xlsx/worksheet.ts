/** The worksheet scanner: rows and merged ranges of a sheet part, read straight from its UTF-8 bytes. */
import type { ByteText } from './codec';
import { byteText } from './platform';
import { richText } from './strings';
import type { CellValue } from './types';
import { decodeCellText, decodeXml, endsName, findElements, parseAttrs, rootPrefix } from './xml';

/*
 * Why bytes and not the decoded text: the markup we compare is ASCII, so a UTF-8 sheet can be
 * scanned as it comes out of inflate, and only the values that are text get decoded. Measured
 * in a fresh process (as a CLI run is) on a 750,000-cell sheet: ~150 ms on the bytes against
 * ~200 ms for the same scanner on the decoded string, plus ~17 ms saved by not decoding 26 MB.
 *
 * The common cells, <c r="B7" s="1" t="s"><v>12</v></c> and the same with an <f> before the
 * <v>, are handled inline with byte compares; the rare shapes (inline strings, formulas without
 * a value, white space between elements) are decoded as a little string and handled by
 * otherCell, outside the hot loop.
 */

/** Cell types (the t attribute), as small integers for the hot loop. */
const T = { Number: 0, Shared: 1, Inline: 2, Str: 3, Bool: 4, Error: 5, Date: 6 } as const;
type T = (typeof T)[keyof typeof T];

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a tag name, for in-place comparison. */
function codesOf(s: string): number[] {
  return Array.from(encoder.encode(s));
}

/** Whether the bytes at `pos` are `codes`. */
function at(b: Uint8Array, pos: number, codes: readonly number[]): boolean {
  for (let k = 0; k < codes.length; k++) {
    if (b[pos + k] !== codes[k]) return false;
  }
  return true;
}

/** A non-negative integer from the ASCII digits in [a, z), or -1 when there are none or others. */
function digits(b: Uint8Array, a: number, z: number): number {
  let n = 0;
  for (let i = a; i < z; i++) {
    const c = b[i] - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return a < z ? n : -1;
}

/** Cell type from the t attribute's value in [a, z). */
function cellType(b: Uint8Array, a: number, z: number): T {
  switch (b[a]) {
    case 115 /* s */:
      return z - a === 1 ? T.Shared : T.Str;
    case 105 /* i */:
      return T.Inline;
    case 98 /* b */:
      return T.Bool;
    case 101 /* e */:
      return T.Error;
    case 100 /* d */:
      return T.Date;
    default:
      return T.Number;
  }
}

/** Offset of the '>' ending the tag at `lt`, skipping quoted values; -1 if the text ends first. */
function tagEnd(b: Uint8Array, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < b.length; i++) {
    const c = b[i];
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === GT) return i;
  }
  return -1;
}

/**
 * Rows and merges of a worksheet part. rows[r][c] is 0-based; gaps are null; no trailing
 * empty cells or rows. Markup is assumed to be without comments or CDATA inside sheetData,
 * as every spreadsheet application writes it.
 */
export function parseWorksheet(
  bytes: Uint8Array,
  sst: () => string[],
): { rows: CellValue[][]; merges: string[]; uncomputed?: { row: number; col: number }[] } {
  // Node: a Buffer over the same bytes (native search and decoding); a browser: the same in JS.
  const buf = byteText(bytes);
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  // The root element's prefix (usually none) is all that is needed from the head of the part.
  const p = rootPrefix(buf.toString('utf8', 0, Math.min(buf.length, 65536)));
  const sdOpen = '<' + p + 'sheetData';
  let sd = buf.indexOf(sdOpen);
  while (sd >= 0 && !endsName(bytes[sd + sdOpen.length])) sd = buf.indexOf(sdOpen, sd + 1);
  if (sd < 0) return { rows, merges };
  const sdEnd = tagEnd(bytes, sd);
  if (sdEnd < 0) return { rows, merges };
  // The scan stops at </sheetData> itself: searching for it first would read the part twice.
  const dataEnd =
    bytes[sdEnd - 1] === SLASH ? sdEnd + 1 : scan(bytes, buf, p, sdEnd + 1, rows, sst);
  // A second, native search, not a branch of the hot loop: most sheets have no formula at all.
  const uncomputed = uncomputedCells(bytes, buf, p, sdEnd, dataEnd);
  for (const el of findElements(buf.toString('utf8', dataEnd), p + 'mergeCell')) {
    const ref = el.attrs.get('ref');
    if (ref) merges.push(ref);
  }
  // Cells are never stored as trailing nulls (gaps are filled only before a value), but rows
  // that held only styled empty cells can trail.
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return uncomputed.length > 0 ? { rows, merges, uncomputed } : { rows, merges };
}

/** Scans the content of <sheetData> from `from`; returns the offset of </sheetData> (or where it stopped). */
function scan(
  b: Uint8Array,
  buf: ByteText,
  p: string,
  from: number,
  rows: CellValue[][],
  sst: () => string[],
): number {
  const to = b.length;
  const C_OPEN = codesOf('<' + p + 'c');
  const C_CLOSE = codesOf('</' + p + 'c>');
  const V_TAG = codesOf('<' + p + 'v>');
  const V_CLOSE = codesOf('</' + p + 'v>');
  const F_OPEN = codesOf('<' + p + 'f');
  const fClose = encoder.encode('</' + p + 'f>');
  const ROW_OPEN = codesOf('<' + p + 'row');
  const ROW_R = codesOf(' r=');
  const SD_CLOSE = codesOf('</' + p + 'sheetData>');
  const IS_T = codesOf('<' + p + 'is><' + p + 't>');
  const IS_T_PRESERVE = codesOf('<' + p + 'is><' + p + 't xml:space="preserve">');
  const T_IS_C_CLOSE = codesOf('</' + p + 't></' + p + 'is></' + p + 'c>');
  // Byte needles: a string needle is encoded again on every indexOf call.
  const cClose = encoder.encode('</' + p + 'c>');
  const vClose = encoder.encode('</' + p + 'v>');
  let strings: string[] | undefined;

  let rowIndex = -1; // 0-based index of the current <row>
  let colIndex = -1; // 0-based column of the previous cell in this row
  let i = from;
  while (i < to) {
    const lt = b[i] === LT ? i : b.indexOf(LT, i);
    if (lt < 0) break;

    if (at(b, lt, C_OPEN) && endsName(b[lt + C_OPEN.length])) {
      // ---- a cell: attributes r and t
      let j = lt + C_OPEN.length;
      let col = -1;
      let row = -1;
      let tA = -1;
      let tZ = -1;
      let c = b[j];
      while (c !== GT && c !== SLASH) {
        if (j >= to) break;
        if (isSpace(c)) {
          c = b[++j];
          continue;
        }
        const nameStart = j;
        while (c !== 61 /* = */ && !isSpace(c) && j < to) c = b[++j];
        const nameLen = j - nameStart;
        const nameCh = b[nameStart];
        while (c !== 34 && c !== 39 && j < to) c = b[++j];
        const quote = c;
        const valStart = j + 1;
        let valEnd = valStart;
        while (b[valEnd] !== quote && valEnd < to) valEnd++;
        if (nameLen === 1 && nameCh === 114 /* r */) {
          // "B7": letters → column, digits → row
          let k = valStart;
          let n = 0;
          for (; k < valEnd; k++) {
            const d = b[k];
            if (d >= 65 && d <= 90) n = n * 26 + (d - 64);
            else if (d >= 97 && d <= 122) n = n * 26 + (d - 96);
            else break;
          }
          if (n > 0) col = n - 1;
          row = digits(b, k, valEnd);
        } else if (nameLen === 1 && nameCh === 116 /* t */) {
          tA = valStart;
          tZ = valEnd;
        }
        j = valEnd + 1;
        c = b[j];
      }
      if (j >= to) break; // a cut-off tag: nothing more to read
      if (col < 0) col = colIndex + 1;
      colIndex = col;
      if (row > 0) rowIndex = row - 1;
      else if (rowIndex < 0) rowIndex = 0;

      if (c === SLASH) {
        // <c …/>: a styled empty cell
        i = j + 2;
        continue;
      }
      // ---- its value
      const contentStart = j + 1;
      const type = tA < 0 ? T.Number : cellType(b, tA, tZ);
      // A formula's cached value follows its <f>: step over it to reach the <v>.
      let vAt = contentStart;
      if (at(b, vAt, F_OPEN) && endsName(b[vAt + F_OPEN.length])) {
        const fEnd = tagEnd(b, vAt);
        if (fEnd < 0) break;
        if (b[fEnd - 1] === SLASH) vAt = fEnd + 1;
        else {
          const close = buf.indexOf(fClose, fEnd);
          vAt = close < 0 ? to : close + fClose.length;
        }
      }
      let value: CellValue;
      if (type === T.Inline) {
        // The usual inline string, <is><t>…</t></is></c> (xml:space="preserve" or not):
        // decoded straight from the bytes of its text.
        let ts = -1;
        if (at(b, contentStart, IS_T)) ts = contentStart + IS_T.length;
        else if (at(b, contentStart, IS_T_PRESERVE)) ts = contentStart + IS_T_PRESERVE.length;
        if (ts >= 0) {
          let te = ts;
          while (b[te] !== LT && te < to) te++;
          if (at(b, te, T_IS_C_CLOSE)) {
            i = te + T_IS_C_CLOSE.length;
            value = te === ts ? '' : decodeCellText(buf.toString('utf8', ts, te));
            addCell(rows, rowIndex, col, value);
            continue;
          }
        }
      }
      if (type !== T.Inline && at(b, vAt, V_TAG)) {
        // The usual shape, <v>…</v></c>: one pass finds the value and the cell's end.
        const vs = vAt + V_TAG.length;
        let ve = vs;
        while (b[ve] !== LT && ve < to) ve++;
        if (!at(b, ve, V_CLOSE)) {
          ve = buf.indexOf(vClose, vs);
          if (ve < 0) break;
        }
        const after = ve + V_CLOSE.length;
        const contentEnd = at(b, after, C_CLOSE) ? after : buf.indexOf(cClose, after);
        if (contentEnd < 0) break;
        i = contentEnd + C_CLOSE.length;
        if (type === T.Number) value = number(b, buf, vs, ve);
        else if (type === T.Shared) {
          strings ??= sst();
          value = strings[digits(b, vs, ve)] ?? null;
        } else if (type === T.Bool) value = b[vs] === 49 /* 1 */ || b[vs] === 116; /* true */
        else value = textValue(type, buf.toString('utf8', vs, ve), sst);
      } else {
        const contentEnd = buf.indexOf(cClose, contentStart);
        if (contentEnd < 0) break;
        i = contentEnd + C_CLOSE.length;
        value = otherCell(buf.toString('utf8', contentStart, contentEnd), p, type, sst);
      }
      if (value === null) continue;
      addCell(rows, rowIndex, col, value);
      continue;
    }

    if (at(b, lt, ROW_OPEN) && endsName(b[lt + ROW_OPEN.length])) {
      const gt = tagEnd(b, lt);
      if (gt < 0) break;
      // <row r="12" …>: the digits read in place when r comes first, as every writer puts it
      const rA = lt + ROW_OPEN.length;
      let n = -1;
      if (at(b, rA, ROW_R)) {
        const q = b[rA + ROW_R.length];
        let e = rA + ROW_R.length + 1;
        while (e < gt && b[e] !== q) e++;
        if (q === 34 || q === 39) n = digits(b, rA + ROW_R.length + 1, e);
      } else {
        const r = parseAttrs(buf.toString('utf8', lt, gt), 0, gt - lt).get('r');
        n = r === undefined ? -1 : Number(r);
      }
      rowIndex = Number.isInteger(n) && n > 0 ? n - 1 : rowIndex + 1;
      colIndex = -1;
      i = gt + 1;
      continue;
    }

    // anything else (</row>…): step over the tag, unless it ends the sheet data
    if (at(b, lt, SD_CLOSE)) return lt;
    const gt = b.indexOf(GT, lt);
    i = gt < 0 ? to : gt + 1;
  }
  return Math.min(i, to);
}

/** Puts a (non-null) value at rows[r][c], filling gaps with null. */
function addCell(rows: CellValue[][], r: number, c: number, value: CellValue): void {
  let cells = rows[r];
  if (cells === undefined) {
    while (rows.length < r) rows.push([]);
    cells = [];
    rows[r] = cells;
  }
  const len = cells.length;
  if (c === len) cells.push(value);
  else if (c > len) {
    for (let k = len; k < c; k++) cells.push(null);
    cells.push(value);
  } else cells[c] = value;
}

/**
 * A number from the ASCII text in [a, z). Short plain decimals ("12.75", "-3") are parsed by
 * hand: an integer below 2^53 divided by an exact power of ten is correctly rounded by IEEE
 * division, so the result equals parseFloat's without making a string per cell.
 */
function number(b: Uint8Array, buf: ByteText, a: number, z: number): CellValue {
  if (a === z) return null;
  let i = a;
  const neg = b[i] === 45; /* - */
  if (neg) i++;
  let n = 0;
  let count = 0;
  let scale = 1;
  let dot = false;
  for (; i < z; i++) {
    const c = b[i];
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      count++;
      if (dot) scale *= 10;
    } else if (c === 46 && !dot) {
      dot = true;
    } else break;
  }
  if (i === z && count > 0 && count <= 15) {
    const v = dot ? n / scale : n;
    return neg ? -v : v;
  }
  return textValue(T.Number, buf.toString('utf8', a, z), () => []);
}

/** Value of a cell from the raw (undecoded) text of its <v>. */
function textValue(type: T, v: string, sst: () => string[]): CellValue {
  switch (type) {
    case T.Number: {
      if (v === '') return null;
      const n = parseFloat(v);
      return Number.isFinite(n) ? n : decodeXml(v);
    }
    case T.Shared:
      return /^\d+$/.test(v) ? (sst()[Number(v)] ?? null) : null;
    case T.Bool:
      return v.startsWith('1') || v.startsWith('t');
    case T.Error:
      return decodeXml(v);
    case T.Date:
      return isoDateSerial(v) ?? decodeXml(v);
    default:
      return decodeCellText(v);
  }
}

/**
 * Cells (0-based) of the sheet data in [from, to) that hold a formula saved without its result
 * (no <v> at all: a file written by a program and never opened in a spreadsheet), whose value
 * is unknown, not blank. Found by searching for <f>, so a sheet without formulas costs one
 * native search. A cell without an r attribute cannot be placed and is left out.
 */
function uncomputedCells(
  b: Uint8Array,
  buf: ByteText,
  p: string,
  from: number,
  to: number,
): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  const fOpen = encoder.encode('<' + p + 'f');
  const cOpen = codesOf('<' + p + 'c');
  const cClose = encoder.encode('</' + p + 'c>');
  const vOpen = '<' + p + 'v';
  for (let k = buf.indexOf(fOpen, from); k >= 0 && k < to; k = buf.indexOf(fOpen, k + 1)) {
    if (!endsName(b[k + fOpen.length])) continue;
    // the cell around the formula: back to its <c, on to its </c>
    let start = k;
    while (start > from && !(at(b, start, cOpen) && endsName(b[start + cOpen.length]))) start--;
    const end = buf.indexOf(cClose, k);
    if (end < 0) break;
    const cell = buf.toString('utf8', start, end);
    let v = cell.indexOf(vOpen);
    while (v >= 0 && !endsName(cell.charCodeAt(v + vOpen.length))) v = cell.indexOf(vOpen, v + 1);
    if (v >= 0) continue;
    const m = /^<[^>]*?\sr="([A-Z]+)(\d+)"/.exec(cell);
    if (!m) continue;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    out.push({ row: Number(m[2]) - 1, col: col - 1 });
  }
  return out;
}

/**
 * Value of a cell whose content is not a plain leading <v>: an inline string, a formula before
 * its cached value, white space between elements. `inner` is the decoded content.
 */
function otherCell(inner: string, p: string, type: T, sst: () => string[]): CellValue {
  if (inner === '') return null;
  if (type === T.Inline) {
    const is = inner.indexOf('<' + p + 'is');
    return is >= 0 ? richText(inner.substring(is), p) : null;
  }
  // <v> within this cell only; none = a formula with no cached value.
  const vOpen = '<' + p + 'v';
  let k = inner.indexOf(vOpen);
  while (k >= 0 && !endsName(inner.charCodeAt(k + vOpen.length))) k = inner.indexOf(vOpen, k + 1);
  if (k < 0) return null;
  const gt = inner.indexOf('>', k);
  if (inner.charCodeAt(gt - 1) === SLASH) return type === T.Str ? '' : null;
  const ve = inner.indexOf('</' + p + 'v>', gt);
  return textValue(type, inner.substring(gt + 1, ve < 0 ? gt + 1 : ve), sst);
}

/**
 * A date cell stored as ISO 8601 text (t="d": "2018-03-12", "2018-03-12T08:30:00", with "Z" or
 * not), as some writers and Strict OOXML store them, → the serial number Excel stores for it
 * (days since 1899-12-30, the time as a fraction), so it reads like any other date cell.
 * Undefined when the text is not such a date.
 */
export function isoDateSerial(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?Z?)?$/.exec(
    text.trim(),
  );
  if (!m) return undefined;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1);
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(ms);
  if (
    Number.isNaN(ms) ||
    check.getUTCMonth() + 1 !== Number(mo) ||
    check.getUTCDate() !== Number(d)
  ) {
    return undefined;
  }
  const days = ms / 86_400_000 + 25_569;
  // whole days stay whole; a time keeps Excel's precision
  return Number.isInteger(days) ? days : Math.round(days * 1e10) / 1e10;
}
