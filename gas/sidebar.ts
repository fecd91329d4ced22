/**
 * Sidebar entry (inlined into dist/gas/sidebar.html): the one UI on the google.script.run
 * bridge. A run started from the menu that failed hands its summary in a JSON data block.
 */
import { mountApp } from '../ui/app';
import type { RunSummary } from '../shared/workbook/run';
import { gasBridge, type ScriptRun } from './bridge';

declare const google: { script: { run: ScriptRun } };

const root = document.getElementById('app');
if (root) {
  const data = document.getElementById('xephang-initial')?.textContent;
  const initial = data ? (JSON.parse(data) as RunSummary) : undefined;
  mountApp(
    root,
    gasBridge(() => google.script.run),
    initial ? { initialSummary: initial } : {},
  );
}
