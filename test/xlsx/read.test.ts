/**
 * The reader on hand-written parts: every cell type, shared strings with rich text and escapes,
 * positions and gaps, trailing empties, merges, prefixed namespaces, sheet lookup, and the
 * Excel-like fixture (sheet order, absolute targets, hidden sheet).
 */
import { nearSheetName, readPackage, readSheets, sheetNames } from '../../xlsx';
import { excelLike, MAIN, oneSheetParts, REL, zipOf } from './helpers';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A one-sheet package around the given sheetData body and shared strings. */
function pkgWith(sheetData: string, sst?: string, after = ''): ReturnType<typeof readPackage> {
  const sheet =
    HEAD + `<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
  const strings = sst === undefined ? undefined : HEAD + `<sst xmlns="${MAIN}">${sst}</sst>`;
  return readPackage(zipOf(oneSheetParts(sheet, strings)));
}

function rowsOf(sheetData: string, sst?: string): unknown[][] {
  return readSheets(pkgWith(sheetData, sst), ['S']).get('S')?.rows ?? [];
}

describe('cell types', () => {
  test('each t attribute gives its value', () => {
    const rows = rowsOf(
      '<row r="1">' +
        '<c r="A1" t="s"><v>1</v></c>' +
        '<c r="B1" t="inlineStr"><is><t>nội tuyến</t></is></c>' +
        '<c r="C1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
        '<c r="D1" t="b"><v>1</v></c>' +
        '<c r="E1" t="b"><v>0</v></c>' +
        '<c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
        '<c r="G1" t="e"><v>#N/A</v></c>' +
        '<c r="H1" t="n"><v>12.5</v></c>' +
        '<c r="I1"><v>-3</v></c>' +
        '<c r="J1" t="d"><v>2025-03-31T00:00:00</v></c>' +
        '<c r="K1"><f>SUM(A2:A9)</f></c>' +
        '<c r="L1" t="str"><f>A1</f><v></v></c>' +
        '<c r="M1" s="3"/>' +
        '<c r="N1" t="s"><v>0</v></c>' +
        '</row>',
      '<si><t>không</t></si><si><t>một</t></si>',
    );
    expect(rows).toEqual([
      [
        'một',
        'nội tuyến',
        'ab',
        true,
        false,
        '#DIV/0!',
        '#N/A',
        12.5,
        -3,
        45747, // t="d" (ISO text) reads as the date serial Excel stores
        null,
        '',
        null,
        'không',
      ],
    ]);
  });

  test('numbers keep full precision and exponents', () => {
    const values = [
      '0.30000000000000004',
      '1E-3',
      '-0.5',
      '1.0000000000000002',
      '123456789012345678',
      '9007199254740993',
      '12.75',
      '100',
      '5E-324',
      '1.7976931348623157E+308',
      '0.1',
      '-0',
      '.5',
    ];
    const cells = values.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${v}</v></c>`);
    const rows = rowsOf(`<row r="1">${cells.join('')}</row>`);
    expect(rows[0]).toEqual(values.map((v) => parseFloat(v)));
    expect(Object.is(rows[0][11], -0)).toBe(true);
  });

  test('a formula without a cached value reads as empty, whatever its type', () => {
    const rows = rowsOf(
      '<row r="1"><c r="A1" t="s"><f>X</f></c><c r="B1" t="str"><f>X</f></c><c r="C1" t="b"><f>X</f></c><c r="D1"><v>1</v></c></row>',
      '<si><t>x</t></si>',
    );
    expect(rows).toEqual([[null, null, null, 1]]);
  });

  test('cached formula results of every shape', () => {
    const rows = rowsOf(
      '<row r="1">' +
        '<c r="A1" t="str"><f>IF(B1&gt;0,"Đạt","Không")</f><v>Đạt</v></c>' +
        '<c r="B1"><f t="shared" ref="B1:B3" si="0">A2*2</f><v>4.5</v></c>' +
        '<c r="C1"><f t="shared" si="0"/><v>6</v></c>' +
        '<c r="D1" t="b"><f>TRUE()</f><v>1</v></c>' +
        '<c r="E1" t="e"><f>NA()</f><v>#N/A</v></c>' +
        '<c r="F1" t="s"><f>X</f><v>0</v></c>' +
        '<c r="G1" t="str"><f>"a&lt;b"</f><v>a &amp; b &lt; c_x000A_</v></c>' +
        '<c r="H1"><f>1/3</f><v>0.33333333333333331</v></c>' +
        '</row>',
      '<si><t>chuỗi</t></si>',
    );
    expect(rows).toEqual([['Đạt', 4.5, 6, true, '#N/A', 'chuỗi', 'a & b < c\n', 1 / 3]]);
  });

  test('formulas with attributes and white space around the value', () => {
    const rows = rowsOf(
      '<row r="1">\n  <c r="A1" t="str">\n    <f t="shared" ref="A1:A3" si="0">B1&amp;"x"</f>\n    <v>a &lt; b</v>\n  </c>\n' +
        '  <c r="B1" t="n">\n    <v>7</v>\n  </c>\n</row>',
    );
    expect(rows).toEqual([['a < b', 7]]);
  });
});

describe('text decoding', () => {
  test('shared strings: rich text runs joined, phonetic runs skipped, entities and escapes decoded', () => {
    const sst =
      '<si><r><rPr><b/></rPr><t>Điểm</t></r><r><t xml:space="preserve"> tối đa</t></r></si>' +
      '<si><t>Ký tự &amp; &lt;thẻ&gt; &quot;trích&quot; &apos;đơn&apos; &#x1EA1;&#7841;</t></si>' +
      '<si><t>dòng 1_x000D_\ndòng 2_x0009_tab</t></si>' +
      '<si><t>_x005F_x000D_ là chữ</t></si>' +
      '<si><t/></si>' +
      '<si/>' +
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><t>a\r\nb</t></si>' +
      '<si><t>_xD83D__xDE00_</t></si>';
    const cells = Array.from({ length: 9 }, (_, i) => `<c r="A${i + 1}" t="s"><v>${i}</v></c>`);
    const rows = rowsOf(cells.map((c, i) => `<row r="${i + 1}">${c}</row>`).join(''), sst);
    expect(rows.map((r) => r[0])).toEqual([
      'Điểm tối đa',
      'Ký tự & <thẻ> "trích" \'đơn\' ạạ',
      'dòng 1\r\ndòng 2\ttab',
      '_x000D_ là chữ',
      '',
      '',
      '漢字',
      'a\nb',
      '😀',
    ]);
  });

  test('inline strings with runs and escapes', () => {
    const rows = rowsOf(
      '<row r="1"><c r="A1" t="inlineStr"><is><r><t>Xin </t></r><r><rPr><i/></rPr><t>chào</t></r></is></c>' +
        '<c r="B1" t="inlineStr"><is><t>&lt;b&gt;x&lt;/b&gt;_x000A_</t></is></c></row>',
    );
    expect(rows).toEqual([['Xin chào', '<b>x</b>\n']]);
  });
});

describe('positions', () => {
  test('gaps are filled with null, trailing empties are dropped', () => {
    const rows = rowsOf(
      '<row r="2"><c r="C2"><v>1</v></c><c r="E2" s="1"/><c r="F2" t="inlineStr"><is><t></t></is></c></row>' +
        '<row r="4"><c r="B4"><v>2</v></c><c r="Z4" s="2"/></row>' +
        '<row r="6" s="1" customFormat="1"><c r="A6" s="1"/></row><row r="9"/>',
    );
    expect(rows).toEqual([[], [null, null, 1, null, null, ''], [], [null, 2]]);
  });

  test('rows and cells without r take the next position', () => {
    const rows = rowsOf(
      '<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>' +
        '<row><c><v>3</v></c></row><row r="5"><c><v>4</v></c></row><row><c r="B6"><v>7</v></c></row>',
    );
    expect(rows).toEqual([[1, 2, null, null, 5, 6], [3], [], [], [4], [null, 7]]);
  });

  test('multi-letter columns', () => {
    const rows = rowsOf('<row r="1"><c r="AA1"><v>27</v></c><c r="XFD1"><v>16384</v></c></row>');
    expect(rows[0].length).toBe(16384);
    expect(rows[0][26]).toBe(27);
    expect(rows[0][16383]).toBe(16384);
  });

  test('an empty or self-closing sheetData', () => {
    expect(rowsOf('')).toEqual([]);
    const pkg = readPackage(
      zipOf({
        'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN}"><sheetData/><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells></worksheet>`,
      }),
    );
    expect(readSheets(pkg, ['S']).get('S')).toEqual({ name: 'S', rows: [], merges: ['A1:B2'] });
  });

  test('merged ranges', () => {
    const pkg = pkgWith(
      '<row r="1"><c r="A1"><v>1</v></c></row>',
      undefined,
      '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B2:D3"/></mergeCells>',
    );
    expect(readSheets(pkg, ['S']).get('S')?.merges).toEqual(['A1:C1', 'B2:D3']);
  });
});

describe('real-world variants', () => {
  test('t="d" dates in ISO text, with or without a time or Z, read as date serials', () => {
    const rows = rowsOf(
      '<row r="1">' +
        '<c r="A1" t="d"><v>2018-03-12</v></c>' +
        '<c r="B1" t="d"><v>2018-03-12T00:00:00Z</v></c>' +
        '<c r="C1" t="d"><v>2018-03-12T12:00:00</v></c>' +
        '<c r="D1" t="d"><v>không phải ngày</v></c>' +
        '</row>',
    );
    expect(rows).toEqual([[43171, 43171, 43171.5, 'không phải ngày']]);
    // impossible months and days stay text (and are then refused as dates, at their cell)
    const odd = rowsOf(
      '<row r="1"><c r="A1" t="d"><v>2018-13-01</v></c><c r="B1" t="d"><v>2018-02-30</v></c></row>',
    );
    expect(odd).toEqual([['2018-13-01', '2018-02-30']]);
  });

  test('a tab renamed with a stray space is not read as that sheet, but named for the message', () => {
    const parts = (names: string[]): Record<string, string> => ({
      'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${names
        .map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/s${i + 1}.xml"/>`,
        )
        .join('')}</Relationships>`,
      ...Object.fromEntries(
        names.map((_, i) => [
          `xl/worksheets/s${i + 1}.xml`,
          `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>${i + 1}</v></c></row></sheetData></worksheet>`,
        ]),
      ),
    });
    const one = readPackage(zipOf(parts(['Đơn vị ', ' Chấm  điểm'])));
    // every host looks names up exactly (Excel and Sheets do), so all read the same sheets
    expect([...readSheets(one, ['Đơn vị', 'Chấm điểm']).keys()]).toEqual([]);
    expect(nearSheetName(one, 'Đơn vị')).toBe('Đơn vị ');
    expect(nearSheetName(one, 'Chấm điểm')).toBe(' Chấm  điểm');
    expect(nearSheetName(one, 'Khảo sát')).toBeUndefined();
  });

  test('formulas saved without a result are listed by cell; cached ones, even empty, are not', () => {
    const data = readSheets(
      pkgWith(
        '<row r="2">' +
          '<c r="B2"><f>1+1</f></c>' +
          '<c r="C2"><f>1+1</f><v>2</v></c>' +
          '<c r="D2" t="str"><f>""</f><v></v></c>' +
          '<c r="E2"><f t="shared" si="0" ref="E2:E3">A1</f></c>' +
          '<c r="F2" t="inlineStr"><is><t>ghi chú</t></is></c>' +
          '</row><row r="3"><c r="AA3" s="1"><f t="shared" si="0"/></c></row>',
      ),
      ['S'],
    ).get('S');
    expect(data?.uncomputed).toEqual([
      { row: 1, col: 1 },
      { row: 1, col: 4 },
      { row: 2, col: 26 },
    ]);
    expect(data?.rows).toEqual([[], [null, null, 2, '', null, 'ghi chú']]);
    expect(readSheets(pkgWith('<row r="1"><c r="A1"><v>1</v></c></row>'), ['S']).get('S')).toEqual({
      name: 'S',
      rows: [[1]],
      merges: [],
    });
  });

  test('a password-protected workbook or an .xls, and an .ods, are told apart from a damaged file', () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(() => readPackage(ole, '"a.xlsx"')).toThrow(/đặt mật khẩu hoặc là sổ tính Excel cũ/);
    const ods = zipOf(
      { mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' },
      true,
    );
    expect(() => readPackage(ods, '"b.xlsx"')).toThrow(/OpenDocument \(\.ods\)/);
    expect(() => readPackage(Uint8Array.from([1, 2, 3]), '"c.xlsx"')).toThrow(/đã bị hỏng/);
  });
});

describe('packages', () => {
  test('prefixed SpreadsheetML (x:) as some generators write it', () => {
    const X = `xmlns:x="${MAIN}"`;
    const pkg = readPackage(
      zipOf({
        'xl/workbook.xml': `<x:workbook ${X} xmlns:rel="${REL}"><x:sheets><x:sheet name="Dữ liệu" sheetId="3" rel:id="R1"/></x:sheets></x:workbook>`,
        'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="${REL}/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="R2" Type="${REL}/sharedStrings" Target="/xl/strings.xml"/></Relationships>`,
        'xl/worksheets/data.xml': `<x:worksheet ${X}><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>2.5</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>z</x:t></x:is></x:c><x:c r="D1"><x:f>A1</x:f><x:v>9</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>`,
        'xl/strings.xml': `<x:sst ${X}><x:si><x:t>chuỗi</x:t></x:si></x:sst>`,
      }),
    );
    expect(sheetNames(pkg)).toEqual(['Dữ liệu']);
    expect(readSheets(pkg, ['Dữ liệu']).get('Dữ liệu')).toEqual({
      name: 'Dữ liệu',
      rows: [['chuỗi', 2.5, 'z', 9]],
      merges: ['A1:B1'],
    });
  });

  test('stored (uncompressed) entries read the same', () => {
    const parts = {
      'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
    };
    expect(readSheets(readPackage(zipOf(parts, true)), ['S']).get('S')?.rows).toEqual([[1]]);
  });

  test('the Excel-like fixture: names in workbook order, lookup ignoring case and normalization', () => {
    const pkg = readPackage(excelLike());
    expect(sheetNames(pkg)).toEqual(['Tiêu chí', 'Kết quả', 'Ẩn']);
    expect(pkg.sheets.map((s) => [s.sheetId, s.path])).toEqual([
      [1, 'xl/worksheets/sheet1.xml'],
      [2, 'xl/worksheets/sheet2.xml'],
      [5, 'xl/worksheets/sheet3.xml'],
    ]);
    const nfd = 'TIÊU CHÍ'.normalize('NFD');
    const read = readSheets(pkg, [nfd, 'Ẩn', 'Không có']);
    expect([...read.keys()]).toEqual([nfd, 'Ẩn']);
    expect(read.get(nfd)).toEqual({
      name: 'Tiêu chí',
      rows: [
        ['Mã', 'Tên tiêu chí', 'Điểm tối đa'],
        ['1.1', 'Ban hành kế hoạch CCHC & kiểm tra', 2],
        ['1.1', null, 0.5],
      ],
      merges: ['A3:B3'],
    });
    expect(read.get('Ẩn')?.rows).toEqual([[42]]);
  });
});
