/**
 * The pane's shell over BOTH hosts (the Excel task pane over FakeExcel, the Sheets sidebar over
 * the fake spreadsheet), in headless Chromium: the ribbon's / menu's "Cấu hình" opens it on
 * "Thiết lập"; at 300 and 320 px the tabs keep one row, the title does not move when "Chưa lưu"
 * appears, the save bar's buttons keep one row and a cut name shows its full text; a date is
 * typed and shown as dd/mm/yyyy and saved as the date the core reads; a band without a threshold
 * gives one message; an invalid field marks its tab. Each asserts what the workbook holds.
 * (Written before test/ui/hosts.ts: its own small two-host loop, sharing the harness's axe run.)
 */
import { mkdirSync, readFileSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { formatMessage, vi } from '../../shared/i18n/vi';
import type { CellValue } from '../../shared/model/types';
import { dateOf } from '../../shared/workbook/grid';
import { browserTest, withPage } from './browser';
import { runAxe } from './hosts';

const U = vi.ui;
const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
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

// ---- Narrow panes ----------------------------------------------------------------------------

interface Layout {
  tabTops: number[];
  /** The selected tab lies wholly inside the tab row's visible box. */
  selectedInView: boolean;
  title: { x: number; y: number; width: number; height: number };
}
const layout = (page: Page): Promise<Layout> =>
  page.evaluate(() => {
    const tabs = [...document.querySelectorAll<HTMLElement>('[role="tab"]')];
    const list = document.querySelector<HTMLElement>('[role="tablist"]')!;
    const r = document.querySelector('.xh-title')!.getBoundingClientRect();
    const box = list.getBoundingClientRect();
    const on = document
      .querySelector('[role="tab"][aria-selected="true"]')!
      .getBoundingClientRect();
    return {
      tabTops: tabs.map((t) => t.offsetTop),
      selectedInView: on.left >= box.left - 0.5 && on.right <= box.right + 0.5,
      title: { x: r.x, y: r.y, width: r.width, height: r.height },
    };
  });

for (const width of [300, 320]) {
  hostTests(
    `at ${width} px: tabs in one row, a still title, a one-row save bar, full names on hover`,
    async (host) => {
      await withPage(
        host.page,
        async ({ page, url, problems }) => {
          await page.goto(`${url}?case=example&${host.settingsQuery}`);
          const name = page.getByLabel(K.name, { exact: true });
          await name.waitFor();
          const before = await layout(page);
          expect(new Set(before.tabTops).size).toBe(1);
          expect(before.selectedInView).toBe(true);
          // No host badge in the header: only the title (and the unsaved badge's reserved place).
          await expect(page.locator('header').textContent()).resolves.toBe(
            U.title + U.save.unsavedShort,
          );

          // An edit makes "Chưa lưu" appear: the title stays where it was.
          await name.fill('Đợt thi đua có một cái tên dài để thử');
          await name.press('Tab');
          await page.locator('.xh-dirty').waitFor({ state: 'visible' });
          const after = await layout(page);
          expect(after.title).toEqual(before.title);
          expect(new Set(after.tabTops).size).toBe(1);

          // The save bar's error list scrolls inside a quarter of the pane at most.
          const cap = await page
            .locator('.xh-save-errors')
            .evaluate((e) => [
              parseFloat(getComputedStyle(e).maxHeight),
              window.innerHeight,
              getComputedStyle(e).overflowY,
            ]);
          expect(cap[0]).toBeLessThanOrEqual(0.25 * (cap[1] as number) + 1);
          expect(cap[2]).toBe('auto');
          // The save bar's buttons share one row.
          const tops = await page
            .locator('.xh-savebar-row button')
            .evaluateAll((bs) =>
              (bs as HTMLElement[])
                .filter((b) => !b.hidden)
                .map((b) => b.getBoundingClientRect().top),
            );
          expect(tops.length).toBeGreaterThanOrEqual(2);
          expect(new Set(tops).size).toBe(1);

          // A criterion name cut by the tree's ellipsis carries its full text in its title.
          await page.getByRole('tab', { name: U.tabs.criteria }).click();
          const cut = await page
            .locator('.xh-node-name')
            .evaluateAll((els) =>
              els
                .filter((e) => (e as HTMLElement).scrollWidth > (e as HTMLElement).clientWidth)
                .map((e) => [e.textContent, e.getAttribute('title')]),
            );
          expect(cut.length).toBeGreaterThan(0);
          for (const [text, title] of cut) expect(title).toBe(text);
          // Each view at this width, for a person to look at (test-artifacts/, not in git).
          mkdirSync(ARTIFACTS, { recursive: true });
          for (const t of ['rank', 'criteria', 'blocks', 'awards', 'settings'] as const) {
            await page.getByRole('tab', { name: U.tabs[t] }).click();
            await page.screenshot({
              path: path.join(ARTIFACTS, `shell-${host.name.toLowerCase()}-${width}-${t}.png`),
              fullPage: true,
            });
          }
          // Nothing written by looking.
          expect((await workbook(page, host))['Cấu hình'].flat()).not.toContain(
            'Đợt thi đua có một cái tên dài để thử',
          );
          expect(problems).toEqual([]);
        },
        { width },
      );
    },
  );
}

// ---- Dates, bands, tab marks -----------------------------------------------------------------

/** Column B of the "Cấu hình" row whose column A is `label`. */
const configValue = (sheets: Record<string, CellValue[][]>, label: string): CellValue =>
  sheets['Cấu hình'].find((r) => r[0] === label)?.[1] ?? null;

hostTests(
  'dates are shown and typed as dd/mm/yyyy and saved as the date the core reads',
  async (host) => {
    await withPage(
      host.page,
      async ({ page, url, problems }) => {
        await page.goto(`${url}?case=example&${host.settingsQuery}`);
        const deadline = page.getByLabel(K.formsDeadline);
        await deadline.waitFor();
        // Invalid: a field error, nothing kept.
        await deadline.fill('31/02/2018');
        await deadline.press('Tab');
        await expect(page.locator('.xh-field-error:visible').allTextContents()).resolves.toEqual([
          formatMessage(U.shell.badDate, { value: '31/02/2018' }),
        ]);
        await deadline.fill('30/03/2018');
        await deadline.press('Tab');
        await expect(page.locator('.xh-field-error:visible').count()).resolves.toBe(0);

        // The example's registration gate (2018-03-30 in the workbook) reads as dd/mm/yyyy.
        await page.getByRole('tab', { name: U.tabs.awards }).click();
        const registration = page.getByLabel(vi.workbook.gates.registration, { exact: true });
        await expect(registration.inputValue()).resolves.toBe('30/03/2018');
        await registration.fill('02/04/2018');
        await registration.press('Tab');

        await page.getByRole('button', { name: U.save.button }).click();
        // A later registration deadline admits other units, so two nominations change basis:
        // Save asks first (issue 21, sequence 1), and "Vẫn lưu" writes.
        const question = page.locator('[data-key="save-confirm"]');
        await question.waitFor();
        await expect(page.locator('.xh-save-errors').textContent()).resolves.toContain('SYT');
        await question.click();
        await page.locator('.xh-save-status.xh-ok').waitFor();
        const sheets = await workbook(page, host);
        expect(dateOf(configValue(sheets, K.formsDeadline))).toBe('2018-03-30');
        expect(dateOf(configValue(sheets, vi.workbook.gates.registration))).toBe('2018-04-02');
        // Read back from the workbook after the save: the same dates, as typed.
        await expect(registration.inputValue()).resolves.toBe('02/04/2018');
        await page.getByRole('tab', { name: U.tabs.settings }).click();
        await expect(page.getByLabel(K.formsDeadline).inputValue()).resolves.toBe('30/03/2018');
        expect(problems).toEqual([]);
      },
      { width: 320 },
    );
  },
);

hostTests(
  'a band without a threshold gives one message; the tab with it is marked',
  async (host) => {
    await withPage(
      host.page,
      async ({ page, url, problems }) => {
        await page.goto(`${url}?case=example&${host.settingsQuery}`);
        await page.getByRole('tab', { name: U.tabs.blocks }).click();
        const bands = page.getByLabel(U.blocks.defaultBands);
        await bands.fill('Xuất sắc: 90; Tốt: 80; Khá');
        await bands.press('Tab');
        const errors = await page.locator('.xh-field-error:visible').allTextContents();
        expect(errors).toEqual([
          formatMessage(vi.errors.bandNoThreshold, {
            label: 'Xuất sắc: 90',
            example: 'Xuất sắc ≥ 90',
          }),
        ]);
        expect(errors.join()).not.toMatch(/Infinity/);

        // ↑/↓ say what they move.
        const so = formatMessage(U.blocks.item, { id: 'so' });
        await expect(
          page
            .getByRole('button', { name: formatMessage(U.shell.moveDownOf, { what: so }) })
            .count(),
        ).resolves.toBe(1);
        await expect(
          page.getByRole('button', { name: formatMessage(U.shell.moveUpOf, { what: so }) }).count(),
        ).resolves.toBe(1);

        // On another tab, the blocks tab says it holds an error (a mark, and in its name).
        await page.getByRole('tab', { name: U.tabs.settings }).click();
        const marked = page.getByRole('tab', { name: `${U.tabs.blocks} (${U.shell.tabInvalid})` });
        await expect(marked.count()).resolves.toBe(1);
        await expect(marked.locator('.xh-tab-mark').isVisible()).resolves.toBe(true);
        // The marked tab, the landmarks and the rest pass axe-core.
        expect(await runAxe(page)).toEqual([]);
        await expect(
          page.getByRole('tab', { name: U.tabs.settings, exact: true }).count(),
        ).resolves.toBe(1);
        // Save refuses: nothing is written.
        const before = await workbook(page, host);
        await page.getByRole('button', { name: U.save.button }).click();
        await page.locator('.xh-save-status.xh-bad').waitFor();
        expect(await workbook(page, host)).toEqual(before);
        // Fixed: the mark goes.
        await page.getByRole('tab', { name: U.tabs.blocks }).first().click();
        await bands.fill('Xuất sắc ≥ 90; Tốt ≥ 80; Khá');
        await bands.press('Tab');
        await expect(page.locator('.xh-tab-mark:visible').count()).resolves.toBe(0);
        expect(problems).toEqual([]);
      },
      { width: 320 },
    );
  },
);
