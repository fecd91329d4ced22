/**
 * The core pipeline for one click of "Xếp hạng": validate + compile → score → round →
 * classify → rank in each block and overall. Pure: same spec in, same results out.
 */
import { proposeAwards, type AwardOutcome } from './awards/proposals';
import { compileCampaign, type CompiledCampaign } from './compile';
import { warning, type Issue } from './model/issues';
import type { CampaignSpec, PreviousYear } from './model/types';
import { rounder, type Micro } from './numbers/points';
import { rankCampaign, type Ranking } from './ranking/rankCampaign';
import { scoreCampaign, type ScoreTable } from './scoring/score';
import { unscoredUnits } from './scoring/unscored';
import { vi } from './i18n/vi';

export { rankCampaign, type Ranking } from './ranking/rankCampaign';

/**
 * One unit's results. Sums are unrounded micro-points; `printed` holds the report's values.
 * `fields` and `components` follow the order of `campaign.fields` / `campaign.components`.
 */
export interface UnitResult {
  id: string;
  name: string;
  block: string;
  /** Counted subtotal per field, unrounded, in the order of campaign.fields. */
  fields: Micro[];
  /** Component score per component, unrounded, in the order of campaign.components. */
  components: Micro[];
  /** Self total of the appraisal part. */
  self: Micro;
  /** Counted (appraised) total of the appraisal part. */
  appraised: Micro;
  /** appraised − self. */
  difference: Micro;
  /** appraised + components. */
  total: Micro;
  applicableMax: Micro;
  deductions: Micro;
  /**
   * Values as the report prints them (rounded once, half away from zero). Field and component
   * columns are printed as `roundHalfAwayFromZero(fields[i], decimals)` by the renderer.
   */
  printed: {
    self: Micro;
    appraised: Micro;
    difference: Micro;
    total: Micro;
    /** achieved / applicable max × 100, from unrounded parts; null when nothing applies. */
    index: Micro | null;
  };
  /** The printed value ranks and bands are decided on (index or total, per settings). */
  rankingValue: Micro | null;
  classification: string;
  rankInBlock: number | null;
  tiedInBlock: boolean;
  rankOverall: number | null;
  tiedOverall: boolean;
}

export interface BlockResult {
  id: string;
  name: string;
  /** Units in display order: by rank, tied units by id. */
  units: UnitResult[];
}

export type Evaluation =
  | {
      ok: true;
      campaign: CompiledCampaign;
      table: ScoreTable;
      ranking: Ranking;
      /** Award proposals, when the spec configures awards. */
      awards?: AwardOutcome;
      blocks: BlockResult[];
      units: UnitResult[];
      warnings: Issue[];
      /** Per unit (input order): no score at all (scoring/unscored.ts); never proposed. */
      unscored: boolean[];
      /** Last year's values by unit id, when the spec has them ("Kết quả năm trước"). */
      previousYear?: PreviousYear;
    }
  | { ok: false; errors: Issue[]; warnings: Issue[] };

/** Runs the whole pipeline. On any error, returns every error and no results. */
export function evaluateCampaign(spec: CampaignSpec): Evaluation {
  const { campaign, issues } = compileCampaign(spec);
  const warnings: Issue[] = issues.filter((i) => i.severity === 'warning');
  if (!campaign)
    return { ok: false, errors: issues.filter((i) => i.severity === 'error'), warnings };
  const table = scoreCampaign(campaign);
  campaign.units.forEach((unit, u) => {
    if (table.applicableMax[u] <= 0) {
      warnings.push(warning('noApplicableMax', {}, { unit: unit.id }));
    }
  });
  const ranking = rankCampaign(campaign, table);
  const unscored = unscoredUnits(spec);
  const unscoredNames = campaign.units.filter((_, u) => unscored[u]).map((u) => u.name);
  if (unscoredNames.length > 0) {
    warnings.push(
      warning(
        'unitsNotScored',
        { count: unscoredNames.length, names: nameList(unscoredNames) },
        { workbook: true },
      ),
    );
  }
  let awards: AwardOutcome | undefined;
  if (spec.awards) {
    const proposed = proposeAwards(spec, campaign, table, ranking, unscored);
    warnings.push(...proposed.issues.filter((i) => i.severity === 'warning'));
    const errors = proposed.issues.filter((i) => i.severity === 'error');
    if (!proposed.outcome) return { ok: false, errors, warnings };
    awards = proposed.outcome;
  }
  const { blocks, units } = unitResults(campaign, table, ranking);
  return {
    ok: true,
    campaign,
    table,
    ranking,
    blocks,
    units,
    awards,
    warnings,
    unscored,
    ...(spec.previousYear ? { previousYear: spec.previousYear } : {}),
  };
}

/** "Đơn vị 1, Đơn vị 2, Đơn vị 3, Đơn vị 4, Đơn vị 5, …": at most five names. */
export function nameList(names: readonly string[], max = 5): string {
  return names.length > max
    ? [...names.slice(0, max), vi.review.more].join(', ')
    : names.join(', ');
}

/** Per-unit result objects (input order) and blocks in display order, for display and tests. */
export function unitResults(
  c: CompiledCampaign,
  t: ScoreTable,
  r: Ranking,
): { blocks: BlockResult[]; units: UnitResult[] } {
  const n = c.units.length;
  const round = rounder(c.settings.decimals);
  const nullable = (x: number): number | null => (x !== x ? null : x);
  const units: UnitResult[] = new Array(n);
  for (let u = 0; u < n; u++) {
    const unit = c.units[u];
    const self = t.self[u];
    const appraised = t.appraisal[u];
    units[u] = {
      id: unit.id,
      name: unit.name,
      block: c.blocks[unit.block].id,
      fields: c.fields.map((_, f) => t.fields[f * n + u]),
      components: c.components.map((_, k) => t.components[k * n + u]),
      self,
      appraised,
      difference: appraised - self,
      total: t.total[u],
      applicableMax: t.applicableMax[u],
      deductions: t.deductions[u],
      printed: {
        self: round(self),
        appraised: round(appraised),
        difference: round(appraised - self),
        total: r.printedTotal[u],
        index: nullable(r.index[u]),
      },
      rankingValue: nullable(r.rankingValue[u]),
      classification: r.classification[u],
      rankInBlock: nullable(r.rankInBlock[u]),
      tiedInBlock: r.tiedInBlock[u] === 1,
      rankOverall: nullable(r.rankOverall[u]),
      tiedOverall: r.tiedOverall[u] === 1,
    };
  }
  const blocks: BlockResult[] = c.blocks.map((block, b) => ({
    id: block.id,
    name: block.name,
    units: Array.from(r.blockOrder[b], (u) => units[u]),
  }));
  return { blocks, units };
}
