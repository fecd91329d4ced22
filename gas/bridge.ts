/**
 * The sidebar's bridge to Apps Script: each call is one google.script.run of a function in
 * gas/main.ts (listed in entrypoints.json), which runs the host on the server.
 */
import { vi } from '../shared/i18n/vi';
import { fromWire, toWire } from '../shared/workbook/wire';
import type { HostBridge, ReportDocument, SetupState } from '../ui/bridge';

/** The slice of google.script.run the bridge uses (typed here: it exists only in the page). */
export interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [fn: string]: unknown;
}

/** What dist/gas/docx.html defines (ui/docxWriter.ts). */
export interface DocxWriter {
  reportDocx(document: ReportDocument): Promise<Uint8Array>;
}

/**
 * Runs the writer's script (the text of docx.html: one inline <script>) in this page and returns
 * what it defined. An inline script added to the page runs at once, as the sidebar's own did.
 */
export function runDocxScript(html: string): DocxWriter {
  // Spelled so that this bundle, inlined in sidebar.html, holds no script tag of its own.
  const code = /<(script)>([\s\S]*)<\/\1>/.exec(html)?.[2];
  if (code === undefined) throw new Error(vi.reportCopy.writerMissing);
  const script = document.createElement('script');
  script.textContent = code;
  document.head.append(script);
  script.remove();
  const writer = (globalThis as { XepHangDocx?: Partial<DocxWriter> }).XepHangDocx;
  if (typeof writer?.reportDocx !== 'function') throw new Error(vi.reportCopy.writerMissing);
  return writer as DocxWriter;
}

export function gasBridge(run: () => ScriptRun): HostBridge {
  const call = <T>(name: string, ...args: unknown[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const runner = run()
        .withSuccessHandler((v) => resolve(v as T))
        .withFailureHandler(reject);
      (runner[name] as (...a: unknown[]) => void)(...args);
    });
  // Fetched once, on the first download; a failed fetch is tried again next time.
  let writer: Promise<DocxWriter> | undefined;
  const loadWriter = (): Promise<DocxWriter> => {
    writer ??= call<string>('xephangApiDocxScript').then(runDocxScript);
    writer.catch(() => (writer = undefined));
    return writer;
  };
  return {
    host: 'sheets',
    loadSetup: async () => fromWire<SetupState>(await call<string>('xephangApiLoadSetup')),
    saveSetup: (setup, options) => call('xephangApiSaveSetup', toWire(setup), options ?? {}),
    rank: () => call('xephangApiRank'),
    createTemplate: (options) => call('xephangApiCreateTemplate', options),
    selectCell: (sheet, cell) => call('xephangApiSelectCell', sheet, cell),
    formsFrom: 'sheets',
    makeForms: () => call('xephangApiMakeForms'),
    // The forms are the unit sheets of the spreadsheet: no files to send.
    mergeForms: () => call('xephangApiMergeForms'),
    // Last year's "Kết quả" is pasted into "Kết quả năm trước" by the user: no file to send.
    previousFrom: 'sheet',
    reportDocument: () => call('xephangApiReport'),
    selectTable: (sheet) => call('xephangApiSelectTable', sheet),
    reportDocx: async (document) => (await loadWriter()).reportDocx(document),
  };
}
