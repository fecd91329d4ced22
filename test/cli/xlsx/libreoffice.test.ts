/**
 * Real office software accepts what writeSheets writes: LibreOffice opens the package and saves
 * it as .xlsx again, and the reader finds the same sheets, values, number formats and bold text;
 * LibreOffice's own package then takes a second write.
 * Skipped, with a note, where `soffice` is not installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import {
  readFile,
  readPackage,
  readSheets,
  sheetNames,
  writeSheets,
  type OutputSheet,
} from '../../../cli/xlsx';
import { diffEntries, excelLike, unzipText } from './helpers';

const soffice = (process.env.PATH ?? '')
  .split(delimiter)
  .some((dir) => dir !== '' && existsSync(join(dir, 'soffice')));
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
  return { code, bold: /<b(?: val="(?:true|1)")?\/>/.test(font) };
}

maybe(
  'LibreOffice opens a written workbook and saves it back with the same content',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'xephang-lo-'));
    const profile = join(tmpdir(), `lo-${process.pid}-${Math.random().toString(36).slice(2)}`);
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
        ],
        formats: [[], [], [], [undefined, undefined, '0.00', 'dd/mm/yyyy']],
        boldRows: [0, 2],
        columnWidths: [6, 32, 10, 12, 20],
        frozenRows: 3,
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

      const outDir = join(dir, 'out');
      const run = spawnSync(
        'soffice',
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'xlsx',
          '--outdir',
          outDir,
          input,
        ],
        { timeout: 60_000, encoding: 'utf8' },
      );
      const output = join(outDir, 'sổ tính.xlsx');
      if (run.status !== 0 || !existsSync(output)) {
        throw new Error(
          `soffice failed (${run.status}): ${run.error ?? ''}\n${run.stdout}\n${run.stderr}`,
        );
      }

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
      rmSync(profile, { recursive: true, force: true });
    }
  },
  90_000,
);
