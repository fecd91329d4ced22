/**
 * The edit the browser tests make through the UI — the district block's quota of the first
 * award raised from 3 to 4 — and what the core itself says the run gives before and after.
 */
import { anGiang2018 } from '../../examples/an-giang-2018';
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
