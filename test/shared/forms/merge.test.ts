/**
 * Self-assessment forms, round trip: make a form per unit, fill it programmatically, merge —
 * the same as typing those scores into the campaign workbook directly. Tampered or foreign forms
 * are rejected at their cell; duplicates, late forms and missing evidence are flagged; the
 * merge is order-independent and idempotent.
 */
import fc from 'fast-check';
import { anGiang2018 } from '../../../examples/an-giang-2018';
import { criteriaFingerprint, FORM_COLS, FORM_ROWS, unitForm } from '../../../shared/forms/form';
import { mergeForms, type FormFile } from '../../../shared/forms/merge';
import { vi } from '../../../shared/i18n/vi';
import { formatIssue } from '../../../shared/model/issues';
import type { CampaignSpec, CellValue } from '../../../shared/model/types';
import type { Sheets } from '../../../shared/workbook/grid';
import { inputSheets } from '../../../shared/workbook/inputs';
import { runCampaign } from '../../../shared/workbook/run';
import { readSetup } from '../../../shared/workbook/setup';

const S = vi.workbook.sheets;
const F = vi.forms;
const TIME = '2026-11-25 10:00:00';

type Book = Record<string, CellValue[][]>;
const bookOf = (spec: CampaignSpec): Book =>
  Object.fromEntries(inputSheets(spec).map((b) => [b.name, b.rows.map((r) => [...r])]));

/** The campaign with every self score erased: what the Department has before forms return. */
function blankCampaign(spec: CampaignSpec): Book {
  return bookOf({ ...spec, units: spec.units.map((u) => ({ ...u, self: {} })) });
}

/** A form filled the way the unit would: its self scores, an explanation and evidence. */
function filledForm(
  spec: CampaignSpec,
  unitId: string,
  options: { date?: string; evidence?: boolean; source?: string } = {},
): FormFile {
  const book = bookOf(spec);
  const setup = readSetup(book).setup;
  if (!setup) throw new Error('setup');
  const unit = spec.units.find((u) => u.id === unitId);
  if (!unit) throw new Error(unitId);
  const sheet = unitForm(setup, unit);
  const grid = sheet.rows.map((r) => [...r]) as CellValue[][];
  for (let r = FORM_ROWS.header + 1; r < grid.length; r++) {
    const code = String(grid[r][FORM_COLS.code]);
    if (grid[r].length <= FORM_COLS.rule) continue; // a parent row
    const v = unit.self?.[code];
    grid[r][FORM_COLS.score] = v === undefined ? null : v;
    grid[r][FORM_COLS.explanation] = `Đã thực hiện ${code}`;
    grid[r][FORM_COLS.evidence] = options.evidence === false ? null : `Quyết định số ${code}/QĐ`;
  }
  if (options.date) grid[FORM_ROWS.sentOn][1] = options.date;
  return { source: options.source ?? `${unitId}.xlsx`, grid };
}

const allForms = (spec: CampaignSpec): FormFile[] => spec.units.map((u) => filledForm(spec, u.id));

function merged(book: Book, forms: readonly FormFile[]): Book {
  const result = mergeForms({ sheets: book, forms, time: TIME });
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  const out: Book = { ...book };
  for (const o of result.outputs) out[o.name] = o.rows.map((r) => r.map((v) => v ?? null));
  return out;
}

const results = (book: Sheets) => {
  const r = runCampaign({ sheets: book, time: TIME });
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r.outputs.filter((o) => o.name !== S.log).map((o) => o.rows);
};

describe('round trip', () => {
  it('merging filled forms ranks exactly like typing the scores into "Tự chấm"', () => {
    const typed = bookOf(anGiang2018);
    const viaForms = merged(blankCampaign(anGiang2018), allForms(anGiang2018));
    expect(results(viaForms)).toEqual(results(typed));
  });

  it('writes only "Tự chấm", "Giải trình tự chấm" and "Nhật ký"', () => {
    const result = mergeForms({
      sheets: blankCampaign(anGiang2018),
      forms: allForms(anGiang2018),
      time: TIME,
    });
    expect(result.ok && result.outputs.map((o) => o.name)).toEqual([S.self, F.explanations, S.log]);
  });

  it('keeps each explanation and piece of evidence in "Giải trình tự chấm"', () => {
    const book = merged(blankCampaign(anGiang2018), allForms(anGiang2018));
    const rows = book[F.explanations];
    expect(rows[0]).toEqual([
      vi.workbook.headers.unitCode,
      F.headers.code,
      F.headers.score,
      F.headers.explanation,
      F.headers.evidence,
      F.headers.file,
      F.sentOn,
    ]);
    const first = anGiang2018.units[0];
    const row = rows.find((r) => r[0] === first.id && r[1] === '1.1.1');
    expect(row).toEqual([
      first.id,
      '1.1.1',
      first.self?.['1.1.1'],
      'Đã thực hiện 1.1.1',
      'Quyết định số 1.1.1/QĐ',
      `${first.id}.xlsx`,
      null,
    ]);
  });

  it('is idempotent: merging the same forms again changes no score or explanation', () => {
    const once = merged(blankCampaign(anGiang2018), allForms(anGiang2018));
    const twice = merged(once, allForms(anGiang2018));
    expect(twice[S.self]).toEqual(once[S.self]);
    expect(twice[F.explanations]).toEqual(once[F.explanations]);
    expect(twice[S.log]).toHaveLength(once[S.log].length + 1);
  });

  it('leaves units without a returned form as they were', () => {
    const typed = bookOf(anGiang2018);
    const some = allForms(anGiang2018).slice(0, 5);
    const book = merged(typed, some);
    expect(book[S.self]).toEqual(typed[S.self]);
  });
});

describe('order independence', () => {
  it('any order of the forms, duplicates included, gives the same sheets', () => {
    const forms = [
      ...allForms(anGiang2018),
      // A second, later form of the first unit that lowers one score: it must win.
      (() => {
        const f = filledForm(anGiang2018, anGiang2018.units[0].id, {
          date: '2018-12-20',
          source: 'lan-2.xlsx',
        });
        const grid = f.grid as CellValue[][];
        const r = grid.findIndex((row) => row[0] === '1.1.1');
        grid[r][FORM_COLS.score] = 0;
        return f;
      })(),
    ];
    const base = blankCampaign(anGiang2018);
    const reference = merged(base, forms);
    const r11 = reference[S.self].findIndex((row) => row[0] === '1.1.1');
    const c = reference[S.self][0].indexOf(anGiang2018.units[0].id);
    expect(reference[S.self][r11][c]).toBe(0);
    fc.assert(
      fc.property(fc.shuffledSubarray(forms, { minLength: forms.length }), (order) => {
        const out = merged(base, order);
        expect(out[S.self]).toEqual(reference[S.self]);
        expect(out[F.explanations]).toEqual(reference[F.explanations]);
        // The log row differs only by nothing: same checksum, same notes.
        expect(out[S.log].at(-1)).toEqual(reference[S.log].at(-1));
      }),
      { numRuns: 25 },
    );
  });
});

describe('rejections, located at the form', () => {
  const base = blankCampaign(anGiang2018);
  const unit = anGiang2018.units[0].id;
  const fail = (forms: FormFile[]): string[] => {
    const result = mergeForms({ sheets: base, forms, time: TIME });
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.issues.filter((i) => i.severity === 'error').map(formatIssue);
  };
  const at = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r + 1}`;

  it('a form of another campaign', () => {
    const form = filledForm(anGiang2018, unit);
    (form.grid as CellValue[][])[FORM_ROWS.campaignId][1] = 'cchc-2017';
    expect(fail([form])).toEqual([
      `Tệp ${unit}.xlsx, trang tính 'Phiếu tự chấm', ô ${at(FORM_ROWS.campaignId, 1)}: ${vi.errors.formOtherCampaign
        .replace('{found}', 'cchc-2017')
        .replace('{expected}', anGiang2018.id)}`,
    ]);
  });

  it('a form whose fingerprint was altered, or made before the criteria changed', () => {
    const form = filledForm(anGiang2018, unit);
    (form.grid as CellValue[][])[FORM_ROWS.fingerprint][1] = '0000000000000000';
    expect(fail([form])[0]).toContain(`ô ${at(FORM_ROWS.fingerprint, 1)}: Mã kiểm tra bộ tiêu chí`);
    // The Department edits a criterion's max after sending the forms.
    const edited = {
      ...anGiang2018,
      criteria: anGiang2018.criteria.map((c, i) =>
        i === 0 ? { ...c, name: `${c.name} (sửa)` } : c,
      ),
    };
    expect(criteriaFingerprint(edited.criteria)).not.toBe(
      criteriaFingerprint(anGiang2018.criteria),
    );
    const result = mergeForms({
      sheets: blankCampaign(edited),
      forms: [filledForm(anGiang2018, unit)],
      time: TIME,
    });
    expect(result.ok).toBe(false);
  });

  it('a unit not in "Đơn vị"', () => {
    const form = filledForm(anGiang2018, unit);
    (form.grid as CellValue[][])[FORM_ROWS.unitCode][1] = 'KHONGCO';
    expect(fail([form])[0]).toContain(`ô ${at(FORM_ROWS.unitCode, 1)}: Đơn vị "KHONGCO"`);
  });

  it('a score its rule does not allow, at the score cell', () => {
    const form = filledForm(anGiang2018, unit);
    const grid = form.grid as CellValue[][];
    const r = grid.findIndex((row) => row[0] === '1.1.1');
    grid[r][FORM_COLS.score] = 99;
    const [message] = fail([form]);
    expect(message).toMatch(
      new RegExp(`^Tệp ${unit}\\.xlsx, trang tính 'Phiếu tự chấm', ô ${at(r, FORM_COLS.score)}: `),
    );
  });

  it('a form missing a criterion row, or with a row of an unknown criterion', () => {
    const form = filledForm(anGiang2018, unit);
    const grid = form.grid as CellValue[][];
    const r = grid.findIndex((row) => row[0] === '1.1.1');
    grid[r][0] = '9.9';
    const errors = fail([form]);
    expect(errors.some((e) => e.includes('"1.1.1"'))).toBe(true);
    expect(errors.some((e) => e.includes(`ô A${r + 1}`) && e.includes('"9.9"'))).toBe(true);
  });

  it('a positive score without evidence: an error by default', () => {
    const errors = fail([filledForm(anGiang2018, unit, { evidence: false })]);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toContain(`ô ${String.fromCharCode(65 + FORM_COLS.evidence)}`);
  });

  it('a file that is not a form, given with a form (alone: nothing found, nothingFound.test.ts)', () => {
    expect(fail([filledForm(anGiang2018, unit), { source: 'khac.xlsx', grid: undefined }])).toEqual(
      [`Tệp khac.xlsx: ${vi.errors.formMissing.replace('{sheet}', F.sheet)}`],
    );
  });
});

describe('flags', () => {
  it('a missing piece of evidence is a warning when the setting says so', () => {
    const spec = {
      ...anGiang2018,
      settings: { ...anGiang2018.settings, evidencePolicy: 'warning' as const },
    };
    const result = mergeForms({
      sheets: blankCampaign(spec),
      forms: [filledForm(spec, spec.units[0].id, { evidence: false })],
      time: TIME,
    });
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings.some((w) => w.key === 'formNoEvidence')).toBe(true);
  });

  it('a form sent after the deadline is merged and flagged', () => {
    const spec = {
      ...anGiang2018,
      settings: { ...anGiang2018.settings, formsDeadline: '2018-11-30' },
    };
    const result = mergeForms({
      sheets: blankCampaign(spec),
      forms: [filledForm(spec, spec.units[0].id, { date: '2018-12-02' })],
      time: TIME,
    });
    expect(result.ok && result.warnings.map(formatIssue)).toEqual([
      `Tệp ${spec.units[0].id}.xlsx, trang tính 'Phiếu tự chấm', ô B${FORM_ROWS.sentOn + 1}: Phiếu gửi ngày 2018-12-02, sau hạn nộp 2018-11-30.`,
    ]);
  });

  it('the same unit twice: the later one wins and both are logged', () => {
    const unit = anGiang2018.units[0].id;
    const early = filledForm(anGiang2018, unit, { date: '2018-12-01', source: 'a.xlsx' });
    const late = filledForm(anGiang2018, unit, { date: '2018-12-05', source: 'b.xlsx' });
    const result = mergeForms({
      sheets: blankCampaign(anGiang2018),
      forms: [late, early],
      time: TIME,
    });
    expect(result.ok && result.merged).toEqual([{ unit, source: 'b.xlsx' }]);
    const book = merged(blankCampaign(anGiang2018), [late, early]);
    const note = String(book[S.log].at(-1)?.[6]);
    expect(note).toContain('a.xlsx');
    expect(note).toContain('b.xlsx');
  });
});

describe('ties between two forms of a unit', () => {
  it('same date and same file name (two folders): the content decides, not the order', () => {
    const unit = anGiang2018.units[0].id;
    const a = filledForm(anGiang2018, unit, { date: '2018-12-01', source: 'phieu.xlsx' });
    const b = filledForm(anGiang2018, unit, { date: '2018-12-01', source: 'phieu.xlsx' });
    const grid = b.grid as CellValue[][];
    grid[grid.findIndex((row) => row[0] === '1.1.1')][FORM_COLS.explanation] = 'Bản sửa';
    const base = blankCampaign(anGiang2018);
    const ab = merged(base, [a, b]);
    const ba = merged(base, [b, a]);
    expect(ab[F.explanations]).toEqual(ba[F.explanations]);
    expect(ab[S.log].at(-1)).toEqual(ba[S.log].at(-1));
  });
});
