/**
 * `xephang period` end to end: three yearly campaigns generated from the An Giang example (2021;
 * 2022 without one unit; 2023 with a unit under a new code, as after a merger), each ranked by
 * `xephang rank`, then the period workbook written from their "Kết quả" — the inputs untouched,
 * the period ranking what the core computes from the same sheets; a year given twice and wrong
 * usage are refused without writing anything.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { vi, type CampaignSpec } from '../../shared';
import { anGiang2018 } from '../../examples/an-giang-2018';
import { templateSheets } from '../../shared/workbook/template';
import { rankPeriod } from '../../shared/period/period';
import { buildWorkbook, readPackage, readSheets, sheetNames } from '../../xlsx';
import { runMain } from './runMain';

const RESULTS = vi.workbook.sheets.results;
const dir = mkdtempSync(path.join(os.tmpdir(), 'xephang-period-'));

function yearSpec(year: number): CampaignSpec {
  let units = anGiang2018.units;
  if (year === 2022) units = units.filter((u) => u.id !== 'SXD');
  if (year === 2023) {
    units = units.map((u) =>
      u.id === 'STNMT' ? { ...u, id: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường' } : u,
    );
  }
  return { ...anGiang2018, id: `an-giang-${year}`, year, units };
}

function rankedYear(year: number): string {
  const file = path.join(dir, `${year}.xlsx`);
  writeFileSync(file, buildWorkbook(templateSheets(yearSpec(year))));
  const ranked = runMain(['rank', file, '-q']);
  if (ranked.code !== 0) throw new Error(ranked.err);
  return file;
}

const files = [2021, 2022, 2023].map(rankedYear);
const resultsOf = (file: string) =>
  readSheets(readPackage(readFileSync(file)), [RESULTS]).get(RESULTS)?.rows ?? [];

describe('xephang period', () => {
  const before = files.map((f) => readFileSync(f));
  const out = path.join(dir, 'giai-doan.xlsx');
  // the files in another order than the years: the result does not depend on it
  const run = runMain([
    'period',
    files[2],
    files[0],
    files[1],
    '-o',
    out,
    '--min-years',
    '2',
    '--excellent-label',
    'A',
    '--award',
    'Bằng khen giai đoạn',
    '--quota',
    '1',
    '--excellent-years',
    '3',
    '--every-year',
  ]);

  test('exits 0 and says what it wrote', () => {
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`Đã ghi kết quả giai đoạn 2021–2023 (3 năm, 17 đơn vị) vào ${out}.`);
  });

  test('never modifies the yearly workbooks', () => {
    files.forEach((f, i) => expect(readFileSync(f).equals(before[i])).toBe(true));
  });

  test('the period workbook holds what the core computes from the yearly "Kết quả"', () => {
    const pkg = readPackage(readFileSync(out));
    expect(sheetNames(pkg)).toEqual(['Kết quả giai đoạn', 'Đề nghị khen thưởng giai đoạn']);
    const rows = readSheets(pkg, ['Kết quả giai đoạn']).get('Kết quả giai đoạn')?.rows ?? [];
    expect(rows[0]).toEqual([
      'KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN 2021–2023 — KHỐI SỞ, BAN, NGÀNH',
    ]);
    const core = rankPeriod(
      files.map((f) => ({ file: path.basename(f), grid: resultsOf(f) })),
      { minYears: 2 },
    );
    if (!core.ok) throw new Error('refused');
    const byCode = new Map(rows.filter((r) => typeof r[0] === 'number').map((r) => [r[1], r]));
    for (const u of core.result.blocks.flatMap((b) => b.units)) {
      const row = byCode.get(u.code);
      expect(row?.[10] ?? null).toBe(u.mean === null ? null : u.mean / 1e6);
    }
    // the same campaign every year: a unit present all three years has its yearly index as mean
    const stp = byCode.get('STP');
    expect(stp?.slice(3, 13)).toEqual([98.57, 'A', 98.57, 'A', 98.57, 'A', 3, 98.57, 1, 3]);
    // SXD missing in 2022: two years, still ranked (min 2)
    expect(byCode.get('SXD')?.[9]).toBe(2);
    // the merged unit has one year: listed, not ranked, and says why
    const merged = byCode.get('SNNMT');
    expect(merged?.[11] ?? null).toBeNull();
    expect(merged?.[13]).toContain('Có chỉ số 1/3 năm, cần ít nhất 2 năm');
    const proposals =
      readSheets(pkg, ['Đề nghị khen thưởng giai đoạn']).get('Đề nghị khen thưởng giai đoạn')
        ?.rows ?? [];
    expect(proposals.slice(2).map((r) => [r[1], r[2]])).toEqual([
      ['Bằng khen giai đoạn', 'STP'],
      ['Bằng khen giai đoạn', 'TPLX'],
    ]);
  });

  test('a year given twice is refused, nothing written', () => {
    const target = path.join(dir, 'trung.xlsx');
    const r = runMain(['period', files[0], files[1], files[1], '-o', target]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Năm 2022 có hai bảng kết quả');
    expect(existsSync(target)).toBe(false);
  });

  test('a workbook never ranked (no "Kết quả") is refused with its file name', () => {
    const raw = path.join(dir, 'chua-xep-hang-2024.xlsx');
    writeFileSync(raw, buildWorkbook(templateSheets(yearSpec(2024))));
    const r = runMain(['period', files[0], raw, '-o', path.join(dir, 'x.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('chua-xep-hang-2024.xlsx');
    expect(r.err).toContain('không có trang "Kết quả"');
  });

  test('wrong usage exits 2: no output, the output one of the inputs, an option misplaced', () => {
    expect(runMain(['period', files[0]]).code).toBe(2);
    const same = runMain(['period', files[0], files[1], '-o', files[1]]);
    expect(same.code).toBe(2);
    expect(same.err).toContain('không bao giờ bị ghi đè');
    expect(runMain(['period', files[0], '--quota', '2', '-o', 'x.xlsx']).code).toBe(2);
    expect(runMain(['period', files[0], '--min-years', 'ba', '-o', 'x.xlsx']).code).toBe(2);
  });
});
