/**
 * Form names (issue 20): unit codes that make the same file or sheet name ("S#1" and "S$1" both
 * "S_1") get names of their own, decided by the codes alone (not by the unit order); names that
 * do not clash stay plain; an empty or repeated unit code is an error before any form is made.
 */
import fc from 'fast-check';
import { anGiang2018 } from '../../../examples/an-giang-2018';
import { campaignFormSheets, CAMPAIGN_SHEETS, FORM_ROWS } from '../../../shared/forms/form';
import {
  formFileName,
  formFileNames,
  formSheetNames,
  SHEET_NAME_MAX,
} from '../../../shared/forms/names';
import { vi } from '../../../shared/i18n/vi';
import { formatIssue } from '../../../shared/model/issues';
import type { CampaignSpec } from '../../../shared/model/types';
import { inputSheets } from '../../../shared/workbook/inputs';

const F = vi.forms;
const key = (s: string): string => s.normalize('NFC').toLowerCase();
const unique = (names: Iterable<string>): boolean => {
  const list = [...names].map(key);
  return new Set(list).size === list.length;
};

describe('form file names', () => {
  it('"S#1" and "S$1" get two names, both starting "S_1", whatever the unit order', () => {
    const codes = ['DV01', 'S#1', 'S$1', 'DV02'];
    const names = formFileNames(codes);
    expect(names.get('DV01')).toBe('DV01.xlsx');
    expect(names.get('DV02')).toBe('DV02.xlsx');
    expect(names.get('S#1')).toMatch(/^S_1-[0-9a-f]{8}\.xlsx$/);
    expect(names.get('S$1')).toMatch(/^S_1-[0-9a-f]{8}\.xlsx$/);
    expect(unique(names.values())).toBe(true);
    fc.assert(
      fc.property(fc.shuffledSubarray(codes, { minLength: codes.length }), (order) => {
        expect(formFileNames(order)).toEqual(names);
      }),
      { numRuns: 20 },
    );
  });

  it('codes differing only by case are one file on Windows and macOS: two names', () => {
    const names = formFileNames(['dv01', 'DV01']);
    expect(names.get('dv01')).not.toBe(names.get('DV01'));
    expect(unique(names.values())).toBe(true);
  });

  it('a code naming a Windows device, a hidden file or nothing still makes a file name', () => {
    expect(formFileName('CON')).toBe('_CON.xlsx');
    expect(formFileName('nul.1')).toBe('_nul.1.xlsx');
    expect(formFileName('..')).toBe('__.xlsx');
    expect(formFileName('/')).toBe('_.xlsx');
    expect(formFileName('x'.repeat(300))).toBe(`${'x'.repeat(100)}.xlsx`);
  });

  it('any set of distinct codes gets distinct names (case-insensitively)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[sS][#$_/ .]?[1lL]?$/), { minLength: 1 }),
        (codes) => {
          expect(unique(formFileNames(codes).values())).toBe(true);
          expect(unique(formSheetNames(codes, F.unitSheet, CAMPAIGN_SHEETS).values())).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a suffixed name that meets another unit’s plain name is settled too', () => {
    const names = formFileNames(['S#1', 'S$1']);
    const taken = (names.get('S#1') as string).replace(/\.xlsx$/, '');
    const more = formFileNames(['S#1', 'S$1', taken]);
    expect(unique(more.values())).toBe(true);
    expect(formFileNames([taken, 'S$1', 'S#1'])).toEqual(more);
  });
});

describe('form sheet names (Google Sheets)', () => {
  it('plain "Phiếu DV001"; at most 100 characters; never a campaign sheet; unique', () => {
    const long = 'X'.repeat(150);
    const names = formSheetNames(
      ['DV001', 'bầu', long, `${long}Y`, 'dv1', 'DV1'],
      F.unitSheet,
      CAMPAIGN_SHEETS,
    );
    expect(names.get('DV001')).toBe('Phiếu DV001');
    // "Phiếu bầu" is the ballots sheet of the campaign.
    expect(names.get('bầu')).not.toBe(vi.workbook.sheets.ballots);
    expect(names.get('bầu')).toMatch(/^Phiếu bầu-[0-9a-f]{8}$/);
    for (const n of names.values())
      expect(Array.from(n).length).toBeLessThanOrEqual(SHEET_NAME_MAX);
    expect(names.get(long)).not.toBe(names.get(`${long}Y`));
    expect(unique(names.values())).toBe(true);
  });
});

describe('making the forms', () => {
  const bookOf = (spec: CampaignSpec) =>
    Object.fromEntries(inputSheets(spec).map((b) => [b.name, b.rows]));

  it('two clashing codes: two forms, each carrying its own unit code inside', () => {
    const spec = {
      ...anGiang2018,
      units: anGiang2018.units.map((u, i) =>
        i === 0 ? { ...u, id: 'S#1' } : i === 1 ? { ...u, id: 'S$1' } : u,
      ),
    };
    const made = campaignFormSheets(bookOf(spec), 'files');
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.forms).toHaveLength(16);
    expect(unique(made.forms.map((f) => f.name))).toBe(true);
    for (const f of made.forms) {
      expect(f.sheet.rows[FORM_ROWS.unitCode]).toEqual([F.unitCode, f.unit.id]);
    }
  });

  it('an empty or repeated unit code: an error at its cell, no form', () => {
    const spec = {
      ...anGiang2018,
      units: anGiang2018.units.map((u, i) => (i === 2 ? { ...u, id: anGiang2018.units[0].id } : u)),
    };
    const made = campaignFormSheets(bookOf(spec), 'files');
    expect(made.ok).toBe(false);
    if (made.ok) return;
    expect(made.issues.map(formatIssue)).toEqual([
      `Trang tính 'Đơn vị', ô A4: Mã đơn vị "${anGiang2018.units[0].id}" bị trùng.`,
    ]);
  });
});
