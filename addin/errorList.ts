/**
 * The list of a ribbon run's errors, as the error dialog (dialog.ts) and, when Office could not
 * open that dialog, the task pane (taskpane.ts) show it. Cell text is only ever set as
 * textContent. No side effects on import.
 */
import { vi } from '../shared/i18n/vi';
import type { IssueView } from '../shared/workbook/run';

/** Dialog → commands page (or the pane's own list → the pane). */
export type DialogMessage =
  { kind: 'ready' } | { kind: 'select'; sheet: string; cell: string } | { kind: 'close' };

/** Commands page → dialog. */
export type ParentMessage = { kind: 'errors'; errors: IssueView[] };

/**
 * Renders a title, the list and a close button into `root`; `send` receives a click on a
 * located error ("select") or on the button ("close").
 */
export function renderErrors(
  root: HTMLElement,
  errors: IssueView[],
  send: (m: DialogMessage) => void,
  title: string = vi.host.errorsTitle,
): void {
  root.replaceChildren();
  const heading = document.createElement('h1');
  heading.textContent = title;
  root.append(heading);
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
