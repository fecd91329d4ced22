/**
 * The campaign model: what a host (or a test) hands to the core. Plain data, no behaviour.
 * Points in specs are decimal numbers as a person types them; the core converts them to
 * exact micro-points (see numbers/points.ts) when it compiles the campaign.
 */
import type { AwardsSpec, BallotSpec, NominationSpec, UnitProfile } from './awardTypes';
import type { CellRef, CellValue } from './cellRef';

export type { CellRef, CellValue } from './cellRef';

/** A scoring rule on a leaf criterion. Every rule's points stay within [min, max]. */
export type RuleSpec =
  /**
   * The points earned, typed directly: 0 to max, on multiples of `step` when given ("Nhập
   * điểm", "bước 0,25"). Above the max, negative or off the step is an error at the cell.
   */
  | { kind: 'points'; step?: number }
  /** Done / not done → max or 0. Input: TRUE/FALSE, x, ✓, 1/0, "có"/"không". */
  | { kind: 'tick' }
  /** One of named levels, each with its points. Input: the level's label. */
  | { kind: 'levels'; levels: LevelSpec[] }
  /**
   * A measured value mapped by thresholds to points: the first tier (listed from the highest
   * threshold down) whose `min` the value reaches gives its points; below every tier: 0.
   */
  | { kind: 'tiers'; tiers: TierSpec[] }
  /** max × (value / of), capped at max. `of` is 1 for a share, 100 for a percentage. */
  | { kind: 'proportional'; of?: number }
  /** max − perCount × violations, floored at `min` (default 0; a negative min is a penalty). */
  | { kind: 'deduction'; perCount: number; min?: number }
  /**
   * Extra points above the field, capped at max; they never add to the applicable max.
   * With `perCount` the input is a count of items, otherwise the points themselves.
   */
  | { kind: 'bonus'; perCount?: number };

export type RuleKind = RuleSpec['kind'];

export interface LevelSpec {
  label: string;
  points: number;
}

export interface TierSpec {
  min: number;
  points: number;
}

/** A node of the criteria tree: field (level 1), criterion, sub-criterion. Leaves carry a rule. */
export interface CriterionSpec {
  /** Dotted code, unique in the campaign: "2", "2.3", "2.3.1". */
  code: string;
  name: string;
  /** Max points. On a parent it must equal the sum of its children's (bonus leaves excluded). */
  max: number;
  rule?: RuleSpec;
  children?: CriterionSpec[];
  /** Blocks this criterion applies to; elsewhere it is not applicable. Default: all blocks. */
  blocks?: string[];
  source?: CellRef;
  /**
   * The code this criterion had when the task pane loaded it (new ones have none): a save finds
   * its rows in the score sheets by it after the code was changed (shared/workbook/save.ts).
   */
  origin?: string;
  /** Cells of single fields, for messages about them (max, rule, params). */
  cells?: { max?: CellRef; name?: CellRef; rule?: CellRef; params?: CellRef; blocks?: CellRef };
}

/** A survey or impact part scored directly per unit (SIPAS, leader survey, impact…). */
export interface ComponentSpec {
  id: string;
  name: string;
  max: number;
  source?: CellRef;
}

/** A classification band: units whose printed index is ≥ min get the label. */
export interface BandSpec {
  label: string;
  min: number;
}

export interface BlockSpec {
  id: string;
  name: string;
  /** Bands for this block, from the highest down; default: the campaign's bands. */
  bands?: BandSpec[];
  source?: CellRef;
}

export interface UnitSpec {
  id: string;
  name: string;
  block: string;
  /** Self scores (tự chấm) by leaf code. */
  self?: Record<string, CellValue>;
  /** Appraised scores (thẩm định) by leaf code; they count when present (see scoreSource). */
  appraised?: Record<string, CellValue>;
  /**
   * Appraised scores of named appraisers and of round 2, by leaf code: one entry per round and
   * appraiser (`appraised` above is round 1 of the one implicit appraiser). See AppraisalSpec.
   */
  appraisals?: AppraisalSpec[];
  /** Survey/impact component scores by component id. */
  components?: Record<string, CellValue>;
  /** Facts for the award gates: registration, discipline, parent, flags, last year. */
  profile?: UnitProfile;
  /**
   * The people who fill the unit's self-assessment (e-mail addresses, "Người nhập liệu"): in
   * Google Sheets only they (and the owner) may edit the unit's form sheet.
   */
  editors?: string[];
  source?: CellRef;
  /** Cells of single fields, for messages about them (block, registration date, parent…). */
  cells?: {
    block?: CellRef;
    name?: CellRef;
    registeredOn?: CellRef;
    dossierOn?: CellRef;
    staff?: CellRef;
    parent?: CellRef;
    /** "Mã đơn vị năm trước". */
    predecessors?: CellRef;
    /** A typed "Chỉ số năm trước" column. */
    previousIndex?: CellRef;
  };
  /**
   * "Mã đơn vị năm trước": last year's codes of the units this one was formed from (several for
   * a merged unit); absent = its own code.
   */
  predecessors?: string[];
}

/** One appraiser's scores of one unit in one round (docs/scoring.md, "Appraisal"). */
export interface AppraisalSpec {
  /** 1 (default) or 2. Per unit and leaf, the last round with a non-blank score counts. */
  round?: 1 | 2;
  /** An appraiser id of CampaignSpec.appraisers; absent = the one implicit appraiser. */
  appraiser?: string;
  scores: Record<string, CellValue>;
}

/** A person of the appraisal council ("NGƯỜI THẨM ĐỊNH" in "Cấu hình"). */
export interface AppraiserSpec {
  id: string;
  name: string;
  /** The unit the appraiser works in (a unit id): he or she may not score it. */
  unit?: string;
  source?: CellRef;
  cells?: { unit?: CellRef };
}

/** A unit's reply to the appraisal between rounds ("Giải trình bổ sung"): text only. */
export interface ReplySpec {
  unit: string;
  criterion: string;
  text: string;
  evidence?: string;
  source?: CellRef;
}

/** How the appraisers' points for one cell are combined. */
export type AppraisalCombine = 'mean' | 'median' | 'trimmedMean';

/** A key of the tie-break chain, tried in order on units whose ranking value is equal. */
export type TieBreakSpec =
  | { by: 'field'; code: string }
  | { by: 'component'; id: string }
  | { by: 'total' }
  | { by: 'self' }
  | { by: 'fewerDeductions' };

export interface RankingPolicy {
  /** competition: 1-2-2-4 (Excel RANK.EQ, default); dense: 1-2-2-3. */
  method: 'competition' | 'dense';
  /** Keys that separate equal values before ties are declared. Default: none. */
  tieBreak: TieBreakSpec[];
}

export interface Settings {
  /** Decimals the report prints and ranks on (0..4). Default 2. */
  decimals: number;
  /** Which score counts per leaf. Default: the appraised one when present, else self. */
  scoreSource: 'appraisedWhenPresent' | 'selfOnly' | 'appraisedOnly';
  /** N/A input: `exclude` removes the leaf from achieved and max (default); `zero` scores 0 of max. */
  naPolicy: 'exclude' | 'zero';
  /** A blank counted cell: `zero` scores 0 with a warning (default); `error` rejects. */
  blankPolicy: 'zero' | 'error';
  /** What ranks and bands are decided on: the index (default) or the total points. */
  rankBy: 'index' | 'total';
  ranking: RankingPolicy;
  /** Default bands for blocks that have none of their own. */
  bands: BandSpec[];
  /** Several appraisers' points for one cell: mean (default), median or trimmed mean. */
  appraisalCombine: AppraisalCombine;
  /** Points; appraisers further apart than this on a cell get a "cần thảo luận" warning. */
  appraisalMaxSpread?: number;
  /** Self-assessment forms: the last day a form may be sent (ISO date); later ones are flagged. */
  formsDeadline?: string;
  /** A positive self score without evidence in a form: `error` rejects the merge (default). */
  evidencePolicy: 'error' | 'warning';
  /**
   * "Chỉ số năm trước của đơn vị hợp nhất": last year's index of a unit merged from several,
   * the mean of theirs (default), weighted by their staff, or none (N/A).
   */
  previousMerge: PreviousMerge;
  /** "Phông chữ báo cáo": the font of the output tables and the Word appendix (points). */
  reportFont: { name: string; size: number };
  /** "Dòng kèm theo": the line under each table title ("Kèm theo Quyết định số …"); none when absent. */
  reportSubtitle?: string;
  /** "Cơ quan chủ quản": above the issuing body in the Word header block ("UBND TỈNH AN GIANG"). */
  issuerParent?: string;
  /** "Cơ quan ban hành": the issuing body of the Word appendix ("SỞ NỘI VỤ"); no header block when absent. */
  issuer?: string;
}

export interface CampaignSpec {
  id: string;
  name: string;
  year: number;
  settings?: Partial<Settings>;
  criteria: CriterionSpec[];
  components?: ComponentSpec[];
  blocks: BlockSpec[];
  units: UnitSpec[];
  /** Award proposals: gates, award types, quotas, runners-up. */
  awards?: AwardsSpec;
  /** Individuals proposed by collectives or the council. */
  nominations?: NominationSpec[];
  /** Ballot tallies, in order. */
  ballots?: BallotSpec[];
  /** The appraisal council; needed only when scores name their appraiser. */
  appraisers?: AppraiserSpec[];
  /** The units' replies between appraisal rounds, shown in "Đối chiếu". */
  replies?: ReplySpec[];
  /**
   * Last year's values per unit id, from "Kết quả năm trước" (issue 17): present only when that
   * sheet is; "Kết quả" then shows the change columns.
   */
  previousYear?: PreviousYear;
  /** The cell of each setting when the campaign came from a workbook ("decimals", "bands"…). */
  settingCells?: Partial<Record<string, CellRef>>;
  /**
   * Score sheets as read (the fast path of hosts): instead of per-unit records, the rows of
   * "Tự chấm" / "Chấm điểm" with the criterion code of each row and the column of each unit.
   */
  scoreGrids?: { self?: ScoreGrid; appraised?: ScoreGrid; appraised2?: ScoreGrid };
  /**
   * Locates a score cell for messages when the campaign came from a workbook; `appraiser` names
   * the column set of a named appraiser ('' or absent: the implicit one).
   */
  locateScore?: (
    source: ScoreSource,
    unitId: string,
    key: string,
    appraiser?: string,
  ) => CellRef | undefined;
}

/**
 * What the task pane edits and "Cấu hình" / "Tiêu chí" hold: a campaign without its units,
 * scores, nominations and ballots.
 */
export type CampaignSetup = Pick<
  CampaignSpec,
  | 'id'
  | 'name'
  | 'year'
  | 'settings'
  | 'criteria'
  | 'components'
  | 'blocks'
  | 'awards'
  | 'appraisers'
>;

/** Where a score comes from; `appraised2` is round 2 of the appraisal ("Chấm điểm vòng 2"). */
export type ScoreSource = 'self' | 'appraised' | 'appraised2' | 'components';

/** One score sheet: rows[i] holds criterion codes[i]; unit units[k] is in column cols[k]. */
export interface ScoreGrid {
  codes: string[];
  rows: readonly (readonly CellValue[] | undefined)[];
  units: string[];
  cols: number[];
  /**
   * The appraiser of each column (parallel to units; '' = the implicit one), when the sheet
   * has a "Người chấm" row. A unit may then have one column per appraiser.
   */
  appraisers?: string[];
}

/** How a merged unit's previous index is made from its predecessors' (see Settings). */
export type PreviousMerge = 'mean' | 'staff' | 'none';

/** One unit's values of last year (shared/workbook/parse/previous.ts resolvePrevious). */
export interface PreviousValue {
  /** Last year's printed index in micro-points (rounded to this year's decimals), or the merged value. */
  index: number | null;
  /** Last year's rank in the same block; null when none or not comparable (merged, other block). */
  rank: number | null;
  /** Formed from several units. */
  merged: boolean;
}

export type PreviousYear = Record<string, PreviousValue>;
