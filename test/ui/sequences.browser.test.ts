/**
 * Browser sequences over both hosts (test/ui/hosts.ts): each sequence is written once and runs
 * on the Excel task pane over FakeExcel and on the Sheets sidebar over the fake spreadsheet,
 * asserting what the workbook holds afterwards.
 */
import { vi } from '../../shared/i18n/vi';
import { hostTests, rank } from './hosts';

const S = vi.workbook.sheets;

hostTests('the example ranks: "Kết quả" is written, input sheets untouched', async (s) => {
  await s.open({ case: 'example', latency: 20 });
  const before = await s.workbook();
  const calls = await s.hostCalls();
  await expect(rank(s.page)).resolves.toBe('ok');
  const after = await s.workbook();
  expect(Object.keys(after)).toEqual(expect.arrayContaining([S.results, S.proposals, S.log]));
  expect(after[S.results].flat()).toContain('Sở Tư pháp');
  // "Xếp hạng" never modifies an input sheet.
  for (const [name, rows] of Object.entries(before)) expect(after[name]).toEqual(rows);
  const used = await s.hostCalls();
  if (s.host === 'excel') expect((used.syncs ?? 0) - (calls.syncs ?? 0)).toBeLessThanOrEqual(3);
  else expect(used.server?.slice(calls.server?.length)).toEqual(['xephangApiRank']);
  await expect(s.state()).resolves.toMatchObject({ active: S.results });
  await s.screenshot('ranked');
});
