/// <reference types="google-apps-script" />
/**
 * The Apps Script entry points (bundled into dist/gas/Code.js, where webpack's gas build turns
 * each name in entrypoints.json into a real top-level function): the "Xếp hạng" menu and the
 * functions the sidebar calls through google.script.run. Each is a thin call into sheetsHost.
 */
import { formatMessage, vi } from '../shared/i18n/vi';
import type { CampaignSetup } from '../shared/model/types';
import type { RunSummary } from '../shared/workbook/run';
import { fromWire, toWire } from '../shared/workbook/wire';
import type { FormsMade, SaveOptions, SaveResult, TemplateOptions } from '../ui/bridge';
import type { MergeSummary } from '../shared/forms/merge';
import type { ReportResult } from '../shared/workbook/report';
import {
  createTemplate,
  loadSetup,
  makeFormSheets,
  mergeFormSheets,
  rankSpreadsheet,
  reportSpreadsheet,
  saveSetup,
  selectCell,
  selectTable,
  type SheetsEnv,
} from './sheetsHost';

const env = (): SheetsEnv => ({
  app: SpreadsheetApp,
  lock: LockService,
  session: Session,
  formatDate: (d, tz) => Utilities.formatDate(d, tz, 'yyyy-MM-dd'),
});

const M = vi.gas;

/** Data for the sidebar page, escaped so that no cell text can close the <script> element. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * `html` with `block` placed just before its first <script> element: the page's inline script
 * mounts the app as soon as it is parsed, so its data must come before it. (HtmlOutput.append
 * would add the block after the page's end, where the script has already run and found nothing.)
 */
function beforeScript(html: string, block: string): string {
  const at = html.search(/<script[\s>]/i);
  return at < 0 ? html + block : html.slice(0, at) + block + html.slice(at);
}

/**
 * The sidebar page; `initial` is a failed menu run to show on "Xếp hạng", `view` the tab to open
 * on ("settings" for the menu's "Cấu hình…").
 */
function sidebar(initial?: RunSummary, view?: 'settings'): GoogleAppsScript.HTML.HtmlOutput {
  const page = HtmlService.createHtmlOutputFromFile('sidebar');
  // The page reads these blocks as JSON (type="application/json" is never executed).
  const blocks = [
    initial &&
      `<script type="application/json" id="xephang-initial">${embedJson(initial)}</script>`,
    view && `<script type="application/json" id="xephang-view">${embedJson(view)}</script>`,
  ].filter(Boolean);
  if (blocks.length) page.setContent(beforeScript(page.getContent(), blocks.join('')));
  return page.setTitle(M.sidebarTitle);
}

/** What onOpen and onInstall are given (the editor passes more; only this is read). */
type OpenEvent = { authMode?: GoogleAppsScript.Script.AuthMode };

/**
 * Whether the menu goes under Extensions (an Editor add-on) rather than in the menu bar (a
 * script bound to the spreadsheet). `AuthMode.NONE` only happens to an add-on installed by
 * this user but not yet used in this file ("a mode that does not allow access to any services
 * that require authorization … when an add-on executes an onOpen(e) simple trigger, and the user
 * has installed an add-on in a different document but the add-on has not been used in the
 * current document", https://developers.google.com/apps-script/reference/script/auth-mode): then
 * nothing but building the menu is called, not even ScriptApp. Otherwise the installation
 * source tells ("NONE: Script is not running as an add-on",
 * https://developers.google.com/apps-script/reference/script/installation-source).
 */
function runsAsAddon(e?: OpenEvent): boolean {
  if (e?.authMode === ScriptApp.AuthMode.NONE) return true;
  try {
    return ScriptApp.getInstallationSource() !== ScriptApp.InstallationSource.NONE;
  } catch {
    // A host that refuses even this: the add-on menu works for a bound script too (under
    // Extensions, with the script's name), the menu bar's would not for an add-on's reviewers.
    return true;
  }
}

/**
 * Builds the menu, and does nothing else: in `AuthMode.NONE` any call that needs authorisation
 * (reading the spreadsheet, properties, the user) throws and the menu would not appear
 * (https://developers.google.com/workspace/add-ons/concepts/menus). As an Editor add-on it is
 * `createAddonMenu()` (Extensions › the add-on's name › …); as a bound script the menu bar's
 * "Xếp hạng". Each item runs its function in `AuthMode.FULL`, asking for authorisation first if
 * needed.
 */
export function onOpen(e?: OpenEvent): void {
  const ui = SpreadsheetApp.getUi();
  const menu = runsAsAddon(e) ? ui.createAddonMenu() : ui.createMenu(M.menu);
  menu
    .addItem(M.rank, 'xephangRank')
    .addItem(M.configure, 'xephangShowSidebar')
    .addSeparator()
    .addItem(M.makeForms, 'xephangMakeForms')
    .addItem(M.mergeForms, 'xephangMergeForms')
    .addSeparator()
    .addItem(M.template, 'xephangCreateTemplate')
    .addToUi();
}

/**
 * An Editor add-on just installed from the Marketplace: runs in `AuthMode.FULL`, and the
 * spreadsheet open at that moment gets its menu only from here ("onInstall … typically just
 * calls onOpen", https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle).
 */
export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}

/** Menu "Xếp hạng": ranks; on errors the sidebar opens with them (each selects its cell). */
export function xephangRank(): void {
  const summary = rankSpreadsheet(env());
  if (summary.ok) {
    SpreadsheetApp.getActiveSpreadsheet().toast(
      formatMessage(vi.host.rankDone, { units: summary.units, sheet: vi.workbook.sheets.results }),
      M.menu,
      8,
    );
  } else {
    SpreadsheetApp.getUi().showSidebar(sidebar(summary));
  }
}

/** Menu "Cấu hình…": the sidebar, open on "Thiết lập". */
export function xephangShowSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(sidebar(undefined, 'settings'));
}

/** Menu "Tạo mẫu": a starter campaign with 20 unit columns for this year. */
export function xephangCreateTemplate(): void {
  const result = createTemplate(env(), { units: 20, year: new Date().getFullYear() });
  const ui = SpreadsheetApp.getUi();
  if (result.ok) ui.alert(M.templateDone);
  else ui.alert(result.errors.map((e) => e.text).join('\n'));
}

/** The setup as wire text (toWire): its open bands hold −∞, which plain JSON would lose. */
/** Menu "Tạo phiếu tự chấm": one protected sheet per unit. */
export function xephangMakeForms(): void {
  const made = makeFormSheets(env());
  const ui = SpreadsheetApp.getUi();
  if (made.ok) ui.alert(formatMessage(vi.forms.made, { count: made.count }));
  else ui.alert(made.errors.map((e) => e.text).join('\n'));
}

/** Menu "Gộp phiếu tự chấm": merges the unit sheets; problems open the sidebar's list. */
export function xephangMergeForms(): void {
  const summary = mergeFormSheets(env());
  const ui = SpreadsheetApp.getUi();
  if (summary.ok && summary.nothingFound) ui.alert(vi.ui.summary.nothingToMerge);
  else if (summary.ok) {
    ui.alert(
      formatMessage(vi.forms.merged, {
        forms: summary.merged.length,
        units: summary.merged.length,
        sheet: vi.workbook.sheets.self,
      }) +
        summary.notes.map((n) => `\n${n}`).join('') +
        (summary.warnings.length ? `\n\n${summary.warnings.map((w) => w.text).join('\n')}` : ''),
    );
  } else ui.alert([...summary.errors, ...summary.warnings].map((e) => e.text).join('\n'));
}

export function xephangApiMakeForms(): FormsMade {
  return makeFormSheets(env());
}

export function xephangApiMergeForms(): MergeSummary {
  return mergeFormSheets(env());
}

export function xephangApiLoadSetup(): string {
  return toWire(loadSetup(env()));
}

export function xephangApiSaveSetup(setup: string, options?: SaveOptions): SaveResult {
  return saveSetup(env(), fromWire<CampaignSetup>(setup), options ?? {});
}

export function xephangApiRank(): RunSummary {
  return rankSpreadsheet(env());
}

export function xephangApiCreateTemplate(options: TemplateOptions): SaveResult {
  return createTemplate(env(), options);
}

export function xephangApiSelectCell(sheet: string, cell: string): void {
  selectCell(env(), sheet, cell);
}

/** The report of the spreadsheet as it is (nothing written): the sidebar copies or downloads it. */
export function xephangApiReport(): ReportResult {
  return reportSpreadsheet(env());
}

export function xephangApiSelectTable(sheet: string): boolean {
  return selectTable(env(), sheet);
}

/**
 * The Word writer for the sidebar: docx.html (one inline script, built from ui/docxWriter.ts),
 * fetched only when the user asks for the document, so the sidebar page stays small.
 */
export function xephangApiDocxScript(): string {
  return HtmlService.createHtmlOutputFromFile('docx').getContent();
}
