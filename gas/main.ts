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
import type { SaveResult, TemplateOptions } from '../ui/bridge';
import {
  createTemplate,
  loadSetup,
  rankSpreadsheet,
  saveSetup,
  selectCell,
  type SheetsEnv,
} from './sheetsHost';

const env = (): SheetsEnv => ({
  app: SpreadsheetApp,
  lock: LockService,
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

function sidebar(initial?: RunSummary): GoogleAppsScript.HTML.HtmlOutput {
  const html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle(M.sidebarTitle);
  if (initial) {
    // The page reads this block as JSON (type="application/json" is never executed).
    html.append(
      `<script type="application/json" id="xephang-initial">${embedJson(initial)}</script>`,
    );
  }
  return html;
}

export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createMenu(M.menu)
    .addItem(M.rank, 'xephangRank')
    .addItem(M.configure, 'xephangShowSidebar')
    .addSeparator()
    .addItem(M.template, 'xephangCreateTemplate')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
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

export function xephangShowSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(sidebar());
}

/** Menu "Tạo mẫu": a starter campaign with 20 unit columns for this year. */
export function xephangCreateTemplate(): void {
  const result = createTemplate(env(), { units: 20, year: new Date().getFullYear() });
  const ui = SpreadsheetApp.getUi();
  if (result.ok) ui.alert(M.templateDone);
  else ui.alert(result.errors.map((e) => e.text).join('\n'));
}

/** The setup as wire text (toWire): its open bands hold −∞, which plain JSON would lose. */
export function xephangApiLoadSetup(): string {
  return toWire(loadSetup(env()));
}

export function xephangApiSaveSetup(setup: string): SaveResult {
  return saveSetup(env(), fromWire<CampaignSetup>(setup));
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
