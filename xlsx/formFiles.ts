/**
 * Self-assessment forms as .xlsx bytes, for every host that hands files to people: the CLI
 * (cli/forms.ts writes them to a folder), the Excel task pane (one .zip to download, forms the
 * user picks) and the memory bridge. No Node built-ins: it runs in the task pane's browser.
 * What a form holds and how forms merge is the core's (shared/forms/); this file only turns
 * sheets into files and files into sheets.
 */
import { campaignFormSheets } from '../shared/forms/form';
import type { FormFile } from '../shared/forms/merge';
import { safeFileName } from '../shared/forms/names';
import { vi } from '../shared/i18n/vi';
import { error, type Issue } from '../shared/model/issues';
import type { DateSystem, Grid, Sheets } from '../shared/workbook/grid';
import { buildWorkbook, dateSystem, readPackage, readSheets, XlsxError, zipFiles } from './bytes';

const S = vi.workbook.sheets;
const F = vi.forms;

/**
 * The campaign sheets making the forms reads: the setup and units, and what units have answered
 * already ("Tự chấm", "Giải trình tự chấm"), which the forms carry.
 */
export const FORM_SOURCE_SHEETS: readonly string[] = [
  S.config,
  S.criteria,
  S.units,
  S.self,
  F.explanations,
];

/** The campaign sheets merging returned forms reads (and, for the last three, rewrites). */
export const MERGE_SHEETS: readonly string[] = [
  S.config,
  S.criteria,
  S.units,
  S.self,
  F.explanations,
  S.log,
];

/** A unit code as a file name ("DV001" → "DV001.xlsx"), before clashes are settled. */
export { formFileName, formFileNames } from '../shared/forms/names';

/** The .zip of a campaign's forms: "phieu-tu-cham-cchc-2018.zip". */
export function formsZipName(campaignId: string): string {
  return `phieu-tu-cham-${safeFileName(campaignId)}.zip`;
}

/** A problem with a whole file (not an .xlsx, unreadable), named by the file; a damaged cell also by its cell. */
export const fileIssue = (e: XlsxError, file: string): Issue =>
  error('fileProblem', { message: e.message }, e.cell ? { cell: e.cell, file } : { file });

export type CampaignForms =
  | { ok: true; campaignId: string; files: { unit: string; name: string; bytes: Uint8Array }[] }
  | { ok: false; issues: Issue[] };

/**
 * One .xlsx form per unit of "Đơn vị", from the campaign's sheets (FORM_SOURCE_SHEETS): each
 * under a unique file name (shared/forms/names.ts), carrying the unit's answers so far; date
 * serials count in `dates` (the campaign workbook's date system).
 */
export function campaignForms(sheets: Sheets, dates: DateSystem = 1900): CampaignForms {
  const made = campaignFormSheets(sheets, 'files', undefined, dates);
  if (!made.ok) return made;
  return {
    ok: true,
    campaignId: made.setup.id,
    files: made.forms.map((f) => ({
      unit: f.unit.id,
      name: f.name,
      bytes: buildWorkbook([f.sheet]),
    })),
  };
}

/** The forms of `campaignForms` in one .zip (entries stored: an .xlsx is compressed already). */
export function zipForms(
  files: readonly { name: string; bytes: Uint8Array }[],
  now?: Date,
): Uint8Array {
  return zipFiles(
    files.map((f) => ({ name: f.name, data: f.bytes })),
    now,
  );
}

/** A returned form's file: its name, its bytes, and its date (ISO) if the host knows it. */
export interface FormBytes {
  name: string;
  bytes: Uint8Array;
  received?: string;
}

/**
 * Reads the "Phiếu tự chấm" sheet of each returned form. A file that is not an .xlsx (or is
 * damaged) becomes an issue naming the file; a workbook without the sheet is the core's to
 * report (grid undefined).
 */
export function readFormFiles(files: readonly FormBytes[]): { forms: FormFile[]; issues: Issue[] } {
  const forms: FormFile[] = [];
  const issues: Issue[] = [];
  for (const file of files) {
    let grid: Grid | undefined;
    let dates: DateSystem;
    try {
      const pkg = readPackage(file.bytes, `"${file.name}"`);
      dates = dateSystem(pkg);
      grid = readSheets(pkg, [F.sheet]).get(F.sheet)?.rows;
    } catch (e) {
      if (e instanceof XlsxError) {
        issues.push(fileIssue(e, file.name));
        continue;
      }
      throw e;
    }
    forms.push({
      source: file.name,
      grid,
      dateSystem: dates,
      ...(file.received ? { received: file.received } : {}),
    });
  }
  return { forms, issues };
}
