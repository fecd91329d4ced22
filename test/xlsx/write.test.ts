/**
 * writeSheets on an Excel-like package: every part it should not touch comes out byte-identical,
 * new sheets get fresh parts, ids and relationships, replaced sheets keep their place, styles
 * gain only what is needed, and calcChain goes only when it points at a replaced sheet.
 */
import {
  buildWorkbook,
  readPackage,
  readSheets,
  sheetNames,
  writeSheets,
  type OutputSheet,
} from '../../xlsx';
import { MINIMAL_STYLES } from '../../xlsx/styles';
import {
  diffEntries,
  excelLike,
  excelLikeParts,
  MAIN,
  REL,
  unzipText,
  zipOf,
  zipWithDescriptors,
} from './helpers';

const results: OutputSheet = {
  name: 'Xếp hạng',
  rows: [
    ['KẾT QUẢ XẾP HẠNG'],
    [],
    ['STT', 'Đơn vị', 'Điểm', 'Tỷ lệ', 'Ngày', 'Mã', 'Đạt'],
    [1, 'Sở Tư pháp', 95.5, 0.955, 45747, '001', true],
    [2, 'UBND huyện A', 88.25, 0.8825, 45748, '002', false],
  ],
  formats: [[], [], [], [undefined, undefined, '0.00', '0.0', 'dd/mm/yyyy', '@']],
  boldRows: [0, 2],
  columnWidths: [6, 30, 10, 10, 12],
  frozenRows: 3,
};

describe('adding a sheet', () => {
  const before = excelLike();
  const after = writeSheets(readPackage(before), [results]);

  test('only the workbook, its relationships, content types and styles change; the sheet is added', () => {
    expect(diffEntries(before, after)).toEqual({
      changed: [
        '[Content_Types].xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
      ],
      added: ['xl/worksheets/sheet4.xml'],
      removed: [],
    });
  });

  test('the new sheet is registered with a fresh sheetId, relationship id and content type', () => {
    const t = unzipText(after);
    expect(t['xl/workbook.xml']).toContain(
      '<sheet name="Ẩn" sheetId="5" state="hidden" r:id="rId2"/><sheet name="Xếp hạng" sheetId="6" r:id="rId10"/></sheets>',
    );
    expect(t['xl/_rels/workbook.xml.rels']).toContain(
      `<Relationship Id="rId10" Type="${REL}/worksheet" Target="worksheets/sheet4.xml"/></Relationships>`,
    );
    expect(t['[Content_Types].xml']).toContain(
      '<Override PartName="/xl/worksheets/sheet4.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    );
    // the rest of workbook.xml is untouched text
    const old = unzipText(before)['xl/workbook.xml'];
    expect(
      t['xl/workbook.xml'].replace('<sheet name="Xếp hạng" sheetId="6" r:id="rId10"/>', ''),
    ).toBe(old);
  });

  test('the new sheet reads back, and so do the old ones', () => {
    const pkg = readPackage(after);
    expect(sheetNames(pkg)).toEqual(['Tiêu chí', 'Kết quả', 'Ẩn', 'Xếp hạng']);
    const read = readSheets(pkg, ['Xếp hạng', 'Tiêu chí']);
    expect(read.get('Xếp hạng')?.rows).toEqual(results.rows);
    expect(read.get('Tiêu chí')?.rows[1]).toEqual(['1.1', 'Ban hành kế hoạch CCHC & kiểm tra', 2]);
  });

  test('sheet XML: frozen pane, column widths, styles by index, no formulas', () => {
    const xml = unzipText(after)['xl/worksheets/sheet4.xml'];
    expect(xml).toContain(
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
    );
    expect(xml).toContain(
      '<cols><col min="1" max="1" width="6.7109375" customWidth="1"/><col min="2" max="2" width="30.7109375" customWidth="1"/><col min="3" max="4" width="10.7109375" customWidth="1"/><col min="5" max="5" width="12.7109375" customWidth="1"/></cols>',
    );
    expect(xml).not.toContain('<f>');
    expect(xml).not.toContain('<mergeCells');
  });

  test('styles: existing entries keep their indexes; formats and a bold font are appended', () => {
    const oldStyles = unzipText(before)['xl/styles.xml'];
    const styles = unzipText(after)['xl/styles.xml'];
    // "0.0" reuses the workbook's own format 164 (and its xf 1), "0.00" and "@" are built in,
    // only the date is new
    expect(styles).toContain(
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts>',
    );
    // font 0 copied with <b/>; the dxf font is not counted or touched
    expect(styles).toContain(
      '<fonts count="3" x14ac:knownFonts="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
        '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
        '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>',
    );
    expect(styles).toContain(
      '<dxfs count="1"><dxf><font><b/><color rgb="FF9C0006"/></font></dxf></dxfs>',
    );
    const oldXfs = /<cellXfs count="3">(.*?)<\/cellXfs>/.exec(oldStyles)?.[1] ?? '';
    const xfs = /<cellXfs count="(\d+)">(.*?)<\/cellXfs>/.exec(styles);
    expect(xfs?.[2].startsWith(oldXfs)).toBe(true);
    const added = xfs?.[2].slice(oldXfs.length).match(/<xf [^>]*\/>/g) ?? [];
    expect(Number(xfs?.[1])).toBe(3 + added.length);
    expect(added.sort()).toEqual(
      [
        '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
        '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
        '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
        '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
      ].sort(),
    );
    // every styled cell points at the xf with its format
    const xfList = xfs?.[2].match(/<xf [^>]*?\/>|<xf [^>]*>.*?<\/xf>/g) ?? [];
    const sheet = unzipText(after)['xl/worksheets/sheet4.xml'];
    const styleOf = (ref: string): string => {
      const s = new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(sheet)?.[1];
      return s === undefined ? 'none' : xfList[Number(s)];
    };
    expect(styleOf('C4')).toContain('numFmtId="2"');
    expect(styleOf('D4')).toBe(xfList[1]);
    expect(styleOf('D4')).toContain('numFmtId="164"');
    expect(styleOf('E4')).toContain('numFmtId="165"');
    expect(styleOf('F4')).toContain('numFmtId="49"');
    expect(styleOf('A1')).toContain('fontId="2"');
    expect(styleOf('B3')).toContain('fontId="2"');
    expect(styleOf('A4')).toBe('none');
  });

  test('writing again does not grow styles.xml', () => {
    const again = writeSheets(readPackage(after), [results]);
    expect(unzipText(again)['xl/styles.xml']).toBe(unzipText(after)['xl/styles.xml']);
  });

  test('the package object is not changed, so it can be written twice', () => {
    const pkg = readPackage(before);
    const a = writeSheets(pkg, [results]);
    const b = writeSheets(pkg, [results]);
    expect(diffEntries(a, b)).toEqual({ changed: [], added: [], removed: [] });
    expect(sheetNames(pkg)).toEqual(['Tiêu chí', 'Kết quả', 'Ẩn']);
  });
});

describe('replacing a sheet', () => {
  const before = excelLike();

  test('keeps sheet order, names, ids and relationships; only its part (and styles) change', () => {
    const after = writeSheets(readPackage(before), [
      { name: 'kết quả', rows: [['mới', 1]] },
      { name: 'Mới', rows: [[2]] },
    ]);
    const diff = diffEntries(before, after);
    expect(diff.changed).toEqual([
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    expect(diff.added).toEqual(['xl/worksheets/sheet4.xml']);
    const pkg = readPackage(after);
    expect(pkg.sheets.map((s) => [s.name, s.sheetId, s.rId, s.path])).toEqual([
      ['Tiêu chí', 1, 'rId1', 'xl/worksheets/sheet1.xml'],
      ['Kết quả', 2, 'rId3', 'xl/worksheets/sheet2.xml'],
      ['Ẩn', 5, 'rId2', 'xl/worksheets/sheet3.xml'],
      ['Mới', 6, 'rId10', 'xl/worksheets/sheet4.xml'],
    ]);
    expect(readSheets(pkg, ['Kết quả']).get('Kết quả')?.rows).toEqual([['mới', 1]]);
  });

  test('a replacement alone leaves workbook.xml, rels and content types as they were', () => {
    const after = writeSheets(readPackage(before), [{ name: 'Ẩn', rows: [[1, 2, 3]] }]);
    expect(diffEntries(before, after)).toEqual({
      changed: ['xl/worksheets/sheet3.xml'],
      added: [],
      removed: [],
    });
  });

  test("the replaced sheet's drawing, image and relationships go with it, and nothing else", () => {
    const bytes = writeSheets(readPackage(before), [{ name: 'Kết quả', rows: [[1]] }]);
    const after = unzipText(bytes);
    expect(after['xl/worksheets/sheet2.xml']).not.toContain('<drawing');
    expect(diffEntries(before, bytes)).toEqual({
      // workbook.xml: the old sheet's print area (A1:C3 of its old content) goes with it
      changed: ['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet2.xml'],
      added: [],
      removed: [
        'xl/drawings/_rels/drawing1.xml.rels',
        'xl/drawings/drawing1.xml',
        'xl/media/image1.png',
        'xl/worksheets/_rels/sheet2.xml.rels',
      ],
    });
    expect(after['xl/workbook.xml']).not.toContain('Print_Area');
    expect(after['xl/workbook.xml']).not.toContain('definedNames');
    // the drawing's content type goes with it
    expect(after['[Content_Types].xml']).not.toContain('drawing1.xml');
    expect(after['[Content_Types].xml']).toContain('/xl/worksheets/sheet2.xml');
    // written again: nothing more to drop
    const again = writeSheets(readPackage(bytes), [{ name: 'Kết quả', rows: [[1]] }]);
    expect(diffEntries(bytes, again).removed).toEqual([]);
  });

  test('a part another sheet still uses stays, with what it points to', () => {
    const parts = excelLikeParts();
    // "Ẩn" (sheet3) shows the same drawing
    parts['xl/worksheets/_rels/sheet3.xml.rels'] = parts['xl/worksheets/_rels/sheet2.xml.rels'];
    const shared = zipOf(parts);
    const after = unzipText(writeSheets(readPackage(shared), [{ name: 'Kết quả', rows: [[1]] }]));
    expect(after['xl/worksheets/_rels/sheet2.xml.rels']).toBeUndefined();
    expect(after['xl/worksheets/_rels/sheet3.xml.rels']).toContain('drawing1.xml');
    expect(after['xl/drawings/drawing1.xml']).toBeDefined();
    expect(after['xl/drawings/_rels/drawing1.xml.rels']).toBeDefined();
    expect(after['xl/media/image1.png']).toBeDefined();
    expect(after['[Content_Types].xml']).toContain('/xl/drawings/drawing1.xml');
  });
});

describe('zip details', () => {
  test('entries streamed with data descriptors (as LibreOffice writes them) are copied intact', () => {
    const before = zipWithDescriptors(excelLikeParts());
    const after = writeSheets(readPackage(before), [{ name: 'Ẩn', rows: [['đã ghi']] }]);
    expect(diffEntries(before, after)).toEqual({
      changed: ['xl/worksheets/sheet3.xml'],
      added: [],
      removed: [],
    });
    expect(readSheets(readPackage(after), ['Ẩn']).get('Ẩn')?.rows).toEqual([['đã ghi']]);
    expect(readSheets(readPackage(after), ['Tiêu chí']).get('Tiêu chí')?.rows[0]).toEqual([
      'Mã',
      'Tên tiêu chí',
      'Điểm tối đa',
    ]);
  });

  test('the output keeps the entry order, the replaced part in its place', () => {
    const before = excelLike();
    const after = writeSheets(readPackage(before), [
      { name: 'Tiêu chí', rows: [[1]] },
      { name: 'Mới', rows: [[1]] },
    ]);
    const names = (b: Uint8Array): string[] => readPackage(b).entries.map((e) => e.name);
    expect(names(after)).toEqual([
      ...names(before).filter((n) => n !== 'xl/calcChain.xml'),
      'xl/worksheets/sheet4.xml',
    ]);
  });
});

describe('calcChain', () => {
  const before = excelLike();

  test('dropped with its relationship and override when it refers to a replaced sheet', () => {
    const after = writeSheets(readPackage(before), [{ name: 'Tiêu chí', rows: [[1]] }]);
    expect(diffEntries(before, after)).toEqual({
      changed: ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml'],
      added: [],
      removed: ['xl/calcChain.xml'],
    });
    const t = unzipText(after);
    expect(t['xl/_rels/workbook.xml.rels']).not.toContain('calcChain');
    expect(t['[Content_Types].xml']).not.toContain('calcChain');
    expect(t['[Content_Types].xml']).toContain('<Override PartName="/xl/sharedStrings.xml"');
  });

  test('kept when the replaced sheets have no formulas in it, or only sheets are added', () => {
    for (const sheets of [[{ name: 'Kết quả', rows: [[1]] }], [{ name: 'Thêm', rows: [[1]] }]]) {
      const after = unzipText(writeSheets(readPackage(before), sheets));
      expect(after['xl/calcChain.xml']).toBe(unzipText(before)['xl/calcChain.xml']);
      expect(after['xl/_rels/workbook.xml.rels']).toContain('calcChain.xml');
    }
  });

  test('an omitted i repeats the previous sheet id', () => {
    const parts = excelLikeParts();
    parts['xl/calcChain.xml'] =
      `<calcChain xmlns="${MAIN}"><c r="A1" i="5"/><c r="A2"/><c r="B9" i="2"/></calcChain>`;
    const after = writeSheets(readPackage(zipOf(parts)), [{ name: 'Kết quả', rows: [[1]] }]);
    expect(unzipText(after)['xl/calcChain.xml']).toBeUndefined();
  });
});

describe('packages without some parts', () => {
  function bare(styles: boolean): Record<string, string> {
    const parts: Record<string, string> = {
      '[Content_Types].xml':
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`,
    };
    if (styles) parts['xl/styles.xml'] = MINIMAL_STYLES;
    return parts;
  }

  test('no styles.xml: one is created with its relationship and content type', () => {
    const after = writeSheets(readPackage(zipOf(bare(false))), [
      { name: 'A', rows: [[1.5]], formats: [['0.00']], boldRows: [0] },
    ]);
    const t = unzipText(after);
    expect(t['xl/styles.xml']).toContain('<cellXfs count="2">');
    expect(t['xl/_rels/workbook.xml.rels']).toContain(
      `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>`,
    );
    expect(t['[Content_Types].xml']).toContain(
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    );
    expect(t['xl/worksheets/sheet1.xml']).toContain('<c r="A1" s="1"><v>1.5</v></c>');
  });

  test('no styles needed: styles.xml is neither created nor touched', () => {
    const before = zipOf(bare(false));
    const after = writeSheets(readPackage(before), [{ name: 'A', rows: [['x']] }]);
    expect(diffEntries(before, after).changed).toEqual(['xl/worksheets/sheet1.xml']);
    expect(unzipText(after)['xl/styles.xml']).toBeUndefined();
  });

  test('a workbook with a prefixed root: the new sheet uses its own prefixes', () => {
    const parts = bare(true);
    parts['xl/workbook.xml'] =
      `<x:workbook xmlns:x="${MAIN}" xmlns:rr="${REL}"><x:sheets><x:sheet name="A" sheetId="1" rr:id="rId1"/></x:sheets></x:workbook>`;
    const after = writeSheets(readPackage(zipOf(parts)), [{ name: 'B', rows: [[1]] }]);
    expect(unzipText(after)['xl/workbook.xml']).toContain(
      '<x:sheet name="A" sheetId="1" rr:id="rId1"/><x:sheet name="B" sheetId="2" rr:id="rId2"/></x:sheets>',
    );
    expect(readSheets(readPackage(after), ['B']).get('B')?.rows).toEqual([[1]]);
  });
});

describe('Strict OOXML', () => {
  test('a new sheet in a Strict workbook uses the Strict namespaces', () => {
    const SMAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
    const SREL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
    const parts = {
      '[Content_Types].xml':
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
      '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${SREL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<workbook xmlns="${SMAIN}" xmlns:r="${SREL}"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${SREL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${SMAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
    };
    const pkg = readPackage(zipOf(parts));
    expect(pkg.strict).toBe(true);
    const t = unzipText(writeSheets(pkg, [{ name: 'B', rows: [[2]] }]));
    expect(t['xl/worksheets/sheet2.xml']).toContain(`<worksheet xmlns="${SMAIN}">`);
    expect(t['xl/_rels/workbook.xml.rels']).toContain(
      `Type="${SREL}/worksheet" Target="worksheets/sheet2.xml"`,
    );
    expect(t['xl/workbook.xml']).toContain('<sheet name="B" sheetId="2" r:id="rId2"/>');
  });
});

describe('invalid requests', () => {
  const pkg = readPackage(buildWorkbook([{ name: 'A', rows: [] }]));

  test.each(['', 'a'.repeat(32), 'x/y', 'x[1]', 'a:b', 'a?', 'a*', 'a\\b', "'x", 'history'])(
    'a new sheet may not be named %j',
    (name) => {
      expect(() => writeSheets(pkg, [{ name, rows: [] }])).toThrow(RangeError);
    },
  );

  test('the same sheet twice', () => {
    expect(() =>
      writeSheets(pkg, [
        { name: 'B', rows: [] },
        { name: 'b', rows: [] },
      ]),
    ).toThrow(/hai lần/);
  });

  test('buildWorkbook needs a sheet', () => {
    expect(() => buildWorkbook([])).toThrow(RangeError);
  });
});

describe('highlighted cells', () => {
  const sheet: OutputSheet = {
    name: 'Đối chiếu',
    rows: [
      ['Mã', 'Tự chấm', 'Thẩm định', 'Chênh lệch', 'Ghi chú'],
      ['1.1', 1, 0.75, -0.25, null],
      ['Tổng', 1, 0.75, -0.25],
    ],
    formats: [[], [undefined, '0.00', '0.00', '0.00'], [undefined, '0.00', '0.00', '0.00']],
    boldRows: [0, 2],
    highlights: [
      { row: 1, col: 2 },
      { row: 1, col: 3 },
      { row: 1, col: 4 }, // blank: written empty, filled
      { row: 2, col: 3 },
    ],
  };
  const fill =
    '<fill><patternFill patternType="solid"><fgColor rgb="FFFFF4CE"/><bgColor indexed="64"/></patternFill></fill>';

  test('one light orange fill is added; highlighted cells keep their format and bold', () => {
    const after = writeSheets(readPackage(zipOf(bareWithStyles())), [sheet]);
    const t = unzipText(after);
    const styles = t['xl/styles.xml'];
    expect(styles).toContain(
      '<fills count="3"><fill><patternFill patternType="none"/></fill>' +
        '<fill><patternFill patternType="gray125"/></fill>' +
        fill +
        '</fills>',
    );
    const xfs =
      /<cellXfs count="\d+">(.*?)<\/cellXfs>/.exec(styles)?.[1].match(/<xf [^>]*\/>/g) ?? [];
    const xml = t['xl/worksheets/sheet1.xml'];
    const styleOf = (ref: string): string => {
      const s = new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(xml)?.[1];
      return s === undefined ? 'none' : xfs[Number(s)];
    };
    expect(styleOf('C2')).toBe(
      '<xf numFmtId="2" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/>',
    );
    expect(styleOf('D2')).toBe(styleOf('C2'));
    expect(styleOf('B2')).toBe(
      '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    );
    expect(xml).toMatch(/<c r="E2" s="\d+"\/>/);
    expect(styleOf('E2')).toContain('fillId="2"');
    expect(styleOf('D3')).toMatch(
      /numFmtId="2" fontId="1" fillId="2" .*applyFont="1" applyFill="1"/,
    );
    expect(styleOf('C3')).not.toContain('fillId="2"');
    // The values read back unchanged.
    expect(readSheets(readPackage(after), ['Đối chiếu']).get('Đối chiếu')?.rows).toEqual([
      ['Mã', 'Tự chấm', 'Thẩm định', 'Chênh lệch', 'Ghi chú'],
      ['1.1', 1, 0.75, -0.25],
      ['Tổng', 1, 0.75, -0.25],
    ]);
    // Written again: the fill and the styles are reused, not added twice.
    const again = writeSheets(readPackage(after), [sheet]);
    expect(unzipText(again)['xl/styles.xml']).toBe(styles);
  });

  test('a highlight list changed in place between two writes is read afresh', () => {
    const own: OutputSheet = { ...sheet, highlights: [{ row: 1, col: 1 }] };
    const filled = (bytes: Uint8Array, ref: string): boolean => {
      const t = unzipText(bytes);
      const xfs =
        /<cellXfs count="\d+">(.*?)<\/cellXfs>/
          .exec(t['xl/styles.xml'])?.[1]
          .match(/<xf [^>]*\/>/g) ?? [];
      const s = new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(
        t['xl/worksheets/sheet1.xml'],
      )?.[1];
      return s !== undefined && (xfs[Number(s)] ?? '').includes('fillId="2"');
    };
    const first = writeSheets(readPackage(zipOf(bareWithStyles())), [own]);
    expect([filled(first, 'B2'), filled(first, 'C3')]).toEqual([true, false]);
    const [h] = own.highlights ?? [];
    h.row = 2;
    h.col = 2;
    const second = writeSheets(readPackage(zipOf(bareWithStyles())), [own]);
    expect([filled(second, 'B2'), filled(second, 'C3')]).toEqual([false, true]);
  });

  test('a highlight past the sheet limits is refused like a value there', () => {
    for (const [at, message] of [
      [{ row: 1_048_576, col: 0 }, /quá 1 048 576 dòng mà Excel mở được/],
      [{ row: 2 ** 32 - 1, col: 0 }, /quá 1 048 576 dòng mà Excel mở được/],
      [{ row: 1, col: 16_384 }, /ô XFE2\), quá cột cuối cùng XFD/],
    ] as const) {
      expect(() =>
        writeSheets(readPackage(zipOf(bareWithStyles())), [{ ...sheet, highlights: [at] }]),
      ).toThrow(message);
    }
  });

  test('an existing identical fill is reused', () => {
    const withFill = MINIMAL_STYLES.replace('<fills count="2">', '<fills count="3">').replace(
      '</fills>',
      `${fill}</fills>`,
    );
    const parts = bareWithStyles();
    parts['xl/styles.xml'] = withFill;
    const after = writeSheets(readPackage(zipOf(parts)), [sheet]);
    expect(unzipText(after)['xl/styles.xml']).toContain(`<fills count="3">`);
  });

  function bareWithStyles(): Record<string, string> {
    return {
      '[Content_Types].xml':
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
      '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Đối chiếu" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`,
      'xl/styles.xml': MINIMAL_STYLES,
    };
  }
});
