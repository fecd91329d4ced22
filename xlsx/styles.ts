/**
 * Adding the number formats, bold, highlighted and unlocked cell styles our output needs to
 * styles.xml by small text edits.
 */
import { escapeAttr, findElement, findElements, rootPrefix, type XmlElement } from './xml';
import { MAX_CELL_XFS, SheetLimitError } from './limits';
import { formatMessage, vi } from '../shared/i18n/vi';

/*
 * Cells everywhere else in the workbook point at cellXfs entries by index, so existing entries
 * must keep their positions: we only append, and reuse an entry when an identical one is there
 * already (so running the tool again and again on the same file does not grow styles.xml).
 */

/** A styles part with one plain font, the two fills Excel requires, and the Normal style. */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
  '<fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/**
 * Built-in number formats that mean the same in every locale. Dates (14–22) are left out on
 * purpose: their look follows the reader's regional settings, so "dd/mm/yyyy" gets a custom id.
 */
const BUILT_IN: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

/** The highlight fill (OutputSheet.highlights): light orange, as Excel's "Neutral" style. */
export const HIGHLIGHT_RGB = 'FFFFF4CE';

/**
 * What the report layout (OutputBlock.report) adds to a cell's style: the report font, italic,
 * horizontal alignment (centerContinuous: centred across the blank cells to its right that
 * share it, without a merge), wrapping, vertical centring and thin borders on all four sides.
 */
export interface CellLook {
  font?: { name: string; size: number };
  italic?: boolean;
  align?: 'left' | 'center' | 'right' | 'centerContinuous';
  wrap?: boolean;
  middle?: boolean;
  border?: boolean;
}

/** The key prefix of a look ('' for none): kept apart from the format by \u0001 marks. */
export function lookKey(look: CellLook | undefined): string {
  if (!look) return '';
  const { font, italic, align, wrap, middle, border } = look;
  if (!font && !italic && !align && !wrap && !middle && !border) return '';
  return (
    '\u0001' +
    JSON.stringify([
      font?.name ?? null,
      font?.size ?? null,
      italic ? 1 : 0,
      align ?? null,
      wrap ? 1 : 0,
      middle ? 1 : 0,
      border ? 1 : 0,
    ]) +
    '\u0001'
  );
}

/**
 * Key of a (number format, bold, unlocked, highlighted, look) cell style; '' format = General.
 * Unlocked cells stay editable when the sheet is protected; highlighted ones get the fill.
 * `look` is a lookKey.
 */
export function styleKey(
  format: string | undefined,
  bold: boolean,
  unlocked = false,
  highlight = false,
  look = '',
): string {
  return (
    look +
    (highlight ? '!' : '') +
    (unlocked ? (bold ? 'U' : 'u') : bold ? 'b' : 'n') +
    (format ?? '')
  );
}

interface ParsedKey {
  format: string;
  bold: boolean;
  unlocked: boolean;
  highlight: boolean;
  look: CellLook;
}

function parseLook(json: string): CellLook {
  const [name, size, italic, align, wrap, middle, border] = JSON.parse(json) as [
    string | null,
    number | null,
    number,
    CellLook['align'] | null,
    number,
    number,
    number,
  ];
  return {
    ...(name !== null && size !== null ? { font: { name, size } } : {}),
    italic: italic === 1,
    ...(align ? { align } : {}),
    wrap: wrap === 1,
    middle: middle === 1,
    border: border === 1,
  };
}

function parseKey(key: string): ParsedKey {
  let look: CellLook = {};
  let rest = key;
  if (key[0] === '\u0001') {
    const end = key.indexOf('\u0001', 1);
    look = parseLook(key.slice(1, end));
    rest = key.slice(end + 1);
  }
  const highlight = rest[0] === '!';
  if (highlight) rest = rest.slice(1);
  const k = rest[0];
  return {
    format: rest.slice(1),
    bold: k === 'b' || k === 'U',
    unlocked: k === 'u' || k === 'U',
    highlight,
    look,
  };
}

/** The <fill> of the highlight colour, with the namespace prefix of the styles part. */
function highlightFill(p: string): string {
  return (
    `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${HIGHLIGHT_RGB}"/>` +
    `<${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`
  );
}

/** Sets (or adds) the count attribute of a container's start tag. */
function withCount(xml: string, el: XmlElement, count: number): string {
  const tag = xml.slice(el.start, el.tagEnd);
  const m = /(\scount\s*=\s*)(["'])[^"']*\2/.exec(tag);
  const newTag = m
    ? tag.slice(0, m.index) + `${m[1]}"${count}"` + tag.slice(m.index + m[0].length)
    : tag.replace(/\s*\/?>$/, (end) => ` count="${count}"${end.trim()}`);
  return xml.slice(0, el.start) + newTag + xml.slice(el.tagEnd);
}

/** Appends children to a container element and updates its count. */
function appendChildren(
  xml: string,
  el: XmlElement,
  qname: string,
  children: string[],
  count: number,
): string {
  if (children.length === 0) return xml;
  let out: string;
  if (el.selfClosing) {
    const open = xml.slice(el.start, el.tagEnd).replace(/\s*\/>$/, '>');
    out = xml.slice(0, el.start) + open + children.join('') + `</${qname}>` + xml.slice(el.end);
  } else {
    const at = el.end - `</${qname}>`.length;
    out = xml.slice(0, at) + children.join('') + xml.slice(at);
  }
  const updated = findElement(out, qname, el.start);
  return updated ? withCount(out, updated, count) : out;
}

/** Where a missing container goes: after the last of the elements that precede it in the schema. */
function insertionPoint(xml: string, p: string, before: string[]): number {
  let at = -1;
  for (const name of before) {
    const el = findElement(xml, p + name);
    if (el) at = Math.max(at, el.end);
  }
  if (at >= 0) return at;
  const root = findElement(xml, p + 'styleSheet');
  return root ? root.tagEnd : 0;
}

function ensureContainer(xml: string, p: string, name: string, before: string[]): string {
  if (findElement(xml, p + name)) return xml;
  const at = insertionPoint(xml, p, before);
  return xml.slice(0, at) + `<${p}${name} count="0"/>` + xml.slice(at);
}

/** Font 0 made bold: the default font keeps its face and size, so bold text matches the sheet. */
function boldFont(font0: string, p: string): string {
  const withoutB = font0.replace(new RegExp(`<${p}b(\\s[^>]*)?/>`, 'g'), '');
  if (/\/>$/.test(withoutB) && !withoutB.includes(`</${p}font>`)) {
    return withoutB.replace(/\s*\/>$/, `><${p}b/></${p}font>`);
  }
  const gt = withoutB.indexOf('>');
  return withoutB.slice(0, gt + 1) + `<${p}b/>` + withoutB.slice(gt + 1);
}

/** Font 0 (or a bold copy) made italic. */
function italicFont(font: string, p: string): string {
  if (new RegExp(`<${p}i(\\s[^>]*)?/>`).test(font)) return font;
  if (/\/>$/.test(font) && !font.includes(`</${p}font>`)) {
    return font.replace(/\s*\/>$/, `><${p}i/></${p}font>`);
  }
  const b = font.indexOf(`<${p}b/>`);
  const at = b >= 0 ? b + `<${p}b/>`.length : font.indexOf('>') + 1;
  return font.slice(0, at) + `<${p}i/>` + font.slice(at);
}

/** The font key of a parsed style key: which of the fonts it uses. */
function keyOf(k: ParsedKey): string {
  return `${k.bold ? 1 : 0}${k.look.italic ? 1 : 0}${k.look.font?.name ?? ''}\u0001${k.look.font?.size ?? ''}`;
}

/**
 * Adds what the given style keys need to a styles.xml text. Returns the new text (the same
 * string when nothing was needed) and the cellXfs index of each key.
 */
export function addStyles(
  stylesXml: string,
  keys: Iterable<string>,
  sheets = '',
): { xml: string; index: Map<string, number> } {
  const index = new Map<string, number>();
  const wanted = [...new Set(keys)].filter((k) => {
    if (k === styleKey(undefined, false) || k === styleKey('General', false)) {
      index.set(k, 0);
      return false;
    }
    return true;
  });
  let xml = stylesXml;
  if (wanted.length === 0) return { xml, index };
  const p = rootPrefix(xml);

  // ---- number formats
  const numFmtIds = new Map<string, number>();
  const custom = new Map<string, number>();
  let maxId = 163;
  const numFmtsEl = findElement(xml, p + 'numFmts');
  if (numFmtsEl) {
    for (const el of findElements(xml, p + 'numFmt', numFmtsEl.tagEnd, numFmtsEl.end)) {
      const id = Number(el.attrs.get('numFmtId'));
      const code = el.attrs.get('formatCode');
      if (!Number.isInteger(id) || code === undefined) continue;
      if (!custom.has(code)) custom.set(code, id);
      maxId = Math.max(maxId, id);
    }
  }
  const newFmts: string[] = [];
  for (const key of wanted) {
    const { format } = parseKey(key);
    if (format === '' || numFmtIds.has(format)) continue;
    let id = BUILT_IN[format] ?? custom.get(format);
    if (id === undefined) {
      id = ++maxId;
      custom.set(format, id);
      newFmts.push(`<${p}numFmt numFmtId="${id}" formatCode="${escapeAttr(format)}"/>`);
    }
    numFmtIds.set(format, id);
  }
  if (newFmts.length > 0) {
    xml = ensureContainer(xml, p, 'numFmts', []);
    const el = findElement(xml, p + 'numFmts') as XmlElement;
    const count = findElements(xml, p + 'numFmt', el.tagEnd, el.end).length + newFmts.length;
    xml = appendChildren(xml, el, p + 'numFmts', newFmts, count);
  }

  // ---- fonts: font 0 made bold or italic, and the report font (with its bold and italic)
  const fontIds = new Map<string, number>();
  const fontOf = (k: ParsedKey): string | undefined => {
    const italic = k.look.italic === true;
    const f = k.look.font;
    if (f) {
      return (
        `<${p}font>${k.bold ? `<${p}b/>` : ''}${italic ? `<${p}i/>` : ''}` +
        `<${p}sz val="${f.size}"/><${p}name val="${escapeAttr(f.name)}"/></${p}font>`
      );
    }
    return k.bold || italic ? '' : undefined;
  };
  const parsed = new Map(wanted.map((k) => [k, parseKey(k)]));
  if ([...parsed.values()].some((k) => fontOf(k) !== undefined)) {
    xml = ensureContainer(xml, p, 'fonts', ['numFmts']);
    let fontsEl = findElement(xml, p + 'fonts') as XmlElement;
    let fonts = findElements(xml, p + 'font', fontsEl.tagEnd, fontsEl.end);
    if (fonts.length === 0) {
      // a styles part without fonts is invalid; give it the default font first
      xml = appendChildren(xml, fontsEl, p + 'fonts', [`<${p}font/>`], 1);
      fontsEl = findElement(xml, p + 'fonts') as XmlElement;
      fonts = findElements(xml, p + 'font', fontsEl.tagEnd, fontsEl.end);
    }
    const font0 = xml.slice(fonts[0].start, fonts[0].end);
    const existing = fonts.map((f) => xml.slice(f.start, f.end));
    const added: string[] = [];
    for (const k of parsed.values()) {
      let font = fontOf(k);
      if (font === undefined) continue;
      if (font === '') {
        font = k.bold ? boldFont(font0, p) : font0;
        if (k.look.italic) font = italicFont(font, p);
      }
      let id = existing.indexOf(font);
      if (id < 0) {
        id = existing.length;
        existing.push(font);
        added.push(font);
      }
      fontIds.set(keyOf(k), id);
    }
    xml = appendChildren(xml, fontsEl, p + 'fonts', added, existing.length);
  }

  // ---- the thin border on all four sides (border 0 is Excel's "none")
  let borderId = 0;
  if ([...parsed.values()].some((k) => k.look.border)) {
    xml = ensureContainer(xml, p, 'borders', ['numFmts', 'fonts', 'fills']);
    let bordersEl = findElement(xml, p + 'borders') as XmlElement;
    let borders = findElements(xml, p + 'border', bordersEl.tagEnd, bordersEl.end);
    if (borders.length === 0) {
      const none = `<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`;
      xml = appendChildren(xml, bordersEl, p + 'borders', [none], 1);
      bordersEl = findElement(xml, p + 'borders') as XmlElement;
      borders = findElements(xml, p + 'border', bordersEl.tagEnd, bordersEl.end);
    }
    const side = (name: string): string =>
      `<${p}${name} style="thin"><${p}color indexed="64"/></${p}${name}>`;
    const thin =
      `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}` +
      `<${p}diagonal/></${p}border>`;
    borderId = borders.findIndex((b) => xml.slice(b.start, b.end) === thin);
    if (borderId < 0) {
      borderId = borders.length;
      xml = appendChildren(xml, bordersEl, p + 'borders', [thin], borders.length + 1);
    }
  }

  // ---- the highlight fill (the first two fills are reserved by Excel: none and gray125)
  let fillId = 0;
  if ([...parsed.values()].some((k) => k.highlight)) {
    xml = ensureContainer(xml, p, 'fills', ['numFmts', 'fonts']);
    let fillsEl = findElement(xml, p + 'fills') as XmlElement;
    let fills = findElements(xml, p + 'fill', fillsEl.tagEnd, fillsEl.end);
    if (fills.length < 2) {
      const reserved = [
        `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`,
        `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`,
      ].slice(fills.length);
      xml = appendChildren(xml, fillsEl, p + 'fills', reserved, 2);
      fillsEl = findElement(xml, p + 'fills') as XmlElement;
      fills = findElements(xml, p + 'fill', fillsEl.tagEnd, fillsEl.end);
    }
    const fill = highlightFill(p);
    fillId = fills.findIndex((f) => xml.slice(f.start, f.end) === fill);
    if (fillId < 0) {
      fillId = fills.length;
      xml = appendChildren(xml, fillsEl, p + 'fills', [fill], fills.length + 1);
    }
  }

  // ---- cell formats
  xml = ensureContainer(xml, p, 'cellXfs', [
    'numFmts',
    'fonts',
    'fills',
    'borders',
    'cellStyleXfs',
  ]);
  const xfsEl = findElement(xml, p + 'cellXfs') as XmlElement;
  const xfs = findElements(xml, p + 'xf', xfsEl.tagEnd, xfsEl.end).map((el) =>
    xml.slice(el.start, el.end),
  );
  const newXfs: string[] = [];
  for (const key of wanted) {
    const k = parsed.get(key) as ParsedKey;
    const { format, unlocked, highlight, look } = k;
    const numFmtId = format === '' ? 0 : (numFmtIds.get(format) as number);
    const fontId = fontIds.get(keyOf(k)) ?? 0;
    const alignment =
      look.align || look.wrap || look.middle
        ? `<${p}alignment` +
          (look.align ? ` horizontal="${look.align}"` : '') +
          (look.middle ? ' vertical="center"' : '') +
          (look.wrap ? ' wrapText="1"' : '') +
          '/>'
        : '';
    const border = look.border ? borderId : 0;
    const children = alignment + (unlocked ? `<${p}protection locked="0"/>` : '');
    const xf =
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${highlight ? fillId : 0}"` +
      ` borderId="${border}" xfId="0"` +
      (numFmtId !== 0 ? ' applyNumberFormat="1"' : '') +
      (fontId !== 0 ? ' applyFont="1"' : '') +
      (highlight ? ' applyFill="1"' : '') +
      (border !== 0 ? ' applyBorder="1"' : '') +
      (alignment !== '' ? ' applyAlignment="1"' : '') +
      (unlocked ? ' applyProtection="1"' : '') +
      (children === '' ? '/>' : `>${children}</${p}xf>`);
    let at = xfs.indexOf(xf);
    if (at < 0) {
      at = xfs.length;
      xfs.push(xf);
      newXfs.push(xf);
    }
    index.set(key, at);
  }
  if (newXfs.length > 0 && xfs.length > MAX_CELL_XFS) {
    const count = xfs.length - newXfs.length;
    throw new SheetLimitError(
      formatMessage(vi.xlsxReport.tooManyStyles, { count, sheet: sheets, max: MAX_CELL_XFS }),
      sheets,
      'styles',
    );
  }
  xml = appendChildren(xml, xfsEl, p + 'cellXfs', newXfs, xfs.length);
  return { xml, index };
}
