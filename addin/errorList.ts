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
    if (issue.sheet && issue.cell) {
      // A real button inside the item (not role="button" on the <li>, which would hide the
      // list from screen readers): focusable, Enter and Space for free.
      const { sheet, cell } = issue;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'xh-issue-link';
      button.textContent = issue.text;
      button.addEventListener('click', () => send({ kind: 'select', sheet, cell }));
      item.append(button);
    } else item.textContent = issue.text;
    list.append(item);
  }
  root.append(list);
  const close = document.createElement('button');
  close.textContent = vi.host.close;
  close.addEventListener('click', () => send({ kind: 'close' }));
  root.append(close);
}

/** Where a ribbon run whose dialog could not open leaves its errors for the task pane. */
export const PENDING_KEY = 'xephang.ribbonErrors';

/** A ribbon run's errors waiting for the task pane: when, and why the dialog did not open. */
export interface PendingErrors {
  /** Local time of the click, "HH:MM". */
  time: string;
  /** displayDialogAsync's error code (12009 ignored, 12011 blocked, …). */
  code: number;
  errors: IssueView[];
}

/** The page's localStorage, or undefined where there is none or it is refused. */
function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** Leaves the errors for the task pane (the function file and the pane share an origin). */
export function rememberErrors(pending: PendingErrors): void {
  try {
    storage()?.setItem(PENDING_KEY, JSON.stringify(pending));
  } catch {
    // Storage full or refused: the selected cell is then the only sign.
  }
}

/** Forgets errors left earlier (a later run succeeded or showed its dialog). */
export function forgetErrors(): void {
  try {
    storage()?.removeItem(PENDING_KEY);
  } catch {
    // nothing to forget
  }
}

/** The errors left by the ribbon, once: they are forgotten as they are taken. */
export function takeErrors(): PendingErrors | undefined {
  try {
    const text = storage()?.getItem(PENDING_KEY);
    if (!text) return undefined;
    forgetErrors();
    const pending = JSON.parse(text) as PendingErrors;
    return Array.isArray(pending.errors) ? pending : undefined;
  } catch {
    return undefined;
  }
}
