/**
 * `xephang forms` and `xephang merge` on real .xlsx files: one form per unit, locked but for the
 * three answer columns, with a check on every score cell; filled forms merged back rank the same
 * as the typed campaign; a foreign form leaves the campaign file byte-identical and exits 1.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { anGiang2018 } from '../../examples/an-giang-2018';
import { main } from '../../cli/main';
import { buildWorkbook, readPackage, readSheets } from '../../xlsx';
import { FORM_ROWS } from '../../shared/forms/form';
import { inputSheets } from '../../shared/workbook/inputs';
import { vi } from '../../shared/i18n/vi';
import type { CellValue } from '../../shared/model/types';
import { unzipBytes } from '../xlsx/helpers';
import { fillFormRows } from '../hosts/fillForm';

const EXAMPLE = path.resolve(__dirname, '../../examples/an-giang-2018.xlsx');
const S = vi.workbook.sheets;
const F = vi.forms;
const NOW = new Date(2026, 10, 25, 9, 30, 0);

function run(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, {
    out: (t) => (out += t + '\n'),
    err: (t) => (err += t + '\n'),
    now: () => NOW,
  });
  return { code, out, err };
}

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
