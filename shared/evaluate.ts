/**
 * The core pipeline for one click of "Xếp hạng": validate + compile → score → round →
 * classify → rank in each block and overall. Pure: same spec in, same results out.
 */
import { compileCampaign, type CompiledCampaign } from './model/compile';
import type { Issue } from './model/issues';
import type { CampaignSpec, TieBreakSpec } from './model/types';
import { ratioRounded, roundHalfAwayFromZero, type Micro } from './numbers/points';
import { classify } from './ranking/bands';
import { rankItems, type RankItem } from './ranking/rank';
import { scoreCampaign, type ScoreTable } from './scoring/score';

/** One unit's results. Unrounded sums are micro-points; `printed` holds the report's values. */
export interface UnitResult {
  id: string;
  name: string;
  block: string;
  /** Counted subtotal per field code, unrounded. */
  fields: Record<string, Micro>;
  /** Component score per component id, unrounded. */
  components: Record<string, Micro>;
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
  /** Values as the report prints them (rounded once, half away from zero). */
  printed: {
    self: Micro;
    appraised: Micro;
    difference: Micro;
    total: Micro;
    /** achieved / applicable max × 100, from unrounded parts; null when nothing applies. */
    index: Micro | null;
    fields: Record<string, Micro>;
    components: Record<string, Micro>;
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
  | { ok: true; campaign: CompiledCampaign; blocks: BlockResult[]; units: UnitResult[]; warnings: Issue[] }
  | { ok: false; errors: Issue[]; warnings: Issue[] };

/** Runs the whole pipeline. On any error, returns every error and no results. */
export function evaluateCampaign(spec: CampaignSpec): Evaluation {
  const { campaign, issues } = compileCampaign(spec);
  const warnings = issues.filter((i) => i.severity === 'warning');
  if (!campaign) return { ok: false, errors: issues.filter((i) => i.severity === 'error'), warnings };
  const { blocks, units } = rankCampaign(campaign, scoreCampaign(campaign));
  return { ok: true, campaign, blocks, units, warnings };
}

/** Rounds, classifies and ranks scored totals. Units come back in input order. */
export function rankCampaign(
  c: CompiledCampaign,
  t: ScoreTable,
): { blocks: BlockResult[]; units: UnitResult[] } {
  const n = c.units.length;
  const d = c.settings.decimals;
  const round = (m: number): Micro => roundHalfAwayFromZero(m, d);
  const fieldCodes = c.fields.map((f) => f.code);
  const componentIds = c.components.map((k) => k.id);

  const results: UnitResult[] = c.units.map((unit, u) => {
    const fields: Record<string, Micro> = {};
    const printedFields: Record<string, Micro> = {};
    fieldCodes.forEach((code, f) => {
      const v = t.fields[f * n + u] as number;
      fields[code] = v;
      printedFields[code] = round(v);
    });
    const components: Record<string, Micro> = {};
    const printedComponents: Record<string, Micro> = {};
    componentIds.forEach((id, k) => {
      const v = t.components[k * n + u] as number;
      components[id] = v;
      printedComponents[id] = round(v);
    });
    const self = t.self[u] as number;
    const appraised = t.appraisal[u] as number;
    const total = t.total[u] as number;
    const applicableMax = t.applicableMax[u] as number;
    const index = applicableMax > 0 ? ratioRounded(total, applicableMax, 100, d) : null;
    const printedTotal = round(total);
    const rankingValue = c.settings.rankBy === 'index' ? index : printedTotal;
    const block = c.blocks[unit.block] as CompiledCampaign['blocks'][number];
    return {
      id: unit.id,
      name: unit.name,
      block: block.id,
      fields,
      components,
      self,
      appraised,
      difference: appraised - self,
      total,
      applicableMax,
      deductions: t.deductions[u] as number,
      printed: {
        self: round(self),
        appraised: round(appraised),
        difference: round(appraised - self),
        total: printedTotal,
        index,
        fields: printedFields,
        components: printedComponents,
      },
      rankingValue,
      classification: rankingValue === null ? '' : classify(rankingValue, block.bands),
      rankInBlock: null,
      tiedInBlock: false,
      rankOverall: null,
      tiedOverall: false,
    };
  });

  const items: RankItem[] = results.map((r, u) => ({
    index: u,
    id: r.id,
    keys: [r.rankingValue ?? Number.NaN, ...c.settings.ranking.tieBreak.map((k) => tieKey(k, r, d))],
  }));
  const method = c.settings.ranking.method;

  for (const ranked of rankItems(items, method)) {
    const r = results[ranked.index] as UnitResult;
    r.rankOverall = ranked.rank;
    r.tiedOverall = ranked.tied;
  }

  const blocks: BlockResult[] = c.blocks.map((block, b) => {
    const members = items.filter((_, u) => (c.units[u] as { block: number }).block === b);
    const order = rankItems(members, method).map((ranked) => {
      const r = results[ranked.index] as UnitResult;
      r.rankInBlock = ranked.rank;
      r.tiedInBlock = ranked.tied;
      return r;
    });
    return { id: block.id, name: block.name, units: order };
  });
  return { blocks, units: results };
}

/** A tie-break key as a "higher is better" number, on printed values like the report. */
function tieKey(key: TieBreakSpec, r: UnitResult, decimals: number): number {
  const round = (m: number): number => roundHalfAwayFromZero(m, decimals);
  switch (key.by) {
    case 'field':
      return r.printed.fields[key.code] ?? 0;
    case 'component':
      return r.printed.components[key.id] ?? 0;
    case 'total':
      return r.printed.total;
    case 'self':
      return r.printed.self;
    case 'fewerDeductions':
      return -round(r.deductions);
  }
}
