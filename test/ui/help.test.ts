/**
 * The pane's help links (ui/help.ts) point at pages and headings the guide really has: every
 * topic's docs/huong-dan/<page>.md exists and holds the heading vi.help names, whose id is what
 * GitHub and the published guide give it. Also the guide's own table of contents and relative
 * links between its pages.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';
import { vi } from '../../shared/i18n/vi';
import { markdownToHtml } from '../../scripts/markdown';
import { HELP_PAGES, headingId, helpUrl, type HelpTopic } from '../../ui/help';

const GUIDE = path.join(__dirname, '../../docs/huong-dan');

/** The headings of a markdown page (ATX headings outside code fences), as written. */
function headings(file: string): string[] {
  let fenced = false;
  const found: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (m) found.push(m[1]);
  }
  return found;
}

const topics = Object.keys(HELP_PAGES) as HelpTopic[];

describe('headingId: GitHub’s heading ids', () => {
  it.each([
    ['Cách đọc một thông báo lỗi', 'cách-đọc-một-thông-báo-lỗi'],
    ['Bước 2: Tiêu chí và cách chấm', 'bước-2-tiêu-chí-và-cách-chấm'],
    [
      'Excel: thư mục dùng chung (không có Microsoft 365)',
      'excel-thư-mục-dùng-chung-không-có-microsoft-365',
    ],
    [
      'Chiến dịch đầu tiên: từ "Tạo mẫu" đến bảng kết quả',
      'chiến-dịch-đầu-tiên-từ-tạo-mẫu-đến-bảng-kết-quả',
    ],
  ])('%s → %s', (text, id) => expect(headingId(text)).toBe(id));
});

describe('every help topic opens an existing page of the guide', () => {
  it.each(topics)('%s', (topic) => {
    const file = path.join(GUIDE, `${HELP_PAGES[topic]}.md`);
    expect(existsSync(file)).toBe(true);
    const heading = vi.help.topics[topic].heading;
    const url = new URL(helpUrl(topic, 'https://may-chu.gov.vn/xephang/huong-dan/'));
    expect(url.pathname).toBe(`/xephang/huong-dan/${HELP_PAGES[topic]}.html`);
    if (heading) {
      expect(headings(file)).toContain(heading);
      expect(decodeURIComponent(url.hash)).toBe(`#${headingId(heading)}`);
    } else expect(url.hash).toBe('');
  });
});

describe('the guide', () => {
  const pages = readdirSync(GUIDE).filter((f) => f.endsWith('.md'));

  it('has its table of contents and the pages the issue asks for', () => {
    expect(pages.sort()).toEqual(
      [
        'cai-dat.md',
        'chien-dich-dau-tien.md',
        'dong-hang.md',
        'index.md',
        'loi-thuong-gap.md',
        'phieu-tu-cham.md',
        'vong-tham-dinh.md',
      ].sort(),
    );
    const index = readFileSync(path.join(GUIDE, 'index.md'), 'utf8');
    for (const page of pages.filter((p) => p !== 'index.md')) expect(index).toContain(`(${page})`);
  });

  it.each(pages)(
    '%s: unique headings; links to guide pages, anchors and pictures exist',
    (page) => {
      const own = headings(path.join(GUIDE, page)).map(headingId);
      expect(new Set(own).size).toBe(own.length);
      const text = readFileSync(path.join(GUIDE, page), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        const [file, anchor] = target.split('#');
        const resolved = path.resolve(GUIDE, file || page);
        // English docs for IT staff (../install.md comes with the release work) are not checked.
        if (!resolved.startsWith(GUIDE) && !/\.(png|jpg)$/.test(file)) continue;
        expect({ target, exists: existsSync(resolved) }).toEqual({ target, exists: true });
        if (anchor) expect(headings(resolved).map(headingId)).toContain(decodeURIComponent(anchor));
      }
    },
  );
});

describe('the published guide (npm run release renders it with scripts/markdown.ts)', () => {
  it.each(topics)('%s: the page rendered holds the id the link points at', (topic) => {
    const url = new URL(helpUrl(topic, 'https://example.test/huong-dan/'));
    const page = path.basename(url.pathname, '.html');
    const { html } = markdownToHtml(readFileSync(path.join(GUIDE, `${page}.md`), 'utf8'));
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeURIComponent(m[1]));
    if (url.hash) expect(ids).toContain(decodeURIComponent(url.hash.slice(1)));
  });
});
