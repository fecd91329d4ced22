/** File-level failures mapped to XlsxError (missing, not a workbook, missing workbook part, locked) and the atomic write. */
// the module object itself, so that a spy on it is seen by the writer's named import
import fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFile, writeFileAtomic } from '../../cli/files';
import { buildWorkbook, readPackage, readSheets, XlsxError } from '../../xlsx';
import { excelLikeParts, zipOf } from '../xlsx/helpers';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xephang-xlsx-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function caught(fn: () => unknown): XlsxError {
  try {
    fn();
  } catch (e) {
    if (e instanceof XlsxError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('readFile', () => {
  test('a missing file', () => {
    const path = join(dir, 'không có.xlsx');
    const e = caught(() => readFile(path));
    expect(e.code).toBe('notFound');
    expect(e.message).toBe(`Không tìm thấy tệp "${path}"`);
  });

  test('a text file renamed .xlsx', () => {
    const path = join(dir, 'ghi chú.xlsx');
    writeFileSync(path, 'Đây không phải là sổ tính\n');
    const e = caught(() => readFile(path));
    expect(e.code).toBe('notXlsx');
    expect(e.message).toContain('không phải là sổ tính Excel (.xlsx)');
    expect(e.message).toContain(path);
  });

  test('an empty file, a truncated one and a folder are not workbooks', () => {
    const empty = join(dir, 'rỗng.xlsx');
    writeFileSync(empty, '');
    expect(caught(() => readFile(empty)).code).toBe('notXlsx');
    const cut = join(dir, 'cụt.xlsx');
    const whole = buildWorkbook([{ name: 'A', rows: [[1]] }]);
    writeFileSync(cut, whole.subarray(0, whole.length - 30));
    expect(caught(() => readFile(cut)).code).toBe('notXlsx');
    expect(caught(() => readFile(dir)).code).toBe('notXlsx');
  });

  test('a zip without xl/workbook.xml (e.g. a Word file renamed)', () => {
    const parts = excelLikeParts();
    delete parts['xl/workbook.xml'];
    const path = join(dir, 'thiếu.xlsx');
    writeFileSync(path, zipOf(parts));
    const e = caught(() => readFile(path));
    expect(e.code).toBe('missingPart');
    expect(e.message).toContain('xl/workbook.xml');
  });

  test('a sheet whose part is missing', () => {
    const parts = excelLikeParts();
    delete parts['xl/worksheets/sheet2.xml'];
    const e = caught(() => readPackage(zipOf(parts), 'x.xlsx'));
    expect(e.code).toBe('missingPart');
    expect(e.message).toContain('xl/worksheets/sheet2.xml');
  });

  test('a damaged entry is reported when it is read', () => {
    const bytes = Uint8Array.from(zipOf(excelLikeParts()));
    const pkg = readPackage(bytes);
    const raw = pkg.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')?.raw;
    if (!raw) throw new Error('fixture');
    raw.fill(0xff); // a view into `bytes`: the deflate stream is now garbage
    const e = caught(() => readSheets(pkg, ['Tiêu chí']));
    expect(e.code).toBe('damaged');
    expect(e.message).toContain('"xl/worksheets/sheet1.xml" (trang tính "Tiêu chí")');
  });

  test('a workbook read back from disk', () => {
    const path = join(dir, 'sổ.xlsx');
    writeFileAtomic(path, buildWorkbook([{ name: 'A', rows: [['x', 1]] }]));
    expect(readSheets(readFile(path), ['A']).get('A')?.rows).toEqual([['x', 1]]);
  });
});

describe('writeFileAtomic', () => {
  test('replaces the file and leaves no temporary file', () => {
    const path = join(dir, 'kết quả.xlsx');
    writeFileSync(path, 'cũ');
    writeFileAtomic(path, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(['kết quả.xlsx']);
  });

  test('a missing folder is made (rank -o, merge -o and template alike)', () => {
    writeFileAtomic(join(dir, 'mới', 'năm 2026', 'a.xlsx'), new Uint8Array([1]));
    expect(readdirSync(join(dir, 'mới', 'năm 2026'))).toEqual(['a.xlsx']);
  });

  test('a folder on the path that is a file → notFound, nothing left behind', () => {
    writeFileSync(join(dir, 'tệp'), 'x');
    for (const target of [join(dir, 'tệp', 'a.xlsx'), join(dir, 'tệp', 'con', 'a.xlsx')]) {
      const e = caught(() => writeFileAtomic(target, new Uint8Array([1])));
      expect(e.code).toBe('notFound');
    }
    expect(readdirSync(dir)).toEqual(['tệp']);
  });

  test.each(['EBUSY', 'EPERM', 'EACCES'])(
    'a file held open by Excel (%s on rename) → locked; the old file and no temporary remain',
    (code) => {
      const path = join(dir, 'đang mở.xlsx');
      writeFileSync(path, 'cũ');
      jest.spyOn(fs, 'renameSync').mockImplementation(() => {
        throw Object.assign(new Error(code), { code });
      });
      const e = caught(() => writeFileAtomic(path, new Uint8Array([1])));
      expect(e.code).toBe('locked');
      expect(e.message).toBe(
        `Tệp "${path}" đang bị khóa hoặc không có quyền ghi (nếu tệp đang mở trong Excel, hãy đóng lại rồi chạy lại)`,
      );
      expect(readFileSync(path, 'utf8')).toBe('cũ');
      expect(readdirSync(dir)).toEqual(['đang mở.xlsx']);
    },
  );
});
