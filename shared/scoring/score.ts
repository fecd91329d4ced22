/**
 * Scores a compiled campaign: points per leaf → field subtotals, self and appraised totals,
 * components, applicable max and deductions per unit. All sums are of integer micro-points,
 * so they are exact; nothing is rounded here.
 */
import type { CompiledCampaign } from '../model/compile';
import type { Micro } from '../numbers/points';
import { deductionLost, pointsFor } from './rules';

/** Columnar totals; arrays indexed by unit, or field/component-major (k × units + u). */
export interface ScoreTable {
  unitCount: number;
  /** Self total of the appraisal part (criteria), per unit. */
  self: Float64Array;
  /** Counted (appraised when present) total of the appraisal part, per unit. */
  appraisal: Float64Array;
  /** Counted subtotal per field (fields × units). */
  fields: Float64Array;
  /** Component scores (components × units); N/A and blank are 0 here. */
  components: Float64Array;
  /** appraisal + components, per unit. */
  total: Float64Array;
  /** Max of everything applicable to the unit (criteria without bonus, plus components). */
  applicableMax: Float64Array;
  /** Points lost to deduction rules, per unit. */
  deductions: Float64Array;
}

export function scoreCampaign(c: CompiledCampaign): ScoreTable {
  const n = c.units.length;
  const self = new Float64Array(n);
  const appraisal = new Float64Array(n);
  const fields = new Float64Array(c.fields.length * n);
  const applicableMax = new Float64Array(n);
  const deductions = new Float64Array(n);
  const naCounts = c.settings.naPolicy === 'zero';
  const unitBlock = Int32Array.from(c.units, (u) => u.block);

  c.leaves.forEach((leaf, l) => {
    const { rule, max, bonus } = leaf;
    const maxShare = bonus ? 0 : max;
    const base = l * n;
    const fieldBase = leaf.field * n;
    const blocks = leaf.blocks;
    const isTick = rule.kind === 'tick';
    // A blank deduction cell is "no violation"; any other blank scores 0.
    const blankPoints = rule.kind === 'deduction' ? max : 0;
    for (let u = 0; u < n; u++) {
      if (blocks !== null && !blocks.has(unitBlock[u] as number)) continue;
      const v = c.counted[base + u] as number;
      let p: Micro;
      if (v === Number.NEGATIVE_INFINITY) {
        if (!naCounts) continue;
        p = 0;
      } else if (v !== v) {
        p = blankPoints;
      } else {
        p = isTick ? (v === 1 ? max : 0) : pointsFor(rule, max, v);
      }
      fields[fieldBase + u] += p;
      appraisal[u] += p;
      applicableMax[u] += maxShare;
      if (rule.kind === 'deduction') deductions[u] += deductionLost(rule, max, p);

      const s = c.self[base + u] as number;
      if (s === Number.NEGATIVE_INFINITY || s !== s) {
        if (s !== s) self[u] += blankPoints;
      } else {
        self[u] += isTick ? (s === 1 ? max : 0) : pointsFor(rule, max, s);
      }
    }
  });

  const components = new Float64Array(c.components.length * n);
  const total = Float64Array.from(appraisal);
  c.components.forEach((comp, k) => {
    for (let u = 0; u < n; u++) {
      const v = c.componentScores[k * n + u] as number;
      if (v === Number.NEGATIVE_INFINITY) {
        if (naCounts) applicableMax[u] += comp.max;
        continue;
      }
      const p = v !== v ? 0 : v;
      components[k * n + u] = p;
      total[u] += p;
      applicableMax[u] += comp.max;
    }
  });

  return { unitCount: n, self, appraisal, fields, components, total, applicableMax, deductions };
}
