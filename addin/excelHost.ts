/// <reference types="office-js" />
/**
 * The Excel host: the port between office-js and the pure core. One click of "Xếp hạng" is
 * one `Excel.run` with two `context.sync()` calls: one reads every input sheet's used range (and
 * what is needed to clear the old outputs), one writes every output sheet. Only inputs or outputs
 * larger than a request or its response can carry (Excel on the web refuses 5 MB) take more syncs:
 * reads are split in excelRead.ts, writes here.
 * Everything between reading and writing is `runCampaign` from shared/, as in the CLI and Sheets.
 */
import { formatMessage, vi } from '../shared/i18n/vi';
import type { CellValue } from '../shared/model/types';
import type { OutputBlock, TemplateSheet } from '../shared/workbook/output';
import {
  asText,
  INPUT_SHEETS,
  ISSUE_LIMIT,
  localTime,
  OUTPUT_SHEETS,
  runCampaign,
  runSummary,
  SHEETS_TO_READ,
  type RunSummary,
} from '../shared/workbook/run';
import { checkSetup, setupState, SETUP_SHEETS } from '../shared/workbook/setup';
import {
  existingSheetErrors,
  formulaBlocks,
  starterCampaign,
  templateSheets,
} from '../shared/workbook/template';
import { issueView } from '../shared/workbook/run';
import type { CampaignSetup } from '../shared/model/types';
import { mergeForms, mergeSummary, type MergeSummary } from '../shared/forms/merge';
import {
  campaignForms,
  formsZipName,
  FORM_SOURCE_SHEETS,
  MERGE_SHEETS,
  readFormFiles,
  zipForms,
} from '../xlsx/formFiles';
import { LIST_SHEET } from '../xlsx/validation';
import { withListSheet } from '../xlsx/write';
import { base64ToBytes, bytesToBase64 } from '../ui/base64';
import { readSheets } from './excelRead';
import { queueHighlights, queueReport, queueValidation } from './excelFormat';

export { mmToPoints } from './excelFormat';
import { reportResult, type ReportResult } from '../shared/workbook/report';

export { mergedRanges } from './excelRead';
import type {
  FormsMade,
  FormUpload,
  SaveOptions,
  SaveResult,
  SetupState,
  TemplateOptions,
} from '../ui/bridge';
import { planSave, SAVE_SHEETS, SAVE_WRITES, type RowEdits } from '../shared/workbook/save';

/** `Excel.run`, injected so tests can pass a counting fake. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  /** The clock (tests fix it). */
  now?: () => Date;
  /** Largest estimated payload of one write request, in bytes (Excel on the web: 5 MB). */
  requestLimit?: number;
  /** Whether the host has ExcelApi 1.13 (merged areas); merges are skipped otherwise. */
  mergesSupported?: boolean;
  /** Largest estimated response of a chunked read, in bytes (excelRead.ts; tests lower it). */
  readLimit?: number;
  /**
   * Whether the host has ExcelApi 1.9 (Worksheet.pageLayout): the output sheets' print set-up
   * is skipped otherwise, the rest written as usual. Default: what Office says, or true where
   * there is no Office (tests).
   */
  printSupported?: boolean;
}

/** Whether this Excel has Worksheet.pageLayout (ExcelApi 1.9, which the manifest requires). */
export function pageLayoutSupported(): boolean {
  try {
    if (typeof Office === 'undefined') return true;
    return Office.context.requirements.isSetSupported('ExcelApi', '1.9');
  } catch {
    return false;
  }
}

export const REQUEST_LIMIT = 4_000_000;

/** What one request writes: a part of one sheet's rows, or the sheet's finishing touches. */
interface Piece {
  sheet: string;
  first: number;
  rows: (CellValue | undefined)[][];
  formats?: (string | undefined)[][];
  width: number;
  bytes: number;
}

/** A sheet to write in full (an output, a setup sheet or a template sheet). */
type SheetToWrite = TemplateSheet & Pick<OutputBlock, 'chart' | 'highlights' | 'report'>;

/** Cells as a host must write them: text stays text, empty is "". */
function cellForWrite(v: CellValue | undefined): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v === '' ? '' : asText(v);
  return v;
}

/** A rough size of what office-js sends for these cells (JSON of values and formats). */
function estimateBytes(
  rows: (CellValue | undefined)[][],
  formats: (string | undefined)[][] | undefined,
  width: number,
): number {
  let bytes = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const f = formats?.[r];
    for (let c = 0; c < width; c++) {
      const v = row[c];
      bytes += typeof v === 'string' ? v.length * 2 + 4 : v === null || v === undefined ? 3 : 12;
      bytes += (f?.[c]?.length ?? 7) + 3;
    }
  }
  return bytes;
}

function widthOf(rows: readonly (readonly unknown[])[]): number {
  let width = 1;
  for (const row of rows) if (row.length > width) width = row.length;
  return width;
}

/** Splits the sheets' rows into pieces that each fit one request. */
export function planPieces(sheets: readonly SheetToWrite[], limit: number): Piece[][] {
  const requests: Piece[][] = [[]];
  let used = 0;
  for (const s of sheets) {
    const width = widthOf(s.rows);
    let first = 0;
    const total = s.rows.length;
    if (total === 0) {
      requests[requests.length - 1].push({ sheet: s.name, first: 0, rows: [], width, bytes: 0 });
      continue;
    }
    while (first < total) {
      // Take rows until the request is full (at least one row per piece).
      let last = first;
      let bytes = 0;
      while (last < total) {
        const b = estimateBytes(
          [s.rows[last]],
          s.formats ? [s.formats[last] ?? []] : undefined,
          width,
        );
        if (last > first && used + bytes + b > limit) break;
        bytes += b;
        last++;
      }
      requests[requests.length - 1].push({
        sheet: s.name,
        first,
        rows: s.rows.slice(first, last),
        formats: s.formats?.slice(first, last),
        width,
        bytes,
      });
      used += bytes;
      first = last;
      if (first < total || used >= limit) {
        requests.push([]);
        used = 0;
      }
    }
  }
  return requests.filter((r, i) => r.length > 0 || i === 0);
}

/** Column width in points from the format's character widths (Calibri 11: ~5.6 pt a character). */
const points = (chars: number): number => Math.round(chars * 5.6 + 5);

function queuePiece(sheet: Excel.Worksheet, piece: Piece): void {
  if (piece.rows.length === 0) return;
  const values = piece.rows.map((row) => {
    const out = new Array<string | number | boolean>(piece.width);
    for (let c = 0; c < piece.width; c++) out[c] = cellForWrite(row[c]);
    return out;
  });
  const range = sheet.getRangeByIndexes(piece.first, 0, piece.rows.length, piece.width);
  // Formats first: "0.00" on an empty cell, then the number.
  if (piece.formats?.some((f) => f && f.length > 0)) {
    range.numberFormat = piece.rows.map((_, r) => {
      const f = piece.formats?.[r] ?? [];
      const out = new Array<string>(piece.width);
      for (let c = 0; c < piece.width; c++) out[c] = f[c] ?? 'General';
      return out;
    });
  }
  range.values = values;
}

function queueFinish(sheet: Excel.Worksheet, s: SheetToWrite, width: number, print: boolean): void {
  if (s.report && s.rows.length > 0) queueReport(sheet, s.report, s.rows.length, width, print);
  for (const r of s.boldRows ?? []) {
    sheet.getRangeByIndexes(r, 0, 1, Math.max(1, s.rows[r]?.length ?? 1)).format.font.bold = true;
  }
  (s.columnWidths ?? []).forEach((w, c) => {
    if (c < width) sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = points(w);
  });
  if (s.frozenRows) sheet.freezePanes.freezeRows(s.frozenRows);
  if (s.name === LIST_SHEET) sheet.visibility = 'Hidden';
  for (const block of formulaBlocks(s.formulas ?? [])) {
    sheet.getRangeByIndexes(
      block.row,
      block.col,
      block.formulas.length,
      block.formulas[0].length,
    ).formulas = block.formulas;
  }
  for (const v of s.validations ?? []) queueValidation(sheet, v);
  queueHighlights(sheet, s.highlights ?? []);
  if (s.chart) {
    const { row, col, rows, cols } = s.chart.range;
    const data = sheet.getRangeByIndexes(row, col, rows, cols);
    const chart = sheet.charts.add('BarClustered', data, 'Columns');
    chart.name = CHART_NAME;
    chart.title.text = s.chart.title;
    chart.setPosition(sheet.getRangeByIndexes(row, col + cols + 1, 1, 1));
  }
  if (s.protection) {
    for (const address of s.protection.unlocked) {
      sheet.getRange(address).format.protection.locked = false;
    }
    sheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
  }
}

export const CHART_NAME = 'XepHangChiSoTheoKhoi';

/**
 * Writes whole sheets: each existing one is cleared (values, formats, charts, frozen panes),
 * a missing one added, then rows are written in as many requests as the payload needs (one
 * for any campaign of ordinary size). Returns the number of syncs it used.
 */
export async function writeSheets(
  context: Excel.RequestContext,
  toWrite: readonly SheetToWrite[],
  existing: Map<string, Excel.Worksheet>,
  limit: number,
  activate?: string,
  print = pageLayoutSupported(),
): Promise<number> {
  const app = context.workbook.application;
  app.suspendApiCalculationUntilNextSync();
  app.suspendScreenUpdatingUntilNextSync();
  const sheets = new Map<string, Excel.Worksheet>();
  for (const s of toWrite) {
    const old = existing.get(s.name);
    let sheet: Excel.Worksheet;
    if (old && !old.isNullObject) {
      sheet = old;
      for (const chart of old.charts.items) chart.delete();
      sheet.freezePanes.unfreeze();
      const whole = sheet.getRange();
      whole.clear('All');
      // A title merged by hand (or by another tool) would stay merged over the new rows.
      whole.unmerge();
    } else {
      sheet = context.workbook.worksheets.add(s.name);
    }
    sheets.set(s.name, sheet);
  }
  const requests = planPieces(toWrite, limit);
  let syncs = 0;
  for (let i = 0; i < requests.length; i++) {
    if (i > 0) {
      await context.sync();
      syncs++;
      app.suspendApiCalculationUntilNextSync();
      app.suspendScreenUpdatingUntilNextSync();
    }
    for (const piece of requests[i]) queuePiece(sheets.get(piece.sheet) as Excel.Worksheet, piece);
  }
  for (const s of toWrite)
    queueFinish(sheets.get(s.name) as Excel.Worksheet, s, widthOf(s.rows), print);
  if (activate) sheets.get(activate)?.activate();
  await context.sync();
  return syncs + 1;
}

/** The problems that stop a write to output sheets someone protected. */
function protectedOutputs(outputs: Map<string, Excel.Worksheet>, names: readonly string[]) {
  return names
    .filter((n) => {
      const s = outputs.get(n);
      return s && !s.isNullObject && s.protection.protected;
    })
    .map((sheet) => ({
      severity: 'error' as const,
      text: formatMessage(vi.host.protectedSheet, { sheet }),
      sheet,
    }));
}

export interface RankOutcome {
  summary: RunSummary;
  /** context.sync() calls this click made. */
  syncs: number;
}

/** One click of "Xếp hạng". Nothing is written unless the whole run succeeds. */
export async function rankWorkbook(
  run: ExcelRun,
  options: ExcelHostOptions = {},
): Promise<RankOutcome> {
  const now = options.now ?? (() => new Date());
  const limit = options.requestLimit ?? REQUEST_LIMIT;
  return run(async (context) => {
    const read = await readSheets(context, SHEETS_TO_READ, OUTPUT_SHEETS, {
      merges: options.mergesSupported ?? false,
      limit: options.readLimit,
    });
    const { sheets, merges, outputs } = read;
    let syncs = read.syncs;
    const time = localTime(now());
    const result = runCampaign({ sheets, merges, time, dateSystem: read.dateSystem });
    const summary = runSummary(result, time);
    if (!result.ok) return { summary, syncs };
    const blocked = protectedOutputs(
      outputs,
      result.outputs.map((o) => o.name),
    );
    if (blocked.length > 0)
      return { summary: { ok: false, time, errors: blocked, warnings: [] }, syncs };
    syncs += await writeSheets(
      context,
      result.outputs,
      outputs,
      limit,
      vi.workbook.sheets.results,
      options.printSupported ?? pageLayoutSupported(),
    );
    return { summary, syncs };
  });
}

/**
 * The report of the workbook as it is ("Sao chép bảng kết quả", "Tải phụ lục"): one sync reads
 * the input sheets as "Xếp hạng" does, the core evaluates them without rendering; nothing is
 * written, whatever the outcome.
 */
export async function reportWorkbook(
  run: ExcelRun,
  options: ExcelHostOptions = {},
): Promise<FormsOutcome<ReportResult>> {
  const now = options.now ?? (() => new Date());
  return run(async (context) => {
    const read = await readSheets(context, INPUT_SHEETS, [], {
      merges: options.mergesSupported ?? false,
      limit: options.readLimit,
    });
    const result = runCampaign({
      sheets: read.sheets,
      merges: read.merges,
      time: localTime(now()),
      dateSystem: read.dateSystem,
      outputs: false,
    });
    return { result: reportResult(result), syncs: read.syncs };
  });
}

/**
 * Activates an output sheet and selects its used range (the Ctrl+C fallback of "Sao chép"):
 * one sync finds the sheet and its range, one selects. false when the sheet does not exist.
 */
export async function selectTable(run: ExcelRun, sheet: string): Promise<boolean> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address');
    await context.sync();
    if (ws.isNullObject || used.isNullObject) return false;
    ws.activate();
    used.select();
    await context.sync();
    return true;
  });
}

/** Reads "Cấu hình" and "Tiêu chí" (one sync). */
export async function loadSetup(run: ExcelRun): Promise<SetupState> {
  return run(async (context) => {
    const { sheets } = await readSheets(context, SETUP_SHEETS, []);
    return setupState(sheets);
  });
}

/**
 * Saves a setup: one sync reads what a run reads (and the preview), the core plans the save
 * (shared/workbook/save.ts), one sync writes — "Cấu hình" and "Tiêu chí" whole, the score
 * sheets by row operations (entire rows inserted and deleted, so the other rows keep their
 * formats, checks, comments and formulas; a moved row's values written at its new place), the
 * preview whole. A protected score sheet (the template protects them, without a password) is
 * unprotected first in the same request and protected again after, a new criterion's score
 * cells unlocked; a password stops the request at its first operation, before any write.
 * Nothing is written on errors or an unanswered question.
 */
export async function saveSetup(
  run: ExcelRun,
  setup: CampaignSetup,
  options: SaveOptions = {},
): Promise<SaveResult> {
  const errors = checkSetup(setup).filter((i) => i.severity === 'error');
  if (errors.length > 0) return { ok: false, errors: errors.map(issueView) };
  return run(async (context) => {
    const read = await readSheets(context, SAVE_SHEETS, SAVE_WRITES);
    const plan = planSave(read.sheets, setup, {
      confirmed: options.confirmed,
      dateSystem: read.dateSystem,
    });
    if (plan.kind === 'errors') return { ok: false, errors: plan.errors };
    if (plan.kind === 'confirm') return { ok: false, errors: [], confirm: plan.questions };
    const { outputs } = read;
    const isProtected = (name: string): boolean => {
      const s = outputs.get(name);
      return !!s && !s.isNullObject && s.protection.protected;
    };
    const locked = [
      ...plan.edits.map((e) => e.sheet),
      ...(plan.preview ? [plan.preview.name] : []),
    ].filter(isProtected);
    // First in the request: a password stops it here, before anything is written.
    for (const name of locked) outputs.get(name)?.protection.unprotect();
    for (const e of plan.edits) {
      const sheet = outputs.get(e.sheet) as Excel.Worksheet;
      queueRowEdits(sheet, e, locked.includes(e.sheet));
    }
    const toWrite: SheetToWrite[] = [...plan.setup, ...(plan.preview ? [plan.preview] : [])];
    try {
      await writeSheets(context, toWrite, outputs, REQUEST_LIMIT);
    } catch (e) {
      if (locked.length === 0) throw e;
      // The error names the sheets still closed (a password stopped the request at them).
      const { reopened } = await protectAgain(context, locked);
      return {
        ok: false,
        errors: locked
          .filter((sheet) => !reopened.includes(sheet))
          .map((sheet) => ({
            severity: 'error' as const,
            text: formatMessage(vi.saveSetup.protectedSheet, { sheet }),
            sheet,
          })),
      };
    }
    return { ok: true } as const;
  });
}

/**
 * After a request that failed part-way: Excel applies a request up to the operation that fails,
 * so sheets unprotected before the one with a password are open now. Protects those again and
 * returns their names (the others are still closed) and the syncs it took (1 or 2).
 */
async function protectAgain(
  context: Excel.RequestContext,
  locked: readonly string[],
): Promise<{ reopened: string[]; syncs: number }> {
  const sheets = locked.map((name) => {
    const sheet = context.workbook.worksheets.getItem(name);
    sheet.protection.load('protected');
    return sheet;
  });
  await context.sync();
  const reopened = locked.filter((_, i) => !sheets[i].protection.protected);
  sheets.forEach((sheet, i) => {
    if (reopened.includes(locked[i])) sheet.protection.protect();
  });
  if (reopened.length > 0) await context.sync();
  return { reopened, syncs: reopened.length > 0 ? 2 : 1 };
}

/** One score sheet's row operations (shared/workbook/save.ts RowEdits), queued in order. */
function queueRowEdits(sheet: Excel.Worksheet, e: RowEdits, reprotect: boolean): void {
  const rows = (first: number, count: number): Excel.Range =>
    sheet.getRange(`${first + 1}:${first + count}`);
  for (const d of e.deletes) rows(d.row, d.count).delete('Up');
  for (const ins of e.inserts) {
    if (ins.shift) rows(ins.row, ins.rows.length).insert('Down');
    const width = widthOf(ins.rows);
    sheet.getRangeByIndexes(ins.row, 0, ins.rows.length, width).values = ins.rows.map((row) => {
      const out = new Array<string | number | boolean>(width);
      for (let c = 0; c < width; c++) out[c] = cellForWrite(row[c]);
      return out;
    });
  }
  for (const c of e.cells)
    sheet.getRangeByIndexes(c.row, c.col, 1, 1).values = [[cellForWrite(c.value)]];
  if (!reprotect) return;
  if (e.unitCols) {
    for (const r of e.leafRows) {
      sheet.getRangeByIndexes(r, e.unitCols.col, 1, e.unitCols.cols).format.protection.locked =
        false;
    }
  }
  sheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
}

/** "Tạo mẫu": the campaign sheets of a starter campaign, only in a workbook that has none. */
export async function createTemplate(run: ExcelRun, options: TemplateOptions): Promise<SaveResult> {
  const sheets = templateSheets(starterCampaign(options.units, options.year));
  return run(async (context) => {
    const { outputs } = await readSheets(
      context,
      [],
      sheets.map((s) => s.name),
    );
    const clash = [...outputs].filter(([, s]) => !s.isNullObject).map(([name]) => name);
    if (clash.length > 0) return { ok: false, errors: existingSheetErrors(clash) };
    await writeSheets(context, sheets, outputs, REQUEST_LIMIT, vi.workbook.sheets.criteria);
    return { ok: true } as const;
  });
}

/** Activates a sheet and selects one cell (an issue's location). */
export async function selectCell(run: ExcelRun, sheet: string, cell: string): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}

export interface FormsOutcome<T> {
  result: T;
  /** context.sync() calls this action made. */
  syncs: number;
}

/**
 * "Tạo phiếu tự chấm": reads "Cấu hình", "Tiêu chí" and "Đơn vị" (one sync), makes one .xlsx
 * form per unit and hands them back as one .zip to download. Nothing is written to the workbook.
 */
export async function makeFormsZip(
  run: ExcelRun,
  options: ExcelHostOptions = {},
): Promise<FormsOutcome<FormsMade>> {
  const now = options.now ?? (() => new Date());
  return run(async (context) => {
    const read = await readSheets(context, FORM_SOURCE_SHEETS, [], { limit: options.readLimit });
    const made = campaignForms(read.sheets, read.dateSystem);
    if (!made.ok) {
      const errors = made.issues.filter((i) => i.severity === 'error');
      return {
        result: { ok: false, errors: errors.slice(0, ISSUE_LIMIT).map(issueView) },
        syncs: read.syncs,
      };
    }
    const count = made.files.length;
    const download =
      count > 0
        ? {
            fileName: formsZipName(made.campaignId),
            base64: bytesToBase64(zipForms(made.files, now())),
          }
        : undefined;
    return { result: { ok: true, count, ...(download ? { download } : {}) }, syncs: read.syncs };
  });
}

/** The sheets a merge rewrites: "Tự chấm", "Giải trình tự chấm", "Nhật ký". */
const MERGE_OUTPUTS: readonly string[] = [
  vi.workbook.sheets.self,
  vi.forms.explanations,
  vi.workbook.sheets.log,
];

/**
 * "Gộp phiếu tự chấm" with the files the user picked: each is read as an .xlsx (a file that is
 * not one is an error naming it, before Excel is touched), then one sync reads the campaign
 * sheets, the core merges, and one sync writes "Tự chấm", "Giải trình tự chấm" and "Nhật ký".
 * A sheet to write that is protected (the template protects "Tự chấm", without a password) is
 * unprotected in a sync of its own and protected again after the write, its score cells left
 * unlocked as before; a password that stops this is an error, and nothing is written. Nothing
 * is written on any error.
 */
export async function mergeFormFiles(
  run: ExcelRun,
  files: readonly FormUpload[],
  options: ExcelHostOptions = {},
): Promise<FormsOutcome<MergeSummary>> {
  const now = options.now ?? (() => new Date());
  const limit = options.requestLimit ?? REQUEST_LIMIT;
  const { forms, issues } = readFormFiles(
    files.map((f) => ({
      name: f.name,
      bytes: decodeUpload(f.base64),
      ...(f.lastModified ? { received: f.lastModified } : {}),
    })),
  );
  if (issues.length > 0) return { result: mergeSummary({ ok: false, issues }), syncs: 0 };
  return run(async (context) => {
    const read = await readSheets(context, MERGE_SHEETS, [...MERGE_OUTPUTS, LIST_SHEET], {
      limit: options.readLimit,
    });
    const { outputs } = read;
    let syncs = read.syncs;
    const result = mergeForms({
      sheets: read.sheets,
      forms,
      time: localTime(now()),
      dateSystem: read.dateSystem,
    });
    // Nothing to merge: nothing is unprotected or written.
    if (!result.ok || result.nothingFound) return { result: mergeSummary(result), syncs };
    const locked = MERGE_OUTPUTS.filter((n) => {
      const s = outputs.get(n);
      return s && !s.isNullObject && s.protection.protected;
    });
    if (locked.length > 0) {
      for (const name of locked) outputs.get(name)?.protection.unprotect();
      try {
        await context.sync();
        syncs++;
      } catch {
        // A failed merge leaves things as found.
        const { syncs: extra } = await protectAgain(context, locked);
        const errors = locked.map((sheet) => ({
          severity: 'error' as const,
          text: formatMessage(vi.host.protectedMerge, { sheet }),
          sheet,
        }));
        return {
          result: { ok: false, errors, warnings: [] },
          syncs: syncs + 1 + extra,
        };
      }
    }
    // A sheet that was protected is protected again, its checked (score) cells unlocked.
    const toWrite = result.outputs.map((o) =>
      locked.includes(o.name)
        ? { ...o, protection: { unlocked: (o.validations ?? []).map((v) => v.range) } }
        : o,
    );
    // Level labels hold commas ("Đầy đủ, đúng hạn"), which an inline list would split: such
    // lists go to the hidden sheet "Danh sách chọn", as the CLI writer puts them.
    const prepared = withListSheet(toWrite).sheets;
    syncs += await writeSheets(context, prepared, outputs, limit, vi.workbook.sheets.self);
    return { result: mergeSummary(result), syncs };
  });
}

/** A file's base64 as bytes; text that is not base64 reads as an empty (so invalid) file. */
function decodeUpload(base64: string): Uint8Array {
  try {
    return base64ToBytes(base64);
  } catch {
    return new Uint8Array(0);
  }
}
