/// <reference types="office-js" />
/**
 * Ribbon commands (commands.html). "Xếp hạng" ranks without opening the task pane: on success
 * Excel shows "Kết quả"; on invalid input nothing is written and a dialog lists each error with
 * its sheet and cell (clicking one selects the cell in the workbook).
 */
import { formatMessage, vi } from '../shared/i18n/vi';
import type { IssueView } from '../shared/workbook/run';
import { mergesSupported } from './bridge';
import { rankWorkbook, selectCell, type ExcelRun } from './excelHost';
import type { DialogMessage, ParentMessage } from './dialog';

const run = (): ExcelRun => Excel.run as unknown as ExcelRun;

/** Opens dialog.html next to this page and hands it the errors once it says it is ready. */
function showErrors(errors: IssueView[]): Promise<void> {
  return new Promise((resolve) => {
    const page = new URL('dialog.html', window.location.href);
    // Without DialogApi 1.2 the dialog cannot be sent messages: the first errors travel in the
    // URL's fragment instead (kept short: Office limits the URL's length).
    const canMessage = Office.context.requirements.isSetSupported('DialogApi', '1.2');
    if (!canMessage) page.hash = encodeURIComponent(JSON.stringify(fitInUrl(errors)));
    const url = page.toString();
    Office.context.ui.displayDialogAsync(url, { height: 50, width: 40 }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        resolve();
        return;
      }
      const dialog = opened.value;
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
  });
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
    if (!summary.ok) await showErrors([...summary.errors, ...summary.warnings]);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await showErrors([{ severity: 'error', text: formatMessage(vi.host.failed, { message }) }]);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('rank', rankFromRibbon);
});
// Older Office builds look the function up on the page's global object.
(globalThis as unknown as { rank: typeof rankFromRibbon }).rank = rankFromRibbon;
