/**
 * Output sheets with a report layout (issue 15) in the CLI's .xlsx: the look of each cell
 * (report font, bold centred titles without merges, bordered tables, per-column alignment,
 * formats and highlights kept) with deduplicated styles within Excel's 64,000 cell formats,
 * the print set-up in schema order with its print titles (also when sheets are replaced), the
 * chart as real drawing and chart parts replaced on a re-rank, and values that read back
 * unchanged. LibreOffice drawing and printing it: test/oracle/print.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildWorkbook, readPackage, readSheets, writeSheets, type OutputSheet } from '../../xlsx';
import { MAX_CELL_XFS, SheetLimitError } from '../../xlsx/limits';
import { wrappedLines } from '../../xlsx/report';
import { excelLikeParts, unzipText, zipOf } from './helpers';
import { HEADER, reportSheet } from './reportSheet';

type Files = Record<string, string>;
const SHEET1 = 'xl/worksheets/sheet1.xml';

function elements(xml: string, tag: string): string[] {
  return xml.match(new RegExp(`<${tag}(?:\\s[^>]*?)?(?:/>|>.*?</${tag}>)`, 'gs')) ?? [];
}
const section = (xml: string, tag: string): string =>
  new RegExp(`<${tag}[^>]*>(.*?)</${tag}>`, 's').exec(xml)?.[1] ?? '';
const attr = (el: string, name: string): string | undefined =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(el)?.[1];

/** A cell's style, resolved: its xf, font, border and number format code. */
function styleOf(files: Files, ref: string, sheet = SHEET1) {
  const m = new RegExp(`<c r="${ref}"(?: s="(\\d+)")?[ />]`).exec(files[sheet]);
  if (!m) return undefined;
  const styles = files['xl/styles.xml'];
  const xf = elements(section(styles, 'cellXfs'), 'xf')[Number(m[1] ?? 0)];
  const font = elements(section(styles, 'fonts'), 'font')[Number(attr(xf, 'fontId'))];
  const border = elements(section(styles, 'borders'), 'border')[Number(attr(xf, 'borderId'))];
  const fill = elements(section(styles, 'fills'), 'fill')[Number(attr(xf, 'fillId'))];
  const numFmtId = Number(attr(xf, 'numFmtId'));
  const custom = elements(section(styles, 'numFmts'), 'numFmt').find(
    (f) => Number(attr(f, 'numFmtId')) === numFmtId,
  );
  const format =
    custom !== undefined
      ? attr(custom, 'formatCode')
      : ({ 0: 'General', 1: '0', 2: '0.00' } as Record<number, string>)[numFmtId];
  const alignment = /<alignment([^>]*)\/>/.exec(xf)?.[1] ?? '';
  return {
    xf,
    bold: /<b\/>/.test(font),
    italic: /<i\/>/.test(font),
    fontName: /<name val="([^"]*)"/.exec(font)?.[1],
    fontSize: Number(/<sz val="([^"]*)"/.exec(font)?.[1]),
    bordered: (border.match(/style="thin"/g) ?? []).length === 4,
    horizontal: attr(alignment, 'horizontal'),
    vertical: attr(alignment, 'vertical'),
    wrap: attr(alignment, 'wrapText') === '1',
    fill: /rgb="([^"]*)"/.exec(fill)?.[1],
    format,
  };
}

const sheet = reportSheet();
const layout = sheet.report as NonNullable<OutputSheet['report']>;
const [t1, t2] = layout.tables;
const files = unzipText(buildWorkbook([sheet]));

describe('the look of a report sheet', () => {
  test('titles: bold, in the report font, centred across the table with no merge', () => {
    const row = t1.title + 1;
    for (const col of 'ABCDEFG') {
      const s = styleOf(files, `${col}${row}`);
      expect(s).toMatchObject({
        bold: true,
        fontName: 'Times New Roman',
        fontSize: 13,
        horizontal: 'centerContinuous',
        bordered: false,
      });
    }
    // the blank cells across the table are written for their alignment only
    expect(files[SHEET1]).toContain(`<c r="G${row}" s=`);
    expect(files[SHEET1]).not.toContain('mergeCell');
    expect(styleOf(files, `H${row}`)).toBeUndefined();
    expect(styleOf(files, `A${(t1.subtitle as number) + 1}`)).toMatchObject({
      italic: true,
      bold: false,
      horizontal: 'centerContinuous',
    });
    expect(styleOf(files, `A${t2.title + 1}`)?.horizontal).toBe('centerContinuous');
  });

  test('header rows: bold, centred, wrapped, bordered', () => {
    for (const [c, col] of [...'ABCDEFG'].entries()) {
      expect(styleOf(files, `${col}${t1.header + 1}`)).toMatchObject({
        bold: true,
        horizontal: 'center',
        vertical: 'center',
        wrap: true,
        bordered: true,
        fontName: 'Times New Roman',
      });
      expect(files[SHEET1]).toContain(`<t>${HEADER[c]}</t>`);
    }
  });

  test('data rows: bordered (blank cells too), aligned and wrapped per column, formats kept', () => {
    const r = t2.firstRow + 1;
    expect(styleOf(files, `A${r}`)).toMatchObject({ horizontal: 'center', bordered: true });
    expect(styleOf(files, `C${r}`)).toMatchObject({ horizontal: 'left', wrap: true });
    expect(styleOf(files, `D${r}`)).toMatchObject({
      horizontal: 'right',
      wrap: false,
      format: '0.00',
      bordered: true,
      bold: false,
    });
    expect(styleOf(files, `F${r}`)).toMatchObject({ horizontal: 'center', format: '0' });
    // the note column is blank on this line: written for its border
    expect(styleOf(files, `G${r}`)).toMatchObject({ bordered: true, wrap: true });
    const last = t2.firstRow + t2.rows;
    expect(styleOf(files, `G${last}`)?.bordered).toBe(true);
    expect(styleOf(files, `A${last + 1}`)?.bordered ?? false).toBe(false);
  });

  test('the highlight keeps its fill, with the border, format and alignment of its cell', () => {
    const { row, col } = (sheet.highlights ?? [])[0];
    const ref = `${'ABCDEFG'[col]}${row + 1}`;
    expect(styleOf(files, ref)).toMatchObject({
      fill: 'FFFFF4CE',
      bordered: true,
      format: '0',
      horizontal: 'center',
    });
  });

  test('cells outside the tables: the report font, bold rows kept, no border', () => {
    expect(styleOf(files, 'A1')).toMatchObject({
      bold: true,
      fontName: 'Times New Roman',
      horizontal: undefined,
      bordered: false,
    });
    const summary = sheet.rows.findIndex((r) => r[0] === 'Khối sở, ban, ngành') + 1;
    expect(styleOf(files, `B${summary}`)).toMatchObject({
      fontName: 'Times New Roman',
      format: '0.00',
      bordered: false,
    });
  });

  test('rows get a height for the report font, taller where a name wraps', () => {
    const ht = (r: number): number =>
      Number(new RegExp(`<row r="${r}" ht="([^"]*)" customHeight="1"`).exec(files[SHEET1])?.[1]);
    expect(ht(1)).toBeGreaterThanOrEqual(13 * 1.2);
    // the names of the fixture take two lines in a 40-character column
    expect(ht(t1.firstRow + 1)).toBeGreaterThanOrEqual(2 * 13 * 1.2);
    expect(wrappedLines('Sở Tư pháp', 280, 8)).toBe(1);
    expect(wrappedLines('một hai ba bốn năm', 56, 8)).toBe(3);
    expect(wrappedLines('a\nb', 400, 8)).toBe(2);
  });

  test('styles are deduplicated: distinct entries, and writing again adds none', () => {
    const xfs = elements(section(files['xl/styles.xml'], 'cellXfs'), 'xf');
    expect(new Set(xfs).size).toBe(xfs.length);
    const fonts = elements(section(files['xl/styles.xml'], 'fonts'), 'font');
    expect(new Set(fonts).size).toBe(fonts.length);
    const again = unzipText(writeSheets(readPackage(buildWorkbook([sheet])), [sheet]));
    expect(again['xl/styles.xml']).toBe(files['xl/styles.xml']);
  });

  test("past Excel's 64,000 cell formats the write is refused, naming the sheet; reuse is not", () => {
    const full = (styles: string, count: number): string => {
      const xfs = elements(section(styles, 'cellXfs'), 'xf');
      const pad = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>';
      const body = xfs.join('') + pad.repeat(count - xfs.length);
      return styles.replace(
        /<cellXfs[^>]*>.*<\/cellXfs>/s,
        `<cellXfs count="${count}">${body}</cellXfs>`,
      );
    };
    const parts = { ...excelLikeParts() };
    parts['xl/styles.xml'] = full(parts['xl/styles.xml'] as string, MAX_CELL_XFS);
    let error: unknown;
    try {
      writeSheets(readPackage(zipOf(parts)), [sheet]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SheetLimitError);
    expect((error as SheetLimitError).limit).toBe('styles');
    expect((error as Error).message).toContain('"Kết quả"');
    expect((error as Error).message).toContain('64000');
    // a workbook already holding every style needed stays writable at the limit
    const written = unzipText(buildWorkbook([sheet]));
    const at = zipOf({
      ...written,
      'xl/styles.xml': full(written['xl/styles.xml'], MAX_CELL_XFS),
    });
    expect(() => writeSheets(readPackage(at), [sheet])).not.toThrow();
  });
});

/** CT_Worksheet's sequence (the elements we may write, in order). */
const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetProtection',
  'mergeCells',
  'dataValidations',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'drawing',
];

describe('print set-up', () => {
  test('worksheet children follow the schema order', () => {
    const body = files[SHEET1].replace(/<sheetData>.*<\/sheetData>/s, '<sheetData/>');
    const children = [...body.matchAll(/<(\w+)[\s/>]/g)]
      .map((m) => m[1])
      .filter((n) => WORKSHEET_ORDER.includes(n));
    expect(children).toEqual([
      'sheetPr',
      'sheetViews',
      'cols',
      'sheetData',
      'pageMargins',
      'pageSetup',
      'headerFooter',
      'drawing',
    ]);
  });

  test('A4 landscape, one page wide, margins in inches, page numbers in the footer', () => {
    const ws = files[SHEET1];
    expect(ws).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(ws).toContain(
      '<pageMargins left="1.1811" right="0.5906" top="0.7874" bottom="0.7874" header="0.315" footer="0.315"/>',
    );
    expect(ws).toContain(
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
    );
    expect(ws).toContain(
      '<oddFooter>&amp;C&amp;"Times New Roman,Regular"&amp;13Trang &amp;P/&amp;N</oddFooter>',
    );
  });

  test('print titles: the header row, local to the sheet by its position', () => {
    const h = t1.header + 1;
    expect(files['xl/workbook.xml']).toContain(
      `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'Kết quả'!$${h}:$${h}</definedName></definedNames>`,
    );
    const plain = unzipText(buildWorkbook([{ ...sheet, report: undefined, chart: undefined }]));
    expect(plain['xl/workbook.xml']).not.toContain('definedName');
    expect(plain[SHEET1]).not.toMatch(/pageSetup|sheetPr|<drawing/);
  });

  test('replacing sheets: the right localSheetId, other names kept, stale ones dropped', () => {
    const parts = excelLikeParts();
    parts['xl/workbook.xml'] = (parts['xl/workbook.xml'] as string).replace(
      /<definedNames>.*<\/definedNames>/,
      '<definedNames>' +
        `<definedName name="_xlnm.Print_Area" localSheetId="1">'Kết quả'!$A$1:$C$3</definedName>` +
        `<definedName name="_xlnm.Print_Titles" localSheetId="1">'Kết quả'!$1:$1</definedName>` +
        `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Tiêu chí'!$1:$1</definedName>` +
        `<definedName name="HeSo">'Tiêu chí'!$C$2</definedName>` +
        '</definedNames>',
    );
    const proposals = reportSheet({ name: 'Đề nghị khen thưởng', chart: false });
    const once = writeSheets(readPackage(zipOf(parts)), [sheet, proposals]);
    const wb = unzipText(once)['xl/workbook.xml'];
    const names = elements(section(wb, 'definedNames'), 'definedName');
    const h = t1.header + 1;
    expect(names).toEqual([
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Tiêu chí'!$1:$1</definedName>`,
      `<definedName name="HeSo">'Tiêu chí'!$C$2</definedName>`,
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'Kết quả'!$${h}:$${h}</definedName>`,
      // added after "Tiêu chí", "Kết quả" and the hidden "Ẩn"
      `<definedName name="_xlnm.Print_Titles" localSheetId="3">'Đề nghị khen thưởng'!$${h}:$${h}</definedName>`,
    ]);
    // definedNames stays between sheets and calcPr
    expect(wb.indexOf('</sheets>')).toBeLessThan(wb.indexOf('<definedNames>'));
    expect(wb.indexOf('</definedNames>')).toBeLessThan(wb.indexOf('<calcPr'));
    // ranked again: the same names, none twice
    const twice = writeSheets(readPackage(once), [sheet, proposals]);
    expect(unzipText(twice)['xl/workbook.xml']).toBe(wb);
  });

  test('a workbook without defined names gets them after <sheets>, before calcPr', () => {
    const parts = excelLikeParts();
    parts['xl/workbook.xml'] = (parts['xl/workbook.xml'] as string).replace(
      /<definedNames>.*<\/definedNames>/,
      '',
    );
    const wb = unzipText(writeSheets(readPackage(zipOf(parts)), [sheet]))['xl/workbook.xml'];
    expect(wb).toMatch(
      /<\/sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">[^<]*<\/definedName><\/definedNames><calcPr/,
    );
  });
});

describe('the chart', () => {
  const CT = '[Content_Types].xml';

  test('a drawing and a clustered bar chart, linked and typed', () => {
    const sheetRels = files['xl/worksheets/_rels/sheet1.xml.rels'];
    const id = /<drawing r:id="([^"]+)"\/>/.exec(files[SHEET1])?.[1];
    expect(sheetRels).toContain(`Id="${id}"`);
    expect(sheetRels).toContain('relationships/drawing" Target="../drawings/drawing1.xml"');
    expect(files['xl/drawings/_rels/drawing1.xml.rels']).toContain(
      'relationships/chart" Target="../charts/chart1.xml"',
    );
    expect(files[CT]).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    expect(files[CT]).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    const chart = files['xl/charts/chart1.xml'];
    expect(chart).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(chart).toContain('<a:t>Chỉ số theo khối (%)</a:t>');
    const range = (sheet.chart as NonNullable<OutputSheet['chart']>).range;
    const first = range.row + 2;
    const last = range.row + range.rows;
    const series = elements(chart, 'c:ser');
    expect(series).toHaveLength(range.cols - 1);
    series.forEach((ser, i) => {
      const col = 'BCD'[i];
      expect(ser).toContain(`<c:f>'Kết quả'!$${col}$${range.row + 1}</c:f>`);
      expect(ser).toContain(`<c:v>${sheet.rows[range.row][i + 1]}</c:v>`);
      expect(ser).toContain(`<c:cat><c:strRef><c:f>'Kết quả'!$A$${first}:$A$${last}</c:f>`);
      expect(ser).toContain(
        `<c:val><c:numRef><c:f>'Kết quả'!$${col}$${first}:$${col}$${last}</c:f>`,
      );
      expect(ser).toContain(`<c:v>${sheet.rows[range.row + 1][i + 1]}</c:v>`);
    });
    // anchored in the sheet, within the tables' width (here below the data: no room beside)
    const drawing = files['xl/drawings/drawing1.xml'];
    expect(drawing).toContain('<xdr:twoCellAnchor');
    const toCol = Number(/<xdr:to><xdr:col>(\d+)<\/xdr:col>/.exec(drawing)?.[1]);
    expect(toCol).toBeLessThanOrEqual(HEADER.length);
    expect(
      Number(
        /<xdr:from><xdr:col>\d+<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)/.exec(
          drawing,
        )?.[1],
      ),
    ).toBeGreaterThan(range.row);
  });

  test('beside the data when the tables leave room, as the add-ins place it', () => {
    const wide = { ...sheet, columnWidths: [6, 10, 40, 10, 10, 30, 40] };
    const d = unzipText(buildWorkbook([wide]))['xl/drawings/drawing1.xml'];
    const range = (sheet.chart as NonNullable<OutputSheet['chart']>).range;
    expect(d).toContain(
      `<xdr:from><xdr:col>${range.col + range.cols + 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${range.row}</xdr:row>`,
    );
    expect(d).toContain(`<xdr:to><xdr:col>${HEADER.length}</xdr:col><xdr:colOff>0</xdr:colOff>`);
  });

  /** Every part of the package, and the parts reachable from the root through relationships. */
  function reachable(f: Files): { parts: string[]; reached: Set<string> } {
    const parts = Object.keys(f).filter(
      (n) => !n.endsWith('.rels') && n !== CT && !n.endsWith('/'),
    );
    const reached = new Set<string>();
    const visit = (part: string): void => {
      const dir = part === '' ? '' : dirname(part);
      const relsPath =
        part === ''
          ? '_rels/.rels'
          : `${dir === '.' ? '' : dir + '/'}_rels/${part.split('/').pop()}.rels`;
      for (const m of (f[relsPath] ?? '').matchAll(/Target="([^"]+)"/g)) {
        const target = m[1].startsWith('/') ? m[1].slice(1) : join(dir === '.' ? '' : dir, m[1]);
        if (reached.has(target) || !(target in f)) continue;
        reached.add(target);
        visit(target);
      }
    };
    visit('');
    return { parts, reached };
  }

  test('a re-rank replaces the chart: one drawing, one chart, no orphan part', () => {
    const once = writeSheets(readPackage(zipOf(excelLikeParts())), [sheet]);
    const twice = unzipText(writeSheets(readPackage(once), [sheet]));
    const drawings = Object.keys(twice).filter((n) =>
      /^xl\/(drawings|charts)\/[^/]+\.xml$/.test(n),
    );
    // the fixture's old "Kết quả" drawing (an image) went with the old sheet
    expect(drawings.sort()).toEqual(['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml']);
    expect(twice['xl/media/image1.png']).toBeUndefined();
    expect(twice['xl/drawings/drawing1.xml']).toContain('<c:chart ');
    expect((twice[CT].match(/chart1\.xml/g) ?? []).length).toBe(1);
    expect((twice[CT].match(/drawing1\.xml/g) ?? []).length).toBe(1);
    const { parts, reached } = reachable(twice);
    expect(parts.filter((p) => !reached.has(p))).toEqual([]);
    // every override names a part that is there
    for (const m of twice[CT].matchAll(/PartName="\/([^"]+)"/g))
      expect(twice).toHaveProperty([m[1]]);
    // a sheet written without a chart loses it
    const plain = unzipText(
      writeSheets(readPackage(zipOf(twice)), [{ ...sheet, chart: undefined }]),
    );
    expect(Object.keys(plain).filter((n) => /drawing|chart/.test(n))).toEqual([]);
    expect(plain[CT]).not.toMatch(/drawing|chart/);
  });

  test('in a Strict workbook the drawing and chart use the Strict namespaces', () => {
    const SMAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
    const SREL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
    const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
    const pkg = readPackage(
      zipOf({
        '_rels/.rels': `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${SREL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        'xl/workbook.xml': `<workbook xmlns="${SMAIN}" xmlns:r="${SREL}"><sheets/></workbook>`,
        'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG}"></Relationships>`,
      }),
    );
    const f = unzipText(writeSheets(pkg, [sheet]));
    expect(f[SHEET1]).toContain(`<worksheet xmlns="${SMAIN}" xmlns:r="${SREL}">`);
    expect(f['xl/worksheets/_rels/sheet1.xml.rels']).toContain(`Type="${SREL}/drawing"`);
    expect(f['xl/drawings/_rels/drawing1.xml.rels']).toContain(`Type="${SREL}/chart"`);
    expect(f['xl/charts/chart1.xml']).toContain(
      'xmlns:c="http://purl.oclc.org/ooxml/drawingml/chart"',
    );
    expect(f['xl/drawings/drawing1.xml']).not.toContain('schemas.openxmlformats.org');
  });

  test('a chart with no data row is not drawn', () => {
    const empty = { ...sheet, chart: { title: 'x', range: { row: 0, col: 0, rows: 1, cols: 4 } } };
    const f = unzipText(buildWorkbook([empty]));
    expect(Object.keys(f).filter((n) => /chart/.test(n))).toEqual([]);
  });
});

describe('reading back', () => {
  test('every value reads back unchanged, as from the same sheet without the layout', () => {
    const plain: OutputSheet = { ...sheet, report: undefined, chart: undefined };
    const read = (s: OutputSheet) =>
      readSheets(readPackage(buildWorkbook([s])), [s.name]).get(s.name);
    const styled = read(sheet);
    expect(styled?.rows).toEqual(read(plain)?.rows);
    expect(styled?.merges).toEqual([]);
    const expected = sheet.rows.map((r) => {
      const row = r.map((v) => (v === undefined || v === '' ? null : v));
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      return row;
    });
    expect(styled?.rows).toEqual(expected);
  });

  const xmllint = spawnSync('xmllint', ['--version']).status === 0;
  if (!xmllint)
    console.warn('test/xlsx/report.test.ts: xmllint is not on PATH; well-formedness skipped.');
  (xmllint ? test : test.skip)('every part written is well-formed XML (xmllint)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xephang-report-'));
    try {
      const f = unzipText(writeSheets(readPackage(zipOf(excelLikeParts())), [sheet]));
      const paths = Object.entries(f)
        .filter(([name]) => /\.(xml|rels)$/.test(name))
        .map(([, text], i) => {
          const path = join(dir, `${i}.xml`);
          writeFileSync(path, text);
          return path;
        });
      const run = spawnSync('xmllint', ['--noout', ...paths], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
