/**
 * The campaign setup the task pane edits (settings, criteria tree, blocks and bands, awards with
 * quotas, caps and gates): read from and written back to "Cấu hình" and "Tiêu chí", which stay
 * the source of truth. Saving rewrites only those two sheets.
 */
import { evaluateCampaign } from '../evaluate';
import { vi } from '../i18n/vi';
import type { Issue } from '../model/issues';
import type { CampaignSetup } from '../model/types';
import type { Sheets } from './grid';
import { inputSheets } from './inputs';
import { parseSetupSheets } from './parse';
import type { OutputBlock } from './render';

const S = vi.workbook.sheets;

/** The two sheets a setup lives in. */
export const SETUP_SHEETS: readonly string[] = [S.config, S.criteria];

export function readSetup(sheets: Sheets): { setup?: CampaignSetup; issues: Issue[] } {
  return parseSetupSheets(sheets);
}

/**
 * Problems that would stop a run because of the setup itself (a max that is not the sum of its
 * children, a band list out of order, a quota for an unknown block…), found before saving.
 */
export function checkSetup(setup: CampaignSetup): Issue[] {
  // Council choices name units, which a setup alone does not have: they are checked by a run.
  const awards = setup.awards ? { ...setup.awards, councilChoices: undefined } : undefined;
  const outcome = evaluateCampaign({ ...setup, ...(awards ? { awards } : {}), units: [] });
  // Measures ("PCI") are columns of "Đơn vị": a run checks them, the setup cannot.
  return outcome.ok ? [] : outcome.errors.filter((i) => i.key !== 'unknownMeasure');
}

/** "Cấu hình" and "Tiêu chí" for a setup, laid out as the workbook format says. */
export function setupSheets(setup: CampaignSetup): OutputBlock[] {
  const names = new Set(SETUP_SHEETS);
  return inputSheets({ ...setup, units: [] }).filter((b) => names.has(b.name));
}
