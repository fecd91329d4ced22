/**
 * The rule kinds of a leaf criterion: how a rule is checked, how a cell becomes the rule's
 * input, and how that input becomes points. Points are micro-points and always lie within
 * [floor, max] of the rule, so no input can give more than the criterion's max.
 */
import { error, warning, type Issue, type IssueLocation } from '../model/issues';
import type { CellValue, RuleSpec } from '../model/types';
import { fromMicro, mulDivRound, SCALE, toMicro, type Micro } from '../numbers/points';
import { labelKey, readCell, tickOf } from './cells';

export type CompiledRule =
  | { kind: 'points'; step: Micro | null }
  | { kind: 'tick' }
  | { kind: 'levels'; keys: string[]; labels: string[]; points: Micro[] }
  | { kind: 'tiers'; mins: Micro[]; points: Micro[] }
  | { kind: 'proportional'; of: Micro }
  | { kind: 'deduction'; per: Micro; floor: Micro }
  | { kind: 'bonus'; per: Micro | null };

/** Encoded inputs: one number per cell. NaN = blank, −∞ = not applicable. */
export const BLANK = Number.NaN;
export const NOT_APPLICABLE = Number.NEGATIVE_INFINITY;
/** +∞ = the leaf does not apply to the unit's block (set by compile, never typed). */
export const OUTSIDE_BLOCK = Number.POSITIVE_INFINITY;

const show = (micro: Micro): string => String(fromMicro(micro)).replace('.', ',');

/** Checks a rule against its criterion's max; returns the compiled rule and every problem. */
export function compileRule(
  spec: RuleSpec,
  code: string,
  max: Micro,
  at: IssueLocation,
): { rule?: CompiledRule; issues: Issue[] } {
  const issues: Issue[] = [];
  const p = { code, max: show(max) };
  switch (spec.kind) {
    case 'points': {
      if (spec.step === undefined) return { rule: { kind: 'points', step: null }, issues };
      const step = toMicro(Number(spec.step));
      if (!Number.isFinite(Number(spec.step)) || step <= 0) {
        issues.push(error('pointsStep', p, at));
        return { rule: { kind: 'points', step: null }, issues };
      }
      // a max off the step cannot be reached: the highest multiple of the step below it is
      topBelowMax([max - (max % step)], max, p, at, issues);
      return { rule: { kind: 'points', step }, issues };
    }
    case 'tick':
      return { rule: { kind: 'tick' }, issues };
    case 'levels': {
      const levels = Array.isArray(spec.levels) ? spec.levels : [];
      if (levels.length === 0) issues.push(error('levelsEmpty', p, at));
      const keys: string[] = [];
      const points: Micro[] = [];
      for (const level of levels) {
        const key = labelKey(String(level.label ?? ''));
        const pts = toMicro(Number(level.points));
        if (keys.includes(key))
          issues.push(error('duplicateLevel', { ...p, label: level.label }, at));
        if (!Number.isFinite(Number(level.points)) || pts < 0) {
          issues.push(
            error('levelPointsBelowZero', { ...p, label: level.label, points: level.points }, at),
          );
        } else if (pts > max) {
          issues.push(
            error('levelPointsAboveMax', { ...p, label: level.label, points: show(pts) }, at),
          );
        }
        keys.push(key);
        points.push(pts);
      }
      topBelowMax(points, max, p, at, issues);
      return { rule: { kind: 'levels', keys, labels: levels.map((l) => l.label), points }, issues };
    }
    case 'tiers': {
      const tiers = Array.isArray(spec.tiers) ? spec.tiers : [];
      if (tiers.length === 0) issues.push(error('tiersEmpty', p, at));
      const mins: Micro[] = [];
      const points: Micro[] = [];
      tiers.forEach((tier, i) => {
        const min = toMicro(Number(tier.min));
        const pts = toMicro(Number(tier.points));
        const q = { ...p, min: show(min), points: show(pts) };
        if (i > 0 && !(min < (mins[i - 1] as number))) {
          issues.push(
            error('tiersOutOfOrder', { ...q, previous: show(mins[i - 1] as number) }, at),
          );
        }
        if (!Number.isFinite(Number(tier.points)) || pts < 0)
          issues.push(error('tierPointsBelowZero', q, at));
        else if (pts > max) issues.push(error('tierPointsAboveMax', q, at));
        if (i > 0 && pts > (points[i - 1] as number)) {
          issues.push(
            error('tierPointsNotDecreasing', { ...q, previous: show(points[i - 1] as number) }, at),
          );
        }
        mins.push(min);
        points.push(pts);
      });
      topBelowMax(points, max, p, at, issues);
      return { rule: { kind: 'tiers', mins, points }, issues };
    }
    case 'proportional': {
      const of = spec.of === undefined ? 1 : Number(spec.of);
      if (!Number.isFinite(of) || of <= 0) issues.push(error('proportionalBase', p, at));
      return { rule: { kind: 'proportional', of: toMicro(of) }, issues };
    }
    case 'deduction': {
      const per = Number(spec.perCount);
      const floor = spec.min === undefined ? 0 : Number(spec.min);
      if (!Number.isFinite(per) || per <= 0) issues.push(error('deductionPerCount', p, at));
      if (!Number.isFinite(floor) || toMicro(floor) > max) {
        issues.push(error('deductionMinAboveMax', { ...p, min: spec.min }, at));
      }
      return { rule: { kind: 'deduction', per: toMicro(per), floor: toMicro(floor) }, issues };
    }
    case 'bonus': {
      if (spec.perCount !== undefined) {
        const per = Number(spec.perCount);
        if (!Number.isFinite(per) || per <= 0) issues.push(error('bonusPerCount', p, at));
        return { rule: { kind: 'bonus', per: toMicro(per) }, issues };
      }
      return { rule: { kind: 'bonus', per: null }, issues };
    }
    default:
      issues.push(error('unknownRuleKind', { code, kind: (spec as { kind?: unknown }).kind }, at));
      return { issues };
  }
}

/** Result of encoding one cell: the encoded value, or the problem with it. */
export type Encoded = { value: number; warning?: Issue } | { issue: Issue };

/**
 * Turns one cell into the rule's encoded input:
 * points → the points in micro-points (checked against 0, max and the step), tick → 1/0, levels → level index, tiers/proportional → measured value in micro-units,
 * deduction → violation count, bonus → micro-points (or a count with perCount).
 */
export function encodeInput(
  rule: CompiledRule,
  raw: CellValue,
  code: string,
  max: Micro,
  at: IssueLocation,
): Encoded {
  const reading = readCell(raw);
  if (reading.kind === 'blank') return { value: BLANK };
  if (reading.kind === 'na') return { value: NOT_APPLICABLE };
  if (reading.kind === 'error') return { issue: error('errorValue', { value: reading.value }, at) };
  const commaWarning =
    reading.kind === 'number' && reading.decimalComma
      ? warning('decimalCommaText', { value: raw, number: reading.value }, at)
      : undefined;
  const withWarning = (value: number): Encoded =>
    commaWarning ? { value, warning: commaWarning } : { value };

  switch (rule.kind) {
    case 'points': {
      if (reading.kind !== 'number') return { issue: error('notANumber', { value: raw }, at) };
      if (reading.value < 0) return { issue: error('negativeValue', { value: raw }, at) };
      const micro = toMicro(reading.value);
      if (micro > max) {
        return {
          issue: error('pointsAboveMax', { points: show(micro), max: show(max), code }, at),
        };
      }
      if (!onStep(rule.step, micro)) {
        const step = rule.step as Micro;
        const below = micro - (micro % step);
        const p = { points: show(micro), code, step: show(step) };
        const near = { below: show(below), above: show(below + step) };
        return { issue: error('pointsOffStep', { ...p, ...near }, at) };
      }
      return withWarning(micro);
    }
    case 'tick': {
      const done = tickOf(reading, fromMicro(max));
      if (done === undefined && reading.kind === 'number' && toMicro(reading.value) > max) {
        return {
          issue: error(
            'pointsAboveMax',
            { points: show(toMicro(reading.value)), max: show(max), code },
            at,
          ),
        };
      }
      if (done === undefined) return { issue: error('notATick', { value: raw }, at) };
      return withWarning(done ? 1 : 0);
    }
    case 'levels': {
      if (reading.kind === 'text') {
        const i = rule.keys.indexOf(reading.value.toLocaleLowerCase('vi'));
        if (i >= 0) return { value: i };
      }
      if (reading.kind === 'number') {
        // Points typed instead of the label: accepted when exactly one level has them.
        const pts = toMicro(reading.value);
        const matches = rule.points.filter((x) => x === pts).length;
        if (matches === 1) return withWarning(rule.points.indexOf(pts));
        if (pts > max) {
          return {
            issue: error('pointsAboveMax', { points: show(pts), max: show(max), code }, at),
          };
        }
      }
      return {
        issue: error('levelNotInList', { value: raw, code, levels: rule.labels.join('; ') }, at),
      };
    }
    case 'tiers':
    case 'proportional':
    case 'deduction':
    case 'bonus': {
      if (reading.kind !== 'number') return { issue: error('notANumber', { value: raw }, at) };
      if (reading.value < 0) return { issue: error('negativeValue', { value: raw }, at) };
      if (rule.kind === 'deduction' || (rule.kind === 'bonus' && rule.per !== null)) {
        if (!Number.isInteger(reading.value))
          return { issue: error('notWholeCount', { value: raw }, at) };
        return withWarning(reading.value);
      }
      const micro = toMicro(reading.value);
      if (rule.kind === 'bonus' && micro > max) {
        return {
          issue: error('pointsAboveMax', { points: show(micro), max: show(max), code }, at),
        };
      }
      if (!commaWarning && looksLikeFraction(rule, micro)) {
        const p = { code, value: show(micro), percent: show(micro * 100) };
        return { value: micro, warning: warning('fractionOnPercentScale', p, at) };
      }
      if (!commaWarning && shareAboveOne(rule, micro)) {
        return {
          value: micro,
          warning: warning('shareAboveOne', { code, value: show(micro) }, at),
        };
      }
      return withWarning(micro);
    }
  }
}

/**
 * encodeInput's value for a number cell that has nothing to say (no issue, no warning), or
 * undefined when it has: the fast path of the grid loop, where most cells are plain numbers.
 */
export function encodeNumber(rule: CompiledRule, v: number, max: Micro): number | undefined {
  if (!Number.isFinite(v)) return undefined;
  switch (rule.kind) {
    case 'points': {
      if (v < 0) return undefined;
      const micro = toMicro(v);
      return micro <= max && onStep(rule.step, micro) ? micro : undefined;
    }
    case 'tick':
      if (v === 1) return 1;
      if (v === 0) return 0;
      return v === fromMicro(max) ? 1 : undefined;
    case 'levels':
      return undefined;
    case 'tiers':
    case 'proportional':
    case 'deduction':
    case 'bonus': {
      if (v < 0) return undefined;
      if (rule.kind === 'deduction' || (rule.kind === 'bonus' && rule.per !== null)) {
        return Number.isInteger(v) ? v : undefined;
      }
      const micro = toMicro(v);
      if (rule.kind === 'bonus' && micro > max) return undefined;
      return looksLikeFraction(rule, micro) || shareAboveOne(rule, micro) ? undefined : micro;
    }
  }
}

/** Points for an encoded input that is neither blank nor N/A. Always within the rule's range. */
export function pointsFor(rule: CompiledRule, max: Micro, value: number): Micro {
  switch (rule.kind) {
    case 'points':
      return value > max ? max : value;
    case 'tick':
      return value === 1 ? max : 0;
    case 'levels':
      return rule.points[value] as Micro;
    case 'tiers': {
      const { mins, points } = rule;
      for (let i = 0; i < mins.length; i++)
        if (value >= (mins[i] as number)) return points[i] as Micro;
      return 0;
    }
    case 'proportional':
      return value >= rule.of ? max : mulDivRound(max, value, rule.of);
    case 'deduction': {
      const pts = max - value * rule.per;
      return pts < rule.floor ? rule.floor : pts;
    }
    case 'bonus': {
      const pts = rule.per === null ? value : value * rule.per;
      return pts > max ? max : pts;
    }
  }
}

/**
 * Whether typed points lie on the step, exactly: the value is read to the micro-point as every
 * number in the core (so 0.1 + 0.2 computed by a formula is 0,3), then its micro-points must be
 * a whole multiple of the step's — integer arithmetic, no tolerance.
 */
function onStep(step: Micro | null, micro: Micro): boolean {
  return step === null || micro % step === 0;
}

/** Points a rule loses to deductions (for the "fewer deductions" tie-break). */
export function deductionLost(rule: CompiledRule, max: Micro, points: Micro): Micro {
  return rule.kind === 'deduction' ? max - points : 0;
}

/**
 * A warning when no level or tier gives the criterion's full points: no unit can then reach
 * "Điểm tối đa", and every index is lowered by the gap (a raised max, a lowered top level).
 * Only when the points themselves are valid (errors are reported apart).
 */
function topBelowMax(
  points: readonly Micro[],
  max: Micro,
  p: { code: string; max: string },
  at: IssueLocation,
  issues: Issue[],
): void {
  if (points.length === 0 || issues.length > 0) return;
  const top = Math.max(...points);
  if (top < max) issues.push(warning('ruleTopBelowMax', { ...p, top: show(top) }, at));
}

/**
 * A measured value in (0, 1] where the rule counts in whole percents (tiers from 80, "trên
 * 100"): most likely a cell formatted as a percentage, which Excel and Sheets store as a
 * fraction (95% is 0,95). Scored as stored, with a warning at the cell.
 */
/**
 * A value above 1 on "Tỷ lệ" with no base (a share 0–1): full points, as any value at or above
 * the base, but most likely a percent typed as such (80 for 80 %), which a warning says.
 */
function shareAboveOne(rule: CompiledRule, micro: number): boolean {
  return rule.kind === 'proportional' && rule.of === SCALE && micro > SCALE;
}

function looksLikeFraction(rule: CompiledRule, micro: number): boolean {
  if (micro <= 0 || micro > SCALE) return false;
  // a percent scale: a base of 50 or more, or tiers reaching 50 and all above 1 (not counts
  // such as "≥ 5: 10; ≥ 2: 5", where 1 is just a small count)
  const PERCENTS = 50 * SCALE;
  if (rule.kind === 'proportional') return rule.of >= PERCENTS;
  if (rule.kind === 'tiers') {
    const positive = rule.mins.filter((m) => m > 0);
    return (
      positive.length > 0 && Math.min(...positive) > SCALE && Math.max(...positive) >= PERCENTS
    );
  }
  return false;
}
