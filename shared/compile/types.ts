/** The compiled campaign: the flat, typed, columnar form the scoring loop runs on. */
import type { Issue } from '../model/issues';
import type { Settings } from '../model/types';
import type { Micro } from '../numbers/points';
import type { CompiledRule } from '../scoring/rules';

export interface CompiledField {
  code: string;
  name: string;
  /** Max of the field's non-bonus leaves. */
  max: Micro;
}

export interface CompiledLeaf {
  /** Position in `leaves`, i.e. the row of the leaf in the input grids. */
  index: number;
  code: string;
  name: string;
  max: Micro;
  /** Index of the field (level-1 ancestor) the leaf adds to. */
  field: number;
  rule: CompiledRule;
  bonus: boolean;
  /** Block indexes the leaf applies to; null = every block. */
  blocks: ReadonlySet<number> | null;
}

export interface CompiledComponent {
  id: string;
  name: string;
  max: Micro;
}

export interface CompiledBand {
  label: string;
  /** Threshold on the ranking value (index % or total), micro-units; −∞ for the last band. */
  min: number;
}

export interface CompiledBlock {
  id: string;
  name: string;
  bands: CompiledBand[];
}

export interface CompiledUnit {
  id: string;
  name: string;
  block: number;
}

/** The campaign in columnar form. Grids are leaf-major: cell (leaf l, unit u) at l × units + u. */
export interface CompiledCampaign {
  id: string;
  name: string;
  year: number;
  settings: Settings;
  fields: CompiledField[];
  leaves: CompiledLeaf[];
  components: CompiledComponent[];
  blocks: CompiledBlock[];
  units: CompiledUnit[];
  /** Unit indexes' position in id order (for a stable display of ties). */
  idOrder: Int32Array;
  /** Max of every non-bonus leaf applicable to each block, before N/A (per block index). */
  blockMax: Float64Array;
  /**
   * Self points per cell (micro-points). Blanks are already their points (0; a blank
   * deduction is no violation: max); N/A cells and cells outside the leaf's blocks hold 0.
   */
  self: Float64Array;
  /**
   * Where the counted score (appraised when present, per settings.scoreSource) differs from
   * the self score: cell indexes (l × units + u, increasing) and counted − self points.
   * Appraisers change a minority of cells, so scoring adds these to the self sums.
   */
  corrections: { cells: Uint32Array; delta: Float64Array };
  /** Cells (l × units + u) whose counted score is N/A, in increasing order. */
  notApplicable: Uint32Array;
  /** Points each unit lost on deduction leaves (counted scores). */
  deductionLost: Float64Array;
  /** Component scores in micro-points (components × units); NaN blank, −∞ N/A. */
  componentScores: Float64Array;
  /** What "Đối chiếu" shows beyond the points; absent when no cell was appraised. */
  appraisal?: AppraisalFacts;
}

/** Sparse facts about the appraisal, cell indexes (l × units + u) in increasing order. */
export interface AppraisalFacts {
  /** Cells with an appraised score (N/A included) inside the leaf's blocks. */
  cells: Uint32Array;
  /** Cells whose self score is N/A. */
  selfNotApplicable: Uint32Array;
  /** Whether any unit typed any self score (N/A included): without one there is nothing to compare. */
  selfScored: boolean;
  /** Cells whose appraisers are further apart than the setting allows, with the spread. */
  discussion: { cells: Uint32Array; spread: Float64Array };
  /** Cells decided by round 2. */
  round2: Uint32Array;
}

export interface CompileOutcome {
  campaign?: CompiledCampaign;
  issues: Issue[];
}
