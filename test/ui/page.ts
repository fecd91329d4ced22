/**
 * Browser page for test/ui/taskpane.browser.test.ts: the task pane mounted on a memory bridge
 * over one of the fixture workbooks (?case=example|invalid|hostile|empty; &latency=ms slows the
 * bridge; &initial=1 runs once before mounting and hands the pane that summary, as the Sheets
 * menu does). The bridge and the app handle are left on window.xh for the test to inspect.
 */
import { mountApp } from '../../ui/app';
import { memoryBridge } from '../../ui/memoryBridge';
import { workbookCase } from './fixtures';

const params = new URLSearchParams(location.search);
const bridge = memoryBridge(workbookCase(params.get('case') ?? 'example'), {
  host: 'excel',
  latency: Number(params.get('latency') ?? 0),
  now: () => new Date(2026, 10, 25, 16, 20, 55),
});
const root = document.getElementById('app') as HTMLElement;

async function start(): Promise<void> {
  const initialSummary = params.has('initial') ? await bridge.rank() : undefined;
  const app = mountApp(root, bridge, { initialSummary });
  (window as unknown as { xh: unknown }).xh = { bridge, app };
}
void start();
