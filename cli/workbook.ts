/**
 * The CLI host: read a campaign .xlsx (only the input sheets' values), run the core, and write
 * the output sheets back by replacing just those parts of the package. Nothing is written
 * unless the whole run succeeds; the file is replaced atomically.
 */
import {
  error,
  formatMessage,
  vi,
  type Evaluation,
  type Issue,
  type CampaignSpec,
} from '../shared';
import path from 'path';
import type { Grid } from '../shared/workbook/grid';
import type { CellValue } from '../shared/model/types';
import type { OutputBlock } from '../shared/workbook/output';
import { previousResultsSheet } from '../shared/workbook/parse/previous';
import { INPUT_SHEETS, localTime, runCampaign, SHEETS_TO_READ } from '../shared/workbook/run';
import {
  dateSystem,
  isMacroEnabled,
  nearSheetName,
  readSheets,
  verifyPackage,
  writeSheets,
  type SheetData,
} from '../xlsx';
import { officeLock, readFile, writeFileAtomic } from './files';
import { XlsxError } from '../xlsx/types';
import { SheetLimitError } from '../xlsx/limits';
import { MAX_COLS } from '../xlsx/ranges';

export { INPUT_SHEETS, localTime };

const S = vi.workbook.sheets;

/** Sheets with one column per unit after three fixed ones (code, name, max): D … XFD. */
const UNIT_COLUMN_SHEETS = new Set<string>([S.self, S.appraised, S.appraised2, S.preview]);

/** The units such a sheet holds: 16,381 (columns D to XFD). */
export const MAX_UNIT_COLUMNS = MAX_COLS - 3;

/**
 * The message of a file or limit error; a sheet with one column per unit past Excel's last
 * column also says how many units a workbook holds and what to do.
 */
export function problemMessage(e: XlsxError): string {
  if (e instanceof SheetLimitError && e.limit === 'columns' && UNIT_COLUMN_SHEETS.has(e.sheet)) {
    const max = String(MAX_UNIT_COLUMNS).replace(/\B(?=(\d{3})+$)/g, ' ');
    return `${e.message}. ${formatMessage(vi.cli.fileSystem.limits.unitColumns, { max })}`;
  }
  return e.message;
}

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
export const fileIssue = (e: XlsxError, file: string): Issue =>
  error(
    'fileProblem',
    { message: problemMessage(e) },
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

/**
 * The "Kết quả năm trước" of `--previous <file>`: the file's "Kết quả" (and the staff of its
 * "Đơn vị"), read without touching the file. A file without "Kết quả" was never ranked.
 */
function previousResults(
  file: string,
): { ok: true; rows: CellValue[][] } | { ok: false; issue: Issue } {
  try {
    const read = readSheets(readFile(file), [S.results, S.units]);
    const results = read.get(S.results);
    if (!results)
      return {
        ok: false,
        issue: error(
          'fileProblem',
          {
            message: formatMessage(vi.previousYear.cli.previousNoResults, {
              file: path.basename(file),
            }),
          },
          { file: path.basename(file) },
        ),
      };
    return { ok: true, rows: previousResultsSheet(results.rows, read.get(S.units)?.rows) };
  } catch (e) {
    if (e instanceof XlsxError) return { ok: false, issue: fileIssue(e, file) };
    throw e;
  }
}

/** Reads and evaluates a campaign workbook; `write` also writes the outputs to `outPath`. */
export function runWorkbook(
  inPath: string,
  options: {
    write: boolean;
    outPath?: string;
    now?: Date;
    progress?: Progress;
    /** Last year's ranked workbook (`--previous`): its "Kết quả" is "Kết quả năm trước". */
    previous?: string;
  },
): RunOutcome {
  const progress = options.progress ?? (() => undefined);
  if (options.write) {
    for (const file of new Set([inPath, options.outPath ?? inPath])) {
      const open = openIssue(file);
      if (open) return { ok: false, issues: [open] };
    }
  }
  // Everything that reads the package can meet a damaged part (XlsxError naming it).
  let pkg;
  let read;
  const target = options.outPath ?? inPath;
  try {
    pkg = readFile(inPath);
    const misnamed = options.write ? extensionIssue(isMacroEnabled(pkg), target) : undefined;
    if (misnamed) return { ok: false, issues: [misnamed] };
    read = readSheets(pkg, [...SHEETS_TO_READ]);
    // `rank` checks the entries it copies without reading them as it writes; `check`, which
    // writes nothing, checks them all here, so that it never passes what `rank` refuses.
    if (!options.write) verifyPackage(pkg);
  } catch (e) {
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
  // --previous: last year's "Kết quả" (read only) stands for "Kết quả năm trước".
  let previousSheet: OutputBlock | undefined;
  if (options.previous !== undefined) {
    const got = previousResults(options.previous);
    if (!got.ok) return { ok: false, issues: [got.issue] };
    sheets[S.previousResults] = got.rows;
    previousSheet = {
      name: S.previousResults,
      rows: got.rows,
      formats: got.rows.map(() => []),
      boldRows: [],
      columnWidths: [],
      frozenRows: 0,
    };
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
    let bytes;
    try {
      // past Excel's limits, writeSheets refuses before writing anything
      // the previous results go in too, so that the workbook keeps where its changes came from
      bytes = writeSheets(pkg, previousSheet ? [previousSheet, ...result.outputs] : result.outputs);
    } catch (e) {
      // a damaged entry found while copying it is the input's fault; a sheet past Excel's
      // limits is the output's
      if (e instanceof XlsxError) {
        return { ok: false, issues: [fileIssue(e, e.code === 'damaged' ? inPath : target)] };
      }
      throw e;
    }
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
