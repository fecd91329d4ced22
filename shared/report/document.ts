/**
 * The report as a document (issue 15): what "Sao chép bảng kết quả" puts on the clipboard and
 * what `xephang report` writes as a Word appendix — the same tables, with the same printed
 * numbers, as the output sheets "Kết quả" and "Đề nghị khen thưởng". Host-neutral data only;
 * the writers (docx/, shared/report/html.ts) turn it into files or clipboard HTML.
 */
import type { Evaluation } from '../evaluate';
import { formatMessage, vi } from '../i18n/vi';
import type { CampaignSpec } from '../model/types';
import { upper } from './resultTable';
import { proposalsReportTable, resultReportTables } from './tables';

type Ok = Extract<Evaluation, { ok: true }>;

export type { DocumentColumn, ReportTable } from './reportTable';
import type { ReportTable } from './reportTable';

/** "Phụ lục I" (results per block), "Phụ lục II" (award proposals and ballots). */
export interface Appendix {
  /** "PHỤ LỤC I" */
  label: string;
  /** "KẾT QUẢ XẾP HẠNG … NĂM 2018" */
  heading: string;
  /** "Kèm theo Quyết định số …" */
  subtitle?: string;
  tables: ReportTable[];
}

export interface ReportDocument {
  /** The campaign's name and year, for the file's properties. */
  campaign: { name: string; year: number };
  /** The report font ("Phông chữ báo cáo"). */
  font: { name: string; size: number };
  /**
   * The issuing body for the header block (Nghị định 30/2020/NĐ-CP), when "Cấu hình" names it:
   * `parent` above (e.g. "UBND TỈNH AN GIANG"), `body` below ("SỞ NỘI VỤ").
   */
  issuer?: { parent?: string; body: string };
  appendices: Appendix[];
}

/**
 * The document of a ranked campaign: Phụ lục I, the result table of each block and the summary
 * of the index per block, headed by the campaign's name; Phụ lục II (when awards are
 * configured), the proposals with the ballots. The tables are those the sheets "Kết quả" and
 * "Đề nghị khen thưởng" are laid out from (./tables.ts): the same cells, the same formats. The
 * font, the "Kèm theo …" line and the issuing body come from "Cấu hình".
 */
export function reportDocument(evaluation: Ok, spec: CampaignSpec): ReportDocument {
  const c = evaluation.campaign;
  const s = c.settings;
  const L = vi.reportLayout;
  const subtitle = s.reportSubtitle?.trim();
  const sub = subtitle ? { subtitle } : {};
  const { blocks, summary } = resultReportTables(evaluation);
  const appendices: Appendix[] = [
    {
      label: upper(L.appendixResults),
      heading: upper(c.name || formatMessage(L.summaryTitle, { year: c.year })),
      ...sub,
      tables: summary ? [...blocks, summary] : blocks,
    },
  ];
  if (evaluation.awards) {
    appendices.push({
      label: upper(L.appendixProposals),
      heading: upper(L.proposalsHeading),
      ...sub,
      tables: [proposalsReportTable(evaluation, spec)],
    });
  }
  const body = s.issuer?.trim();
  const parent = s.issuerParent?.trim();
  return {
    campaign: { name: c.name, year: c.year },
    font: { ...s.reportFont },
    ...(body ? { issuer: { ...(parent ? { parent } : {}), body } } : {}),
    appendices,
  };
}
