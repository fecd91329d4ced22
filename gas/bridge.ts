/**
 * The sidebar's bridge to Apps Script: each call is one google.script.run of a function in
 * gas/main.ts (listed in entrypoints.json), which runs the host on the server.
 */
import { fromWire, toWire } from '../shared/workbook/wire';
import type { HostBridge, SetupState } from '../ui/bridge';

/** The slice of google.script.run the bridge uses (typed here: it exists only in the page). */
export interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [fn: string]: unknown;
}

export function gasBridge(run: () => ScriptRun): HostBridge {
  const call = <T>(name: string, ...args: unknown[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const runner = run()
        .withSuccessHandler((v) => resolve(v as T))
        .withFailureHandler(reject);
      (runner[name] as (...a: unknown[]) => void)(...args);
    });
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
  };
}
