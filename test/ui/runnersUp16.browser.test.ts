/**
 * Issue 16 over both hosts (test/ui/hosts.ts): runners-up given per block on "Khen thưởng" —
 * the department block 2, the district block 0 — saved as "so: 2; huyen: 0" in "Cấu hình"
 * (under the "Mục | Giá trị" header of THIẾT LẬP), then ranked: "Đề nghị khen thưởng" holds two
 * runners-up of the department block and none of the district block, and so does "Kết quả".
 */
import { vi } from '../../shared/i18n/vi';
import type { CellValue } from '../../shared/model/types';
import { confirmSave, gotoTab, hostTests, rank, save } from './hosts';

const S = vi.workbook.sheets;
const W = vi.workbook;
const SO = 'Khối sở, ban, ngành';
const HUYEN = 'Khối huyện, thị xã, thành phố';

hostTests(
  'runners-up per block: set so 2, huyen 0 on "Khen thưởng", save, rank: the workbook follows',
  async (s) => {
    await s.open({ case: 'example' });
    await gotoTab(s.page, 'awards');
    await s.page.getByLabel(W.settings.runnersUp, { exact: true }).selectOption('perBlock');
    const per = s.page.locator('[data-runners-up]');
    // each block starts from the one number the example had (1)
    await expect(per.getByLabel(SO).inputValue()).resolves.toBe('1');
    await per.getByLabel(SO).fill('2');
    await per.getByLabel(SO).press('Tab');
    await per.getByLabel(HUYEN).fill('0');
    await per.getByLabel(HUYEN).press('Tab');
    // Save may ask first (a runner-up's nomination changes basis); answer it.
    let saved = await save(s.page);
    if (saved === 'asked') saved = await confirmSave(s.page);
    expect(saved).toBe('saved');
    const config = (await s.workbook())[S.config] ?? [];
    expect(config.find((r) => r[0] === W.settings.runnersUp)?.[1]).toBe('so: 2; huyen: 0');
    expect(config[1]).toEqual([W.headers.settingKey, W.headers.settingValue]);

    await expect(rank(s.page)).resolves.toBe('ok');
    const book = await s.workbook();
    const runnersUp = (book[S.proposals] ?? []).filter(
      (r: CellValue[]) => r[0] === vi.awards.runnersUpLabel,
    );
    expect(runnersUp.filter((r) => r[4] === SO)).toHaveLength(2);
    expect(runnersUp.filter((r) => r[4] === HUYEN)).toEqual([]);
    const names = runnersUp.map((r) => r[3]);
    // "Kết quả": exactly those units' notes say "Liền kề"
    const results = (book[S.results] ?? []).filter((r) =>
      String(r[r.length - 1] ?? '').includes(vi.awards.runnerUp),
    );
    expect(results.map((r) => r[2]).sort()).toEqual([...names].sort());
  },
);
