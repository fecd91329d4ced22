/**
 * `xephang forms` and `xephang merge` on real .xlsx files: one form per unit, locked but for the
 * three answer columns, with a check on every score cell; filled forms merged back rank the same
 * as the typed campaign; a foreign form leaves the campaign file byte-identical and exits 1.
 */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'fs';
import os from 'os';
import path from 'path';
import { anGiang2018 } from '../../examples/an-giang-2018';
import { runMain, type CliRun } from './runMain';
import { buildWorkbook, readPackage, readSheets } from '../../xlsx';
import { FORM_COLS, FORM_ROWS } from '../../shared/forms/form';
import { inputSheets } from '../../shared/workbook/inputs';
import { vi } from '../../shared/i18n/vi';
import type { CampaignSpec, CellValue } from '../../shared/model/types';
import { unzipBytes } from '../xlsx/helpers';
import { fillFormRows } from '../hosts/fillForm';

const EXAMPLE = path.resolve(__dirname, '../../examples/an-giang-2018.xlsx');
const S = vi.workbook.sheets;
const F = vi.forms;
const NOW = new Date(2026, 10, 25, 9, 30, 0);

const run = (args: string[]): CliRun => runMain(args, NOW);

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'xephang-forms-'));
const sheet = (file: string, name: string): CellValue[][] =>
  readSheets(readPackage(readFileSync(file)), [name]).get(name)?.rows ?? [];

/** What a unit does in Excel: open its form, type its scores, evidence, save. */
function fill(formFile: string): void {
  const rows = sheet(formFile, F.sheet).map((r) => [...r]);
  fillFormRows(rows);
  writeFileSync(formFile, buildWorkbook([{ name: F.sheet, rows }]));
}

describe('xephang forms', () => {
  const dir = tmp();
  const result = run(['forms', EXAMPLE, '-o', dir]);
  const files = readdirSync(dir).sort();

  it('writes one form per unit, named by its code', () => {
    expect(result.code).toBe(0);
    expect(files).toEqual(anGiang2018.units.map((u) => `${u.id}.xlsx`).sort());
  });

  it('carries the campaign, the unit and the criteria fingerprint; locks all but the answers', () => {
    const file = path.join(dir, `${anGiang2018.units[0].id}.xlsx`);
    const rows = sheet(file, F.sheet);
    expect(rows[FORM_ROWS.campaignId]).toEqual([F.campaignId, anGiang2018.id]);
    expect(rows[FORM_ROWS.unitCode]).toEqual([F.unitCode, anGiang2018.units[0].id]);
    expect(String(rows[FORM_ROWS.fingerprint][1])).toMatch(/^[0-9A-F]{16}$/);
    const xml = new TextDecoder().decode(
      unzipBytes(readFileSync(file))['xl/worksheets/sheet1.xml'],
    );
    expect(xml).toContain('<sheetProtection');
    // One check per leaf criterion the unit answers.
    expect((xml.match(/<dataValidation /g) ?? []).length).toBeGreaterThanOrEqual(11);
  });
});

describe('xephang merge', () => {
  it('filled forms merged into a blank campaign rank like the typed one', () => {
    const dir = tmp();
    expect(run(['forms', EXAMPLE, '-o', dir]).code).toBe(0);
    const forms = readdirSync(dir).map((f) => path.join(dir, f));
    forms.forEach(fill);
    // The campaign as the Department has it before the forms return: no self score yet.
    const campaign = path.join(tmp(), 'dot.xlsx');
    const blank = { ...anGiang2018, units: anGiang2018.units.map((u) => ({ ...u, self: {} })) };
    writeFileSync(campaign, buildWorkbook(inputSheets(blank)));
    expect(sheet(campaign, S.self)).not.toEqual(sheet(EXAMPLE, S.self));
    const merged = run(['merge', campaign, ...forms]);
    expect(merged.code).toBe(0);
    expect(merged.out).toContain('16 phiếu');
    // Merged self scores equal the example's typed ones, cell for cell.
    expect(sheet(campaign, S.self)).toEqual(sheet(EXAMPLE, S.self));
    expect(sheet(campaign, F.explanations).length).toBeGreaterThan(16 * 10);
    const ranked = path.join(tmp(), 'ket-qua.xlsx');
    expect(run(['rank', campaign, '-o', ranked]).code).toBe(0);
    const typed = path.join(tmp(), 'ket-qua.xlsx');
    expect(run(['rank', EXAMPLE, '-o', typed]).code).toBe(0);
    expect(sheet(ranked, S.results)).toEqual(sheet(typed, S.results));
  });

  it('a foreign form: exit 1, the campaign file byte-identical', () => {
    const dir = tmp();
    run(['forms', EXAMPLE, '-o', dir]);
    const form = path.join(dir, readdirSync(dir)[0]);
    const rows = sheet(form, F.sheet).map((r) => [...r]);
    rows[FORM_ROWS.campaignId][1] = 'cchc-2017';
    writeFileSync(form, buildWorkbook([{ name: F.sheet, rows }]));
    const campaign = path.join(tmp(), 'dot.xlsx');
    copyFileSync(EXAMPLE, campaign);
    const before = readFileSync(campaign);
    const result = run(['merge', campaign, form]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(new RegExp(`${path.basename(form)} › Phiếu tự chấm\\s*\\|\\s*B2 `));
    expect(readFileSync(campaign).equals(before)).toBe(true);
  });

  it('wrong usage exits 2', () => {
    expect(run(['merge', EXAMPLE]).code).toBe(2);
    expect(run(['forms', EXAMPLE]).code).toBe(2);
  });
});

/** The campaign of `spec` as a workbook file in a fresh folder. */
function campaignFile(spec: CampaignSpec): string {
  const file = path.join(tmp(), 'dot.xlsx');
  writeFileSync(file, buildWorkbook(inputSheets(spec)));
  return file;
}

/** Rewrites a form file's "Phiếu tự chấm" after `edit`. */
function editForm(file: string, edit: (rows: CellValue[][]) => void): void {
  const rows = sheet(file, F.sheet).map((r) => [...r]);
  edit(rows);
  writeFileSync(file, buildWorkbook([{ name: F.sheet, rows }]));
}

const rowOfCode = (rows: CellValue[][], code: string): number =>
  rows.findIndex((r, i) => i > FORM_ROWS.header && r[FORM_COLS.code] === code);

describe('form file names (issue 20)', () => {
  it('"S#1" and "S$1": 16 forms reported, 16 written, and both merge back to their unit', () => {
    const rename = (id: string): string => (id === 'STP' ? 'S#1' : id === 'STC' ? 'S$1' : id);
    const spec: CampaignSpec = {
      ...anGiang2018,
      units: anGiang2018.units.map((u) => ({ ...u, id: rename(u.id) })),
    };
    const blank = { ...spec, units: spec.units.map((u) => ({ ...u, self: {} })) };
    const campaign = campaignFile(blank);
    const dir = tmp();
    const made = run(['forms', campaign, '-o', dir]);
    expect(made.code).toBe(0);
    expect(made.out).toContain('Đã tạo 16 phiếu');
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(16);
    expect(files.filter((f) => f.startsWith('S_1'))).toEqual([
      expect.stringMatching(/^S_1-[0-9a-f]{8}\.xlsx$/),
      expect.stringMatching(/^S_1-[0-9a-f]{8}\.xlsx$/),
    ]);
    const forms = files.map((f) => path.join(dir, f));
    for (const form of forms) editForm(form, (rows) => fillFormRows(rows, spec));
    const merged = run(['merge', campaign, ...forms]);
    expect(merged.code).toBe(0);
    expect(merged.out).toContain('Đã gộp 16 phiếu của 16 đơn vị');
    // Both units' scores are in "Tự chấm", each in its own column.
    expect(sheet(campaign, S.self)).toEqual(sheet(campaignFile(spec), S.self));
  });
});

describe('repeated unit codes (issue 20)', () => {
  it('a code twice in "Đơn vị": exit 1 at its cell, no form written', () => {
    const spec: CampaignSpec = {
      ...anGiang2018,
      units: anGiang2018.units.map((u, i) => (i === 2 ? { ...u, id: 'STP' } : u)),
    };
    const out = path.join(tmp(), 'phieu');
    const made = run(['forms', campaignFile(spec), '-o', out]);
    expect(made.code).toBe(1);
    expect(made.err).toMatch(/Đơn vị\s*\|\s*A4\s*\|\s*Mã đơn vị "STP" bị trùng\./);
    expect(made.err).not.toMatch(/\bat .*\.ts:\d+/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

describe('nothing lost in a merge (issue 20)', () => {
  it('forms carry the self scores the workbook holds', () => {
    const dir = tmp();
    expect(run(['forms', EXAMPLE, '-o', dir]).code).toBe(0);
    const unit = anGiang2018.units[4];
    const rows = sheet(path.join(dir, `${unit.id}.xlsx`), F.sheet);
    const self = sheet(EXAMPLE, S.self);
    const col = self[0].indexOf(unit.id);
    let compared = 0;
    for (const row of self.slice(1)) {
      const r = rowOfCode(rows, String(row[0]));
      if (r < 0) continue;
      expect(rows[r][FORM_COLS.score] ?? null).toEqual(row[col] === '' ? null : (row[col] ?? null));
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(10);
  });

  it('forms → merge straight back: "Tự chấm" unchanged cell for cell, the same ranking', () => {
    const campaign = path.join(tmp(), 'dot.xlsx');
    copyFileSync(EXAMPLE, campaign);
    const dir = tmp();
    expect(run(['forms', campaign, '-o', dir]).code).toBe(0);
    const forms = readdirSync(dir).map((f) => path.join(dir, f));
    const merged = run(['merge', campaign, ...forms]);
    expect(merged.code).toBe(0);
    expect(merged.out).toContain('Đã gộp 16 phiếu của 16 đơn vị');
    expect(merged.out).not.toContain('Thay ');
    expect(sheet(campaign, S.self)).toEqual(sheet(EXAMPLE, S.self));
    const after = path.join(tmp(), 'ket-qua.xlsx');
    const before = path.join(tmp(), 'ket-qua.xlsx');
    expect(run(['rank', campaign, '-o', after]).code).toBe(0);
    expect(run(['rank', EXAMPLE, '-o', before]).code).toBe(0);
    expect(sheet(after, S.results)).toEqual(sheet(before, S.results));
  });

  it('empty forms wipe nothing: reported and counted apart', () => {
    // Forms made before any self score was typed, sent back as they came.
    const dir = tmp();
    const blank = { ...anGiang2018, units: anGiang2018.units.map((u) => ({ ...u, self: {} })) };
    expect(run(['forms', campaignFile(blank), '-o', dir]).code).toBe(0);
    const forms = readdirSync(dir).map((f) => path.join(dir, f));
    const campaign = path.join(tmp(), 'dot.xlsx');
    copyFileSync(EXAMPLE, campaign);
    const merged = run(['merge', campaign, ...forms]);
    expect(merged.code).toBe(0);
    expect(merged.out).toContain('Đã gộp 0 phiếu của 0 đơn vị');
    expect(merged.out).toContain('16 phiếu trống — giữ nguyên điểm đã có');
    expect(sheet(campaign, S.self)).toEqual(sheet(EXAMPLE, S.self));
    expect(run(['rank', campaign, '-o', path.join(tmp(), 'o.xlsx')]).code).toBe(0);
  });

  it('a replaced score: the summary counts it, "Nhật ký" keeps the old value', () => {
    const campaign = path.join(tmp(), 'dot.xlsx');
    copyFileSync(EXAMPLE, campaign);
    const dir = tmp();
    expect(run(['forms', campaign, '-o', dir]).code).toBe(0);
    const unit = anGiang2018.units[0].id;
    const old = anGiang2018.units[0].self?.['1.1.2'];
    const form = path.join(dir, `${unit}.xlsx`);
    editForm(form, (rows) => {
      const r = rowOfCode(rows, '1.1.2');
      rows[r][FORM_COLS.score] = 70;
      rows[r][FORM_COLS.evidence] = 'Báo cáo số 5';
      // Another score cleared: kept, and listed.
      rows[rowOfCode(rows, '2.1')][FORM_COLS.score] = null;
    });
    const merged = run(['merge', campaign, form]);
    expect(merged.code).toBe(0);
    expect(merged.out).toContain(
      `Thay 1 ô điểm đã có của 1 đơn vị (điểm cũ ghi ở trang tính "Nhật ký"): ${unit} 1 ô.`,
    );
    expect(merged.out).toContain(`giữ nguyên điểm đã có (1 đơn vị): ${unit} 1 ô (2.1).`);
    const self = sheet(campaign, S.self);
    const col = self[0].indexOf(unit);
    expect(self.find((r) => r[0] === '1.1.2')?.[col]).toBe(70);
    expect(self.find((r) => r[0] === '2.1')?.[col]).toBe(anGiang2018.units[0].self?.['2.1']);
    const log = sheet(campaign, S.log);
    expect(String(log.at(-1)?.[6])).toContain(`1.1.2 (D3): ${old} → 70`);
  });
});
