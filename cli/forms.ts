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
import {
  campaignForms,
  fileIssue as namedFileIssue,
  FORM_SOURCE_SHEETS,
  MERGE_SHEETS,
} from '../xlsx/formFiles';
import { dateSystem, isMacroEnabled, readSheets, writeSheets, type Package } from '../xlsx';
import { readFile, writeFileAtomic } from './files';
import { extensionIssue, openIssue } from './workbook';
import { XlsxError } from '../xlsx/types';

export { formFileName } from '../xlsx/formFiles';

const F = vi.forms;

const fileIssue = (e: XlsxError, file: string): Issue => namedFileIssue(e, path.basename(file));

/** The campaign workbook's package and the values of the named sheets it has. */
function readCampaign(
  file: string,
  names: readonly string[],
): { ok: true; pkg: Package; sheets: Record<string, Grid> } | { ok: false; issues: Issue[] } {
  let pkg: Package;
  try {
    pkg = readFile(file);
  } catch (e) {
    if (e instanceof XlsxError) return { ok: false, issues: [fileIssue(e, file)] };
    throw e;
  }
  const sheets: Record<string, Grid> = {};
  try {
    for (const [name, data] of readSheets(pkg, [...names])) sheets[name] = data.rows;
  } catch (e) {
    // a damaged sheet part or cell
    if (e instanceof XlsxError) return { ok: false, issues: [fileIssue(e, file)] };
    throw e;
  }
  return { ok: true, pkg, sheets };
}

export type FormsOutcome = { ok: true; files: string[] } | { ok: false; issues: Issue[] };

/** One form per unit of the campaign workbook, written into `outDir`. */
export function writeForms(campaign: string, outDir: string): FormsOutcome {
  const read = readCampaign(campaign, FORM_SOURCE_SHEETS);
  if (!read.ok) return read;
  const forms = campaignForms(read.sheets, dateSystem(read.pkg));
  if (!forms.ok) return forms;
  const files: string[] = [];
  for (const form of forms.files) {
    const file = path.join(outDir, form.name);
    try {
      writeFileAtomic(file, form.bytes);
    } catch (e) {
      if (e instanceof XlsxError) return { ok: false, issues: [fileIssue(e, file)] };
      throw e;
    }
    files.push(file);
  }
  return { ok: true, files };
}

export type MergeOutcome =
  | { ok: true; merged: { unit: string; source: string }[]; warnings: Issue[] }
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
  const misnamed = extensionIssue(isMacroEnabled(pkg), target);
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
  try {
    writeFileAtomic(target, writeSheets(pkg, result.outputs));
  } catch (e) {
    if (e instanceof XlsxError) return { ok: false, issues: [fileIssue(e, target)] };
    throw e;
  }
  return { ok: true, merged: result.merged, warnings: result.warnings };
}
