// "Tiêu chí": the criteria tree, each criterion's maximum, scoring rule and its parameters.
import { vi } from '../../i18n/vi';
import { error, type Issue } from '../../model/issues';
import type { CriterionSpec, RuleSpec } from '../../model/types';
import { cellAt, headerRow, isBlankRow, listOf, numberOf, ref, text, type Grid } from '../grid';
import { at, choiceOf } from './common';

const W = vi.workbook;
const S = W.sheets;
const H = W.headers;

const num = (s: string): number => Number(s.replace(',', '.'));
const NUM = '(-?\\d+(?:[.,]\\d+)?)';

/** Rule parameters as typed in the "Tham số" column; undefined when they cannot be read. */
export function parseRule(kind: RuleSpec['kind'], params: string): RuleSpec | undefined {
  const parts = params
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  switch (kind) {
    case 'points': {
      // "bước 0,25" (also "bước: 0,25", "bước = 0,25" or the number alone); empty: any points
      if (parts.length === 0) return { kind };
      const m = new RegExp(`^(?:bước\\s*[:=]?\\s*)?${NUM}$`, 'i').exec(parts.join(' '));
      return m ? { kind, step: num(m[1]) } : undefined;
    }
    case 'tick':
      return { kind };
    case 'levels': {
      const levels = parts.map((p) => new RegExp(`^(.*?)\\s*[=:]\\s*${NUM}$`).exec(p));
      if (levels.length === 0 || levels.some((m) => !m)) return undefined;
      return {
        kind,
        levels: levels.map((m) => ({
          label: (m as RegExpExecArray)[1].trim(),
          points: num((m as RegExpExecArray)[2]),
        })),
      };
    }
    case 'tiers': {
      const tiers = parts.map((p) =>
        new RegExp(`^(?:≥|>=)?\\s*${NUM}\\s*%?\\s*[:=→]\\s*${NUM}$`).exec(p),
      );
      if (tiers.length === 0 || tiers.some((m) => !m)) return undefined;
      return {
        kind,
        tiers: tiers.map((m) => ({
          min: num((m as RegExpExecArray)[1]),
          points: num((m as RegExpExecArray)[2]),
        })),
      };
    }
    case 'proportional': {
      if (parts.length === 0) return { kind };
      const m = new RegExp(`^(?:trên|/)\\s*${NUM}$`, 'i').exec(parts.join(' '));
      return m ? { kind, of: num(m[1]) } : undefined;
    }
    case 'deduction':
    case 'bonus': {
      let per: number | undefined;
      let min: number | undefined;
      for (const p of parts) {
        const each = new RegExp(
          `^${NUM}\\s*(?:điểm\\s*)?(?:mỗi|/)\\s*(?:lần|vi phạm|sáng kiến|mục)?$`,
          'i',
        ).exec(p);
        const floor = new RegExp(`^(?:tối thiểu|sàn)\\s*${NUM}$`, 'i').exec(p);
        if (each) per = num(each[1]);
        else if (floor && kind === 'deduction') min = num(floor[1]);
        else return undefined;
      }
      if (kind === 'deduction') return per === undefined ? undefined : { kind, perCount: per, min };
      return per === undefined ? { kind } : { kind, perCount: per };
    }
  }
}

/** "Tiêu chí": one row per criterion; a code "1.2" is a child of "1", listed after it. */
export function parseCriteria(grid: Grid, issues: Issue[]): CriterionSpec[] {
  const sheet = S.criteria;
  const labels = {
    code: H.criterionCode,
    name: H.criterionName,
    max: H.max,
    rule: H.rule,
    params: H.params,
    blocks: H.appliesTo,
  };
  const cols = headerRow(grid, sheet, labels, ['code', 'name', 'max', 'rule'], issues);
  if (cols.code < 0 || cols.max < 0) return [];
  const roots: CriterionSpec[] = [];
  const byCode = new Map<string, CriterionSpec>();
  for (let r = 1; r < grid.length; r++) {
    if (isBlankRow(grid[r])) continue;
    const code = text(cellAt(grid, r, cols.code));
    const maxCell = cellAt(grid, r, cols.max);
    const max = numberOf(maxCell);
    if (max === undefined) {
      issues.push(error('badNumber', { value: text(maxCell) }, at(sheet, r, cols.max)));
    }
    const node: CriterionSpec = {
      code,
      name: text(cellAt(grid, r, cols.name)),
      max: max ?? 0,
      source: ref(sheet, r, cols.code),
      cells: {
        max: ref(sheet, r, cols.max),
        ...(cols.name >= 0 ? { name: ref(sheet, r, cols.name) } : {}),
        ...(cols.rule >= 0 ? { rule: ref(sheet, r, cols.rule) } : {}),
        ...(cols.params >= 0 ? { params: ref(sheet, r, cols.params) } : {}),
        ...(cols.blocks >= 0 ? { blocks: ref(sheet, r, cols.blocks) } : {}),
      },
    };
    const ruleText = cols.rule >= 0 ? text(cellAt(grid, r, cols.rule)) : '';
    if (ruleText !== '') {
      const kind = choiceOf(W.choices.rules, ruleText);
      const paramsText = cols.params >= 0 ? text(cellAt(grid, r, cols.params)) : '';
      if (!kind) {
        issues.push(
          error(
            'unknownRule',
            { value: ruleText, choices: Object.values(W.choices.rules).join(', ') },
            at(sheet, r, cols.rule),
          ),
        );
      } else {
        const rule = parseRule(kind, paramsText);
        if (rule) node.rule = rule;
        else
          issues.push(
            error(
              'badRuleParams',
              { value: paramsText, rule: ruleText },
              at(sheet, r, cols.params),
            ),
          );
      }
    }
    const blocks = cols.blocks >= 0 ? listOf(cellAt(grid, r, cols.blocks)) : [];
    if (blocks.length) node.blocks = blocks;
    const dot = code.lastIndexOf('.');
    const parentCode = dot > 0 ? code.slice(0, dot) : null;
    if (byCode.has(code)) {
      issues.push(error('duplicateCriterionRow', { code }, at(sheet, r, cols.code)));
      continue;
    }
    byCode.set(code, node);
    if (parentCode === null) roots.push(node);
    else {
      const parent = byCode.get(parentCode);
      if (!parent)
        issues.push(
          error('orphanCriterion', { code, parent: parentCode }, at(sheet, r, cols.code)),
        );
      else (parent.children ??= []).push(node);
    }
  }
  return roots;
}
