/**
 * The award stage of the pipeline: validate the awards configuration, apply the gates,
 * allocate, check council choices, nominations and ballots. Pure; every problem is a located
 * Vietnamese issue and any error means no proposals at all; warnings (a nomination to review)
 * come back with the outcome.
 */
import type { Ranking } from '../ranking/rankCampaign';
import { formatMessage, vi } from '../i18n/vi';
import type { CompiledCampaign } from '../compile/types';
import { error, hasErrors, type Issue, type IssueLocation } from '../model/issues';
import type { CampaignSpec, CellRef } from '../model/types';
import type { ScoreTable } from '../scoring/score';
import { allocateAwards, type Allocation } from './allocate';
import {
  tallyBallots,
  validateNominations,
  type BallotResult,
  type NominationReview,
} from './ballots';
import { applyGates, formatReason, validateGates, validateProfiles, type Reason } from './gates';
import type { AwardsSpec, UnitProfile } from './types';

export interface AwardOutcome {
  /** The awards configuration this outcome was computed from. */
  config: AwardsSpec;
  allocation: Allocation;
  /** Campaign-gate reasons per unit (input order), "no score at all" first; empty = eligible. */
  exclusions: (readonly Reason[])[];
  /** Per award id: that award's own gate reasons per unit. */
  awardExclusions: Map<string, (readonly Reason[])[]>;
  ballots: BallotResult[];
  /**
   * Nominations whose basis changed (the nominating unit is no longer awarded / the runner-up):
   * still tallied in the ballots, flagged for the council to review.
   */
  reviews: NominationReview[];
}

const isCount = (x: unknown): boolean => typeof x === 'number' && Number.isInteger(x) && x >= 0;

function validateAwards(
  spec: AwardsSpec,
  c: CompiledCampaign,
  /** The "Số tập thể liền kề mỗi khối" cell, when the spec came from a workbook. */
  runnersUpCell?: CellRef,
): Issue[] {
  const issues: Issue[] = [];
  const settings: IssueLocation = { settings: true };
  if (!Array.isArray(spec.awards) || spec.awards.length === 0)
    issues.push(error('noAwards', {}, settings));
  const seen = new Set<string>();
  const blockIds = new Set(c.blocks.map((b) => b.id));
  for (const award of spec.awards ?? []) {
    const at: IssueLocation = award.source
      ? { cell: award.source, award: award.id }
      : { award: award.id };
    if (seen.has(award.id)) issues.push(error('duplicateAward', { id: award.id }, at));
    seen.add(award.id);
    const q = award.quotaPerBlock;
    if (q === null || typeof q !== 'object') {
      if (q !== undefined && !isCount(q)) {
        issues.push(error('badQuota', { value: q, award: award.name }, at));
      }
    } else {
      for (const [block, value] of Object.entries(q)) {
        if (!blockIds.has(block))
          issues.push(error('unknownBlockInQuota', { award: award.name, block }, at));
        if (!isCount(value)) issues.push(error('badQuota', { value, award: award.name }, at));
      }
    }
    if (award.cap !== undefined && !isCount(award.cap)) {
      issues.push(error('badQuota', { value: award.cap, award: award.name }, at));
    }
  }
  // Runners-up: one count for every block, or a count per block (like a quota).
  const r = spec.runnersUpPerBlock;
  const runnersUpAt: IssueLocation = runnersUpCell ? { cell: runnersUpCell } : settings;
  if (r !== undefined && (r === null || typeof r !== 'object')) {
    if (!isCount(r)) issues.push(error('badCount', { value: r }, runnersUpAt));
  } else if (r !== undefined) {
    for (const [block, value] of Object.entries(r)) {
      if (!blockIds.has(block))
        issues.push(error('unknownBlockInRunnersUp', { block }, runnersUpAt));
      if (!isCount(value)) issues.push(error('badCount', { value }, runnersUpAt));
    }
  }
  if (spec.unfilled !== undefined && !['passDown', 'leaveEmpty'].includes(spec.unfilled)) {
    issues.push(error('badSetting', { name: 'unfilled', value: spec.unfilled }, settings));
  }
  for (const choice of spec.councilChoices ?? []) {
    if (!seen.has(choice.award)) {
      const at: IssueLocation = choice.source ? { cell: choice.source } : settings;
      issues.push(error('unknownAwardInChoice', { award: choice.award }, at));
    }
  }
  return issues;
}

/** The council's exclusion of a unit ("Không xét khen thưởng"), as a gate reason. */
function councilReason(profile: UnitProfile | undefined): Reason | undefined {
  const reason = profile?.councilExclusion?.trim();
  return reason ? { key: 'councilExcluded', params: { reason } } : undefined;
}

/** Runs the award stage on a scored and ranked campaign. */
export function proposeAwards(
  spec: CampaignSpec,
  c: CompiledCampaign,
  table: ScoreTable,
  ranking: Ranking,
  /** Per unit: no score at all — the gate "Chưa có điểm chấm", before any configured gate. */
  unscored: readonly boolean[] = [],
): { outcome?: AwardOutcome; issues: Issue[] } {
  const awards = spec.awards as AwardsSpec;
  const profiles: (UnitProfile | undefined)[] = spec.units.map((u) => u.profile);
  const sources = spec.units.map((u): IssueLocation | undefined =>
    u.source ? { cell: u.source, unit: u.id } : undefined,
  );
  const issues: Issue[] = [
    ...validateAwards(awards, c, spec.settingCells?.runnersUp),
    ...validateGates(awards.gates ?? [], c, profiles, { settings: true }),
    ...validateProfiles(
      c,
      profiles,
      sources,
      spec.units.map((u) => u.cells),
    ),
  ];
  for (const award of awards.awards ?? []) {
    const at: IssueLocation = award.source
      ? { cell: award.source, award: award.id }
      : { award: award.id };
    issues.push(...validateGates(award.gates ?? [], c, profiles, at));
  }
  if (issues.length > 0) return { issues };

  const ctx = { campaign: c, table, ranking, profiles };
  const noScores: Reason = { key: 'noScores', params: {} };
  // Before the configured gates: no score at all, then the council's own exclusion (a reason
  // typed in "Đơn vị"). Both keep the unit's score and rank; only awards skip it.
  const exclusions = applyGates(awards.gates ?? [], ctx).map((r, u) => {
    const council = councilReason(profiles[u]);
    const first = [...(unscored[u] ? [noScores] : []), ...(council ? [council] : [])];
    return first.length ? [...first, ...r] : r;
  });
  const awardExclusions = new Map(awards.awards.map((a) => [a.id, applyGates(a.gates ?? [], ctx)]));
  const eligibility = {
    campaign: exclusions.map((r) => r.length === 0),
    byAward: new Map([...awardExclusions].map(([id, rs]) => [id, rs.map((r) => r.length === 0)])),
  };
  const allocation = allocateAwards(c, ranking, awards, eligibility);

  // A council choice must settle a tie that this run actually found.
  for (const choice of awards.councilChoices ?? []) {
    const at: IssueLocation = choice.source ? { cell: choice.source } : { settings: true };
    const tie = allocation.ties.find(
      (t) => t.award === choice.award && t.block === (choice.block ?? null),
    );
    const where =
      choice.block === undefined
        ? vi.awards.wholeProvince
        : (c.blocks.find((b) => b.id === choice.block)?.name ?? choice.block);
    const award = awards.awards.find((a) => a.id === choice.award)?.name ?? choice.award;
    if (!tie) issues.push(error('choiceNotATie', { award, where }, at));
    else if (!tie.settled) {
      issues.push(
        error(
          'choiceWrongUnits',
          { award, where, places: tie.places, units: tie.units.join(', ') },
          at,
        ),
      );
    }
  }

  const unitIds = c.units.map((u) => u.id);
  const nominations = spec.nominations ?? [];
  const checked = validateNominations(nominations, unitIds, allocation, 1);
  issues.push(...checked.issues);
  const tally = tallyBallots(
    spec.ballots ?? [],
    nominations.map((n) => n.id),
    unitIds,
  );
  issues.push(...tally.issues);
  if (hasErrors(issues)) return { issues };

  return {
    issues,
    outcome: {
      config: awards,
      allocation,
      exclusions,
      awardExclusions,
      ballots: tally.results,
      reviews: checked.reviews,
    },
  };
}

/**
 * The award part of each unit's note (input order) for the results table's "Ghi chú":
 * proposed award, tie at a cut, runner-up, or why the unit is not considered.
 */
export function awardNotes(outcome: AwardOutcome, c: CompiledCampaign): string[] {
  const nameOf = new Map(outcome.config.awards.map((a) => [a.id, a.name]));
  const { allocation, exclusions } = outcome;
  const tiedUnits = new Set(allocation.ties.flatMap((t) => t.units));
  return c.units.map((unit, u) => {
    const nothing =
      allocation.awardOf[u] === null &&
      !allocation.runnerUp[u] &&
      !tiedUnits.has(unit.id) &&
      exclusions[u].length === 0;
    if (nothing) return '';
    const parts: string[] = [];
    const award = allocation.awardOf[u];
    if (award !== null) parts.push(formatMessage(vi.labels.proposed, { award: nameOf.get(award) }));
    const pending = allocation.pendingOf[u];
    if (pending !== null) {
      const tie = allocation.ties.find(
        (t) => t.award === pending && t.waitsOn === undefined && t.units.includes(c.units[u].id),
      );
      parts.push(
        `${nameOf.get(pending)}: ${formatMessage(vi.awards.tieAtCut, { places: tie?.places, count: tie?.units.length })}`,
      );
    }
    for (const held of allocation.ties) {
      if (held.award !== null && held.waitsOn !== undefined && held.units.includes(c.units[u].id)) {
        parts.push(
          formatMessage(vi.awards.awardWaits, {
            award: nameOf.get(held.award),
            higher: nameOf.get(held.waitsOn),
          }),
        );
      }
    }
    if (allocation.runnerUp[u]) parts.push(vi.awards.runnerUp);
    const runnerUpTie = allocation.ties.find(
      (t) => t.award === null && t.units.includes(c.units[u].id),
    );
    if (runnerUpTie?.waitsOn !== undefined) parts.push(vi.awards.runnerUpWaits);
    else if (runnerUpTie) {
      parts.push(
        `${vi.awards.runnersUpLabel}: ${formatMessage(vi.awards.tieAtCut, { places: runnerUpTie.places, count: runnerUpTie.units.length })}`,
      );
    }
    if (exclusions[u].length > 0) {
      parts.push(
        formatMessage(vi.labels.excluded, { reasons: exclusions[u].map(formatReason).join('; ') }),
      );
    }
    return parts.join('. ');
  });
}
