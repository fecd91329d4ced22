/** Whole-setup helpers: a copy, forgetting cell locations, moving in a list, walking the tree. */
// The pane's edits (ui/model/*) are kept free of the DOM so they are unit tested on their own.
// Texts a person types are read back with the workbook's own readers (parseRule, parseBands,
// parseTieBreak and, for gates, the "Cấu hình" parser itself), so the pane accepts exactly
// what the sheets accept. Operations mutate the setup in place: the pane keeps one working copy
// and remembers nodes by identity (selection, per-field drafts), which stays valid across moves.
import type { CampaignSetup, CriterionSpec } from '../../shared/model/types';

/** Indexes from the roots down: [1, 0] is the first child of the second field. */
export type Path = readonly number[];

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

/**
 * Each criterion remembers the code it was loaded with (`origin`), so that a save finds its rows
 * in the score sheets after its code was changed; criteria added later have none.
 */
export function markOrigins(setup: CampaignSetup): CampaignSetup {
  walkCriteria(setup.criteria, (node) => {
    node.origin = node.code;
  });
  return setup;
}

/** Moves list[index] by delta (−1 up, +1 down); returns its new index (unchanged at an end). */
export function moveItem<T>(list: T[], index: number, delta: number): number {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return index;
  const [item] = list.splice(index, 1);
  list.splice(to, 0, item);
  return to;
}

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
