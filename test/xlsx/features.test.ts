/**
 * Formulas, data validations and sheet protection in written sheets: the XML Excel expects
 * (element order, inverted showDropDown, unlocked cell styles, _xlfn. prefixes), what reads
 * back, lists that cannot be inline moved to a hidden sheet, and the rules refused.
 */
import {
  buildWorkbook,
  readPackage,
  readSheets,
  sheetNames,
  writeSheets,
  type OutputSheet,
} from '../../xlsx';
import { fileFormula } from '../../xlsx/sheet';
import { excelLike, unzipText } from './helpers';

/** The cellXfs entries of a package, in index order. */
function cellXfs(files: Record<string, string>): string[] {
  const body = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(files['xl/styles.xml'])?.[1] ?? '';
  return body.match(/<xf [^>]*?\/>|<xf [^>]*>.*?<\/xf>/gs) ?? [];
}

/** The xf a cell of the first worksheet uses ('none' when it has no s). */
function xfOf(files: Record<string, string>, ref: string, sheet = 'xl/worksheets/sheet1.xml') {
  const s = new RegExp(`<c r="${ref}"(?: s="(\\d+)")?[ />]`).exec(files[sheet]);
  if (!s) return 'absent';
  return s[1] === undefined ? 'none' : cellXfs(files)[Number(s[1])];
}

describe('formulas', () => {
  const sheet: OutputSheet = {
    name: 'Điểm',
    rows: [
      ['Mã', 'Điểm', 'Ghi chú', 'Đạt'],
      ['A', 1.5, '=SUM(B2:B3)'],
      ['B', 2.25],
      ['Tổng', 3.75, 'chưa tính', true],
      [],
    ],
    formulas: [
      [],
      [],
      [],
      [undefined, 'SUM(B2:B3)', 'IF(B4>3,"lớn & <nhỏ>","")', 'B4>3'],
      [undefined, '=RANK.EQ(B2,B2:B3,0)', 'COUNTIFS(A2:A3,"RANK.EQ(",B2:B3,">"&B2)+1'],
      [undefined, undefined, 'B4*2'],
    ],
    formats: [[], [], [], [undefined, '0.00']],
  };
  const bytes = buildWorkbook([sheet]);
  const files = unzipText(bytes);
  const xml = files['xl/worksheets/sheet1.xml'];

  test('a formula cell caches a number or boolean, never text', () => {
    expect(xml).toContain('<c r="B4" s="1"><f>SUM(B2:B3)</f><v>3.75</v></c>');
    expect(xml).toContain('<c r="C4"><f>IF(B4&gt;3,"lớn &amp; &lt;nhỏ&gt;","")</f></c>');
    expect(xml).toContain('<c r="D4" t="b"><f>B4&gt;3</f><v>1</v></c>');
  });

  test('rows text is never a formula', () => {
    expect(xml).toContain('<c r="C2" t="inlineStr"><is><t>=SUM(B2:B3)</t></is></c>');
  });

  test('formulas past the end of rows are written; a leading = is dropped', () => {
    expect(xml).toContain('<c r="B5"><f>_xlfn.RANK.EQ(B2,B2:B3,0)</f></c>');
    expect(xml).toContain('<row r="6"><c r="C6"><f>B4*2</f></c></row>');
  });

  test('newer functions get _xlfn., except inside strings or when already prefixed', () => {
    expect(xml).toContain('<c r="C5"><f>COUNTIFS(A2:A3,"RANK.EQ(",B2:B3,"&gt;"&amp;B2)+1</f></c>');
    expect(fileFormula('_xlfn.RANK.EQ(A1,A:A)')).toBe('_xlfn.RANK.EQ(A1,A:A)');
    expect(fileFormula("rank.eq(A1,'IFS('!A:A)+IFS(A1>0,1)+SUM(1)")).toBe(
      "_xlfn.rank.eq(A1,'IFS('!A:A)+_xlfn.IFS(A1>0,1)+SUM(1)",
    );
    expect(fileFormula('MYRANK.EQ(1)+RANK(1,A:A)')).toBe('MYRANK.EQ(1)+RANK(1,A:A)');
  });

  test('Excel is told to compute formulas on opening', () => {
    expect(files['xl/workbook.xml']).toContain('</sheets><calcPr fullCalcOnLoad="1"/></workbook>');
    const existing = unzipText(writeSheets(readPackage(excelLike()), [sheet]))['xl/workbook.xml'];
    expect(existing).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>');
    // without formulas, workbook.xml has no calcPr added
    expect(unzipText(buildWorkbook([{ name: 'a', rows: [[1]] }]))['xl/workbook.xml']).not.toContain(
      'calcPr',
    );
  });

  test('cached values read back; uncached formula cells read as empty', () => {
    const rows = readSheets(readPackage(bytes), ['Điểm']).get('Điểm')?.rows;
    expect(rows?.[3]).toEqual(['Tổng', 3.75, null, true]);
    expect(rows?.length).toBe(4);
  });
});

describe('data validations', () => {
  const sheet: OutputSheet = {
    name: 'Tự chấm',
    rows: [['Mã tiêu chí', 'Tên', 'Điểm tối đa', 'DV1', 'DV2']],
    validations: [
      { range: 'D2:E2', values: ['✓', '☐', 'Không áp dụng'], prompt: 'Đánh dấu ✓ nếu đạt' },
      { range: '$d$3:$E$3', values: ['Tốt', 'Có "ngoặc"'], error: 'Chọn mức trong danh sách.' },
      { range: 'D4:E4', decimal: { min: 0, max: 1.5 } },
      { range: 'D5:E5 D7', whole: { min: 0 } },
      { range: 'D6:E6', whole: { min: 1, max: 3 } },
    ],
  };
  const xml = unzipText(buildWorkbook([sheet]))['xl/worksheets/sheet1.xml'];

  test('a list: inline, arrow shown (no showDropDown), blanks allowed, Vietnamese messages', () => {
    expect(xml).toContain(
      '<dataValidation type="list" allowBlank="1" showInputMessage="1" prompt="Đánh dấu ✓ nếu đạt" showErrorMessage="1"' +
        ' errorTitle="Giá trị không hợp lệ" error="Chọn một giá trị trong danh sách: ✓; ☐; Không áp dụng." sqref="D2:E2">' +
        '<formula1>"✓,☐,Không áp dụng"</formula1></dataValidation>',
    );
    expect(xml).not.toContain('showDropDown');
  });

  test('quotes doubled inside the list; the given error replaces the default; $ dropped', () => {
    expect(xml).toContain(
      'error="Chọn mức trong danh sách." sqref="D3:E3"><formula1>"Tốt,Có ""ngoặc"""</formula1>',
    );
  });

  test('number ranges', () => {
    expect(xml).toContain(
      '<dataValidation type="decimal" allowBlank="1" showErrorMessage="1" errorTitle="Giá trị không hợp lệ"' +
        ' error="Nhập một số từ 0 đến 1,5." sqref="D4:E4"><formula1>0</formula1><formula2>1.5</formula2></dataValidation>',
    );
    expect(xml).toContain(
      '<dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1"' +
        ' errorTitle="Giá trị không hợp lệ" error="Nhập một số nguyên từ 0 trở lên." sqref="D5:E5 D7"><formula1>0</formula1></dataValidation>',
    );
    expect(xml).toContain(
      'error="Nhập một số nguyên từ 1 đến 3." sqref="D6:E6"><formula1>1</formula1><formula2>3</formula2>',
    );
    expect(xml).toContain('<dataValidations count="5">');
  });

  test.each<[string, OutputSheet['validations']]>([
    ['no rule', [{ range: 'A1' }]],
    ['two rules', [{ range: 'A1', values: ['a'], whole: { min: 0 } }]],
    ['an empty list', [{ range: 'A1', values: [] }]],
    ['a bad range', [{ range: 'A1:B', values: ['a'] }]],
    ['a whole column', [{ range: 'C:C', values: ['a'] }]],
    ['min above max', [{ range: 'A1', decimal: { min: 2, max: 1 } }]],
    ['a fractional whole bound', [{ range: 'A1', whole: { min: 0.5 } }]],
    ['an error text too long', [{ range: 'A1', whole: { min: 0 }, error: 'x'.repeat(226) }]],
    ['a prompt too long', [{ range: 'A1', whole: { min: 0 }, prompt: 'x'.repeat(256) }]],
  ])('refused: %s', (_what, validations) => {
    expect(() => buildWorkbook([{ name: 'a', rows: [], validations }])).toThrow(RangeError);
  });
});

describe('lists that cannot be inline', () => {
  const levels = ['Đầy đủ, đúng hạn', 'Chậm hạn', 'Không báo cáo'];
  const long = Array.from({ length: 30 }, (_, i) => `Mức thứ ${i + 1} rất dài`);
  const sheets: OutputSheet[] = [
    {
      name: 'Tự chấm',
      rows: [['Mã tiêu chí']],
      validations: [
        { range: 'D2:E2', values: levels },
        { range: 'D3:E3', values: ['a', 'b'] },
        { range: 'D4:E4', values: long, error: 'Sai mức.' },
      ],
    },
    { name: 'Chấm điểm', rows: [['Mã tiêu chí']], validations: [{ range: 'D9', values: levels }] },
  ];
  const bytes = writeSheets(readPackage(excelLike()), sheets);
  const files = unzipText(bytes);
  const pkg = readPackage(bytes);

  test('go to columns of a hidden sheet, identical lists sharing one', () => {
    expect(sheetNames(pkg).slice(-3)).toEqual(['Tự chấm', 'Chấm điểm', 'Danh sách chọn']);
    expect(files['xl/workbook.xml']).toContain(
      '<sheet name="Danh sách chọn" sheetId="8" state="hidden" r:id="rId12"/>',
    );
    const lists = readSheets(pkg, ['Danh sách chọn']).get('Danh sách chọn')?.rows ?? [];
    expect(lists.map((r) => r[0]).filter((x) => x !== null)).toEqual(levels);
    expect(lists.map((r) => r[1])).toEqual(long);
  });

  test('the validations point at their column, with the default message keeping the commas', () => {
    const self = files['xl/worksheets/sheet4.xml'];
    expect(self).toContain(
      `error="Chọn một giá trị trong danh sách: Đầy đủ, đúng hạn; Chậm hạn; Không báo cáo." sqref="D2:E2"><formula1>'Danh sách chọn'!$A$1:$A$3</formula1>`,
    );
    expect(self).toContain('sqref="D3:E3"><formula1>"a,b"</formula1>');
    expect(self).toContain(
      `error="Sai mức." sqref="D4:E4"><formula1>'Danh sách chọn'!$B$1:$B$30</formula1>`,
    );
    expect(files['xl/worksheets/sheet5.xml']).toContain(
      `sqref="D9"><formula1>'Danh sách chọn'!$A$1:$A$3</formula1>`,
    );
  });

  test('writing again replaces the list sheet in place', () => {
    const again = readPackage(writeSheets(pkg, sheets));
    expect(sheetNames(again)).toEqual(sheetNames(pkg));
  });
});

describe('sheet protection', () => {
  const sheet: OutputSheet = {
    name: 'Tự chấm',
    rows: [
      ['Mã tiêu chí', 'Tên', 'Điểm tối đa', 'DV1', 'DV2', 'DV3'],
      ['1', 'Lĩnh vực 1', 2],
      ['1.1', 'Kế hoạch', 1, 'x', null, 0.5],
      ['1.2', 'Báo cáo', 1],
    ],
    formats: [[], [], [undefined, undefined, '0.00', undefined, '0.00', '0.00']],
    boldRows: [0, 1],
    formulas: [[], [undefined, undefined, 'SUM(C3:C4)']],
    protection: { unlocked: ['D3:F3', 'f4:D4', 'B1'] },
    validations: [{ range: 'D3:F4', values: ['x'] }],
    columnWidths: [10],
    frozenRows: 1,
  };
  const files = unzipText(buildWorkbook([sheet]));
  const xml = files['xl/worksheets/sheet1.xml'];

  test('the sheet is protected without a password; formatting, filtering and sorting stay allowed', () => {
    expect(xml).toContain(
      '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" autoFilter="0" sort="0"/>',
    );
    expect(xml).not.toMatch(/password|hashValue/);
  });

  test('elements in schema order', () => {
    const order = ['<sheetViews>', '<cols>', '<sheetData>', '<sheetProtection', '<dataValidations'];
    const at = order.map((tag) => xml.indexOf(tag));
    expect(at.every((x) => x >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(xml.endsWith('</dataValidations></worksheet>')).toBe(true);
  });

  test('every cell of the unlocked ranges is written unlocked, blanks too, with its format and bold', () => {
    const unlocked = (xf: string): boolean =>
      xf.includes('applyProtection="1"><protection locked="0"/></xf>');
    for (const ref of ['D3', 'E3', 'F3', 'D4', 'E4', 'F4', 'B1']) {
      expect(unlocked(xfOf(files, ref))).toBe(true);
    }
    expect(xml).toContain('<c r="E4"');
    expect(xfOf(files, 'E3')).toContain('numFmtId="2"');
    expect(xfOf(files, 'F3')).toContain('numFmtId="2"');
    expect(xfOf(files, 'D3')).toContain('numFmtId="0"');
    expect(xfOf(files, 'B1')).toContain('applyFont="1"');
    expect(xml).toMatch(/<c r="E3" s="\d+"\/>/);
    // locked cells keep plain styles; no cells are invented outside the ranges
    for (const ref of ['A3', 'C3', 'A1', 'C2']) expect(unlocked(xfOf(files, ref))).toBe(false);
    expect(xfOf(files, 'C3')).toContain('numFmtId="2"');
    expect(xfOf(files, 'G3')).toBe('absent');
    expect(xfOf(files, 'D2')).toBe('absent');
  });

  test('values read back unchanged; the blank unlocked cells read as empty', () => {
    const rows = readSheets(readPackage(buildWorkbook([sheet])), ['Tự chấm']).get('Tự chấm')?.rows;
    expect(rows).toEqual(sheet.rows);
  });

  test('unlocked ranges past the rows are written', () => {
    const x = unzipText(buildWorkbook([{ name: 'a', rows: [], protection: { unlocked: ['B3'] } }]));
    expect(x['xl/worksheets/sheet1.xml']).toContain(
      '<sheetData><row r="3"><c r="B3" s="1"/></row></sheetData>',
    );
    expect(cellXfs(x)[1]).toBe(
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf>',
    );
  });

  test('writing again does not grow styles.xml', () => {
    const once = buildWorkbook([sheet]);
    const twice = writeSheets(readPackage(once), [sheet]);
    expect(unzipText(twice)['xl/styles.xml']).toBe(unzipText(once)['xl/styles.xml']);
  });

  test('a whole-column unlocked range is refused', () => {
    expect(() =>
      buildWorkbook([{ name: 'a', rows: [], protection: { unlocked: ['D:D'] } }]),
    ).toThrow(RangeError);
  });
});
