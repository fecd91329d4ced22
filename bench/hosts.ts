/**
 * The spreadsheet hosts per click, on counting fakes of their APIs: wall time of one whole
 * click (read, run, write into the fake) against the core alone on the same sheets
 * (`runCampaign`, measured in the same run), the host calls one click makes, the largest
 * request, and the gzipped size of each shipped bundle in dist/ (built by `npm run build`).
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';
import { gzipSync } from 'zlib';
import { rankWorkbook, type ExcelRun } from '../addin/excelHost';
import { inputSheets } from '../shared/workbook/inputs';
import { localTime, runCampaign } from '../shared/workbook/run';
import { FakeExcel } from '../test/addin/fakeExcel';
import { generateCampaign } from './generate';
import { fmt, median, row } from './timing';

async function timeAsync(reps: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(ms);
}

export async function benchHosts(sizes: number[]): Promise<void> {
  console.log('');
  console.log('Excel host, one click on a counting office-js fake (median of 5) vs the core alone');
  row(['units', 'click ms', 'core ms', 'ratio', 'syncs', 'max req MB']);
  for (const units of sizes) {
    const sheets = Object.fromEntries(
      inputSheets(generateCampaign(units, 150, 5)).map((b) => [b.name, b.rows]),
    );
    let syncs = 0;
    let payload = 0;
    const click = await timeAsync(5, async () => {
      const fake = FakeExcel.fromSheets(sheets);
      const out = await rankWorkbook(fake.run as unknown as ExcelRun);
      syncs = out.syncs;
      payload = Math.max(...fake.syncs.map((s) => s.payload));
    });
    const core = await timeAsync(5, async () => {
      runCampaign({ sheets, time: localTime(new Date()) });
    });
    row([units, fmt(click), fmt(core), fmt(click / core, 2), syncs, fmt(payload / 1e6, 2)]);
  }
  bundleSizes();
}

/** Gzipped sizes of the shipped bundles (dist/addin, dist/gas), when built. */
export function bundleSizes(): void {
  console.log('');
  console.log('Shipped bundles, gzipped (limit 150 KB for the task pane)');
  row(['bundle', 'KB raw', 'KB gzip'], 28);
  let any = false;
  for (const dir of ['dist/addin', 'dist/gas']) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => /\.(js|html)$/.test(f))) {
      const bytes = readFileSync(path.join(dir, file));
      row([`${dir}/${file}`, fmt(bytes.length / 1024), fmt(gzipSync(bytes).length / 1024)], 28);
      any = true;
    }
  }
  if (!any) console.log('  (none built: run `npm run build` first)');
}
