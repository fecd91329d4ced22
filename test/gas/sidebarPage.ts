/**
 * Browser page: the real sidebar entry (gas/sidebar.ts) over a fake google.script.run, with the
 * content the server put after the page's inline script arriving after that script has run.
 */
import { afterSidebarScript } from './fakeScriptRun';
import '../../gas/sidebar';

afterSidebarScript();
