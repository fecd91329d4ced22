/**
 * The report of a workbook as it is (issue 15, "Sao chép bảng kết quả", "Tải phụ lục"): a host
 * reads what a run reads, runs the core without rendering the output sheets, and hands this to
 * its UI — the ReportDocument, or the problems that stop a run, as a run reports them. Nothing
 * is written either way.
 */
import { runSummary, type IssueView, type RunResult } from './run';
import { reportDocument, type ReportDocument } from '../report/document';

export type ReportResult =
  | { ok: true; document: ReportDocument }
  | { ok: false; errors: IssueView[]; warnings: IssueView[] };

export function reportResult(result: RunResult): ReportResult {
  if (!result.ok) {
    const failed = runSummary(result, '');
    return failed.ok
      ? { ok: false, errors: [], warnings: [] }
      : { ok: false, errors: failed.errors, warnings: failed.warnings };
  }
  return { ok: true, document: reportDocument(result.evaluation, result.spec) };
}
