/**
 * Allocation of collective awards: award types in precedence order, places down each block's
 * ranking under per-block quotas, then an overall cap. A unit gets at most one award.
 *
 * Ties at a cut are never broken silently: when units with the same rank (same printed value
 * and tie-break keys) straddle the last place, none of them is chosen; the cut is reported
 * for the council with the places left, unless a council choice in the spec settles it.
 */
import type { Ranking } from '../ranking/rankCampaign';
import type { CompiledCampaign } from '../compile/types';
import type { AwardsSpec, AwardTypeSpec, CouncilChoice } from './types';

export interface Proposal {
  award: string;
  block: string;
  unit: string;
  /** `rank`: by the ranking; `council`: a council choice at a tied cut. */
  via: 'rank' | 'council';
}

export interface TieAtCut {
  /** The award of the cut, or null for the runners-up cut. */
  award: string | null;
  /** The block of the cut, or null for an award's overall cap. */
  block: string | null;
  /** The tied candidates (unit ids, display order). */
  units: string[];
  /** Places left for them. */
  places: number;
  /** True when a council choice in the spec settled it. */
  settled: boolean;
  /**
   * Runner-up places that wait on an award's tie: the units the council does not choose for
   * the award become the runners-up. The award id of that tie.
   */
  waitsOn?: string;
}

export interface Unfilled {
  award: string;
  block: string | null;
  places: number;
}

export interface Allocation {
  proposals: Proposal[];
  ties: TieAtCut[];
  unfilled: Unfilled[];
  runnersUp: { block: string; unit: string }[];
  /** Per unit (input order): the award id it is proposed for, or null. */
  awardOf: (string | null)[];
  /** Per unit: the award whose tied cut it waits on, or null. */
  pendingOf: (string | null)[];
  runnerUp: boolean[];
}

/** Eligibility as the allocation needs it: campaign-wide and per award (unit index → ok). */
export interface Eligibility {
  campaign: readonly boolean[];
  byAward: ReadonlyMap<string, readonly boolean[]>;
}

function quotaOf(award: AwardTypeSpec, blockId: string): number {
  const q = award.quotaPerBlock;
  if (q === undefined) return Number.POSITIVE_INFINITY;
  if (typeof q === 'number') return q;
  return q[blockId] ?? 0;
}

/** Units of one block in display order, split into groups of equal rank (unranked dropped). */
function rankGroups(order: Uint32Array, rank: Float64Array): number[][] {
  const groups: number[][] = [];
  for (const u of order) {
    const r = rank[u];
    if (r !== r) break; // unranked units come last
    const last = groups[groups.length - 1];
    if (last && rank[last[0]] === r) last.push(u);
    else groups.push([u]);
  }
  return groups;
}

function findChoice(
  choices: readonly CouncilChoice[],
  award: string,
  block: string | null,
): CouncilChoice | undefined {
  return choices.find((ch) => ch.award === award && (ch.block ?? null) === block);
}

/** Units that wait on a higher cut's council decision, and how many of them may come here. */
interface Waiting {
  units: number[];
  /** Places those units would take here: the ones not chosen at the higher cut. */
  potential: number;
  waitsOn: string;
}

interface Taken {
  chosen: number[];
  tie: number[] | null;
  placesAtTie: number;
  /** Places held for units waiting on higher cuts: units and the places they hold. */
  waits: { units: number[]; places: number; waitsOn: string }[];
  /** Places neither given, tied nor held. */
  unused: number;
}

/**
 * Takes places from ranked groups: whole groups while they fit; a group that straddles the
 * last place is a tie at the cut. Units still waiting on a higher cut's decision hold the
 * places the ones not chosen there would take here, so no place below them is given early.
 */
function takePlaces(
  groups: readonly number[][],
  places: number,
  isCandidate: (u: number) => boolean,
  leaveEmpty: boolean,
  consumesPlace: (u: number) => boolean,
  waitingIn: (group: readonly number[]) => Waiting[],
): Taken {
  const chosen: number[] = [];
  const waits: Taken['waits'] = [];
  let left = places;
  let held = 0;
  for (const group of groups) {
    if (left <= 0) break;
    for (const waiting of waitingIn(group)) {
      if (left <= 0 || waiting.potential <= 0) continue;
      const w = Math.min(waiting.potential, left);
      waits.push({ units: waiting.units, places: w, waitsOn: waiting.waitsOn });
      left -= w;
      held += w;
    }
    if (left <= 0) break;
    const candidates = group.filter(isCandidate);
    if (candidates.length <= left) {
      chosen.push(...candidates);
      // leaveEmpty: an ineligible unit's place is used up all the same.
      left -= leaveEmpty ? group.filter(consumesPlace).length : candidates.length;
    } else {
      return { chosen, tie: candidates, placesAtTie: left, waits, unused: 0 };
    }
  }
  return {
    chosen,
    tie: null,
    placesAtTie: 0,
    waits,
    unused: Number.isFinite(places) ? Math.max(0, places - chosen.length - held) : 0,
  };
}

/** Something that takes places under a cap: a unit, or places held by an open tie. */
interface CapItem {
  rank: number;
  unit?: { u: number; via: 'rank' | 'council' };
  /** An open tie of this award at a block cut (its units may still be chosen). */
  blockTie?: { entry: TieAtCut; units: number[]; within?: { entry: TieAtCut; units: number[] }[] };
  /** Places held for units waiting on a higher award's tie. */
  held?: TieAtCut;
}

const weightOf = (item: CapItem): number =>
  item.unit ? 1 : (item.blockTie?.entry.places ?? item.held?.places ?? 0);

export function allocateAwards(
  c: CompiledCampaign,
  r: Ranking,
  spec: AwardsSpec,
  eligible: Eligibility,
): Allocation {
  const n = c.units.length;
  const awardOf: (string | null)[] = new Array(n).fill(null);
  const pendingOf: (string | null)[] = new Array(n).fill(null);
  const runnerUp: boolean[] = new Array(n).fill(false);
  const proposals: Proposal[] = [];
  const ties: TieAtCut[] = [];
  const unfilled: Unfilled[] = [];
  const leaveEmpty = spec.unfilled === 'leaveEmpty';
  const choices = spec.councilChoices ?? [];
  const groupsByBlock = c.blocks.map((_, b) => rankGroups(r.blockOrder[b], r.rankInBlock));
  const ids = (us: readonly number[]): string[] => us.map((u) => c.units[u].id);
  const indexOf = new Map(c.units.map((unit, u) => [unit.id, u]));
  const position = new Int32Array(n);
  for (const order of r.blockOrder) order.forEach((u, i) => (position[u] = i));
  const precedence = new Map(spec.awards.map((a, i) => [a.id, i]));

  /** Settles a tie by the council's choice when it names exactly the places among the tied. */
  const settle = (
    award: string,
    block: string | null,
    tied: readonly number[],
    places: number,
  ): number[] | null => {
    const choice = findChoice(choices, award, block);
    if (!choice) return null;
    const picked = tied.filter((u) => choice.units.includes(c.units[u].id));
    return picked.length === places && choice.units.length === places ? picked : null;
  };

  /** The open tie a unit waits on: a cap tie holding it first (the outer cut), else its block tie. */
  const openTieOf = (u: number): TieAtCut | undefined => {
    const id = c.units[u].id;
    const open = ties.filter(
      (t) =>
        t.award === pendingOf[u] &&
        !t.settled &&
        t.waitsOn === undefined &&
        t.places > 0 &&
        t.units.includes(id),
    );
    return open.find((t) => t.block === null) ?? open[0];
  };

  /** For a cut of `award` (null = runners-up): the group's units waiting on higher ties. */
  const waitingFor =
    (award: string | null, mayTake: (u: number) => boolean) =>
    (group: readonly number[]): Waiting[] => {
      const byTie = new Map<TieAtCut, number[]>();
      for (const u of group) {
        if (pendingOf[u] === null || pendingOf[u] === award) continue;
        const tie = openTieOf(u);
        if (!tie) continue;
        byTie.set(tie, [...(byTie.get(tie) ?? []), u]);
      }
      // One entry per tie, higher awards first.
      return [...byTie]
        .sort(
          ([a], [b]) =>
            (precedence.get(a.award as string) ?? 0) - (precedence.get(b.award as string) ?? 0),
        )
        .map(([tie, units]) => ({
          units,
          potential: Math.min(tie.units.length - tie.places, units.filter(mayTake).length),
          waitsOn: tie.award as string,
        }));
    };

  for (const award of spec.awards) {
    const forAward = eligible.byAward.get(award.id);
    const free = (u: number): boolean => awardOf[u] === null && pendingOf[u] === null;
    const mayTake = (u: number): boolean =>
      eligible.campaign[u] && (forAward === undefined || forAward[u]);
    const isCandidate = (u: number): boolean => free(u) && mayTake(u);
    const items: CapItem[] = [];

    c.blocks.forEach((block, b) => {
      const quota = quotaOf(award, block.id);
      const take = takePlaces(
        groupsByBlock[b],
        quota,
        isCandidate,
        leaveEmpty,
        free,
        waitingFor(award.id, mayTake),
      );
      for (const u of take.chosen) items.push({ rank: r.rankOverall[u], unit: { u, via: 'rank' } });
      for (const w of take.waits) {
        const entry: TieAtCut = {
          award: award.id,
          block: block.id,
          units: ids(w.units),
          places: w.places,
          settled: false,
          waitsOn: w.waitsOn,
        };
        ties.push(entry);
        items.push({ rank: r.rankOverall[w.units[0]], held: entry });
      }
      if (take.tie) {
        const entry: TieAtCut = {
          award: award.id,
          block: block.id,
          units: ids(take.tie),
          places: take.placesAtTie,
          settled: false,
        };
        ties.push(entry);
        // A council choice naming the block's places settles it now; its units then face the
        // cap like any other. (A choice naming the places a cap leaves is tried after the cap.)
        const picked = settle(award.id, block.id, take.tie, take.placesAtTie);
        if (picked) {
          entry.settled = true;
          for (const u of picked)
            items.push({ rank: r.rankOverall[u], unit: { u, via: 'council' } });
        } else {
          for (const u of take.tie) pendingOf[u] = award.id;
          items.push({ rank: r.rankOverall[take.tie[0]], blockTie: { entry, units: take.tie } });
        }
      } else if (take.unused > 0) {
        unfilled.push({ award: award.id, block: block.id, places: take.unused });
      }
    });

    const total = items.reduce((sum, item) => sum + weightOf(item), 0);
    if (award.cap !== undefined && total > award.cap) {
      // Over the cap: keep the best overall. Places held by open ties count where their units
      // rank, whoever the council picks; a group straddling the cap is a tie at the cut.
      items.sort(
        (a, b) =>
          a.rank - b.rank ||
          (a.unit && b.unit
            ? c.idOrder[a.unit.u] - c.idOrder[b.unit.u]
            : a.unit
              ? 1
              : b.unit
                ? -1
                : 0),
      );
      const groups: CapItem[][] = [];
      for (const item of items) {
        const last = groups[groups.length - 1];
        if (last && last[0].rank === item.rank) last.push(item);
        else groups.push([item]);
      }
      const kept: CapItem[] = [];
      let left = award.cap;
      for (const group of groups) {
        const weight = group.reduce((sum, item) => sum + weightOf(item), 0);
        if (left <= 0) {
          // Below the cap: these units do not get this award; open ties here lapse.
          for (const item of group) lapse(item);
          continue;
        }
        if (weight <= left) {
          kept.push(...group);
          left -= weight;
          continue;
        }
        const units = group.filter((item) => item.unit).map((item) => item.unit!.u);
        const blockTies = group.filter((item) => item.blockTie);
        const held = group.filter((item) => item.held);
        if (units.length === 0 && blockTies.length + held.length === 1) {
          // A single open tie straddles the cap: it keeps only the places the cap leaves.
          const only = group[0];
          if (only.blockTie) only.blockTie.entry.places = left;
          if (only.held) only.held.places = left;
          kept.push(only);
        } else {
          // Units, open block ties and held places at one rank, more than the cap leaves:
          // one tie for the council across blocks.
          const tiedUnits = [...units, ...blockTies.flatMap((t) => t.blockTie!.units)];
          const heldUnits = held.flatMap((h) =>
            h.held!.units.map((id) => indexOf.get(id) as number),
          );
          // The block ties and held places stay reported; the cap tie spans them.
          const entry: TieAtCut = {
            award: award.id,
            block: null,
            units: ids([...tiedUnits, ...heldUnits]),
            places: left,
            settled: false,
          };
          ties.push(entry);
          for (const u of tiedUnits) pendingOf[u] = award.id;
          // Units waiting on a higher tie cannot be chosen here before that tie is decided.
          if (held.length === 0) {
            const within = blockTies.map((t) => t.blockTie!);
            kept.push({ rank: group[0].rank, blockTie: { entry, units: tiedUnits, within } });
          }
        }
        left = 0;
      }
      items.length = 0;
      items.push(...kept);
    }

    // Open ties within the cap: a council choice settles them with the places they keep.
    const accepted: { u: number; via: 'rank' | 'council' }[] = [];
    for (const item of items) {
      if (item.unit) accepted.push(item.unit);
      if (!item.blockTie || item.blockTie.entry.settled) continue;
      const { entry, units, within = [] } = item.blockTie;
      const picked = settle(award.id, entry.block, units, entry.places);
      if (!picked) continue;
      // A choice across the cap may not give a block more than its own tied places.
      const overQuota = within.some(
        (t) => picked.filter((u) => t.units.includes(u)).length > t.entry.places,
      );
      if (overQuota) continue;
      entry.settled = true;
      for (const t of within) t.entry.settled = true;
      for (const u of units) pendingOf[u] = null;
      for (const u of picked) accepted.push({ u, via: 'council' });
    }
    // Proposals in block order, then display order.
    accepted.sort(
      (a, b) => c.units[a.u].block - c.units[b.u].block || position[a.u] - position[b.u],
    );
    for (const { u, via } of accepted) {
      awardOf[u] = award.id;
      proposals.push({
        award: award.id,
        block: c.blocks[c.units[u].block].id,
        unit: c.units[u].id,
        via,
      });
    }

    /** An item below the cap: its units are free for lower awards; its held places lapse. */
    function lapse(item: CapItem): void {
      if (item.blockTie) {
        item.blockTie.entry.places = 0;
        for (const u of item.blockTie.units) pendingOf[u] = null;
      }
      if (item.held) item.held.places = 0;
    }
  }
  // Ties and held places that lapsed under a cap are not reported.
  for (let i = ties.length - 1; i >= 0; i--) if (ties[i].places === 0) ties.splice(i, 1);

  // Runners-up: the next eligible units of each block that got nothing; units waiting on a
  // tie above hold the runner-up places the ones not chosen there would take.
  const runnersUpList: { block: string; unit: string }[] = [];
  const runnersUpOf = (blockId: string): number => {
    const r = spec.runnersUpPerBlock;
    return r === undefined ? 0 : typeof r === 'number' ? r : (r[blockId] ?? 0);
  };
  const mayTake = (u: number): boolean => eligible.campaign[u];
  c.blocks.forEach((block, b) => {
    const perBlock = runnersUpOf(block.id);
    if (!(perBlock > 0)) return;
    const isCandidate = (u: number): boolean =>
      awardOf[u] === null && pendingOf[u] === null && mayTake(u);
    const take = takePlaces(
      groupsByBlock[b],
      perBlock,
      isCandidate,
      false,
      () => true,
      waitingFor(null, mayTake),
    );
    for (const u of take.chosen) {
      runnerUp[u] = true;
      runnersUpList.push({ block: block.id, unit: c.units[u].id });
    }
    for (const w of take.waits) {
      ties.push({
        award: null,
        block: block.id,
        units: ids(w.units),
        places: w.places,
        settled: false,
        waitsOn: w.waitsOn,
      });
    }
    if (take.tie) {
      ties.push({
        award: null,
        block: block.id,
        units: ids(take.tie),
        places: take.placesAtTie,
        settled: false,
      });
    }
  });

  return { proposals, ties, unfilled, runnersUp: runnersUpList, awardOf, pendingOf, runnerUp };
}
