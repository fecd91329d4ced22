/**
 * Issue 16, through the command line on real .xlsx files: "Đối chiếu" of a campaign without self
 * scores, the complete template, and what docs/workbook-format.md promises hand-written workbooks.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { vi, type CampaignSpec, type CellValue } from '../../shared';
import { main } from '../../cli/main';
import { inputSheets } from '../../shared/workbook/inputs';
import { buildWorkbook, readPackage, readSheets } from '../../xlsx';

const S = vi.workbook.sheets;

function run(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, {
    out: (t) => (out += t + '\n'),
    err: (t) => (err += t + '\n'),
    now: () => new Date(2026, 10, 25, 9, 30, 0),
  });
  return { code, out, err };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'xephang-i16-'));
let files = 0;

/** Writes the sheets to a new .xlsx and returns its path. */
function workbook(sheets: { name: string; rows: (CellValue | undefined)[][] }[]): string {
  const file = path.join(dir, `dot-${++files}.xlsx`);
  writeFileSync(file, buildWorkbook(sheets.map((s) => ({ ...s, rows: s.rows as CellValue[][] }))));
  return file;
}

function sheetsOf(file: string, names: string[]): Record<string, CellValue[][]> {
  const read = readSheets(readPackage(readFileSync(file)), names);
  return Object.fromEntries(names.map((n) => [n, (read.get(n)?.rows ?? []) as CellValue[][]]));
}

/** Two units of one block, three tick leaves of 10 points; appraised scores only. */
function appraisedOnly(): CampaignSpec {
  return {
    id: 'khong-tu-cham',
    name: 'Không tự chấm',
    year: 2026,
    blocks: [{ id: 'so', name: 'Khối sở' }],
    criteria: [
      {
        code: '1',
        name: 'Lĩnh vực 1',
        max: 30,
        children: [
          { code: '1.1', name: 'Kế hoạch', max: 10, rule: { kind: 'tick' } },
          { code: '1.2', name: 'Báo cáo', max: 10, rule: { kind: 'tick' } },
          { code: '1.3', name: 'Công khai', max: 10, rule: { kind: 'tick' } },
        ],
      },
    ],
    units: [
      { id: 'A', name: 'Sở A', block: 'so', appraised: { '1.1': 'x', '1.2': 'x', '1.3': 'N/A' } },
      { id: 'B', name: 'Sở B', block: 'so', appraised: { '1.1': 'x', '1.2': '', '1.3': 'x' } },
    ],
  };
}

describe('"Đối chiếu" without self scores', () => {
  const check = (file: string): void => {
    const r = run(['rank', file]);
    expect(r.code).toBe(0);
    const rows = sheetsOf(file, [S.reconciliation])[S.reconciliation];
    expect(rows[0]).toEqual([vi.templateNotes.noSelfScores]);
    expect(rows[1].slice(5, 8)).toEqual(['Điểm tự chấm', 'Điểm thẩm định', 'Chênh lệch']);
    // No self score and no difference on any row, the N/A row and the totals included.
    const body = rows.slice(2);
    expect(body.map((row) => [row[0], row[2] ?? row[3], row[5] ?? null, row[7] ?? null])).toEqual([
      ['A', '1.1', null, null],
      ['A', '1.2', null, null],
      ['A', '1.3', null, null],
      ['A', 'Tổng cộng', null, null],
      ['B', '1.1', null, null],
      ['B', '1.2', null, null],
      ['B', '1.3', null, null],
      ['B', 'Tổng cộng', null, null],
    ]);
    expect(body.map((row) => row[6] ?? null)).toEqual([10, 10, null, 20, 10, 0, 10, 20]);
  };

  test('no "Tự chấm" sheet', () => {
    check(workbook(inputSheets(appraisedOnly()).filter((s) => s.name !== S.self)));
  });

  test('an empty "Tự chấm" (its criteria and unit columns, no score)', () => {
    const sheets = inputSheets(appraisedOnly());
    expect(sheets.some((s) => s.name === S.self)).toBe(true);
    check(workbook(sheets));
  });
});

describe('xephang template: every section of "Cấu hình" with its defaults and a note', () => {
  const file = path.join(dir, 'mau.xlsx');
  const made = run(['template', '-o', file, '--units', '4']);
  const config = (): CellValue[][] => sheetsOf(file, [S.config])[S.config];
  const row = (key: string): CellValue[] | undefined =>
    config().find((r) => r[0] === key) ?? undefined;
  const N = vi.templateNotes;
  const K = vi.workbook.settings;

  test('every setting with its value and its note in column C', () => {
    expect(made.code).toBe(0);
    for (const [name, label] of Object.entries(K)) {
      const r = row(label);
      expect([name, r?.[0]]).toEqual([name, label]);
      expect(String(r?.[2])).toContain(N.settings[name]);
    }
    expect(row(K.runnersUp)?.[1]).toBe(0);
    expect(row(K.unfilled)?.[1]).toBe(vi.workbook.choices.unfilled.passDown);
    expect(row(K.formsDeadline)?.[1] ?? null).toBeNull();
    expect(row(K.appraisalMaxSpread)?.[1] ?? null).toBeNull();
    // A choice setting lists its choices.
    expect(String(row(K.naPolicy)?.[2])).toContain('Loại khỏi điểm tối đa / Tính 0 điểm');
  });

  test('every section: title, header with its note; one award with a place per block; every gate empty', () => {
    const rows = config();
    const H = vi.workbook.headers;
    for (const title of Object.values(vi.workbook.sections))
      expect(
        rows.filter(
          (r) => r[0] === title && r.slice(1).every((v) => v === null || v === undefined),
        ),
      ).toHaveLength(1);
    const after = (title: string): CellValue[] => rows[rows.findIndex((r) => r[0] === title) + 1];
    const W = vi.workbook.sections;
    expect(after(W.components)).toEqual([H.code, H.name, H.max, N.sections.components]);
    expect(after(W.appraisers)).toEqual([H.code, H.person, H.workplace, N.sections.appraisers]);
    expect(after(W.blocks)).toEqual([H.code, H.name, H.bands, N.sections.blocks]);
    expect(after(W.awards)).toEqual([
      H.code,
      H.name,
      H.quota,
      H.cap,
      H.awardGates,
      N.sections.awards,
    ]);
    expect(after(W.choices)).toEqual([H.award, H.block, H.chosen, N.sections.choices]);
    const award = rows[rows.findIndex((r) => r[0] === W.awards) + 2];
    expect(award.slice(0, 3)).toEqual(['BK', 'Bằng khen của Chủ tịch UBND tỉnh', 'so: 1; xa: 1']);
    for (const [name, label] of Object.entries(vi.workbook.gates)) {
      const gate = row(label);
      expect([label, gate?.[1] ?? null, gate?.[2]]).toEqual([label, null, N.gates[name]]);
    }
  });

  test('check and rank with no edit: the notes are not read, an empty gate is not applied', () => {
    expect(run(['check', file]).code).toBe(0);
    const ranked = run(['rank', file]);
    expect(ranked.code).toBe(0);
    const proposals = sheetsOf(file, [S.proposals])[S.proposals];
    // Nothing scored: no unit proposed, each block's place reported unfilled.
    expect(proposals.slice(1).map((r) => r[2] ?? '')).toEqual(['', '', '']);
    expect(proposals.slice(1, 3).map((r) => r[6])).toEqual([
      'Bằng khen của Chủ tịch UBND tỉnh: còn 1 suất chưa xét được',
      'Bằng khen của Chủ tịch UBND tỉnh: còn 1 suất chưa xét được',
    ]);
  });

  test('a gate filled in the template applies; scored units are proposed one per block', () => {
    const sheets = sheetsOf(file, [S.config, S.criteria, S.units, S.appraised]);
    const gate = sheets[S.config].find((r) => r[0] === vi.workbook.gates.minIndex) as CellValue[];
    gate[1] = 50;
    // DV001 (so) and DV002 (xa) score every tick leaf; DV003 (so) and DV004 (xa) nothing.
    const scores = sheets[S.appraised];
    for (const r of scores.slice(1)) if (r[0] === '1.1' || r[0] === '2.2') r[3] = r[4] = '✓';
    const out = workbook(Object.entries(sheets).map(([name, rows]) => ({ name, rows })));
    expect(run(['rank', out]).code).toBe(0);
    const proposals = sheetsOf(out, [S.proposals])[S.proposals];
    // 6 points of 30 (index 20 < 50): the gate keeps both out.
    expect(proposals.slice(1).some((r) => r[2] === 'Đơn vị 1' || r[2] === 'Đơn vị 2')).toBe(false);
    gate[1] = 10;
    const out2 = workbook(Object.entries(sheets).map(([name, rows]) => ({ name, rows })));
    expect(run(['rank', out2]).code).toBe(0);
    const names = sheetsOf(out2, [S.proposals])[S.proposals].map((r) => r[2]);
    expect(names).toEqual(expect.arrayContaining(['Đơn vị 1', 'Đơn vị 2']));
  });

  test.each([
    ['an-giang-2018', true],
    ['ninh-thuan-2020', true],
    ['current-shape', false],
  ])(
    '--example %s: complete too (award sections when it has awards), and checks',
    (example, awards) => {
      const out = path.join(dir, `${example}.xlsx`);
      expect(run(['template', '-o', out, '--example', example]).code).toBe(0);
      const rows = sheetsOf(out, [S.config])[S.config];
      const W = vi.workbook.sections;
      for (const title of Object.values(W)) {
        const award = title === W.awards || title === W.gates || title === W.choices;
        expect([title, rows.some((r) => r[0] === title)]).toEqual([title, awards || !award]);
      }
      for (const label of Object.values(vi.workbook.settings))
        expect(rows.map((r) => r[0]).includes(label)).toBe(
          awards ||
            (label !== vi.workbook.settings.runnersUp && label !== vi.workbook.settings.unfilled),
        );
      const r = run(['check', out]);
      expect(r.err.includes('Lỗi')).toBe(false);
      expect(r.code).toBe(0);
    },
  );
});
