/**
 * The campaign setup the task pane edits (settings, criteria tree, blocks and bands, awards with
 * quotas, caps and gates): read from and written back to "Cấu hình" and "Tiêu chí", which stay
 * the source of truth. Saving rewrites only those two sheets.
 */
import { evaluateCampaign } from '../evaluate';
import { vi } from '../i18n/vi';
import type { Issue } from '../model/issues';
import type { CampaignSetup } from '../model/types';
import type { DateSystem, Sheets } from './grid';
import { inputSheets } from './inputs';
import { parseSetupSheets } from './parse';
import type { OutputBlock } from './output';
import { issueView, type IssueView } from './run';

const S = vi.workbook.sheets;

/** The two sheets a setup lives in. */
export const SETUP_SHEETS: readonly string[] = [S.config, S.criteria];

/** The setup in "Cấu hình" and "Tiêu chí"; date serials count in `dates` (the workbook's system). */
export function readSetup(
  sheets: Sheets,
  dates: DateSystem = 1900,
): { setup?: CampaignSetup; issues: Issue[] } {
  return parseSetupSheets(sheets, dates);
}

/** What the task pane gets when it opens: the setup, its errors, or "no campaign sheets yet". */
export type SetupState =
  /** "Cấu hình" and "Tiêu chí" read without error. */
  | { kind: 'ready'; setup: CampaignSetup; warnings: IssueView[] }
  /** The workbook has neither sheet: offer "Tạo mẫu". */
  | { kind: 'empty' }
  /** The sheets exist but have errors: list them (clicking one selects its cell). */
  | { kind: 'invalid'; errors: IssueView[] };

/** The setup state of the sheets a host read (those of SETUP_SHEETS that exist). */
export function setupState(sheets: Sheets): SetupState {
  if (Object.keys(sheets).length === 0) return { kind: 'empty' };
  const { setup, issues } = readSetup(sheets);
  if (!setup) {
    return { kind: 'invalid', errors: issues.filter((i) => i.severity === 'error').map(issueView) };
  }
  return { kind: 'ready', setup, warnings: issues.map(issueView) };
}

/**
 * Problems that would stop a run because of the setup itself (a max that is not the sum of its
 * children, a band list out of order, a quota for an unknown block…), found before saving.
 */
export function checkSetup(setup: CampaignSetup): Issue[] {
  // Council choices name units, which a setup alone does not have: they are checked by a run.
  const awards = setup.awards ? { ...setup.awards, councilChoices: undefined } : undefined;
  const outcome = evaluateCampaign({ ...setup, ...(awards ? { awards } : {}), units: [] });
  // Measures ("PCI") are columns of "Đơn vị", and so are appraisers' workplaces: a run checks
  // them, the setup cannot.
  return outcome.ok
    ? []
    : outcome.errors.filter((i) => i.key !== 'unknownMeasure' && i.key !== 'unknownAppraiserUnit');
}

/** "Cấu hình" and "Tiêu chí" for a setup, laid out as the workbook format says. */
export function setupSheets(setup: CampaignSetup): OutputBlock[] {
  const names = new Set(SETUP_SHEETS);
  return inputSheets({ ...setup, units: [] }).filter((b) => names.has(b.name));
}
