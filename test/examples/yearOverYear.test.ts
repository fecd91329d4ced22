/**
 * Last year's results (issue 17): "Kết quả năm trước" read back from last year's "Kết quả",
 * the change columns of "Kết quả" computed by hand for examples/year-over-year.ts, the merged
 * units per setting, the improvement gate, the parser's errors and `xephang rank --previous`.
 */
import fc from 'fast-check';
import { copyFileSync, mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { inputSheets, vi, type CampaignSpec, type CellValue } from '../../shared';
import { formatIssue, type Issue } from '../../shared/model/issues';
import type { Grid } from '../../shared/workbook/grid';
import type { OutputBlock } from '../../shared/workbook/output';
import { parsePreviousResults } from '../../shared/workbook/parse/previous';
import { runCampaign } from '../../shared/workbook/run';
import { readSheets } from '../../xlsx';
import { yearOverYear2024, yearOverYear2025 } from '../../examples/year-over-year';
import { runMain } from '../cli/runMain';
import { readFile } from '../../cli/files';

const S = vi.workbook.sheets;
const P = vi.previousYear;

function sheetsOf(spec: CampaignSpec): Record<string, Grid> {
  const out: Record<string, Grid> = {};
  for (const b of inputSheets(spec)) out[b.name] = b.rows;
  return out;
}

function run(sheets: Record<string, Grid>) {
  const result = runCampaign({ sheets, time: '2026-01-01 00:00:00' });
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result;
}

const resultsOf = (outputs: OutputBlock[]): CellValue[][] =>
  outputs.find((o) => o.name === S.results)!.rows;

/** Rows of "Kết quả" by unit code: header label → value. */
function byUnit(rows: CellValue[][]): Map<string, Record<string, CellValue>> {
  const out = new Map<string, Record<string, CellValue>>();
  let header: CellValue[] | undefined;
  for (const row of rows) {
    if (row.length === 0) header = undefined;
    else if (row.includes(vi.reportLayout.unitCode) && row.includes(vi.report.rank)) header = row;
    else if (header) {
      const rec: Record<string, CellValue> = {};
      header.forEach((h, c) => (rec[String(h)] = row[c] ?? null));
      out.set(String(rec[vi.reportLayout.unitCode]), rec);
    }
  }
  return out;
}

/** 2025 with 2024's "Kết quả" as "Kết quả năm trước", the merged units' setting as given. */
function with2024(merge?: string, spec2025: CampaignSpec = yearOverYear2025) {
  const last = resultsOf(run(sheetsOf(yearOverYear2024)).outputs);
  const staffed = last.map((r) => [...r]);
  const sheets = sheetsOf(spec2025);
  if (merge !== undefined) {
    // in THIẾT LẬP, right under its "Mục | Giá trị" header
    const config = [...sheets[S.config]];
    config.splice(2, 0, [P.settings.previousMerge, merge]);
    sheets[S.config] = config;
  }
  return { last: staffed, sheets: { ...sheets, [S.previousResults]: last } };
}

const cols = P.columns;
const { index, rank } = vi.report;

describe('the change columns, computed by hand (examples/year-over-year.ts)', () => {
  test('single predecessors, a new unit, a unit that changed block, merged units by mean', () => {
    const { sheets } = with2024();
    const got = byUnit(resultsOf(run(sheets).outputs));
    const row = (code: string) => {
      const r = got.get(code)!;
      return [r[cols.previousIndex], r[index], r[cols.change], r[rank], r[cols.rankChange]];
    };
    expect(row('S2')).toEqual([78, 90, 12, 1, '↑1']);
    expect(row('S1')).toEqual([85, 88, 3, 2, '↓1']);
    expect(row('X1')).toEqual([82, 87, 5, 1, '↑1']);
    // merged: mean of 90 and 70; of 75, 71 and 60 = 68.666… → 68.67; no comparable rank
    expect(row('M1')).toEqual([80, 81, 1, 2, 'mới']);
    expect(row('M2')).toEqual([68.67, 72, 3.33, 4, 'mới']);
    // another block last year: the index compares, the rank does not
    expect(row('S3')).toEqual([65, 76, 11, 3, 'mới']);
    expect(row('N1')).toEqual([null, 60, null, 5, 'mới']);
  });

  test('"Theo biên chế" weighs by the staff column; "Không tính" leaves merged units blank', () => {
    // the staff comes from a "Biên chế" column of the previous tables (the CLI adds it)
    const { sheets } = with2024(P.choices.previousMerge.staff);
    const staffOf: Record<string, number> = { X2: 30, X3: 10, X4: 20, X5: 20, X6: 40 };
    let at = -1;
    sheets[S.previousResults] = sheets[S.previousResults].map((r) => {
      const row = [...r];
      if (row.includes(vi.reportLayout.unitCode) && row.includes(rank)) {
        at = row.length;
        row.push(P.staff);
      } else if (row.length === 0) at = -1;
      else if (at >= 0) row[at] = staffOf[String(row[1])] ?? 1;
      return row;
    });
    const staff = byUnit(resultsOf(run(sheets).outputs));
    // (90·30 + 70·10) / 40 = 85; (75·20 + 71·20 + 60·40) / 80 = 66.5
    expect([staff.get('M1')![cols.previousIndex], staff.get('M1')![cols.change]]).toEqual([85, -4]);
    expect([staff.get('M2')![cols.previousIndex], staff.get('M2')![cols.change]]).toEqual([
      66.5, 5.5,
    ]);
    const none = byUnit(resultsOf(run(with2024(P.choices.previousMerge.none).sheets).outputs));
    expect([none.get('M1')![cols.previousIndex], none.get('M1')![cols.change]]).toEqual([
      null,
      null,
    ]);
    expect(none.get('S1')![cols.change]).toBe(3);
  });

  test('"Theo biên chế" without staff is an error at the unit\'s predecessors cell', () => {
    const result = runCampaign({
      sheets: with2024(P.choices.previousMerge.staff).sheets,
      time: '',
    });
    expect(result.ok).toBe(false);
    const e = (result as { issues: Issue[] }).issues.find((i) => i.key === 'previousNoStaff');
    expect(formatIssue(e!)).toContain(`'${S.units}'`);
    expect(e?.at.cell).toMatchObject({ sheet: S.units });
  });

  test('a bad setting value is an error at its cell', () => {
    const result = runCampaign({ sheets: with2024('Trung vị').sheets, time: '' });
    expect(result.ok).toBe(false);
    const e = (result as { issues: Issue[] }).issues.find((i) => i.key === 'unknownChoice');
    expect(e?.at.cell?.sheet).toBe(S.config);
  });

  test('without "Kết quả năm trước" the layout is unchanged', () => {
    const rows = resultsOf(run(sheetsOf(yearOverYear2025)).outputs);
    const header = rows.find((r) => r.includes(rank))!;
    expect(header).not.toContain(cols.previousIndex);
    expect(header).not.toContain(cols.change);
    expect(header).not.toContain(cols.rankChange);
  });
});

describe('the improvement gate reads the same values', () => {
  const gated: CampaignSpec = {
    ...yearOverYear2025,
    awards: {
      gates: [{ kind: 'improvement', measures: ['index'] }],
      awards: [{ id: 'bk', name: 'Bằng khen', quotaPerBlock: 5 }],
    },
  };
  test('units whose index rose are proposed; new ones and merged-down ones are not', () => {
    const result = run(with2024(undefined, gated).sheets);
    const proposed = new Set(
      result.evaluation.awards!.allocation.proposals.map((p) => p.unit as string),
    );
    // S1 +3, S2 +12, X1 +5, M1 +1 (mean 80), M2 +3.33, S3 +11; N1 has no previous index
    expect([...proposed].sort()).toEqual(['M1', 'M2', 'S1', 'S2', 'S3', 'X1']);
  });

  test('a typed "Chỉ số năm trước" that disagrees: a warning at its cell, the sheet wins', () => {
    const spec: CampaignSpec = {
      ...gated,
      units: gated.units.map((u) =>
        u.id === 'S1' ? { ...u, profile: { ...u.profile, previous: { index: 95 } } } : u,
      ),
    };
    const result = run(with2024(undefined, spec).sheets);
    const w = result.warnings.find((i) => i.key === 'previousTypedDiffers');
    expect(w?.at.cell?.sheet).toBe(S.units);
    expect(formatIssue(w!)).toContain('85,00');
    // with 95 typed, S1 (88) would fail the gate; the sheet's 85 lets it through
    expect(result.evaluation.awards!.allocation.proposals.map((p) => p.unit)).toContain('S1');
  });
});

describe('property: the change columns are this year minus last year', () => {
  test('every unit with a single predecessor', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 3, maxLength: 3 }),
        (before, now) => {
          // indices with two decimals, typed straight into last year's table
          const units = ['S1', 'S2', 'X1'];
          const last: CellValue[][] = [
            ['T'],
            [vi.report.stt, vi.reportLayout.unitCode, index, rank],
            ...units.map((code, i) => [i + 1, code, before[i] / 100, i + 1]),
          ];
          const spec: CampaignSpec = {
            ...yearOverYear2025,
            units: yearOverYear2025.units
              .filter((u) => units.includes(u.id))
              .map((u) => ({
                ...u,
                appraised: { '1': Math.round(now[units.indexOf(u.id)] / 2) / 100, '2': 0 },
              })),
          };
          const sheets = { ...sheetsOf(spec), [S.previousResults]: last };
          const got = byUnit(resultsOf(run(sheets).outputs));
          for (const code of units) {
            const r = got.get(code)!;
            const expected = Math.round((Number(r[index]) - Number(r[cols.previousIndex])) * 100);
            expect(Math.round(Number(r[cols.change]) * 100)).toBe(expected);
            expect(r[cols.previousIndex]).toBe(before[units.indexOf(code)] / 100);
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('parsing "Kết quả năm trước"', () => {
  const parse = (grid: Grid) => {
    const issues: Issue[] = [];
    const rows = parsePreviousResults(grid, issues);
    return { rows, issues, text: issues.map(formatIssue) };
  };
  const header = [vi.report.stt, vi.reportLayout.unitCode, vi.report.unitName, index, rank];

  test('an older layout without "Mã đơn vị": one clear error', () => {
    const { issues, text } = parse([
      ['T'],
      [vi.report.stt, vi.report.unitName, index, rank],
      [1, 'Sở A', 90, 1],
    ]);
    expect(issues.map((i) => i.key)).toEqual(['previousNoUnitCode']);
    expect(text[0]).toContain(`'${S.previousResults}'`);
    expect(text[0]).toContain('C2');
  });

  test('a duplicate code and a non-number index name their cells', () => {
    const { issues, text } = parse([
      ['T'],
      header,
      [1, 'A', 'Sở A', 90, 1],
      [2, 'A', 'Sở B', 'chín', 2],
    ]);
    expect(issues.map((i) => i.key)).toEqual(['previousDuplicateCode']);
    expect(text[0]).toContain('B4');
    const bad = parse([['T'], header, [1, 'A', 'Sở A', 'chín', 1]]);
    expect(bad.issues.map((i) => i.key)).toEqual(['previousBadIndex']);
    expect(bad.text[0]).toContain('D3');
  });

  test('several tables; the summary table and blank sheets are not units', () => {
    const { rows } = parse([
      ['KẾT QUẢ … NĂM 2024 — KHỐI A'],
      header,
      [1, 'A1', 'x', 90, 1],
      [],
      ['KẾT QUẢ … NĂM 2024 — KHỐI B'],
      ['Kèm theo …'],
      header,
      [1, 'B1', 'y', '—', null],
      [],
      ['TỔNG HỢP'],
      [vi.report.stt, vi.reportLayout.blockCode, vi.report.block, 'Cao nhất'],
      [1, 'a', 'Khối A', 90],
    ]);
    expect([...rows!.keys()]).toEqual(['A1', 'B1']);
    expect(rows!.get('B1')).toMatchObject({
      index: null,
      rank: null,
      blockTitle: 'KẾT QUẢ … NĂM 2024 — KHỐI B',
    });
    expect(parse([[], [null]]).rows).toBeUndefined();
  });
});

describe('xephang rank --previous', () => {
  test('end to end: the change columns, the sheet kept in the output, the inputs untouched', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xephang-prev-'));
    const y2024 = path.join(dir, 'dot-2024.xlsx');
    const y2025 = path.join(dir, 'dot-2025.xlsx');
    copyFileSync(path.join(__dirname, '../../examples/nam-2024.xlsx'), y2024);
    copyFileSync(path.join(__dirname, '../../examples/nam-2025.xlsx'), y2025);
    expect(runMain(['rank', y2024, '--quiet']).code).toBe(0);
    const before2024 = readFileSync(y2024);
    const before2025 = readFileSync(y2025);
    const out = path.join(dir, 'out.xlsx');
    const done = runMain(['rank', y2025, '--previous', y2024, '-o', out, '--quiet']);
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    expect(readFileSync(y2024).equals(before2024)).toBe(true);
    expect(readFileSync(y2025).equals(before2025)).toBe(true);
    const read = readSheets(readFile(out), [S.results, S.previousResults]);
    const got = byUnit(read.get(S.results)!.rows as CellValue[][]);
    expect(got.get('S2')![cols.change]).toBe(12);
    expect(got.get('S2')![cols.rankChange]).toBe('↑1');
    expect(got.get('M1')![cols.previousIndex]).toBe(80);
    // the sheet carries last year's tables with the staff of last year's "Đơn vị"
    // (so that "Theo biên chế" works from the CLI)
    const kept = parsePreviousResults(read.get(S.previousResults)!.rows, []);
    expect(kept!.get('X2')).toMatchObject({ index: 90, rank: 1, staff: 30 });
  });

  test('a previous workbook never ranked: an error naming it, nothing written', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xephang-prev-'));
    const y2024 = path.join(dir, 'dot-2024.xlsx');
    copyFileSync(path.join(__dirname, '../../examples/nam-2024.xlsx'), y2024);
    const out = path.join(dir, 'out.xlsx');
    const done = runMain([
      'rank',
      path.join(__dirname, '../../examples/nam-2025.xlsx'),
      '--previous',
      y2024,
      '-o',
      out,
    ]);
    expect(done.code).toBe(1);
    expect(done.err).toContain('dot-2024.xlsx');
    expect(done.err).toContain('"Kết quả"');
    expect(() => readFileSync(out)).toThrow();
  });

  test('--previous without a file is a usage error', () => {
    expect(runMain(['rank', 'a.xlsx', '--previous']).code).toBe(2);
  });
});
