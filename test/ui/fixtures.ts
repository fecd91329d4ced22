/**
 * Workbooks for the task pane tests, as in-memory sheets: the An Giang 2018 example and broken
 * or hostile variants of it. Shared by the jest tests and the browser page (test/ui/page.ts).
 */
import { anGiang2018 } from '../../examples/an-giang-2018';
import { vi } from '../../shared/i18n/vi';
import type { CampaignSpec, CellValue } from '../../shared/model/types';
import { inputSheets } from '../../shared/workbook/inputs';
import { pastedWorkbook } from '../shared/workbook/pastedTable';

export type Workbook = Record<string, CellValue[][]>;

const S = vi.workbook.sheets;

export function workbookOf(spec: CampaignSpec): Workbook {
  const sheets: Workbook = {};
  for (const b of inputSheets(spec)) sheets[b.name] = b.rows.map((row) => [...row]);
  return sheets;
}

/** The example's sheets. */
export const exampleWorkbook = (): Workbook => workbookOf(anGiang2018);

/** Names that must stay text: markup and a formula. */
export const HOSTILE_CRITERION = '<img src=x onerror=alert(1)>';
export const FORMULA_CRITERION = '=HYPERLINK("x")';
export const HOSTILE_UNIT = '<b onmouseover=alert(2)>Sở Tư pháp</b>';

function rowOf(grid: CellValue[][], first: string): CellValue[] {
  const row = grid.find((r) => r[0] === first);
  if (!row) throw new Error(`no row ${first}`);
  return row;
}

/**
 * - example: the An Giang 2018 workbook;
 * - invalid: "Tiêu chí" D4 has an unknown rule kind and "Cấu hình" B6 (decimals) is not a number;
 * - hostile: criterion 1.1 and 1.2 and unit STP named with markup / a formula;
 * - empty: no sheets at all;
 * - unscored: the example before the self-assessment forms come back (no self score yet);
 * - pasted: a criteria table pasted from a published decision (test/shared/workbook/pastedTable.ts).
 */
export function workbookCase(name: string): Workbook {
  const sheets = exampleWorkbook();
  switch (name) {
    case 'invalid':
      sheets[S.criteria][3][3] = 'Chấm tay';
      rowOf(sheets[S.config], vi.workbook.settings.decimals)[1] = 'hai';
      return sheets;
    case 'hostile':
      rowOf(sheets[S.criteria], '1.1')[1] = HOSTILE_CRITERION;
      rowOf(sheets[S.criteria], '1.2')[1] = FORMULA_CRITERION;
      rowOf(sheets[S.units], 'STP')[1] = HOSTILE_UNIT;
      return sheets;
    case 'empty':
      return {};
    case 'pasted':
      return pastedWorkbook();
    case 'unscored':
      return workbookOf({
        ...anGiang2018,
        units: anGiang2018.units.map((u) => ({ ...u, self: {} })),
      });
    default:
      return sheets;
  }
}
