/// <reference types="office-js" />
/**
 * Dialog entry (dialog.html): lists the errors of a run started from the ribbon. Cell text
 * arrives in the messages and is only ever set as textContent.
 */
import { vi } from '../shared/i18n/vi';
import type { IssueView } from '../shared/workbook/run';

/** Dialog → commands page. */
export type DialogMessage =
  { kind: 'ready' } | { kind: 'select'; sheet: string; cell: string } | { kind: 'close' };

/** Commands page → dialog. */
export type ParentMessage = { kind: 'errors'; errors: IssueView[] };

/** Renders the list; `send` posts a message to the page that opened the dialog. */
export function renderErrors(
  root: HTMLElement,
  errors: IssueView[],
  send: (m: DialogMessage) => void,
): void {
  root.replaceChildren();
  const title = document.createElement('h1');
  title.textContent = vi.host.errorsTitle;
  root.append(title);
  const list = document.createElement('ul');
  list.className = 'issues';
  for (const issue of errors) {
    const item = document.createElement('li');
    item.className = `issue ${issue.severity}`;
    item.textContent = issue.text;
    if (issue.sheet && issue.cell) {
      const { sheet, cell } = issue;
      item.tabIndex = 0;
      item.setAttribute('role', 'button');
      const select = (): void => send({ kind: 'select', sheet, cell });
      item.addEventListener('click', select);
      item.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') select();
      });
    }
    list.append(item);
  }
  root.append(list);
  const close = document.createElement('button');
  close.textContent = vi.host.close;
  close.addEventListener('click', () => send({ kind: 'close' }));
  root.append(close);
}

if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    const root = document.getElementById('app');
    if (!root) return;
    const send = (m: DialogMessage): void => Office.context.ui.messageParent(JSON.stringify(m));
    Office.context.ui.addHandlerAsync(Office.EventType.DialogParentMessageReceived, (arg) => {
      const message = JSON.parse((arg as { message: string }).message) as ParentMessage;
      if (message.kind === 'errors') renderErrors(root, message.errors, send);
    });
    // Errors in the URL's fragment: hosts without DialogApi 1.2 (see commands.ts).
    if (window.location.hash.length > 1) {
      const errors = JSON.parse(decodeURIComponent(window.location.hash.slice(1))) as IssueView[];
      renderErrors(root, errors, send);
    }
    send({ kind: 'ready' });
  });
}
