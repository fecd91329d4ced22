/**
 * The campaign setup the task pane edits (settings, criteria tree, blocks and bands, awards with
 * quotas, caps and gates): read from and written back to "Cấu hình" and "Tiêu chí", which stay
 * the source of truth. Saving rewrites only those two sheets.
 */
import { evaluateCampaign } from '../evaluate';
import { vi } from '../i18n/vi';
import { error, type Issue } from '../model/issues';
import type { CampaignSetup, CriterionSpec } from '../model/types';
import { text, type DateSystem, type Grid, type Sheets } from './grid';
import { inputSheets } from './inputs';
import { parseSetupSheets } from './parse';
import { codesReadBack } from './parse/criteria';
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
  const issues = outcome.ok
    ? []
    : outcome.errors.filter((i) => i.key !== 'unknownMeasure' && i.key !== 'unknownAppraiserUnit');
  // "Tiêu chí" is written in tree order and read back in context: every code must read as itself
  const misread = codesReadBack(setup.criteria).map(({ code, key, source }) =>
    error('codeReadsAs', { code, key }, source ? { cell: source } : { criterion: code }),
  );
  return [...issues, ...misread, ...pointlessLeaves(setup.criteria)];
}

/**
 * A leaf whose rule can give no points at all ("Đạt/Không đạt" with a max of 0, levels or tiers
 * all 0): every unit scores 0 there, which is never what was meant (a new criterion left at
 * its preset). A deduction ("Điểm trừ") only takes points away: with a max of 0 it is a pure
 * penalty, which is valid.
 */
function pointlessLeaves(nodes: readonly CriterionSpec[], out: Issue[] = []): Issue[] {
  for (const n of nodes) {
    if (n.children?.length) {
      pointlessLeaves(n.children, out);
      continue;
    }
    const rule = n.rule ?? { kind: 'tick' as const };
    if (rule.kind === 'deduction') continue;
    const best =
      rule.kind === 'levels'
        ? Math.max(0, ...rule.levels.map((l) => Math.min(l.points, n.max)))
        : rule.kind === 'tiers'
          ? Math.max(0, ...rule.tiers.map((t) => Math.min(t.points, n.max)))
          : n.max;
    if (best > 0) continue;
    out.push(
      error(
        'criterionGivesNoPoints',
        { code: n.code, name: n.name, max: n.max, rule: vi.workbook.choices.rules[rule.kind] },
        { criterion: n.code, ...(n.cells?.max ? { cell: n.cells.max } : {}) },
      ),
    );
  }
  return out;
}

/** "Cấu hình" and "Tiêu chí" for a setup, laid out as the workbook format says. */
export function setupSheets(
  setup: CampaignSetup,
  options: { complete?: boolean } = {},
): OutputBlock[] {
  const names = new Set(SETUP_SHEETS);
  return inputSheets({ ...setup, units: [] }, { complete: options.complete === true }).filter((b) =>
    names.has(b.name),
  );
}

/**
 * Whether a "Cấu hình" as read is the complete layout "Tạo mẫu" writes (every setting and gate,
 * a note beside each in column C): a save then keeps it complete, so the notes and the empty
 * gates a user has not filled yet do not vanish at the first save.
 */
export function isCompleteConfig(grid: Grid | undefined): boolean {
  if (!grid) return false;
  const K = vi.workbook.settings;
  const row = grid.find((r) => text(r[0]) === K.id);
  return row !== undefined && text(row[2]) !== '';
}
