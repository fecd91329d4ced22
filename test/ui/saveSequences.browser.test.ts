/**
 * Issue 21, sequence 3 over both hosts (test/ui/hosts.ts): a criterion added in the tree gets a
 * row in every score sheet when saved, and ranks; a delete that would drop typed scores asks
 * first with the count, "Huỷ" keeps everything, "Vẫn lưu" removes the rows.
 */
import type { Page } from 'playwright-core';
import { vi } from '../../shared/i18n/vi';
import type { CellValue } from '../../shared/model/types';
import { gotoTab, hostTests, rank, save } from './hosts';

const S = vi.workbook.sheets;
const U = vi.ui;

const codes = (rows: CellValue[][] | undefined): string[] =>
  (rows ?? []).map((r) => String(r[0] ?? ''));

async function selectCriterion(page: Page, code: string): Promise<void> {
  await page
    .locator('.xh-node', {
      has: page.locator('.xh-node-code', {
        hasText: new RegExp(`^${code.replace(/\./g, '\\.')}$`),
      }),
    })
    .click();
}

hostTests('add a criterion in the tree, save, rank: every score sheet has its row', async (s) => {
  await s.open({ case: 'example' });
  await gotoTab(s.page, 'criteria');
  await selectCriterion(s.page, '1.1.1');
  await s.page.locator('[data-key$=":addSibling"]').click();
  await expect(save(s.page)).resolves.toBe('saved');
  const book = await s.workbook();
  expect(codes(book[S.criteria]).slice(0, 6)).toEqual([
    'Mã tiêu chí',
    '1',
    '1.1',
    '1.1.1',
    '1.1.3',
    '1.1.2',
  ]);
  for (const name of [S.self, S.appraised]) {
    expect(codes(book[name]).slice(0, 4)).toEqual(['Mã tiêu chí', '1.1.1', '1.1.3', '1.1.2']);
    // code, name, max and empty score cells
    expect(book[name][2]).toEqual(['1.1.3', U.criteria.newName, 1]);
  }
  await expect(rank(s.page)).resolves.toBe('ok');
  // the new criterion is the only one unscored: every "chưa chấm" warning is at its row (3)
  const unscored = await s.page
    .locator('#xh-panel .xh-issue', { hasText: 'chưa chấm' })
    .allTextContents();
  expect(unscored.length).toBeGreaterThan(0);
  for (const line of unscored) expect(line).toMatch(/ô [A-Z]+3:/);
  await s.screenshot('criterion-added-ranked');
});

hostTests(
  'delete a scored criterion: asked with the count; Huỷ keeps it, Vẫn lưu removes it',
  async (s) => {
    await s.open({ case: 'example' });
    const before = await s.workbook();
    await gotoTab(s.page, 'criteria');
    await selectCriterion(s.page, '1.3');
    const remove = s.page.locator('[data-key$=":remove"]');
    await remove.click();
    await remove.click();
    await s.page.locator('[data-key="save"]').click();
    const confirm = s.page.locator('[data-key="save-confirm"]');
    await confirm.waitFor();
    const bar = (await s.page.locator('.xh-savebar').textContent()) ?? '';
    expect(bar).toContain(
      'Trang tính "Tự chấm": xoá dòng của tiêu chí 1.3 sẽ mất 15 ô điểm đã nhập.',
    );
    expect(bar).toContain(
      'Trang tính "Chấm điểm": xoá dòng của tiêu chí 1.3 sẽ mất 5 ô điểm đã nhập.',
    );
    await s.screenshot('delete-asked');
    // the buttons fit one row
    const [a, b] = await Promise.all([
      confirm.boundingBox(),
      s.page.locator('[data-key="save-cancel"]').boundingBox(),
    ]);
    expect(a?.y).toBe(b?.y);

    await s.page.locator('[data-key="save-cancel"]').click();
    await s.page.locator('.xh-save-status', { hasText: U.saveReview.cancelled }).waitFor();
    expect(await s.workbook()).toEqual(before);

    await s.page.locator('[data-key="save"]').click();
    await confirm.waitFor();
    await confirm.click();
    await s.page.locator('.xh-save-status.xh-ok').waitFor();
    const after = await s.workbook();
    for (const name of [S.criteria, S.self, S.appraised]) {
      expect(codes(after[name])).not.toContain('1.3');
      expect(after[name]).toHaveLength(before[name].length - 1);
    }
    // the other rows keep their typed cells
    expect(after[S.self].filter((r) => r[0] !== '1.3')).toEqual(
      before[S.self].filter((r) => r[0] !== '1.3'),
    );
  },
);
