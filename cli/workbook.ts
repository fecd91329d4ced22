/**
 * The CLI host: read a campaign .xlsx (only the input sheets' values), run the core, and write
 * the output sheets back by replacing just those parts of the package. Nothing is written
 * unless the whole run succeeds; the file is replaced atomically.
 */
import { error, type Evaluation, type Issue, type CampaignSpec } from '../shared';
import path from 'path';
import type { Grid } from '../shared/workbook/grid';
import { INPUT_SHEETS, localTime, runCampaign, SHEETS_TO_READ } from '../shared/workbook/run';
import {
  dateSystem,
  isMacroEnabled,
  nearSheetName,
  readSheets,
  writeSheets,
  type SheetData,
} from '../xlsx';
import { officeLock, readFile, writeFileAtomic } from './files';
import { XlsxError } from '../xlsx/types';

export { INPUT_SHEETS, localTime };

export interface Progress {
  (stage: string): void;
}

export type RunOutcome =
  | {
      ok: true;
      evaluation: Extract<Evaluation, { ok: true }>;
      spec: CampaignSpec;
      warnings: Issue[];
    }
  | { ok: false; issues: Issue[] };

/** A file problem, at its cell when it is a damaged cell (the sheet and cell name it). */
const fileIssue = (e: XlsxError, file: string): Issue =>
  error(
    'fileProblem',
    { message: e.message },
    e.cell ? { cell: e.cell } : { file: path.basename(file) },
  );

/** The error for a workbook open in Excel or LibreOffice (its lock file beside it), if it is. */
export function openIssue(file: string): Issue | undefined {
  const open = officeLock(file);
  if (!open) return undefined;
  return error('fileOpen', { app: open.app, lock: open.lock }, { file: path.basename(file) });
}

/**
 * Excel opens a macro-enabled package only under an .xlsm name, and a plain one only under
 * .xlsx: the error for a target named the other way, if it is.
 */
export function extensionIssue(macro: boolean, target: string): Issue | undefined {
  const extension = path.extname(target).toLowerCase();
  if (extension !== (macro ? '.xlsx' : '.xlsm')) return undefined;
  return error(macro ? 'macroToXlsx' : 'plainToXlsm', {}, { file: path.basename(target) });
}

/** Input cells listed one by one per sheet; past this, one line says how many more. */
const UNCOMPUTED_SHOWN = 20;

/**
 * Formulas in the input sheets saved without their results (a file written by a program and
 * never opened in a spreadsheet): their values are unknown, and reading them as blank would
 * change the scores without a word. An error at each cell: open the file, let it calculate,
 * save it.
 */
function uncomputedIssues(read: ReadonlyMap<string, SheetData>): Issue[] {
  const issues: Issue[] = [];
  for (const name of INPUT_SHEETS) {
    const cells = read.get(name)?.uncomputed ?? [];
    const sheet = read.get(name)?.name ?? name;
    for (const c of cells.slice(0, UNCOMPUTED_SHOWN)) {
      issues.push(
        error('formulaNotComputed', {}, { cell: { sheet, row: c.row + 1, col: c.col + 1 } }),
      );
    }
    if (cells.length > UNCOMPUTED_SHOWN) {
      issues.push(
        error(
          'formulaNotComputedMore',
          { count: cells.length - UNCOMPUTED_SHOWN, sheet },
          { workbook: true },
        ),
      );
    }
  }
  return issues;
}

/** Reads and evaluates a campaign workbook; `write` also writes the outputs to `outPath`. */
export function runWorkbook(
  inPath: string,
  options: { write: boolean; outPath?: string; now?: Date; progress?: Progress },
): RunOutcome {
  const progress = options.progress ?? (() => undefined);
  if (options.write) {
    for (const file of new Set([inPath, options.outPath ?? inPath])) {
      const open = openIssue(file);
      if (open) return { ok: false, issues: [open] };
    }
  }
  let pkg;
  try {
    pkg = readFile(inPath);
  } catch (e) {
    if (e instanceof XlsxError) return { ok: false, issues: [fileIssue(e, inPath)] };
    throw e;
  }
  const target = options.outPath ?? inPath;
  const misnamed = options.write ? extensionIssue(isMacroEnabled(pkg), target) : undefined;
  if (misnamed) return { ok: false, issues: [misnamed] };
  let read;
  try {
    read = readSheets(pkg, [...SHEETS_TO_READ]);
  } catch (e) {
    // a damaged sheet part or cell
    if (e instanceof XlsxError) return { ok: false, issues: [fileIssue(e, inPath)] };
    throw e;
  }
  const sheets: Record<string, Grid> = {};
  const merges: Record<string, string[]> = {};
  for (const name of SHEETS_TO_READ) {
    const data = read.get(name);
    if (data) {
      sheets[name] = data.rows;
      merges[name] = data.merges;
    }
  }
  progress('read');
  const uncomputed = uncomputedIssues(read);
  if (uncomputed.length > 0) return { ok: false, issues: uncomputed };
  const result = runCampaign({
    sheets,
    merges,
    dateSystem: dateSystem(pkg),
    time: localTime(options.now ?? new Date()),
    // a check writes nothing: the output sheets are not even made
    outputs: options.write,
  });
  progress('evaluated');
  if (!result.ok) {
    // The core says "the workbook"; here it has a name. A missing sheet whose tab is there
    // but for stray spaces says which tab to rename.
    const file = path.basename(inPath);
    const located = (i: Issue): Issue => {
      const near =
        i.key === 'missingSheet' ? nearSheetName(pkg, String(i.params.sheet)) : undefined;
      const issue = near === undefined ? i : error('missingSheetNear', { ...i.params, near }, i.at);
      return issue.at.workbook ? { ...issue, at: { file } } : issue;
    };
    return { ok: false, issues: result.issues.map(located) };
  }
  if (options.write) {
    const bytes = writeSheets(pkg, result.outputs);
    try {
      writeFileAtomic(target, bytes);
    } catch (e) {
      if (e instanceof XlsxError) return { ok: false, issues: [fileIssue(e, target)] };
      throw e;
    }
    progress('written');
  }
  return { ok: true, evaluation: result.evaluation, spec: result.spec, warnings: result.warnings };
}
