/**
 * `xephang report <workbook.xlsx> -o <report.docx>` (issue 15): the Word appendix of a ranked
 * workbook. The workbook is ranked in memory as `rank` ranks it and never written; refusals are
 * rank's (the same messages and exit codes) and write nothing; and THE SAME NUMBERS: the
 * document's tables say what "Kết quả" and "Đề nghị khen thưởng" say, unit by unit and cell by
 * cell, read back from the .xlsx that `rank` writes.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from '../../shared/i18n/vi';
import type { CellValue } from '../../shared/model/types';
import { buildWorkbook, readPackage, readSheets } from '../../xlsx';
import { docxParts, tableCells, tablesXml } from '../docx/docxXml';
import { runMain, runMainAsync } from './runMain';

const EXAMPLE = path.resolve(__dirname, '../../examples/an-giang-2018.xlsx');
const S = vi.workbook.sheets;
const R = vi.report;
const WR = vi.wordReport.cli;
/** The unit code column, where the sheets have one (issue 15 adds it). */
const CODE = vi.reconciliation.unitCode;
const NAMES: string[] = [R.unitName, vi.awards.header.unit];

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'xephang-report-'));

function copyOfExample(dir: string): string {
  const file = path.join(dir, 'dot-thi-dua.xlsx');
  writeFileSync(file, readFileSync(EXAMPLE));
  return file;
}

/** A table read back: its header and its data rows. */
interface Read {
  header: string[];
  rows: CellValue[][];
}

/**
 * The published tables of a sheet: each header row holding "Chỉ số (%)" and "Xếp hạng", and
 * the rows under it up to a blank row.
 */
function sheetTables(rows: CellValue[][]): Read[] {
  const out: Read[] = [];
  for (let r = 0; r < rows.length; r++) {
    const header = rows[r].map((v) => (v === null || v === undefined ? '' : String(v)));
    if (!header.includes(R.index) || !header.includes(R.rank)) continue;
    const data: CellValue[][] = [];
    for (r++; r < rows.length && rows[r].some((v) => v !== null && v !== ''); r++) {
      data.push(header.map((_, c) => rows[r][c] ?? null));
    }
    out.push({ header, rows: data });
  }
  return out;
}

/** The key a unit is matched by: its code where the table has the column, else its name. */
function keyColumn(header: string[]): number {
  const code = header.indexOf(CODE);
  return code >= 0 ? code : header.findIndex((h) => NAMES.includes(h));
}

/** The docx's printed number as a number: "96,53" → 96.53; "" → null. */
function printedNumber(text: string): number | null {
  if (text === '') return null;
  expect(text).toMatch(/^-?\d+(,\d+)?$/);
  return Number(text.replace(',', '.'));
}

describe('xephang report on the An Giang 2018 example', () => {
  const dir = tmp();
  const input = copyOfExample(dir);
  const before = readFileSync(input);
  const docx = path.join(dir, 'bao-cao.docx');
  const ranked = path.join(dir, 'ket-qua.xlsx');
  let report: Awaited<ReturnType<typeof runMainAsync>>;
  let rank: ReturnType<typeof runMain>;
  let tables: string[][][];
  let sheets: Read[];

  beforeAll(async () => {
    report = await runMainAsync(['report', input, '-o', docx]);
    rank = runMain(['rank', input, '-o', ranked, '--quiet']);
    const document = docxParts(readFileSync(docx))['word/document.xml'];
    tables = tablesXml(document)
      .map(tableCells)
      .filter((t) => t[0]?.includes(R.index));
    const read = readSheets(readPackage(readFileSync(ranked)), [S.results, S.proposals]);
    sheets = [
      ...sheetTables((read.get(S.results)?.rows ?? []) as CellValue[][]),
      ...sheetTables((read.get(S.proposals)?.rows ?? []) as CellValue[][]),
    ];
  });

  test('writes the .docx (exit 0) and says where; the workbook is not written', () => {
    expect(report.code).toBe(0);
    expect(report.out).toContain(vi.wordReport.cli.written.replace('{file}', docx));
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(input).equals(before)).toBe(true);
    // no stray temporary file beside it
    expect(existsSync(path.join(dir, '.~lock.bao-cao.docx#'))).toBe(false);
  });

  test('THE SAME NUMBERS: every unit’s index and rank in the docx equal the sheets’', () => {
    expect(rank.code).toBe(0);
    // two blocks of results and the proposals
    expect(sheets.length).toBe(3);
    expect(tables.length).toBe(sheets.length);
    let units = 0;
    sheets.forEach((sheet, t) => {
      const [header, ...rows] = tables[t];
      expect(header).toEqual(sheet.header);
      const key = keyColumn(header);
      const index = header.indexOf(R.index);
      const rankCol = header.indexOf(R.rank);
      expect(key).toBeGreaterThanOrEqual(0);
      const fromSheet = new Map(sheet.rows.map((r) => [`${r[0]}|${r[key]}`, r]));
      const fromDocx = new Map(rows.map((r) => [`${r[0]}|${r[key]}`, r]));
      expect([...fromDocx.keys()]).toEqual([...fromSheet.keys()]);
      for (const [k, s] of fromSheet) {
        const d = fromDocx.get(k)!;
        expect([k, printedNumber(d[index])]).toEqual([k, s[index]]);
        expect([k, printedNumber(d[rankCol])]).toEqual([k, s[rankCol]]);
        if (typeof s[index] === 'number') expect(d[index]).toMatch(/^\d+,\d\d$/);
        units++;
      }
    });
    expect(units).toBeGreaterThanOrEqual(16);
  });

  test('and every other cell: the same text, numbers with the decimal comma', () => {
    sheets.forEach((sheet, t) => {
      const rows = tables[t].slice(1);
      expect(rows.length).toBe(sheet.rows.length);
      sheet.rows.forEach((row, r) =>
        row.forEach((value, c) => {
          const text = rows[r][c];
          if (typeof value === 'number') expect(printedNumber(text)).toBe(value);
          else expect(text).toBe(value === null ? '' : String(value));
        }),
      );
    });
  });
});

describe('refusals: as rank’s, and nothing written', () => {
  test('usage: no output, or an output that is not .docx (exit 2)', async () => {
    const dir = tmp();
    const input = copyOfExample(dir);
    const none = await runMainAsync(['report', input]);
    expect(none.code).toBe(2);
    expect(none.err).toContain(WR.missingOutput);
    const xlsx = path.join(dir, 'ra.xlsx');
    const wrong = await runMainAsync(['report', input, '-o', xlsx]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain(WR.notDocx.replace('{file}', xlsx));
    expect(existsSync(xlsx)).toBe(false);
    // -o onto the workbook itself: refused the same way, the workbook untouched
    const before = readFileSync(input);
    expect((await runMainAsync(['report', input, '-o', input])).code).toBe(2);
    expect(readFileSync(input).equals(before)).toBe(true);
    const noFile = await runMainAsync(['report', '-o', path.join(dir, 'a.docx')]);
    expect(noFile.code).toBe(2);
    expect(noFile.err).toContain(vi.cli.missingWorkbook);
  });

  test('a missing workbook and an invalid one: rank’s errors and exit code 1', async () => {
    const dir = tmp();
    const invalid = path.join(dir, 'sai.xlsx');
    writeFileSync(invalid, buildWorkbook([{ name: 'Trang 1', rows: [['x']] }]));
    for (const file of [path.join(dir, 'khong-co.xlsx'), invalid]) {
      const out = path.join(dir, 'bao-cao.docx');
      const report = await runMainAsync(['report', file, '-o', out]);
      const rank = runMain(['rank', file, '-o', path.join(dir, 'ra.xlsx')]);
      expect(report.code).toBe(1);
      expect(report.code).toBe(rank.code);
      expect(report.err).toBe(rank.err);
      expect(existsSync(out)).toBe(false);
    }
  });

  test('a document open in LibreOffice (its lock file beside it): exit 1, not replaced', async () => {
    const dir = tmp();
    const input = copyOfExample(dir);
    const out = path.join(dir, 'bao-cao.docx');
    writeFileSync(out, 'old');
    writeFileSync(path.join(dir, '.~lock.bao-cao.docx#'), '');
    const run = await runMainAsync(['report', input, '-o', out]);
    expect(run.code).toBe(1);
    expect(run.err).toContain('LibreOffice');
    expect(readFileSync(out, 'utf8')).toBe('old');
  });

  test('the help lists the command', async () => {
    const help = await runMainAsync(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/xephang report <[^>]+\.xlsx> -o <[^>]+\.docx>/);
  });
});
