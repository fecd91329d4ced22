/** The criteria tree's edits: add, remove, move, recode, max points, rules and blocks. */
import { formatMessage, vi } from '../../shared/i18n/vi';
import type { CampaignSetup, CriterionSpec, RuleKind, RuleSpec } from '../../shared/model/types';
import { fromMicro, toMicro } from '../../shared/numbers/points';
import { ruleParams } from '../../shared/workbook/inputs';
import { parseRule } from '../../shared/workbook/parse/criteria';
import {
  clearLocations,
  findByCode,
  moveItem,
  nodeAt,
  pathOf,
  walkCriteria,
  type Path,
} from './setup';
import { parseNumber } from './text';

const W = vi.workbook;
const U = vi.ui;

function siblings(
  criteria: CriterionSpec[],
  path: Path,
): { list: CriterionSpec[]; parent?: CriterionSpec; index: number } {
  const index = path[path.length - 1];
  if (path.length === 1) return { list: criteria, index };
  const parent = nodeAt(criteria, path.slice(0, -1)) as CriterionSpec;
  return { list: (parent.children ??= []), parent, index };
}

const isLeaf = (node: CriterionSpec): boolean => !node.children?.length;

const ROMAN: readonly [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
const toRoman = (n: number): string => {
  let out = '';
  let rest = n;
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
};
const fromRoman = (s: string): number | undefined => {
  if (!/^[IVXLCDM]+$/.test(s)) return undefined;
  let n = 0;
  let rest = s;
  for (const [value, letters] of ROMAN) {
    while (rest.startsWith(letters)) {
      n += value;
      rest = rest.slice(letters.length);
    }
  }
  return rest === '' && toRoman(n) === s ? n : undefined;
};
/** The letters of lettered items, in order ("đ" after "d", as Vietnamese tables count). */
const LETTERS: string = vi.criteriaTable.itemLetters;

/**
 * The last step of each code of a list, read in the numbering the list uses: roman fields
 * (I, II), capital letters (A, B), lettered items (a, b) or numbers.
 */
function numbering(lastSteps: readonly string[]): {
  of: (step: string) => number | undefined;
  make: (n: number) => string;
} {
  const last = lastSteps[lastSteps.length - 1] ?? '';
  // "C" and "D" are roman numerals too: letters when a sibling is a letter no numeral spells
  const capitals = lastSteps.some((x) => /^[A-Z]$/.test(x) && fromRoman(x) === undefined);
  if (fromRoman(last) !== undefined && !capitals) return { of: fromRoman, make: toRoman };
  if (/^[A-Z]$/.test(last))
    return {
      of: (x) => (/^[A-Z]$/.test(x) ? x.charCodeAt(0) - 64 : undefined),
      make: (n) => String.fromCharCode(64 + Math.min(n, 26)),
    };
  if (LETTERS.includes(last) && last.length === 1)
    return {
      of: (x) => (x.length === 1 && LETTERS.includes(x) ? LETTERS.indexOf(x) + 1 : undefined),
      make: (n) => LETTERS[Math.min(n, LETTERS.length) - 1],
    };
  return {
    of: (x) => (/^\d+$/.test(x) ? Number(x) : undefined),
    make: (n) => String(n),
  };
}

/**
 * The next free code under a parent (or among the fields): one more than the highest last step
 * in use, counted the way the siblings are (1, 2; I, II; A, B; a, b), never a code that exists
 * elsewhere in the tree.
 */
export function nextCode(criteria: readonly CriterionSpec[], parent?: CriterionSpec): string {
  const list = parent ? (parent.children ?? []) : criteria;
  const prefix = parent ? `${parent.code}.` : '';
  const steps = list.map((c) => c.code.slice(c.code.lastIndexOf('.') + 1));
  const { of, make } = numbering(steps);
  let n = 0;
  for (const step of steps) {
    const k = of(step);
    if (k !== undefined && k > n) n = k;
  }
  const used = new Set<string>();
  walkCriteria(criteria, (node) => used.add(node.code));
  do n++;
  while (used.has(`${prefix}${make(n)}`) && n < 10_000);
  return `${prefix}${make(n)}`;
}

/** Every parent's max becomes the exact sum of its children's (bonus leaves excluded). */
export function recomputeMax(criteria: readonly CriterionSpec[]): void {
  const sum = (node: CriterionSpec): number => {
    if (isLeaf(node)) return toMicro(node.max);
    let micro = 0;
    for (const child of node.children as CriterionSpec[]) {
      const m = sum(child);
      if (child.rule?.kind !== 'bonus') micro += m;
    }
    node.max = fromMicro(micro);
    return micro;
  };
  criteria.forEach(sum);
}

/**
 * A new criterion: "Nhập điểm" worth 1 point (the most common rule in provincial tables), so it
 * counts from the start (a leaf that can give no points is an error at Save); the person sets
 * its max and rule next.
 */
const newLeaf = (code: string): CriterionSpec => ({
  code,
  name: U.criteria.newName,
  max: 1,
  rule: { kind: 'points' },
});

/** A new field (level 1) at the end; returns its path. */
export function addRoot(setup: CampaignSetup): Path {
  setup.criteria.push(newLeaf(nextCode(setup.criteria)));
  clearLocations(setup);
  return [setup.criteria.length - 1];
}

/**
 * A new last child. The first child of a leaf takes over its max and rule (a parent has no rule
 * of its own), so the tree's totals do not change.
 */
export function addChild(setup: CampaignSetup, path: Path): Path {
  const parent = nodeAt(setup.criteria, path) as CriterionSpec;
  const child = newLeaf(nextCode(setup.criteria, parent));
  if (isLeaf(parent)) {
    child.max = parent.max;
    if (parent.rule) child.rule = parent.rule;
    delete parent.rule;
  }
  (parent.children ??= []).push(child);
  recomputeMax(setup.criteria);
  clearLocations(setup);
  return [...path, parent.children.length - 1];
}

/** A new node right after this one, under the same parent. */
export function addSibling(setup: CampaignSetup, path: Path): Path {
  const { list, parent, index } = siblings(setup.criteria, path);
  list.splice(index + 1, 0, newLeaf(nextCode(setup.criteria, parent)));
  recomputeMax(setup.criteria);
  clearLocations(setup);
  return [...path.slice(0, -1), index + 1];
}

/** Removes a node and its subtree. A parent left without children becomes a "Nhập điểm" leaf. */
export function removeCriterion(setup: CampaignSetup, path: Path): void {
  const { list, parent, index } = siblings(setup.criteria, path);
  list.splice(index, 1);
  if (parent && list.length === 0) {
    delete parent.children;
    parent.rule = { kind: 'points' };
  }
  recomputeMax(setup.criteria);
  clearLocations(setup);
}

/** Moves a node among its siblings (codes stay: the score sheets refer to them). */
export function moveCriterion(setup: CampaignSetup, path: Path, delta: number): Path {
  const { list, index } = siblings(setup.criteria, path);
  const to = moveItem(list, index, delta);
  if (to !== index) clearLocations(setup);
  return [...path.slice(0, -1), to];
}

/**
 * A new code for a node; its descendants' codes follow ("2.3" → "2.4" renames "2.3.1" to
 * "2.4.1"). Returns an error when the code is empty, not under the parent's, or taken.
 */
export function setCriterionCode(
  setup: CampaignSetup,
  node: CriterionSpec,
  text: string,
): string | undefined {
  const code = text.trim();
  if (code === node.code) return undefined;
  const path = pathOf(setup.criteria, node);
  const parent = path && path.length > 1 ? nodeAt(setup.criteria, path.slice(0, -1)) : undefined;
  const prefix = parent ? `${parent.code}.` : '';
  const last = code.slice(prefix.length);
  // a number; at the top level also a roman numeral or a capital letter (a field, I or A);
  // below it also one small letter (an item, a or đ), as published tables number them
  const ok = parent
    ? /^(?:\d+|[a-zđ])$/.test(last)
    : /^\d+$/.test(last) || fromRoman(last) !== undefined || /^[A-Z]$/.test(last);
  if (!code.startsWith(prefix) || !ok)
    return parent
      ? formatMessage(vi.criteriaTable.ui.badChildCode, { parent: parent.code })
      : vi.criteriaTable.ui.badRootCode;
  if (findByCode(setup.criteria, code)) return formatMessage(U.criteria.duplicateCode, { code });
  const old = node.code;
  walkCriteria([node], (n) => {
    if (n.code === old) n.code = code;
    else if (n.code.startsWith(`${old}.`)) n.code = code + n.code.slice(old.length);
  });
  return undefined;
}

/** A leaf's max points from the text typed ("2,5"); parents' maxima follow. */
export function setCriterionMax(
  setup: CampaignSetup,
  node: CriterionSpec,
  text: string,
): string | undefined {
  const n = parseNumber(text);
  if (!n.ok) return n.error;
  if (n.value < 0) return U.input.negative;
  node.max = n.value;
  recomputeMax(setup.criteria);
  return undefined;
}

/** A rule of this kind to start from when a person switches a leaf to it. */
export function defaultRule(kind: RuleKind, max: number): RuleSpec {
  switch (kind) {
    case 'points':
      return { kind };
    case 'tick':
      return { kind };
    case 'levels':
      return {
        kind,
        levels: [
          { label: U.criteria.defaultLevels.done, points: max },
          { label: U.criteria.defaultLevels.notDone, points: 0 },
        ],
      };
    case 'tiers':
      return { kind, tiers: [{ min: 100, points: max }] };
    case 'proportional':
      return { kind, of: 100 };
    case 'deduction':
      return { kind, perCount: 0.5 };
    case 'bonus':
      return { kind };
  }
}

/** The parameters of a leaf's rule as the "Tham số" column holds them. */
export function paramsText(node: CriterionSpec): string {
  return node.rule ? ruleParams(node.rule) : '';
}

/** Switches a leaf's rule kind, keeping its parameters when they read under the new kind. */
export function setRuleKind(setup: CampaignSetup, node: CriterionSpec, kind: RuleKind): void {
  if (node.rule?.kind === kind) return;
  const text = paramsText(node);
  node.rule = (text !== '' ? parseRule(kind, text) : undefined) ?? defaultRule(kind, node.max);
  recomputeMax(setup.criteria);
}

/** Reads the "Tham số" text of a leaf with the workbook's parser; sets the rule when it reads. */
export function setRuleParams(node: CriterionSpec, text: string): string | undefined {
  const kind = node.rule?.kind ?? 'points';
  const rule = parseRule(kind, text);
  if (!rule)
    return formatMessage(vi.errors.badRuleParams, { value: text, rule: W.choices.rules[kind] });
  node.rule = rule;
  return undefined;
}

/** The blocks a criterion applies to; none = every block. */
export function setCriterionBlocks(node: CriterionSpec, ids: readonly string[]): void {
  if (ids.length) node.blocks = [...ids];
  else delete node.blocks;
}
