/**
 * Scoring + ranking against a baseline measured in the same run: a bare Float64Array
 * sum-of-products over the same number of cells plus a sort of the totals — the least work
 * possible.
 */
import { rankCampaign } from '../shared/ranking/rankCampaign';
import { compileCampaign } from '../shared/compile';
import { scoreCampaign } from '../shared/scoring/score';
import { generateCampaign, prng } from './generate';
import { bytesOf, fmt, row, time } from './timing';

const LEAVES = 150;

function baseline(units: number): () => unknown {
  const r = prng(7);
  const values = new Float64Array(units * LEAVES).map(() => (r() < 0.8 ? 1 : 0));
  const weights = new Float64Array(LEAVES).map(() => 0.5);
  return () => {
    const totals = new Float64Array(units);
    for (let l = 0; l < LEAVES; l++) {
      const w = weights[l];
      const base = l * units;
      for (let u = 0; u < units; u++) totals[u] += values[base + u] * w;
    }
    return totals.sort();
  };
}

export function benchScoring(sizes: number[]): void {
  console.log(
    `Scoring + ranking, ${LEAVES} leaf criteria per unit (median of repeated runs; compile = parse + validate, timed apart)`,
  );
  row(['units', 'ms', 'baseline ms', 'ratio', 'heap MB', 'result MB', 'µs/unit', 'compile ms']);
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
    row([
      units,
      fmt(ms),
      fmt(base, 2),
      fmt(ms / base),
      fmt(heapMb),
      fmt(resultMb),
      fmt((ms * 1000) / units, 2),
      fmt(compileMs),
    ]);
  }
}
