/**
 * Last year's ranked workbook as the Excel task pane (and the memory bridge) reads it: the
 * values of its "Kết quả" sheet (with its "Đơn vị"'s staff, as `xephang rank --previous`
 * writes it), to copy into this workbook's "Kết quả năm trước". Bytes in,
 * rows out; no host, no Node built-ins (it runs in the task pane's browser).
 */
import { formatMessage, vi } from '../shared/i18n/vi';
import { error, type Issue } from '../shared/model/issues';
import type { CellValue } from '../shared/model/types';
import { previousResultsSheet } from '../shared/workbook/parse/previous';
import { previousUnitCount } from '../shared/workbook/previousSheet';
import { readPackage, readSheets, XlsxError } from './bytes';
import { fileIssue } from './formFiles';

const P = vi.previousHost;

export type PreviousFile =
  { ok: true; rows: CellValue[][]; units: number } | { ok: false; issues: Issue[] };

/**
 * The rows of the file's "Kết quả" (values as the file holds them, text as text). A file that is
 * not an .xlsx or is damaged: the .xlsx layer's message; no "Kết quả", or no table with a unit
 * code column in it: an error naming the file. Nothing is read from any other sheet.
 */
export function readPreviousFile(name: string, bytes: Uint8Array): PreviousFile {
  const results = vi.workbook.sheets.results;
  const unitsSheet = vi.workbook.sheets.units;
  let rows: CellValue[][] | undefined;
  try {
    const pkg = readPackage(bytes, `"${name}"`);
    const sheets = readSheets(pkg, [results, unitsSheet]);
    const found = sheets.get(results)?.rows;
    // with last year's staff beside each unit when its "Đơn vị" has them ("Theo biên chế")
    if (found) rows = previousResultsSheet(found, sheets.get(unitsSheet)?.rows);
  } catch (e) {
    if (e instanceof XlsxError) return { ok: false, issues: [fileIssue(e, name)] };
    throw e;
  }
  const problem = (message: string): PreviousFile => ({
    ok: false,
    issues: [error('fileProblem', { message }, { file: name })],
  });
  if (!rows) return problem(formatMessage(P.noResults, { sheet: results }));
  const units = previousUnitCount(rows);
  if (units === 0)
    return problem(
      formatMessage(P.noUnits, {
        sheet: results,
        code: vi.reportLayout.unitCode,
        index: vi.report.index,
      }),
    );
  return { ok: true, rows, units };
}
