/**
 * Issue 16, through the command line on real .xlsx files: "Đối chiếu" of a campaign without self
 * scores, the complete template, and what docs/workbook-format.md promises hand-written workbooks.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { vi, type CampaignSpec, type CellValue } from '../../shared';
import { main } from '../../cli/main';
import { inputSheets } from '../../shared/workbook/inputs';
import { buildWorkbook, readPackage, readSheets } from '../../xlsx';

const S = vi.workbook.sheets;

function run(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, {
    out: (t) => (out += t + '\n'),
    err: (t) => (err += t + '\n'),
    now: () => new Date(2026, 10, 25, 9, 30, 0),
  });
  return { code, out, err };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'xephang-i16-'));
let files = 0;

/** Writes the sheets to a new .xlsx and returns its path. */
function workbook(sheets: { name: string; rows: (CellValue | undefined)[][] }[]): string {
  const file = path.join(dir, `dot-${++files}.xlsx`);
  writeFileSync(file, buildWorkbook(sheets.map((s) => ({ ...s, rows: s.rows as CellValue[][] }))));
  return file;
}

function sheetsOf(file: string, names: string[]): Record<string, CellValue[][]> {
  const read = readSheets(readPackage(readFileSync(file)), names);
  return Object.fromEntries(names.map((n) => [n, (read.get(n)?.rows ?? []) as CellValue[][]]));
}

/** Two units of one block, three tick leaves of 10 points; appraised scores only. */
function appraisedOnly(): CampaignSpec {
  return {
    id: 'khong-tu-cham',
    name: 'Không tự chấm',
    year: 2026,
    blocks: [{ id: 'so', name: 'Khối sở' }],
    criteria: [
      {
        code: '1',
        name: 'Lĩnh vực 1',
        max: 30,
        children: [
          { code: '1.1', name: 'Kế hoạch', max: 10, rule: { kind: 'tick' } },
          { code: '1.2', name: 'Báo cáo', max: 10, rule: { kind: 'tick' } },
          { code: '1.3', name: 'Công khai', max: 10, rule: { kind: 'tick' } },
        ],
      },
    ],
    units: [
      { id: 'A', name: 'Sở A', block: 'so', appraised: { '1.1': 'x', '1.2': 'x', '1.3': 'N/A' } },
      { id: 'B', name: 'Sở B', block: 'so', appraised: { '1.1': 'x', '1.2': '', '1.3': 'x' } },
    ],
  };
}

describe('"Đối chiếu" without self scores', () => {
  const check = (file: string): void => {
    const r = run(['rank', file]);
    expect(r.code).toBe(0);
    const rows = sheetsOf(file, [S.reconciliation])[S.reconciliation];
    expect(rows[0]).toEqual([vi.templateNotes.noSelfScores]);
    expect(rows[1].slice(5, 8)).toEqual(['Điểm tự chấm', 'Điểm thẩm định', 'Chênh lệch']);
    // No self score and no difference on any row, the N/A row and the totals included.
    const body = rows.slice(2);
    expect(body.map((row) => [row[0], row[2] ?? row[3], row[5] ?? null, row[7] ?? null])).toEqual([
      ['A', '1.1', null, null],
      ['A', '1.2', null, null],
      ['A', '1.3', null, null],
      ['A', 'Tổng cộng', null, null],
      ['B', '1.1', null, null],
      ['B', '1.2', null, null],
      ['B', '1.3', null, null],
      ['B', 'Tổng cộng', null, null],
    ]);
    expect(body.map((row) => row[6] ?? null)).toEqual([10, 10, null, 20, 10, 0, 10, 20]);
  };

  test('no "Tự chấm" sheet', () => {
    check(workbook(inputSheets(appraisedOnly()).filter((s) => s.name !== S.self)));
  });

  test('an empty "Tự chấm" (its criteria and unit columns, no score)', () => {
    const sheets = inputSheets(appraisedOnly());
    expect(sheets.some((s) => s.name === S.self)).toBe(true);
    check(workbook(sheets));
  });
});
