/**
 * scripts/markdown.ts, the converter that publishes the Vietnamese guide with the release: what
 * the guide uses renders as HTML, and nothing in the source can inject markup or script.
 */
import { escapeHtml, isSafeUrl, markdownToHtml } from '../../scripts/markdown';

const html = (source: string, options = {}) => markdownToHtml(source, options).html;

describe('blocks', () => {
  test('headings get GitHub-style ids (Vietnamese letters kept), the first h1 is the title', () => {
    const page = markdownToHtml('# Cài đặt phần bổ trợ\n\n## Bước 1: tải về\n\n## Bước 1: tải về');
    expect(page.title).toBe('Cài đặt phần bổ trợ');
    expect(page.html).toBe(
      [
        '<h1 id="cài-đặt-phần-bổ-trợ">Cài đặt phần bổ trợ</h1>',
        '<h2 id="bước-1-tải-về">Bước 1: tải về</h2>',
        '<h2 id="bước-1-tải-về-1">Bước 1: tải về</h2>',
      ].join('\n'),
    );
  });

  test('paragraphs join their lines; a blank line separates them; two trailing spaces break', () => {
    expect(html('một\nhai\n\nba  \nbốn')).toBe('<p>một\nhai</p>\n<p>ba<br />\nbốn</p>');
  });

  test('bullet and numbered lists, nested by indentation, tight and loose', () => {
    expect(html('- a\n- b\n  - b1\n  - b2\n- c')).toBe(
      '<ul>\n<li>a</li>\n<li>b\n<ul>\n<li>b1</li>\n<li>b2</li>\n</ul></li>\n<li>c</li>\n</ul>',
    );
    expect(html('3. ba\n4. bốn')).toBe('<ol start="3">\n<li>ba</li>\n<li>bốn</li>\n</ol>');
    expect(html('1. một\n\n   tiếp\n\n2. hai')).toBe(
      '<ol>\n<li><p>một</p>\n<p>tiếp</p></li>\n<li><p>hai</p></li>\n</ol>',
    );
    expect(html('đoạn\n- mục')).toBe('<p>đoạn</p>\n<ul>\n<li>mục</li>\n</ul>');
  });

  test('fenced code is escaped verbatim, with a language class only when it is a plain word', () => {
    expect(html('```sh\nnpm run release -- --url https://h/x/ <b>\n```')).toBe(
      '<pre><code class="language-sh">npm run release -- --url https://h/x/ &lt;b&gt;\n</code></pre>',
    );
    expect(html('```"><script>\nx\n```')).toBe('<pre><code>x\n</code></pre>');
  });

  test('tables with alignment, escaped pipes and inline markup in cells', () => {
    expect(html('| Mục | Điểm |\n| :-- | --: |\n| **A** | 1,5 |\n| a \\| b | `x|y` |')).toBe(
      [
        '<table>',
        '<thead><tr><th style="text-align: left">Mục</th><th style="text-align: right">Điểm</th></tr></thead>',
        '<tbody>',
        '<tr><td style="text-align: left"><strong>A</strong></td><td style="text-align: right">1,5</td></tr>',
        '<tr><td style="text-align: left">a | b</td><td style="text-align: right"><code>x|y</code></td></tr>',
        '</tbody>',
        '</table>',
      ].join('\n'),
    );
  });

  test('block quotes and thematic breaks', () => {
    expect(html('> **Lưu ý:** lưu tệp\n> trước.\n\n---')).toBe(
      '<blockquote>\n<p><strong>Lưu ý:</strong> lưu tệp\ntrước.</p>\n</blockquote>\n<hr />',
    );
  });
});

describe('inline', () => {
  test('code, bold, italic, strike-through; underscores inside words stay', () => {
    expect(html('`a*b*` **đậm** *nghiêng* _nghiêng_ ~~bỏ~~ snake_case_name 2 * 3')).toBe(
      '<p><code>a*b*</code> <strong>đậm</strong> <em>nghiêng</em> <em>nghiêng</em> <del>bỏ</del> snake_case_name 2 * 3</p>',
    );
  });

  test('links and images go through the mappers; titles and alt text are escaped', () => {
    const options = {
      link: (href: string) => (href.endsWith('.md') ? href.replace(/\.md$/, '.html') : href),
      image: (src: string) => `img/${src.split('/').pop()}`,
    };
    expect(
      html('[Cài đặt](cai-dat.md "Xem \'đây\'") ![Ngăn "Xếp hạng"](../img/pane.png)', options),
    ).toBe(
      '<p><a href="cai-dat.html" title="Xem &#39;đây&#39;">Cài đặt</a> <img src="img/pane.png" alt="Ngăn &quot;Xếp hạng&quot;" /></p>',
    );
    expect(html('<https://learn.microsoft.com/x>')).toBe(
      '<p><a href="https://learn.microsoft.com/x" rel="noopener noreferrer">https://learn.microsoft.com/x</a></p>',
    );
    // By default relative links show their text alone and images their alt text.
    expect(html('[khác](../excel.md) ![ảnh](a.png)')).toBe('<p>khác ảnh</p>');
  });

  test('a link whose mapper returns null shows its text alone', () => {
    expect(html('[đây](x.md)', { link: () => null })).toBe('<p>đây</p>');
  });
});

describe('safety', () => {
  test('raw HTML is shown as text', () => {
    const out = html('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n# <b>x</b>');
    expect(out).not.toMatch(/<script|<img|<b>/i);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  test.each([
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](<java\tscript:alert(1)>)',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    '[x](vbscript:msgbox)',
    '[x](//evil.example/)',
    '![x](javascript:alert(1))',
  ])('%s is not a link', (source) => {
    const seen: string[] = [];
    const out = html(source, {
      link: (href: string) => (seen.push(href), href),
      image: (src: string) => (seen.push(src), src),
    });
    expect(out).toBe('<p>x</p>');
    expect(seen).toEqual([]);
  });

  test('quotes in URLs and titles cannot leave the attribute', () => {
    const out = html(`[a](https://h/"onmouseover="x 'ti"tle') [b](<https://h/ x" y>)`, {
      link: (href: string) => href,
    });
    expect(out).not.toMatch(/"\s*onmouseover=/);
    expect(out).toContain('href="https://h/&quot;onmouseover=&quot;x" title="ti&quot;tle"');
    expect(out).toContain('href="https://h/ x&quot; y"');
  });

  test('escapeHtml and isSafeUrl', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(
      ['https://a', 'http://a', 'mailto:a@b', 'a.md', '#x', 'img/a.png'].map(isSafeUrl),
    ).toEqual([true, true, true, true, true, true]);
    expect(['javascript:x', ' javascript:x', 'file:///c:/', '//a'].map(isSafeUrl)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
