/** Public surface of the scoring core. Hosts import from here only. */
export * from './model/types';
export * from './model/issues';
export { compileCampaign, type CompiledCampaign } from './compile';
export {
  DEFAULT_SETTINGS,
  NATIONAL_BANDS,
  PROVINCIAL_BANDS,
  resolveSettings,
} from './model/settings';
export * from './numbers/points';
export { scoreCampaign, type ScoreTable } from './scoring/score';
export {
  rankItems,
  sortByKeys,
  assignRanks,
  type RankItem,
  type Ranked,
  type TieMethod,
} from './ranking/rank';
export { classify } from './ranking/bands';
export {
  evaluateCampaign,
  rankCampaign,
  unitResults,
  type Ranking,
  type Evaluation,
  type UnitResult,
  type BlockResult,
} from './evaluate';
export { resultTables, type ResultTable } from './report/resultTable';
export { vi, formatMessage } from './i18n/vi';
export * from './awards/types';
export { allocateAwards, type Allocation, type Proposal, type TieAtCut } from './awards/allocate';
export { applyGates, formatReason, type Reason } from './awards/gates';
export { tallyBallots, votesNeeded, type BallotResult } from './awards/ballots';
export { proposeAwards, awardNotes, type AwardOutcome } from './awards/proposals';
export { awardTable, type AwardTable } from './report/awardTable';
export { parseWorkbook, type ParsedWorkbook } from './workbook/parse';
export { renderOutputs, inputHash, type RunInfo } from './workbook/render';
export type { ChartSpec, OutputBlock, TemplateSheet, Validation } from './workbook/output';
export { inputSheets } from './workbook/inputs';
export type { Grid, Sheets } from './workbook/grid';
export {
  runCampaign,
  runSummary,
  issueView,
  asText,
  localTime,
  INPUT_SHEETS,
  OUTPUT_SHEETS,
  SHEETS_TO_READ,
  ISSUE_LIMIT,
  type RunResult,
  type RunInput,
  type RunSummary,
  type IssueView,
} from './workbook/run';
export { readSetup, checkSetup, setupSheets, SETUP_SHEETS } from './workbook/setup';
export { starterCampaign, templateSheets } from './workbook/template';
