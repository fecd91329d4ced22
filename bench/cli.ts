/**
 * The command line end to end against LibreOffice measured in the same run: `xephang rank` as a
 * child process (read the .xlsx, parse, score, rank, award, write the outputs) next to
 * LibreOffice headless loading, recalculating and saving the equivalent formula workbook of the
 * same size (bench/formulaWorkbook.ts: the leaf points as numbers, SUMPRODUCT totals, ROUND
 * index, COUNTIFS and RANK.EQ ranks; no cached values, so every formula is computed).
 * LibreOffice is given the leaf points ready-made, so it does less than the CLI does.
 * One LibreOffice profile serves every run, after one untimed warm-up conversion. The last
 * column counts the units where LibreOffice's results differ from the core's (0 expected).
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { buildWorkbook, readPackage, readSheets } from '../xlsx';
import { evaluateCampaign, inputSheets, type Evaluation } from '../shared';
import { formulaSheet, SHEET, type FormulaLayout } from './formulaWorkbook';
import { generateCampaign } from './generate';
import { PEAK_PRELOAD } from './peak';
import { convertWithSoffice, freshProfile, removeProfile, sofficeOnPath } from './soffice';
import { fmt, row, time } from './timing';

const LEAVES = 150;
const CLI_RUNS = 3;
const LO_RUNS = 2;

/** The median, averaging the middle two of an even count. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function elapsed(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Newest modification time of the .ts files under a folder. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** dist/cli/xephang.js, built first when missing or older than the sources it bundles. */
function cliPath(): string {
  const cli = resolve('dist/cli/xephang.js');
  const stale =
    !existsSync(cli) ||
    statSync(cli).mtimeMs <
      Math.max(
        newestSource(resolve('cli')),
        newestSource(resolve('xlsx')),
        newestSource(resolve('shared')),
      );
  if (stale) {
    const build = spawnSync('npm', ['run', 'build:cli'], { stdio: 'inherit' });
    if (build.status !== 0 || !existsSync(cli)) throw new Error('npm run build:cli failed');
  }
  return cli;
}

/**
 * Units whose total (to 1e-9), printed index or ranks in LibreOffice's recalculated workbook
 * differ from the core's: the oracle's check at benchmark size (0 expected).
 */
function disagreements(
  file: string,
  evaluation: Extract<Evaluation, { ok: true }>,
  layout: FormulaLayout,
): number {
  const rows = readSheets(readPackage(readFileSync(file)), [SHEET]).get(SHEET)?.rows ?? [];
  return evaluation.units.filter((u, i) => {
    const row = rows[layout.firstRow + i] ?? [];
    const index = u.printed.index === null ? null : u.printed.index / 1e6;
    return !(
      typeof row[layout.total] === 'number' &&
      Math.abs((row[layout.total] as number) - u.total / 1e6) <= 1e-9 &&
      (row[layout.index] ?? null) === index &&
      (row[layout.rankInBlock] ?? null) === u.rankInBlock &&
      (row[layout.rankOverall] ?? null) === u.rankOverall
    );
  }).length;
}

/** The peak resident memory, in MB, of `node <args>` (reported by the child as it exits). */
function peakMb(dir: string, args: string[]): number {
  const report = join(dir, 'peak.txt');
  const preload = join(dir, 'peak.js');
  writeFileSync(preload, PEAK_PRELOAD);
  const run = spawnSync('node', ['-r', preload, ...args], {
    env: { ...process.env, PEAK_FILE: report },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${run.stderr}`);
  return Number(readFileSync(report, 'utf8')) / 1024;
}

function rank(cli: string, input: string, output: string, extra: string[] = []): string {
  const run = spawnSync('node', [cli, 'rank', input, '-o', output, '--quiet', ...extra], {
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    throw new Error(`xephang rank failed (${run.status}): ${run.stdout}\n${run.stderr}`);
  }
  return run.stderr;
}

export function benchCli(sizes: number[]): void {
  console.log(
    `\nCLI end to end (xephang rank, child process, median of ${CLI_RUNS}) vs LibreOffice headless recalculating the equivalent formula workbook (median of ${LO_RUNS}), ${LEAVES} leaf criteria`,
  );
  const cli = cliPath();
  const soffice = sofficeOnPath();
  if (!soffice) console.log('  soffice is not on PATH: LibreOffice columns left empty');
  const dir = mkdtempSync(join(tmpdir(), 'xephang-bench-cli-'));
  const profile = freshProfile();
  try {
    // Each size as generated (appraised scores on a tenth of the cells, so a rank also writes
    // "Đối chiếu", "Lịch sử thẩm định" and "Lưu vết thẩm định"), then the smallest size once
    // more with its appraised scores removed: the same inputs otherwise, and what the rank
    // costs without those three sheets.
    const variants = sizes.map((units) => ({ units, appraised: true }));
    if (sizes.length > 0) variants.push({ units: Math.min(...sizes), appraised: false });
    const cases = variants.map(({ units, appraised }) => {
      const generated = generateCampaign(units, LEAVES, units);
      const spec = appraised
        ? generated
        : { ...generated, units: generated.units.map((u) => ({ ...u, appraised: {} })) };
      const label = appraised ? String(units) : `${units} self-only`;
      const name = appraised ? String(units) : `${units}-self`;
      const input = join(dir, `campaign-${name}.xlsx`);
      writeFileSync(input, buildWorkbook(inputSheets(spec)));
      const evaluation = evaluateCampaign(spec);
      if (!evaluation.ok) throw new Error('benchmark campaign is invalid');
      const formulas = join(dir, `formulas-${name}.xlsx`);
      const { sheet, layout } = formulaSheet(evaluation);
      writeFileSync(formulas, buildWorkbook([sheet]));
      return { label, name, input, formulas, evaluation, layout };
    });
    // the warm-up: LibreOffice creates its profile and loads its libraries once
    if (soffice && cases.length > 0) {
      convertWithSoffice([cases[0].formulas], join(dir, 'warm-up'), profile, 600_000);
    }
    row(['units', 'CLI ms', 'LibreOffice ms', 'ratio', 'LO ≠ core'], 16);
    for (const { label, name, input, formulas, evaluation, layout } of cases) {
      const cliMs = time(CLI_RUNS, () => rank(cli, input, join(dir, `out-${name}.xlsx`)));
      let loMs = Number.NaN;
      if (soffice) {
        const runs: number[] = [];
        for (let i = 0; i < LO_RUNS; i++) {
          runs.push(
            elapsed(() => convertWithSoffice([formulas], join(dir, 'lo'), profile, 600_000)),
          );
        }
        loMs = median(runs);
      }
      const differ = soffice
        ? disagreements(join(dir, 'lo', basename(formulas)), evaluation, layout)
        : '';
      row(
        [label, fmt(cliMs), soffice ? fmt(loMs) : '', soffice ? fmt(loMs / cliMs) : '', differ],
        16,
      );
    }
    // Where a run's time goes (one more run each, with --timings), next to Node's own start:
    // the floor under any command-line tool written for Node.
    const bare = time(CLI_RUNS, () => spawnSync('node', ['-e', '0']));
    console.log(`  Node alone (node -e 0): ${fmt(bare)} ms`);
    for (const { label, name, input } of cases) {
      const line = rank(cli, input, join(dir, `out-${name}.xlsx`), ['--timings']).trim();
      console.log(`  ${label}: ${line.split('\n').pop()}`);
    }
    // Peak memory (the process's maximum resident set, as the kernel counts it) of one rank,
    // against Node's own start-up in the same run.
    const bareMb = peakMb(dir, ['-e', '0']);
    console.log(
      `  Peak memory of one rank (peak RSS, VmHWM), against node -e 0 at ${fmt(bareMb)} MB:`,
    );
    for (const { label, name, input } of cases) {
      const mb = peakMb(dir, [cli, 'rank', input, '-o', join(dir, `out-${name}.xlsx`), '--quiet']);
      const inputMb = statSync(input).size / 1048576;
      console.log(
        `  ${label}: ${fmt(mb)} MB (${fmt(mb / bareMb)}× Node alone; input ${inputMb.toFixed(1)} MB)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    removeProfile(profile);
  }
}
