/**
 * Issue 16, "Nhập điểm" in the pane over both hosts (test/ui/hosts.ts): a criterion added in the
 * tree is preset to "Nhập điểm" worth 1 point, the first rule offered; its step typed in "Tham
 * số" is saved to "Tiêu chí"; a score off that step stops "Xếp hạng" with the error at its cell
 * (nothing written), and a score on it ranks.
 */
import type { Page } from 'playwright-core';
import { vi } from '../../shared/i18n/vi';
import { gotoTab, hostTests, rank, save } from './hosts';

const S = vi.workbook.sheets;
const U = vi.ui;

async function selectCriterion(page: Page, code: string): Promise<void> {
  await page
    .locator('.xh-node', {
      has: page.locator('.xh-node-code', {
        hasText: new RegExp(`^${code.replace(/\./g, '\\.')}$`),
      }),
    })
    .click();
}

hostTests(
  'a new leaf is "Nhập điểm" worth 1; its step saved to "Tiêu chí" and checked by Xếp hạng',
  async (s) => {
    await s.open({ case: 'example' });
    await gotoTab(s.page, 'criteria');
    await selectCriterion(s.page, '1.1.1');
    await s.page.locator('[data-key$=":addSibling"]').click();

    // the new leaf's editor: "Nhập điểm" chosen, offered first, max 1
    const editor = s.page.locator('.xh-editor');
    const rule = editor.locator('select[data-key$=":rule"]');
    await expect(rule.inputValue()).resolves.toBe('points');
    const options = await rule.locator('option').allTextContents();
    expect(options[0]).toBe('Nhập điểm');
    expect(await rule.locator('option:checked').textContent()).toBe('Nhập điểm');
    await expect(editor.locator('[data-key$=":max"]').inputValue()).resolves.toBe('1');
    await expect(editor.locator('[data-key$=":code"]').inputValue()).resolves.toBe('1.1.3');

    // a step in "Tham số"
    const params = editor.locator('[data-key$=":params"]');
    await params.fill('bước 0,25');
    await params.press('Tab');
    await expect(save(s.page)).resolves.toBe('saved');
    let book = await s.workbook();
    expect(book[S.criteria].find((r) => r[0] === '1.1.3')).toEqual([
      '1.1.3',
      U.criteria.newName,
      1,
      'Nhập điểm',
      'bước 0,25',
    ]);
    for (const name of [S.self, S.appraised]) {
      expect(book[name][2]).toEqual(['1.1.3', U.criteria.newName, 1]);
    }

    // off the step: "Xếp hạng" stops with the error at the cell and writes nothing
    await s.setCell(S.appraised, 2, 3, 0.3);
    book = await s.workbook();
    await expect(rank(s.page)).resolves.toBe('errors');
    const errors = await s.page.locator('#xh-panel .xh-issue').allTextContents();
    expect(errors.join('\n')).toContain(
      'Điểm 0,3 của tiêu chí 1.1.3 không đúng bước 0,25 (gần nhất: 0,25 hoặc 0,5).',
    );
    expect(errors.join('\n')).toMatch(/ô D3/);
    expect(await s.workbook()).toEqual(book);

    // on the step, typed with a decimal comma as text: it ranks
    await s.setCell(S.appraised, 2, 3, '0,75');
    await expect(rank(s.page)).resolves.toBe('ok');
    expect(Object.keys(await s.workbook())).toContain(S.results);
    await s.screenshot('typed-points-ranked');
  },
);
