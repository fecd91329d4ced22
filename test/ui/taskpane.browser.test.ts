/**
 * The task pane in headless Chromium, on a memory bridge over the An Giang 2018 workbook: edit a
 * quota, save, rank, and check what is shown against the core's own computation; click errors
 * of a broken workbook; make sure cell text never becomes markup; no console or page errors.
 * Skipped only when /usr/bin/chromium is missing (CI installs it).
 */
import { mkdirSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { anGiang2018 } from '../../examples/an-giang-2018';
import { vi } from '../../shared/i18n/vi';
import { runCampaign, runSummary } from '../../shared/workbook/run';
import type { MemoryBridge } from '../../ui/memoryBridge';
import { browserTest, withPage } from './browser';
import {
  FORMULA_CRITERION,
  HOSTILE_CRITERION,
  HOSTILE_UNIT,
  workbookCase,
  workbookOf,
} from './fixtures';

const PAGE = 'test/ui/page.ts';
const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const U = vi.ui;

jest.setTimeout(30_000);

type Bridge = Pick<MemoryBridge, 'stats' | 'calls' | 'selections'>;
const bridgeState = (page: Page): Promise<Bridge> =>
  page.evaluate(() => {
    const { bridge } = (window as unknown as { xh: { bridge: Bridge } }).xh;
    return { stats: bridge.stats, calls: bridge.calls, selections: bridge.selections };
  });

/** The proposals the core makes with the district block's quota raised to 4. */
function expectedAfterEdit(): { units: number; proposals: number; before: number } {
  const summary = (spec: typeof anGiang2018) => {
    const result = runCampaign({ sheets: workbookOf(spec), time: 't' });
    const s = runSummary(result, 't');
    if (!s.ok) throw new Error('the example must rank');
    return s;
  };
  const edited = {
    ...anGiang2018,
    awards: {
      ...anGiang2018.awards!,
      awards: [{ ...anGiang2018.awards!.awards[0], quotaPerBlock: { so: 3, huyen: 4 } }],
    },
  };
  const before = summary(anGiang2018);
  const after = summary(edited);
  return { units: after.units, proposals: after.proposals, before: before.proposals };
}

browserTest('edit a quota, save, rank: the pane shows the core’s results', async () => {
  const expected = expectedAfterEdit();
  expect(expected.proposals).not.toBe(expected.before);
  await withPage(PAGE, async ({ page, url, problems }) => {
    await page.goto(`${url}?case=example&latency=150`);
    await page.getByRole('tab', { name: U.tabs.awards }).click();
    const card = page.locator('[data-award="0"]');
    await card.getByLabel(vi.workbook.headers.quota).selectOption('perBlock');
    const district = card.getByLabel('Khối huyện, thị xã, thành phố');
    await expect(district.inputValue()).resolves.toBe('3');
    await district.fill('4');
    await district.press('Tab');
    await expect(page.locator('.xh-dirty').isVisible()).resolves.toBe(true);

    await page.getByRole('button', { name: U.save.button }).click();
    await page.locator('.xh-save-status.xh-ok').waitFor();
    await expect(page.locator('.xh-save-status').textContent()).resolves.toBe(U.save.saved);
    await expect(page.locator('.xh-dirty').isVisible()).resolves.toBe(false);

    await page.getByRole('tab', { name: U.tabs.rank }).click();
    const rank = page.locator('[data-key="rank"]');
    await rank.click();
    // While the host works: disabled, with its progress text.
    await expect(rank.isDisabled()).resolves.toBe(true);
    await expect(rank.textContent()).resolves.toContain(U.rank.running);
    await page.locator('[data-result="ok"]').waitFor();
    await expect(rank.isEnabled()).resolves.toBe(true);

    const stat = (name: string) => page.locator(`[data-stat="${name}"]`).textContent();
    await expect(stat('units')).resolves.toBe(String(expected.units));
    await expect(stat('proposals')).resolves.toBe(String(expected.proposals));
    const firstRow = page.locator('.xh-block').first().locator('tbody tr').first();
    await expect(firstRow.locator('td').nth(1).textContent()).resolves.toBe('Sở Tư pháp');
    await expect(firstRow.locator('td').nth(2).textContent()).resolves.toBe('98,57');
    await expect(page.locator('.xh-sheets').textContent()).resolves.toContain('Kết quả');

    const state = await bridgeState(page);
    expect(state.calls).toEqual(['loadSetup', 'saveSetup', 'loadSetup', 'rank']);
    expect(state.stats.writes).toBe(2);
    expect(state.stats.sheetsWritten.slice(0, 2)).toEqual(['Cấu hình', 'Tiêu chí']);

    // The warning list opens, and a warning with a cell selects it.
    await page.getByText(formatCount(U.rank.warnings, 1)).click();
    await page.locator('.xh-issue-link').first().click();
    await expect(bridgeState(page).then((s) => s.selections)).resolves.toEqual([
      { sheet: 'Chấm điểm', cell: 'S7' },
    ]);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});

browserTest('a broken workbook lists its errors; clicking or Enter selects the cell', async () => {
  await withPage(PAGE, async ({ page, url, problems }) => {
    // A run made before the pane opened (the Sheets menu) shows at once.
    await page.goto(`${url}?case=invalid&initial=1`);
    await page.locator('[data-result="errors"]').waitFor();
    await page.getByRole('tab', { name: U.tabs.criteria }).click();
    await page.locator('[data-result="invalid"]').waitFor();
    const errors = page.locator('[data-result="invalid"] .xh-issue-link');
    await expect(errors.count()).resolves.toBe(2);
    await errors.filter({ hasText: 'Chấm tay' }).click();
    await errors.filter({ hasText: 'hai' }).focus();
    await page.keyboard.press('Enter');
    const { selections } = await bridgeState(page);
    expect(selections).toEqual([
      { sheet: 'Tiêu chí', cell: 'D4' },
      { sheet: 'Cấu hình', cell: 'B6' },
    ]);
    // Running again refuses again, and nothing was written.
    await page.getByRole('tab', { name: U.tabs.rank }).click();
    await page.locator('[data-key="rank"]').click();
    await page.locator('[data-result="errors"]').waitFor();
    const state = await bridgeState(page);
    expect(state.calls).toEqual(['rank', 'loadSetup', 'selectCell', 'selectCell', 'rank']);
    expect(state.stats.writes).toBe(0);
    expect(problems).toEqual([]);
  });
});

browserTest('cell text is shown as text, never as markup or a formula', async () => {
  const sheets = workbookCase('hostile');
  expect(sheets['Tiêu chí'].some((r) => r[1] === HOSTILE_CRITERION)).toBe(true);
  await withPage(PAGE, async ({ page, url, problems }) => {
    await page.goto(`${url}?case=hostile`);
    await page.getByRole('tab', { name: U.tabs.criteria }).click();
    const names = page.locator('.xh-node-name');
    await names.first().waitFor();
    const shown = await names.allTextContents();
    expect(shown).toContain(HOSTILE_CRITERION);
    expect(shown).toContain(FORMULA_CRITERION);
    // Open the criterion: its name field holds the same text.
    await page.locator('.xh-node', { hasText: HOSTILE_CRITERION }).click();
    await expect(page.getByLabel(U.criteria.name).inputValue()).resolves.toBe(HOSTILE_CRITERION);

    await page.getByRole('tab', { name: U.tabs.rank }).click();
    await page.locator('[data-key="rank"]').click();
    await page.locator('[data-result="ok"]').waitFor();
    await expect(page.locator('.xh-unit').allTextContents()).resolves.toContain(HOSTILE_UNIT);
    await expect(page.locator('.xh-app img, .xh-app b').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });
});

browserTest('an empty workbook offers "Tạo mẫu", then the editors', async () => {
  await withPage(PAGE, async ({ page, url, problems }) => {
    await page.goto(`${url}?case=empty`);
    await page.getByRole('tab', { name: U.tabs.criteria }).click();
    await page.getByLabel(U.template.units).fill('6');
    await page.getByLabel(U.template.year).fill('2025');
    await page.getByRole('button', { name: U.template.create }).click();
    await page.locator('.xh-node').first().waitFor();
    const { calls, stats } = await bridgeState(page);
    expect(calls).toEqual(['loadSetup', 'createTemplate', 'loadSetup']);
    expect(stats.sheetsWritten).toContain('Đơn vị');
    await page.getByRole('tab', { name: U.tabs.rank }).click();
    await page.locator('[data-key="rank"]').click();
    await page.locator('[data-result]').first().waitFor();
    expect(problems).toEqual([]);
  });
});

function formatCount(template: string, count: number): string {
  return template.replace('{count}', String(count));
}
