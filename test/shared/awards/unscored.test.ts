/**
 * Units with no score at all (no non-blank cell of theirs in "Tự chấm", "Chấm điểm", "Chấm điểm
 * vòng 2" or a component such as "Khảo sát") are counted, and nothing is proposed for them: the
 * award gate "Chưa có điểm chấm", with its note in "Kết quả" and "Đề nghị khen thưởng".
 */
import fc from 'fast-check';
import { evaluateCampaign, type Evaluation } from '../../../shared/evaluate';
import { formatIssue } from '../../../shared/model/issues';
import type { CampaignSpec, UnitSpec } from '../../../shared/model/types';
import { awardTable } from '../../../shared/report/awardTable';
import { resultTables } from '../../../shared/report/resultTable';
import { unscoredUnits } from '../../../shared/scoring/unscored';
import { starterCampaign, templateSheets } from '../../../shared/workbook/template';
import { runCampaign, runSummary } from '../../../shared/workbook/run';
import { vi } from '../../../shared/i18n/vi';
import type { Sheets } from '../../../shared/workbook/grid';

type Ok = Extract<Evaluation, { ok: true }>;

const unit = (id: string, self: UnitSpec['self'], more: Partial<UnitSpec> = {}): UnitSpec => ({
  id,
  name: `Đơn vị ${id}`,
  block: 'so',
  self,
  ...more,
});

function campaign(units: UnitSpec[], awards = true): CampaignSpec {
  return {
    id: 'unscored',
    name: 'Thử chưa chấm',
    year: 2025,
    criteria: [
      {
        code: '1',
        name: 'Kết quả',
        max: 10,
        children: [
          { code: '1.1', name: 'Tỷ lệ', max: 5, rule: { kind: 'proportional', of: 100 } },
          { code: '1.2', name: 'Vi phạm', max: 5, rule: { kind: 'tick' } },
        ],
      },
    ],
    blocks: [{ id: 'so', name: 'Khối sở' }],
    units,
    ...(awards
      ? {
          awards: {
            awards: [{ id: 'bk', name: 'Bằng khen', quotaPerBlock: 2 }],
            runnersUpPerBlock: 1,
          },
        }
      : {}),
  };
}

function run(spec: CampaignSpec): Ok {
  const ev = evaluateCampaign(spec);
  if (!ev.ok) throw new Error(ev.errors.map(formatIssue).join('\n'));
  return ev;
}

describe('which units have no score at all', () => {
  test('a blank, an empty text or whitespace is no score; 0, FALSE, TRUE and text in a unit record are scores', () => {
    expect(
      unscoredUnits(
        campaign([
          unit('A', {}),
          unit('B', { '1.1': null, '1.2': '' }),
          unit('C', { '1.1': '  ' }),
          unit('D', { '1.1': 0 }),
          unit('E', { '1.2': false }),
          unit('E2', { '1.2': true }),
          unit('F', {}, { appraised: { '1.1': 'Đạt' } }),
          unit('G', {}, { appraisals: [{ round: 2, scores: { '1.1': 3 } }] }),
          unit('H', {}, { components: { sipas: 80 } }),
        ]),
      ),
    ).toEqual([true, true, true, false, false, false, false, false, false]);
  });

  test('score sheets handed over as grids: a unit column with a value in a leaf row is scored', () => {
    const spec = campaign([unit('A', undefined), unit('B', undefined), unit('C', undefined)]);
    spec.scoreGrids = {
      self: {
        codes: ['1', '1.1'],
        rows: [
          ['', '', 7],
          ['1.1', null, ''],
        ],
        units: ['A', 'B'],
        cols: [1, 2],
      },
      appraised: {
        codes: ['1.2'],
        rows: [['1.2', '', '', 'x']],
        units: ['A', 'B', 'C'],
        cols: [1, 2, 3],
      },
    };
    // B's 7 is in the parent row "1" (not a score cell); C has a cell in "Chấm điểm".
    expect(unscoredUnits(spec)).toEqual([true, true, false]);
    // In a sheet, FALSE is the unticked checkbox Sheets' template puts in every tick cell.
    spec.scoreGrids.self = {
      codes: ['1.2'],
      rows: [['1.2', false, true]],
      units: ['A', 'B'],
      cols: [1, 2],
    };
    expect(unscoredUnits(spec)).toEqual([true, false, false]);
  });
});

describe('the gate "Chưa có điểm chấm"', () => {
  const spec = campaign([
    unit('A', { '1.1': 90 }),
    unit('B', {}),
    unit('C', {}),
    unit('D', { '1.1': 50 }),
  ]);

  test('nothing is proposed for an unscored unit; its notes say why', () => {
    const ev = run(spec);
    expect(ev.unscored).toEqual([false, true, true, false]);
    // Two places: B and C are not considered, so A and D take them and no runner-up is left.
    expect(ev.awards?.allocation.proposals.map((p) => p.unit)).toEqual(['A', 'D']);
    expect(ev.awards?.allocation.runnersUp).toEqual([]);
    const notes = resultTables(ev).flatMap((t) => t.rows.map((r) => [r[2], r[r.length - 1]]));
    expect(notes).toContainEqual([
      'Đơn vị B',
      'Đồng hạng. Không xét khen thưởng: Chưa có điểm chấm',
    ]);
    const rows = awardTable(ev, spec).rows;
    expect(rows[rows.length - 1]).toEqual([
      vi.review.noScoresLabel,
      null,
      null,
      '',
      '',
      null,
      null,
      '2 đơn vị chưa có điểm chấm nào (Đơn vị B, Đơn vị C): không xét khen thưởng.',
    ]);
    expect(ev.warnings.map(formatIssue)).toContain(
      'Sổ tính: 2 đơn vị chưa có điểm chấm nào (Đơn vị B, Đơn vị C): kết quả của các đơn vị này chưa phải kết quả thật và không được đề nghị khen thưởng.',
    );
  });

  test('without awards the results note still says it', () => {
    const ev = run(campaign([unit('A', { '1.1': 90 }), unit('B', {})], false));
    const notes = resultTables(ev).flatMap((t) => t.rows.map((r) => [r[2], r[r.length - 1]]));
    expect(notes).toContainEqual(['Đơn vị B', vi.review.noScoresNote]);
  });

  test('a fresh template: every unit counted as unscored in the summary, nothing proposed', () => {
    const sheets: Record<string, Sheets[string]> = {};
    for (const t of templateSheets(starterCampaign(8, 2025))) sheets[t.name] = t.rows;
    const summary = runSummary(runCampaign({ sheets, time: 't' }), 't');
    if (!summary.ok) throw new Error(JSON.stringify(summary.errors));
    expect(summary.unscored).toBe(8);
    expect(summary.proposals).toBe(0);
    expect(summary.blocks.flatMap((b) => b.top.map((u) => u.scored))).not.toContain(true);
  });

  test('property: an unscored unit is never proposed nor a runner-up; scoring one unscores nobody else', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.nat(),
        (values, pick) => {
          const units = values.map((v, i) => unit(`U${i}`, v === undefined ? {} : { '1.1': v }));
          const ev = run(campaign(units));
          const unscored = new Set(units.filter((_, i) => ev.unscored[i]).map((u) => u.id));
          expect(unscored.size).toBe(values.filter((v) => v === undefined).length);
          for (const p of ev.awards?.allocation.proposals ?? [])
            expect(unscored.has(p.unit)).toBe(false);
          for (const r of ev.awards?.allocation.runnersUp ?? [])
            expect(unscored.has(r.unit)).toBe(false);
          // Score one unscored unit: it alone leaves the unscored set.
          const ids = [...unscored];
          if (ids.length === 0) return;
          const chosen = ids[pick % ids.length];
          const after = run(
            campaign(units.map((u) => (u.id === chosen ? { ...u, self: { '1.1': 0 } } : u))),
          );
          expect(units.filter((_, i) => after.unscored[i]).map((u) => u.id)).toEqual(
            ids.filter((id) => id !== chosen),
          );
        },
      ),
    );
  });
});
