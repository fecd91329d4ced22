/**
 * Units with no score at all. A unit is unscored when none of its cells in the score sheets
 * holds anything: no non-blank leaf cell in "Tự chấm", "Chấm điểm" or "Chấm điểm vòng 2" (any
 * appraiser's column) and no non-blank component value ("Khảo sát" and the like). Blank means
 * empty, null, text of spaces only, or FALSE: Google Sheets' template puts an unticked checkbox
 * (FALSE) in every tick cell, so FALSE alone says nothing was scored. 0 and any text are scores;
 * a unit whose every tick was deliberately left unticked and nothing else filled is counted as
 * unscored (it would score nothing on those cells anyway). Such a unit still gets
 * computed values (0 points, or points a rule gives a blank), but they are not a real result:
 * the run counts these units, and the award stage considers none of them.
 */
import type { CampaignSpec, CellValue, CriterionSpec } from '../model/types';
import { normalizeText } from './cells';

const isBlank = (v: CellValue | undefined): boolean =>
  v === null || v === undefined || v === false || (typeof v === 'string' && v.trim() === '');

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
          row !== undefined && leaves.has(normalizeText(grid.codes[i])) && !isBlank(row[col]),
      );
      if (has) scored.add(id);
    });
  }
  return units.map((u) => !scored.has(u.id));
}
