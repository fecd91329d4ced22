/**
 * "Tiêu chí" in the shapes people type or paste (issue 16): flat tables (a leaf at any level)
 * and published tables (I, II; 1, 1.1 inside the field; a) b) under the numbered row above;
 * spacer rows; a field header merged across the row; "2,5" typed as text; a total row), each
 * read into the tree with its keys, or one message per row saying what to change.
 */
import { evaluateCampaign } from '../../../shared/evaluate';
import { formatIssue, type Issue } from '../../../shared/model/issues';
import type { CampaignSpec, CellValue, CriterionSpec } from '../../../shared/model/types';
import { fromMicro } from '../../../shared/numbers/points';
import { parseWorkbook } from '../../../shared/workbook/parse';
import { criterionKeys, keyCodes, parseCriteria } from '../../../shared/workbook/parse/criteria';
import { applyRowEdits, planSave } from '../../../shared/workbook/save';
import { readSetup } from '../../../shared/workbook/setup';
import { walkCriteria } from '../../../ui/model/setup';
import {
  FLAT_EXPECTED,
  PASTED_CRITERIA,
  PASTED_EXPECTED,
  PASTED_KEYS,
  flatWorkbook,
  pastedWorkbook,
} from './pastedTable';

const HEADER = ['Mã tiêu chí', 'Tên tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Tham số'];

function read(rows: CellValue[][]): { tree: CriterionSpec[]; issues: string[] } {
  const issues: Issue[] = [];
  const tree = parseCriteria([HEADER, ...rows], issues);
  return { tree, issues: issues.map(formatIssue) };
}

/** The tree as "code (max)[children]" for a compact comparison. */
function shape(nodes: readonly CriterionSpec[]): string[] {
  return nodes.map((n) =>
    n.children?.length
      ? `${n.code} (${n.max})[${shape(n.children).join(', ')}]`
      : `${n.code} (${n.max})`,
  );
}

function evaluate(sheets: Record<string, CellValue[][]>) {
  const parsed = parseWorkbook(sheets);
  if (!parsed.spec) throw new Error(parsed.issues.map(formatIssue).join('\n'));
  const e = evaluateCampaign(parsed.spec);
  if (!e.ok) throw new Error(e.errors.map(formatIssue).join('\n'));
  return { spec: parsed.spec as CampaignSpec, e };
}

describe('flat tables: a leaf at any level', () => {
  test('a campaign with no fields: every criterion a top-level leaf, each its own field', () => {
    const { e } = evaluate(flatWorkbook());
    expect(e.campaign.fields.map((f) => f.code)).toEqual(['1', '2', '3', '4']);
    for (const u of e.units) {
      const want = FLAT_EXPECTED[u.id as keyof typeof FLAT_EXPECTED];
      expect(u.fields.map(fromMicro)).toEqual(want.fields);
      expect(fromMicro(u.total)).toBe(want.total);
      expect(fromMicro(u.printed.index ?? 0)).toBe(want.index);
    }
  });

  test('a top-level leaf among fields: one number for its field', () => {
    const { tree, issues } = read([
      ['1', 'Chỉ đạo', 3],
      ['1.1', 'Kế hoạch', 3, 'Đạt/Không đạt'],
      ['2', 'Một điểm chung', '2,5', 'Tỷ lệ', 'trên 100'],
    ]);
    expect(issues).toEqual([]);
    expect(shape(tree)).toEqual(['1 (3)[1.1 (3)]', '2 (2.5)']);
  });
});

describe('pasted tables read as published', () => {
  test('roman fields, numbered criteria, a) items, a spacer row, a merged header, "2,5"', () => {
    const issues: Issue[] = [];
    const tree = parseCriteria(PASTED_CRITERIA, issues);
    expect(issues.map(formatIssue)).toEqual([]);
    expect(shape(tree)).toEqual([
      'I (7)[I.1 (4)[I.1.1 (1.5), I.1.2 (2.5)], I.2 (3)[I.2.a (1.5), I.2.b (1.5)]]',
      'II (5)[II.1 (2), II.2 (3)]',
    ]);
    // the merged header: its code and its name, both from the one cell
    expect(tree[0].name).toBe('CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH');
    // each criterion is located at the row it was typed on
    expect(tree[0].children?.[1].children?.[0].source).toMatchObject({ row: 7, col: 1 });
    const codes: string[] = [];
    walkCriteria(tree, (n) => codes.push(n.code));
    expect(codes).toEqual(PASTED_KEYS);
  });

  test('scored through the keys: the hand-computed fields and totals', () => {
    const { e } = evaluate(pastedWorkbook());
    expect(e.campaign.fields.map((f) => [f.code, fromMicro(f.max)])).toEqual([
      ['I', 7],
      ['II', 5],
    ]);
    for (const u of e.units) {
      const want = PASTED_EXPECTED[u.id as keyof typeof PASTED_EXPECTED];
      expect(u.fields.map(fromMicro)).toEqual(want.fields);
      expect(fromMicro(u.total)).toBe(want.total);
      expect(fromMicro(u.printed.index ?? 0)).toBe(want.index);
    }
  });

  test('codes in context: fields open a scope, letters follow the numbered row above', () => {
    expect(keyCodes(['A.', '1', '1.1', 'a)', 'b.', '(c)', '2', 'đ)', 'B', '1'])).toEqual([
      { key: 'A', parent: null },
      { key: 'A.1', parent: 'A' },
      { key: 'A.1.1', parent: 'A.1' },
      { key: 'A.1.1.a', parent: 'A.1.1' },
      { key: 'A.1.1.b', parent: 'A.1.1' },
      { key: 'A.1.1.c', parent: 'A.1.1' },
      { key: 'A.2', parent: 'A' },
      { key: 'A.2.đ', parent: 'A.2' },
      { key: 'B', parent: null },
      { key: 'B.1', parent: 'B' },
    ]);
    // dotted codes as they have always read, and full keys typed as themselves
    expect(keyCodes(['1', '1.1', '2', 'II', 'II.1', 'II.1.a', '1'])).toEqual([
      { key: '1', parent: null },
      { key: '1.1', parent: '1' },
      { key: '2', parent: null },
      { key: 'II', parent: null },
      { key: 'II.1', parent: 'II' },
      { key: 'II.1.a', parent: 'II.1' },
      { key: 'II.1', parent: 'II' },
    ]);
  });

  test('"a)" under a plain numbered table keys as 1.2.a and is scored by that key', () => {
    const { tree, issues } = read([
      ['1', 'Chỉ đạo', 2],
      ['1.1', 'Kế hoạch', 1, 'Đạt/Không đạt'],
      ['1.2', 'Báo cáo', null],
      ['a)', 'Quý', '0,5', 'Đạt/Không đạt'],
      ['b)', 'Năm', '0,5', 'Đạt/Không đạt'],
    ]);
    expect(issues).toEqual([]);
    expect(shape(tree)).toEqual(['1 (2)[1.1 (1), 1.2 (1)[1.2.a (0.5), 1.2.b (0.5)]]']);
  });

  test('a total row is passed over, and checked against the fields', () => {
    const right = read([
      ['1', 'A', 2, 'Đạt/Không đạt'],
      [null, 'TỔNG CỘNG', 2],
    ]);
    expect(right.issues).toEqual([]);
    expect(shape(right.tree)).toEqual(['1 (2)']);
    const wrong = read([
      ['1', 'A', 2, 'Đạt/Không đạt'],
      ['Tổng cộng', null, 100],
    ]);
    expect(wrong.issues).toEqual([
      'Trang tính \'Tiêu chí\', ô C3: Dòng "Tổng cộng" ghi 100 điểm nhưng tổng điểm tối đa các lĩnh vực là 2; dòng tổng cộng không được đọc, hãy kiểm tra lại bảng tiêu chí.',
    ]);
  });
});

describe('pasted tables that cannot be read: one message per row, saying what to change', () => {
  test('"1.1" twice under "II"', () => {
    const { issues } = read([
      ['II', 'TTHC', 2],
      ['1', 'Công khai', 2],
      ['1.1', 'Đầy đủ', 1, 'Đạt/Không đạt'],
      ['1.1', 'Đúng hạn', 1, 'Đạt/Không đạt'],
    ]);
    expect(issues).toEqual([
      'Trang tính \'Tiêu chí\', ô A5: Mã "1.1" (mã đầy đủ II.1.1) đã có ở ô A4: hai dòng cùng mã. Sửa mã của một trong hai dòng (ví dụ 1.2).',
    ]);
  });

  test('"2.1" under "II" with no "2" above it', () => {
    const { issues } = read([
      ['II', 'TTHC', 1],
      ['1', 'Công khai', 1, 'Đạt/Không đạt'],
      ['2.1', 'Đúng hạn', 1, 'Đạt/Không đạt'],
    ]);
    expect(issues).toEqual([
      'Trang tính \'Tiêu chí\', ô A4: Mã "2.1" nằm dưới lĩnh vực II nhưng phía trên chưa có dòng mã "2" của lĩnh vực này (mã đầy đủ II.2). Thêm dòng đó trước nó hoặc sửa mã.',
    ]);
  });

  test('"a)" with no numbered row above it', () => {
    const { issues } = read([['a)', 'Quý', 1, 'Đạt/Không đạt']]);
    expect(issues).toEqual([
      'Trang tính \'Tiêu chí\', ô A2: Mục "a)" không có dòng đánh số nào phía trên để làm mục cha. Đặt nó dưới một dòng có mã (ví dụ 1 hoặc 1.1), hoặc ghi mã đầy đủ (ví dụ 1.1.a).',
    ]);
  });

  test('a leaf without its max (a parent may leave it blank)', () => {
    const { issues } = read([
      ['1', 'Chỉ đạo', null],
      ['1.1', 'Kế hoạch', null, 'Đạt/Không đạt'],
    ]);
    expect(issues).toEqual([
      "Trang tính 'Tiêu chí', ô C3: Tiêu chí 1.1 chưa có điểm tối đa. Nhập số điểm tối đa (ví dụ 2,5); chỉ dòng có mục con mới được để trống (tự cộng từ các mục con).",
    ]);
  });
});

describe('Save over a pasted table', () => {
  test('finds the score rows by the keys and writes "Tiêu chí" with them', () => {
    const book = pastedWorkbook();
    expect([...criterionKeys(book['Tiêu chí'])]).toEqual(PASTED_KEYS);
    const { setup } = readSetup(book);
    if (!setup) throw new Error('setup');
    walkCriteria(setup.criteria, (n) => (n.origin = n.code));
    const plan = planSave(book, setup);
    if (plan.kind !== 'write') throw new Error(JSON.stringify(plan));
    // nothing to move, add or delete in "Chấm điểm": every row was found by its key (only the
    // names, shortened in the fixture, are written again)
    expect(plan.edits.flatMap((e) => [...e.deletes, ...e.inserts])).toEqual([]);
    expect(plan.edits.flatMap((e) => e.cells.map((c) => c.col))).not.toContain(0);
    const criteria = plan.setup.find((b) => b.name === 'Tiêu chí');
    expect(criteria?.rows.slice(1).map((r) => r[0])).toEqual(PASTED_KEYS);
    const after: Record<string, CellValue[][]> = {
      ...book,
      'Tiêu chí': criteria?.rows as CellValue[][],
    };
    for (const e of plan.edits) after[e.sheet] = applyRowEdits(book[e.sheet], e);
    expect(evaluate(after).e.units.map((u) => fromMicro(u.total))).toEqual([11.5, 7.5, 6.25]);
  });
});
