/**
 * Runs `xephang rank` on a mutated workbook in a child process — so that a hang, a crash or a
 * memory blow-up is seen as what it is — and checks the promise the CLI makes for any input:
 * exit 0 with a readable output, or exit 1 with a located Vietnamese message and nothing
 * written; never a stack trace, never above a memory bound, never a change to the input.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { PEAK_PRELOAD } from '../../bench/peak';
import { buildCli as buildCliBundle } from '../cli/builtCli';
import { readPackage, readSheets } from '../../xlsx';
import { parseZip } from '../../xlsx/zip';
import { crc32, mutate, type Mutation } from './mutate';

export const MEMORY_BOUND_MB = 768;

/** The workbooks mutated, in this order (a case's source follows from its seed). */
export function exampleSources(): { name: string; bytes: Uint8Array }[] {
  const dir = join(__dirname, '../../examples');
  return ['an-giang-2018.xlsx', 'ninh-thuan-2020.xlsx', 'current-shape.xlsx', 'tinh-2025.xlsx'].map(
    (name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }),
  );
}
export const TIME_BOUND_MS = 30_000;
const RESULTS = 'Kết quả';

/** The CLI bundled from the sources, and a preload that reports the child's peak memory. */
export function buildCli(dir: string): { cli: string; preload: string } {
  const cli = buildCliBundle(dir);
  const preload = join(dir, 'peak.js');
  writeFileSync(preload, PEAK_PRELOAD);
  return { cli, preload };
}

export interface Outcome {
  code: number | null;
  signal: string | null;
  ms: number;
  peakMb: number;
  stdout: string;
  stderr: string;
  output?: Uint8Array;
  inputChanged: boolean;
  timedOut: boolean;
}

export async function runRank(
  tools: { cli: string; preload: string },
  bytes: Uint8Array,
  dir: string,
  command: 'rank' | 'check' = 'rank',
): Promise<Outcome> {
  const input = join(dir, 'so-cham-diem.xlsx');
  const output = join(dir, 'ket-qua.xlsx');
  const peakFile = join(dir, 'peak.txt');
  writeFileSync(input, bytes);
  const before = createHash('sha256').update(bytes).digest('hex');
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${MEMORY_BOUND_MB}`,
      '-r',
      tools.preload,
      tools.cli,
      command,
      input,
      ...(command === 'rank' ? ['-o', output] : []),
    ],
    { env: { ...process.env, PEAK_FILE: peakFile }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, TIME_BOUND_MS);
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  );
  clearTimeout(timer);
  const peakMb = existsSync(peakFile) ? Number(readFileSync(peakFile, 'utf8')) / 1024 : NaN;
  const after = createHash('sha256').update(readFileSync(input)).digest('hex');
  return {
    code,
    signal,
    ms: Date.now() - started,
    peakMb,
    stdout,
    stderr,
    output: existsSync(output) ? new Uint8Array(readFileSync(output)) : undefined,
    inputChanged: before !== after,
    timedOut,
  };
}

/** "Kết quả" as text rows, the thing a silently wrong score would change. */
export function resultRows(bytes: Uint8Array): string {
  const sheet = readSheets(readPackage(bytes, 'out'), [RESULTS]).get(RESULTS);
  return JSON.stringify(sheet?.rows ?? null);
}

/** Every entry inflates to its declared size and CRC, and every XML part has balanced tags. */
export function packageProblems(bytes: Uint8Array): string[] {
  const problems: string[] = [];
  const entries = parseZip(bytes);
  const names = new Set<string>();
  for (const e of entries) {
    const key = e.name.toLowerCase();
    if (names.has(key)) problems.push(`${e.name}: twice`);
    names.add(key);
    let data: Uint8Array;
    try {
      data = e.method === 0 ? e.raw! : inflateRawSync(e.raw!);
    } catch {
      problems.push(`${e.name}: does not inflate`);
      continue;
    }
    if (data.length !== e.size) problems.push(`${e.name}: size`);
    if (crc32(data) !== e.crc) problems.push(`${e.name}: crc`);
    if (/\.(xml|rels)$/i.test(e.name) && !balanced(Buffer.from(data).toString('utf8'))) {
      problems.push(`${e.name}: unbalanced XML`);
    }
  }
  if (!names.has('[content_types].xml')) problems.push('no [Content_Types].xml');
  return problems;
}

/** Start and end tags pair up (a cheap well-formedness check: no DTD, comments or CDATA tags). */
export function balanced(xml: string): boolean {
  const stack: string[] = [];
  const body = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClosing] = m;
    if (selfClosing) continue;
    if (!close) stack.push(name);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0 && body.includes('<');
}

const STACK = /^\s+at .+:\d+:\d+\)?$/m;
const ENGLISH_ERROR =
  /\b(TypeError|RangeError|ReferenceError|SyntaxError|Error):|Maximum call stack|heap out of memory/;

/** An error row of the CLI's issue table that names a sheet, a cell or the file. */
const LOCATED = /^Lỗi \| *[^|\s][^|]*\||^Lỗi \| *\| *\S/m;

export interface Verdict {
  ok: boolean;
  why: string[];
}

/** What must hold for one case; `original` is "Kết quả" of the unmutated workbook. */
export function judge(m: Mutation, o: Outcome, original: string): Verdict {
  const why: string[] = [];
  const all = o.stdout + '\n' + o.stderr;
  if (o.timedOut) why.push(`hang: killed after ${TIME_BOUND_MS} ms`);
  if (o.signal) why.push(`killed by ${o.signal}`);
  if (o.code !== 0 && o.code !== 1) why.push(`exit code ${o.code}`);
  if (STACK.test(all) || ENGLISH_ERROR.test(all)) why.push('a stack trace or an English error');
  if (!(o.peakMb < MEMORY_BOUND_MB)) why.push(`peak memory ${o.peakMb.toFixed(0)} MB`);
  if (o.inputChanged) why.push('the input file changed');
  if (o.code === 1) {
    if (o.output) why.push('exit 1 but an output was written');
    if (!LOCATED.test(all)) why.push('exit 1 without a located message');
  }
  if (o.code === 0) {
    if (!o.output) why.push('exit 0 without an output');
    else {
      let rows: string | undefined;
      try {
        const problems = packageProblems(o.output);
        if (problems.length) why.push(`output damaged: ${problems.slice(0, 3).join('; ')}`);
        rows = resultRows(o.output);
      } catch (e) {
        why.push(`output unreadable: ${(e as Error).message}`);
      }
      if (rows !== undefined && m.expect !== 'any' && rows !== original) {
        why.push(
          m.expect === 'equivalent'
            ? 'an equivalent workbook gave other results'
            : 'a damaged workbook was ranked with other results (a silently wrong score)',
        );
      }
    }
  }
  if (m.expect === 'equivalent' && o.code !== 0) why.push('an equivalent workbook was refused');
  return { ok: why.length === 0, why };
}

export interface CaseResult {
  seed: number;
  source: string;
  mutation: Pick<Mutation, 'level' | 'kind' | 'expect'>;
  outcome: Omit<Outcome, 'output' | 'stdout' | 'stderr'> & { message: string };
  verdict: Verdict;
}

/** Runs `count` cases from `first`, `parallel` at a time, over the given source workbooks. */
export async function fuzz(options: {
  sources: { name: string; bytes: Uint8Array }[];
  first: number;
  count: number;
  parallel: number;
  onCase?: (r: CaseResult) => void;
}): Promise<CaseResult[]> {
  const root = mkdtempSync(join(tmpdir(), 'xephang-fuzz-'));
  try {
    const tools = buildCli(root);
    const originals = new Map<string, string>();
    for (const s of options.sources) {
      const dir = mkdtempSync(join(root, 'orig-'));
      const o = await runRank(tools, s.bytes, dir);
      if (o.code !== 0 || !o.output)
        throw new Error(`${s.name} does not rank: ${o.stdout}${o.stderr}`);
      originals.set(s.name, resultRows(o.output));
    }
    const results: CaseResult[] = [];
    let next = options.first;
    const end = options.first + options.count;
    const worker = async (): Promise<void> => {
      while (next < end) {
        const seed = next++;
        const source = options.sources[Math.floor(seed / 3) % options.sources.length];
        const m = mutate(source.bytes, seed);
        const dir = mkdtempSync(join(root, `case-${seed}-`));
        const o = await runRank(tools, m.bytes, dir);
        const verdict = judge(m, o, originals.get(source.name)!);
        // Every fourth case is also checked: \`check\` must not call valid what \`rank\` refuses
        // (nor the reverse).
        if (seed % 4 === 0) {
          const checked = await runRank(tools, m.bytes, dir, 'check');
          if (checked.code !== o.code) {
            verdict.ok = false;
            verdict.why.push(`check exits ${checked.code} where rank exits ${o.code}`);
          }
        }
        rmSync(dir, { recursive: true, force: true });
        const firstLines = (o.stdout + o.stderr).split('\n').slice(0, 6).join('\n');
        const result: CaseResult = {
          seed,
          source: source.name,
          mutation: { level: m.level, kind: m.kind, expect: m.expect },
          outcome: {
            code: o.code,
            signal: o.signal,
            ms: o.ms,
            peakMb: o.peakMb,
            inputChanged: o.inputChanged,
            timedOut: o.timedOut,
            message: firstLines,
          },
          verdict,
        };
        results.push(result);
        options.onCase?.(result);
      }
    };
    await Promise.all(Array.from({ length: options.parallel }, worker));
    return results.sort((a, b) => a.seed - b.seed);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
