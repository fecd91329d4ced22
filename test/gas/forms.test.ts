/**
 * Self-assessment forms in Google Sheets: one protected sheet per unit inside the campaign
 * spreadsheet, editable only by that unit's "Người nhập liệu" (and the owner); filled sheets
 * merged back equal typing the scores; a tampered sheet is rejected and nothing is written.
 */
import { anGiang2018 } from '../../examples/an-giang-2018';
import {
  formSheetName,
  makeFormSheets,
  mergeFormSheets,
  type SheetsEnv,
} from '../../gas/sheetsHost';
import { FORM_COLS, FORM_ROWS } from '../../shared/forms/form';
import { vi } from '../../shared/i18n/vi';
import type { CampaignSpec } from '../../shared/model/types';
import { bookOf, envOf as envAt } from './campaignBook';
import { FakeSpreadsheet } from './fakeSheets';

const S = vi.workbook.sheets;
const NOW = new Date(2026, 10, 25, 9, 30, 0);

const editorsOf = (id: string): string[] => [`${id.toLowerCase()}@an-giang.gov.vn`];
const blank: CampaignSpec = {
  ...anGiang2018,
  units: anGiang2018.units.map((u) => ({ ...u, self: {}, editors: editorsOf(u.id) })),
};

const envOf = (book: FakeSpreadsheet): SheetsEnv => envAt(book, NOW);

const GROUP = 'thi-dua@so-noi-vu.gov.vn';
const RUNNER = 'canbo@so-noi-vu.gov.vn';
/** The spreadsheet shared with a Google Group only; a member of it runs the script. */
function groupOnly(book: FakeSpreadsheet): FakeSpreadsheet {
  book.editors = [GROUP];
  book.groups = { [GROUP]: [RUNNER] };
  book.user = RUNNER;
  return book;
}
/** The unit form sheets in the spreadsheet ("Phiếu bầu" is the ballots, not a form). */
const formSheets = (book: FakeSpreadsheet) =>
  book.sheets.filter((s) => s.name.startsWith('Phiếu ') && s.name !== S.ballots);

/** What each unit's people do in their sheet: type the example's scores and evidence. */
function fillAll(book: FakeSpreadsheet): void {
  for (const unit of anGiang2018.units) {
    const sheet = book.sheet(formSheetName(unit.id));
    if (!sheet) throw new Error(unit.id);
    for (let r = FORM_ROWS.header + 1; r < sheet.values.length; r++) {
      const code = String(sheet.values[r][FORM_COLS.code]);
      const v = unit.self?.[code];
      if (v === undefined) continue;
      sheet.set(r, FORM_COLS.score, v as string | number | boolean);
      sheet.set(r, FORM_COLS.explanation, 'Đã thực hiện');
      sheet.set(r, FORM_COLS.evidence, `QĐ ${code}`);
    }
  }
}

describe('unit form sheets', () => {
  it('one sheet per unit, protected for that unit’s people and the owner only', () => {
    const book = bookOf(blank);
    const made = makeFormSheets(envOf(book));
    expect(made).toEqual({
      ok: true,
      count: 16,
      sheets: anGiang2018.units.map((u) => formSheetName(u.id)),
    });
    const first = book.sheet(formSheetName(anGiang2018.units[0].id));
    expect(first?.grid()[FORM_ROWS.unitCode]).toEqual([vi.forms.unitCode, anGiang2018.units[0].id]);
    expect(first?.protection).toEqual({
      unprotected: [],
      warningOnly: false,
      editors: ['owner@so-noi-vu.gov.vn', ...editorsOf(anGiang2018.units[0].id)],
      domainEdit: false,
    });
    // Tick criteria are real checkboxes.
    expect(first?.checkboxes.length).toBeGreaterThan(0);
  });

  it('making them again keeps the sheets units have started to fill', () => {
    const book = bookOf(blank);
    makeFormSheets(envOf(book));
    const sheet = book.sheet(formSheetName(anGiang2018.units[0].id));
    sheet?.set(FORM_ROWS.header + 2, FORM_COLS.explanation, 'đang điền');
    expect(makeFormSheets(envOf(book))).toEqual({ ok: true, count: 0, sheets: [] });
    expect(sheet?.get(FORM_ROWS.header + 2, FORM_COLS.explanation)).toBe('đang điền');
  });
});

describe('forms in real Google Sheets (issue 19)', () => {
  it('a runner whose edit right comes from a Google Group makes them, and stays their editor', () => {
    const book = groupOnly(bookOf(blank));
    const made = makeFormSheets(envOf(book));
    expect(made.ok && made.count).toBe(16);
    for (const [i, sheet] of formSheets(book).entries()) {
      expect(sheet.protection).toEqual({
        unprotected: [],
        warningOnly: false,
        editors: [book.owner, RUNNER, ...editorsOf(anGiang2018.units[i].id)],
        domainEdit: false,
      });
    }
    // The group no longer edits the forms; its member who made them still does.
    expect(formSheets(book).some((s) => s.protection?.editors.includes(GROUP))).toBe(false);
  });

  it.each(['Sheet.protect', 'Protection.addEditors', 'Range.setValues', 'RangeList.setFontWeight'])(
    'a failure at %s while making the third form leaves no sheet half-made or open; a rerun makes the rest',
    (call) => {
      const book = groupOnly(bookOf(blank));
      const complete = bookOf(blank);
      makeFormSheets(envOf(complete));
      book.calls.failOn = { name: call, at: 3 };
      const made = makeFormSheets(envOf(book));
      expect(made.ok).toBe(false);
      if (!made.ok) expect(made.errors[0].text).toMatch(/Service Spreadsheets failed/);
      // Every form sheet there is whole and closed to all but its unit (and owner and runner).
      const check = (): void => {
        for (const sheet of formSheets(book)) {
          const unit = anGiang2018.units.find((u) => formSheetName(u.id) === sheet.name);
          expect(sheet.protection?.editors).toEqual([
            book.owner,
            RUNNER,
            ...editorsOf(unit?.id ?? ''),
          ]);
          expect(sheet.grid()).toEqual(complete.sheet(sheet.name)?.grid());
        }
      };
      expect(formSheets(book)).toHaveLength(2);
      check();
      book.calls.failOn = undefined;
      const again = makeFormSheets(envOf(book));
      expect(again.ok && again.count).toBe(14);
      expect(formSheets(book)).toHaveLength(16);
      check();
    },
  );
});

describe('merging the unit sheets', () => {
  it('equals typing the scores into "Tự chấm"', () => {
    const book = bookOf(blank);
    makeFormSheets(envOf(book));
    fillAll(book);
    const summary = mergeFormSheets(envOf(book));
    expect(summary.ok).toBe(true);
    const typed = bookOf({
      ...anGiang2018,
      units: blank.units.map((u, i) => ({ ...u, self: anGiang2018.units[i].self })),
    });
    expect(book.sheet(S.self)?.grid()).toEqual(typed.sheet(S.self)?.grid());
    expect(book.sheet(vi.forms.explanations)?.grid().length).toBeGreaterThan(16 * 10);
    expect(book.flushes).toBe(2);
  });

  it('"Tự chấm" protected against the user: nothing written, the sheet named (issue 19)', () => {
    const book = bookOf(blank);
    makeFormSheets(envOf(book));
    fillAll(book);
    const self = book.sheet(S.self);
    if (!self) throw new Error('self sheet');
    self.protection = { unprotected: [], warningOnly: false, editors: [book.owner] };
    book.user = 'staff@so-noi-vu.gov.vn';
    const before = JSON.stringify(book.sheets.map((s) => [s.name, s.grid()]));
    const summary = mergeFormSheets(envOf(book));
    expect(summary.ok).toBe(false);
    if (!summary.ok) expect(summary.errors.map((e) => e.sheet)).toEqual([S.self]);
    expect(JSON.stringify(book.sheets.map((s) => [s.name, s.grid()]))).toBe(before);
  });

  it('a tampered sheet is rejected at its cell and nothing is written', () => {
    const book = bookOf(blank);
    makeFormSheets(envOf(book));
    fillAll(book);
    const name = formSheetName(anGiang2018.units[2].id);
    book.sheet(name)?.set(FORM_ROWS.fingerprint, 1, 'ABCDEF0123456789');
    const before = book.sheet(S.self)?.grid();
    const summary = mergeFormSheets(envOf(book));
    expect(summary.ok).toBe(false);
    if (!summary.ok) {
      expect(summary.errors[0].text).toMatch(
        new RegExp(`^Tệp ${name}, trang tính '${name}', ô B${FORM_ROWS.fingerprint + 1}: `),
      );
    }
    expect(book.sheet(S.self)?.grid()).toEqual(before);
  });
});

describe('Người nhập liệu', () => {
  it('rejects what is not an e-mail address, at its cell, and makes no sheet', () => {
    const spec = {
      ...blank,
      units: blank.units.map((u, i) => (i === 1 ? { ...u, editors: ['Nguyễn Văn A'] } : u)),
    };
    const book = bookOf(spec);
    const made = makeFormSheets(envOf(book));
    expect(made.ok).toBe(false);
    if (!made.ok) {
      expect(made.errors[0].text).toMatch(
        /^Trang tính 'Đơn vị', ô [A-Z]+3: "Nguyễn Văn A" không phải địa chỉ thư điện tử/,
      );
    }
    expect(
      book.sheets.some(
        (s) => s.name.startsWith('Phiếu DV') || s.name === formSheetName(spec.units[0].id),
      ),
    ).toBe(false);
  });

  it.each(['nguyễn.văn.a@an-giang.gov.vn', 'canbo@an-giang.gov.vn.', 'can bo@an-giang.gov.vn'])(
    'rejects "%s" (Google cannot take it) before any sheet is made',
    (address) => {
      const spec = {
        ...blank,
        units: blank.units.map((u, i) => (i === 5 ? { ...u, editors: [address] } : u)),
      };
      const book = bookOf(spec);
      const made = makeFormSheets(envOf(book));
      expect(made.ok).toBe(false);
      if (!made.ok) expect(made.errors[0].text).toMatch(/^Trang tính 'Đơn vị', ô [A-Z]+7: /);
      expect(formSheets(book)).toEqual([]);
    },
  );
});

describe('nothing lost, names unique (issue 20)', () => {
  it('sheets made from a campaign with self scores carry them; merged back, nothing changes', () => {
    const spec = {
      ...anGiang2018,
      units: anGiang2018.units.map((u) => ({ ...u, editors: editorsOf(u.id) })),
    };
    const book = bookOf(spec);
    const before = book.sheet(S.self)?.grid();
    expect(makeFormSheets(envOf(book)).ok).toBe(true);
    const unit = anGiang2018.units[0];
    const sheet = book.sheet(formSheetName(unit.id));
    const r = sheet?.values.findIndex((row) => row[FORM_COLS.code] === '1.1.2') ?? -1;
    expect(sheet?.get(r, FORM_COLS.score)).toBe(unit.self?.['1.1.2']);
    const summary = mergeFormSheets(envOf(book));
    expect(summary).toMatchObject({ ok: true, empty: [], changed: [], kept: [], notes: [] });
    expect(book.sheet(S.self)?.grid()).toEqual(before);
  });

  it('a unit coded "bầu" does not take the ballots sheet "Phiếu bầu": its own form, merged', () => {
    const spec = {
      ...blank,
      units: blank.units.map((u, i) => (i === 0 ? { ...u, id: 'bầu' } : u)),
    };
    const book = bookOf(spec);
    const ballots = book.sheet(S.ballots)?.grid();
    const made = makeFormSheets(envOf(book));
    expect(made.ok && made.count).toBe(16);
    expect(made.ok && made.sheets).not.toContain(S.ballots);
    expect(book.sheet(S.ballots)?.grid()).toEqual(ballots);
    const own = made.ok ? (made.sheets?.[0] ?? '') : '';
    expect(own).toMatch(/^Phiếu bầu-[0-9a-f]{8}$/);
    const sheet = book.sheet(own);
    const r = sheet?.values.findIndex((row) => row[FORM_COLS.code] === '1.1.2') ?? -1;
    sheet?.set(r, FORM_COLS.score, 90);
    sheet?.set(r, FORM_COLS.evidence, 'Báo cáo');
    const summary = mergeFormSheets(envOf(book));
    expect(summary.ok).toBe(true);
    expect(summary.ok && summary.merged).toEqual([{ unit: 'bầu', source: own }]);
    expect(summary.ok && summary.empty).toHaveLength(15);
    const self = book.sheet(S.self)?.grid() ?? [];
    expect(self.find((row) => row[0] === '1.1.2')?.[self[0].indexOf('bầu')]).toBe(90);
  });
});
