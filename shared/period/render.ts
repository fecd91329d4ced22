/**
 * The period's output sheets, laid out as the yearly "Kết quả" is (shared/workbook/render.ts):
 * "Kết quả giai đoạn", one titled table per block ("KẾT QUẢ … GIAI ĐOẠN 2021–2025 — KHỐI …")
 * with each year's index and band beside the period's mean, rank and note; and, when period
 * awards are set, "Đề nghị khen thưởng giai đoạn". Cells hold the printed numbers.
 */
import { formatMessage, vi } from '../i18n/vi';
import { DEFAULT_SETTINGS } from '../model/settings';
import type { CellValue } from '../model/types';
import { fromMicro } from '../numbers/points';
import type { ReportTable } from '../report/reportTable';
import { pointsFormat, tableColumns, upper, type ColumnKind } from '../report/resultTable';
import type { OutputBlock } from '../workbook/output';
import { frozenTo, reportLayout, sheetColumns, stackTables } from '../workbook/render';
import type { PeriodResult } from './period';

const P = vi.period;
const H = P.header;

/** The block tables of "Kết quả giai đoạn". */
export function periodTables(result: PeriodResult): ReportTable[] {
  const num = pointsFormat(result.settings.decimals);
  const label = result.settings.excellentLabels.join('/');
  const header = [
    H.stt,
    H.unitCode,
    H.unitName,
    ...result.years.flatMap((year) => [
      formatMessage(H.yearIndex, { year }),
      formatMessage(H.yearClass, { year }),
    ]),
    H.years,
    H.mean,
    H.rank,
    formatMessage(H.excellent, { label }),
    H.note,
  ];
  const formats = [
    '0',
    '@',
    '@',
    ...result.years.flatMap(() => [num, '@']),
    '0',
    num,
    '0',
    '0',
    '@',
  ];
  const kinds: ColumnKind[] = [
    'center',
    'center',
    'text',
    ...result.years.flatMap((): ColumnKind[] => ['number', 'center']),
    'center',
    'number',
    'center',
    'center',
    'text',
  ];
  return result.blocks.map((block) => {
    const rows: CellValue[][] = block.units.map((u, i) => [
      i + 1,
      u.code,
      u.name,
      ...u.indices.flatMap((v, y) => [
        typeof v === 'number' ? fromMicro(v) : null,
        u.classifications[y] || null,
      ]),
      u.years,
      u.mean === null ? null : fromMicro(u.mean),
      u.rank,
      u.excellentYears,
      u.notes.join('. '),
    ]);
    const NOTE = header.length - 1;
    const RANK = header.length - 3;
    const highlights: { row: number; col: number }[] = [];
    block.units.forEach((u, row) => {
      const from = u.award !== null ? 0 : u.tied ? RANK : -1;
      if (from >= 0) for (let col = from; col <= NOTE; col++) highlights.push({ row, col });
    });
    return {
      title: upper(formatMessage(P.resultTitle, { span: result.span, block: block.name })),
      header,
      rows,
      formats,
      columns: tableColumns(header, rows, formats, kinds),
      ...(highlights.length ? { highlights } : {}),
    };
  });
}

/** The period proposals as one table, or undefined without period awards. */
export function periodProposalsTable(result: PeriodResult): ReportTable | undefined {
  if (result.settings.awards.length === 0) return undefined;
  const num = pointsFormat(result.settings.decimals);
  const header = [H.stt, H.award, H.unitCode, H.unitName, H.block, H.mean, H.rank, H.note];
  const rows: CellValue[][] = result.proposals.map((p, i) => [
    i + 1,
    p.award,
    p.unit.code,
    p.unit.name,
    p.block,
    p.unit.mean === null ? null : fromMicro(p.unit.mean),
    p.unit.rank,
    p.unit.notes.join('. '),
  ]);
  const formats = ['0', '@', '@', '@', '@', num, '0', '@'];
  const kinds: ColumnKind[] = [
    'center',
    'text',
    'center',
    'text',
    'text',
    'number',
    'center',
    'text',
  ];
  return {
    title: upper(formatMessage(P.proposalsTitle, { span: result.span })),
    header,
    rows,
    formats,
    columns: tableColumns(header, rows, formats, kinds),
  };
}

function block(name: string, tables: ReportTable[]): OutputBlock {
  const { rows, formats, boldRows, layouts, highlights } = stackTables(tables);
  const { columns, widths } = sheetColumns(tables);
  return {
    name,
    rows,
    formats,
    boldRows,
    columnWidths: widths,
    frozenRows: frozenTo(layouts),
    ...(highlights.length ? { highlights } : {}),
    report: reportLayout(DEFAULT_SETTINGS.reportFont, tables, layouts, columns),
  };
}

/** The period workbook's sheets: "Kết quả giai đoạn" and, with awards, the proposals. */
export function renderPeriod(result: PeriodResult): OutputBlock[] {
  const out = [block(P.sheets.results, periodTables(result))];
  const proposals = periodProposalsTable(result);
  if (proposals) out.push(block(P.sheets.proposals, [proposals]));
  return out;
}
