/**
 * Highlights in Excel (addin/excelFormat.ts): every highlighted cell filled, through RangeAreas
 * whose addresses stay under ADDRESS_CHARS, so 10,000 highlighted rows take a few dozen queued
 * operations, not 10,000 — all in one request.
 */
import { ADDRESS_CHARS, queueHighlights } from '../../addin/excelFormat';
import type { ExcelRun } from '../../addin/excelHost';
import { HIGHLIGHT_FILL } from '../../shared/workbook/render';
import { FakeExcel } from './fakeExcel';

async function highlight(cells: { row: number; col: number }[]): Promise<FakeExcel> {
  const fake = FakeExcel.fromSheets({ 'Kết quả': [['x']] });
  const run = fake.run as unknown as ExcelRun;
  await run(async (context) => {
    queueHighlights(context.workbook.worksheets.getItem('Kết quả'), cells);
    await context.sync();
  });
  return fake;
}

describe('queueHighlights', () => {
  it('fills exactly the highlighted cells, runs of a row as one area', async () => {
    const fake = await highlight([
      { row: 0, col: 0 },
      { row: 0, col: 1 },
      { row: 0, col: 2 },
      { row: 4, col: 27 },
    ]);
    const fills = fake.sheet('Kết quả')!.fills;
    expect([...fills.keys()].sort()).toEqual(['A1', 'AB5', 'B1', 'C1']);
    expect(new Set(fills.values())).toEqual(new Set([HIGHLIGHT_FILL]));
    expect(fake.syncs).toHaveLength(1);
    expect(fake.syncs[0].writes).toBe(1);
  });

  it('takes a few operations for 10,000 highlighted rows, none for none', async () => {
    const cells = Array.from({ length: 10_000 }, (_, r) =>
      [0, 1, 2, 3].map((col) => ({ row: r + 3, col })),
    ).flat();
    const fake = await highlight(cells);
    expect(fake.sheet('Kết quả')!.fills.size).toBe(40_000);
    // "A4:D4" … "A10003:D10003": about 11 characters an area
    expect(fake.syncs[0].writes).toBeLessThanOrEqual(Math.ceil((10_000 * 12) / ADDRESS_CHARS) + 1);
    expect(fake.syncs[0].writes).toBeGreaterThan(1);
    expect((await highlight([])).syncs[0].writes).toBe(0);
  });
});
