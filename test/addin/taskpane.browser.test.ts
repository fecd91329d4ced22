/**
 * The Excel task pane as shipped (addin/taskpane.ts → the UI on the Excel bridge → the office-js
 * host) in headless Chromium, over fake Office globals and the counting FakeExcel: edit a quota,
 * save it into "Cấu hình", press "Xếp hạng", and check the pane and the workbook against the
 * core; errors select their cell; at most 3 syncs per click; no console errors. Screenshot in
 * test-artifacts/excel-taskpane.png. Skipped only without /usr/bin/chromium (CI installs it).
 */
import { mkdirSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { vi } from '../../shared/i18n/vi';
import { browserTest, withPage } from '../ui/browser';
import { editDistrictQuota, quotaEditOutcome } from '../ui/quotaEdit';
import type { FakeExcel } from './fakeExcel';

const PAGE = 'test/addin/taskpanePage.ts';
const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const U = vi.ui;
const S = vi.workbook.sheets;
jest.setTimeout(40_000);

interface ExcelState {
  syncs: number;
  sheets: string[];
  results: unknown[][];
  config: unknown[][];
  selected?: { sheet: string; address: string };
  active?: string;
}
const excelState = (page: Page): Promise<ExcelState> =>
  page.evaluate(() => {
    const fake = (window as unknown as { xhExcel: FakeExcel }).xhExcel;
    return {
      syncs: fake.syncs.length,
      sheets: fake.sheets.map((s) => s.name),
      results: fake.sheet('Kết quả')?.grid() ?? [],
      config: fake.sheet('Cấu hình')?.grid() ?? [],
      selected: fake.selected,
      active: fake.active,
    };
  });

browserTest('edit a quota, save, rank: Excel gets the core’s results in ≤ 3 syncs', async () => {
  const expected = quotaEditOutcome();
  await withPage(PAGE, async ({ page, url, problems }) => {
    await page.goto(`${url}?case=example&latency=60`);
    await editDistrictQuota(page);
    // The quota is now in the workbook's "Cấu hình" as the format writes it.
    const saved = await excelState(page);
    expect(JSON.stringify(saved.config)).toMatch(/huyen: 4/);

    await page.getByRole('tab', { name: U.tabs.rank }).click();
    const rank = page.locator('[data-key="rank"]');
    await rank.click();
    await expect(rank.isDisabled()).resolves.toBe(true);
    await page.locator('[data-result="ok"]').waitFor();
    const after = await excelState(page);
    expect(after.syncs - saved.syncs).toBeLessThanOrEqual(3);
    expect(after.sheets).toEqual(expect.arrayContaining([S.results, S.proposals, S.log]));
    expect(after.active).toBe(S.results);

    const stat = (name: string) => page.locator(`[data-stat="${name}"]`).textContent();
    await expect(stat('units')).resolves.toBe(String(expected.units));
    await expect(stat('proposals')).resolves.toBe(String(expected.proposals));
    const first = page.locator('.xh-block').first().locator('tbody tr').first();
    await expect(first.locator('td').nth(1).textContent()).resolves.toBe('Sở Tư pháp');
    // The pane shows what the sheet holds.
    expect(after.results.flat()).toContain('Sở Tư pháp');
    expect(after.results.flat()).toContain(98.57);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'excel-taskpane.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});

browserTest(
  'a broken workbook: nothing written, and clicking an error selects its cell',
  async () => {
    await withPage(PAGE, async ({ page, url, problems }) => {
      await page.goto(`${url}?case=invalid`);
      await page.locator('[data-key="rank"]').click();
      await page.locator('[data-result="errors"]').waitFor();
      const before = await excelState(page);
      expect(before.sheets).not.toContain(S.results);
      await page.locator('[data-result="errors"] .xh-issue-link').first().click();
      await page.waitForFunction(
        () => (window as unknown as { xhExcel: FakeExcel }).xhExcel.selected !== undefined,
      );
      expect((await excelState(page)).selected).toEqual({ sheet: S.config, address: 'B6' });
      expect(problems).toEqual([]);
    });
  },
);

browserTest(
  'errors a ribbon run left (its dialog could not open) are listed once, above the pane',
  async () => {
    await withPage(PAGE, async ({ page, url, problems }) => {
      await page.goto(`${url}?case=example&ribbonErrors=1`);
      const box = page.locator('.xh-ribbon-errors');
      await box.waitFor();
      const title = (await box.locator('h1').textContent()) ?? '';
      expect(title).toContain('09:30');
      expect(title).toContain(vi.host.real.ignored);
      const item = box.locator('li.issue').first();
      await expect(item.textContent()).resolves.toBe("Trang tính 'Cấu hình', ô B5: <b>lỗi</b>");
      await expect(box.locator('li b').count()).resolves.toBe(0);
      await item.click();
      await page.waitForFunction(
        () => (window as unknown as { xhExcel: FakeExcel }).xhExcel.selected !== undefined,
      );
      expect((await excelState(page)).selected).toEqual({ sheet: S.config, address: 'B5' });
      await box.getByRole('button', { name: vi.host.close }).click();
      await expect(box.count()).resolves.toBe(0);
      // The pane itself is there as always.
      await page.getByRole('tab', { name: U.tabs.rank }).waitFor();
      // Shown once: the next time the pane opens (without new errors) there is no list.
      await page.goto(`${url}?case=example`);
      await page.getByRole('tab', { name: U.tabs.rank }).waitFor();
      await expect(page.locator('.xh-ribbon-errors').count()).resolves.toBe(0);
      expect(problems).toEqual([]);
    });
  },
);
