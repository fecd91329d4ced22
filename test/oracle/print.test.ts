/**
 * The CLI's output sheets as LibreOffice prints them (issue 15), in one soffice run to PDF:
 *
 * - the ranked An Giang 2018 workbook (examples/an-giang-2018.xlsx through the CLI's rank):
 *   "Kết quả" fits ONE page wide — before the report layout it printed as 8 column strips.
 *   Converting a workbook prints every sheet, so a copy with every other sheet hidden is
 *   converted (LibreOffice prints no hidden sheet): each page must hold the header row's first
 *   and last column (the header is repeated on every page), and every unit's name appears;
 * - a hand-built report sheet with a chart: the chart's title (in no cell) is in the PDF's
 *   text, so LibreOffice read the chart part and drew it.
 *
 * Skipped, with a note, where `soffice` is not on PATH (CI installs it); pdfinfo and pdftotext
 * come with poppler-utils.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { freshProfile, onlySheet, removeProfile, sofficeOnPath } from '../../bench/soffice';
import { runWorkbook } from '../../cli/workbook';
import { vi } from '../../shared/i18n/vi';
import { buildWorkbook, readPackage, readSheets } from '../../xlsx';
import { reportSheet } from '../xlsx/reportSheet';

const RESULTS = vi.workbook.sheets.results;
const CHART_TITLE = 'Biểu đồ thử: chỉ số theo khối';

const soffice = sofficeOnPath();
if (!soffice) {
  console.warn(
    'test/oracle/print.test.ts: soffice is not on PATH, so the print checks are skipped.',
  );
}
const maybe = soffice ? describe : describe.skip;

maybe('printed by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xephang-print-'));
  const profile = freshProfile();
  let ranked: Uint8Array;
  const pdf: Record<string, { pages: number; text: string[] }> = {};

  beforeAll(() => {
    const out = join(dir, 'ranked.xlsx');
    const run = runWorkbook(join(__dirname, '../../examples/an-giang-2018.xlsx'), {
      write: true,
      outPath: out,
      now: new Date(2026, 10, 25, 9, 30),
    });
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    ranked = readFileSync(out);
    const inputs = [join(dir, 'ket-qua.xlsx'), join(dir, 'chart.xlsx')];
    writeFileSync(inputs[0], onlySheet(ranked, RESULTS));
    writeFileSync(
      inputs[1],
      buildWorkbook([{ ...reportSheet(), chart: { ...reportSheet().chart!, title: CHART_TITLE } }]),
    );
    const convert = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        join(dir, 'pdf'),
        ...inputs,
      ],
      { timeout: 90_000, encoding: 'utf8' },
    );
    for (const input of inputs) {
      const file = join(dir, 'pdf', basename(input).replace(/\.xlsx$/, '.pdf'));
      if (!existsSync(file)) throw new Error(`soffice made no ${file}: ${convert.stderr}`);
      const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
      pdf[basename(input)] = {
        pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
        text: text.split('\f').filter((page) => page.trim() !== ''),
      };
    }
  }, 100_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    removeProfile(profile);
  });

  test('An Giang 2018: the written "Kết quả" carries the print set-up', () => {
    const files = unzipSync(ranked);
    const wb = strFromU8(files['xl/workbook.xml']);
    expect(wb).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="\d+">'Kết quả'!\$\d+:\$\d+</,
    );
    const pkg = readPackage(ranked);
    for (const name of [RESULTS, vi.workbook.sheets.proposals]) {
      const path = pkg.sheets.find((s) => s.name === name)?.path ?? '';
      expect(strFromU8(files[path])).toContain(
        '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
      );
    }
  });

  test('An Giang 2018: "Kết quả" prints one page wide, its header on every page', () => {
    const { pages, text } = pdf['ket-qua.xlsx'];
    const rows = readSheets(readPackage(ranked), [RESULTS]).get(RESULTS)?.rows ?? [];
    const header = rows.find((r) => r.includes(vi.report.stt)) ?? [];
    const nameCol = header.indexOf(vi.report.unitName);
    const last = String(header[header.length - 1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    // 8 column strips before; a page per strip is gone, and no page lacks a side of the table
    expect(pages).toBeLessThan(8);
    expect(text).toHaveLength(pages);
    for (const page of text) {
      expect(page).toContain(vi.report.stt);
      expect(page).toContain(last.split(/\s+/)[0]);
      expect(page).toContain('Trang');
    }
    const all = text.join('\n').replace(/\s+/g, ' ');
    const names = rows
      .filter((r) => typeof r[0] === 'number' && typeof r[nameCol] === 'string')
      .map((r) => String(r[nameCol]));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(all).toContain(name.split(/\s+/).slice(0, 2).join(' '));
  });

  test('the chart part is read and drawn: its title is in the PDF', () => {
    const { text } = pdf['chart.xlsx'];
    expect(text.join('\n')).toContain(CHART_TITLE);
  });
});
