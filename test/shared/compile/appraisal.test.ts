/**
 * Appraisal by a panel: combining several appraisers' points (mean, median, trimmed mean, exact
 * in micro-points), N/A, recusal, disagreement, and round 2 over round 1 — through the core and
 * through the workbook, whose messages name the cell.
 */
import fc from 'fast-check';
import { evaluateCampaign, type Evaluation } from '../../../shared/evaluate';
import { combinePoints } from '../../../shared/compile/appraisal';
import { formatIssue } from '../../../shared/model/issues';
import type { AppraisalCombine, CampaignSpec, CellValue } from '../../../shared/model/types';
import { toMicro } from '../../../shared/numbers/points';
import { runCampaign } from '../../../shared/workbook/run';
import { bookOf, panelSpec, setSetting, type Book } from '../panelCampaign';

const µ = (points: number): number => toMicro(points);

describe('combinePoints (micro-points)', () => {
  const combine = (points: number[], method: AppraisalCombine): number =>
    combinePoints(points.map(µ), method);

  test('mean: exact sum, one division rounded half away from zero at the micro-point', () => {
    expect(combine([1, 0.75, 0.25], 'mean')).toBe(666_667); // 2 / 3 = 0,666666…
    expect(combine([0.25, 0.5], 'mean')).toBe(375_000);
    expect(combine([0.25, 0.5, 0.75, 0.25], 'mean')).toBe(437_500);
    expect(combine([1, 0, 0], 'mean')).toBe(333_333);
    expect(combine([0.000001, 0], 'mean')).toBe(1); // 0,5 µp → 1 µp
    expect(combine([-0.000001, 0], 'mean')).toBe(-1); // −0,5 µp → −1 µp
    expect(combine([0.75], 'mean')).toBe(750_000);
  });

  test('median: the middle value; an even count averages the two middle ones', () => {
    expect(combine([0.25, 1, 0.5], 'median')).toBe(500_000);
    expect(combine([1, 0.25, 0.75, 0.5], 'median')).toBe(625_000); // (0,5 + 0,75) / 2
    expect(combine([0.25, 0.5], 'median')).toBe(375_000);
    expect(combine([0, 0.25, 0.25, 1, 1], 'median')).toBe(250_000);
    expect(combine([0.000001, 0.000002], 'median')).toBe(2); // 1,5 µp → 2 µp
  });

  test('trimmed mean: one highest and one lowest dropped from 3 or more, else the mean', () => {
    expect(combine([0.25, 1], 'trimmedMean')).toBe(625_000); // 2 appraisers: the mean
    expect(combine([1, 0, 0.25, 0.75], 'trimmedMean')).toBe(500_000); // (0,25 + 0,75) / 2
    expect(combine([0, 0.5, 1], 'trimmedMean')).toBe(500_000);
    expect(combine([0, 0.25, 0.5, 0.5, 1], 'trimmedMean')).toBe(416_667); // 1,25 / 3
    expect(combine([1, 1, 0.25, 0.25], 'trimmedMean')).toBe(625_000); // ties drop one each
  });

  test('the input is not reordered', () => {
    const points = [µ(1), µ(0), µ(0.5)];
    combinePoints(points, 'median');
    expect(points).toEqual([µ(1), µ(0), µ(0.5)]);
  });
});

type Ok = Extract<Evaluation, { ok: true }>;
const ok = (e: Evaluation): Ok => {
  if (!e.ok) throw new Error(e.errors.map(formatIssue).join('\n'));
  return e;
};
const appraisedOf = (e: Ok, unit: string): number =>
  e.units.find((u) => u.id === unit)?.appraised as number;

describe('several appraisers, combined on points', () => {
  // STP: 1.1 ticks 1, 1, 1; 1.2 Tốt/Khá/Kém = 1, 0,75, 0,25; 1.3 100/75/50 % of 1 = 1, 0,75, 0,5.
  // SNV: 1.1 NV2 only (NV3's cell is blank) = 1; 1.2 0,75 and 0,5; 1.3 0,9 and 0,8.
  test.each([
    ['mean', 1 + 666_667 / 1e6 + 0.75, 1 + 0.625 + 0.85],
    ['median', 1 + 0.75 + 0.75, 1 + 0.625 + 0.85],
    ['trimmedMean', 1 + 0.75 + 0.75, 1 + 0.625 + 0.85],
  ] as const)('%s', (method, stp, snv) => {
    const e = ok(evaluateCampaign(panelSpec({ settings: { appraisalCombine: method } })));
    expect(appraisedOf(e, 'STP')).toBe(µ(stp));
    expect(appraisedOf(e, 'SNV')).toBe(µ(snv));
    // STC has no appraisal: its self score counts.
    expect(appraisedOf(e, 'STC')).toBe(µ(3));
    expect(e.units.find((u) => u.id === 'STP')?.printed.appraised).toBe(
      method === 'mean' ? µ(2.42) : µ(2.5),
    );
  });

  test('ticks and levels become points before they are combined', () => {
    // Two appraisers: a tick "x" (1 point) and "không" (0) → 0,5; "Khá" and "Kém" → 0,5.
    const spec = panelSpec();
    spec.units[2].appraisals = [
      { appraiser: 'NV2', scores: { '1.1': 'x', '1.2': 'Khá' } },
      { appraiser: 'NV3', scores: { '1.1': 'không', '1.2': 'Kém' } },
    ];
    const e = ok(evaluateCampaign(spec));
    expect(appraisedOf(e, 'STC')).toBe(µ(0.5 + 0.5 + 1));
  });

  test('N/A from every appraiser is N/A: the criterion leaves the max', () => {
    const spec = panelSpec();
    spec.units[0].appraisals = [
      { appraiser: 'NV2', scores: { '1.3': 'N/A' } },
      { appraiser: 'NV3', scores: { '1.3': 'KAD' } },
    ];
    const e = ok(evaluateCampaign(spec));
    const stp = e.units.find((u) => u.id === 'STP');
    expect(stp?.applicableMax).toBe(µ(2));
    expect(stp?.appraised).toBe(µ(2));
    expect(stp?.printed.index).toBe(µ(100));
  });

  test('N/A mixed with scores is an error naming both appraisers', () => {
    const spec = panelSpec();
    spec.units[0].appraisals = [
      { appraiser: 'NV2', scores: { '1.3': 80 } },
      { appraiser: 'NV3', scores: { '1.3': 'N/A' } },
    ];
    const e = evaluateCampaign(spec);
    expect(e.ok).toBe(false);
    if (e.ok) return;
    expect(e.errors.map(formatIssue)).toEqual([
      'Đơn vị STP, tiêu chí 1.3: Người chấm NV3 ghi "không áp dụng" nhưng người chấm NV2 chấm điểm tiêu chí 1.3 của đơn vị STP; các người chấm phải thống nhất.',
    ]);
  });

  test('an appraiser listed twice for one unit and round, or unknown, is an error', () => {
    const spec = panelSpec();
    spec.units[2].appraisals = [
      { appraiser: 'NV2', scores: { '1.1': 'x' } },
      { appraiser: 'NV2', scores: { '1.2': 'Tốt' } },
      { appraiser: 'NV9', scores: { '1.2': 'Tốt' } },
    ];
    const e = evaluateCampaign(spec);
    expect(e.ok ? [] : e.errors.map((i) => i.key)).toEqual([
      'duplicateAppraisal',
      'unknownAppraiser',
    ]);
  });
});

const errorsOf = (book: Book): string[] => {
  const r = runCampaign({ sheets: book, time: 't' });
  return r.ok ? [] : r.issues.filter((i) => i.severity === 'error').map(formatIssue);
};

describe('through the workbook: "Người chấm" row, located messages', () => {
  test('the sheet names each column set by its appraiser', () => {
    const book = bookOf(panelSpec());
    expect(book['Chấm điểm'].slice(0, 2)).toEqual([
      ['Mã tiêu chí', 'Tên tiêu chí', 'Điểm tối đa', 'STP', 'STP', 'STP', 'SNV', 'SNV', 'STC'],
      ['Người chấm', null, null, 'NV1', 'NV2', 'NV3', 'NV2', 'NV3', null],
    ]);
    const r = runCampaign({ sheets: book, time: 't' });
    expect(r.ok).toBe(true);
  });

  test('appraisers may be named by their name as well as their id', () => {
    const book = bookOf(panelSpec());
    book['Chấm điểm'][1][3] = 'Nguyễn Văn Một';
    const r = runCampaign({ sheets: book, time: 't' });
    if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
    expect(appraisedOf(r.evaluation, 'STP')).toBe(µ(1 + 666_667 / 1e6 + 0.75));
  });

  test('recusal: an appraiser scoring the unit he or she works in, at the first scored cell', () => {
    const book = bookOf(panelSpec());
    book['Chấm điểm'][1][6] = 'NV1'; // SNV's first column: NV1 works at SNV
    expect(errorsOf(book)).toEqual([
      "Trang tính 'Chấm điểm', ô G3: Người chấm NV1 công tác tại đơn vị SNV nên không được chấm điểm đơn vị này.",
    ]);
  });

  test('mixed N/A is located at the N/A cell', () => {
    const book = bookOf(panelSpec());
    book['Chấm điểm'][4][5] = 'N/A'; // NV3 on STP, 1.3
    expect(errorsOf(book)).toEqual([
      'Trang tính \'Chấm điểm\', ô F5: Người chấm NV3 ghi "không áp dụng" nhưng người chấm NV1 chấm điểm tiêu chí 1.3 của đơn vị STP; các người chấm phải thống nhất.',
    ]);
  });

  test('an unknown appraiser, a repeated column set, an unknown workplace', () => {
    const book = bookOf(panelSpec());
    book['Chấm điểm'][1][4] = 'NV9';
    book['Chấm điểm'][1][7] = 'NV2'; // SNV/NV2 twice
    const panel = book['Cấu hình'].findIndex((r) => r[0] === 'NV2');
    book['Cấu hình'][panel][2] = 'SXX';
    expect(errorsOf(book)).toEqual([
      'Trang tính \'Chấm điểm\', ô E2: Người chấm "NV9" không có trong mục NGƯỜI THẨM ĐỊNH của trang tính "Cấu hình".',
      'Trang tính \'Chấm điểm\', ô H1: Đơn vị "SNV" có hai cột điểm của cùng người chấm "NV2" trong một vòng.',
    ]);
    book['Chấm điểm'][1][4] = 'NV2';
    book['Chấm điểm'][1][7] = 'NV3';
    expect(errorsOf(book)).toEqual([
      `Trang tính 'Cấu hình', ô C${panel + 1}: Đơn vị công tác "SXX" của người thẩm định NV2 không có trong trang tính "Đơn vị".`,
    ]);
  });

  test('disagreement beyond "Chênh lệch tối đa giữa người chấm" is a located warning', () => {
    const book = bookOf(panelSpec());
    setSetting(book, 'Chênh lệch tối đa giữa người chấm', 0.5);
    const r = runCampaign({ sheets: book, time: 't' });
    if (!r.ok) throw new Error('invalid');
    // 1.2 of STP: 1 − 0,25 = 0,75 > 0,5; 1.3: 1 − 0,5 = 0,5 is not above the limit.
    expect(r.warnings.map(formatIssue)).toEqual([
      "Trang tính 'Chấm điểm', ô D4: Các người chấm lệch nhau 0,75 điểm ở tiêu chí 1.2 của đơn vị STP (từ 0,25 đến 1), quá 0,5 điểm: cần thảo luận.",
    ]);
    setSetting(book, 'Chênh lệch tối đa giữa người chấm', 0.4);
    const again = runCampaign({ sheets: book, time: 't' });
    expect(again.ok && again.warnings.map((w) => w.params.code)).toEqual(['1.2', '1.3']);
  });

  test('bad appraisal settings are located at their value cell', () => {
    const book = bookOf(panelSpec());
    setSetting(book, 'Chênh lệch tối đa giữa người chấm', 'nhiều');
    setSetting(book, 'Cách tổng hợp điểm thẩm định', 'Trung bình cộng');
    const row = (key: string): number => book['Cấu hình'].findIndex((r) => r[0] === key) + 1;
    expect(errorsOf(book)).toEqual([
      `Trang tính 'Cấu hình', ô B${row('Cách tổng hợp điểm thẩm định')}: Giá trị "Trung bình cộng" không hợp lệ; chọn một trong: Trung bình / Trung vị / Trung bình cắt.`,
      `Trang tính 'Cấu hình', ô B${row('Chênh lệch tối đa giữa người chấm')}: Giá trị "nhiều" phải là một số.`,
    ]);
    setSetting(book, 'Cách tổng hợp điểm thẩm định', 'trung vị');
    setSetting(book, 'Chênh lệch tối đa giữa người chấm', -1);
    expect(errorsOf(book)).toEqual([
      `Trang tính 'Cấu hình', ô B${row('Chênh lệch tối đa giữa người chấm')}: Chênh lệch tối đa giữa người chấm "-1" phải là số điểm không âm.`,
    ]);
  });
});

describe('round 2', () => {
  /** The panel campaign with round-2 scores: unit → appraiser → criterion → cell. */
  const round2 = (
    over: Record<string, Record<string, Record<string, CellValue>>>,
  ): CampaignSpec => {
    const spec = panelSpec();
    for (const unit of spec.units) {
      for (const [appraiser, scores] of Object.entries(over[unit.id] ?? {})) {
        (unit.appraisals ??= []).push({ round: 2, appraiser, scores: { ...scores } });
      }
    }
    return spec;
  };

  test('per cell, round 2 replaces round 1; round 1 stands where round 2 is blank', () => {
    // STP 1.2 re-scored in round 2 by NV2 alone: Tốt (1) replaces the round-1 panel's 2/3.
    const spec = round2({ STP: { NV2: { '1.2': 'Tốt', '1.3': '' } } });
    const e = ok(evaluateCampaign(spec));
    expect(appraisedOf(e, 'STP')).toBe(µ(1 + 1 + 0.75));
    expect(e.campaign.appraisal?.round2).toEqual(Uint32Array.from([1 * 3 + 0]));
  });

  test('round 2 with several appraisers is combined like round 1', () => {
    const spec = round2({ SNV: { NV2: { '1.3': 100 }, NV3: { '1.3': 50 } } });
    const e = ok(evaluateCampaign(spec));
    expect(appraisedOf(e, 'SNV')).toBe(µ(1 + 0.625 + 0.75));
  });

  test('"Chấm điểm vòng 2" in the workbook, with or without a "Người chấm" row', () => {
    const book = bookOf(round2({ STP: { NV2: { '1.2': 'Đạt' } } }));
    // STP by NV2, then one blank column for each unit nobody re-scored.
    expect(book['Chấm điểm vòng 2'][0]).toEqual([
      'Mã tiêu chí',
      'Tên tiêu chí',
      'Điểm tối đa',
      'STP',
      'SNV',
      'STC',
    ]);
    expect(book['Chấm điểm vòng 2'][1]).toEqual(['Người chấm', null, null, 'NV2', null, null]);
    let r = runCampaign({ sheets: book, time: 't' });
    expect(r.ok && appraisedOf(r.evaluation, 'STP')).toBe(µ(1 + 0.5 + 0.75));
    // The same round 2 typed by a clerk without names: one column per unit.
    book['Chấm điểm vòng 2'] = [
      ['Mã tiêu chí', 'STP', 'SNV', 'STC'],
      ['1.2', 'Đạt', null, null],
      ['1.3', null, null, 40],
    ];
    r = runCampaign({ sheets: book, time: 't' });
    expect(r.ok && appraisedOf(r.evaluation, 'STP')).toBe(µ(1 + 0.5 + 0.75));
    expect(r.ok && appraisedOf(r.evaluation, 'STC')).toBe(µ(1 + 1 + 0.4));
    // An error in round 2 names its own sheet.
    book['Chấm điểm vòng 2'][2][3] = 'bốn mươi';
    expect(errorsOf(book)).toEqual([
      'Trang tính \'Chấm điểm vòng 2\', ô D3: Giá trị "bốn mươi" không phải là số.',
    ]);
  });

  test('an empty "Chấm điểm vòng 2" sheet is as good as none', () => {
    const book = bookOf(panelSpec());
    book['Chấm điểm vòng 2'] = [[], [null]];
    expect(errorsOf(book)).toEqual([]);
  });

  test('one implicit appraiser in two rounds (no names anywhere)', () => {
    const spec: CampaignSpec = {
      ...panelSpec(),
      appraisers: undefined,
      units: panelSpec().units.map((u) => ({
        id: u.id,
        name: u.name,
        block: u.block,
        self: u.self,
        appraised: { '1.1': 'không', '1.2': 'Kém', '1.3': 50 },
        appraisals: [{ round: 2, scores: { '1.2': 'Khá' } }],
      })),
    };
    const e = ok(evaluateCampaign(spec));
    expect(appraisedOf(e, 'STP')).toBe(µ(0 + 0.75 + 0.5));
  });
});

describe('properties', () => {
  // The order of the appraisers' column sets never changes a result.
  const tick = fc.constantFrom<CellValue>(null, 'x', 'không', 'N/A');
  const level = fc.constantFrom<CellValue>(null, 'Tốt', 'Khá', 'Đạt', 'Kém', 'N/A');
  const share = fc.oneof(fc.constant<CellValue>(null), fc.integer({ min: 0, max: 100 }));
  test('permuting the appraisers\u2019 columns changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(tick, level, share), { minLength: 3, maxLength: 3 }),
        fc.constantFrom<AppraisalCombine>('mean', 'median', 'trimmedMean'),
        fc.integer({ min: 0, max: 1000 }),
        (cells, method, seed) => {
          const spec = panelSpec({ settings: { appraisalCombine: method, appraisalMaxSpread: 0 } });
          spec.units[2].appraisals = ['NV1', 'NV2', 'NV3'].map((appraiser, a) => ({
            appraiser,
            scores: { '1.1': cells[a][0], '1.2': cells[a][1], '1.3': cells[a][2] },
          }));
          const book = bookOf(spec);
          const sheet = book['Chấm điểm'];
          // Shuffle the score columns (D onwards) with a seeded permutation.
          const width = sheet[0].length;
          const order = Array.from({ length: width - 3 }, (_, i) => i + 3);
          let s = seed;
          for (let i = order.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) % 2147483648;
            const j = s % (i + 1);
            [order[i], order[j]] = [order[j], order[i]];
          }
          const shuffled = {
            ...book,
            'Chấm điểm': sheet.map((row) => [0, 1, 2, ...order].map((c) => row[c] ?? null)),
          };
          const a = runCampaign({ sheets: book, time: 't' });
          const b = runCampaign({ sheets: shuffled, time: 't' });
          const view = (r: ReturnType<typeof runCampaign>): unknown =>
            r.ok
              ? {
                  units: r.evaluation.units,
                  outputs: r.outputs
                    .filter((o) => o.name !== 'Nhật ký')
                    .map((o) => [o.rows, o.highlights]),
                  warnings: r.warnings.map((w) => [w.key, w.params]),
                }
              : r.issues.map((i) => JSON.stringify([i.key, i.params])).sort();
          expect(view(b)).toEqual(view(a));
        },
      ),
      { numRuns: 60 },
    );
  });
});
