/**
 * Allocation of collective awards: award types in precedence order, places down each block's
 * ranking under per-block quotas, then an overall cap. A unit gets at most one award.
 *
 * Ties at a cut are never broken silently: when units with the same rank (same printed value
 * and tie-break keys) straddle the last place, none of them is chosen; the cut is reported
 * for the council with the places left, unless a council choice in the spec settles it.
 */
import type { Ranking } from '../evaluate';
import type { CompiledCampaign } from '../model/compile';
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

/**
 * Takes places from ranked groups: whole groups while they fit; a group that straddles the
 * last place is a tie at the cut. Returns the chosen units and the tie, if any.
 */
function takePlaces(
  groups: readonly number[][],
  places: number,
  isCandidate: (u: number) => boolean,
  leaveEmpty: boolean,
  consumesPlace: (u: number) => boolean,
): { chosen: number[]; tie: number[] | null; placesAtTie: number; left: number } {
  const chosen: number[] = [];
  let left = places;
  for (const group of groups) {
    if (left <= 0) break;
    const candidates = group.filter(isCandidate);
    if (candidates.length <= left) {
      chosen.push(...candidates);
      // leaveEmpty: an ineligible unit's place is used up all the same.
      left -= leaveEmpty ? group.filter(consumesPlace).length : candidates.length;
    } else {
      return { chosen, tie: candidates, placesAtTie: left, left: 0 };
    }
  }
  return { chosen, tie: null, placesAtTie: 0, left: Math.max(0, left) };
}

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
  const position = new Int32Array(n);
  for (const order of r.blockOrder) order.forEach((u, i) => (position[u] = i));

  /** Settles a tie by the council's choice when it names exactly the places among the tied. */
  const settle = (
    award: string,
    block: string | null,
    tied: number[],
    places: number,
  ): number[] | null => {
    const choice = findChoice(choices, award, block);
    if (!choice) return null;
    const picked = tied.filter((u) => choice.units.includes(c.units[u].id));
    return picked.length === places && choice.units.length === places ? picked : null;
  };

  for (const award of spec.awards) {
    const forAward = eligible.byAward.get(award.id);
    const free = (u: number): boolean => awardOf[u] === null && pendingOf[u] === null;
    const isCandidate = (u: number): boolean =>
      free(u) && eligible.campaign[u] && (forAward === undefined || forAward[u]);
    const tentative: { u: number; via: 'rank' | 'council' }[] = [];

    c.blocks.forEach((block, b) => {
      const quota = quotaOf(award, block.id);
      const take = takePlaces(groupsByBlock[b], quota, isCandidate, leaveEmpty, free);
      for (const u of take.chosen) tentative.push({ u, via: 'rank' });
      if (take.tie) {
        const picked = settle(award.id, block.id, take.tie, take.placesAtTie);
        ties.push({
          award: award.id,
          block: block.id,
          units: ids(take.tie),
          places: take.placesAtTie,
          settled: picked !== null,
        });
        if (picked) for (const u of picked) tentative.push({ u, via: 'council' });
        else for (const u of take.tie) pendingOf[u] = award.id;
      } else if (Number.isFinite(quota) && take.left > 0) {
        unfilled.push({ award: award.id, block: block.id, places: take.left });
      }
    });

    let accepted = tentative;
    if (award.cap !== undefined && tentative.length > award.cap) {
      // Over the cap: keep the best overall; a tie across the cap goes to the council.
      const byOverall = [...tentative].sort(
        (a, b) => r.rankOverall[a.u] - r.rankOverall[b.u] || c.idOrder[a.u] - c.idOrder[b.u],
      );
      const groups: (typeof tentative)[] = [];
      for (const item of byOverall) {
        const last = groups[groups.length - 1];
        if (last && r.rankOverall[last[0].u] === r.rankOverall[item.u]) last.push(item);
        else groups.push([item]);
      }
      accepted = [];
      let left = award.cap;
      for (const group of groups) {
        if (left <= 0) break;
        if (group.length <= left) {
          accepted.push(...group);
          left -= group.length;
          continue;
        }
        const tied = group.map((g) => g.u);
        const picked = settle(award.id, null, tied, left);
        ties.push({
          award: award.id,
          block: null,
          units: ids(tied),
          places: left,
          settled: picked !== null,
        });
        if (picked) for (const u of picked) accepted.push({ u, via: 'council' });
        else for (const u of tied) pendingOf[u] = award.id;
        break;
      }
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
  }

  // Runners-up: the next eligible units of each block that got nothing and wait on nothing.
  // The units left out of an unsettled tie at an award cut come next in score, so their
  // runner-up places wait on the council too.
  const runnersUpList: { block: string; unit: string }[] = [];
  const perBlock = spec.runnersUpPerBlock ?? 0;
  if (perBlock > 0) {
    const awardTies = ties.filter((t) => t.award !== null && t.block !== null && !t.settled);
    c.blocks.forEach((block, b) => {
      let places = perBlock;
      for (const tie of awardTies.filter((t) => t.block === block.id)) {
        const waiting = Math.min(tie.units.length - tie.places, places);
        if (waiting <= 0) continue;
        ties.push({
          award: null,
          block: block.id,
          units: [...tie.units],
          places: waiting,
          settled: false,
          waitsOn: tie.award as string,
        });
        places -= waiting;
      }
      const isCandidate = (u: number): boolean =>
        awardOf[u] === null && pendingOf[u] === null && eligible.campaign[u];
      const take = takePlaces(groupsByBlock[b], places, isCandidate, false, () => true);
      for (const u of take.chosen) {
        runnerUp[u] = true;
        runnersUpList.push({ block: block.id, unit: c.units[u].id });
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
  }

  return { proposals, ties, unfilled, runnersUp: runnersUpList, awardOf, pendingOf, runnerUp };
}
