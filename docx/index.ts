/**
 * The report as a Word document (issue 15): a ReportDocument → .docx bytes, with the `docx`
 * package, in Node (the CLI) and in the browser (the task pane and the sidebar load this module
 * only when the user asks for the document). Contract stub: docx/ implements it.
 */
import type { ReportDocument } from '../shared/report/document';

export async function reportDocx(document: ReportDocument): Promise<Uint8Array> {
  void document;
  throw new Error('reportDocx: not implemented yet');
}
