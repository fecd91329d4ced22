/**
 * Self-assessment forms in Excel, on the counting office-js fake: "Tạo phiếu tự chấm" reads the
 * campaign in one sync and hands back a .zip of one form per unit; "Gộp phiếu tự chấm" of the
 * filled forms (real .xlsx files, written by the Node writer) gives the same "Tự chấm" as typing
 * the scores, in at most 3 syncs; a foreign form or a file that is not an .xlsx writes nothing
 * and names the file; a template-protected "Tự chấm" is unprotected for the write and protected
 * again, a password-protected one stops the merge.
 */
import { unzipSync } from 'fflate';
import { anGiang2018 } from '../../examples/an-giang-2018';
import { makeFormsZip, mergeFormFiles, rankWorkbook, type ExcelRun } from '../../addin/excelHost';
import { formFileName } from '../../xlsx/formFiles';
import { buildWorkbook, readPackage, readSheets } from '../../xlsx';
import { criteriaFingerprint, FORM_COLS, FORM_ROWS } from '../../shared/forms/form';
import { vi } from '../../shared/i18n/vi';
import type { CampaignSpec, CellValue } from '../../shared/model/types';
import { inputSheets } from '../../shared/workbook/inputs';
import { readSetup } from '../../shared/workbook/setup';
import { base64ToBytes, bytesToBase64 } from '../../ui/base64';
import type { FormUpload } from '../../ui/bridge';
import { FakeExcel, FakeSheet } from './fakeExcel';
import { fillFormRows } from '../hosts/fillForm';

const S = vi.workbook.sheets;
const F = vi.forms;
const NOW = new Date(2026, 10, 25, 9, 30, 0);
const now = (): Date => NOW;

const fakeOf = (spec: CampaignSpec): FakeExcel =>
  FakeExcel.fromSheets(Object.fromEntries(inputSheets(spec).map((b) => [b.name, b.rows])));
const runOf = (fake: FakeExcel): ExcelRun => fake.run as unknown as ExcelRun;
/** The campaign before the forms come back: no self score yet. */
const blank: CampaignSpec = {
  ...anGiang2018,
  units: anGiang2018.units.map((u) => ({ ...u, self: {} })),
};
const everything = (fake: FakeExcel): string =>
  JSON.stringify(fake.sheets.map((s) => [s.name, s.grid(), s.protected]));

const formRows = (bytes: Uint8Array): CellValue[][] =>
  readSheets(readPackage(bytes), [F.sheet]).get(F.sheet)?.rows ?? [];

/** The forms "Tạo phiếu tự chấm" offers, unzipped: file name → bytes. */
async function madeForms(): Promise<Record<string, Uint8Array>> {
  const { result } = await makeFormsZip(runOf(fakeOf(anGiang2018)), { now });
  if (!result.ok || !result.download) throw new Error('forms');
  return unzipSync(base64ToBytes(result.download.base64));
}

/** What a unit does in Excel: open its form, type its scores and evidence, save. */
function fill(bytes: Uint8Array, edit?: (rows: CellValue[][]) => void): Uint8Array {
  const rows = formRows(bytes).map((r) => [...r]);
  fillFormRows(rows);
  edit?.(rows);
  return buildWorkbook([{ name: F.sheet, rows }]);
}

const upload = (name: string, bytes: Uint8Array): FormUpload => ({
  name,
  base64: bytesToBase64(bytes),
  lastModified: '2018-12-01',
});

async function filledUploads(): Promise<FormUpload[]> {
  const made = await madeForms();
  return Object.entries(made).map(([name, bytes]) => upload(name, fill(bytes)));
}

describe('Tạo phiếu tự chấm', () => {
  it('reads in one sync, writes nothing, and offers one form per unit in a .zip', async () => {
    const fake = fakeOf(anGiang2018);
    const before = everything(fake);
    const { result, syncs } = await makeFormsZip(runOf(fake), { now });
    expect(syncs).toBe(1);
    expect(fake.syncs).toHaveLength(1);
    expect(fake.syncs[0].writes).toBe(0);
    expect(everything(fake)).toBe(before);
    if (!result.ok) throw new Error('ok expected');
    expect(result.count).toBe(anGiang2018.units.length);
    expect(result.download?.fileName).toBe(`phieu-tu-cham-${anGiang2018.id}.zip`);
    const files = unzipSync(base64ToBytes(result.download?.base64 ?? ''));
    expect(Object.keys(files)).toEqual(anGiang2018.units.map((u) => formFileName(u.id)));
    const setup = readSetup(
      Object.fromEntries(inputSheets(anGiang2018).map((b) => [b.name, b.rows])),
    ).setup;
    const fingerprint = criteriaFingerprint(setup?.criteria ?? []);
    for (const unit of anGiang2018.units) {
      const rows = formRows(files[formFileName(unit.id)]);
      expect(rows[FORM_ROWS.campaignId]).toEqual([F.campaignId, anGiang2018.id]);
      expect(rows[FORM_ROWS.unitCode]).toEqual([F.unitCode, unit.id]);
      expect(rows[FORM_ROWS.fingerprint]).toEqual([F.fingerprint, fingerprint]);
    }
  });

  it('a campaign whose setup has errors: no forms, the errors with their cells', async () => {
    const fake = fakeOf(anGiang2018);
    const config = fake.sheet(S.config);
    const r = config?.values.findIndex((row) => row[0] === vi.workbook.settings.decimals) ?? -1;
    config?.set(r, 1, 'hai');
    const { result } = await makeFormsZip(runOf(fake), { now });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ sheet: S.config, cell: `B${r + 1}` });
  });
});

describe('Gộp phiếu tự chấm', () => {
  it('filled forms give the same "Tự chấm" (and ranking) as typing the scores, ≤ 3 syncs', async () => {
    const typed = fakeOf(anGiang2018);
    const fake = fakeOf(blank);
    expect(fake.sheet(S.self)?.grid()).not.toEqual(typed.sheet(S.self)?.grid());
    const { result, syncs } = await mergeFormFiles(runOf(fake), await filledUploads(), { now });
    expect(result).toMatchObject({ ok: true, sheets: [S.self, F.explanations, S.log] });
    if (!result.ok) return;
    expect(result.merged).toHaveLength(anGiang2018.units.length);
    expect(syncs).toBeLessThanOrEqual(3);
    expect(fake.syncs).toHaveLength(syncs);
    expect(fake.sheet(S.self)?.grid()).toEqual(typed.sheet(S.self)?.grid());
    expect(fake.active).toBe(S.self);
    const explanations = fake.sheet(F.explanations)?.grid() ?? [];
    expect(explanations.length).toBeGreaterThan(anGiang2018.units.length * 10);
    expect(explanations[1]).toEqual(
      expect.arrayContaining([anGiang2018.units[0].id, 'Đã thực hiện', '2018-12-01']),
    );
    // Ranking the merged workbook gives the typed one's results.
    await rankWorkbook(runOf(typed), { now });
    await rankWorkbook(runOf(fake), { now });
    expect(fake.sheet(S.results)?.grid()).toEqual(typed.sheet(S.results)?.grid());
  });

  it('forms made from a workbook with self scores, merged straight back, change no score', async () => {
    // The forms carry the scores "Tự chấm" holds (issue 20); sent back untouched they are a no-op.
    const fake = fakeOf(anGiang2018);
    const before = fake.sheet(S.self)?.grid();
    const made = await madeForms();
    const uploads = Object.entries(made).map(([name, bytes]) => upload(name, bytes));
    const { result } = await mergeFormFiles(runOf(fake), uploads, { now });
    expect(result).toMatchObject({ ok: true, empty: [], changed: [], kept: [], notes: [] });
    expect(fake.sheet(S.self)?.grid()).toEqual(before);
    // One score replaced: the summary says so.
    const [name, bytes] = Object.entries(made)[0];
    const edited = fill(bytes, (rows) => {
      rows[rows.findIndex((r) => r[FORM_COLS.code] === '1.1.2')][FORM_COLS.score] = 70;
    });
    const again = await mergeFormFiles(runOf(fake), [upload(name, edited)], { now });
    expect(again.result).toMatchObject({
      ok: true,
      changed: [{ unit: anGiang2018.units[0].id, cells: 1 }],
    });
    expect(again.result.ok && again.result.notes[0]).toContain('Thay 1 ô điểm đã có');
  });

  it('keeps text that looks like a formula as text', async () => {
    const made = await madeForms();
    const [name, bytes] = Object.entries(made)[0];
    const filled = fill(bytes, (rows) => {
      const leaf = rows.findIndex((r) => r[FORM_COLS.code] === '1.1.1');
      rows[leaf][FORM_COLS.explanation] = '=HYPERLINK("http://x","y")';
    });
    const fake = fakeOf(blank);
    const { result } = await mergeFormFiles(runOf(fake), [upload(name, filled)], { now });
    expect(result.ok).toBe(true);
    expect(fake.sheet(F.explanations)?.grid().flat()).toContain('=HYPERLINK("http://x","y")');
    expect(fake.sheet(F.explanations)?.formulas.size).toBe(0);
  });

  it('a foreign form: nothing written, the error names the file and its cell', async () => {
    const made = await madeForms();
    const uploads = Object.entries(made).map(([name, bytes]) =>
      upload(
        name,
        fill(bytes, (rows) => {
          if (name === formFileName(anGiang2018.units[2].id))
            rows[FORM_ROWS.campaignId][1] = 'an-giang-2017';
        }),
      ),
    );
    const fake = fakeOf(blank);
    const before = everything(fake);
    const { result, syncs } = await mergeFormFiles(runOf(fake), uploads, { now });
    expect(syncs).toBe(1);
    expect(fake.syncs.every((s) => s.writes === 0)).toBe(true);
    expect(everything(fake)).toBe(before);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const file = formFileName(anGiang2018.units[2].id);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].text).toMatch(
      new RegExp(`^Tệp ${file.replace('.', '\\.')}, trang tính '${F.sheet}', ô B2: `),
    );
  });

  it('a file that is not an .xlsx: Excel is not even touched, the error names the file', async () => {
    const uploads = [
      ...(await filledUploads()).slice(0, 2),
      upload('ghi-chu.xlsx', new TextEncoder().encode('không phải sổ tính')),
      { name: 'hong.xlsx', base64: '%%%' },
    ];
    const fake = fakeOf(blank);
    const { result, syncs } = await mergeFormFiles(runOf(fake), uploads, { now });
    expect(syncs).toBe(0);
    expect(fake.runs).toBe(0);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.text)).toEqual([
      expect.stringMatching(/^Tệp ghi-chu\.xlsx: .*ghi-chu\.xlsx.*\.xlsx/),
      expect.stringMatching(/^Tệp hong\.xlsx: /),
    ]);
    expect(result.errors.every((e) => e.sheet === undefined)).toBe(true);
  });

  it('an .xlsx without the form sheet, alone: nothing found, named as such, nothing written', async () => {
    const other = buildWorkbook([{ name: 'Trang tính1', rows: [['x']] }]);
    const fake = fakeOf(blank);
    const before = fake.sheet(S.self)?.grid();
    const { result } = await mergeFormFiles(runOf(fake), [upload('bao-cao.xlsx', other)], {
      now,
    });
    expect(result).toMatchObject({ ok: true, nothingFound: true, sheets: [] });
    if (result.ok) expect(result.warnings[1].text).toMatch(/^Tệp bao-cao\.xlsx/);
    expect(fake.sheet(S.self)?.grid()).toEqual(before);
  });

  it('a template-protected "Tự chấm" is unprotected for the write and protected again', async () => {
    const fake = fakeOf(blank);
    const self = fake.sheet(S.self);
    if (!self) throw new Error('Tự chấm');
    self.protected = true;
    const { result, syncs } = await mergeFormFiles(runOf(fake), await filledUploads(), { now });
    expect(result.ok).toBe(true);
    expect(syncs).toBe(3);
    expect(self.protected).toBe(true);
    // The score cells are unlocked again: one range per leaf row, columns D to the last unit.
    expect(self.unlocked.length).toBe(self.validations.length);
    expect(self.unlocked.length).toBeGreaterThan(5);
    expect(self.unlocked.every((a) => /^D\d+:[A-Z]+\d+$/.test(a))).toBe(true);
    expect(self.grid()).toEqual(fakeOf(anGiang2018).sheet(S.self)?.grid());
  });

  it('level drop-downs of "Tự chấm" never split a label at its comma', async () => {
    const fake = fakeOf(blank);
    const { result } = await mergeFormFiles(runOf(fake), await filledUploads(), { now });
    expect(result.ok).toBe(true);
    const labels = new Set<string>([vi.template.na, '✓', '☐']);
    const walk = (nodes: CampaignSpec['criteria']): void =>
      nodes.forEach((n) => {
        if (n.rule?.kind === 'levels') n.rule.levels.forEach((l) => labels.add(l.label));
        if (n.children) walk(n.children);
      });
    walk(anGiang2018.criteria);
    expect([...labels].some((l) => l.includes(','))).toBe(true);
    const sources = (fake.sheet(S.self)?.validations ?? [])
      .map((v) => (v.rule as { list?: { source: string } } | undefined)?.list?.source)
      .filter((x): x is string => x !== undefined && !x.startsWith('='));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(source.length).toBeLessThanOrEqual(255);
      for (const item of source.split(',')) expect(labels).toContain(item);
    }
  });

  it('level drop-downs of the merged "Tự chấm" read their labels, commas and all, from a hidden list', async () => {
    const fake = fakeOf(blank);
    const { result } = await mergeFormFiles(runOf(fake), await filledUploads(), { now });
    expect(result.ok).toBe(true);
    const lists = fake.sheet('Danh sách chọn');
    expect(lists?.hidden).toBe(true);
    const self = fake.sheet(S.self);
    const ranged = (self?.validations ?? [])
      .map((v) => (v.rule as { list?: { source?: string } } | undefined)?.list?.source)
      .filter((x): x is string => x !== undefined && x.startsWith("='Danh sách chọn'!"));
    expect(ranged.length).toBeGreaterThan(0);
    // Each referenced column holds exactly one criterion's levels and N/A, labels whole.
    const columns = (lists?.grid() ?? [])[0]?.length ?? 0;
    const labels = anGiang2018.criteria
      .flatMap(function leaves(c): typeof anGiang2018.criteria {
        return c.children?.length ? c.children.flatMap(leaves) : [c];
      })
      .filter((c) => c.rule?.kind === 'levels');
    const lists_ = labels.map((c) => [
      ...(c.rule?.kind === 'levels' ? c.rule.levels.map((l) => l.label) : []),
      'N/A',
    ]);
    // Lists with a comma in a label are there, whole; the others stay inline.
    const grid = lists?.grid() ?? [];
    const inSheet = Array.from({ length: columns }, (_, c) =>
      grid.map((r) => r[c]).filter((v) => v !== null && v !== undefined),
    );
    expect(inSheet.sort()).toEqual(lists_.filter((l) => l.some((x) => x.includes(','))).sort());
    expect(inSheet.flat()).toContain('Đầy đủ, đúng hạn');
  });

  it('a sheet unprotected before one with a password is protected again', async () => {
    const fake = fakeOf(blank);
    const self = fake.sheet(S.self);
    if (!self) throw new Error('Tự chấm');
    self.protected = true; // the template's: no password
    // "Giải trình tự chấm" from an earlier merge, locked with a password by someone.
    const explanations = new FakeSheet(vi.forms.explanations);
    explanations.values = [['Mã đơn vị']];
    explanations.protected = true;
    explanations.password = 'mat-khau';
    fake.sheets.push(explanations);
    const before = everything(fake);
    const { result } = await mergeFormFiles(runOf(fake), await filledUploads(), { now });
    expect(result.ok).toBe(false);
    expect(self.protected).toBe(true);
    expect(explanations.protected).toBe(true);
    expect(everything(fake)).toBe(before);
  });

  it('a password on "Tự chấm" stops the merge: nothing written, the sheet named', async () => {
    const fake = fakeOf(blank);
    const self = fake.sheet(S.self);
    if (!self) throw new Error('Tự chấm');
    self.protected = true;
    self.password = 'mat-khau';
    const before = everything(fake);
    const { result, syncs } = await mergeFormFiles(runOf(fake), await filledUploads(), { now });
    expect(syncs).toBeLessThanOrEqual(3);
    expect(everything(fake)).toBe(before);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ sheet: S.self });
  });
});
