/// <reference types="office-js" />
/**
 * "Xếp hạng giai đoạn" in Excel (issue 17, docs/period.md): the yearly ranked workbooks the user
 * picked are read in the browser (xlsx/, as forms merging reads returned forms), each one's
 * "Kết quả" only; the period is ranked by the core (shared/period/), as `xephang period` does;
 * then one `Excel.run` with two syncs: one finds the period sheets already in the open workbook
 * (and whether they are protected), one writes "Kết quả giai đoạn" (and "Đề nghị khen thưởng giai
 * đoạn" with a period award; an earlier one is deleted when this run proposes no award). The
 * campaign's own sheets are never read or written. Any problem — a file that is not an .xlsx,
 * has no "Kết quả", or whose table does not read — is listed naming the file, sheet and cell, and
 * nothing is written (Excel is not even opened).
 */
import { formatMessage, vi } from '../shared/i18n/vi';
import { formatIssue, type Issue } from '../shared/model/issues';
import { error } from '../shared/model/issues';
import { rankPeriod, type PeriodSettings } from '../shared/period/period';
import type { YearSheet } from '../shared/period/read';
import { renderPeriod } from '../shared/period/render';
import { base64ToBytes } from '../ui/base64';
import type { FormUpload, IssueView, PeriodOptions, PeriodSummary } from '../ui/bridge';
import { readPackage, readSheets as readXlsx, XlsxError } from '../xlsx/bytes';
import { fileIssue } from '../xlsx/formFiles';
import {
  pageLayoutSupported,
  REQUEST_LIMIT,
  writeSheets,
  type ExcelHostOptions,
  type ExcelRun,
} from './excelHost';
import { readSheets } from './excelRead';

const P = vi.period;

/** The sheets a period run replaces. */
export const PERIOD_SHEETS: readonly string[] = [P.sheets.results, P.sheets.proposals];

/** A problem in a picked file, as text: its sheet and cell are in that file, not this workbook. */
const asText = (issues: readonly Issue[]): IssueView[] =>
  issues.map((i) => ({ severity: i.severity, text: formatIssue(i) }));

/** The core's settings from what the pane sets. */
export function periodSettings(options: PeriodOptions): Partial<PeriodSettings> {
  const a = options.award;
  return {
    minYears: options.minYears,
    ...(a && a.name.trim() !== ''
      ? {
          awards: [
            {
              name: a.name.trim(),
              quota: a.quota,
              ...(a.minExcellentYears ? { minExcellentYears: a.minExcellentYears } : {}),
              ...(a.everyYear ? { everyYear: true } : {}),
            },
          ],
        }
      : {}),
  };
}

/** Each picked file's "Kết quả", or the problems of the files (named). */
export function yearSheets(
  files: readonly FormUpload[],
): { ok: true; sheets: YearSheet[] } | { ok: false; issues: Issue[] } {
  const sheetName = vi.workbook.sheets.results;
  const sheets: YearSheet[] = [];
  const issues: Issue[] = [];
  for (const f of files) {
    try {
      const read = readXlsx(readPackage(decode(f.base64)), [sheetName]).get(sheetName);
      if (!read) {
        issues.push(
          error(
            'fileProblem',
            { message: formatMessage(P.errors.missingSheet, { sheet: sheetName }) },
            { file: f.name },
          ),
        );
      } else sheets.push({ file: f.name, sheet: read.name, grid: read.rows });
    } catch (e) {
      if (e instanceof XlsxError) issues.push(fileIssue(e, f.name));
      else throw e;
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, sheets };
}

export interface PeriodOutcome {
  summary: PeriodSummary;
  /** context.sync() calls this click made (0 when a file stopped it). */
  syncs: number;
}

/** One click of "Xếp hạng giai đoạn". Nothing is written unless every file reads. */
export async function rankPeriodFiles(
  run: ExcelRun,
  files: readonly FormUpload[],
  options: PeriodOptions,
  host: ExcelHostOptions = {},
): Promise<PeriodOutcome> {
  const read = yearSheets(files);
  if (!read.ok) return { summary: { ok: false, errors: asText(read.issues) }, syncs: 0 };
  const outcome = rankPeriod(read.sheets, periodSettings(options));
  if (!outcome.ok) return { summary: { ok: false, errors: asText(outcome.issues) }, syncs: 0 };
  const { result } = outcome;
  const outputs = renderPeriod(result);
  return run(async (context) => {
    const existing = await readSheets(context, [], PERIOD_SHEETS);
    let syncs = existing.syncs;
    const blocked = PERIOD_SHEETS.filter((n) => {
      const s = existing.outputs.get(n);
      return s && !s.isNullObject && s.protection.protected;
    }).map((sheet) => ({
      severity: 'error' as const,
      text: formatMessage(vi.host.protectedSheet, { sheet }),
      sheet,
    }));
    if (blocked.length > 0) return { summary: { ok: false, errors: blocked }, syncs };
    // No award this time: an earlier run's proposals would read as this period's.
    const stale = existing.outputs.get(P.sheets.proposals);
    if (stale && !stale.isNullObject && !outputs.some((o) => o.name === P.sheets.proposals)) {
      stale.delete();
    }
    syncs += await writeSheets(
      context,
      outputs,
      existing.outputs,
      host.requestLimit ?? REQUEST_LIMIT,
      P.sheets.results,
      host.printSupported ?? pageLayoutSupported(),
    );
    const units = result.blocks.flatMap((b) => b.units);
    return {
      summary: {
        ok: true,
        span: result.span,
        years: result.years,
        units: units.length,
        ranked: units.filter((u) => u.rank !== null).length,
        proposals: result.proposals.length,
        sheets: outputs.map((o) => o.name),
      },
      syncs,
    };
  });
}

/** A file's base64 as bytes; text that is not base64 reads as an empty (so invalid) file. */
function decode(base64: string): Uint8Array {
  try {
    return base64ToBytes(base64);
  } catch {
    return new Uint8Array(0);
  }
}
