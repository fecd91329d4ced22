/**
 * The list of a ribbon run's errors, as the error dialog (dialog.ts) and, when Office could not
 * open that dialog, the task pane (taskpane.ts) show it. Cell text is only ever set as
 * textContent. No side effects on import.
 */
import { formatMessage, vi } from '../shared/i18n/vi';
import type { IssueView } from '../shared/workbook/run';

/** Dialog → commands page (or the pane's own list → the pane). */
export type DialogMessage =
  { kind: 'ready' } | { kind: 'select'; sheet: string; cell: string } | { kind: 'close' };

/** Commands page → dialog. */
export type ParentMessage = { kind: 'errors'; errors: IssueView[] };

/** The id of the list's title (one list per page), which names the task pane's region. */
export const ERRORS_TITLE_ID = 'xh-errors-title';

/**
 * Renders into `root`, styled by the pane's stylesheet (ui/style.css, class xh-errors): a title,
 * that nothing was written (unless the title says so itself), the errors and the warnings as two
 * headed lists, and a close button. A located issue is a link-like button; `send` receives a
 * click on it ("select") or on the close button ("close").
 */
export function renderErrors(
  root: HTMLElement,
  issues: IssueView[],
  send: (m: DialogMessage) => void,
  title?: string,
): void {
  root.replaceChildren();
  root.classList.add('xh-errors');
  const heading = document.createElement('h1');
  heading.className = 'xh-errors-title';
  heading.id = ERRORS_TITLE_ID;
  heading.textContent = title ?? vi.host.errorsTitle;
  root.append(heading);
  if (title === undefined) {
    const note = document.createElement('p');
    note.className = 'xh-errors-note';
    note.textContent = vi.ui.shell.nothingWritten;
    root.append(note);
  }
  const groups = [
    ['error', vi.ui.shell.errorsHeading],
    ['warning', vi.ui.shell.warningsHeading],
  ] as const;
  for (const [severity, label] of groups) {
    const group = issues.filter((i) => i.severity === severity);
    if (group.length === 0) continue;
    const section = document.createElement('section');
    const h2 = document.createElement('h2');
    h2.className = 'xh-errors-heading';
    h2.textContent = formatMessage(label, { count: group.length });
    const list = document.createElement('ul');
    list.className = 'xh-issues';
    for (const issue of group) list.append(issueItem(issue, send));
    section.append(h2, list);
    root.append(section);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'xh-button';
  close.textContent = vi.host.close;
  close.addEventListener('click', () => send({ kind: 'close' }));
  root.append(close);
}

function issueItem(issue: IssueView, send: (m: DialogMessage) => void): HTMLLIElement {
  const item = document.createElement('li');
  item.className = `xh-issue xh-${issue.severity} issue ${issue.severity}`;
  if (issue.sheet && issue.cell) {
    const { sheet, cell } = issue;
    const link = document.createElement('button');
    link.type = 'button';
    link.className = 'xh-issue-link';
    link.title = formatMessage(vi.ui.issues.select, { sheet, cell });
    link.textContent = issue.text;
    link.addEventListener('click', () => send({ kind: 'select', sheet, cell }));
    item.append(link);
  } else {
    const span = document.createElement('span');
    span.className = 'xh-issue-text';
    span.textContent = issue.text;
    item.append(span);
  }
  return item;
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
