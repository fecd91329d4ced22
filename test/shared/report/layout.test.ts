/**
 * Issue 15: "Kết quả" and "Đề nghị khen thưởng" as the published appendix — titled tables with
 * the "Kèm theo …" line, a "Mã đơn vị" column, and a ReportLayout whose row indices point at
 * exactly those rows; the report settings of "Cấu hình" (read, errors at their cell, written
 * back); the Word document built from the same tables.
 */
import { anGiang2018 } from '../../../examples/an-giang-2018';
import { ninhThuan2020 } from '../../../examples/ninh-thuan-2020';
import { evaluateCampaign, type Evaluation } from '../../../shared/evaluate';
import { vi } from '../../../shared/i18n/vi';
import { formatIssue } from '../../../shared/model/issues';
import type { CampaignSpec, CellValue } from '../../../shared/model/types';
import { reportDocument } from '../../../shared/report/document';
import { resultTables } from '../../../shared/report/resultTable';
import { inputSheets } from '../../../shared/workbook/inputs';
import type { OutputBlock } from '../../../shared/workbook/output';
import { parseConfig } from '../../../shared/workbook/parse/config';
import {
  REPORT_MARGINS,
  renderOutputs,
  renderProposals,
  renderResults,
} from '../../../shared/workbook/render';
import { runCampaign } from '../../../shared/workbook/run';
import { readSetup, setupSheets } from '../../../shared/workbook/setup';
import { templateSheets, starterCampaign } from '../../../shared/workbook/template';

type Ok = Extract<Evaluation, { ok: true }>;
const S = vi.workbook.sheets;
const R = vi.reportLayout;
const SUBTITLE = 'Kèm theo Quyết định số 123/QĐ-UBND ngày 15/3/2019 của Chủ tịch UBND tỉnh';

const evaluate = (spec: CampaignSpec): Ok => {
  const e = evaluateCampaign(spec);
  if (!e.ok) throw new Error(JSON.stringify(e.errors.map(formatIssue)));
  return e;
};
const withSettings = (spec: CampaignSpec, settings: CampaignSpec['settings']): CampaignSpec => ({
  ...spec,
  settings: { ...spec.settings, ...settings },
});

/**
 * Every table of the layout is where it says: title and subtitle rows hold one cell, the header
 * row the header, `rows` data rows follow; bold rows are the titles and headers; the frozen rows
 * end at the first header, which is also the repeated print row; highlights lie on data rows.
 */
function checkLayout(block: OutputBlock, titles: string[], subtitle?: string): void {
  const report = block.report!;
  expect(report.tables.map((t) => block.rows[t.title])).toEqual(titles.map((t) => [t]));
  const data = new Set<number>();
  for (const t of report.tables) {
    if (subtitle) expect([t.subtitle, block.rows[t.subtitle!]]).toEqual([t.title + 1, [subtitle]]);
    else expect(t.subtitle).toBeUndefined();
    expect(t.header).toBe(t.subtitle === undefined ? t.title + 1 : t.title + 2);
    expect(t.firstRow).toBe(t.header + 1);
    expect(block.rows[t.header]).toHaveLength(t.cols);
    expect(t.col).toBe(0);
    for (let r = t.firstRow; r < t.firstRow + t.rows; r++) {
      expect(block.rows[r]).toHaveLength(t.cols);
      data.add(r);
    }
    // nothing of the table beyond its rows: a blank row or the end of the sheet
    expect(block.rows[t.firstRow + t.rows] ?? []).toEqual([]);
  }
  expect([...block.boldRows].sort((a, b) => a - b)).toEqual(
    report.tables.flatMap((t) => [t.title, t.header]),
  );
  expect(block.frozenRows).toBe(report.tables[0].header + 1);
  expect(report.print).toEqual({
    paper: 'A4',
    orientation: 'landscape',
    fitToWidth: true,
    repeatRows: { first: report.tables[0].header, last: report.tables[0].header },
    margins: REPORT_MARGINS,
    pageNumbers: true,
  });
  expect(report.columns).toHaveLength(Math.max(...report.tables.map((t) => t.cols)));
  expect(block.columnWidths).toHaveLength(report.columns.length);
  for (const h of block.highlights ?? []) expect(data.has(h.row)).toBe(true);
}

describe('"Kết quả" as the appendix', () => {
  const ev = evaluate(anGiang2018);
  const block = renderResults(ev);

  test('titles as published, upper case, from the year and the block; the summary titled too', () => {
    checkLayout(block, [
      'KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2018 — KHỐI SỞ, BAN, NGÀNH',
      'KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2018 — KHỐI HUYỆN, THỊ XÃ, THÀNH PHỐ',
      'CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2018 THEO KHỐI THI ĐUA',
    ]);
    // no title row of the campaign above the tables: the first table starts the sheet
    expect(block.report!.tables[0].title).toBe(0);
  });

  test('"Mã đơn vị" right after STT; the data rows are those of resultTables', () => {
    const [first] = block.report!.tables;
    expect(block.rows[first.header].slice(0, 3)).toEqual(['STT', 'Mã đơn vị', 'Tên đơn vị']);
    const tables = resultTables(ev);
    block.report!.tables.slice(0, 2).forEach((t, b) => {
      expect(block.rows.slice(t.firstRow, t.firstRow + t.rows)).toEqual(tables[b].rows);
      ev.blocks[b].units.forEach((u, i) => {
        expect(block.rows[t.firstRow + i].slice(0, 3)).toEqual([i + 1, u.id, u.name]);
      });
    });
  });

  test('columns: STT, codes and ranks centred, names and notes wrapped, numbers right; STT narrow', () => {
    const header = block.rows[block.report!.tables[0].header] as string[];
    const cols = block.report!.columns;
    const col = (name: string) => cols[header.indexOf(name)];
    expect(col('STT')).toEqual({ align: 'center', wrap: false });
    expect(col('Mã đơn vị')).toEqual({ align: 'center', wrap: false });
    expect(col('Tên đơn vị')).toEqual({ align: 'left', wrap: true });
    expect(col('Chỉ số (%)')).toEqual({ align: 'right', wrap: false });
    expect(col('Tổng điểm')).toEqual({ align: 'right', wrap: false });
    expect(col('Xếp hạng')).toEqual({ align: 'center', wrap: false });
    expect(col('Ghi chú')).toEqual({ align: 'left', wrap: true });
    const widths = block.columnWidths;
    expect(widths[0]).toBeLessThanOrEqual(5);
    expect(Math.max(...widths)).toBeLessThanOrEqual(30);
    // the name column fits the longest unit name
    expect(widths[2]).toBeGreaterThanOrEqual('UBND thành phố Long Xuyên'.length);
  });

  test('the chart reads the summary: block names and highest, average, lowest', () => {
    const summary = block.report!.tables[2];
    const { range } = block.chart!;
    expect(range).toEqual({ row: summary.header, col: 2, rows: summary.rows + 1, cols: 4 });
    expect(block.rows[range.row].slice(range.col, range.col + range.cols)).toEqual([
      vi.report.block,
      vi.report.highest,
      vi.report.average,
      vi.report.lowest,
    ]);
    expect(block.rows.slice(range.row + 1, range.row + range.rows).map((r) => r[2])).toEqual(
      ev.blocks.map((b) => b.name),
    );
  });

  test('ties and proposals highlighted where the note says so in words (black and white)', () => {
    const noteCol = (block.rows[1] as string[]).indexOf('Ghi chú');
    const rankCol = (block.rows[1] as string[]).indexOf('Xếp hạng');
    const lit = new Set((block.highlights ?? []).map((h) => `${h.row}:${h.col}`));
    expect(lit.size).toBeGreaterThan(0);
    for (const t of block.report!.tables.slice(0, 2)) {
      for (let r = t.firstRow; r < t.firstRow + t.rows; r++) {
        const note = String(block.rows[r][noteCol]);
        const tied = note.startsWith(vi.report.tiedNote);
        const proposed = note.includes('Đề nghị ');
        // a proposal: the whole row; a tie: rank, class and note — one run of cells a row
        expect([r, lit.has(`${r}:${noteCol}`)]).toEqual([r, tied || proposed]);
        expect([r, lit.has(`${r}:${rankCol}`)]).toEqual([r, tied || proposed]);
        expect([r, lit.has(`${r}:2`)]).toEqual([r, proposed]);
        const cols = [...lit]
          .filter((k) => k.startsWith(`${r}:`))
          .map((k) => Number(k.split(':')[1]));
        if (cols.length) expect(Math.max(...cols) - Math.min(...cols) + 1).toBe(cols.length);
      }
    }
  });

  test('the subtitle line under every title when "Dòng kèm theo" is set', () => {
    const b = renderResults(evaluate(withSettings(anGiang2018, { reportSubtitle: SUBTITLE })));
    checkLayout(
      b,
      block.report!.tables.map((t) => String(block.rows[t.title][0])),
      SUBTITLE,
    );
  });

  test('the report font is the setting', () => {
    expect(block.report!.font).toEqual({ name: 'Times New Roman', size: 13 });
    const arial = withSettings(anGiang2018, { reportFont: { name: 'Arial', size: 12 } });
    expect(renderResults(evaluate(arial)).report!.font).toEqual({ name: 'Arial', size: 12 });
  });

  test('one block, several blocks, an empty block, no unit with an index', () => {
    const one: CampaignSpec = {
      ...anGiang2018,
      awards: undefined,
      nominations: undefined,
      ballots: undefined,
      units: anGiang2018.units.filter((u) => u.block === 'so'),
      blocks: [anGiang2018.blocks[0]],
    };
    const b1 = renderResults(evaluate(one));
    checkLayout(b1, [
      'KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2018 — KHỐI SỞ, BAN, NGÀNH',
      'CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2018 THEO KHỐI THI ĐUA',
    ]);
    // no awards: no highlight but ties
    for (const h of b1.highlights ?? []) expect(h.col).not.toBe(2);
    const empty: CampaignSpec = {
      ...one,
      blocks: [...one.blocks, { id: 'xa', name: 'Khối xã' }],
    };
    const b2 = renderResults(evaluate(withSettings(empty, { reportSubtitle: SUBTITLE })));
    checkLayout(
      b2,
      [
        'KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2018 — KHỐI SỞ, BAN, NGÀNH',
        'KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2018 — KHỐI XÃ',
        'CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2018 THEO KHỐI THI ĐUA',
      ],
      SUBTITLE,
    );
    expect(b2.report!.tables[1].rows).toBe(0);
    // the summary lists the blocks with an index only
    expect(b2.report!.tables[2].rows).toBe(1);
  });

  test('Ninh Thuận (another campaign, other blocks): the same layout rules hold', () => {
    const ev2 = evaluate(ninhThuan2020);
    checkLayout(renderResults(ev2), [
      ...ev2.blocks.map(
        (b) =>
          `KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2020 — ${b.name.toLocaleUpperCase('vi')}`,
      ),
      'CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2020 THEO KHỐI THI ĐUA',
    ]);
  });
});

describe('"Đề nghị khen thưởng" as the appendix', () => {
  const ev = evaluate(anGiang2018);

  test('one titled table, "Mã đơn vị" after STT, with the subtitle when set', () => {
    const block = renderProposals(ev, anGiang2018);
    const title = 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG THEO KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2018';
    checkLayout(block, [title]);
    const t = block.report!.tables[0];
    expect(block.rows[t.header].slice(0, 4)).toEqual([
      'Hình thức',
      'STT',
      'Mã đơn vị',
      'Tên tập thể / cá nhân',
    ]);
    expect(block.rows[t.firstRow].slice(0, 4)).toEqual([
      'Bằng khen của Chủ tịch UBND tỉnh',
      1,
      'STP',
      'Sở Tư pháp',
    ]);
    const spec = withSettings(anGiang2018, { reportSubtitle: SUBTITLE });
    checkLayout(renderProposals(evaluate(spec), spec), [title], SUBTITLE);
  });

  test('no awards: no proposals sheet', () => {
    const spec = { ...anGiang2018, awards: undefined, nominations: undefined, ballots: undefined };
    const names = renderOutputs(evaluate(spec), spec, undefined, { time: 't', hash: 'h' }).map(
      (b) => b.name,
    );
    expect(names).toContain(S.results);
    expect(names).not.toContain(S.proposals);
  });
});

describe('the report settings of "Cấu hình"', () => {
  const config = (spec: CampaignSpec, complete = false): CellValue[][] =>
    inputSheets(spec, { complete })
      .find((b) => b.name === S.config)!
      .rows.map((r) => [...r]);
  const keys: string[] = Object.values(R.settings);

  test('an old "Cấu hình" without them reads with the defaults and writes none back', () => {
    const rows = config(anGiang2018);
    expect(rows.filter((r) => keys.includes(String(r[0])))).toEqual([]);
    const run = runCampaign({
      sheets: Object.fromEntries(inputSheets(anGiang2018).map((b) => [b.name, b.rows])),
      time: 't',
    });
    if (!run.ok) throw new Error('run failed');
    const results = run.outputs.find((b) => b.name === S.results)!;
    expect(results.report!.font).toEqual({ name: 'Times New Roman', size: 13 });
    expect(results.report!.tables.every((t) => t.subtitle === undefined)).toBe(true);
  });

  test('the template lists each with its note; blank ones are not applied', () => {
    const rows = config(starterCampaign(2, 2026), true);
    expect(rows.filter((r) => keys.includes(String(r[0])))).toEqual([
      [R.settings.reportFont, 'Times New Roman 13', R.notes.reportFont],
      [R.settings.reportSubtitle, null, R.notes.reportSubtitle],
      [R.settings.issuerParent, null, R.notes.issuerParent],
      [R.settings.issuer, null, R.notes.issuer],
    ]);
    const issues: never[] = [];
    const c = parseConfig(rows, issues);
    expect(issues).toEqual([]);
    expect(c.settings.reportFont).toEqual({ name: 'Times New Roman', size: 13 });
    expect(c.settings.reportSubtitle).toBeUndefined();
    expect(c.settings.issuer).toBeUndefined();
    // and the template as a whole reads without an error
    const book = Object.fromEntries(
      templateSheets(starterCampaign(2, 2026)).map((t) => [t.name, t.rows]),
    );
    expect(readSetup(book).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  test.each([
    ['Times New Roman', 'Times New Roman'],
    ['13', '13'],
    ['Arial 99', 'Arial 99'],
    ['Arial 0', 'Arial 0'],
  ])('"%s" is an error at its cell', (value) => {
    const rows = config(anGiang2018);
    rows.splice(3, 0, [R.settings.reportFont, value]);
    const issues: Parameters<typeof parseConfig>[1] = [];
    parseConfig(rows, issues);
    expect(issues.map(formatIssue)).toEqual([
      `Trang tính 'Cấu hình', ô B4: Phông chữ báo cáo "${value}" không hợp lệ: ghi tên phông rồi cỡ chữ từ 6 đến 36, ví dụ "Times New Roman 13".`,
    ]);
  });

  test.each([
    ['Times New Roman 14', { name: 'Times New Roman', size: 14 }],
    ['  arial   12,5 ', { name: 'arial', size: 12.5 }],
    ['Times New Roman, 13', { name: 'Times New Roman', size: 13 }],
    ['Times New Roman 13pt', { name: 'Times New Roman', size: 13 }],
  ])('"%s" reads as a font', (value, font) => {
    const rows = config(anGiang2018);
    rows.splice(3, 0, [R.settings.reportFont, value]);
    const issues: Parameters<typeof parseConfig>[1] = [];
    expect(parseConfig(rows, issues).settings.reportFont).toEqual(font);
    expect(issues).toEqual([]);
  });

  test('a setup saves them and reads them back (round trip), and the run uses them', () => {
    const spec = withSettings(anGiang2018, {
      reportFont: { name: 'Arial', size: 12.5 },
      reportSubtitle: SUBTITLE,
      issuerParent: 'UBND TỈNH AN GIANG',
      issuer: 'SỞ NỘI VỤ',
    });
    for (const complete of [false, true]) {
      const book = Object.fromEntries(setupSheets(spec, { complete }).map((b) => [b.name, b.rows]));
      const { setup, issues } = readSetup(book);
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(setup?.settings).toMatchObject({
        reportFont: { name: 'Arial', size: 12.5 },
        reportSubtitle: SUBTITLE,
        issuerParent: 'UBND TỈNH AN GIANG',
        issuer: 'SỞ NỘI VỤ',
      });
    }
    const doc = reportDocument(evaluate(spec), spec);
    expect(doc.font).toEqual({ name: 'Arial', size: 12.5 });
    expect(doc.issuer).toEqual({ parent: 'UBND TỈNH AN GIANG', body: 'SỞ NỘI VỤ' });
    expect(doc.appendices.map((a) => a.subtitle)).toEqual([SUBTITLE, SUBTITLE]);
  });
});

describe('the Word document', () => {
  test('Phụ lục I: the block tables and the summary; Phụ lục II: the proposals with ballots', () => {
    const ev = evaluate(anGiang2018);
    const doc = reportDocument(ev, anGiang2018);
    expect(doc.issuer).toBeUndefined();
    expect(doc.font).toEqual({ name: 'Times New Roman', size: 13 });
    expect(doc.appendices.map((a) => [a.label, a.heading, a.subtitle])).toEqual([
      ['PHỤ LỤC I', anGiang2018.name.toLocaleUpperCase('vi'), undefined],
      ['PHỤ LỤC II', 'ĐỀ NGHỊ KHEN THƯỞNG', undefined],
    ]);
    const results = renderResults(ev);
    expect(doc.appendices[0].tables.map((t) => t.title)).toEqual(
      results.report!.tables.map((t) => results.rows[t.title][0]),
    );
    const ballots = doc.appendices[1].tables[0].rows.filter((r) =>
      String(r[0]).startsWith('Lấy phiếu'),
    );
    expect(ballots.length).toBeGreaterThan(0);
    const noAwards = {
      ...anGiang2018,
      awards: undefined,
      nominations: undefined,
      ballots: undefined,
    };
    expect(reportDocument(evaluate(noAwards), noAwards).appendices).toHaveLength(1);
  });
});
