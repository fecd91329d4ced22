/**
 * "Lịch sử thẩm định": the change history of the appraised cells. Each run compares every
 * appraised cell (per round, appraiser, unit and criterion, as typed) with the value the last
 * run saw and appends one row per change; the previous rows are kept as read, like "Nhật ký".
 * What the last run saw is "Lưu vết thẩm định": one row per round, appraiser and unit with that
 * unit's appraised cells as JSON — a few thousand cells where a row per cell would be millions.
 * The first run (no record yet) writes the record and no change. A workbook with a history but
 * no record (older versions) compares with the latest value its history holds.
 * Pure: the previous sheets come in as Grids, the time from the host.
 */
import { vi } from '../i18n/vi';
import type { CampaignSpec, CellValue } from '../model/types';
import { normalizeText } from '../scoring/cells';
import { cellAt, headerColumns, isBlankRow, numberOf, text, type Grid } from './grid';
import type { OutputBlock } from './output';

const H = vi.workbook.headers;

/**
 * Visits every non-blank appraised cell of the spec (records and grids alike). `slot`, for the
 * cells of a grid, numbers the grid column the cell is in (one round, appraiser and unit), so a
 * caller grouping cells can look the group up once per column instead of once per cell; it is
 * -1 for the cells of records.
 */
export function forEachAppraisedCell(
  spec: CampaignSpec,
  visit: (
    round: number,
    appraiser: string,
    unit: string,
    code: string,
    value: CellValue,
    slot: number,
  ) => void,
): void {
  const blank = (v: CellValue): boolean => v === null || v === undefined || v === '';
  for (const unit of spec.units ?? []) {
    const parts = [
      ...(unit.appraised ? [{ round: 1, appraiser: '', scores: unit.appraised }] : []),
      ...(unit.appraisals ?? []),
    ];
    for (const part of parts) {
      const round = part.round === 2 ? 2 : 1;
      const appraiser = normalizeText(String(part.appraiser ?? ''));
      for (const code in part.scores) {
        const v = part.scores[code];
        if (!blank(v)) visit(round, appraiser, unit.id, normalizeText(code), v, -1);
      }
    }
  }
  const grids = spec.scoreGrids;
  let slots = 0;
  for (const [round, grid] of [
    [1, grids?.appraised],
    [2, grids?.appraised2],
  ] as const) {
    if (!grid) continue;
    const first = slots;
    grid.codes.forEach((code, i) => {
      const row = grid.rows[i];
      if (!row) return;
      for (let k = 0; k < grid.cols.length; k++) {
        const v = row[grid.cols[k]];
        if (!blank(v)) visit(round, grid.appraisers?.[k] ?? '', grid.units[k], code, v, first + k);
      }
    });
    slots += grid.cols.length;
  }
}

/** Two cell values are the same score when they read the same (text after NFC and trimming). */
function same(a: CellValue, b: CellValue): boolean {
  const blankA = a === null || a === undefined || a === '';
  const blankB = b === null || b === undefined || b === '';
  if (blankA || blankB) return blankA === blankB;
  if (typeof a === 'string' && typeof b === 'string') return normalizeText(a) === normalizeText(b);
  return a === b;
}

const key = (round: number, appraiser: string, unit: string, code: string): string =>
  `${round}\u0000${appraiser}\u0000${unit}\u0000${code}`;

/**
 * The history sheet: the previous rows, then one row per changed cell (ordered by round, unit,
 * criterion and appraiser). Undefined when there is neither a previous history nor an
 * appraised cell.
 */
export function renderHistory(
  spec: CampaignSpec,
  previous: Grid | undefined,
  time: string,
  snapshot?: Grid,
): OutputBlock | undefined {
  const header: CellValue[] = [
    H.logTime,
    H.round,
    H.appraiser,
    H.unitCode,
    H.criterionCode,
    H.oldScore,
    H.newScore,
  ];
  // The latest value per cell, from the previous rows in order (columns found by header).
  const found = headerColumns(previous?.[0], {
    round: H.round,
    appraiser: H.appraiser,
    unit: H.unitCode,
    code: H.criterionCode,
    value: H.newScore,
  });
  const col = (name: string, fallback: number): number =>
    found[name] >= 0 ? found[name] : fallback;
  const cols = {
    round: col('round', 1),
    appraiser: col('appraiser', 2),
    unit: col('unit', 3),
    code: col('code', 4),
    value: col('value', 6),
  };
  const kept: CellValue[][] = [];
  const latest = new Map<
    string,
    { round: number; appraiser: string; unit: string; code: string; value: CellValue }
  >();
  for (let r = 1; r < (previous?.length ?? 0); r++) {
    const row = (previous as Grid)[r];
    if (isBlankRow(row)) continue;
    kept.push([...row]);
    const roundCell = cellAt(previous as Grid, r, cols.round);
    const round = numberOf(roundCell) ?? 1;
    const appraiser = text(cellAt(previous as Grid, r, cols.appraiser));
    const unit = text(cellAt(previous as Grid, r, cols.unit));
    const code = text(cellAt(previous as Grid, r, cols.code));
    const value = cellAt(previous as Grid, r, cols.value);
    latest.set(key(round, appraiser, unit, code), { round, appraiser, unit, code, value });
  }

  // The record of the last run, when there is one, is what changes are measured against.
  const recorded = readSnapshot(snapshot);
  const firstRun = recorded === undefined && kept.length === 0;
  if (recorded) {
    latest.clear();
    for (const [k, v] of recorded) latest.set(k, v);
  }

  const unitOrder = new Map((spec.units ?? []).map((u, i) => [u.id, i]));
  const codeOrder = new Map<string, number>();
  const walk = (nodes: CampaignSpec['criteria']): void =>
    nodes.forEach((node) => {
      codeOrder.set(normalizeText(String(node.code)), codeOrder.size);
      if (node.children) walk(node.children);
    });
  walk(spec.criteria ?? []);
  const appraiserOrder = new Map<string, number>([['', 0]]);
  for (const a of spec.appraisers ?? []) appraiserOrder.set(a.id, appraiserOrder.size);

  interface Change {
    round: number;
    appraiser: string;
    unit: string;
    code: string;
    before: CellValue;
    after: CellValue;
  }
  const changes: Change[] = [];
  const seen = new Set<string>();
  let any = false;
  forEachAppraisedCell(spec, (round, appraiser, unit, code, value) => {
    any = true;
    const k = key(round, appraiser, unit, code);
    const last = latest.get(k);
    if (last) seen.add(k);
    const before = last?.value ?? null;
    if (!firstRun && !same(before, value)) {
      changes.push({ round, appraiser, unit, code, before, after: value });
    }
  });
  const order = (m: Map<string, number>, id: string): number => m.get(id) ?? m.size;
  changes.sort(
    (a, b) =>
      a.round - b.round ||
      order(unitOrder, a.unit) - order(unitOrder, b.unit) ||
      order(codeOrder, a.code) - order(codeOrder, b.code) ||
      order(appraiserOrder, a.appraiser) - order(appraiserOrder, b.appraiser),
  );
  // Cells cleared since (or gone with their column): a change to blank, in history order.
  for (const [k, last] of latest) {
    if (seen.has(k) || same(last.value, null)) continue;
    changes.push({ ...last, before: last.value, after: null });
  }
  // Cells the record holds, all cleared since, are changes: only a sheet with none is left out.
  if (!any && kept.length === 0 && changes.length === 0) return undefined;
  const rows: CellValue[][] = [
    header,
    ...kept,
    ...changes.map((ch) => [
      time,
      ch.round,
      ch.appraiser === '' ? null : ch.appraiser,
      ch.unit,
      ch.code,
      ch.before ?? null,
      ch.after ?? null,
    ]),
  ];
  return {
    name: vi.workbook.sheets.history,
    rows,
    formats: rows.map(() => []),
    boldRows: [0],
    columnWidths: [20, 6, 14, 12, 12, 14, 14],
    frozenRows: 1,
  };
}

const MAX_CELL_TEXT = 30_000;

/** The record's rows: round, appraiser, unit, then the cells as JSON (split past 30,000 chars). */
function readSnapshot(
  grid: Grid | undefined,
):
  | Map<string, { round: number; appraiser: string; unit: string; code: string; value: CellValue }>
  | undefined {
  if (!grid || grid.length === 0) return undefined;
  const out = new Map<
    string,
    { round: number; appraiser: string; unit: string; code: string; value: CellValue }
  >();
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row)) continue;
    const round = numberOf(cellAt(grid, r, 0)) ?? 1;
    const appraiser = text(cellAt(grid, r, 1));
    const unit = text(cellAt(grid, r, 2));
    let json = '';
    for (let c = 3; c < row.length; c++) json += String(row[c] ?? '');
    let cells: Record<string, CellValue>;
    try {
      cells = JSON.parse(json) as Record<string, CellValue>;
    } catch {
      // An edited record: its cells are taken as unseen (no change is recorded for them).
      continue;
    }
    for (const code in cells) {
      out.set(key(round, appraiser, unit, code), {
        round,
        appraiser,
        unit,
        code,
        value: cells[code],
      });
    }
  }
  return out;
}

/**
 * "Lưu vết thẩm định": the appraised cells as this run saw them, one row per round, appraiser
 * and unit (ordered like the history), for the next run to compare with. Undefined when there
 * is nothing to record and no record before.
 */
export function renderSnapshot(spec: CampaignSpec, previous?: Grid): OutputBlock | undefined {
  // Cells kept in a Map per group (a plain object given a different set of codes per unit makes
  // V8 build a hidden class per shape: 20 times slower at 5,000 units).
  const groups = new Map<
    string,
    { round: number; appraiser: string; unit: string; cells: Map<string, CellValue> }
  >();
  type Group = { round: number; appraiser: string; unit: string; cells: Map<string, CellValue> };
  const bySlot: (Group | undefined)[] = [];
  forEachAppraisedCell(spec, (round, appraiser, unit, code, value, slot) => {
    let g = slot >= 0 ? bySlot[slot] : undefined;
    if (!g) {
      const k = key(round, appraiser, unit, '');
      g = groups.get(k);
      if (!g) groups.set(k, (g = { round, appraiser, unit, cells: new Map() }));
      if (slot >= 0) bySlot[slot] = g;
    }
    g.cells.set(code, value);
  });
  if (groups.size === 0 && !(previous && previous.length > 0)) return undefined;
  const unitOrder = new Map((spec.units ?? []).map((u, i) => [u.id, i]));
  const appraiserOrder = new Map<string, number>([['', 0]]);
  for (const a of spec.appraisers ?? []) appraiserOrder.set(a.id, appraiserOrder.size);
  const order = (m: Map<string, number>, id: string): number => m.get(id) ?? m.size;
  const sorted = [...groups.values()].sort(
    (a, b) =>
      a.round - b.round ||
      order(unitOrder, a.unit) - order(unitOrder, b.unit) ||
      order(appraiserOrder, a.appraiser) - order(appraiserOrder, b.appraiser) ||
      a.unit.localeCompare(b.unit) ||
      a.appraiser.localeCompare(b.appraiser),
  );
  const rows: CellValue[][] = [[H.round, H.appraiser, H.unitCode, H.snapshotScores]];
  // Each criterion code's JSON ("1.9":) made once.
  const names = new Map<string, string>();
  for (const g of sorted) {
    let json = '{';
    for (const [code, value] of g.cells) {
      if (json.length > 1) json += ',';
      let name = names.get(code);
      if (name === undefined) names.set(code, (name = JSON.stringify(code) + ':'));
      json +=
        name +
        (typeof value === 'number'
          ? Number.isFinite(value)
            ? String(value)
            : 'null'
          : typeof value === 'boolean'
            ? String(value)
            : JSON.stringify(value ?? null));
    }
    json += '}';
    const parts: string[] = [];
    for (let i = 0; i < json.length;) {
      let end = Math.min(i + MAX_CELL_TEXT, json.length);
      // Never between the two halves of a character past U+FFFF (a lone half is not text).
      const last = json.charCodeAt(end - 1);
      if (end < json.length && last >= 0xd800 && last <= 0xdbff) end--;
      parts.push(json.slice(i, end));
      i = end;
    }
    rows.push([g.round, g.appraiser === '' ? null : g.appraiser, g.unit, ...parts]);
  }
  return {
    name: vi.workbook.sheets.snapshot,
    rows,
    formats: rows.map(() => []),
    boldRows: [0],
    columnWidths: [6, 14, 12, 80],
    frozenRows: 1,
  };
}
