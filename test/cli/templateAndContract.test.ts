/**
 * Issue 16, through the command line on real .xlsx files: "Đối chiếu" of a campaign without self
 * scores, the complete template, and what docs/workbook-format.md promises hand-written workbooks.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { vi, type CampaignSpec, type CellValue } from '../../shared';
import { runMain, type CliRun } from './runMain';
import { inputSheets } from '../../shared/workbook/inputs';
import { buildWorkbook, readPackage, readSheets } from '../../xlsx';

/** The rows of "Đề nghị khen thưởng" under its header (title and "Kèm theo" line above it). */
const belowHeader = (rows: CellValue[][]): CellValue[][] =>
  rows.slice(rows.findIndex((r) => r[1] === 'STT') + 1);

const S = vi.workbook.sheets;

const run = (args: string[]): CliRun => runMain(args);

const dir = mkdtempSync(path.join(os.tmpdir(), 'xephang-i16-'));
let files = 0;

/** Writes the sheets to a new .xlsx and returns its path. */
function workbook(
  sheets: {
    name: string;
    rows: (CellValue | undefined)[][];
    formats?: (string | undefined)[][];
  }[],
): string {
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
    expect(belowHeader(proposals).map((r) => r[3] ?? '')).toEqual(['', '', '']);
    expect(
      belowHeader(proposals)
        .slice(0, 2)
        .map((r) => r[7]),
    ).toEqual([
      'Bằng khen của Chủ tịch UBND tỉnh: còn 1 suất chưa xét được',
      'Bằng khen của Chủ tịch UBND tỉnh: còn 1 suất chưa xét được',
    ]);
  });

  test('a gate filled in the template applies; scored units are proposed one per block', () => {
    const sheets = sheetsOf(file, [S.config, S.criteria, S.units, S.appraised]);
    const gate = sheets[S.config].find((r) => r[0] === vi.workbook.gates.minIndex) as CellValue[];
    gate[1] = 100;
    // DV001 (so) and DV002 (xa) earn the full points of every "Nhập điểm" leaf and nothing
    // else; DV003 (so) and DV004 (xa) nothing.
    const typed = new Map(
      sheets[S.criteria]
        .filter((r) => r[3] === vi.workbook.choices.rules.points)
        .map((r) => [r[0], r[2]]),
    );
    expect(typed.size).toBeGreaterThan(0);
    const scores = sheets[S.appraised];
    for (const r of scores.slice(1)) if (typed.has(r[0])) r[3] = r[4] = typed.get(r[0]) ?? null;
    const out = workbook(Object.entries(sheets).map(([name, rows]) => ({ name, rows })));
    expect(run(['rank', out]).code).toBe(0);
    const proposals = sheetsOf(out, [S.proposals])[S.proposals];
    // Other leaves unscored, so the index is below 100: the gate keeps both out.
    expect(belowHeader(proposals).some((r) => r[3] === 'Đơn vị 1' || r[3] === 'Đơn vị 2')).toBe(
      false,
    );
    gate[1] = 10;
    const out2 = workbook(Object.entries(sheets).map(([name, rows]) => ({ name, rows })));
    expect(run(['rank', out2]).code).toBe(0);
    const names = belowHeader(sheetsOf(out2, [S.proposals])[S.proposals]).map((r) => r[3]);
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

/**
 * What docs/workbook-format.md ("What a hand-written workbook may hold") promises, each through
 * a real .xlsx ranked by the command line.
 */
describe('the contract for hand-written workbooks', () => {
  const RESULT_COLS = ['Tên đơn vị', 'Tổng điểm', 'Chỉ số (%)', 'Xếp loại', 'Ghi chú'];
  /** "Kết quả" rows of units: name → [total, index, band, note]. */
  const results = (file: string): Record<string, CellValue[]> => {
    const rows = sheetsOf(file, [S.results])[S.results];
    const header = rows.find((r) => r[0] === 'STT') as CellValue[];
    const cols = RESULT_COLS.map((h) => header.indexOf(h));
    const out: Record<string, CellValue[]> = {};
    for (const r of rows)
      if (typeof r[0] === 'number') out[String(r[cols[0]])] = cols.slice(1).map((c) => r[c] ?? '');
    return out;
  };
  const proposed = (file: string): CellValue[] =>
    belowHeader(sheetsOf(file, [S.proposals])[S.proposals] ?? [])
      .map((r) => r[3])
      .filter((n) => n !== '' && n !== null && n !== undefined);

  /** A campaign of two blocks' worth of criteria, typed as a person would. */
  function spec(): CampaignSpec {
    return {
      id: 'viet-tay',
      name: 'Sổ viết tay',
      year: 2026,
      settings: {
        bands: [
          { label: 'Đạt', min: 50 },
          { label: 'Chưa đạt', min: -Infinity },
        ],
      },
      blocks: [{ id: 'so', name: 'Khối sở' }],
      criteria: [
        {
          code: 'A',
          name: 'Chỉ đạo',
          max: 20,
          children: [
            { code: 'A.a', name: 'Kế hoạch', max: 10, rule: { kind: 'tick' } },
            { code: 'A.b', name: 'Tỷ lệ hoàn thành', max: 10, rule: { kind: 'proportional' } },
          ],
        },
        {
          code: 'B',
          name: 'Kỷ luật',
          max: 0,
          children: [
            {
              code: 'B.vp',
              name: 'Vi phạm',
              max: 0,
              rule: { kind: 'deduction', perCount: 10, min: -40 },
            },
          ],
        },
      ],
      units: [
        { id: 'SỞ TP', name: 'Sở Tư pháp', block: 'so' },
        { id: 'UBND X, Y', name: 'UBND xã X, Y', block: 'so' },
      ],
    };
  }

  /** The sheets of spec() with scores typed into "Chấm điểm" (rows A.a, A.b, B.vp). */
  function book(
    scores: [CellValue, CellValue][],
    over: (s: Record<string, CellValue[][]>) => void = () => undefined,
    base: CampaignSpec = spec(),
    formats: Record<string, (string | undefined)[][]> = {},
  ): string {
    const s: Record<string, CellValue[][]> = Object.fromEntries(
      inputSheets(base).map((b) => [b.name, b.rows.map((r) => [...r])]),
    );
    s[S.appraised].slice(1).forEach((row, i) => {
      row[3] = scores[i][0];
      row[4] = scores[i][1];
    });
    over(s);
    return workbook(
      Object.entries(s).map(([name, rows]) => ({ name, rows, formats: formats[name] })),
    );
  }

  test('criterion codes need not be numbers: "A", "A.a", "B.vp" build the tree by their dots', () => {
    const file = book([
      ['x', 'x'],
      [0.8, 0.25],
      [0, 1],
    ]);
    const ranked = run(['rank', file]);
    expect(ranked.err).toBe('');
    expect(ranked.code).toBe(0);
    // A: 10 + 8 = 18 of 20; B: 10 + 2,5 − 10 = 2,5.
    expect(results(file)['Sở Tư pháp'].slice(0, 2)).toEqual([18, 90]);
    expect(results(file)['UBND xã X, Y'].slice(0, 2)).toEqual([2.5, 12.5]);
    const rows = sheetsOf(file, [S.results])[S.results];
    expect(rows.find((r) => r[0] === 'STT')).toContain('A. Chỉ đạo');
    // Letters and digits only between the dots: "TC-B" is refused at its cell.
    const dash = book(
      [
        ['x', 'x'],
        [1, 1],
        [0, 0],
      ],
      (s) => {
        s[S.criteria][4][0] = 'TC-B';
        s[S.criteria][5][0] = 'TC-B.vp';
        s[S.appraised][3][0] = 'TC-B.vp';
      },
    );
    const refused = run(['rank', dash]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Tiêu chí +\| A5 +\| Mã tiêu chí "TC-B" không đọc được/);
  });

  test('unit codes may hold spaces and commas; in a list they are separated by ";"', () => {
    // Equal scores, one Bằng khen: a tie the council settles naming "UBND X, Y".
    const withChoice = (chosen: string): string =>
      book(
        [
          ['x', 'x'],
          [1, 1],
          [0, 0],
        ],
        (s) => {
          s[S.config].push(
            [],
            [vi.workbook.sections.awards],
            ['Mã', 'Tên', 'Chỉ tiêu mỗi khối'],
            ['BK', 'Bằng khen', 1],
            [],
            [vi.workbook.sections.choices],
            ['Khen thưởng', 'Khối', 'Đơn vị được chọn'],
            ['BK', 'so', chosen],
          );
        },
      );
    const ok = withChoice('UBND X, Y;');
    expect(run(['rank', ok]).code).toBe(0);
    expect(proposed(ok)).toEqual(['UBND xã X, Y']);
    // Without a ";" the commas separate: "UBND X" and "Y" are not units.
    const split = withChoice('UBND X, Y');
    const r = run(['rank', split]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('UBND X');
  });

  test('the last band with or without "≥ 0": the same unless an index falls below 0', () => {
    const withBands = (bands: string): string =>
      book(
        [
          ['x', ''],
          [0.5, 0],
          [0, 4],
        ],
        (s) => {
          const row = s[S.config].find((r) => r[0] === vi.workbook.settings.bands) as CellValue[];
          row[1] = bands;
        },
      );
    const open = withBands('Đạt ≥ 50; Chưa đạt');
    const zero = withBands('Đạt ≥ 50; Chưa đạt ≥ 0');
    expect(run(['rank', open]).code).toBe(0);
    expect(run(['rank', zero]).code).toBe(0);
    // SỞ TP: 15 of 20 (75 %); UBND X, Y: 0 − 40 = −40 (−200 %).
    expect(results(open)['Sở Tư pháp'].slice(1, 3)).toEqual([75, 'Đạt']);
    expect(results(zero)['Sở Tư pháp'].slice(1, 3)).toEqual([75, 'Đạt']);
    expect(results(open)['UBND xã X, Y'].slice(1, 3)).toEqual([-200, 'Chưa đạt']);
    expect(results(zero)['UBND xã X, Y'].slice(1, 3)).toEqual([-200, '']);
  });

  test('"Tỷ lệ" with an empty "Tham số" reads a share 0–1', () => {
    const file = book([
      ['', ''],
      [0.35, 1],
      [0, 0],
    ]);
    expect(run(['rank', file]).code).toBe(0);
    expect(results(file)['Sở Tư pháp'][0]).toBe(3.5);
    expect(results(file)['UBND xã X, Y'][0]).toBe(10);
    // 80 (a percent typed as such) counts the full points, as any value from 1 up, and a
    // warning at the cell says so.
    const percent = book([
      ['', ''],
      [80, 1.2],
      [0, 0],
    ]);
    const r = run(['rank', percent]);
    expect(r.code).toBe(0);
    expect(results(percent)['Sở Tư pháp'][0]).toBe(10);
    expect(results(percent)['UBND xã X, Y'][0]).toBe(10);
    expect(r.err).toMatch(/Chấm điểm +\| D3 +\| Tiêu chí A\.b: "Tỷ lệ" không có Tham số/);
    expect(r.err).toMatch(/Chấm điểm +\| E3 +\| Tiêu chí A\.b: "Tỷ lệ" không có Tham số/);
    // "80%" typed as text is not a number (a cell formatted as a percent holds 0,8).
    const text = book([
      ['', ''],
      ['80%', 1],
      [0, 0],
    ]);
    const refused = run(['rank', text]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Chấm điểm +\| D3 +\|/);
  });

  describe('dates: a date cell or text "30/03/2018", "30/3/2018", "30-03-2018", "30.03.2018", "2018-03-30", "2018-3-30"', () => {
    /** Registered units, a registration deadline and one Bằng khen place each. */
    const registered = (): CampaignSpec => ({
      ...spec(),
      units: spec().units.map((u) => ({ ...u, profile: { registeredOn: '2018-03-01' } })),
      awards: {
        awards: [{ id: 'BK', name: 'Bằng khen', quotaPerBlock: 2 }],
        gates: [{ kind: 'registration', deadline: '2018-03-30' }],
      },
    });
    const DATE_FORMAT = [undefined, undefined, undefined, 'dd/mm/yyyy'];
    const serial = (iso: string): number =>
      (Date.parse(iso + 'T00:00:00Z') - Date.UTC(1899, 11, 30)) / 86_400_000;
    /** Deadline, SỞ TP's date (in time) and UBND X, Y's (late or blank), as typed. */
    const rank = (
      deadline: CellValue,
      onTime: CellValue,
      late: CellValue,
      dateFormat = false,
    ): { r: ReturnType<typeof run>; file: string } => {
      const file = book(
        [
          ['x', 'x'],
          [1, 1],
          [0, 0],
        ],
        (s) => {
          const gate = s[S.config].find((r) => r[0] === vi.workbook.gates.registration)!;
          gate[1] = deadline;
          const col = s[S.units][0].indexOf(vi.workbook.headers.registeredOn);
          s[S.units][1][col] = onTime;
          s[S.units][2][col] = late;
        },
        registered(),
        dateFormat
          ? {
              [S.units]: [[], DATE_FORMAT, DATE_FORMAT],
            }
          : {},
      );
      return { r: run(['rank', file]), file };
    };

    test.each([
      ['a date cell', serial('2018-03-30'), serial('2018-03-30'), serial('2018-03-31'), true],
      ['30/03/2018', '30/03/2018', '30/03/2018', '31/03/2018', false],
      ['30/3/2018', '30/3/2018', '30/3/2018', '31/3/2018', false],
      ['30-03-2018', '30-03-2018', '30-03-2018', '31-03-2018', false],
      ['30.03.2018', '30.03.2018', '30.03.2018', '31.03.2018', false],
      ['2018-03-30', '2018-03-30', '2018-03-30', '2018-03-31', false],
      ['2018-3-30', '2018-3-30', '2018-3-30', '2018-3-31', false],
    ])('%s: the deadline day is in time, the day after is late', (_, d, on, late, fmt) => {
      const { r, file } = rank(d, on, late, fmt);
      expect(r.code).toBe(0);
      expect(proposed(file)).toEqual(['Sở Tư pháp']);
      // (both are tied: equal scores)
      expect(results(file)['UBND xã X, Y'][3]).toBe(
        'Đồng hạng. Không xét khen thưởng: Đăng ký thi đua ngày 31/03/2018, sau hạn 30/03/2018',
      );
    });

    test('a blank registration date is "not registered"', () => {
      const { r, file } = rank('30/03/2018', '30/03/2018', null);
      expect(r.code).toBe(0);
      expect(proposed(file)).toEqual(['Sở Tư pháp']);
      expect(results(file)['UBND xã X, Y'][3]).toBe(
        'Đồng hạng. Không xét khen thưởng: Không đăng ký thi đua',
      );
    });

    test.each(['30/03/18', '2018/03/30', '31/02/2018', '30 tháng 3 năm 2018'])(
      '"%s" is refused at its cell, as a deadline and as a unit\'s date',
      (typed) => {
        const gate = rank(typed, '30/03/2018', '30/03/2018').r;
        expect(gate.code).toBe(1);
        expect(gate.err).toMatch(/Cấu hình +\| B\d+ +\|/);
        const unit = rank('30/03/2018', typed, '30/03/2018').r;
        expect(unit.code).toBe(1);
        expect(unit.err).toMatch(/Đơn vị +\| D2 +\|/);
      },
    );
  });
});
