/**
 * Report layouts for host tests (issue 15): until the core fills OutputBlock.report, the hosts'
 * tests put one on the blocks themselves, built from the block's rows the way the published
 * tables read — a bold row followed by a bold row is a table's title and header, and its data
 * rows run to the next empty row. A block that already has a report keeps it.
 */
import { vi } from '../../shared/i18n/vi';
import type { CellValue } from '../../shared/model/types';
import type { OutputBlock, ReportLayout, TableLayout } from '../../shared/workbook/output';

export const PRINT: ReportLayout['print'] = {
  paper: 'A4',
  orientation: 'landscape',
  fitToWidth: true,
  margins: { top: 20, bottom: 20, left: 30, right: 15 },
  pageNumbers: true,
};

const empty = (row: readonly CellValue[] | undefined): boolean =>
  !row || row.every((v) => v === null || v === undefined || v === '');

/** The tables of a block: title + header (two bold rows in a row), data to the next empty row. */
export function tablesOf(block: Pick<OutputBlock, 'rows' | 'boldRows'>): TableLayout[] {
  const bold = new Set(block.boldRows);
  const tables: TableLayout[] = [];
  for (let r = 0; r < block.rows.length; r++) {
    if (!bold.has(r) || !bold.has(r + 1) || empty(block.rows[r + 1])) continue;
    const header = r + 1;
    let end = header + 1;
    while (end < block.rows.length && !empty(block.rows[end]) && !bold.has(end)) end++;
    const cols = Math.max(1, block.rows[header].length);
    tables.push({ title: r, header, firstRow: header + 1, rows: end - header - 1, col: 0, cols });
    r = end - 1;
  }
  return tables;
}

/** A report for a block without one: its tables, numbers right, text wrapped, A4 landscape. */
export function withReport(block: OutputBlock): OutputBlock {
  if (block.report) return block;
  const tables = tablesOf(block);
  if (tables.length === 0) return block;
  const width = Math.max(1, ...block.rows.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, c) => {
    const sample = tables
      .flatMap((t) => block.rows.slice(t.firstRow, t.firstRow + t.rows))
      .map((row) => row[c])
      .find((v) => v !== null && v !== undefined && v !== '');
    return typeof sample === 'number'
      ? { align: 'right' as const, wrap: false }
      : { align: 'left' as const, wrap: true };
  });
  const first = tables[0];
  return {
    ...block,
    report: {
      font: { name: 'Times New Roman', size: 13 },
      tables,
      columns,
      print: { ...PRINT, repeatRows: { first: first.header, last: first.header } },
    },
  };
}

/**
 * A "Kết quả" block built by hand: per table a title, a "Kèm theo …" line, a header and `n`
 * units (STT, name, index, rank, note), an empty row between tables.
 */
export function handBuilt(units: number[]): OutputBlock {
  const rows: CellValue[][] = [];
  const tables = units.map((n, t) => {
    const title = rows.length;
    rows.push([`KẾT QUẢ XẾP HẠNG — KHỐI ${t + 1}`]);
    rows.push(['Kèm theo Quyết định số …/QĐ-UBND']);
    rows.push(['STT', 'Tên đơn vị', 'Chỉ số (%)', 'Xếp hạng', 'Ghi chú']);
    for (let i = 1; i <= n; i++) rows.push([i, `Đơn vị ${t}.${i}`, 90 - i / 10, i, '']);
    rows.push([]);
    return {
      title,
      subtitle: title + 1,
      header: title + 2,
      firstRow: title + 3,
      rows: n,
      col: 0,
      cols: 5,
    };
  });
  rows.pop();
  return {
    name: vi.workbook.sheets.results,
    rows,
    formats: rows.map((r) => r.map((_, c) => (c === 2 ? '0.00' : undefined))),
    boldRows: tables.flatMap((t) => [t.title, t.header]),
    columnWidths: [5, 40, 10, 8, 30],
    frozenRows: 0,
    report: {
      font: { name: 'Times New Roman', size: 13 },
      tables,
      columns: [
        { align: 'center', wrap: false },
        { align: 'left', wrap: true },
        { align: 'right', wrap: false },
        { align: 'right', wrap: false },
        { align: 'left', wrap: true },
      ],
      print: { ...PRINT, repeatRows: { first: 2, last: 2 } },
    },
  };
}

/** A run's outputs with a hand-built "Kết quả" in the place of the run's own. */
export const handBuiltRun =
  (units: number[]) =>
  (outputs: OutputBlock[]): OutputBlock[] =>
    outputs.map((o) => (o.name === vi.workbook.sheets.results ? handBuilt(units) : o));
