/**
 * `npm run bench`: times the core against a baseline measured in the same run, and prints
 * ratios. Baseline = the least work possible: a bare Float64Array sum-of-products over the
 * same number of cells plus a sort of the totals.
 */
import { compileCampaign } from '../shared/model/compile';
import { rankCampaign } from '../shared/evaluate';
import { scoreCampaign } from '../shared/scoring/score';
import { generateCampaign, prng } from './generate';

const LEAVES = 150;
/** Bytes held by the typed arrays of a result object (nested arrays included). */
function bytesOf(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (Array.isArray(value))
    return value.reduce((sum: number, v) => sum + bytesOf(v), 8 * value.length);
  if (value && typeof value === 'object') {
    return Object.values(value).reduce((sum: number, v) => sum + bytesOf(v), 0);
  }
  return 0;
}
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(reps: number, fn: () => unknown): number {
  fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(ms);
}

function baseline(units: number): () => unknown {
  const r = prng(7);
  const values = new Float64Array(units * LEAVES).map(() => (r() < 0.8 ? 1 : 0));
  const weights = new Float64Array(LEAVES).map(() => 0.5);
  return () => {
    const totals = new Float64Array(units);
    for (let l = 0; l < LEAVES; l++) {
      const w = weights[l] as number;
      const base = l * units;
      for (let u = 0; u < units; u++) totals[u] += (values[base + u] as number) * w;
    }
    return totals.sort();
  };
}

const fmt = (x: number, d = 1): string => x.toFixed(d).padStart(9);

console.log(
  `Scoring + ranking, ${LEAVES} leaf criteria per unit (median of repeated runs; compile = parse + validate, timed apart)`,
);
console.log(
  ['units', 'ms', 'baseline ms', 'ratio', 'heap MB', 'result MB', 'µs/unit', 'compile ms']
    .map((h) => h.padStart(11))
    .join(''),
);
for (const units of sizes) {
  const spec = generateCampaign(units, LEAVES, units);
  const reps = units >= 100_000 ? 5 : 15;
  let compiled = compileCampaign(spec).campaign;
  const compileMs = time(1, () => {
    compiled = compileCampaign(spec).campaign;
  });
  if (!compiled) throw new Error('benchmark campaign is invalid');
  const campaign = compiled;
  const ms = time(reps, () => rankCampaign(campaign, scoreCampaign(campaign)));
  // heap MB: the process's live JS heap + array buffers with this size's campaign loaded;
  // result MB: the bytes of one run's score table and ranking (all typed arrays).
  const table = scoreCampaign(campaign);
  const ranking = rankCampaign(campaign, table);
  const resultMb = (bytesOf(table) + bytesOf(ranking)) / 2 ** 20;
  const memory = process.memoryUsage();
  const heapMb = (memory.heapUsed + memory.arrayBuffers) / 2 ** 20;
  const base = time(reps, baseline(units));
  console.log(
    [
      String(units).padStart(11),
      fmt(ms),
      fmt(base, 2),
      fmt(ms / base),
      fmt(heapMb),
      fmt(resultMb),
      fmt((ms * 1000) / units, 2),
      fmt(compileMs),
    ]
      .map((s) => s.padStart(11))
      .join(''),
  );
}
