/**
 * The task pane's editing operations on a campaign setup, kept free of the DOM so they are unit
 * tested on their own: the criteria tree (add, remove, move, recode), blocks and bands, award
 * types with quotas and gates, settings. Texts a person types are read back with the workbook's
 * own readers (parseRule, parseBands, parseTieBreak and, for gates, the "Cấu hình" parser
 * itself), so the pane accepts exactly what the sheets accept.
 *
 * Operations mutate the setup in place: the pane keeps one working copy and remembers nodes by
 * identity (selection, per-field drafts), which stays valid across moves.
 */
import type { AwardTypeSpec, AwardsSpec, GateSpec } from '../shared/awards/types';
import { formatMessage, vi } from '../shared/i18n/vi';
import type { Issue } from '../shared/model/issues';
import { DEFAULT_SETTINGS } from '../shared/model/settings';
import type {
  BandSpec,
  BlockSpec,
  CampaignSetup,
  CellValue,
  CriterionSpec,
  RuleKind,
  RuleSpec,
  Settings,
  TieBreakSpec,
} from '../shared/model/types';
import { formatMicro, fromMicro, toMicro } from '../shared/numbers/points';
import { dateOf, numberOf } from '../shared/workbook/grid';
import { tieBreakText } from '../shared/report/tieBreakText';
import { bandsText, ruleParams } from '../shared/workbook/inputs';
import { parseBands, parseTieBreak } from '../shared/workbook/parse/config';
import { parseRule } from '../shared/workbook/parse/criteria';
import { readSetup } from '../shared/workbook/setup';

const W = vi.workbook;
const U = vi.ui;

/** A text read back: its value, or the Vietnamese reason it cannot be read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

/** Indexes from the roots down: [1, 0] is the first child of the second field. */
export type Path = readonly number[];

// ---------------------------------------------------------------------------------------------
// Numbers and messages

/** A number as a Vietnamese user reads it: decimal comma, no grouping ("2,5"). */
export function numberText(n: number | undefined): string {
  return n === undefined || !Number.isFinite(n) ? '' : String(n).replace('.', ',');
}

/** "2,5", "2.5" or 2.5 → 2.5 (the workbook's own number reader). */
export function parseNumber(text: string): Parsed<number> {
  const n = numberOf(text);
  return n === undefined ? fail(U.input.badNumber) : ok(n);
}

/** A whole number ≥ 0, or undefined for a blank text (e.g. "no cap"). */
export function parseCount(text: string): Parsed<number | undefined> {
  if (text.trim() === '') return ok(undefined);
  const n = numberOf(text);
  return n === undefined || !Number.isInteger(n) || n < 0 ? fail(U.input.badCount) : ok(n);
}

/** A required name (criterion, block, award type): trimmed, never empty. */
export function setName(item: { name: string }, text: string): string | undefined {
  const name = text.trim();
  if (name === '') return U.input.required;
  item.name = name;
  return undefined;
}

/** The message of an issue without its location (the pane shows it next to the field). */
export function issueMessage(issue: Issue): string {
  const template = issue.severity === 'error' ? vi.errors[issue.key] : vi.warnings[issue.key];
  return formatMessage(template, issue.params);
}

/** A deep copy (bands hold -Infinity, which JSON would lose). */
export function cloneSetup(setup: CampaignSetup): CampaignSetup {
  return structuredClone(setup);
}

/**
 * Forgets where things came from in the sheets. After a row is added, removed or moved the
 * saved sheets are laid out anew, so an old cell would point at the wrong row; messages then
 * name the criterion, block or award instead.
 */
export function clearLocations(setup: CampaignSetup): void {
  walkCriteria(setup.criteria, (node) => {
    delete node.source;
    delete node.cells;
  });
  for (const b of setup.blocks) delete b.source;
  for (const c of setup.components ?? []) delete c.source;
  for (const a of setup.awards?.awards ?? []) delete a.source;
  for (const c of setup.awards?.councilChoices ?? []) delete c.source;
}

/** Moves list[index] by delta (−1 up, +1 down); returns its new index (unchanged at an end). */
export function moveItem<T>(list: T[], index: number, delta: number): number {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return index;
  const [item] = list.splice(index, 1);
  list.splice(to, 0, item);
  return to;
}

// ---------------------------------------------------------------------------------------------
// The criteria tree

export function walkCriteria(
  nodes: readonly CriterionSpec[],
  visit: (node: CriterionSpec, path: Path, parent: CriterionSpec | undefined) => void,
  prefix: Path = [],
  parent?: CriterionSpec,
): void {
  nodes.forEach((node, i) => {
    const path = [...prefix, i];
    visit(node, path, parent);
    if (node.children) walkCriteria(node.children, visit, path, node);
  });
}

export function nodeAt(criteria: readonly CriterionSpec[], path: Path): CriterionSpec | undefined {
  let list: readonly CriterionSpec[] | undefined = criteria;
  let node: CriterionSpec | undefined;
  for (const i of path) {
    node = list?.[i];
    if (!node) return undefined;
    list = node.children;
  }
  return node;
}

/** The path of a node found by identity. */
export function pathOf(
  criteria: readonly CriterionSpec[],
  target: CriterionSpec,
): Path | undefined {
  let found: Path | undefined;
  walkCriteria(criteria, (node, path) => {
    if (node === target) found = path;
  });
  return found;
}

export function findByCode(
  criteria: readonly CriterionSpec[],
  code: string,
): CriterionSpec | undefined {
  let found: CriterionSpec | undefined;
  walkCriteria(criteria, (node) => {
    if (node.code === code) found ??= node;
  });
  return found;
}

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

/**
 * The next free code under a parent (or among the fields): one more than the highest last
 * number in use, never a code that exists elsewhere in the tree.
 */
export function nextCode(criteria: readonly CriterionSpec[], parent?: CriterionSpec): string {
  const list = parent ? (parent.children ?? []) : criteria;
  const prefix = parent ? `${parent.code}.` : '';
  let n = 0;
  for (const c of list) {
    const last = Number(c.code.slice(c.code.lastIndexOf('.') + 1));
    if (Number.isInteger(last) && last > n) n = last;
  }
  const used = new Set<string>();
  walkCriteria(criteria, (node) => used.add(node.code));
  do n++;
  while (used.has(`${prefix}${n}`));
  return `${prefix}${n}`;
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

const newLeaf = (code: string): CriterionSpec => ({
  code,
  name: U.criteria.newName,
  max: 0,
  rule: { kind: 'tick' },
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

/** Removes a node and its subtree. A parent left without children becomes a tick leaf. */
export function removeCriterion(setup: CampaignSetup, path: Path): void {
  const { list, parent, index } = siblings(setup.criteria, path);
  list.splice(index, 1);
  if (parent && list.length === 0) {
    delete parent.children;
    parent.rule = { kind: 'tick' };
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
  if (!code.startsWith(prefix) || !/^\d+$/.test(last))
    return formatMessage(U.criteria.badCode, { parent: parent?.code ?? '' });
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
  const kind = node.rule?.kind ?? 'tick';
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

// ---------------------------------------------------------------------------------------------
// Settings, bands, tie-break

/** The settings with the documented defaults filled in. */
export function settingsOf(setup: CampaignSetup): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...setup.settings,
    ranking: { ...DEFAULT_SETTINGS.ranking, ...setup.settings?.ranking },
  };
}

export function updateSettings(setup: CampaignSetup, patch: Partial<Settings>): void {
  setup.settings = { ...setup.settings, ...patch };
}

export function setRankingMethod(
  setup: CampaignSetup,
  method: Settings['ranking']['method'],
): void {
  updateSettings(setup, { ranking: { ...settingsOf(setup).ranking, method } });
}

/** Bands from "Tốt ≥ 80; Khá ≥ 70; Trung bình"; blank → undefined when `blankAllowed`. */
export function parseBandsText(
  text: string,
  blankAllowed: boolean,
): Parsed<BandSpec[] | undefined> {
  if (text.trim() === '') return blankAllowed ? ok(undefined) : fail(U.input.required);
  const bands = parseBands(text);
  return bands ? ok(bands) : fail(formatMessage(vi.errors.badBands, { value: text }));
}

export { bandsText, tieBreakText };

export function parseTieBreakText(text: string): Parsed<TieBreakSpec[]> {
  const keys = parseTieBreak(text);
  return keys ? ok(keys) : fail(formatMessage(vi.errors.badTieBreak, { value: text }));
}

export function setTieBreak(setup: CampaignSetup, text: string): string | undefined {
  const keys = parseTieBreakText(text);
  if (!keys.ok) return keys.error;
  updateSettings(setup, { ranking: { ...settingsOf(setup).ranking, tieBreak: keys.value } });
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Blocks

export function addBlock(setup: CampaignSetup): number {
  let n = setup.blocks.length + 1;
  while (setup.blocks.some((b) => b.id === `khoi${n}`)) n++;
  setup.blocks.push({ id: `khoi${n}`, name: U.blocks.newName });
  clearLocations(setup);
  return setup.blocks.length - 1;
}

/** Removes a block and every mention of it (criteria, quotas, council choices). */
export function removeBlock(setup: CampaignSetup, index: number): void {
  const [block] = setup.blocks.splice(index, 1);
  if (!block) return;
  walkCriteria(setup.criteria, (node) => {
    if (node.blocks)
      setCriterionBlocks(
        node,
        node.blocks.filter((b) => b !== block.id),
      );
  });
  for (const award of setup.awards?.awards ?? []) {
    if (award.quotaPerBlock !== undefined && typeof award.quotaPerBlock !== 'number')
      delete award.quotaPerBlock[block.id];
  }
  if (setup.awards?.councilChoices)
    setup.awards.councilChoices = setup.awards.councilChoices.filter((c) => c.block !== block.id);
  clearLocations(setup);
}

/** A block's new id, carried into every mention of it. Units keep theirs: the hint says so. */
export function renameBlock(setup: CampaignSetup, index: number, text: string): string | undefined {
  const id = text.trim();
  const block = setup.blocks[index];
  if (id === block.id) return undefined;
  if (id === '') return U.blocks.badId;
  if (setup.blocks.some((b) => b.id === id)) return formatMessage(U.blocks.duplicateId, { id });
  const old = block.id;
  block.id = id;
  walkCriteria(setup.criteria, (node) => {
    if (node.blocks) node.blocks = node.blocks.map((b) => (b === old ? id : b));
  });
  for (const award of setup.awards?.awards ?? []) {
    const q = award.quotaPerBlock;
    if (q !== undefined && typeof q !== 'number' && old in q) {
      award.quotaPerBlock = Object.fromEntries(
        Object.entries(q).map(([b, n]) => [b === old ? id : b, n]),
      );
    }
  }
  for (const c of setup.awards?.councilChoices ?? []) if (c.block === old) c.block = id;
  return undefined;
}

export function setBlockBands(block: BlockSpec, text: string): string | undefined {
  const bands = parseBandsText(text, true);
  if (!bands.ok) return bands.error;
  if (bands.value) block.bands = bands.value;
  else delete block.bands;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Awards

export function ensureAwards(setup: CampaignSetup): AwardsSpec {
  return (setup.awards ??= { gates: [], awards: [] });
}

export function addAward(setup: CampaignSetup): number {
  const awards = ensureAwards(setup).awards;
  let n = awards.length + 1;
  while (awards.some((a) => a.id === `kt${n}`)) n++;
  awards.push({ id: `kt${n}`, name: U.awards.newName, quotaPerBlock: 1 });
  clearLocations(setup);
  return awards.length - 1;
}

export function removeAward(setup: CampaignSetup, index: number): void {
  const awards = setup.awards;
  if (!awards) return;
  const [award] = awards.awards.splice(index, 1);
  if (award && awards.councilChoices)
    awards.councilChoices = awards.councilChoices.filter((c) => c.award !== award.id);
  clearLocations(setup);
}

export function renameAward(setup: CampaignSetup, index: number, text: string): string | undefined {
  const awards = setup.awards?.awards ?? [];
  const id = text.trim();
  const award = awards[index];
  if (id === award.id) return undefined;
  if (id === '') return U.awards.badId;
  if (awards.some((a) => a.id === id)) return formatMessage(U.awards.duplicateId, { id });
  for (const c of setup.awards?.councilChoices ?? []) if (c.award === award.id) c.award = id;
  award.id = id;
  return undefined;
}

/** How a quota is given: not at all, one number for every block, or a number per block. */
export type QuotaMode = 'none' | 'same' | 'perBlock';

export function quotaMode(award: AwardTypeSpec): QuotaMode {
  const q = award.quotaPerBlock;
  return q === undefined ? 'none' : typeof q === 'number' ? 'same' : 'perBlock';
}

/** Switches the quota's form, carrying the number over (per block: each block gets it). */
export function setQuotaMode(
  award: AwardTypeSpec,
  mode: QuotaMode,
  blocks: readonly BlockSpec[],
): void {
  const q = award.quotaPerBlock;
  const current =
    q === undefined ? 1 : typeof q === 'number' ? q : Math.max(0, ...Object.values(q));
  if (mode === 'none') delete award.quotaPerBlock;
  else if (mode === 'same') award.quotaPerBlock = current;
  else award.quotaPerBlock = Object.fromEntries(blocks.map((b) => [b.id, current]));
}

/** The quota of one block (per-block form) or of every block (blockId undefined). */
export function quotaOf(award: AwardTypeSpec, blockId?: string): number | undefined {
  const q = award.quotaPerBlock;
  if (q === undefined) return undefined;
  if (typeof q === 'number') return q;
  return blockId === undefined ? undefined : q[blockId];
}

/** Sets a quota from the text typed; blank in the per-block form means "no place" (0). */
export function setQuota(
  award: AwardTypeSpec,
  blockId: string | undefined,
  text: string,
): string | undefined {
  const n = parseCount(text);
  if (!n.ok) return n.error;
  if (blockId === undefined) {
    if (n.value === undefined) return U.input.required;
    award.quotaPerBlock = n.value;
  } else {
    const q = award.quotaPerBlock;
    const per = q !== undefined && typeof q !== 'number' ? { ...q } : {};
    per[blockId] = n.value ?? 0;
    award.quotaPerBlock = per;
  }
  return undefined;
}

export function setCap(award: AwardTypeSpec, text: string): string | undefined {
  const n = parseCount(text);
  if (!n.ok) return n.error;
  if (n.value === undefined) delete award.cap;
  else award.cap = n.value;
  return undefined;
}

export function setRunnersUp(setup: CampaignSetup, text: string): string | undefined {
  const n = parseCount(text);
  if (!n.ok) return n.error;
  const awards = ensureAwards(setup);
  if (n.value === undefined) delete awards.runnersUpPerBlock;
  else awards.runnersUpPerBlock = n.value;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Gates: shown and typed as the "ĐIỀU KIỆN XÉT KHEN" rows and the "Điều kiện riêng" cell hold
// them, read back by the workbook's own "Cấu hình" parser.

export const GATE_KEYS = [
  'registration',
  'discipline',
  'parentDiscipline',
  'classification',
  'minIndex',
  'flags',
  'improvement',
] as const;

export type GateKey = (typeof GATE_KEYS)[number];
export type GateFields = Record<GateKey, string>;

const shareText = (share: number): string => `${numberText(fromMicro(toMicro(share * 100)))}%`;
const flagLabel = (flag: string): string => vi.awards.flags[flag] ?? flag;
const measureLabel = (m: string): string => (m === 'index' ? W.choices.rankBy.index : m);

/** The value of each gate as the workbook shows it; '' where the campaign has no such gate. */
export function gateFields(gates: readonly GateSpec[] = []): GateFields {
  const f: GateFields = {
    registration: '',
    discipline: '',
    parentDiscipline: '',
    classification: '',
    minIndex: '',
    flags: '',
    improvement: '',
  };
  const flags: string[] = [];
  for (const g of gates) {
    switch (g.kind) {
      case 'registration':
        f.registration = g.deadline;
        break;
      case 'discipline':
        f.discipline = shareText(g.maxShare);
        if (g.parentMaxShare !== undefined) f.parentDiscipline = shareText(g.parentMaxShare);
        break;
      case 'classification':
        f.classification = g.allowed.join(', ');
        break;
      case 'minIndex':
        f.minIndex = numberText(g.min);
        break;
      case 'flag':
        flags.push(flagLabel(g.flag));
        break;
      case 'improvement':
        f.improvement = g.measures.map(measureLabel).join('; ');
        break;
    }
  }
  f.flags = flags.join('; ');
  return f;
}

const CRITERIA_HEADER: CellValue[] = [
  W.headers.criterionCode,
  W.headers.criterionName,
  W.headers.max,
  W.headers.rule,
];

/** Runs the "Cấu hình" parser on a few synthetic rows (and an empty "Tiêu chí"). */
function parseConfigRows(rows: CellValue[][]): ReturnType<typeof readSetup> {
  return readSetup({ [W.sheets.config]: rows, [W.sheets.criteria]: [CRITERIA_HEADER] });
}

/** The campaign gates from their fields, or an error per field that does not read. */
export function parseGateFields(
  fields: GateFields,
): { ok: true; gates: GateSpec[] } | { ok: false; errors: Partial<GateFields> } {
  const keys = GATE_KEYS.filter((k) => fields[k].trim() !== '');
  const rows: CellValue[][] = [
    [W.sections.gates],
    ...keys.map((k): CellValue[] => [W.gates[k], fields[k].trim()]),
  ];
  const { setup, issues } = parseConfigRows(rows);
  const errors: Partial<GateFields> = {};
  for (const issue of issues) {
    if (issue.severity !== 'error') continue;
    const key = keys[(issue.at.cell?.row ?? 0) - 2];
    if (key) errors[key] ??= issueMessage(issue);
  }
  if (Object.keys(errors).length || !setup) return { ok: false, errors };
  return { ok: true, gates: setup.awards?.gates ?? [] };
}

/** An award's own gates as the "Điều kiện riêng" cell holds them: "Chỉ số tối thiểu = 90; …". */
export function awardGatesText(gates: readonly GateSpec[] = []): string {
  const f = gateFields(gates);
  return GATE_KEYS.filter((k) => f[k] !== '')
    .map((k) => `${W.gates[k]} = ${f[k]}`)
    .join('; ');
}

export function parseAwardGates(text: string): Parsed<GateSpec[]> {
  if (text.trim() === '') return ok([]);
  const h = W.headers;
  const { setup, issues } = parseConfigRows([
    [W.sections.awards],
    [h.code, h.name, h.quota, h.cap, h.awardGates],
    ['x', 'x', null, null, text],
  ]);
  const bad = issues.find((i) => i.severity === 'error');
  if (bad || !setup) return fail(bad ? issueMessage(bad) : U.input.required);
  return ok(setup.awards?.awards[0]?.gates ?? []);
}

export function setAwardGates(award: AwardTypeSpec, text: string): string | undefined {
  const gates = parseAwardGates(text);
  if (!gates.ok) return gates.error;
  if (gates.value.length) award.gates = gates.value;
  else delete award.gates;
  return undefined;
}

/** Sets one campaign gate from the text typed in its field ('' removes it). */
export function setGateField(setup: CampaignSetup, key: GateKey, text: string): string | undefined {
  const fields = gateFields(setup.awards?.gates);
  fields[key] = text;
  const parsed = parseGateFields(fields);
  if (!parsed.ok) return parsed.errors[key] ?? Object.values(parsed.errors)[0];
  ensureAwards(setup).gates = parsed.gates;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Showing a run

/** The most unit columns "Tạo mẫu" makes (see TemplateOptions). */
export const MAX_TEMPLATE_UNITS = 2000;

/** "2026-11-25 16:20:55" (a host's run time) → "16:20:55 25/11/2026", as Vietnamese write it. */
export function displayTime(time: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2}(?::\d{2})?)$/.exec(time);
  return m ? `${m[4]} ${m[3]}/${m[2]}/${m[1]}` : time;
}

/** An index with the campaign's decimals and a decimal comma (98.5 → "98,50"). */
export function indexText(index: number | null, decimals: number): string {
  return index === null ? vi.labels.noIndex : formatMicro(toMicro(index), decimals);
}

// ---------------------------------------------------------------------------------------------
// Appraisal and form settings

/** "Chênh lệch tối đa giữa người chấm": points ≥ 0, or blank for no check. */
export function setMaxSpread(setup: CampaignSetup, text: string): string | undefined {
  if (text.trim() === '') {
    updateSettings(setup, { appraisalMaxSpread: undefined });
    return undefined;
  }
  const n = numberOf(text);
  if (n === undefined || n < 0) return U.input.badNumber;
  updateSettings(setup, { appraisalMaxSpread: n });
  return undefined;
}

/** "Hạn nộp phiếu tự chấm": a date (2026-03-31, 31/03/2026), or blank for none. */
export function setFormsDeadline(setup: CampaignSetup, text: string): string | undefined {
  if (text.trim() === '') {
    updateSettings(setup, { formsDeadline: undefined });
    return undefined;
  }
  const d = dateOf(text.trim());
  if (d === undefined) return formatMessage(vi.errors.badDate, { value: text.trim() });
  updateSettings(setup, { formsDeadline: d });
  return undefined;
}
