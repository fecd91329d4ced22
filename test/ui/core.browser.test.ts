/**
 * Issue 21's sequences 1, 2, 4 and 5 over both hosts (test/ui/hosts.ts), each asserting what the
 * workbook holds afterwards: a raised quota that changes a nominator's basis ranks with the
 * nomination flagged; edits are saved before ranking; a blank workbook is guided through "Tạo
 * mẫu" and its unscored ranking proposes nothing; merging with nothing to merge writes nothing.
 */
import type { Page } from 'playwright-core';
import { vi } from '../../shared/i18n/vi';
import type { CellValue } from '../../shared/model/types';
import { buildWorkbook } from '../../xlsx';
import { confirmSave, gotoTab, hostTests, rank, save, saveQuestions, type Workbook } from './hosts';
import { TEMPLATE_SHEETS } from '../../ui/views/setup';

const S = vi.workbook.sheets;
const U = vi.ui;
const M = vi.ui.summary;
const SYT_REVIEW = 'Đơn vị SYT nay được đề nghị khen thưởng; đề cử theo diện liền kề cần xem lại.';

/** The first award's quota of the department block typed as `value` on "Khen thưởng". */
async function typeDepartmentQuota(page: Page, value: string): Promise<void> {
  await gotoTab(page, 'awards');
  const card = page.locator('[data-award="0"]');
  await card.getByLabel(vi.workbook.headers.quota).selectOption('perBlock');
  const department = card.getByLabel('Khối sở, ban, ngành');
  await department.fill(value);
  await department.press('Tab');
}

const cells = (book: Workbook, sheet: string): CellValue[] => (book[sheet] ?? []).flat();

/** The rows of "Đề nghị khen thưởng" whose note mentions SYT's review. */
const flaggedRows = (book: Workbook): CellValue[][] =>
  (book[S.proposals] ?? []).filter((row) => row.some((c) => String(c ?? '').includes(SYT_REVIEW)));

hostTests(
  'sequence 1: raise the department quota 3 → 4, save, rank: SYT’s nomination flagged',
  async (s) => {
    await s.open({ case: 'example' });
    await typeDepartmentQuota(s.page, '4');
    // Save warns before writing: SYT would now be proposed, its "liền kề" nomination to review.
    const before = await s.workbook();
    await expect(save(s.page)).resolves.toBe('asked');
    expect((await saveQuestions(s.page)).join(' ')).toContain(SYT_REVIEW);
    expect(await s.workbook()).toEqual(before);
    await expect(confirmSave(s.page)).resolves.toBe('saved');
    await expect(rank(s.page)).resolves.toBe('ok');
    const book = await s.workbook();
    // Ranked and proposed: SYT is now among the Bằng khen, its nomination flagged twice (its
    // ballot row and the review row), never dropped.
    expect(cells(book, S.results)).toContain('Sở Y tế');
    const flagged = flaggedRows(book);
    expect(flagged.map((r) => r[0])).toEqual(expect.arrayContaining([vi.review.label]));
    expect(flagged.find((r) => r[0] === vi.review.label)?.[3]).toBe(
      'Huỳnh Minh Trí — Chánh Văn phòng Sở',
    );
    // The summary shows it apart, linked to the nominating cell.
    const reviews = s.page.locator('[data-summary="reviews"]');
    await expect(reviews.textContent()).resolves.toContain(SYT_REVIEW);
    await reviews.getByRole('button', { name: new RegExp('Đơn vị SYT') }).click();
    // The host selects the cell when its call returns (google.script.run is asynchronous).
    for (let i = 0; i < 50 && (await s.state()).selected === undefined; i++)
      await s.page.waitForTimeout(100);
    await expect(s.state()).resolves.toMatchObject({
      selected: { sheet: S.nominations, address: 'F7' },
    });
    // Named proposals; a block's list says how many of how many.
    const proposals = await s.page.locator('[data-summary="proposals"]').textContent();
    expect(proposals).toContain('Sở Y tế');
    await s.screenshot('quota-review');
  },
);

hostTests(
  'sequence 2: edit, then rank without saving: "Lưu và xếp hạng" saves first',
  async (s) => {
    await s.open({ case: 'example' });
    await typeDepartmentQuota(s.page, '4');
    await gotoTab(s.page, 'rank');
    const button = s.page.locator('[data-key="rank"]');
    await expect(button.textContent()).resolves.toBe(M.saveAndRank);
    // "Lưu và xếp hạng" saves first; the save's question shows on this tab and waits for the
    // answer, and only then does the run start.
    const unsaved = await s.workbook();
    await button.click();
    await s.page.locator('[data-key="save-confirm"]').waitFor();
    expect((await saveQuestions(s.page)).join(' ')).toContain(SYT_REVIEW);
    expect(await s.workbook()).toEqual(unsaved);
    await s.page.locator('[data-key="save-confirm"]').click();
    await s.page.locator('[data-result="ok"]').waitFor();
    const book = await s.workbook();
    // Saved (the quota row of "Cấu hình" holds 4 for the department block) and ranked on it.
    expect(JSON.stringify(book[S.config])).toContain('"so: 4');
    expect(flaggedRows(book).length).toBeGreaterThan(0);
    await expect(button.textContent()).resolves.toBe(U.rank.button);

    // A field that does not read: nothing is saved or ranked, the pane says so.
    await typeDepartmentQuota(s.page, 'bốn');
    await gotoTab(s.page, 'rank');
    const before = await s.workbook();
    await button.click();
    await s.page.locator('.xh-bad-note').waitFor();
    await expect(s.page.locator('.xh-bad-note').textContent()).resolves.toBe(M.notSaved);
    expect(await s.workbook()).toEqual(before);
  },
);

hostTests(
  'sequence 4: a blank workbook: "Tạo mẫu", what next, an unscored ranking proposes nothing',
  async (s) => {
    await s.open({ case: 'empty' });
    // "Tạo mẫu" is the one action: no rank button.
    await expect(s.page.locator('[data-key="rank"]').count()).resolves.toBe(0);
    const create = s.page.locator('[data-key="template:create"]');
    await expect(create.getAttribute('class')).resolves.toContain('xh-primary');
    await s.page.locator('[data-key="template:units"]').fill('6');
    await create.click();
    const created = s.page.locator('[data-result="created"]');
    await created.waitFor();
    const names = await s.sheetNames();
    expect(names).toEqual(expect.arrayContaining([...TEMPLATE_SHEETS]));
    for (const sheet of TEMPLATE_SHEETS)
      await expect(created.getByRole('button', { name: sheet, exact: true }).count()).resolves.toBe(
        1,
      );
    await expect(created.textContent()).resolves.toContain(M.steps[0]);
    await s.screenshot('template-created');
    // "Cấu hình" holds every section, the award with a place per block, the gates left empty,
    // each with its note (issue 16).
    const config = (await s.workbook())[S.config] ?? [];
    const titles = config.map((row) => row[0]);
    expect(titles).toEqual(expect.arrayContaining(Object.values(vi.workbook.sections)));
    const award = config.find((row) => row[0] === 'BK');
    expect(award?.slice(0, 3)).toEqual(['BK', 'Bằng khen của Chủ tịch UBND tỉnh', 'so: 1; xa: 1']);
    const gate = config.find((row) => row[0] === vi.workbook.gates.registration);
    expect(gate?.[1] ?? '').toBe('');
    expect(gate?.[2]).toBe(vi.templateNotes.gates.registration);

    await expect(rank(s.page)).resolves.toBe('ok');
    await expect(s.page.locator('[data-summary="unscored"]').textContent()).resolves.toBe(
      M.unscoredAll,
    );
    await expect(s.page.locator('[data-stat="proposals"]').textContent()).resolves.toBe('0');
    const book = await s.workbook();
    const notes = (book[S.results] ?? []).map((row) => row[row.length - 1]);
    expect(notes.filter((n) => String(n ?? '').includes(vi.review.noScoresNote)).length).toBe(6);
    // Nothing proposed: no proposal row names anyone (the award's places are reported unfilled).
    // (the rows under the table's header: title and header above; "Mã đơn vị" in column C)
    const rows = book[S.proposals] ?? [];
    const proposed = rows
      .slice(rows.findIndex((row) => row[1] === 'STT') + 1)
      .map((row) => row[3] ?? '');
    expect(proposed.length).toBeGreaterThan(0);
    expect(proposed.every((name) => name === '')).toBe(true);
    await s.screenshot('template-ranked');
  },
);

hostTests('sequence 5: merge with no forms: a warning, nothing written', async (s) => {
  await s.open({ case: 'unscored' });
  const before = await s.workbook();
  if (s.host === 'excel') {
    const other = buildWorkbook([{ name: 'Trang tính1', rows: [['x']] }]);
    await s.page.locator('[data-key="forms:files"]').setInputFiles({
      name: 'bao-cao.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(other),
    });
  }
  await s.page.locator('[data-key="forms:merge"]').click();
  const nothing = s.page.locator('[data-forms="nothing"]');
  await nothing.waitFor();
  const text = await nothing.textContent();
  expect(text).toContain(M.nothingToMerge);
  expect(text).toContain(s.host === 'excel' ? M.nothingInFiles : M.nothingInSheets);
  await expect(s.page.locator('[data-forms="merged"]').count()).resolves.toBe(0);
  expect(await s.workbook()).toEqual(before);
});
