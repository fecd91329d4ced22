/** String-level XML helpers for the package parts we read or edit: element search, attributes, (un)escaping. */

/*
 * The parts we touch (workbook, relationships, content types, styles, calcChain) are small and
 * machine-written, and every edit must leave the rest of the text exactly as it was, so we work
 * on the text itself with offsets instead of parsing into a tree and serializing back.
 * Comments, CDATA and DTDs are not expected in these parts and are not handled.
 */

/** An element found in a text: offsets let callers cut or splice it without re-serializing. */
export interface XmlElement {
  /** offset of '<' */
  start: number;
  /** offset just after the start tag's '>' */
  tagEnd: number;
  /** offset just after the whole element ('/>' or the end tag) */
  end: number;
  selfClosing: boolean;
  attrs: Map<string, string>;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** True when the character after an element name ends the name (so "<sheet" does not match "<sheets"). */
export function endsName(c: number): boolean {
  return c === 62 /* > */ || c === 47 /* / */ || isSpace(c);
}

/** Offset of the '>' closing the tag that starts at `lt`, skipping quoted attribute values. */
function tagClose(xml: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 62) {
      return i;
    }
  }
  return -1;
}

/** The namespace prefix of the root element including its colon ("x:"), or "" for the default namespace. */
export function rootPrefix(xml: string): string {
  let i = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return '';
    const c = xml.charCodeAt(lt + 1);
    if (c === 63 /* ? */ || c === 33 /* ! */) {
      i = lt + 1;
      continue;
    }
    let j = lt + 1;
    while (j < xml.length && !endsName(xml.charCodeAt(j))) j++;
    const name = xml.slice(lt + 1, j);
    const colon = name.indexOf(':');
    return colon < 0 ? '' : name.slice(0, colon + 1);
  }
}

/** Attributes of the start tag spanning [from, to), values decoded. */
export function parseAttrs(xml: string, from: number, to: number): Map<string, string> {
  const attrs = new Map<string, string>();
  let i = from;
  // skip '<' and the element name
  while (i < to && !isSpace(xml.charCodeAt(i)) && xml.charCodeAt(i) !== 62) i++;
  while (i < to) {
    while (i < to && isSpace(xml.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < to && xml.charCodeAt(i) !== 61 /* = */ && !isSpace(xml.charCodeAt(i))) {
      if (xml.charCodeAt(i) === 62 || xml.charCodeAt(i) === 47) return attrs;
      i++;
    }
    const name = xml.slice(nameStart, i);
    while (i < to && xml.charCodeAt(i) !== 61) i++;
    i++;
    while (i < to && isSpace(xml.charCodeAt(i))) i++;
    const quote = xml[i];
    if (quote !== '"' && quote !== "'") return attrs;
    const close = xml.indexOf(quote, i + 1);
    if (close < 0 || close > to) return attrs;
    attrs.set(name, decodeAttr(xml.slice(i + 1, close)));
    i = close + 1;
  }
  return attrs;
}

/** The element whose start tag begins at `lt` (the caller has checked the name). */
function elementAt(xml: string, lt: number, qname: string): XmlElement | undefined {
  const gt = tagClose(xml, lt);
  if (gt < 0) return undefined;
  const selfClosing = xml.charCodeAt(gt - 1) === 47;
  let end = gt + 1;
  if (!selfClosing) {
    const closeTag = '</' + qname + '>';
    const c = xml.indexOf(closeTag, gt + 1);
    end = c < 0 ? gt + 1 : c + closeTag.length;
  }
  return { start: lt, tagEnd: gt + 1, end, selfClosing, attrs: parseAttrs(xml, lt, gt) };
}

/** Offset of the next start tag named `qname` in [from, to), or -1. */
function nextStart(xml: string, qname: string, from: number, to: number): number {
  const open = '<' + qname;
  let i = from;
  for (;;) {
    const lt = xml.indexOf(open, i);
    if (lt < 0 || lt >= to) return -1;
    if (endsName(xml.charCodeAt(lt + open.length))) return lt;
    i = lt + open.length;
  }
}

/** Every element with qualified name `qname` in [from, to), in document order; nested same-name elements are not expected. */
export function findElements(xml: string, qname: string, from = 0, to = xml.length): XmlElement[] {
  const out: XmlElement[] = [];
  let i = from;
  for (;;) {
    const lt = nextStart(xml, qname, i, to);
    if (lt < 0) return out;
    const el = elementAt(xml, lt, qname);
    if (!el) return out;
    out.push(el);
    i = el.end;
  }
}

export function findElement(
  xml: string,
  qname: string,
  from = 0,
  to = xml.length,
): XmlElement | undefined {
  const lt = nextStart(xml, qname, from, to);
  return lt < 0 ? undefined : elementAt(xml, lt, qname);
}

/** The attribute whose local name is `local`, whatever its prefix (r:id, x:id…). */
export function prefixedAttr(attrs: Map<string, string>, local: string): string | undefined {
  for (const [k, v] of attrs) {
    const colon = k.indexOf(':');
    if (colon >= 0 && k.slice(colon + 1) === local && !k.startsWith('xmlns')) return v;
  }
  return undefined;
}

const ENTITY = /&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function codePoint(n: number, whole: string): string {
  return n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
}

function replaceEntity(whole: string, hex?: string, dec?: string, named?: string): string {
  if (hex !== undefined) return codePoint(parseInt(hex, 16), whole);
  if (dec !== undefined) return codePoint(parseInt(dec, 10), whole);
  return NAMED[named as string];
}

/** Element text → string: XML line-end normalization, then entities. */
export function decodeXml(s: string): string {
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  return s.indexOf('&') < 0 ? s : s.replace(ENTITY, replaceEntity);
}

/** Attribute text → string: literal white space becomes a space, as XML attribute normalization says. */
function decodeAttr(s: string): string {
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n|[\t\n\r]/g, ' ');
  return s.indexOf('&') < 0 ? s : s.replace(ENTITY, replaceEntity);
}

const X_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Text of a cell string (ST_Xstring): XML decoding, then OOXML's _xHHHH_ escapes, which Excel
 * uses for characters XML cannot hold (and _x005F_ for a literal underscore before "xHHHH_").
 */
export function decodeCellText(s: string): string {
  s = decodeXml(s);
  return s.indexOf('_x') < 0
    ? s
    : s.replace(X_ESCAPE, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * Text content of a cell string element (<t>, <v>) → its string: entities decoded outside CDATA
 * sections, CDATA sections taken literally, then OOXML's _xHHHH_ escapes. Undefined when the
 * content holds markup other than CDATA (a damaged part).
 */
export function decodeCellContent(s: string): string | undefined {
  if (s.indexOf('<') < 0) return decodeCellText(s);
  let out = '';
  let i = 0;
  for (;;) {
    const lt = s.indexOf('<', i);
    out += decodeXml(s.substring(i, lt < 0 ? s.length : lt));
    if (lt < 0) break;
    if (!s.startsWith('<![CDATA[', lt)) return undefined;
    const end = s.indexOf(']]>', lt + 9);
    if (end < 0) return undefined;
    const cdata = s.substring(lt + 9, end);
    out += cdata.indexOf('\r') >= 0 ? cdata.replace(/\r\n?/g, '\n') : cdata;
    i = end + 3;
  }
  return out.indexOf('_x') < 0
    ? out
    : out.replace(X_ESCAPE, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** What checkMarkup found wrong, and the element involved. */
export interface MarkupProblem {
  what: 'unclosed' | 'mismatch' | 'truncated' | 'badTag';
  tag: string;
}

/**
 * A light well-formedness check of markup: tags balance (against `stack`, the names of the
 * elements open before `s`, which it updates), tags end, comments, CDATA and processing
 * instructions are closed. Entities and names are not checked. For the small parts of a sheet
 * the scanner does not walk tag by tag (before and after the cells, rare cell shapes, rich text).
 */
export function checkMarkup(s: string, stack: string[] = []): MarkupProblem | undefined {
  let i = 0;
  for (;;) {
    const lt = s.indexOf('<', i);
    if (lt < 0) return undefined;
    const c = s.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      let close = '>';
      if (s.startsWith('<!--', lt)) close = '-->';
      else if (s.startsWith('<![CDATA[', lt)) close = ']]>';
      const end = s.indexOf(close, lt + 2);
      if (end < 0) return { what: 'truncated', tag: stack[stack.length - 1] ?? '' };
      i = end + close.length;
      continue;
    }
    if (c === 63 /* ? */) {
      const end = s.indexOf('?>', lt + 2);
      if (end < 0) return { what: 'truncated', tag: stack[stack.length - 1] ?? '' };
      i = end + 2;
      continue;
    }
    const gt = tagClose(s, lt);
    if (gt < 0) return { what: 'truncated', tag: stack[stack.length - 1] ?? '' };
    if (c === 47 /* / */) {
      const name = s.slice(lt + 2, gt).trimEnd();
      const open = stack.pop();
      if (open !== name) return { what: 'mismatch', tag: name };
    } else {
      let j = lt + 1;
      while (j < gt && !endsName(s.charCodeAt(j))) j++;
      const name = s.slice(lt + 1, j);
      if (name === '' || s.lastIndexOf('<', gt) !== lt) return { what: 'badTag', tag: name };
      if (s.charCodeAt(gt - 1) !== 47) stack.push(name);
    }
    i = gt + 1;
  }
}

/** checkMarkup on a fragment that must close every element it opens. */
export function checkFragment(s: string): MarkupProblem | undefined {
  const stack: string[] = [];
  return (
    checkMarkup(s, stack) ??
    (stack.length > 0 ? { what: 'unclosed', tag: stack[stack.length - 1] } : undefined)
  );
}

/** Characters XML 1.0 cannot hold: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
const ILLEGAL =
  // eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NEEDS_TEXT_WORK =
  // eslint-disable-next-line no-control-regex -- as above
  /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
const TEXT_SPECIAL = /[&<>\r]/g;
const ATTR_SPECIAL = /[&<>"\t\n\r]/g;
const CHAR_REF: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  // Character references survive XML line-end and attribute normalization; literal ones do not.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function charRef(c: string): string {
  return CHAR_REF[c];
}

/**
 * A string → cell text (ST_Xstring) for element content: illegal characters dropped, a literal
 * "_xHHHH_" protected as "_x005F_xHHHH_" so that it is not read back as an escape, markup escaped.
 */
export function escapeCellText(s: string): string {
  if (!NEEDS_TEXT_WORK.test(s)) return s;
  return s
    .replace(ILLEGAL, '')
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(TEXT_SPECIAL, charRef);
}

/** A string → attribute value between double quotes (illegal characters dropped). */
export function escapeAttr(s: string): string {
  return s.replace(ILLEGAL, '').replace(ATTR_SPECIAL, charRef);
}
