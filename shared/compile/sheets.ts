/** Reads score sheets handed over as grids (one row per criterion, one column per unit). */
import { error } from '../model/issues';
import type { CampaignSpec, CellValue } from '../model/types';
import { encodeInput, encodeNumber, type Encoded } from '../scoring/rules';
import { normalizeText } from '../scoring/cells';
import { NOWHERE } from './locations';
import { encodeCell, type PanelSink, type ScoreReading } from './units';

const isBlank = (v: CellValue): boolean => v === null || v === undefined || v === '';

/**
 * Score sheets handed over as grids (a host reading "Chấm điểm" / "Tự chấm"): one row per
 * criterion, one column per unit, read cell by cell without per-unit records.
 */
export function readScoreGrids(r: ScoreReading, grids: CampaignSpec['scoreGrids']): void {
  const { issues, leaves, leafIndex, unitIds, entries, appraiserIndex, unitCount } = r;
  for (const [source, sheetGrid, target, round] of [
    ['self', grids?.self, r.self, 0],
    ['appraised', grids?.appraised, r.appraised, 1],
    ['appraised2', grids?.appraised2, r.appraised, 2],
  ] as const) {
    if (!sheetGrid) continue;
    const columns = sheetGrid.units.map((unitId) => unitIds.get(unitId) ?? -1);
    // Panel cells go to the entries with their column's appraiser (unknown ones were reported
    // by the sheet's parser, or here when a spec names them).
    const panel = round > 0 ? entries : null;
    const sinks =
      panel === null
        ? []
        : columns.map((_, k): PanelSink | null => {
            const named = sheetGrid.appraisers?.[k] ?? '';
            const a = appraiserIndex.get(normalizeText(named));
            if (a !== undefined) return { entries: panel, round, appraiser: a };
            issues.push(error('unknownAppraiser', { id: named }, { unit: sheetGrid.units[k] }));
            columns[k] = -1;
            return null;
          });
    const sinkOr = (k: number): Float64Array | PanelSink => sinks[k] ?? target;
    sheetGrid.codes.forEach((rawCode, i) => {
      const row = sheetGrid.rows[i];
      if (!row) return;
      const l = leafIndex.get(rawCode) ?? leafIndex.get(normalizeText(rawCode));
      if (l === undefined) {
        // Unknown or parent code: reported once per row, at the first unit's cell.
        const k = columns.findIndex((u, kk) => u >= 0 && !isBlank(row[sheetGrid.cols[kk]]));
        if (k >= 0) {
          encodeCell(
            r,
            source,
            sinkOr(k),
            columns[k],
            sheetGrid.units[k],
            rawCode,
            row[sheetGrid.cols[k]],
          );
        }
        return;
      }
      // One leaf per row: its encoding of ticks and texts is looked up once per distinct value.
      const leaf = leaves[l];
      const seen = new Map<CellValue, Encoded>();
      const base = l * unitCount;
      for (let k = 0; k < columns.length; k++) {
        const raw = row[sheetGrid.cols[k]];
        if (isBlank(raw) || columns[k] < 0) continue;
        if (typeof raw === 'number') {
          const v = encodeNumber(leaf.rule, raw, leaf.max);
          if (v !== undefined) {
            if (panel === null) target[base + columns[k]] = v;
            else if (!Number.isNaN(v)) {
              panel.add(base + columns[k], round, (sinks[k] as PanelSink).appraiser, v);
            }
            continue;
          }
        }
        let encoded = typeof raw === 'number' ? undefined : seen.get(raw);
        if (encoded === undefined) {
          encoded = encodeInput(leaf.rule, raw, leaf.code, leaf.max, NOWHERE);
          if (typeof raw !== 'number') seen.set(raw, encoded);
        }
        if ('issue' in encoded || encoded.warning) {
          // The rare cell with something to say goes the long way, with its location.
          encodeCell(r, source, sinkOr(k), columns[k], sheetGrid.units[k], rawCode, raw);
        } else if (panel === null) target[base + columns[k]] = encoded.value;
        else if (!Number.isNaN(encoded.value)) {
          const sink = sinks[k] as PanelSink;
          panel.add(base + columns[k], round, sink.appraiser, encoded.value);
        }
      }
    });
  }
}
