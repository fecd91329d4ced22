/**
 * Award allocation for 10,000 units: gates (registration, discipline with parents, flags,
 * classification, improvement) and two award types with per-block quotas, a cap and
 * runners-up, against a baseline measured in the same run: sorting the ranking values and
 * taking the top places of each block in one pass — the least work an allocation can do.
 */
import { proposeAwards } from '../shared/awards/proposals';
import { rankCampaign } from '../shared/ranking/rankCampaign';
import { compileCampaign } from '../shared/compile';
import type { CampaignSpec } from '../shared/model/types';
import { scoreCampaign } from '../shared/scoring/score';
import { generateCampaign, prng } from './generate';
import { fmt, row, time } from './timing';

export function withAwards(spec: CampaignSpec, seed: number): CampaignSpec {
  const r = prng(seed);
  return {
    ...spec,
    units: spec.units.map((unit, u) => ({
      ...unit,
      profile: {
        registeredOn: r() < 0.95 ? '2025-03-20' : '2025-04-02',
        staff: 40,
        staffViolating: r() < 0.9 ? 0 : Math.floor(r() * 8),
        parent: u >= 100 && r() < 0.3 ? spec.units[Math.floor(r() * 100)].id : undefined,
        flags: r() < 0.8 ? ['excellent', 'initiative'] : ['excellent'],
        previous: { index: 50 + r() * 40 },
      },
    })),
    awards: {
      gates: [
        { kind: 'registration', deadline: '2025-03-30' },
        { kind: 'discipline', maxShare: 0.1 },
        { kind: 'flag', flag: 'excellent' },
        { kind: 'improvement', measures: ['index'] },
      ],
      awards: [
        { id: 'co', name: 'Cờ thi đua', quotaPerBlock: 1, gates: [{ kind: 'minIndex', min: 80 }] },
        { id: 'bk', name: 'Bằng khen', quotaPerBlock: 30, cap: 100 },
      ],
      runnersUpPerBlock: 2,
    },
  };
}

function baseline(values: Float64Array, blocks: Int32Array, blockCount: number): () => unknown {
  return () => {
    const order = new Uint32Array(values.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    order.sort((a, b) => values[b] - values[a]);
    const taken = new Int32Array(blockCount);
    let awarded = 0;
    for (const u of order) if (taken[blocks[u]]++ < 30) awarded++;
    return awarded;
  };
}

export function benchAwards(units: number): void {
  const spec = withAwards(generateCampaign(units, 150, 11), 3);
  const campaign = compileCampaign(spec).campaign;
  if (!campaign) throw new Error('benchmark campaign is invalid');
  const table = scoreCampaign(campaign);
  const ranking = rankCampaign(campaign, table);
  let proposals = 0;
  const ms = time(15, () => {
    const out = proposeAwards(spec, campaign, table, ranking);
    if (!out.outcome) throw new Error('benchmark awards are invalid');
    proposals = out.outcome.allocation.proposals.length;
  });
  const blocks = Int32Array.from(campaign.units, (u) => u.block);
  const base = time(15, baseline(ranking.rankingValue, blocks, campaign.blocks.length));
  console.log('');
  console.log('Award proposals (gates + allocation + runners-up), median of 15 runs');
  row(['units', 'ms', 'baseline ms', 'ratio', 'proposals']);
  row([units, fmt(ms), fmt(base, 2), fmt(ms / base), proposals]);
}
