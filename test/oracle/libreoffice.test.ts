/**
 * Results checked against LibreOffice recalculating equivalent formulas.
 *
 * For every example workbook and three seeded random campaigns (through their input sheets and
 * an .xlsx, as the CLI reads them), the core's evaluation is turned into a formula workbook
 * (bench/formulaWorkbook.ts): the core's counted points per leaf as plain numbers, then totals
 * by SUMPRODUCT/SUM, the index by ROUND(total / max × 100, decimals), ranks by COUNTIFS and
 * RANK.EQ — saved without cached values. One soffice run recalculates them all; the values it
 * saves must equal the core's: totals to 1e-9, the printed index and both ranks exactly.
 * The leaf points are the core's own, so this checks the arithmetic, rounding and ranking above
 * the leaf level (the scoring rules are checked by hand in test/examples and test/shared).
 *
 * A further workbook holds only exact halves (total / max × 100 exactly halfway between two
 * printed values, at 0–4 decimals, some negative), where naive floating-point rounding is wrong
 * about one time in six: LibreOffice's ROUND must agree with the core's ratio rounding there.
 *
 * Skipped, with a note, where `soffice` is not on PATH (CI installs it).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formulaSheet, SHEET, type FormulaLayout } from '../../bench/formulaWorkbook';
import { generateCampaign, prng } from '../../bench/generate';
import {
  convertWithSoffice,
  freshProfile,
  removeProfile,
  sofficeOnPath,
} from '../../bench/soffice';
import { INPUT_SHEETS } from '../../cli/workbook';
import {
  buildWorkbook,
  readPackage,
  readSheets,
  type CellValue,
  type OutputSheet,
} from '../../xlsx';
import {
  evaluateCampaign,
  inputSheets,
  parseWorkbook,
  ratioRounded,
  type Evaluation,
} from '../../shared';
import type { Grid } from '../../shared/workbook/grid';
import type { UnitSpec } from '../../shared/model/types';
import { pastedWorkbook } from '../shared/workbook/pastedTable';

type Evaluated = Extract<Evaluation, { ok: true }>;

const EXAMPLES = [
  'an-giang-2018',
  'ninh-thuan-2020',
  'current-shape',
  'tinh-2025',
  'nhap-diem-2024',
];
const SEEDS = [20251, 20252, 20253];

/** Reads a campaign workbook's input sheets and evaluates it, as the CLI does. */
function evaluateWorkbook(bytes: Uint8Array): Evaluated {
  const read = readSheets(readPackage(bytes), [...INPUT_SHEETS]);
  const sheets: Record<string, Grid> = {};
  const merges: Record<string, string[]> = {};
  for (const [name, data] of read) {
    sheets[name] = data.rows;
    merges[name] = data.merges;
  }
  const parsed = parseWorkbook(sheets, merges);
  if (!parsed.spec) throw new Error(JSON.stringify(parsed.issues));
  const e = evaluateCampaign(parsed.spec);
  if (!e.ok) throw new Error(JSON.stringify(e.errors));
  return e;
}

interface Case {
  name: string;
  evaluation: Evaluated;
  layout: FormulaLayout;
  /** the formula sheet's rows after LibreOffice recalculated them */
  computed?: CellValue[][];
}

const soffice = sofficeOnPath();
if (!soffice) {
  console.warn(
    'test/oracle/libreoffice.test.ts: soffice is not on PATH, so the LibreOffice oracle is skipped.',
  );
}

const cases: Case[] = [];
if (soffice) {
  for (const name of EXAMPLES) {
    const bytes = readFileSync(join(__dirname, '../../examples', `${name}.xlsx`));
    cases.push({ name, evaluation: evaluateWorkbook(bytes), layout: undefined as never });
  }
  for (const seed of SEEDS) {
    const spec = generateCampaign(30, 20, seed);
    const bytes = buildWorkbook(inputSheets(spec));
    cases.push({
      name: `random-${seed}`,
      evaluation: evaluateWorkbook(bytes),
      layout: undefined as never,
    });
  }
  // A flat table (no fields: each leaf a top-level criterion, its own field) and a table
  // pasted from a published decision (roman fields, numbered criteria, a) items)
  const flat = generateCampaign(30, 20, SEEDS[0]);
  flat.criteria = flat.criteria.flatMap((field) => field.children ?? [field]);
  const renamed = new Map(flat.criteria.map((leaf, i) => [leaf.code, String(i + 1)]));
  for (const leaf of flat.criteria) leaf.code = renamed.get(leaf.code) as string;
  type Scores = UnitSpec['self'];
  const recode = (scores: Scores): Scores =>
    scores && Object.fromEntries(Object.entries(scores).map(([k, v]) => [renamed.get(k) ?? k, v]));
  for (const unit of flat.units) {
    unit.self = recode(unit.self);
    unit.appraised = recode(unit.appraised);
  }
  cases.push({
    name: 'random-flat',
    evaluation: evaluateWorkbook(buildWorkbook(inputSheets(flat))),
    layout: undefined as never,
  });
  const pasted = pastedWorkbook();
  cases.push({
    name: 'pasted-table',
    evaluation: evaluateWorkbook(
      buildWorkbook(Object.entries(pasted).map(([name, rows]) => ({ name, rows }))),
    ),
    layout: undefined as never,
  });
}

/**
 * Exact halves: micro-point totals t and maxes m with t × 100 × 10^d / m = k + ½, their
 * formula ROUND(t / m × 100, d), and the core's value for it.
 */
function halves(count: number): { sheet: OutputSheet; core: number[] } {
  const r = prng(4242);
  const rows: (number | string)[][] = [['Tổng', 'Tối đa', 'Số lẻ', 'Chỉ số']];
  const formulas: (string | undefined)[][] = [[]];
  const core: number[] = [];
  while (core.length < count) {
    const d = core.length % 5;
    const m = Math.round((20 + r() * 180) * 4) * 250_000; // a max in quarter points
    const k = Math.floor(r() * 100 * 10 ** d);
    const num = (2 * k + 1) * m;
    const den = 200 * 10 ** d;
    if (num % den !== 0) continue;
    const t = ((r() < 0.1 ? -1 : 1) * num) / den;
    const row = rows.length + 1;
    rows.push([t / 1e6, m / 1e6, d]);
    formulas.push([undefined, undefined, undefined, `ROUND(A${row}/B${row}*100,C${row})`]);
    core.push(ratioRounded(t, m, 100, d) / 1e6);
  }
  return { sheet: { name: 'Nửa', rows, formulas }, core };
}

const half = halves(1000);
let halfComputed: CellValue[][] | undefined;

const dir = mkdtempSync(join(tmpdir(), 'xephang-oracle-'));
const profile = freshProfile();

beforeAll(() => {
  if (!soffice) return;
  const inputs = cases.map((c) => {
    const { sheet, layout } = formulaSheet(c.evaluation);
    c.layout = layout;
    const file = join(dir, `${c.name}.xlsx`);
    writeFileSync(file, buildWorkbook([sheet]));
    return file;
  });
  const halfFile = join(dir, 'halves.xlsx');
  writeFileSync(halfFile, buildWorkbook([half.sheet]));
  const outputs = convertWithSoffice([...inputs, halfFile], join(dir, 'out'), profile, 90_000);
  outputs.slice(0, cases.length).forEach((file, i) => {
    cases[i].computed = readSheets(readPackage(readFileSync(file)), [SHEET]).get(SHEET)?.rows;
  });
  const halfOut = readPackage(readFileSync(outputs[cases.length]));
  halfComputed = readSheets(halfOut, ['Nửa']).get('Nửa')?.rows;
}, 100_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeProfile(profile);
});

/** The recalculated value of a unit's column. */
function valueAt(c: Case, u: number, col: number): CellValue {
  return c.computed?.[c.layout.firstRow + u]?.[col] ?? null;
}

const maybe = soffice ? describe : describe.skip;

maybe.each(soffice ? cases.map((c) => [c.name, c] as const) : [['none', {} as Case] as const])(
  '%s',
  (_name, c) => {
    test('LibreOffice computed every unit', () => {
      expect(c.computed).toBeDefined();
      const units = c.evaluation.units;
      expect(units.length).toBeGreaterThan(0);
      for (let u = 0; u < units.length; u++) {
        expect(valueAt(c, u, 0)).toBe(units[u].id);
        expect(typeof valueAt(c, u, c.layout.total)).toBe('number');
      }
    });

    test('totals equal the core’s to 1e-9', () => {
      const bad = c.evaluation.units.flatMap((unit, u) => {
        const lo = valueAt(c, u, c.layout.total) as number;
        return Math.abs(lo - unit.total / 1e6) <= 1e-9
          ? []
          : [{ unit: unit.id, core: unit.total / 1e6, lo }];
      });
      expect(bad).toEqual([]);
    });

    test('the printed index equals the core’s exactly', () => {
      const bad = c.evaluation.units.flatMap((unit, u) => {
        const lo = valueAt(c, u, c.layout.index);
        const core = unit.printed.index === null ? null : unit.printed.index / 1e6;
        return lo === core
          ? []
          : [{ unit: unit.id, total: unit.total / 1e6, max: unit.applicableMax / 1e6, core, lo }];
      });
      expect(bad).toEqual([]);
    });

    test('ranks in block and overall equal the core’s exactly, ties included', () => {
      const bad = c.evaluation.units.flatMap((unit, u) => {
        const lo = [valueAt(c, u, c.layout.rankInBlock), valueAt(c, u, c.layout.rankOverall)];
        const core = [unit.rankInBlock, unit.rankOverall];
        return lo[0] === core[0] && lo[1] === core[1]
          ? []
          : [{ unit: unit.id, index: unit.printed.index, core, lo }];
      });
      expect(bad).toEqual([]);
    });
  },
);

/** The exact value of t / m × 100 at d decimals, half away from zero, in micro-units (BigInt). */
function exactHalfAway(t: number, m: number, d: number): number {
  const n = BigInt(t) * 100n * 10n ** BigInt(d);
  const den = BigInt(m);
  const a = n < 0n ? -n : n;
  const q = (2n * a + den) / (2n * den);
  return Number(n < 0n ? -q : q) * 10 ** (6 - d);
}

describe('exact halves', () => {
  const rows = half.sheet.rows.slice(1) as number[][];

  test('are real halves: plain floating-point rounding gets many of them wrong', () => {
    const naive = rows.filter(([t, m, d], i) => {
      const x = (t / m) * 100 * 10 ** d;
      return (Math.sign(x) * Math.round(Math.abs(x))) / 10 ** d !== half.core[i];
    });
    expect(naive.length).toBeGreaterThan(50);
  });

  test('the core rounds the exact quotient half away from zero', () => {
    const bad = rows.filter(
      ([t, m, d], i) =>
        exactHalfAway(Math.round(t * 1e6), Math.round(m * 1e6), d) !==
        Math.round(half.core[i] * 1e6),
    );
    expect(bad).toEqual([]);
  });

  (soffice ? test : test.skip)('LibreOffice ROUND agrees with the core at 1 to 4 decimals', () => {
    const bad = half.core.flatMap((core, i) => {
      const lo = halfComputed?.[i + 1]?.[3];
      return rows[i][2] === 0 || lo === core ? [] : [{ row: rows[i], core, lo }];
    });
    expect(bad).toEqual([]);
  });

  /*
   * At 0 decimals LibreOffice (7.4) rounds the floating-point quotient as it is: 32.5875 /
   * 118.5 × 100 is 27.5 exactly but 27.499999999999996 in doubles, and ROUND(…; 0) gives 27
   * where the core (and half-away-from-zero on the true value) gives 28. The core is checked
   * against exact arithmetic above; here every disagreement must be of that kind.
   */
  (soffice ? test : test.skip)(
    'at 0 decimals LibreOffice differs only where the double quotient falls short of the half',
    () => {
      const unexplained = half.core.flatMap((core, i) => {
        const [t, m, d] = rows[i];
        const lo = halfComputed?.[i + 1]?.[3];
        if (lo === core) return [];
        const x = (t / m) * 100; // exactly ±(K + ½) in reals; a double just below it in magnitude
        const short = d === 0 && Math.abs(x) % 1 < 0.5;
        return short && lo === Math.sign(x) * Math.floor(Math.abs(x))
          ? []
          : [{ row: rows[i], x, core, lo }];
      });
      expect(unexplained).toEqual([]);
    },
  );
});

test('the cases include ties, so equal ranks are exercised', () => {
  if (!soffice) return;
  const tied = cases.reduce(
    (n, c) => n + c.evaluation.units.filter((u) => u.tiedOverall).length,
    0,
  );
  expect(tied).toBeGreaterThan(0);
});
