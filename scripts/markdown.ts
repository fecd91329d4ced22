/**
 * A small, safe Markdown-to-HTML converter for the user guide (docs/huong-dan/*.md), which
 * `npm run release` publishes as static pages next to the add-in. It knows what the guide uses:
 * ATX headings (with GitHub-style ids), paragraphs, bullet and numbered lists (nested by
 * indentation), block quotes, fenced code, GitHub tables (with column alignment), thematic
 * breaks, and inline code, links, images, autolinks, bold, italic and strike-through.
 *
 * Safe: every character of the source reaches the page escaped. Raw HTML in the Markdown is shown
 * as text, never interpreted; a link or image whose URL has a scheme other than http, https or
 * mailto (javascript:, data:, vbscript: …) is shown as its text alone; the caller maps (or drops)
 * every relative link and image.
 */
import { escapeHtml } from '../shared/report/html';

export interface MarkdownOptions {
  /**
   * Maps a link's target (as written, relative or absolute); null shows the link's text alone.
   * Default: http(s), mailto and #anchors kept, everything else dropped.
   */
  link?: (href: string) => string | null;
  /** Maps an image's source; null shows its alt text. Default: every image dropped. */
  image?: (src: string) => string | null;
}

export interface RenderedMarkdown {
  /** The body's HTML (no <html>, <head> or <body>). */
  html: string;
  /** The text of the first level-1 heading, or '' when there is none. */
  title: string;
}

export { escapeHtml };

const UNESCAPES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** A URL's scheme, lower-cased, ignoring the control characters and spaces browsers ignore. */
function schemeOf(url: string): string | null {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  const match = /^([a-z][a-z0-9+.-]*):/.exec(cleaned);
  return match ? match[1] : null;
}

/** Whether a URL is allowed at all: relative, or http, https, mailto. */
export function isSafeUrl(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme === null ? !/^\s*\/\//.test(url) : ['http', 'https', 'mailto'].includes(scheme);
}

const defaultLink = (href: string): string | null =>
  href.startsWith('#') || schemeOf(href) !== null ? href : null;

// ---- Inline ------------------------------------------------------------------------------------

const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;

interface InlineContext {
  link: (href: string) => string | null;
  image: (src: string) => string | null;
}

/** Index of the `]` closing the `[` at `open`, brackets nested, escapes and code skipped. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const end = text.indexOf(run, i + run.length);
      if (end > 0) i = end + run.length - 1;
    } else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

/** `(destination "title")` at `at`: the destination and the index after `)`, or null. */
function linkTarget(text: string, at: number): { url: string; title?: string; end: number } | null {
  if (text[at] !== '(') return null;
  let i = at + 1;
  while (text[i] === ' ') i++;
  let url = '';
  if (text[i] === '<') {
    const close = text.indexOf('>', i);
    if (close < 0) return null;
    url = text.slice(i + 1, close);
    i = close + 1;
  } else {
    let depth = 0;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\\' && PUNCTUATION.test(text[i + 1] ?? '')) {
        url += text[++i];
        continue;
      }
      if (c === ' ' || c === '\n') break;
      if (c === '(') depth++;
      if (c === ')') {
        if (depth === 0) break;
        depth--;
      }
      url += c;
    }
  }
  while (text[i] === ' ' || text[i] === '\n') i++;
  let title: string | undefined;
  const quote = text[i];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, i + 1);
    if (close < 0) return null;
    title = text.slice(i + 1, close);
    i = close + 1;
    while (text[i] === ' ') i++;
  }
  if (text[i] !== ')') return null;
  return { url, title, end: i + 1 };
}

/** The text of inline Markdown without its markup (for ids, titles and alt text). */
export function plainText(text: string): string {
  return inline(text, { link: () => null, image: () => null })
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => UNESCAPES[entity]);
}

function inline(text: string, context: InlineContext): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const rest = text.slice(i);

    if (c === '\\' && PUNCTUATION.test(text[i + 1] ?? '')) {
      out += escapeHtml(text[i + 1]);
      i += 2;
      continue;
    }
    if (c === '\\' && text[i + 1] === '\n') {
      out += '<br />\n';
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(rest)![0];
      const end = text.indexOf(run, i + run.length);
      if (end > 0 && text[end + run.length] !== '`') {
        let code = text.slice(i + run.length, end).replace(/\n/g, ' ');
        if (/^ .* $/.test(code) && code.trim() !== '') code = code.slice(1, -1);
        out += `<code>${escapeHtml(code)}</code>`;
        i = end + run.length;
        continue;
      }
      out += escapeHtml(run);
      i += run.length;
      continue;
    }
    if (c === '!' && text[i + 1] === '[') {
      const close = closingBracket(text, i + 1);
      const target = close > 0 ? linkTarget(text, close + 1) : null;
      if (target) {
        const alt = plainText(text.slice(i + 2, close));
        const src = isSafeUrl(target.url) ? context.image(target.url) : null;
        out +=
          src === null
            ? escapeHtml(alt)
            : `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${
                target.title ? ` title="${escapeHtml(target.title)}"` : ''
              } />`;
        i = target.end;
        continue;
      }
    }
    if (c === '[') {
      const close = closingBracket(text, i);
      const target = close > 0 ? linkTarget(text, close + 1) : null;
      if (target) {
        const label = inline(text.slice(i + 1, close), context);
        const href = isSafeUrl(target.url) ? context.link(target.url) : null;
        out += href === null ? label : anchor(href, label, target.title);
        i = target.end;
        continue;
      }
    }
    if (c === '<') {
      const auto = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/i.exec(rest);
      if (auto) {
        const href = context.link(auto[1]);
        out += href === null ? escapeHtml(auto[1]) : anchor(href, escapeHtml(auto[1]));
        i += auto[0].length;
        continue;
      }
    }
    const emphasis = /^(\*\*|__|~~|\*|_)/.exec(rest);
    if (emphasis) {
      const mark = emphasis[1];
      const before = text[i - 1] ?? ' ';
      const opens =
        text[i + mark.length] !== undefined &&
        !/\s/.test(text[i + mark.length]) &&
        // An underscore inside a word (snake_case) is a letter, not emphasis.
        !(mark[0] === '_' && /[\p{L}\p{N}]/u.test(before));
      const end = opens ? closingMark(text, i + mark.length, mark) : -1;
      if (end > 0) {
        const tag = mark === '~~' ? 'del' : mark.length === 2 ? 'strong' : 'em';
        out += `<${tag}>${inline(text.slice(i + mark.length, end), context)}</${tag}>`;
        i = end + mark.length;
        continue;
      }
      out += escapeHtml(mark);
      i += mark.length;
      continue;
    }
    if (c === ' ' && /^ {2,}\n/.test(rest)) {
      out += '<br />\n';
      i += /^ +\n/.exec(rest)![0].length;
      continue;
    }
    out += escapeHtml(c);
    i++;
  }
  return out;
}

/** Where `mark` closes emphasis opened before `from`: not after a space, not inside code. */
function closingMark(text: string, from: number, mark: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const end = text.indexOf(run, i + run.length);
      if (end > 0) i = end + run.length - 1;
      continue;
    }
    if (text[i] === '[') {
      const close = closingBracket(text, i);
      const target = close > 0 ? linkTarget(text, close + 1) : null;
      if (target) {
        i = target.end - 1;
        continue;
      }
    }
    if (text.startsWith(mark, i) && i > from && !/\s/.test(text[i - 1])) {
      // A single * or _ must not be half of a double one.
      if (mark.length === 1 && text[i + 1] === mark) {
        i++;
        continue;
      }
      if (mark[0] === '_' && /[\p{L}\p{N}]/u.test(text[i + mark.length] ?? '')) continue;
      return i;
    }
  }
  return -1;
}

function anchor(href: string, label: string, title?: string): string {
  const external = /^https?:/i.test(href);
  return `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ''}${
    external ? ' rel="noopener noreferrer"' : ''
  }>${label}</a>`;
}

// ---- Blocks ------------------------------------------------------------------------------------

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ITEM = /^( *)([-*+]|\d{1,9}[.)])( +|$)(.*)$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const DELIMITER_ROW = /^ *\|? *:?-+:? *(\| *:?-+:? *)*\|? *$/;

interface BlockState {
  context: InlineContext;
  ids: Map<string, number>;
  title: string;
}

function indentOf(line: string): number {
  return /^ */.exec(line.replace(/\t/g, '    '))![0].length;
}

/** A table row's cells, split on unescaped pipes outside code. */
function cells(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  const out: string[] = [];
  let cell = '';
  let code = false;
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (c === '\\' && row[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '`') {
      code = !code;
      cell += c;
    } else if (c === '|' && !code) {
      out.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  out.push(cell.trim());
  return out;
}

function startsBlock(line: string, next: string | undefined): boolean {
  return (
    FENCE.test(line) ||
    HEADING.test(line) ||
    RULE.test(line) ||
    QUOTE.test(line) ||
    ITEM.test(line) ||
    (line.includes('|') && next !== undefined && DELIMITER_ROW.test(next) && next.includes('-'))
  );
}

/** A heading's id as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
function headingId(text: string, state: BlockState): string {
  const base =
    plainText(text)
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-') || 'muc';
  const seen = state.ids.get(base) ?? 0;
  state.ids.set(base, seen + 1);
  return seen === 0 ? base : `${base}-${seen}`;
}

function blocks(lines: string[], state: BlockState, tight = false): string {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1];
      const indent = indentOf(line);
      const code: string[] = [];
      i++;
      while (
        i < lines.length &&
        !new RegExp(`^ {0,3}${marker[0]}{${marker.length},}\\s*$`).test(lines[i])
      ) {
        code.push(lines[i].replace(new RegExp(`^ {0,${indent}}`), ''));
        i++;
      }
      i++; // the closing fence (or the end)
      const language = /^[\w+-]+$/.test(fence[2]) ? ` class="language-${fence[2]}"` : '';
      out.push(
        `<pre><code${language}>${escapeHtml(code.join('\n'))}${code.length ? '\n' : ''}</code></pre>`,
      );
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1].length;
      const text = (heading[2] ?? '').trim();
      if (level === 1 && !state.title) state.title = plainText(text);
      out.push(
        `<h${level} id="${escapeHtml(headingId(text, state))}">${inline(text, state.context)}</h${level}>`,
      );
      i++;
      continue;
    }

    if (RULE.test(line)) {
      out.push('<hr />');
      i++;
      continue;
    }

    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && lines[i].trim() !== '') {
        const match = QUOTE.exec(lines[i]);
        quoted.push(match ? match[1] : lines[i]);
        i++;
      }
      out.push(`<blockquote>\n${blocks(quoted, state)}\n</blockquote>`);
      continue;
    }

    const next = lines[i + 1];
    if (
      line.includes('|') &&
      next !== undefined &&
      DELIMITER_ROW.test(next) &&
      next.includes('-')
    ) {
      const header = cells(line);
      const aligns = cells(next).map((cell) =>
        cell.startsWith(':') && cell.endsWith(':')
          ? 'center'
          : cell.endsWith(':')
            ? 'right'
            : cell.startsWith(':')
              ? 'left'
              : '',
      );
      const cell = (tag: string, text: string, column: number) =>
        `<${tag}${aligns[column] ? ` style="text-align: ${aligns[column]}"` : ''}>${inline(
          text,
          state.context,
        )}</${tag}>`;
      const rows: string[] = [];
      i += 2;
      while (i < lines.length && lines[i].trim() !== '' && lines[i].includes('|')) {
        const values = cells(lines[i]);
        rows.push(`<tr>${header.map((_, c) => cell('td', values[c] ?? '', c)).join('')}</tr>`);
        i++;
      }
      out.push(
        [
          '<table>',
          `<thead><tr>${header.map((text, c) => cell('th', text, c)).join('')}</tr></thead>`,
          ...(rows.length ? ['<tbody>', ...rows, '</tbody>'] : []),
          '</table>',
        ].join('\n'),
      );
      continue;
    }

    const item = ITEM.exec(line);
    if (item) {
      const [html, end] = list(lines, i, state);
      out.push(html);
      i = end;
      continue;
    }

    // A paragraph: lines up to a blank line or the start of another block.
    const paragraph: string[] = [line.replace(/^ +/, '')];
    i++;
    while (i < lines.length && lines[i].trim() !== '' && !startsBlock(lines[i], lines[i + 1])) {
      paragraph.push(lines[i].replace(/^ +/, ''));
      i++;
    }
    const text = inline(paragraph.join('\n').replace(/ +$/, ''), state.context);
    out.push(tight ? text : `<p>${text}</p>`);
  }
  return out.join('\n');
}

/** A list starting at `start`: its HTML and the index of the line after it. */
function list(lines: string[], start: number, state: BlockState): [string, number] {
  const first = ITEM.exec(lines[start])!;
  const indent = first[1].length;
  const ordered = /\d/.test(first[2]);
  const sameKind = (match: RegExpExecArray) =>
    match[1].length === indent &&
    (ordered
      ? /\d/.test(match[2]) && match[2].slice(-1) === first[2].slice(-1)
      : match[2] === first[2]);

  const items: string[][] = [];
  let loose = false;
  let i = start;
  while (i < lines.length) {
    const match = ITEM.exec(lines[i]);
    if (!match || !sameKind(match)) break;
    const contentIndent = indent + match[2].length + Math.max(1, Math.min(match[3].length, 4));
    const content = [match[4]];
    i++;
    while (i < lines.length) {
      const line = lines[i];
      if (line.trim() === '') {
        // A blank line: the item (and the list) goes on only if what follows is indented under
        // it or is the next item.
        let j = i;
        while (j < lines.length && lines[j].trim() === '') j++;
        if (j >= lines.length) {
          i = j;
          break;
        }
        const following = ITEM.exec(lines[j]);
        if (indentOf(lines[j]) >= contentIndent) {
          content.push('');
          i = j;
          loose = true;
          continue;
        }
        if (following && sameKind(following)) {
          loose = true;
          i = j;
        }
        break;
      }
      if (indentOf(line) >= contentIndent) {
        content.push(line.replace(/\t/g, '    ').slice(contentIndent));
        i++;
        continue;
      }
      const other = ITEM.exec(line);
      if (other || startsBlock(line, lines[i + 1])) {
        if (other && other[1].length > indent) {
          // A nested list indented less than the content: still this item's.
          content.push(line.replace(/\t/g, '    ').slice(Math.min(indentOf(line), contentIndent)));
          i++;
          continue;
        }
        break;
      }
      content.push(line.trim()); // a lazy continuation of the item's paragraph
      i++;
    }
    items.push(content);
  }
  const tag = ordered ? 'ol' : 'ul';
  const number = Number.parseInt(first[2], 10);
  const open = ordered && number !== 1 ? `<ol start="${number}">` : `<${tag}>`;
  const body = items.map((content) => `<li>${blocks(content, state, !loose)}</li>`);
  return [[open, ...body, `</${tag}>`].join('\n'), i];
}

/** Converts Markdown to HTML: see the top of this file for what it knows and how it is safe. */
export function markdownToHtml(source: string, options: MarkdownOptions = {}): RenderedMarkdown {
  const state: BlockState = {
    context: { link: options.link ?? defaultLink, image: options.image ?? (() => null) },
    ids: new Map(),
    title: '',
  };
  const lines = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  return { html: blocks(lines, state), title: state.title };
}
