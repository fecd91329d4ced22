/**
 * The Sheets sidebar as shipped (gas/sidebar.ts → the UI on the google.script.run bridge → the
 * server functions of gas/main.ts → the SpreadsheetApp host) in headless Chromium, 300 px wide
 * like Sheets' sidebar, with a fake google.script.run that passes everything through JSON as
 * Apps Script does. Screenshot in test-artifacts/sheets-sidebar.png. Skipped only without
 * /usr/bin/chromium (CI installs it).
 */
import { mkdirSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { vi } from '../../shared/i18n/vi';
import { browserTest, withPage } from '../ui/browser';
import { editDistrictQuota, quotaEditOutcome } from '../ui/quotaEdit';
import { FakeSpreadsheet } from './fakeSheets';
import { anGiang2018 } from '../../examples/an-giang-2018';
import { inputSheets } from '../../shared/workbook/inputs';
import type { CellValue } from '../../shared/model/types';

/** The example's self scores, by unit and criterion (what the units type into their sheets). */
const selfScores = (): Record<string, Record<string, CellValue>> =>
  Object.fromEntries(anGiang2018.units.map((u) => [u.id, { ...(u.self ?? {}) }]));

/** "Tự chấm" of the example as typed directly. */
const typedSelf = (): CellValue[][] =>
  FakeSpreadsheet.fromSheets(
    Object.fromEntries(inputSheets(anGiang2018).map((b) => [b.name, b.rows])),
  )
    .sheet('Tự chấm')
    ?.grid() ?? [];

const PAGE = 'test/gas/sidebarPage.ts';
const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const U = vi.ui;
const S = vi.workbook.sheets;
jest.setTimeout(40_000);

interface BookState {
  calls: string[];
  sheets: string[];
  results: unknown[][];
  config: unknown[][];
  selected?: { sheet: string; address: string };
  flushes: number;
}
const bookState = (page: Page): Promise<BookState> =>
  page.evaluate(() => {
    const w = window as unknown as { xhBook: FakeSpreadsheet; xhCalls: string[] };
    return {
      calls: [...w.xhCalls],
      sheets: w.xhBook.sheets.map((s) => s.name),
      results: w.xhBook.sheet('Kết quả')?.grid() ?? [],
      config: w.xhBook.sheet('Cấu hình')?.grid() ?? [],
      selected: w.xhBook.selected,
      flushes: w.xhBook.flushes,
    };
  });

browserTest('edit a quota, save, rank: the spreadsheet gets the core’s results', async () => {
  const expected = quotaEditOutcome();
  await withPage(
    PAGE,
    async ({ page, url, problems }) => {
      await page.goto(`${url}?case=example&latency=40`);
      await editDistrictQuota(page);
      // The setup went through JSON and came back whole: the open band "Yếu" (−∞) included.
      const saved = await bookState(page);
      expect(JSON.stringify(saved.config)).toMatch(/huyen: 4/);
      expect(JSON.stringify(saved.config)).not.toMatch(/null|NaN|Infinity/);

      await page.getByRole('tab', { name: U.tabs.rank }).click();
      await page.locator('[data-key="rank"]').click();
      await page.locator('[data-result="ok"]').waitFor();
      const after = await bookState(page);
      expect(after.calls).toEqual([
        'xephangApiLoadSetup',
        'xephangApiSaveSetup',
        'xephangApiLoadSetup',
        'xephangApiRank',
      ]);
      expect(after.sheets).toEqual(expect.arrayContaining([S.results, S.proposals, S.log]));
      const stat = (name: string) => page.locator(`[data-stat="${name}"]`).textContent();
      await expect(stat('units')).resolves.toBe(String(expected.units));
      await expect(stat('proposals')).resolves.toBe(String(expected.proposals));
      expect(after.results.flat()).toContain('Sở Tư pháp');

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'sheets-sidebar.png'), fullPage: true });
      expect(problems).toEqual([]);
    },
    { width: 300 },
  );
});

browserTest(
  'a failed menu run opens the sidebar with its errors; a click activates the cell',
  async () => {
    await withPage(
      PAGE,
      async ({ page, url, problems }) => {
        await page.goto(`${url}?case=invalid&initial=1`);
        await page.locator('[data-result="errors"]').waitFor();
        expect((await bookState(page)).sheets).not.toContain(S.results);
        await page.locator('[data-result="errors"] .xh-issue-link').first().click();
        await page.waitForFunction(
          () => (window as unknown as { xhBook: FakeSpreadsheet }).xhBook.selected !== undefined,
        );
        expect((await bookState(page)).selected).toEqual({ sheet: S.config, address: 'B6' });
        expect(problems).toEqual([]);
      },
      { width: 300 },
    );
  },
);

browserTest('forms in the sidebar: unit sheets made, filled, merged into "Tự chấm"', async () => {
  await withPage(
    PAGE,
    async ({ page, url, problems }) => {
      await page.goto(`${url}?case=unscored`);
      await page.getByRole('button', { name: U.forms.make }).click();
      await page.locator('[data-forms="made"]').waitFor();
      // The unit sheets were made in the spreadsheet and are listed as links.
      const made = await page.evaluate(() =>
        (window as unknown as { xhBook: FakeSpreadsheet }).xhBook.sheets
          .map((s) => s.name)
          .filter((n) => n.startsWith('Phiếu ') && n !== 'Phiếu bầu'),
      );
      expect(made).toHaveLength(16);
      await expect(page.locator('[data-forms="made"] .xh-link').count()).resolves.toBe(16);

      // Each unit fills its sheet (ticks, levels, values) with evidence.
      await page.evaluate((self) => {
        const book = (window as unknown as { xhBook: FakeSpreadsheet }).xhBook;
        for (const [unit, scores] of Object.entries(self)) {
          const sheet = book.sheet(`Phiếu ${unit}`);
          if (!sheet) continue;
          for (let r = 10; r < sheet.values.length; r++) {
            const code = String(sheet.values[r][0]);
            if (!(code in scores)) continue;
            sheet.set(r, 4, scores[code] as string | number | boolean);
            sheet.set(r, 6, `QĐ ${code}`);
          }
        }
      }, selfScores());
      await page.getByRole('button', { name: U.forms.merge }).click();
      await page.locator('[data-forms="merged"]').waitFor();
      const self = await page.evaluate(
        () =>
          (window as unknown as { xhBook: FakeSpreadsheet }).xhBook.sheet('Tự chấm')?.grid() ?? [],
      );
      expect(self).toEqual(typedSelf());
      expect(problems).toEqual([]);
    },
    { width: 300 },
  );
});
