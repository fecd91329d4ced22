/**
 * Results → the output sheets, as 2-D values with formats, ready for any host to write in one
 * batch: "Kết quả" (one titled table per block, in report column order, and the block summary),
 * "Đề nghị khen thưởng" (one titled table) — both with their report layout (font, tables,
 * column alignment, print set-up) — and "Nhật ký" (the previous log rows plus one row for this
 * run). Outputs never hold formulas.
 */
import type { Evaluation } from '../evaluate';
import { formatMessage, vi } from '../i18n/vi';
import { formatIssue } from '../model/issues';
import type { CampaignSpec, CellValue } from '../model/types';
import type { ReportTable } from '../report/reportTable';
import { proposalsReportTable, resultReportTables } from '../report/tables';
import type { Grid } from './grid';
import type {
  ChartSpec,
  ColumnLayout,
  OutputBlock,
  ReportFont,
  ReportLayout,
  TableLayout,
} from './output';
import { renderHistory, renderSnapshot } from './history';
import { renderReconciliation } from './reconciliation';

type Ok = Extract<Evaluation, { ok: true }>;

/** Excel refuses more than 32,767 characters in a cell. */
const CELL_LIMIT = 32_000;

/**
 * Print margins of the output sheets, in millimetres. Nghị định 30/2020/NĐ-CP (Phụ lục I) sets
 * for a portrait page: top and bottom 20–25, left (the binding edge) 30–35, right 15–20. A
 * landscape appendix is bound with portrait pages along its top edge, so the binding margin goes
 * on top (30) and the right one at the bottom (20, room for the page number); the sides take
 * the decree's top/bottom range at its low end (20), which leaves the table the most width.
 */
export const REPORT_MARGINS = { top: 30, bottom: 20, left: 20, right: 20 } as const;

/**
 * Tables stacked down a sheet, a blank row between two: title (bold), the subtitle when there is
 * one, header (bold), data rows with their number formats. Returns where each landed.
 */
export function stackTables(tables: readonly ReportTable[]): {
  rows: CellValue[][];
  formats: (string | undefined)[][];
  boldRows: number[];
  layouts: TableLayout[];
  highlights: { row: number; col: number }[];
} {
  const rows: CellValue[][] = [];
  const formats: (string | undefined)[][] = [];
  const boldRows: number[] = [];
  const layouts: TableLayout[] = [];
  const highlights: { row: number; col: number }[] = [];
  tables.forEach((t, i) => {
    if (i > 0) {
      rows.push([]);
      formats.push([]);
    }
    const title = rows.length;
    boldRows.push(title);
    rows.push([t.title]);
    formats.push([]);
    let subtitle: number | undefined;
    if (t.subtitle) {
      subtitle = rows.length;
      rows.push([t.subtitle]);
      formats.push([]);
    }
    const header = rows.length;
    boldRows.push(header);
    rows.push([...t.header]);
    formats.push([]);
    const cellFormats = t.formats.map((f) => (f === '@' ? undefined : f));
    for (const row of t.rows) {
      rows.push(row);
      formats.push(cellFormats);
    }
    for (const h of t.highlights ?? []) highlights.push({ row: header + 1 + h.row, col: h.col });
    layouts.push({
      title,
      ...(subtitle !== undefined ? { subtitle } : {}),
      header,
      firstRow: header + 1,
      rows: t.rows.length,
      col: 0,
      cols: t.header.length,
    });
  });
  return { rows, formats, boldRows, layouts, highlights };
}

/**
 * The sheet-wide layout of stacked tables: one column layout per column (the first table that
 * has the column says how it aligns; the tables line up, STT/codes/names/numbers) and each
 * column as wide as its widest table needs.
 */
export function sheetColumns(tables: readonly ReportTable[]): {
  columns: ColumnLayout[];
  widths: number[];
} {
  const columns: ColumnLayout[] = [];
  const widths: number[] = [];
  for (const t of tables) {
    t.columns.forEach((c, i) => {
      columns[i] ??= { align: c.align, wrap: c.wrap };
      widths[i] = Math.max(widths[i] ?? 0, c.width);
    });
  }
  return { columns, widths };
}

/** The report layout of a sheet of stacked tables (see ReportLayout), in the report font. */
export function reportLayout(
  font: ReportFont,
  tables: readonly ReportTable[],
  layouts: TableLayout[],
  columns: ColumnLayout[],
): ReportLayout {
  const first = layouts[0];
  return {
    font: { ...font },
    tables: layouts,
    columns,
    print: {
      paper: 'A4',
      // The tables are wide (a column per field and component): landscape, fitted to one page
      // wide, as many pages tall as the units take.
      orientation: 'landscape',
      fitToWidth: true,
      // Print titles are one band of rows per sheet: the first table's header row. Every block
      // table has the same columns, so that header labels the columns of every printed page
      // (the summary table under the blocks prints its own header right under it).
      ...(first && tables[0] ? { repeatRows: { first: first.header, last: first.header } } : {}),
      margins: { ...REPORT_MARGINS },
      pageNumbers: true,
    },
  };
}

/** The frozen rows of a sheet of tables: down to the first table's header, included. */
export function frozenTo(layouts: readonly TableLayout[]): number {
  return layouts.length ? layouts[0].header + 1 : 0;
}

/**
 * "Kết quả": the block tables (title, "Kèm theo …" line, header, units), then the summary of the
 * index per block, which the chart draws (its block name, highest, average and lowest columns).
 */
export function renderResults(evaluation: Ok): OutputBlock {
  const { blocks, summary } = resultReportTables(evaluation);
  const tables = summary ? [...blocks, summary] : blocks;
  const { rows, formats, boldRows, layouts, highlights } = stackTables(tables);
  const { columns, widths: columnWidths } = sheetColumns(tables);
  let chart: ChartSpec | undefined;
  if (summary) {
    const at = layouts[layouts.length - 1];
    // block name (category), highest, average, lowest: columns 2..5 of the summary table
    chart = {
      title: vi.report.chartTitle,
      range: { row: at.header, col: SUMMARY_CHART_COL, rows: at.rows + 1, cols: 4 },
    };
  }
  return {
    name: vi.workbook.sheets.results,
    rows,
    formats,
    boldRows,
    columnWidths,
    frozenRows: frozenTo(layouts),
    ...(chart ? { chart } : {}),
    ...(highlights.length ? { highlights } : {}),
    report: reportLayout(evaluation.campaign.settings.reportFont, tables, layouts, columns),
  };
}

/** The summary table's block name column, the chart's categories. */
const SUMMARY_CHART_COL = 2;

/** "Đề nghị khen thưởng": one titled table. */
export function renderProposals(evaluation: Ok, spec: CampaignSpec): OutputBlock {
  const table = proposalsReportTable(evaluation, spec);
  const { rows, formats, boldRows, layouts } = stackTables([table]);
  const { columns, widths: columnWidths } = sheetColumns([table]);
  return {
    name: vi.workbook.sheets.proposals,
    rows,
    formats,
    boldRows,
    columnWidths,
    frozenRows: frozenTo(layouts),
    report: reportLayout(evaluation.campaign.settings.reportFont, [table], layouts, columns),
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
