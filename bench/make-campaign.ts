/**
 * Writes the benchmark campaigns as .xlsx files to try in a real Excel or Google Sheets (see
 * docs/real-hosts-checklist.md): `npx tsx bench/make-campaign.ts 1000 10000` writes
 * out/campaign-1000.xlsx and out/campaign-10000.xlsx — 150 criteria, 4 blocks, self scores on
 * every leaf and appraisals on about a tenth of the cells (bench/generate.ts, seeded: the same
 * file every time). `--self-only` leaves the appraisals out.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inputSheets } from '../shared';
import { buildWorkbook } from '../xlsx';
import { generateCampaign } from './generate';

const args = process.argv.slice(2);
const selfOnly = args.includes('--self-only');
const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
if (sizes.length === 0) {
  console.error('usage: npx tsx bench/make-campaign.ts <units>... [--self-only]');
  process.exit(2);
}
mkdirSync('out', { recursive: true });
for (const units of sizes) {
  const generated = generateCampaign(units, 150, units);
  const spec = selfOnly
    ? { ...generated, units: generated.units.map((u) => ({ ...u, appraised: {} })) }
    : generated;
  const file = join('out', `campaign-${units}${selfOnly ? '-self' : ''}.xlsx`);
  writeFileSync(file, buildWorkbook(inputSheets(spec)));
  console.log(file);
}
