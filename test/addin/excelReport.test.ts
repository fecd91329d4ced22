/**
 * Issue 15, the Excel host: output blocks carrying a report layout (OutputBlock.report) are
 * written as the published appendix — font, titles centred across their table, bordered tables,
 * column alignment, print set-up — in the same request as the values (2 syncs a click whatever
 * the number of units), and a re-rank leaves nothing of the old tables behind.
 * Until the core fills `report`, runCampaign is wrapped here to put one on its blocks
 * (test/hosts/reportLayout.ts) or to hand the host hand-built blocks.
 */
import { generateCampaign } from '../../bench/generate';
import { anGiang2018 } from '../../examples/an-giang-2018';
import { mmToPoints, rankWorkbook, type ExcelRun } from '../../addin/excelHost';
import { vi } from '../../shared/i18n/vi';
import type { CampaignSpec } from '../../shared/model/types';
import type { OutputBlock } from '../../shared/workbook/output';
import { inputSheets } from '../../shared/workbook/inputs';
import { INPUT_SHEETS } from '../../shared/workbook/run';
import { handBuilt, handBuiltRun, withReport } from '../hosts/reportLayout';
import { FakeExcel, type FakeSheet } from './fakeExcel';

let mockOutputs: (outputs: OutputBlock[]) => OutputBlock[] = (o) => o.map(withReport);

jest.mock('../../shared/workbook/run', () => {
  const actual = jest.requireActual('../../shared/workbook/run');
  return {
    ...actual,
    runCampaign: (input: unknown) => {
      const result = actual.runCampaign(input);
      return result.ok ? { ...result, outputs: mockOutputs(result.outputs) } : result;
    },
  };
});

const S = vi.workbook.sheets;
const now = (): Date => new Date(2026, 10, 25, 9, 30, 0);
const runOf = (fake: FakeExcel): ExcelRun => fake.run as unknown as ExcelRun;
const fakeOf = (spec: CampaignSpec): FakeExcel =>
  FakeExcel.fromSheets(Object.fromEntries(inputSheets(spec).map((b) => [b.name, b.rows])));
const selfScored = (spec: CampaignSpec): CampaignSpec => ({
  ...spec,
  units: spec.units.map(({ appraised: _, ...unit }) => unit),
});

const THIN = 'Continuous Thin #000000';

/** The cells (A1-style "r,c") that have any border. */
function bordered(sheet: FakeSheet): Set<string> {
  const out = new Set<string>();
  for (let r = 0; r < 2_000; r++)
    for (let c = 0; c < 30; c++) {
      const b = sheet.format(r, c).borders;
      if (b && Object.values(b).some((x) => x && !x.startsWith('None'))) out.add(`${r},${c}`);
    }
  return out;
}

/** The cells a report's tables border: header and data rows, the table's columns. */
function expectedBorders(block: OutputBlock): Set<string> {
  const out = new Set<string>();
  for (const t of block.report?.tables ?? [])
    for (let r = t.header; r < t.firstRow + t.rows; r++)
      for (let c = t.col; c < t.col + t.cols; c++) out.add(`${r},${c}`);
  return out;
}

afterEach(() => {
  mockOutputs = (o) => o.map(withReport);
});

describe('the published tables', () => {
  it('formats titles, headers, borders, columns and the print set-up in the write request', async () => {
    mockOutputs = handBuiltRun([6, 3]);
    const block = handBuilt([6, 3]);
    const fake = fakeOf(selfScored(anGiang2018));
    const { summary, syncs } = await rankWorkbook(runOf(fake), { now });
    expect(summary.ok).toBe(true);
    expect(syncs).toBe(2);
    expect(fake.syncs).toHaveLength(2);
    const sheet = fake.sheet(S.results) as FakeSheet;
    expect(sheet.grid()).toEqual(
      block.rows
        .map((r) => r.map((v) => (v === '' ? null : v)))
        .map((r) => {
          let end = r.length;
          while (end > 0 && r[end - 1] === null) end--;
          return r.slice(0, end);
        }),
    );
    // The report font on every cell of the block.
    for (let r = 0; r < block.rows.length; r++)
      for (let c = 0; c < 5; c++)
        expect(sheet.format(r, c)).toMatchObject({ fontName: 'Times New Roman', fontSize: 13 });
    for (const t of block.report?.tables ?? []) {
      // Title and subtitle centred across the table's five columns, not merged.
      for (let c = 0; c < 5; c++) {
        expect(sheet.format(t.title, c).horizontalAlignment).toBe('CenterAcrossSelection');
        expect(sheet.format(t.subtitle as number, c)).toMatchObject({
          horizontalAlignment: 'CenterAcrossSelection',
          italic: true,
        });
        expect(sheet.format(t.header, c)).toMatchObject({
          horizontalAlignment: 'Center',
          wrapText: true,
        });
      }
      expect(sheet.bold.has(t.title)).toBe(true);
      expect(sheet.bold.has(t.header)).toBe(true);
      // Every cell of header and data rows has four thin black sides.
      for (let r = t.header; r < t.firstRow + t.rows; r++)
        for (let c = 0; c < 5; c++)
          expect(sheet.format(r, c).borders).toEqual({
            top: THIN,
            bottom: THIN,
            left: THIN,
            right: THIN,
          });
      // Columns: STT centred, names and notes wrapped and left, numbers right.
      const data = t.firstRow;
      expect(sheet.format(data, 0)).toMatchObject({
        horizontalAlignment: 'Center',
        wrapText: false,
      });
      expect(sheet.format(data, 1)).toMatchObject({ horizontalAlignment: 'Left', wrapText: true });
      expect(sheet.format(data, 2)).toMatchObject({
        horizontalAlignment: 'Right',
        wrapText: false,
      });
      expect(sheet.format(data, 4)).toMatchObject({ horizontalAlignment: 'Left', wrapText: true });
    }
    // Nothing outside the tables is bordered (titles, the empty row between tables).
    expect(bordered(sheet)).toEqual(expectedBorders(block));
    expect(sheet.merges).toEqual([]);
    expect(sheet.numberFormats.get('C4')).toBe('0.00');
    expect(sheet.page).toEqual({
      paperSize: 'A4',
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      topMargin: mmToPoints(20),
      bottomMargin: mmToPoints(20),
      leftMargin: mmToPoints(30),
      rightMargin: mmToPoints(15),
      printTitleRows: '$3:$3',
      centerFooter: 'Trang &P/&N',
    });
    expect(mmToPoints(25.4)).toBe(72);
    // Inputs untouched: no format, no page set-up.
    for (const name of INPUT_SHEETS) {
      const input = fake.sheet(name);
      if (!input) continue;
      expect({ name, cells: input.cells.size, page: input.page }).toEqual({
        name,
        cells: 0,
        page: {},
      });
    }
  });

  it.each([10, 500])(
    'a campaign of %i units (4 blocks) ranks in 2 syncs with the same number of writes',
    async (units) => {
      const fake = fakeOf(selfScored(generateCampaign(units, 20, 5)));
      const { summary, syncs } = await rankWorkbook(runOf(fake), { now });
      expect(summary.ok).toBe(true);
      expect(syncs).toBe(2);
      const results = fake.sheet(S.results) as FakeSheet;
      expect(results.page.orientation).toBe('Landscape');
      expect(results.format(3, 0).borders?.top).toBe(THIN);
      // The operations of the write request do not depend on the number of units: the same
      // count for 10 and 500 units, but for highlights (a proposal's row, a tie), which depend
      // on the data: one RangeAreas fill per highlighted sheet while the addresses fit.
      expect(fake.syncs[1].writes).toBeGreaterThanOrEqual(WRITES_FOR_4_BLOCKS - 2);
      expect(fake.syncs[1].writes).toBeLessThanOrEqual(WRITES_FOR_4_BLOCKS + 2);
    },
  );
});

/** Queued writes of the write request for generateCampaign(n, 20, 5) self-scored, any n. */
let WRITES_FOR_4_BLOCKS = 0;
beforeAll(async () => {
  const fake = fakeOf(selfScored(generateCampaign(10, 20, 5)));
  await rankWorkbook(runOf(fake), { now });
  WRITES_FOR_4_BLOCKS = fake.syncs[1].writes;
});

describe('a re-rank', () => {
  it('with fewer units and blocks leaves no border, merge or format of the old tables', async () => {
    mockOutputs = handBuiltRun([40, 30, 20, 10]);
    const fake = fakeOf(selfScored(anGiang2018));
    await rankWorkbook(runOf(fake), { now });
    const sheet = fake.sheet(S.results) as FakeSheet;
    expect(bordered(sheet).size).toBe(expectedBorders(handBuilt([40, 30, 20, 10])).size);
    // Someone merged cells of the old table by hand.
    sheet.merges.push('A30:E30', 'B60:C61');
    mockOutputs = handBuiltRun([3]);
    const { summary, syncs } = await rankWorkbook(runOf(fake), { now });
    expect(summary.ok).toBe(true);
    expect(syncs).toBe(2);
    const block = handBuilt([3]);
    expect(bordered(sheet)).toEqual(expectedBorders(block));
    expect(sheet.merges).toEqual([]);
    // Below and beside the new table: no format at all.
    for (const [key, format] of sheet.cells) {
      const m = /^([A-Z]+)(\d+)$/.exec(key) as RegExpExecArray;
      const row = Number(m[2]) - 1;
      const col = m[1].charCodeAt(0) - 65;
      if (row >= block.rows.length || col >= 5)
        expect({ key, format }).toEqual({ key, format: {} });
    }
    expect(sheet.grid()).toHaveLength(block.rows.length);
  });

  it('that fails writes nothing: the formatted sheet stays as it was', async () => {
    mockOutputs = handBuiltRun([5, 5]);
    const fake = fakeOf(selfScored(anGiang2018));
    await rankWorkbook(runOf(fake), { now });
    const sheet = fake.sheet(S.results) as FakeSheet;
    const before = JSON.stringify([...sheet.cells, sheet.page, sheet.values]);
    const syncsBefore = fake.syncs.length;
    // A score that is not a number: the run fails.
    const scores = fake.sheet(S.self) as FakeSheet;
    scores.values[scores.values.length - 1][4] = 'mười';
    const { summary } = await rankWorkbook(runOf(fake), { now });
    expect(summary.ok).toBe(false);
    expect(fake.syncs.length - syncsBefore).toBe(1); // the read only
    expect(JSON.stringify([...sheet.cells, sheet.page, sheet.values])).toBe(before);
  });
});

describe('without ExcelApi 1.9', () => {
  it('skips the print set-up and writes everything else', async () => {
    const fake = fakeOf(selfScored(anGiang2018));
    fake.pageLayoutApi = false;
    const { summary, syncs } = await rankWorkbook(runOf(fake), { now, printSupported: false });
    expect(summary.ok).toBe(true);
    expect(syncs).toBe(2);
    const results = fake.sheet(S.results) as FakeSheet;
    expect(results.page).toEqual({});
    expect(results.format(3, 0).borders?.top).toBe(THIN);
  });

  it('(the fake refuses a request that uses pageLayout there, as Excel does)', async () => {
    const fake = fakeOf(selfScored(anGiang2018));
    fake.pageLayoutApi = false;
    await expect(rankWorkbook(runOf(fake), { now, printSupported: true })).rejects.toThrow(
      /ApiNotFound/,
    );
  });
});
