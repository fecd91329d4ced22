/**
 * Reading one year's ranked results back: the "Kết quả" sheet of a ranked workbook, as written
 * (shared/report/resultTable.ts) — titled tables, one per block, each with a header row holding
 * "Mã đơn vị", "Tên đơn vị", "Chỉ số (%)", "Xếp hạng", "Xếp loại" among other columns, then its
 * units down to a blank row. Header rows are found by those texts (columns may move or be added,
 * as "Chỉ số năm trước"), the block's name is the title's text after its last dash, the year
 * the title's "NĂM 2021" unless the caller gives it. The summary table (no "Mã đơn vị") is not a
 * block. Every problem names its file, sheet and cell.
 */
import { formatMessage, vi } from '../i18n/vi';
import { error, type Issue } from '../model/issues';
import type { CellValue } from '../model/types';
import { toMicro, type Micro } from '../numbers/points';
import { labelKey } from '../scoring/cells';
import { cellAt, isBlankRow, ref, text, type Grid } from '../workbook/grid';

const P = vi.period;

/** One year's "Kết quả" as a host read it. */
export interface YearSheet {
  /** The file it came from (named in errors); any label the user knows it by. */
  file: string;
  /** The sheet's name (default "Kết quả"). */
  sheet?: string;
  grid: Grid;
  /** The year, when the caller knows it; otherwise read from the tables' titles. */
  year?: number;
}

/** One unit's row of a year. */
export interface YearUnit {
  code: string;
  name: string;
  /** The block's name as the title prints it ("KHỐI SỞ, BAN, NGÀNH"); "" without a title. */
  block: string;
  /** The printed index in micro-points, or null when the year printed none. */
  index: Micro | null;
  classification: string;
}

export interface YearResults {
  year: number;
  file: string;
  units: YearUnit[];
  /** Block names in the order the year's tables print them. */
  blocks: string[];
}

const fileError = (file: string, sheet: string, r: number, c: number, message: string): Issue =>
  error('fileProblem', { message }, { file, cell: ref(sheet, r, c) });

/** The year a title names: "… NĂM 2021 — …" (case-insensitive), or undefined. */
export function yearOfTitle(title: string): number | undefined {
  const word = labelKey(P.yearWord);
  const m = new RegExp(`(?:^|\\s)${word}\\s+(\\d{4})(?!\\d)`, 'u').exec(labelKey(title));
  return m ? Number(m[1]) : undefined;
}

/** A four-digit year in a file name (2021.xlsx, ket-qua-2021.xlsx), when there is exactly one. */
export function yearOfFileName(file: string): number | undefined {
  const base = file.split(/[\\/]/).pop() ?? file;
  const found = base.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/g) ?? [];
  return found.length === 1 ? Number(found[0]) : undefined;
}

/** The block a title names: the text after its last dash ("… NĂM 2021 — KHỐI HUYỆN"). */
function blockOfTitle(title: string): string {
  const parts = title.split(/\s[—–-]\s/);
  return (parts.length > 1 ? parts[parts.length - 1] : title).trim();
}

type Columns = Record<keyof typeof P.read, number>;

function headerOf(row: readonly CellValue[] | undefined): Columns | undefined {
  const keys = (row ?? []).map((v) => labelKey(text(v)));
  const cols = Object.fromEntries(
    Object.entries(P.read).map(([k, label]) => [k, keys.indexOf(labelKey(label))]),
  ) as Columns;
  return cols.code >= 0 && cols.index >= 0 ? cols : undefined;
}

/**
 * One year's results, or the problems of its sheet. A year named neither by the caller nor by a
 * title is taken from a lone four-digit year in the file name.
 */
export function readYear(
  input: YearSheet,
): { ok: true; results: YearResults } | { ok: false; issues: Issue[] } {
  const { grid, file } = input;
  const sheet = input.sheet ?? vi.workbook.sheets.results;
  const issues: Issue[] = [];
  const units: YearUnit[] = [];
  const blocks: string[] = [];
  const seen = new Map<string, number>();
  let titleYear: number | undefined;
  let headers = 0;
  for (let r = 0; r < grid.length; r++) {
    const cols = headerOf(grid[r]);
    if (!cols) continue;
    headers++;
    for (const [k, c] of Object.entries(cols)) {
      if (c < 0) {
        const header = P.read[k as keyof typeof P.read];
        issues.push(
          fileError(file, sheet, r, 0, formatMessage(P.errors.missingHeader, { header })),
        );
      }
    }
    // the title: the first row of the non-blank run right above the header
    let t = r;
    while (t > 0 && !isBlankRow(grid[t - 1])) t--;
    const title = t < r ? text(cellAt(grid, t, 0)) : '';
    titleYear ??= title ? yearOfTitle(title) : undefined;
    const block = title ? blockOfTitle(title) : '';
    if (!blocks.includes(block)) blocks.push(block);
    for (let d = r + 1; d < grid.length && !isBlankRow(grid[d]); d++) {
      const code = text(cellAt(grid, d, cols.code));
      if (code === '') {
        issues.push(fileError(file, sheet, d, cols.code, P.errors.missingCode));
        continue;
      }
      const first = seen.get(labelKey(code));
      if (first !== undefined) {
        issues.push(
          fileError(
            file,
            sheet,
            d,
            cols.code,
            formatMessage(P.errors.duplicateCode, {
              code,
              row: first + 1,
              year: input.year ?? titleYear ?? '',
            }),
          ),
        );
        continue;
      }
      seen.set(labelKey(code), d);
      const raw = cellAt(grid, d, cols.index);
      let index: Micro | null = null;
      if (typeof raw === 'number' && Number.isFinite(raw)) index = toMicro(raw);
      else if (text(raw) !== '') {
        // a number typed as text ("87,5" pasted from a document) reads; other text is an error
        const n = Number(text(raw).replace(',', '.'));
        if (/^-?\d+(?:[.,]\d+)?$/.test(text(raw)) && Number.isFinite(n)) index = toMicro(n);
        else if (labelKey(text(raw)) !== labelKey(vi.labels.noIndex)) {
          issues.push(
            fileError(
              file,
              sheet,
              d,
              cols.index,
              formatMessage(P.errors.badIndex, { value: text(raw) }),
            ),
          );
          continue;
        }
      }
      units.push({
        code,
        name: cols.name >= 0 ? text(cellAt(grid, d, cols.name)) : code,
        block,
        index,
        classification: cols.classification >= 0 ? text(cellAt(grid, d, cols.classification)) : '',
      });
    }
  }
  if (headers === 0) issues.push(fileError(file, sheet, 0, 0, P.errors.noHeader));
  const year = input.year ?? titleYear ?? yearOfFileName(file);
  if (year === undefined && headers > 0) {
    issues.push(fileError(file, sheet, 0, 0, P.errors.noYear));
  }
  if (issues.length > 0 || year === undefined) return { ok: false, issues };
  return { ok: true, results: { year, file, units, blocks } };
}
