/** The checks on counted cells once read: criteria without a row, blank scores. */
import { error, warning, type Issue, type IssueLocation } from '../model/issues';
import type { CampaignSpec, CellRef, CriterionSpec, ScoreSource, Settings } from '../model/types';
import { normalizeText } from '../scoring/cells';
import { formatMessage, vi } from '../i18n/vi';
import { where } from './locations';
import type { CompiledComponent, CompiledLeaf } from './types';

/**
 * Leaves that have no row in the score sheets the campaign counts (a criterion added to "Tiêu
 * chí" and not to "Tự chấm" / "Chấm điểm"): one message each at the criterion's row — an error
 * under blankPolicy "error", else a warning that every unit gets 0 there — instead of a blank
 * per unit or per cell. Bonus and deduction leaves are left out: a blank there means none.
 * Only for campaigns read from sheets (score grids).
 */
export function leavesWithoutRows(
  spec: CampaignSpec,
  settings: Settings,
  leaves: readonly CompiledLeaf[],
  issues: Issue[],
): Set<number> {
  const rowless = new Set<number>();
  const grids = spec.scoreGrids;
  if (!grids || (spec.units ?? []).length === 0) return rowless;
  const counted =
    settings.scoreSource === 'selfOnly'
      ? [grids.self]
      : settings.scoreSource === 'appraisedOnly'
        ? [grids.appraised, grids.appraised2]
        : [grids.self, grids.appraised, grids.appraised2];
  const present = new Set<string>();
  for (const g of counted) for (const c of g?.codes ?? []) present.add(normalizeText(c));
  const sourceOf = new Map<string, CellRef | undefined>();
  const walk = (nodes: readonly CriterionSpec[]): void =>
    nodes.forEach((n) => {
      sourceOf.set(normalizeText(String(n.code ?? '')), n.source);
      if (n.children) walk(n.children);
    });
  walk(spec.criteria ?? []);
  const S = vi.workbook.sheets;
  const sheets =
    settings.scoreSource === 'selfOnly'
      ? `"${S.self}"`
      : settings.scoreSource === 'appraisedOnly'
        ? `"${S.appraised}"`
        : formatMessage(vi.labels.eitherSheet, { a: S.self, b: S.appraised });
  for (const leaf of leaves) {
    const kind = leaf.rule.kind;
    if (kind === 'bonus' || kind === 'deduction' || present.has(leaf.code)) continue;
    if (leaf.blocks !== null && leaf.blocks.size === 0) continue;
    rowless.add(leaf.index);
    const at = where(leaf.code, sourceOf.get(leaf.code));
    issues.push(
      settings.blankPolicy === 'error'
        ? error('criterionRowMissing', { code: leaf.code, sheets }, at)
        : warning('criterionRowMissingScored0', { code: leaf.code, sheets }, at),
    );
  }
  return rowless;
}

/** Blank counted cells: one warning per unit (scored 0), or one error per cell. */
export function checkBlanks(
  settings: Settings,
  leaves: CompiledLeaf[],
  units: { id: string; block: number }[],
  counted: Float64Array,
  componentScores: Float64Array,
  components: CompiledComponent[],
  issues: Issue[],
  locate: CampaignSpec['locateScore'],
  rowless: ReadonlySet<number> = new Set(),
): void {
  const n = units.length;
  const source: ScoreSource = settings.scoreSource === 'selfOnly' ? 'self' : 'appraised';
  units.forEach((unit, u) => {
    let count = 0;
    let first = '';
    leaves.forEach((leaf, l) => {
      if (leaf.blocks !== null && !leaf.blocks.has(unit.block)) return;
      // A blank bonus or deduction cell means "none": no bonus, no violation.
      if (leaf.rule.kind === 'bonus' || leaf.rule.kind === 'deduction') return;
      if (rowless.has(l)) return; // said once for the criterion
      if (!Number.isNaN(counted[l * n + u] as number)) return;
      if (settings.blankPolicy === 'error') {
        const cell = locate?.(source, unit.id, leaf.code);
        const at: IssueLocation = cell
          ? { cell, unit: unit.id, criterion: leaf.code }
          : { unit: unit.id, criterion: leaf.code };
        issues.push(error('blankScore', { unit: unit.id, code: leaf.code }, at));
      } else {
        if (count === 0) first = leaf.code;
        count++;
      }
    });
    if (count > 0) {
      // Located at the first blank cell when the campaign came from a workbook.
      const cell = locate?.(source, unit.id, first);
      const at: IssueLocation = cell ? { cell, unit: unit.id } : { unit: unit.id };
      const key = cell ? 'blankScored0At' : 'blankScored0';
      issues.push(warning(key, { unit: unit.id, count, code: first }, at));
    }
    components.forEach((c, k) => {
      if (Number.isNaN(componentScores[k * n + u] as number)) {
        issues.push(
          warning(
            'componentBlank',
            { unit: unit.id, id: c.id },
            { unit: unit.id, component: c.id },
          ),
        );
      }
    });
  });
}
