/**
 * Criteria tables as provinces publish them, through the command line on real .xlsx files
 * written with the project's writer (issue 16): a table pasted from a decision (roman fields,
 * numbered criteria, a) items, a spacer row, a field header merged across the row, points
 * typed "2,5" as text, a total row) and a flat table (no fields at all), each ranked with the
 * hand-computed totals; and a pasted table with a repeated code, refused with a message at
 * its row.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { strToU8 } from 'fflate';
import { runMain, type CliRun } from './runMain';
import { vi } from '../../shared';
import { buildWorkbook, readPackage, readSheets, type CellValue } from '../../xlsx';
import { unzipBytes, zipOf } from '../xlsx/helpers';
import {
  FLAT_EXPECTED,
  PASTED_EXPECTED,
  PASTED_MERGES,
  flatWorkbook,
  pastedWorkbook,
} from '../shared/workbook/pastedTable';

type SheetRows = Parameters<typeof buildWorkbook>[0][number]['rows'];
const S = vi.workbook.sheets;
const R = vi.report;

const run = (args: string[]): CliRun => runMain(args, new Date(2026, 0, 5, 9, 0, 0));

/** The sheets as an .xlsx, "Tiêu chí" with its merged ranges. */
function xlsxFile(sheets: Record<string, SheetRows>, criteriaMerges: string[] = []): string {
  let bytes = buildWorkbook(Object.entries(sheets).map(([name, rows]) => ({ name, rows })));
  if (criteriaMerges.length) {
    const parts = unzipBytes(bytes);
    // "Tiêu chí" is the second sheet written
    const name = 'xl/worksheets/sheet2.xml';
    const xml = new TextDecoder().decode(parts[name]);
    expect(xml).toContain('Mã tiêu chí');
    const merges = `<mergeCells count="${criteriaMerges.length}">${criteriaMerges
      .map((m) => `<mergeCell ref="${m}"/>`)
      .join('')}</mergeCells>`;
    parts[name] = strToU8(xml.replace('</sheetData>', `</sheetData>${merges}`));
    bytes = zipOf(parts, false, false);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xephang-table-'));
  const file = path.join(dir, 'bang-tieu-chi.xlsx');
  writeFileSync(file, bytes);
  return file;
}

/** "Kết quả" as rows by unit name: field columns, total, index and rank. */
function results(file: string): { header: CellValue[]; byName: Map<string, CellValue[]> } {
  const rows = readSheets(readPackage(readFileSync(file)), [S.results]).get(S.results)?.rows ?? [];
  const h = rows.findIndex((r) => r.includes(R.total));
  const header = rows[h];
  const byName = new Map(rows.slice(h + 1).map((r) => [String(r[2]), r]));
  return { header, byName };
}

function expectResults(
  file: string,
  names: Record<string, string>,
  expected: Record<
    string,
    { fields: readonly number[]; total: number; index: number; rank: number }
  >,
  fieldHeaders: string[],
): void {
  const { header, byName } = results(file);
  const col = (label: string): number => header.indexOf(label);
  const fields = fieldHeaders.map((f) => col(f));
  expect(fields.every((c) => c >= 0)).toBe(true);
  for (const [id, want] of Object.entries(expected)) {
    const row = byName.get(names[id]) as CellValue[];
    expect(fields.map((c) => row[c])).toEqual(want.fields);
    expect(row[col(R.total)]).toBe(want.total);
    expect(row[col(R.index)]).toBe(want.index);
    expect(row[col(R.rank)]).toBe(want.rank);
  }
}

const NAMES = { STP: 'Sở Tư pháp', SNV: 'Sở Nội vụ', SYT: 'Sở Y tế' };

describe('a criteria table pasted from a published decision', () => {
  const file = xlsxFile(pastedWorkbook(), PASTED_MERGES);
  const result = run(['rank', file]);

  test('is read as typed and ranked: exit 0', () => {
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
  });

  test('"Kết quả": a column per roman field, the hand-computed totals', () => {
    expectResults(file, NAMES, PASTED_EXPECTED, [
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH',
      'II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH',
    ]);
  });

  test('"Tiêu chí" is left as pasted', () => {
    const rows = readSheets(readPackage(readFileSync(file)), [S.criteria]).get(S.criteria);
    expect(rows?.rows[6][0]).toBe('a)');
    expect(rows?.merges).toEqual(PASTED_MERGES);
  });
});

describe('a pasted table with "1.1" twice under "II"', () => {
  test('is refused with one message at the repeated row, nothing written', () => {
    const sheets = pastedWorkbook();
    sheets[S.criteria][11][0] = '1'; // "2" typed as "1": II.1 twice
    const file = xlsxFile(sheets, PASTED_MERGES);
    const before = readFileSync(file);
    const r = run(['rank', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('A12');
    expect(r.err).toContain('Mã "1" (mã đầy đủ II.1) đã có ở ô A11');
    expect(Buffer.compare(readFileSync(file), before)).toBe(0);
  });
});

describe('a flat campaign (no fields: every criterion a top-level leaf)', () => {
  const file = xlsxFile(flatWorkbook());
  const result = run(['rank', file]);

  test('is ranked: exit 0', () => {
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
  });

  test('"Kết quả": each top-level criterion is its own field column', () => {
    expectResults(file, NAMES, FLAT_EXPECTED, [
      '1. Ban hành kế hoạch kịp thời',
      '2. Tỷ lệ hồ sơ đúng hạn (%)',
      '3. Báo cáo định kỳ',
      '4. Sáng kiến được công nhận',
    ]);
  });
});
