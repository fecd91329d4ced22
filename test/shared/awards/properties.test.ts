/**
 * Property tests of the award stage: random valid campaigns with unit profiles, gates, award
 * types, quotas, caps and runners-up go through `evaluateCampaign`; the outcome is checked
 * against an independent reading of the gates (from the profiles and the printed results)
 * and of the allocation rules. Ballots and the vote threshold are checked against exact
 * rational (BigInt) arithmetic.
 */
import fc from 'fast-check';
import type { Allocation } from '../../../shared/awards/allocate';
import { tallyBallots, votesNeeded } from '../../../shared/awards/ballots';
import { formatReason } from '../../../shared/awards/gates';
import { awardNotes } from '../../../shared/awards/proposals';
import type {
  AwardsSpec,
  AwardTypeSpec,
  BallotSpec,
  GateSpec,
  NominationSpec,
  UnitProfile,
} from '../../../shared/awards/types';
import { evaluateCampaign, type Evaluation, type UnitResult } from '../../../shared/evaluate';
import type {
  BandSpec,
  BlockSpec,
  CampaignSpec,
  CellValue,
  CriterionSpec,
  RuleSpec,
  Settings,
  UnitSpec,
} from '../../../shared/model/types';

// ---------------------------------------------------------------------------------------------
// Exact arithmetic for the references
// ---------------------------------------------------------------------------------------------

/** A rational number num / den with den > 0. */
interface Q {
  num: bigint;
  den: bigint;
}

/** The exact value of a number as JavaScript prints it ("0.9" → 9/10, "1e-7" → 1/10^7). */
function decimalQ(x: number): Q {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(x));
  if (!m) throw new Error(`not a finite decimal: ${x}`);
  const frac = m[3] ?? '';
  const digits = BigInt(m[2] + frac);
  const exp = Number(m[4] ?? 0) - frac.length;
  const signed = m[1] === '-' ? -digits : digits;
  return exp >= 0
    ? { num: signed * 10n ** BigInt(exp), den: 1n }
    : { num: signed, den: 10n ** BigInt(-exp) };
}

const microQ = (micro: number): Q => ({ num: BigInt(micro), den: 1_000_000n });

/** Sign of a − b. */
function cmpQ(a: Q, b: Q): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Micro-units rounded half away from zero to `d` decimals, in BigInt. */
function roundMicro(micro: number, d: number): number {
  const s = 10n ** BigInt(6 - d);
  const m = BigInt(micro);
  const a = m < 0n ? -m : m;
  let q = a / s;
  if (2n * (a % s) >= s) q += 1n;
  return Number((m < 0n ? -q : q) * s);
}

/** Smallest v ≥ 0 with v / base ≥ share, share taken exactly as printed. */
function neededRef(share: number, base: number): number {
  const { num, den } = decimalQ(share);
  const need = num * BigInt(base);
  // ceil(need / den) for need ≥ 0
  return Number((need + den - 1n) / den);
}

// ---------------------------------------------------------------------------------------------
// Random campaigns with profiles and awards
// ---------------------------------------------------------------------------------------------

const DEADLINE = '2025-03-31';
const DATES = ['2025-01-15', '2025-03-30', DEADLINE, '2025-04-01', '2025-12-31'] as const;
const LEVELS = ['Tốt', 'Khá', 'Kém'] as const;
const CLASS_LABELS = ['A', 'B', 'C', 'D', 'Tốt', 'Khá', 'Yếu'] as const;
const LOCAL_BANDS: BandSpec[] = [
  { label: 'Tốt', min: 80 },
  { label: 'Khá', min: 50 },
  { label: 'Yếu', min: Number.NEGATIVE_INFINITY },
];
const FLAGS = ['excellent', 'initiative'] as const;

const quarterUpTo = (max: number): fc.Arbitrary<number> =>
  fc.integer({ min: 0, max: Math.round(max * 4) }).map((k) => k / 4);

interface LeafDraft {
  max: number;
  rule: RuleSpec;
}

const leafArb: fc.Arbitrary<LeafDraft> = fc.oneof(
  fc.constantFrom(0.25, 0.5, 1, 2).map((max): LeafDraft => ({ max, rule: { kind: 'tick' } })),
  fc.constantFrom(1, 2).chain((max) =>
    fc.tuple(quarterUpTo(max), quarterUpTo(max), quarterUpTo(max)).map((pts): LeafDraft => ({
      max,
      rule: { kind: 'levels', levels: LEVELS.map((label, i) => ({ label, points: pts[i] })) },
    })),
  ),
);

/** One or two fields ("1", "2") of one to three tick / levels leaves. */
const criteriaArb: fc.Arbitrary<CriterionSpec[]> = fc
  .array(fc.array(leafArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 })
  .map((fields) =>
    fields.map((leaves, f): CriterionSpec => {
      const code = String(f + 1);
      return {
        code,
        name: `Lĩnh vực ${code}`,
        max: leaves.reduce((s, l) => s + l.max, 0),
        children: leaves.map((l, i) => ({
          code: `${code}.${i + 1}`,
          name: `Tiêu chí ${code}.${i + 1}`,
          max: l.max,
          rule: l.rule,
        })),
      };
    }),
  );

function leavesOf(criteria: CriterionSpec[]): CriterionSpec[] {
  return criteria.flatMap((f) => f.children ?? []);
}

function inputArb(leaf: CriterionSpec): fc.Arbitrary<CellValue> {
  const value =
    leaf.rule?.kind === 'tick'
      ? fc.constantFrom<CellValue[]>(true, false)
      : fc.constantFrom<CellValue[]>(...LEVELS);
  return fc.oneof(
    { arbitrary: value, weight: 12 },
    { arbitrary: fc.constant<CellValue>('N/A'), weight: 1 },
  );
}

interface ProfileDraft {
  has: boolean;
  registeredOn: string | undefined;
  staff: number | undefined;
  violating: number | undefined;
  parent: number | undefined;
  flags: string[];
  prevIndex: number | undefined;
  prevField: number | undefined;
  prevPci: number | undefined;
  pci: number | undefined;
  /** "Không xét khen thưởng": the council's reason, now and then. */
  excluded: string | undefined;
}

const profileDraftArb: fc.Arbitrary<ProfileDraft> = fc.record({
  has: fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, fc.constant(false)),
  registeredOn: fc.option(fc.constantFrom(...DATES, '2025-02-01', '2025-03-01'), {
    freq: 8,
    nil: undefined,
  }),
  staff: fc.option(fc.constantFrom(0, 5, 8, 10, 20), { freq: 4, nil: undefined }),
  violating: fc.option(fc.constantFrom(0, 0, 1, 2), { freq: 4, nil: undefined }),
  parent: fc.option(fc.nat(), { freq: 2, nil: undefined }),
  flags: fc.oneof(fc.constant<string[]>([...FLAGS]), fc.subarray<string>([...FLAGS])),
  prevIndex: fc.option(
    fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(50, 62.5, 66.67, 75, 100)),
    { freq: 4, nil: undefined },
  ),
  prevField: fc.option(quarterUpTo(4), { freq: 4, nil: undefined }),
  prevPci: fc.option(fc.integer({ min: 50, max: 70 }), { freq: 3, nil: undefined }),
  pci: fc.option(fc.integer({ min: 50, max: 70 }), { freq: 3, nil: undefined }),
  excluded: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 12 },
    { arbitrary: fc.constantFrom('Đang bị thanh tra', 'Sáp nhập'), weight: 1 },
  ),
});

function buildProfile(d: ProfileDraft, u: number, ids: string[]): UnitProfile | undefined {
  if (!d.has) return undefined;
  const p: UnitProfile = { flags: d.flags };
  if (d.registeredOn !== undefined) p.registeredOn = d.registeredOn;
  if (d.staff !== undefined) p.staff = d.staff;
  if (d.violating !== undefined) {
    p.staffViolating = d.staff === undefined ? d.violating : Math.min(d.violating, d.staff);
  }
  // Parents are earlier units only, so the links never form a cycle.
  if (d.parent !== undefined && u > 0) p.parent = ids[d.parent % u];
  const previous: Record<string, number> = {};
  if (d.prevIndex !== undefined) previous.index = d.prevIndex;
  if (d.prevField !== undefined) previous['1'] = d.prevField;
  if (d.prevPci !== undefined) previous.PCI = d.prevPci;
  if (Object.keys(previous).length > 0) p.previous = previous;
  if (d.pci !== undefined) p.measures = { PCI: d.pci };
  if (d.excluded !== undefined) p.councilExclusion = d.excluded;
  return p;
}

const gateArb: fc.Arbitrary<GateSpec> = fc.oneof(
  { arbitrary: fc.constant<GateSpec>({ kind: 'registration', deadline: DEADLINE }), weight: 3 },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom(0, 0.1, 0.125, 0.2, 0.5, 1),
        fc.option(fc.constantFrom(0, 0.25, 0.5), { freq: 2, nil: undefined }),
      )
      .map(([maxShare, parentMaxShare]): GateSpec =>
        parentMaxShare === undefined
          ? { kind: 'discipline', maxShare }
          : { kind: 'discipline', maxShare, parentMaxShare },
      ),
  },
  {
    weight: 2,
    arbitrary: fc
      .subarray([...CLASS_LABELS], { minLength: 1 })
      .map((allowed): GateSpec => ({ kind: 'classification', allowed })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(0, 50, 62.5, 66.67, 75, 80, 90, 100)
      .map((min): GateSpec => ({ kind: 'minIndex', min })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...FLAGS).map((flag): GateSpec => ({ kind: 'flag', flag })),
  },
  {
    weight: 1,
    arbitrary: fc
      .subarray(['index', '1', 'PCI'], { minLength: 1 })
      .map((measures): GateSpec => ({ kind: 'improvement', measures })),
  },
);

/** Mostly none or one gate, now and then two or three. */
const gatesArb = (most: number): fc.Arbitrary<GateSpec[] | undefined> =>
  fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    { arbitrary: fc.array(gateArb, { minLength: 1, maxLength: 1 }), weight: 3 },
    { arbitrary: fc.array(gateArb, { minLength: 2, maxLength: most }), weight: 1 },
  );

function quotaArb(blockIds: string[]): fc.Arbitrary<AwardTypeSpec['quotaPerBlock']> {
  const perBlock = fc
    .subarray(blockIds)
    .chain((bs) =>
      fc
        .array(fc.integer({ min: 0, max: 3 }), { minLength: bs.length, maxLength: bs.length })
        .map((qs) => Object.fromEntries(bs.map((b, i) => [b, qs[i]])) as Record<string, number>),
    );
  return fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 6 },
    { arbitrary: fc.constant(0), weight: 1 },
    { arbitrary: perBlock, weight: 2 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

/** Runners-up: one count for every block, or a count per block (some blocks left out). */
function runnersUpArb(blockIds: string[]): fc.Arbitrary<AwardsSpec['runnersUpPerBlock']> {
  const perBlock = fc
    .subarray(blockIds)
    .chain((bs) =>
      fc
        .array(fc.integer({ min: 0, max: 3 }), { minLength: bs.length, maxLength: bs.length })
        .map((qs) => Object.fromEntries(bs.map((b, i) => [b, qs[i]])) as Record<string, number>),
    );
  return fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 2 }), weight: 2 },
    { arbitrary: perBlock, weight: 2 },
  );
}

/** The runners-up count of a block (0 for a block a per-block count leaves out). */
function runnersUpOf(awards: AwardsSpec, block: string): number {
  const r = awards.runnersUpPerBlock;
  return r === undefined ? 0 : typeof r === 'number' ? r : (r[block] ?? 0);
}

const AWARD_NAMES: Record<string, string> = { co: 'Cờ thi đua', bk: 'Bằng khen' };

function awardsArb(blockIds: string[]): fc.Arbitrary<AwardsSpec> {
  const award = (id: string): fc.Arbitrary<AwardTypeSpec> =>
    fc
      .record({
        quota: quotaArb(blockIds),
        cap: fc.option(
          fc.oneof({ arbitrary: fc.integer({ min: 1, max: 5 }), weight: 5 }, fc.constant(0)),
          { freq: 3, nil: undefined },
        ),
        gates: gatesArb(2),
      })
      .map(({ quota, cap, gates }) => ({
        id,
        name: AWARD_NAMES[id],
        ...(quota !== undefined ? { quotaPerBlock: quota } : {}),
        ...(cap !== undefined ? { cap } : {}),
        ...(gates ? { gates } : {}),
      }));
  return fc
    .record({
      gates: gatesArb(3),
      awards: fc.oneof(
        fc.tuple(award('co')),
        fc.tuple(award('bk')),
        fc.tuple(award('co'), award('bk')),
      ),
      runnersUpPerBlock: fc.option(runnersUpArb(blockIds), { freq: 4, nil: undefined }),
      unfilled: fc.constantFrom<AwardsSpec['unfilled'][]>(undefined, 'passDown', 'leaveEmpty'),
    })
    .map(({ gates, awards, runnersUpPerBlock, unfilled }): AwardsSpec => ({
      ...(gates ? { gates } : {}),
      awards: [...awards],
      ...(runnersUpPerBlock !== undefined ? { runnersUpPerBlock } : {}),
      ...(unfilled !== undefined ? { unfilled } : {}),
    }));
}

interface UnitDraft {
  block: string;
  pattern: number;
  own: Record<string, CellValue> | undefined;
  nothingApplies: boolean;
  profile: ProfileDraft;
}

function unitsArb(criteria: CriterionSpec[], blockIds: string[]): fc.Arbitrary<UnitSpec[]> {
  const leaves = leavesOf(criteria);
  const codes = leaves.map((l) => l.code);
  const scores = fc
    .tuple(...leaves.map(inputArb))
    .map((vals) => Object.fromEntries(codes.map((c, i) => [c, vals[i]])));
  const unitDraft: fc.Arbitrary<UnitDraft> = fc.record({
    block: fc.constantFrom(...blockIds),
    pattern: fc.nat(),
    // Mostly one of a few shared score patterns, so that exact ties are frequent.
    own: fc.option(scores, { freq: 5, nil: undefined }),
    nothingApplies: fc.oneof(
      { arbitrary: fc.constant(false), weight: 14 },
      { arbitrary: fc.constant(true), weight: 1 },
    ),
    profile: profileDraftArb,
  });
  return fc.integer({ min: 1, max: 40 }).chain((n) =>
    fc
      .tuple(
        fc.uniqueArray(fc.integer({ min: 0, max: 999 }), { minLength: n, maxLength: n }),
        fc.array(scores, { minLength: 1, maxLength: 4 }),
        fc.array(unitDraft, { minLength: n, maxLength: n }),
      )
      .map(([nums, patterns, drafts]) => {
        // Ids not in input order, so that display order (by id) differs from input order.
        const ids = nums.map((k) => `D${k}`);
        return drafts.map((d, u): UnitSpec => {
          const self = d.nothingApplies
            ? Object.fromEntries(codes.map((c) => [c, 'N/A']))
            : (d.own ?? patterns[d.pattern % patterns.length]);
          const profile = buildProfile(d.profile, u, ids);
          return {
            id: ids[u],
            name: `Đơn vị ${ids[u]}`,
            block: d.block,
            self,
            ...(profile ? { profile } : {}),
          };
        });
      }),
  );
}

function settingsArb(fieldCodes: string[]): fc.Arbitrary<Partial<Settings>> {
  return fc.record({
    decimals: fc.integer({ min: 0, max: 2 }),
    rankBy: fc.constantFrom<Settings['rankBy'][]>('index', 'index', 'total'),
    ranking: fc.record({
      method: fc.constantFrom<Settings['ranking']['method'][]>('competition', 'dense'),
      tieBreak: fc
        .option(fc.constantFrom(...fieldCodes), { freq: 3, nil: undefined })
        .map((code) => (code === undefined ? [] : [{ by: 'field' as const, code }])),
    }),
  });
}

/**
 * Keeps gates valid: improvement gates name PCI only when some profile carries this year's
 * PCI; classification gates name only labels of the blocks' bands.
 */
function fixGates(awards: AwardsSpec, units: UnitSpec[], blocks: BlockSpec[]): AwardsSpec {
  const hasPci = units.some((u) => u.profile?.measures?.PCI !== undefined);
  const labels = new Set(
    blocks.flatMap((b) =>
      (b.bands ?? [{ label: 'A' }, { label: 'B' }, { label: 'C' }, { label: 'D' }]).map(
        (x) => x.label,
      ),
    ),
  );
  const fix = (gates: GateSpec[] | undefined): GateSpec[] | undefined =>
    gates?.map((g): GateSpec => {
      if (g.kind === 'classification') {
        const allowed = g.allowed.filter((l) => labels.has(l));
        return { kind: 'classification', allowed: allowed.length > 0 ? allowed : [[...labels][0]] };
      }
      if (g.kind !== 'improvement' || hasPci) return g;
      const measures = g.measures.filter((m) => m !== 'PCI');
      return { kind: 'improvement', measures: measures.length > 0 ? measures : ['index'] };
    });
  return {
    ...awards,
    ...(awards.gates ? { gates: fix(awards.gates) } : {}),
    awards: awards.awards.map((a) => (a.gates ? { ...a, gates: fix(a.gates) } : a)),
  };
}

const campaignArb: fc.Arbitrary<CampaignSpec> = fc
  .integer({ min: 1, max: 3 })
  .chain((nBlocks) => {
    const blockIds = Array.from({ length: nBlocks }, (_, i) => `K${i + 1}`);
    return fc.record({
      blockIds: fc.constant(blockIds),
      localBands: fc.array(fc.boolean(), { minLength: nBlocks, maxLength: nBlocks }),
      criteria: criteriaArb,
    });
  })
  .chain(({ blockIds, localBands, criteria }) =>
    fc
      .record({
        units: unitsArb(criteria, blockIds),
        settings: settingsArb(criteria.map((c) => c.code)),
        awards: awardsArb(blockIds),
      })
      .map(({ units, settings, awards }): CampaignSpec => {
        const blocks = blockIds.map((id, b): BlockSpec => ({
          id,
          name: `Khối ${id}`,
          ...(localBands[b] ? { bands: LOCAL_BANDS } : {}),
        }));
        return {
          id: 'awards-prop',
          name: 'Chiến dịch ngẫu nhiên',
          year: 2025,
          settings,
          criteria,
          blocks,
          units,
          awards: fixGates(awards, units, blocks),
        };
      }),
  );

// ---------------------------------------------------------------------------------------------
// Independent reading of the results
// ---------------------------------------------------------------------------------------------

type Ok = Extract<Evaluation, { ok: true }>;

function evaluateOk(spec: CampaignSpec): Ok {
  const ev = evaluateCampaign(spec);
  if (!ev.ok) {
    throw new Error(`generated campaign is invalid: ${JSON.stringify(ev.errors.slice(0, 3))}`);
  }
  if (!ev.awards) throw new Error('no award outcome');
  return ev;
}

/** Whether unit u passes one gate, read from its profile and its printed results. */
function passes(gate: GateSpec, u: number, spec: CampaignSpec, ev: Ok): boolean {
  const unit = spec.units[u];
  const p = unit.profile;
  const r = ev.units[u];
  switch (gate.kind) {
    case 'registration':
      return (
        p?.registeredOn !== undefined && Date.parse(p.registeredOn) <= Date.parse(gate.deadline)
      );
    case 'dossier': {
      if (p?.dossierOn === undefined) return false;
      const [on, deadline] = [Date.parse(p.dossierOn), Date.parse(gate.deadline)];
      return gate.before ? on < deadline : on <= deadline;
    }
    case 'discipline': {
      const max = decimalQ(gate.maxShare);
      if (p?.staff !== undefined && p.staff > 0 && p.staffViolating !== undefined) {
        if (cmpQ({ num: BigInt(p.staffViolating), den: BigInt(p.staff) }, max) > 0) return false;
      }
      const subs = spec.units.filter((s) => s.profile?.parent === unit.id);
      if (subs.length > 0) {
        const violating = subs.filter((s) => (s.profile?.staffViolating ?? 0) > 0).length;
        const parentMax = decimalQ(gate.parentMaxShare ?? gate.maxShare);
        if (cmpQ({ num: BigInt(violating), den: BigInt(subs.length) }, parentMax) > 0) {
          return false;
        }
      }
      return true;
    }
    case 'classification':
      return r.classification !== '' && gate.allowed.includes(r.classification);
    case 'minIndex':
      return r.printed.index !== null && cmpQ(microQ(r.printed.index), decimalQ(gate.min)) >= 0;
    case 'flag':
      return p?.flags?.includes(gate.flag) === true;
    case 'improvement':
      return gate.measures.every((m) => {
        const before = p?.previous?.[m];
        let now: Q | undefined;
        if (m === 'index') now = r.printed.index === null ? undefined : microQ(r.printed.index);
        else {
          const f = ev.campaign.fields.findIndex((x) => x.code === m);
          if (f >= 0) now = microQ(roundMicro(r.fields[f], ev.campaign.settings.decimals));
          else if (p?.measures?.[m] !== undefined) now = decimalQ(p.measures[m]);
        }
        return now !== undefined && before !== undefined && cmpQ(now, decimalQ(before)) > 0;
      });
  }
}

interface World {
  spec: CampaignSpec;
  awards: AwardsSpec;
  ev: Ok;
  alloc: Allocation;
  n: number;
  ids: string[];
  index: Map<string, number>;
  results: UnitResult[];
  /** Passes every campaign gate. */
  campaignOk: boolean[];
  /** Per award id: passes the campaign gates and that award's own gates. */
  awardOk: Map<string, boolean[]>;
}

function world(spec: CampaignSpec, ev: Ok = evaluateOk(spec)): World {
  const awards = spec.awards as AwardsSpec;
  const n = spec.units.length;
  const ids = spec.units.map((u) => u.id);
  expect(ev.units.map((r) => r.id)).toEqual(ids);
  // The council's exclusion is a gate of its own, before the configured ones.
  const campaignOk = ids.map(
    (_, u) =>
      !spec.units[u].profile?.councilExclusion &&
      (awards.gates ?? []).every((g) => passes(g, u, spec, ev)),
  );
  const awardOk = new Map(
    awards.awards.map((a) => [
      a.id,
      ids.map((_, u) => campaignOk[u] && (a.gates ?? []).every((g) => passes(g, u, spec, ev))),
    ]),
  );
  return {
    spec,
    awards,
    ev,
    alloc: (ev.awards as NonNullable<Ok['awards']>).allocation,
    n,
    ids,
    index: new Map(ids.map((id, u) => [id, u])),
    results: ev.units,
    campaignOk,
    awardOk,
  };
}

function quotaOf(award: AwardTypeSpec, block: string): number {
  const q = award.quotaPerBlock;
  if (q === undefined) return Number.POSITIVE_INFINITY;
  return typeof q === 'number' ? q : (q[block] ?? 0);
}

/** Units grouped by equal rank, best first (rank read from the results). */
function groupsBy(units: number[], rank: (u: number) => number): number[][] {
  const sorted = [...units].sort((a, b) => rank(a) - rank(b));
  const groups: number[][] = [];
  for (const u of sorted) {
    const last = groups[groups.length - 1];
    if (last && rank(last[0]) === rank(u)) last.push(u);
    else groups.push([u]);
  }
  return groups;
}

const sortedIds = (w: World, us: number[]): string[] => us.map((u) => w.ids[u]).sort();
const rankIn = (w: World) => (u: number) => w.results[u].rankInBlock as number;
const rankAll = (w: World) => (u: number) => w.results[u].rankOverall as number;

function blockUnits(w: World, block: string): number[] {
  return w.ids.map((_, u) => u).filter((u) => w.results[u].block === block);
}

/** A tie of the reference model (unit indexes); `waitsOn`: places held for a higher tie. */
interface RefTie {
  award: string | null;
  block: string | null;
  units: number[];
  places: number;
  waitsOn?: string;
}

/** The tie units waiting on a higher award wait on: its units and the places it has. */
interface OpenTie {
  /** Equal for the units of one tie. */
  key: string;
  award: string;
  units: number;
  places: number;
}

/** Places held at a cut for units that wait on a higher tie. */
interface RefHeld {
  units: number[];
  places: number;
  waitsOn: string;
}

interface RefCut {
  chosen: number[];
  tie: number[] | null;
  placesAtTie: number;
  held: RefHeld[];
  /** Places of the quota neither given, tied nor held (finite quota, no tie), else 0. */
  unfilled: number;
}

/**
 * The rules of a cut, read from docs/awards.md §Allocation: down the ranked groups of a
 * block, a group's units waiting on an open tie of a higher award first hold the places that
 * tie leaves out (tied − places, at most the waiting units that may take this place, at most
 * the places left); then its candidates take whole groups while they fit; the group
 * straddling the last place is a tie. `passDown` spends a place per candidate, `leaveEmpty`
 * one per unit still free (eligible or not). Unfilled: the quota less the places given and
 * held, when no tie is at the cut.
 *
 * A group of the runners-up cut may hold units waiting on ties of two awards (Cờ thi đua and
 * Bằng khen): each tie holds what it leaves out, in its own entry, higher award first — the
 * documented rule applied per tie, so that nothing is given below places still undecided.
 */
function refCut(
  groups: readonly number[][],
  places: number,
  o: {
    /** The award a unit waits on above this cut, or null. */
    waitsOn: (u: number) => string | null;
    /** The open tie a waiting unit waits on (`group`: its rank group in this block). */
    tieOf: (u: number, group: readonly number[]) => OpenTie | undefined;
    /** Award precedence: lower first. */
    precedence: (award: string) => number;
    mayTake: (u: number) => boolean;
    free: (u: number) => boolean;
    leaveEmpty: boolean;
  },
): RefCut {
  const chosen: number[] = [];
  const held: RefHeld[] = [];
  let left = places;
  let heldPlaces = 0;
  for (const group of groups) {
    if (left <= 0) break;
    const byTie = new Map<string, { tie: OpenTie; units: number[] }>();
    for (const u of group) {
      if (o.waitsOn(u) === null) continue;
      const tie = o.tieOf(u, group);
      if (!tie) continue;
      const entry = byTie.get(tie.key) ?? { tie, units: [] };
      entry.units.push(u);
      byTie.set(tie.key, entry);
    }
    const ties = [...byTie.values()].sort(
      (a, b) => o.precedence(a.tie.award) - o.precedence(b.tie.award),
    );
    for (const { tie, units } of ties) {
      if (left <= 0) break;
      const w = Math.min(tie.units - tie.places, units.filter(o.mayTake).length, left);
      if (w <= 0) continue;
      held.push({ units, places: w, waitsOn: tie.award });
      left -= w;
      heldPlaces += w;
    }
    if (left <= 0) break;
    const candidates = group.filter((u) => o.free(u) && o.mayTake(u));
    if (candidates.length > left) {
      return { chosen, tie: candidates, placesAtTie: left, held, unfilled: 0 };
    }
    chosen.push(...candidates);
    left -= o.leaveEmpty ? group.filter(o.free).length : candidates.length;
  }
  const unfilled = Number.isFinite(places) ? Math.max(0, places - chosen.length - heldPlaces) : 0;
  return { chosen, tie: null, placesAtTie: 0, held, unfilled };
}

/** Ranked units of a block, grouped by equal rank in block. */
function blockGroups(w: World, block: string): number[][] {
  return groupsBy(
    blockUnits(w, block).filter((u) => w.results[u].rankInBlock !== null),
    rankIn(w),
  );
}

/**
 * For a cut of a lower award, read from the outcome: the open tie of a higher award a unit
 * waits on. The cap tie holding it when there is one (its outcome decides who is left out),
 * else its block tie. A block tie that lapsed under the cap is gone from the outcome; it had
 * no places left then, so all its units (the waiting ones of the group) are left out.
 */
function outcomeTieOf(w: World) {
  return (u: number, group: readonly number[]): OpenTie | undefined => {
    const award = w.alloc.pendingOf[u] as string;
    const open = w.alloc.ties.filter(
      (t) =>
        t.award === award && t.waitsOn === undefined && !t.settled && t.units.includes(w.ids[u]),
    );
    const tie = open.find((t) => t.block === null) ?? open[0];
    if (tie) {
      const key = String(w.alloc.ties.indexOf(tie));
      return { key, award, units: tie.units.length, places: tie.places };
    }
    const lapsed = group.filter(
      (v) =>
        w.alloc.pendingOf[v] === award &&
        !w.alloc.ties.some((t) => t.award === award && t.units.includes(w.ids[v])),
    );
    return { key: `lapsed ${award}`, award, units: lapsed.length, places: 0 };
  };
}

/**
 * The cut of award `i` in a block, from the outcome of the awards above it: a unit is free
 * when no higher award has it or keeps it waiting.
 */
function outcomeCut(w: World, i: number, block: string, leaveEmpty: boolean): RefCut {
  const award = w.awards.awards[i];
  const higher = new Set(w.awards.awards.slice(0, i).map((a) => a.id));
  const ok = w.awardOk.get(award.id) as boolean[];
  return refCut(blockGroups(w, block), quotaOf(award, block), {
    waitsOn: (u) => (higher.has(w.alloc.pendingOf[u] as string) ? w.alloc.pendingOf[u] : null),
    tieOf: outcomeTieOf(w),
    precedence: (id) => w.awards.awards.findIndex((a) => a.id === id),
    mayTake: (u) => ok[u],
    free: (u) =>
      !higher.has(w.alloc.awardOf[u] as string) && !higher.has(w.alloc.pendingOf[u] as string),
    leaveEmpty,
  });
}

/** The ties (its own and places held for a higher tie) and the unfilled places of a cut. */
function expectCutReport(w: World, award: string, block: string, expected: RefCut): void {
  const where = `${award}/${block}`;
  const key = (units: string[], places: number, waitsOn: string | undefined): string =>
    `${[...units].sort()}|${places}|${waitsOn ?? '-'}`;
  const reported = w.alloc.ties.filter((t) => t.award === award && t.block === block);
  for (const t of reported) expect([where, t.settled]).toEqual([where, false]);
  expect([where, reported.map((t) => key(t.units, t.places, t.waitsOn)).sort()]).toEqual([
    where,
    [
      ...expected.held.map((h) => key(sortedIds(w, h.units), h.places, h.waitsOn)),
      ...(expected.tie ? [key(sortedIds(w, expected.tie), expected.placesAtTie, undefined)] : []),
    ].sort(),
  ]);
  const gap = w.alloc.unfilled.find((g) => g.award === award && g.block === block);
  expect([where, gap ? gap.places : null]).toEqual([
    where,
    expected.unfilled > 0 ? expected.unfilled : null,
  ]);
}

const RUNS = 150;

// ---------------------------------------------------------------------------------------------
// Allocation properties
// ---------------------------------------------------------------------------------------------

describe('award allocation properties', () => {
  it("no award's proposals in a block ever exceed its per-block quota, and no award's proposals in all exceed its cap", () => {
    fc.assert(
      fc.property(campaignArb, (spec) => {
        const w = world(spec);
        for (const award of w.awards.awards) {
          const mine = w.alloc.proposals.filter((p) => p.award === award.id);
          for (const block of spec.blocks) {
            const count = mine.filter((p) => p.block === block.id).length;
            expect(count).toBeLessThanOrEqual(quotaOf(award, block.id));
          }
          if (award.cap !== undefined) expect(mine.length).toBeLessThanOrEqual(award.cap);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the gates agree with an independent reading of profiles and printed results; a unit failing a campaign gate or the award own gate never gets that award, a unit failing a campaign gate never becomes a runner-up', () => {
    fc.assert(
      fc.property(campaignArb, (spec) => {
        const w = world(spec);
        const outcome = w.ev.awards as NonNullable<Ok['awards']>;
        w.ids.forEach((id, u) => {
          expect([id, outcome.exclusions[u].length === 0]).toEqual([id, w.campaignOk[u]]);
          for (const award of w.awards.awards) {
            const own = (outcome.awardExclusions.get(award.id) as unknown[][])[u];
            const ownOk = (award.gates ?? []).every((g) => passes(g, u, spec, w.ev));
            expect([id, award.id, own.length === 0]).toEqual([id, award.id, ownOk]);
          }
        });
        for (const p of w.alloc.proposals) {
          const u = w.index.get(p.unit) as number;
          expect([p.unit, p.award, (w.awardOk.get(p.award) as boolean[])[u]]).toEqual([
            p.unit,
            p.award,
            true,
          ]);
        }
        for (const r of w.alloc.runnersUp) {
          expect([r.unit, w.campaignOk[w.index.get(r.unit) as number]]).toEqual([r.unit, true]);
        }
        w.alloc.runnerUp.forEach((isRunnerUp, u) => {
          if (isRunnerUp) expect(w.campaignOk[u]).toBe(true);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it("runners-up in a block never exceed that block's count (one number or per block), and each is a unit of its block", () => {
    fc.assert(
      fc.property(campaignArb, (spec) => {
        const w = world(spec);
        for (const block of spec.blocks) {
          const mine = w.alloc.runnersUp.filter((r) => r.block === block.id);
          expect([block.id, mine.length <= runnersUpOf(w.awards, block.id)]).toEqual([
            block.id,
            true,
          ]);
          for (const r of mine) {
            expect([r.unit, w.results[w.index.get(r.unit) as number].block]).toEqual([
              r.unit,
              block.id,
            ]);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a unit receives at most one award, awardOf says which, and a runner-up has no award', () => {
    fc.assert(
      fc.property(campaignArb, (spec) => {
        const w = world(spec);
        const count = new Map<string, number>();
        for (const p of w.alloc.proposals) count.set(p.unit, (count.get(p.unit) ?? 0) + 1);
        for (const [unit, k] of count) expect([unit, k]).toEqual([unit, 1]);
        w.ids.forEach((id, u) => {
          const p = w.alloc.proposals.find((x) => x.unit === id);
          expect([id, w.alloc.awardOf[u]]).toEqual([id, p ? p.award : null]);
          if (w.alloc.runnerUp[u]) expect([id, w.alloc.awardOf[u]]).toEqual([id, null]);
        });
        expect(new Set(w.alloc.runnersUp.map((r) => r.unit))).toEqual(
          new Set(w.ids.filter((_, u) => w.alloc.runnerUp[u])),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("with unfilled 'passDown' and no cap, a block's awarded units of an award are exactly the top eligible still-free units by rank below the places held for units waiting on a higher tie, except a flagged tie at the cut: every eligible free unit ranked strictly better than an awarded unit is awarded, a tie is reported iff the eligible free units at the cut rank outnumber the places left, the held places are reported as ties waiting on the higher award, and the quota's remaining places as unfilled", () => {
    fc.assert(
      fc.property(campaignArb, (spec) => {
        fc.pre(spec.awards?.unfilled !== 'leaveEmpty');
        const w = world(spec);
        w.awards.awards.forEach((award, i) => {
          if (award.cap !== undefined) return;
          const higher = new Set(w.awards.awards.slice(0, i).map((a) => a.id));
          const free = (u: number): boolean =>
            !higher.has(w.alloc.awardOf[u] as string) &&
            !higher.has(w.alloc.pendingOf[u] as string);
          const ok = w.awardOk.get(award.id) as boolean[];
          for (const block of spec.blocks) {
            const candidates = blockUnits(w, block.id).filter(
              (u) => w.results[u].rankInBlock !== null && free(u) && ok[u],
            );
            const expected = outcomeCut(w, i, block.id, false);
            const awarded = w.alloc.proposals
              .filter((p) => p.award === award.id && p.block === block.id)
              .map((p) => w.index.get(p.unit) as number);
            const where = `${award.id}/${block.id}`;
            expect([where, sortedIds(w, awarded)]).toEqual([where, sortedIds(w, expected.chosen)]);
            // In words: a better-ranked eligible free unit is never passed over…
            for (const a of awarded) {
              for (const c of candidates) {
                if (rankIn(w)(c) < rankIn(w)(a)) expect(awarded).toContain(c);
              }
            }
            // …and the cut is a tie exactly when the candidates at its rank outnumber the places.
            const tie = w.alloc.ties.find(
              (t) => t.award === award.id && t.block === block.id && t.waitsOn === undefined,
            );
            expect([where, tie !== undefined]).toEqual([where, expected.tie !== null]);
            if (tie) expect(tie.units.length).toBeGreaterThan(tie.places);
            expectCutReport(w, award.id, block.id, expected);
          }
        });
      }),
      { numRuns: 250 },
    );
  });

  it("with unfilled 'leaveEmpty' and no cap, every ranked unit still without an award uses a place, eligible or not, and units waiting on a higher tie hold the places it leaves out: an eligible free unit is awarded iff the places used or held above it, plus those held at its rank and the eligible free units of its rank, fit the quota, and is in a tie iff they do not while places are left for its rank; held places are reported as ties waiting on the higher award, and the quota's remaining places (ineligible units' places included) as unfilled", () => {
    fc.assert(
      fc.property(campaignArb, (spec) => {
        fc.pre(spec.awards?.unfilled === 'leaveEmpty');
        const w = world(spec);
        w.awards.awards.forEach((award, i) => {
          if (award.cap !== undefined) return;
          const higher = new Set(w.awards.awards.slice(0, i).map((a) => a.id));
          const free = (u: number): boolean =>
            !higher.has(w.alloc.awardOf[u] as string) &&
            !higher.has(w.alloc.pendingOf[u] as string);
          const ok = w.awardOk.get(award.id) as boolean[];
          for (const block of spec.blocks) {
            const quota = quotaOf(award, block.id);
            const expected = outcomeCut(w, i, block.id, true);
            const placed = blockUnits(w, block.id).filter(
              (u) => w.results[u].rankInBlock !== null && free(u),
            );
            for (const u of placed) {
              const rank = rankIn(w)(u);
              const above = placed.filter((v) => rankIn(w)(v) < rank).length;
              const held = expected.held
                .filter((h) => rankIn(w)(h.units[0]) <= rank)
                .reduce((sum, h) => sum + h.places, 0);
              const same = placed.filter((v) => ok[v] && rankIn(w)(v) === rank).length;
              const left = quota - above - held;
              const awarded = ok[u] && left > 0 && same <= left;
              const tied = ok[u] && left > 0 && same > left;
              const where = `${award.id}/${w.ids[u]}`;
              expect([where, w.alloc.awardOf[u] === award.id]).toEqual([where, awarded]);
              expect([where, w.alloc.pendingOf[u] === award.id]).toEqual([where, tied]);
            }
            expectCutReport(w, award.id, block.id, expected);
          }
        });
      }),
      { numRuns: 250 },
    );
  });

  it('a council choice naming exactly the places of a tie at a block cut settles it: the chosen units are proposed via the council, the others of the tie are neither proposed nor waiting', () => {
    let settledSome = 0;
    fc.assert(
      fc.property(campaignArb, fc.integer(), (spec, seed) => {
        const first = world(spec);
        const award = first.awards.awards[0];
        const open = first.alloc.ties.filter((t) => t.award === award.id && t.block !== null);
        fc.pre(award.cap === undefined && open.length > 0);
        const rand = mulberry32(seed);
        const choices = open.map((t) => ({
          award: award.id,
          block: t.block as string,
          units: shuffle(t.units, rand).slice(0, t.places),
        }));
        const settled = evaluateOk({
          ...spec,
          awards: { ...(spec.awards as AwardsSpec), councilChoices: choices },
        });
        const a = (settled.awards as NonNullable<Ok['awards']>).allocation;
        for (const choice of choices) {
          const tie = a.ties.find((t) => t.award === award.id && t.block === choice.block);
          expect(tie?.settled).toBe(true);
          const mine = a.proposals.filter((p) => p.award === award.id && p.block === choice.block);
          for (const id of choice.units) {
            expect(mine.find((p) => p.unit === id)?.via).toBe('council');
          }
          const tieUnits = open.find((t) => t.block === choice.block)?.units ?? [];
          for (const id of tieUnits.filter((x) => !choice.units.includes(x))) {
            expect(mine.map((p) => p.unit)).not.toContain(id);
            const u = settled.units.findIndex((r) => r.id === id);
            expect(a.pendingOf[u]).not.toBe(award.id);
          }
          // The places by rank are unchanged: the same units as before, plus the chosen.
          const before = first.alloc.proposals
            .filter((p) => p.award === award.id && p.block === choice.block)
            .map((p) => p.unit);
          expect(mine.map((p) => p.unit).sort()).toEqual([...before, ...choice.units].sort());
          settledSome++;
        }
      }),
      { numRuns: RUNS },
    );
    expect(settledSome).toBeGreaterThan(10);
  });

  it('settling the ties at block cuts of an award never withdraws a proposal that award already made by rank (with or without a cap)', () => {
    fc.assert(
      fc.property(campaignArb, fc.integer(), (spec, seed) => {
        const first = world(spec);
        const award = first.awards.awards[0];
        const open = first.alloc.ties.filter((t) => t.award === award.id && t.block !== null);
        fc.pre(open.length > 0);
        const rand = mulberry32(seed);
        const councilChoices = open.map((t) => ({
          award: award.id,
          block: t.block as string,
          units: shuffle(t.units, rand).slice(0, t.places),
        }));
        const settled = evaluateOk({
          ...spec,
          awards: { ...(spec.awards as AwardsSpec), councilChoices },
        });
        const after = (settled.awards as NonNullable<Ok['awards']>).allocation.proposals
          .filter((p) => p.award === award.id)
          .map((p) => p.unit);
        for (const p of first.alloc.proposals.filter((x) => x.award === award.id)) {
          expect([p.unit, after.includes(p.unit)]).toEqual([p.unit, true]);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("with unfilled 'passDown', the whole allocation (precedence, per-block cuts, places held for units waiting on a higher tie, unfilled places, the cap by overall rank with held places, runners-up) equals a reference model", () => {
    fc.assert(
      fc.property(campaignArb, (spec) => {
        fc.pre(spec.awards?.unfilled !== 'leaveEmpty');
        const w = world(spec);
        const awardOf: (string | null)[] = new Array(w.n).fill(null);
        const pendingOf: (string | null)[] = new Array(w.n).fill(null);
        const proposals: string[] = [];
        const ties: RefTie[] = [];
        const unfilled: string[] = [];
        const precedence = (id: string): number => w.awards.awards.findIndex((a) => a.id === id);
        const free = (u: number): boolean => awardOf[u] === null && pendingOf[u] === null;
        /** The open tie a waiting unit waits on: the cap tie holding it, else its block tie. */
        const tieOf = (u: number): OpenTie | undefined => {
          const award = pendingOf[u] as string;
          const open = ties.filter(
            (t) => t.award === award && t.waitsOn === undefined && t.units.includes(u),
          );
          const tie = open.find((t) => t.block === null) ?? open[0];
          return (
            tie && {
              key: String(ties.indexOf(tie)),
              award,
              units: tie.units.length,
              places: tie.places,
            }
          );
        };
        for (const award of w.awards.awards) {
          const ok = w.awardOk.get(award.id) as boolean[];
          const tentative: number[] = [];
          /** This award's open block ties and the places it holds for higher ties. */
          const held: RefTie[] = [];
          for (const block of spec.blocks) {
            const c = refCut(blockGroups(w, block.id), quotaOf(award, block.id), {
              waitsOn: (u) => (pendingOf[u] === award.id ? null : pendingOf[u]),
              tieOf,
              precedence,
              mayTake: (u) => ok[u],
              free,
              leaveEmpty: false,
            });
            tentative.push(...c.chosen);
            for (const h of c.held) {
              const entry: RefTie = { award: award.id, block: block.id, ...h };
              ties.push(entry);
              held.push(entry);
            }
            if (c.tie) {
              const entry: RefTie = {
                award: award.id,
                block: block.id,
                units: c.tie,
                places: c.placesAtTie,
              };
              ties.push(entry);
              held.push(entry);
              for (const u of c.tie) pendingOf[u] = award.id;
            } else if (c.unfilled > 0) unfilled.push(`${award.id}|${block.id}|${c.unfilled}`);
          }
          let accepted = tentative;
          if (award.cap !== undefined) {
            // The best by overall rank, held places counting at their units' overall rank.
            type Item = { rank: number; unit?: number; held?: RefTie };
            const items: Item[] = [
              ...tentative.map((u) => ({ rank: rankAll(w)(u), unit: u })),
              ...held.map((t) => ({ rank: rankAll(w)(t.units[0]), held: t })),
            ].sort((a, b) => a.rank - b.rank);
            const groups: Item[][] = [];
            for (const item of items) {
              const last = groups[groups.length - 1];
              if (last && last[0].rank === item.rank) last.push(item);
              else groups.push([item]);
            }
            accepted = [];
            let left = award.cap;
            for (const group of groups) {
              const units = group.flatMap((x) => (x.unit === undefined ? [] : [x.unit]));
              const holders = group.flatMap((x) => (x.held ? [x.held] : []));
              if (left <= 0) {
                // Below the cap: units stay free for lower awards, held places lapse, and the
                // units of this award's own open block ties are free again (they cannot get it).
                for (const h of holders) {
                  h.places = 0;
                  if (h.award === award.id && h.waitsOn === undefined) {
                    for (const u of h.units) if (pendingOf[u] === award.id) pendingOf[u] = null;
                  }
                }
                continue;
              }
              const weight = units.length + holders.reduce((sum, h) => sum + h.places, 0);
              if (weight <= left) {
                accepted.push(...units);
                left -= weight;
                continue;
              }
              if (units.length === 0 && holders.length === 1) holders[0].places = left;
              else {
                ties.push({
                  award: award.id,
                  block: null,
                  units: [...units, ...holders.flatMap((h) => h.units)],
                  places: left,
                });
                for (const u of units) pendingOf[u] = award.id;
              }
              left = 0;
            }
          }
          for (const u of accepted) {
            awardOf[u] = award.id;
            proposals.push(`${award.id}|${w.ids[u]}`);
          }
        }
        // Held places that lapsed under a cap are not reported.
        for (let k = ties.length - 1; k >= 0; k--) if (ties[k].places === 0) ties.splice(k, 1);
        const runnersUp: string[] = [];
        for (const block of spec.blocks) {
          const perBlock = runnersUpOf(w.awards, block.id);
          if (perBlock > 0) {
            const c = refCut(blockGroups(w, block.id), perBlock, {
              waitsOn: (u) => pendingOf[u],
              tieOf,
              precedence,
              mayTake: (u) => w.campaignOk[u],
              free,
              leaveEmpty: false,
            });
            runnersUp.push(...c.chosen.map((u) => w.ids[u]));
            for (const h of c.held) ties.push({ award: null, block: block.id, ...h });
            if (c.tie) {
              ties.push({ award: null, block: block.id, units: c.tie, places: c.placesAtTie });
            }
          }
        }
        const tieKey = (t: {
          award: string | null;
          block: string | null;
          units: string[];
          places: number;
          waitsOn?: string;
        }): string =>
          `${t.award}|${t.block}|${[...t.units].sort()}|${t.places}|${t.waitsOn ?? '-'}`;
        expect(w.alloc.proposals.map((p) => `${p.award}|${p.unit}`).sort()).toEqual(
          proposals.sort(),
        );
        expect(w.alloc.ties.map(tieKey).sort()).toEqual(
          ties.map((t) => tieKey({ ...t, units: t.units.map((u) => w.ids[u]) })).sort(),
        );
        expect(w.alloc.ties.every((t) => !t.settled)).toBe(true);
        expect(w.alloc.unfilled.map((g) => `${g.award}|${g.block}|${g.places}`).sort()).toEqual(
          unfilled.sort(),
        );
        expect(w.alloc.runnersUp.map((r) => r.unit).sort()).toEqual(runnersUp.sort());
        expect(w.alloc.pendingOf).toEqual(pendingOf);
      }),
      { numRuns: 250 },
    );
  });

  it('ties at a cut: no unit of an unsettled tie is proposed for that award (nor made a runner-up for a runners-up tie); tied units share one rankInBlock, or one rankOverall for a cap tie (block null); they outnumber the places and wait on that award, except the units of places held in a cap tie, which wait on the higher tie they waited on; places held for a higher tie are at a block cut, no more than its units that may take them, and their units wait on an open tie of that higher award; and every unit waiting on an award is in an open tie of it', () => {
    let seen = 0;
    let heldSeen = 0;
    fc.assert(
      fc.property(campaignArb, (spec) => {
        const w = world(spec);
        const precedence = (id: string | null): number =>
          id === null ? w.awards.awards.length : w.awards.awards.findIndex((a) => a.id === id);
        const inOpenTie = (award: string, id: string): boolean =>
          w.alloc.ties.some(
            (t) =>
              t.award === award && t.waitsOn === undefined && !t.settled && t.units.includes(id),
          );
        for (const tie of w.alloc.ties) {
          seen++;
          expect(tie.places).toBeGreaterThan(0);
          const us = tie.units.map((id) => w.index.get(id) as number);
          const ranks = new Set(
            us.map((u) =>
              tie.block === null ? w.results[u].rankOverall : w.results[u].rankInBlock,
            ),
          );
          expect(ranks.size).toBe(1);
          expect([...ranks][0]).not.toBeNull();
          if (tie.block !== null) {
            for (const u of us) expect(w.results[u].block).toBe(tie.block);
          }
          if (tie.waitsOn === undefined) expect(tie.units.length).toBeGreaterThan(tie.places);
          else {
            heldSeen++;
            const where = `${tie.award}/${tie.block} waits on ${tie.waitsOn}`;
            expect([where, tie.block !== null, tie.settled]).toEqual([where, true, false]);
            expect([where, precedence(tie.waitsOn) < precedence(tie.award)]).toEqual([where, true]);
            const may = tie.award === null ? w.campaignOk : (w.awardOk.get(tie.award) as boolean[]);
            expect(us.filter((u) => may[u]).length).toBeGreaterThanOrEqual(tie.places);
          }
          if (tie.settled) continue;
          for (const id of tie.units) {
            const u = w.index.get(id) as number;
            if (tie.award === null) {
              expect(w.alloc.runnersUp.map((r) => r.unit)).not.toContain(id);
            } else {
              expect(
                w.alloc.proposals.filter((p) => p.award === tie.award).map((p) => p.unit),
              ).not.toContain(id);
            }
            const pending = w.alloc.pendingOf[u];
            if (tie.waitsOn !== undefined) {
              expect([id, pending, inOpenTie(tie.waitsOn, id)]).toEqual([id, tie.waitsOn, true]);
            } else if (tie.award !== null && (tie.block !== null || pending === tie.award)) {
              expect([id, pending]).toEqual([id, tie.award]);
            } else if (tie.award !== null) {
              // A cap tie also holds the units of places held in its group for a higher tie.
              const heldFor = w.alloc.ties.filter(
                (h) => h.award === tie.award && h.waitsOn === pending && h.units.includes(id),
              );
              expect([id, pending, heldFor.length]).toEqual([id, pending, 1]);
            }
          }
        }
        // Whoever waits on an award waits on a tie the council has to decide.
        w.alloc.pendingOf.forEach((award, u) => {
          if (award !== null)
            expect([w.ids[u], inOpenTie(award, w.ids[u])]).toEqual([w.ids[u], true]);
        });
      }),
      { numRuns: RUNS },
    );
    // The generator does produce ties and held places (a silent pass would prove nothing).
    expect(seen).toBeGreaterThan(20);
    expect(heldSeen).toBeGreaterThan(5);
  });
});

// ---------------------------------------------------------------------------------------------
// Input order
// ---------------------------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Valid nominations and two ballots for an allocation, chosen by `rand`. */
function withNominations(spec: CampaignSpec, alloc: Allocation, rand: () => number): CampaignSpec {
  const nominators: { kind: 'awarded' | 'runnerUp'; unit: string }[] = [
    ...alloc.proposals.map((p) => ({ kind: 'awarded' as const, unit: p.unit })),
    ...alloc.runnersUp.map((r) => ({ kind: 'runnerUp' as const, unit: r.unit })),
  ];
  const nominations: NominationSpec[] = [];
  for (const by of nominators) {
    if (rand() < 0.7) {
      const k = nominations.length + 1;
      nominations.push({
        id: `N${k}`,
        name: `Người ${k}`,
        unit: by.unit,
        position: 'Phó Giám đốc',
        nominatedBy: by,
      });
    }
  }
  const council = Math.floor(rand() * 3);
  for (let i = 0; i < council; i++) {
    const k = nominations.length + 1;
    nominations.push({
      id: `N${k}`,
      name: `Người ${k}`,
      unit: spec.units[Math.floor(rand() * spec.units.length)].id,
      position: 'Chuyên viên',
      nominatedBy: { kind: 'council' },
    });
  }
  const present = 10 + Math.floor(rand() * 6);
  const votes = (nominees: string[]): BallotSpec['votes'] =>
    nominees
      .map((nominee) => ({ nominee, votes: Math.floor(rand() * 4) * 4 }))
      .map((v) => ({
        ...v,
        votes: Math.min(v.votes, present),
      }));
  const ballots: BallotSpec[] = [];
  if (nominations.length > 0) {
    ballots.push({
      id: 'B1',
      name: 'Bầu cá nhân',
      kind: 'individual',
      seats: 1 + Math.floor(rand() * 3),
      membersTotal: 15,
      membersPresent: present,
      threshold: { share: 0.5, base: rand() < 0.5 ? 'present' : 'all' },
      votes: votes(nominations.map((x) => x.id)),
    });
  }
  ballots.push({
    id: 'B2',
    name: 'Bầu tập thể',
    kind: 'collective',
    seats: 1 + Math.floor(rand() * 2),
    membersTotal: 15,
    membersPresent: present,
    votes: votes(spec.units.filter(() => rand() < 0.3).map((u) => u.id)),
  });
  return { ...spec, nominations, ballots };
}

/** Everything the award stage says, keyed by unit id (never by input position). */
function summary(ev: Ok): unknown {
  const outcome = ev.awards as NonNullable<Ok['awards']>;
  const ids = ev.units.map((u) => u.id);
  const byId = <T>(values: readonly T[]): Record<string, T> =>
    Object.fromEntries(ids.map((id, u) => [id, values[u]]));
  const { allocation } = outcome;
  return {
    proposals: allocation.proposals,
    ties: allocation.ties,
    unfilled: allocation.unfilled,
    runnersUp: allocation.runnersUp,
    awardOf: byId(allocation.awardOf),
    pendingOf: byId(allocation.pendingOf),
    runnerUp: byId(allocation.runnerUp),
    exclusions: byId(outcome.exclusions.map((rs) => rs.map(formatReason))),
    awardExclusions: Object.fromEntries(
      [...outcome.awardExclusions].map(([award, rs]) => [
        award,
        byId(rs.map((x) => x.map(formatReason))),
      ]),
    ),
    notes: byId(awardNotes(outcome, ev.campaign)),
    ballots: outcome.ballots,
  };
}

describe('input order', () => {
  it('shuffling the input order of units and of nominations changes nothing: same proposals, ties, unfilled places, runners-up, exclusions, notes and ballots by unit id', () => {
    fc.assert(
      fc.property(campaignArb, fc.integer(), (spec, seed) => {
        const rand = mulberry32(seed);
        const first = evaluateOk(spec);
        const full = withNominations(
          spec,
          (first.awards as NonNullable<Ok['awards']>).allocation,
          rand,
        );
        const before = evaluateOk(full);
        const after = evaluateOk({
          ...full,
          units: shuffle(full.units, rand),
          nominations: shuffle(full.nominations ?? [], rand),
        });
        expect(summary(after)).toEqual(summary(before));
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Ballots
// ---------------------------------------------------------------------------------------------

/** A decimal share with at most 6 places, as typed: k / 10^d. */
const decimalShareArb: fc.Arbitrary<number> = fc
  .integer({ min: 0, max: 6 })
  .chain((d) => fc.integer({ min: 0, max: 10 ** d }).map((k) => Number((k / 10 ** d).toFixed(d))));

const NOMINEES = ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8'];

const ballotArb: fc.Arbitrary<BallotSpec> = fc
  .record({
    total: fc.integer({ min: 1, max: 25 }),
    presentShare: fc.integer({ min: 0, max: 100 }),
    seats: fc.integer({ min: 1, max: 4 }),
    threshold: fc.option(
      fc.record({
        share: fc.oneof(decimalShareArb, fc.constantFrom(0, 0.5, 0.51, 0.6667, 0.75, 0.9, 1)),
        base: fc.constantFrom<('present' | 'all')[]>('present', 'all'),
      }),
      { freq: 4, nil: undefined },
    ),
    nominees: fc.subarray(NOMINEES),
    voteLevels: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
    picks: fc.array(fc.nat(), { minLength: NOMINEES.length, maxLength: NOMINEES.length }),
  })
  .map(({ total, presentShare, seats, threshold, nominees, voteLevels, picks }): BallotSpec => {
    const present = Math.round((total * presentShare) / 100);
    // Few distinct vote counts, so that equal votes at the last seat are frequent.
    const levels = voteLevels.map((l) => Math.round((present * l) / 100));
    return {
      id: 'B',
      name: 'Lượt bầu',
      kind: 'individual',
      seats,
      membersTotal: total,
      membersPresent: present,
      ...(threshold ? { threshold } : {}),
      votes: nominees.map((nominee, i) => ({ nominee, votes: levels[picks[i] % levels.length] })),
    };
  });

describe('ballot properties', () => {
  it('elected ≤ seats; each elected nominee has votes ≥ needed and more votes than every qualifying nominee not elected (tied or not); a tie is reported iff the votes at the cut are shared by more nominees than seats left', () => {
    let ties = 0;
    fc.assert(
      fc.property(ballotArb, (ballot) => {
        const { results, issues } = tallyBallots([ballot], NOMINEES, []);
        expect(issues).toEqual([]);
        const [r] = results;
        const base = ballot.threshold?.base === 'all' ? ballot.membersTotal : ballot.membersPresent;
        expect(r.base).toBe(base);
        const needed = ballot.threshold ? neededRef(ballot.threshold.share, base) : 1;
        expect(r.needed).toBe(needed);
        const qualifies = (v: number): boolean => v >= needed && v > 0;
        const qualifying = ballot.votes.filter((v) => qualifies(v.votes));
        expect(r.elected.length).toBeLessThanOrEqual(ballot.seats);
        const elected = new Set(r.elected.map((e) => e.nominee));
        const tied = new Set(r.tie?.nominees ?? []);
        for (const e of r.elected) {
          expect(e.votes).toBeGreaterThanOrEqual(needed);
          for (const q of qualifying) {
            if (!elected.has(q.nominee)) expect(e.votes).toBeGreaterThan(q.votes);
          }
        }
        // Reference: the cut is at the seats-th best qualifying vote count.
        const sorted = [...qualifying].sort((a, b) => b.votes - a.votes);
        let expectedTie: { nominees: string[]; places: number } | null = null;
        let expectedElected = sorted.map((v) => v.nominee);
        if (sorted.length > ballot.seats) {
          const atCut = sorted[ballot.seats - 1].votes;
          const above = sorted.filter((v) => v.votes > atCut);
          const at = sorted.filter((v) => v.votes === atCut);
          const left = ballot.seats - above.length;
          if (at.length > left) {
            expectedTie = { nominees: at.map((v) => v.nominee).sort(), places: left };
            expectedElected = above.map((v) => v.nominee);
          } else expectedElected = [...above, ...at].map((v) => v.nominee);
        }
        expect([...elected].sort()).toEqual(expectedElected.sort());
        expect(
          r.tie ? { nominees: [...r.tie.nominees].sort(), places: r.tie.places } : null,
        ).toEqual(expectedTie);
        if (r.tie) ties++;
        // Every vote is accounted for exactly once.
        const listed = [
          ...r.elected,
          ...r.notElected,
          ...r.belowThreshold,
          ...[...tied].map((nominee) => ({ nominee })),
        ].map((v) => v.nominee);
        expect(listed.sort()).toEqual(ballot.votes.map((v) => v.nominee).sort());
        for (const b of r.belowThreshold) expect(qualifies(b.votes)).toBe(false);
      }),
      { numRuns: 1000 },
    );
    expect(ties).toBeGreaterThan(20);
  });

  it('votesNeeded(share, base) is the smallest v with v / base ≥ share, for shares with up to 6 decimals (BigInt reference)', () => {
    fc.assert(
      fc.property(decimalShareArb, fc.integer({ min: 0, max: 100_000 }), (share, base) => {
        const v = votesNeeded(share, base);
        expect(v).toBe(neededRef(share, base));
        // The definition itself, in exact rationals: v qualifies, v − 1 does not.
        const s = decimalQ(share);
        expect(BigInt(v) * s.den >= s.num * BigInt(base)).toBe(true);
        if (v > 0) expect(BigInt(v - 1) * s.den < s.num * BigInt(base)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('votesNeeded(share, base) is the smallest v with v / base ≥ p/q for a share computed as a fraction p/q (q ≤ 12), e.g. a two-thirds majority 2/3: the fraction meant, not the double that stands for it', () => {
    const fraction = fc
      .integer({ min: 1, max: 12 })
      .chain((q) => fc.integer({ min: 0, max: q }).map((p) => [p, q] as const));
    fc.assert(
      fc.property(fraction, fc.integer({ min: 0, max: 1000 }), ([p, q], base) => {
        // ceil(p × base / q) in integers
        const expected = Number((BigInt(p) * BigInt(base) + BigInt(q) - 1n) / BigInt(q));
        expect(votesNeeded(p / q, base)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
