/**
 * The campaign workbook → a CampaignSpec, with every problem located at its sheet and cell.
 * Pure: hosts hand in the values of each sheet (2-D arrays) and get the spec back; the layout
 * is documented in docs/workbook-format.md. One module per input sheet reads it; this one
 * checks the required sheets are there and joins what the sheets say.
 */
import { vi } from '../../i18n/vi';
import { error, type Issue } from '../../model/issues';
import type {
  CampaignSetup,
  CampaignSpec,
  CellRef,
  CellValue,
  CriterionSpec,
  ScoreSource,
} from '../../model/types';
import { isBlankRow, ref, text, type DateSystem, type Grid, type Sheets } from '../grid';
import { parseBallots } from './ballots';
import { at, hintFor } from './common';
import { parseConfig } from './config';
import { parseCriteria } from './criteria';
import { fillMerged, type Merges } from './merges';
import { parseNominations } from './nominations';
import { parseReplies } from './replies';
import { parseScores, type ScoreLocator } from './scores';
import { parseSurvey } from './survey';
import { parseUnits } from './units';
import { applyPrevious, parsePreviousResults, resolvePrevious } from './previous';
import { DEFAULT_SETTINGS } from '../../model/settings';

export type { Merges } from './merges';

const S = vi.workbook.sheets;

export interface ParsedWorkbook {
  spec?: CampaignSpec;
  issues: Issue[];
}

/**
 * Parses every input sheet; returns the spec when no sheet has an error. Date serials count in
 * `dates`, the workbook's date system.
 */
export function parseWorkbook(
  sheets: Sheets,
  merges: Merges = {},
  dates: DateSystem = 1900,
): ParsedWorkbook {
  const issues: Issue[] = [];
  for (const name of [S.config, S.criteria, S.units, S.appraised]) {
    if (!sheets[name]) issues.push(error('missingSheet', { sheet: name }, { workbook: true }));
    else if (sheets[name].length === 0)
      issues.push(error('emptySheet', { sheet: name }, { cell: ref(name, 0, 0) }));
  }
  if (issues.length > 0) return { issues };
  const config = parseConfig(sheets[S.config], issues, dates);
  const criteria = parseCriteria(sheets[S.criteria], issues);
  // A block (or any value) merged down over its units' rows reads as typed on each row.
  const { units } = parseUnits(fillMerged(sheets[S.units], merges[S.units] ?? []), issues, dates);
  const unitIds = new Set(units.map((u) => u.id));
  const parents = new Set<string>();
  const leafCodes = new Set<string>();
  const walk = (nodes: CriterionSpec[]): void =>
    nodes.forEach((n) => {
      if (n.children?.length) {
        parents.add(n.code);
        walk(n.children);
      } else leafCodes.add(n.code);
    });
  walk(criteria);

  const cellOf = new Map<ScoreSource, Map<string, CellRef>>();
  const locators = new Map<ScoreSource, ScoreLocator>();
  const apply = (
    source: ScoreSource,
    byUnit: Map<string, Record<string, CellValue>>,
    cells: Map<string, CellRef>,
  ): void => {
    cellOf.set(source, cells);
    for (const unit of units) {
      const scores = byUnit.get(unit.id);
      if (scores)
        unit[source === 'self' ? 'self' : source === 'appraised' ? 'appraised' : 'components'] =
          scores;
    }
  };
  const scoreGrids: NonNullable<CampaignSpec['scoreGrids']> = {};
  for (const source of ['appraised', 'appraised2', 'self'] as const) {
    const name = { appraised: S.appraised, appraised2: S.appraised2, self: S.self }[source];
    // "Chấm điểm" is required above; "Chấm điểm vòng 2" and "Tự chấm" are optional, and an
    // empty "Chấm điểm vòng 2" (made ready before round 2) is as good as none.
    if (!sheets[name]) continue;
    if (source === 'appraised2' && sheets[name].every(isBlankRow)) continue;
    const panel = source === 'self' ? undefined : config.appraisers;
    const parsed = parseScores(
      name,
      sheets[name],
      merges[name] ?? [],
      unitIds,
      parents,
      issues,
      panel,
    );
    scoreGrids[source] = parsed.scores;
    locators.set(source, parsed.locate);
  }
  // "Giải trình bổ sung" is optional; empty, it says nothing.
  const replyGrid = sheets[S.replies];
  const replies = replyGrid?.some((row) => !isBlankRow(row))
    ? parseReplies(replyGrid, unitIds, leafCodes, parents, issues)
    : [];
  if (sheets[S.survey]) {
    const survey = parseSurvey(sheets[S.survey], config.components, issues);
    for (const unit of survey.byUnit.keys()) {
      if (!unitIds.has(unit)) {
        const r = (sheets[S.survey] as Grid).findIndex((row) => text(row?.[0]) === unit);
        issues.push(
          error(
            'unknownUnitRow',
            { unit, hint: hintFor(unit, unitIds) },
            at(S.survey, Math.max(r, 0), 0),
          ),
        );
      }
    }
    apply('components', survey.byUnit, survey.cells);
  }
  const nominations = sheets[S.nominations] ? parseNominations(sheets[S.nominations], issues) : [];
  const ballots = sheets[S.ballots] ? parseBallots(sheets[S.ballots], issues) : [];
  // "Kết quả năm trước" (optional; blank is as good as none): last year's values per unit.
  let previousYear: CampaignSpec['previousYear'];
  const previousGrid = sheets[S.previousResults];
  const previousRows = previousGrid ? parsePreviousResults(previousGrid, issues) : undefined;
  if (previousRows) {
    previousYear = resolvePrevious(
      units,
      config.blocks,
      previousRows,
      config.settings.previousMerge ?? DEFAULT_SETTINGS.previousMerge,
      config.settings.decimals ?? DEFAULT_SETTINGS.decimals,
      config.year,
      issues,
    );
    applyPrevious(
      units,
      previousYear,
      config.settings.decimals ?? DEFAULT_SETTINGS.decimals,
      issues,
    );
  }
  if (issues.some((i) => i.severity === 'error')) return { issues };

  const spec: CampaignSpec = {
    id: config.id,
    name: config.name,
    year: config.year,
    settings: config.settings,
    settingCells: config.settingCells,
    scoreGrids,
    criteria,
    ...(config.components.length ? { components: config.components } : {}),
    blocks: config.blocks,
    units,
    ...(config.awards ? { awards: config.awards } : {}),
    ...(nominations.length ? { nominations } : {}),
    ...(ballots.length ? { ballots } : {}),
    ...(config.appraisers.length ? { appraisers: config.appraisers } : {}),
    ...(replies.length ? { replies } : {}),
    ...(previousYear ? { previousYear } : {}),
    locateScore: (source, unit, key, appraiser) =>
      cellOf.get(source)?.get(`${unit}\u0000${key}`) ??
      locators.get(source)?.(unit, key, appraiser),
  };
  return { spec, issues };
}

/**
 * Only "Cấu hình" and "Tiêu chí": the campaign's setup, for the task pane to edit even when
 * units or scores still have problems. Returns the setup when those two sheets have no error.
 */
export function parseSetupSheets(
  sheets: Sheets,
  dates: DateSystem = 1900,
): { setup?: CampaignSetup; issues: Issue[] } {
  const issues: Issue[] = [];
  for (const name of [S.config, S.criteria]) {
    if (!sheets[name]) issues.push(error('missingSheet', { sheet: name }, { workbook: true }));
  }
  if (issues.length > 0) return { issues };
  const config = parseConfig(sheets[S.config], issues, dates);
  const criteria = parseCriteria(sheets[S.criteria], issues);
  if (issues.some((i) => i.severity === 'error')) return { issues };
  return {
    setup: {
      id: config.id,
      name: config.name,
      year: config.year,
      settings: config.settings,
      criteria,
      ...(config.components.length ? { components: config.components } : {}),
      blocks: config.blocks,
      ...(config.awards ? { awards: config.awards } : {}),
      ...(config.appraisers.length ? { appraisers: config.appraisers } : {}),
    },
    issues,
  };
}
