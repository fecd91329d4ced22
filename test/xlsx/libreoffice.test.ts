/**
 * Real office software accepts what writeSheets writes: LibreOffice opens the package and saves
 * it as .xlsx again, and the reader finds the same sheets, values, number formats and bold text;
 * LibreOffice's own package then takes a second write. A workbook with formulas, data
 * validations and sheet protection opens too, and LibreOffice computes its formulas.
 * Skipped, with a note, where `soffice` is not installed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  convertWithSoffice,
  freshProfile,
  removeProfile,
  sofficeOnPath,
} from '../../bench/soffice';
import { readFile } from '../../cli/files';
import {
  buildWorkbook,
  readPackage,
  readSheets,
  sheetNames,
  writeSheets,
  type OutputSheet,
} from '../../xlsx';
import { diffEntries, excelLike, unzipText } from './helpers';

const soffice = sofficeOnPath();
if (!soffice) {
  console.warn(
    'libreoffice.test.ts: soffice is not on PATH, so the LibreOffice round trip is skipped.',
  );
}
const maybe = soffice ? test : test.skip;

/** The cellXfs entry a cell uses and the number format code it names, from a saved package. */
function cellStyle(files: Record<string, string>, sheetPath: string, ref: string) {
  const sheet = files[sheetPath];
  const s = Number(new RegExp(`<c r="${ref}"[^>]*? s="(\\d+)"`).exec(sheet)?.[1] ?? 0);
  const styles = files['xl/styles.xml'];
  const cellXfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)?.[1] ?? '';
  const xf = cellXfs.match(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/gs)?.[s] ?? '';
  const numFmtId = /numFmtId="(\d+)"/.exec(xf)?.[1] ?? '0';
  const code =
    new RegExp(`<numFmt numFmtId="${numFmtId}" formatCode="([^"]*)"`).exec(styles)?.[1] ??
    `builtin ${numFmtId}`;
  const fontId = Number(/fontId="(\d+)"/.exec(xf)?.[1] ?? 0);
  const fonts = /<fonts[^>]*>(.*?)<\/fonts>/s.exec(styles)?.[1] ?? '';
  const font = fonts.match(/<font>.*?<\/font>|<font\/>/gs)?.[fontId] ?? '';
  const fillId = Number(/fillId="(\d+)"/.exec(xf)?.[1] ?? 0);
  const fills = /<fills[^>]*>(.*?)<\/fills>/s.exec(styles)?.[1] ?? '';
  const fill = fills.match(/<fill>.*?<\/fill>|<fill\/>/gs)?.[fillId] ?? '';
  return {
    code,
    bold: /<b(?: val="(?:true|1)")?\/>/.test(font),
    fill: /<fgColor rgb="([0-9A-Fa-f]{8})"/.exec(fill)?.[1]?.toUpperCase() ?? null,
  };
}

maybe(
  'LibreOffice opens a written workbook and saves it back with the same content',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'xephang-lo-'));
    const profile = freshProfile();
    try {
      const results: OutputSheet = {
        name: 'Kết quả',
        rows: [
          ['KẾT QUẢ XẾP HẠNG THI ĐUA CCHC'],
          [],
          ['STT', 'Đơn vị', 'Điểm', 'Ngày', 'Ghi chú', 'Đạt'],
          [1, 'Sở Tư pháp', 95.5, 45747, '=SUM(A1)', true],
          [2, 'UBND huyện Đức Phổ', 88.25, 45748, '<b>không đậm</b>', false],
          [3, 'Ủy ban MTTQ', -1.125, null, '+84 912 345 678'],
          // white space at the ends, doubled and across lines comes back as written
          [4, '  Sở Nội vụ ', null, null, 'dòng 1\ndòng 2  cuối'],
        ],
        formats: [[], [], [], [undefined, undefined, '0.00', 'dd/mm/yyyy']],
        boldRows: [0, 2],
        columnWidths: [6, 32, 10, 12, 20],
        frozenRows: 3,
        highlights: [{ row: 4, col: 2 }],
      };
      const log: OutputSheet = {
        name: 'Nhật ký',
        rows: [
          ['Thời gian', 'Mã băm'],
          ['2025-11-25 16:20:55', 'a1b2'],
        ],
      };
      const input = join(dir, 'sổ tính.xlsx');
      writeFileSync(input, writeSheets(readPackage(excelLike()), [results, log]));

      const [output] = convertWithSoffice([input], join(dir, 'out'), profile, 60_000);

      const pkg = readFile(output);
      expect(sheetNames(pkg)).toEqual(['Tiêu chí', 'Kết quả', 'Ẩn', 'Nhật ký']);
      const read = readSheets(pkg, ['Kết quả', 'Nhật ký', 'Tiêu chí']);
      expect(read.get('Kết quả')?.rows).toEqual(results.rows.map((r) => [...r]));
      expect(read.get('Nhật ký')?.rows).toEqual(log.rows);
      expect(read.get('Tiêu chí')?.rows[1]).toEqual([
        '1.1',
        'Ban hành kế hoạch CCHC & kiểm tra',
        2,
      ]);

      // LibreOffice rewrites styles.xml in its own numbering; the formats and bold must survive.
      const files = unzipText(readFileSync(output));
      const path = pkg.sheets.find((s) => s.name === 'Kết quả')?.path ?? '';
      expect(cellStyle(files, path, 'C4').code).toMatch(/^(0\.00|builtin 2)$/);
      expect(cellStyle(files, path, 'D4').code.toLowerCase()).toBe('dd/mm/yyyy');
      expect(cellStyle(files, path, 'A1').bold).toBe(true);
      expect(cellStyle(files, path, 'B3').bold).toBe(true);
      expect(cellStyle(files, path, 'B4').bold).toBe(false);
      // the highlight fill too, on its cell only
      expect(cellStyle(files, path, 'C5').fill).toBe('FFFFF4CE');
      expect(cellStyle(files, path, 'C4').fill).toBeNull();

      // and LibreOffice's own package (streamed entries, its styles) takes a second write
      const lo = readFileSync(output);
      const again = writeSheets(readPackage(lo), [{ name: 'Nhật ký', rows: [['lần 2']] }]);
      const diff = diffEntries(lo, again);
      expect(diff.added).toEqual([]);
      expect(diff.removed).toEqual([]);
      expect(diff.changed).toEqual([pkg.sheets.find((s) => s.name === 'Nhật ký')?.path]);
      expect(readSheets(readPackage(again), ['Nhật ký']).get('Nhật ký')?.rows).toEqual([['lần 2']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      removeProfile(profile);
    }
  },
  90_000,
);

maybe(
  'LibreOffice opens formulas, validations and protection, and computes the formulas',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'xephang-lo-'));
    const profile = freshProfile();
    try {
      const sheet: OutputSheet = {
        name: 'Tự chấm',
        rows: [
          ['Mã', 'Điểm', 'Mức', 'Số lần', 'Hạng'],
          ['1.1', 1.5],
          ['1.2', 2.25],
          ['1.3', 3],
          ['Tổng', null, 'chưa tính'],
        ],
        formulas: [
          [],
          [undefined, undefined, undefined, undefined, 'RANK.EQ(B2,$B$2:$B$4,0)'],
          [undefined, undefined, undefined, undefined, 'COUNTIFS($B$2:$B$4,">"&B3)+1'],
          [undefined, undefined, undefined, undefined, 'RANK.EQ(B4,$B$2:$B$4,0)'],
          [undefined, 'SUM(B2:B4)', 'IF(B5>6,"cao","thấp")', 'COUNTA(C2:C4)'],
        ],
        formats: [[], [undefined, '0.00'], [undefined, '0.00'], [undefined, '0.00']],
        boldRows: [0, 4],
        validations: [
          { range: 'C2:C4', values: ['Đầy đủ, đúng hạn', 'Chậm hạn'], prompt: 'Chọn mức' },
          { range: 'B2:B4', decimal: { min: 0, max: 5 } },
          { range: 'D2:D4', whole: { min: 0 } },
          { range: 'E2', values: ['a', 'b'] },
        ],
        protection: { unlocked: ['B2:D4'] },
        frozenRows: 1,
      };
      const input = join(dir, 'công thức.xlsx');
      writeFileSync(input, buildWorkbook([sheet]));
      const [output] = convertWithSoffice([input], join(dir, 'out'), profile, 60_000);

      const pkg = readFile(output);
      expect(sheetNames(pkg)).toEqual(['Tự chấm', 'Danh sách chọn']);
      const rows = readSheets(pkg, ['Tự chấm', 'Danh sách chọn']);
      expect(rows.get('Tự chấm')?.rows).toEqual([
        ['Mã', 'Điểm', 'Mức', 'Số lần', 'Hạng'],
        ['1.1', 1.5, null, null, 3],
        ['1.2', 2.25, null, null, 2],
        ['1.3', 3, null, null, 1],
        ['Tổng', 6.75, 'cao', 0],
      ]);
      expect(rows.get('Danh sách chọn')?.rows).toEqual([['Đầy đủ, đúng hạn'], ['Chậm hạn']]);

      const files = unzipText(readFileSync(output));
      const xml = files[pkg.sheets[0].path];
      expect(xml).toMatch(/<f[^>]*>SUM\(B2:B4\)<\/f>/);
      expect(xml).toMatch(/<f[^>]*>_xlfn\.RANK\.EQ\(B2,\$B\$2:\$B\$4,0\)<\/f>/);
      expect(xml).toMatch(/<sheetProtection sheet="(true|1)"/);
      expect(xml).toMatch(/formatColumns="(false|0)"/);
      const validations = xml.match(/<dataValidation [^>]*>.*?<\/dataValidation>/gs) ?? [];
      expect(validations).toHaveLength(4);
      const list = validations.find((v) => v.includes('sqref="C2:C4"')) ?? '';
      expect(list).toContain('type="list"');
      expect(list).toContain('<formula1>&apos;Danh sách chọn&apos;!$A$1:$A$2</formula1>');
      expect(list).toContain('prompt="Chọn mức"');
      expect(list).not.toMatch(/showDropDown="(true|1)"/);
      expect(validations.find((v) => v.includes('sqref="B2:B4"'))).toContain('type="decimal"');
      expect(validations.find((v) => v.includes('sqref="D2:D4"'))).toContain('type="whole"');
      expect(files['xl/workbook.xml']).toMatch(/<sheet name="Danh sách chọn"[^>]*state="hidden"/);

      // the unlocked cells (blank ones included) keep a style that is not locked; others are locked
      const xfs =
        /<cellXfs[^>]*>(.*?)<\/cellXfs>/s
          .exec(files['xl/styles.xml'])?.[1]
          .match(/<xf [^>]*?\/>|<xf [^>]*>.*?<\/xf>/gs) ?? [];
      const locked = (ref: string): boolean => {
        const s = Number(new RegExp(`<c r="${ref}"[^>]*? s="(\\d+)"`).exec(xml)?.[1] ?? 0);
        return !/<protection locked="(false|0)"/.test(xfs[s] ?? '');
      };
      expect(['B2', 'C3', 'D4'].map(locked)).toEqual([false, false, false]);
      expect(['A2', 'E2', 'B5'].map(locked)).toEqual([true, true, true]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      removeProfile(profile);
    }
  },
  90_000,
);
