/**
 * Eligibility gates, one kind at a time: who passes, who is excluded and the Vietnamese reason,
 * plus every configuration error of the gates and of unit profiles as a located message.
 */
import { formatReason } from '../../../shared/awards/gates';
import { awardNotes } from '../../../shared/awards/proposals';
import type { AwardsSpec, GateSpec, UnitProfile } from '../../../shared/awards/types';
import { evaluateCampaign, type Evaluation } from '../../../shared/evaluate';
import { formatIssue } from '../../../shared/model/issues';
import type { CampaignSpec, CellRef, Settings, UnitSpec } from '../../../shared/model/types';

type Ok = Extract<Evaluation, { ok: true }>;

/**
 * One criterion of 10 points scored as a percentage, so a unit's index is the value it is
 * given ('N/A': nothing applies, no index, no rank).
 */
function unit(
  id: string,
  value: number | 'N/A',
  profile?: UnitProfile,
  block = 'so',
  source?: CellRef,
): UnitSpec {
  return {
    id,
    name: `Đơn vị ${id}`,
    block,
    self: { '1.1': value },
    ...(profile ? { profile } : {}),
    ...(source ? { source } : {}),
  };
}

function campaign(
  units: UnitSpec[],
  awards: AwardsSpec,
  settings: Partial<Settings> = {},
): CampaignSpec {
  return {
    id: 'gates',
    name: 'Thử điều kiện khen thưởng',
    year: 2025,
    settings,
    criteria: [
      {
        code: '1',
        name: 'Kết quả giải quyết TTHC',
        max: 10,
        children: [
          { code: '1.1', name: 'Tỷ lệ đúng hạn', max: 10, rule: { kind: 'proportional', of: 100 } },
        ],
      },
    ],
    blocks: [
      { id: 'so', name: 'Khối sở' },
      { id: 'xa', name: 'Khối xã' },
    ],
    units,
    awards,
  };
}

const CO = { id: 'co', name: 'Cờ thi đua' };

function run(spec: CampaignSpec): Ok {
  const ev = evaluateCampaign(spec);
  if (!ev.ok) throw new Error(ev.errors.map(formatIssue).join('\n'));
  return ev;
}

/** Campaign-gate reasons per unit id, in Vietnamese. */
function reasons(units: UnitSpec[], gates: GateSpec[], settings: Partial<Settings> = {}) {
  const ev = run(campaign(units, { gates, awards: [CO] }, settings));
  const outcome = ev.awards as NonNullable<Ok['awards']>;
  return Object.fromEntries(
    ev.units.map((u, i) => [u.id, outcome.exclusions[i].map(formatReason)]),
  ) as Record<string, string[]>;
}

/** Error lines of a campaign that must be rejected. */
function errors(spec: CampaignSpec): string[] {
  const ev = evaluateCampaign(spec);
  if (ev.ok) throw new Error('expected the campaign to be rejected');
  return ev.errors.map(formatIssue);
}

describe('registration gate', () => {
  const gates: GateSpec[] = [{ kind: 'registration', deadline: '2025-03-31' }];

  test('registered on the deadline day or before passes; late or missing is excluded', () => {
    expect(
      reasons(
        [
          unit('ONTIME', 90, { registeredOn: '2025-03-31' }),
          unit('EARLY', 90, { registeredOn: '2025-01-02' }),
          unit('LATE', 90, { registeredOn: '2025-04-01' }),
          unit('NODATE', 90, { flags: ['excellent'] }),
          unit('NOPROFILE', 90),
        ],
        gates,
      ),
    ).toEqual({
      ONTIME: [],
      EARLY: [],
      LATE: ['Đăng ký thi đua ngày 01/04/2025, sau hạn 31/03/2025'],
      NODATE: ['Không đăng ký thi đua'],
      NOPROFILE: ['Không đăng ký thi đua'],
    });
  });

  test('an excluded unit keeps its rank; its note says why; the award passes down', () => {
    const ev = run(
      campaign(
        [
          unit('LATE', 95, { registeredOn: '2025-04-01' }),
          unit('OK', 90, { registeredOn: '2025-03-30' }),
        ],
        { gates, awards: [{ ...CO, quotaPerBlock: 1 }] },
      ),
    );
    const outcome = ev.awards as NonNullable<Ok['awards']>;
    expect(ev.units.map((u) => [u.id, u.rankInBlock])).toEqual([
      ['LATE', 1],
      ['OK', 2],
    ]);
    expect(outcome.allocation.proposals.map((p) => p.unit)).toEqual(['OK']);
    expect(awardNotes(outcome, ev.campaign)).toEqual([
      'Không xét khen thưởng: Đăng ký thi đua ngày 01/04/2025, sau hạn 31/03/2025',
      'Đề nghị Cờ thi đua',
    ]);
  });
});

describe('discipline gate', () => {
  test('a violating share of exactly 10% passes, above 10% is excluded; no staff count passes', () => {
    expect(
      reasons(
        [
          unit('TEN', 90, { staff: 10, staffViolating: 1 }),
          unit('TEN2', 90, { staff: 20, staffViolating: 2 }),
          unit('NINTH', 90, { staff: 9, staffViolating: 1 }),
          unit('FIFTH', 90, { staff: 10, staffViolating: 2 }),
          unit('ZERO', 90, { staff: 0, staffViolating: 0 }),
          unit('NOSTAFF', 90, { staffViolating: 1 }),
          unit('CLEAN', 90, { staff: 30, staffViolating: 0 }),
        ],
        [{ kind: 'discipline', maxShare: 0.1 }],
      ),
    ).toEqual({
      TEN: [],
      TEN2: [],
      NINTH: ['Tỷ lệ biên chế vi phạm kỷ luật, kỷ cương 11,11% vượt 10%'],
      FIFTH: ['Tỷ lệ biên chế vi phạm kỷ luật, kỷ cương 20,00% vượt 10%'],
      ZERO: [],
      NOSTAFF: [],
      CLEAN: [],
    });
  });

  test('maxShare 0 excludes any violation', () => {
    expect(
      reasons(
        [unit('ONE', 90, { staff: 100, staffViolating: 1 }), unit('NONE', 90, { staff: 100 })],
        [{ kind: 'discipline', maxShare: 0 }],
      ),
    ).toEqual({
      ONE: ['Tỷ lệ biên chế vi phạm kỷ luật, kỷ cương 1,00% vượt 0%'],
      NONE: [],
    });
  });

  // P has 3 sub-units, one violating (33.33%); Q has 10 sub-units, one violating (10%).
  const family: UnitSpec[] = [
    unit('P', 90, { staff: 40, staffViolating: 0 }),
    unit('P1', 80, { parent: 'P', staff: 50, staffViolating: 1 }, 'xa'),
    unit('P2', 80, { parent: 'P', staff: 50 }, 'xa'),
    unit('P3', 80, { parent: 'P' }, 'xa'),
    unit('Q', 90),
    ...Array.from({ length: 10 }, (_, i) =>
      unit(`Q${i}`, 70, { parent: 'Q', staff: 20, staffViolating: i === 0 ? 1 : 0 }, 'xa'),
    ),
  ];

  test('a parent with more than 10% violating sub-units is excluded; exactly 10% passes; the sub-units themselves are not', () => {
    const r = reasons(family, [{ kind: 'discipline', maxShare: 0.1 }]);
    expect(r.P).toEqual([
      'Cơ quan chủ quản có 33,33% đơn vị trực thuộc vi phạm kỷ luật, kỷ cương, vượt 10%',
    ]);
    expect(r.Q).toEqual([]);
    for (const id of ['P1', 'P2', 'P3', 'Q0', 'Q1', 'Q9']) expect([id, r[id]]).toEqual([id, []]);
  });

  test('parentMaxShare sets the parent threshold apart from the staff share', () => {
    const loose = reasons(family, [{ kind: 'discipline', maxShare: 0.1, parentMaxShare: 0.5 }]);
    expect(loose.P).toEqual([]);
    const strict = reasons(family, [{ kind: 'discipline', maxShare: 0.5, parentMaxShare: 0.05 }]);
    expect(strict.P).toEqual([
      'Cơ quan chủ quản có 33,33% đơn vị trực thuộc vi phạm kỷ luật, kỷ cương, vượt 5%',
    ]);
    expect(strict.Q).toEqual([
      'Cơ quan chủ quản có 10,00% đơn vị trực thuộc vi phạm kỷ luật, kỷ cương, vượt 5%',
    ]);
    // P1's own share is 2%: under 50%.
    expect(strict.P1).toEqual([]);
  });
});

describe('classification gate', () => {
  test("the unit's band must be allowed; a unit without an index has no band", () => {
    expect(
      reasons(
        [unit('A95', 95), unit('B85', 85), unit('B80', 80), unit('C75', 75), unit('NA', 'N/A')],
        [{ kind: 'classification', allowed: ['A', 'B'] }],
      ),
    ).toEqual({
      A95: [],
      B85: [],
      B80: [],
      C75: ['Xếp loại "C" không đạt yêu cầu (A, B)'],
      NA: ['Không xếp loại được'],
    });
  });

  test("a block's own bands are used for its units", () => {
    const units = [unit('S', 85), unit('X', 85, undefined, 'xa')];
    const spec = campaign(units, {
      gates: [{ kind: 'classification', allowed: ['A', 'Tốt'] }],
      awards: [CO],
    });
    spec.blocks[1].bands = [
      { label: 'Tốt', min: 80 },
      { label: 'Khá', min: Number.NEGATIVE_INFINITY },
    ];
    const ev = run(spec);
    const outcome = ev.awards as NonNullable<Ok['awards']>;
    expect(outcome.exclusions.map((rs) => rs.map(formatReason))).toEqual([
      ['Xếp loại "B" không đạt yêu cầu (A, Tốt)'],
      [],
    ]);
  });
});

describe('minIndex gate', () => {
  test('compares the printed index: 79.995 prints 80.00 and passes 80; 79.994 prints 79.99 and fails', () => {
    expect(
      reasons(
        [unit('UP', 79.995), unit('DOWN', 79.994), unit('EXACT', 80), unit('NA', 'N/A')],
        [{ kind: 'minIndex', min: 80 }],
      ),
    ).toEqual({
      UP: [],
      DOWN: ['Chỉ số 79,99 thấp hơn mức tối thiểu 80,00'],
      EXACT: [],
      NA: ['Chỉ số — thấp hơn mức tối thiểu 80,00'],
    });
  });

  test('with 0 decimals, 79.5 prints 80 and passes; 79.4 prints 79 and fails', () => {
    expect(
      reasons([unit('UP', 79.5), unit('DOWN', 79.4)], [{ kind: 'minIndex', min: 80 }], {
        decimals: 0,
      }),
    ).toEqual({ UP: [], DOWN: ['Chỉ số 79 thấp hơn mức tối thiểu 80'] });
  });
});

describe('flag gate', () => {
  test('the flag must be set; known flags are named in Vietnamese, others as given', () => {
    const units = [
      unit('BOTH', 90, { flags: ['excellent', 'initiative'] }),
      unit('INIT', 90, { flags: ['initiative'] }),
      unit('NONE', 90, { flags: [] }),
      unit('NOPROFILE', 90),
    ];
    expect(reasons(units, [{ kind: 'flag', flag: 'excellent' }])).toEqual({
      BOTH: [],
      INIT: ['Chưa có: Hoàn thành xuất sắc nhiệm vụ'],
      NONE: ['Chưa có: Hoàn thành xuất sắc nhiệm vụ'],
      NOPROFILE: ['Chưa có: Hoàn thành xuất sắc nhiệm vụ'],
    });
    expect(reasons(units, [{ kind: 'flag', flag: 'initiative' }]).NONE).toEqual([
      'Chưa có: Sáng kiến được công nhận',
    ]);
    expect(reasons(units, [{ kind: 'flag', flag: 'Cờ năm trước' }]).BOTH).toEqual([
      'Chưa có: Cờ năm trước',
    ]);
  });
});

describe('improvement gate', () => {
  test('the index must be strictly higher than last year; missing data on either side excludes', () => {
    expect(
      reasons(
        [
          unit('UP', 80, { previous: { index: 79.99 } }),
          unit('SAME', 80, { previous: { index: 80 } }),
          unit('DOWN', 80, { previous: { index: 85.5 } }),
          unit('NOPREV', 80, { previous: { PCI: 60 } }),
          unit('NOPROFILE', 80),
          unit('NA', 'N/A', { previous: { index: 50 } }),
        ],
        [{ kind: 'improvement', measures: ['index'] }],
      ),
    ).toEqual({
      UP: [],
      SAME: ['Chỉ số năm nay 80,00 không tăng so với năm trước 80,00'],
      DOWN: ['Chỉ số năm nay 80,00 không tăng so với năm trước 85,50'],
      NOPREV: ['Thiếu số liệu năm trước của Chỉ số'],
      NOPROFILE: ['Thiếu số liệu năm trước của Chỉ số'],
      NA: ['Thiếu số liệu năm nay của Chỉ số'],
    });
  });

  test('compares the printed index: 80.4 prints 80 with 0 decimals, not above 80', () => {
    expect(
      reasons(
        [
          unit('U', 80.4, { previous: { index: 80 } }),
          unit('V', 80.5, { previous: { index: 80 } }),
        ],
        [{ kind: 'improvement', measures: ['index'] }],
        { decimals: 0 },
      ),
    ).toEqual({ U: ['Chỉ số năm nay 80 không tăng so với năm trước 80'], V: [] });
  });

  test('a field code compares the printed field points (named by the field); an outside measure reads profile.measures', () => {
    // 87.5% of 10 points: field 1 = 8.75 points.
    expect(
      reasons(
        [
          unit('UP', 87.5, { previous: { '1': 8.5, PCI: 64 }, measures: { PCI: 65 } }),
          unit('FIELD', 87.5, { previous: { '1': 8.75, PCI: 64 }, measures: { PCI: 65 } }),
          unit('PCI', 87.5, { previous: { '1': 8, PCI: 66 }, measures: { PCI: 65.5 } }),
          unit('NOPCI', 87.5, { previous: { '1': 8, PCI: 60 } }),
        ],
        [{ kind: 'improvement', measures: ['1', 'PCI'] }],
      ),
    ).toEqual({
      UP: [],
      FIELD: ['Kết quả giải quyết TTHC năm nay 8,75 không tăng so với năm trước 8,75'],
      PCI: ['PCI năm nay 65,50 không tăng so với năm trước 66,00'],
      NOPCI: ['Thiếu số liệu năm nay của PCI'],
    });
  });
});

describe('gates combined', () => {
  test('every failed gate is a reason, in gate order; the note lists them all', () => {
    const units = [unit('A', 75, { registeredOn: '2025-04-02', staff: 4, staffViolating: 1 })];
    const gates: GateSpec[] = [
      { kind: 'registration', deadline: '2025-03-31' },
      { kind: 'discipline', maxShare: 0.1 },
      { kind: 'minIndex', min: 80 },
    ];
    const ev = run(campaign(units, { gates, awards: [CO] }));
    const outcome = ev.awards as NonNullable<Ok['awards']>;
    expect(awardNotes(outcome, ev.campaign)).toEqual([
      'Không xét khen thưởng: Đăng ký thi đua ngày 02/04/2025, sau hạn 31/03/2025; ' +
        'Tỷ lệ biên chế vi phạm kỷ luật, kỷ cương 25,00% vượt 10%; ' +
        'Chỉ số 75,00 thấp hơn mức tối thiểu 80,00',
    ]);
  });

  test("an award's own gates are kept apart from the campaign's", () => {
    const ev = run(
      campaign([unit('A', 85, { registeredOn: '2025-03-01' })], {
        gates: [{ kind: 'registration', deadline: '2025-03-31' }],
        awards: [{ ...CO, gates: [{ kind: 'minIndex', min: 90 }] }],
      }),
    );
    const outcome = ev.awards as NonNullable<Ok['awards']>;
    expect(outcome.exclusions[0]).toEqual([]);
    expect((outcome.awardExclusions.get('co') ?? [])[0].map(formatReason)).toEqual([
      'Chỉ số 85,00 thấp hơn mức tối thiểu 90,00',
    ]);
    expect(outcome.allocation.proposals).toEqual([]);
  });
});

describe('configuration errors of gates and profiles', () => {
  const base = [unit('A', 90), unit('B', 80)];
  const withGates = (gates: GateSpec[]): CampaignSpec => campaign(base, { gates, awards: [CO] });

  test('bad dates: a deadline that is not a calendar date, a registration date that is not', () => {
    expect(errors(withGates([{ kind: 'registration', deadline: '2025-02-30' }]))).toEqual([
      'Cấu hình: Ngày "2025-02-30" không đúng dạng năm-tháng-ngày (ví dụ 2018-03-30).',
    ]);
    expect(errors(withGates([{ kind: 'registration', deadline: '31/03/2025' }]))).toEqual([
      'Cấu hình: Ngày "31/03/2025" không đúng dạng năm-tháng-ngày (ví dụ 2018-03-30).',
    ]);
    expect(
      errors(campaign([unit('A', 90, { registeredOn: '2025-13-01' })], { awards: [CO] })),
    ).toEqual(['Đơn vị A: Ngày "2025-13-01" không đúng dạng năm-tháng-ngày (ví dụ 2018-03-30).']);
  });

  test('bad shares: 10 for 10%, a negative parent share', () => {
    expect(errors(withGates([{ kind: 'discipline', maxShare: 10 }]))).toEqual([
      'Cấu hình: Tỷ lệ "10" phải là số từ 0 đến 1 (ví dụ 0,1 cho 10%).',
    ]);
    expect(
      errors(withGates([{ kind: 'discipline', maxShare: 0.1, parentMaxShare: -0.1 }])),
    ).toEqual(['Cấu hình: Tỷ lệ "-0.1" phải là số từ 0 đến 1 (ví dụ 0,1 cho 10%).']);
  });

  test('gates missing their value, an unknown band, an unknown measure, an unknown kind', () => {
    expect(
      errors(
        withGates([
          { kind: 'classification', allowed: [] },
          { kind: 'minIndex', min: Number.NaN },
          { kind: 'flag', flag: '  ' },
          { kind: 'improvement', measures: [] },
        ]),
      ),
    ).toEqual([
      'Cấu hình: Điều kiện xếp loại thiếu giá trị.',
      'Cấu hình: Điều kiện chỉ số tối thiểu thiếu giá trị.',
      'Cấu hình: Điều kiện danh hiệu thiếu giá trị.',
      'Cấu hình: Điều kiện tăng so với năm trước thiếu giá trị.',
    ]);
    expect(errors(withGates([{ kind: 'classification', allowed: ['A', 'Xuất sắc'] }]))).toEqual([
      'Cấu hình: Điều kiện xếp loại nêu "Xuất sắc" không phải là xếp loại nào trong cấu hình.',
    ]);
    expect(errors(withGates([{ kind: 'improvement', measures: ['index', 'PAPI'] }]))).toEqual([
      'Cấu hình: Điều kiện tăng so với năm trước nêu chỉ số "PAPI" không có trong cấu hình.',
    ]);
    expect(errors(withGates([{ kind: 'age' } as unknown as GateSpec]))).toEqual([
      'Cấu hình: Điều kiện "age" không được hỗ trợ.',
    ]);
  });

  test("an award's own gate errors name the award, or its cell", () => {
    expect(
      errors(
        campaign(base, { awards: [{ ...CO, gates: [{ kind: 'discipline', maxShare: 1.5 }] }] }),
      ),
    ).toEqual(['Khen thưởng co: Tỷ lệ "1.5" phải là số từ 0 đến 1 (ví dụ 0,1 cho 10%).']);
    expect(
      errors(
        campaign(base, {
          awards: [
            {
              ...CO,
              source: { sheet: 'Khen thưởng', row: 3, col: 2 },
              gates: [{ kind: 'registration', deadline: '2025-3-31' }],
            },
          ],
        }),
      ),
    ).toEqual([
      'Trang tính \'Khen thưởng\', ô B3: Ngày "2025-3-31" không đúng dạng năm-tháng-ngày (ví dụ 2018-03-30).',
    ]);
  });

  test('profiles: unknown parent, parent is self, bad counts, more violating than staff', () => {
    expect(
      errors(
        campaign(
          [
            unit('A', 90, { parent: 'Z' }),
            unit('B', 90, { parent: 'B' }),
            unit('C', 90, { staff: -1, staffViolating: 2.5 }),
            unit('D', 90, { staff: 2, staffViolating: 3 }),
            unit('E', 90, { parent: 'A' }, 'so', { sheet: 'Đơn vị', row: 7, col: 5 }),
            unit('F', 90, { parent: 'Y' }, 'so', { sheet: 'Đơn vị', row: 8, col: 5 }),
          ],
          { awards: [CO] },
        ),
      ),
    ).toEqual([
      'Đơn vị A: Cơ quan chủ quản "Z" không có trong danh sách đơn vị.',
      'Đơn vị B: Đơn vị không thể là cơ quan chủ quản của chính mình.',
      'Đơn vị C: Giá trị "-1" phải là số nguyên không âm.',
      'Đơn vị C: Giá trị "2.5" phải là số nguyên không âm.',
      'Đơn vị D: Số người vi phạm (3) lớn hơn biên chế (2).',
      'Trang tính \'Đơn vị\', ô E8: Cơ quan chủ quản "Y" không có trong danh sách đơn vị.',
    ]);
  });
});
