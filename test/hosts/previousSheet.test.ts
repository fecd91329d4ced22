/**
 * "Kết quả năm trước" in the hosts (issue 17): "Xếp hạng" reads it in its one batch when it
 * exists (Excel: the same read sync; Sheets: one getValues more) and not when it does not, and
 * never writes it; last year's ranked .xlsx is read into it (the Excel host, the memory bridge):
 * its "Kết quả" values, one sync to find the sheet and one to write it, nothing else touched;
 * a file without "Kết quả" or damaged writes nothing.
 */
import { rankWorkbook, type ExcelRun } from '../../addin/excelHost';
import { loadPreviousFile } from '../../addin/excelPrevious';
import { rankSpreadsheet, type SheetsEnv } from '../../gas/sheetsHost';
import { formatMessage, vi } from '../../shared/i18n/vi';
import type { CellValue } from '../../shared/model/types';
import { PREVIOUS_SHEET, previousUnitCount } from '../../shared/workbook/previousSheet';
import { runCampaign } from '../../shared/workbook/run';
import { bytesToBase64 } from '../../ui/base64';
import { memoryBridge } from '../../ui/memoryBridge';
import { buildWorkbook } from '../../xlsx';
import { readPreviousFile } from '../../xlsx/previousFile';
import { FakeExcel } from '../addin/fakeExcel';
import { FakeSpreadsheet } from '../gas/fakeSheets';
import { exampleWorkbook } from '../ui/fixtures';

const S = vi.workbook.sheets;
const NOW = new Date(2026, 10, 25, 9, 30, 0);
const runOf = (fake: FakeExcel): ExcelRun => fake.run as unknown as ExcelRun;

function envOf(book: FakeSpreadsheet): SheetsEnv {
  const g = book.globals();
  return {
    app: g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    lock: g.LockService as GoogleAppsScript.Lock.LockService,
    session: g.Session as GoogleAppsScript.Base.Session,
    now: () => NOW,
  };
}

/** Last year's "Kết quả": the example ranked (its rows as the run writes them). */
function lastYearResults(): CellValue[][] {
  const run = runCampaign({ sheets: exampleWorkbook(), time: '2025-11-25 09:00:00' });
  if (!run.ok) throw new Error('the example does not rank');
  const results = run.outputs.find((o) => o.name === S.results);
  return (results?.rows ?? []).map((r) => r.map((v) => (v === undefined ? null : v)));
}

/** A marker no other sheet holds: the read's response grows by it when the sheet is read. */
const MARKER = 'năm-trước-'.repeat(50);
const previousRows = (): CellValue[][] => [...lastYearResults(), [MARKER]];

describe('"Xếp hạng" reads "Kết quả năm trước" in its one read', () => {
  it('Excel: the same two syncs; the read sync carries the sheet when present; never written', async () => {
    const absent = FakeExcel.fromSheets(exampleWorkbook());
    const a = await rankWorkbook(runOf(absent), { now: () => NOW });
    const present = FakeExcel.fromSheets({
      ...exampleWorkbook(),
      [PREVIOUS_SHEET]: previousRows(),
    });
    const before = present.sheet(PREVIOUS_SHEET)?.grid();
    const p = await rankWorkbook(runOf(present), { now: () => NOW });
    expect(a.summary.ok && p.summary.ok).toBe(true);
    expect([a.syncs, p.syncs]).toEqual([2, 2]);
    expect(present.syncs[0].writes).toBe(0);
    // The first (read) sync's response holds the sheet's values: at least the marker's JSON.
    expect(present.syncs[0].response - absent.syncs[0].response).toBeGreaterThanOrEqual(
      JSON.stringify(MARKER).length,
    );
    expect(present.sheet(PREVIOUS_SHEET)?.grid()).toEqual(before);
  });

  it('Sheets: one getValues more when present, none when absent; never written', () => {
    const absent = FakeSpreadsheet.fromSheets(exampleWorkbook());
    expect(rankSpreadsheet(envOf(absent)).ok).toBe(true);
    const present = FakeSpreadsheet.fromSheets({
      ...exampleWorkbook(),
      [PREVIOUS_SHEET]: previousRows(),
    });
    const before = present.sheet(PREVIOUS_SHEET)?.grid();
    expect(rankSpreadsheet(envOf(present)).ok).toBe(true);
    expect(present.calls.get('Range.getValues') - absent.calls.get('Range.getValues')).toBe(1);
    expect(present.sheet(PREVIOUS_SHEET)?.grid()).toEqual(before);
  });

  it('memory bridge: read in the run batch when present, never written', async () => {
    const bridge = memoryBridge({ ...exampleWorkbook(), [PREVIOUS_SHEET]: previousRows() });
    const before = JSON.stringify(bridge.sheets[PREVIOUS_SHEET]);
    expect((await bridge.rank()).ok).toBe(true);
    expect(bridge.stats.reads).toBe(1);
    expect(bridge.stats.sheetsRead).toContain(PREVIOUS_SHEET);
    expect(bridge.stats.sheetsWritten).not.toContain(PREVIOUS_SHEET);
    expect(JSON.stringify(bridge.sheets[PREVIOUS_SHEET])).toBe(before);
  });
});

describe('last year\'s ranked workbook into "Kết quả năm trước"', () => {
  const results = lastYearResults();
  const file = {
    name: 'dot-2024.xlsx',
    base64: bytesToBase64(buildWorkbook([{ name: S.results, rows: results }])),
  };
  /** The example's units: every code of "Đơn vị". */
  const units = exampleWorkbook()[S.units].length - 1;

  it('counts each unit of the block tables once', () => {
    expect(previousUnitCount(results)).toBe(units);
  });

  it('Excel: one sync finds the sheet, one writes it; its values are "Kết quả" as the file holds it', async () => {
    const fake = FakeExcel.fromSheets(exampleWorkbook());
    const inputs = JSON.stringify(fake.sheets.map((s) => [s.name, s.grid()]));
    const { result, syncs } = await loadPreviousFile(runOf(fake), file);
    expect(result).toEqual({ ok: true, units, sheet: PREVIOUS_SHEET });
    expect(syncs).toBe(2);
    expect(fake.syncs).toHaveLength(2);
    expect(fake.syncs[0].writes).toBe(0);
    expect(fake.sheet(PREVIOUS_SHEET)?.grid()).toEqual(
      FakeExcel.fromSheets({ x: results }).sheet('x')?.grid(),
    );
    // Nothing else changed.
    const others = fake.sheets.filter((s) => s.name !== PREVIOUS_SHEET);
    expect(JSON.stringify(others.map((s) => [s.name, s.grid()]))).toBe(inputs);
    // Loaded again: replaced, not appended to.
    await loadPreviousFile(runOf(fake), file);
    expect(fake.sheet(PREVIOUS_SHEET)?.grid()).toEqual(
      FakeExcel.fromSheets({ x: results }).sheet('x')?.grid(),
    );
  });

  it('a code that reads as a number stays text', async () => {
    const rows = results.map((r) => [...r]);
    const header = rows.findIndex((r) => r.includes(vi.reportLayout.unitCode));
    const c = rows[header].indexOf(vi.reportLayout.unitCode);
    rows[header + 1][c] = '0012';
    const fake = FakeExcel.fromSheets(exampleWorkbook());
    const upload = {
      name: 'a.xlsx',
      base64: bytesToBase64(buildWorkbook([{ name: S.results, rows }])),
    };
    expect((await loadPreviousFile(runOf(fake), upload)).result.ok).toBe(true);
    expect(fake.sheet(PREVIOUS_SHEET)?.grid()[header + 1][c]).toBe('0012');
  });

  it.each([
    [
      'no "Kết quả"',
      bytesToBase64(buildWorkbook([{ name: 'Trang 1', rows: [['x']] }])),
      `Tệp dot-2024.xlsx: ${formatMessage(vi.previousHost.noResults, { sheet: S.results })}`,
    ],
    [
      'not an .xlsx',
      bytesToBase64(new TextEncoder().encode('không phải sổ tính')),
      `Tệp dot-2024.xlsx: ${formatMessage(vi.xlsx.notXlsx, { label: '"dot-2024.xlsx"' })}`,
    ],
  ])('%s: an error naming the file; nothing written (Excel, memory)', async (_, base64, text) => {
    const fake = FakeExcel.fromSheets(exampleWorkbook());
    const { result, syncs } = await loadPreviousFile(runOf(fake), { name: file.name, base64 });
    expect(result).toEqual({ ok: false, errors: [{ severity: 'error', text }] });
    expect(syncs).toBe(0);
    expect(fake.syncs).toHaveLength(0);
    const bridge = memoryBridge(exampleWorkbook());
    expect(await bridge.loadPrevious?.({ name: file.name, base64 })).toEqual({
      ok: false,
      errors: [{ severity: 'error', text }],
    });
    expect(bridge.stats.writes).toBe(0);
  });
});

describe("a picked file carries last year's staff", () => {
  it('adds "Biên chế" from its "Đơn vị" beside each table, as rank --previous does', () => {
    const results: CellValue[][] = [
      ['KẾT QUẢ'],
      [
        vi.report.stt,
        vi.reportLayout.unitCode,
        vi.report.unitName,
        vi.report.index,
        vi.report.rank,
      ],
      [1, 'A', 'Sở A', 90, 1],
      [2, 'B', 'Sở B', 80, 2],
    ];
    const units: CellValue[][] = [
      [vi.workbook.headers.unitCode, vi.workbook.headers.unitName, vi.workbook.headers.staff],
      ['A', 'Sở A', 40],
      ['B', 'Sở B', 25],
    ];
    const bytes = buildWorkbook([
      { name: S.units, rows: units },
      { name: S.results, rows: results },
    ]);
    const read = readPreviousFile('2024.xlsx', bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.units).toBe(2);
    expect(read.rows[1]).toContain(vi.previousYear.staff);
    const staffCol = read.rows[1].indexOf(vi.previousYear.staff);
    expect([read.rows[2][staffCol], read.rows[3][staffCol]]).toEqual([40, 25]);
  });
});
