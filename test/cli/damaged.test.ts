/**
 * Damaged packages through every command that reads one: `check`, `forms` and `merge` (`rank` is
 * covered by test/cli/bad/bad-input.test.ts on the same fixtures). Each exits 1 with "Tệp bị
 * hỏng" naming the part, prints no stack, writes nothing and leaves the input byte-identical.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../../cli/main';
import { CASES } from '../fixtures/make-bad';

const BAD = path.resolve(__dirname, '../fixtures/bad');
const EXAMPLE = path.resolve(__dirname, '../../examples/an-giang-2018.xlsx');
const NOW = new Date(2026, 10, 25, 9, 30, 0);

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fresh folder with copies of the named fixtures (and of the valid example). */
function folder(...files: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xephang-damaged-'));
  dirs.push(dir);
  for (const f of files) copyFileSync(path.join(BAD, f), path.join(dir, f));
  copyFileSync(EXAMPLE, path.join(dir, 'an-giang-2018.xlsx'));
  return dir;
}

function run(args: string[]): { code: number; err: string } {
  let err = '';
  const code = main(args, { out: () => undefined, err: (t) => (err += t + '\n'), now: () => NOW });
  return { code, err };
}

/** The message a case expects, for the copy at `file`. */
function expected(file: string): string {
  const c = CASES.find((x) => x.file === path.basename(file));
  if (!c) throw new Error(`no case ${file}`);
  return c.rows[0].message.split('{path}').join(file);
}

const DAMAGED = CASES.filter((c) => c.file.startsWith('zip-') && c.exit === 1).map((c) => c.file);

test.each(DAMAGED)('check %s: exit 1, the part named, no stack', (file) => {
  const dir = folder(file);
  const copy = path.join(dir, file);
  const before = readFileSync(copy);
  const r = run(['check', copy]);
  expect(r.code).toBe(1);
  expect(r.err).toContain(expected(copy));
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(readFileSync(copy).equals(before)).toBe(true);
});

test('forms from a campaign whose "Đơn vị" is a zip bomb: exit 1, no form written', () => {
  const file = 'zip-bomb-small-declared.xlsx';
  const dir = folder(file);
  const out = path.join(dir, 'phieu');
  const r = run(['forms', path.join(dir, file), '-o', out]);
  expect(r.code).toBe(1);
  expect(r.err).toContain(expected(path.join(dir, file)));
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
});

test.each(['zip-bomb-small-declared.xlsx', 'zip-damaged-unread-part.xlsx'])(
  'merge into a damaged campaign (%s): exit 1 naming the part, nothing written',
  (file) => {
    const dir = folder(file);
    const campaign = path.join(dir, file);
    const before = readFileSync(campaign);
    // forms of the valid example, returned unchanged
    const forms = path.join(dir, 'phieu');
    expect(run(['forms', path.join(dir, 'an-giang-2018.xlsx'), '-o', forms]).code).toBe(0);
    const returned = readdirSync(forms).map((f) => path.join(forms, f));
    const out = path.join(dir, 'gop.xlsx');
    const r = run(['merge', campaign, ...returned, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(expected(campaign));
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(readFileSync(campaign).equals(before)).toBe(true);
    expect(existsSync(out)).toBe(false);
  },
);

test('merge with a damaged returned form: exit 1 naming the form and its part', () => {
  const file = 'zip-crc-mismatch.xlsx';
  const dir = folder(file);
  const campaign = path.join(dir, 'an-giang-2018.xlsx');
  const before = readFileSync(campaign);
  const r = run(['merge', campaign, path.join(dir, file)]);
  expect(r.code).toBe(1);
  // the form's "Phiếu tự chấm" is absent (it is a campaign workbook), so its damaged part is
  // never read: the form is refused for what it is
  expect(r.err).toContain(file);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(readFileSync(campaign).equals(before)).toBe(true);
});
