/** The award part of a campaign spec (gates, award types, nominations, ballots): plain data. */
// Kept in the model so that model/ never imports awards/; awards/types.ts re-exports them.
import type { CellRef } from './cellRef';

/** Facts about a unit that the gates look at (the "Đơn vị" sheet). */
export interface UnitProfile {
  /** Registration date (đăng ký thi đua), ISO "YYYY-MM-DD". Missing = not registered. */
  registeredOn?: string;
  /** The day the award dossier arrived (ngày nộp hồ sơ), ISO "YYYY-MM-DD". Missing = none. */
  dossierOn?: string;
  /** Staff count (biên chế) and staff who broke discipline rules, for the discipline gate. */
  staff?: number;
  staffViolating?: number;
  /** Id of the parent body (cơ quan chủ quản), when the parent is itself a unit. */
  parent?: string;
  /** Recognitions: "excellent" (hoàn thành xuất sắc nhiệm vụ), "initiative" (sáng kiến)… */
  flags?: string[];
  /** Last year's values by measure: "index", a field code, a component id, or e.g. "PCI". */
  previous?: Record<string, number>;
  /** This year's values of measures the campaign does not compute (PCI, PAPI…). */
  measures?: Record<string, number>;
  /**
   * The council does not consider the unit for awards ("Không xét khen thưởng"): the reason as
   * typed. Acts as a gate on every award and runner-up place; the unit is still scored and ranked.
   */
  councilExclusion?: string;
}

/** An eligibility gate. Each exclusion it makes carries its Vietnamese reason. */
export type GateSpec =
  /** Registered by the deadline (inclusive), ISO date. */
  | { kind: 'registration'; deadline: string }
  /**
   * The award dossier in by the deadline ("Hạn nộp hồ sơ"), ISO date: the deadline day itself is
   * in time ("đến hết ngày"), unless `before` ("Trước ngày": only days before it are).
   */
  | { kind: 'dossier'; deadline: string; before?: boolean }
  /**
   * Share of staff violating discipline above `maxShare` excludes the unit; a parent whose
   * share of violating sub-units is above `parentMaxShare` (default the same) is excluded too.
   * A sub-unit "violates" when any of its staff does.
   */
  | { kind: 'discipline'; maxShare: number; parentMaxShare?: number }
  /** Classification must be one of these labels (e.g. ["Tốt", "Xuất sắc"]). */
  | { kind: 'classification'; allowed: string[] }
  /** Printed index at least `min`. */
  | { kind: 'minIndex'; min: number }
  /** A recognition flag must be set (e.g. "excellent", "initiative"). */
  | { kind: 'flag'; flag: string }
  /** Each measure must be strictly higher than last year's. */
  | { kind: 'improvement'; measures: string[] };

export interface AwardTypeSpec {
  /** Short id, e.g. "co" (Cờ thi đua), "bk" (Bằng khen). */
  id: string;
  name: string;
  /** Places per block: one number for every block, or per block id. Missing = no per-block quota. */
  quotaPerBlock?: number | Record<string, number>;
  /** Most units that may receive this award across all blocks. */
  cap?: number;
  /** Gates that apply to this award only (on top of the campaign's). */
  gates?: GateSpec[];
  source?: CellRef;
}

/** A council decision that settles a tie at a cut: who of the tied units gets the places. */
export interface CouncilChoice {
  award: string;
  /** The block of the cut; missing for a cut at the award's overall cap. */
  block?: string;
  units: string[];
  source?: CellRef;
}

export interface AwardsSpec {
  /** Gates for every award and for runners-up. */
  gates?: GateSpec[];
  /** Award types, highest first (e.g. Cờ thi đua, then Bằng khen). A unit gets at most one. */
  awards: AwardTypeSpec[];
  /**
   * Runners-up (liền kề) per block, after the awarded units: one number for every block, or per
   * block id (a block not named has none). Default 0.
   */
  runnersUpPerBlock?: number | Record<string, number>;
  /**
   * A place whose unit is not eligible: `passDown` (default) gives it to the next eligible
   * unit; `leaveEmpty` leaves it unfilled.
   */
  unfilled?: 'passDown' | 'leaveEmpty';
  councilChoices?: CouncilChoice[];
}

export type NominatorKind = 'awarded' | 'runnerUp' | 'council';

/** An individual proposed for an award (the "Đề cử cá nhân" sheet). */
export interface NominationSpec {
  id: string;
  name: string;
  /** The unit the person works in. */
  unit: string;
  position: string;
  /** Who nominated: an awarded collective, a runner-up, or the council itself. */
  nominatedBy: { kind: NominatorKind; unit?: string };
  source?: CellRef;
  /** Cells of single fields, for messages about them. */
  cells?: { unit?: CellRef; nominatingUnit?: CellRef };
}

export interface VoteSpec {
  /** A nomination id (individual ballots) or a unit id (collective ballots). */
  nominee: string;
  votes: number;
  /** The cell of the vote count. */
  source?: CellRef;
  /** The cell naming the nominee. */
  nomineeCell?: CellRef;
}

/** One ballot (the "Phiếu bầu" sheet): tallied in the order given. */
export interface BallotSpec {
  id: string;
  name: string;
  kind: 'individual' | 'collective';
  /** Places to fill. */
  seats: number;
  membersTotal: number;
  membersPresent: number;
  /** Votes needed: a share of members present (default) or of all members. Default: > 0. */
  threshold?: { share: number; base: 'present' | 'all' };
  votes: VoteSpec[];
  source?: CellRef;
}
