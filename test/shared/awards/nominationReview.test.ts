/**
 * A nomination whose basis changed after a quota or score change (the nominating unit is now
 * awarded, now only a runner-up, tied, or nothing) is a situation to review, not a typing
 * mistake: the run goes on, the nomination is flagged in the warnings, in the outcome and in
 * "Đề nghị khen thưởng". Real typing mistakes stay errors.
 */
import type { NominationSpec } from '../../../shared/awards/types';
import { evaluateCampaign, type Evaluation } from '../../../shared/evaluate';
import { formatIssue } from '../../../shared/model/issues';
import type { CampaignSpec } from '../../../shared/model/types';
import { awardTable } from '../../../shared/report/awardTable';
import { anGiang2018 } from '../../../examples/an-giang-2018';
import { runCampaign, runSummary } from '../../../shared/workbook/run';
import { workbookOf } from '../../ui/fixtures';
import { vi } from '../../../shared/i18n/vi';

type Ok = Extract<Evaluation, { ok: true }>;

/** A: 95, B: 90, C: 85 in Khối sở; the quota 1 awards A, B is the runner-up, C nothing. */
function campaign(nominations: NominationSpec[], quota = 1): CampaignSpec {
  return {
    id: 'review',
    name: 'Thử đề cử',
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
    blocks: [{ id: 'so', name: 'Khối sở' }],
    units: [
      { id: 'A', name: 'Đơn vị A', block: 'so', self: { '1.1': 95 } },
      { id: 'B', name: 'Đơn vị B', block: 'so', self: { '1.1': 90 } },
      { id: 'C', name: 'Đơn vị C', block: 'so', self: { '1.1': 85 } },
      { id: 'D', name: 'Đơn vị D', block: 'so', self: { '1.1': 85 } },
    ],
    awards: {
      awards: [{ id: 'bk', name: 'Bằng khen', quotaPerBlock: quota }],
      runnersUpPerBlock: 1,
    },
    nominations,
    ballots: [
      {
        id: 'V1',
        name: 'Lượt bầu',
        kind: 'individual',
        seats: 3,
        membersTotal: 10,
        membersPresent: 10,
        votes: nominations.map((n) => ({ nominee: n.id, votes: 8 })),
      },
    ],
  };
}

const nom = (id: string, unit: string, by: NominationSpec['nominatedBy']): NominationSpec => ({
  id,
  name: `Người ${id}`,
  unit,
  position: 'Phó Giám đốc',
  nominatedBy: by,
  source: { sheet: 'Đề cử cá nhân', row: 4, col: 1 },
  cells: { nominatingUnit: { sheet: 'Đề cử cá nhân', row: 4, col: 6 } },
});

function run(spec: CampaignSpec): Ok {
  const ev = evaluateCampaign(spec);
  if (!ev.ok) throw new Error(ev.errors.map(formatIssue).join('\n'));
  return ev;
}

const reviewWarnings = (ev: Ok): string[] =>
  ev.warnings.filter((w) => w.key === 'nominationBasisChanged').map(formatIssue);

describe('a nomination whose basis changed', () => {
  test('runner-up nominee, unit now awarded: a warning at the nominator cell, the run goes on', () => {
    // quota 2: B is now awarded, C the runner-up.
    const ev = run(campaign([nom('N1', 'B', { kind: 'runnerUp', unit: 'B' })], 2));
    expect(reviewWarnings(ev)).toEqual([
      "Trang tính 'Đề cử cá nhân', ô F4: Đơn vị B nay được đề nghị khen thưởng; đề cử theo diện liền kề cần xem lại.",
    ]);
    expect(ev.awards?.reviews).toEqual([
      expect.objectContaining({ nomination: 'N1', unit: 'B', kind: 'runnerUp', now: 'awarded' }),
    ]);
  });

  test('awarded nominee, unit now only the runner-up; runner-up now nothing; awarded now nothing', () => {
    const ev = run(
      campaign(
        [
          nom('N1', 'B', { kind: 'awarded', unit: 'B' }),
          nom('N2', 'C', { kind: 'runnerUp', unit: 'C' }),
          nom('N3', 'D', { kind: 'awarded', unit: 'D' }),
        ],
        1,
      ),
    );
    // C and D tie at 85 for the runner-up place? No: B is the runner-up; C, D nothing.
    expect(reviewWarnings(ev)).toEqual([
      "Trang tính 'Đề cử cá nhân', ô F4: Đơn vị B nay chỉ thuộc diện liền kề, không được đề nghị khen thưởng; đề cử theo diện tập thể được khen thưởng cần xem lại.",
      "Trang tính 'Đề cử cá nhân', ô F4: Đơn vị C nay không được đề nghị khen thưởng, cũng không thuộc diện liền kề; đề cử theo diện liền kề cần xem lại.",
      "Trang tính 'Đề cử cá nhân', ô F4: Đơn vị D nay không được đề nghị khen thưởng, cũng không thuộc diện liền kề; đề cử theo diện tập thể được khen thưởng cần xem lại.",
    ]);
  });

  test('a unit tied at the cut: waiting for the council', () => {
    // quota 2 in a block where C and D tie at 85 for the runner-up place.
    const ev = run(campaign([nom('N1', 'C', { kind: 'runnerUp', unit: 'C' })], 2));
    expect(reviewWarnings(ev)).toEqual([
      "Trang tính 'Đề cử cá nhân', ô F4: Đơn vị C đang đồng hạng tại ngưỡng, chờ Hội đồng quyết định; đề cử theo diện liền kề cần xem lại.",
    ]);
  });

  test('the ballot is still tallied; the elected row and a review row carry the flag', () => {
    const spec = campaign([nom('N1', 'B', { kind: 'runnerUp', unit: 'B' })], 2);
    const ev = run(spec);
    expect(ev.awards?.ballots[0].elected.map((e) => e.nominee)).toEqual(['N1']);
    const rows = awardTable(ev, spec).rows;
    const elected = rows.find((r) => r[0] === 'Lượt bầu');
    expect(elected?.[7]).toBe(
      'Được chọn (8/10 phiếu). Cần xem lại: Đơn vị B nay được đề nghị khen thưởng; đề cử theo diện liền kề cần xem lại.',
    );
    expect(rows.filter((r) => r[0] === vi.review.label)).toEqual([
      [
        vi.review.label,
        1,
        'B',
        'Người N1 — Phó Giám đốc',
        'Đơn vị B',
        null,
        null,
        'Đơn vị B nay được đề nghị khen thưởng; đề cử theo diện liền kề cần xem lại.',
      ],
    ]);
  });

  test('typing mistakes stay errors: an unknown nominating unit, a nominee of another unit, too many', () => {
    const ev = evaluateCampaign(
      campaign([
        nom('N1', 'A', { kind: 'awarded', unit: 'Z' }),
        nom('N2', 'A', { kind: 'awarded', unit: 'B' }),
        nom('N3', 'A', { kind: 'awarded', unit: 'A' }),
        nom('N4', 'A', { kind: 'awarded', unit: 'A' }),
      ]),
    );
    expect(ev.ok).toBe(false);
    if (ev.ok) return;
    expect(ev.errors.map((e) => e.key)).toEqual([
      'unknownUnitRow',
      'nomineeNotOfNominator',
      'tooManyNominations',
    ]);
    expect(formatIssue(ev.errors[0])).toBe(
      'Trang tính \'Đề cử cá nhân\', ô F4: Mã đơn vị "Z" không có trong trang tính "Đơn vị".',
    );
  });
});

describe('An Giang 2018 with the department quota raised to 4', () => {
  const awards = anGiang2018.awards!;
  const edited: CampaignSpec = {
    ...anGiang2018,
    awards: { ...awards, awards: [{ ...awards.awards[0], quotaPerBlock: { so: 4, huyen: 3 } }] },
  };

  test('the run succeeds; SYT’s nomination is flagged at F7, in the summary and in "Đề nghị khen thưởng"', () => {
    const result = runCampaign({ sheets: workbookOf(edited), time: 't' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text =
      "Trang tính 'Đề cử cá nhân', ô F7: Đơn vị SYT nay được đề nghị khen thưởng; đề cử theo diện liền kề cần xem lại.";
    expect(result.warnings.map(formatIssue)).toContain(text);
    const summary = runSummary(result, 't');
    if (!summary.ok) throw new Error('ok');
    expect(summary.reviews).toEqual([
      {
        severity: 'warning',
        text,
        sheet: 'Đề cử cá nhân',
        cell: 'F7',
      },
    ]);
    const proposals = result.outputs.find((o) => o.name === vi.workbook.sheets.proposals);
    const cells = JSON.stringify(proposals);
    expect(cells).toContain(
      'Đơn vị SYT nay được đề nghị khen thưởng; đề cử theo diện liền kề cần xem lại.',
    );
  });
});
