/**
 * The Word appendix through LibreOffice (issue 15, "Proof"): `xephang report` on the An Giang
 * 2018 example, converted to PDF by soffice, and pdftotext reads every unit's name, index (with
 * the decimal comma) and rank off the pages of Phụ lục I — each column cropped from the page by
 * the document's own grid, so that a name wrapped over two lines still reads whole, and the
 * columns read in the order of the ranked results.
 *
 * Skipped, with a note, where `soffice` is not on PATH (CI installs libreoffice-writer-nogui).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freshProfile, removeProfile, sofficeOnPath } from '../../bench/soffice';
import { runWorkbook } from '../../cli/workbook';
import { MARGINS } from '../../docx/layout';
import { resultTables, vi } from '../../shared';
import { displayValue } from '../../shared/report/display';
import { runMainAsync } from '../cli/runMain';
import { docxParts, tableCells, tablesXml } from './docxXml';

const EXAMPLE = resolve(__dirname, '../../examples/an-giang-2018.xlsx');
const R = vi.report;

const soffice = sofficeOnPath();
if (!soffice) {
  console.warn(
    'test/docx/libreoffice.test.ts: soffice is not on PATH, so the Word appendix is not converted to PDF.',
  );
}

function run(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`${command} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

(soffice ? describe : describe.skip)('the An Giang 2018 appendix as a PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xephang-docx-pdf-'));
  const docx = join(dir, 'bao-cao.docx');
  const pdf = join(dir, 'bao-cao.pdf');
  /** The first page of Phụ lục II: the crops stop before it. */
  let lastPage = 0;
  let pages = 0;
  let grid: number[] = [];
  let header: string[] = [];

  beforeAll(async () => {
    expect((await runMainAsync(['report', EXAMPLE, '-o', docx])).code).toBe(0);
    const profile = freshProfile();
    try {
      run('soffice', [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        docx,
      ]);
    } finally {
      removeProfile(profile);
    }
    expect(existsSync(pdf)).toBe(true);
    pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))?.[1]);
    lastPage = pages;
    for (let p = 1; p <= pages; p++) {
      const text = run('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-']);
      if (text.includes('PHỤ LỤC II')) {
        lastPage = p - 1;
        break;
      }
    }
    // the first results table's grid (the results tables of an appendix share one)
    const document = docxParts(readFileSync(docx))['word/document.xml'];
    const table = tablesXml(document).find((t) => tableCells(t)[0]?.includes(R.index))!;
    grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
    header = tableCells(table)[0];
  }, 240_000);

  /** The text of one column of the results tables over the pages of Phụ lục I, words spaced. */
  function column(name: string): string {
    const c = header.indexOf(name);
    expect(c).toBeGreaterThanOrEqual(0);
    const left = (MARGINS.left + grid.slice(0, c).reduce((a, b) => a + b, 0)) / 20;
    const width = grid[c] / 20;
    const text = run('pdftotext', [
      '-f',
      '1',
      '-l',
      String(lastPage),
      '-x',
      String(Math.ceil(left + 1)),
      '-y',
      '0',
      '-W',
      String(Math.floor(width - 2)),
      '-H',
      '600',
      '-layout',
      pdf,
      '-',
    ]);
    // what stands above the first table (the headings of the appendix) is not the column's
    const spaced = text.replace(/\s+/g, ' ');
    const first = spaced.indexOf(name.split(' ')[0]);
    return first < 0 ? spaced : ' ' + spaced.slice(first);
  }

  const outcome = runWorkbook(EXAMPLE, { write: false });
  if (!outcome.ok) throw new Error('the example does not rank');
  const tables = resultTables(outcome.evaluation);
  const at = (h: string): number => tables[0].header.indexOf(h);
  const units = tables.flatMap((t) =>
    t.rows.map((row) => ({
      name: String(row[at(R.unitName)]),
      index: displayValue(row[at(R.index)], t.formats[at(R.index)]),
      rank: displayValue(row[at(R.rank)], t.formats[at(R.rank)]),
    })),
  );

  test('Phụ lục I is on its own pages, Phụ lục II after it', () => {
    expect(units.length).toBe(16);
    expect(lastPage).toBeGreaterThan(0);
    expect(lastPage).toBeLessThan(pages);
  });

  test('every unit’s name, whole, in the name column', () => {
    const names = column(R.unitName);
    for (const u of units) expect(names).toContain(` ${u.name} `);
  });

  test('every unit’s index, with the decimal comma, in order; every rank in order', () => {
    const indexes = column(R.index)
      .split(' ')
      .filter((w) => /^\d+,\d+$/.test(w));
    expect(indexes).toEqual(units.map((u) => u.index));
    expect(indexes.every((i) => i.includes(','))).toBe(true);
    const ranks = column(R.rank)
      .split(' ')
      .filter((w) => /^\d+$/.test(w));
    expect(ranks).toEqual(units.map((u) => u.rank));
  });
});
