/**
 * Fake `Office` globals. `fakeOffice()` builds the slice of Office.js the add-in's pages use:
 * onReady (ready at once), requirement sets, actions.associate, and
 * `context.ui.displayDialogAsync`, which either opens a fake dialog (`opened`: what was sent to
 * it, `fromDialog` to answer as the dialog page would) or fails with one of the codes Office
 * returns (learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events):
 * 12007 "A dialog box is already opened from this host window"; 12009 "The user chose to ignore
 * the dialog box" (Office on the web's Allow / Ignore prompt); 12011 the browser's pop-up
 * blocker ("the user's browser configuration is blocking popups"). `dialogFails` lists the
 * outcome of each call in turn (a code, or 'open'); a call past the list opens.
 *
 * In a browser (the task pane test page) this module also installs the globals: `Office` with
 * every requirement set supported and `Excel.run` over a FakeExcel holding a fixture workbook
 * (?case=example|invalid|hostile|empty, &latency=ms per sync; &ribbonErrors=1 leaves the errors
 * of a ribbon run whose dialog could not open, as commands.ts leaves them). The fake is left on
 * window.xhExcel for the test.
 */
import { workbookCase } from '../ui/fixtures';
import { FakeExcel } from './fakeExcel';

export type DialogOutcome = 'open' | 12007 | 12009 | 12011;

export interface FakeDialog {
  url: string;
  options: Record<string, unknown>;
  /** Messages the parent sent with messageChild. */
  received: string[];
  closed: boolean;
  /** Answers as the dialog page would (messageParent). */
  fromDialog: (message: unknown) => void;
  /** The user closes the window with its own button (event 12006). */
  closeByUser: () => void;
}

export interface FakeOfficeOptions {
  /** Requirement sets the host has, "Name version"; default: everything. */
  sets?: string[];
  /** Requirement sets the host lacks, "Name version" (the rest as `sets` says). */
  without?: string[];
  dialogFails?: DialogOutcome[];
}

export interface FakeOffice {
  Office: Record<string, unknown>;
  /** Each displayDialogAsync call: its URL, options and outcome. */
  calls: { url: string; options: Record<string, unknown>; outcome: DialogOutcome }[];
  opened: FakeDialog[];
  associated: Map<string, unknown>;
  /** Each Office.context.ui.openBrowserWindow call's URL (OpenBrowserWindowApi 1.1). */
  browserWindows: string[];
}

const MESSAGES: Record<number, string> = {
  12007: 'A dialog box is already opened from this host window.',
  12009: 'The user chose to ignore the dialog box.',
  12011: "The user's browser configuration is blocking popups.",
};

export function fakeOffice(options: FakeOfficeOptions = {}): FakeOffice {
  const outcomes = [...(options.dialogFails ?? [])];
  const calls: FakeOffice['calls'] = [];
  const opened: FakeDialog[] = [];
  const associated = new Map<string, unknown>();
  const browserWindows: string[] = [];
  const supported = (name: string, version = '1.1'): boolean =>
    !(options.without ?? []).includes(`${name} ${version}`) &&
    (options.sets === undefined || options.sets.includes(`${name} ${version}`));
  const Office = {
    onReady: (callback?: (info: { host: string }) => void) => {
      callback?.({ host: 'Excel' });
      return Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' });
    },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: {
      DialogMessageReceived: 'dialogMessageReceived',
      DialogEventReceived: 'dialogEventReceived',
    },
    actions: { associate: (name: string, fn: unknown) => associated.set(name, fn) },
    context: {
      requirements: { isSetSupported: supported },
      ui: {
        openBrowserWindow: (url: string) => {
          if (!supported('OpenBrowserWindowApi', '1.1'))
            throw new Error('openBrowserWindow is not available on this host.');
          browserWindows.push(url);
        },
        displayDialogAsync: (
          url: string,
          opts: Record<string, unknown>,
          callback: (result: unknown) => void,
        ) => {
          const outcome = outcomes.shift() ?? 'open';
          calls.push({ url, options: opts, outcome });
          if (outcome !== 'open') {
            const error = { code: outcome, name: 'Error', message: MESSAGES[outcome] };
            setTimeout(() => callback({ status: 'failed', error }), 0);
            return;
          }
          const handlers = new Map<string, (arg: unknown) => void>();
          const dialog: FakeDialog = {
            url,
            options: opts,
            received: [],
            closed: false,
            fromDialog: (m) =>
              handlers.get('dialogMessageReceived')?.({ message: JSON.stringify(m) }),
            closeByUser: () => handlers.get('dialogEventReceived')?.({ error: 12006 }),
          };
          const value = {
            addEventHandler: (type: string, h: (arg: unknown) => void) => handlers.set(type, h),
            messageChild: (m: string) => dialog.received.push(m),
            close: () => (dialog.closed = true),
          };
          setTimeout(() => {
            opened.push(dialog);
            callback({ status: 'succeeded', value });
          }, 0);
        },
      },
    },
  };
  return { Office, calls, opened, associated, browserWindows };
}

if (typeof window !== 'undefined' && typeof location !== 'undefined') {
  const params = new URLSearchParams(location.search);
  const fake = FakeExcel.fromSheets(workbookCase(params.get('case') ?? 'example'));
  fake.latency = Number(params.get('latency') ?? 0);
  if (params.has('ribbonErrors')) {
    localStorage.setItem(
      'xephang.ribbonErrors',
      JSON.stringify({
        time: '09:30',
        code: 12009,
        errors: [
          {
            severity: 'error',
            text: "Trang tính 'Cấu hình', ô B5: <b>lỗi</b>",
            sheet: 'Cấu hình',
            cell: 'B5',
          },
        ],
      }),
    );
  }
  // &noBrowserWindow=1: a host without OpenBrowserWindowApi 1.1 (Excel on the web).
  const office = fakeOffice(
    params.has('noBrowserWindow') ? { without: ['OpenBrowserWindowApi 1.1'] } : {},
  );
  Object.assign(window, {
    xhExcel: fake,
    xhBrowserWindows: office.browserWindows,
    Office: office.Office,
    Excel: { run: fake.run },
  });
}
