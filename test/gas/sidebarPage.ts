/** Browser page: the real sidebar entry (gas/sidebar.ts) over a fake google.script.run. */
import './fakeScriptRun';
import '../../gas/sidebar';
