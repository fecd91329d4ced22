/// <reference types="office-js" />
/**
 * Dialog entry (dialog.html): lists the errors of a run started from the ribbon. Cell text
 * arrives in the messages and is only ever set as textContent.
 *
 * Receiving messages from the parent (`Office.context.ui.addHandlerAsync` with
 * `DialogParentMessageReceived`) is DialogApi 1.2; a host with only 1.1 has neither, so the
 * handler is added only where `isSetSupported('DialogApi', '1.2')` says so, and there the errors
 * come in the URL's fragment instead (commands.ts puts them there when 1.2 is missing).
 * `messageParent` and `isSetSupported` are the two calls a dialog may make on every version
 * (learn.microsoft.com/office/dev/add-ins/develop/dialog-best-practices).
 */
import type { IssueView } from '../shared/workbook/run';
import { renderErrors, type DialogMessage, type ParentMessage } from './errorList';

export type { DialogMessage, ParentMessage } from './errorList';
export { renderErrors } from './errorList';

/** Whether this host sends the dialog messages (DialogApi 1.2). */
function canReceive(): boolean {
  try {
    return Office.context.requirements.isSetSupported('DialogApi', '1.2');
  } catch {
    return false;
  }
}

if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    const app = document.getElementById('app');
    if (!app) return;
    // The page's main landmark holds everything the dialog shows.
    const root = app.appendChild(document.createElement('main'));
    const send = (m: DialogMessage): void => Office.context.ui.messageParent(JSON.stringify(m));
    if (canReceive()) {
      Office.context.ui.addHandlerAsync(Office.EventType.DialogParentMessageReceived, (arg) => {
        const message = JSON.parse((arg as { message: string }).message) as ParentMessage;
        if (message.kind === 'errors') renderErrors(root, message.errors, send);
      });
    }
    // Errors in the URL's fragment: hosts without DialogApi 1.2 (see commands.ts).
    if (window.location.hash.length > 1) {
      const errors = JSON.parse(decodeURIComponent(window.location.hash.slice(1))) as IssueView[];
      renderErrors(root, errors, send);
    }
    send({ kind: 'ready' });
  });
}
