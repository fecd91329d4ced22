/**
 * The template's live preview ("Điểm tạm tính") against the core, with LibreOffice computing
 * the preview's formulas: for each bundled example (made into a template with its scores) and
 * for starter templates filled with random scores of every rule kind, blocks, N/A and blanks,
 * each unit's "Tổng điểm tạm tính" must equal the total points the core gives the same
 * workbook (to 1e-6: the preview does not round a proportional score to micro-points), and each
 * field's subtotal the core's field subtotal. The filled cells are values a person would type:
 * the template's own drop-down entries, numbers in range, and blanks; one starter adds stray
 * spaces, as people type them.
 *
 * Skipped, with a note, where `soffice` is not on PATH (CI installs it).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prng } from '../../bench/generate';
import {
  convertWithSoffice,
  freshProfile,
  removeProfile,
  sofficeOnPath,
} from '../../bench/soffice';
import { EXAMPLES } from '../../cli/template';
import { buildWorkbook, readPackage, readSheets, type CellValue } from '../../xlsx';
import { evaluateCampaign, type Evaluation } from '../../shared';
import type { CampaignSpec, CriterionSpec, UnitSpec } from '../../shared/model/types';
import { vi } from '../../shared/i18n/vi';
import { starterCampaign, templateSheets } from '../../shared/workbook/template';

type Evaluated = Extract<Evaluation, { ok: true }>;
const PREVIEW = vi.workbook.sheets.preview;

function leaves(nodes: readonly CriterionSpec[], out: CriterionSpec[] = []): CriterionSpec[] {
  for (const n of nodes) {
    if (n.children?.length) leaves(n.children, out);
    else out.push(n);
  }
  return out;
}

/**
 * A starter campaign whose units typed self and appraised scores a person could type; `sloppy`:
 * with stray spaces too (around a tick word or a level label, doubled inside one, a cell of
 * spaces only), which the core reads as if they were not there.
 */
function filledStarter(
  units: number,
  seed: number,
  sloppy = false,
  shape: 'tree' | 'flat' | 'mixed' = 'tree',
): CampaignSpec {
  const spec = starterCampaign(units, 2026);
  // one criterion for the xã block only, one field for the sở block only (its leaves inherit)
  (spec.criteria[1].children as CriterionSpec[])[1].blocks = ['xa'];
  if (seed % 2 === 0) spec.criteria[0].blocks = ['so'];
  // flat: no fields, every leaf at the top level (a bonus among them); mixed: field 1 kept,
  // field 2's leaves (a criterion of one block, a bonus) moved up to the top level
  if (shape === 'flat') spec.criteria = leaves(spec.criteria);
  if (shape === 'mixed') spec.criteria = [spec.criteria[0], ...leaves([spec.criteria[1]])];
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const untidy = (v: CellValue): CellValue => {
    if (!sloppy || typeof v !== 'string') return v;
    const k = r();
    if (k < 0.25) return ` ${v}`;
    if (k < 0.5) return `${v}  `;
    if (k < 0.75) return v.replace(' ', '  ');
    return v;
  };
  const valueFor = (leaf: CriterionSpec): CellValue => {
    if (r() < 0.1) return sloppy && r() < 0.5 ? '   ' : null;
    const rule = leaf.rule;
    switch (rule?.kind) {
      case 'points': {
        // points on the step (or on quarters), within the max; N/A now and then
        if (r() < 0.1) return untidy('N/A');
        const step = rule.step ?? 0.25;
        return Math.floor(r() * (Math.floor(leaf.max / step) + 1)) * step;
      }
      case undefined:
      case 'tick':
        return untidy(pick(['✓', '☐', 'x', true, false, 1, 0, 'N/A']));
      case 'levels':
        return untidy(pick([...rule.levels.map((l) => l.label), 'N/A']));
      case 'tiers':
      case 'proportional':
        return Math.round(r() * 12000) / 100;
      case 'deduction':
      case 'bonus':
        return Math.floor(r() * 5);
    }
  };
  const all = leaves(spec.criteria);
  for (const unit of spec.units) {
    unit.self = Object.fromEntries(all.map((l) => [l.code, valueFor(l)]));
    unit.appraised = Object.fromEntries(
      all.filter(() => r() < 0.4).map((l) => [l.code, valueFor(l)]),
    );
    for (const comp of spec.components ?? []) {
      (unit.components ??= {})[comp.id] = r() < 0.1 ? null : Math.round(r() * comp.max * 100) / 100;
    }
  }
  return spec;
}

interface Case {
  name: string;
  spec: CampaignSpec;
  evaluation: Evaluated;
  computed?: CellValue[][];
}

const soffice = sofficeOnPath();
if (!soffice) {
  console.warn('test/oracle/preview.test.ts: soffice is not on PATH, so this oracle is skipped.');
}

/**
 * The campaign with its numbers typed as text with a decimal comma ("2,75") typed as numbers:
 * the preview counts such text as nothing (reading it would depend on the locale's decimal
 * sign; documented), where the core reads it with a warning.
 */
function numbersAsNumbers(spec: CampaignSpec): CampaignSpec {
  type Scores = UnitSpec['self'];
  const fix = (scores: Scores): Scores =>
    scores &&
    Object.fromEntries(
      Object.entries(scores).map(([k, v]) => [
        k,
        typeof v === 'string' && /^\d+,\d+$/.test(v) ? Number(v.replace(',', '.')) : v,
      ]),
    );
  return {
    ...spec,
    units: spec.units.map((u) => ({ ...u, self: fix(u.self), appraised: fix(u.appraised) })),
  };
}

const specs: [string, CampaignSpec][] = [
  ...Object.entries(EXAMPLES).map(([name, spec]): [string, CampaignSpec] => [
    name,
    numbersAsNumbers(spec),
  ]),
  ['starter-1', filledStarter(12, 7001)],
  ['starter-2', filledStarter(25, 7002)],
  ['starter-sloppy', filledStarter(25, 7003, true)],
  ['starter-flat', filledStarter(12, 7004, false, 'flat')],
  ['starter-mixed', filledStarter(12, 7005, false, 'mixed')],
];
const cases: Case[] = specs.map(([name, spec]) => {
  const evaluation = evaluateCampaign(spec);
  if (!evaluation.ok) throw new Error(`${name}: ${JSON.stringify(evaluation.errors)}`);
  return { name, spec, evaluation };
});

const dir = mkdtempSync(join(tmpdir(), 'xephang-preview-'));
const profile = freshProfile();

beforeAll(() => {
  if (!soffice) return;
  const files = cases.map((c) => {
    const file = join(dir, `${c.name}.xlsx`);
    writeFileSync(file, buildWorkbook(templateSheets(c.spec)));
    return file;
  });
  const outputs = convertWithSoffice(files, join(dir, 'out'), profile, 90_000);
  outputs.forEach((file, i) => {
    cases[i].computed = readSheets(readPackage(readFileSync(file)), [PREVIEW]).get(PREVIEW)?.rows;
  });
}, 100_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeProfile(profile);
});

const maybe = soffice ? describe : describe.skip;

maybe.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  test('every template of the plain layout has the preview', () => {
    expect(templateSheets(c.spec).some((s) => s.name === PREVIEW)).toBe(true);
    expect(c.computed).toBeDefined();
  });

  test('each unit’s preview total equals the core’s total points', () => {
    const rows = c.computed ?? [];
    const total = rows[rows.length - 1] ?? [];
    expect(total[1]).toBe(vi.template.preview.total);
    const bad = c.evaluation.units.flatMap((unit, u) => {
      const lo = total[3 + u];
      return typeof lo === 'number' && Math.abs(lo - unit.total / 1e6) <= 1e-6
        ? []
        : [{ unit: unit.id, core: unit.total / 1e6, lo }];
    });
    expect(bad).toEqual([]);
  });

  test('each field’s preview subtotal equals the core’s field subtotal', () => {
    const rows = c.computed ?? [];
    const e = c.evaluation;
    const n = e.units.length;
    const bad: unknown[] = [];
    e.campaign.fields.forEach((field, f) => {
      const row = rows.find((r) => r[0] === field.code) ?? [];
      for (let u = 0; u < n; u++) {
        const core = e.table.fields[f * n + u] / 1e6;
        const lo = row[3 + u];
        if (!(typeof lo === 'number' && Math.abs(lo - core) <= 1e-6)) {
          bad.push({ field: field.code, unit: e.units[u].id, core, lo });
        }
      }
    });
    expect(bad).toEqual([]);
  });
});
