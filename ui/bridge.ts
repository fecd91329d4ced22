/**
 * The whole contract between the one UI (Excel task pane, Sheets sidebar) and its host. Each
 * host implements it once (addin/bridge.ts over office-js, gas/bridge.ts over google.script.run);
 * tests implement it over counting fakes. Everything crossing it is plain JSON.
 */
import type { CampaignSetup } from '../shared/model/types';
import type { IssueView, RunSummary } from '../shared/workbook/run';
import type { SetupState } from '../shared/workbook/setup';
import type { MergeSummary } from '../shared/forms/merge';
import type { ReportDocument } from '../shared/report/document';
import type { ReportResult } from '../shared/workbook/report';

export type { CampaignSetup, IssueView, RunSummary, SetupState };

export type SaveResult =
  | { ok: true }
  | { ok: false; errors: IssueView[] }
  /**
   * Nothing written: the save needs the user's word first (typed scores it would drop, a
   * nomination whose basis it would change). Asked again with `{ confirmed: true }`.
   */
  | { ok: false; errors: []; confirm: IssueView[] };

export interface SaveOptions {
  /** The user answered "Vẫn lưu" to the questions of the previous answer. */
  confirmed?: boolean;
}

export interface TemplateOptions {
  /** Number of unit columns in the score sheets (0–2000). */
  units: number;
  year: number;
}

/** A returned form the user picked (Excel): the file's bytes as base64, so it is plain JSON. */
export interface FormUpload {
  name: string;
  base64: string;
  /** The file's date (ISO yyyy-mm-dd), used when the form's "Ngày gửi" is blank. */
  lastModified?: string;
}

export type FormsMade =
  | {
      ok: true;
      count: number;
      /** Excel: one .zip of the forms (one .xlsx per unit) for the user to save and send. */
      download?: { fileName: string; base64: string };
      /** Sheets: the unit sheets created ("Phiếu DV001", …). */
      sheets?: string[];
    }
  | { ok: false; errors: IssueView[] };

export type { MergeSummary, ReportDocument, ReportResult };

/** "Lấy kết quả năm trước…": the units found and the sheet written, or why nothing was written. */
export type PreviousLoaded =
  { ok: true; units: number; sheet: string } | { ok: false; errors: IssueView[] };

/** "Xếp hạng giai đoạn": the settings the pane sets (shared/period/period.ts has the rest). */
export interface PeriodOptions {
  /** Years with an index a unit needs to be ranked. */
  minYears: number;
  /** One period award, or none. */
  award?: { name: string; quota: number; minExcellentYears?: number; everyYear?: boolean };
}

export type PeriodSummary =
  | {
      ok: true;
      /** "2021–2025". */
      span: string;
      years: number[];
      units: number;
      ranked: number;
      proposals: number;
      /** The sheets written. */
      sheets: string[];
    }
  /** Nothing written; a problem in a picked file names the file, its sheet and cell as text. */
  | { ok: false; errors: IssueView[] };

export interface HostBridge {
  /** 'excel' | 'sheets' | anything a test names itself; the UI only shows it. */
  readonly host: string;
  loadSetup(): Promise<SetupState>;
  /**
   * Checks the setup (checkSetup) and, when it has no error, rewrites "Cấu hình" and "Tiêu chí"
   * and keeps the score sheets' rows in step with the criteria (shared/workbook/save.ts); asks
   * first (SaveResult.confirm) when that would drop typed scores or change a nomination's basis.
   */
  saveSetup(setup: CampaignSetup, options?: SaveOptions): Promise<SaveResult>;
  /** One click of "Xếp hạng": reads, computes, writes outputs; nothing is written on errors. */
  rank(): Promise<RunSummary>;
  /** Creates the campaign sheets in a workbook that has none ("Tạo mẫu"). */
  createTemplate(options: TemplateOptions): Promise<SaveResult>;
  /** Activates the sheet and selects the cell of an issue. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Where returned forms come from: files the user picks (Excel), or the unit sheets (Sheets). */
  readonly formsFrom: 'files' | 'sheets';
  /** "Tạo phiếu tự chấm": one self-assessment form per unit of "Đơn vị". */
  makeForms(): Promise<FormsMade>;
  /** "Gộp phiếu tự chấm": merges the forms (the files given, or the unit sheets). */
  mergeForms(files?: FormUpload[]): Promise<MergeSummary>;
  /**
   * Where last year's results come from: a ranked workbook the user picks (Excel, loadPrevious),
   * or last year's "Kết quả" the user pastes into the sheet "Kết quả năm trước" (Sheets).
   */
  readonly previousFrom: 'files' | 'sheet';
  /**
   * "Lấy kết quả năm trước…" (previousFrom 'files'): reads the picked workbook's "Kết quả" and
   * writes its values into "Kết quả năm trước" (created or replaced; nothing else touched).
   */
  loadPrevious?(file: FormUpload): Promise<PreviousLoaded>;
  /**
   * The report of the workbook as it is ("Sao chép bảng kết quả", "Tải phụ lục"): reads the
   * input sheets as a run does and evaluates them; writes NOTHING. Errors as a run reports them.
   */
  reportDocument(): Promise<ReportResult>;
  /**
   * Activates an output sheet and selects its table (the sheet's used range), so the user can
   * press Ctrl+C where the webview refuses clipboard writes. false: there is no such sheet.
   */
  selectTable(sheet: string): Promise<boolean>;
  /**
   * The report as a Word document, built in the browser; the writer (docx/) is loaded the first
   * time it is asked for, so it stays out of the initial bundle.
   */
  reportDocx(document: ReportDocument): Promise<Uint8Array>;
  /**
   * "Xếp hạng giai đoạn" (Excel; absent where files cannot be picked): reads each picked yearly
   * workbook's "Kết quả", ranks the period and writes its sheets into the open workbook.
   */
  rankPeriod?(files: FormUpload[], options: PeriodOptions): Promise<PeriodSummary>;
}
