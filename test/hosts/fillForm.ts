/**
 * What a unit does with its self-assessment form: for every criterion row it has a score for,
 * types the score, an explanation and an evidence reference. Shared by the CLI, Excel and task
 * pane round-trip tests, which differ only in how the form is read and saved.
 */
import { anGiang2018 } from '../../examples/an-giang-2018';
import { FORM_COLS, FORM_ROWS } from '../../shared/forms/form';
import type { CampaignSpec, CellValue } from '../../shared/model/types';

/** Fills a form's rows in place with its unit's self scores from `spec` (An Giang by default). */
export function fillFormRows(rows: CellValue[][], spec: CampaignSpec = anGiang2018): void {
  const unit = spec.units.find((u) => u.id === rows[FORM_ROWS.unitCode][1]);
  if (!unit) throw new Error('unit');
  for (let r = FORM_ROWS.header + 1; r < rows.length; r++) {
    const code = String(rows[r][FORM_COLS.code]);
    const v = unit.self?.[code];
    if (v === undefined || rows[r].length <= FORM_COLS.rule) continue;
    rows[r][FORM_COLS.score] = v;
    rows[r][FORM_COLS.explanation] = 'Đã thực hiện';
    rows[r][FORM_COLS.evidence] = `QĐ ${code}`;
  }
}
