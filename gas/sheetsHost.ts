/// <reference types="google-apps-script" />
/**
 * The Google Sheets host: the port between SpreadsheetApp and the pure core. One click of
 * "Xếp hạng" reads each input sheet with one `getDataRange().getValues()`, runs `runCampaign`
 * from shared/ (as the CLI and Excel do), then writes each output sheet with one
 * `setNumberFormats` and one `setValues`, and flushes once — inside a document lock so that two
 * people clicking at once cannot interleave their writes. Nothing is written on invalid input.
 */
import { formatMessage, vi } from '../shared/i18n/vi';
import type { CampaignSetup, CellValue } from '../shared/model/types';
import type { Grid } from '../shared/workbook/grid';
import {
  asText,
  INPUT_SHEETS,
  issueView,
  localTime,
  runCampaign,
  runSummary,
  type IssueView,
  type RunSummary,
} from '../shared/workbook/run';
import { checkSetup, setupState, SETUP_SHEETS } from '../shared/workbook/setup';
import { RANK_SHEETS } from '../shared/workbook/previousSheet';
import { planSave, SAVE_SHEETS, type RowEdits } from '../shared/workbook/save';
import {
  existingSheetErrors,
  formulaBlocks,
  starterCampaign,
  templateSheets,
} from '../shared/workbook/template';
import type {
  OutputBlock,
  ReportLayout,
  TemplateSheet,
  Validation,
} from '../shared/workbook/output';
import { HIGHLIGHT_FILL } from '../shared/workbook/render';
import type { FormsMade, SaveOptions, SaveResult, SetupState, TemplateOptions } from '../ui/bridge';
import { CAMPAIGN_SHEETS, campaignFormSheets } from '../shared/forms/form';
import { formSheetNames } from '../shared/forms/names';
import { mergeForms, mergeSummary, type FormFile, type MergeSummary } from '../shared/forms/merge';
import { parseUnitsSheet } from '../shared/workbook/parse/units';
import { reportResult, type ReportResult } from '../shared/workbook/report';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The Apps Script services the host uses, injected so tests pass counting fakes. */
export interface SheetsEnv {
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  lock: GoogleAppsScript.Lock.LockService;
  /** Who runs the script: kept an editor of the form sheets it protects. */
  session: Pick<GoogleAppsScript.Base.Session, 'getEffectiveUser'>;
  /** The clock (tests fix it). */
  now?: () => Date;
  /** A date cell as "yyyy-mm-dd" in the spreadsheet's time zone (Utilities.formatDate). */
  formatDate?: (d: Date, timeZone: string) => string;
}

/** How long a click waits for another person's run to finish. */
export const LOCK_WAIT_MS = 20_000;

/** A sheet to write whole. */
type SheetToWrite = TemplateSheet & Pick<OutputBlock, 'chart' | 'highlights' | 'report'>;

const isoDate = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** getValues() gives Date objects for date cells; the core reads ISO dates. */
function gridOf(values: unknown[][], toDate: (d: Date) => string): Grid {
  for (const row of values) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') {
        row[c] = toDate(v as Date);
      }
    }
  }
  return values as CellValue[][];
}

/** One getDataRange().getValues() per sheet that exists (and the merges of score sheets). */
function readSheets(
  ss: Spreadsheet,
  names: readonly string[],
  env: SheetsEnv,
  withMerges: boolean,
): { sheets: Record<string, Grid>; merges: Record<string, string[]> } {
  const tz = ss.getSpreadsheetTimeZone();
  const toDate = (d: Date): string => (env.formatDate ? env.formatDate(d, tz) : isoDate(d));
  const sheets: Record<string, Grid> = {};
  const merges: Record<string, string[]> = {};
  for (const name of names) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    const range = sheet.getDataRange();
    sheets[name] = gridOf(range.getValues(), toDate);
    // the score sheets (merged cells there are errors) and "Đơn vị" (a block merged down over
    // its units reads as typed on each row)
    const S = vi.workbook.sheets;
    if (withMerges && (name === S.appraised || name === S.self || name === S.units)) {
      const merged = range.getMergedRanges();
      if (merged.length > 0) merges[name] = merged.map((m) => m.getA1Notation());
    }
  }
  return { sheets, merges };
}

function widthOf(rows: readonly (readonly unknown[])[]): number {
  let width = 1;
  for (const row of rows) if (row.length > width) width = row.length;
  return width;
}

/** Sheets' "automatic" format, for cells the block leaves unformatted. */
const GENERAL = 'General';

/** Pixels from the format's character widths. */
const pixels = (chars: number): number => Math.round(chars * 7 + 10);

const a1 = (r: number, c: number): string => {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return `${s}${r + 1}`;
};

/**
 * Clears or adds each sheet, protects it if it is to be protected (before anything is written
 * into it: a failure later leaves it closed, not open to everyone), then writes it: one
 * setNumberFormats and one setValues each. `me` is the person running the script, kept an
 * editor of the sheets protected for a list of people.
 */
function writeSheets(
  ss: Spreadsheet,
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  toWrite: readonly SheetToWrite[],
  me = '',
): Sheet[] {
  const written: Sheet[] = [];
  for (const s of toWrite) {
    let sheet = ss.getSheetByName(s.name);
    if (sheet) {
      for (const chart of sheet.getCharts()) sheet.removeChart(chart);
      sheet.clear();
      // clear() keeps data validations (and checkboxes): a rewritten sheet gets only its own.
      const whole = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
      whole.clearDataValidations();
      // The old tables' merged titles: left merged, they would cut through the new rows.
      whole.breakApart();
      if (sheet.getFrozenRows() > 0) sheet.setFrozenRows(0);
    } else {
      sheet = ss.insertSheet(s.name);
    }
    written.push(sheet);
    if (s.protection) protect(sheet, s, me);
    const rows = s.rows.length;
    if (rows === 0) continue;
    const width = widthOf(s.rows);
    const values: (string | number | boolean)[][] = new Array(rows);
    const formats: string[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const src = s.rows[r];
      const f = s.formats?.[r];
      const out = new Array<string | number | boolean>(width);
      const fmt = new Array<string>(width);
      for (let c = 0; c < width; c++) {
        const v = src[c];
        out[c] = v === null || v === undefined ? '' : typeof v === 'string' ? asText(v) : v;
        fmt[c] = f?.[c] ?? GENERAL;
      }
      values[r] = out;
      formats[r] = fmt;
    }
    // Tick cells become checkboxes where they hold only blanks and TRUE/FALSE: inserted before
    // the values (insertCheckboxes sets every cell to FALSE), blanks written as FALSE.
    const boxes = (s.validations ?? []).filter(
      (v) =>
        v.values?.includes('✓') &&
        cellsOf(v.range).every(([r, c]) => {
          const x = s.rows[r]?.[c];
          return x === null || x === undefined || x === '' || typeof x === 'boolean';
        }),
    );
    for (const v of boxes) {
      sheet.getRangeList(v.range.split(/\s+/).filter(Boolean)).insertCheckboxes();
      for (const [r, c] of cellsOf(v.range))
        if (r < rows && c < width && values[r][c] === '') values[r][c] = false;
    }
    const range = sheet.getRange(1, 1, rows, width);
    range.setNumberFormats(formats);
    range.setValues(values);
    if (s.highlights?.length) {
      // One matrix for the block (null = no fill): one call, whatever the number of cells.
      const fills: (string | null)[][] = values.map((row) => row.map(() => null));
      for (const { row, col } of s.highlights) {
        if (row < rows && col < width) fills[row][col] = HIGHLIGHT_FILL;
      }
      range.setBackgrounds(fills);
    }
    if (s.report) applyReport(sheet, app, range, s.report, rows, width);
    finish(
      sheet,
      app,
      { ...s, validations: (s.validations ?? []).filter((v) => !boxes.includes(v)) },
      width,
    );
  }
  return written;
}

type Align = 'left' | 'center' | 'right' | null;

/**
 * The block as published (OutputBlock.report), in a fixed number of calls whatever the number of
 * units: the report font on the block (setFontFamily, setFontSize); one matrix of horizontal
 * alignments and one of wraps for the whole block (titles and headers centred, headers wrapped,
 * each column's alignment and wrapping on the data rows); titles and headers bold, subtitles
 * italic, and thin black borders on every cell of the tables' header and data rows, each
 * through one RangeList for all the tables; then each table's title (and subtitle) merged across
 * the table's columns — Sheets has no "centre across selection", so this is one mergeAcross per
 * table, the only call that grows with the tables (not with the units).
 */
function applyReport(
  sheet: Sheet,
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  range: GoogleAppsScript.Spreadsheet.Range,
  report: ReportLayout,
  rows: number,
  width: number,
): void {
  range.setFontFamily(report.font.name);
  range.setFontSize(report.font.size);
  const align: Align[][] = Array.from({ length: rows }, () => new Array<Align>(width).fill(null));
  const wrap: boolean[][] = Array.from({ length: rows }, () =>
    new Array<boolean>(width).fill(false),
  );
  const rect = (row: number, col: number, height: number, cols: number): string =>
    `${a1(row, col)}:${a1(row + height - 1, col + cols - 1)}`;
  const bold: string[] = [];
  const italic: string[] = [];
  const bordered: string[] = [];
  const titles: string[] = [];
  const inBlock = (row: number): boolean => row >= 0 && row < rows;
  for (const t of report.tables) {
    const cols = Math.min(t.cols, width - t.col);
    if (cols < 1 || !inBlock(t.title) || !inBlock(t.header)) continue;
    const across = (row: number, a: Align, w: boolean): void => {
      for (let c = t.col; c < t.col + cols; c++) {
        align[row][c] = a;
        wrap[row][c] = w;
      }
    };
    // The title, and the subtitle when it is the next row, merged as one range (row by row).
    const subtitle = t.subtitle !== undefined && inBlock(t.subtitle) ? t.subtitle : undefined;
    titles.push(rect(t.title, t.col, subtitle === t.title + 1 ? 2 : 1, cols));
    if (subtitle !== undefined && subtitle !== t.title + 1)
      titles.push(rect(subtitle, t.col, 1, cols));
    across(t.title, 'center', true);
    bold.push(rect(t.title, t.col, 1, cols));
    if (subtitle !== undefined) {
      across(subtitle, 'center', true);
      italic.push(rect(subtitle, t.col, 1, cols));
    }
    across(t.header, 'center', true);
    bold.push(rect(t.header, t.col, 1, cols));
    const last = Math.min(rows - 1, Math.max(t.header, t.firstRow + t.rows - 1));
    bordered.push(rect(t.header, t.col, last - t.header + 1, cols));
    for (let r = t.firstRow; r <= last; r++)
      for (let c = t.col; c < t.col + cols; c++) {
        const layout = report.columns[c];
        if (!layout) continue;
        align[r][c] = layout.align;
        wrap[r][c] = layout.wrap;
      }
  }
  range.setHorizontalAlignments(align);
  range.setWraps(wrap);
  if (bold.length > 0) sheet.getRangeList(bold).setFontWeight('bold');
  if (italic.length > 0) sheet.getRangeList(italic).setFontStyle('italic');
  if (bordered.length > 0)
    sheet
      .getRangeList(bordered)
      .setBorder(true, true, true, true, true, true, '#000000', app.BorderStyle.SOLID);
  if (titles.length > 0) for (const r of sheet.getRangeList(titles).getRanges()) r.mergeAcross();
}

function finish(
  sheet: Sheet,
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  s: SheetToWrite,
  width: number,
): void {
  const bold = (s.boldRows ?? []).map((r) => `A${r + 1}:${a1(r, width - 1)}`);
  if (bold.length > 0) sheet.getRangeList(bold).setFontWeight('bold');
  (s.columnWidths ?? []).forEach((w, c) => {
    if (c < width) sheet.setColumnWidth(c + 1, pixels(w));
  });
  if (s.frozenRows) sheet.setFrozenRows(s.frozenRows);
  for (const block of formulaBlocks(s.formulas ?? [])) {
    sheet
      .getRange(block.row + 1, block.col + 1, block.formulas.length, block.formulas[0].length)
      .setFormulas(block.formulas);
  }
  for (const v of s.validations ?? []) applyValidation(sheet, app, v);
  if (s.chart) {
    const { row, col, rows, cols } = s.chart.range;
    const chart = sheet
      .newChart()
      .asBarChart()
      .setTitle(s.chart.title)
      .addRange(sheet.getRange(row + 1, col + 1, rows, cols))
      .setNumHeaders(1)
      .setPosition(row + 1, col + cols + 2, 0, 0)
      .build();
    sheet.insertChart(chart);
  }
}

function protect(sheet: Sheet, s: SheetToWrite, me: string): void {
  if (!s.protection) return;
  const protection = sheet.protect().setDescription(s.name);
  const editors = s.protection.editors;
  if (editors) {
    // Only these people (and the owner, who cannot be removed) may edit the sheet — not the
    // whole domain either. The runner is made an editor first, as Google's own sample does:
    // removing the group an editor's right comes from would otherwise throw, and the runner
    // must still write the sheet.
    if (me) protection.addEditor(me);
    protection.removeEditors(protection.getEditors());
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
    if (editors.length > 0) protection.addEditors(editors);
  } else {
    protection.setUnprotectedRanges(s.protection.unlocked.map((a) => sheet.getRange(a)));
    // Prevents accidents, not access (as in the .xlsx template: no password).
    protection.setWarningOnly(true);
  }
}

/**
 * The output sheets (of `names`, those that exist) the user may not write: a protection of the
 * sheet or of a range in it that is not warning-only and does not let the user edit. Checked
 * before the first write, so that a protected sheet stops the run whole. Two getProtections per
 * existing sheet (and a call or two per protection): none per unit.
 */
function unwritable(
  ss: Spreadsheet,
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  names: readonly string[],
): IssueView[] {
  const T = app.ProtectionType;
  return names
    .filter((name) => {
      const sheet = ss.getSheetByName(name);
      if (!sheet) return false;
      const all = [...sheet.getProtections(T.SHEET), ...sheet.getProtections(T.RANGE)];
      return all.some((p) => !p.isWarningOnly() && !p.canEdit());
    })
    .map((sheet) => ({
      severity: 'error' as const,
      text: formatMessage(vi.gas.real.protectedOutput, { sheet }),
      sheet,
    }));
}

/** Tick cells become real checkboxes (TRUE / FALSE); the rest get a data validation rule. */
function applyValidation(
  sheet: Sheet,
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  v: Validation,
): void {
  const ranges = v.range.split(/\s+/).filter(Boolean);
  const list = sheet.getRangeList(ranges);
  let builder = app.newDataValidation().setAllowInvalid(false);
  if (v.values) builder = builder.requireValueInList(v.values, true);
  else if (v.listRange) {
    const [sheetName, address] = v.listRange.split('!');
    const source = sheet
      .getParent()
      .getSheetByName(sheetName.replace(/^'|'$/g, ''))
      ?.getRange(address.replace(/\$/g, ''));
    if (!source) return;
    builder = builder.requireValueInRange(source, true);
  } else if (v.decimal) builder = builder.requireNumberBetween(v.decimal.min, v.decimal.max);
  else if (v.whole) {
    builder =
      v.whole.max === undefined
        ? builder.requireNumberGreaterThanOrEqualTo(v.whole.min)
        : builder.requireNumberBetween(v.whole.min, v.whole.max);
  }
  const text = [v.prompt, v.error].filter(Boolean).join(' ');
  if (text) builder = builder.setHelpText(text);
  const rule = builder.build();
  for (const range of list.getRanges()) range.setDataValidation(rule);
}

/** Every cell (0-based row, column) of "D5:F7 H2" — the ranges of a validation. */
function cellsOf(ranges: string): [number, number][] {
  const out: [number, number][] = [];
  for (const range of ranges.split(/\s+/).filter(Boolean)) {
    const [a, b = a] = range.split(':');
    const at = (s: string): [number, number] => {
      const m = /^([A-Z]+)(\d+)$/.exec(s) as RegExpExecArray;
      let c = 0;
      for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
      return [Number(m[2]) - 1, c - 1];
    };
    const [r1, c1] = at(a);
    const [r2, c2] = at(b);
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.push([r, c]);
  }
  return out;
}

/** Runs `fn` holding the document lock, or returns `busy` when someone else holds it. */
function locked<T>(env: SheetsEnv, busy: () => T, fn: () => T): T {
  const lock = env.lock.getDocumentLock();
  if (!lock || !lock.tryLock(LOCK_WAIT_MS)) return busy();
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}

const busyIssue = (): IssueView => ({ severity: 'error', text: vi.host.busy });

/** One click of "Xếp hạng". */
export function rankSpreadsheet(env: SheetsEnv): RunSummary {
  const now = env.now ?? (() => new Date());
  return locked<RunSummary>(
    env,
    () => ({ ok: false, time: localTime(now()), errors: [busyIssue()], warnings: [] }),
    () => {
      const ss = env.app.getActiveSpreadsheet();
      const { sheets, merges } = readSheets(ss, RANK_SHEETS, env, true);
      const time = localTime(now());
      const result = runCampaign({ sheets, merges, time });
      const summary = runSummary(result, time);
      if (!result.ok) return summary;
      const closed = unwritable(
        ss,
        env.app,
        result.outputs.map((o) => o.name),
      );
      if (closed.length > 0) return { ok: false, time, errors: closed, warnings: [] };
      const written = writeSheets(ss, env.app, result.outputs);
      written[0]?.activate();
      env.app.flush();
      return summary;
    },
  );
}

/**
 * The report of the spreadsheet as it is ("Sao chép bảng kết quả", "Tải phụ lục"): one
 * getValues per input sheet, as "Xếp hạng" reads them, the core evaluates without rendering;
 * nothing is written (so no lock is taken).
 */
export function reportSpreadsheet(env: SheetsEnv): ReportResult {
  const now = env.now ?? (() => new Date());
  const ss = env.app.getActiveSpreadsheet();
  const { sheets, merges } = readSheets(ss, INPUT_SHEETS, env, true);
  return reportResult(runCampaign({ sheets, merges, time: localTime(now()), outputs: false }));
}

/** Activates an output sheet and selects its data range (the Ctrl+C fallback of "Sao chép"). */
export function selectTable(env: SheetsEnv, sheetName: string): boolean {
  const sheet = env.app.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) return false;
  sheet.activate();
  sheet.getDataRange().activate();
  return true;
}

export function loadSetup(env: SheetsEnv): SetupState {
  const ss = env.app.getActiveSpreadsheet();
  return setupState(readSheets(ss, SETUP_SHEETS, env, false).sheets);
}

/**
 * Saves a setup: one getValues per sheet a run reads (and the preview), the core plans the save
 * (shared/workbook/save.ts), then the score sheets' rows are inserted and deleted in place
 * (insertRowsBefore / deleteRows: the other rows keep their formats, checks and formulas; a
 * moved row's values are written at its new place, one setValues per block), "Cấu hình" and
 * "Tiêu chí" and the preview rewritten whole. The template's warning-only protections let the
 * script write; a new criterion's score cells join the sheet's unprotected ranges. A protection
 * the user may not edit stops the save before any write; nothing is written on errors or an
 * unanswered question.
 */
export function saveSetup(
  env: SheetsEnv,
  setup: CampaignSetup,
  options: SaveOptions = {},
): SaveResult {
  const errors = checkSetup(setup).filter((i) => i.severity === 'error');
  if (errors.length > 0) return { ok: false, errors: errors.map(issueView) };
  return locked<SaveResult>(
    env,
    () => ({ ok: false, errors: [busyIssue()] }),
    () => {
      const ss = env.app.getActiveSpreadsheet();
      const { sheets } = readSheets(ss, SAVE_SHEETS, env, false);
      const plan = planSave(sheets, setup, { confirmed: options.confirmed });
      if (plan.kind === 'errors') return { ok: false, errors: plan.errors };
      if (plan.kind === 'confirm') return { ok: false, errors: [], confirm: plan.questions };
      const toWrite: SheetToWrite[] = [...plan.setup, ...(plan.preview ? [plan.preview] : [])];
      const closed = unwritable(ss, env.app, [
        ...toWrite.map((s) => s.name),
        ...plan.edits.map((e) => e.sheet),
      ]);
      if (closed.length > 0) return { ok: false, errors: closed };
      for (const e of plan.edits) applyRowEdits(ss.getSheetByName(e.sheet) as Sheet, env.app, e);
      writeSheets(ss, env.app, toWrite);
      env.app.flush();
      return { ok: true };
    },
  );
}

/** One score sheet's row operations (shared/workbook/save.ts RowEdits), in order. */
function applyRowEdits(
  sheet: Sheet,
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  e: RowEdits,
): void {
  for (const d of e.deletes) sheet.deleteRows(d.row + 1, d.count);
  for (const ins of e.inserts) {
    if (ins.shift) sheet.insertRowsBefore(ins.row + 1, ins.rows.length);
    const width = widthOf(ins.rows);
    const values = ins.rows.map((row) => {
      const out = new Array<string | number | boolean>(width);
      for (let c = 0; c < width; c++) {
        const v = row[c];
        out[c] = v === null || v === undefined ? '' : typeof v === 'string' ? asText(v) : v;
      }
      return out;
    });
    sheet.getRange(ins.row + 1, 1, ins.rows.length, width).setValues(values);
  }
  for (const c of e.cells) {
    const v = c.value;
    sheet
      .getRange(c.row + 1, c.col + 1)
      .setValues([[v === null || v === undefined ? '' : typeof v === 'string' ? asText(v) : v]]);
  }
  // A new criterion's score cells are open to typing, as the template's are.
  const span = e.unitCols;
  const protection = sheet.getProtections(app.ProtectionType.SHEET)[0];
  if (span && protection && e.leafRows.length > 0) {
    protection.setUnprotectedRanges([
      ...protection.getUnprotectedRanges(),
      ...e.leafRows.map((r) => sheet.getRange(r + 1, span.col + 1, 1, span.cols)),
    ]);
  }
}

export function createTemplate(env: SheetsEnv, options: TemplateOptions): SaveResult {
  const sheets = templateSheets(starterCampaign(options.units, options.year));
  return locked<SaveResult>(
    env,
    () => ({ ok: false, errors: [busyIssue()] }),
    () => {
      const ss = env.app.getActiveSpreadsheet();
      const clash = sheets.map((s) => s.name).filter((name) => ss.getSheetByName(name));
      if (clash.length > 0) return { ok: false, errors: existingSheetErrors(clash) };
      // "Danh mục" first: level drop-downs point into it.
      const ordered = [
        ...sheets.filter((s) => s.name === vi.workbook.sheets.lists),
        ...sheets.filter((s) => s.name !== vi.workbook.sheets.lists),
      ];
      const written = writeSheets(ss, env.app, ordered);
      written.find((s) => s.getName() === vi.workbook.sheets.criteria)?.activate();
      env.app.flush();
      return { ok: true };
    },
  );
}

export function selectCell(env: SheetsEnv, sheetName: string, cell: string): void {
  const sheet = env.app.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) return;
  sheet.activate();
  sheet.getRange(cell).activate();
}

/** The unit form sheet of a campaign spreadsheet: "Phiếu DV001" (before clashes are settled). */
export function formSheetName(unit: string): string {
  return vi.forms.unitSheet.replace('{unit}', unit);
}

/**
 * "Tạo phiếu tự chấm": one protected sheet per unit, editable only by the unit's "Người nhập
 * liệu" (and the owner), carrying what "Tự chấm" and "Giải trình tự chấm" already hold for it.
 * Sheet names are unique (shared/forms/names.ts: at most 100 characters, case-insensitive, never
 * a campaign sheet's name). A unit whose sheet exists keeps it (its answers are not wiped).
 */
export function makeFormSheets(env: SheetsEnv): FormsMade {
  return locked<FormsMade>(
    env,
    () => ({ ok: false, errors: [busyIssue()] }),
    () => {
      const ss = env.app.getActiveSpreadsheet();
      const S = vi.workbook.sheets;
      const { sheets } = readSheets(
        ss,
        [S.config, S.criteria, S.units, S.self, vi.forms.explanations],
        env,
        false,
      );
      // One call for the names of every sheet, not one lookup per unit.
      const existing = new Set(ss.getSheets().map((s) => s.getName()));
      const made = campaignFormSheets(sheets, 'sheets', (name) => existing.has(name));
      if (!made.ok) return { ok: false, errors: made.issues.map(issueView) };
      const forms = made.forms.map((f) => ({
        ...f.sheet,
        protection: { unlocked: [], editors: f.unit.editors ?? [] },
      }));
      const me = forms.length > 0 ? env.session.getEffectiveUser().getEmail() : '';
      // One form at a time: made, protected, filled. A failure removes the half-made sheet (a
      // later run skips sheets that exist, so it would stay half-made for good); the forms
      // made before it are whole and stay.
      for (const [i, form] of forms.entries()) {
        try {
          writeSheets(ss, env.app, [form], me);
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          const values = { sheet: form.name, message, made: i };
          let error: IssueView = {
            severity: 'error',
            text: formatMessage(vi.gas.real.formFailed, values),
          };
          try {
            const half = ss.getSheetByName(form.name);
            if (half) ss.deleteSheet(half);
          } catch {
            const text = formatMessage(vi.gas.real.formLeft, values);
            error = { severity: 'error', text, sheet: form.name };
          }
          env.app.flush();
          return { ok: false, errors: [error] };
        }
      }
      env.app.flush();
      return { ok: true, count: forms.length, sheets: forms.map((f) => f.name) };
    },
  );
}

/** "Gộp phiếu tự chấm": merges every unit form sheet into "Tự chấm" and "Giải trình tự chấm". */
export function mergeFormSheets(env: SheetsEnv): MergeSummary {
  return locked<MergeSummary>(
    env,
    () => ({ ok: false, errors: [busyIssue()], warnings: [] }),
    () => {
      const ss = env.app.getActiveSpreadsheet();
      const S = vi.workbook.sheets;
      const { sheets } = readSheets(
        ss,
        [S.config, S.criteria, S.units, S.self, vi.forms.explanations, S.log],
        env,
        false,
      );
      // The form sheets are named after the units of "Đơn vị" ("Phiếu bầu" is not one of them).
      const existing = new Set(ss.getSheets().map((s) => s.getName()));
      const units = sheets[S.units] ? parseUnitsSheet(sheets[S.units]).units : [];
      const named = formSheetNames(
        units.map((u) => u.id),
        vi.forms.unitSheet,
        CAMPAIGN_SHEETS,
      );
      // The names "Tạo phiếu tự chấm" gives (the unit inside each sheet says whose it is).
      const names = [...new Set(named.values())].filter((n) => existing.has(n));
      Object.assign(sheets, readSheets(ss, names, env, false).sheets);
      const forms: FormFile[] = names.map((name) => ({
        source: name,
        sheet: name,
        grid: sheets[name],
      }));
      const now = env.now ?? (() => new Date());
      const result = mergeForms({ sheets, forms, time: localTime(now()) });
      // Nothing to merge (no unit form sheet): nothing is written.
      if (result.ok && !result.nothingFound) {
        const closed = unwritable(
          ss,
          env.app,
          result.outputs.map((o) => o.name),
        );
        if (closed.length > 0) return { ok: false, errors: closed, warnings: [] };
        writeSheets(ss, env.app, result.outputs);
        env.app.flush();
      }
      return mergeSummary(result);
    },
  );
}
