/** buildWorkbook → readSheets gives back the values written: text that looks like formulas or markup, exact numbers, booleans, gaps. */
import fc from 'fast-check';
import { buildWorkbook, readPackage, readSheets, sheetNames, type CellValue } from '../../xlsx';
import { inlineString } from '../../xlsx/sheet';
import { unzipText } from './helpers';

function roundTrip(rows: (CellValue | undefined)[][], name = 'Trang 1'): CellValue[][] {
  const pkg = readPackage(buildWorkbook([{ name, rows }]));
  return readSheets(pkg, [name]).get(name)?.rows ?? [];
}

describe('values survive a round trip', () => {
  test('Vietnamese text, formula-like and markup-like text, numbers, booleans, gaps', () => {
    const rows: CellValue[][] = [
      ['Ủy ban nhân dân tỉnh', 'Sở Tư pháp'.normalize('NFC'), 'Đạt', 'Không đạt'],
      ['=SUM(A1)', '+84', '-5', '@x', "'giữ dấu nháy"],
      ['<b>x</b>', '&amp;', 'a & b < c > d', '"trích dẫn"', '<![CDATA[x]]>'],
      [0.1 + 0.2, 1 / 3, -0.000123, 1e21, 5e-324, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, -1e-7],
      [true, false, 0, 1, -1],
      [],
      [null, null, 'sau hai ô trống', null, 7],
      ['  khoảng trắng đầu và cuối  ', 'tab\tở giữa', 'xuống\ndòng', 'CR\r\nLF', ' '],
      ['_x000D_ là chữ', '_x005F_', 'x_x0041_y'],
    ];
    expect(roundTrip(rows)).toEqual(rows);
  });

  test('the text keeps its exact code units (NFC stays NFC, NFD stays NFD)', () => {
    const nfc = 'Thi đua khen thưởng — Quảng Ngãi';
    const nfd = nfc.normalize('NFD');
    const [[a, b]] = roundTrip([[nfc, nfd]]);
    expect(a).toBe(nfc);
    expect(b).toBe(nfd);
    expect(a).not.toBe(b);
  });

  test('long text, up to Excel’s 32,767-character cell limit', () => {
    const long = 'Nội dung dài. '.repeat(2000); // 28,000 characters
    expect(roundTrip([[long]])).toEqual([[long]]);
    const longest = 'x'.repeat(32_767);
    expect(roundTrip([[longest]])).toEqual([[longest]]);
    // one more character would be cut by Excel without a word: refused (xlsx/limits.ts)
    expect(() => roundTrip([[1, 'x'.repeat(32_768)]])).toThrow(
      'ô B1: văn bản dài 32 768 ký tự, quá 32 767 ký tự mà một ô Excel chứa được',
    );
  });

  test('empty rows in the middle stay, trailing empties go; "" and undefined are empty cells', () => {
    expect(roundTrip([[], [1], [], [null, 2, null, '', undefined], [], [null], ['']])).toEqual([
      [],
      [1],
      [],
      [null, 2],
    ]);
  });

  test('characters XML cannot hold are dropped; non-finite numbers become #NUM!', () => {
    expect(roundTrip([['a\u0000b\u0007c\u001Fd\uFFFEe\uD800f', NaN, Infinity]])).toEqual([
      ['abcdef', '#NUM!', '#NUM!'],
    ]);
  });

  test('numbers are written with full precision, text never as a formula', () => {
    const bytes = buildWorkbook([{ name: 'S', rows: [[0.1 + 0.2, '=1+1', 123456789.123456]] }]);
    const xml = unzipText(bytes)['xl/worksheets/sheet1.xml'];
    expect(xml).toContain('<v>0.30000000000000004</v>');
    expect(xml).toContain('<v>123456789.123456</v>');
    expect(xml).toContain('<is><t>=1+1</t></is>');
    expect(xml).not.toContain('<f>');
  });

  test('white space a reader could trim is marked xml:space="preserve", and only that', () => {
    const texts = [
      ' lề trái',
      'lề phải ',
      'hai  dấu cách',
      'tab\tgiữa',
      'dòng 1\ndòng 2',
      'a\r\nb',
    ];
    const plain = ['Đơn vị 1', 'Sở Nội vụ - Khối 1', 'x'];
    const bytes = buildWorkbook([{ name: 'S', rows: [[...texts, ...plain]] }]);
    const xml = unzipText(bytes)['xl/worksheets/sheet1.xml'];
    expect(xml.match(/<t xml:space="preserve">/g)).toHaveLength(texts.length);
    for (const t of plain) expect(xml).toContain(`<is><t>${t}</t></is>`);
    expect(roundTrip([[...texts, ...plain]])).toEqual([[...texts, ...plain]]);
  });

  test('spaces left at an end or side by side by a dropped character are preserved too', () => {
    expect(inlineString('\u0001 lề trái')).toBe('<is><t xml:space="preserve"> lề trái</t></is>');
    expect(inlineString('a \u0001 b')).toBe('<is><t xml:space="preserve">a  b</t></is>');
    expect(inlineString('a\u0001b')).toBe('<is><t>ab</t></is>');
  });

  test('several sheets keep their order', () => {
    const pkg = readPackage(
      buildWorkbook([
        { name: 'Kết quả', rows: [[1]] },
        { name: 'Đề nghị khen thưởng', rows: [[2]] },
        { name: 'Nhật ký', rows: [[3]] },
      ]),
    );
    expect(sheetNames(pkg)).toEqual(['Kết quả', 'Đề nghị khen thưởng', 'Nhật ký']);
    expect(pkg.sheets.map((s) => s.sheetId)).toEqual([1, 2, 3]);
    const read = readSheets(pkg, ['Nhật ký', 'Kết quả']);
    expect(read.get('Kết quả')?.rows).toEqual([[1]]);
    expect(read.get('Nhật ký')?.rows).toEqual([[3]]);
  });

  test('property: any string (less XML-illegal characters) and any finite number round-trip', () => {
    const illegal =
      // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids, as the writer drops them
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
    const cell = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({
        unit: fc.constantFrom('_', 'x', '0', 'D', '&', '<', '\r', '\n', 'ạ', ' '),
        maxLength: 12,
      }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          // Cells that write as empty are written as null, so the expectation is easy to state.
          const clean = rows.map((r) =>
            r.map((v) => (typeof v === 'string' ? v.replace(illegal, '') || null : v)),
          );
          const expected = clean
            .map((r) => {
              const out = [...r];
              while (out.length > 0 && out[out.length - 1] === null) out.pop();
              return out;
            })
            .map((r) => r.map((v) => (typeof v === 'number' && Object.is(v, -0) ? 0 : v)));
          while (expected.length > 0 && expected[expected.length - 1].length === 0) expected.pop();
          const got = roundTrip(clean).map((r) => r.map((v) => (Object.is(v, -0) ? 0 : v)));
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
