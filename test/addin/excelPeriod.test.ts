/**
 * The Excel host's period ranking (addin/excelPeriod.ts) over the counting FakeExcel: a
 * protected "Kết quả giai đoạn" stops the write (named, nothing written, one sync); options
 * reach the core (an award name of spaces is no award).
 */
import { periodSettings, rankPeriodFiles } from '../../addin/excelPeriod';
import type { ExcelRun } from '../../addin/excelHost';
import { vi } from '../../shared/i18n/vi';
import { buildWorkbook } from '../../xlsx';
import { bytesToBase64 } from '../../ui/base64';
import { FakeExcel } from './fakeExcel';

const P = vi.period;

const year = (y: number) => ({
  name: `${y}.xlsx`,
  base64: bytesToBase64(
    buildWorkbook([
      {
        name: vi.workbook.sheets.results,
        rows: [
          [`KẾT QUẢ NĂM ${y} — KHỐI A`],
          ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Chỉ số (%)', 'Xếp hạng', 'Xếp loại'],
          [1, 'A1', 'Đơn vị 1', 80 + (y - 2021), 1, 'Tốt'],
          [2, 'A2', 'Đơn vị 2', 70, 2, 'Khá'],
        ],
      },
    ]),
  ),
});

test('a protected period sheet: named, nothing written', async () => {
  const fake = FakeExcel.fromSheets({ [P.sheets.results]: [['cũ']] });
  fake.sheet(P.sheets.results)!.protected = true;
  const out = await rankPeriodFiles(fake.run as unknown as ExcelRun, [year(2021), year(2022)], {
    minYears: 1,
  });
  expect(out.summary).toEqual({
    ok: false,
    errors: [
      {
        severity: 'error',
        text: expect.stringContaining(P.sheets.results),
        sheet: P.sheets.results,
      },
    ],
  });
  expect(out.syncs).toBe(1);
  expect(fake.sheet(P.sheets.results)!.grid()).toEqual([['cũ']]);
  expect(fake.syncs.reduce((n, s) => n + s.writes, 0)).toBe(0);
});

test('written in two syncs: A1 mean 80.5 over 2021–2022', async () => {
  const fake = FakeExcel.fromSheets({ 'Đơn vị': [['x']] });
  const out = await rankPeriodFiles(
    fake.run as unknown as ExcelRun,
    [year(2022), year(2021)],
    { minYears: 2 },
    { printSupported: false },
  );
  expect(out.summary).toMatchObject({ ok: true, span: '2021–2022', units: 2, ranked: 2 });
  expect(out.syncs).toBe(2);
  const rows = fake.sheet(P.sheets.results)!.grid();
  expect(rows.find((r) => r.includes('A1'))).toContain(80.5);
  expect(fake.sheet('Đơn vị')!.grid()).toEqual([['x']]);
});

test('the pane options as the core settings', () => {
  expect(periodSettings({ minYears: 3, award: { name: '  ', quota: 2 } })).toEqual({
    minYears: 3,
  });
  expect(
    periodSettings({
      minYears: 1,
      award: { name: ' Bằng khen ', quota: 2, minExcellentYears: 3, everyYear: true },
    }),
  ).toEqual({
    minYears: 1,
    awards: [{ name: 'Bằng khen', quota: 2, minExcellentYears: 3, everyYear: true }],
  });
});
