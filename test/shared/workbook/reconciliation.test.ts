/**
 * "Đối chiếu": per appraised unit, one row per applicable leaf (self, appraised, difference,
 * the unit's reply, notes), then its totals; differences and discussions highlighted.
 */
import { evaluateCampaign, type Evaluation } from '../../../shared/evaluate';
import { formatIssue } from '../../../shared/model/issues';
import type { CampaignSpec } from '../../../shared/model/types';
import { renderReconciliation } from '../../../shared/workbook/reconciliation';
import { runCampaign } from '../../../shared/workbook/run';
import { vi } from '../../../shared/i18n/vi';
import { bookOf, panelSpec } from '../panelCampaign';

type Ok = Extract<Evaluation, { ok: true }>;
const ok = (spec: CampaignSpec): Ok => {
  const e = evaluateCampaign(spec);
  if (!e.ok) throw new Error(e.errors.map(formatIssue).join('\n'));
  return e;
};

const HEADER = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Mã tiêu chí',
  'Tên tiêu chí',
  'Điểm tối đa',
  'Điểm tự chấm',
  'Điểm thẩm định',
  'Chênh lệch',
  'Giải trình bổ sung',
  'Ghi chú',
];

function campaign(): CampaignSpec {
  const spec = panelSpec({
    settings: { appraisalMaxSpread: 0.5 },
    replies: [
      {
        unit: 'STP',
        criterion: '1.2',
        text: 'Đã bổ sung báo cáo quý IV',
        evidence: 'Công văn 12/STP',
      },
    ],
  });
  // SNV said 1.3 does not apply to it; the appraisers agree (both N/A).
  spec.units[1].self = { '1.1': 'x', '1.2': 'Tốt', '1.3': 'N/A' };
  spec.units[1].appraisals = [
    { appraiser: 'NV2', scores: { '1.1': 'x', '1.2': 'Khá', '1.3': 'N/A' } },
    { appraiser: 'NV3', scores: { '1.2': 'Khá', '1.3': 'N/A' } },
    { round: 2, appraiser: 'NV2', scores: { '1.1': 'không' } },
  ];
  return spec;
}

test('rows, totals, notes and highlights of a small campaign', () => {
  const spec = campaign();
  const block = renderReconciliation(ok(spec), spec);
  expect(block?.name).toBe('Đối chiếu');
  expect(block?.rows).toEqual([
    HEADER,
    ['STP', 'Sở Tư pháp', '1.1', 'Ban hành kế hoạch', 1, 1, 1, 0, null, null],
    [
      'STP',
      'Sở Tư pháp',
      '1.2',
      'Chất lượng báo cáo',
      1,
      1,
      0.67, // (1 + 0,75 + 0,25) / 3, printed with 2 decimals
      -0.33,
      'Đã bổ sung báo cáo quý IV\nTài liệu kiểm chứng: Công văn 12/STP',
      'Cần thảo luận (người chấm lệch nhau 0,75 điểm)',
    ],
    ['STP', 'Sở Tư pháp', '1.3', 'Tỷ lệ hồ sơ đúng hạn', 1, 1, 0.75, -0.25, null, null],
    // Totals rounded once from the unrounded sums: 3 − 2,416667 = 0,583333.
    ['STP', 'Sở Tư pháp', null, 'Tổng cộng', null, 3, 2.42, -0.58, null, null],
    ['SNV', 'Sở Nội vụ', '1.1', 'Ban hành kế hoạch', 1, 1, 0, -1, null, 'Chấm lại ở vòng 2'],
    ['SNV', 'Sở Nội vụ', '1.2', 'Chất lượng báo cáo', 1, 1, 0.75, -0.25, null, null],
    [
      'SNV',
      'Sở Nội vụ',
      '1.3',
      'Tỷ lệ hồ sơ đúng hạn',
      1,
      null,
      null,
      null,
      null,
      'Tự chấm: không áp dụng; Thẩm định: không áp dụng',
    ],
    ['SNV', 'Sở Nội vụ', null, 'Tổng cộng', null, 2, 0.75, -1.25, null, null],
  ]);
  // STC was not appraised: it is not listed.
  expect(block?.boldRows).toEqual([0, 4, 8]);
  expect(block?.frozenRows).toBe(1);
  expect(block?.formats[1]).toEqual([
    undefined,
    undefined,
    undefined,
    undefined,
    '0.00',
    '0.00',
    '0.00',
    '0.00',
  ]);
  // Appraised and difference cells where they differ, the note of a discussion, totals' difference.
  expect(block?.highlights).toEqual([
    { row: 2, col: 6 },
    { row: 2, col: 7 },
    { row: 2, col: 9 },
    { row: 3, col: 6 },
    { row: 3, col: 7 },
    { row: 4, col: 7 },
    { row: 5, col: 6 },
    { row: 5, col: 7 },
    { row: 6, col: 6 },
    { row: 6, col: 7 },
    { row: 8, col: 7 },
  ]);
});

test('the totals are those of "Kết quả"', () => {
  const spec = campaign();
  const e = ok(spec);
  const rows = renderReconciliation(e, spec)?.rows ?? [];
  for (const u of e.units.filter((x) => x.id !== 'STC')) {
    const total = rows.find((r) => r[0] === u.id && r[3] === 'Tổng cộng');
    expect(total?.slice(5, 8)).toEqual([
      u.printed.self / 1e6,
      u.printed.appraised / 1e6,
      u.printed.difference / 1e6,
    ]);
  }
});

test('a cell nobody appraised shows the score counted and says so; decimals follow the setting', () => {
  const spec = panelSpec({ settings: { decimals: 3 } });
  spec.units[0].appraisals = [{ appraiser: 'NV2', scores: { '1.2': 'Đạt' } }];
  spec.units[1].appraisals = [];
  const block = renderReconciliation(ok(spec), spec);
  expect(block?.rows.slice(1).map((r) => [r[2], r[5], r[6], r[7], r[9]])).toEqual([
    ['1.1', 1, 1, 0, 'Chưa thẩm định'],
    ['1.2', 1, 0.5, -0.5, null],
    ['1.3', 1, 1, 0, 'Chưa thẩm định'],
    [null, 3, 2.5, -0.5, null],
  ]);
  expect(block?.formats[1][5]).toBe('0.000');
});

test('no appraised cell, no "Đối chiếu"', () => {
  const spec = panelSpec();
  for (const u of spec.units) delete u.appraisals;
  expect(renderReconciliation(ok(spec), spec)).toBeUndefined();
});

test("past the full table's size, only the rows that say something are listed", () => {
  const spec = campaign();
  const block = renderReconciliation(ok(spec), spec, 8);
  expect(block?.rows.map((r) => (r.length === 1 ? r : [r[0], r[2] ?? r[3]]))).toEqual([
    ['Mã đơn vị', 'Mã tiêu chí'],
    ['STP', '1.2'],
    ['STP', '1.3'],
    ['STP', 'Tổng cộng'],
    ['SNV', '1.1'],
    ['SNV', '1.2'],
    ['SNV', '1.3'],
    ['SNV', 'Tổng cộng'],
    ['Chỉ liệt kê tiêu chí có chênh lệch, giải trình hoặc ghi chú: bảng đầy đủ vượt 8 dòng.'],
  ]);
});

test('through the workbook: replies from "Giải trình bổ sung", located errors there', () => {
  const book = bookOf(campaign());
  expect(book['Giải trình bổ sung']).toEqual([
    ['Mã đơn vị', 'Mã tiêu chí', 'Giải trình bổ sung', 'Tài liệu kiểm chứng'],
    ['STP', '1.2', 'Đã bổ sung báo cáo quý IV', 'Công văn 12/STP'],
  ]);
  book['Giải trình bổ sung'].push(['STP', '1.2', 'Và báo cáo năm', null]);
  const r = runCampaign({ sheets: book, time: 't' });
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  const rows = r.outputs.find((o) => o.name === 'Đối chiếu')?.rows ?? [];
  expect(rows[2][8]).toBe(
    'Đã bổ sung báo cáo quý IV\nVà báo cáo năm\nTài liệu kiểm chứng: Công văn 12/STP',
  );
  book['Giải trình bổ sung'].push(['SXX', '1.2', 'a', null], ['STP', '1', 'b', null]);
  const bad = runCampaign({ sheets: book, time: 't' });
  expect(bad.ok ? [] : bad.issues.map(formatIssue)).toEqual([
    'Trang tính \'Giải trình bổ sung\', ô A4: Mã đơn vị "SXX" không có trong trang tính "Đơn vị".',
    "Trang tính 'Giải trình bổ sung', ô B5: Tiêu chí 1 có tiêu chí con, chỉ chấm điểm ở tiêu chí lá.",
  ]);
});

describe('without self scores (issue 16)', () => {
  // Appraised scores only: no unit has a "Tự chấm" column filled (an empty sheet, or none).
  const appraisedOnly = (): CampaignSpec => {
    const spec = panelSpec();
    for (const u of spec.units) delete u.self;
    spec.units[1].appraisals = [
      { appraiser: 'NV2', scores: { '1.1': 'x', '1.2': 'Khá', '1.3': 'N/A' } },
    ];
    return spec;
  };

  test('the sheet says so on its first line, no difference and no highlight anywhere', () => {
    const spec = appraisedOnly();
    const block = renderReconciliation(ok(spec), spec);
    expect(block?.rows[0]).toEqual([vi.templateNotes.noSelfScores]);
    expect(block?.rows[1]).toEqual(HEADER);
    // No self score and no difference on any row (N/A rows and totals included).
    for (const row of block?.rows.slice(2) ?? []) {
      expect(row[5]).toBeNull();
      expect(row[7]).toBeNull();
    }
    expect(block?.highlights).toEqual([]);
    expect(block?.frozenRows).toBe(2);
    // The appraised scores are still listed: STP's three leaves, its total, SNV's.
    expect(block?.rows.slice(2).map((r) => [r[0], r[2], r[6]])).toEqual([
      ['STP', '1.1', 1],
      ['STP', '1.2', 0.67],
      ['STP', '1.3', 0.75],
      ['STP', null, 2.42],
      ['SNV', '1.1', 1],
      ['SNV', '1.2', 0.75],
      ['SNV', '1.3', null],
      ['SNV', null, 1.75],
    ]);
    expect(block?.boldRows).toEqual([1, 5, 9]);
  });

  test('one self score anywhere: the usual comparison', () => {
    const spec = appraisedOnly();
    spec.units[2].self = { '1.1': 'x' };
    const block = renderReconciliation(ok(spec), spec);
    expect(block?.rows[0]).toEqual(HEADER);
    expect(block?.highlights?.length).toBeGreaterThan(0);
  });
});
