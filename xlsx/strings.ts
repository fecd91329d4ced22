/** Shared strings and rich text items (<si>, <is>) → plain strings. */
import { decodeCellText, endsName, rootPrefix } from './xml';

/** Whether the characters at `pos` are `codes`. */
function at(s: string, pos: number, codes: readonly number[]): boolean {
  for (let k = 0; k < codes.length; k++) {
    if (s.charCodeAt(pos + k) !== codes[k]) return false;
  }
  return true;
}

function codesOf(s: string): number[] {
  return Array.from(s, (ch) => ch.charCodeAt(0));
}

/** The items of a sharedStrings part, in index order. */
export function parseSharedStrings(xml: string): string[] {
  const p = rootPrefix(xml);
  const open = '<' + p + 'si';
  const close = '</' + p + 'si>';
  const tClose = '</' + p + 't>';
  const T_TAG = codesOf('<' + p + 't>');
  const SI_CLOSE = codesOf(close);
  const out: string[] = [];
  let i = 0;
  for (;;) {
    const lt = xml.indexOf(open, i);
    if (lt < 0) return out;
    if (!endsName(xml.charCodeAt(lt + open.length))) {
      i = lt + open.length;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push('');
      i = gt + 1;
      continue;
    }
    if (at(xml, gt + 1, T_TAG)) {
      // Plain text, <si><t>…</t></si>, is by far the most common item: no inner substring.
      const ts = gt + 1 + T_TAG.length;
      const te = xml.indexOf(tClose, ts);
      if (te >= 0 && at(xml, te + tClose.length, SI_CLOSE)) {
        out.push(decodeCellText(xml.substring(ts, te)));
        i = te + tClose.length + SI_CLOSE.length;
        continue;
      }
    }
    const end = xml.indexOf(close, gt);
    if (end < 0) return out;
    out.push(richText(xml.substring(gt + 1, end), p));
    i = end + close.length;
  }
}

/**
 * Text of a string item (<si> or <is>): its <t> runs concatenated. Phonetic runs (<rPh>, East
 * Asian reading aids) are skipped, as Excel shows only the base text.
 */
export function richText(s: string, p: string): string {
  const tOpen = '<' + p + 't';
  const tClose = '</' + p + 't>';
  const phOpen = '<' + p + 'rPh';
  const phClose = '</' + p + 'rPh>';
  let out = '';
  let i = 0;
  for (;;) {
    const lt = s.indexOf('<', i);
    if (lt < 0) return out;
    if (s.startsWith(tOpen, lt) && endsName(s.charCodeAt(lt + tOpen.length))) {
      const gt = s.indexOf('>', lt);
      if (s.charCodeAt(gt - 1) === 47) {
        i = gt + 1;
        continue;
      }
      const end = s.indexOf(tClose, gt);
      if (end < 0) return out;
      out += decodeCellText(s.substring(gt + 1, end));
      i = end + tClose.length;
    } else if (s.startsWith(phOpen, lt) && endsName(s.charCodeAt(lt + phOpen.length))) {
      const end = s.indexOf(phClose, lt);
      if (end < 0) return out;
      i = end + phClose.length;
    } else {
      i = lt + 1;
    }
  }
}
