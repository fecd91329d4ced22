/**
 * Allocation of collective awards by hand: places down each block's ranking, `passDown` vs
 * `leaveEmpty`, ties at the cut, the overall cap and a tie across it, award precedence,
 * runners-up, council choices; and every configuration error of the award types.
 */
import type { Allocation } from '../../../shared/awards/allocate';
import { awardNotes } from '../../../shared/awards/proposals';
import type { AwardsSpec, AwardTypeSpec, UnitProfile } from '../../../shared/awards/types';
import { evaluateCampaign, type Evaluation } from '../../../shared/evaluate';
import { formatIssue } from '../../../shared/model/issues';
import type { CampaignSpec, UnitSpec } from '../../../shared/model/types';
import { awardTable } from '../../../shared/report/awardTable';

type Ok = Extract<Evaluation, { ok: true }>;

/** One criterion of 10 points scored as a percentage: a unit's index is its value. */
function unit(id: string, value: number | 'N/A', block = 'so', profile?: UnitProfile): UnitSpec {
  return {
    id,
    name: `Đơn vị ${id}`,
    block,
    self: { '1.1': value },
    ...(profile ? { profile } : {}),
  };
}

function campaign(units: UnitSpec[], awards: AwardsSpec): CampaignSpec {
  return {
    id: 'alloc',
    name: 'Thử phân bổ khen thưởng',
    year: 2025,
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

const co = (more: Partial<AwardTypeSpec> = {}): AwardTypeSpec => ({
  id: 'co',
  name: 'Cờ thi đua',
  ...more,
});
const bk = (more: Partial<AwardTypeSpec> = {}): AwardTypeSpec => ({
  id: 'bk',
  name: 'Bằng khen',
  ...more,
});

/** Campaign gate: registered by 31/03/2025. Units built with `late` are not. */
const REGISTRATION = { kind: 'registration' as const, deadline: '2025-03-31' };
const inTime: UnitProfile = { registeredOn: '2025-03-01' };
const late: UnitProfile = { registeredOn: '2025-04-15' };

function run(spec: CampaignSpec): { ev: Ok; a: Allocation } {
  const ev = evaluateCampaign(spec);
  if (!ev.ok) throw new Error(ev.errors.map(formatIssue).join('\n'));
  return { ev, a: (ev.awards as NonNullable<Ok['awards']>).allocation };
}

const proposed = (a: Allocation): string[] => a.proposals.map((p) => `${p.award}:${p.unit}`);

function errors(spec: CampaignSpec): string[] {
  const ev = evaluateCampaign(spec);
  if (ev.ok) throw new Error('expected the campaign to be rejected');
  return ev.errors.map(formatIssue);
}

describe('places down the ranking', () => {
  test('the best units of each block, in block then rank order, whatever the input order', () => {
    const { a } = run(
      campaign(
        [
          unit('X2', 70, 'xa'),
          unit('S3', 80),
          unit('S1', 95),
          unit('X1', 90, 'xa'),
          unit('S2', 85),
        ],
        { awards: [co({ quotaPerBlock: 2 })] },
      ),
    );
    expect(a.proposals).toEqual([
      { award: 'co', block: 'so', unit: 'S1', via: 'rank' },
      { award: 'co', block: 'so', unit: 'S2', via: 'rank' },
      { award: 'co', block: 'xa', unit: 'X1', via: 'rank' },
      { award: 'co', block: 'xa', unit: 'X2', via: 'rank' },
    ]);
    expect(a.awardOf).toEqual(['co', null, 'co', 'co', 'co']);
    expect(a.ties).toEqual([]);
    expect(a.unfilled).toEqual([]);
  });

  test('quota per block id: a block missing from the map gets no place, and no unfilled report', () => {
    const { a } = run(
      campaign([unit('S1', 95), unit('S2', 85), unit('X1', 90, 'xa')], {
        awards: [co({ quotaPerBlock: { so: 1 } })],
      }),
    );
    expect(proposed(a)).toEqual(['co:S1']);
    expect(a.unfilled).toEqual([]);
  });

  test('no quota: every ranked eligible unit; a unit without an index is never proposed', () => {
    const { a } = run(
      campaign([unit('S1', 95), unit('S2', 40), unit('NA', 'N/A'), unit('X1', 90, 'xa')], {
        awards: [co()],
      }),
    );
    expect(proposed(a)).toEqual(['co:S1', 'co:S2', 'co:X1']);
  });

  test('fewer candidates than places: the places left are reported unfilled', () => {
    const spec = campaign([unit('S1', 95), unit('S2', 85, 'so', late), unit('X1', 90, 'xa')], {
      gates: [REGISTRATION],
      awards: [co({ quotaPerBlock: 2 })],
    });
    spec.units[0].profile = inTime;
    spec.units[2].profile = inTime;
    const { ev, a } = run(spec);
    expect(proposed(a)).toEqual(['co:S1', 'co:X1']);
    expect(a.unfilled).toEqual([
      { award: 'co', block: 'so', places: 1 },
      { award: 'co', block: 'xa', places: 1 },
    ]);
    expect(awardTable(ev, spec).rows.filter((r) => r[1] === null)).toEqual([
      ['Cờ thi đua', null, null, '', 'Khối sở', null, null, 'Cờ thi đua: còn 1 suất chưa xét được'],
      ['Cờ thi đua', null, null, '', 'Khối xã', null, null, 'Cờ thi đua: còn 1 suất chưa xét được'],
    ]);
  });
});

describe("unfilled: 'passDown' vs 'leaveEmpty'", () => {
  // LATE ranks first but registered late: it fails the campaign gate.
  const units = [
    unit('LATE', 95, 'so', late),
    unit('B', 90, 'so', inTime),
    unit('C', 85, 'so', inTime),
    unit('D', 80, 'so', inTime),
  ];
  const awards = (unfilled?: AwardsSpec['unfilled']): AwardsSpec => ({
    gates: [REGISTRATION],
    awards: [co({ quotaPerBlock: { so: 2 } })],
    ...(unfilled ? { unfilled } : {}),
  });

  test('passDown (the default) gives the place of the ineligible unit to the next candidate', () => {
    expect(proposed(run(campaign(units, awards())).a)).toEqual(['co:B', 'co:C']);
    const { a } = run(campaign(units, awards('passDown')));
    expect(proposed(a)).toEqual(['co:B', 'co:C']);
    expect(a.unfilled).toEqual([]);
  });

  test('leaveEmpty counts the place of the ineligible unit as used: it stays empty', () => {
    const { a } = run(campaign(units, awards('leaveEmpty')));
    expect(proposed(a)).toEqual(['co:B']);
    expect(a.awardOf).toEqual([null, 'co', null, null]);
    expect(a.ties).toEqual([]);
    // The place A used stays empty: it is reported unfilled.
    expect(a.unfilled).toEqual([{ award: 'co', block: 'so', places: 1 }]);
  });

  test('leaveEmpty: a unit that already has a higher award does not use a place of the lower one', () => {
    const { a } = run(
      campaign(units, {
        gates: [REGISTRATION],
        awards: [co({ quotaPerBlock: 1 }), bk({ quotaPerBlock: 2 })],
        unfilled: 'leaveEmpty',
      }),
    );
    // co: LATE's one place is used, so nobody. bk: LATE uses one of two places, B gets the other.
    expect(proposed(a)).toEqual(['bk:B']);
    const { a: a2 } = run(
      campaign([unit('A', 99, 'so', inTime), ...units], {
        gates: [REGISTRATION],
        awards: [co({ quotaPerBlock: 1 }), bk({ quotaPerBlock: 2 })],
        unfilled: 'leaveEmpty',
      }),
    );
    // co: A. bk: A is skipped without using a place; LATE uses one; B gets the other.
    expect(proposed(a2)).toEqual(['co:A', 'bk:B']);
  });
});

describe('ties at the cut', () => {
  const units = [
    unit('A', 95, 'so', inTime),
    unit('C', 90, 'so', inTime),
    unit('B', 90, 'so', inTime),
    unit('D', 85, 'so', inTime),
    unit('E', 80, 'so', inTime),
  ];

  test('units of equal rank straddling the last place: none chosen, the tie is reported; the lower award holds its place for the one left out', () => {
    const spec = campaign(units, {
      awards: [co({ quotaPerBlock: 2 }), bk({ quotaPerBlock: 1 })],
    });
    const { ev, a } = run(spec);
    // B or C (whoever the council leaves out) ranks above D, so Bằng khen's one place waits.
    expect(proposed(a)).toEqual(['co:A']);
    expect(a.ties).toEqual([
      { award: 'co', block: 'so', units: ['B', 'C'], places: 1, settled: false },
      { award: 'bk', block: 'so', units: ['B', 'C'], places: 1, settled: false, waitsOn: 'co' },
    ]);
    expect(a.pendingOf).toEqual([null, 'co', 'co', null, null]);
    const waiting =
      'Cờ thi đua: Đồng hạng tại ngưỡng — cần Hội đồng quyết định (1 suất cho 2 đơn vị). ' +
      'Bằng khen nếu không được chọn Cờ thi đua — chờ Hội đồng quyết định đồng hạng';
    expect(awardNotes(ev.awards as NonNullable<Ok['awards']>, ev.campaign)).toEqual([
      'Đề nghị Cờ thi đua',
      waiting,
      waiting,
      '',
      '',
    ]);
    const rows = awardTable(ev, spec).rows;
    // (Khối xã has no unit: its 2 places are reported unfilled after these rows.)
    expect(rows.filter((r) => r[0] === 'Cờ thi đua').map((r) => [r[1], r[3], r[7]])).toEqual([
      [1, 'Đơn vị A', ''],
      [null, 'Đơn vị B', 'Đồng hạng tại ngưỡng — cần Hội đồng quyết định (1 suất cho 2 đơn vị)'],
      [null, 'Đơn vị C', 'Đồng hạng tại ngưỡng — cần Hội đồng quyết định (1 suất cho 2 đơn vị)'],
      [null, '', 'Cờ thi đua: còn 2 suất chưa xét được'],
    ]);
  });

  test('runner-up places wait on an unsettled award tie for the unit it leaves out; the rest go on', () => {
    const spec = campaign(units, { awards: [co({ quotaPerBlock: 2 })], runnersUpPerBlock: 2 });
    const { ev, a } = run(spec);
    expect(proposed(a)).toEqual(['co:A']);
    expect(a.ties).toEqual([
      { award: 'co', block: 'so', units: ['B', 'C'], places: 1, settled: false },
      { award: null, block: 'so', units: ['B', 'C'], places: 1, settled: false, waitsOn: 'co' },
    ]);
    expect(a.runnersUp).toEqual([{ block: 'so', unit: 'D' }]);
    expect(a.runnerUp).toEqual([false, false, false, true, false]);
    const waits =
      'Cờ thi đua: Đồng hạng tại ngưỡng — cần Hội đồng quyết định (1 suất cho 2 đơn vị). ' +
      'Liền kề nếu không được chọn khen thưởng — chờ Hội đồng quyết định đồng hạng';
    expect(awardNotes(ev.awards as NonNullable<Ok['awards']>, ev.campaign)).toEqual([
      'Đề nghị Cờ thi đua',
      waits,
      waits,
      'Liền kề — được đề cử 01 cá nhân',
      '',
    ]);
    expect(
      awardTable(ev, spec)
        .rows.filter((r) => r[0] === 'Liền kề')
        .map((r) => [r[1], r[3], r[7]]),
    ).toEqual([
      [1, 'Đơn vị D', 'Liền kề — được đề cử 01 cá nhân'],
      [
        null,
        'Đơn vị B',
        'Liền kề nếu không được chọn khen thưởng — chờ Hội đồng quyết định đồng hạng',
      ],
      [
        null,
        'Đơn vị C',
        'Liền kề nếu không được chọn khen thưởng — chờ Hội đồng quyết định đồng hạng',
      ],
    ]);
  });

  test('a tied group that fits the places left is taken whole', () => {
    expect(proposed(run(campaign(units, { awards: [co({ quotaPerBlock: 3 })] })).a)).toEqual([
      'co:A',
      'co:B',
      'co:C',
    ]);
  });

  test('an ineligible unit of the tied group is not a candidate: the others may fit', () => {
    const spec = campaign(
      [
        unit('A', 95, 'so', inTime),
        unit('B', 90, 'so', inTime),
        unit('C', 90, 'so', late),
        unit('D', 85, 'so', inTime),
      ],
      { gates: [REGISTRATION], awards: [co({ quotaPerBlock: 2 })] },
    );
    const { a } = run(spec);
    expect(proposed(a)).toEqual(['co:A', 'co:B']);
    expect(a.ties).toEqual([]);
  });

  test('runners-up: a tie at their cut is reported with award null', () => {
    const { a } = run(
      campaign(units, { awards: [co({ quotaPerBlock: 1 })], runnersUpPerBlock: 1 }),
    );
    expect(proposed(a)).toEqual(['co:A']);
    expect(a.runnersUp).toEqual([]);
    expect(a.ties).toEqual([
      { award: null, block: 'so', units: ['B', 'C'], places: 1, settled: false },
    ]);
    expect(a.runnerUp).toEqual([false, false, false, false, false]);
  });

  test('a runner-up must pass the campaign gates; an award gate does not bar it', () => {
    const { a } = run(
      campaign(
        [
          unit('A', 95, 'so', { registeredOn: '2025-03-01' }),
          unit('B', 90, 'so', late),
          unit('C', 85, 'so', { registeredOn: '2025-03-01' }),
        ],
        {
          gates: [REGISTRATION],
          awards: [co({ quotaPerBlock: 1, gates: [{ kind: 'minIndex', min: 90 }] })],
          runnersUpPerBlock: 1,
        },
      ),
    );
    expect(proposed(a)).toEqual(['co:A']);
    expect(a.runnersUp).toEqual([{ block: 'so', unit: 'C' }]);
  });
});

describe('council choices', () => {
  const units = [unit('A', 95), unit('C', 90), unit('B', 90), unit('D', 85)];

  test('a choice naming exactly the places among the tied settles the tie; the others go on', () => {
    const spec = campaign(units, {
      awards: [co({ quotaPerBlock: 2 }), bk({ quotaPerBlock: 1 })],
      councilChoices: [{ award: 'co', block: 'so', units: ['C'] }],
    });
    const { ev, a } = run(spec);
    expect(a.proposals).toEqual([
      { award: 'co', block: 'so', unit: 'A', via: 'rank' },
      { award: 'co', block: 'so', unit: 'C', via: 'council' },
      { award: 'bk', block: 'so', unit: 'B', via: 'rank' },
    ]);
    expect(a.ties).toEqual([
      { award: 'co', block: 'so', units: ['B', 'C'], places: 1, settled: true },
    ]);
    expect(a.pendingOf).toEqual([null, null, null, null]);
    expect(
      awardTable(ev, spec)
        .rows.filter((r) => r[0] === 'Cờ thi đua' && r[3] !== '')
        .map((r) => [r[1], r[3], r[7]]),
    ).toEqual([
      [1, 'Đơn vị A', ''],
      [2, 'Đơn vị C', 'Hội đồng quyết định (đồng hạng tại ngưỡng)'],
    ]);
  });

  test('a choice with the wrong units or count, for no tie, or for an unknown award is an error', () => {
    const awards = (choices: AwardsSpec['councilChoices']): AwardsSpec => ({
      awards: [co({ quotaPerBlock: 2 })],
      councilChoices: choices,
    });
    expect(errors(campaign(units, awards([{ award: 'co', block: 'so', units: ['D'] }])))).toEqual([
      'Cấu hình: Quyết định của Hội đồng cho Cờ thi đua, Khối sở: phải chọn đúng 1 trong các đơn vị đồng hạng B, C.',
    ]);
    expect(
      errors(
        campaign(
          units,
          awards([
            {
              award: 'co',
              block: 'so',
              units: ['B', 'C'],
              source: { sheet: 'Hội đồng', row: 4, col: 1 },
            },
          ]),
        ),
      ),
    ).toEqual([
      "Trang tính 'Hội đồng', ô A4: Quyết định của Hội đồng cho Cờ thi đua, Khối sở: phải chọn đúng 1 trong các đơn vị đồng hạng B, C.",
    ]);
    expect(errors(campaign(units, awards([{ award: 'co', block: 'xa', units: ['X'] }])))).toEqual([
      'Cấu hình: Quyết định của Hội đồng cho Cờ thi đua, Khối xã: không có trường hợp đồng hạng tại ngưỡng cần quyết định.',
    ]);
    expect(errors(campaign(units, awards([{ award: 'co', units: ['B'] }])))).toEqual([
      'Cấu hình: Quyết định của Hội đồng cho Cờ thi đua, toàn tỉnh: không có trường hợp đồng hạng tại ngưỡng cần quyết định.',
    ]);
    expect(errors(campaign(units, awards([{ award: 'cup', block: 'so', units: ['B'] }])))).toEqual([
      'Cấu hình: Quyết định của Hội đồng nêu hình thức "cup" không có.',
    ]);
  });
});

describe('cap across blocks', () => {
  test('over the cap the best by overall rank are kept; the others stay free for a lower award', () => {
    const { a } = run(
      campaign([unit('S1', 95), unit('S2', 80), unit('X1', 90, 'xa'), unit('X2', 85, 'xa')], {
        awards: [co({ quotaPerBlock: 2, cap: 3 }), bk({ quotaPerBlock: 1 })],
      }),
    );
    expect(proposed(a)).toEqual(['co:S1', 'co:X1', 'co:X2', 'bk:S2']);
    expect(a.ties).toEqual([]);
  });

  test('a tie across the cap is reported with block null; the tied units wait on the council', () => {
    const units = [unit('S1', 95), unit('S2', 90), unit('X1', 90, 'xa'), unit('X2', 70, 'xa')];
    const spec = campaign(units, {
      awards: [co({ quotaPerBlock: 2, cap: 2 }), bk({ quotaPerBlock: 1 })],
    });
    const { ev, a } = run(spec);
    expect(ev.units.map((u) => [u.id, u.rankOverall])).toEqual([
      ['S1', 1],
      ['S2', 2],
      ['X1', 2],
      ['X2', 4],
    ]);
    // Whoever of S2 / X1 the council leaves out ranks first for Bằng khen in its block, so
    // both blocks' Bằng khen places wait (X2 gets one only if X1 is chosen for the Cờ).
    expect(proposed(a)).toEqual(['co:S1']);
    expect(a.ties).toEqual([
      { award: 'co', block: null, units: ['S2', 'X1'], places: 1, settled: false },
      { award: 'bk', block: 'so', units: ['S2'], places: 1, settled: false, waitsOn: 'co' },
      { award: 'bk', block: 'xa', units: ['X1'], places: 1, settled: false, waitsOn: 'co' },
    ]);
    expect(a.pendingOf).toEqual([null, 'co', 'co', null]);
    expect(awardNotes(ev.awards as NonNullable<Ok['awards']>, ev.campaign)[1]).toBe(
      'Cờ thi đua: Đồng hạng tại ngưỡng — cần Hội đồng quyết định (1 suất cho 2 đơn vị). ' +
        'Bằng khen nếu không được chọn Cờ thi đua — chờ Hội đồng quyết định đồng hạng',
    );
  });

  test('a council choice without a block settles the cap tie', () => {
    const units = [unit('S1', 95), unit('S2', 90), unit('X1', 90, 'xa'), unit('X2', 70, 'xa')];
    const { a } = run(
      campaign(units, {
        awards: [co({ quotaPerBlock: 2, cap: 2 }), bk({ quotaPerBlock: 1 })],
        councilChoices: [{ award: 'co', units: ['X1'] }],
      }),
    );
    expect(a.proposals).toEqual([
      { award: 'co', block: 'so', unit: 'S1', via: 'rank' },
      { award: 'co', block: 'xa', unit: 'X1', via: 'council' },
      { award: 'bk', block: 'so', unit: 'S2', via: 'rank' },
      { award: 'bk', block: 'xa', unit: 'X2', via: 'rank' },
    ]);
    expect(a.ties).toEqual([
      { award: 'co', block: null, units: ['S2', 'X1'], places: 1, settled: true },
    ]);
  });

  test('a proposal under the cap is never withdrawn when the council settles a tie at a block cut of the same award', () => {
    // Khối sở: S1 = S2 for its one place (a tie); Khối xã: X1 alone. Cap 1 across blocks.
    const units = [unit('S1', 90), unit('S2', 90), unit('X1', 80, 'xa')];
    const awards = (choice?: string): AwardsSpec => ({
      awards: [co({ quotaPerBlock: 1, cap: 1 })],
      ...(choice ? { councilChoices: [{ award: 'co', block: 'so', units: [choice] }] } : {}),
    });
    const open = run(campaign(units, awards())).a;
    expect(open.ties).toEqual([
      { award: 'co', block: 'so', units: ['S1', 'S2'], places: 1, settled: false },
    ]);
    for (const choice of ['S1', 'S2']) {
      const settled = proposed(run(campaign(units, awards(choice))).a);
      // Whatever the council picks, what was proposed before its decision stays proposed.
      for (const p of proposed(open))
        expect([choice, settled]).toEqual([choice, expect.arrayContaining([p])]);
    }
  });

  test('cap 0 proposes nobody', () => {
    const { a } = run(campaign([unit('S1', 95)], { awards: [co({ quotaPerBlock: 1, cap: 0 })] }));
    expect(a.proposals).toEqual([]);
  });
});

describe('award precedence', () => {
  const units = [unit('A', 95), unit('B', 90), unit('C', 85), unit('D', 80)];

  test('a unit awarded the higher award is skipped for the lower one', () => {
    const { a } = run(
      campaign(units, { awards: [co({ quotaPerBlock: 1 }), bk({ quotaPerBlock: 2 })] }),
    );
    expect(proposed(a)).toEqual(['co:A', 'bk:B', 'bk:C']);
    expect(a.awardOf).toEqual(['co', 'bk', 'bk', null]);
  });

  test("a unit failing the higher award's own gate gets the lower award; the next unit gets the higher", () => {
    const { ev, a } = run(
      campaign(
        [
          unit('A', 95, 'so', { flags: ['initiative'] }),
          unit('B', 90, 'so', { flags: ['excellent'] }),
          unit('C', 85),
          unit('D', 80),
        ],
        {
          awards: [
            co({ quotaPerBlock: 1, gates: [{ kind: 'flag', flag: 'excellent' }] }),
            bk({ quotaPerBlock: 2 }),
          ],
        },
      ),
    );
    expect(proposed(a)).toEqual(['co:B', 'bk:A', 'bk:C']);
    expect(awardNotes(ev.awards as NonNullable<Ok['awards']>, ev.campaign)).toEqual([
      'Đề nghị Bằng khen',
      'Đề nghị Cờ thi đua',
      'Đề nghị Bằng khen',
      '',
    ]);
  });
});

describe('configuration errors of the award types', () => {
  const units = [unit('A', 95), unit('X', 90, 'xa')];

  test('duplicate award ids', () => {
    expect(errors(campaign(units, { awards: [co(), co({ name: 'Cờ thi đua (2)' })] }))).toEqual([
      'Khen thưởng co: Mã hình thức khen thưởng "co" bị trùng.',
    ]);
  });

  test('no award at all', () => {
    expect(errors(campaign(units, { awards: [] }))).toEqual([
      'Cấu hình: Chưa khai báo hình thức khen thưởng nào.',
    ]);
  });

  test('bad quota: negative, fractional, in a per-block map, a bad cap', () => {
    expect(
      errors(
        campaign(units, {
          awards: [co({ quotaPerBlock: -1 }), bk({ quotaPerBlock: { so: 1.5, xa: 2 }, cap: -2 })],
        }),
      ),
    ).toEqual([
      'Khen thưởng co: Chỉ tiêu "-1" của Cờ thi đua phải là số nguyên không âm.',
      'Khen thưởng bk: Chỉ tiêu "1.5" của Bằng khen phải là số nguyên không âm.',
      'Khen thưởng bk: Chỉ tiêu "-2" của Bằng khen phải là số nguyên không âm.',
    ]);
  });

  test('unknown block in a quota, located at the cell when there is one', () => {
    expect(
      errors(
        campaign(units, {
          awards: [
            co({
              quotaPerBlock: { so: 1, huyen: 2 },
              source: { sheet: 'Khen thưởng', row: 2, col: 3 },
            }),
          ],
        }),
      ),
    ).toEqual([
      'Trang tính \'Khen thưởng\', ô C2: Chỉ tiêu của Cờ thi đua nêu khối "huyen" không có trong danh sách khối.',
    ]);
  });

  test('bad runners-up count and unknown unfilled policy', () => {
    expect(
      errors(
        campaign(units, {
          awards: [co()],
          runnersUpPerBlock: 1.5,
          unfilled: 'skip' as unknown as AwardsSpec['unfilled'],
        }),
      ),
    ).toEqual([
      'Cấu hình: Giá trị "1.5" phải là số nguyên không âm.',
      'Cấu hình: Giá trị "skip" của thiết lập unfilled không hợp lệ.',
    ]);
  });
});
