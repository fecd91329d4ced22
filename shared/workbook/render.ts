/**
 * Results → the output sheets, as 2-D values with formats, ready for any host to write in one
 * batch: "Kết quả" (one table per block, in report column order), "Đề nghị khen thưởng" and
 * "Nhật ký" (the previous log rows plus one row for this run). Outputs never hold formulas.
 */
import type { Evaluation } from '../evaluate';
import { formatMessage, vi } from '../i18n/vi';
import { formatIssue } from '../model/issues';
import type { CampaignSpec, CellValue } from '../model/types';
import { awardTable } from '../report/awardTable';
import { resultTables } from '../report/resultTable';
import type { Grid } from './grid';
import type { ChartSpec, OutputBlock } from './output';
import { divRound, fromMicro, rounder } from '../numbers/points';
import { renderHistory, renderSnapshot } from './history';
import { renderReconciliation } from './reconciliation';

type Ok = Extract<Evaluation, { ok: true }>;

/** Excel refuses more than 32,767 characters in a cell. */
const CELL_LIMIT = 32_000;

function widths(rows: CellValue[][], min = 6, max = 60): number[] {
  const out: number[] = [];
  // The first rows tell the widths well enough; a 5,000-unit table need not be measured whole.
  for (const row of rows.length > 400 ? rows.slice(0, 400) : rows) {
    row.forEach((v, c) => {
      const len = v === null || v === undefined ? 0 : [...String(v)].length;
      out[c] = Math.min(max, Math.max(out[c] ?? min, len + 2));
    });
  }
  return out;
}

export function renderResults(evaluation: Ok): OutputBlock {
  const rows: CellValue[][] = [];
  const formats: (string | undefined)[][] = [];
  const boldRows: number[] = [];
  const c = evaluation.campaign;
  rows.push([formatMessage(vi.report.title, { name: c.name, year: c.year })]);
  formats.push([]);
  boldRows.push(0);
  for (const table of resultTables(evaluation)) {
    rows.push([]);
    formats.push([]);
    boldRows.push(rows.length);
    rows.push([table.title]);
    formats.push([]);
    boldRows.push(rows.length);
    rows.push(table.header);
    formats.push([]);
    for (const row of table.rows) {
      rows.push(row);
      formats.push(table.formats.map((f) => (f === '@' ? undefined : f)));
    }
  }
  const columnWidths = widths(rows.slice(1));
  const chart = blockSummary(evaluation, rows, formats, boldRows);
  return {
    name: vi.workbook.sheets.results,
    rows,
    formats,
    boldRows,
    columnWidths,
    frozenRows: 1,
    ...(chart ? { chart } : {}),
  };
}

/**
 * The index per block (units with an index: count, highest, average, lowest), appended below
 * the block tables; the chart of "Kết quả" draws it. The average is of the printed indices,
 * rounded by the same rule as every printed number.
 */
function blockSummary(
  evaluation: Ok,
  rows: CellValue[][],
  formats: (string | undefined)[][],
  boldRows: number[],
): ChartSpec | undefined {
  const r = vi.report;
  const d = evaluation.campaign.settings.decimals;
  const round = rounder(d);
  const num = d === 0 ? '0' : '0.' + '0'.repeat(d);
  const lines: CellValue[][] = [];
  for (const block of evaluation.blocks) {
    const indices = block.units.map((u) => u.printed.index).filter((v): v is number => v !== null);
    if (indices.length === 0) continue;
    let sum = 0;
    let high = -Infinity;
    let low = Infinity;
    for (const v of indices) {
      sum += v; // micro-points: integers, exact
      if (v > high) high = v;
      if (v < low) low = v;
    }
    lines.push([
      block.name,
      fromMicro(high),
      fromMicro(round(divRound(sum, indices.length))),
      fromMicro(low),
      indices.length,
    ]);
  }
  if (lines.length === 0) return undefined;
  rows.push([]);
  formats.push([]);
  boldRows.push(rows.length);
  rows.push([r.blockSummary]);
  formats.push([]);
  const top = rows.length;
  boldRows.push(top);
  rows.push([r.block, r.highest, r.average, r.lowest, r.unitCount]);
  formats.push([]);
  for (const line of lines) {
    rows.push(line);
    formats.push([undefined, num, num, num, '0']);
  }
  return { title: r.chartTitle, range: { row: top, col: 0, rows: lines.length + 1, cols: 4 } };
}

export function renderProposals(evaluation: Ok, spec: CampaignSpec): OutputBlock {
  const table = awardTable(evaluation, spec);
  const rows: CellValue[][] = [table.header, ...table.rows];
  const formats = [
    [],
    ...table.rows.map(() => table.formats.map((f) => (f === '@' ? undefined : f))),
  ];
  return {
    name: vi.workbook.sheets.proposals,
    rows,
    formats,
    boldRows: [0],
    columnWidths: widths(rows),
    frozenRows: 1,
  };
}

/** One line of the settings a run used, for the log. */
export function settingsSummary(evaluation: Ok): string {
  const s = evaluation.campaign.settings;
  const C = vi.workbook.choices;
  const L = vi.labels.summary;
  return [
    formatMessage(L.decimals, { decimals: s.decimals }),
    C.scoreSource[s.scoreSource],
    formatMessage(L.na, { policy: C.naPolicy[s.naPolicy] }),
    formatMessage(L.rankBy, { by: C.rankBy[s.rankBy] }),
    formatMessage(L.method, { method: C.method[s.ranking.method] }),
  ].join('; ');
}

export interface RunInfo {
  /** ISO time of the run, supplied by the host (the core has no clock). */
  time: string;
  /** Checksum of the input values (see inputHash). */
  hash: string;
}

export function renderLog(previous: Grid | undefined, evaluation: Ok, run: RunInfo): OutputBlock {
  const warnings = evaluation.warnings.map(formatIssue).join('\n');
  return appendLog(previous, [
    run.time,
    run.hash,
    settingsSummary(evaluation),
    evaluation.units.length,
    evaluation.awards?.allocation.proposals.length ?? 0,
    evaluation.warnings.length,
    warnings,
  ]);
}

/**
 * "Nhật ký": the previous rows (blank ones dropped) and one more — of a run, or of another
 * action such as merging forms. The last cell (notes) is cut to what a cell can hold.
 */
export function appendLog(previous: Grid | undefined, row: CellValue[]): OutputBlock {
  const h = vi.workbook.headers;
  const header = [
    h.logTime,
    h.logHash,
    h.logSettings,
    h.logUnits,
    h.logProposals,
    h.logWarnings,
    h.logNotes,
  ];
  const kept = (previous ?? []).slice(1).filter((r) => r && r.some((v) => v !== null && v !== ''));
  const last = [...row];
  const notes = last[6];
  if (typeof notes === 'string' && notes.length > CELL_LIMIT)
    last[6] = notes.slice(0, CELL_LIMIT) + '…';
  const rows: CellValue[][] = [header, ...kept.map((r) => [...r]), last];
  return {
    name: vi.workbook.sheets.log,
    rows,
    formats: rows.map(() => []),
    boldRows: [0],
    columnWidths: [20, 18, 60, 10, 12, 10, 80],
    frozenRows: 1,
  };
}

/**
 * Every output sheet of one run, in the order they are written. "Đối chiếu" comes when a cell
 * was appraised, "Lịch sử thẩm định" when a cell was appraised or a previous history exists
 * (`previousHistory`, read back like the previous log), "Lưu vết thẩm định" (the appraised
 * cells as this run saw them, what the next run compares with) along with it.
 */
export function renderOutputs(
  evaluation: Ok,
  spec: CampaignSpec,
  previousLog: Grid | undefined,
  run: RunInfo,
  previousHistory?: Grid,
  previousSnapshot?: Grid,
): OutputBlock[] {
  const blocks = [renderResults(evaluation)];
  if (evaluation.awards) blocks.push(renderProposals(evaluation, spec));
  const reconciliation = renderReconciliation(evaluation, spec);
  if (reconciliation) blocks.push(reconciliation);
  const history = renderHistory(spec, previousHistory, run.time, previousSnapshot);
  if (history) blocks.push(history);
  const snapshot = renderSnapshot(spec, previousSnapshot);
  if (snapshot) blocks.push(snapshot);
  blocks.push(renderLog(previousLog, evaluation, run));
  return blocks;
}

/**
 * A checksum of input sheet values (two 32-bit FNV-1a lanes, hex), so the log shows whether
 * two runs saw the same data. Not a security measure.
 */
export function inputHash(sheets: Readonly<Record<string, Grid>>): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const word = (w: number): void => {
    a = Math.imul(a ^ w, 0x01000193);
    b = Math.imul(b ^ w, 0x01000193) ^ (b >>> 15);
  };
  const str = (s: string): void => {
    for (let i = 0; i < s.length; i++) word(s.charCodeAt(i));
  };
  // Numbers are hashed by their 64 bits, without making a string of every cell.
  const f64 = new Float64Array(1);
  const u32 = new Uint32Array(f64.buffer);
  for (const name of Object.keys(sheets).sort()) {
    word(1);
    str(name);
    for (const row of sheets[name]) {
      word(2);
      const cells = row ?? [];
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c];
        // Empty cells are skipped; the column of each filled one keeps positions apart.
        if (v === null || v === undefined || v === '') continue;
        word(c);
        if (typeof v === 'number') {
          f64[0] = v;
          word(3);
          word(u32[0]);
          word(u32[1]);
        } else if (typeof v === 'string') {
          word(4);
          str(v);
        } else word(v ? 5 : 6);
      }
    }
  }
  const hex = (x: number): string => (x >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}

/** The highlight fill of every host (light orange, as the CLI writes it). */
export const HIGHLIGHT_FILL = '#FFF4CE';

/**
 * Highlighted cells as runs along rows ("D5:F5"), so hosts set one fill per run instead of one
 * per cell. 0-based rows and columns; sorted, each cell in exactly one run.
 */
export function highlightRuns(
  cells: readonly { row: number; col: number }[],
): { row: number; col: number; cols: number }[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: { row: number; col: number; cols: number }[] = [];
  for (const { row, col } of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === row && last.col + last.cols === col) last.cols++;
    else if (!(last && last.row === row && col < last.col + last.cols))
      runs.push({ row, col, cols: 1 });
  }
  return runs;
}
