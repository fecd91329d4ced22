/**
 * Scores a compiled campaign: field subtotals, self and appraised totals, components,
 * applicable max and deductions per unit. Compile has already turned every cell into its
 * points (scoring/rules.ts) and listed the N/A cells, so this is a plain sum of integer
 * micro-points: exact, never rounded.
 *
 * One tight loop per leaf and grid: the benchmark's 10,000 units × 150 criteria must score
 * within a few times a bare sum-of-products.
 */
import type { CompiledCampaign, CompiledLeaf } from '../compile/types';

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

const NA = Number.NEGATIVE_INFINITY;

/** Adds one leaf's points for every unit into out[outBase + u]: the whole inner loop. */
function addLeaf(
  leaf: CompiledLeaf,
  grid: Float64Array,
  n: number,
  out: Float64Array,
  outBase: number,
): void {
  const base = leaf.index * n;
  for (let u = 0; u < n; u++) out[outBase + u] += grid[base + u];
}

export function scoreCampaign(c: CompiledCampaign): ScoreTable {
  const n = c.units.length;
  const fieldCount = c.fields.length;
  const self = new Float64Array(n);
  const appraisal = new Float64Array(n);
  const fields = new Float64Array(fieldCount * n);
  const na = new Float64Array(n);
  const deductions = Float64Array.from(c.deductionLost);
  const naCounts = c.settings.naPolicy === 'zero';

  // Self points summed per field; the counted subtotals are those plus the corrections.
  const selfFields = new Float64Array(fieldCount * n);
  for (const leaf of c.leaves) addLeaf(leaf, c.self, n, selfFields, leaf.field * n);
  fields.set(selfFields);
  const { cells, delta } = c.corrections;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const u = cell % n;
    fields[c.leaves[(cell - u) / n].field * n + u] += delta[i];
  }
  // N/A cells are few: take their max off the applicable max from the compiled list.
  if (!naCounts) {
    for (const cell of c.notApplicable) {
      const leaf = c.leaves[Math.floor(cell / n)];
      if (!leaf.bonus) na[cell % n] += leaf.max;
    }
  }

  const applicableMax = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    let sum = 0;
    let selfSum = 0;
    for (let f = 0; f < fieldCount; f++) {
      sum += fields[f * n + u];
      selfSum += selfFields[f * n + u];
    }
    appraisal[u] = sum;
    self[u] = selfSum;
    applicableMax[u] = c.blockMax[c.units[u].block] - na[u];
  }

  const components = new Float64Array(c.components.length * n);
  const total = Float64Array.from(appraisal);
  c.components.forEach((comp, k) => {
    for (let u = 0; u < n; u++) {
      const v = c.componentScores[k * n + u];
      if (v === NA) {
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
