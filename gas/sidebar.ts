/**
 * Sidebar entry (inlined into dist/gas/sidebar.html): the one UI on the google.script.run
 * bridge. A run started from the menu that failed hands its summary in a JSON data block; the
 * menu's "Cấu hình…" names the tab to open on ("settings") in another.
 */
import { mountApp, tabFromView, type MountOptions } from '../ui/app';
import type { RunSummary } from '../shared/workbook/run';
import { gasBridge, type ScriptRun } from './bridge';
import { GUIDE_BASE } from './guide';

declare const google: { script: { run: ScriptRun } };

const root = document.getElementById('app');
if (root) {
  const data = document.getElementById('xephang-initial')?.textContent;
  const initial = data ? (JSON.parse(data) as RunSummary) : undefined;
  const view = document.getElementById('xephang-view')?.textContent;
  // The sidebar is a page of Google's: the guide is wherever the build was told it is.
  const options: MountOptions = { help: { base: GUIDE_BASE } };
  if (initial) options.initialSummary = initial;
  const tab = view ? tabFromView(JSON.parse(view) as string) : undefined;
  if (tab) options.initialTab = tab;
  mountApp(
    root,
    gasBridge(() => google.script.run),
    options,
  );
}
