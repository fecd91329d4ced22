/**
 * The built command in a shell pipeline whose reader stops early (`xephang rank … | head`): the
 * run still succeeds, writes its file, and prints no "write EPIPE" stack.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCli } from './builtCli';
import { readPackage, sheetNames } from '../../xlsx';

const root = resolve(__dirname, '../..');
let dir: string;
let cli: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xephang-pipe-'));
  cli = buildCli(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command into a reader that exits at once; its exit status and stderr. */
function intoClosedPipe(args: string[]): { status: number; stderr: string } {
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const run = spawnSync(
    'bash',
    ['-c', `node '${cli}' ${quoted} | true; exit "\${PIPESTATUS[0]}"`],
    { encoding: 'utf8' },
  );
  return { status: run.status ?? -1, stderr: run.stderr };
}

test('rank into a closed pipe: exit 0, the file written, no EPIPE stack', () => {
  const out = join(dir, 'ranked.xlsx');
  const run = intoClosedPipe(['rank', join(root, 'examples/an-giang-2018.xlsx'), '-o', out]);
  expect(run.stderr).not.toMatch(/EPIPE|node:events/);
  expect(run.status).toBe(0);
  expect(existsSync(out)).toBe(true);
  expect(sheetNames(readPackage(readFileSync(out)))).toContain('Kết quả');
});

test('check into a closed pipe: exit 0, no EPIPE stack', () => {
  const run = intoClosedPipe(['check', join(root, 'examples/an-giang-2018.xlsx')]);
  expect(run.stderr).not.toMatch(/EPIPE|node:events/);
  expect(run.status).toBe(0);
});
