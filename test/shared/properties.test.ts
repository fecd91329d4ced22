/**
 * Property tests of the scoring core: random valid campaigns through `evaluateCampaign`, plus
 * the exact arithmetic and the one rounding function against BigInt references.
 */
import fc from 'fast-check';
import { evaluateCampaign, type Evaluation, type UnitResult } from '../../shared/evaluate';
import type {
  CampaignSpec,
  CellValue,
  ComponentSpec,
  CriterionSpec,
  RuleSpec,
  Settings,
  UnitSpec,
} from '../../shared/model/types';
import {
  fromMicro,
  roundHalfAwayFromZero,
  rounder,
  toMicro,
  SCALE,
} from '../../shared/numbers/points';
import { displayValue } from '../../shared/report/display';
import { reportDocument } from '../../shared/report/document';
import { resultTables } from '../../shared/report/resultTable';
import type { OutputBlock } from '../../shared/workbook/output';
import { renderProposals, renderResults } from '../../shared/workbook/render';

// ---------------------------------------------------------------------------------------------
// Random valid campaigns
// ---------------------------------------------------------------------------------------------

interface GenOptions {
  /** Allow bonus leaves. */
  bonus: boolean;
  /** Allow deduction rules with a negative floor (penalties). */
  negativeMin: boolean;
}

const ALL: GenOptions = { bonus: true, negativeMin: true };

const MAXES = [0.25, 0.5, 1, 1.75, 2, 3] as const;
const LABELS = ['Tốt', 'Khá', 'Trung bình', 'Yếu', 'Kém', 'Xuất sắc'] as const;
const NA_INPUTS = ['N/A', 'n/a', 'KAD', 'không áp dụng'] as const;
const BLANK_INPUTS = [null, undefined, '', '   '] as const;
const TICK_DONE = [true, 1, 'x', 'X', '✓', 'có', 'Đạt'] as const;
const TICK_NOT_DONE = [false, 0, 'không', 'o'] as const;
/** Marks a score key left out of the unit's record altogether. */
const OMIT = Symbol('omit');
type Input = CellValue | typeof OMIT;

/** 0, 0.25, 0.5 … up to `max` (all exact in binary, so parent sums are exact doubles). */
const quarterUpTo = (max: number): fc.Arbitrary<number> =>
  fc.integer({ min: 0, max: Math.round(max * 4) }).map((k) => k / 4);

function ruleArb(max: number, opts: GenOptions): fc.Arbitrary<RuleSpec> {
  // every max of MAXES is on the step of 0,25: no "max unreachable" warning
  const points = fc.constantFrom<RuleSpec[]>({ kind: 'points' }, { kind: 'points', step: 0.25 });
  const tick = fc.constant<RuleSpec>({ kind: 'tick' });
  const levels = fc
    .uniqueArray(fc.constantFrom(...LABELS), { minLength: 1, maxLength: 4 })
    .chain((labels) =>
      fc
        .array(quarterUpTo(max), { minLength: labels.length, maxLength: labels.length })
        .map((pts): RuleSpec => ({
          kind: 'levels',
          levels: labels.map((label, i) => ({ label, points: pts[i] as number })),
        })),
    );
  const tiers = fc
    .uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 4 })
    .chain((mins) =>
      fc
        .array(quarterUpTo(max), { minLength: mins.length, maxLength: mins.length })
        .map((pts): RuleSpec => {
          const m = [...mins].sort((a, b) => b - a).map((x) => x / 4);
          const p = [...pts].sort((a, b) => b - a);
          return { kind: 'tiers', tiers: m.map((min, i) => ({ min, points: p[i] as number })) };
        }),
    );
  const proportional = fc.constant<RuleSpec>({ kind: 'proportional', of: 100 });
  const floors: (number | undefined)[] = opts.negativeMin
    ? [undefined, 0, -0.5, -1]
    : [undefined, 0];
  const deduction = fc
    .constantFrom(...floors)
    .map((min): RuleSpec =>
      min === undefined
        ? { kind: 'deduction', perCount: 0.25 }
        : { kind: 'deduction', perCount: 0.25, min },
    );
  return fc.oneof(points, tick, levels, tiers, proportional, deduction);
}

const bonusRuleArb: fc.Arbitrary<RuleSpec> = fc
  .constantFrom<(number | undefined)[]>(undefined, 0.25, 0.5)
  .map((perCount): RuleSpec =>
    perCount === undefined ? { kind: 'bonus' } : { kind: 'bonus', perCount },
  );

/** A leaf without its code yet. */
type LeafDraft = { kind: 'leaf'; max: number; rule: RuleSpec; blocks?: string[] };
type ParentDraft = { kind: 'parent'; children: LeafDraft[]; blocks?: string[] };

function blocksRestriction(blockIds: string[]): fc.Arbitrary<string[] | undefined> {
  // Mostly every block; now and then a subset.
  return fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 7 },
    { arbitrary: fc.subarray(blockIds, { minLength: 1 }), weight: 1 },
  );
}

function leafArb(opts: GenOptions, blockIds: string[]): fc.Arbitrary<LeafDraft> {
  const plain = fc
    .constantFrom(...MAXES)
    .chain((max) => fc.record({ max: fc.constant(max), rule: ruleArb(max, opts) }));
  const bonus = fc.record({ max: fc.constantFrom(...MAXES), rule: bonusRuleArb });
  const body = opts.bonus
    ? fc.oneof({ arbitrary: plain, weight: 6 }, { arbitrary: bonus, weight: 1 })
    : plain;
  return fc
    .tuple(body, blocksRestriction(blockIds))
    .map(([b, blocks]): LeafDraft => ({ kind: 'leaf', ...b, ...(blocks ? { blocks } : {}) }));
}

const nonBonusMax = (nodes: CriterionSpec[]): number =>
  nodes.reduce((sum, n) => sum + (n.rule?.kind === 'bonus' ? 0 : n.max), 0);

function buildLeaf(d: LeafDraft, code: string): CriterionSpec {
  return {
    code,
    name: `Tiêu chí ${code}`,
    max: d.max,
    rule: d.rule,
    ...(d.blocks ? { blocks: d.blocks } : {}),
  };
}

function criteriaArb(opts: GenOptions, blockIds: string[]): fc.Arbitrary<CriterionSpec[]> {
  const leaf = leafArb(opts, blockIds);
  const parent = fc
    .tuple(fc.array(leaf, { minLength: 1, maxLength: 3 }), blocksRestriction(blockIds))
    .map(([children, blocks]): ParentDraft => ({
      kind: 'parent',
      children,
      ...(blocks ? { blocks } : {}),
    }));
  const child = fc.oneof({ arbitrary: leaf, weight: 3 }, { arbitrary: parent, weight: 1 });
  const field = fc.tuple(
    fc.array(child, { minLength: 1, maxLength: 4 }),
    blocksRestriction(blockIds),
  );
  return fc.array(field, { minLength: 1, maxLength: 4 }).map((fields) =>
    fields.map(([children, blocks], f) => {
      const code = String(f + 1);
      const kids = children.map((c, i): CriterionSpec => {
        const childCode = `${code}.${i + 1}`;
        if (c.kind === 'leaf') return buildLeaf(c, childCode);
        const grand = c.children.map((g, j) => buildLeaf(g, `${childCode}.${j + 1}`));
        return {
          code: childCode,
          name: `Tiêu chí ${childCode}`,
          max: nonBonusMax(grand),
          children: grand,
          ...(c.blocks ? { blocks: c.blocks } : {}),
        };
      });
      return {
        code,
        name: `Lĩnh vực ${code}`,
        max: nonBonusMax(kids),
        children: kids,
        ...(blocks ? { blocks } : {}),
      };
    }),
  );
}

/** A leaf of the spec with the set of blocks it applies to (null = all). */
interface LeafInfo {
  code: string;
  max: number;
  rule: RuleSpec;
  blocks: Set<string> | null;
}

function leavesOf(criteria: CriterionSpec[]): LeafInfo[] {
  const out: LeafInfo[] = [];
  const walk = (node: CriterionSpec, inherited: Set<string> | null): void => {
    let blocks = inherited;
    if (node.blocks) {
      blocks = new Set(node.blocks.filter((b) => inherited === null || inherited.has(b)));
    }
    if (node.children && node.children.length > 0) {
      for (const c of node.children) walk(c, blocks);
    } else {
      out.push({ code: node.code, max: node.max, rule: node.rule as RuleSpec, blocks });
    }
  };
  for (const f of criteria) walk(f, null);
  return out;
}

/** A decimal with at most `decimals` places in [0, max]. */
const decimalUpTo = (max: number, decimals: number): fc.Arbitrary<number> =>
  fc
    .integer({ min: 0, max: Math.round(max * 10 ** decimals) })
    .map((k) => Number((k / 10 ** decimals).toFixed(decimals)));

/** As typed in a Vietnamese sheet: sometimes text with a decimal comma. */
const maybeCommaText = (n: number): fc.Arbitrary<CellValue> =>
  fc.constantFrom<CellValue[]>(n, String(n).replace('.', ','));

/** A valid input for a leaf: a value for its rule, N/A, blank, or missing. */
function inputArb(leaf: LeafInfo): fc.Arbitrary<Input> {
  const { rule, max } = leaf;
  let value: fc.Arbitrary<Input>;
  switch (rule.kind) {
    case 'points':
      value = quarterUpTo(max).chain(maybeCommaText);
      break;
    case 'tick':
      value = fc.constantFrom<Input[]>(...TICK_DONE, ...TICK_NOT_DONE, max);
      break;
    case 'levels': {
      const byLabel = fc
        .constantFrom(...rule.levels.map((l) => l.label))
        .chain((label) => fc.constantFrom<Input[]>(label, label.toUpperCase(), ` ${label} `));
      const unique = rule.levels
        .map((l) => l.points)
        .filter((p, _, all) => all.filter((q) => q === p).length === 1);
      value = unique.length > 0 ? fc.oneof(byLabel, fc.constantFrom<Input[]>(...unique)) : byLabel;
      break;
    }
    case 'tiers':
    case 'proportional':
      value = decimalUpTo(120, 2).chain(maybeCommaText);
      break;
    case 'deduction':
      value = fc.integer({ min: 0, max: 12 });
      break;
    case 'bonus':
      value = rule.perCount === undefined ? quarterUpTo(max) : fc.integer({ min: 0, max: 10 });
      break;
  }
  return fc.oneof(
    { arbitrary: value, weight: 8 },
    { arbitrary: fc.constantFrom<Input[]>(...NA_INPUTS), weight: 1 },
    { arbitrary: fc.constantFrom<Input[]>(...BLANK_INPUTS), weight: 1 },
    { arbitrary: fc.constant<Input>(OMIT), weight: 1 },
  );
}

function componentInputArb(c: ComponentSpec): fc.Arbitrary<Input> {
  return fc.oneof(
    { arbitrary: decimalUpTo(c.max, 2).chain(maybeCommaText), weight: 8 },
    { arbitrary: fc.constantFrom<Input[]>('N/A', null, ''), weight: 1 },
    { arbitrary: fc.constant<Input>(OMIT), weight: 1 },
  );
}

function record(keys: string[], values: Input[]): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  keys.forEach((k, i) => {
    const v = values[i];
    if (v !== OMIT) out[k] = v as CellValue;
  });
  return out;
}

function unitsArb(
  leaves: LeafInfo[],
  components: ComponentSpec[],
  blockIds: string[],
): fc.Arbitrary<UnitSpec[]> {
  const codes = leaves.map((l) => l.code);
  const scores = fc.tuple(...leaves.map(inputArb));
  const one = fc.record({
    block: fc.constantFrom(...blockIds),
    self: scores,
    appraised: fc.option(scores, { freq: 4, nil: undefined }),
    components: fc.tuple(...components.map(componentInputArb)),
    // A copy of an earlier unit's block and scores, so that exact ties are common.
    copyOf: fc.option(fc.nat(), { freq: 3, nil: undefined }),
    // Now and then a unit where nothing applies (no index, so no rank under the default policy).
    nothingApplies: fc.oneof(
      { arbitrary: fc.constant(false), weight: 9 },
      { arbitrary: fc.constant(true), weight: 1 },
    ),
  });
  return fc
    .integer({ min: 1, max: 30 })
    .chain((n) =>
      fc.tuple(
        fc.uniqueArray(fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,3}$/), {
          minLength: n,
          maxLength: n,
        }),
        fc.array(one, { minLength: n, maxLength: n }),
      ),
    )
    .map(([ids, drafts]) =>
      ids.map((id, i): UnitSpec => {
        const own = drafts[i] as (typeof drafts)[number];
        const picked =
          own.copyOf !== undefined && i > 0 ? (drafts[own.copyOf % i] as typeof own) : own;
        const u = picked.nothingApplies
          ? {
              ...picked,
              self: codes.map(() => 'N/A'),
              appraised: picked.appraised && codes.map(() => 'N/A'),
              components: components.map(() => 'N/A'),
            }
          : picked;
        return {
          id,
          name: `Đơn vị ${id}`,
          block: u.block,
          self: record(codes, u.self),
          ...(u.appraised ? { appraised: record(codes, u.appraised) } : {}),
          ...(components.length > 0
            ? {
                components: record(
                  components.map((c) => c.id),
                  u.components,
                ),
              }
            : {}),
        };
      }),
    );
}

function settingsArb(fieldCodes: string[]): fc.Arbitrary<Partial<Settings>> {
  return fc.record({
    decimals: fc.integer({ min: 0, max: 4 }),
    scoreSource: fc.constantFrom<Settings['scoreSource'][]>(
      'appraisedWhenPresent',
      'appraisedWhenPresent',
      'selfOnly',
      'appraisedOnly',
    ),
    naPolicy: fc.constantFrom<Settings['naPolicy'][]>('exclude', 'zero'),
    rankBy: fc.constantFrom<Settings['rankBy'][]>('index', 'total'),
    ranking: fc.record({
      method: fc.constantFrom<Settings['ranking']['method'][]>('competition', 'dense'),
      tieBreak: fc
        .option(
          fc.subarray(fieldCodes, { minLength: 1, maxLength: Math.min(2, fieldCodes.length) }),
          {
            freq: 2,
            nil: [],
          },
        )
        .map((codes) => codes.map((code) => ({ by: 'field' as const, code }))),
    }),
  });
}

function campaignArb(opts: GenOptions = ALL): fc.Arbitrary<CampaignSpec> {
  return fc
    .integer({ min: 1, max: 3 })
    .chain((nBlocks) => {
      const blockIds = Array.from({ length: nBlocks }, (_, i) => `K${i + 1}`);
      return fc.record({
        blockIds: fc.constant(blockIds),
        criteria: criteriaArb(opts, blockIds),
        components: fc.subarray<ComponentSpec>([
          { id: 'SIPAS', name: 'Chỉ số hài lòng', max: 10 },
          { id: 'TACDONG', name: 'Tác động', max: 7.5 },
        ]),
      });
    })
    .chain(({ blockIds, criteria, components }) =>
      fc
        .record({
          units: unitsArb(leavesOf(criteria), components, blockIds),
          settings: settingsArb(criteria.map((c) => c.code)),
        })
        .map(({ units, settings }): CampaignSpec => ({
          id: 'prop',
          name: 'Chiến dịch ngẫu nhiên',
          year: 2025,
          settings,
          criteria,
          components,
          blocks: blockIds.map((id) => ({ id, name: `Khối ${id}` })),
          units,
        })),
    );
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

type Ok = Extract<Evaluation, { ok: true }>;

function evaluateOk(spec: CampaignSpec): Ok {
  const ev = evaluateCampaign(spec);
  if (!ev.ok) {
    throw new Error(`generated campaign is invalid: ${JSON.stringify(ev.errors.slice(0, 3))}`);
  }
  return ev;
}

/** Per-field (per-component) values keyed by code (id): results list them in campaign order. */
function keyed(codes: readonly string[], values: readonly number[]): Record<string, number> {
  expect(values).toHaveLength(codes.length);
  return Object.fromEntries(codes.map((code, i) => [code, values[i] as number]));
}

/** Everything a unit's result says, with fields and components keyed by code. */
function view(ev: Ok, r: UnitResult): unknown {
  const fieldCodes = ev.campaign.fields.map((f) => f.code);
  const componentIds = ev.campaign.components.map((k) => k.id);
  return {
    block: r.block,
    printed: {
      ...r.printed,
      fields: keyed(fieldCodes, r.fields),
      components: keyed(componentIds, r.components),
    },
    fields: keyed(fieldCodes, r.fields),
    components: keyed(componentIds, r.components),
    self: r.self,
    appraised: r.appraised,
    difference: r.difference,
    total: r.total,
    applicableMax: r.applicableMax,
    deductions: r.deductions,
    rankingValue: r.rankingValue,
    classification: r.classification,
    rankInBlock: r.rankInBlock,
    tiedInBlock: r.tiedInBlock,
    rankOverall: r.rankOverall,
    tiedOverall: r.tiedOverall,
  };
}

function byId(ev: Ok): Map<string, unknown> {
  return new Map(ev.units.map((r) => [r.id, view(ev, r)]));
}

function displayOrder(ev: Ok): Record<string, string[]> {
  return Object.fromEntries(ev.blocks.map((b) => [b.id, b.units.map((u) => u.id)]));
}

/** Deterministic Fisher–Yates driven by a seed, so fast-check can replay it. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function shuffleCriteria(nodes: CriterionSpec[], seed: number): CriterionSpec[] {
  return shuffle(nodes, seed).map((n, i) =>
    n.children ? { ...n, children: shuffleCriteria(n.children, seed * 31 + i + 7) } : n,
  );
}

const isBlank = (v: CellValue): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const isNA = (v: CellValue): boolean => (NA_INPUTS as readonly CellValue[]).includes(v);

/** Which of the unit's records holds the input that counts for a leaf. */
function countedSource(spec: CampaignSpec, unit: UnitSpec, code: string): 'self' | 'appraised' {
  const source = spec.settings?.scoreSource ?? 'appraisedWhenPresent';
  if (source === 'selfOnly') return 'self';
  if (source === 'appraisedOnly') return 'appraised';
  return isBlank(unit.appraised?.[code]) ? 'self' : 'appraised';
}

/** Numeric value typed in a cell (decimal comma accepted). */
const numberOf = (v: CellValue): number =>
  typeof v === 'number' ? v : Number(String(v).trim().replace(',', '.'));

/** Lexicographic "a is strictly better than b" on key tuples. */
function higher(a: readonly number[], b: readonly number[]): boolean {
  for (let k = 0; k < a.length; k++) {
    if ((a[k] as number) !== (b[k] as number)) return (a[k] as number) > (b[k] as number);
  }
  return false;
}
const sameKeys = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((x, k) => x === b[k]);

// BigInt references ------------------------------------------------------------------------

function refRound(x: bigint, decimals: number): bigint {
  const s = 10n ** BigInt(6 - decimals);
  const neg = x < 0n;
  const a = neg ? -x : x;
  let q = a / s;
  if (2n * (a % s) >= s) q += 1n;
  return (neg ? -q : q) * s;
}

/** "−12.0345" → micro-units, exactly. */
function decimalToMicro(text: string): bigint {
  const neg = text.startsWith('-');
  const [whole, frac = ''] = (neg ? text.slice(1) : text).split('.');
  const m = BigInt(whole as string) * BigInt(SCALE) + BigInt((frac + '000000').slice(0, 6));
  return neg ? -m : m;
}

function microToDecimal(m: bigint): string {
  const neg = m < 0n;
  const a = neg ? -m : m;
  const whole = a / BigInt(SCALE);
  const frac = (a % BigInt(SCALE)).toString().padStart(6, '0');
  return `${neg ? '-' : ''}${whole}.${frac}`;
}

const decimalText = fc
  .record({
    neg: fc.boolean(),
    whole: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100_000_000 })),
    frac: fc.stringMatching(/^[0-9]{0,6}$/),
  })
  .map(({ neg, whole, frac }) => `${neg ? '-' : ''}${whole}${frac === '' ? '' : '.' + frac}`);

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const RUNS = 100;

describe('evaluateCampaign properties (random valid campaigns)', () => {
  it('the generator only builds campaigns the core accepts', () => {
    fc.assert(
      fc.property(campaignArb(), (spec) => {
        evaluateOk(spec);
      }),
      { numRuns: 50 },
    );
  });

  it('shuffling units never changes any unit results nor the display order within each block', () => {
    fc.assert(
      fc.property(campaignArb(), fc.integer(), (spec, seed) => {
        const before = evaluateOk(spec);
        const after = evaluateOk({ ...spec, units: shuffle(spec.units, seed) });
        expect(byId(after)).toEqual(byId(before));
        expect(displayOrder(after)).toEqual(displayOrder(before));
      }),
      { numRuns: RUNS },
    );
  });

  it('shuffling criteria (order of fields and of children) never changes any result', () => {
    fc.assert(
      fc.property(campaignArb(), fc.integer(), (spec, seed) => {
        const before = evaluateOk(spec);
        const after = evaluateOk({ ...spec, criteria: shuffleCriteria(spec.criteria, seed) });
        expect(byId(after)).toEqual(byId(before));
        expect(displayOrder(after)).toEqual(displayOrder(before));
      }),
      { numRuns: RUNS },
    );
  });

  it('raising one unit points (a counted tick done, a proportional value up) never worsens its rank in block nor overall', () => {
    fc.assert(
      fc.property(campaignArb(), fc.nat(), fc.integer({ min: 1, max: 60 }), (spec, pick, delta) => {
        const leaves = leavesOf(spec.criteria);
        // Every counted cell that can be raised without changing what applies.
        const candidates: { u: number; leaf: LeafInfo; source: 'self' | 'appraised' }[] = [];
        spec.units.forEach((unit, u) => {
          for (const leaf of leaves) {
            if (leaf.rule.kind !== 'tick' && leaf.rule.kind !== 'proportional') continue;
            if (leaf.blocks !== null && !leaf.blocks.has(unit.block)) continue;
            const source = countedSource(spec, unit, leaf.code);
            const raw = unit[source]?.[leaf.code];
            if (isNA(raw)) continue;
            if (leaf.rule.kind === 'tick') {
              const done =
                !isBlank(raw) &&
                ((TICK_DONE as readonly CellValue[]).includes(raw) || raw === leaf.max);
              if (!done) candidates.push({ u, leaf, source });
            } else if (isBlank(raw) || numberOf(raw) < 100) {
              candidates.push({ u, leaf, source });
            }
          }
        });
        fc.pre(candidates.length > 0);
        const { u, leaf, source } = candidates[
          pick % candidates.length
        ] as (typeof candidates)[number];
        const raised: CampaignSpec = structuredClone(spec);
        const unit = raised.units[u] as UnitSpec;
        const cells = (unit[source] ??= {});
        const raw = cells[leaf.code];
        cells[leaf.code] =
          leaf.rule.kind === 'tick' ? true : (isBlank(raw) ? 0 : numberOf(raw)) + delta;

        const before = evaluateOk(spec).units[u] as UnitResult;
        const after = evaluateOk(raised).units[u] as UnitResult;
        // The change does count: the unit's total goes strictly up.
        expect(after.total).toBeGreaterThan(before.total);
        expect(before.rankInBlock).not.toBeNull();
        expect(after.rankInBlock as number).toBeLessThanOrEqual(before.rankInBlock as number);
        expect(after.rankOverall as number).toBeLessThanOrEqual(before.rankOverall as number);
      }),
      { numRuns: RUNS },
    );
  });

  it('field subtotals sum exactly to the appraised total, and appraised + components === total', () => {
    fc.assert(
      fc.property(campaignArb(), (spec) => {
        for (const r of evaluateOk(spec).units) {
          const fields = Object.values(r.fields);
          const components = Object.values(r.components);
          for (const v of [...fields, ...components, r.appraised, r.total]) {
            expect(Number.isSafeInteger(v)).toBe(true);
          }
          expect(fields.reduce((a, b) => a + b, 0)).toBe(r.appraised);
          expect(r.appraised + components.reduce((a, b) => a + b, 0)).toBe(r.total);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('every printed value is roundHalfAwayFromZero of its unrounded value at the campaign decimals', () => {
    fc.assert(
      fc.property(campaignArb(), (spec) => {
        const ev = evaluateOk(spec);
        const round = (m: number): number =>
          roundHalfAwayFromZero(m, ev.campaign.settings.decimals);
        for (const r of ev.units) {
          expect(r.printed).toEqual({
            self: round(r.self),
            appraised: round(r.appraised),
            difference: round(r.appraised - r.self),
            total: round(r.total),
            index: r.printed.index,
          });
        }
        // The report's field and component columns are the same rounding of the same sums.
        const tables = resultTables(ev);
        ev.blocks.forEach((block, b) => {
          block.units.forEach((r, i) => {
            const row = tables[b]!.rows[i]!;
            const width = r.fields.length + r.components.length;
            expect(row.slice(5, 5 + width)).toEqual(
              [...r.fields, ...r.components].map((m) => fromMicro(round(m))),
            );
          });
        });
      }),
      { numRuns: 60 },
    );
  });

  it('without bonus leaves and with deduction floors >= 0, the index lies in [0, 100] (0..100_000_000 µ) when not null', () => {
    fc.assert(
      fc.property(campaignArb({ bonus: false, negativeMin: false }), (spec) => {
        for (const r of evaluateOk(spec).units) {
          if (r.printed.index === null) continue;
          expect(r.printed.index).toBeGreaterThanOrEqual(0);
          expect(r.printed.index).toBeLessThanOrEqual(100_000_000);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('ranks: competition rank = 1 + units with a strictly higher key tuple, dense rank = 1 + distinct higher tuples, tied iff another unit has the same tuple; display order by rank then id', () => {
    fc.assert(
      fc.property(campaignArb(), (spec) => {
        const ev = evaluateOk(spec);
        const { method, tieBreak } = ev.campaign.settings.ranking;
        const fieldAt = tieBreak.map((k) =>
          ev.campaign.fields.findIndex((f) => k.by === 'field' && f.code === k.code),
        );
        const keysOf = (r: UnitResult): number[] => [
          r.rankingValue as number,
          ...fieldAt.map((f) =>
            roundHalfAwayFromZero(r.fields[f] as number, ev.campaign.settings.decimals),
          ),
        ];
        const check = (
          group: UnitResult[],
          rankOf: (r: UnitResult) => number | null,
          tiedOf: (r: UnitResult) => boolean,
        ): void => {
          const rankable = group.filter((r) => r.rankingValue !== null);
          for (const r of group) {
            if (r.rankingValue === null) {
              expect([r.id, rankOf(r), tiedOf(r)]).toEqual([r.id, null, false]);
              continue;
            }
            const mine = keysOf(r);
            const better = rankable.map(keysOf).filter((k) => higher(k, mine));
            const distinct = new Set(better.map((k) => k.join('|'))).size;
            const expected = 1 + (method === 'competition' ? better.length : distinct);
            const tied = rankable.some((o) => o !== r && sameKeys(keysOf(o), mine));
            expect([r.id, rankOf(r), tiedOf(r)]).toEqual([r.id, expected, tied]);
          }
        };
        for (const block of ev.blocks) {
          const members = ev.units.filter((r) => r.block === block.id);
          check(
            members,
            (r) => r.rankInBlock,
            (r) => r.tiedInBlock,
          );
          // Display order: by rank, equal ranks by id, unranked last by id.
          const sorted = [...members].sort(
            (a, b) =>
              (a.rankInBlock ?? Infinity) - (b.rankInBlock ?? Infinity) ||
              (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
          );
          expect(block.units.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
        }
        check(
          ev.units,
          (r) => r.rankOverall,
          (r) => r.tiedOverall,
        );
      }),
      { numRuns: 120 },
    );
  });
});

describe('number properties', () => {
  const anyMicro = fc.oneof(
    fc.integer({ min: -10_000, max: 10_000 }),
    fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
    fc.bigInt({ min: -(2n ** 53n), max: 2n ** 53n }).map(Number),
    // Exactly half a step either side of a multiple (and its neighbours).
    fc
      .tuple(
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.constantFrom(-1, 0, 1),
      )
      .map(([d, k, e]) => {
        const s = 10 ** (6 - d);
        return k * s + s / 2 + e;
      }),
    fc.constantFrom(2 ** 53, -(2 ** 53), 2 ** 53 - 1, -(2 ** 53 - 1), 500_000, -500_000),
  );

  it('rounding is idempotent and half away from zero (equal to a BigInt reference) for integers up to 2^53, decimals 0..4', () => {
    fc.assert(
      fc.property(anyMicro, fc.integer({ min: 0, max: 4 }), (x, d) => {
        const once = roundHalfAwayFromZero(x, d);
        expect(roundHalfAwayFromZero(once, d)).toBe(once);
        expect(Number.isInteger(once)).toBe(true);
        expect(BigInt(once)).toBe(refRound(BigInt(x), d));
        // The loop form the report uses is the same rule.
        expect(rounder(d)(x)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('summing toMicro of decimals with at most 6 places equals toMicro of their exact decimal sum', () => {
    fc.assert(
      fc.property(fc.array(decimalText, { minLength: 1, maxLength: 20 }), (texts) => {
        const exact = texts.map(decimalToMicro).reduce((a, b) => a + b, 0n);
        const summed = texts.reduce((a, t) => a + toMicro(Number(t)), 0);
        expect(BigInt(summed)).toBe(exact);
        expect(toMicro(Number(microToDecimal(exact)))).toBe(summed);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the Word appendix and the output sheets (issue 15)', () => {
  /** Random campaigns, some with a "Bằng khen" per block and a "Kèm theo …" line. */
  const reportArb = campaignArb().chain((spec) =>
    fc
      .record({ awards: fc.boolean(), quota: fc.integer({ min: 1, max: 3 }), sub: fc.boolean() })
      .map(({ awards, quota, sub }): CampaignSpec => ({
        ...spec,
        settings: {
          ...spec.settings,
          ...(sub ? { reportSubtitle: 'Kèm theo Quyết định số …' } : {}),
        },
        ...(awards
          ? {
              awards: {
                gates: [],
                awards: [{ id: 'bk', name: 'Bằng khen', quotaPerBlock: quota }],
                runnersUpPerBlock: 1,
              },
            }
          : {}),
      })),
  );

  it("every cell of every document table is the sheet's cell where the layout puts it, printed alike", () => {
    fc.assert(
      fc.property(reportArb, (spec) => {
        const ev = evaluateOk(spec);
        const doc = reportDocument(ev, spec);
        const sheets: OutputBlock[] = [renderResults(ev)];
        if (ev.awards) sheets.push(renderProposals(ev, spec));
        expect(doc.appendices).toHaveLength(sheets.length);
        doc.appendices.forEach((appendix, a) => {
          const sheet = sheets[a];
          const layouts = sheet.report!.tables;
          expect(appendix.tables).toHaveLength(layouts.length);
          appendix.tables.forEach((table, t) => {
            const at = layouts[t];
            expect(sheet.rows[at.title]).toEqual([table.title]);
            expect(at.subtitle === undefined ? undefined : sheet.rows[at.subtitle][0]).toBe(
              table.subtitle,
            );
            expect(sheet.rows[at.header]).toEqual(table.header);
            expect(at.rows).toBe(table.rows.length);
            table.rows.forEach((row, i) => {
              row.forEach((value, c) => {
                const r = at.firstRow + i;
                const cell = sheet.rows[r][at.col + c];
                const format = sheet.formats[r][at.col + c] ?? '@';
                expect(cell).toBe(value);
                expect(format).toBe(table.formats[c]);
                expect(displayValue(cell, format)).toBe(displayValue(value, table.formats[c]));
              });
            });
          });
        });
      }),
      { numRuns: 80 },
    );
  });
});
