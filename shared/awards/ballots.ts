/**
 * Individuals: who may nominate (awarded collectives, runners-up, the council) and the ballot
 * tally — votes per nominee against a threshold (share of members present or of all members),
 * the top seats elected, ties at the last seat flagged for the council, never broken.
 */
import { formatMessage, vi } from '../i18n/vi';
import { normalizeText } from '../scoring/cells';
import { error, warning, type Issue, type IssueLocation } from '../model/issues';
import { SCALE } from '../numbers/points';
import type { Allocation } from './allocate';
import type { BallotSpec, NominationSpec, NominatorKind } from './types';

const KINDS: readonly NominatorKind[] = ['awarded', 'runnerUp', 'council'];

/** Where a nominating unit stands in this run's allocation. */
export type NominatorStatus = 'awarded' | 'runnerUp' | 'tied' | 'none';

/**
 * A nomination whose basis changed: the unit nominated as an awarded collective or as the
 * runner-up no longer is one (a quota or a score changed since the nominations were typed).
 * Not an error: the run goes on and the council reviews it.
 */
export interface NominationReview {
  nomination: string;
  /** The nominating unit. */
  unit: string;
  /** The basis the nomination was made on. */
  kind: 'awarded' | 'runnerUp';
  /** Where the nominating unit stands now. */
  now: NominatorStatus;
  /** The Vietnamese sentence saying what changed (without a location). */
  text: string;
}

/** "Đơn vị SYT nay được đề nghị khen thưởng; đề cử theo diện liền kề cần xem lại." */
export function reviewText(r: Pick<NominationReview, 'unit' | 'kind' | 'now'>): string {
  return formatMessage(vi.warnings.nominationBasisChanged, reviewParams(r));
}

function reviewParams(r: Pick<NominationReview, 'unit' | 'kind' | 'now'>): Record<string, string> {
  return { unit: r.unit, now: vi.review.now[r.now], kind: vi.review.kinds[r.kind] };
}

/**
 * Checks nominations against the allocation: known units, the nominee of the nominating unit,
 * the per-unit limit (errors: typing mistakes); a nominating unit that is no longer awarded /
 * the runner-up is a review (a warning at the nominating cell), not an error.
 */
export function validateNominations(
  nominations: readonly NominationSpec[],
  unitIds: readonly string[],
  allocation: Allocation,
  perUnit: number,
): { issues: Issue[]; reviews: NominationReview[] } {
  const issues: Issue[] = [];
  const reviews: NominationReview[] = [];
  const known = new Set(unitIds);
  const awarded = new Set(allocation.proposals.map((p) => p.unit));
  const runnersUp = new Set(allocation.runnersUp.map((p) => p.unit));
  const tied = new Set(allocation.ties.filter((t) => !t.settled).flatMap((t) => t.units));
  const statusOf = (unit: string): NominatorStatus =>
    awarded.has(unit)
      ? 'awarded'
      : runnersUp.has(unit)
        ? 'runnerUp'
        : tied.has(unit)
          ? 'tied'
          : 'none';
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  for (const nom of nominations) {
    const id = normalizeText(String(nom.id ?? ''));
    const at: IssueLocation = nom.source
      ? { cell: nom.source, nomination: id }
      : { nomination: id };
    if (seen.has(id)) issues.push(error('duplicateNomination', { id }, at));
    seen.add(id);
    const unitAt: IssueLocation = nom.cells?.unit ? { ...at, cell: nom.cells.unit } : at;
    const byAt: IssueLocation = nom.cells?.nominatingUnit
      ? { ...at, cell: nom.cells.nominatingUnit }
      : at;
    if (!known.has(nom.unit)) {
      issues.push(error('nomineeUnknownUnit', { name: nom.name, unit: nom.unit }, unitAt));
    }
    const kind = nom.nominatedBy?.kind;
    if (!KINDS.includes(kind)) {
      issues.push(error('badNominatorKind', { kind }, at));
      continue;
    }
    if (kind === 'council') continue;
    const by = nom.nominatedBy.unit;
    if (!by) {
      issues.push(error('nominatorMissing', { id }, byAt));
      continue;
    }
    if (!known.has(by)) {
      issues.push(error('unknownUnitRow', { unit: by, hint: '' }, byAt));
      continue;
    }
    if (nom.unit !== by) {
      issues.push(error('nomineeNotOfNominator', { name: nom.name, unit: nom.unit, by }, byAt));
    }
    const now = statusOf(by);
    if (now !== kind) {
      const review = { nomination: id, unit: by, kind, now };
      reviews.push({ ...review, text: reviewText(review) });
      issues.push(warning('nominationBasisChanged', reviewParams(review), byAt));
    }
    const count = (counts.get(by) ?? 0) + 1;
    counts.set(by, count);
    if (count === perUnit + 1)
      issues.push(error('tooManyNominations', { unit: by, count, max: perUnit }, byAt));
  }
  return { issues, reviews };
}

export interface BallotResult {
  ballot: string;
  name: string;
  kind: BallotSpec['kind'];
  /** Members the threshold is a share of. */
  base: number;
  /** Votes needed (0 when there is no threshold). */
  needed: number;
  elected: { nominee: string; votes: number }[];
  /** Nominees tied at the last seat: none of them is elected; the council decides. */
  tie: { nominees: string[]; places: number } | null;
  /** Nominees reaching the threshold but ranked below the seats (tied ones are in `tie`). */
  notElected: { nominee: string; votes: number }[];
  belowThreshold: { nominee: string; votes: number }[];
}

/**
 * A share as an exact fraction: a decimal with up to 6 places (0.9 = 900000/10^6), or the
 * small fraction a repeating double stands for (0.666… = 2/3), so thresholds compare exactly.
 */
export function shareFraction(share: number): { num: number; den: number } {
  const micro = Math.round(share * SCALE);
  if (Math.abs(share * SCALE - micro) < 1e-6) return { num: micro, den: SCALE };
  for (let den = 2; den <= 1000; den++) {
    const num = Math.round(share * den);
    if (Math.abs(share - num / den) < 1e-12) return { num, den };
  }
  return { num: micro, den: SCALE };
}

/** Smallest vote count v with v / base ≥ share: 90 % of 15 needs 14, 2/3 of 15 needs 10. */
export function votesNeeded(share: number, base: number): number {
  const { num, den } = shareFraction(share);
  return Math.max(0, Math.floor((num * base + den - 1) / den));
}

/** Validates and tallies every ballot, in order; an elected nominee cannot run again. */
export function tallyBallots(
  ballots: readonly BallotSpec[],
  nominationIds: readonly string[],
  unitIds: readonly string[],
): { results: BallotResult[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const results: BallotResult[] = [];
  const electedIn = new Map<string, string>();
  const seenBallots = new Set<string>();
  for (const ballot of ballots) {
    const before = issues.length;
    const at: IssueLocation = ballot.source
      ? { cell: ballot.source, ballot: ballot.id }
      : { ballot: ballot.id };
    const p = { ballot: ballot.id };
    if (seenBallots.has(ballot.id)) issues.push(error('duplicateBallot', { id: ballot.id }, at));
    seenBallots.add(ballot.id);
    const isCount = (x: unknown): x is number =>
      typeof x === 'number' && Number.isInteger(x) && x >= 0;
    if (!isCount(ballot.seats) || ballot.seats === 0) issues.push(error('badSeats', p, at));
    if (!isCount(ballot.membersTotal) || !isCount(ballot.membersPresent)) {
      issues.push(
        error('badCount', { value: `${ballot.membersPresent}/${ballot.membersTotal}` }, at),
      );
    } else if (ballot.membersPresent > ballot.membersTotal) {
      issues.push(
        error(
          'presentAboveTotal',
          { ...p, present: ballot.membersPresent, total: ballot.membersTotal },
          at,
        ),
      );
    }
    if (ballot.threshold && !(ballot.threshold.share >= 0 && ballot.threshold.share <= 1)) {
      issues.push(error('badShare', { value: ballot.threshold.share }, at));
    }
    const eligible = new Set(ballot.kind === 'collective' ? unitIds : nominationIds);
    const seen = new Set<string>();
    if (!Array.isArray(ballot.votes)) {
      issues.push(error('noVotes', {}, at));
      continue;
    }
    for (const vote of ballot.votes) {
      const vat: IssueLocation = vote.source ? { cell: vote.source, ballot: ballot.id } : at;
      const q = { ...p, nominee: vote.nominee };
      const nat: IssueLocation = vote.nomineeCell
        ? { cell: vote.nomineeCell, ballot: ballot.id }
        : vat;
      if (!eligible.has(vote.nominee)) issues.push(error('unknownNominee', q, nat));
      if (seen.has(vote.nominee)) issues.push(error('duplicateVote', q, nat));
      seen.add(vote.nominee);
      if (!isCount(vote.votes)) issues.push(error('badVotes', { ...p, value: vote.votes }, vat));
      else if (vote.votes > ballot.membersPresent) {
        issues.push(
          error(
            'votesAbovePresent',
            { ...q, votes: vote.votes, present: ballot.membersPresent },
            vat,
          ),
        );
      }
      const previous = electedIn.get(vote.nominee);
      if (previous !== undefined) issues.push(error('alreadyElected', { ...q, previous }, nat));
    }
    if (issues.length > before) continue;

    const base = ballot.threshold?.base === 'all' ? ballot.membersTotal : ballot.membersPresent;
    const needed = ballot.threshold ? votesNeeded(ballot.threshold.share, base) : 1;
    const ordered = [...ballot.votes].sort(
      (a, b) => b.votes - a.votes || (a.nominee < b.nominee ? -1 : a.nominee > b.nominee ? 1 : 0),
    );
    const qualifying = ordered.filter((v) => v.votes >= needed && v.votes > 0);
    const result: BallotResult = {
      ballot: ballot.id,
      name: ballot.name,
      kind: ballot.kind,
      base,
      needed,
      elected: [],
      tie: null,
      notElected: [],
      belowThreshold: ordered
        .filter((v) => !(v.votes >= needed && v.votes > 0))
        .map((v) => ({ nominee: v.nominee, votes: v.votes })),
    };
    let left = ballot.seats;
    for (let i = 0; i < qualifying.length;) {
      let j = i + 1;
      while (j < qualifying.length && qualifying[j].votes === qualifying[i].votes) j++;
      const group = qualifying.slice(i, j).map((v) => ({ nominee: v.nominee, votes: v.votes }));
      if (left > 0 && group.length <= left) {
        result.elected.push(...group);
        left -= group.length;
      } else {
        if (left > 0) result.tie = { nominees: group.map((g) => g.nominee), places: left };
        result.notElected.push(...(left > 0 ? [] : group));
        left = 0;
      }
      i = j;
    }
    for (const e of result.elected) electedIn.set(e.nominee, ballot.id);
    results.push(result);
  }
  return { results, issues };
}
