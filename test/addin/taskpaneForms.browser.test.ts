/**
 * Self-assessment forms in the Excel task pane as shipped (addin/taskpane.ts over fake Office
 * globals and the counting FakeExcel), in headless Chromium: "Tạo phiếu tự chấm" offers a .zip
 * download of one form per unit; the forms, filled (by the Node writer, as a unit's Excel would
 * save them) and picked in the file input, merge with "Gộp phiếu tự chấm" into the workbook's
 * "Tự chấm" in at most 3 syncs — the same sheet as the typed example. A foreign form and a file
 * that is not an .xlsx write nothing and are listed as text (their cells are in the form, not in
 * this workbook). No console errors. Screenshot in test-artifacts/excel-forms.png.
 */
import { mkdirSync, readFileSync } from 'fs';
import path from 'path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { buildWorkbook, readPackage, readSheets } from '../../xlsx';
import { anGiang2018 } from '../../examples/an-giang-2018';
import { FORM_ROWS } from '../../shared/forms/form';
import { vi } from '../../shared/i18n/vi';
import type { CellValue } from '../../shared/model/types';
import { browserTest, withPage } from '../ui/browser';
import { exampleWorkbook } from '../ui/fixtures';
import { FakeExcel } from './fakeExcel';
import { fillFormRows } from '../hosts/fillForm';

const PAGE = 'test/addin/taskpanePage.ts';
const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const U = vi.ui;
const S = vi.workbook.sheets;
const F = vi.forms;
jest.setTimeout(30_000);

const excel = (page: Page) =>
  page.evaluate(() => {
    const fake = (window as unknown as { xhExcel: FakeExcel }).xhExcel;
    return {
      syncs: fake.syncs.length,
      writes: fake.syncs.reduce((n, s) => n + s.writes, 0),
      self: fake.sheet('Tự chấm')?.grid() ?? [],
      explanations: fake.sheet('Giải trình tự chấm')?.grid() ?? [],
    };
  });

/** A unit's form, filled with the example's self scores and saved (by the Node writer). */
function fill(bytes: Uint8Array, campaignId?: string): Buffer {
  const rows = (readSheets(readPackage(bytes), [F.sheet]).get(F.sheet)?.rows ?? []).map((r) => [
    ...r,
  ]) as CellValue[][];
  fillFormRows(rows);
  if (campaignId) rows[FORM_ROWS.campaignId][1] = campaignId;
  return Buffer.from(buildWorkbook([{ name: F.sheet, rows }]));
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Clicks "Tạo phiếu tự chấm" and returns the downloaded .zip's name and entries. */
async function download(page: Page): Promise<{ name: string; files: Record<string, Uint8Array> }> {
  await page.getByRole('button', { name: U.forms.make }).click();
  const link = page.locator('a.xh-download');
  await link.waitFor();
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const bytes = readFileSync(await file.path());
  expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // "PK\3\4"
  return { name: file.suggestedFilename(), files: unzipSync(bytes) };
}

browserTest(
  'make the forms, download them, merge them back filled: "Tự chấm" as typed',
  async () => {
    const typed = FakeExcel.fromSheets(exampleWorkbook()).sheet(S.self)?.grid();
    await withPage(PAGE, async ({ page, url, problems }) => {
      await page.goto(`${url}?case=unscored&latency=60`);
      const merge = page.getByRole('button', { name: U.forms.merge });
      // Nothing picked yet: nothing to merge.
      await expect(merge.isDisabled()).resolves.toBe(true);

      const start = await excel(page);
      const zip = await download(page);
      const zipName = `phieu-tu-cham-${anGiang2018.id}.zip`;
      expect(zip.name).toBe(zipName);
      await expect(page.locator('a.xh-download').textContent()).resolves.toBe(`Tải về ${zipName}`);
      await expect(page.locator('[data-forms="made"] .xh-ok-text').textContent()).resolves.toBe(
        `Đã tạo ${anGiang2018.units.length} phiếu tự chấm.`,
      );
      expect(Object.keys(zip.files)).toEqual(anGiang2018.units.map((u) => `${u.id}.xlsx`));
      const made = await excel(page);
      expect(made.syncs - start.syncs).toBe(1);
      expect(made.writes).toBe(start.writes);

      await page.getByLabel(U.forms.pick).setInputFiles(
        Object.entries(zip.files).map(([name, bytes]) => ({
          name,
          mimeType: XLSX,
          buffer: fill(bytes),
        })),
      );
      await expect(page.locator('[data-forms="picked"]').textContent()).resolves.toBe(
        `Đã chọn ${anGiang2018.units.length} tệp.`,
      );
      // The button shows the merge is under way (however short it is here).
      await page.evaluate(() => {
        const w = window as unknown as { xhBusySeen: string };
        w.xhBusySeen = '';
        new MutationObserver(() => {
          const busy = document.querySelector('[data-key="forms:merge"][aria-busy="true"]');
          if (busy) w.xhBusySeen = busy.textContent ?? '';
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      await merge.click();
      const merged = page.locator('[data-forms="merged"]');
      await merged.waitFor();
      await expect(
        page.evaluate(() => (window as unknown as { xhBusySeen: string }).xhBusySeen),
      ).resolves.toBe(U.forms.merging);
      await expect(merged.locator('.xh-ok-text').textContent()).resolves.toBe(
        `Đã gộp phiếu của ${anGiang2018.units.length} đơn vị.`,
      );
      await expect(merged.locator('.xh-sheets').textContent()).resolves.toContain(F.explanations);

      const after = await excel(page);
      expect(after.syncs - made.syncs).toBeLessThanOrEqual(3);
      expect(after.self).toEqual(typed);
      expect(after.explanations.length).toBeGreaterThan(anGiang2018.units.length * 10);
      // Merged: the picked files are cleared, so the same forms are not merged twice by accident.
      await expect(merge.isDisabled()).resolves.toBe(true);

      mkdirSync(ARTIFACTS, { recursive: true });
      await merged.locator('summary').first().click();
      await page.screenshot({ path: path.join(ARTIFACTS, 'excel-forms.png'), fullPage: true });
      expect(problems).toEqual([]);
    });
  },
);

browserTest(
  'a foreign form and a file that is not an .xlsx: nothing written, listed as text',
  async () => {
    await withPage(PAGE, async ({ page, url, problems }) => {
      await page.goto(`${url}?case=unscored`);
      const zip = await download(page);
      const [first, second] = Object.entries(zip.files);
      const before = await excel(page);
      await page.getByLabel(U.forms.pick).setInputFiles([
        { name: first[0], mimeType: XLSX, buffer: fill(first[1], 'an-giang-2017') },
        { name: second[0], mimeType: XLSX, buffer: fill(second[1]) },
      ]);
      await page.getByRole('button', { name: U.forms.merge }).click();
      const errors = page.locator('[data-forms="merge-errors"]');
      await errors.waitFor();
      const after = await excel(page);
      expect(after.writes).toBe(before.writes);
      expect(after.self).toEqual(before.self);
      await expect(errors.locator('.xh-issue-text').first().textContent()).resolves.toMatch(
        new RegExp(`^Tệp ${first[0].replace('.', '\\.')}, trang tính '${F.sheet}', ô B2: `),
      );
      // A cell of the form is not a cell of this workbook: nothing to click.
      await expect(errors.locator('.xh-issue-link').count()).resolves.toBe(0);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({
        path: path.join(ARTIFACTS, 'excel-forms-errors.png'),
        fullPage: true,
      });

      // The picked files stay picked, to fix and retry; now one that is not a workbook at all.
      await page
        .getByLabel(U.forms.pick)
        .setInputFiles([
          { name: 'ghi-chu.xlsx', mimeType: XLSX, buffer: Buffer.from('không phải sổ tính') },
        ]);
      await page.getByRole('button', { name: U.forms.merge }).click();
      await expect(
        page.locator('[data-forms="merge-errors"] .xh-issue-text').first().textContent(),
      ).resolves.toMatch(/^Tệp ghi-chu\.xlsx: /);
      expect((await excel(page)).writes).toBe(before.writes);
      expect(problems).toEqual([]);
    });
  },
);
