/**
 * The sidebar's Word writer (issue 15), built apart from the sidebar as dist/gas/docx.html: one
 * inline script that defines `var XepHangDocx = { reportDocx }`. HtmlService serves the sidebar
 * as ONE file, so the writer cannot be a lazily loaded chunk; the sidebar fetches this file's
 * text through google.script.run (xephangApiDocxScript) when the user asks for the document, and
 * runs it (gas/bridge.ts runDocxScript). The sidebar page itself carries none of docx/.
 */
export { reportDocx } from '../docx';
