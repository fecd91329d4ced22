// "Tiêu chí": the criteria tree, each criterion's maximum, scoring rule and its parameters.
import { vi } from '../../i18n/vi';
import { cellAddress, error, warning, type Issue } from '../../model/issues';
import type { CellRef, CriterionSpec, RuleSpec } from '../../model/types';
import { fromMicro, toMicro } from '../../numbers/points';
import { labelKey } from '../../scoring/cells';
import {
  cellAt,
  headerColumns,
  headerRow,
  isBlankRow,
  listOf,
  numberOf,
  ref,
  text,
  type Grid,
} from '../grid';
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

/** A roman numeral I–MMMCMXCIX, or a single capital letter: the code of a field (section). */
const FIELD =
  /^(?:(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})|[A-Z])$/;
/** "1", "1.1", "2.3.1": a numbered row. */
const NUMBERED = /^\d+(?:\.\d+)*$/;
/** "a)", "b.", "(c)", "đ)": a lettered item, a child of the numbered row above it. */
const LETTERED = /^\(?([a-zđ])[).]$|^\(([a-zđ])\)$/;
/** A code followed by the row's name in one cell ("I. CÔNG TÁC CHỈ ĐẠO", merged across the row). */
const CODE_AND_NAME =
  /^((?:[IVXLCDM]+|[A-Z]|\d+(?:\.\d+)*)[.)]?|\(?[a-zđ][).]|\([a-zđ]\))\s+(\S.*)$/;

/** How a code typed in "Tiêu chí" reads. */
type CodeShape =
  | { kind: 'field'; key: string }
  | { kind: 'numbered'; path: string }
  | { kind: 'lettered'; letter: string }
  | { kind: 'other'; code: string };

/** The shape of a code as typed: a trailing "." or ")" after a field or a number is dropped. */
export function codeShape(typed: string): CodeShape {
  const lettered = LETTERED.exec(typed);
  if (lettered) return { kind: 'lettered', letter: lettered[1] ?? lettered[2] };
  const bare = /^[^.)]+(?:\.[^.)]+)*[.)]$/.test(typed) ? typed.slice(0, -1) : typed;
  if (FIELD.test(bare)) return { kind: 'field', key: bare };
  if (NUMBERED.test(bare)) return { kind: 'numbered', path: bare };
  return { kind: 'other', code: typed };
}

/** One row's place in the tree: its key (the full code) and its parent's key, or a problem. */
export type KeyedCode =
  { key: string; parent: string | null } | { problem: 'itemWithoutParent'; letter: string };

/**
 * Codes read in context, row after row, as published tables write them:
 * - a field code (roman numeral I, II … or a capital letter A, B …, with or without a "." or
 *   ")") is a top-level row and opens that field;
 * - under a field, a code that starts with a number is read inside it: "1" is "II.1", "1.2"
 *   is "II.1.2", its parent "II.1"; before any field (or after a top-level code of another
 *   kind), "1.2" is itself, its parent "1", as the dotted codes have always read;
 * - a lettered item ("a)", "b.", "(c)") is a child of the nearest row above that is not a
 *   lettered item: "a)" under "II.1.2" is "II.1.2.a";
 * - any other code is its own key, its parent the code before its last dot ("II.1.2.a" typed
 *   in full reads as itself).
 * `null` entries (blank rows, total rows) are passed over.
 */
export function keyCodes(codes: readonly (string | null)[]): (KeyedCode | null)[] {
  let field: string | null = null;
  let numbered: string | null = null;
  const parentOf = (key: string): string | null => {
    const dot = key.lastIndexOf('.');
    return dot > 0 ? key.slice(0, dot) : null;
  };
  return codes.map((typed): KeyedCode | null => {
    if (typed === null) return null;
    // a missing code (reported by the compiler) leaves the context as it was
    if (typed === '') return { key: '', parent: null };
    const shape = codeShape(typed);
    let keyed: KeyedCode;
    switch (shape.kind) {
      case 'field':
        field = shape.key;
        keyed = { key: shape.key, parent: null };
        break;
      case 'numbered':
        if (field === null) keyed = { key: shape.path, parent: parentOf(shape.path) };
        else {
          const key = `${field}.${shape.path}`;
          keyed = { key, parent: parentOf(key) };
        }
        break;
      case 'lettered':
        if (numbered === null) return { problem: 'itemWithoutParent', letter: shape.letter };
        return { key: `${numbered}.${shape.letter}`, parent: numbered };
      case 'other': {
        const relative = field !== null && /^\d/.test(shape.code);
        const key = relative ? `${field}.${shape.code}` : shape.code;
        if (!relative && !key.includes('.')) field = null;
        keyed = { key, parent: parentOf(key) };
        break;
      }
    }
    numbered = keyed.key;
    return keyed;
  });
}

/**
 * Codes of a tree (a setup edited in the task pane) that would not read back as themselves
 * once written to "Tiêu chí" in tree order: a numbered top-level code after a field code
 * ("3" after "II" reads as "II.3"), or a child whose code does not read under its parent.
 */
export function codesReadBack(
  criteria: readonly CriterionSpec[],
): { code: string; key: string; source?: CellRef }[] {
  const nodes: { node: CriterionSpec; parent: string | null }[] = [];
  const walk = (list: readonly CriterionSpec[], parent: string | null): void => {
    for (const node of list) {
      nodes.push({ node, parent });
      if (node.children?.length) walk(node.children, node.code);
    }
  };
  walk(criteria, null);
  const keyed = keyCodes(nodes.map(({ node }) => node.code));
  const out: { code: string; key: string; source?: CellRef }[] = [];
  nodes.forEach(({ node, parent }, i) => {
    const k = keyed[i];
    if (!k || node.code === '') return;
    const key = 'key' in k ? k.key : node.code;
    if (key !== node.code || ('key' in k && k.parent !== parent))
      out.push({ code: node.code, key, ...(node.source ? { source: node.source } : {}) });
  });
  return out;
}

/** The row of a table's total ("Tổng cộng"): no code, one of the total names, no rule. */
function isTotalRow(code: string, name: string, rule: string): boolean {
  if (code !== '' || rule !== '') return false;
  const key = labelKey(name.replace(/[:.]$/, ''));
  return vi.criteriaTable.totalNames.some((n) => labelKey(n) === key);
}

/** The code after a typed one ("1.1" → "1.2", "a)" → "b)"), for a hint. */
function nextKey(typed: string): string {
  const end = /[.)]$/.test(typed) && !NUMBERED.test(typed) ? typed.slice(-1) : '';
  const key = end ? typed.slice(0, -1).replace(/^\(/, '') : typed;
  const dot = key.lastIndexOf('.');
  const head = dot >= 0 ? key.slice(0, dot + 1) : '';
  const last = key.slice(dot + 1);
  if (/^\d+$/.test(last)) return `${head}${Number(last) + 1}${end}`;
  if (/^[a-y]$/.test(last)) return `${head}${String.fromCharCode(last.charCodeAt(0) + 1)}${end}`;
  return `${key}.1`;
}

interface CriterionRow {
  r: number;
  /** The code as typed (its cell's text, or the code part of a code-and-name cell). */
  typed: string;
  name: string;
}

/** The rows of "Tiêu chí" that are criteria, with their code and name as typed. */
function criterionRows(
  grid: Grid,
  cols: { code: number; name: number; rule: number },
): {
  rows: CriterionRow[];
  totals: { r: number; name: string }[];
} {
  const rows: CriterionRow[] = [];
  const totals: { r: number; name: string }[] = [];
  for (let r = 1; r < grid.length; r++) {
    if (isBlankRow(grid[r])) continue;
    let typed = text(cellAt(grid, r, cols.code));
    let name = cols.name >= 0 ? text(cellAt(grid, r, cols.name)) : '';
    // "I. CÔNG TÁC CHỈ ĐẠO" in the code cell, the name cell blank (a header merged across the
    // row keeps its text in its top-left cell): the code, then the name
    const split = name === '' ? CODE_AND_NAME.exec(typed) : null;
    if (split) {
      typed = split[1];
      name = split[2];
    }
    const rule = cols.rule >= 0 ? text(cellAt(grid, r, cols.rule)) : '';
    if (isTotalRow(typed, name, rule) || isTotalRow('', typed, rule)) {
      totals.push({ r, name: name || typed });
      continue;
    }
    rows.push({ r, typed, name });
  }
  return { rows, totals };
}

const LABELS = {
  code: H.criterionCode,
  name: H.criterionName,
  max: H.max,
  rule: H.rule,
  params: H.params,
  blocks: H.appliesTo,
};

/** The full codes (keys) of every criterion row of "Tiêu chí", whatever else is wrong there. */
export function criterionKeys(grid: Grid | undefined): Set<string> {
  const keys = new Set<string>();
  if (!grid) return keys;
  const cols = headerColumns(grid[0], LABELS);
  if (cols.code < 0) return keys;
  const { rows } = criterionRows(grid, cols as { code: number; name: number; rule: number });
  for (const k of keyCodes(rows.map((row) => row.typed))) if (k && 'key' in k) keys.add(k.key);
  return keys;
}

/**
 * "Tiêu chí": one row per criterion, parents before their children; where each row goes in
 * the tree is read from its code in context (keyCodes), and the key becomes the criterion's
 * code, the one the score sheets use. A parent's blank max is the sum of its children's.
 */
export function parseCriteria(grid: Grid, issues: Issue[]): CriterionSpec[] {
  const sheet = S.criteria;
  const cols = headerRow(grid, sheet, LABELS, ['code', 'name', 'max', 'rule'], issues);
  if (cols.code < 0 || cols.max < 0) return [];
  const roots: CriterionSpec[] = [];
  const byKey = new Map<string, { node: CriterionSpec; r: number }>();
  const blankMax = new Set<CriterionSpec>();
  const { rows, totals } = criterionRows(grid, cols);
  const keyed = keyCodes(rows.map((row) => row.typed));
  rows.forEach(({ r, typed, name }, i) => {
    const k = keyed[i] as KeyedCode;
    const code = 'key' in k ? k.key : typed;
    const maxCell = cellAt(grid, r, cols.max);
    const max = numberOf(maxCell);
    const node: CriterionSpec = {
      code,
      name,
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
    if (max === undefined) {
      // blank: read as the sum of the children, if there are any (checked once the tree is built)
      if (text(maxCell) === '') blankMax.add(node);
      else issues.push(error('badNumber', { value: text(maxCell) }, at(sheet, r, cols.max)));
    }
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
    if ('problem' in k) {
      issues.push(
        error('itemWithoutParent', { code: typed, letter: k.letter }, at(sheet, r, cols.code)),
      );
      return;
    }
    const other = code === '' ? undefined : byKey.get(code);
    if (other) {
      issues.push(
        code === typed
          ? error('duplicateCriterionRow', { code }, at(sheet, r, cols.code))
          : error(
              'duplicateCriterionKey',
              {
                code: typed,
                key: code,
                other: cellAddress(ref(sheet, other.r, cols.code)),
                next: nextKey(typed),
              },
              at(sheet, r, cols.code),
            ),
      );
      return;
    }
    byKey.set(code, { node, r });
    if (k.parent === null) roots.push(node);
    else {
      const parent = byKey.get(k.parent)?.node;
      if (parent) (parent.children ??= []).push(node);
      else if (code !== typed && shapeIsRelative(typed)) {
        const field = code.slice(0, code.indexOf('.'));
        issues.push(
          error(
            'orphanInField',
            { code: typed, field, parent: k.parent.slice(field.length + 1), key: k.parent },
            at(sheet, r, cols.code),
          ),
        );
      } else
        issues.push(error('orphanCriterion', { code, parent: k.parent }, at(sheet, r, cols.code)));
    }
  });
  // A blank max on a parent: the sum of its children's (bonus leaves excluded), bottom up.
  const fill = (node: CriterionSpec): void => {
    if (!node.children?.length) {
      if (blankMax.has(node))
        issues.push(
          error('leafMaxMissing', { code: node.code }, { cell: node.cells?.max as CellRef }),
        );
      return;
    }
    node.children.forEach(fill);
    if (!blankMax.has(node)) return;
    let micro = 0;
    for (const ch of node.children) if (ch.rule?.kind !== 'bonus') micro += toMicro(ch.max);
    node.max = fromMicro(micro);
  };
  roots.forEach(fill);
  // A total row ("Tổng cộng"): not read, but a total other than the fields' is worth a look.
  for (const t of totals) {
    const stated = numberOf(cellAt(grid, t.r, cols.max));
    if (stated === undefined) continue;
    let micro = 0;
    for (const n of roots) if (n.rule?.kind !== 'bonus') micro += toMicro(n.max);
    if (toMicro(stated) !== micro)
      issues.push(
        warning(
          'totalRowMismatch',
          { name: t.name, max: show(stated), sum: show(fromMicro(micro)) },
          at(sheet, t.r, cols.max),
        ),
      );
  }
  return roots;
}

/** A code read inside the field above it ("1.1" under "II"). */
const shapeIsRelative = (typed: string): boolean => /^\d/.test(typed);

const show = (n: number): string => String(n).replace('.', ',');
