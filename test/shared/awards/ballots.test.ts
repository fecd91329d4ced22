/**
 * Individuals and ballots by hand: who may nominate, the vote threshold of members present or
 * of all members, ties at the last seat, ballots in order; and every nomination and ballot
 * error as a located Vietnamese message.
 */
import { tallyBallots, votesNeeded, type BallotResult } from '../../../shared/awards/ballots';
import type { AwardsSpec, BallotSpec, NominationSpec } from '../../../shared/awards/types';
import { evaluateCampaign, type Evaluation } from '../../../shared/evaluate';
import { formatIssue } from '../../../shared/model/issues';
import type { CampaignSpec, UnitSpec } from '../../../shared/model/types';
import { awardTable } from '../../../shared/report/awardTable';

type Ok = Extract<Evaluation, { ok: true }>;

const unit = (id: string, value: number, block = 'so'): UnitSpec => ({
  id,
  name: `Đơn vị ${id}`,
  block,
  self: { '1.1': value },
});

/** A is awarded in Khối sở, X in Khối xã; B is the runner-up of Khối sở. */
const AWARDS: AwardsSpec = {
  awards: [{ id: 'bk', name: 'Bằng khen', quotaPerBlock: 1 }],
  runnersUpPerBlock: 1,
};

function campaign(nominations: NominationSpec[], ballots: BallotSpec[] = []): CampaignSpec {
  return {
    id: 'ballots',
    name: 'Thử bầu chọn',
    year: 2025,
    criteria: [
      {
        code: '1',
        name: 'Kết quả',
        max: 10,
        children: [
          { code: '1.1', name: 'Tỷ lệ', max: 10, rule: { kind: 'proportional', of: 100 } },
        ],
      },
    ],
    blocks: [
      { id: 'so', name: 'Khối sở' },
      { id: 'xa', name: 'Khối xã' },
    ],
    units: [unit('A', 95), unit('B', 90), unit('C', 85), unit('D', 80), unit('X', 90, 'xa')],
    awards: AWARDS,
    nominations,
    ballots,
  };
}

const nom = (
  id: string,
  unitId: string,
  by: NominationSpec['nominatedBy'],
  more: Partial<NominationSpec> = {},
): NominationSpec => ({
  id,
  name: `Người ${id}`,
  unit: unitId,
  position: 'Phó Giám đốc',
  nominatedBy: by,
  ...more,
});

/** Valid: A (awarded), X (awarded), B (runner-up), and one council nominee from C. */
const VALID: NominationSpec[] = [
  nom('N1', 'A', { kind: 'awarded', unit: 'A' }),
  nom('N2', 'X', { kind: 'awarded', unit: 'X' }),
  nom('N3', 'B', { kind: 'runnerUp', unit: 'B' }),
  nom('N4', 'C', { kind: 'council' }),
];

function ballot(votes: [string, number][], more: Partial<BallotSpec> = {}, id = 'B1'): BallotSpec {
  return {
    id,
    name: `Lượt bầu ${id}`,
    kind: 'individual',
    seats: 2,
    membersTotal: 15,
    membersPresent: 15,
    votes: votes.map(([nominee, v]) => ({ nominee, votes: v })),
    ...more,
  };
}

function run(spec: CampaignSpec): Ok {
  const ev = evaluateCampaign(spec);
  if (!ev.ok) throw new Error(ev.errors.map(formatIssue).join('\n'));
  return ev;
}

function errors(spec: CampaignSpec): string[] {
  const ev = evaluateCampaign(spec);
  if (ev.ok) throw new Error('expected the campaign to be rejected');
  return ev.errors.map(formatIssue);
}

const IDS = ['N1', 'N2', 'N3', 'N4', 'N5'];

function tally(ballots: BallotSpec[]): BallotResult[] {
  const { results, issues } = tallyBallots(ballots, IDS, []);
  expect(issues.map(formatIssue)).toEqual([]);
  return results;
}

describe('votes needed', () => {
  test('90% of all 15 members needs 14 votes; 90% of 13 members present needs 12', () => {
    expect(votesNeeded(0.9, 15)).toBe(14);
    expect(votesNeeded(0.9, 13)).toBe(12);
    expect(votesNeeded(0.5, 10)).toBe(5);
    expect(votesNeeded(0.5, 11)).toBe(6);
    expect(votesNeeded(1, 7)).toBe(7);
    expect(votesNeeded(0, 7)).toBe(0);
  });

  test('a two-thirds majority (share 2/3) of 15 members needs 10 votes, of 3 needs 2', () => {
    // 10 / 15 = 2/3 exactly, so 10 votes reach a share of 2/3.
    expect(votesNeeded(2 / 3, 15)).toBe(10);
    expect(votesNeeded(2 / 3, 3)).toBe(2);
  });

  test('threshold of all members vs members present: same votes, different outcome', () => {
    const votes: [string, number][] = [
      ['N1', 13],
      ['N2', 12],
      ['N3', 11],
    ];
    const [all] = tally([
      ballot(votes, { membersPresent: 13, threshold: { share: 0.9, base: 'all' } }),
    ]);
    expect([all.base, all.needed]).toEqual([15, 14]);
    expect(all.elected).toEqual([]);
    expect(all.belowThreshold).toEqual([
      { nominee: 'N1', votes: 13 },
      { nominee: 'N2', votes: 12 },
      { nominee: 'N3', votes: 11 },
    ]);
    const [present] = tally([
      ballot(votes, { membersPresent: 13, threshold: { share: 0.9, base: 'present' } }),
    ]);
    expect([present.base, present.needed]).toEqual([13, 12]);
    expect(present.elected).toEqual([
      { nominee: 'N1', votes: 13 },
      { nominee: 'N2', votes: 12 },
    ]);
    expect(present.belowThreshold).toEqual([{ nominee: 'N3', votes: 11 }]);
  });

  test('the base defaults to members present; without a threshold any vote qualifies, zero does not', () => {
    const [r] = tally([
      ballot(
        [
          ['N1', 1],
          ['N2', 0],
        ],
        { seats: 3 },
      ),
    ]);
    expect([r.base, r.needed]).toEqual([15, 1]);
    expect(r.elected).toEqual([{ nominee: 'N1', votes: 1 }]);
    expect(r.belowThreshold).toEqual([{ nominee: 'N2', votes: 0 }]);
    const [zero] = tally([ballot([['N2', 0]], { threshold: { share: 0, base: 'present' } })]);
    expect(zero.needed).toBe(0);
    expect(zero.elected).toEqual([]);
  });
});

describe('seats and ties', () => {
  test('highest votes first up to the seats; nominees below the seats are not elected', () => {
    const [r] = tally([
      ballot([
        ['N3', 9],
        ['N1', 14],
        ['N2', 12],
      ]),
    ]);
    expect(r.elected).toEqual([
      { nominee: 'N1', votes: 14 },
      { nominee: 'N2', votes: 12 },
    ]);
    expect(r.notElected).toEqual([{ nominee: 'N3', votes: 9 }]);
    expect(r.tie).toBeNull();
  });

  test('equal votes at the last seat: a tie for the council, none of them elected', () => {
    const [r] = tally([
      ballot([
        ['N1', 14],
        ['N3', 10],
        ['N2', 10],
        ['N4', 8],
      ]),
    ]);
    expect(r.elected).toEqual([{ nominee: 'N1', votes: 14 }]);
    expect(r.tie).toEqual({ nominees: ['N2', 'N3'], places: 1 });
    expect(r.notElected).toEqual([{ nominee: 'N4', votes: 8 }]);
  });

  test('equal votes that fit the seats are all elected; a tie may take every seat', () => {
    const [fits] = tally([
      ballot([
        ['N1', 10],
        ['N2', 10],
        ['N3', 9],
      ]),
    ]);
    expect(fits.elected.map((e) => e.nominee)).toEqual(['N1', 'N2']);
    expect(fits.tie).toBeNull();
    const [all] = tally([
      ballot([
        ['N1', 10],
        ['N2', 10],
        ['N3', 10],
      ]),
    ]);
    expect(all.elected).toEqual([]);
    expect(all.tie).toEqual({ nominees: ['N1', 'N2', 'N3'], places: 2 });
  });

  test('a tie among nominees below the threshold is no tie', () => {
    const [r] = tally([
      ballot(
        [
          ['N1', 14],
          ['N2', 9],
          ['N3', 9],
        ],
        { threshold: { share: 0.9, base: 'all' } },
      ),
    ]);
    expect(r.elected).toEqual([{ nominee: 'N1', votes: 14 }]);
    expect(r.tie).toBeNull();
  });
});

describe('ballots in order', () => {
  test('a second ballot where a nominee already elected runs again is rejected', () => {
    const first = ballot([
      ['N1', 14],
      ['N2', 12],
    ]);
    const second = ballot(
      [
        ['N1', 13],
        ['N3', 12],
      ],
      {},
      'B2',
    );
    const { results, issues } = tallyBallots([first, second], IDS, []);
    expect(results.map((r) => r.ballot)).toEqual(['B1']);
    expect(issues.map(formatIssue)).toEqual(['Lượt bầu B2: "N1" đã được chọn ở lượt bầu B1.']);
  });

  test('a nominee tied out in the first ballot may be elected in the second', () => {
    const results = tally([
      ballot(
        [
          ['N1', 14],
          ['N2', 10],
          ['N3', 10],
        ],
        {},
      ),
      ballot([['N2', 12]], { seats: 1 }, 'B2'),
    ]);
    expect(results[0].tie).toEqual({ nominees: ['N2', 'N3'], places: 1 });
    expect(results[1].elected).toEqual([{ nominee: 'N2', votes: 12 }]);
  });

  test('through the pipeline: ballots tallied in order, the table lists elected and tied nominees', () => {
    const spec = campaign(VALID, [
      ballot(
        [
          ['N1', 15],
          ['N2', 14],
          ['N3', 14],
          ['N4', 14],
        ],
        { seats: 3, threshold: { share: 0.9, base: 'all' } },
      ),
      {
        id: 'T1',
        name: 'Bầu tập thể',
        kind: 'collective',
        seats: 1,
        membersTotal: 15,
        membersPresent: 14,
        votes: [
          { nominee: 'A', votes: 9 },
          { nominee: 'C', votes: 5 },
        ],
      },
    ]);
    const ev = run(spec);
    const ballots = (ev.awards as NonNullable<Ok['awards']>).ballots;
    expect(ballots.map((b) => [b.ballot, b.needed, b.elected.map((e) => e.nominee)])).toEqual([
      ['B1', 14, ['N1']],
      ['T1', 1, ['A']],
    ]);
    expect(ballots[0].tie).toEqual({ nominees: ['N2', 'N3', 'N4'], places: 2 });
    const tied = 'Bằng số phiếu tại ngưỡng — cần Hội đồng quyết định (2 suất cho 3 người)';
    const rows = awardTable(ev, spec).rows.filter((r) => String(r[0]).startsWith('Lượt bầu'));
    // the code column holds the code of the person's unit
    expect(rows.map((r) => [r[1], r[2], r[3], r[4], r[7]])).toEqual([
      [1, 'A', 'Người N1 — Phó Giám đốc', 'Đơn vị A', 'Được chọn (15/15 phiếu)'],
      [null, 'X', 'Người N2 — Phó Giám đốc', 'Đơn vị X', tied],
      [null, 'B', 'Người N3 — Phó Giám đốc', 'Đơn vị B', tied],
      [null, 'C', 'Người N4 — Phó Giám đốc', 'Đơn vị C', tied],
    ]);
    expect(awardTable(ev, spec).rows.filter((r) => r[0] === 'Bầu tập thể')).toEqual([
      ['Bầu tập thể', 1, 'A', 'Đơn vị A', '', null, null, 'Được chọn (9/14 phiếu)'],
    ]);
  });
});

describe('nomination errors', () => {
  test('valid nominations by awarded units, a runner-up and the council pass', () => {
    expect(run(campaign(VALID)).ok).toBe(true);
  });

  test('a nominee from an unknown unit', () => {
    expect(errors(campaign([...VALID, nom('N5', 'Z', { kind: 'council' })]))).toEqual([
      'Đề cử N5: Người được đề cử "Người N5" thuộc đơn vị "Z" không có trong danh sách đơn vị.',
    ]);
  });

  test('a nomination by a unit not entitled (not awarded, not a runner-up) is a review, not an error', () => {
    const ev = run(
      campaign([
        nom('N1', 'C', { kind: 'awarded', unit: 'C' }),
        nom('N2', 'A', { kind: 'runnerUp', unit: 'A' }),
        nom('N3', 'D', { kind: 'runnerUp', unit: 'D' }),
      ]),
    );
    expect(ev.warnings.filter((w) => w.key === 'nominationBasisChanged').map(formatIssue)).toEqual([
      'Đề cử N1: Đơn vị C nay không được đề nghị khen thưởng, cũng không thuộc diện liền kề; đề cử theo diện tập thể được khen thưởng cần xem lại.',
      'Đề cử N2: Đơn vị A nay được đề nghị khen thưởng; đề cử theo diện liền kề cần xem lại.',
      'Đề cử N3: Đơn vị D nay không được đề nghị khen thưởng, cũng không thuộc diện liền kề; đề cử theo diện liền kề cần xem lại.',
    ]);
  });

  test('more than one nomination per entitled unit, located at its cell', () => {
    expect(
      errors(
        campaign([
          ...VALID,
          nom(
            'N5',
            'A',
            { kind: 'awarded', unit: 'A' },
            { source: { sheet: 'Đề cử cá nhân', row: 6, col: 2 } },
          ),
        ]),
      ),
    ).toEqual([
      'Trang tính \'Đề cử cá nhân\', ô B6: Đơn vị "A" đề cử 2 cá nhân, vượt số được đề cử (1).',
    ]);
  });

  test('duplicate nomination ids, a missing nominating unit, an unknown kind', () => {
    expect(
      errors(
        campaign([
          ...VALID,
          nom('N1', 'C', { kind: 'council' }),
          nom('N6', 'C', { kind: 'awarded' }),
          nom('N7', 'C', { kind: 'boss' as 'council' }),
        ]),
      ),
    ).toEqual([
      'Đề cử N1: Mã đề cử "N1" bị trùng.',
      'Đề cử N6: Đề cử "N6" thiếu đơn vị đề cử.',
      'Đề cử N7: Loại đề cử "boss" không hợp lệ (dùng: tập thể được khen, liền kề, Hội đồng).',
    ]);
  });
});

describe('ballot errors', () => {
  const withBallot = (b: BallotSpec): string[] => errors(campaign(VALID, [b]));

  test('votes above members present; located at the vote cell when there is one', () => {
    expect(withBallot(ballot([['N1', 14]], { membersPresent: 13 }))).toEqual([
      'Lượt bầu B1: "N1" có 14 phiếu, nhiều hơn số thành viên có mặt (13).',
    ]);
    const b = ballot([], { membersPresent: 13 });
    b.votes = [
      { nominee: 'N2', votes: 12, source: { sheet: 'Phiếu bầu', row: 4, col: 3 } },
      { nominee: 'N1', votes: 14, source: { sheet: 'Phiếu bầu', row: 5, col: 3 } },
    ];
    expect(withBallot(b)).toEqual([
      'Trang tính \'Phiếu bầu\', ô C5: "N1" có 14 phiếu, nhiều hơn số thành viên có mặt (13).',
    ]);
  });

  test('members present above the total, bad member counts, bad seats, a bad share', () => {
    expect(withBallot(ballot([['N1', 10]], { membersPresent: 16 }))).toEqual([
      'Lượt bầu B1: Số thành viên có mặt (16) lớn hơn tổng số thành viên (15).',
    ]);
    expect(withBallot(ballot([['N1', 10]], { membersPresent: 12.5 }))).toEqual([
      'Lượt bầu B1: Giá trị "12.5/15" phải là số nguyên không âm.',
    ]);
    expect(withBallot(ballot([['N1', 10]], { seats: 0 }))).toEqual([
      'Lượt bầu B1: Số người được chọn phải là số nguyên dương.',
    ]);
    expect(withBallot(ballot([['N1', 10]], { threshold: { share: 90, base: 'all' } }))).toEqual([
      'Lượt bầu B1: Tỷ lệ "90" phải là số từ 0 đến 1 (ví dụ 0,1 cho 10%).',
    ]);
  });

  test('an unknown nominee (individual: a nomination id; collective: a unit id), a repeated one, bad votes', () => {
    expect(
      withBallot(
        ballot([
          ['N9', 3],
          ['N1', 3],
          ['N1', 4],
          ['N2', -1],
          ['N3', 2.5],
        ]),
      ),
    ).toEqual([
      'Lượt bầu B1: "N9" không có trong danh sách đề cử.',
      'Lượt bầu B1: "N1" được ghi phiếu hai lần.',
      'Lượt bầu B1: Số phiếu "-1" phải là số nguyên không âm.',
      'Lượt bầu B1: Số phiếu "2.5" phải là số nguyên không âm.',
    ]);
    expect(
      withBallot({
        ...ballot([
          ['A', 3],
          ['N1', 3],
        ]),
        kind: 'collective',
      }),
    ).toEqual(['Lượt bầu B1: "N1" không có trong danh sách đề cử.']);
  });

  test('a duplicate ballot id; a ballot cell locates ballot-level errors', () => {
    expect(
      errors(
        campaign(VALID, [
          ballot([['N1', 10]]),
          ballot([['N2', 10]], { source: { sheet: 'Phiếu bầu', row: 2, col: 1 } }),
        ]),
      ),
    ).toEqual(['Trang tính \'Phiếu bầu\', ô A2: Mã lượt bầu "B1" bị trùng.']);
  });

  test('an already elected nominee in a later ballot, through the pipeline', () => {
    expect(errors(campaign(VALID, [ballot([['N1', 14]]), ballot([['N1', 15]], {}, 'B2')]))).toEqual(
      ['Lượt bầu B2: "N1" đã được chọn ở lượt bầu B1.'],
    );
  });
});
