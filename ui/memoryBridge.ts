/**
 * A HostBridge over in-memory sheets: the reference behaviour of a real host (Excel, Sheets),
 * built from the same pure core calls a host makes, with counters for tests. Each bridge method
 * reads what it needs in one batch and writes in one batch, as the hosts must.
 */
import { formatMessage, vi } from '../shared/i18n/vi';
import type { CellValue } from '../shared/model/types';
import type { Sheets } from '../shared/workbook/grid';
import {
  INPUT_SHEETS,
  ISSUE_LIMIT,
  issueView,
  localTime,
  runCampaign,
  runSummary,
  type IssueView,
} from '../shared/workbook/run';
import { SETUP_SHEETS, setupState } from '../shared/workbook/setup';
import { applyRowEdits, planSave, SAVE_SHEETS } from '../shared/workbook/save';
import { starterCampaign, templateSheets } from '../shared/workbook/template';
import { mergeForms, mergeSummary, type MergeSummary } from '../shared/forms/merge';
import {
  campaignForms,
  formsZipName,
  FORM_SOURCE_SHEETS,
  MERGE_SHEETS,
  readFormFiles,
  zipForms,
} from '../xlsx/formFiles';
import { reportResult, type ReportResult } from '../shared/workbook/report';
import { PREVIOUS_SHEET, RANK_SHEETS } from '../shared/workbook/previousSheet';
import { readPreviousFile } from '../xlsx/previousFile';
import type { ReportDocument } from '../shared/report/document';
import { base64ToBytes, bytesToBase64 } from './base64';
import type {
  CampaignSetup,
  FormsMade,
  FormUpload,
  HostBridge,
  PreviousLoaded,
  RunSummary,
  SaveOptions,
  SaveResult,
  SetupState,
  TemplateOptions,
} from './bridge';
import { MAX_TEMPLATE_UNITS } from './model/text';

export interface MemoryBridgeOptions {
  /** Shown by the UI; default 'memory'. */
  host?: string;
  /** The host's clock (a run's time, the log row). */
  now?: () => Date;
  /** Milliseconds each call waits before answering, so a UI's busy states can be seen. */
  latency?: number;
}

export interface MemoryBridge extends HostBridge {
  /** The workbook: sheet name → rows of cell values (row 1 first). */
  readonly sheets: Record<string, CellValue[][]>;
  /** Batches read and written, and the sheets each touched, in order. */
  readonly stats: { reads: number; writes: number; sheetsRead: string[]; sheetsWritten: string[] };
  /** Every bridge call by method name, in order. */
  readonly calls: string[];
  /** Cells selected through selectCell (a table's range through selectTable), in order. */
  readonly selections: { sheet: string; cell: string }[];
}

const view = (text: string): IssueView => ({ severity: 'error', text });

/** "A", …, "Z", "AA" for a 0-based column. */
function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function memoryBridge(
  sheets: Record<string, CellValue[][]>,
  options: MemoryBridgeOptions = {},
): MemoryBridge {
  const now = options.now ?? (() => new Date());
  const stats: MemoryBridge['stats'] = { reads: 0, writes: 0, sheetsRead: [], sheetsWritten: [] };
  const calls: string[] = [];
  const selections: MemoryBridge['selections'] = [];

  const wait = (): Promise<void> =>
    new Promise((resolve) => setTimeout(resolve, options.latency ?? 0));

  /** One batch read of the named sheets that exist (copies: the core never sees live rows). */
  const read = (names: readonly string[]): Sheets => {
    stats.reads++;
    const out: Record<string, CellValue[][]> = {};
    for (const name of names) {
      const grid = sheets[name];
      if (!grid) continue;
      stats.sheetsRead.push(name);
      out[name] = grid.map((row) => [...row]);
    }
    return out;
  };

  /** One batch write: each sheet is replaced whole, as the hosts clear and rewrite it. */
  const write = (blocks: readonly { name: string; rows: readonly (readonly CellValue[])[] }[]) => {
    stats.writes++;
    for (const b of blocks) {
      stats.sheetsWritten.push(b.name);
      sheets[b.name] = b.rows.map((row) => row.map((v) => (v === undefined ? null : v)));
    }
  };

  return {
    host: options.host ?? 'memory',
    sheets,
    stats,
    calls,
    selections,

    async loadSetup(): Promise<SetupState> {
      calls.push('loadSetup');
      await wait();
      return setupState(read(SETUP_SHEETS));
    },

    async saveSetup(setup: CampaignSetup, options: SaveOptions = {}): Promise<SaveResult> {
      calls.push('saveSetup');
      await wait();
      const read1 = read(SAVE_SHEETS);
      const plan = planSave(read1, setup, { confirmed: options.confirmed });
      if (plan.kind === 'errors') return { ok: false, errors: plan.errors };
      if (plan.kind === 'confirm') return { ok: false, errors: [], confirm: plan.questions };
      // One batch: the setup sheets and the preview whole, the score sheets row by row.
      write([
        ...plan.setup,
        ...(plan.preview ? [plan.preview] : []),
        ...plan.edits.map((e) => ({ name: e.sheet, rows: applyRowEdits(read1[e.sheet], e) })),
      ]);
      return { ok: true };
    },

    async rank(): Promise<RunSummary> {
      calls.push('rank');
      await wait();
      const time = localTime(now());
      const result = runCampaign({ sheets: read(RANK_SHEETS), time });
      if (result.ok) write(result.outputs);
      return runSummary(result, time);
    },

    async createTemplate(options: TemplateOptions): Promise<SaveResult> {
      calls.push('createTemplate');
      await wait();
      const { units, year } = options;
      if (!Number.isInteger(units) || units < 0 || units > MAX_TEMPLATE_UNITS)
        return {
          ok: false,
          errors: [view(formatMessage(vi.ui.template.badUnits, { max: MAX_TEMPLATE_UNITS }))],
        };
      if (!Number.isInteger(year)) return { ok: false, errors: [view(vi.ui.template.badYear)] };
      const existing = Object.keys(read(SETUP_SHEETS));
      if (existing.length)
        return {
          ok: false,
          errors: existing.map((sheet) => view(formatMessage(vi.ui.template.exists, { sheet }))),
        };
      write(templateSheets(starterCampaign(units, year)));
      return { ok: true };
    },

    async selectCell(sheet: string, cell: string): Promise<void> {
      calls.push('selectCell');
      selections.push({ sheet, cell });
    },

    // Forms as files, as in Excel: a .zip of one .xlsx per unit out, picked .xlsx files in.
    formsFrom: 'files',

    async makeForms(): Promise<FormsMade> {
      calls.push('makeForms');
      await wait();
      const made = campaignForms(read(FORM_SOURCE_SHEETS));
      if (!made.ok) {
        const errors = made.issues.filter((i) => i.severity === 'error');
        return { ok: false, errors: errors.slice(0, ISSUE_LIMIT).map(issueView) };
      }
      if (made.files.length === 0) return { ok: true, count: 0 };
      const zip = zipForms(made.files, now());
      return {
        ok: true,
        count: made.files.length,
        download: { fileName: formsZipName(made.campaignId), base64: bytesToBase64(zip) },
      };
    },

    async mergeForms(files: FormUpload[] = []): Promise<MergeSummary> {
      calls.push('mergeForms');
      await wait();
      const { forms, issues } = readFormFiles(
        files.map((f) => {
          let bytes: Uint8Array;
          try {
            bytes = base64ToBytes(f.base64);
          } catch {
            bytes = new Uint8Array(0);
          }
          return { name: f.name, bytes, ...(f.lastModified ? { received: f.lastModified } : {}) };
        }),
      );
      if (issues.length > 0) return mergeSummary({ ok: false, issues });
      const result = mergeForms({ sheets: read(MERGE_SHEETS), forms, time: localTime(now()) });
      if (result.ok) write(result.outputs);
      return mergeSummary(result);
    },

    // Last year's results from a picked file, as in Excel.
    previousFrom: 'files',

    async loadPrevious(file: FormUpload): Promise<PreviousLoaded> {
      calls.push('loadPrevious');
      await wait();
      let bytes: Uint8Array;
      try {
        bytes = base64ToBytes(file.base64);
      } catch {
        bytes = new Uint8Array(0);
      }
      const read1 = readPreviousFile(file.name, bytes);
      if (!read1.ok) return { ok: false, errors: read1.issues.map((i) => view(issueView(i).text)) };
      write([{ name: PREVIOUS_SHEET, rows: read1.rows }]);
      return { ok: true, units: read1.units, sheet: PREVIOUS_SHEET };
    },

    async reportDocument(): Promise<ReportResult> {
      calls.push('reportDocument');
      await wait();
      const result = runCampaign({
        sheets: read(INPUT_SHEETS),
        time: localTime(now()),
        outputs: false,
      });
      return reportResult(result);
    },

    async selectTable(sheet: string): Promise<boolean> {
      calls.push('selectTable');
      const grid = sheets[sheet];
      if (!grid) return false;
      const width = Math.max(1, ...grid.map((row) => row.length));
      selections.push({ sheet, cell: `A1:${columnName(width - 1)}${Math.max(1, grid.length)}` });
      return true;
    },

    async reportDocx(document: ReportDocument): Promise<Uint8Array> {
      calls.push('reportDocx');
      const { reportDocx } = await import('../docx');
      return reportDocx(document);
    },
  };
}
