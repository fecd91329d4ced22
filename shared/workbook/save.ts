/**
 * Saving a setup, host-neutral: the sheets a host read in one batch and the setup the pane
 * edited → the errors that stop the save, the questions the user must answer first, or the
 * writes to make. "Cấu hình" and "Tiêu chí" are rewritten whole (setupSheets); the score sheets
 * ("Tự chấm", "Chấm điểm", "Chấm điểm vòng 2") keep their rows in step with the criteria tree
 * by row operations — a new criterion gets a row (code, name, max, empty score cells) where the
 * tree puts it, a deleted one loses its row, a moved one moves with its typed cells, a renamed
 * one (name, max or code) is rewritten in place — so every other row keeps its cells, formats,
 * formulas, comments and checks. A criterion is followed across a recode by `origin` (the code
 * it was loaded with), else by its code.
 * Asked first: dropping typed scores (how many cells, per sheet), and a nomination whose basis a
 * changed quota or score changes (the run's `nominationBasisChanged` warnings the saved setup
 * would add). Nothing is to be written while the plan has errors or an unanswered question.
 */
import { formatMessage, vi } from '../i18n/vi';
import type { CampaignSetup, CellValue, CriterionSpec } from '../model/types';
import { labelKey } from '../scoring/cells';
import { numberOf, text, type DateSystem, type Grid, type Sheets } from './grid';
import type { OutputBlock, TemplateSheet } from './output';
import { criterionKeys } from './parse/criteria';
import { parseUnitsSheet } from './parse/units';
import { previewSheet } from './preview';
import { issueView, runCampaign, SHEETS_TO_READ, type IssueView } from './run';
import { checkSetup, isCompleteConfig, SETUP_SHEETS, setupSheets } from './setup';

const S = vi.workbook.sheets;
const H = vi.workbook.headers;

/** The score sheets whose rows follow the criteria tree. */
export const SCORE_SHEETS: readonly string[] = [S.self, S.appraised, S.appraised2];

/** Every sheet a save reads (one batch): what a run reads, and the live preview. */
export const SAVE_SHEETS: readonly string[] = [...SHEETS_TO_READ, S.preview];

/** The sheets a save may change: the setup, the score sheets, the preview. */
export const SAVE_WRITES: readonly string[] = [...SETUP_SHEETS, ...SCORE_SHEETS, S.preview];

/** The run warning a save asks about (added to the core by the nomination rework). */
export const NOMINATION_BASIS_CHANGED = 'nominationBasisChanged';

/**
 * Row operations on one score sheet, applied in this order: `deletes` (bottom first, rows of
 * the sheet as read), then `inserts` (top first, rows of the sheet as it ends up; `shift` false
 * when the rows go below the last one, where there is nothing to shift), then `cells` (rows of
 * the sheet as it ends up). Rows and columns are 0-based.
 */
export interface RowEdits {
  sheet: string;
  deletes: { row: number; count: number }[];
  inserts: { row: number; rows: CellValue[][]; shift: boolean }[];
  cells: { row: number; col: number; value: CellValue }[];
  /** Rows (final) of new leaves, and the unit columns: score cells a protected sheet unlocks. */
  leafRows: number[];
  unitCols: { col: number; cols: number } | undefined;
}

export type SavePlan =
  | { kind: 'errors'; errors: IssueView[] }
  | { kind: 'confirm'; questions: IssueView[] }
  | {
      kind: 'write';
      /** "Cấu hình" and "Tiêu chí", written whole. */
      setup: OutputBlock[];
      /** Score sheets whose rows change (none when nothing moves). */
      edits: RowEdits[];
      /** "Điểm tạm tính" laid out for the new tree, written whole (only when it exists). */
      preview?: TemplateSheet;
    };

export interface SaveOptions {
  /** The user answered "Vẫn lưu" to the questions. */
  confirmed?: boolean;
  dateSystem?: DateSystem;
}

/** Plans a save of `setup` over `sheets` (those of SAVE_SHEETS that exist). */
export function planSave(
  sheets: Sheets,
  setup: CampaignSetup,
  options: SaveOptions = {},
): SavePlan {
  const errors = checkSetup(setup).filter((i) => i.severity === 'error');
  if (errors.length > 0) return { kind: 'errors', errors: errors.map(issueView) };

  // the keys, as parsing reads the codes in context ("1.1" under "II" is "II.1.1")
  const oldCodes = criterionKeys(sheets[S.criteria]);
  const edits: RowEdits[] = [];
  const questions: IssueView[] = [];
  for (const name of SCORE_SHEETS) {
    const grid = sheets[name];
    if (!grid) continue;
    const plan = planSheet(name, grid, oldCodes, setup.criteria);
    if (!plan) continue;
    if (plan.lost > 0) {
      questions.push({
        severity: 'warning',
        text: formatMessage(vi.saveSetup.dropScores, {
          sheet: name,
          codes: plan.lostCodes.join(', '),
          count: plan.lost,
        }),
        sheet: name,
      });
    }
    if (plan.edits.deletes.length || plan.edits.inserts.length || plan.edits.cells.length)
      edits.push(plan.edits);
  }

  const setupBlocks = setupSheets(setup, { complete: isCompleteConfig(sheets[S.config]) });
  const after: Record<string, Grid> = { ...sheets };
  for (const b of setupBlocks) after[b.name] = b.rows;
  for (const e of edits) after[e.sheet] = applyRowEdits(sheets[e.sheet] as Grid, e);

  // A nomination whose basis the new quotas would change: asked, never a surprise at "Xếp hạng".
  const dateSystem = options.dateSystem ?? 1900;
  const basisWarnings = (input: Sheets): Map<string, IssueView> => {
    const out = new Map<string, IssueView>();
    const run = runCampaign({ sheets: input, time: '', outputs: false, dateSystem });
    if (!run.ok) return out;
    for (const w of run.warnings) {
      if ((w.key as string) !== NOMINATION_BASIS_CHANGED) continue;
      const view = issueView(w);
      out.set(view.text, view);
    }
    return out;
  };
  if (sheets[S.nominations]) {
    const before = basisWarnings(sheets);
    const would = basisWarnings(after);
    for (const [textOf, view] of would) {
      if (before.has(textOf)) continue;
      questions.push({
        ...view,
        text: formatMessage(vi.saveSetup.nominationBasis, { text: view.text }),
      });
    }
  }

  if (questions.length > 0 && !options.confirmed) return { kind: 'confirm', questions };

  let preview: TemplateSheet | undefined;
  if (sheets[S.preview] && sheets[S.units]) {
    const units = parseUnitsSheet(sheets[S.units], dateSystem).units;
    preview = previewSheet({ ...setup, units });
  }
  return { kind: 'write', setup: setupBlocks, edits, ...(preview ? { preview } : {}) };
}

const isParent = (n: CriterionSpec): boolean => (n.children?.length ?? 0) > 0;

function walk(nodes: readonly CriterionSpec[], out: CriterionSpec[] = []): CriterionSpec[] {
  for (const n of nodes) {
    out.push(n);
    if (n.children) walk(n.children, out);
  }
  return out;
}

type Item = { old: number } | { node: CriterionSpec; values: CellValue[] };

/** One score sheet's row operations, the typed cells they drop and where. */
function planSheet(
  sheet: string,
  grid: Grid,
  oldCodes: ReadonlySet<string>,
  criteria: readonly CriterionSpec[],
): { edits: RowEdits; lost: number; lostCodes: string[] } | undefined {
  const header = grid[0] ?? [];
  const keys = header.map((v) => labelKey(text(v)));
  const codeCol = keys.indexOf(labelKey(H.criterionCode));
  if (codeCol < 0) return undefined;
  const nameCol = keys.indexOf(labelKey(H.criterionName));
  const maxCol = keys.indexOf(labelKey(H.max));
  const fixed = new Set(
    [H.criterionCode, H.criterionName, H.max, H.rule, H.notes[0]].map((h) => labelKey(h)),
  );
  const unitCols = keys.flatMap((k, c) => (k !== '' && !fixed.has(k) ? [c] : []));
  const first = labelKey(text(grid[1]?.[codeCol])) === labelKey(H.appraiser) ? 2 : 1;

  const nodes = walk(criteria);
  // A node's row is found by the code it was loaded with; a setup that carries no origin at all
  // (not edited in the pane) is matched by code.
  const tracked = nodes.some((n) => n.origin !== undefined);
  const byOld = new Map<string, CriterionSpec>();
  for (const n of nodes) {
    const o = tracked ? n.origin : n.code;
    if (o !== undefined && oldCodes.has(o) && !byOld.has(o)) byOld.set(o, n);
  }
  const oldParent = (code: string): boolean => {
    for (const c of oldCodes) if (c.startsWith(`${code}.`)) return true;
    return false;
  };

  const rowOf = new Map<CriterionSpec, number>();
  const dropped: number[] = [];
  const lostCodes: string[] = [];
  let lost = 0;
  let sections = false;
  const typed = (r: number): number => unitCols.filter((c) => text(grid[r]?.[c]) !== '').length;
  for (let r = first; r < grid.length; r++) {
    const code = text(grid[r]?.[codeCol]);
    if (code === '' || !oldCodes.has(code)) continue;
    if (oldParent(code)) sections = true;
    const node = byOld.get(code);
    if (node && rowOf.has(node)) continue; // a repeated row: left for the run to report
    if (!node || (isParent(node) && !oldParent(code))) {
      // a deleted criterion, or a leaf that now has children (its scores would count nowhere)
      dropped.push(r);
      const n = typed(r);
      if (n > 0) {
        lost += n;
        if (!lostCodes.includes(code)) lostCodes.push(code);
      }
      continue;
    }
    rowOf.set(node, r);
  }
  // A row already typed for a criterion that is new in "Tiêu chí" is its row.
  for (let r = first; r < grid.length; r++) {
    const code = text(grid[r]?.[codeCol]);
    if (code === '' || oldCodes.has(code)) continue;
    const node = nodes.find((n) => n.code === code && ![...byOld.values()].includes(n));
    if (node && !rowOf.has(node) && (!isParent(node) || sections)) rowOf.set(node, r);
  }
  if (rowOf.size === 0 && dropped.length === 0) return undefined; // a sheet without criteria rows

  const wanted = nodes.filter((n) => !isParent(n) || sections);
  const kept = wanted.filter((n) => rowOf.has(n));
  const stay = new Set(longestIncreasing(kept, (n) => rowOf.get(n) as number));
  const moved = kept.filter((n) => !stay.has(n));

  const width = Math.max(codeCol, nameCol, maxCol) + 1;
  const fresh = (n: CriterionSpec, from?: readonly CellValue[]): CellValue[] => {
    const row: CellValue[] = from ? [...from] : new Array<CellValue>(width).fill(null);
    row[codeCol] = n.code;
    if (nameCol >= 0) row[nameCol] = n.name;
    if (maxCol >= 0) row[maxCol] = n.max;
    return row.map((v) => (v === undefined ? null : v));
  };

  const removed = new Set([...dropped, ...moved.map((n) => rowOf.get(n) as number)]);
  const list: Item[] = [];
  for (let r = first; r < grid.length; r++) if (!removed.has(r)) list.push({ old: r });
  let cursor = -1;
  for (const n of wanted) {
    if (stay.has(n)) {
      const r = rowOf.get(n) as number;
      cursor = list.findIndex((it) => 'old' in it && it.old === r);
      continue;
    }
    const r = rowOf.get(n);
    list.splice(++cursor, 0, { node: n, values: fresh(n, r === undefined ? undefined : grid[r]) });
  }

  const deletes: RowEdits['deletes'] = [];
  for (const r of [...removed].sort((a, b) => b - a)) {
    const last = deletes[deletes.length - 1];
    if (last && last.row === r + 1) {
      last.row = r;
      last.count++;
    } else deletes.push({ row: r, count: 1 });
  }
  const inserts: RowEdits['inserts'] = [];
  const cells: RowEdits['cells'] = [];
  const leafRows: number[] = [];
  let height = grid.length - removed.size;
  list.forEach((it, i) => {
    const row = first + i;
    if ('old' in it) {
      const node = [...stay].find((n) => rowOf.get(n) === it.old);
      if (!node) return;
      const was = grid[it.old] ?? [];
      const want = fresh(node);
      for (const c of [codeCol, nameCol, maxCol]) {
        if (c < 0) continue;
        const same = c === maxCol ? numberOf(was[c]) === node.max : text(was[c]) === text(want[c]);
        if (!same) cells.push({ row, col: c, value: want[c] });
      }
      return;
    }
    if (!isParent(it.node) && rowOf.get(it.node) === undefined) leafRows.push(row);
    const last = inserts[inserts.length - 1];
    if (last && last.row + last.rows.length === row) last.rows.push(it.values);
    else inserts.push({ row, rows: [it.values], shift: row < height });
    height++;
  });
  const span =
    unitCols.length > 0
      ? { col: unitCols[0], cols: unitCols[unitCols.length - 1] - unitCols[0] + 1 }
      : undefined;
  return {
    edits: { sheet, deletes, inserts, cells, leafRows, unitCols: span },
    lost,
    lostCodes,
  };
}

/** The items of a longest subsequence whose keys increase (patience sorting). */
function longestIncreasing<T>(items: readonly T[], key: (t: T) => number): T[] {
  const tails: number[] = [];
  const prev: number[] = new Array<number>(items.length).fill(-1);
  for (let i = 0; i < items.length; i++) {
    const k = key(items[i]);
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(items[tails[mid]]) < k) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const out: T[] = [];
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) out.push(items[i]);
  return out.reverse();
}

/** A sheet's values after its row operations, as a host that applies them leaves it. */
export function applyRowEdits(grid: Grid, edits: RowEdits): CellValue[][] {
  const rows: CellValue[][] = grid.map((row) => [...row]);
  for (const d of edits.deletes) rows.splice(d.row, d.count);
  for (const ins of edits.inserts) {
    while (rows.length < ins.row) rows.push([]);
    rows.splice(ins.row, 0, ...ins.rows.map((r) => [...r]));
  }
  for (const { row, col, value } of edits.cells) {
    const r = (rows[row] ??= []);
    while (r.length < col) r.push(null);
    r[col] = value;
  }
  return rows;
}
