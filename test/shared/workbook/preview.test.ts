/**
 * The template's preview sheet ("Điểm tạm tính") as a structure: its rows line up with the
 * score sheets', every unit cell is a formula, it is protected and never an input; it is left
 * out where its formulas could not line up (named appraisers) or would be too many. Its values
 * are checked against the core in LibreOffice by test/oracle/preview.test.ts.
 */
import { anGiang2018 } from '../../../examples/an-giang-2018';
import { vi } from '../../../shared/i18n/vi';
import { parseWorkbook } from '../../../shared/workbook/parse';
import {
  PREVIEW_CELL_LIMIT,
  PREVIEW_TEXT_LIMIT,
  pointsFormula,
} from '../../../shared/workbook/preview';
import { INPUT_SHEETS } from '../../../shared/workbook/run';
import { formulaBlocks, starterCampaign, templateSheets } from '../../../shared/workbook/template';
import { panelSpec } from '../panelCampaign';

const S = vi.workbook.sheets;

test('rows line up with both score sheets; every unit cell and max is a formula', () => {
  const sheets = templateSheets(starterCampaign(5, 2026));
  const preview = sheets.find((s) => s.name === S.preview);
  if (!preview) throw new Error('no preview');
  for (const name of [S.self, S.appraised]) {
    const scores = sheets.find((s) => s.name === name)?.rows ?? [];
    scores.forEach((row, r) => expect([name, r, preview.rows[r][0]]).toEqual([name, r, row[0]]));
  }
  const last = preview.rows.length - 1;
  expect(preview.rows[last][1]).toBe(vi.template.preview.total);
  for (let r = 1; r <= last; r++) {
    const isComponent = r === last - 1; // the starter's one survey row: its max is a value
    for (let c = isComponent ? 3 : 2; c < 3 + 5; c++) {
      expect([r, c, typeof preview.formulas?.[r]?.[c]]).toEqual([r, c, 'string']);
    }
  }
  // a leaf reads the same row of "Chấm điểm", else of "Tự chấm"
  expect(preview.formulas?.[2]?.[3]).toMatch(/^IF\(LEN\(TRIM\('Chấm điểm'!D3\)\)=0,.*'Tự chấm'!D3/);
  expect(preview.protection).toEqual({ unlocked: [] });
  expect(preview.frozenRows).toBe(1);
  expect(INPUT_SHEETS).not.toContain(S.preview);
});

test('a tick formula accepts the number 1 itself: in Excel 1 = TRUE is false', () => {
  expect(pointsFormula({ kind: 'tick' }, 'D3', '$C3')).toContain('D3=1,');
  expect(pointsFormula({ kind: 'tick' }, 'D3', '$C3')).toContain('MATCH(TRIM(D3),{"x","✓"');
});

test('labels with quotes are escaped in level formulas', () => {
  expect(
    pointsFormula({ kind: 'levels', levels: [{ label: 'Đạt "tốt"', points: 1.5 }] }, 'D3', '$C3'),
  ).toBe('IFERROR(INDEX({1.5},MATCH(TRIM(D3),{"Đạt ""tốt"""},0)),0)');
});

test('the campaign still parses with the preview in the workbook (it is not read)', () => {
  const sheets = templateSheets(anGiang2018);
  expect(sheets.some((s) => s.name === S.preview)).toBe(true);
  const grids = Object.fromEntries(sheets.map((s) => [s.name, s.rows as never]));
  expect(parseWorkbook(grids, {}).spec).toBeDefined();
});

test('no preview for named appraisers, nor past the formula limits', () => {
  const has = (units: number): boolean =>
    templateSheets(starterCampaign(units, 2026)).some((s) => s.name === S.preview);
  expect(templateSheets(panelSpec()).some((s) => s.name === S.preview)).toBe(false);
  const rows = 7 + 2 + 1 + 2; // starter: 7 leaves, 2 fields, 1 component, header and total
  expect(has(100)).toBe(true);
  // 2,000 units: under the cell limit, over the text limit (Excel's request size)
  expect(rows * 2001).toBeLessThan(PREVIEW_CELL_LIMIT);
  expect(has(2000)).toBe(false);
  const preview = templateSheets(starterCampaign(100, 2026)).find((s) => s.name === S.preview);
  const text = (preview?.formulas ?? []).flat().reduce((n, f) => n + (f?.length ?? 0), 0);
  expect(text).toBeLessThan(PREVIEW_TEXT_LIMIT);
  expect(text * 20).toBeGreaterThan(PREVIEW_TEXT_LIMIT);
});

test('formulaBlocks: rows of formulas with the same columns make one rectangle', () => {
  const u = undefined;
  expect(
    formulaBlocks([[], [u, 'A', 'B'], [u, 'C', '=D'], [u, u, 'E'], ['F', u, 'G', 'H']]),
  ).toEqual([
    {
      row: 1,
      col: 1,
      formulas: [
        ['=A', '=B'],
        ['=C', '=D'],
      ],
    },
    { row: 3, col: 2, formulas: [['=E']] },
    { row: 4, col: 0, formulas: [['=F']] },
    { row: 4, col: 2, formulas: [['=G', '=H']] },
  ]);
  // the starter's preview: the tree rows, the component row and the total row
  const preview = templateSheets(starterCampaign(30, 2026)).find((s) => s.name === S.preview);
  const blocks = formulaBlocks(preview?.formulas ?? []);
  expect(blocks.map((b) => [b.row, b.col, b.formulas.length, b.formulas[0].length])).toEqual([
    [1, 2, 16, 31],
    [17, 3, 1, 30],
    [18, 2, 1, 31],
  ]);
});
