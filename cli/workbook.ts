/**
 * The CLI host: read a campaign .xlsx (only the input sheets' values), run the core, and write
 * the output sheets back by replacing just those parts of the package. Nothing is written
 * unless the whole run succeeds; the file is replaced atomically.
 */
import {
  error,
  evaluateCampaign,
  inputHash,
  parseWorkbook,
  renderOutputs,
  vi,
  type Evaluation,
  type Issue,
  type CampaignSpec,
} from '../shared';
import { existsSync, mkdirSync } from 'fs';
import path from 'path';
import type { Grid } from '../shared/workbook/grid';
import { readFile, readSheets, writeFileAtomic, writeSheets } from './xlsx';
import { XlsxError } from './xlsx/types';

const S = vi.workbook.sheets;
export const INPUT_SHEETS = [
  S.config,
  S.criteria,
  S.units,
  S.self,
  S.appraised,
  S.survey,
  S.nominations,
  S.ballots,
];

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

const fileIssue = (e: XlsxError, file: string): Issue =>
  error('fileProblem', { message: e.message }, { file: path.basename(file) });

/** Reads and evaluates a campaign workbook; `write` also writes the outputs to `outPath`. */
export function runWorkbook(
  inPath: string,
  options: { write: boolean; outPath?: string; now?: Date; progress?: Progress },
): RunOutcome {
  const progress = options.progress ?? (() => undefined);
  // Excel keeps "~$name.xlsx" beside a workbook it has open: writing now would be lost.
  if (options.write) {
    for (const file of new Set([inPath, options.outPath ?? inPath])) {
      const lock = path.join(path.dirname(file), `~$${path.basename(file)}`);
      if (existsSync(lock)) {
        return {
          ok: false,
          issues: [
            error('fileOpenInExcel', { lock: path.basename(lock) }, { file: path.basename(file) }),
          ],
        };
      }
    }
  }
  let pkg;
  try {
    pkg = readFile(inPath);
  } catch (e) {
    if (e instanceof XlsxError) return { ok: false, issues: [fileIssue(e, inPath)] };
    throw e;
  }
  const read = readSheets(pkg, [...INPUT_SHEETS, S.log]);
  const sheets: Record<string, Grid> = {};
  const merges: Record<string, string[]> = {};
  for (const name of INPUT_SHEETS) {
    const data = read.get(name);
    if (data) {
      sheets[name] = data.rows;
      merges[name] = data.merges;
    }
  }
  progress('read');
  const parsed = parseWorkbook(sheets, merges);
  if (!parsed.spec) {
    // The core says "the workbook"; here it has a name.
    const file = path.basename(inPath);
    const named = parsed.issues.map((i) => (i.at.workbook ? { ...i, at: { file } } : i));
    return { ok: false, issues: named };
  }
  const evaluation = evaluateCampaign(parsed.spec);
  progress('evaluated');
  if (!evaluation.ok) return { ok: false, issues: [...evaluation.errors, ...evaluation.warnings] };
  const warnings = [...parsed.issues, ...evaluation.warnings];
  if (options.write) {
    const now = options.now ?? new Date();
    const blocks = renderOutputs(evaluation, parsed.spec, read.get(S.log)?.rows, {
      time: localTime(now),
      hash: inputHash(sheets),
    });
    const bytes = writeSheets(pkg, blocks);
    const target = options.outPath ?? inPath;
    try {
      mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
      writeFileAtomic(target, bytes);
    } catch (e) {
      if (e instanceof XlsxError) return { ok: false, issues: [fileIssue(e, target)] };
      throw e;
    }
    progress('written');
  }
  return { ok: true, evaluation, spec: parsed.spec, warnings };
}

/** "2026-11-25 16:20:55" in the machine's local time: what a person reads in the log. */
export function localTime(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
