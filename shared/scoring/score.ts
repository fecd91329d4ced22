/**
 * Scores a compiled campaign: points per leaf → field subtotals, self and appraised totals,
 * components, applicable max and deductions per unit. All sums are of integer micro-points,
 * so they are exact; nothing is rounded here.
 *
 * The loops are columnar and specialised per rule kind (see `addLeaf`): the benchmark's
 * 10,000 units × 150 criteria must score within a few times a bare sum-of-products.
 */
import type { CompiledCampaign, CompiledLeaf } from '../model/compile';
import { mulDivRound } from '../numbers/points';

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

// Local copies of the grid markers (see rules.ts): module bindings can compile to getter
// calls, which must stay out of the per-cell loops.
const NA = Number.NEGATIVE_INFINITY;
const OUTSIDE_BLOCK = Number.POSITIVE_INFINITY;

/**
 * Adds one leaf's points for every unit into out[outBase + u]. Cells marked N/A add the
 * leaf's max to na[u] (so the caller can take it off the applicable max); cells outside the
 * leaf's blocks add nothing anywhere. Blank deduction cells mean "no violation".
 */
function addLeaf(
  leaf: CompiledLeaf,
  grid: Float64Array,
  n: number,
  out: Float64Array,
  outBase: number,
  na: Float64Array | null,
  deductions: Float64Array | null,
): void {
  const { rule, max } = leaf;
  const base = leaf.index * n;
  const naMax = leaf.bonus ? 0 : max;
  switch (rule.kind) {
    case 'tick':
      for (let u = 0; u < n; u++) {
        const v = grid[base + u];
        if (v === 1) out[outBase + u] += max;
        else if (v === NA && na !== null) na[u] += naMax;
      }
      return;
    case 'levels': {
      const pts = rule.points;
      for (let u = 0; u < n; u++) {
        const v = grid[base + u];
        if (v >= 0 && v !== OUTSIDE_BLOCK) out[outBase + u] += pts[v];
        else if (v === NA && na !== null) na[u] += naMax;
      }
      return;
    }
    case 'tiers': {
      const { mins, points } = rule;
      const tiers = mins.length;
      for (let u = 0; u < n; u++) {
        const v = grid[base + u];
        if (v >= 0 && v !== OUTSIDE_BLOCK) {
          for (let t = 0; t < tiers; t++) {
            if (v >= mins[t]) {
              out[outBase + u] += points[t];
              break;
            }
          }
        } else if (v === NA && na !== null) na[u] += naMax;
      }
      return;
    }
    case 'proportional': {
      const of = rule.of;
      const share = mulDivRound;
      for (let u = 0; u < n; u++) {
        const v = grid[base + u];
        if (v >= 0 && v !== OUTSIDE_BLOCK) out[outBase + u] += v >= of ? max : share(max, v, of);
        else if (v === NA && na !== null) na[u] += naMax;
      }
      return;
    }
    case 'deduction': {
      const { per, floor } = rule;
      for (let u = 0; u < n; u++) {
        const v = grid[base + u];
        if (v === OUTSIDE_BLOCK) continue;
        if (v === NA) {
          if (na !== null) na[u] += naMax;
          continue;
        }
        let p = v !== v ? max : max - v * per;
        if (p < floor) p = floor;
        out[outBase + u] += p;
        if (deductions !== null) deductions[u] += max - p;
      }
      return;
    }
    case 'bonus': {
      const per = rule.per;
      for (let u = 0; u < n; u++) {
        const v = grid[base + u];
        if (v >= 0 && v !== OUTSIDE_BLOCK) {
          const p = per === null ? v : v * per;
          out[outBase + u] += p > max ? max : p;
        }
      }
      return;
    }
  }
}

export function scoreCampaign(c: CompiledCampaign): ScoreTable {
  const n = c.units.length;
  const fieldCount = c.fields.length;
  const self = new Float64Array(n);
  const appraisal = new Float64Array(n);
  const fields = new Float64Array(fieldCount * n);
  const na = new Float64Array(n);
  const deductions = new Float64Array(n);
  const naCounts = c.settings.naPolicy === 'zero';

  for (const leaf of c.leaves) {
    addLeaf(leaf, c.counted, n, fields, leaf.field * n, naCounts ? null : na, deductions);
    addLeaf(leaf, c.self, n, self, 0, null, null);
  }

  const applicableMax = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    let sum = 0;
    for (let f = 0; f < fieldCount; f++) sum += fields[f * n + u];
    appraisal[u] = sum;
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
