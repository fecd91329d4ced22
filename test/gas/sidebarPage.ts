/**
 * Browser page: the real sidebar entry (gas/sidebar.ts) over a fake google.script.run, with the
 * content the server put after the page's inline script arriving after that script has run, and
 * the Word writer that the fake's docx.html defines.
 */
import { afterSidebarScript } from './fakeScriptRun';
import { reportDocx } from '../../docx';
import '../../gas/sidebar';

// The Word writer docx.html would define (the fake's DOCX_FILE hands this one on).
Object.assign(window, { xhDocxWriter: { reportDocx } });

afterSidebarScript();
