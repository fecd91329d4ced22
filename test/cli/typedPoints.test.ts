/**
 * "Nhập điểm" through the command line, on real .xlsx files: the bundled province table ranked
 * by `xephang rank` gives the hand-computed values of test/examples/worked-examples.test.ts;
 * a workbook with points above the max, off the step or not a number exits 1, names each cell
 * and writes nothing; `xephang template` writes "Nhập điểm" criteria with their checks.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { runMain, type CliRun } from './runMain';
import { vi, type CampaignSpec, type CellValue } from '../../shared';
import { inputSheets } from '../../shared/workbook/inputs';
import { buildWorkbook, readPackage, readSheets } from '../../xlsx';
import { nhapDiem2024 } from '../../examples/nhap-diem-2024';
import { unzipBytes } from '../xlsx/helpers';

const EXAMPLE = path.resolve(__dirname, '../../examples/nhap-diem-2024.xlsx');
const S = vi.workbook.sheets;

const run = (args: string[]): CliRun => runMain(args, new Date(2026, 0, 5, 8, 0, 0));

const tmpDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'xephang-nhap-diem-'));

function rowsOf(file: string, sheet: string): CellValue[][] {
  return readSheets(readPackage(readFileSync(file)), [sheet]).get(sheet)?.rows ?? [];
}

test('the province table ranked by the CLI gives the hand-computed values', () => {
  const file = path.join(tmpDir(), 'tinh.xlsx');
  copyFileSync(EXAMPLE, file);
  const result = run(['rank', file, '--quiet']);
  expect(result.code).toBe(0);
  const rows = rowsOf(file, S.results);
  // [STT, Mã, Tên, Tự chấm, Thẩm định, F1, F2, F3, Tổng, Chỉ số, Xếp hạng, Xếp loại, Ghi chú]
  const row = (name: string): CellValue[] => {
    const r = rows.find((x) => x[2] === name);
    if (!r) throw new Error(name);
    return r.slice(3, 12);
  };
  // STP: 2.75 ("2,75" as text) + 3.5 + 2 + 1 + 2 = 11.25 · 14 · 4.5 + 4 + 5 = 13.5 → 38.75;
  // × 2.5 = 96.875 → 96.88
  expect(row('Sở Tư pháp')).toEqual([40, 38.75, 11.25, 14, 13.5, 38.75, 96.88, 1, 'Xuất sắc']);
  // SNV: 11 · 3.25 + 2.5 + 3 + 3.8 = 12.55 · 5 + 4 + 4.2 = 13.2 → 36.75 → 91.88
  expect(row('Sở Nội vụ')).toEqual([40, 36.75, 11, 12.55, 13.2, 36.75, 91.88, 2, 'Xuất sắc']);
  // SYT: 3.2 N/A → max 36; 10.5 · 12.5 · 4 + 4.75 = 8.75 → 31.75 ÷ 36 = 88.19
  expect(row('Sở Y tế')).toEqual([36, 31.75, 10.5, 12.5, 8.75, 31.75, 88.19, 3, 'Tốt']);
  // TXAH: 10.5 · 3.75 + 3 + 3 + 3.92 = 13.67 · 4.5 + 3.75 + 4.8 = 13.05 → 37.22 → 93.05
  expect(row('UBND thị xã An Hòa')).toEqual([
    40,
    37.22,
    10.5,
    13.67,
    13.05,
    37.22,
    93.05,
    1,
    'Xuất sắc',
  ]);
  // HCL: 11.25 · 13.35 · 4 + 3.5 + 4.65 = 12.15 → 36.75 → 91.88
  expect(row('UBND huyện Cẩm Lĩnh')).toEqual([
    40,
    36.75,
    11.25,
    13.35,
    12.15,
    36.75,
    91.88,
    2,
    'Xuất sắc',
  ]);
  // HBS: 8.75 · 10.5 · 9 → 28.25 × 2.5 = 70.625 → 70.63
  expect(row('UBND huyện Bình Sơn')).toEqual([39.5, 28.25, 8.75, 10.5, 9, 28.25, 70.63, 3, 'Khá']);
});

test('points above the max, off the step or not a number: exit 1, each cell named, nothing written', () => {
  const spec: CampaignSpec = structuredClone(nhapDiem2024);
  const stp = spec.units[0];
  stp.appraised = { ...stp.appraised, '1.1': 3.25, '1.2': 3.3, '3.1': 'bốn' };
  const snv = spec.units[1];
  snv.appraised = { ...snv.appraised, '2.2': '2,6', '3.3': -1 };
  const file = path.join(tmpDir(), 'loi.xlsx');
  writeFileSync(file, buildWorkbook(inputSheets(spec)));
  const before = readFileSync(file);
  const result = run(['rank', file]);
  expect(result.code).toBe(1);
  // "Chấm điểm": units STP, SNV … in columns D, E …; leaves 1.1 … 3.3 in rows 2 … 13
  // the error table: level | sheet | cell | message (padded)
  const lines = result.err
    .split('\n')
    .filter((l) => l.startsWith('Lỗi'))
    .map((l) =>
      l
        .split('|')
        .map((c) => c.replace(/·+$/, '').trim())
        .slice(1),
    );
  expect(lines).toEqual([
    [S.appraised, 'D2', 'Điểm 3,25 vượt điểm tối đa 3 của tiêu chí 1.1.'],
    [S.appraised, 'D3', 'Điểm 3,3 của tiêu chí 1.2 không đúng bước 0,5 (gần nhất: 3 hoặc 3,5).'],
    [
      S.appraised,
      'E8',
      'Điểm 2,6 của tiêu chí 2.2 không đúng bước 0,25 (gần nhất: 2,5 hoặc 2,75).',
    ],
    [S.appraised, 'D11', 'Giá trị "bốn" không phải là số.'],
    [S.appraised, 'E13', 'Giá trị -1 không được âm.'],
  ]);
  expect(Buffer.compare(readFileSync(file), before)).toBe(0);
});

test('`xephang template` writes "Nhập điểm" criteria, their steps and their number checks', () => {
  const file = path.join(tmpDir(), 'mau.xlsx');
  const result = run(['template', '-o', file, '--units', '3']);
  expect(result.code).toBe(0);
  const criteria = rowsOf(file, S.criteria);
  const leaves = criteria.slice(1).filter((r) => r[3] !== null && r[3] !== undefined);
  const kinds = leaves.map((r) => r[3]);
  const typed = kinds.filter((k) => k === 'Nhập điểm').length;
  // most leaves "Nhập điểm", and one of each other rule kind
  expect(typed).toBeGreaterThan(leaves.length / 2);
  for (const label of Object.values(vi.workbook.choices.rules)) expect(kinds).toContain(label);
  expect(criteria.find((r) => r[0] === '1.1')).toEqual([
    '1.1',
    'Xây dựng và thực hiện kế hoạch cải cách hành chính năm',
    2,
    'Nhập điểm',
    'bước 0,25',
  ]);
  // the template ranks as it is (blank scores count 0 with a warning)
  expect(run(['check', file]).code).toBe(0);
  // "Chấm điểm" row 3 (1.1): a decimal check from 0 to 2 with a Vietnamese prompt
  const parts = unzipBytes(readFileSync(file));
  const xml = Object.entries(parts)
    .filter(([name]) => name.startsWith('xl/worksheets/'))
    .map(([, bytes]) => Buffer.from(bytes).toString('utf8'))
    .join('\n');
  expect(xml).toContain('prompt="Nhập số điểm đạt được, từ 0 đến 2, theo bước 0,25 (ví dụ 0,75)."');
  expect(xml).toMatch(
    /<dataValidation type="decimal"[^>]*error="Phải là số điểm từ 0 đến 2\."[^>]*sqref="D3:F3"/,
  );
});
