/**
 * `npm run fuzz`: the long fuzz run — thousands of seeded mutations of the bundled examples,
 * each ranked by the built CLI in a child process and judged as in `npm test` (see
 * test/fuzz/harness.ts). Prints the figures per mutation and every failure with its seed.
 *
 *   FUZZ_CASES=3000 FUZZ_FIRST=1000 FUZZ_PARALLEL=2 npm run fuzz
 */
import { exampleSources, fuzz, type CaseResult } from '../test/fuzz/harness';

const sources = exampleSources();
const count = Number(process.env.FUZZ_CASES ?? 2000);
const first = Number(process.env.FUZZ_FIRST ?? 1000);
const parallel = Number(process.env.FUZZ_PARALLEL ?? 2);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
}

async function run(): Promise<void> {
  const started = Date.now();
  let done = 0;
  const results = await fuzz({
    sources,
    first,
    count,
    parallel,
    onCase: () => {
      done++;
      if (done % 250 === 0) process.stderr.write(`  ${done}/${count}\n`);
    },
  });
  const groups = new Map<string, CaseResult[]>();
  for (const r of results) {
    const key = `${r.mutation.level}/${r.mutation.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(
    `Fuzz: ${results.length} cases (seeds ${first}–${first + count - 1}), ${parallel} at a time, ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  console.log(
    `${'mutation'.padEnd(28)}${pad('cases', 7)}${pad('exit 0', 8)}${pad('exit 1', 8)}${pad('failed', 8)}${pad('peak MB', 9)}${pad('med ms', 8)}${pad('max ms', 8)}`,
  );
  for (const [key, rs] of [...groups].sort()) {
    const peak = Math.max(...rs.map((r) => r.outcome.peakMb || 0));
    console.log(
      `${key.padEnd(28)}${pad(rs.length, 7)}${pad(rs.filter((r) => r.outcome.code === 0).length, 8)}${pad(rs.filter((r) => r.outcome.code === 1).length, 8)}${pad(rs.filter((r) => !r.verdict.ok).length, 8)}${pad(peak.toFixed(0), 9)}${pad(median(rs.map((r) => r.outcome.ms)), 8)}${pad(Math.max(...rs.map((r) => r.outcome.ms)), 8)}`,
    );
  }
  const failures = results.filter((r) => !r.verdict.ok);
  const peak = Math.max(...results.map((r) => r.outcome.peakMb || 0));
  console.log(
    `all: ${results.length} cases, ${failures.length} failed, peak memory ${peak.toFixed(0)} MB`,
  );
  for (const f of failures.slice(0, 50)) {
    console.log(
      `\nseed ${f.seed} ${f.source} ${f.mutation.level}/${f.mutation.kind}: ${f.verdict.why.join(', ')}\n${f.outcome.message}`,
    );
  }
  process.exitCode = failures.length ? 1 : 0;
}

void run();
