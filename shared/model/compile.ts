/**
 * Checks a campaign spec as a whole and compiles it into the flat, typed form the scoring
 * loop runs on. Every problem is collected (never only the first), each with its location.
 */
import { error, hasErrors, warning, type Issue, type IssueLocation } from './issues';
import { resolveSettings } from './settings';
import type {
  BandSpec,
  CampaignSpec,
  CellRef,
  CellValue,
  CriterionSpec,
  ScoreSource,
  Settings,
} from './types';
import { fromMicro, toMicro, type Micro } from '../numbers/points';
import {
  compileRule,
  encodeInput,
  encodeNumber,
  BLANK,
  NOT_APPLICABLE,
  pointsFor,
  OUTSIDE_BLOCK,
  type CompiledRule,
  type Encoded,
} from '../scoring/rules';
import { normalizeText } from '../scoring/cells';
import { PanelEntries, resolvePanel } from './appraisal';
import { formatMessage, vi } from '../i18n/vi';

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
  /** Cells whose appraisers are further apart than the setting allows, with the spread. */
  discussion: { cells: Uint32Array; spread: Float64Array };
  /** Cells decided by round 2. */
  round2: Uint32Array;
}

/** Where compile puts one appraiser's cells of one round when a panel appraises. */
interface PanelSink {
  entries: PanelEntries;
  round: number;
  appraiser: number;
}

const isBlank = (v: CellValue): boolean => v === null || v === undefined || v === '';

/** The cell of one field when known, keeping the ids of the location. */
function cellOr(cell: CellRef | undefined, at: IssueLocation): IssueLocation {
  return cell ? { ...at, cell } : at;
}

/** Placeholder location while encoding; the real one is built only for a cell with an issue. */
const NOWHERE: IssueLocation = {};

/** Where a score cell is: its sheet cell when the host can say, else the unit and criterion. */
function scoreLocation(
  locate: CampaignSpec['locateScore'],
  source: ScoreSource,
  unit: string,
  rawCode: string,
  appraiser?: string,
): IssueLocation {
  const code = normalizeText(rawCode);
  const cell = appraiser ? locate?.(source, unit, code, appraiser) : locate?.(source, unit, code);
  return cell ? { cell, unit, criterion: code } : { unit, criterion: code };
}

const CODE = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/;

interface TreeState {
  issues: Issue[];
  fields: CompiledField[];
  leaves: CompiledLeaf[];
  seen: Map<string, string>;
  blockIndex: Map<string, number>;
  /** The block codes, for messages: "so, huyen". */
  blockList: string;
  parents: Set<string>;
}

function where(code: string, source?: CellRef): IssueLocation {
  return source ? { cell: source, criterion: code } : { criterion: code };
}

/** Walks one node; returns the max it contributes to its parent (bonus leaves: 0). */
function walkCriterion(
  node: CriterionSpec,
  state: TreeState,
  field: number,
  parentCode: string | null,
  inherited: ReadonlySet<number> | null,
): Micro {
  const code = normalizeText(String(node.code ?? ''));
  const at = where(code, node.source);
  const { issues } = state;
  const location = node.source ? `${node.source.sheet}!${node.source.row}` : code;
  if (code === '') issues.push(error('emptyCriterionCode', {}, at));
  else if (!CODE.test(code)) issues.push(error('badCriterionCode', { code }, at));
  else if (parentCode !== null && !code.startsWith(parentCode + '.')) {
    issues.push(error('childCodeNotUnderParent', { code, parent: parentCode }, at));
  }
  const other = state.seen.get(code);
  if (code !== '' && other !== undefined) {
    issues.push(error('duplicateCriterionCode', { code, other }, at));
  }
  state.seen.set(code, location);
  if (code !== '' && normalizeText(String(node.name ?? '')) === '') {
    issues.push(
      error('emptyName', { what: vi.labels.criterion, code }, cellOr(node.cells?.name, at)),
    );
  }
  const maxNumber = Number(node.max);
  if (typeof node.max !== 'number' || !Number.isFinite(maxNumber)) {
    issues.push(error('maxNotNumber', { code }, cellOr(node.cells?.max, at)));
  } else if (maxNumber < 0) {
    issues.push(error('maxBelowZero', { code, max: node.max }, cellOr(node.cells?.max, at)));
  }
  const max = Number.isFinite(maxNumber) && maxNumber >= 0 ? toMicro(maxNumber) : 0;

  let blocks = inherited;
  if (node.blocks !== undefined) {
    const own = new Set<number>();
    for (const b of node.blocks) {
      const i = state.blockIndex.get(b);
      if (i === undefined) {
        issues.push(
          error(
            'unknownBlockInCriterion',
            { code, block: b, blocks: state.blockList },
            cellOr(node.cells?.blocks, at),
          ),
        );
      } else if (inherited === null || inherited.has(i)) own.add(i);
    }
    blocks = own;
  }

  const children = node.children ?? [];
  if (children.length > 0) {
    state.parents.add(code);
    if (node.rule) issues.push(error('parentWithRule', { code }, cellOr(node.cells?.rule, at)));
    if (node.rule?.kind === 'bonus') issues.push(error('bonusHasChildren', { code }, at));
    let sum = 0;
    for (const child of children) sum += walkCriterion(child, state, field, code, blocks);
    if (sum !== max) {
      issues.push(
        error(
          'parentMaxMismatch',
          { code, max: show(max), sum: show(sum) },
          cellOr(node.cells?.max, at),
        ),
      );
    }
    return max;
  }
  if (!node.rule) {
    issues.push(error('leafWithoutRule', { code }, cellOr(node.cells?.rule, at)));
    return max;
  }
  const { rule, issues: ruleIssues } = compileRule(
    node.rule,
    code,
    max,
    cellOr(node.cells?.params ?? node.cells?.rule, at),
  );
  issues.push(...ruleIssues);
  if (rule) {
    state.leaves.push({
      index: state.leaves.length,
      code,
      name: normalizeText(String(node.name ?? '')),
      max,
      field,
      rule,
      bonus: rule.kind === 'bonus',
      blocks,
    });
  }
  return rule?.kind === 'bonus' ? 0 : max;
}

const show = (micro: Micro): string => String(fromMicro(micro)).replace('.', ',');

function compileBands(bands: BandSpec[], issues: Issue[], at: IssueLocation): CompiledBand[] {
  const out: CompiledBand[] = [];
  bands.forEach((band, i) => {
    const label = normalizeText(String(band.label ?? ''));
    if (label === '') issues.push(error('bandEmptyLabel', {}, at));
    const min = band.min === Number.NEGATIVE_INFINITY ? band.min : toMicro(Number(band.min));
    const previous = out[i - 1];
    if (previous && !(min < previous.min)) {
      issues.push(
        error('bandsOutOfOrder', { label, min: band.min, previous: fromMicro(previous.min) }, at),
      );
    }
    out.push({ label, min });
  });
  return out;
}

export interface CompileOutcome {
  campaign?: CompiledCampaign;
  issues: Issue[];
}

/** Validates the whole spec; returns the compiled campaign only when there is no error. */
export function compileCampaign(spec: CampaignSpec): CompileOutcome {
  const { settings, issues } = resolveSettings(spec.settings, spec.settingCells);

  // Blocks first: criteria and units refer to them.
  const blockIndex = new Map<string, number>();
  const blocks: CompiledBlock[] = [];
  if (!spec.blocks || spec.blocks.length === 0)
    issues.push(error('noBlocks', {}, { settings: true }));
  const bandsCell = spec.settingCells?.bands;
  const defaultBands = compileBands(
    settings.bands,
    issues,
    bandsCell ? { cell: bandsCell } : { settings: true },
  );
  for (const b of spec.blocks ?? []) {
    const id = normalizeText(String(b.id ?? ''));
    const at: IssueLocation = b.source ? { cell: b.source, block: id } : { block: id };
    if (blockIndex.has(id)) issues.push(error('duplicateBlock', { id }, at));
    blockIndex.set(id, blocks.length);
    blocks.push({
      id,
      name: normalizeText(String(b.name ?? id)),
      bands: b.bands ? compileBands(b.bands, issues, at) : defaultBands,
    });
  }

  const blockList = [...blockIndex.keys()].join(', ');

  // The criteria tree.
  const state: TreeState = {
    issues,
    fields: [],
    leaves: [],
    seen: new Map(),
    blockIndex,
    blockList,
    parents: new Set(),
  };
  if (!spec.criteria || spec.criteria.length === 0) {
    issues.push(error('noCriteria', {}, { settings: true }));
  }
  (spec.criteria ?? []).forEach((node, f) => {
    state.fields.push({
      code: normalizeText(String(node.code ?? '')),
      name: normalizeText(String(node.name ?? '')),
      max: 0,
    });
    walkCriterion(node, state, f, null, null);
  });
  const { fields, leaves } = state;
  for (const leaf of leaves) {
    if (!leaf.bonus) (fields[leaf.field] as CompiledField).max += leaf.max;
  }
  const leafIndex = new Map(leaves.map((l, i) => [l.code, i]));

  // Components.
  const components: CompiledComponent[] = [];
  const componentIndex = new Map<string, number>();
  for (const c of spec.components ?? []) {
    const id = normalizeText(String(c.id ?? ''));
    const at: IssueLocation = c.source ? { cell: c.source, component: id } : { component: id };
    if (componentIndex.has(id)) issues.push(error('duplicateComponent', { id }, at));
    if (state.seen.has(id)) issues.push(error('componentClashesField', { id }, at));
    const max = Number(c.max);
    if (!Number.isFinite(max) || max < 0)
      issues.push(error('componentMaxBelowZero', { id, max: c.max }, at));
    componentIndex.set(id, components.length);
    components.push({
      id,
      name: normalizeText(String(c.name ?? id)),
      max: toMicro(Math.max(0, max || 0)),
    });
  }

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

  // Units and their scores.
  const unitCount = spec.units?.length ?? 0;
  const leafCount = leaves.length;
  const self = new Float64Array(leafCount * unitCount).fill(BLANK);
  // A panel (named appraisers or a second round) collects its cells apart and combines them on
  // points below; one implicit appraiser in one round writes straight into the grid.
  const grids = spec.scoreGrids;
  const panelMode =
    grids?.appraised2 !== undefined ||
    grids?.appraised?.appraisers !== undefined ||
    (spec.units ?? []).some((unit) => (unit.appraisals?.length ?? 0) > 0);
  const entries = panelMode ? new PanelEntries() : null;
  let appraised: Float64Array = new Float64Array(panelMode ? 0 : leafCount * unitCount).fill(BLANK);
  const componentScores = new Float64Array(components.length * unitCount).fill(BLANK);
  const units: { id: string; name: string; block: number }[] = [];
  const unitIds = new Map<string, number>();
  const locate = spec.locateScore;
  const textCache: Map<string, Encoded>[] = [];

  // The appraisal council: index 0 is the implicit appraiser of sheets without names.
  const appraiserIds = [''];
  const appraiserIndex = new Map<string, number>([['', 0]]);
  for (const a of spec.appraisers ?? []) {
    const id = normalizeText(String(a.id ?? ''));
    const at: IssueLocation = a.source ? { cell: a.source } : { settings: true };
    if (id === '') issues.push(error('emptyAppraiserId', {}, at));
    else if (appraiserIndex.has(id)) issues.push(error('duplicateAppraiser', { id }, at));
    else {
      appraiserIndex.set(id, appraiserIds.length);
      appraiserIds.push(id);
    }
  }
  const appraiserOf = (raw: string | undefined, at: IssueLocation): number => {
    const id = normalizeText(String(raw ?? ''));
    const a = appraiserIndex.get(id);
    if (a === undefined) issues.push(error('unknownAppraiser', { id }, at));
    return a ?? -1;
  };

  /** Encodes one score cell of unit u into the grid (or the panel), or records its problem. */
  const encodeCell = (
    source: ScoreSource,
    grid: Float64Array | PanelSink,
    u: number,
    id: string,
    rawCode: string,
    raw: CellValue,
  ): void => {
    const appraiser = grid instanceof Float64Array ? undefined : appraiserIds[grid.appraiser];
    let l = leafIndex.get(rawCode);
    if (l === undefined) l = leafIndex.get(normalizeText(rawCode));
    if (l === undefined) {
      const code = normalizeText(rawCode);
      const key = state.parents.has(code) ? 'scoreOnParent' : 'unknownCriterionInScores';
      issues.push(
        error(key, { unit: id, code }, scoreLocation(locate, source, id, rawCode, appraiser)),
      );
      return;
    }
    const leaf = leaves[l];
    // Text cells repeat ("Đúng hạn", "x"): read each distinct text once per leaf.
    let encoded: Encoded | undefined;
    if (typeof raw === 'string') {
      const cache = textCache[l] ?? (textCache[l] = new Map());
      encoded = cache.get(raw);
      if (encoded === undefined) {
        encoded = encodeInput(leaf.rule, raw, leaf.code, leaf.max, NOWHERE);
        cache.set(raw, encoded);
      }
    } else {
      encoded = encodeInput(leaf.rule, raw, leaf.code, leaf.max, NOWHERE);
    }
    if ('issue' in encoded) {
      issues.push({ ...encoded.issue, at: scoreLocation(locate, source, id, rawCode, appraiser) });
    } else {
      if (grid instanceof Float64Array) grid[l * unitCount + u] = encoded.value;
      else if (!Number.isNaN(encoded.value))
        grid.entries.add(l * unitCount + u, grid.round, grid.appraiser, encoded.value);
      if (encoded.warning) {
        issues.push({
          ...encoded.warning,
          at: scoreLocation(locate, source, id, rawCode, appraiser),
        });
      }
    }
  };

  (spec.units ?? []).forEach((unit, u) => {
    const id = normalizeText(String(unit.id ?? ''));
    const at: IssueLocation = unit.source ? { cell: unit.source, unit: id } : { unit: id };
    if (id === '') issues.push(error('emptyUnitId', {}, at));
    else if (unitIds.has(id)) issues.push(error('duplicateUnit', { id }, at));
    unitIds.set(id, u);
    const name = normalizeText(String(unit.name ?? ''));
    // a row without a code says so once (emptyUnitId), not again for its name
    if (id !== '' && name === '') {
      issues.push(
        error('emptyName', { what: vi.labels.unit, code: id }, cellOr(unit.cells?.name, at)),
      );
    }
    const blockText = normalizeText(String(unit.block ?? ''));
    const block = blockIndex.get(blockText);
    // (a row without a code has said so already)
    if (block === undefined && id !== '') {
      issues.push(
        blockText === ''
          ? error('missingBlock', { unit: id }, cellOr(unit.cells?.block, at))
          : error(
              'unknownBlock',
              { unit: id, block: unit.block, blocks: blockList },
              cellOr(unit.cells?.block, at),
            ),
      );
    }
    units.push({ id, name, block: block ?? -1 });

    const encodeAll = (
      source: ScoreSource,
      scores: Record<string, unknown> | undefined,
      grid: Float64Array | PanelSink,
    ): void => {
      if (!scores) return;
      for (const rawCode in scores) {
        encodeCell(source, grid, u, id, rawCode, scores[rawCode] as CellValue);
      }
    };
    encodeAll('self', unit.self, self);
    if (entries === null) encodeAll('appraised', unit.appraised, appraised);
    else {
      // Round 1 of the implicit appraiser, then each (round, appraiser) of the unit once.
      const seen = new Set<string>();
      const parts = [
        ...(unit.appraised ? [{ round: 1 as const, scores: unit.appraised }] : []),
        ...(unit.appraisals ?? []),
      ];
      for (const part of parts) {
        const round = part.round === 2 ? 2 : 1;
        const a = appraiserOf(part.appraiser, at);
        if (a < 0) continue;
        const key = `${round}\u0000${a}`;
        if (seen.has(key)) {
          issues.push(
            error('duplicateAppraisal', { unit: id, appraiser: appraiserIds[a] || '—' }, at),
          );
          continue;
        }
        seen.add(key);
        const source = round === 2 ? 'appraised2' : 'appraised';
        encodeAll(source, part.scores, { entries, round, appraiser: a });
      }
    }

    for (const [rawId, raw] of Object.entries(unit.components ?? {})) {
      const cid = normalizeText(rawId);
      const cell = locate?.('components', id, cid);
      const here: IssueLocation = cell
        ? { cell, unit: id, component: cid }
        : { unit: id, component: cid };
      const c = componentIndex.get(cid);
      if (c === undefined) {
        issues.push(error('unknownComponentInScores', { unit: id, id: cid }, here));
        continue;
      }
      const comp = components[c] as CompiledComponent;
      // A component is scored like a directly-typed bonus: a number from 0 to its max.
      const encoded = encodeInput({ kind: 'bonus', per: null }, raw as never, cid, comp.max, here);
      if ('issue' in encoded) {
        const e = encoded.issue;
        issues.push(
          e.key === 'pointsAboveMax'
            ? error(
                'componentAboveMax',
                { points: e.params.points, max: e.params.max, id: cid },
                here,
              )
            : e,
        );
      } else {
        componentScores[c * unitCount + u] = encoded.value;
        if (encoded.warning) issues.push(encoded.warning);
      }
    }
  });

  // Score sheets handed over as grids (a host reading "Chấm điểm" / "Tự chấm"): one row per
  // criterion, one column per unit, read cell by cell without per-unit records.
  for (const [source, sheetGrid, target, round] of [
    ['self', grids?.self, self, 0],
    ['appraised', grids?.appraised, appraised, 1],
    ['appraised2', grids?.appraised2, appraised, 2],
  ] as const) {
    if (!sheetGrid) continue;
    const columns = sheetGrid.units.map((unitId) => unitIds.get(unitId) ?? -1);
    // Panel cells go to the entries with their column's appraiser (unknown ones were reported
    // by the sheet's parser, or here when a spec names them).
    const panel = round > 0 ? entries : null;
    const sinks =
      panel === null
        ? []
        : columns.map((_, k): PanelSink | null => {
            const named = sheetGrid.appraisers?.[k] ?? '';
            const a = appraiserIndex.get(normalizeText(named));
            if (a !== undefined) return { entries: panel, round, appraiser: a };
            issues.push(error('unknownAppraiser', { id: named }, { unit: sheetGrid.units[k] }));
            columns[k] = -1;
            return null;
          });
    const sinkOr = (k: number): Float64Array | PanelSink => sinks[k] ?? target;
    sheetGrid.codes.forEach((rawCode, i) => {
      const row = sheetGrid.rows[i];
      if (!row) return;
      const l = leafIndex.get(rawCode) ?? leafIndex.get(normalizeText(rawCode));
      if (l === undefined) {
        // Unknown or parent code: reported once per row, at the first unit's cell.
        const k = columns.findIndex((u, kk) => u >= 0 && !isBlank(row[sheetGrid.cols[kk]]));
        if (k >= 0) {
          encodeCell(
            source,
            sinkOr(k),
            columns[k],
            sheetGrid.units[k],
            rawCode,
            row[sheetGrid.cols[k]],
          );
        }
        return;
      }
      // One leaf per row: its encoding of ticks and texts is looked up once per distinct value.
      const leaf = leaves[l];
      const seen = new Map<CellValue, Encoded>();
      const base = l * unitCount;
      for (let k = 0; k < columns.length; k++) {
        const raw = row[sheetGrid.cols[k]];
        if (isBlank(raw) || columns[k] < 0) continue;
        if (typeof raw === 'number') {
          const v = encodeNumber(leaf.rule, raw, leaf.max);
          if (v !== undefined) {
            if (panel === null) target[base + columns[k]] = v;
            else if (!Number.isNaN(v)) {
              panel.add(base + columns[k], round, (sinks[k] as PanelSink).appraiser, v);
            }
            continue;
          }
        }
        let encoded = typeof raw === 'number' ? undefined : seen.get(raw);
        if (encoded === undefined) {
          encoded = encodeInput(leaf.rule, raw, leaf.code, leaf.max, NOWHERE);
          if (typeof raw !== 'number') seen.set(raw, encoded);
        }
        if ('issue' in encoded || encoded.warning) {
          // The rare cell with something to say goes the long way, with its location.
          encodeCell(source, sinkOr(k), columns[k], sheetGrid.units[k], rawCode, raw);
        } else if (panel === null) target[base + columns[k]] = encoded.value;
        else if (!Number.isNaN(encoded.value)) {
          const sink = sinks[k] as PanelSink;
          panel.add(base + columns[k], round, sink.appraiser, encoded.value);
        }
      }
    });
  }

  // Appraisers' workplaces, now that units are known (recusal).
  const appraiserUnit = appraiserIds.map(() => -1);
  for (const a of spec.appraisers ?? []) {
    const index = appraiserIndex.get(normalizeText(String(a.id ?? '')));
    const workplace = normalizeText(String(a.unit ?? ''));
    if (index === undefined || workplace === '') continue;
    const u = unitIds.get(workplace);
    const at: IssueLocation = a.source ? { cell: a.source } : { settings: true };
    if (u === undefined) {
      issues.push(
        error('unknownAppraiserUnit', { id: a.id, unit: workplace }, cellOr(a.cells?.unit, at)),
      );
    } else appraiserUnit[index] = u;
  }
  let panel: ReturnType<typeof resolvePanel> | undefined;
  if (entries !== null) {
    panel = resolvePanel(entries, {
      leaves,
      units,
      settings,
      appraiserIds,
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

/** The appraisal facts "Đối chiếu" needs, before the grids become points; none if nothing is appraised. */
function appraisalFacts(
  self: Float64Array,
  appraised: Float64Array,
  panel: ReturnType<typeof resolvePanel> | undefined,
): AppraisalFacts | undefined {
  let count = 0;
  for (let i = 0; i < appraised.length; i++) {
    const v = appraised[i];
    if (v === v && v !== OUTSIDE_BLOCK) count++;
  }
  if (count === 0) return undefined;
  const cells = new Uint32Array(count);
  for (let i = 0, j = 0; i < appraised.length; i++) {
    const v = appraised[i];
    if (v === v && v !== OUTSIDE_BLOCK) cells[j++] = i;
  }
  return {
    cells,
    selfNotApplicable: cellsMarked(self, NOT_APPLICABLE),
    discussion: panel?.discussion ?? { cells: new Uint32Array(0), spread: new Float64Array(0) },
    round2: panel?.round2 ?? new Uint32Array(0),
  };
}

/** Encoded self inputs → points in place, keeping the blank, N/A and outside-block marks. */
function inputsToPoints(leaves: readonly CompiledLeaf[], grid: Float64Array, n: number): void {
  for (const leaf of leaves) {
    const base = leaf.index * n;
    for (let u = 0; u < n; u++) {
      const v = grid[base + u];
      if (v !== v || v === NOT_APPLICABLE || v === OUTSIDE_BLOCK) continue;
      grid[base + u] = pointsFor(leaf.rule, leaf.max, v);
    }
  }
}

function differences(self: Float64Array, counted: Float64Array): CompiledCampaign['corrections'] {
  if (self === counted) return { cells: new Uint32Array(0), delta: new Float64Array(0) };
  let count = 0;
  for (let i = 0; i < self.length; i++) if (self[i] !== counted[i]) count++;
  const cells = new Uint32Array(count);
  const delta = new Float64Array(count);
  for (let i = 0, j = 0; i < self.length; i++) {
    if (self[i] !== counted[i]) {
      cells[j] = i;
      delta[j++] = counted[i] - self[i];
    }
  }
  return { cells, delta };
}

function cellsMarked(grid: Float64Array, mark: number): Uint32Array {
  let count = 0;
  for (let i = 0; i < grid.length; i++) if (grid[i] === mark) count++;
  const cells = new Uint32Array(count);
  for (let i = 0, j = 0; i < grid.length; i++) if (grid[i] === mark) cells[j++] = i;
  return cells;
}

/**
 * Replaces encoded inputs by their points, in place, so scoring is a plain sum: blank → its
 * points, N/A and outside-block → 0 (their max is handled by the N/A list and blockMax).
 * Adds what deduction leaves took off into `lost` when given. `inPoints`: the grid holds
 * points already (a panel's), only the marks are replaced.
 */
function toPoints(
  leaves: readonly CompiledLeaf[],
  grid: Float64Array,
  n: number,
  lost: Float64Array | null,
  inPoints = false,
): void {
  for (const leaf of leaves) {
    const { rule, max } = leaf;
    const isDeduction = rule.kind === 'deduction';
    const base = leaf.index * n;
    for (let u = 0; u < n; u++) {
      const v = grid[base + u];
      let p: number;
      if (v !== v) p = isDeduction ? max : 0;
      else if (v === NOT_APPLICABLE || v === OUTSIDE_BLOCK) {
        grid[base + u] = 0;
        continue;
      } else p = inPoints ? v : pointsFor(rule, max, v);
      grid[base + u] = p;
      if (isDeduction && lost !== null) lost[u] += max - p;
    }
  }
}

function idOrderOf(units: readonly { id: string }[]): Int32Array {
  const sorted = units.map((_, i) => i).sort((a, b) => (units[a].id < units[b].id ? -1 : 1));
  const order = new Int32Array(units.length);
  sorted.forEach((u, position) => (order[u] = position));
  return order;
}

function selectCounted(
  settings: Settings,
  self: Float64Array,
  appraised: Float64Array,
): Float64Array {
  if (settings.scoreSource === 'selfOnly') return self;
  if (settings.scoreSource === 'appraisedOnly') return appraised;
  const counted = new Float64Array(self.length);
  for (let i = 0; i < self.length; i++) {
    const a = appraised[i] as number;
    counted[i] = Number.isNaN(a) ? (self[i] as number) : a;
  }
  return counted;
}

/**
 * Leaves that have no row in the score sheets the campaign counts (a criterion added to "Tiêu
 * chí" and not to "Tự chấm" / "Chấm điểm"): one message each at the criterion's row — an error
 * under blankPolicy "error", else a warning that every unit gets 0 there — instead of a blank
 * per unit or per cell. Bonus and deduction leaves are left out: a blank there means none.
 * Only for campaigns read from sheets (score grids).
 */
function leavesWithoutRows(
  spec: CampaignSpec,
  settings: Settings,
  leaves: readonly CompiledLeaf[],
  issues: Issue[],
): Set<number> {
  const rowless = new Set<number>();
  const grids = spec.scoreGrids;
  if (!grids || (spec.units ?? []).length === 0) return rowless;
  const counted =
    settings.scoreSource === 'selfOnly'
      ? [grids.self]
      : settings.scoreSource === 'appraisedOnly'
        ? [grids.appraised, grids.appraised2]
        : [grids.self, grids.appraised, grids.appraised2];
  const present = new Set<string>();
  for (const g of counted) for (const c of g?.codes ?? []) present.add(normalizeText(c));
  const sourceOf = new Map<string, CellRef | undefined>();
  const walk = (nodes: readonly CriterionSpec[]): void =>
    nodes.forEach((n) => {
      sourceOf.set(normalizeText(String(n.code ?? '')), n.source);
      if (n.children) walk(n.children);
    });
  walk(spec.criteria ?? []);
  const S = vi.workbook.sheets;
  const sheets =
    settings.scoreSource === 'selfOnly'
      ? `"${S.self}"`
      : settings.scoreSource === 'appraisedOnly'
        ? `"${S.appraised}"`
        : formatMessage(vi.labels.eitherSheet, { a: S.self, b: S.appraised });
  for (const leaf of leaves) {
    const kind = leaf.rule.kind;
    if (kind === 'bonus' || kind === 'deduction' || present.has(leaf.code)) continue;
    if (leaf.blocks !== null && leaf.blocks.size === 0) continue;
    rowless.add(leaf.index);
    const at = where(leaf.code, sourceOf.get(leaf.code));
    issues.push(
      settings.blankPolicy === 'error'
        ? error('criterionRowMissing', { code: leaf.code, sheets }, at)
        : warning('criterionRowMissingScored0', { code: leaf.code, sheets }, at),
    );
  }
  return rowless;
}

/** Blank counted cells: one warning per unit (scored 0), or one error per cell. */
function checkBlanks(
  settings: Settings,
  leaves: CompiledLeaf[],
  units: { id: string; block: number }[],
  counted: Float64Array,
  componentScores: Float64Array,
  components: CompiledComponent[],
  issues: Issue[],
  locate: CampaignSpec['locateScore'],
  rowless: ReadonlySet<number> = new Set(),
): void {
  const n = units.length;
  const source: ScoreSource = settings.scoreSource === 'selfOnly' ? 'self' : 'appraised';
  units.forEach((unit, u) => {
    let count = 0;
    let first = '';
    leaves.forEach((leaf, l) => {
      if (leaf.blocks !== null && !leaf.blocks.has(unit.block)) return;
      // A blank bonus or deduction cell means "none": no bonus, no violation.
      if (leaf.rule.kind === 'bonus' || leaf.rule.kind === 'deduction') return;
      if (rowless.has(l)) return; // said once for the criterion
      if (!Number.isNaN(counted[l * n + u] as number)) return;
      if (settings.blankPolicy === 'error') {
        const cell = locate?.(source, unit.id, leaf.code);
        const at: IssueLocation = cell
          ? { cell, unit: unit.id, criterion: leaf.code }
          : { unit: unit.id, criterion: leaf.code };
        issues.push(error('blankScore', { unit: unit.id, code: leaf.code }, at));
      } else {
        if (count === 0) first = leaf.code;
        count++;
      }
    });
    if (count > 0) {
      // Located at the first blank cell when the campaign came from a workbook.
      const cell = locate?.(source, unit.id, first);
      const at: IssueLocation = cell ? { cell, unit: unit.id } : { unit: unit.id };
      const key = cell ? 'blankScored0At' : 'blankScored0';
      issues.push(warning(key, { unit: unit.id, count, code: first }, at));
    }
    components.forEach((c, k) => {
      if (Number.isNaN(componentScores[k * n + u] as number)) {
        issues.push(
          warning(
            'componentBlank',
            { unit: unit.id, id: c.id },
            { unit: unit.id, component: c.id },
          ),
        );
      }
    });
  });
}
