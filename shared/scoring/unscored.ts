/**
 * Units with no score at all. A unit is unscored when none of its cells in the score sheets
 * holds anything: no non-blank leaf cell in "Tự chấm", "Chấm điểm" or "Chấm điểm vòng 2" (any
 * appraiser's column) and no non-blank component value ("Khảo sát" and the like). Blank means
 * empty, null or text of spaces only; in the score sheets (`scoreGrids`, what every host and the
 * CLI read) FALSE is blank too: Google Sheets' template puts an unticked checkbox (FALSE) in
 * every tick cell, so FALSE alone says nothing was scored (a unit whose ticks were all left
 * unticked on purpose and nothing else filled counts as unscored; it scores nothing on those
 * cells anyway). In a spec's per-unit records (`units[].self`, the API) FALSE is a score. 0 and
 * any text are scores. Such a unit still gets computed values (0 points, or points a rule gives
 * a blank), but they are not a real result: the run counts these units, and the award stage
 * considers none of them.
 */
import type { CampaignSpec, CellValue, CriterionSpec } from '../model/types';
import { normalizeText } from './cells';

const isBlank = (v: CellValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A score sheet's cell: FALSE is an unticked checkbox the template put there. */
const isBlankCell = (v: CellValue | undefined): boolean => v === false || isBlank(v);

const anyValue = (record: Record<string, CellValue> | undefined): boolean =>
  record !== undefined && Object.values(record).some((v) => !isBlank(v));

/** Per unit (input order): true when the unit has no score at all. */
export function unscoredUnits(spec: CampaignSpec): boolean[] {
  const units = spec.units ?? [];
  const scored = new Set<string>();
  for (const u of units) {
    if (
      anyValue(u.self) ||
      anyValue(u.appraised) ||
      anyValue(u.components) ||
      (u.appraisals ?? []).some((a) => anyValue(a.scores))
    )
      scored.add(u.id);
  }
  const leaves = new Set<string>();
  const walk = (nodes: readonly CriterionSpec[]): void =>
    nodes.forEach((n) =>
      n.children?.length ? walk(n.children) : leaves.add(normalizeText(String(n.code))),
    );
  walk(spec.criteria ?? []);
  const grids = spec.scoreGrids ?? {};
  for (const grid of [grids.self, grids.appraised, grids.appraised2]) {
    if (!grid) continue;
    grid.units.forEach((id, k) => {
      if (scored.has(id)) return;
      const col = grid.cols[k];
      const has = grid.rows.some(
        (row, i) =>
          row !== undefined && leaves.has(normalizeText(grid.codes[i])) && !isBlankCell(row[col]),
      );
      if (has) scored.add(id);
    });
  }
  return units.map((u) => !scored.has(u.id));
}
