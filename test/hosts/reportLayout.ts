/**
 * Report layouts for host tests (issue 15): until the core fills OutputBlock.report, the hosts'
 * tests put one on the blocks themselves, built from the block's rows the way the published
 * tables read — a bold row followed by a bold row is a table's title and header, and its data
 * rows run to the next empty row. A block that already has a report keeps it.
 */
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
