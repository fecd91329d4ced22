/**
 * The pane's shell over BOTH hosts (the Excel task pane over FakeExcel, the Sheets sidebar over
 * the fake spreadsheet), in headless Chromium: the ribbon's / menu's "Cấu hình" opens it on
 * "Thiết lập"; at 300 and 320 px the tabs keep one row, the title does not move when "Chưa lưu"
 * appears, the save bar's buttons keep one row and a cut name shows its full text; a date is
 * typed and shown as dd/mm/yyyy and saved as the date the core reads; a band without a threshold
 * gives one message; an invalid field marks its tab. Each asserts what the workbook holds.
 */
import { readFileSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { vi } from '../../shared/i18n/vi';
import type { CellValue } from '../../shared/model/types';
import { dateOf } from '../../shared/workbook/grid';
import { browserTest, withPage } from './browser';

const U = vi.ui;
const K = vi.workbook.settings;
jest.setTimeout(60_000);

interface Host {
  name: string;
  page: string;
  /** The window property holding the fake workbook. */
  book: 'xhExcel' | 'xhBook';
  /** The query that opens the pane the way the host's "Cấu hình" does. */
  settingsQuery: string;
}

/** The ribbon's "Cấu hình" URL, as manifest.xml gives it: its query is what the pane sees. */
function ribbonQuery(): string {
  const manifest = readFileSync(path.resolve(__dirname, '../../manifest.xml'), 'utf8');
  const url = /<bt:Url id="Taskpane.Url" DefaultValue="([^"]+)"/.exec(manifest)?.[1] ?? '';
  return new URL(url).search.slice(1);
}

const HOSTS: Host[] = [
  {
    name: 'Excel',
    page: 'test/addin/taskpanePage.ts',
    book: 'xhExcel',
    settingsQuery: ribbonQuery(),
  },
  {
    name: 'Sheets',
    page: 'test/gas/sidebarPage.ts',
    book: 'xhBook',
    settingsQuery: 'menu=xephangShowSidebar',
  },
];

function hostTests(name: string, fn: (host: Host) => Promise<void>): void {
  for (const host of HOSTS) browserTest(`${host.name}: ${name}`, () => fn(host));
}

/** The fake workbook's sheets: name → grid. */
const workbook = (page: Page, host: Host): Promise<Record<string, CellValue[][]>> =>
  page.evaluate((book) => {
    const fake = (window as unknown as Record<string, unknown>)[book] as {
      sheets: { name: string; grid(): CellValue[][] }[];
    };
    return Object.fromEntries(fake.sheets.map((s) => [s.name, s.grid()]));
  }, host.book);

const selectedTab = (page: Page): Promise<string | null> =>
  page.locator('[role="tab"][aria-selected="true"]').textContent();

// ---- Sequence 6: "Cấu hình" opens the pane on the settings ---------------------------------

hostTests(
  '"Cấu hình" opens the pane on "Thiết lập"; plain opening stays on "Xếp hạng"',
  async (host) => {
    await withPage(host.page, async ({ page, url, problems }) => {
      await page.goto(`${url}?case=example`);
      await page.getByLabel(K.formsDeadline).waitFor({ state: 'detached' });
      await expect(selectedTab(page)).resolves.toBe(U.tabs.rank);
      const before = await workbook(page, host);

      await page.goto(`${url}?case=example&${host.settingsQuery}`);
      await page.getByLabel(K.formsDeadline).waitFor();
      await expect(selectedTab(page)).resolves.toBe(U.tabs.settings);
      await expect(page.locator('#xh-panel').getAttribute('aria-labelledby')).resolves.toBe(
        'xh-tab-settings',
      );
      // Opening writes nothing.
      expect(await workbook(page, host)).toEqual(before);
      expect(problems).toEqual([]);
    });
  },
);
