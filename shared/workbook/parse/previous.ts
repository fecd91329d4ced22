/**
 * "Kết quả năm trước" (issue 17): last year's "Kết quả" as the CLI, Excel or Google Sheets wrote
 * it, pasted whole (values). Every table header row (a row holding "Mã đơn vị", "Chỉ số (%)" and
 * "Xếp hạng") starts a block table; its data rows run down to the first blank row. Each row gives
 * a unit code → last year's index, rank in its block and the block table's title. A "Biên chế"
 * column, when a table has one, gives the staff the "Theo biên chế" setting weighs by.
 *
 * Then each unit of this year finds its predecessors ("Mã đơn vị năm trước" in "Đơn vị", else
 * its own code) and gets last year's values: see resolvePrevious and docs/workbook-format.md.
 */
import { formatMessage, vi } from '../../i18n/vi';
import { error, warning, type Issue } from '../../model/issues';
import type {
  BlockSpec,
  CellRef,
  CellValue,
  PreviousMerge,
  PreviousYear,
  UnitSpec,
} from '../../model/types';
import { divRound, formatMicro, fromMicro, rounder, toMicro } from '../../numbers/points';
import { labelKey } from '../../scoring/cells';
import { cellAt, isBlankRow, numberOf, ref, text, type Grid } from '../grid';
import { at, hintFor } from './common';

const S = vi.workbook.sheets;
const P = vi.previousYear;

/** One unit's row of last year's "Kết quả". */
export interface PreviousRow {
  /** The index as printed last year (points); null when the unit had none. */
  index: number | null;
  rank: number | null;
  /** The title of the block table the row is in ("KẾT QUẢ XẾP HẠNG … NĂM 2024 — KHỐI SỞ"). */
  blockTitle: string;
  staff?: number;
  /** The cell of the code. */
  cell: CellRef;
}

/** Cells of the header rows ("Chỉ số (%)" and "Chỉ số" alike read as the index column). */
const KEYS = {
  code: [labelKey(vi.reportLayout.unitCode)],
  index: [labelKey(vi.report.index)],
  rank: [labelKey(vi.report.rank)],
  staff: [labelKey(P.staff)],
};

function columnsOf(row: readonly unknown[] | undefined): Record<keyof typeof KEYS, number> {
  const cols = { code: -1, index: -1, rank: -1, staff: -1 };
  (row ?? []).forEach((v, c) => {
    const key = labelKey(text(v as never));
    for (const name of Object.keys(KEYS) as (keyof typeof KEYS)[]) {
      if (cols[name] < 0 && KEYS[name].includes(key)) cols[name] = c;
    }
  });
  return cols;
}

/**
 * Reads the sheet: the units by code. A blank sheet is as good as none (undefined). Errors name
 * the sheet and cell: a table without "Mã đơn vị" (an older layout), no table at all, a code
 * twice, an index, rank or staff that is not a number.
 */
export function parsePreviousResults(
  grid: Grid,
  issues: Issue[],
): Map<string, PreviousRow> | undefined {
  const sheet = S.previousResults;
  if (grid.every(isBlankRow)) return undefined;
  const rows = new Map<string, PreviousRow>();
  let tables = 0;
  for (let r = 0; r < grid.length; r++) {
    const cols = columnsOf(grid[r]);
    if (cols.index < 0 || cols.rank < 0) continue;
    if (cols.code < 0) {
      issues.push(error('previousNoUnitCode', {}, at(sheet, r, cols.index)));
      continue;
    }
    tables++;
    // The title: the top of the rows right above the header (title, "Kèm theo" line).
    let top = r;
    while (top > 0 && !isBlankRow(grid[top - 1]) && r - top < 3) top--;
    const blockTitle = top < r ? text(cellAt(grid, top, 0)) : '';
    let d = r + 1;
    for (; d < grid.length && !isBlankRow(grid[d]); d++) {
      const code = text(cellAt(grid, d, cols.code)).trim();
      if (code === '') {
        issues.push(warning('previousRowWithoutCode', {}, at(sheet, d, cols.code)));
        continue;
      }
      const other = rows.get(code);
      if (other) {
        issues.push(
          error(
            'previousDuplicateCode',
            { code, other: `${columnName(other.cell.col)}${other.cell.row}` },
            at(sheet, d, cols.code),
          ),
        );
        continue;
      }
      const index = numberAt(grid, d, cols.index, 'previousBadIndex', issues);
      const rank = numberAt(grid, d, cols.rank, 'previousBadRank', issues);
      if (rank !== null && rank !== undefined && !(Number.isInteger(rank) && rank >= 1))
        issues.push(
          error(
            'previousBadRank',
            { value: text(cellAt(grid, d, cols.rank)) },
            at(sheet, d, cols.rank),
          ),
        );
      const staff =
        cols.staff >= 0 ? numberAt(grid, d, cols.staff, 'previousBadStaff', issues) : null;
      if (typeof staff === 'number' && !(Number.isInteger(staff) && staff >= 0))
        issues.push(error('previousBadStaff', { value: String(staff) }, at(sheet, d, cols.staff)));
      rows.set(code, {
        index: index ?? null,
        rank: rank ?? null,
        blockTitle,
        ...(typeof staff === 'number' ? { staff } : {}),
        cell: ref(sheet, d, cols.code),
      });
    }
    r = d - 1;
  }
  if (
    tables === 0 &&
    !issues.some((i) => i.key === 'previousNoUnitCode' && i.at.cell?.sheet === sheet)
  )
    issues.push(error('previousNoTable', {}, at(sheet, 0, 0)));
  return rows;
}

/** A number cell: null when blank or a dash (no index last year), undefined (and an error) else. */
function numberAt(
  grid: Grid,
  r: number,
  c: number,
  key: 'previousBadIndex' | 'previousBadRank' | 'previousBadStaff',
  issues: Issue[],
): number | null | undefined {
  const v = cellAt(grid, r, c);
  const t = text(v).trim();
  if (t === '' || /^[-—–]$/.test(t)) return null;
  const n = numberOf(v);
  if (n === undefined) issues.push(error(key, { value: t }, at(S.previousResults, r, c)));
  return n;
}

const columnName = (col: number): string => {
  let n = col;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/** A block table's title without its year, to compare a block's title across years. */
function titleKey(title: string): string {
  return labelKey(title.replace(/\d{4}/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** The codes of "Mã đơn vị năm trước": separated by ";" or ",". */
export function predecessorCodes(value: string): string[] {
  return value
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Each unit's values of last year, from its predecessors (its own code when "Mã đơn vị năm
 * trước" is empty):
 * - one predecessor: its printed index (rounded to this year's decimals by the one rounding
 *   rule) and, when it was in the same block (the block table's title, year aside, is this
 *   block's), its rank; in another block the rank is not comparable ("mới");
 * - several (a merged unit): the index by the setting — mean of the predecessors' indices,
 *   mean weighted by their staff ("Biên chế" column of "Kết quả năm trước"), or none (N/A) —
 *   over the predecessors that have an index; no rank (the rank change reads "mới");
 * - none found: no previous values ("mới").
 * A code listed but not in the sheet is a warning at the "Mã đơn vị năm trước" cell.
 */
export function resolvePrevious(
  units: readonly UnitSpec[],
  blocks: readonly BlockSpec[],
  rows: ReadonlyMap<string, PreviousRow>,
  merge: PreviousMerge,
  decimals: number,
  year: number,
  issues: Issue[],
): PreviousYear {
  const round = rounder(decimals);
  const blockName = new Map(blocks.map((b) => [b.id, b.name]));
  const out: PreviousYear = {};
  for (const unit of units) {
    const listed = unit.predecessors;
    const codes = listed?.length ? listed : [unit.id];
    const found: PreviousRow[] = [];
    for (const code of codes) {
      const row = rows.get(code);
      if (row) found.push(row);
      else if (listed?.length && unit.cells?.predecessors)
        issues.push(
          warning(
            'previousCodeNotFound',
            { code, hint: hintFor(code, rows.keys()) },
            { cell: unit.cells.predecessors },
          ),
        );
    }
    const withIndex = found.filter((f) => f.index !== null);
    let index: number | null = null;
    let rank: number | null = null;
    if (codes.length === 1) {
      const only = found[0];
      if (only && only.index !== null) index = round(toMicro(only.index));
      // labelKey folds the case: last year's upper-case title matches this block's.
      const title = formatMessage(vi.reportLayout.resultTitle, {
        year,
        block: blockName.get(unit.block) ?? unit.block,
      });
      if (only && only.rank !== null && titleKey(only.blockTitle) === titleKey(title))
        rank = only.rank;
    } else if (withIndex.length > 0 && merge !== 'none') {
      if (merge === 'mean') {
        let sum = 0;
        for (const f of withIndex) sum += toMicro(f.index as number);
        index = round(divRound(sum, withIndex.length));
      } else {
        let sum = 0;
        let staff = 0;
        let missing = false;
        for (const f of withIndex) {
          if (f.staff === undefined) {
            missing = true;
            const code = [...rows].find(([, r]) => r === f)?.[0] ?? '';
            issues.push(
              error('previousNoStaff', { code }, { cell: unit.cells?.predecessors ?? f.cell }),
            );
            continue;
          }
          sum += toMicro(f.index as number) * f.staff;
          staff += f.staff;
        }
        if (!missing && staff > 0) index = round(divRound(sum, staff));
      }
    }
    out[unit.id] = {
      index,
      rank,
      merged: codes.length > 1,
    };
  }
  return out;
}

/**
 * The improvement gate reads last year's index from the unit's profile: the sheet's value goes
 * there. A typed "Chỉ số năm trước" in "Đơn vị" that differs (on the printed value) is a warning
 * at its cell, and the sheet wins; a unit the sheet gives no index keeps what was typed.
 */
export function applyPrevious(
  units: UnitSpec[],
  previous: PreviousYear,
  decimals: number,
  issues: Issue[],
): void {
  const round = rounder(decimals);
  for (const unit of units) {
    const index = previous[unit.id]?.index;
    if (index === null || index === undefined) continue;
    const profile = (unit.profile ??= {});
    const typed = profile.previous?.index;
    if (typed !== undefined && round(toMicro(typed)) !== index && unit.cells?.previousIndex)
      issues.push(
        warning(
          'previousTypedDiffers',
          { typed: formatMicro(toMicro(typed), decimals), sheet: formatMicro(index, decimals) },
          { cell: unit.cells.previousIndex },
        ),
      );
    profile.previous = { ...profile.previous, index: fromMicro(index) };
  }
}

/**
 * "Kết quả năm trước" from last year's ranked workbook: its "Kết quả" as it is, and, when its
 * "Đơn vị" has staff ("Biên chế"), a "Biên chế" column after each block table's last column (for
 * the "Theo biên chế" setting). What `xephang rank --previous` writes, and what a host that
 * picks last year's file can write.
 */
export function previousResultsSheet(results: Grid, units?: Grid): CellValue[][] {
  const H = vi.workbook.headers;
  const staffOf = new Map<string, CellValue>();
  if (units) {
    const head = units[0] ?? [];
    const codeCol = head.findIndex((v) => labelKey(text(v)) === labelKey(H.unitCode));
    const staffCol = head.findIndex((v) => labelKey(text(v)) === labelKey(H.staff));
    if (codeCol >= 0 && staffCol >= 0)
      for (let r = 1; r < units.length; r++) {
        const staff = cellAt(units, r, staffCol);
        if (text(staff) !== '') staffOf.set(text(cellAt(units, r, codeCol)).trim(), staff);
      }
  }
  const rows = results.map((row) => [...(row ?? [])]);
  if (staffOf.size === 0) return rows;
  for (let r = 0; r < rows.length; r++) {
    const cols = columnsOf(rows[r]);
    if (cols.code < 0 || cols.index < 0 || cols.rank < 0 || cols.staff >= 0) continue;
    const at = rows[r].length;
    rows[r][at] = P.staff;
    let d = r + 1;
    for (; d < rows.length && !isBlankRow(rows[d]); d++) {
      const code = text(rows[d][cols.code]).trim();
      while (rows[d].length < at) rows[d].push(null);
      rows[d][at] = staffOf.get(code) ?? null;
    }
    r = d - 1;
  }
  return rows;
}
