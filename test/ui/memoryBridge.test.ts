/**
 * The memory bridge, the reference host: load → edit → save → rank round trips on the An Giang
 * 2018 workbook, with the reads and writes a real host would make.
 */
import { anGiang2018 } from '../../examples/an-giang-2018';
import type { CampaignSetup } from '../../shared/model/types';
import { runCampaign, runSummary } from '../../shared/workbook/run';
import { memoryBridge } from '../../ui/memoryBridge';
import { setQuota, setQuotaMode } from '../../ui/model/awards';
import { setRuleParams } from '../../ui/model/criteria';
import { nodeAt } from '../../ui/model/setup';
import { exampleWorkbook, workbookCase, workbookOf } from './fixtures';

const NOW = (): Date => new Date(2026, 10, 25, 16, 20, 55);

async function loadReady(bridge: ReturnType<typeof memoryBridge>): Promise<CampaignSetup> {
  const state = await bridge.loadSetup();
  if (state.kind !== 'ready') throw new Error(`expected ready, got ${state.kind}`);
  return state.setup;
}

test('load the example, raise a quota, save, rank: the summary shows the new proposals', async () => {
  const bridge = memoryBridge(exampleWorkbook(), { now: NOW });
  const before = await bridge.rank();
  if (!before.ok) throw new Error('the example must rank');

  const setup = await loadReady(bridge);
  expect(bridge.stats.sheetsRead.slice(-2)).toEqual(['Cấu hình', 'Tiêu chí']);
  const award = setup.awards!.awards[0];
  setQuotaMode(award, 'perBlock', setup.blocks);
  expect(setQuota(award, 'huyen', '4')).toBeUndefined();
  const writes = bridge.stats.writes;
  await expect(bridge.saveSetup(setup)).resolves.toEqual({ ok: true });
  expect(bridge.stats.writes).toBe(writes + 1);
  expect(bridge.stats.sheetsWritten.slice(-2)).toEqual(['Cấu hình', 'Tiêu chí']);

  // The saved sheets read back to the same quota.
  const again = await loadReady(bridge);
  expect(again.awards!.awards[0].quotaPerBlock).toEqual({ so: 3, huyen: 4 });

  const after = await bridge.rank();
  if (!after.ok) throw new Error('the edited example must rank');
  // What the core itself computes for the edited campaign.
  const edited = {
    ...anGiang2018,
    awards: { ...anGiang2018.awards!, awards: [{ ...award, quotaPerBlock: { so: 3, huyen: 4 } }] },
  };
  const expected = runSummary(
    runCampaign({ sheets: workbookOf(edited), time: after.time }),
    after.time,
  );
  expect(after).toEqual(expected);
  expect(after.proposals).not.toBe(before.proposals);
  expect(after.time).toBe('2026-11-25 16:20:55');
  expect(after.sheets).toEqual([
    'Kết quả',
    'Đề nghị khen thưởng',
    'Đối chiếu',
    'Lịch sử thẩm định',
    'Lưu vết thẩm định',
    'Nhật ký',
  ]);
  expect(bridge.sheets['Nhật ký']).toHaveLength(3); // header + one row per run
  expect(bridge.calls).toEqual(['rank', 'loadSetup', 'saveSetup', 'loadSetup', 'rank']);
  // One batch read per call (a save reads what a run reads, to keep the score sheets in step),
  // at most one batch write per call.
  expect(bridge.stats.reads).toBe(5);
  expect(bridge.stats.writes).toBe(3);
});

test('a setup with an error is not saved; the errors say where', async () => {
  const bridge = memoryBridge(exampleWorkbook());
  const setup = await loadReady(bridge);
  const leaf = nodeAt(setup.criteria, [0, 0, 1]);
  expect(leaf?.rule?.kind).toBe('tiers');
  // Read back fine, but a tier worth more than the criterion's max is a setup error.
  expect(setRuleParams(leaf!, '≥ 100: 9; ≥ 50: 1')).toBeUndefined();
  const result = await bridge.saveSetup(setup);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.errors).toEqual([
    {
      severity: 'error',
      text: "Trang tính 'Tiêu chí', ô E5: Tiêu chí 1.1.2: ngưỡng 100 được 9 điểm, vượt điểm tối đa 7,5.",
      sheet: 'Tiêu chí',
      cell: 'E5',
    },
  ]);
  expect(bridge.stats.writes).toBe(0);
});

test('a broken workbook: the setup is invalid, located, and a run writes nothing', async () => {
  const bridge = memoryBridge(workbookCase('invalid'));
  const state = await bridge.loadSetup();
  expect(state.kind).toBe('invalid');
  if (state.kind !== 'invalid') return;
  expect(state.errors.map((e) => [e.sheet, e.cell])).toEqual([
    ['Cấu hình', 'B6'],
    ['Tiêu chí', 'D4'],
  ]);
  const summary = await bridge.rank();
  expect(summary.ok).toBe(false);
  expect(bridge.stats.writes).toBe(0);
  await bridge.selectCell('Tiêu chí', 'D4');
  expect(bridge.selections).toEqual([{ sheet: 'Tiêu chí', cell: 'D4' }]);
});

test('an empty workbook: "Tạo mẫu" once, then a ready setup', async () => {
  const bridge = memoryBridge(workbookCase('empty'));
  await expect(bridge.loadSetup()).resolves.toEqual({ kind: 'empty' });
  const bad = await bridge.createTemplate({ units: 2001, year: 2025 });
  expect(bad).toEqual({
    ok: false,
    errors: [{ severity: 'error', text: 'Số đơn vị phải là số nguyên từ 0 đến 2000.' }],
  });
  await expect(bridge.createTemplate({ units: 4, year: 2025 })).resolves.toEqual({ ok: true });
  expect(bridge.stats.writes).toBe(1);
  expect(Object.keys(bridge.sheets)).toEqual(
    expect.arrayContaining(['Cấu hình', 'Tiêu chí', 'Đơn vị', 'Tự chấm', 'Chấm điểm']),
  );
  const setup = await loadReady(bridge);
  expect(setup.year).toBe(2025);
  const twice = await bridge.createTemplate({ units: 4, year: 2025 });
  expect(twice.ok).toBe(false);
  expect(bridge.stats.writes).toBe(1);
});
