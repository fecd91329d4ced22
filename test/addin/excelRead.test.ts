/**
 * Reading large campaigns on Excel on the web, where a request and its response are each
 * limited to 5 MB (the fake refuses a larger response as Excel does, with
 * ResponsePayloadSizeLimitExceeded): one read for ordinary sizes; past the limit, the sheets are
 * read again in row chunks of about 4 MB, and the result is the same as on desktop Excel.
 */
import { generateCampaign } from '../../bench/generate';
import { anGiang2018 } from '../../examples/an-giang-2018';
import { loadSetup, rankWorkbook, type ExcelRun } from '../../addin/excelHost';
import { planChunks, READ_LIMIT } from '../../addin/excelRead';
import { vi } from '../../shared/i18n/vi';
import type { CampaignSpec } from '../../shared/model/types';
import { inputSheets } from '../../shared/workbook/inputs';
import { OUTPUT_SHEETS } from '../../shared/workbook/run';
import { FakeExcel } from './fakeExcel';

const S = vi.workbook.sheets;
const NOW = new Date(2026, 10, 25, 9, 30, 0);
const now = (): Date => NOW;
const MB5 = 5_000_000;

function fakeOf(spec: CampaignSpec): FakeExcel {
  return FakeExcel.fromSheets(Object.fromEntries(inputSheets(spec).map((b) => [b.name, b.rows])));
}
const runOf = (fake: FakeExcel): ExcelRun => fake.run as unknown as ExcelRun;
/** Desktop Excel: no payload limits. */
function desktop(fake: FakeExcel): FakeExcel {
  fake.payloadLimit = Infinity;
  fake.responseLimit = Infinity;
  return fake;
}
const snapshot = (fake: FakeExcel): string =>
  JSON.stringify(OUTPUT_SHEETS.map((n) => fake.sheet(n)?.grid() ?? null));

describe('the fake refuses a response over 5 MB, as Excel on the web does', () => {
  it('throws ResponsePayloadSizeLimitExceeded and loads nothing', async () => {
    const fake = FakeExcel.fromSheets({
      big: [Array.from({ length: 2_000 }, () => 'x'.repeat(3_000))],
    });
    await expect(
      fake.run(async (context: never) => {
        const ctx = context as unknown as Excel.RequestContext;
        const used = ctx.workbook.worksheets.getItem('big').getUsedRangeOrNullObject(true);
        used.load('values');
        try {
          await ctx.sync();
        } catch (e) {
          expect(() => used.values).toThrow(/PropertyNotLoaded/);
          throw e;
        }
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(fake.syncs[0].response).toBeGreaterThan(MB5);
  });
});

describe('large campaigns on Excel on the web', () => {
  it('reads 10,000 units × 40 criteria in one response under the limit', async () => {
    const fake = fakeOf(generateCampaign(10_000, 40, 7));
    const { summary, syncs } = await rankWorkbook(runOf(fake), { now });
    expect(summary.ok).toBe(true);
    expect(fake.syncs[0].writes).toBe(0);
    expect(fake.syncs[0].response).toBeLessThan(MB5);
    expect(syncs).toBe(fake.syncs.length);
  });

  it('reads 10,000 units × 150 criteria in chunks under 5 MB, as desktop Excel reads it whole', async () => {
    const spec = generateCampaign(10_000, 150, 5);
    const whole = desktop(fakeOf(spec));
    const onDesktop = await rankWorkbook(runOf(whole), { now });
    expect(onDesktop.summary.ok).toBe(true);
    expect(whole.syncs[0].response).toBeGreaterThan(MB5); // too large for the web in one go

    const web = fakeOf(spec);
    const { summary, syncs } = await rankWorkbook(runOf(web), { now });
    expect(summary.ok).toBe(true);
    expect(syncs).toBe(web.syncs.length);
    // One refused read, one for the sizes, then ~4 MB per response; then the writes.
    for (const s of web.syncs.slice(1)) expect(s.response).toBeLessThan(4_500_000);
    for (const s of web.syncs) expect(s.payload).toBeLessThan(4_500_000);
    // docs/excel.md: 1 refused + 1 sizes + 6 chunks, then the same 8 writes as on desktop.
    const reads = web.syncs.filter((s) => s.writes === 0).length;
    expect(reads).toBeLessThanOrEqual(8);
    expect(syncs - reads).toBe(onDesktop.syncs - 1);
    expect(snapshot(web)).toBe(snapshot(whole));
    expect(web.sheet(S.results)?.grid().length).toBeGreaterThan(10_000);
  });

  it('reads a second run of an appraised 10,000-unit campaign (its previous outputs too)', async () => {
    const fake = fakeOf(generateCampaign(10_000, 40, 7));
    expect((await rankWorkbook(runOf(fake), { now })).summary.ok).toBe(true);
    fake.syncs = [];
    const again = await rankWorkbook(runOf(fake), { now });
    expect(again.summary.ok).toBe(true);
    for (const s of fake.syncs) expect(s.payload).toBeLessThan(4_500_000);
    // The record of appraised cells read back pushes the whole read past 5 MB.
    expect(fake.syncs[0].response).toBeGreaterThan(MB5);
    expect(fake.syncs.slice(1).every((s) => s.response < MB5)).toBe(true);
    expect(fake.sheet(S.history)?.grid().length).toBeGreaterThan(0);
  });

  it('keeps a small campaign at one read, and the setup load at one sync', async () => {
    const fake = fakeOf(anGiang2018);
    const { syncs } = await rankWorkbook(runOf(fake), { now });
    expect(syncs).toBe(2);
    const setup = fakeOf(anGiang2018);
    await loadSetup(runOf(setup));
    expect(setup.syncs).toHaveLength(1);
  });

  it('halves a chunk whose cells are longer than estimated, and still reads it all', async () => {
    // Unit names of ~2,000 characters: far heavier than the first estimate per cell.
    const spec = generateCampaign(200, 40, 3);
    const sheets = Object.fromEntries(
      inputSheets(spec).map((b) => [b.name, b.rows.map((r) => [...r])]),
    );
    sheets[S.units].forEach((row, r) => {
      if (r > 0) row[1] = `${String(row[1])} ${'ư'.repeat(2_000)}`;
    });
    const whole = desktop(FakeExcel.fromSheets(sheets));
    const base = await rankWorkbook(runOf(whole), { now });
    const fake = FakeExcel.fromSheets(sheets);
    fake.responseLimit = 300_000;
    const { summary } = await rankWorkbook(runOf(fake), { now, readLimit: 240_000 });
    expect(summary).toEqual(base.summary);
    const refused = fake.syncs.filter((s) => s.response > 300_000).length;
    expect(refused).toBeGreaterThanOrEqual(2); // the whole read, then the first chunk
    expect(fake.syncs.filter((s) => s.writes === 0).length).toBeGreaterThan(refused + 2);
    expect(snapshot(fake)).toBe(snapshot(whole));
  });
});

describe('planChunks', () => {
  it('packs rows of several sheets into requests of at most the limit', () => {
    const plan = planChunks(
      [
        { name: 'a', rows: 100, cols: 10, bytesPerCell: 10 },
        { name: 'b', rows: 50, cols: 1_000, bytesPerCell: 10 },
      ],
      READ_LIMIT / 100,
    );
    for (const request of plan) {
      const bytes = request.reduce((n, c) => n + c.rows * c.cols * 10, 0);
      expect(bytes).toBeLessThanOrEqual(READ_LIMIT / 100);
    }
    const cells = plan.flat().reduce((n, c) => n + c.rows * c.cols, 0);
    expect(cells).toBe(100 * 10 + 50 * 1_000);
  });

  it('splits a row wider than a request by columns', () => {
    const plan = planChunks([{ name: 'w', rows: 2, cols: 1_000, bytesPerCell: 100 }], 30_000);
    expect(plan.flat().every((c) => c.rows === 1 && c.cols * 100 <= 30_000)).toBe(true);
    expect(plan.flat().reduce((n, c) => n + c.cols, 0)).toBe(2_000);
  });
});
