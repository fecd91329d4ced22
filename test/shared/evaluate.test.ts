import { evaluateCampaign, type UnitResult } from '../../shared/evaluate';
import { formatIssue } from '../../shared/model/issues';
import type { CampaignSpec, Settings, UnitSpec } from '../../shared/model/types';
import { fromMicro, toMicro } from '../../shared/numbers/points';
import { resultTables } from '../../shared/report/resultTable';

/** Two fields: 1 (two ticks of 0.25 and 1.75) and 2 (a proportional of 3 and a deduction of 1). */
function spec(units: UnitSpec[], settings: Partial<Settings> = {}): CampaignSpec {
  return {
    id: 'x',
    name: 'Thử',
    year: 2024,
    settings,
    blocks: [
      { id: 'so', name: 'Khối sở' },
      {
        id: 'xa',
        name: 'Khối xã',
        bands: [
          { label: 'Tốt', min: 80 },
          { label: 'Khá', min: 60 },
          { label: 'Yếu', min: Number.NEGATIVE_INFINITY },
        ],
      },
    ],
    criteria: [
      {
        code: '1',
        name: 'Chỉ đạo',
        max: 2,
        children: [
          { code: '1.1', name: 'Kế hoạch', max: 0.25, rule: { kind: 'tick' } },
          { code: '1.2', name: 'Báo cáo', max: 1.75, rule: { kind: 'tick' } },
        ],
      },
      {
        code: '2',
        name: 'TTHC',
        max: 4,
        children: [
          { code: '2.1', name: 'Đúng hạn', max: 3, rule: { kind: 'proportional', of: 100 } },
          { code: '2.2', name: 'Vi phạm', max: 1, rule: { kind: 'deduction', perCount: 0.25 } },
        ],
      },
    ],
    units,
  };
}

const full = { '1.1': 'x', '1.2': 'x', '2.1': 100, '2.2': 0 };

function run(units: UnitSpec[], settings: Partial<Settings> = {}): Record<string, UnitResult> {
  const e = evaluateCampaign(spec(units, settings));
  if (!e.ok) throw new Error(JSON.stringify(e.errors));
  return Object.fromEntries(e.units.map((u) => [u.id, u]));
}

const n = fromMicro;

describe('which score counts', () => {
  const units: UnitSpec[] = [
    { id: 'A', name: 'Sở A', block: 'so', self: full, appraised: { '1.2': false, '2.1': 50 } },
  ];

  test('appraised when present, else self (default)', () => {
    const a = run(units).A;
    expect(n(a.self)).toBe(6);
    // 0.25 + 0 + 1.5 + 1 = 2.75
    expect(n(a.appraised)).toBe(2.75);
    expect(n(a.difference)).toBe(-3.25);
    expect(n(a.fields[0])).toBe(0.25);
    expect(n(a.fields[1])).toBe(2.5);
    expect(a.printed.index).toBe(toMicro(45.83)); // 2.75 / 6 = 45.8333…
  });

  test('selfOnly ignores the appraisal; appraisedOnly scores missing appraisals as blanks', () => {
    expect(n(run(units, { scoreSource: 'selfOnly' }).A.appraised)).toBe(6);
    // 1.1 blank → 0, 1.2 → 0, 2.1 50% → 1.5, 2.2 blank → no violation → 1
    expect(n(run(units, { scoreSource: 'appraisedOnly' }).A.appraised)).toBe(2.5);
  });
});

describe('not applicable', () => {
  const units: UnitSpec[] = [
    { id: 'A', name: 'Sở A', block: 'so', self: { ...full, '1.2': 'N/A', '2.1': 50 } },
  ];
  test('N/A leaves both the achieved and the max (default)', () => {
    const a = run(units).A;
    expect(n(a.applicableMax)).toBe(4.25);
    expect(n(a.appraised)).toBe(2.75);
    expect(n(a.printed.index as number)).toBe(64.71); // 2.75 / 4.25 = 64.7058…
  });
  test('naPolicy zero scores N/A as 0 of its max', () => {
    const a = run(units, { naPolicy: 'zero' }).A;
    expect(n(a.applicableMax)).toBe(6);
    expect(n(a.printed.index as number)).toBe(45.83);
  });
  test('a unit with nothing applicable has no index, rank or class, and a warning says so', () => {
    const e = evaluateCampaign(
      spec([
        {
          id: 'A',
          name: 'Sở A',
          block: 'so',
          self: { '1.1': 'N/A', '1.2': 'N/A', '2.1': 'N/A', '2.2': 'N/A' },
        },
      ]),
    );
    expect(e.warnings.map(formatIssue)).toEqual([
      'Đơn vị A: Không có tiêu chí nào áp dụng nên không tính được chỉ số và không xếp hạng.',
    ]);
    const a = run([
      {
        id: 'A',
        name: 'Sở A',
        block: 'so',
        self: { '1.1': 'N/A', '1.2': 'N/A', '2.1': 'N/A', '2.2': 'N/A' },
      },
      { id: 'B', name: 'Sở B', block: 'so', self: full },
    ]);
    expect(a.A.printed.index).toBeNull();
    expect(a.A.rankInBlock).toBeNull();
    expect(a.A.classification).toBe('');
    expect(a.B.rankInBlock).toBe(1);
  });
});

describe('criteria restricted to a block', () => {
  test('a criterion for communes only is not applicable to departments', () => {
    const s = spec([
      { id: 'S', name: 'Sở', block: 'so', self: { ...full, '3.1': 'x' } },
      { id: 'X', name: 'Xã', block: 'xa', self: { ...full, '3.1': false } },
    ]);
    s.criteria.push({
      code: '3',
      name: 'Riêng xã',
      max: 2,
      blocks: ['xa'],
      children: [{ code: '3.1', name: 'Một cửa', max: 2, rule: { kind: 'tick' } }],
    });
    const e = evaluateCampaign(s);
    if (!e.ok) throw new Error('invalid');
    const [so, xa] = e.units;
    expect(n(so!.applicableMax)).toBe(6);
    expect(n(so!.total)).toBe(6);
    expect(n(xa!.applicableMax)).toBe(8);
    expect(n(xa!.printed.index as number)).toBe(75);
    expect(xa!.classification).toBe('Khá');
    expect(so!.classification).toBe('A');
  });
});

describe('ranks use the printed value, with the configured tie policy', () => {
  const units: UnitSpec[] = [
    { id: 'A', name: 'A', block: 'so', self: full },
    { id: 'D', name: 'D', block: 'so', self: { ...full, '2.1': 90, '2.2': 0 } },
    { id: 'C', name: 'C', block: 'so', self: { ...full, '2.1': 100, '2.2': 1 } },
    { id: 'E', name: 'E', block: 'so', self: { ...full, '2.1': 50 } },
    { id: 'B', name: 'B', block: 'so', self: { ...full, '2.1': 95 } },
  ];

  test('distinct printed indexes rank in order, whatever the input order', () => {
    const r = run(units);
    // A 6/6 = 100; B 5.85/6 = 97.5; C 5.75/6 = 95.83; D 5.7/6 = 95; E 4.5/6 = 75
    expect([r.A, r.B, r.C, r.D, r.E].map((u) => n(u!.printed.index as number))).toEqual([
      100, 97.5, 95.83, 95, 75,
    ]);
    expect([r.A, r.B, r.C, r.D, r.E].map((u) => u!.rankInBlock)).toEqual([1, 2, 3, 4, 5]);
  });

  test('equal printed indexes tie even when the unrounded ones differ', () => {
    // 98.3 % and 98.4 % of 3 points: 5.949 / 6 = 99.15 and 5.952 / 6 = 99.2, both print 99.
    const r = run(
      [
        { id: 'P', name: 'P', block: 'so', self: { ...full, '2.1': 98.3 } },
        { id: 'Q', name: 'Q', block: 'so', self: { ...full, '2.1': 98.4 } },
        { id: 'R', name: 'R', block: 'so', self: { ...full, '2.1': 50 } },
      ],
      { decimals: 0 },
    );
    expect(r.P!.total).not.toBe(r.Q!.total);
    expect([r.P!.rankInBlock, r.Q!.rankInBlock, r.R!.rankInBlock]).toEqual([1, 1, 3]);
    expect(r.P!.tiedInBlock && r.Q!.tiedInBlock).toBe(true);
    expect(r.R!.tiedInBlock).toBe(false);
    const dense = run(
      [
        { id: 'P', name: 'P', block: 'so', self: { ...full, '2.1': 98.3 } },
        { id: 'Q', name: 'Q', block: 'so', self: { ...full, '2.1': 98.4 } },
        { id: 'R', name: 'R', block: 'so', self: { ...full, '2.1': 50 } },
      ],
      { decimals: 0, ranking: { method: 'dense', tieBreak: [] } },
    );
    expect(dense.R!.rankInBlock).toBe(2);
  });

  test('a tie-break chain separates what it can and reports the rest as tied', () => {
    // F and G: 5.75 each. F loses 0.25 in 1.1 (field 1), G loses 0.25 to a deduction (field 2).
    // H: same as G. Chain: field 2 higher first → F ahead; G and H remain tied.
    const tied: UnitSpec[] = [
      { id: 'G', name: 'G', block: 'so', self: { ...full, '2.2': 1 } },
      { id: 'F', name: 'F', block: 'so', self: { ...full, '1.1': false } },
      { id: 'H', name: 'H', block: 'so', self: { ...full, '2.2': 1 } },
    ];
    const plain = run(tied);
    expect([plain.F!.rankInBlock, plain.G!.rankInBlock, plain.H!.rankInBlock]).toEqual([1, 1, 1]);
    const chained = run(tied, {
      ranking: { method: 'competition', tieBreak: [{ by: 'field', code: '2' }] },
    });
    expect([chained.F!.rankInBlock, chained.G!.rankInBlock, chained.H!.rankInBlock]).toEqual([
      1, 2, 2,
    ]);
    expect([chained.F!.tiedInBlock, chained.G!.tiedInBlock, chained.H!.tiedInBlock]).toEqual([
      false,
      true,
      true,
    ]);
    const fewer = run(tied, {
      ranking: { method: 'competition', tieBreak: [{ by: 'fewerDeductions' }] },
    });
    expect(fewer.F!.rankInBlock).toBe(1);
    expect(fewer.G!.rankInBlock).toBe(2);
  });

  test('rankBy total ranks and bands on printed total points', () => {
    const r = run(
      [
        { id: 'A', name: 'A', block: 'xa', self: full },
        { id: 'B', name: 'B', block: 'xa', self: { ...full, '1.1': 'N/A' } },
      ],
      { rankBy: 'total' },
    );
    // B has the higher index (5.75/5.75) but fewer points.
    expect(r.A!.rankInBlock).toBe(1);
    expect(r.B!.rankInBlock).toBe(2);
    expect(r.A!.classification).toBe('Yếu'); // 6 points < 60
  });

  test('ranks overall across blocks', () => {
    const r = run([
      { id: 'A', name: 'A', block: 'so', self: { ...full, '2.1': 50 } },
      { id: 'B', name: 'B', block: 'xa', self: full },
      { id: 'C', name: 'C', block: 'xa', self: { ...full, '2.1': 90 } },
    ]);
    expect([r.A!.rankInBlock, r.B!.rankInBlock, r.C!.rankInBlock]).toEqual([1, 1, 2]);
    expect([r.A!.rankOverall, r.B!.rankOverall, r.C!.rankOverall]).toEqual([3, 1, 2]);
  });
});

describe('the report table', () => {
  test('one table per block in report column order, tied units noted', () => {
    const e = evaluateCampaign(
      spec([
        { id: 'B', name: 'Sở B', block: 'so', self: { ...full, '2.2': 1 } },
        { id: 'A', name: 'Sở A', block: 'so', self: { ...full, '1.1': false } },
        { id: 'X', name: 'Xã X', block: 'xa', self: full, appraised: { '2.1': 90 } },
      ]),
    );
    if (!e.ok) throw new Error('invalid');
    const [so, xa] = resultTables(e);
    expect(so!.header).toEqual([
      'STT',
      'Mã đơn vị',
      'Tên đơn vị',
      'Điểm tự chấm',
      'Điểm thẩm định',
      '1. Chỉ đạo',
      '2. TTHC',
      'Tổng điểm',
      'Chỉ số (%)',
      'Xếp hạng',
      'Xếp loại',
      'Ghi chú',
    ]);
    expect(so!.rows).toEqual([
      [1, 'A', 'Sở A', 5.75, 5.75, 1.75, 4, 5.75, 95.83, 1, 'A', 'Đồng hạng'],
      [2, 'B', 'Sở B', 5.75, 5.75, 2, 3.75, 5.75, 95.83, 1, 'A', 'Đồng hạng'],
    ]);
    expect(xa!.title).toBe(
      `KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${e.campaign.year} — KHỐI XÃ`,
    );
    expect(xa!.rows).toEqual([[1, 'X', 'Xã X', 6, 5.7, 2, 3.7, 5.7, 95, 1, 'Tốt', '']]);
    expect(so!.formats).toEqual([
      '0',
      '@',
      '@',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0',
      '@',
      '@',
    ]);
  });
});
