/**
 * The command line on real .xlsx files: rank writes only the output sheets and keeps every
 * other part byte-identical; check writes nothing; bad input writes nothing and exits 1; wrong
 * usage exits 2; a workbook open in Excel is left alone.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { evaluateCampaign, parseWorkbook, vi, type CampaignSpec } from '../../shared';
import { renderProposals, renderResults } from '../../shared/workbook/render';
import { main } from '../../cli/main';
import { INPUT_SHEETS } from '../../cli/workbook';
import { readPackage, readSheets, sheetNames } from '../../xlsx';
import { unzipBytes, zipOf } from '../xlsx/helpers';

const EXAMPLE = path.resolve(__dirname, '../../examples/an-giang-2018.xlsx');
const S = vi.workbook.sheets;

function run(
  args: string[],
  now = new Date(2026, 10, 25, 9, 30, 0),
): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, {
    out: (t) => (out += t + '\n'),
    err: (t) => (err += t + '\n'),
    now: () => now,
  });
  return { code, out, err };
}

function tmpCopy(source = EXAMPLE, name = 'dot-thi-dua.xlsx'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xephang-cli-'));
  const file = path.join(dir, name);
  copyFileSync(source, file);
  return file;
}

function sheetsOf(file: string, names: string[]): Record<string, unknown[][]> {
  const pkg = readPackage(readFileSync(file));
  const read = readSheets(pkg, names);
  return Object.fromEntries(names.map((n) => [n, read.get(n)?.rows ?? []]));
}

describe('xephang rank', () => {
  const file = tmpCopy();
  const before = readFileSync(file);
  const result = run(['rank', file]);
  const after = readFileSync(file);

  test('exits 0, prints each block and the proposals', () => {
    expect(result.code).toBe(0);
    expect(result.out).toContain('Khối sở, ban, ngành');
    expect(result.out).toContain('Đề nghị khen thưởng');
    expect(result.out).toContain('98,57');
  });

  test('adds the output sheets after the input sheets', () => {
    const names = sheetNames(readPackage(after));
    expect(names.slice(-6)).toEqual([
      S.results,
      S.proposals,
      S.reconciliation,
      S.history,
      S.snapshot,
      S.log,
    ]);
    expect(names.slice(0, 3)).toEqual([S.config, S.criteria, S.units]);
  });

  test('writes exactly what the core renders (parity with the pure pipeline)', () => {
    const inputs = sheetsOf(file, [...INPUT_SHEETS]);
    const spec = parseWorkbook(inputs as never).spec as CampaignSpec;
    const evaluation = evaluateCampaign(spec);
    if (!evaluation.ok) throw new Error('invalid');
    const outputs = sheetsOf(file, [S.results, S.proposals]);
    const strip = (rows: unknown[][]): unknown[][] =>
      rows.map((r) => {
        const copy = r.map((v) => (v === undefined || v === '' ? null : v));
        while (copy.length && copy[copy.length - 1] === null) copy.pop();
        return copy;
      });
    const expected = (rows: unknown[][]): unknown[][] => {
      const s = strip(rows);
      while (s.length && s[s.length - 1].length === 0) s.pop();
      return s;
    };
    expect(strip(outputs[S.results])).toEqual(expected(renderResults(evaluation).rows));
    expect(strip(outputs[S.proposals])).toEqual(expected(renderProposals(evaluation, spec).rows));
  });

  test('keeps every input part byte-identical', () => {
    const a = unzipBytes(before);
    const b = unzipBytes(after);
    const changed = Object.keys(a).filter(
      (name) => !b[name] || Buffer.compare(Buffer.from(a[name]), Buffer.from(b[name])) !== 0,
    );
    // Only the package's index of sheets and the shared styles may change.
    expect(changed.sort()).toEqual(
      [
        '[Content_Types].xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
      ].filter((n) => changed.includes(n)),
    );
    for (const name of Object.keys(a).filter((n) => n.startsWith('xl/worksheets/'))) {
      expect(Buffer.compare(Buffer.from(a[name]), Buffer.from(b[name]))).toBe(0);
    }
  });

  test('appends one log row per run, with the same checksum for the same data', () => {
    expect(run(['rank', file, '--quiet']).code).toBe(0);
    const log = sheetsOf(file, [S.log])[S.log];
    expect(log).toHaveLength(3);
    expect(log[1][0]).toBe('2026-11-25 09:30:00');
    expect(log[1][1]).toBe(log[2][1]);
    expect(log[1][3]).toBe(16);
  });

  test('-o writes a new file (creating its folder) and leaves the input untouched', () => {
    const input = tmpCopy();
    const original = readFileSync(input);
    const out = path.join(path.dirname(input), 'ket-qua', 'out.xlsx');
    expect(run(['rank', input, '-o', out, '--quiet']).code).toBe(0);
    expect(Buffer.compare(readFileSync(input), original)).toBe(0);
    expect(sheetNames(readPackage(readFileSync(out)))).toContain(S.results);
  });
});

describe('xephang check', () => {
  test('validates without writing', () => {
    const file = tmpCopy();
    const before = readFileSync(file);
    const r = run(['check', file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Hợp lệ: 16 đơn vị');
    expect(Buffer.compare(readFileSync(file), before)).toBe(0);
  });
});

describe('bad input and usage', () => {
  test('an invalid workbook: exit 1, a located Vietnamese error table, nothing written', () => {
    const file = tmpCopy();
    const before = readFileSync(file);
    // Corrupt one score cell through the CLI's own writer: "Chấm điểm" D2 → "nhiều".
    const pkg = readPackage(before);
    const grid = readSheets(pkg, [S.appraised])
      .get(S.appraised)!
      .rows.map((r) => [...r]);
    grid[1][3] = 'nhiều';
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { writeSheets } = require('../../xlsx');
    writeFileSync(file, writeSheets(pkg, [{ name: S.appraised, rows: grid }]));
    const corrupted = readFileSync(file);
    const out = path.join(path.dirname(file), 'out.xlsx');
    const r = run(['rank', file, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('không ghi gì');
    expect(r.err).toMatch(/Chấm điểm\s*\|\s*D2\s*\|/);
    expect(Buffer.compare(readFileSync(file), corrupted)).toBe(0);
    expect(existsSync(out)).toBe(false);
    expect(before.length).toBeGreaterThan(0);
  });

  test('a missing file: exit 1 with its name', () => {
    const r = run(['rank', '/khong/co/tep.xlsx']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('tep.xlsx');
  });

  test('a workbook open in Excel (lock file beside it) is not written', () => {
    const file = tmpCopy();
    const before = readFileSync(file);
    writeFileSync(path.join(path.dirname(file), `~$${path.basename(file)}`), 'lock');
    const r = run(['rank', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('đang được mở trong Excel');
    expect(Buffer.compare(readFileSync(file), before)).toBe(0);
  });

  test.each([[['-o']], [['-o', '--quiet']], [['--units']]])(
    'rank with an option missing its value %p exits 2 and leaves the workbook as it was',
    (tail) => {
      const file = tmpCopy();
      const before = readFileSync(file);
      const r = run(['rank', file, ...(tail as string[])]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`Thiếu giá trị sau "${(tail as string[])[0]}"`);
      expect(Buffer.compare(readFileSync(file), before)).toBe(0);
    },
  );

  test.each([
    [[]],
    [['rank']],
    [['xep']],
    [['rank', 'a.xlsx', '--bogus']],
    [['check', 'a.xlsx', '-o', 'b.xlsx']],
    [['template']],
  ])('usage %p exits 2', (args) => {
    expect(run(args as string[]).code).toBe(2);
  });
});

describe('a formula saved without its result (a file written by a program)', () => {
  /** The example with "Chấm điểm" D6 (98.5) replaced by the formula 197/2, cached or not. */
  function withFormula(cached: boolean): string {
    const parts = unzipBytes(readFileSync(EXAMPLE));
    const path5 = 'xl/worksheets/sheet5.xml';
    const xml = new TextDecoder().decode(parts[path5]);
    const cell = cached ? '<c r="D6"><f>197/2</f><v>98.5</v></c>' : '<c r="D6"><f>197/2</f></c>';
    expect(xml).toContain('<c r="D6"><v>98.5</v></c>');
    parts[path5] = new TextEncoder().encode(xml.replace('<c r="D6"><v>98.5</v></c>', cell));
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'xephang-f-')), 'dot.xlsx');
    writeFileSync(file, zipOf(parts));
    return file;
  }

  test('is an error at its cell, and nothing is written', () => {
    const file = withFormula(false);
    const before = readFileSync(file);
    const r = run(['rank', file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Chấm điểm +\| D6 +\| Ô có công thức nhưng chưa có kết quả/);
    expect(Buffer.compare(readFileSync(file), before)).toBe(0);
  });

  test('with its result saved, it reads as that result', () => {
    const r = run(['check', withFormula(true)]);
    expect(r.code).toBe(0);
  });
});

describe('a macro-enabled workbook (.xlsm)', () => {
  const MAIN_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  const MACRO_TYPE = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
  /** The example as Excel saves it with macros: the main part's content type says so. */
  function xlsm(): string {
    const parts = unzipBytes(readFileSync(EXAMPLE));
    const types = new TextDecoder().decode(parts['[Content_Types].xml']);
    expect(types).toContain(MAIN_TYPE);
    parts['[Content_Types].xml'] = new TextEncoder().encode(types.replace(MAIN_TYPE, MACRO_TYPE));
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'xephang-m-')), 'dot.xlsm');
    writeFileSync(file, zipOf(parts));
    return file;
  }

  test('ranks in place or into another .xlsm, keeping its type', () => {
    const file = xlsm();
    const out = path.join(path.dirname(file), 'ket-qua.xlsm');
    expect(run(['rank', file, '-o', out]).code).toBe(0);
    const types = new TextDecoder().decode(unzipBytes(readFileSync(out))['[Content_Types].xml']);
    expect(types).toContain(MACRO_TYPE);
    expect(run(['rank', file]).code).toBe(0);
  });

  test('is not written under an .xlsx name (Excel would refuse it), nor a plain one as .xlsm', () => {
    const file = xlsm();
    const toXlsx = run(['rank', file, '-o', path.join(path.dirname(file), 'ket-qua.xlsx')]);
    expect(toXlsx.code).toBe(1);
    expect(toXlsx.err).toContain('phải ghi ra tệp .xlsm');
    expect(existsSync(path.join(path.dirname(file), 'ket-qua.xlsx'))).toBe(false);
    const plain = tmpCopy();
    const toXlsm = run(['rank', plain, '-o', path.join(path.dirname(plain), 'ket-qua.xlsm')]);
    expect(toXlsm.code).toBe(1);
    expect(toXlsm.err).toContain('phải ghi ra tệp .xlsx');
  });
});

describe('review fixes', () => {
  test('--timings on a file that cannot be read: no stray separator', () => {
    const r = run(['check', path.join(os.tmpdir(), 'khong-co-tep-nay.xlsx'), '--timings']);
    expect(r.err).toMatch(/Thời gian: cả lệnh \d+ ms/);
  });

  test('template and merge refuse an .xlsm name for a plain workbook', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xephang-x-'));
    const t = run(['template', '-o', path.join(dir, 'mau.xlsm')]);
    expect(t.code).toBe(1);
    expect(t.err).toContain('phải ghi ra tệp .xlsx');
    expect(existsSync(path.join(dir, 'mau.xlsm'))).toBe(false);
    const file = tmpCopy();
    const m = run(['merge', file, file, '-o', path.join(dir, 'gop.xlsm')]);
    expect(m.code).toBe(1);
    expect(m.err).toContain('phải ghi ra tệp .xlsx');
  });

  test('a sheet missing but for a stray space in its tab name says which tab to rename', () => {
    const parts = unzipBytes(readFileSync(EXAMPLE));
    const wb = new TextDecoder().decode(parts['xl/workbook.xml']);
    parts['xl/workbook.xml'] = new TextEncoder().encode(
      wb.replace('name="Đơn vị"', 'name="Đơn vị "'),
    );
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'xephang-n-')), 'dot.xlsx');
    writeFileSync(file, zipOf(parts));
    const r = run(['check', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('trang "Đơn vị " có dấu cách thừa trong tên');
  });
});

describe('xephang template', () => {
  test('writes a campaign workbook that check accepts, with unit columns and blank scores', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xephang-tpl-'));
    const file = path.join(dir, 'moi.xlsx');
    expect(run(['template', '-o', file, '--units', '12']).code).toBe(0);
    const grid = sheetsOf(file, [S.appraised])[S.appraised];
    expect(grid[0].slice(3)).toHaveLength(12);
    const r = run(['check', file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Hợp lệ: 12 đơn vị');
  });

  test('score cells have drop-downs and number checks, headers are frozen and protected, parent maxima are live sums', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xephang-tpl-'));
    const file = path.join(dir, 'moi.xlsx');
    expect(run(['template', '-o', file, '--units', '3']).code).toBe(0);
    const bytes = readFileSync(file);
    const pkg = readPackage(bytes);
    const parts = unzipBytes(bytes);
    const xmlOf = (sheet: string): string => {
      const names = sheetNames(pkg);
      const n = names.indexOf(sheet);
      const candidates = Object.keys(parts).filter((p) => p.startsWith('xl/worksheets/sheet'));
      // Sheets are written in order: sheet{n+1}.xml.
      const part = candidates.find((p) => p === `xl/worksheets/sheet${n + 1}.xml`) as string;
      return Buffer.from(parts[part]).toString('utf8');
    };
    const scores = xmlOf(S.appraised);
    expect(scores).toContain('<sheetProtection');
    expect(scores).toContain('state="frozen"');
    // Tick rows: a ✓ / ☐ / N/A list; level rows: the list in "Danh mục"; counts: whole numbers.
    expect(scores).toMatch(
      /<dataValidation[^>]*type="list"[^>]*>[\s\S]*?<formula1>"✓,☐,N\/A"<\/formula1>/,
    );
    expect(scores).toContain("'Danh mục'!$A$2:$A$5");
    expect(scores).toMatch(/type="whole"/);
    const criteria = xmlOf(S.criteria);
    expect(criteria).toMatch(/<f>SUM\(C3,C4,C5,C6,C7,C8\)<\/f>/);
    const lists = readSheets(pkg, [S.lists]).get(S.lists)?.rows;
    expect(lists?.[0]).toEqual(['1.3']);
    expect(lists?.map((r) => r[0])).toEqual([
      '1.3',
      'Đầy đủ, đúng hạn',
      'Chậm hạn',
      'Không báo cáo',
      'N/A',
    ]);
  });

  test('--example writes a bundled example', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xephang-tpl-'));
    const file = path.join(dir, 'ag.xlsx');
    expect(run(['template', '-o', file, '--example', 'an-giang-2018']).code).toBe(0);
    expect(run(['check', file]).code).toBe(0);
    // an unknown example is a usage error, and the help lists the examples
    const wrong = run(['template', '-o', file, '--example', 'khong-co']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('an-giang-2018');
    expect(run(['--help']).out).toContain('Ví dụ có sẵn: an-giang-2018');
  });
});

describe('progress on long runs', () => {
  test('stages are reported on stderr once a run passes one second, and not before', () => {
    const file = tmpCopy();
    let t = 0;
    let err = '';
    // Each stage "takes" 600 ms: the first ends at 0.6 s (quiet), the next ones after 1 s.
    const code = main(['rank', file], {
      out: () => undefined,
      err: (s) => (err += s + '\n'),
      clock: () => (t += 600) - 600,
    });
    expect(code).toBe(0);
    expect(err).not.toContain('Đã đọc sổ tính');
    expect(err).toContain('[1.2 s] Đã tính điểm, xếp hạng và đề nghị khen thưởng');
    expect(err).toContain('[1.8 s] Đã ghi kết quả');
  });
});

describe('--timings', () => {
  test('prints each stage, the whole command and Node start-up; quiet without the flag', () => {
    const file = tmpCopy();
    const runWith = (args: string[]): string => {
      let t = 1000;
      let err = '';
      const code = main(args, {
        out: () => undefined,
        err: (s) => (err += s + '\n'),
        // every clock reading is 10 ms after the previous one
        clock: () => (t += 10) - 10,
        uptime: () => 1234,
      });
      expect(code).toBe(0);
      return err;
    };
    // start 1000, read 1010, evaluated 1020, written 1030, end 1040; uptime 1234 - 40 = 1194
    expect(runWith(['rank', file, '--quiet', '--timings'])).toContain(
      'Thời gian: đọc 10 ms · tính 10 ms · ghi 10 ms · cả lệnh 40 ms (Node khởi động trước đó 1194 ms)',
    );
    expect(runWith(['check', file, '--timings'])).toMatch(
      /Thời gian: đọc 10 ms · tính 10 ms · cả lệnh 30 ms/,
    );
    expect(runWith(['rank', file, '--quiet'])).not.toContain('Thời gian');
  });
});

describe('the example workbooks', () => {
  test('are exactly what examples/generate.ts makes from the example campaigns', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { WORKBOOKS } = require('../../examples/generate');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { inputSheets } = require('../../shared');
    for (const [name, spec] of Object.entries(WORKBOOKS)) {
      const committed = readSheets(
        readPackage(readFileSync(path.resolve(__dirname, `../../examples/${name}.xlsx`))),
        Object.values(S),
      );
      for (const block of inputSheets(spec)) {
        const rows = committed.get(block.name)?.rows ?? [];
        const expected = block.rows.map((r: unknown[]) => {
          const copy = r.map((v) => (v === undefined || v === '' ? null : v));
          while (copy.length && copy[copy.length - 1] === null) copy.pop();
          return copy;
        });
        while (expected.length && expected[expected.length - 1].length === 0) expected.pop();
        expect([name, block.name, rows]).toEqual([name, block.name, expected]);
      }
    }
  });
});
