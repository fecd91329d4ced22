/**
 * "Xếp hạng giai đoạn" from the pane (issue 17), over both hosts. Excel: three yearly ranked
 * workbooks (the example campaign ranked by the core, its year changed to 2021–2023 and its
 * indices moved by year; one unit absent in 2021) are picked in the card; one click writes
 * "Kết quả giai đoạn" (and the period award's proposals) into the open workbook in 2 syncs, every
 * unit listed with the mean the core computes (and, for one unit, by hand), the campaign's sheets
 * untouched; a later run without an award removes the old proposals. A file that is not a ranked
 * workbook writes nothing (no sync) and is named with its sheet and cell. Sheets: the card says
 * the period is ranked in Excel or by the CLI. axe clean on the card.
 */
import type { Page } from 'playwright-core';
import { vi } from '../../shared/i18n/vi';
import type { CellValue } from '../../shared/model/types';
import { rankPeriod } from '../../shared/period/period';
import { runCampaign } from '../../shared/workbook/run';
import { buildWorkbook } from '../../xlsx';
import { exampleWorkbook } from './fixtures';
import { hostTests, type HostSession, type Workbook } from './hosts';

const T = vi.periodPane;
const P = vi.period;
const S = vi.workbook.sheets;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The example's "Kết quả" as ranked by the core. */
function exampleResults(): CellValue[][] {
  const r = runCampaign({ sheets: exampleWorkbook(), time: '2026-01-01 08:00:00' });
  if (!r.ok) throw new Error('the example does not rank');
  const sheet = r.outputs.find((o) => o.name === S.results);
  if (!sheet) throw new Error('no Kết quả');
  return sheet.rows.map((row) => [...(row as CellValue[])]);
}

/** Index points added in each year (so the means differ from any one year). */
const SHIFT: Record<number, number> = { 2021: -1, 2022: 0, 2023: 2 };
const ABSENT_2021 = 'SXD';

/** One year's "Kết quả": the example's, titled with that year, indices shifted. */
function yearGrid(year: number): CellValue[][] {
  const rows = exampleResults();
  let index = -1;
  let code = -1;
  const out: CellValue[][] = [];
  for (const row of rows) {
    if (row.includes(P.read.index) && row.includes(P.read.code)) {
      index = row.indexOf(P.read.index);
      code = row.indexOf(P.read.code);
      out.push(row);
      continue;
    }
    if (typeof row[0] === 'string' && row.length === 1) {
      out.push([row[0].replace('NĂM 2018', `NĂM ${year}`)]);
      continue;
    }
    if (index >= 0 && typeof row[index] === 'number' && typeof row[code] === 'string') {
      if (year === 2021 && row[code] === ABSENT_2021) continue;
      const shifted = [...row];
      shifted[index] = Math.round(((row[index] as number) + SHIFT[year]) * 100) / 100;
      out.push(shifted);
      continue;
    }
    if (row.length === 0) index = -1;
    out.push(row);
  }
  return out;
}

const YEARS = [2021, 2022, 2023];
const yearFile = (year: number) => ({
  name: `ket-qua-${year}.xlsx`,
  mimeType: XLSX,
  buffer: Buffer.from(buildWorkbook([{ name: S.results, rows: yearGrid(year) }])),
});

/** Opens the card and picks files. */
async function pick(
  s: HostSession,
  files: { name: string; mimeType: string; buffer: Buffer }[],
): Promise<void> {
  await s.page.getByLabel(T.pick).setInputFiles(files);
  await s.page.locator('[data-period="picked"]').waitFor();
}

async function open(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: T.title, exact: true }).first();
  await toggle.click();
  await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
}

/** "Kết quả giai đoạn": unit code → its row, with the header row's columns. */
function periodRows(book: Workbook): { rows: Map<string, CellValue[]>; mean: number } {
  const grid = book[P.sheets.results] ?? [];
  const header = grid.find((r) => r.includes(P.header.mean)) ?? [];
  const code = header.indexOf(P.header.unitCode);
  const rows = new Map<string, CellValue[]>();
  let inTable = false;
  for (const r of grid) {
    if (r.includes(P.header.mean)) inTable = true;
    else if (!r.some((v) => v !== null && v !== '')) inTable = false;
    else if (inTable && typeof r[code] === 'string') rows.set(r[code] as string, r);
  }
  return { rows, mean: header.indexOf(P.header.mean) };
}

const without = (book: Workbook, ...names: string[]): Workbook =>
  Object.fromEntries(Object.entries(book).filter(([n]) => !names.includes(n)));

hostTests(
  'period: three yearly workbooks picked, the period written into the workbook',
  async (s) => {
    await s.open();
    await open(s.page);
    if (s.host === 'sheets') {
      // No file picking in the sidebar: the card says where the period is ranked.
      await expect(s.page.locator('[data-period="note"]').textContent()).resolves.toBe(
        T.sheetsNote,
      );
      await expect(s.page.locator('input[type="file"]').count()).resolves.toBe(0);
      expect(await s.axe('.xh-period')).toEqual([]);
      return;
    }
    const before = await s.workbook();
    const calls = await s.hostCalls();
    // Given in any order: the years come from the tables' titles.
    await pick(s, [yearFile(2023), yearFile(2021), yearFile(2022)]);
    await s.page.getByLabel(T.awardName).fill('Bằng khen giai đoạn');
    await s.page.getByLabel(T.quota).fill('1');
    await s.page.getByLabel(T.everyYear).check();
    expect(await s.axe('.xh-period')).toEqual([]);
    await s.page.getByRole('button', { name: T.button, exact: true }).last().click();
    const done = s.page.locator('[data-period="done"]');
    await done.waitFor();
    const after = await s.hostCalls();
    expect((after.syncs ?? 0) - (calls.syncs ?? 0)).toBe(2);
    expect((after.runs ?? 0) - (calls.runs ?? 0)).toBe(1);

    const book = await s.workbook();
    // The campaign's sheets are untouched; the period sheets are added.
    expect(without(book, P.sheets.results, P.sheets.proposals)).toEqual(before);
    const core = rankPeriod(
      YEARS.map((y) => ({ file: `ket-qua-${y}.xlsx`, grid: yearGrid(y) })),
      { awards: [{ name: 'Bằng khen giai đoạn', quota: 1, everyYear: true }] },
    );
    if (!core.ok) throw new Error('core refused');
    const units = core.result.blocks.flatMap((b) => b.units);
    const { rows, mean } = periodRows(book);
    expect([...rows.keys()].sort()).toEqual(units.map((u) => u.code).sort());
    expect(units.length).toBe(exampleWorkbook()[S.units].length - 1);
    for (const u of units) {
      expect(rows.get(u.code)?.[mean]).toBe(u.mean === null ? null : u.mean / 1e6);
    }
    // By hand: Sở Tư pháp 98.57 each year, shifted -1, 0, +2 → (97.57 + 98.57 + 100.57) / 3.
    expect(rows.get('STP')?.[mean]).toBe(98.9);
    // The unit absent in 2021: its mean over its two years.
    expect(rows.get(ABSENT_2021)?.[mean]).toBe(Math.round(((79.99 + 81.99) / 2) * 100) / 100);
    const proposals = book[P.sheets.proposals] ?? [];
    expect(proposals.flat()).toContain('Bằng khen giai đoạn');
    expect(proposals.flat()).not.toContain(ABSENT_2021);
    await expect(done.textContent()).resolves.toContain(
      `Đã ghi kết quả giai đoạn 2021–2023 (3 năm, ${units.length} đơn vị`,
    );
    expect(await s.axe('.xh-period')).toEqual([]);
    await s.screenshot('period');

    // Again without an award: the old proposals are not left beside the new result.
    await s.page.getByLabel(T.awardName).fill('');
    await s.page.getByRole('button', { name: T.button, exact: true }).last().click();
    await s.page.locator('[data-period="done"]').waitFor();
    const again = await s.workbook();
    expect(again[P.sheets.proposals]).toBeUndefined();
    // The same means; only the notes lose "Đề nghị …".
    const rerun = periodRows(again);
    expect([...rerun.rows].map(([c, r]) => [c, r[rerun.mean]])).toEqual(
      [...rows].map(([c, r]) => [c, r[mean]]),
    );
    expect(JSON.stringify(again[P.sheets.results])).not.toContain('Bằng khen giai đoạn');
    expect(without(again, P.sheets.results)).toEqual(before);
  },
);

hostTests(
  'period: a file that is not a ranked workbook writes nothing and is named',
  async (s) => {
    await s.open();
    await open(s.page);
    const before = await s.workbook();
    const calls = await s.hostCalls();
    await pick(s, [
      yearFile(2021),
      {
        name: 'bao-cao.xlsx',
        mimeType: XLSX,
        buffer: Buffer.from(buildWorkbook([{ name: 'Trang tính1', rows: [['x']] }])),
      },
      {
        name: 'ket-qua-2022.xlsx',
        mimeType: XLSX,
        buffer: Buffer.from(buildWorkbook([{ name: S.results, rows: [['Bảng khác'], [1, 2]] }])),
      },
      { name: 'ghi-chu.xlsx', mimeType: XLSX, buffer: Buffer.from('không phải xlsx') },
    ]);
    await s.page.getByRole('button', { name: T.button, exact: true }).last().click();
    const errors = s.page.locator('[data-period="errors"]');
    await errors.waitFor();
    const items = await errors.locator('li').allTextContents();
    expect(items).toEqual([
      expect.stringMatching(/^Tệp bao-cao\.xlsx: .*"Kết quả"/),
      expect.stringMatching(/^Tệp ghi-chu\.xlsx: /),
    ]);
    // Files are read before anything else: Excel is not even opened.
    expect(await s.hostCalls()).toEqual(calls);
    expect(await s.workbook()).toEqual(before);

    // The header-less "Kết quả" alone: named by file, sheet and cell.
    await pick(s, [
      yearFile(2021),
      {
        name: 'ket-qua-2022.xlsx',
        mimeType: XLSX,
        buffer: Buffer.from(buildWorkbook([{ name: S.results, rows: [['Bảng khác'], [1, 2]] }])),
      },
    ]);
    await s.page.getByRole('button', { name: T.button, exact: true }).last().click();
    await expect(errors.locator('li').allTextContents()).resolves.toEqual([
      `Tệp ket-qua-2022.xlsx, trang tính 'Kết quả', ô A1: ${P.errors.noHeader}`,
    ]);
    // Text only: the cell is in the picked file, not in this workbook.
    await expect(errors.locator('button').count()).resolves.toBe(0);
    expect(await s.hostCalls()).toEqual(calls);
    expect(await s.workbook()).toEqual(before);
    expect(await s.axe('.xh-period')).toEqual([]);
  },
  { hosts: ['excel'] },
);
