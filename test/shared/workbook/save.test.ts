/**
 * Saving a setup keeps the score sheets in step with the criteria tree (issue 21, sequence 3):
 * the planner's row operations, what it asks before dropping typed scores, and what stops it.
 */
import { vi } from '../../../shared/i18n/vi';
import { formatIssue } from '../../../shared/model/issues';
import type { CampaignSetup, CellValue } from '../../../shared/model/types';
import type { Grid } from '../../../shared/workbook/grid';
import { applyRowEdits, planSave, type SavePlan } from '../../../shared/workbook/save';
import { checkSetup, readSetup } from '../../../shared/workbook/setup';
import { starterCampaign, templateSheets } from '../../../shared/workbook/template';
import {
  addChild,
  addRoot,
  addSibling,
  moveCriterion,
  removeCriterion,
  setCriterionCode,
} from '../../../ui/model/criteria';
import { findByCode, pathOf, walkCriteria } from '../../../ui/model/setup';
import { exampleWorkbook, workbookOf, type Workbook } from '../../ui/fixtures';
import { panelSpec } from '../panelCampaign';

const S = vi.workbook.sheets;

/** The setup as the pane holds it after loading: each criterion remembers its code. */
function loaded(book: Workbook): CampaignSetup {
  const { setup } = readSetup(book);
  if (!setup) throw new Error('setup');
  const s = structuredClone(setup);
  walkCriteria(s.criteria, (n) => (n.origin = n.code));
  return s;
}

const path = (s: CampaignSetup, code: string) => pathOf(s.criteria, findByCode(s.criteria, code)!)!;

/** The workbook after the plan's writes. */
function written(book: Workbook, plan: SavePlan): Workbook {
  if (plan.kind !== 'write') throw new Error(`not a write: ${JSON.stringify(plan)}`);
  const out: Workbook = { ...book };
  for (const b of plan.setup) out[b.name] = b.rows;
  for (const e of plan.edits) out[e.sheet] = applyRowEdits(book[e.sheet], e);
  return out;
}

const codes = (grid: Grid): string[] => grid.map((r) => String(r[0] ?? ''));
const rowOf = (grid: Grid, code: string): readonly CellValue[] =>
  grid.find((r) => r[0] === code) ?? [];
const blankAfter = (row: readonly CellValue[], from: number): boolean =>
  row.slice(from).every((v) => v === null || v === undefined || v === '');
const typedCells = (row: readonly CellValue[]): number =>
  row.slice(3).filter((v) => v !== null && v !== undefined && v !== '').length;

describe('a new criterion gets a row in every score sheet, where the tree puts it', () => {
  it('in the middle: right after its previous sibling, with empty score cells', () => {
    const book = exampleWorkbook();
    const s = loaded(book);
    addSibling(s, path(s, '1.1.1')); // 1.1.3, between 1.1.1 and 1.1.2
    const after = written(book, planSave(book, s));
    for (const name of [S.self, S.appraised]) {
      expect(codes(after[name]).slice(0, 4)).toEqual(['Mã tiêu chí', '1.1.1', '1.1.3', '1.1.2']);
      const row = rowOf(after[name], '1.1.3');
      expect(row.slice(0, 3)).toEqual(['1.1.3', vi.ui.criteria.newName, 1]);
      expect(blankAfter(row, 3)).toBe(true);
      // every other row as it was
      expect(after[name].filter((r) => r[0] !== '1.1.3')).toEqual(book[name]);
    }
    expect(codes(after[S.criteria])).toContain('1.1.3');
  });

  it('at the end (nothing to shift) and at the start', () => {
    const book = exampleWorkbook();
    const s = loaded(book);
    addRoot(s);
    const last = s.criteria[s.criteria.length - 1].code;
    let plan = planSave(book, s);
    if (plan.kind !== 'write') throw new Error('write');
    const ins = plan.edits.find((e) => e.sheet === S.self)?.inserts ?? [];
    expect(ins).toEqual([
      { row: book[S.self].length, rows: [[last, 'Tiêu chí mới', 1]], shift: false },
    ]);
    let after = written(book, plan);
    expect(codes(after[S.self]).at(-1)).toBe(last);

    const t = loaded(book);
    addRoot(t);
    for (let i = t.criteria.length - 1; i > 0; i--) moveCriterion(t, [i], -1);
    expect(t.criteria[0].code).toBe(last);
    plan = planSave(book, t);
    after = written(book, plan);
    expect(codes(after[S.appraised]).slice(0, 3)).toEqual(['Mã tiêu chí', last, '1.1.1']);
  });

  it('under a parent, in a sheet with section rows (the template), and a new section', () => {
    const book = workbookFromTemplate();
    const s = loaded(book);
    addChild(s, path(s, '1')); // 1.7 after 1.6, before section row 2
    const field = s.criteria[addRoot(s)[0]];
    addChild(s, [s.criteria.length - 1]); // the new field becomes a section with one child
    const plan = planSave(book, s);
    const after = written(book, plan);
    for (const name of [S.self, S.appraised]) {
      expect(codes(after[name])).toEqual([
        'Mã tiêu chí',
        '1',
        '1.1',
        '1.2',
        '1.3',
        '1.4',
        '1.5',
        '1.6',
        '1.7',
        '2',
        '2.1',
        '2.2',
        '2.3',
        '2.4',
        '3',
        '3.1',
        '3.2',
        '3.3',
        field.code,
        `${field.code}.1`,
      ]);
    }
    // the preview follows the new tree (its rows are those of the score sheets)
    if (plan.kind !== 'write') throw new Error('write');
    expect(plan.preview?.rows.map((r) => r[0]).slice(0, 21)).toEqual([
      ...codes(after[S.self]),
      'sipas',
    ]);
  });

  it('below the "Người chấm" row of a panel sheet', () => {
    const book = workbookOf(panelSpec({}));
    const s = loaded(book);
    addSibling(s, path(s, '1.1'));
    const code = s.criteria[0].children?.[1].code ?? s.criteria[1].code;
    const after = written(book, planSave(book, s));
    const grid = after[S.appraised];
    expect(grid[1]).toEqual(book[S.appraised][1]);
    expect(codes(grid).slice(0, 4)).toEqual(['Mã tiêu chí', 'Người chấm', '1.1', code]);
  });
});

describe('a moved or renamed criterion keeps its typed cells', () => {
  it('a move takes the row and its scores along', () => {
    const book = exampleWorkbook();
    const s = loaded(book);
    moveCriterion(s, path(s, '1.2'), 1); // after 1.3
    const after = written(book, planSave(book, s));
    for (const name of [S.self, S.appraised]) {
      expect(codes(after[name]).slice(1, 5)).toEqual(['1.1.1', '1.1.2', '1.3', '1.2']);
      expect(rowOf(after[name], '1.2')).toEqual(rowOf(book[name], '1.2'));
      expect(rowOf(after[name], '1.3')).toEqual(rowOf(book[name], '1.3'));
    }
  });

  it('a new code rewrites the code cell in place', () => {
    const book = exampleWorkbook();
    const s = loaded(book);
    expect(setCriterionCode(s, findByCode(s.criteria, '1.3')!, '1.4')).toBeUndefined();
    const plan = planSave(book, s);
    if (plan.kind !== 'write') throw new Error('write');
    const self = plan.edits.find((e) => e.sheet === S.self);
    expect(self?.deletes).toEqual([]);
    expect(self?.inserts).toEqual([]);
    expect(self?.cells).toEqual([{ row: 4, col: 0, value: '1.4' }]);
    const after = written(book, plan);
    expect(after[S.self][4]).toEqual(['1.4', ...book[S.self][4].slice(1)]);
  });
});

describe('a delete', () => {
  it('of an unscored criterion removes its rows without asking', () => {
    const book = workbookFromTemplate();
    const s = loaded(book);
    removeCriterion(s, path(s, '1.2'));
    const after = written(book, planSave(book, s));
    for (const name of [S.self, S.appraised]) {
      expect(codes(after[name])).not.toContain('1.2');
      expect(after[name]).toHaveLength(book[name].length - 1);
    }
  });

  it('of a scored criterion asks first, saying how many cells per sheet; confirmed, it goes', () => {
    const book = exampleWorkbook();
    const s = loaded(book);
    removeCriterion(s, path(s, '1.3'));
    const plan = planSave(book, s);
    const self = typedCells(rowOf(book[S.self], '1.3'));
    const appraised = typedCells(rowOf(book[S.appraised], '1.3'));
    expect(self).toBe(15);
    expect(appraised).toBe(5);
    expect(plan).toEqual({
      kind: 'confirm',
      questions: [
        expect.objectContaining({ severity: 'warning', sheet: S.self }),
        expect.objectContaining({ severity: 'warning', sheet: S.appraised }),
      ],
    });
    if (plan.kind !== 'confirm') throw new Error('confirm');
    expect(plan.questions.map((q) => q.text)).toEqual([
      `Trang tính "Tự chấm": xoá dòng của tiêu chí 1.3 sẽ mất ${self} ô điểm đã nhập.`,
      `Trang tính "Chấm điểm": xoá dòng của tiêu chí 1.3 sẽ mất ${appraised} ô điểm đã nhập.`,
    ]);
    const after = written(book, planSave(book, s, { confirmed: true }));
    expect(codes(after[S.self])).not.toContain('1.3');
    expect(codes(after[S.appraised])).not.toContain('1.3');
  });

  it('a scored leaf given a child counts its cells as dropped too', () => {
    const book = exampleWorkbook();
    const s = loaded(book);
    addChild(s, path(s, '1.1.1'));
    const plan = planSave(book, s);
    expect(plan.kind).toBe('confirm');
    const after = written(book, planSave(book, s, { confirmed: true }));
    expect(codes(after[S.self]).slice(1, 3)).toEqual(['1.1.1.1', '1.1.2']);
  });
});

describe('nothing is planned on errors', () => {
  it('a leaf that can give no points stops the save, naming it', () => {
    const book = exampleWorkbook();
    const s = loaded(book);
    const leaf = findByCode(s.criteria, '1.1.1')!;
    leaf.max = 0;
    const plan = planSave(book, s);
    expect(plan.kind).toBe('errors');
    if (plan.kind !== 'errors') return;
    expect(plan.errors.map((e) => e.text)).toContainEqual(
      expect.stringContaining('"Ban hành kế hoạch CCHC năm kịp thời" không cho điểm nào'),
    );
  });
});

describe('checkSetup: a leaf whose rule can give no points', () => {
  const base = (): CampaignSetup => loaded(exampleWorkbook());
  const issuesOf = (s: CampaignSetup) =>
    checkSetup(s)
      .filter((i) => i.key === 'criterionGivesNoPoints')
      .map(formatIssue);

  it('"Đạt/Không đạt" with max 0 is an error at the criterion', () => {
    const s = base();
    s.criteria.push({ code: '9', name: 'Mới', max: 0, rule: { kind: 'tick' } });
    expect(issuesOf(s)).toEqual([
      'Tiêu chí 9: "Mới" không cho điểm nào (Đạt/Không đạt, điểm tối đa 0): hãy nhập điểm tối đa, hoặc điểm của một mức, lớn hơn 0.',
    ]);
  });

  it('levels that all give 0 are an error', () => {
    const s = base();
    s.criteria.push({
      code: '9',
      name: 'Mới',
      max: 2,
      rule: { kind: 'levels', levels: [{ label: 'A', points: 0 }] },
    });
    expect(issuesOf(s)).toHaveLength(1);
  });

  it('a pure-penalty deduction with max 0 stays valid', () => {
    const s = base();
    s.criteria.push({ code: '9', name: 'Phạt', max: 0, rule: { kind: 'deduction', perCount: 1 } });
    expect(issuesOf(s)).toEqual([]);
  });

  it('a new leaf from the pane is worth a point (not a silent 0)', () => {
    const s = base();
    addRoot(s);
    expect(s.criteria.at(-1)?.max).toBe(1);
    expect(issuesOf(s)).toEqual([]);
  });
});

describe("the department block's quota raised to 4 changes a nomination basis (sequence 1)", () => {
  it("is asked before writing, in the run warning's words; confirmed, it is saved", () => {
    const book = exampleWorkbook();
    const s = loaded(book);
    const award = s.awards?.awards[0];
    if (!award) throw new Error('award');
    award.quotaPerBlock = { so: 4, huyen: 3 };
    const plan = planSave(book, s);
    expect(plan.kind).toBe('confirm');
    if (plan.kind !== 'confirm') return;
    expect(plan.questions.map((q) => q.text)).toEqual([
      expect.stringMatching(
        /^Sau khi lưu: .*Đơn vị SYT nay được đề nghị khen thưởng; đề cử theo diện liền kề cần xem lại\.$/,
      ),
    ]);
    expect(plan.questions[0]).toMatchObject({ severity: 'warning', sheet: S.nominations });
    expect(planSave(book, s, { confirmed: true }).kind).toBe('write');
  });

  it('is not asked again when the workbook already has it', () => {
    const book = written(
      exampleWorkbook(),
      planSave(exampleWorkbook(), quota4(), { confirmed: true }),
    );
    expect(planSave(book, quota4()).kind).toBe('write');
  });

  function quota4(): CampaignSetup {
    const s = loaded(exampleWorkbook());
    s.awards!.awards[0].quotaPerBlock = { so: 4, huyen: 3 };
    return s;
  }
});

function workbookFromTemplate(): Workbook {
  const out: Workbook = {};
  for (const t of templateSheets(starterCampaign(3, 2024)))
    out[t.name] = t.rows.map((r) => r.map((v) => (v === undefined ? null : v)));
  return out;
}
