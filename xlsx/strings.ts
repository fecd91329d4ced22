/** Shared strings and rich text items (<si>, <is>) → plain strings. */
import { malformed } from './damage';
import {
  checkFragment,
  checkMarkup,
  decodeCellContent,
  decodeCellText,
  endsName,
  rootPrefix,
} from './xml';

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

/**
 * The items of a sharedStrings part, in index order. Damaged markup (an item not closed, tags
 * that do not balance, a part cut short) throws a PartDamage: a string read wrong would shift
 * every later index.
 */
export function parseSharedStrings(xml: string): string[] {
  const p = rootPrefix(xml);
  const open = '<' + p + 'si';
  const close = '</' + p + 'si>';
  const tClose = '</' + p + 't>';
  const T_TAG = codesOf('<' + p + 't>');
  const SI_CLOSE = codesOf(close);
  const out: string[] = [];
  let i = 0;
  let last = 0;
  for (;;) {
    const lt = xml.indexOf(open, i);
    if (lt < 0) break;
    if (!endsName(xml.charCodeAt(lt + open.length))) {
      i = lt + open.length;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw malformed('truncated', p + 'si');
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push('');
      i = last = gt + 1;
      continue;
    }
    if (at(xml, gt + 1, T_TAG)) {
      // Plain text, <si><t>…</t></si>, is by far the most common item: no inner substring.
      // Text holds no '<' (CDATA goes the long way below).
      const ts = gt + 1 + T_TAG.length;
      const te = xml.indexOf(tClose, ts);
      if (te >= 0 && at(xml, te + tClose.length, SI_CLOSE) && xml.indexOf('<', ts) === te) {
        out.push(decodeCellText(xml.substring(ts, te)));
        i = last = te + tClose.length + SI_CLOSE.length;
        continue;
      }
    }
    const end = xml.indexOf(close, gt);
    if (end < 0) throw malformed('unclosed', p + 'si');
    const item = xml.substring(gt + 1, end);
    const problem = checkFragment(item);
    if (problem) throw malformed(problem.what, problem.tag);
    out.push(richText(item, p));
    i = last = end + close.length;
  }
  // After the last item: the end of the part, nothing cut off.
  const stack = last === 0 ? [] : [p + 'sst'];
  const problem = checkMarkup(xml.substring(last), stack);
  if (problem) throw malformed(problem.what, problem.tag);
  if (stack.length > 0) throw malformed('truncated', stack[stack.length - 1]);
  return out;
}

/**
 * Text of a string item (<si> or <is>): its <t> runs concatenated. Phonetic runs (<rPh>, East
 * Asian reading aids) are skipped, as Excel shows only the base text. CDATA in a run is its text.
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
      if (end < 0) throw malformed('unclosed', tOpen.slice(1));
      const text = decodeCellContent(s.substring(gt + 1, end));
      if (text === undefined) throw malformed('badTag', tOpen.slice(1));
      out += text;
      i = end + tClose.length;
    } else if (s.startsWith(phOpen, lt) && endsName(s.charCodeAt(lt + phOpen.length))) {
      const end = s.indexOf(phClose, lt);
      if (end < 0) throw malformed('unclosed', phOpen.slice(1));
      i = end + phClose.length;
    } else {
      i = lt + 1;
    }
  }
}
