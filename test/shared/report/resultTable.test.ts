/** "Kết quả" notes: ties, and units level on the printed index that a tie-break placed apart. */
import { evaluateCampaign, type Evaluation } from '../../../shared/evaluate';
import { resultTables } from '../../../shared/report/resultTable';
import { currentShape2025 } from '../../../examples/current-shape';
import { ninhThuan2020 } from '../../../examples/ninh-thuan-2020';
import { anGiang2018 } from '../../../examples/an-giang-2018';

type Ok = Extract<Evaluation, { ok: true }>;
const BROKEN = 'thứ tự theo tiêu chí phụ';

test.each([
  ['ninh-thuan-2020', ninhThuan2020],
  ['current-shape', currentShape2025],
  ['an-giang-2018', anGiang2018],
])(
  '%s: the tie-break note is on exactly the units level with another yet ranked apart',
  (_, spec) => {
    const evaluation = evaluateCampaign(spec) as Ok;
    expect(evaluation.ok).toBe(true);
    let noted = 0;
    for (const table of resultTables(evaluation)) {
      const index = table.header.length - 4;
      const rank = table.header.length - 3;
      const note = table.header.length - 1;
      for (const row of table.rows) {
        const same = table.rows.filter((o) => o !== row && o[index] === row[index]);
        const apart = same.length > 0 && same.every((o) => o[rank] !== row[rank]);
        expect([row[1], String(row[note]).includes(BROKEN)]).toEqual([row[1], apart]);
        if (apart) noted++;
      }
    }
    // the current shape has such units (its tie-break is Lĩnh vực 2)
    if (_ === 'current-shape') expect(noted).toBeGreaterThan(0);
  },
);

test('the note names the tie-break keys as the setting writes them', () => {
  const evaluation = evaluateCampaign(currentShape2025) as Ok;
  const notes = resultTables(evaluation).flatMap((t) => t.rows.map((r) => String(r[r.length - 1])));
  expect(notes).toContain('Bằng chỉ số với đơn vị khác; thứ tự theo tiêu chí phụ (Lĩnh vực 2)');
});
