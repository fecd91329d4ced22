/**
 * The published tables of a ranked campaign, as the output sheets and the Word appendix both
 * print them: one per block, the block summary, the award proposals — each with its title, the
 * "Kèm theo …" line of "Cấu hình" under it, its header, rows and column layout. The sheets
 * (shared/workbook/render.ts) and the document (the ReportDocument builder) are laid out from these very
 * tables, so the numbers they print cannot differ.
 */
import type { Evaluation } from '../evaluate';
import type { CampaignSpec } from '../model/types';
import { awardTable } from './awardTable';
import type { ReportTable } from './reportTable';
import { resultTables, summaryTable } from './resultTable';

type Ok = Extract<Evaluation, { ok: true }>;

/** The "Dòng kèm theo" setting, when it has text. */
function subtitleOf(evaluation: Ok): { subtitle?: string } {
  const s = evaluation.campaign.settings.reportSubtitle?.trim();
  return s ? { subtitle: s } : {};
}

/** "Kết quả": a table per block, then the summary of the index per block (when any has one). */
export function resultReportTables(evaluation: Ok): {
  blocks: ReportTable[];
  summary?: ReportTable;
} {
  const sub = subtitleOf(evaluation);
  const blocks = resultTables(evaluation).map(
    ({ title, header, rows, formats, columns, highlights }): ReportTable => ({
      title,
      ...sub,
      header,
      rows,
      formats,
      columns,
      ...(highlights.length ? { highlights } : {}),
    }),
  );
  const s = summaryTable(evaluation);
  if (!s) return { blocks };
  const { title, header, rows, formats, columns } = s;
  return { blocks, summary: { title, ...sub, header, rows, formats, columns } };
}

/** "Đề nghị khen thưởng": the proposals, runners-up, ballots and notes, as one table. */
export function proposalsReportTable(evaluation: Ok, spec: CampaignSpec): ReportTable {
  const { title, header, rows, formats, columns } = awardTable(evaluation, spec);
  return { title, ...subtitleOf(evaluation), header, rows, formats, columns };
}
