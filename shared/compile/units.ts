/** Reads the units and their score records into the encoded grids, and the appraisal council. */
import { error, type Issue, type IssueLocation } from '../model/issues';
import type { CampaignSpec, CellValue, ScoreSource } from '../model/types';
import { BLANK, encodeInput, type Encoded } from '../scoring/rules';
import { normalizeText } from '../scoring/cells';
import { vi } from '../i18n/vi';
import { PanelEntries } from './appraisal';
import { cellOr, NOWHERE, scoreLocation } from './locations';
import type { BlockTable } from './blocks';
import { readComponentScores, type ComponentTable } from './components';
import type { CriteriaTree } from './criteria';
import type { CompiledLeaf, CompiledUnit } from './types';

/** Where compile puts one appraiser's cells of one round when a panel appraises. */
export interface PanelSink {
  entries: PanelEntries;
  round: number;
  appraiser: number;
}

/** What reading the scores needs and fills: the unit list, the encoded grids, the council. */
export interface ScoreReading {
  issues: Issue[];
  leaves: CompiledLeaf[];
  leafIndex: Map<string, number>;
  /** Codes of parent criteria: a score there is "on a parent", not "unknown". */
  parents: ReadonlySet<string>;
  unitCount: number;
  /** Encoded self inputs (leaves × units). */
  self: Float64Array;
  /** Encoded round-1 inputs of the one implicit appraiser; empty when a panel appraises. */
  appraised: Float64Array;
  /** A panel's cells (named appraisers or a second round); null without a panel. */
  entries: PanelEntries | null;
  units: CompiledUnit[];
  /** Unit index by id. */
  unitIds: Map<string, number>;
  locate: CampaignSpec['locateScore'];
  /** Per leaf, the encoding of each distinct text met. */
  textCache: Map<string, Encoded>[];
  /** Appraiser ids by index; index 0 is the implicit appraiser (''). */
  appraiserIds: string[];
  appraiserIndex: Map<string, number>;
}

/** Sets up the grids for the spec's units and reads the appraisal council. */
export function startReading(
  spec: CampaignSpec,
  { leaves, leafIndex, parents }: CriteriaTree,
  issues: Issue[],
): ScoreReading {
  const unitCount = spec.units?.length ?? 0;
  const leafCount = leaves.length;
  const self = new Float64Array(leafCount * unitCount).fill(BLANK);
  // A panel (named appraisers or a second round) collects its cells apart and combines them on
  // points later; one implicit appraiser in one round writes straight into the grid.
  const grids = spec.scoreGrids;
  const panelMode =
    grids?.appraised2 !== undefined ||
    grids?.appraised?.appraisers !== undefined ||
    (spec.units ?? []).some((unit) => (unit.appraisals?.length ?? 0) > 0);
  const entries = panelMode ? new PanelEntries() : null;
  const appraised = new Float64Array(panelMode ? 0 : leafCount * unitCount).fill(BLANK);

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
  return {
    issues,
    leaves,
    leafIndex,
    parents,
    unitCount,
    self,
    appraised,
    entries,
    units: [],
    unitIds: new Map(),
    locate: spec.locateScore,
    textCache: [],
    appraiserIds,
    appraiserIndex,
  };
}

/** Encodes one score cell of unit u into the grid (or the panel), or records its problem. */
export function encodeCell(
  r: ScoreReading,
  source: ScoreSource,
  grid: Float64Array | PanelSink,
  u: number,
  id: string,
  rawCode: string,
  raw: CellValue,
): void {
  const { issues, leafIndex, locate, textCache } = r;
  const appraiser = grid instanceof Float64Array ? undefined : r.appraiserIds[grid.appraiser];
  let l = leafIndex.get(rawCode);
  if (l === undefined) l = leafIndex.get(normalizeText(rawCode));
  if (l === undefined) {
    const code = normalizeText(rawCode);
    const key = r.parents.has(code) ? 'scoreOnParent' : 'unknownCriterionInScores';
    issues.push(
      error(key, { unit: id, code }, scoreLocation(locate, source, id, rawCode, appraiser)),
    );
    return;
  }
  const leaf = r.leaves[l];
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
    if (grid instanceof Float64Array) grid[l * r.unitCount + u] = encoded.value;
    else if (!Number.isNaN(encoded.value))
      grid.entries.add(l * r.unitCount + u, grid.round, grid.appraiser, encoded.value);
    if (encoded.warning) {
      issues.push({
        ...encoded.warning,
        at: scoreLocation(locate, source, id, rawCode, appraiser),
      });
    }
  }
}

/** The appraiser index of a score record, or −1 (reported) when the council has no such id. */
function appraiserOf(r: ScoreReading, raw: string | undefined, at: IssueLocation): number {
  const id = normalizeText(String(raw ?? ''));
  const a = r.appraiserIndex.get(id);
  if (a === undefined) r.issues.push(error('unknownAppraiser', { id }, at));
  return a ?? -1;
}

/** Each unit of the spec: its id, name and block, then its self, appraised and component scores. */
export function readUnits(
  r: ScoreReading,
  spec: CampaignSpec,
  { blockIndex, blockList }: BlockTable,
  components: ComponentTable,
  componentScores: Float64Array,
): void {
  const { issues, units, unitIds, entries, appraiserIds } = r;
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
        encodeCell(r, source, grid, u, id, rawCode, scores[rawCode] as CellValue);
      }
    };
    encodeAll('self', unit.self, r.self);
    if (entries === null) encodeAll('appraised', unit.appraised, r.appraised);
    else {
      // Round 1 of the implicit appraiser, then each (round, appraiser) of the unit once.
      const seen = new Set<string>();
      const parts = [
        ...(unit.appraised ? [{ round: 1 as const, scores: unit.appraised }] : []),
        ...(unit.appraisals ?? []),
      ];
      for (const part of parts) {
        const round = part.round === 2 ? 2 : 1;
        const a = appraiserOf(r, part.appraiser, at);
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

    readComponentScores(unit, u, id, components, componentScores, r.unitCount, r.locate, issues);
  });
}

/** The unit each appraiser works in (−1 when none), now that units are known (recusal). */
export function appraiserWorkplaces(r: ScoreReading, spec: CampaignSpec): number[] {
  const appraiserUnit = r.appraiserIds.map(() => -1);
  for (const a of spec.appraisers ?? []) {
    const index = r.appraiserIndex.get(normalizeText(String(a.id ?? '')));
    const workplace = normalizeText(String(a.unit ?? ''));
    if (index === undefined || workplace === '') continue;
    const u = r.unitIds.get(workplace);
    const at: IssueLocation = a.source ? { cell: a.source } : { settings: true };
    if (u === undefined) {
      r.issues.push(
        error('unknownAppraiserUnit', { id: a.id, unit: workplace }, cellOr(a.cells?.unit, at)),
      );
    } else appraiserUnit[index] = u;
  }
  return appraiserUnit;
}
