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
    const url = new URL('dialog.html', window.location.href).toString();
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
        if (message.kind === 'ready') send({ kind: 'errors', errors });
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
