/**
 * Issue 16, flat tables, over both hosts (test/ui/hosts.ts): a criterion added at the top level
 * of the tree ("Thêm lĩnh vực", left without children) is a field scored as one number. Saved,
 * it has its row in "Tiêu chí" and in every score sheet; scored and ranked, "Kết quả" gives it
 * its own field column and adds its points to the unit's total.
 */
import { vi } from '../../shared/i18n/vi';
import type { CellValue } from '../../shared/model/types';
import { gotoTab, hostTests, rank, save } from './hosts';

const S = vi.workbook.sheets;
const R = vi.report;

const NAME = 'Điểm đánh giá của Chủ tịch UBND tỉnh';

const rowOf = (rows: CellValue[][] | undefined, code: string): number =>
  (rows ?? []).findIndex((r) => r[0] === code);

hostTests(
  'a top-level leaf added in the tree: saved, scored, ranked as its own field',
  async (s) => {
    await s.open({ case: 'example' });
    await gotoTab(s.page, 'criteria');
    await s.page.locator('[data-key="addRoot"]').click();
    const name = s.page.locator('[data-key$=":name"]');
    await name.fill(NAME);
    await name.press('Tab');
    const max = s.page.locator('[data-key$=":max"]');
    await max.fill('2,5');
    await max.press('Tab');
    await s.page.locator('select[data-key$=":rule"]').selectOption('tick');
    await expect(save(s.page)).resolves.toBe('saved');

    const book = await s.workbook();
    // "Tiêu chí": the new field is a leaf row of its own, with its max and rule
    const criteria = book[S.criteria];
    expect(criteria[criteria.length - 1].slice(0, 4)).toEqual(['4', NAME, 2.5, 'Đạt/Không đạt']);
    for (const sheet of [S.self, S.appraised]) {
      const r = rowOf(book[sheet], '4');
      expect(r).toBeGreaterThan(0);
      expect(book[sheet][r].slice(0, 3)).toEqual(['4', NAME, 2.5]);
    }

    // scored for STP in "Chấm điểm" (ticked) and SNV (not), then ranked
    const header = book[S.appraised][0];
    const r = rowOf(book[S.appraised], '4');
    await s.setCell(S.appraised, r, header.indexOf('STP'), 'x');
    await s.setCell(S.appraised, r, header.indexOf('SNV'), 'không');
    await expect(rank(s.page)).resolves.toBe('ok');

    const results = (await s.workbook())[S.results];
    const h = results.findIndex((row) => row.includes(R.total));
    const cols = results[h];
    const field = cols.indexOf(`4. ${NAME}`);
    expect(field).toBeGreaterThan(cols.indexOf(`3. Hiện đại hóa hành chính`));
    const unit = (n: string): CellValue[] => results.find((row) => row[2] === n) ?? [];
    expect(unit('Sở Tư pháp')[field]).toBe(2.5);
    expect(unit('Sở Nội vụ')[field]).toBe(0);
    // STP: 98,57 before (examples/an-giang-2018, test/cli/main.test.ts), 2,5 more
    expect(unit('Sở Tư pháp')[cols.indexOf(R.total)]).toBe(101.07);
  },
);

hostTests(
  'a pasted table (I, 1, 1.1, a)) in the pane: a field III added, saved by keys, ranked',
  async (s) => {
    await s.open({ case: 'pasted' });
    await gotoTab(s.page, 'criteria');
    await s.page.locator('[data-key="addRoot"]').click();
    await s.page.locator('select[data-key$=":rule"]').selectOption('tick');
    await expect(save(s.page)).resolves.toBe('saved');

    const book = await s.workbook();
    // "Tiêu chí" written with the keys the pasted codes read as, the new field last
    expect(book[S.criteria].slice(1).map((r) => r[0])).toEqual([
      'I',
      'I.1',
      'I.1.1',
      'I.1.2',
      'I.2',
      'I.2.a',
      'I.2.b',
      'II',
      'II.1',
      'II.2',
      'III',
    ]);
    // "Chấm điểm" kept every typed row (found by its key) and gained a row for III
    const scores = book[S.appraised];
    expect(scores.map((r) => r[0])).toEqual([
      'Mã tiêu chí',
      'I',
      'I.1',
      'I.1.1',
      'I.1.2',
      'I.2',
      'I.2.a',
      'I.2.b',
      'II',
      'II.1',
      'II.2',
      'III',
    ]);
    expect(scores[rowOf(scores, 'I.2.b')].slice(3)).toEqual(['Đúng hạn', 'Trễ hạn', 'Đúng hạn']);

    await s.setCell(S.appraised, rowOf(scores, 'III'), 3, 'x');
    await expect(rank(s.page)).resolves.toBe('ok');
    const results = (await s.workbook())[S.results];
    const cols = results[results.findIndex((row) => row.includes(R.total))];
    const unit = (n: string): CellValue[] => results.find((row) => row[2] === n) ?? [];
    // the pasted table's hand-computed totals (11,5; 7,5; 6,25) and III's point for STP
    expect(unit('Sở Tư pháp')[cols.indexOf(R.total)]).toBe(12.5);
    expect(unit('Sở Nội vụ')[cols.indexOf(R.total)]).toBe(7.5);
    expect(unit('Sở Y tế')[cols.indexOf(R.total)]).toBe(6.25);
  },
);
