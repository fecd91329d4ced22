/**
 * The clipboard's report tables (shared/report/html.ts): HTML with borders, font, widths, a bold
 * centred header and right-aligned numbers spelled as the sheet shows them; the same tables as
 * tab-separated text. Hostile cell text (markup, a formula) stays text in both.
 */
import { reportHtml, reportText, escapeHtml } from '../../../shared/report/html';
import type { ReportTable } from '../../../shared/report/document';

const table = (rows: ReportTable['rows'], title = 'KẾT QUẢ — KHỐI SỞ'): ReportTable => ({
  title,
  subtitle: 'Kèm theo Quyết định số 12/QĐ-UBND',
  header: ['STT', 'Tên đơn vị', 'Chỉ số', 'Xếp hạng', 'Ghi chú'],
  rows,
  formats: ['0', '@', '0.00', '0', '@'],
  columns: [
    { align: 'center', wrap: false, width: 5 },
    { align: 'left', wrap: true, width: 30 },
    { align: 'right', wrap: false, width: 8 },
    { align: 'right', wrap: false, width: 8 },
    { align: 'left', wrap: true, width: 20 },
  ],
});

const HOSTILE = '<img src=x onerror="alert(1)">';
const FORMULA = '=HYPERLINK("http://evil.example","bấm")';

interface Node {
  tag: string;
  attrs: Record<string, string>;
  children: (Node | string)[];
}

const UNESCAPE: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const VOID = new Set(['meta', 'col', 'br']);

/**
 * The clipboard HTML as a tree (no DOM in this test environment). Strict on purpose: any `<` in
 * text, an unknown entity or a tag that does not close in order fails the parse.
 */
function parse(html: string): Node {
  const root: Node = { tag: '#root', attrs: {}, children: [] };
  const stack = [root];
  for (const m of html.matchAll(/<(\/?)([a-z]+)((?:\s+[a-z-]+="[^"]*")*)\s*>|([^<]+)/gy)) {
    const top = stack[stack.length - 1];
    if (m[4] !== undefined) {
      const bad = /&(?!amp;|lt;|gt;|quot;|#39;)/.exec(m[4]);
      if (bad) throw new Error(`stray & in ${m[4]}`);
      top.children.push(m[4].replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => UNESCAPE[e]));
    } else if (m[1]) {
      if (top.tag !== m[2]) throw new Error(`</${m[2]}> closes <${top.tag}>`);
      stack.pop();
    } else {
      const attrs = Object.fromEntries(
        [...m[3].matchAll(/([a-z-]+)="([^"]*)"/g)].map((a) => [
          a[1],
          a[2].replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => UNESCAPE[e]),
        ]),
      );
      const node: Node = { tag: m[2], attrs, children: [] };
      top.children.push(node);
      if (!VOID.has(m[2])) stack.push(node);
    }
  }
  const consumed = [...html.matchAll(/<(\/?)([a-z]+)((?:\s+[a-z-]+="[^"]*")*)\s*>|([^<]+)/gy)]
    .map((m) => m[0])
    .join('');
  if (consumed !== html) throw new Error('unparsed markup');
  if (stack.length !== 1) throw new Error('unclosed elements');
  return root;
}

const all = (n: Node, tag: string): Node[] =>
  n.children.flatMap((c) =>
    typeof c === 'string' ? [] : [...(c.tag === tag ? [c] : []), ...all(c, tag)],
  );
const text = (n: Node): string =>
  n.children.map((c) => (typeof c === 'string' ? c : c.tag === 'br' ? '\n' : text(c))).join('');
const style = (n: Node): Record<string, string> =>
  Object.fromEntries(
    (n.attrs.style ?? '')
      .split(';')
      .filter(Boolean)
      .map((d) => {
        const at = d.indexOf(':');
        return [d.slice(0, at).trim(), d.slice(at + 1).trim()];
      }),
  );

describe('reportHtml', () => {
  const tables = [
    table([
      [1, 'Sở Nội vụ', 96.5, 1, ''],
      [2, HOSTILE, 90.125, 2, 'Bằng khen'],
    ]),
    table([[1, FORMULA, 80, 1, 'a\nb']], 'KHỐI HUYỆN'),
  ];
  const html = reportHtml(tables, { name: 'Times New Roman', size: 13 });
  const doc = parse(html);
  const only = <T>(list: T[]): T => {
    expect(list).toHaveLength(1);
    return list[0];
  };

  it('is made only of the table elements, with style attributes only', () => {
    const tags = new Set([...html.matchAll(/<([a-z]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(
      [
        'body',
        'br',
        'col',
        'colgroup',
        'head',
        'html',
        'meta',
        'p',
        'table',
        'tbody',
        'td',
        'th',
        'thead',
        'tr',
      ].sort(),
    );
    const attrs = new Set([...html.matchAll(/\s([a-z-]+)="/g)].map((m) => m[1]));
    expect([...attrs].sort()).toEqual(['charset', 'style']);
  });

  it('is one table per block, each under its bold centred title and subtitle', () => {
    expect(all(doc, 'table')).toHaveLength(2);
    const titles = all(doc, 'p');
    expect(titles.map(text)).toEqual([
      'KẾT QUẢ — KHỐI SỞ',
      'Kèm theo Quyết định số 12/QĐ-UBND',
      'KHỐI HUYỆN',
      'Kèm theo Quyết định số 12/QĐ-UBND',
    ]);
    expect(style(titles[0])).toMatchObject({ 'font-weight': 'bold', 'text-align': 'center' });
  });

  it('has collapsed thin borders on every cell, the report font, widths and a bold centred header', () => {
    const t = all(doc, 'table')[0];
    expect(style(t)).toMatchObject({ 'border-collapse': 'collapse', 'font-size': '13pt' });
    expect(style(t)['font-family']).toContain('Times New Roman');
    for (const cell of [...all(doc, 'th'), ...all(doc, 'td')])
      expect(style(cell).border).toBe('1px solid #000');
    const th = all(t, 'th');
    expect(th.map(text)).toEqual(tables[0].header);
    for (const c of th)
      expect(style(c)).toMatchObject({ 'font-weight': 'bold', 'text-align': 'center' });
    const widths = all(only(all(t, 'colgroup')), 'col').map((c) => parseFloat(style(c).width));
    expect(widths).toHaveLength(5);
    // The name column is much wider than STT.
    expect(widths[1]).toBeGreaterThan(widths[0] * 3);
  });

  it('spells numbers as the sheet shows them, right-aligned; text left', () => {
    const rows = all(all(doc, 'tbody')[0], 'tr').map((r) => all(r, 'td'));
    expect(rows.map((r) => r.map(text))).toEqual([
      ['1', 'Sở Nội vụ', '96,50', '1', ''],
      ['2', HOSTILE, '90,13', '2', 'Bằng khen'],
    ]);
    expect(style(rows[0][2])['text-align']).toBe('right');
    expect(style(rows[0][1])['text-align']).toBe('left');
  });

  it('keeps hostile text as text: no element, no handler, the formula as characters', () => {
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/\sonerror="/);
    expect(all(doc, 'td').some((c) => 'onerror' in c.attrs)).toBe(false);
    const cells = all(all(doc, 'tbody')[1], 'td');
    expect(text(cells[1])).toBe(FORMULA);
    // Marked as text for Excel's HTML paste, so "=…" is not read as a formula there.
    expect(style(cells[1])['mso-number-format']).toBe("'\\@'");
    // A line break typed in a note stays a line break.
    expect(cells[4].children).toEqual(['a', { tag: 'br', attrs: {}, children: [] }, 'b']);
  });

  it('a font name cannot break out of its style attribute', () => {
    const out = reportHtml([table([])], {
      name: `x";}</style><script>alert(1)</script>`,
      size: 13,
    });
    expect(out).not.toContain('<script');
    expect(() => parse(out)).not.toThrow();
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  });
});

describe('reportText', () => {
  it('is tab-separated, one line per row, a blank line between tables, numbers as shown', () => {
    const text = reportText([
      table([[1, 'Sở\tNội vụ', 96.5, 1, 'dòng 1\ndòng 2']]),
      table([[1, 'UBND huyện', 7, null, '']], 'KHỐI HUYỆN'),
    ]);
    expect(text.split('\r\n')).toEqual([
      'KẾT QUẢ — KHỐI SỞ',
      'Kèm theo Quyết định số 12/QĐ-UBND',
      'STT\tTên đơn vị\tChỉ số\tXếp hạng\tGhi chú',
      '1\tSở Nội vụ\t96,50\t1\tdòng 1 dòng 2',
      '',
      'KHỐI HUYỆN',
      'Kèm theo Quyết định số 12/QĐ-UBND',
      'STT\tTên đơn vị\tChỉ số\tXếp hạng\tGhi chú',
      '1\tUBND huyện\t7,00\t\t',
    ]);
  });

  it('text that a spreadsheet would read as a formula keeps its characters as text', () => {
    const text = reportText([table([[1, FORMULA, -1.5, 1, HOSTILE]])]);
    const row = text.split('\r\n')[3].split('\t');
    expect(row).toEqual(['1', `'${FORMULA}`, '-1,50', '1', HOSTILE]);
  });
});
