/**
 * Issue 15 over both hosts (test/ui/hosts.ts): the report settings typed in "Thiết lập" — a bad
 * font is refused at its field and nothing is kept; the font, the "Kèm theo …" line and the
 * issuing body are saved into "Cấu hình"; ranking then titles every table of "Kết quả" with the
 * line under it. Issue 17: the merged-unit setting for last year's index, chosen and saved.
 */
import { vi } from '../../shared/i18n/vi';
import type { CellValue } from '../../shared/model/types';
import { gotoTab, hostTests, rank, save } from './hosts';

const S = vi.workbook.sheets;
const R = vi.reportLayout;
const SUBTITLE = 'Kèm theo Quyết định số 12/QĐ-UBND ngày 01/3/2019 của Chủ tịch UBND tỉnh';

const configValue = (rows: CellValue[][] | undefined, label: string): CellValue =>
  (rows ?? []).find((r) => r[0] === label)?.[1] ?? null;

hostTests('report settings: typed, saved into "Cấu hình", used by "Kết quả"', async (s) => {
  await s.open({ case: 'example' });
  await gotoTab(s.page, 'settings');
  const font = s.page.getByLabel(R.settings.reportFont);
  await expect(font.inputValue()).resolves.toBe('Times New Roman 13');
  await font.fill('Times New Roman');
  await font.press('Tab');
  await expect(s.page.locator('.xh-field-error:visible').allTextContents()).resolves.toEqual([
    'Phông chữ báo cáo "Times New Roman" không hợp lệ: ghi tên phông rồi cỡ chữ từ 6 đến 36, ví dụ "Times New Roman 13".',
  ]);
  await font.fill('Times New Roman 14');
  await font.press('Tab');
  await s.page.getByLabel(R.settings.reportSubtitle).fill(SUBTITLE);
  await s.page.getByLabel(R.settings.reportSubtitle).press('Tab');
  await s.page.getByLabel(R.settings.issuerParent).fill('UBND TỈNH AN GIANG');
  await s.page.getByLabel(R.settings.issuerParent).press('Tab');
  await s.page.getByLabel(R.settings.issuer, { exact: true }).fill('SỞ NỘI VỤ');
  await s.page.getByLabel(R.settings.issuer, { exact: true }).press('Tab');
  await expect(save(s.page)).resolves.toBe('saved');
  const book = await s.workbook();
  expect(
    [
      R.settings.reportFont,
      R.settings.reportSubtitle,
      R.settings.issuerParent,
      R.settings.issuer,
    ].map((k) => configValue(book[S.config], k)),
  ).toEqual(['Times New Roman 14', SUBTITLE, 'UBND TỈNH AN GIANG', 'SỞ NỘI VỤ']);
  await expect(rank(s.page)).resolves.toBe('ok');
  const results = (await s.workbook())[S.results];
  expect(results[0]).toEqual([
    'KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2018 — KHỐI SỞ, BAN, NGÀNH',
  ]);
  expect(results[1]).toEqual([SUBTITLE]);
  expect(results[2].slice(0, 3)).toEqual(['STT', 'Mã đơn vị', 'Tên đơn vị']);
  expect(results.filter((r) => r[0] === SUBTITLE)).toHaveLength(3);
});

hostTests(
  'a merged unit\'s last-year index: chosen in "Thiết lập", saved into "Cấu hình"',
  async (s) => {
    await s.open({ case: 'example' });
    await gotoTab(s.page, 'settings');
    const PY = vi.previousYear;
    const field = s.page.getByLabel(PY.settings.previousMerge);
    await expect(field.inputValue()).resolves.toBe('mean');
    await field.selectOption('staff');
    await expect(save(s.page)).resolves.toBe('saved');
    const book = await s.workbook();
    expect(configValue(book[S.config], PY.settings.previousMerge)).toBe(
      PY.choices.previousMerge.staff,
    );
  },
);
