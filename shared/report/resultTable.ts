/**
 * Renders ranked results as the report's table, one per block, in the official column order:
 * STT, unit code, unit, self score, appraised score, field subtotals, components, total, index,
 * rank, class, note; and the block summary (index per block) printed under them. Cells hold
 * numbers (the printed, rounded values); `formats` says how to show them. Hosts write these
 * arrays as they are; the Word appendix prints the same tables (shared/report/tables.ts).
 */
import type { BlockResult, Evaluation, UnitResult } from '../evaluate';
import { awardNotes } from '../awards/proposals';
import { formatMessage, vi } from '../i18n/vi';
import type { CellValue, PreviousValue } from '../model/types';
import { divRound, fromMicro, rounder } from '../numbers/points';
import type { DocumentColumn } from './reportTable';
import { tieBreakText } from './tieBreakText';

export interface ResultTable {
  blockId: string;
  /** As published, upper case: "KẾT QUẢ XẾP HẠNG CHỈ SỐ … NĂM 2018 — KHỐI SỞ, BAN, NGÀNH". */
  title: string;
  header: string[];
  rows: CellValue[][];
  /** One number format per column ("0.00", "0", "@"). */
  formats: string[];
  /** One per column: alignment, wrapping and width (characters) of the data cells. */
  columns: DocumentColumn[];
  /**
   * Cells to highlight (0-based inside `rows`): the row of a unit proposed for an award, the
   * rank, class and note of a tied unit. The fill is light; the note says why in words.
   */
  highlights: { row: number; col: number }[];
}

/** Upper case as titles are published ("KHỐI SỞ, BAN, NGÀNH"), Vietnamese letters included. */
export function upper(text: string): string {
  return text.toLocaleUpperCase('vi');
}

/** The number format of printed points with `decimals` decimals ("0.00"). */
export function pointsFormat(decimals: number): string {
  return decimals === 0 ? '0' : '0.' + '0'.repeat(decimals);
}

const MIN_WIDTH = 4;
/** Wrapped columns (names, notes) stop growing here and wrap instead. */
const WRAP_WIDTH = 30;
/** Columns that do not wrap (numbers, codes) stop here. */
const CELL_WIDTH = 16;

/**
 * Column widths in characters, sized to the content: the data (the first 400 rows tell it well
 * enough) and the header, which wraps — its longest word, and a third of its length so that a
 * long field name takes at most about three lines. STT stays narrow ("STT", two digits).
 */
export function contentWidths(
  header: readonly CellValue[],
  rows: readonly CellValue[][],
  wrap: readonly boolean[],
  formats: readonly string[] = [],
): number[] {
  const len = (v: CellValue | undefined): number =>
    v === null || v === undefined ? 0 : [...String(v)].length;
  return header.map((h, c) => {
    let data = 0;
    for (const row of rows.length > 400 ? rows.slice(0, 400) : rows) {
      const v = row[c];
      // a number prints with the column's decimals ("96.5" shows as "96.50")
      const shown =
        typeof v === 'number' && /^0\.0+$/.test(formats[c] ?? '')
          ? v.toFixed((formats[c] ?? '').length - 2)
          : v;
      data = Math.max(data, len(shown));
    }
    const words = String(h ?? '').split(/\s+/);
    const headerWidth = Math.max(...words.map((w) => [...w].length), Math.ceil(len(h) / 3));
    const cap = wrap[c] ? WRAP_WIDTH : CELL_WIDTH;
    return Math.max(MIN_WIDTH, Math.min(cap, Math.max(data, headerWidth) + 2));
  });
}

/** The document columns of a table: alignment and wrapping given, widths from the content. */
export function tableColumns(
  header: readonly CellValue[],
  rows: readonly CellValue[][],
  formats: readonly string[],
  kinds: readonly ColumnKind[],
): DocumentColumn[] {
  const wrap = kinds.map((k) => k === 'text');
  const widths = contentWidths(header, rows, wrap, formats);
  return kinds.map((k, c) => ({
    align: k === 'number' ? 'right' : k === 'center' ? 'center' : 'left',
    wrap: k === 'text',
    width: widths[c],
  }));
}

/** number: right-aligned; center: STT, codes, ranks, classes; text: names and notes, wrapped. */
export type ColumnKind = 'number' | 'center' | 'text';

type Ok = Extract<Evaluation, { ok: true }>;

export function resultTables(evaluation: Ok): ResultTable[] {
  const { campaign } = evaluation;
  const r = vi.report;
  const P = vi.previousYear;
  const d = campaign.settings.decimals;
  const round = rounder(d);
  const num = pointsFormat(d);
  // Last year's columns, only when "Kết quả năm trước" was read (issue 17).
  const previous = evaluation.previousYear;
  const header = [
    r.stt,
    vi.reportLayout.unitCode,
    r.unitName,
    r.self,
    r.appraised,
    ...campaign.fields.map((f) => `${f.code}. ${f.name}`),
    ...campaign.components.map((k) => k.name),
    r.total,
    ...(previous ? [P.columns.previousIndex] : []),
    r.index,
    ...(previous ? [P.columns.change] : []),
    r.rank,
    ...(previous ? [P.columns.rankChange] : []),
    r.classification,
    r.note,
  ];
  const formats = [
    '0',
    '@',
    '@',
    num,
    num,
    ...campaign.fields.map(() => num),
    ...campaign.components.map(() => num),
    num,
    ...(previous ? [num] : []),
    num,
    // "Tăng/giảm" with its sign, as published tables print it: +3,25 / -1,50 / 0,00
    ...(previous ? [`+${num};-${num};${num}`] : []),
    '0',
    ...(previous ? ['@'] : []),
    '@',
    '@',
  ];
  const kinds: ColumnKind[] = formats.map((f, c): ColumnKind =>
    c === 2 || c === formats.length - 1
      ? 'text'
      : c < 2 || header[c] === r.rank || header[c] === r.classification || f === '@'
        ? 'center'
        : 'number',
  );
  const RANK = header.indexOf(r.rank);
  const NOTE = header.length - 1;
  const unitIndex = new Map(evaluation.units.map((u, i) => [u, i]));
  const notes = evaluation.awards ? awardNotes(evaluation.awards, campaign) : undefined;
  // Units level on the printed value yet ranked apart: the tie-break keys decided, and the
  // report says so (a council reading two equal indexes with different ranks asks why).
  const { rankBy, ranking } = campaign.settings;
  const valueOf = (u: UnitResult): number | null =>
    rankBy === 'index' ? u.printed.index : u.printed.total;
  const brokenNote = formatMessage(r.tieBrokenNote, {
    value: vi.workbook.choices.rankBy[rankBy].toLocaleLowerCase('vi'),
    keys: tieBreakText(ranking.tieBreak),
  });
  const noteOf = (u: UnitResult, level: ReadonlyMap<number | null, number>): string => {
    const parts: string[] = [];
    if (u.printed.index === null) parts.push(vi.labels.noIndex);
    else if (u.tiedInBlock) parts.push(r.tiedNote);
    else if ((level.get(valueOf(u)) ?? 0) > 1) parts.push(brokenNote);
    const index = unitIndex.get(u) ?? -1;
    const award = notes?.[index];
    if (award) parts.push(award);
    else if (!notes && evaluation.unscored[index]) parts.push(vi.review.noScoresNote);
    return parts.join('. ');
  };
  const proposed = (u: UnitResult): boolean =>
    (evaluation.awards?.allocation.awardOf[unitIndex.get(u) ?? -1] ?? null) !== null;
  return evaluation.blocks.map((block: BlockResult) => {
    const level = new Map<number | null, number>();
    for (const u of block.units) level.set(valueOf(u), (level.get(valueOf(u)) ?? 0) + 1);
    const rows = block.units.map((u, i) => [
      i + 1,
      u.id,
      u.name,
      fromMicro(u.printed.self),
      fromMicro(u.printed.appraised),
      ...u.fields.map((v) => fromMicro(round(v))),
      ...u.components.map((v) => fromMicro(round(v))),
      fromMicro(u.printed.total),
      ...(previous ? [previousIndexCell(previous[u.id])] : []),
      u.printed.index === null ? null : fromMicro(u.printed.index),
      ...(previous ? [changeCell(u, previous[u.id], round)] : []),
      u.rankInBlock,
      ...(previous ? [rankChangeCell(u, previous[u.id])] : []),
      u.classification,
      noteOf(u, level),
    ]);
    // One run of cells per row, so that hosts fill it in one call: a proposed unit's whole row,
    // a tied unit's rank, class and note.
    const highlights: { row: number; col: number }[] = [];
    block.units.forEach((u, row) => {
      const from = proposed(u) ? 0 : u.printed.index !== null && u.tiedInBlock ? RANK : -1;
      if (from < 0) return;
      for (let col = from; col <= NOTE; col++) highlights.push({ row, col });
    });
    return {
      blockId: block.id,
      title: upper(
        formatMessage(vi.reportLayout.resultTitle, { year: campaign.year, block: block.name }),
      ),
      header,
      formats,
      rows,
      columns: tableColumns(header, rows, formats, kinds),
      highlights,
    };
  });
}

/** "Chỉ số năm trước": last year's index as this year prints it; blank when none. */
function previousIndexCell(p: PreviousValue | undefined): CellValue {
  return p?.index === null || p?.index === undefined ? null : fromMicro(p.index);
}

/**
 * "Tăng/giảm": this year's printed index minus last year's (both in micro-points, exact),
 * rounded by the one rounding rule; blank when either year has none.
 */
function changeCell(
  u: UnitResult,
  p: PreviousValue | undefined,
  round: (m: number) => number,
): CellValue {
  if (u.printed.index === null || p?.index === null || p?.index === undefined) return null;
  return fromMicro(round(u.printed.index - p.index));
}

/**
 * "Thay đổi thứ hạng": last year's rank minus this year's in the block ("↑3" up three places,
 * "↓2", "="); "mới" when there is no comparable rank (no predecessor, a merged unit, a unit in
 * another block last year); blank when the unit has no rank this year.
 */
function rankChangeCell(u: UnitResult, p: PreviousValue | undefined): CellValue {
  const P = vi.previousYear;
  if (u.rankInBlock === null) return null;
  if (!p || p.rank === null) return P.rankNew;
  const n = p.rank - u.rankInBlock;
  if (n === 0) return P.rankSame;
  return formatMessage(n > 0 ? P.rankUp : P.rankDown, { n: Math.abs(n) });
}

/**
 * The index per block (units with an index: highest, average, lowest, count), printed under the
 * block tables; the chart of "Kết quả" draws its block, highest, average and lowest columns. The
 * average is of the printed indices, rounded by the same rule as every printed number. Its
 * columns line up with the block tables' (STT, code, name, then numbers). Undefined when no
 * unit has an index.
 */
export function summaryTable(evaluation: Ok): Omit<ResultTable, 'blockId'> | undefined {
  const r = vi.report;
  const { campaign } = evaluation;
  const d = campaign.settings.decimals;
  const round = rounder(d);
  const num = pointsFormat(d);
  const rows: CellValue[][] = [];
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
    rows.push([
      rows.length + 1,
      block.id,
      block.name,
      fromMicro(high),
      fromMicro(round(divRound(sum, indices.length))),
      fromMicro(low),
      indices.length,
    ]);
  }
  if (rows.length === 0) return undefined;
  const header = [
    r.stt,
    vi.reportLayout.blockCode,
    r.block,
    r.highest,
    r.average,
    r.lowest,
    r.unitCount,
  ];
  const formats = ['0', '@', '@', num, num, num, '0'];
  const kinds: ColumnKind[] = ['center', 'center', 'text', 'number', 'number', 'number', 'number'];
  return {
    title: upper(formatMessage(vi.reportLayout.summaryTitle, { year: campaign.year })),
    header,
    rows,
    formats,
    columns: tableColumns(header, rows, formats, kinds),
    highlights: [],
  };
}
