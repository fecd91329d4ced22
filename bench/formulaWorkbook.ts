/**
 * The "equivalent formula workbook" of an evaluated campaign: what a spreadsheet would compute
 * above the leaf level, as formulas without cached values, for LibreOffice to recalculate (the
 * oracle test, test/oracle/libreoffice.test.ts, and the CLI benchmark, bench/cli.ts).
 *
 * One row per unit (input order) under a header row and a weights row:
 *   A code, B block, then one column per leaf with the core's counted points for that leaf
 *   (self + appraisal correction; N/A and out-of-block cells are 0), one per component,
 *   Tổng      = SUMPRODUCT(leaf points, weights row of 1s) + SUM(components)
 *   Tối đa    = the core's applicable max (a number)
 *   Chỉ số    = ROUND(Tổng / Tối đa × 100, decimals)       (ROUND is half away from zero)
 *   Xếp theo  = Chỉ số, or ROUND(Tổng, decimals) when ranking by total
 *   tie-break keys (field subtotals, components, total), each ROUND(…, decimals)
 *   Hạng trong khối = 1 + COUNTIFS(same block, better) over the key chain (competition ranking)
 *   Hạng chung      = RANK.EQ(value, all values, 0) (or the COUNTIFS chain with tie-breaks)
 * The leaf points come from the core, so the oracle checks the arithmetic and the ranking above
 * the leaf level, not the scoring rules.
 */
import { columnName } from '../xlsx/ranges';
import type { CellValue, OutputSheet } from '../xlsx';
import type { Evaluation } from '../shared';

type Evaluated = Extract<Evaluation, { ok: true }>;

export interface FormulaLayout {
  /** 0-based row of the first unit. */
  firstRow: number;
  /** 0-based columns of the computed values. */
  total: number;
  max: number;
  index: number;
  rankInBlock: number;
  rankOverall: number;
}

export const SHEET = 'Kiểm tra';

/** The formula sheet of an evaluation; throws for settings it has no formula for. */
export function formulaSheet(e: Evaluated): { sheet: OutputSheet; layout: FormulaLayout } {
  const c = e.campaign;
  const n = c.units.length;
  const d = c.settings.decimals;
  if (c.settings.ranking.method !== 'competition') {
    throw new Error(`formula workbook: ranking method ${c.settings.ranking.method} not supported`);
  }

  // counted points per leaf cell: self, plus the appraisal corrections
  const points = Float64Array.from(c.self);
  const { cells, delta } = c.corrections;
  for (let i = 0; i < cells.length; i++) points[cells[i]] += delta[i];

  const L = c.leaves.length;
  const K = c.components.length;
  const leaf0 = 2;
  const comp0 = leaf0 + L;
  const totalCol = comp0 + K;
  const maxCol = totalCol + 1;
  const indexCol = totalCol + 2;
  const valueCol = totalCol + 3;
  const key0 = totalCol + 4;
  const first = 2; // row 3 in Excel: after the header and the weights row
  const last = first + n - 1;
  const A = (col: number, row: number): string => columnName(col) + (row + 1);
  const abs = (col: number): string =>
    `$${columnName(col)}$${first + 1}:$${columnName(col)}$${last + 1}`;

  // tie-break keys: a formula per row (r = 0-based sheet row) and a header
  const keys: { header: string; formula: (r: number) => string }[] =
    c.settings.ranking.tieBreak.map((key) => {
      switch (key.by) {
        case 'field': {
          const f = c.fields.findIndex((x) => x.code === key.code);
          const cols = c.leaves.filter((l) => l.field === f).map((l) => leaf0 + l.index);
          return {
            header: `Lĩnh vực ${key.code}`,
            formula: (r) =>
              cols.length === 0
                ? '0'
                : `ROUND(SUM(${runs(cols)
                    .map(([a, b]) => (a === b ? A(a, r) : `${A(a, r)}:${A(b, r)}`))
                    .join(',')}),${d})`,
          };
        }
        case 'component': {
          const k = c.components.findIndex((x) => x.id === key.id);
          return { header: key.id, formula: (r) => `ROUND(N(${A(comp0 + k, r)}),${d})` };
        }
        case 'total':
          return { header: 'Tổng điểm', formula: (r) => `ROUND(${A(totalCol, r)},${d})` };
        default:
          throw new Error(`formula workbook: tie-break ${key.by} not supported`);
      }
    });
  const rankInBlockCol = key0 + keys.length;
  const rankOverallCol = rankInBlockCol + 1;

  const header: CellValue[] = ['Mã đơn vị', 'Khối'];
  for (const l of c.leaves) header.push(l.code);
  for (const k of c.components) header.push(k.id);
  header.push('Tổng', 'Tối đa', 'Chỉ số', 'Xếp theo', ...keys.map((k) => k.header));
  header.push('Hạng trong khối', 'Hạng chung');
  const weights: CellValue[] = ['Hệ số', null];
  for (let i = 0; i < L + K; i++) weights.push(1);

  const rows: CellValue[][] = [header, weights];
  const formulas: (string | undefined)[][] = [[], []];
  const leafRange = (r: number): string => `${A(leaf0, r)}:${A(comp0 - 1, r)}`;
  const weightRange = `$${columnName(leaf0)}$2:$${columnName(comp0 - 1)}$2`;
  const blocks = abs(1);
  const values = abs(valueCol);
  const keyRanges = keys.map((_, i) => abs(key0 + i));

  for (let u = 0; u < n; u++) {
    const r = first + u;
    const unit = e.units[u];
    const row: CellValue[] = [unit.id, unit.block];
    for (let l = 0; l < L; l++) row.push(points[l * n + u] / 1e6);
    for (let k = 0; k < K; k++) {
      const v = c.componentScores[k * n + u];
      row.push(Number.isFinite(v) ? v / 1e6 : null);
    }
    row.push(null, unit.applicableMax / 1e6);
    rows.push(row);

    const f: (string | undefined)[] = [];
    const sum =
      (L > 0 ? `SUMPRODUCT(${weightRange},${leafRange(r)})` : '0') +
      (K > 0 ? `+SUM(${A(comp0, r)}:${A(comp0 + K - 1, r)})` : '');
    f[totalCol] = sum;
    f[indexCol] = `IF(${A(maxCol, r)}>0,ROUND(${A(totalCol, r)}/${A(maxCol, r)}*100,${d}),"")`;
    f[valueCol] = c.settings.rankBy === 'index' ? A(indexCol, r) : `ROUND(${A(totalCol, r)},${d})`;
    keys.forEach((k, i) => (f[key0 + i] = k.formula(r)));
    // competition rank over the key chain: 1 + units better on the value, + units equal on
    // it and better on key 1, + …; within the block it adds the block condition
    const chain = (inBlock: boolean): string => {
      const terms: string[] = [];
      const ranges = [values, ...keyRanges];
      const cellsOf = [A(valueCol, r), ...keys.map((_, i) => A(key0 + i, r))];
      for (let j = 0; j < ranges.length; j++) {
        const conds: string[] = inBlock ? [blocks, A(1, r)] : [];
        for (let i = 0; i < j; i++) conds.push(ranges[i], cellsOf[i]);
        conds.push(ranges[j], `">"&${cellsOf[j]}`);
        terms.push(`COUNTIFS(${conds.join(',')})`);
      }
      return `1+${terms.join('+')}`;
    };
    const ranked = `ISNUMBER(${A(valueCol, r)})`;
    f[rankInBlockCol] = `IF(${ranked},${chain(true)},"")`;
    f[rankOverallCol] =
      keys.length === 0
        ? `IF(${ranked},RANK.EQ(${A(valueCol, r)},${values},0),"")`
        : `IF(${ranked},${chain(false)},"")`;
    formulas.push(f);
  }
  return {
    sheet: { name: SHEET, rows, formulas, frozenRows: 2 },
    layout: {
      firstRow: first,
      total: totalCol,
      max: maxCol,
      index: indexCol,
      rankInBlock: rankInBlockCol,
      rankOverall: rankOverallCol,
    },
  };
}

/** Sorted column indexes → runs of consecutive ones [[first, last], …]. */
function runs(cols: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const col of cols) {
    const lastRun = out[out.length - 1];
    if (lastRun && lastRun[1] === col - 1) lastRun[1] = col;
    else out.push([col, col]);
  }
  return out;
}
