/**
 * Reading 2-D sheet values: locating cells, finding header columns by their Vietnamese label,
 * and reading numbers, shares, dates and lists the way a person types them.
 */
import { error, type Issue } from '../model/issues';
import type { CellRef, CellValue } from '../model/types';
import { isIsoDate } from '../awards/gates';
import { labelKey, normalizeText, readCell } from '../scoring/cells';

/** A sheet as hosts read it: rows[0] is row 1; cells may be missing at the end of a row. */
export type Grid = readonly (readonly CellValue[])[];
export type Sheets = Readonly<Record<string, Grid>>;

export const ref = (sheet: string, r: number, c: number): CellRef => ({
  sheet,
  row: r + 1,
  col: c + 1,
});

export function cellAt(grid: Grid, r: number, c: number): CellValue {
  return grid[r]?.[c] ?? null;
}

/** The text of a cell, NFC and trimmed; numbers as typed ("1.5"); empty for blanks. */
export function text(v: CellValue): string {
  if (v === null || v === undefined) return '';
  return normalizeText(String(v));
}

export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every((v) => text(v) === '');
}

/** Column index of each wanted header (by label, case- and space-insensitive). */
export function headerColumns(
  row: readonly CellValue[] | undefined,
  labels: Readonly<Record<string, string>>,
): Record<string, number> {
  const keys = (row ?? []).map((v) => labelKey(text(v)));
  const out: Record<string, number> = {};
  for (const [name, label] of Object.entries(labels)) out[name] = keys.indexOf(labelKey(label));
  return out;
}

/** Reports each required header that is missing. */
export function requireHeaders(
  sheet: string,
  headerRow: number,
  cols: Record<string, number>,
  labels: Readonly<Record<string, string>>,
  required: readonly string[],
): Issue[] {
  return required
    .filter((name) => cols[name] < 0)
    .map((name) =>
      error('missingHeader', { header: labels[name] }, { cell: ref(sheet, headerRow, 0) }),
    );
}

/** The header row (row 1) of a table sheet: column of each label, and an issue per missing one. */
export function headerRow<K extends string>(
  grid: Grid,
  sheet: string,
  labels: Readonly<Record<K, string>>,
  required: readonly NoInfer<K>[],
  issues: Issue[],
): Record<K, number> {
  const cols = headerColumns(grid[0], labels) as Record<K, number>;
  issues.push(...requireHeaders(sheet, 0, cols, labels, required));
  return cols;
}

/** A number from a cell (number, or text with a dot or decimal comma); undefined if not. */
export function numberOf(v: CellValue): number | undefined {
  const reading = readCell(v);
  return reading.kind === 'number' ? reading.value : undefined;
}

/** A share: 0.1, "10%", "10 %" or 10 (read as a percent when above 1). */
export function shareOf(v: CellValue): number | undefined {
  const t = text(v);
  const percent = /%$/.test(t);
  const n = numberOf(percent ? t.replace(/\s*%$/, '') : v);
  if (n === undefined) return undefined;
  return percent || n > 1 ? n / 100 : n;
}

/**
 * The date system of a workbook's serials: 1900 (day 1 = 1900-01-01, Excel's default) or 1904
 * (day 0 = 1904-01-01, old Excel for Mac's; workbookPr date1904). The same serial is 1,462
 * days later in 1904.
 */
export type DateSystem = 1900 | 1904;

/**
 * An ISO date from an Excel date serial (counted in `system`, the workbook's), "30/03/2018",
 * "30-3-2018" or "2018-03-30".
 */
export function dateOf(v: CellValue, system: DateSystem = 1900): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v) && (v > 0 || (system === 1904 && v >= 0))) {
    // Excel's day 0 is 1899-12-30 (its 1900 leap-year bug is absorbed by that epoch), which is
    // 25,569 days before 1970-01-01; in 1904, day 0 is 1904-01-01, 1,462 days later.
    return civilDate(Math.floor(v) - 25_569 + (system === 1904 ? 1_462 : 0));
  }
  const t = text(v);
  let iso: string | undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  // 31/02/2018 is not a date: say so where it was typed.
  return iso !== undefined && isIsoDate(iso) ? iso : undefined;
}

/** Days since 1970-01-01 → "YYYY-MM-DD" (proleptic Gregorian; no clock, no Date object). */
export function civilDate(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "a; b, c" → ["a", "b", "c"] (semicolons, or commas when there is no semicolon). */
export function listOf(v: CellValue): string[] {
  const t = text(v);
  if (t === '') return [];
  const parts = t.includes(';') ? t.split(';') : t.split(',');
  return parts.map((p) => normalizeText(p)).filter((p) => p !== '');
}
