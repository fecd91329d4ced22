/**
 * Self-assessment forms for 200 units (150 criteria): the core's merge of 200 filled forms
 * (read, check every score by its rule, evidence, duplicates, render "Tự chấm" and
 * "Giải trình tự chấm") against a baseline measured in the same run — copying the same scores
 * into the score grid with a plain loop, the least work a merge can do. Then the CLI end to end:
 * `xephang forms` writing 200 .xlsx files and `xephang merge` reading them back, against
 * `xephang rank` of the same campaign.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildWorkbook } from '../xlsx';
import { FORM_COLS, FORM_ROWS, unitForm } from '../shared/forms/form';
import { mergeForms, type FormFile } from '../shared/forms/merge';
import type { CampaignSpec, CellValue } from '../shared/model/types';
import { inputSheets } from '../shared/workbook/inputs';
import { readSetup } from '../shared/workbook/setup';
import { generateCampaign } from './generate';
import { fmt, row, time } from './timing';

function filledForms(spec: CampaignSpec): FormFile[] {
  const book = Object.fromEntries(inputSheets(spec).map((b) => [b.name, b.rows]));
  const setup = readSetup(book).setup;
  if (!setup) throw new Error('benchmark setup is invalid');
  return spec.units.map((unit) => {
    const grid = unitForm(setup, unit).rows.map((r) => [...r]) as CellValue[][];
    for (let r = FORM_ROWS.header + 1; r < grid.length; r++) {
      const code = String(grid[r][FORM_COLS.code]);
      const v = unit.self?.[code];
      if (v === undefined) continue;
      grid[r][FORM_COLS.score] = v;
      grid[r][FORM_COLS.explanation] = 'Đã thực hiện';
      grid[r][FORM_COLS.evidence] = `QĐ ${code}`;
    }
    return { source: `${unit.id}.xlsx`, grid };
  });
}

function elapsed(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function cli(args: string[]): void {
  const run = spawnSync('node', [resolve('dist/cli/xephang.js'), ...args, '--quiet'], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`xephang ${args[0]} failed: ${run.stderr}`);
}

export function benchForms(units: number): void {
  const spec = generateCampaign(units, 150, 17);
  const blank = { ...spec, units: spec.units.map((u) => ({ ...u, self: {} })) };
  const sheets = Object.fromEntries(inputSheets(blank).map((b) => [b.name, b.rows]));
  const forms = filledForms(spec);
  const merge = time(5, () => {
    const out = mergeForms({ sheets, forms, time: 't' });
    if (!out.ok) throw new Error('benchmark merge failed');
  });
  // Baseline: find each unit's column and each code's row, copy the 150 scores.
  const baseline = time(5, () => {
    const grid = sheets['Tự chấm'].map((r) => [...r]);
    const colOf = new Map(grid[0].map((v, c) => [String(v), c]));
    const rowOf = new Map(grid.map((r, i) => [String(r[0]), i]));
    for (const f of forms) {
      const g = f.grid as CellValue[][];
      const c = colOf.get(String(g[FORM_ROWS.unitCode][1])) as number;
      for (let r = FORM_ROWS.header + 1; r < g.length; r++) {
        const target = rowOf.get(String(g[r][0]));
        if (target !== undefined) grid[target][c] = g[r][FORM_COLS.score];
      }
    }
  });
  console.log('');
  console.log(`Self-assessment forms, ${units} units × 150 criteria (median of 5)`);
  row(['step', 'ms', 'baseline ms', 'ratio'], 16);
  row(['core merge', fmt(merge), fmt(baseline, 2), fmt(merge / baseline)], 16);

  const dir = mkdtempSync(join(tmpdir(), 'xephang-bench-forms-'));
  try {
    const campaign = join(dir, 'campaign.xlsx');
    writeFileSync(campaign, buildWorkbook(inputSheets(blank)));
    const formsDir = join(dir, 'forms');
    const rankMs = elapsed(() => cli(['rank', campaign, '-o', join(dir, 'ranked.xlsx')]));
    const makeMs = elapsed(() => cli(['forms', campaign, '-o', formsDir]));
    // Fill the 200 files as the units would, then merge them with the CLI.
    for (const f of forms)
      writeFileSync(
        join(formsDir, f.source),
        buildWorkbook([{ name: 'Phiếu tự chấm', rows: f.grid as CellValue[][] }]),
      );
    const files = readdirSync(formsDir).map((f) => join(formsDir, f));
    const mergeMs = elapsed(() =>
      cli(['merge', campaign, ...files, '-o', join(dir, 'merged.xlsx')]),
    );
    row(['CLI forms', fmt(makeMs), fmt(rankMs), fmt(makeMs / rankMs, 2)], 16);
    row(['CLI merge', fmt(mergeMs), fmt(rankMs), fmt(mergeMs / rankMs, 2)], 16);
    console.log('  (CLI baseline: xephang rank of the same campaign, same run)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
