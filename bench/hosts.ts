/**
 * The spreadsheet hosts per click, on counting fakes of their APIs: wall time of one whole
 * click (read, run, write into the fake) against the core alone on the same sheets
 * (`runCampaign`, measured in the same run), the host calls one click makes, the largest
 * request and the largest response (Excel on the web refuses either above 5 MB), and the gzipped size of each shipped bundle in dist/ (built by `npm run build`).
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';
import { gzipSync } from 'zlib';
import { rankWorkbook, type ExcelRun } from '../addin/excelHost';
import { rankSpreadsheet, type SheetsEnv } from '../gas/sheetsHost';
import { FakeSpreadsheet } from '../test/gas/fakeSheets';
import { inputSheets } from '../shared/workbook/inputs';
import { localTime, runCampaign } from '../shared/workbook/run';
import { FakeExcel } from '../test/addin/fakeExcel';
import { generateCampaign } from './generate';
import { fmt, row, timeAsync } from './timing';

export async function benchHosts(sizes: number[]): Promise<void> {
  console.log('');
  console.log('Excel host, one click on a counting office-js fake (median of 5) vs the core alone');
  row(['units', 'click ms', 'core ms', 'ratio', 'syncs', 'max req MB', 'max resp MB']);
  for (const units of sizes) {
    const sheets = Object.fromEntries(
      inputSheets(generateCampaign(units, 150, 5)).map((b) => [b.name, b.rows]),
    );
    let syncs = 0;
    let payload = 0;
    let response = 0;
    const click = await timeAsync(5, async () => {
      const fake = FakeExcel.fromSheets(sheets);
      const out = await rankWorkbook(fake.run as unknown as ExcelRun);
      syncs = out.syncs;
      payload = Math.max(...fake.syncs.map((s) => s.payload));
      // The refused whole read of a large campaign is not a response anyone receives.
      response = Math.max(...fake.syncs.filter((s) => s.response <= 5e6).map((s) => s.response));
    });
    const core = await timeAsync(5, async () => {
      runCampaign({ sheets, time: localTime(new Date()) });
    });
    row([
      units,
      fmt(click),
      fmt(core),
      fmt(click / core, 2),
      syncs,
      fmt(payload / 1e6, 2),
      fmt(response / 1e6, 2),
    ]);
  }
  console.log('');
  console.log('Google Sheets host, one click on a counting SpreadsheetApp fake (median of 5)');
  row(['units', 'click ms', 'core ms', 'ratio', 'calls', 'cells read', 'cells written'], 14);
  for (const units of sizes) {
    const sheets = Object.fromEntries(
      inputSheets(generateCampaign(units, 150, 5)).map((b) => [b.name, b.rows]),
    );
    let calls = 0;
    let read = 0;
    let written = 0;
    const click = await timeAsync(5, async () => {
      const book = FakeSpreadsheet.fromSheets(sheets);
      const g = book.globals();
      const env = {
        app: g.SpreadsheetApp,
        lock: g.LockService,
        session: g.Session,
      } as unknown as SheetsEnv;
      rankSpreadsheet(env);
      calls = book.calls.total();
      read = Object.values(sheets).reduce(
        (n, rows) => n + rows.reduce((m, r) => m + r.length, 0),
        0,
      );
      written = book.sheets
        .filter((s) => !(s.name in sheets))
        .reduce((n, s) => n + s.values.reduce((m, r) => m + r.length, 0), 0);
    });
    const core = await timeAsync(5, async () => {
      runCampaign({ sheets, time: localTime(new Date()) });
    });
    row([units, fmt(click), fmt(core), fmt(click / core, 2), calls, read, written], 14);
  }
  bundleSizes();
}

/** Gzipped sizes of the shipped bundles (dist/addin, dist/gas), when built. */
export function bundleSizes(): void {
  console.log('');
  console.log('Shipped bundles, gzipped (limit 150 KB for the task pane)');
  console.log(`${'bundle'.padEnd(36)}${'KB raw'.padStart(10)}${'KB gzip'.padStart(10)}`);
  let any = false;
  for (const dir of ['dist/addin', 'dist/gas']) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => /\.(js|html)$/.test(f))) {
      const bytes = readFileSync(path.join(dir, file));
      const raw = fmt(bytes.length / 1024).padStart(10);
      const gz = fmt(gzipSync(bytes).length / 1024).padStart(10);
      console.log(`${`${dir}/${file}`.padEnd(36)}${raw}${gz}`);
      any = true;
    }
  }
  if (!any) console.log('  (none built: run `npm run build` first)');
}
