/**
 * Browser globals for the real sidebar bundle: Apps Script's services (FakeSpreadsheet over a
 * fixture workbook, ?case=…) and `google.script.run`, which calls the server functions of
 * gas/main.ts asynchronously with arguments and results passed through JSON, as Apps Script
 * does (so −∞ or a Date would not survive, exactly as there). &initial=1 opens the page the way
 * a failed menu run does, &menu=<function> the way that menu item does. The spreadsheet is left on window.xhBook.
 */
import * as server from '../../gas/main';
import { workbookCase } from '../ui/fixtures';
import { FakeSpreadsheet, SIDEBAR_SCRIPT } from './fakeSheets';

const params = new URLSearchParams(location.search);
const book = FakeSpreadsheet.fromSheets(workbookCase(params.get('case') ?? 'example'));
const latency = Number(params.get('latency') ?? 0);
const calls: string[] = [];
Object.assign(globalThis, book.globals());

type Handler = (value: unknown) => void;
const functions = server as unknown as Record<string, (...args: unknown[]) => unknown>;

function runner(success?: Handler, failure?: Handler): unknown {
  return new Proxy(
    {},
    {
      get(_target, name: string) {
        if (name === 'withSuccessHandler') return (f: Handler) => runner(f, failure);
        if (name === 'withFailureHandler') return (f: Handler) => runner(success, f);
        return (...args: unknown[]) => {
          const sent = JSON.parse(JSON.stringify(args)) as unknown[];
          setTimeout(() => {
            calls.push(name);
            try {
              const result = functions[name](...sent);
              success?.(result === undefined ? undefined : JSON.parse(JSON.stringify(result)));
            } catch (e) {
              failure?.(e);
            }
          }, latency);
        };
      },
    },
  );
}

Object.assign(window, { google: { script: { run: runner() } }, xhBook: book, xhCalls: calls });

/**
 * &initial=1: the menu "Xếp hạng" runs (xephangRank) and opens the sidebar with the page it
 * built. Its data blocks are put where the browser would meet them in that page: a block before
 * the inline script (SIDEBAR_SCRIPT) is in the document when the script runs; a block after it —
 * where HtmlOutput.append puts one, past the page's end — only once the script has run
 * (`afterSidebarScript`, called by the page after gas/sidebar.ts).
 */
const before: string[] = [];
const after: string[] = [];
// &menu=xephangShowSidebar: the same for another menu item that opens the sidebar.
const menu = params.get('menu') ?? (params.has('initial') ? 'xephangRank' : undefined);
if (menu) {
  functions[menu]();
  const page = book.ui.sidebars[book.ui.sidebars.length - 1] ?? '';
  const script = page.indexOf(SIDEBAR_SCRIPT);
  if (script < 0) throw new Error('the sidebar page lost its script');
  for (const m of page.matchAll(/<script type="application\/json"[^>]*>[\s\S]*?<\/script>/g)) {
    ((m.index ?? 0) < script ? before : after).push(m[0]);
  }
  insert(before);
}

function insert(blocks: readonly string[]): void {
  for (const html of blocks) {
    const template = document.createElement('template');
    template.innerHTML = html;
    document.body.append(template.content);
  }
}

/** The page's content after its inline script (see above). */
export function afterSidebarScript(): void {
  insert(after);
}
