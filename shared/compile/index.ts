/**
 * Checks a campaign spec as a whole and compiles it into the flat, typed form the scoring
 * loop runs on. Every problem is collected (never only the first), each with its location.
 * The steps live beside this file: blocks, criteria, components, units and score sheets,
 * then the point grids and the blank checks.
 */
import { error, hasErrors, type IssueLocation } from '../model/issues';
import { resolveSettings } from '../model/settings';
import type { CampaignSpec } from '../model/types';
import { BLANK, NOT_APPLICABLE, OUTSIDE_BLOCK } from '../scoring/rules';
import { resolvePanel, type PanelOutcome } from './appraisal';
import { scoreLocation } from './locations';
import { compileBlocks } from './blocks';
import { compileCriteria } from './criteria';
import { compileComponents } from './components';
import { appraiserWorkplaces, readUnits, startReading } from './units';
import { readScoreGrids } from './sheets';
import {
  appraisalFacts,
  cellsMarked,
  differences,
  idOrderOf,
  inputsToPoints,
  selectCounted,
  toPoints,
} from './points';
import { checkBlanks, leavesWithoutRows } from './checks';
import type { CompileOutcome } from './types';

export type {
  AppraisalFacts,
  CompiledBand,
  CompiledBlock,
  CompiledCampaign,
  CompiledComponent,
  CompiledField,
  CompiledLeaf,
  CompiledUnit,
  CompileOutcome,
} from './types';

/** Validates the whole spec; returns the compiled campaign only when there is no error. */
export function compileCampaign(spec: CampaignSpec): CompileOutcome {
  const { settings, issues } = resolveSettings(spec.settings, spec.settingCells);

  // Blocks first: criteria and units refer to them.
  const blockTable = compileBlocks(spec, settings, issues);
  const { blocks } = blockTable;
  const tree = compileCriteria(spec, blockTable, issues);
  const { fields, leaves } = tree;
  const componentTable = compileComponents(spec, tree.seen, issues);
  const { components, componentIndex } = componentTable;

  // Tie-break keys must name things that exist (located at the setting's cell, if known).
  const tieBreakCell = spec.settingCells?.tieBreak;
  const tieBreakAt: IssueLocation = tieBreakCell ? { cell: tieBreakCell } : { settings: true };
  for (const key of settings.ranking.tieBreak) {
    if (key.by === 'field' && !fields.some((f) => f.code === key.code)) {
      issues.push(error('unknownTieBreakField', { code: key.code }, tieBreakAt));
    }
    if (key.by === 'component' && !componentIndex.has(key.id)) {
      issues.push(error('unknownTieBreakComponent', { id: key.id }, tieBreakAt));
    }
  }

  // Units and their scores: records first, then the sheets handed over as grids.
  const reading = startReading(spec, tree, issues);
  const { unitCount, self, entries, units, locate } = reading;
  const componentScores = new Float64Array(components.length * unitCount).fill(BLANK);
  readUnits(reading, spec, blockTable, componentTable, componentScores);
  readScoreGrids(reading, spec.scoreGrids);

  // A panel's cells become one appraised score per cell, in points.
  const appraiserUnit = appraiserWorkplaces(reading, spec);
  let appraised = reading.appraised;
  let panel: PanelOutcome | undefined;
  if (entries !== null) {
    panel = resolvePanel(entries, {
      leaves,
      units,
      settings,
      appraiserIds: reading.appraiserIds,
      appraiserUnit,
      locate: (round, appraiser, unit, code) =>
        scoreLocation(locate, round === 2 ? 'appraised2' : 'appraised', unit, code, appraiser),
      issues,
    });
    appraised = panel.grid;
  }

  const blockMax = new Float64Array(blocks.length);
  for (const leaf of leaves) {
    if (leaf.blocks !== null) {
      // Cells of units outside the leaf's blocks are marked so scoring skips them.
      for (let u = 0; u < unitCount; u++) {
        if (!leaf.blocks.has(units[u].block)) {
          self[leaf.index * unitCount + u] = OUTSIDE_BLOCK;
          appraised[leaf.index * unitCount + u] = OUTSIDE_BLOCK;
        }
      }
    }
    if (leaf.bonus) continue;
    for (let b = 0; b < blocks.length; b++) {
      if (leaf.blocks === null || leaf.blocks.has(b)) blockMax[b] += leaf.max;
    }
  }
  const appraisal = appraisalFacts(self, appraised, panel);
  // A panel's appraised grid holds points already: bring the self inputs to points too.
  const inPoints = panel !== undefined;
  if (inPoints) inputsToPoints(leaves, self, unitCount);
  const counted = selectCounted(settings, self, appraised);
  const rowless = leavesWithoutRows(spec, settings, leaves, issues);
  checkBlanks(
    settings,
    leaves,
    units,
    counted,
    componentScores,
    components,
    issues,
    locate,
    rowless,
  );
  const notApplicable = cellsMarked(counted, NOT_APPLICABLE);
  const deductionLost = new Float64Array(unitCount);
  if (counted !== self) toPoints(leaves, counted, unitCount, deductionLost, inPoints);
  toPoints(leaves, self, unitCount, counted === self ? deductionLost : null, inPoints);
  const corrections = differences(self, counted);

  if (hasErrors(issues)) return { issues };
  return {
    issues,
    campaign: {
      id: spec.id,
      name: spec.name,
      year: spec.year,
      settings,
      fields,
      leaves,
      components,
      blocks,
      units,
      idOrder: idOrderOf(units),
      blockMax,
      self,
      corrections,
      notApplicable,
      deductionLost,
      componentScores,
      ...(appraisal ? { appraisal } : {}),
    },
  };
}
