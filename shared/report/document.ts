/**
 * The report as a document (issue 15): what "Sao chép bảng kết quả" puts on the clipboard and
 * what `xephang report` writes as a Word appendix — the same tables, with the same printed
 * numbers, as the output sheets "Kết quả" and "Đề nghị khen thưởng". Host-neutral data only;
 * the writers (docx/, shared/report/html.ts) turn it into files or clipboard HTML.
 */
import type { Evaluation } from '../evaluate';
import { formatMessage, vi } from '../i18n/vi';
import type { CampaignSpec, CellValue } from '../model/types';
import { awardTable } from './awardTable';
import { resultTables } from './resultTable';

type Ok = Extract<Evaluation, { ok: true }>;

export interface DocumentColumn {
  align: 'left' | 'center' | 'right';
  wrap: boolean;
  /** Relative width (the sheet's column width in characters). */
  width: number;
}

/** One titled, bordered table. Cells hold the printed numbers; `formats` one per column. */
export interface ReportTable {
  title: string;
  subtitle?: string;
  header: string[];
  rows: CellValue[][];
  /** Number format per column ("0", "0.00", "@"), as the sheet shows the cells. */
  formats: string[];
  columns: DocumentColumn[];
}

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
 * The document of a ranked campaign. A first version (the contract of issue 15): the result
 * tables per block and the award table, as the sheets render them.
 */
export function reportDocument(evaluation: Ok, spec: CampaignSpec): ReportDocument {
  const c = evaluation.campaign;
  const column = (f: string): DocumentColumn =>
    f === '@'
      ? { align: 'left', wrap: true, width: 20 }
      : { align: 'right', wrap: false, width: 8 };
  const appendices: Appendix[] = [
    {
      label: 'PHỤ LỤC I',
      heading: formatMessage(vi.report.title, { name: c.name, year: c.year }).toLocaleUpperCase(
        'vi',
      ),
      tables: resultTables(evaluation).map((t) => ({
        title: t.title,
        header: t.header,
        rows: t.rows,
        formats: t.formats,
        columns: t.formats.map(column),
      })),
    },
  ];
  if (evaluation.awards) {
    const t = awardTable(evaluation, spec);
    appendices.push({
      label: 'PHỤ LỤC II',
      heading: vi.workbook.sheets.proposals.toLocaleUpperCase('vi'),
      tables: [
        {
          title: vi.workbook.sheets.proposals,
          header: t.header,
          rows: t.rows,
          formats: t.formats,
          columns: t.formats.map(column),
        },
      ],
    });
  }
  return {
    campaign: { name: c.name, year: c.year },
    font: { name: 'Times New Roman', size: 13 },
    appendices,
  };
}
