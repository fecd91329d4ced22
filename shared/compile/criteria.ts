/** Compiles the criteria tree: codes, names, maxes, block scopes and each leaf's rule. */
import { error, type Issue } from '../model/issues';
import type { CampaignSpec, CriterionSpec } from '../model/types';
import { fromMicro, toMicro, type Micro } from '../numbers/points';
import { compileRule } from '../scoring/rules';
import { normalizeText } from '../scoring/cells';
import { vi } from '../i18n/vi';
import { cellOr, where } from './locations';
import type { BlockTable } from './blocks';
import type { CompiledField, CompiledLeaf } from './types';

/** Letters, digits and đ ("a)" … "đ)" items key as II.1.2.đ), joined by dots. */
const CODE = /^[0-9A-Za-zĐđ]+(\.[0-9A-Za-zĐđ]+)*$/;

interface TreeState {
  issues: Issue[];
  fields: CompiledField[];
  leaves: CompiledLeaf[];
  seen: Map<string, string>;
  blockIndex: Map<string, number>;
  /** The block codes, for messages: "so, huyen". */
  blockList: string;
  parents: Set<string>;
}

export interface CriteriaTree {
  fields: CompiledField[];
  leaves: CompiledLeaf[];
  /** Leaf index by code. */
  leafIndex: Map<string, number>;
  /** Every code met (parents included), with where it was, for duplicates and clashes. */
  seen: Map<string, string>;
  /** Codes of criteria with children. */
  parents: Set<string>;
}

const show = (micro: Micro): string => String(fromMicro(micro)).replace('.', ',');

/** Walks one node; returns the max it contributes to its parent (bonus leaves: 0). */
function walkCriterion(
  node: CriterionSpec,
  state: TreeState,
  field: number,
  parentCode: string | null,
  inherited: ReadonlySet<number> | null,
): Micro {
  const code = normalizeText(String(node.code ?? ''));
  const at = where(code, node.source);
  const { issues } = state;
  const location = node.source ? `${node.source.sheet}!${node.source.row}` : code;
  if (code === '') issues.push(error('emptyCriterionCode', {}, at));
  else if (!CODE.test(code)) issues.push(error('badCriterionCode', { code }, at));
  else if (parentCode !== null && !code.startsWith(parentCode + '.')) {
    issues.push(error('childCodeNotUnderParent', { code, parent: parentCode }, at));
  }
  const other = state.seen.get(code);
  if (code !== '' && other !== undefined) {
    issues.push(error('duplicateCriterionCode', { code, other }, at));
  }
  state.seen.set(code, location);
  if (code !== '' && normalizeText(String(node.name ?? '')) === '') {
    issues.push(
      error('emptyName', { what: vi.labels.criterion, code }, cellOr(node.cells?.name, at)),
    );
  }
  const maxNumber = Number(node.max);
  if (typeof node.max !== 'number' || !Number.isFinite(maxNumber)) {
    issues.push(error('maxNotNumber', { code }, cellOr(node.cells?.max, at)));
  } else if (maxNumber < 0) {
    issues.push(error('maxBelowZero', { code, max: node.max }, cellOr(node.cells?.max, at)));
  }
  const max = Number.isFinite(maxNumber) && maxNumber >= 0 ? toMicro(maxNumber) : 0;

  let blocks = inherited;
  if (node.blocks !== undefined) {
    const own = new Set<number>();
    for (const b of node.blocks) {
      const i = state.blockIndex.get(b);
      if (i === undefined) {
        issues.push(
          error(
            'unknownBlockInCriterion',
            { code, block: b, blocks: state.blockList },
            cellOr(node.cells?.blocks, at),
          ),
        );
      } else if (inherited === null || inherited.has(i)) own.add(i);
    }
    blocks = own;
  }

  const children = node.children ?? [];
  if (children.length > 0) {
    state.parents.add(code);
    if (node.rule) issues.push(error('parentWithRule', { code }, cellOr(node.cells?.rule, at)));
    if (node.rule?.kind === 'bonus') issues.push(error('bonusHasChildren', { code }, at));
    let sum = 0;
    for (const child of children) sum += walkCriterion(child, state, field, code, blocks);
    if (sum !== max) {
      issues.push(
        error(
          'parentMaxMismatch',
          { code, max: show(max), sum: show(sum) },
          cellOr(node.cells?.max, at),
        ),
      );
    }
    return max;
  }
  if (!node.rule) {
    issues.push(error('leafWithoutRule', { code }, cellOr(node.cells?.rule, at)));
    return max;
  }
  const { rule, issues: ruleIssues } = compileRule(
    node.rule,
    code,
    max,
    cellOr(node.cells?.params ?? node.cells?.rule, at),
  );
  issues.push(...ruleIssues);
  if (rule) {
    state.leaves.push({
      index: state.leaves.length,
      code,
      name: normalizeText(String(node.name ?? '')),
      max,
      field,
      rule,
      bonus: rule.kind === 'bonus',
      blocks,
    });
  }
  return rule?.kind === 'bonus' ? 0 : max;
}

/** The fields (level 1) and the leaves of the tree, in the order of the spec. */
export function compileCriteria(
  spec: CampaignSpec,
  { blockIndex, blockList }: BlockTable,
  issues: Issue[],
): CriteriaTree {
  const state: TreeState = {
    issues,
    fields: [],
    leaves: [],
    seen: new Map(),
    blockIndex,
    blockList,
    parents: new Set(),
  };
  if (!spec.criteria || spec.criteria.length === 0) {
    issues.push(error('noCriteria', {}, { settings: true }));
  }
  (spec.criteria ?? []).forEach((node, f) => {
    state.fields.push({
      code: normalizeText(String(node.code ?? '')),
      name: normalizeText(String(node.name ?? '')),
      max: 0,
    });
    walkCriterion(node, state, f, null, null);
  });
  const { fields, leaves } = state;
  for (const leaf of leaves) {
    if (!leaf.bonus) (fields[leaf.field] as CompiledField).max += leaf.max;
  }
  const leafIndex = new Map(leaves.map((l, i) => [l.code, i]));
  return { fields, leaves, leafIndex, seen: state.seen, parents: state.parents };
}
