/**
 * Damaged cells and sheet parts (issue 20): each is an error at the cell (sheet and cell named)
 * or at the part, never a blank, a guess or a silent last-one-wins; and the smaller reader gaps
 * (CDATA, ISO dates and times, the 1904 date system).
 */
import { dateSystem, readPackage, readSheets, XlsxError } from '../../xlsx';
import { isoDateSerial, MAX_PLACES } from '../../xlsx/worksheet';
import { MAIN, oneSheetParts, zipOf } from './helpers';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A one-sheet package ("S") with the given worksheet part and shared strings. */
function pkgOf(sheetXml: string, sst?: string, workbookPr = ''): ReturnType<typeof readPackage> {
  return readPackage(zipOf(oneSheetParts(sheetXml, sst, workbookPr)), '"t.xlsx"');
}

const sheet = (data: string, after = ''): string =>
  HEAD + `<worksheet xmlns="${MAIN}"><sheetData>${data}</sheetData>${after}</worksheet>`;
const sstOf = (items: string): string => HEAD + `<sst xmlns="${MAIN}">${items}</sst>`;

function rows(data: string, sst?: string): unknown[][] {
  return readSheets(pkgOf(sheet(data), sst === undefined ? undefined : sstOf(sst)), ['S']).get('S')
    ?.rows as unknown[][];
}

/** The XlsxError reading sheet S throws: its message and cell ("E3"), or the test fails. */
function failure(xml: string, sst?: string): { message: string; cell?: string } {
  try {
    readSheets(pkgOf(xml, sst), ['S']);
  } catch (e) {
    if (!(e instanceof XlsxError)) throw e;
    const c = e.cell;
    const cell = c ? `${c.sheet}!${String.fromCharCode(64 + c.col)}${c.row}` : undefined;
    return cell ? { message: e.message, cell } : { message: e.message };
  }
  throw new Error('read without an error');
}
const failureOf = (data: string, sst?: string): ReturnType<typeof failure> =>
  failure(sheet(data), sst === undefined ? undefined : sstOf(sst));

describe('a shared-string index out of range is an error at the cell', () => {
  test.each([
    ['2', '2'],
    ['99999999999', '99999999999'],
    ['-1', '-1'],
    ['x', 'x'],
    ['', ''],
  ])('<v>%s</v>', (v, shown) => {
    const f = failureOf(
      `<row r="3"><c r="D3" t="s"><v>0</v></c><c r="E3" t="s"><v>${v}</v></c></row>`,
      '<si><t>a</t></si><si><t>b</t></si>',
    );
    expect(f).toEqual({
      cell: 'S!E3',
      message: `Tệp bị hỏng: ô trỏ tới chuỗi dùng chung "${shown}" nhưng sổ tính chỉ có 2 chuỗi (đánh số từ 0).`,
    });
  });

  test('also in the long way (white space around the value) and without a sharedStrings part', () => {
    expect(
      failureOf('<row r="1"><c r="B1" t="s">\n  <v>5</v>\n</c></row>', '<si><t>a</t></si>').cell,
    ).toBe('S!B1');
    expect(failure(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')).message).toContain(
      'chỉ có 0 chuỗi',
    );
  });
});

describe('the same cell twice, cells or rows out of order', () => {
  test('a cell written twice', () => {
    expect(failureOf('<row r="3"><c r="E3"><v>95</v></c><c r="E3"><v>35</v></c></row>')).toEqual({
      cell: 'S!E3',
      message:
        'Tệp bị hỏng: ô này được ghi hai lần trong phần "xl/worksheets/sheet1.xml" (trang tính "S").',
    });
  });

  test('a cell before the previous one of its row', () => {
    expect(failureOf('<row r="1"><c r="D1"><v>1</v></c><c r="C1"><v>2</v></c></row>')).toEqual({
      cell: 'S!C1',
      message:
        'Tệp bị hỏng: ô này đứng sau ô D1 trong phần "xl/worksheets/sheet1.xml" (trang tính "S"); các ô của một dòng phải theo thứ tự cột.',
    });
  });

  test('a row repeated or out of order', () => {
    expect(
      failureOf('<row r="3"><c r="A3"><v>1</v></c></row><row r="3"><c r="B3"><v>2</v></c></row>'),
    ).toEqual({
      cell: 'S!A3',
      message:
        'Tệp bị hỏng: dòng 3 đứng sau dòng 3 trong phần "xl/worksheets/sheet1.xml" (trang tính "S"); các dòng phải theo thứ tự và không lặp lại.',
    });
    expect(failureOf('<row r="5"/><row r="4"><c r="A4"><v>1</v></c></row>').cell).toBe('S!A4');
  });

  test('a cell whose reference names another row', () => {
    expect(failureOf('<row r="3"><c r="E4"><v>1</v></c></row>')).toEqual({
      cell: 'S!E4',
      message:
        'Tệp bị hỏng: ô E4 được ghi trong dòng 3 của phần "xl/worksheets/sheet1.xml" (trang tính "S").',
    });
  });

  test('rows and cells without r still take the next places', () => {
    expect(
      rows('<row><c><v>1</v></c><c r="C1"><v>3</v></c></row><row><c><v>4</v></c></row>'),
    ).toEqual([[1, null, 3], [4]]);
    // a row without r takes its number from its first cell
    expect(rows('<row><c r="A2"><v>2</v></c></row><row><c><v>3</v></c></row>')).toEqual([
      [],
      [2],
      [3],
    ]);
  });
});

describe('a number cell holds an xsd:double, nothing else', () => {
  test.each([
    '95abc',
    '',
    '1e999',
    '-1E400',
    '0x1F',
    'Infinity',
    'INF',
    'NaN',
    '1,5',
    '9 5',
    '1e',
    '--1',
    '.',
  ])('<v>%s</v> is an error at the cell', (v) => {
    expect(failureOf(`<row r="7"><c r="D7"><v>${v}</v></c></row>`)).toEqual({
      cell: 'S!D7',
      message: `Tệp bị hỏng: ô số chứa "${v}", không phải một số.`,
    });
  });

  test('also typed t="n", in the long way, or as <v/>', () => {
    expect(failureOf('<row r="1"><c r="A1" t="n"><v>95abc</v></c></row>').cell).toBe('S!A1');
    expect(failureOf('<row r="1"><c r="A1">\n<v>95abc</v>\n</c></row>').cell).toBe('S!A1');
    expect(failureOf('<row r="1"><c r="A1"><v/></c></row>').cell).toBe('S!A1');
  });

  test('every valid form reads as its number', () => {
    const valid = [
      '+5',
      '1.',
      '.5',
      '1E3',
      '1e+3',
      '-2.5e-3',
      ' 7 ',
      '0012',
      '1.000000000000000000001',
    ];
    const cells = valid.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${v}</v></c>`);
    expect(rows(`<row r="1">${cells.join('')}</row>`)).toEqual([valid.map((v) => Number(v))]);
  });

  test('a formula with an empty cached value still reads as no value', () => {
    expect(
      rows(
        '<row r="1"><c r="A1"><f>X</f><v></v></c><c r="B1"><f>X</f><v/></c><c r="C1"><v>1</v></c></row>',
      ),
    ).toEqual([[null, null, 1]]);
  });

  test('a boolean holds 0, 1, true or false', () => {
    expect(
      rows('<row r="1"><c r="A1" t="b"><v>true</v></c><c r="B1" t="b"><v>0</v></c></row>'),
    ).toEqual([[true, false]]);
    expect(failureOf('<row r="1"><c r="A1" t="b"><v>2</v></c></row>')).toEqual({
      cell: 'S!A1',
      message: 'Tệp bị hỏng: ô đúng/sai chứa "2" (chỉ được là 0 hoặc 1).',
    });
  });
});

describe('malformed sheet XML is "Tệp bị hỏng" naming the part', () => {
  const PART = '"xl/worksheets/sheet1.xml" (trang tính "S")';
  test.each([
    [
      'a row not closed',
      sheet('<row r="1"><c r="A1"><v>1</v></c><row r="2"><c r="A2"><v>2</v></c></row>'),
      'thẻ <row> không được đóng, sau ô A1',
    ],
    [
      'a cell not closed',
      sheet('<row r="1"><c r="A1"><v>1</v><c r="B1"><v>2</v></c></row>'),
      'thẻ <c> không được đóng, sau ô A1',
    ],
    [
      'a formula not closed',
      sheet('<row r="1"><c r="A1"><f>SUM(</c><c r="B1"><f>1</f><v>2</v></c></row>'),
      'thẻ <f> không được đóng, sau ô A1',
    ],
    [
      'a value not closed',
      sheet('<row r="1"><c r="A1"><v>1</c></row>'),
      'thẻ <v> không được đóng, sau ô A1',
    ],
    [
      'an end tag without its start',
      sheet('<row r="1"><c r="A1"><v>1</v></c></row></row>'),
      'thẻ đóng </row> không khớp với thẻ đang mở, sau ô A1',
    ],
    ['a cell outside a row', sheet('<c r="A1"><v>1</v></c>'), 'ô nằm ngoài thẻ <row>'],
    [
      'a quote missing in a cell tag',
      sheet('<row r="1"><c r=A1><v>1</v></c></row>'),
      'thẻ <c> viết sai',
    ],
    [
      'the part cut off in the cells',
      sheet('<row r="1"><c r="A1"><v>1</v></c></row>').slice(0, -30),
      'phần bị cắt cụt, thẻ <row> chưa đóng, sau ô A1',
    ],
    [
      'the part cut off after the cells',
      HEAD +
        `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells>`,
      'phần bị cắt cụt, thẻ <mergeCells> chưa đóng',
    ],
    [
      'an element before the cells not closed',
      HEAD +
        `<worksheet xmlns="${MAIN}"><sheetViews><sheetView></sheetViews><sheetData/></worksheet>`,
      'thẻ đóng </sheetViews> không khớp với thẻ đang mở',
    ],
    [
      'no sheetData and cut off',
      HEAD + `<worksheet xmlns="${MAIN}"><sheetViews>`,
      'phần bị cắt cụt, thẻ <sheetViews> chưa đóng',
    ],
  ])('%s', (_title, xml, what) => {
    expect(failure(xml)).toEqual({
      message: `Tệp bị hỏng: phần ${PART} không phải XML hợp lệ (${what}).`,
    });
  });

  test('a damaged sharedStrings part names that part', () => {
    const xml = sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>');
    expect(failure(xml, sstOf('<si><t>a</si><si><t>b</t></si>')).message).toBe(
      'Tệp bị hỏng: phần "xl/sharedStrings.xml" không phải XML hợp lệ (thẻ <t> không được đóng).',
    );
    expect(failure(xml, HEAD + `<sst xmlns="${MAIN}"><si><t>a</t></si>`).message).toBe(
      'Tệp bị hỏng: phần "xl/sharedStrings.xml" không phải XML hợp lệ (phần bị cắt cụt, thẻ <sst> chưa đóng).',
    );
  });

  test('comments and extLst inside sheetData are stepped over', () => {
    expect(
      rows(
        '<!-- a comment --><row r="1"><c r="A1"><v>1</v></c><extLst><ext uri="x"><y/></ext></extLst></row>',
      ),
    ).toEqual([[1]]);
  });
});

describe('references beyond XFD1048576; memory follows the cells present', () => {
  test.each(['ZZZZZZ2', 'A99999999', 'XFE1', 'A1048577', 'A0', '2A', 'B'])(
    'r="%s" is an error',
    (ref) => {
      expect(failureOf(`<row r="2"><c r="${ref}"><v>1</v></c></row>`).message).toBe(
        `Tệp bị hỏng: phần "xl/worksheets/sheet1.xml" (trang tính "S") có địa chỉ "${ref}" không hợp lệ hoặc vượt quá ô cuối cùng mà Excel cho phép (XFD1048576).`,
      );
    },
  );

  test.each(['99999999', '0', 'x'])('<row r="%s"> is an error', (r) => {
    expect(failureOf(`<row r="${r}"><c><v>1</v></c></row>`).message).toContain(`có địa chỉ "${r}"`);
  });

  test('a merged range beyond the last cell is an error', () => {
    expect(
      failure(
        sheet(
          '<row r="1"><c r="A1"><v>1</v></c></row>',
          '<mergeCells count="1"><mergeCell ref="A1:XFE2"/></mergeCells>',
        ),
      ).message,
    ).toContain('có địa chỉ "A1:XFE2"');
  });

  test('one legal cell at XFD1048576 reads, at its place', () => {
    const read = rows(
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>',
    );
    expect(read).toHaveLength(1_048_576);
    expect(read[1_048_575]).toHaveLength(16_384);
    expect(read[1_048_575][16_383]).toBe(2);
    expect(read[0]).toEqual([1]);
  });

  test('many cells far to the right are refused before they take the memory', () => {
    const far: string[] = [];
    for (let r = 1; r <= Math.ceil(MAX_PLACES / 16_384) + 1; r++)
      far.push(`<row r="${r}"><c r="XFD${r}"><v>1</v></c></row>`);
    const f = failureOf(far.join(''));
    expect(f.message).toBe(
      `Trang tính "S" quá lớn để đọc: tính cả các ô trống xen giữa, bảng vượt ${MAX_PLACES} ô ở ô này. Hãy xoá các ô thừa ở xa bảng dữ liệu.`,
    );
  });
});

describe('CDATA, ISO dates and times', () => {
  test('CDATA in an inline string and in shared strings is its text', () => {
    expect(
      rows(
        '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[Sở Tư pháp]]></t></is></c>' +
          '<c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c>' +
          '<c r="D1" t="str"><v><![CDATA[a<b & c]]></v></c><c r="E1"><v><![CDATA[95]]></v></c></row>',
        '<si><t><![CDATA[Sở <Nội> vụ]]></t></si><si><r><t>A &amp; </t></r><r><t><![CDATA[B &amp;]]></t></r></si>',
      ),
    ).toEqual([['Sở Tư pháp', 'Sở <Nội> vụ', 'A & B &amp;', 'a<b & c', 95]]);
  });

  test.each([
    ['2018-03-12', 43171],
    ['2018-03-12T08:30:00', 43171 + 8.5 / 24],
    ['2018-03-12T08:30:00.500', 43171 + (8.5 * 3600 + 0.5) / 86400],
    ['2018-03-12T08:30:00Z', 43171 + 8.5 / 24],
    ['2018-03-12T08:30:00+07:00', 43171 + 8.5 / 24],
    ['2018-03-12T23:30-05:00', 43171 + 23.5 / 24],
    ['08:30:00', 8.5 / 24],
    ['08:30', 8.5 / 24],
    ['12:00:00.25', (12 * 3600 + 0.25) / 86400],
  ])('t="d" %s reads as serial %d', (text, serial) => {
    expect(rows(`<row r="1"><c r="A1" t="d"><v>${text}</v></c></row>`)[0][0]).toBeCloseTo(
      serial,
      9,
    );
  });

  test('t="d" text that is not a date stays text', () => {
    expect(isoDateSerial('2018-02-30')).toBeUndefined();
    expect(isoDateSerial('25:00')).toBeUndefined();
    expect(rows('<row r="1"><c r="A1" t="d"><v>hôm qua</v></c></row>')).toEqual([['hôm qua']]);
  });
});

describe('the 1904 date system', () => {
  test('the package says which system its serials count in', () => {
    const data = sheet(
      '<row r="1"><c r="A1" t="d"><v>2026-03-31</v></c><c r="B1" t="d"><v>06:00</v></c></row>',
    );
    expect(dateSystem(pkgOf(data))).toBe(1900);
    for (const pr of [
      '<workbookPr date1904="1"/>',
      '<workbookPr date1904="true" defaultThemeVersion="124226"/>',
    ]) {
      const pkg = pkgOf(data, undefined, pr);
      expect(dateSystem(pkg)).toBe(1904);
      // ISO date cells count in the workbook's own system, as its numbers do; a time alone is the same
      expect(readSheets(pkg, ['S']).get('S')?.rows).toEqual([[46112 - 1462, 0.25]]);
    }
    expect(dateSystem(pkgOf(data, undefined, '<workbookPr date1904="0"/>'))).toBe(1900);
  });
});
