/**
 * Issue 17, the award dossier deadline: "Ngày nộp hồ sơ" in "Đơn vị" and the gate "Hạn nộp hồ
 * sơ" of "ĐIỀU KIỆN XÉT KHEN" ("đến hết ngày" by default, "Hạn nộp hồ sơ tính = Trước ngày"
 * otherwise). A unit without a dossier or late is not proposed; its note gives both dates. The
 * deadline day itself, the day after, no date, a date that does not read (an error at its cell).
 */
import { anGiang2018 } from '../../../examples/an-giang-2018';
import { formatMessage, vi } from '../../../shared/i18n/vi';
import { formatIssue } from '../../../shared/model/issues';
import type { CampaignSpec, CellValue } from '../../../shared/model/types';
import { inputSheets } from '../../../shared/workbook/inputs';
import { parseWorkbook } from '../../../shared/workbook/parse';
import { runCampaign } from '../../../shared/workbook/run';

const W = vi.workbook;
const S = W.sheets;
const D = vi.dossier;

type Sheets = Record<string, CellValue[][]>;

const sheetsOf = (spec: CampaignSpec): Sheets =>
  Object.fromEntries(inputSheets(spec).map((b) => [b.name, b.rows.map((r) => [...r])]));

type Run = ReturnType<typeof runCampaign>;
const ranked = (s: Sheets): Extract<Run, { ok: true }> => {
  const r = runCampaign({ sheets: s, time: '2026-01-01 08:00:00' });
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r;
};

const base = ranked(sheetsOf(anGiang2018));
const first = base.evaluation.awards?.allocation.proposals[0];
if (!first) throw new Error('the example proposes');
const id = first.unit;
const name = anGiang2018.units.find((u) => u.id === id)?.name as string;
const DEADLINE = '20/01/2021';

/**
 * The example with every unit's dossier in on 2021-01-10, `id`'s on `date` (null: none), and
 * the gate "Hạn nộp hồ sơ = 20/01/2021" (with its rule row when given).
 */
function withDossiers(date: CellValue, rule?: string): Sheets {
  const s = sheetsOf(anGiang2018);
  const units = s[S.units];
  const col = units[0].length;
  units[0][col] = D.header;
  for (const row of units.slice(1)) row[col] = row[0] === id ? date : '2021-01-10';
  const config = s[S.config];
  const title = config.findIndex((row) => row[0] === W.sections.gates);
  // after the title and its "Mục | Giá trị" header
  const rows: CellValue[][] = [[D.gates.dossier, DEADLINE]];
  if (rule !== undefined) rows.push([D.gates.dossierRule, rule]);
  config.splice(title + 2, 0, ...rows);
  return s;
}

const proposed = (r: Extract<Run, { ok: true }>): string[] =>
  r.evaluation.awards?.allocation.proposals.map((p) => p.unit) ?? [];

/** The "Ghi chú" of the unit's row in "Kết quả". */
function noteOf(r: Extract<Run, { ok: true }>): string {
  const results = r.outputs.find((b) => b.name === S.results)?.rows ?? [];
  const row = results.find((x) => x.includes(name));
  return String(row?.[row.length - 1] ?? '');
}

describe('the dossier deadline gate', () => {
  test('in on the deadline day: in time ("đến hết ngày", the default)', () => {
    const r = ranked(withDossiers('2021-01-20'));
    expect(proposed(r)).toContain(id);
    expect(proposed(r)).toEqual(proposed(base));
    const r2 = ranked(withDossiers('2021-01-20', D.rules.through));
    expect(proposed(r2)).toEqual(proposed(base));
  });

  test('in on the deadline day with "Trước ngày": late, both dates in the note', () => {
    const r = ranked(withDossiers('2021-01-20', D.rules.before));
    expect(proposed(r)).not.toContain(id);
    expect(noteOf(r)).toContain(
      formatMessage(D.reasons.dossierLate, {
        date: '20/01/2021',
        rule: D.ruleWords.before,
        deadline: DEADLINE,
      }),
    );
    // The day before is in time.
    expect(proposed(ranked(withDossiers('2021-01-19', D.rules.before)))).toContain(id);
  });

  test('in the day after: late, both dates in the note', () => {
    const r = ranked(withDossiers('2021-01-21'));
    expect(proposed(r)).not.toContain(id);
    expect(noteOf(r)).toContain(
      formatMessage(D.reasons.dossierLate, {
        date: '21/01/2021',
        rule: D.ruleWords.through,
        deadline: DEADLINE,
      }),
    );
  });

  test('no date: no dossier, not proposed, the note says so with the deadline', () => {
    const r = ranked(withDossiers(null));
    expect(proposed(r)).not.toContain(id);
    expect(noteOf(r)).toContain(formatMessage(D.reasons.noDossier, { deadline: DEADLINE }));
  });

  test('a date cell (serial) reads as the date', () => {
    // 2021-01-21 is serial 44217 in the 1900 system
    expect(proposed(ranked(withDossiers(44217)))).not.toContain(id);
    expect(proposed(ranked(withDossiers(44216)))).toContain(id);
  });

  test('a date that does not read: an error at its cell; nothing ranked', () => {
    const s = withDossiers('hôm qua');
    const units = s[S.units];
    const r = units.findIndex((row) => row[0] === id);
    const col = String.fromCharCode(65 + units[0].indexOf(D.header));
    const run = runCampaign({ sheets: s, time: '2026-01-01 08:00:00' });
    expect(run.ok).toBe(false);
    const errors = run.ok ? [] : run.issues.filter((i) => i.severity === 'error').map(formatIssue);
    expect(errors).toEqual([
      expect.stringMatching(new RegExp(`^Trang tính '${S.units}', ô ${col}${r + 1}: .*hôm qua`)),
    ]);
  });

  test('a rule that is not one of the two: an error at its cell', () => {
    const s = withDossiers('2021-01-10', 'Sau ngày');
    const run = runCampaign({ sheets: s, time: '2026-01-01 08:00:00' });
    expect(run.ok).toBe(false);
    const errors = run.ok ? [] : run.issues.map(formatIssue);
    const row = s[S.config].findIndex((x) => x[0] === D.gates.dossierRule) + 1;
    expect(errors).toEqual([expect.stringContaining(`Trang tính '${S.config}', ô B${row}: `)]);
  });

  test('an award\'s own gates: "Hạn nộp hồ sơ = 20/01/2021; Hạn nộp hồ sơ tính = Trước ngày"', () => {
    const s = sheetsOf(anGiang2018);
    const units = s[S.units];
    const col = units[0].length;
    units[0][col] = D.header;
    for (const row of units.slice(1)) row[col] = row[0] === id ? '2021-01-20' : '2021-01-10';
    const config = s[S.config];
    const header = config.findIndex((row) => row.includes(W.headers.awardGates));
    const gatesCol = config[header].indexOf(W.headers.awardGates);
    config[header + 1][gatesCol] =
      `${D.gates.dossier} = ${DEADLINE}; ${D.gates.dossierRule} = ${D.rules.before}`;
    expect(proposed(ranked(s))).not.toContain(id);
  });

  test('the gate and the column are written back as read (a save keeps them)', () => {
    const spec = parseWorkbook(withDossiers('2021-01-21', D.rules.before)).spec as CampaignSpec;
    expect(spec.awards?.gates).toContainEqual({
      kind: 'dossier',
      deadline: '2021-01-20',
      before: true,
    });
    expect(spec.units.find((u) => u.id === id)?.profile?.dossierOn).toBe('2021-01-21');
    const back = parseWorkbook(sheetsOf(spec)).spec as CampaignSpec;
    expect(back.awards?.gates).toEqual(spec.awards?.gates);
    expect(back.units.map((u) => u.profile?.dossierOn)).toEqual(
      spec.units.map((u) => u.profile?.dossierOn),
    );
  });
});
