/**
 * The Word appendix as WordprocessingML (issue 15): the page and margins of Nghị định
 * 30/2020/NĐ-CP in twips, the report font, the header block only where the document names its
 * issuer, the appendix lines, bordered tables whose header row repeats, every cell's text with
 * the decimal comma, widths fitted to the page, landscape only for a wide table, page numbers.
 */
import { reportDocx } from '../../docx';
import { fitColumns, isWide, minimumWidths, mm, usableWidth } from '../../docx/layout';
import { vi } from '../../shared/i18n/vi';
import { displayValue } from '../../shared/report/display';
import type { ReportDocument, ReportTable } from '../../shared/report/document';
import { docxParts, paragraphs, runText, tableCells, tablesXml } from './docxXml';

const W = vi.wordReport;

const narrow: ReportTable = {
  title: 'Khối sở, ban, ngành',
  header: ['STT', 'Tên đơn vị', 'Chỉ số (%)', 'Xếp hạng'],
  rows: [
    [1, 'Sở Tư pháp & <Nội vụ>', 96.53, 1],
    [2, 'Sở Y tế', 85.5, 2],
    [3, 'Sở Xây dựng', null, 3],
  ],
  formats: ['0', '@', '0.00', '0'],
  columns: [
    { align: 'center', wrap: false, width: 5 },
    { align: 'left', wrap: true, width: 30 },
    { align: 'right', wrap: false, width: 10 },
    { align: 'right', wrap: false, width: 8 },
  ],
};

/** A results table with many field columns: too wide for a portrait page. */
const wide: ReportTable = {
  title: 'Khối huyện',
  header: ['STT', 'Tên đơn vị', ...Array.from({ length: 12 }, (_, i) => `${i + 1}. Lĩnh vực`)],
  rows: [[1, 'UBND huyện An Phú', ...Array.from({ length: 12 }, (_, i) => i + 0.25)]],
  formats: ['0', '@', ...Array<string>(12).fill('0.00')],
  columns: [
    { align: 'center', wrap: false, width: 5 },
    { align: 'left', wrap: true, width: 30 },
    ...Array.from({ length: 12 }, () => ({ align: 'right' as const, wrap: false, width: 9 })),
  ],
};

function doc(overrides: Partial<ReportDocument> = {}): ReportDocument {
  return {
    campaign: { name: 'Thi đua CCHC', year: 2018 },
    font: { name: 'Times New Roman', size: 13 },
    appendices: [
      {
        label: 'PHỤ LỤC I',
        heading: 'KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2018',
        subtitle: 'Kèm theo Quyết định số 123/QĐ-UBND ngày 01/02/2019 của Chủ tịch UBND tỉnh',
        tables: [narrow],
      },
    ],
    ...overrides,
  };
}

async function parts(d: ReportDocument) {
  const p = docxParts(await reportDocx(d));
  return { document: p['word/document.xml'], styles: p['word/styles.xml'], all: p };
}

/** Every w:sectPr of the body, in order. */
const sections = (xml: string): string[] =>
  [...xml.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
const attr = (xml: string, element: string, name: string): number =>
  Number(new RegExp(`<${element}\\b[^>]*\\s${name}="(\\d+)"`).exec(xml)?.[1]);

describe('the page of Nghị định 30/2020/NĐ-CP', () => {
  test('A4 portrait for a narrow table; margins inside the decree’s ranges', async () => {
    const { document } = await parts(doc());
    const [s] = sections(document);
    expect(sections(document)).toHaveLength(1);
    expect(attr(s, 'w:pgSz', 'w:w')).toBe(11906);
    expect(attr(s, 'w:pgSz', 'w:h')).toBe(16838);
    expect(s).not.toContain('landscape');
    const margin = (side: string): number => attr(s, 'w:pgMar', `w:${side}`);
    for (const side of ['top', 'bottom']) {
      expect(margin(side)).toBeGreaterThanOrEqual(mm(20));
      expect(margin(side)).toBeLessThanOrEqual(mm(25));
    }
    expect(margin('left')).toBeGreaterThanOrEqual(mm(30));
    expect(margin('left')).toBeLessThanOrEqual(mm(35));
    expect(margin('right')).toBeGreaterThanOrEqual(mm(15));
    expect(margin('right')).toBeLessThanOrEqual(mm(20));
  });

  test('a wide table gets a landscape section of its own; the narrow one stays portrait', async () => {
    const d = doc();
    d.appendices.push({ label: 'PHỤ LỤC II', heading: 'RỘNG', tables: [wide] });
    const { document } = await parts(d);
    const [first, second] = sections(document);
    expect(first).not.toContain('landscape');
    expect(attr(second, 'w:pgSz', 'w:w')).toBe(16838);
    expect(attr(second, 'w:pgSz', 'w:h')).toBe(11906);
    expect(second).toContain('w:orient="landscape"');
    // the same margins on the page as it is read
    expect(attr(second, 'w:pgMar', 'w:left')).toBe(attr(first, 'w:pgMar', 'w:left'));
  });

  test('the report font and size are the document defaults', async () => {
    const { styles } = await parts(doc());
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toContain('w:ascii="Times New Roman"');
    expect(defaults).toContain('w:hAnsi="Times New Roman"');
    expect(defaults).toMatch(/<w:sz w:val="26"\/>/);
    const other = await parts(doc({ font: { name: 'Arial', size: 14 } }));
    expect(other.styles).toContain('w:ascii="Arial"');
    expect(other.styles).toMatch(/<w:sz w:val="28"\/>/);
  });

  test('page numbers centred in the header, not on the first page', async () => {
    const { document, all } = await parts(doc());
    expect(sections(document)[0]).toContain('<w:titlePg/>');
    const headers = Object.entries(all).filter(([n]) => /^word\/header\d+\.xml$/.test(n));
    const numbered = headers.filter(([, x]) => /PAGE/.test(x));
    expect(numbered).toHaveLength(1);
    expect(numbered[0][1]).toContain('<w:jc w:val="center"/>');
  });
});

describe('the header block', () => {
  test('only where the document names its issuer', async () => {
    const without = await parts(doc());
    expect(without.document).not.toContain(W.country);
    expect(tablesXml(without.document)).toHaveLength(1);

    const withIssuer = await parts(
      doc({ issuer: { parent: 'UBND tỉnh An Giang', body: 'Sở Nội vụ' } }),
    );
    const [block, table] = tablesXml(withIssuer.document);
    expect(table).toBeDefined();
    const [[left, right]] = tableCells(block);
    expect(left).toBe('UBND TỈNH AN GIANGSỞ NỘI VỤ');
    expect(right).toBe(W.country + W.motto);
    // borderless; the body, the national name and the motto bold; rules under body and motto
    expect(block).toMatch(/<w:tblBorders>[\s\S]*<w:top w:val="none"/);
    expect(paragraphs(block)).toContain('SỞ NỘI VỤ');
    for (const text of ['SỞ NỘI VỤ', W.country, W.motto]) {
      const p = [...block.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].find((m) => runText(m[0]) === text);
      expect(p?.[0]).toContain('<w:b/>');
    }
    const parent = [...block.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].find(
      (m) => runText(m[0]) === 'UBND TỈNH AN GIANG',
    );
    expect(parent?.[0]).not.toContain('<w:b/>');
    expect(block.match(/<w:pBdr><w:bottom w:val="single"/g)).toHaveLength(2);
  });
});

describe('the appendix and its tables', () => {
  test('label, heading and "(Kèm theo …)" centred; the line italic in parentheses', async () => {
    const { document } = await parts(doc());
    const body = paragraphs(document.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, ''));
    const texts = body.filter((t) => t !== '');
    expect(texts.slice(0, 4)).toEqual([
      'PHỤ LỤC I',
      'KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2018',
      '(Kèm theo Quyết định số 123/QĐ-UBND ngày 01/02/2019 của Chủ tịch UBND tỉnh)',
      'Khối sở, ban, ngành',
    ]);
    const subtitle = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].find((m) =>
      runText(m[0]).startsWith('(Kèm theo'),
    );
    expect(subtitle?.[0]).toContain('<w:i/>');
    expect(subtitle?.[0]).toContain('<w:jc w:val="center"/>');
  });

  test('every cell, as displayValue prints it (decimal comma), XML-escaped text intact', async () => {
    const { document } = await parts(doc());
    const [table] = tablesXml(document);
    const expected = [
      narrow.header,
      ...narrow.rows.map((r) => r.map((v, c) => displayValue(v, narrow.formats[c]))),
    ];
    expect(tableCells(table)).toEqual(expected);
    expect(tableCells(table)[1]).toEqual(['1', 'Sở Tư pháp & <Nội vụ>', '96,53', '1']);
    expect(tableCells(table)[3][2]).toBe('');
  });

  test('bordered; the header row bold, centred and repeated on each page; rows kept whole', async () => {
    const { document } = await parts(doc());
    const [table] = tablesXml(document);
    const borders = /<w:tblBorders>[\s\S]*?<\/w:tblBorders>/.exec(table)?.[0] ?? '';
    for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) {
      expect(borders).toMatch(new RegExp(`<w:${side} w:val="single"`));
    }
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.slice(1).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
    for (const r of rows) expect(r).toContain('<w:cantSplit/>');
    const cells = [...rows[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    for (const c of cells) {
      expect(c).toContain('<w:b/>');
      expect(c).toContain('<w:jc w:val="center"/>');
    }
  });

  test('cells aligned per column; widths sum to the page between the margins', async () => {
    const { document } = await parts(doc());
    const [table] = tablesXml(document);
    const row = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)][1][0];
    const jc = [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(
      (m) => /<w:jc w:val="(\w+)"/.exec(m[0])?.[1],
    );
    expect(jc).toEqual(['center', 'left', 'right', 'right']);
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(usableWidth(false));
    // the name column, 30 of 53 characters, is the widest
    expect(Math.max(...grid)).toBe(grid[1]);
  });
});

describe('layout', () => {
  test('fitColumns: proportional, exact sum, no column under its minimum', () => {
    expect(fitColumns([1, 1, 2], [0, 0, 0], 1000)).toEqual([250, 250, 500]);
    const w = fitColumns([1, 10, 10], [300, 0, 0], 1000);
    expect(w[0]).toBe(300);
    expect(w.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(w[1]).toBe(350);
    // minimums wider than the page: scaled down together
    expect(fitColumns([1, 1], [900, 300], 600)).toEqual([450, 150]);
  });

  test('a number column holds its widest printed value on one line', () => {
    const cells = [['1', 'Sở', '100,00', '12']];
    const m = minimumWidths(narrow.columns, narrow.header, cells, 13);
    // "100,00" at 13 pt: at least six digit widths of half an em, plus the padding
    expect(m[2]).toBeGreaterThan(6 * 0.5 * 13 * 20);
  });

  test('landscape only when the table is wider than the portrait page', () => {
    const cells = (t: ReportTable) =>
      t.rows.map((r) => r.map((v, c) => displayValue(v, t.formats[c])));
    const min = (t: ReportTable) => minimumWidths(t.columns, t.header, cells(t), 13);
    expect(isWide(narrow.columns, min(narrow), 13)).toBe(false);
    expect(isWide(wide.columns, min(wide), 13)).toBe(true);
  });
});

test('packs in a browser too: no Node Buffer in the result', async () => {
  const bytes = await reportDocx(doc());
  expect(bytes).toBeInstanceOf(Uint8Array);
  expect(Buffer.isBuffer(bytes)).toBe(false);
  expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
});
