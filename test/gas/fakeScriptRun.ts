/**
 * Browser globals for the real sidebar bundle: Apps Script's services (FakeSpreadsheet over a
 * fixture workbook, ?case=…) and `google.script.run`, which calls the server functions of
 * gas/main.ts asynchronously with arguments and results passed through JSON, as Apps Script
 * does (so −∞ or a Date would not survive, exactly as there). &initial=1 embeds the summary of
 * a failed menu run the way xephangRank does. The spreadsheet is left on window.xhBook.
 */
import * as server from '../../gas/main';
import { workbookCase } from '../ui/fixtures';
import { FakeSpreadsheet } from './fakeSheets';

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

if (params.has('initial')) {
  const summary = server.xephangApiRank();
  const data = document.createElement('script');
  data.type = 'application/json';
  data.id = 'xephang-initial';
  data.textContent = server.embedJson(summary);
  document.body.append(data);
}
