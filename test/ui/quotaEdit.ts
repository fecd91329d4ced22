/**
 * The edit the browser tests make through the UI — the district block's quota of the first
 * award raised from 3 to 4 — and what the core itself says the run gives before and after.
 */
import type { Page } from 'playwright-core';
import { anGiang2018 } from '../../examples/an-giang-2018';
import { vi } from '../../shared/i18n/vi';
import type { CampaignSpec } from '../../shared/model/types';
import { runCampaign, runSummary } from '../../shared/workbook/run';
import { workbookOf } from './fixtures';

export function quotaEditOutcome(): { units: number; proposals: number; before: number } {
  const summary = (spec: CampaignSpec) => {
    const s = runSummary(runCampaign({ sheets: workbookOf(spec), time: 't' }), 't');
    if (!s.ok) throw new Error('the example must rank');
    return s;
  };
  const awards = anGiang2018.awards;
  if (!awards) throw new Error('the example has awards');
  const edited: CampaignSpec = {
    ...anGiang2018,
    awards: { ...awards, awards: [{ ...awards.awards[0], quotaPerBlock: { so: 3, huyen: 4 } }] },
  };
  const after = summary(edited);
  return { units: after.units, proposals: after.proposals, before: summary(anGiang2018).proposals };
}

/**
 * The same edit made through the UI (the task pane or the sidebar, one shared UI): the first
 * award's quota per block, the district block raised to 4, then "Lưu vào bảng tính", waiting
 * for the save to be confirmed.
 */
export async function editDistrictQuota(page: Page): Promise<void> {
  const U = vi.ui;
  await page.getByRole('tab', { name: U.tabs.awards }).click();
  const card = page.locator('[data-award="0"]');
  await card.getByLabel(vi.workbook.headers.quota).selectOption('perBlock');
  const district = card.getByLabel('Khối huyện, thị xã, thành phố');
  await district.fill('4');
  await district.press('Tab');
  await page.getByRole('button', { name: U.save.button }).click();
  await page.locator('.xh-save-status.xh-ok').waitFor();
}
