/**
 * The ribbon's error dialog (addin/dialog.ts) in headless Chromium over a fake Office dialog
 * API: it asks its parent for the errors, lists them as text (never markup), and a click or
 * Enter on one sends "select" with its sheet and cell; errors can also come in the URL fragment.
 */
import type { Page } from 'playwright-core';
import { formatMessage, vi } from '../../shared/i18n/vi';
import { browserTest, withPage } from '../ui/browser';

const PAGE = 'test/addin/dialogPage.ts';
jest.setTimeout(30_000);

const sent = (page: Page): Promise<unknown[]> =>
  page.evaluate(() => [...(window as unknown as { xhSent: unknown[] }).xhSent]);

browserTest('lists the errors it is sent; a click or Enter selects the cell', async () => {
  await withPage(PAGE, async ({ page, url, problems }) => {
    await page.goto(url);
    await page.waitForFunction(
      () => (window as unknown as { xhSent: unknown[] }).xhSent.length > 0,
    );
    expect(await sent(page)).toEqual([{ kind: 'ready' }]);
    await page.evaluate(() =>
      (window as unknown as { xhParent: (m: unknown) => void }).xhParent({
        kind: 'errors',
        errors: [
          {
            severity: 'error',
            text: "Trang tính 'Chấm điểm', ô D7: <b>nhiều</b>",
            sheet: 'Chấm điểm',
            cell: 'D7',
          },
          { severity: 'error', text: 'Tệp DV001.xlsx: không đọc được' },
        ],
      }),
    );
    const items = page.locator('li.issue');
    await expect(items.count()).resolves.toBe(2);
    await expect(items.first().textContent()).resolves.toBe(
      "Trang tính 'Chấm điểm', ô D7: <b>nhiều</b>",
    );
    await expect(page.locator('li.issue b').count()).resolves.toBe(0);
    await expect(page.locator('h1').textContent()).resolves.toBe(vi.host.errorsTitle);
    await items.first().click();
    await items.first().getByRole('button').focus();
    await page.keyboard.press('Enter');
    // The error without a cell is not a button.
    await expect(items.nth(1).getByRole('button').count()).resolves.toBe(0);
    await page.getByRole('button', { name: vi.host.close }).click();
    expect(await sent(page)).toEqual([
      { kind: 'ready' },
      { kind: 'select', sheet: 'Chấm điểm', cell: 'D7' },
      { kind: 'select', sheet: 'Chấm điểm', cell: 'D7' },
      { kind: 'close' },
    ]);
    expect(problems).toEqual([]);
  });
});

browserTest('without DialogApi 1.2 the errors come in the URL fragment', async () => {
  // A DialogApi 1.1 host: no addHandlerAsync to call, the list from the fragment all the same.
  await withPage(PAGE, async ({ page, url, problems }) => {
    await page.goto(`${url}?hash=1&api=1.1`);
    await page.locator('li.issue').first().waitFor();
    await expect(page.locator('li.issue').first().textContent()).resolves.toContain('ô B5');
    expect(await sent(page)).toEqual([{ kind: 'ready' }]);
    await page.locator('li.issue').first().click();
    expect(await sent(page)).toEqual([
      { kind: 'ready' },
      { kind: 'select', sheet: 'Cấu hình', cell: 'B5' },
    ]);
    expect(problems).toEqual([]);
  });
});

browserTest(
  'styled like the pane: says nothing was written, errors and warnings apart, errors look clickable',
  async () => {
    await withPage(PAGE, async ({ page, url, problems }) => {
      await page.goto(url);
      await page.waitForFunction(
        () => (window as unknown as { xhSent: unknown[] }).xhSent.length > 0,
      );
      await page.evaluate(() =>
        (window as unknown as { xhParent: (m: unknown) => void }).xhParent({
          kind: 'errors',
          errors: [
            {
              severity: 'error',
              text: "Trang tính 'Chấm điểm', ô D7: lỗi một",
              sheet: 'Chấm điểm',
              cell: 'D7',
            },
            { severity: 'warning', text: 'Một cảnh báo', sheet: 'Đơn vị', cell: 'B3' },
            { severity: 'error', text: 'Tệp DV001.xlsx: không đọc được' },
          ],
        }),
      );
      await page.locator('li.issue').first().waitFor();
      // The pane's stylesheet applies: not the browser's default serif font.
      const font = await page.evaluate(
        () => getComputedStyle(document.querySelector('.xh-errors')!).fontFamily,
      );
      expect(font).not.toMatch(/Times/i);
      expect(font).toMatch(/Segoe UI/);
      await expect(page.locator('body').textContent()).resolves.toContain(
        vi.ui.shell.nothingWritten,
      );
      // Two headed lists: the errors, then the warnings.
      const headings = await page.locator('h2').allTextContents();
      expect(headings).toEqual([
        formatMessage(vi.ui.shell.errorsHeading, { count: 2 }),
        formatMessage(vi.ui.shell.warningsHeading, { count: 1 }),
      ]);
      const lists = page.locator('ul.xh-issues');
      await expect(lists.count()).resolves.toBe(2);
      await expect(lists.nth(0).locator('li').allTextContents()).resolves.toEqual([
        "Trang tính 'Chấm điểm', ô D7: lỗi một",
        'Tệp DV001.xlsx: không đọc được',
      ]);
      await expect(lists.nth(1).locator('li').allTextContents()).resolves.toEqual(['Một cảnh báo']);
      // A located error is a button that looks like a link, with a focus ring.
      const link = lists.nth(0).getByRole('button');
      await expect(link.count()).resolves.toBe(1);
      const look = await link.evaluate((el) => {
        const s = getComputedStyle(el);
        return { cursor: s.cursor, underline: s.textDecorationLine, color: s.color };
      });
      expect(look).toEqual({
        cursor: 'pointer',
        underline: 'underline',
        color: 'rgb(15, 108, 189)',
      });
      await page.keyboard.press('Tab');
      await expect(link.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      const ring = await link.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(ring).not.toBe('none');
      await page.keyboard.press('Enter');
      expect(await sent(page)).toEqual([
        { kind: 'ready' },
        { kind: 'select', sheet: 'Chấm điểm', cell: 'D7' },
      ]);
      expect(problems).toEqual([]);
    });
  },
);
