/// <reference types="office-js" />
/**
 * Task pane entry (taskpane.html): mounts the one UI on the Excel bridge. Errors a ribbon run
 * left because Office could not open its dialog (see commands.ts) are listed above the UI,
 * once; clicking one selects its cell. Opened by the ribbon's "Cấu hình" (?view=settings), the
 * pane starts on "Thiết lập".
 */
import { formatMessage, vi } from '../shared/i18n/vi';
import { mountApp, tabFromView } from '../ui/app';
import { excelBridge, mergesSupported } from './bridge';
import { ERRORS_TITLE_ID, renderErrors, takeErrors, type PendingErrors } from './errorList';
import { selectCell, type ExcelRun } from './excelHost';

/**
 * Opens a page of the user guide outside the pane: Office's own browser window where the host has
 * it (OpenBrowserWindowApi 1.1: Excel on Windows and Mac, not Excel on the web —
 * https://learn.microsoft.com/javascript/api/requirement-sets/common/open-browser-window-api-requirement-sets),
 * else a new browser tab (on the web the pane is a page in the browser already).
 */
export function openGuide(url: string): void {
  if (Office.context.requirements.isSetSupported('OpenBrowserWindowApi', '1.1'))
    Office.context.ui.openBrowserWindow(url);
  else window.open(url, '_blank', 'noopener');
}

/** Why the dialog did not open, in words. */
function reason(code: number): string {
  if (code === 12009) return vi.host.real.ignored;
  if (code === 12011) return vi.host.real.blocked;
  return formatMessage(vi.host.real.otherCode, { code: String(code) });
}

function showPending(root: HTMLElement, pending: PendingErrors, run: ExcelRun): void {
  // A region landmark named by its title (it sits above the pane's own landmarks); it is there
  // when the page loads, so it is read with the page rather than announced as an alert.
  const box = document.createElement('section');
  box.className = 'xh-ribbon-errors';
  box.setAttribute('aria-labelledby', ERRORS_TITLE_ID);
  root.before(box);
  const title = formatMessage(vi.host.real.ribbonErrors, {
    time: pending.time,
    reason: reason(pending.code),
  });
  renderErrors(
    box,
    pending.errors,
    (m) => {
      if (m.kind === 'select') void selectCell(run, m.sheet, m.cell);
      else if (m.kind === 'close') box.remove();
    },
    title,
  );
}

Office.onReady(() => {
  const root = document.getElementById('app');
  if (!root) return;
  const run = Excel.run as unknown as ExcelRun;
  const pending = takeErrors();
  if (pending) showPending(root, pending, run);
  // The ribbon's "Cấu hình" loads taskpane.html?view=settings (manifest.xml); Office adds its own
  // parameters (_host_Info) to the query, which are left alone.
  const initialTab = tabFromView(new URLSearchParams(location.search).get('view'));
  // The release serves the guide's HTML pages in huong-dan/ beside taskpane.html.
  const help = { base: new URL('huong-dan/', location.href).href, open: openGuide };
  mountApp(root, excelBridge(run, { mergesSupported: mergesSupported() }), { initialTab, help });
});
