/**
 * Last year's results in both hosts (issue 17), asserting what the workbook holds: in Excel the
 * pane's "Lấy kết quả năm trước…" copies the picked ranked workbook's "Kết quả" into the sheet
 * "Kết quả năm trước" (two syncs, no other sheet touched) and says how many units it found; a
 * file without "Kết quả" writes nothing and names the file. In Sheets the sidebar says to paste
 * last year's "Kết quả" into that sheet (no file to pick). In both, "Xếp hạng" then ranks with
 * the sheet there and leaves it as it was.
 */
import { formatMessage, vi } from '../../shared/i18n/vi';
import type { CellValue } from '../../shared/model/types';
import { PREVIOUS_SHEET } from '../../shared/workbook/previousSheet';
import { runCampaign } from '../../shared/workbook/run';
import { buildWorkbook } from '../../xlsx';
import { exampleWorkbook } from './fixtures';
import { hostTests, rank, type Workbook } from './hosts';

const S = vi.workbook.sheets;
const P = vi.previousHost;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Last year's "Kết quả": the example ranked, as the run writes it. */
function lastYear(): CellValue[][] {
  const run = runCampaign({ sheets: exampleWorkbook(), time: '2025-11-25 09:00:00' });
  if (!run.ok) throw new Error('the example does not rank');
  return (run.outputs.find((o) => o.name === S.results)?.rows ?? []).map((r) =>
    r.map((v) => (v === undefined || v === '' ? null : v)),
  );
}

/** Rows as the fakes' grid() gives them: no trailing blanks, blanks null. */
function trimmed(rows: readonly (readonly CellValue[])[]): CellValue[][] {
  const out = rows.map((row) => {
    let end = row.length;
    while (end > 0 && (row[end - 1] === null || row[end - 1] === '')) end--;
    return row.slice(0, end).map((v) => (v === '' ? null : v));
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

const units = exampleWorkbook()[S.units].length - 1;

const without = (book: Workbook, name: string): Workbook =>
  Object.fromEntries(Object.entries(book).filter(([n]) => n !== name));

hostTests(
  'last year\'s "Kết quả" into "Kết quả năm trước" (picked in Excel, pasted in Sheets); "Xếp hạng" leaves it',
  async (s) => {
    await s.open({ case: 'example', latency: 20 });
    const expected = trimmed(lastYear());
    const before = await s.workbook();
    const card = s.page.locator('section.xh-previous');
    if (s.host === 'excel') {
      // A file without "Kết quả" first: an error naming it, nothing written.
      await s.page.getByLabel(P.pick).setInputFiles({
        name: 'bao-cao.xlsx',
        mimeType: XLSX,
        buffer: Buffer.from(buildWorkbook([{ name: 'Trang tính1', rows: [['x']] }])),
      });
      const errors = card.locator('[data-previous="errors"]');
      await errors.waitFor();
      await expect(errors.textContent()).resolves.toContain(
        `Tệp bao-cao.xlsx: ${formatMessage(P.noResults, { sheet: S.results })}`,
      );
      expect(await s.workbook()).toEqual(before);

      const calls = await s.hostCalls();
      await s.page.getByLabel(P.pick).setInputFiles({
        name: 'dot-2024.xlsx',
        mimeType: XLSX,
        buffer: Buffer.from(buildWorkbook([{ name: S.results, rows: lastYear() }])),
      });
      const loaded = card.locator('[data-previous="loaded"] .xh-ok-text');
      await loaded.waitFor();
      await expect(loaded.textContent()).resolves.toBe(
        formatMessage(P.loaded, { count: units, file: 'dot-2024.xlsx', sheet: PREVIOUS_SHEET }),
      );
      const used = await s.hostCalls();
      expect((used.syncs ?? 0) - (calls.syncs ?? 0)).toBe(2);
    } else {
      // No file to pick: the instruction to paste, naming both sheets.
      await expect(card.locator('input[type="file"]').count()).resolves.toBe(0);
      await expect(card.locator('[data-previous="paste"]').textContent()).resolves.toBe(
        formatMessage(P.sheetsHint, { results: S.results, sheet: PREVIOUS_SHEET }),
      );
      // The user pastes last year's "Kết quả" into a sheet of that name.
      await s.page.evaluate(
        ({ name, rows }) => {
          const book = (
            window as unknown as {
              xhBook: {
                api(): { insertSheet(n: string): unknown };
                sheets: { name: string; set(r: number, c: number, v: unknown): void }[];
              };
            }
          ).xhBook;
          book.api().insertSheet(name);
          const sheet = book.sheets.find((x) => x.name === name);
          rows.forEach((row, r) =>
            row.forEach((v, c) => {
              if (v !== null) sheet?.set(r, c, v);
            }),
          );
        },
        { name: PREVIOUS_SHEET, rows: lastYear() },
      );
    }
    const filled = await s.workbook();
    expect(filled[PREVIOUS_SHEET]).toEqual(expected);
    // Nothing else was touched.
    expect(without(filled, PREVIOUS_SHEET)).toEqual(before);

    await expect(rank(s.page)).resolves.toBe('ok');
    const after = await s.workbook();
    expect(after[PREVIOUS_SHEET]).toEqual(expected);
    for (const [name, rows] of Object.entries(before)) expect(after[name]).toEqual(rows);
    await s.screenshot('previous');
  },
);
