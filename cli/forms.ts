/**
 * `xephang forms` and `xephang merge`: self-assessment forms out (one .xlsx per unit) and back
 * in (merged into "Tự chấm" and "Giải trình tự chấm", a row in "Nhật ký"). The reading,
 * checking and merging are the core's (shared/forms/); this file only moves files.
 */
import { statSync } from 'fs';
import path from 'path';
import type { Issue } from '../shared';
import { mergeForms, type FormFile } from '../shared/forms/merge';
import { vi } from '../shared/i18n/vi';
import type { Grid } from '../shared/workbook/grid';
import { localTime } from '../shared/workbook/run';
import { campaignForms, FORM_SOURCE_SHEETS, MERGE_SHEETS } from '../xlsx/formFiles';
import { dateSystem, isMacroEnabled, readSheets, writeSheets, type Package } from '../xlsx';
import { readFile, writeFileAtomic, writeFilesAtomic } from './files';
import { extensionIssue, fileIssue, openIssue } from './workbook';
import { XlsxError } from '../xlsx/types';

export { formFileName } from '../xlsx/formFiles';

const F = vi.forms;

/** The campaign workbook's package and the values of the named sheets it has. */
function readCampaign(
  file: string,
  names: readonly string[],
):
  | { ok: true; pkg: Package; sheets: Record<string, Grid>; macro: boolean }
  | { ok: false; issues: Issue[] } {
  let pkg: Package;
  let macro: boolean;
  const sheets: Record<string, Grid> = {};
  // Everything that reads the package can meet a damaged part (XlsxError naming it).
  try {
    pkg = readFile(file);
    macro = isMacroEnabled(pkg);
    for (const [name, data] of readSheets(pkg, [...names])) sheets[name] = data.rows;
  } catch (e) {
    if (e instanceof XlsxError) return { ok: false, issues: [fileIssue(e, file)] };
    throw e;
  }
  return { ok: true, pkg, sheets, macro };
}

export type FormsOutcome = { ok: true; files: string[] } | { ok: false; issues: Issue[] };

/**
 * One form per unit of the campaign workbook, written into `outDir` all or nothing: a failure
 * on any form leaves the folder as it was (see writeFilesAtomic).
 */
export function writeForms(campaign: string, outDir: string): FormsOutcome {
  const read = readCampaign(campaign, FORM_SOURCE_SHEETS);
  if (!read.ok) return read;
  const forms = campaignForms(read.sheets, dateSystem(read.pkg));
  if (!forms.ok) return forms;
  try {
    writeFilesAtomic(outDir, forms.files);
  } catch (e) {
    if (e instanceof XlsxError) return { ok: false, issues: [fileIssue(e, outDir)] };
    throw e;
  }
  return { ok: true, files: forms.files.map((form) => path.join(outDir, form.name)) };
}

export type MergeOutcome =
  | {
      ok: true;
      merged: { unit: string; source: string }[];
      /** What the summary says besides "merged": empty forms, replaced and kept scores. */
      notes: string[];
      warnings: Issue[];
      /** None of the files is a form: nothing was written. */
      nothingFound?: true;
    }
  | { ok: false; issues: Issue[] };

/** The date a file arrived, as the machine's local calendar day. */
function fileDate(file: string): string {
  const d = statSync(file).mtime;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Merges returned forms into the campaign workbook (or a copy at `outPath`). */
export function mergeFormFiles(
  campaign: string,
  forms: readonly string[],
  options: { outPath?: string; now?: Date } = {},
): MergeOutcome {
  const target = options.outPath ?? campaign;
  const open = openIssue(target);
  if (open) return { ok: false, issues: [open] };
  const read = readCampaign(campaign, MERGE_SHEETS);
  if (!read.ok) return read;
  const { pkg, sheets } = read;
  const misnamed = extensionIssue(read.macro, target);
  if (misnamed) return { ok: false, issues: [misnamed] };
  const files: FormFile[] = [];
  const issues: Issue[] = [];
  for (const form of forms) {
    try {
      const formPkg = readFile(form);
      const grid = readSheets(formPkg, [F.sheet]).get(F.sheet)?.rows;
      files.push({
        source: path.basename(form),
        grid,
        received: fileDate(form),
        dateSystem: dateSystem(formPkg),
      });
    } catch (e) {
      if (e instanceof XlsxError) issues.push(fileIssue(e, form));
      else throw e;
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const result = mergeForms({
    sheets,
    forms: files,
    time: localTime(options.now ?? new Date()),
    dateSystem: dateSystem(pkg),
  });
  if (!result.ok) return result;
  // None of the files is a form: nothing is written (the warnings say so).
  if (result.nothingFound)
    return { ok: true, merged: [], notes: [], warnings: result.warnings, nothingFound: true };
  let bytes;
  try {
    // past Excel's limits ("Tự chấm" has a column per unit), writeSheets refuses first
    bytes = writeSheets(pkg, result.outputs);
  } catch (e) {
    // a damaged entry of the campaign workbook, found while copying it; or a sheet past
    // Excel's limits
    if (e instanceof XlsxError) {
      return { ok: false, issues: [fileIssue(e, e.code === 'damaged' ? campaign : target)] };
    }
    throw e;
  }
  try {
    writeFileAtomic(target, bytes);
  } catch (e) {
    if (e instanceof XlsxError) return { ok: false, issues: [fileIssue(e, target)] };
    throw e;
  }
  return { ok: true, merged: result.merged, notes: result.notes, warnings: result.warnings };
}
