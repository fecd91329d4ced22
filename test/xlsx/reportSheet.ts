/**
 * A hand-built output sheet shaped like "Kết quả" with a report layout (issue 15): a heading,
 * two titled tables (the first with a "Kèm theo …" line), a block summary and its chart, a
 * highlighted cell, and the print set-up.
 */
import type { ReportLayout } from '../../shared/workbook/output';
import type { CellValue, OutputSheet } from '../../xlsx';

export const HEADER = [
  'STT',
  'Mã đơn vị',
  'Tên đơn vị',
  'Tổng điểm',
  'Chỉ số (%)',
  'Xếp hạng',
  'Ghi chú',
];
const NUMBERS = [undefined, undefined, undefined, '0.00', '0.00', '0', undefined];

function units(prefix: string, count: number, seed: number): CellValue[][] {
  return Array.from({ length: count }, (_, i) => {
    const index = Math.round((95 - i * 1.7 - seed) * 100) / 100;
    return [
      i + 1,
      `${prefix}${String(i + 1).padStart(2, '0')}`,
      `${prefix === 'S' ? 'Sở' : 'UBND huyện'} số ${i + 1} có tên khá dài để xuống dòng trong ô`,
      Math.round(index * 0.9 * 100) / 100,
      index,
      i + 1,
      i === 2 ? 'Đồng hạng, Hội đồng quyết định' : null,
    ];
  });
}

export interface ReportSheetOptions {
  name?: string;
  units?: number;
  chart?: boolean;
  repeat?: boolean;
}

/** The sheet, and where its tables are. */
export function reportSheet(options: ReportSheetOptions = {}): OutputSheet {
  const n = options.units ?? 6;
  const rows: CellValue[][] = [];
  const formats: (string | undefined)[][] = [];
  const boldRows: number[] = [];
  const push = (row: CellValue[], fmts: (string | undefined)[] = []): number => {
    rows.push(row);
    formats.push(fmts);
    return rows.length - 1;
  };
  push(['KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2018']);
  boldRows.push(0);
  const tables: ReportLayout['tables'] = [];
  for (const [i, [title, prefix]] of [
    ['KẾT QUẢ XẾP HẠNG NĂM 2018 — KHỐI SỞ, BAN, NGÀNH', 'S'],
    ['KẾT QUẢ XẾP HẠNG NĂM 2018 — KHỐI UBND CẤP HUYỆN', 'H'],
  ].entries()) {
    push([]);
    const t = push([title]);
    const subtitle =
      i === 0
        ? push(['Kèm theo Quyết định số 123/QĐ-UBND ngày 01/02/2019 của Chủ tịch UBND tỉnh'])
        : undefined;
    const header = push(HEADER);
    let first = -1;
    for (const line of units(prefix, n, i * 3)) {
      const r = push(line, NUMBERS);
      if (first < 0) first = r;
    }
    tables.push({
      title: t,
      ...(subtitle !== undefined ? { subtitle } : {}),
      header,
      firstRow: first,
      rows: n,
      col: 0,
      cols: HEADER.length,
    });
  }
  push([]);
  push(['Chỉ số theo khối']);
  const top = push(['Khối', 'Cao nhất', 'Trung bình', 'Thấp nhất', 'Số đơn vị']);
  push(['Khối sở, ban, ngành', 95, 90.75, 86.5, n], [undefined, '0.00', '0.00', '0.00', '0']);
  push(['Khối UBND cấp huyện', 92, 87.75, 83.5, n], [undefined, '0.00', '0.00', '0.00', '0']);
  const report: ReportLayout = {
    font: { name: 'Times New Roman', size: 13 },
    tables,
    columns: [
      { align: 'center', wrap: false },
      { align: 'center', wrap: false },
      { align: 'left', wrap: true },
      { align: 'right', wrap: false },
      { align: 'right', wrap: false },
      { align: 'center', wrap: false },
      { align: 'left', wrap: true },
    ],
    print: {
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: true,
      ...(options.repeat === false
        ? {}
        : { repeatRows: { first: tables[0].header, last: tables[0].header } }),
      margins: { top: 20, bottom: 20, left: 30, right: 15 },
      pageNumbers: true,
    },
  };
  return {
    name: options.name ?? 'Kết quả',
    rows,
    formats,
    boldRows,
    columnWidths: [6, 10, 40, 10, 10, 9, 24],
    frozenRows: 1,
    highlights: [{ row: tables[0].firstRow + 2, col: 5 }],
    report,
    ...(options.chart === false
      ? {}
      : {
          chart: { title: 'Chỉ số theo khối (%)', range: { row: top, col: 0, rows: 3, cols: 4 } },
        }),
  };
}
