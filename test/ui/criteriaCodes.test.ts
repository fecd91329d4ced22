/**
 * The pane's criteria tree with the codes of published tables (issue 16): a top-level leaf,
 * roman fields and lettered items numbered as their siblings are, codes checked so that "Tiêu
 * chí", written in tree order, reads back as the same tree.
 */
import { formatIssue } from '../../shared/model/issues';
import type { CampaignSetup } from '../../shared/model/types';
import { parseCriteria } from '../../shared/workbook/parse/criteria';
import { checkSetup, readSetup, setupSheets } from '../../shared/workbook/setup';
import {
  addChild,
  addRoot,
  addSibling,
  moveCriterion,
  nextCode,
  setCriterionCode,
} from '../../ui/model/criteria';
import { walkCriteria } from '../../ui/model/setup';
import { vi } from '../../shared/i18n/vi';
import { pastedWorkbook } from '../shared/workbook/pastedTable';

function pastedSetup(): CampaignSetup {
  const { setup, issues } = readSetup(pastedWorkbook());
  if (!setup) throw new Error(issues.map(formatIssue).join('\n'));
  return setup;
}

const codes = (s: CampaignSetup): string[] => {
  const out: string[] = [];
  walkCriteria(s.criteria, (n) => out.push(n.code));
  return out;
};

/** The setup written to "Tiêu chí" and read again: the same codes in the same places. */
function readBack(s: CampaignSetup): string[] {
  const sheet = setupSheets(s).find((b) => b.name === vi.workbook.sheets.criteria);
  const tree = parseCriteria(sheet?.rows ?? [], []);
  return codes({ ...s, criteria: tree });
}

describe('a top-level leaf from the pane', () => {
  test('"Thêm lĩnh vực" adds a leaf at the top level, scored as one number', () => {
    const s = pastedSetup();
    const path = addRoot(s);
    expect(path).toEqual([2]);
    const leaf = s.criteria[2];
    expect(leaf.code).toBe('III');
    expect(leaf.children).toBeUndefined();
    expect(leaf.rule).toBeDefined();
    expect(checkSetup(s).filter((i) => i.severity === 'error')).toEqual([]);
    expect(readBack(s)).toEqual(codes(s));
  });
});

describe('codes numbered as the siblings are', () => {
  test('roman fields, numbers, lettered items', () => {
    const s = pastedSetup();
    expect(nextCode(s.criteria)).toBe('III');
    expect(nextCode(s.criteria, s.criteria[0])).toBe('I.3');
    const report = s.criteria[0].children?.[1];
    expect(nextCode(s.criteria, report)).toBe('I.2.c');
    expect(addSibling(s, [0, 1, 1])).toEqual([0, 1, 2]);
    expect(report?.children?.[2].code).toBe('I.2.c');
    expect(addChild(s, [0, 1, 2])).toEqual([0, 1, 2, 0]);
    expect(report?.children?.[2].children?.[0].code).toBe('I.2.c.1');
    expect(checkSetup(s).filter((i) => i.severity === 'error')).toEqual([]);
    expect(readBack(s)).toEqual(codes(s));
  });

  test('capital letters, and C after A and B is a letter', () => {
    const s = pastedSetup();
    setCriterionCode(s, s.criteria[0], 'A');
    setCriterionCode(s, s.criteria[1], 'B');
    expect(nextCode(s.criteria)).toBe('C');
    expect(codes(s)).toContain('A.2.b');
  });

  test('codes typed: roman and letters accepted where published tables use them', () => {
    const s = pastedSetup();
    const item = s.criteria[0].children?.[1].children?.[1];
    if (!item) throw new Error('item');
    expect(setCriterionCode(s, item, 'I.2.đ')).toBeUndefined();
    expect(setCriterionCode(s, item, 'I.2.ab')).toBe(
      'Mã phải là mã tiêu chí cha "I.2" thêm một số hoặc chữ cái (ví dụ I.2.1 hoặc I.2.a).',
    );
    expect(setCriterionCode(s, s.criteria[1], 'IIII')).toBe(vi.criteriaTable.ui.badRootCode);
    expect(setCriterionCode(s, s.criteria[1], 'IV')).toBeUndefined();
    expect(codes(s)).toContain('IV.2');
  });
});

describe('a tree that would not read back is stopped at Save', () => {
  test('a numbered top-level criterion after a roman field', () => {
    const s = pastedSetup();
    addRoot(s);
    expect(setCriterionCode(s, s.criteria[2], '3')).toBeUndefined();
    // written after "II", "3" would read as "II.3"
    expect(checkSetup(s).map(formatIssue)).toContain(
      'Tiêu chí 3: Mã tiêu chí "3" ở vị trí này sẽ được đọc lại thành "II.3" (một mã số đứng sau lĩnh vực đánh số La Mã hay chữ cái thuộc về lĩnh vực đó). Đặt mã La Mã hay chữ cái cho nó (ví dụ III), hoặc chuyển nó lên trước các lĩnh vực đó.',
    );
    // moved before the roman fields, it reads as itself
    moveCriterion(s, [2], -1);
    moveCriterion(s, [1], -1);
    expect(s.criteria.map((n) => n.code)).toEqual(['3', 'I', 'II']);
    expect(checkSetup(s).filter((i) => i.severity === 'error')).toEqual([]);
    expect(readBack(s)).toEqual(codes(s));
  });
});
