/// <reference types="office-js" />
/**
 * Ribbon commands (commands.html). "Xếp hạng" ranks without opening the task pane: on success
 * Excel shows "Kết quả"; on invalid input nothing is written and a dialog lists each error with
 * its sheet and cell (clicking one selects the cell in the workbook).
 *
 * The dialog may fail to open (learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events):
 * on the web Office first asks to Allow or Ignore a new window, and Ignore gives 12009; a
 * browser's pop-up blocker gives 12011. So the dialog is opened as an overlay inside the Excel
 * page (`displayInIframe`, Office on the web only; no new window for a blocker to stop), then,
 * failing that and unless the user chose to ignore it, as a window. If it still cannot open, the
 * user learns it all the same: the first error's cell is selected (a selection, not a write) and
 * the errors are left for the task pane, which lists them the next time it opens ("Cấu hình").
 * The task pane cannot be opened from here: Office.addin.showAsTaskpane() is SharedRuntime 1.1
 * and needs a shared runtime, which the manifest does not declare.
 */
import { formatMessage, vi } from '../shared/i18n/vi';
import type { IssueView } from '../shared/workbook/run';
import { mergesSupported } from './bridge';
import { forgetErrors, rememberErrors, type DialogMessage, type ParentMessage } from './errorList';
import { rankWorkbook, selectCell, type ExcelRun } from './excelHost';

const run = (): ExcelRun => Excel.run as unknown as ExcelRun;

/** displayDialogAsync's code when the user chose Ignore in Office on the web's prompt. */
export const DIALOG_IGNORED = 12009;
const SIZE = { height: 50, width: 40 };

type Opened = { ok: true; dialog: Office.Dialog } | { ok: false; code: number };

function openDialog(url: string, options: Office.DialogOptions): Promise<Opened> {
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url, options, (result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) {
        resolve({ ok: true, dialog: result.value });
      } else {
        resolve({ ok: false, code: Number(result.error?.code ?? 0) });
      }
    });
  });
}

/** Local "HH:MM" of a date. */
const clock = (d: Date): string =>
  `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

/**
 * Opens dialog.html next to this page and hands it the errors once it says it is ready; when
 * Office cannot open it, selects the first error's cell and leaves the errors for the task pane.
 * Resolves when the dialog is closed, or at once after the fallback. Returns the dialog's error
 * code, or 0 when it opened.
 */
export async function showErrors(errors: IssueView[], now = new Date()): Promise<number> {
  const page = new URL('dialog.html', location.href);
  // Without DialogApi 1.2 the dialog cannot be sent messages: the first errors travel in the
  // URL's fragment instead (kept short: Office limits the URL's length).
  const canMessage = Office.context.requirements.isSetSupported('DialogApi', '1.2');
  if (!canMessage) page.hash = encodeURIComponent(JSON.stringify(fitInUrl(errors)));
  const url = page.toString();
  let opened = await openDialog(url, { ...SIZE, displayInIframe: true });
  if (!opened.ok && opened.code !== DIALOG_IGNORED) opened = await openDialog(url, SIZE);
  if (!opened.ok) {
    rememberErrors({ time: clock(now), code: opened.code, errors });
    const first = errors.find((e) => e.sheet && e.cell);
    if (first?.sheet && first.cell) {
      await selectCell(run(), first.sheet, first.cell).catch(() => undefined);
    }
    return opened.code;
  }
  forgetErrors();
  const { dialog } = opened;
  await new Promise<void>((resolve) => {
    const send = (m: ParentMessage): void => dialog.messageChild(JSON.stringify(m));
    dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
      if (!('message' in arg)) return;
      const message = JSON.parse(arg.message) as DialogMessage;
      if (message.kind === 'ready' && canMessage) send({ kind: 'errors', errors });
      else if (message.kind === 'select') void selectCell(run(), message.sheet, message.cell);
      else if (message.kind === 'close') {
        dialog.close();
        resolve();
      }
    });
    // Closed with the window's own button.
    dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
  });
  return 0;
}

/** As many errors as fit in about 1,500 characters of URL. */
export function fitInUrl(errors: IssueView[]): IssueView[] {
  const out: IssueView[] = [];
  for (const e of errors) {
    if (encodeURIComponent(JSON.stringify([...out, e])).length > 1500) break;
    out.push(e);
  }
  return out;
}

export async function rankFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const { summary } = await rankWorkbook(run(), { mergesSupported: mergesSupported() });
    if (summary.ok) forgetErrors();
    else await showErrors([...summary.errors, ...summary.warnings]);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await showErrors([{ severity: 'error', text: formatMessage(vi.host.failed, { message }) }]);
  } finally {
    event.completed();
  }
}

if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    Office.actions.associate('rank', rankFromRibbon);
  });
}
// Older Office builds look the function up on the page's global object.
(globalThis as unknown as { rank: typeof rankFromRibbon }).rank = rankFromRibbon;
