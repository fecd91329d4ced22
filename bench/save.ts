/**
 * "Lưu vào bảng tính" with a criterion added (issue 21): the Excel host's save on the counting
 * office-js fake — one read, the plan (checks, two campaign runs for the nomination question,
 * the score sheets' row operations), one write — against the core's one run on the same sheets,
 * measured in the same run. The ratio is what a save costs in "Xếp hạng" clicks.
 */
import { loadSetup, saveSetup, type ExcelRun } from '../addin/excelHost';
import { vi } from '../shared/i18n/vi';
import type { CellValue } from '../shared/model/types';
import { inputSheets } from '../shared/workbook/inputs';
import { localTime, runCampaign } from '../shared/workbook/run';
import { FakeExcel } from '../test/addin/fakeExcel';
import { exampleWorkbook } from '../test/ui/fixtures';
import { addChild } from '../ui/model/criteria';
import { markOrigins } from '../ui/model/setup';
import { generateCampaign } from './generate';
import { fmt, median, row } from './timing';

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function benchSave(sizes: number[]): Promise<void> {
  console.log('');
  console.log('Excel host, Save with one criterion added (median of 5) vs one core run');
  console.log(
    '(with "Đề cử cá nhân": the plan runs the campaign twice for the nomination question)',
  );
  row(['units', 'nominations', 'save ms', 'core ms', 'ratio', 'syncs', 'rows added']);
  const nominationsHeader = exampleWorkbook()[vi.workbook.sheets.nominations].slice(0, 1);
  for (const [units, withNominations] of sizes.flatMap((n) => [
    [n, false],
    [n, true],
  ]) as [number, boolean][]) {
    const sheets: Record<string, CellValue[][]> = Object.fromEntries(
      inputSheets(generateCampaign(units, 150, 5)).map((b) => [b.name, b.rows]),
    );
    if (withNominations) sheets[vi.workbook.sheets.nominations] = nominationsHeader;
    const saves: number[] = [];
    let syncs = 0;
    let added = 0;
    for (let i = 0; i < 6; i++) {
      const fake = FakeExcel.fromSheets(sheets);
      const run = fake.run as unknown as ExcelRun;
      const state = await loadSetup(run);
      if (state.kind !== 'ready') throw new Error('the generated campaign must load');
      const setup = markOrigins(structuredClone(state.setup));
      addChild(setup, [0]);
      const before = fake.syncs.length;
      const rowsBefore = Object.keys(sheets).reduce(
        (n, name) => n + (fake.sheet(name)?.grid().length ?? 0),
        0,
      );
      const ms = await timed(() => saveSetup(run, setup));
      if (i > 0) saves.push(ms);
      syncs = fake.syncs.length - before;
      added =
        Object.keys(sheets).reduce((n, name) => n + (fake.sheet(name)?.grid().length ?? 0), 0) -
        rowsBefore;
    }
    const cores: number[] = [];
    for (let i = 0; i < 6; i++) {
      const ms = await timed(async () => runCampaign({ sheets, time: localTime(new Date()) }));
      if (i > 0) cores.push(ms);
    }
    const save = median(saves);
    const core = median(cores);
    row([
      units,
      withNominations ? 'yes' : 'no',
      fmt(save),
      fmt(core),
      fmt(save / core, 2),
      syncs,
      added,
    ]);
  }
}
