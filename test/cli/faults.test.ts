/**
 * File-system faults injected into the command line (jest spies on `fs`, as files.test.ts
 * does): disk full and read-only at write and at rename, every other errno the CLI can meet,
 * an internal error; `forms` all or nothing; Excel's column limit on the template and on merge.
 * Each case: the exit code, the Vietnamese message, no stack, and what the file system holds.
 */
// the module object itself, so that a spy on it is seen by the named imports of cli/files.ts
import fs from 'node:fs';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../cli/main';
import { writeFileAtomic } from '../../cli/files';
import * as run from '../../shared/workbook/run';
import { generateCampaign } from '../../bench/generate';
import { unitForm } from '../../shared/forms/form';
import { inputSheets } from '../../shared/workbook/inputs';
import { readSetup } from '../../shared/workbook/setup';
import { vi } from '../../shared/i18n/vi';
import { buildWorkbook, readPackage, readSheets, XlsxError } from '../../xlsx';
import { fillFormRows } from '../hosts/fillForm';

const EXAMPLE = resolve(__dirname, '../../examples/an-giang-2018.xlsx');
const S = vi.workbook.sheets;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xephang-faults-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function xephang(args: string[], logDir = dir): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, {
    out: (t) => (out += t + '\n'),
    err: (t) => (err += t + '\n'),
    now: () => new Date(2026, 10, 25, 9, 30, 0),
    logDir,
  });
  return { code, out, err };
}

const errno = (code: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: simulated`), { code, errno: -1, syscall: 'x' });

/** No Node stack trace nor English error text reaches the user. */
function expectNoStack(text: string): void {
  expect(text).not.toMatch(/\n\s+at |Error:|simulated|node:internal/);
}

/** A copy of the example in a folder of its own; what the folder holds before the run. */
function campaign(): { input: string; before: Buffer } {
  const input = join(dir, 'dot.xlsx');
  copyFileSync(EXAMPLE, input);
  return { input, before: readFileSync(input) };
}

describe('disk full and read-only, at write and at rename: exit 1, a message, nothing left', () => {
  const cases: [string, 'writeSync' | 'openSync' | 'renameSync', string][] = [
    ['ENOSPC', 'writeSync', 'Ổ đĩa đã đầy: không ghi được tệp'],
    ['ENOSPC', 'renameSync', 'Ổ đĩa đã đầy: không ghi được tệp'],
    ['EROFS', 'openSync', 'chỉ cho phép đọc: không ghi được'],
    ['EROFS', 'renameSync', 'chỉ cho phép đọc: không ghi được'],
    ['EDQUOT', 'writeSync', 'hết hạn mức dung lượng'],
    ['EIO', 'writeSync', 'Lỗi đọc/ghi của ổ đĩa khi ghi tệp'],
  ];
  test.each(cases)('%s at %s', (code, call, message) => {
    const { input, before } = campaign();
    const out = join(dir, 'ket-qua.xlsx');
    const real = fs[call] as (...a: unknown[]) => unknown;
    jest.spyOn(fs, call).mockImplementation(((...a: unknown[]) => {
      // only the write of our temporary file (or its rename) fails, as on a full disk
      if (String(a[0]).includes('xephang-tam') || call === 'writeSync') throw errno(code);
      return real.apply(fs, a);
    }) as never);
    const r = xephang(['rank', input, '-o', out, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Không chạy được — không ghi gì vào tệp.');
    expect(r.err).toContain(message);
    expect(r.err).toContain(`"${out}"`);
    expectNoStack(r.err);
    jest.restoreAllMocks();
    expect(readdirSync(dir)).toEqual(['dot.xlsx']);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test('in place: the workbook keeps its old bytes', () => {
    const { input, before } = campaign();
    jest.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw errno('ENOSPC');
    });
    const r = xephang(['rank', input, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Ổ đĩa đã đầy');
    jest.restoreAllMocks();
    expect(readdirSync(dir)).toEqual(['dot.xlsx']);
    expect(readFileSync(input).equals(before)).toBe(true);
  });
});

describe('every errno of a write becomes a Vietnamese message naming the file', () => {
  test.each([
    ['ENOSPC', 'Ổ đĩa đã đầy'],
    ['EDQUOT', 'hết hạn mức dung lượng'],
    ['EROFS', 'chỉ cho phép đọc'],
    ['EACCES', 'đang bị khóa hoặc không có quyền ghi'],
    ['EPERM', 'đang bị khóa hoặc không có quyền ghi'],
    ['EBUSY', 'đang bị khóa hoặc không có quyền ghi'],
    ['EISDIR', 'vì đó là một thư mục'],
    ['ENOTDIR', 'Không có thư mục để ghi tệp'],
    ['ENOENT', 'Không có thư mục để ghi tệp'],
    ['ENAMETOOLONG', 'quá dài'],
    ['EMFILE', 'quá nhiều tệp'],
    ['ENFILE', 'quá nhiều tệp'],
    ['EIO', 'Lỗi đọc/ghi của ổ đĩa'],
    ['EXDEV', 'khác ổ đĩa'],
    ['ELOOP', 'liên kết tượng trưng'],
    ['ETXTBSY', 'đang được một chương trình khác dùng'],
    ['EINVAL', 'không dùng được trên ổ đĩa này'],
    ['ESTALE', 'lỗi hệ thống ESTALE'],
  ])('%s', (code, message) => {
    const path = join(dir, 'kết quả.xlsx');
    writeFileSync(path, 'cũ');
    jest.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw errno(code);
    });
    let caught: unknown;
    try {
      writeFileAtomic(path, new Uint8Array([1, 2, 3]));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(XlsxError);
    const text = (caught as XlsxError).message;
    expect(text).toContain(message);
    expect(text).toContain(path);
    expectNoStack(text);
    expect(readFileSync(path, 'utf8')).toBe('cũ');
    expect(readdirSync(dir)).toEqual(['kết quả.xlsx']);
  });

  test('a read that fails midway (EIO on a USB stick pulled out)', () => {
    const { input } = campaign();
    jest.spyOn(fs, 'readSync').mockImplementation(() => {
      throw errno('EIO');
    });
    const r = xephang(['check', input]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Lỗi đọc/ghi của ổ đĩa khi đọc tệp "${input}"`);
    expectNoStack(r.err);
  });

  test('a symbolic link loop is a message; a dangling link makes the file it names', () => {
    const a = join(dir, 'a.xlsx');
    const b = join(dir, 'b.xlsx');
    fs.symlinkSync(b, a);
    fs.symlinkSync(a, b);
    let caught: unknown;
    try {
      writeFileAtomic(a, new Uint8Array([1]));
    } catch (e) {
      caught = e;
    }
    expect((caught as XlsxError).message).toContain(`Đường dẫn "${a}" có liên kết tượng trưng`);
    expect(readdirSync(dir).sort()).toEqual(['a.xlsx', 'b.xlsx']);
    const link = join(dir, 'lien-ket.xlsx');
    fs.symlinkSync(join('moi', 'that.xlsx'), link);
    writeFileAtomic(link, new Uint8Array([7]));
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect([...readFileSync(join(dir, 'moi', 'that.xlsx'))]).toEqual([7]);
  });

  test('replacing a file keeps its permissions', () => {
    const path = join(dir, 'a.xlsx');
    writeFileSync(path, 'cũ', { mode: 0o640 });
    fs.chmodSync(path, 0o640);
    writeFileAtomic(path, new Uint8Array([1]));
    expect(fs.statSync(path).mode & 0o777).toBe(0o640);
  });
});

describe('an unexpected internal error', () => {
  test('one Vietnamese line naming the details file; exit 3; nothing written', () => {
    const { input, before } = campaign();
    const logs = mkdtempSync(join(tmpdir(), 'xephang-log-'));
    try {
      jest.spyOn(run, 'runCampaign').mockImplementation(() => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      });
      const out = join(dir, 'ket-qua.xlsx');
      const r = xephang(['rank', input, '-o', out], logs);
      expect(r.code).toBe(3);
      expect(r.out).toBe('');
      const lines = r.err.trim().split('\n');
      expect(lines).toHaveLength(1);
      const [log] = readdirSync(logs);
      expect(log).toMatch(/^xephang-loi-\d{4}-\d\d-\d\dT[\d-]+Z-\d+\.txt$/);
      expect(lines[0]).toBe(
        `Lỗi bên trong chương trình xephang (không do sổ tính của bạn). Chi tiết đã lưu ở "${join(logs, log)}": hãy gửi tệp này cho người hỗ trợ.`,
      );
      const details = readFileSync(join(logs, log), 'utf8');
      expect(details).toContain('xephang 0.1.0');
      expect(details).toContain(`args: ${JSON.stringify(['rank', input, '-o', out])}`);
      expect(details).toContain("TypeError: Cannot read properties of undefined (reading 'x')");
      expect(details).toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
      expect(readFileSync(input).equals(before)).toBe(true);
    } finally {
      rmSync(logs, { recursive: true, force: true });
    }
  });

  test('when the details cannot be saved, the line says so and still no stack', () => {
    const { input } = campaign();
    jest.spyOn(run, 'runCampaign').mockImplementation(() => {
      throw new Error('boom');
    });
    const r = xephang(['check', input], join(dir, 'khong-co', 'thu-muc'));
    expect(r.code).toBe(3);
    expect(r.err.trim().split('\n')).toEqual([
      'Lỗi bên trong chương trình xephang (không do sổ tính của bạn); không lưu được chi tiết: Error: boom',
    ]);
  });
});

describe('xephang forms: all or nothing', () => {
  const FORMS = 16;
  /** Fails the n-th call of `call` with `code` (counting from 1). */
  function failAt(call: 'writeSync' | 'renameSync', n: number, code: string): void {
    const real = fs[call] as (...a: unknown[]) => unknown;
    let calls = 0;
    jest.spyOn(fs, call).mockImplementation(((...a: unknown[]) => {
      if (++calls === n) throw errno(code);
      return real.apply(fs, a);
    }) as never);
  }

  test('a new folder: a failure at the 5th form leaves no folder and no temporary', () => {
    const out = join(dir, 'phieu');
    failAt('writeSync', 5, 'ENOSPC');
    const r = xephang(['forms', EXAMPLE, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Ổ đĩa đã đầy');
    expectNoStack(r.err);
    jest.restoreAllMocks();
    expect(readdirSync(dir)).toEqual([]);
  });

  test('an existing folder: a failure while moving the forms in puts every old file back', () => {
    const out = join(dir, 'phieu');
    expect(xephang(['forms', EXAMPLE, '-o', out]).code).toBe(0);
    writeFileSync(join(out, 'ghi-chu.txt'), 'của người dùng');
    // last round's forms, as units returned them
    for (const f of readdirSync(out)) writeFileSync(join(out, f), `cũ ${f}`);
    const before = readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]);
    // the 10th rename: some forms are in place, others not yet
    failAt('renameSync', 10, 'EIO');
    const r = xephang(['forms', EXAMPLE, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Lỗi đọc/ghi của ổ đĩa khi ghi tệp');
    jest.restoreAllMocks();
    expect(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')])).toEqual(before);
    expect(readdirSync(dir)).toEqual(['phieu']);
  });

  test('an existing folder: the forms are replaced, other files kept, nothing temporary left', () => {
    const out = join(dir, 'phieu');
    mkdirSync(out);
    writeFileSync(join(out, 'ghi-chu.txt'), 'của người dùng');
    expect(xephang(['forms', EXAMPLE, '-o', out]).code).toBe(0);
    const first = readdirSync(out).find((f) => f !== 'ghi-chu.txt') as string;
    writeFileSync(join(out, first), 'cũ');
    const r = xephang(['forms', EXAMPLE, '-o', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toHaveLength(FORMS + 1);
    expect(readFileSync(join(out, 'ghi-chu.txt'), 'utf8')).toBe('của người dùng');
    expect(readSheets(readPackage(readFileSync(join(out, first))), [vi.forms.sheet]).size).toBe(1);
    expect(readdirSync(dir)).toEqual(['phieu']);
  });

  test('a form name taken by a folder: refused before anything is written', () => {
    const out = join(dir, 'phieu');
    expect(xephang(['forms', EXAMPLE, '-o', out]).code).toBe(0);
    const first = readdirSync(out)[0];
    rmSync(join(out, first));
    mkdirSync(join(out, first));
    const before = readdirSync(out).map((f) => [f, existsSync(join(out, f))]);
    const r = xephang(['forms', EXAMPLE, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Không ghi được vào "${join(out, first)}" vì đó là một thư mục`);
    expect(readdirSync(out).map((f) => [f, existsSync(join(out, f))])).toEqual(before);
    expect(readdirSync(dir)).toEqual(['phieu']);
  });

  test('-o naming a file, not a folder: refused', () => {
    const out = join(dir, 'phieu.xlsx');
    writeFileSync(out, 'x');
    const r = xephang(['forms', EXAMPLE, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Không ghi được các phiếu vào "${out}" vì đó là một tệp`);
    expect(readFileSync(out, 'utf8')).toBe('x');
  });
});

describe("Excel's last column (XFD): one column per unit", () => {
  test('template: 16,381 units fit (the last one in column XFD); 16,382 and 20,000 are usage errors', () => {
    const ok = join(dir, 'mau.xlsx');
    expect(xephang(['template', '-o', ok, '--units', '16381']).code).toBe(0);
    const header = readSheets(readPackage(readFileSync(ok)), [S.appraised]).get(S.appraised)
      ?.rows[0];
    expect(header).toHaveLength(16_384);
    expect(header?.[16_383]).toBe('DV16381');
    for (const units of ['16382', '20000']) {
      const out = join(dir, `mau-${units}.xlsx`);
      const r = xephang(['template', '-o', out, '--units', units]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('Số đơn vị phải là số nguyên từ 1 đến 16 381');
      expectNoStack(r.err);
      expect(existsSync(out)).toBe(false);
    }
  });

  test('merge: a form that would add a unit column past XFD to "Tự chấm" is refused, nothing written', () => {
    const units = 16_382;
    const spec = generateCampaign(units, 8, 3);
    const sheets = inputSheets(spec).map((s) =>
      // "Tự chấm" as it stands: the first 16,381 units (D … XFD); the last unit not yet there
      s.name === S.self || s.name === S.appraised
        ? { ...s, rows: s.rows.map((r) => r.slice(0, 16_384)) }
        : s,
    );
    const file = join(dir, 'dot.xlsx');
    writeFileSync(file, buildWorkbook(sheets));
    const before = readFileSync(file);
    const grids = Object.fromEntries(sheets.map((s) => [s.name, s.rows])) as never;
    const { setup } = readSetup(grids);
    if (!setup) throw new Error('setup');
    const last = spec.units[units - 1];
    const rows = unitForm(setup, last).rows.map((r) => [...r]);
    fillFormRows(rows as never, spec);
    const form = join(dir, `${last.id}.xlsx`);
    writeFileSync(form, buildWorkbook([{ name: vi.forms.sheet, rows }]));
    const r = xephang(['merge', file, form]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'Trang tính "Tự chấm" cần đến cột thứ 16 385 (ô XFE1), quá cột cuối cùng XFD (16 384 cột) mà Excel mở được',
    );
    expect(r.err).toContain('một sổ tính chứa được tối đa 16 381 đơn vị');
    expectNoStack(r.err);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([`${last.id}.xlsx`, 'dot.xlsx'].sort());
  }, 60_000);
});
