/**
 * Issue 16, units and awards, through the command line on real .xlsx files: a unit the council
 * does not consider ("Không xét khen thưởng" in "Đơn vị"), runners-up per block, and the layout
 * of "Cấu hình" (a workbook saved before issue 16, without the "Mục | Giá trị" header rows, ranks
 * exactly as the same campaign in the new layout; an unknown key is an error at its own cell).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { anGiang2018 } from '../../examples/an-giang-2018';
import { runMain, type CliRun } from './runMain';
import { vi } from '../../shared/i18n/vi';
import type { CampaignSpec, CellValue } from '../../shared/model/types';
import { inputSheets } from '../../shared/workbook/inputs';
import { buildWorkbook, readPackage, readSheets } from '../../xlsx';

const S = vi.workbook.sheets;
const H = vi.workbook.headers;
const OLD = path.resolve(__dirname, '../fixtures/layout/an-giang-2018-before-16.xlsx');
const EXAMPLE = path.resolve(__dirname, '../../examples/an-giang-2018.xlsx');

const run = (args: string[]): CliRun => runMain(args);

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'xephang-16-'));

function sheet(file: string, name: string): CellValue[][] {
  return (readSheets(readPackage(readFileSync(file)), [name]).get(name)?.rows ??
    []) as CellValue[][];
}

/** The input sheets of `spec`, `edit`ed, as a workbook file; returns its path. */
function workbook(spec: CampaignSpec, edit: (sheets: Record<string, CellValue[][]>) => void) {
  const blocks = inputSheets(spec).map((b) => ({ ...b, rows: b.rows.map((r) => [...r]) }));
  edit(Object.fromEntries(blocks.map((b) => [b.name, b.rows])));
  const file = path.join(tmp(), 'dot.xlsx');
  writeFileSync(file, buildWorkbook(blocks));
  return file;
}

describe('a workbook with a council exclusion and runners-up per block', () => {
  const stp = anGiang2018.units.find((u) => u.id === 'STP');
  const file = workbook(anGiang2018, (s) => {
    const units = s[S.units];
    units[0].push(H.councilExclusion);
    units.find((r) => r[0] === 'STP')![units[0].length - 1] = 'Đang bị thanh tra công vụ';
    const config = s[S.config];
    config.find((r) => r[0] === vi.workbook.settings.runnersUp)![1] = 'so: 2; huyen: 0';
  });
  const baseFile = path.join(tmp(), 'base.xlsx');
  writeFileSync(baseFile, readFileSync(EXAMPLE));
  const base = run(['rank', baseFile]);
  const result = run(['rank', file]);

  test('ranks (exit 0)', () => {
    expect(base.code).toBe(0);
    expect(result.code).toBe(0);
  });

  test('"Kết quả": the excluded unit keeps its row, index and rank; its note is the reason', () => {
    const row = (f: string) => sheet(f, S.results).find((r) => r[2] === stp?.name);
    const before = row(baseFile)!;
    const after = row(file)!;
    // every column but the note is unchanged: still scored and ranked
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after[after.length - 1]).toBe(
      'Không xét khen thưởng: Hội đồng không xét: Đang bị thanh tra công vụ',
    );
  });

  test('"Đề nghị khen thưởng": not proposed, listed with the reason; 2 runners-up in so, none in huyen', () => {
    const rows = sheet(file, S.proposals);
    const label = (r: CellValue[]) => r[0];
    const award = anGiang2018.awards!.awards[0].name;
    expect(rows.filter((r) => label(r) === award && r[3] === stp?.name)).toEqual([]);
    // passDown: the next eligible unit takes the place; as many proposals as before
    const proposed = (f: string) =>
      sheet(f, S.proposals).filter((r) => label(r) === award && r[1] !== null);
    expect(proposed(file)).toHaveLength(proposed(baseFile).length);
    const excluded = rows.filter((r) => label(r) === vi.councilExclusion.proposalsLabel);
    expect(excluded.map((r) => [r[1], r[2], r[3], r[r.length - 1]])).toEqual([
      [1, 'STP', stp?.name, 'Hội đồng không xét: Đang bị thanh tra công vụ'],
    ]);
    const blockName = (id: string) => anGiang2018.blocks.find((b) => b.id === id)?.name;
    const runnersUp = rows.filter((r) => label(r) === vi.awards.runnersUpLabel);
    expect(runnersUp.filter((r) => r[4] === blockName('so'))).toHaveLength(2);
    expect(runnersUp.filter((r) => r[4] === blockName('huyen'))).toEqual([]);
  });
});

describe('"Cấu hình" as saved before issue 16 (no "Mục | Giá trị" rows)', () => {
  test('the fixture has the old layout and the example the new one', () => {
    expect(sheet(OLD, S.config)[1]?.[0]).toBe(vi.workbook.settings.id);
    expect(sheet(EXAMPLE, S.config)[1]).toEqual([H.settingKey, H.settingValue]);
  });

  test('ranks exactly like the same campaign in the new layout', () => {
    const dir = tmp();
    const old = path.join(dir, 'old.xlsx');
    const now = path.join(dir, 'new.xlsx');
    writeFileSync(old, readFileSync(OLD));
    writeFileSync(now, readFileSync(EXAMPLE));
    expect(run(['rank', old]).code).toBe(0);
    expect(run(['rank', now]).code).toBe(0);
    for (const name of [S.results, S.proposals]) {
      expect([name, sheet(old, name)]).toEqual([name, sheet(now, name)]);
    }
  });

  test.each([
    ['old', OLD],
    ['new', EXAMPLE],
  ])(
    'an unknown key in ĐIỀU KIỆN XÉT KHEN is an error at its key cell, column A (%s layout)',
    (_n, source) => {
      const rows = sheet(source, S.config).map((r) => [...r]);
      const r = rows.findIndex((x) => x[0] === vi.workbook.gates.registration);
      rows.splice(r + 1, 0, ['Hạn nộp báo cáo', '2018-04-01']);
      const file = path.join(tmp(), 'dot.xlsx');
      const sheets = [S.config, S.criteria, S.units, S.self, S.appraised, S.survey].map((name) => ({
        name,
        rows: name === S.config ? rows : sheet(source, name),
      }));
      writeFileSync(file, buildWorkbook(sheets));
      const result = run(['check', file]);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(
        new RegExp(`Cấu hình\\s*\\|\\s*A${r + 2}\\s*\\|\\s*Không hiểu thiết lập "Hạn nộp báo cáo"`),
      );
    },
  );
});
