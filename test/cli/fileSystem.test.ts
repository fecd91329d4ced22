/**
 * The built command against a hostile file system (issue 20): inputs that are not regular files
 * (a device that never ends, a FIFO that would block forever, a folder, a file far too large),
 * output through a symbolic link and onto targets that are not regular files, stale temporary
 * files left by a killed run. Run as child processes with a timeout, so that a hang or a memory
 * blow-up fails the test instead of the test runner. Each case: the exit code, the Vietnamese
 * message, no stack trace, and what the file system holds afterwards.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCli } from './builtCli';
import { readPackage, sheetNames } from '../../xlsx';

const root = resolve(__dirname, '../..');
const EXAMPLE = join(root, 'examples/an-giang-2018.xlsx');
let dir: string;
let cli: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xephang-fs-'));
  cli = buildCli(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh folder for one case. */
const folder = (): string => mkdtempSync(join(dir, 'ca-'));

/** Runs the built command with a time limit and a memory limit. */
function xephang(args: string[], cwd = dir): { status: number | null; stderr: string; ms: number } {
  const started = Date.now();
  const run = spawnSync('node', ['--max-old-space-size=512', cli, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, TMPDIR: cwd },
  });
  return { status: run.status, stderr: run.stderr ?? '', ms: Date.now() - started };
}

/** No Node stack trace nor English error text reaches the user. */
function expectNoStack(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at |Error:|node:internal|ERR_/);
}

describe('inputs that are not regular files are refused before reading', () => {
  test.each(['/dev/zero', '/dev/urandom'])('%s', (device) => {
    if (!existsSync(device)) return;
    const out = join(folder(), 'ket-qua.xlsx');
    const r = xephang(['rank', device, '-o', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`"${device}" không phải là tệp thông thường (một thiết bị)`);
    expectNoStack(r.stderr);
    expect(existsSync(out)).toBe(false);
    expect(r.ms).toBeLessThan(10_000);
  });

  test('a FIFO (which would block forever) is refused at once', () => {
    const d = folder();
    const fifo = join(d, 'ong.xlsx');
    spawnSync('mkfifo', [fifo]);
    if (!existsSync(fifo)) return; // no mkfifo on this system
    const r = xephang(['check', fifo]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('không phải là tệp thông thường (một đường ống');
    expectNoStack(r.stderr);
    expect(readdirSync(d)).toEqual(['ong.xlsx']);
  });

  test('a folder', () => {
    const d = folder();
    const r = xephang(['rank', d, '-o', join(d, 'ket-qua.xlsx')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('là một thư mục');
    expectNoStack(r.stderr);
    expect(readdirSync(d)).toEqual([]);
  });

  test('a file above the size cap is refused without reading it (a sparse 600 MB file)', () => {
    const d = folder();
    const big = join(d, 'lon.xlsx');
    writeFileSync(big, '');
    truncateSync(big, 600 * 1024 * 1024);
    const r = xephang(['rank', big]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('quá giới hạn 512 MB');
    expectNoStack(r.stderr);
    expect(statSync(big).size).toBe(600 * 1024 * 1024);
    expect(readdirSync(d)).toEqual(['lon.xlsx']);
  });
});

describe('writing through a symbolic link and onto targets that are not regular files', () => {
  test('in-place rank on a symlink writes the real file and keeps the link', () => {
    const d = folder();
    mkdirSync(join(d, 'that'));
    const real = join(d, 'that', 'dot.xlsx');
    copyFileSync(EXAMPLE, real);
    const link = join(d, 'lien-ket.xlsx');
    symlinkSync(join('that', 'dot.xlsx'), link);
    const r = xephang(['rank', link, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(join('that', 'dot.xlsx'));
    expect(sheetNames(readPackage(readFileSync(real)))).toContain('Kết quả');
    // nothing left beside the link or the real file
    expect(readdirSync(d).sort()).toEqual(['lien-ket.xlsx', 'that']);
    expect(readdirSync(join(d, 'that'))).toEqual(['dot.xlsx']);
  });

  test('-o onto a symlink to a file in another folder writes that file', () => {
    const d = folder();
    mkdirSync(join(d, 'khac'));
    const real = join(d, 'khac', 'ket-qua.xlsx');
    writeFileSync(real, 'cũ');
    const link = join(d, 'ket-qua.xlsx');
    symlinkSync(real, link);
    const r = xephang(['rank', EXAMPLE, '-o', link, '--quiet']);
    expect(r.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(sheetNames(readPackage(readFileSync(real)))).toContain('Kết quả');
    expect(readdirSync(join(d, 'khac'))).toEqual(['ket-qua.xlsx']);
  });

  test('-o onto a FIFO, a folder or a device node: refused, the node left as it was', () => {
    const d = folder();
    const targets: [string, string][] = [];
    const fifo = join(d, 'ong.xlsx');
    spawnSync('mkfifo', [fifo]);
    if (existsSync(fifo)) targets.push([fifo, 'một đường ống']);
    mkdirSync(join(d, 'thu-muc.xlsx'));
    targets.push([join(d, 'thu-muc.xlsx'), 'một thư mục']);
    // a character device like /dev/null, made in the test folder (needs root)
    const device = join(d, 'thiet-bi.xlsx');
    spawnSync('mknod', [device, 'c', '1', '3']);
    if (existsSync(device)) targets.push([device, 'một thiết bị']);
    const before = readdirSync(d).sort();
    for (const [target, kind] of targets) {
      const r = xephang(['rank', EXAMPLE, '-o', target, '--quiet']);
      expect({ target, status: r.status }).toEqual({ target, status: 1 });
      expect(r.stderr).toContain(`Không ghi được vào "${target}" vì đó là ${kind}`);
      expectNoStack(r.stderr);
    }
    expect(readdirSync(d).sort()).toEqual(before);
    if (existsSync(fifo)) expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync(join(d, 'thu-muc.xlsx')).isDirectory()).toBe(true);
    expect(readdirSync(join(d, 'thu-muc.xlsx'))).toEqual([]);
    if (existsSync(device)) expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });
});

describe('temporary files', () => {
  /** The pid of a process that has ended. */
  function deadPid(): number {
    const child = spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    return Number(child.stdout);
  }

  test('stale temporary files of a killed run are removed; a live run’s and other files stay', async () => {
    const d = folder();
    const out = join(d, 'ket-qua.xlsx');
    const dead = deadPid();
    const sleeper = spawn('sleep', ['30']);
    try {
      const live = sleeper.pid as number;
      const stale = [
        `.~xephang-tam-${dead}-ket-qua.xlsx.tmp`,
        `.~xephang-tam-${dead}-khac.xlsx.tmp`,
        // the name older versions gave their temporary file
        `ket-qua.xlsx.tmp-${dead}`,
      ];
      const kept = [
        `.~xephang-tam-${live}-ket-qua.xlsx.tmp`,
        `ket-qua.xlsx.tmp-${live}`,
        // not ours: another program's file, and a name that only looks like ours
        'ghi-chu.tmp',
        `.~xephang-tam-${dead}-ket-qua.xlsx`,
        `ban-sao.xlsx.tmp-${dead}x`,
      ];
      for (const f of [...stale, ...kept]) writeFileSync(join(d, f), 'x');
      const r = xephang(['rank', EXAMPLE, '-o', out, '--quiet']);
      expect(r.status).toBe(0);
      expect(readdirSync(d).sort()).toEqual(['ket-qua.xlsx', ...kept].sort());
    } finally {
      sleeper.kill();
    }
  });

  test('a run killed while writing leaves a temporary file that says what it is', () => {
    const d = folder();
    const out = join(d, 'ket-qua.xlsx');
    // SIGKILL right after the temporary file is opened for writing
    const hook = join(d, 'kill.js');
    writeFileSync(
      hook,
      `const fs = require('fs'); const open = fs.openSync;
       fs.openSync = function (p, ...rest) { const fd = open.call(fs, p, ...rest);
         if (String(p).includes('ket-qua')) process.kill(process.pid, 'SIGKILL'); return fd; };`,
    );
    const run = spawnSync('node', ['-r', hook, cli, 'rank', EXAMPLE, '-o', out], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.signal).toBe('SIGKILL');
    const left = readdirSync(d).filter((f) => f !== 'kill.js');
    expect(left).toEqual([`.~xephang-tam-${run.pid}-ket-qua.xlsx.tmp`]);
    // the next run cleans it up
    const r = xephang(['rank', EXAMPLE, '-o', out, '--quiet']);
    expect(r.status).toBe(0);
    expect(readdirSync(d).sort()).toEqual(['ket-qua.xlsx', 'kill.js']);
  });
});

describe('an unexpected internal error', () => {
  test('prints one Vietnamese line naming the saved details, exit 3', () => {
    const d = folder();
    // an internal fault the CLI cannot foresee: a core function throwing a plain Error
    const hook = join(d, 'fault.js');
    writeFileSync(
      hook,
      `const orig = Array.prototype.sort; let armed = true;
       Object.defineProperty(Array.prototype, 'sort', { configurable: true, writable: true,
         value: function (...a) { if (armed && new Error().stack.includes('runCampaign')) {
           armed = false; throw new TypeError('giả lập lỗi bên trong'); } return orig.apply(this, a); } });`,
    );
    const input = join(d, 'dot.xlsx');
    copyFileSync(EXAMPLE, input);
    const run = spawnSync('node', ['-r', hook, cli, 'rank', input, '-o', join(d, 'out.xlsx')], {
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, TMPDIR: d },
    });
    expect(run.status).toBe(3);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Lỗi bên trong chương trình xephang/);
    expectNoStack(run.stderr);
    const log = readdirSync(d).find((f) => /^xephang-loi-.*\.txt$/.test(f));
    expect(log).toBeDefined();
    expect(lines[0]).toContain(join(d, log as string));
    const details = readFileSync(join(d, log as string), 'utf8');
    expect(details).toContain('giả lập lỗi bên trong');
    expect(details).toContain('rank');
    expect(details).toMatch(/xephang 0\.1\.0/);
    expect(details).toMatch(/\n\s+at /);
    expect(existsSync(join(d, 'out.xlsx'))).toBe(false);
    expect(readFileSync(input).equals(readFileSync(EXAMPLE))).toBe(true);
  });
});
