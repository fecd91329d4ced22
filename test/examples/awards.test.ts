/**
 * Award proposals of the worked examples as an independent oracle: every expected proposal,
 * tie, reason, ballot result and table row below was worked out by hand from the rules (seed
 * 000 for An Giang 2018, seed 002 for Ninh Thuận 2020, the documented allocation and ballot
 * rules in shared/awards) and from the hand-checked ranking, not by running the core.
 *
 * Allocation rules used: award types in order; places down each block's ranking under the
 * per-block quota, ineligible units skipped (their place passes down); a group of equal rank
 * that straddles the last place is a tie at the cut — none of it is chosen, the council is
 * told how many places are left; then an overall cap by overall rank, with the same tie rule.
 * Runners-up: the next eligible units that got nothing and wait on no tie.
 * Ballots: votes needed = ⌈share × base⌉ (base = members present, or all members); nominees
 * by votes, then id; whole groups of equal votes while they fit the seats, a group that
 * straddles the last seat is a tie (none elected).
 */
import { anGiang2018 } from '../../examples/an-giang-2018';
import { ninhThuan2020 } from '../../examples/ninh-thuan-2020';
import {
  awardTable,
  evaluateCampaign,
  formatIssue,
  formatReason,
  resultTables,
  toMicro,
  type AwardOutcome,
  type AwardsSpec,
  type CampaignSpec,
  type CellValue,
  type CouncilChoice,
  type Evaluation,
} from '../../shared';

type Ok = Extract<Evaluation, { ok: true }>;

/**
 * The proposals table without its "Mã đơn vị" column (the rows below were worked out before it
 * existed), after checking that column: the code of the unit the row names — the unit itself
 * (column 3), or a person's unit (column 4) — and blank where no unit is named.
 */
function withoutCodes(table: { rows: CellValue[][] }, spec: CampaignSpec): CellValue[][] {
  const nameOf = new Map(spec.units.map((u) => [u.id, u.name]));
  return table.rows.map((r) => {
    const code = r[2];
    if (code === null) expect([r[0], r[3]]).toEqual([r[0], '']);
    else expect([r[3], r[4]]).toContain(nameOf.get(String(code)));
    return [...r.slice(0, 2), ...r.slice(3)];
  });
}

function evaluate(spec: CampaignSpec): Ok {
  return evaluateCampaign(spec) as Ok;
}

function outcomeOf(evaluation: Ok): AwardOutcome {
  if (!evaluation.awards) throw new Error('no award outcome');
  return evaluation.awards;
}

/** Formatted reasons of every unit a campaign gate excludes, by unit id. */
function exclusions(evaluation: Ok, spec: CampaignSpec): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  outcomeOf(evaluation).exclusions.forEach((reasons, u) => {
    if (reasons.length > 0) out[spec.units[u].id] = reasons.map(formatReason);
  });
  return out;
}

/** The "Ghi chú" (last) column of the results tables, by unit id, non-empty notes only. */
function notes(evaluation: Ok): Record<string, string> {
  const out: Record<string, string> = {};
  resultTables(evaluation).forEach((table, b) => {
    expect(table.header[table.header.length - 1]).toBe('Ghi chú');
    table.rows.forEach((row, i) => {
      const note = row[row.length - 1];
      if (note !== '') out[evaluation.blocks[b].units[i].id] = note as string;
    });
  });
  return out;
}

function withChoices(spec: CampaignSpec, councilChoices: CouncilChoice[]): CampaignSpec {
  return { ...spec, awards: { ...(spec.awards as AwardsSpec), councilChoices } };
}

function errorsOf(spec: CampaignSpec): string[] {
  const evaluation = evaluateCampaign(spec);
  expect(evaluation.ok).toBe(false);
  return evaluation.ok ? [] : evaluation.errors.map(formatIssue);
}

const HEADER = [
  'Hình thức',
  'STT',
  'Mã đơn vị',
  'Tên tập thể / cá nhân',
  'Khối',
  'Chỉ số (%)',
  'Xếp hạng',
  'Ghi chú',
];
const RUNNER_UP = 'Liền kề — được đề cử 01 cá nhân';
const RUNNER_UP_WAITS =
  'Liền kề nếu không được chọn khen thưởng — chờ Hội đồng quyết định đồng hạng';
const COUNCIL = 'Hội đồng quyết định (đồng hạng tại ngưỡng)';
const tieAtCut = (places: number, count: number): string =>
  `Đồng hạng tại ngưỡng — cần Hội đồng quyết định (${places} suất cho ${count} đơn vị)`;

describe('An Giang 2018 awards (3 Bằng khen per block, runners-up, ballots)', () => {
  /*
   * Ranking (test/examples/worked-examples.test.ts), by block in display order:
   *   sở:    STP 98.57 (1), SNV = STC 94.08 (2, 2), SKHDT 90.00 (4), SYT 85.50 (5),
   *          SXD 79.99 (6), SGDDT 76.25 (7), STNMT 60.00 (8)
   *   huyện: TPLX 98.14 (1), TPCD 94.36 (2), HAP = TXTC 87.25 (3, 3), HCP 82.75 (5),
   *          HTB 78.50 (6), HCM 73.13 (7), HTT 59.75 (8)
   * Gate: registration by 30/3/2018, inclusive. STC registered 2/4 → excluded; HAP registered
   * on 30/3 → in time. Everyone else registered earlier in March.
   * Sở, quota 3: STP (1 place left 2) · group {SNV, STC}: only SNV is a candidate, fits (left
   * 1) · SKHDT (left 0) — STC's place passes down to SKHDT. No unfilled place.
   * Huyện, quota 3: TPLX, TPCD (left 1) · group {HAP, TXTC}: 2 candidates for 1 place → tie
   * at the cut, neither chosen, both wait on the council.
   * Runners-up (1 per block): sở — STP, SNV, SKHDT awarded, STC ineligible → SYT;
   * huyện — TPLX, TPCD awarded; HAP and TXTC wait on the council for 1 place, and the one not
   * chosen is next in score, so the 1 runner-up place waits too (2 tied − 1 place = 1 left
   * over ≥ 1 runner-up place) → no huyện runner-up named yet; HCP is not a runner-up.
   */
  const spec = anGiang2018;
  const evaluation = evaluate(spec);

  it('evaluates without errors', () => {
    expect(evaluation.ok).toBe(true);
    expect(evaluation.awards).toBeDefined();
  });

  it('proposes 3 collectives in the sở block and 2 in the huyện block, by rank', () => {
    expect(outcomeOf(evaluation).allocation.proposals).toEqual([
      { award: 'bk', block: 'so', unit: 'STP', via: 'rank' },
      { award: 'bk', block: 'so', unit: 'SNV', via: 'rank' },
      { award: 'bk', block: 'so', unit: 'SKHDT', via: 'rank' },
      { award: 'bk', block: 'huyen', unit: 'TPLX', via: 'rank' },
      { award: 'bk', block: 'huyen', unit: 'TPCD', via: 'rank' },
    ]);
  });

  it('flags the tie at the huyện cut for the council, with 1 place left', () => {
    const { allocation } = outcomeOf(evaluation);
    expect(allocation.ties).toEqual([
      { award: 'bk', block: 'huyen', units: ['HAP', 'TXTC'], places: 1, settled: false },
      // The huyện runner-up place waits on the same decision.
      {
        award: null,
        block: 'huyen',
        units: ['HAP', 'TXTC'],
        places: 1,
        settled: false,
        waitsOn: 'bk',
      },
    ]);
    expect(allocation.unfilled).toEqual([]);
    const index = (id: string): number => spec.units.findIndex((u) => u.id === id);
    expect(allocation.pendingOf[index('HAP')]).toBe('bk');
    expect(allocation.pendingOf[index('TXTC')]).toBe('bk');
    expect(allocation.awardOf[index('HAP')]).toBeNull();
  });

  it('names the sở runner-up; the huyện runner-up waits on the tie', () => {
    expect(outcomeOf(evaluation).allocation.runnersUp).toEqual([{ block: 'so', unit: 'SYT' }]);
  });

  it('excludes only the late registration, with its Vietnamese reason', () => {
    expect(exclusions(evaluation, spec)).toEqual({
      STC: ['Đăng ký thi đua ngày 02/04/2018, sau hạn 30/03/2018'],
    });
  });

  it('tallies the three ballots', () => {
    /*
     * Rounds 1 and 2: 13 of 15 present, ≥ 50% of those present → ⌈6.5⌉ = 7 votes.
     *   Round 1 (6 seats), by votes then id: AG01 13 · AG02 12, AG04 12 · AG05 11 · AG06 10 ·
     *   AG03 9 → six elected; AG07 8 qualifies but no seat is left.
     *   Round 2 (4 seats): AG08 12 · AG09 11 · AG10 9 · AG07 8, AG11 8 → the last seat is
     *   tied between AG07 and AG11: neither elected.
     * Special ballot: 90% of all 15 members → ⌈13.5⌉ = 14 votes (14 present). STP 14, TPLX 14
     * elected; TPCD 13 is 92.9% of those present but only 86.7% of all members → not enough.
     */
    expect(outcomeOf(evaluation).ballots).toEqual([
      {
        ballot: 'vong1',
        name: 'Lấy phiếu chọn 06 cá nhân do tập thể đề cử',
        kind: 'individual',
        base: 13,
        needed: 7,
        elected: [
          { nominee: 'AG01', votes: 13 },
          { nominee: 'AG02', votes: 12 },
          { nominee: 'AG04', votes: 12 },
          { nominee: 'AG05', votes: 11 },
          { nominee: 'AG06', votes: 10 },
          { nominee: 'AG03', votes: 9 },
        ],
        tie: null,
        notElected: [{ nominee: 'AG07', votes: 8 }],
        belowThreshold: [],
      },
      {
        ballot: 'vong2',
        name: 'Lấy phiếu chọn 04 cá nhân còn lại',
        kind: 'individual',
        base: 13,
        needed: 7,
        elected: [
          { nominee: 'AG08', votes: 12 },
          { nominee: 'AG09', votes: 11 },
          { nominee: 'AG10', votes: 9 },
        ],
        tie: { nominees: ['AG07', 'AG11'], places: 1 },
        notElected: [],
        belowThreshold: [],
      },
      {
        ballot: 'dacbiet',
        name: 'Bỏ phiếu kín khen thưởng đặc biệt tập thể (tối đa 02)',
        kind: 'collective',
        base: 15,
        needed: 14,
        elected: [
          { nominee: 'STP', votes: 14 },
          { nominee: 'TPLX', votes: 14 },
        ],
        tie: null,
        notElected: [],
        belowThreshold: [
          { nominee: 'TPCD', votes: 13 },
          { nominee: 'SNV', votes: 9 },
        ],
      },
    ]);
  });

  it('renders the proposals table: awards, the tie, runners-up, then each ballot', () => {
    const BK = 'Bằng khen của Chủ tịch UBND tỉnh';
    const SO = 'Khối sở, ban, ngành';
    const HUYEN = 'Khối huyện, thị xã, thành phố';
    const V1 = 'Lấy phiếu chọn 06 cá nhân do tập thể đề cử';
    const V2 = 'Lấy phiếu chọn 04 cá nhân còn lại';
    const SP = 'Bỏ phiếu kín khen thưởng đặc biệt tập thể (tối đa 02)';
    const chosen = (votes: number, base: number): string => `Được chọn (${votes}/${base} phiếu)`;
    const ballotTie = 'Bằng số phiếu tại ngưỡng — cần Hội đồng quyết định (1 suất cho 2 người)';
    const table = awardTable(evaluation, spec);
    expect(table.header).toEqual(HEADER);
    expect(withoutCodes(table, spec)).toEqual([
      [BK, 1, 'Sở Tư pháp', SO, 98.57, 1, ''],
      [BK, 2, 'Sở Nội vụ', SO, 94.08, 2, ''],
      [BK, 3, 'Sở Kế hoạch và Đầu tư', SO, 90, 4, ''],
      [BK, 4, 'UBND thành phố Long Xuyên', HUYEN, 98.14, 1, ''],
      [BK, 5, 'UBND thành phố Châu Đốc', HUYEN, 94.36, 2, ''],
      [BK, null, 'UBND huyện An Phú', HUYEN, 87.25, 3, tieAtCut(1, 2)],
      [BK, null, 'UBND thị xã Tân Châu', HUYEN, 87.25, 3, tieAtCut(1, 2)],
      ['Liền kề', 1, 'Sở Y tế', SO, 85.5, 5, RUNNER_UP],
      ['Liền kề', null, 'UBND huyện An Phú', HUYEN, 87.25, 3, RUNNER_UP_WAITS],
      ['Liền kề', null, 'UBND thị xã Tân Châu', HUYEN, 87.25, 3, RUNNER_UP_WAITS],
      [
        V1,
        1,
        'Nguyễn Văn Hùng — Phó Giám đốc Sở Tư pháp',
        'Sở Tư pháp',
        null,
        null,
        chosen(13, 13),
      ],
      [
        V1,
        2,
        'Trần Thị Mỹ Linh — Trưởng phòng Cải cách hành chính',
        'Sở Nội vụ',
        null,
        null,
        chosen(12, 13),
      ],
      [
        V1,
        3,
        'Phạm Thanh Tâm — Phó Chủ tịch UBND thành phố',
        'UBND thành phố Long Xuyên',
        null,
        null,
        chosen(12, 13),
      ],
      [
        V1,
        4,
        'Võ Thị Ngọc Hân — Trưởng phòng Nội vụ',
        'UBND thành phố Châu Đốc',
        null,
        null,
        chosen(11, 13),
      ],
      [V1, 5, 'Huỳnh Minh Trí — Chánh Văn phòng Sở', 'Sở Y tế', null, null, chosen(10, 13)],
      [
        V1,
        6,
        'Lê Quốc Bảo — Chánh Văn phòng Sở',
        'Sở Kế hoạch và Đầu tư',
        null,
        null,
        chosen(9, 13),
      ],
      [
        V2,
        1,
        'Bùi Thị Kim Oanh — Chuyên viên phòng Cải cách hành chính',
        'Sở Nội vụ',
        null,
        null,
        chosen(12, 13),
      ],
      [
        V2,
        2,
        'Lâm Văn Đức — Trưởng phòng Hành chính tư pháp',
        'Sở Tư pháp',
        null,
        null,
        chosen(11, 13),
      ],
      [
        V2,
        3,
        'Châu Thị Hồng Nhung — Công chức Bộ phận một cửa',
        'UBND huyện Chợ Mới',
        null,
        null,
        chosen(9, 13),
      ],
      [
        V2,
        null,
        'Đặng Văn Phúc — Chánh Văn phòng HĐND và UBND huyện',
        'UBND huyện Châu Phú',
        null,
        null,
        ballotTie,
      ],
      [
        V2,
        null,
        'Trương Công Danh — Trưởng phòng Nội vụ',
        'UBND huyện Tịnh Biên',
        null,
        null,
        ballotTie,
      ],
      [SP, 1, 'Sở Tư pháp', '', null, null, chosen(14, 15)],
      [SP, 2, 'UBND thành phố Long Xuyên', '', null, null, chosen(14, 15)],
    ]);
  });

  it('writes the award notes into the results tables ("Ghi chú")', () => {
    const proposed = 'Đề nghị Bằng khen của Chủ tịch UBND tỉnh';
    const waiting = `Đồng hạng. Bằng khen của Chủ tịch UBND tỉnh: ${tieAtCut(1, 2)}`;
    expect(notes(evaluation)).toEqual({
      STP: proposed,
      SNV: `Đồng hạng. ${proposed}`,
      STC: 'Đồng hạng. Không xét khen thưởng: Đăng ký thi đua ngày 02/04/2018, sau hạn 30/03/2018',
      SKHDT: proposed,
      SYT: RUNNER_UP,
      TPLX: proposed,
      TPCD: proposed,
      HAP: `${waiting}. ${RUNNER_UP_WAITS}`,
      TXTC: `${waiting}. ${RUNNER_UP_WAITS}`,
    });
  });

  describe('a council choice at the huyện cut', () => {
    const choice: CouncilChoice = { award: 'bk', block: 'huyen', units: ['HAP'] };
    /*
     * Choosing HAP settles the tie; TXTC is then free and, being next in score, becomes the
     * huyện runner-up, entitled to nominate.
     */
    const nominations = [
      ...(spec.nominations ?? []),
      {
        id: 'AG12',
        name: 'Ngô Thị Thanh Thảo',
        unit: 'TXTC',
        position: 'Trưởng phòng Nội vụ',
        nominatedBy: { kind: 'runnerUp' as const, unit: 'TXTC' },
      },
    ];
    const settled = evaluate({ ...withChoices(spec, [choice]), nominations });

    it('proposes HAP by the council and settles the tie', () => {
      expect(settled.ok).toBe(true);
      const { allocation } = outcomeOf(settled);
      expect(allocation.proposals).toEqual([
        { award: 'bk', block: 'so', unit: 'STP', via: 'rank' },
        { award: 'bk', block: 'so', unit: 'SNV', via: 'rank' },
        { award: 'bk', block: 'so', unit: 'SKHDT', via: 'rank' },
        { award: 'bk', block: 'huyen', unit: 'TPLX', via: 'rank' },
        { award: 'bk', block: 'huyen', unit: 'TPCD', via: 'rank' },
        { award: 'bk', block: 'huyen', unit: 'HAP', via: 'council' },
      ]);
      expect(allocation.ties).toEqual([
        { award: 'bk', block: 'huyen', units: ['HAP', 'TXTC'], places: 1, settled: true },
      ]);
      expect(allocation.runnersUp).toEqual([
        { block: 'so', unit: 'SYT' },
        { block: 'huyen', unit: 'TXTC' },
      ]);
      const rows = withoutCodes(awardTable(settled, spec), spec);
      expect(rows.slice(5, 8)).toEqual([
        [
          'Bằng khen của Chủ tịch UBND tỉnh',
          6,
          'UBND huyện An Phú',
          'Khối huyện, thị xã, thành phố',
          87.25,
          3,
          COUNCIL,
        ],
        ['Liền kề', 1, 'Sở Y tế', 'Khối sở, ban, ngành', 85.5, 5, RUNNER_UP],
        [
          'Liền kề',
          2,
          'UBND thị xã Tân Châu',
          'Khối huyện, thị xã, thành phố',
          87.25,
          3,
          RUNNER_UP,
        ],
      ]);
      const n = notes(settled);
      expect([n.HAP, n.TXTC, n.HCP]).toEqual([
        'Đồng hạng. Đề nghị Bằng khen của Chủ tịch UBND tỉnh',
        `Đồng hạng. ${RUNNER_UP}`,
        undefined,
      ]);
    });

    it('flags a nomination by HCP, which is not the runner-up, for review (the run goes on)', () => {
      const byHcp = {
        id: 'AG13',
        name: 'Đặng Văn Phúc',
        unit: 'HCP',
        position: 'Chánh Văn phòng HĐND và UBND huyện',
        nominatedBy: { kind: 'runnerUp' as const, unit: 'HCP' },
      };
      const evaluation = evaluateCampaign({
        ...withChoices(spec, [choice]),
        nominations: [...(spec.nominations ?? []), byHcp],
      });
      expect(evaluation.ok).toBe(true);
      if (!evaluation.ok) return;
      expect(
        evaluation.warnings.filter((w) => w.key === 'nominationBasisChanged').map(formatIssue),
      ).toEqual([
        'Đề cử AG13: Đơn vị HCP nay không được đề nghị khen thưởng, cũng không thuộc diện liền kề; đề cử theo diện liền kề cần xem lại.',
      ]);
    });

    it('rejects a choice that does not name exactly 1 of the tied units', () => {
      const message =
        'Cấu hình: Quyết định của Hội đồng cho Bằng khen của Chủ tịch UBND tỉnh, Khối huyện, thị xã, thành phố: phải chọn đúng 1 trong các đơn vị đồng hạng HAP, TXTC.';
      expect(
        errorsOf(withChoices(spec, [{ award: 'bk', block: 'huyen', units: ['HCP'] }])),
      ).toEqual([message]);
      expect(
        errorsOf(withChoices(spec, [{ award: 'bk', block: 'huyen', units: ['HAP', 'TXTC'] }])),
      ).toEqual([message]);
    });
  });
});

describe('Ninh Thuận 2020 awards (gates, a cap of 12, a tie across the cap)', () => {
  /*
   * Criteria 80 + SIPAS 20 = 100 for every unit, so index = total. FULL = 1.1 tick 8 · 1.2
   * "Đầy đủ, đúng hạn" 12 · 2.1 100% of 20 · 2.2 tick 10 · 3.1 tick 10 · 3.2 60% → tier ≥ 50 →
   * 20. Counted losses: 2.1 p% → 20 × p/100; 1.2 "chậm hạn" → 8 (−4); 1.1 / 3.1 "không" → −8 /
   * −10; 3.2 30–<50% → 14 (−6).
   *   STP   2.1 98% (appr.) 19.6 → 79.6 + 16.8 = 96.40      VPUB  80 + 15.8 = 95.80
   *   PRTC  2.1 97% 19.4 → 79.4 + 15.8 = 95.20               SNV   80 + 14.6 = 94.60
   *   STC   2.1 99.5% 19.9 → 79.9 + 13.6 = 93.50             SCT   80 + 12.75 = 92.75
   *   HNH   1.2 chậm hạn (appr.) → 76 + 15.9 = 91.90
   *   SKHDT 2.1 96.5% (appr.) 19.3 → 79.3 + 11.55 = 90.85
   *   TTHCC 3.1 không (appr.) → 70 + 19.6 = 89.60
   *   STNMT 3.2 40% (appr.; self 55%) → 14 → 74 + 14.4 = 88.40
   *   SYT   2.1 92.5% (appr.) 18.5 → 78.5 + 9.45 = 87.95
   *   HNP   1.1 không → 72 + 15.1 = 87.10
   *   HNS   2.1 94% 18.8, 3.2 35% 14 → 72.8 + 13.5 = 86.30
   *   STTTT 2.1 95% 19, 1.2 chậm hạn (appr.) → 75 + 10.55 = 85.55
   *   SNNPTNT 2.1 91% 18.2, 3.2 45% 14 → 72.2 + 12 = 84.20
   *   HTN   2.1 93% 18.6, 1.2 chậm hạn (appr.) → 74.6 + 9.6 = 84.20
   *   BTCD  2.1 99% 19.8, 3.1 không (appr.) → 69.8 + 14.4 = 84.20
   *   SXD   2.1 93.5% 18.7, 1.1 không (appr.) → 70.7 + 11.65 = 82.35
   *   HTB   3.2 30% 14, 1.2 chậm hạn (appr.) → 70 + 11.05 = 81.05
   *   HBA   1.1 không, 2.1 90% (appr.) 18, 3.2 35% 14 → 64 + 12.4 = 76.40 (Khá)
   * Bands: Tốt ≥ 80, Khá ≥ 70 → all Tốt but HBA.
   */
  const spec = ninhThuan2020;
  const evaluation = evaluate(spec);

  it('evaluates without errors or warnings', () => {
    expect(evaluation.ok).toBe(true);
    expect(evaluation.warnings).toEqual([]);
  });

  it('gives every unit its hand-computed index, band and ranks', () => {
    // [index, classification, rank in block, rank overall]
    const expected: Record<string, [number, string, number, number]> = {
      STP: [96.4, 'Tốt', 1, 1],
      VPUB: [95.8, 'Tốt', 2, 2],
      PRTC: [95.2, 'Tốt', 1, 3],
      SNV: [94.6, 'Tốt', 3, 4],
      STC: [93.5, 'Tốt', 4, 5],
      SCT: [92.75, 'Tốt', 5, 6],
      HNH: [91.9, 'Tốt', 2, 7],
      SKHDT: [90.85, 'Tốt', 6, 8],
      TTHCC: [89.6, 'Tốt', 7, 9],
      STNMT: [88.4, 'Tốt', 8, 10],
      SYT: [87.95, 'Tốt', 9, 11],
      HNP: [87.1, 'Tốt', 3, 12],
      HNS: [86.3, 'Tốt', 4, 13],
      STTTT: [85.55, 'Tốt', 10, 14],
      // Three-way tie overall (15, 15, 15); two of them are also tied in the sở block.
      BTCD: [84.2, 'Tốt', 11, 15],
      SNNPTNT: [84.2, 'Tốt', 11, 15],
      HTN: [84.2, 'Tốt', 5, 15],
      SXD: [82.35, 'Tốt', 13, 18],
      HTB: [81.05, 'Tốt', 6, 19],
      HBA: [76.4, 'Khá', 7, 20],
    };
    const actual: Record<string, [number | null, string, number | null, number | null]> = {};
    for (const u of evaluation.units) {
      actual[u.id] = [u.printed.index, u.classification, u.rankInBlock, u.rankOverall];
    }
    const want: Record<string, [number, string, number, number]> = {};
    for (const [id, [index, label, inBlock, overall]] of Object.entries(expected)) {
      want[id] = [toMicro(index), label, inBlock, overall];
    }
    expect(actual).toEqual(want);
    expect(evaluation.blocks.map((b) => b.units.map((u) => u.id))).toEqual([
      [
        'STP',
        'VPUB',
        'SNV',
        'STC',
        'SCT',
        'SKHDT',
        'TTHCC',
        'STNMT',
        'SYT',
        'STTTT',
        'BTCD',
        'SNNPTNT',
        'SXD',
      ],
      ['PRTC', 'HNH', 'HNP', 'HNS', 'HTN', 'HTB', 'HBA'],
    ]);
  });

  it('excludes exactly one unit per gate, each with its one Vietnamese reason', () => {
    /*
     * excellent: SCT has only "initiative". classification: HBA 76.40 is Khá. initiative:
     * STNMT has only "excellent". improvement: HNS's PCI 6.45 = last year's 6.45 (not strictly
     * higher); everyone else is higher on index, PCI, PAPI and SIPAS. discipline: HTB 11/95 =
     * 11.578…% → 11,58% > 10%; SYT 6/60 = exactly 10% is allowed; VPUB's sub-units TTHCC
     * (1 of 25 staff, 4%: eligible itself, but a violating sub-unit) and BTCD (none) → 1 of 2
     * = 50,00% > 10% → VPUB out.
     */
    expect(exclusions(evaluation, spec)).toEqual({
      VPUB: ['Cơ quan chủ quản có 50,00% đơn vị trực thuộc vi phạm kỷ luật, kỷ cương, vượt 10%'],
      SCT: ['Chưa có: Hoàn thành xuất sắc nhiệm vụ'],
      STNMT: ['Chưa có: Sáng kiến được công nhận'],
      HNS: ['PCI năm nay 6,45 không tăng so với năm trước 6,45'],
      HTB: ['Tỷ lệ biên chế vi phạm kỷ luật, kỷ cương 11,58% vượt 10%'],
      HBA: ['Xếp loại "Khá" không đạt yêu cầu (Tốt)'],
    });
  });

  it('proposes the best 10 eligible units and flags the tie across the cap of 12', () => {
    /*
     * 14 eligible, by overall rank: STP 1, PRTC 3, SNV 4, STC 5, HNH 7, SKHDT 8, TTHCC 9,
     * SYT 11, HNP 12, STTTT 14 (10 units), then {BTCD, HTN, SNNPTNT} 15 for the 2 places left
     * → a tie at the cap (block null), none of the three chosen; SXD 18 is beyond the cap.
     * Proposals are listed by block, then rank in block.
     */
    const { allocation } = outcomeOf(evaluation);
    expect(allocation.proposals).toEqual([
      { award: 'bk', block: 'so', unit: 'STP', via: 'rank' },
      { award: 'bk', block: 'so', unit: 'SNV', via: 'rank' },
      { award: 'bk', block: 'so', unit: 'STC', via: 'rank' },
      { award: 'bk', block: 'so', unit: 'SKHDT', via: 'rank' },
      { award: 'bk', block: 'so', unit: 'TTHCC', via: 'rank' },
      { award: 'bk', block: 'so', unit: 'SYT', via: 'rank' },
      { award: 'bk', block: 'so', unit: 'STTTT', via: 'rank' },
      { award: 'bk', block: 'huyen', unit: 'PRTC', via: 'rank' },
      { award: 'bk', block: 'huyen', unit: 'HNH', via: 'rank' },
      { award: 'bk', block: 'huyen', unit: 'HNP', via: 'rank' },
    ]);
    expect(allocation.ties).toEqual([
      { award: 'bk', block: null, units: ['BTCD', 'HTN', 'SNNPTNT'], places: 2, settled: false },
    ]);
    expect(allocation.unfilled).toEqual([]);
    expect(allocation.runnersUp).toEqual([]);
  });

  it('tallies the individuals ballot: 12 seats', () => {
    /*
     * 15 of 17 present, ≥ 50% of those present → ⌈7.5⌉ = 8 votes. By votes then id:
     * NT01 15, NT05 15 · NT02 14, NT08 14 · NT09 13, NT11 13 · NT03 12, NT10 12 · NT04 11,
     * NT12 11 · NT06 10 · NT07 9 → 12 seats filled; NT13 8 qualifies but no seat is left;
     * NT14 7 is below the threshold.
     */
    expect(outcomeOf(evaluation).ballots).toEqual([
      {
        ballot: 'canhan',
        name: 'Lấy phiếu chọn 12 cá nhân đề nghị Bằng khen',
        kind: 'individual',
        base: 15,
        needed: 8,
        elected: [
          { nominee: 'NT01', votes: 15 },
          { nominee: 'NT05', votes: 15 },
          { nominee: 'NT02', votes: 14 },
          { nominee: 'NT08', votes: 14 },
          { nominee: 'NT09', votes: 13 },
          { nominee: 'NT11', votes: 13 },
          { nominee: 'NT03', votes: 12 },
          { nominee: 'NT10', votes: 12 },
          { nominee: 'NT04', votes: 11 },
          { nominee: 'NT12', votes: 11 },
          { nominee: 'NT06', votes: 10 },
          { nominee: 'NT07', votes: 9 },
        ],
        tie: null,
        notElected: [{ nominee: 'NT13', votes: 8 }],
        belowThreshold: [{ nominee: 'NT14', votes: 7 }],
      },
    ]);
  });

  it('renders the proposals table', () => {
    const BK = 'Bằng khen';
    const SO = 'Khối sở, ban, ngành';
    const HUYEN = 'Khối huyện, thành phố';
    const B = 'Lấy phiếu chọn 12 cá nhân đề nghị Bằng khen';
    const table = awardTable(evaluation, spec);
    expect(table.header).toEqual(HEADER);
    // 10 proposals + 3 tied units + 12 elected individuals.
    expect(table.rows).toHaveLength(25);
    const rows = withoutCodes(table, spec);
    expect(rows.slice(0, 13)).toEqual([
      [BK, 1, 'Sở Tư pháp', SO, 96.4, 1, ''],
      [BK, 2, 'Sở Nội vụ', SO, 94.6, 3, ''],
      [BK, 3, 'Sở Tài chính', SO, 93.5, 4, ''],
      [BK, 4, 'Sở Kế hoạch và Đầu tư', SO, 90.85, 6, ''],
      [BK, 5, 'Trung tâm Phục vụ hành chính công tỉnh', SO, 89.6, 7, ''],
      [BK, 6, 'Sở Y tế', SO, 87.95, 9, ''],
      [BK, 7, 'Sở Thông tin và Truyền thông', SO, 85.55, 10, ''],
      [BK, 8, 'UBND thành phố Phan Rang – Tháp Chàm', HUYEN, 95.2, 1, ''],
      [BK, 9, 'UBND huyện Ninh Hải', HUYEN, 91.9, 2, ''],
      [BK, 10, 'UBND huyện Ninh Phước', HUYEN, 87.1, 3, ''],
      [BK, null, 'Ban Tiếp công dân tỉnh', SO, 84.2, 11, tieAtCut(2, 3)],
      [BK, null, 'UBND huyện Thuận Nam', HUYEN, 84.2, 5, tieAtCut(2, 3)],
      [BK, null, 'Sở Nông nghiệp và Phát triển nông thôn', SO, 84.2, 11, tieAtCut(2, 3)],
    ]);
    expect(rows[13]).toEqual([
      B,
      1,
      'Đặng Thị Thu Hà — Trưởng phòng Hành chính tư pháp',
      'Sở Tư pháp',
      null,
      null,
      'Được chọn (15/15 phiếu)',
    ]);
    expect(rows[14]).toEqual([
      B,
      2,
      'Phan Thị Mỹ Dung — Phó Giám đốc Trung tâm',
      'Trung tâm Phục vụ hành chính công tỉnh',
      null,
      null,
      'Được chọn (15/15 phiếu)',
    ]);
    expect(rows[24]).toEqual([
      B,
      12,
      'Đỗ Quang Vinh — Giám đốc Trung tâm Công nghệ thông tin và Truyền thông',
      'Sở Thông tin và Truyền thông',
      null,
      null,
      'Được chọn (9/15 phiếu)',
    ]);
  });

  it('writes the award notes into the results tables ("Ghi chú")', () => {
    const proposed = 'Đề nghị Bằng khen';
    const waiting = `Bằng khen: ${tieAtCut(2, 3)}`;
    const out = 'Không xét khen thưởng: ';
    expect(notes(evaluation)).toEqual({
      STP: proposed,
      VPUB: `${out}Cơ quan chủ quản có 50,00% đơn vị trực thuộc vi phạm kỷ luật, kỷ cương, vượt 10%`,
      SNV: proposed,
      STC: proposed,
      SCT: `${out}Chưa có: Hoàn thành xuất sắc nhiệm vụ`,
      SKHDT: proposed,
      TTHCC: proposed,
      STNMT: `${out}Chưa có: Sáng kiến được công nhận`,
      SYT: proposed,
      STTTT: proposed,
      // Tied in the sở block too, hence "Đồng hạng" first; HTN is alone at rank 5 in its block.
      BTCD: `Đồng hạng. ${waiting}`,
      SNNPTNT: `Đồng hạng. ${waiting}`,
      PRTC: proposed,
      HNH: proposed,
      HNP: proposed,
      HNS: `${out}PCI năm nay 6,45 không tăng so với năm trước 6,45`,
      HTN: waiting,
      HTB: `${out}Tỷ lệ biên chế vi phạm kỷ luật, kỷ cương 11,58% vượt 10%`,
      HBA: `${out}Xếp loại "Khá" không đạt yêu cầu (Tốt)`,
    });
  });

  it('lets the council settle the tie at the cap', () => {
    // HTN and SNNPTNT for the 2 places: 12 proposals, BTCD left out.
    const settled = evaluate(withChoices(spec, [{ award: 'bk', units: ['HTN', 'SNNPTNT'] }]));
    expect(settled.ok).toBe(true);
    const { allocation } = outcomeOf(settled);
    expect(allocation.proposals.map((p) => [p.block, p.unit, p.via])).toEqual([
      ['so', 'STP', 'rank'],
      ['so', 'SNV', 'rank'],
      ['so', 'STC', 'rank'],
      ['so', 'SKHDT', 'rank'],
      ['so', 'TTHCC', 'rank'],
      ['so', 'SYT', 'rank'],
      ['so', 'STTTT', 'rank'],
      ['so', 'SNNPTNT', 'council'],
      ['huyen', 'PRTC', 'rank'],
      ['huyen', 'HNH', 'rank'],
      ['huyen', 'HNP', 'rank'],
      ['huyen', 'HTN', 'council'],
    ]);
    expect(allocation.ties).toEqual([
      { award: 'bk', block: null, units: ['BTCD', 'HTN', 'SNNPTNT'], places: 2, settled: true },
    ]);
    expect(notes(settled).BTCD).toBe('Đồng hạng');
  });

  it('rejects a cap choice that names a unit outside the tie', () => {
    expect(errorsOf(withChoices(spec, [{ award: 'bk', units: ['SXD', 'HTN'] }]))).toEqual([
      'Cấu hình: Quyết định của Hội đồng cho Bằng khen, toàn tỉnh: phải chọn đúng 2 trong các đơn vị đồng hạng BTCD, HTN, SNNPTNT.',
    ]);
  });

  it('with a cap of 13 the whole tied group fits: no tie, 13 proposals', () => {
    const awards = spec.awards as AwardsSpec;
    const wider = evaluate({
      ...spec,
      awards: { ...awards, awards: [{ id: 'bk', name: 'Bằng khen', cap: 13 }] },
    });
    expect(wider.ok).toBe(true);
    const { allocation } = outcomeOf(wider);
    expect(allocation.proposals.map((p) => [p.block, p.unit, p.via])).toEqual([
      ['so', 'STP', 'rank'],
      ['so', 'SNV', 'rank'],
      ['so', 'STC', 'rank'],
      ['so', 'SKHDT', 'rank'],
      ['so', 'TTHCC', 'rank'],
      ['so', 'SYT', 'rank'],
      ['so', 'STTTT', 'rank'],
      ['so', 'BTCD', 'rank'],
      ['so', 'SNNPTNT', 'rank'],
      ['huyen', 'PRTC', 'rank'],
      ['huyen', 'HNH', 'rank'],
      ['huyen', 'HNP', 'rank'],
      ['huyen', 'HTN', 'rank'],
    ]);
    expect(allocation.ties).toEqual([]);
  });
});
