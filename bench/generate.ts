/**
 * Seeded random campaigns for benchmarks: 8 fields × ~19 leaves of mixed rule kinds,
 * 4 blocks, self scores on every leaf and appraisals on about a tenth of the cells.
 */
import type { CampaignSpec, CellValue, CriterionSpec, UnitSpec } from '../shared/model/types';
import { prng } from '../examples/prng';

export { prng };

const KINDS = ['tick', 'tick', 'tick', 'levels', 'tiers', 'proportional', 'deduction'] as const;

function leaf(code: string, kind: (typeof KINDS)[number]): CriterionSpec {
  const name = `Tiêu chí ${code}`;
  switch (kind) {
    case 'tick':
      return { code, name, max: 0.5, rule: { kind: 'tick' } };
    case 'levels':
      return {
        code,
        name,
        max: 1,
        rule: {
          kind: 'levels',
          levels: [
            { label: 'Đúng hạn', points: 1 },
            { label: 'Trễ hạn', points: 0.5 },
            { label: 'Không thực hiện', points: 0 },
          ],
        },
      };
    case 'tiers':
      return {
        code,
        name,
        max: 1,
        rule: {
          kind: 'tiers',
          tiers: [
            { min: 100, points: 1 },
            { min: 80, points: 0.5 },
          ],
        },
      };
    case 'proportional':
      return { code, name, max: 1.5, rule: { kind: 'proportional', of: 100 } };
    case 'deduction':
      return { code, name, max: 1, rule: { kind: 'deduction', perCount: 0.25 } };
  }
}

function input(kind: (typeof KINDS)[number], r: () => number): CellValue {
  const x = r();
  switch (kind) {
    case 'tick':
      return x < 0.8;
    case 'levels':
      return x < 0.7 ? 'Đúng hạn' : x < 0.9 ? 'Trễ hạn' : 'Không thực hiện';
    case 'tiers':
    case 'proportional':
      return Math.round(x * 10000) / 100 + 20;
    case 'deduction':
      return Math.floor(x * x * 4);
  }
}

export function generateCampaign(units: number, leaves = 150, seed = 1): CampaignSpec {
  const r = prng(seed);
  const fields = 8;
  const criteria: CriterionSpec[] = [];
  const leafKinds: [string, (typeof KINDS)[number]][] = [];
  for (let f = 1; f <= fields; f++) {
    const count = Math.floor(leaves / fields) + (f <= leaves % fields ? 1 : 0);
    const children: CriterionSpec[] = [];
    for (let i = 1; i <= count; i++) {
      const kind = KINDS[Math.floor(r() * KINDS.length)] as (typeof KINDS)[number];
      const child = leaf(`${f}.${i}`, kind);
      children.push(child);
      leafKinds.push([child.code, kind]);
    }
    const max = children.reduce((s, c) => s + Math.round(c.max * 100), 0) / 100;
    criteria.push({ code: String(f), name: `Lĩnh vực ${f}`, max, children });
  }
  const blocks = ['so', 'xa', 'phuong', 'khac'].map((id) => ({ id, name: `Khối ${id}` }));
  const unitSpecs: UnitSpec[] = [];
  for (let u = 0; u < units; u++) {
    const self: Record<string, CellValue> = {};
    const appraised: Record<string, CellValue> = {};
    for (const [code, kind] of leafKinds) {
      self[code] = input(kind, r);
      if (r() < 0.1) appraised[code] = input(kind, r);
    }
    unitSpecs.push({
      id: `DV${String(u).padStart(6, '0')}`,
      name: `Đơn vị ${u}`,
      block: (blocks[u % blocks.length] as { id: string }).id,
      self,
      appraised,
      components: { sipas: Math.round(r() * 1000) / 100 },
    });
  }
  return {
    id: `bench-${units}`,
    name: 'Benchmark',
    year: 2025,
    blocks,
    criteria,
    components: [{ id: 'sipas', name: 'SIPAS', max: 10 }],
    units: unitSpecs,
  };
}
