/**
 * Nothing lost in a merge (issue 20): forms carry the scores the workbook holds; a form sent back
 * untouched changes nothing; an empty form wipes nothing (reported and counted apart); a blank
 * cell in a returned form keeps the score (listed); every score replaced is counted in the
 * summary and its old value kept in "Nhật ký".
 */
import { anGiang2018 } from '../../../examples/an-giang-2018';
import { campaignFormSheets, FORM_COLS, FORM_ROWS, knownAnswers } from '../../../shared/forms/form';
import { mergeForms, mergeSummary, type FormFile } from '../../../shared/forms/merge';
import { vi } from '../../../shared/i18n/vi';
import { formatIssue } from '../../../shared/model/issues';
import type { CampaignSpec, CellValue } from '../../../shared/model/types';
import type { Sheets } from '../../../shared/workbook/grid';
import { inputSheets } from '../../../shared/workbook/inputs';
import { runCampaign } from '../../../shared/workbook/run';

const S = vi.workbook.sheets;
const F = vi.forms;
const TIME = '2026-11-25 10:00:00';

type Book = Record<string, CellValue[][]>;
const bookOf = (spec: CampaignSpec): Book =>
  Object.fromEntries(inputSheets(spec).map((b) => [b.name, b.rows.map((r) => [...r])]));

/** The forms as made from `book` (pre-filled), returned as they are. */
function formsOf(book: Book): FormFile[] {
  const made = campaignFormSheets(book, 'files');
  if (!made.ok) throw new Error(made.issues.map(formatIssue).join('\n'));
  return made.forms.map((f) => ({
    source: f.name,
    grid: f.sheet.rows.map((r) => r.map((v) => v ?? null)),
  }));
}

function merge(book: Book, forms: readonly FormFile[]) {
  const result = mergeForms({ sheets: book, forms, time: TIME });
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  const out: Book = { ...book };
  for (const o of result.outputs) out[o.name] = o.rows.map((r) => r.map((v) => v ?? null));
  return { result, book: out };
}

const results = (book: Sheets) => {
  const r = runCampaign({ sheets: book, time: TIME });
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r.outputs.filter((o) => o.name !== S.log).map((o) => o.rows);
};

const rowOf = (grid: CellValue[][], code: string): number =>
  grid.findIndex((row, r) => r > FORM_ROWS.header && row[FORM_COLS.code] === code);
const selfCell = (book: Book, unit: string, code: string): CellValue => {
  const self = book[S.self];
  return self[self.findIndex((r) => r[0] === code)][self[0].indexOf(unit)] ?? null;
};

const example = bookOf(anGiang2018);
const unitA = anGiang2018.units[0].id;
const unitB = anGiang2018.units[1].id;

describe('forms carry the scores the workbook holds', () => {
  it('each score cell of a form equals the unit’s cell in "Tự chấm"', () => {
    const made = campaignFormSheets(example, 'files');
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    let compared = 0;
    for (const form of made.forms) {
      const rows = form.sheet.rows;
      for (let r = FORM_ROWS.header + 1; r < rows.length; r++) {
        if (rows[r].length <= FORM_COLS.rule) continue; // a parent row
        const code = String(rows[r][FORM_COLS.code]);
        const cell = selfCell(example, form.unit.id, code);
        expect(rows[r][FORM_COLS.score] ?? null).toEqual(cell === '' ? null : cell);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(16 * 10);
  });

  it('explanations and evidence come from "Giải trình tự chấm"', () => {
    const book: Book = {
      ...example,
      [F.explanations]: [
        [S.units, F.headers.code, F.headers.score, F.headers.explanation, F.headers.evidence],
        [unitA, '1.1.1', 'x', 'Kế hoạch số 12', 'QĐ 12/QĐ-UBND'],
      ],
    };
    expect(knownAnswers(book)(unitA)['1.1.1']).toEqual({
      score: selfCell(example, unitA, '1.1.1'),
      explanation: 'Kế hoạch số 12',
      evidence: 'QĐ 12/QĐ-UBND',
    });
  });
});

describe('a form sent back untouched', () => {
  it('changes no cell of "Tự chấm", nothing replaced, and the ranking is the same', () => {
    const { result, book } = merge(example, formsOf(example));
    expect(book[S.self]).toEqual(example[S.self]);
    expect(result.merged).toHaveLength(16);
    expect(result.empty).toEqual([]);
    expect(result.changed).toEqual([]);
    expect(result.kept).toEqual([]);
    expect(result.notes).toEqual([]);
    expect(results(book)).toEqual(results(example));
  });
});

describe('an empty form', () => {
  /** A unit's form with every answer cell blank: what an untouched blank form looks like. */
  function blankForm(unit: string): FormFile {
    const form = formsOf(example).find((f) => f.grid?.[FORM_ROWS.unitCode][1] === unit);
    const grid = (form?.grid ?? []).map((r) => [...r]);
    for (let r = FORM_ROWS.header + 1; r < grid.length; r++) {
      if (grid[r].length > FORM_COLS.rule) grid[r][FORM_COLS.score] = null;
    }
    return { source: `${unit}.xlsx`, grid };
  }

  it('wipes no score: reported as empty and counted apart', () => {
    const forms = [blankForm(unitA), ...formsOf(example).slice(1)];
    const { result, book } = merge(example, forms);
    expect(book[S.self]).toEqual(example[S.self]);
    expect(result.merged.map((m) => m.unit)).not.toContain(unitA);
    expect(result.merged).toHaveLength(15);
    expect(result.empty).toEqual([{ unit: unitA, source: `${unitA}.xlsx` }]);
    expect(result.notes).toEqual([
      `1 phiếu trống — giữ nguyên điểm đã có: ${unitA} (${unitA}.xlsx).`,
    ]);
    const summary = mergeSummary(result);
    expect(summary.ok && summary.empty).toEqual(result.empty);
    // The log says it too.
    expect(String(book[S.log].at(-1)?.[6])).toContain('phiếu trống — giữ nguyên điểm đã có');
  });

  it('all sixteen empty: nothing changes, none merged', () => {
    const forms = example[S.units].slice(1).map((r) => blankForm(String(r[0])));
    const { result, book } = merge(example, forms);
    expect(book[S.self]).toEqual(example[S.self]);
    expect(result.merged).toEqual([]);
    expect(result.empty).toHaveLength(16);
    expect(results(book)).toEqual(results(example));
  });

  it('a later empty form does not win over a filled one of the same unit', () => {
    const filled = formsOf(example).find((f) => f.grid?.[FORM_ROWS.unitCode][1] === unitA);
    const grid = (filled?.grid ?? []).map((r) => [...r]);
    grid[rowOf(grid, '1.1.2')][FORM_COLS.score] = 80;
    grid[rowOf(grid, '1.1.2')][FORM_COLS.evidence] = 'Báo cáo 80%';
    grid[FORM_ROWS.sentOn][1] = '2018-12-01';
    const late = blankForm(unitA);
    (late.grid as CellValue[][])[FORM_ROWS.sentOn][1] = '2018-12-09';
    const { result, book } = merge(example, [late, { source: 'a.xlsx', grid }]);
    expect(result.merged).toEqual([{ unit: unitA, source: 'a.xlsx' }]);
    expect(selfCell(book, unitA, '1.1.2')).toBe(80);
  });
});

describe('replacing scores is visible', () => {
  function edited(edit: (unit: string, grid: CellValue[][]) => void): FormFile[] {
    return formsOf(example).map((f) => {
      const grid = (f.grid ?? []).map((r) => [...r]);
      edit(String(grid[FORM_ROWS.unitCode][1]), grid);
      return { ...f, grid };
    });
  }

  it('the summary counts the replaced cells per unit; "Nhật ký" keeps old → new', () => {
    const before112 = selfCell(example, unitA, '1.1.2');
    const before21 = selfCell(example, unitA, '2.1');
    const beforeB = selfCell(example, unitB, '1.3');
    const forms = edited((unit, grid) => {
      const set = (code: string, v: CellValue): void => {
        grid[rowOf(grid, code)][FORM_COLS.score] = v;
        grid[rowOf(grid, code)][FORM_COLS.evidence] = `Tài liệu ${code}`;
      };
      if (unit === unitA) {
        set('1.1.2', 50);
        set('2.1', 80);
      }
      if (unit === unitB) set('1.3', 1);
    });
    const { result, book } = merge(example, forms);
    expect(selfCell(book, unitA, '1.1.2')).toBe(50);
    expect(selfCell(book, unitB, '1.3')).toBe(1);
    expect(result.changed.map((u) => [u.unit, u.cells.length])).toEqual([
      [unitA, 2],
      [unitB, 1],
    ]);
    expect(result.changed[0].cells[0]).toEqual({
      code: '1.1.2',
      cell: expect.stringMatching(/^D3$/),
      before: before112,
      after: 50,
    });
    expect(result.notes).toEqual([
      `Thay 3 ô điểm đã có của 2 đơn vị (điểm cũ ghi ở trang tính "Nhật ký"): ${unitA} 2 ô, ${unitB} 1 ô.`,
    ]);
    const log = book[S.log];
    const old = log.filter((r) => r[2] === F.logOldScores).map((r) => String(r[6]));
    expect(old).toEqual([
      `Đơn vị ${unitA} (phiếu ${unitA}.xlsx). Thay 2 ô (cũ → mới): 1.1.2 (D3): ${before112} → 50; 2.1 (D6): ${before21} → 80.`,
      `Đơn vị ${unitB} (phiếu ${unitB}.xlsx). Thay 1 ô (cũ → mới): 1.3 (E5): ${beforeB} → 1.`,
    ]);
    // The merge's own row comes first and says the same as the summary.
    expect(String(log.at(-3)?.[6])).toContain(result.notes[0]);
  });

  it('a blank cell in a returned form keeps the existing score, and is listed', () => {
    const forms = edited((unit, grid) => {
      if (unit === unitA) grid[rowOf(grid, '1.1.2')][FORM_COLS.score] = null;
    });
    const { result, book } = merge(example, forms);
    expect(book[S.self]).toEqual(example[S.self]);
    expect(result.kept).toEqual([{ unit: unitA, source: `${unitA}.xlsx`, codes: ['1.1.2'] }]);
    expect(result.notes).toEqual([
      `1 ô để trống trong phiếu — giữ nguyên điểm đã có (1 đơn vị): ${unitA} 1 ô (1.1.2).`,
    ]);
    expect(book[S.log].at(-1)?.[6]).toBe(
      `Đơn vị ${unitA} (phiếu ${unitA}.xlsx). Giữ nguyên 1 ô để trống trong phiếu: 1.1.2.`,
    );
  });

  it('a replaced score still needs its evidence; an unchanged one was the workbook’s own', () => {
    const forms = edited((unit, grid) => {
      if (unit === unitA) grid[rowOf(grid, '1.1.2')][FORM_COLS.score] = 50;
    });
    const result = mergeForms({ sheets: example, forms, time: TIME });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(formatIssue)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Tệp ${unitA}\\.xlsx, trang tính 'Phiếu tự chấm', ô G\\d+: Tiêu chí 1\\.1\\.2 `,
        ),
      ),
    ]);
  });

  it('the log stays bounded: at most one row per merged unit, each within a cell', () => {
    const forms = edited((_unit, grid) => {
      for (let r = FORM_ROWS.header + 1; r < grid.length; r++) {
        if (grid[r].length > FORM_COLS.rule) grid[r][FORM_COLS.score] = null;
      }
      // One score kept non-blank so that the form is not empty.
      grid[rowOf(grid, '1.3')][FORM_COLS.score] = 0;
    });
    const { book } = merge(example, forms);
    const added = book[S.log].length - (example[S.log]?.length ?? 1);
    expect(added).toBeLessThanOrEqual(1 + 16);
    for (const row of book[S.log]) expect(String(row[6] ?? '').length).toBeLessThan(32_767);
  });
});
