/**
 * "Đưa vào báo cáo" under a run's summary (issue 15): "Sao chép bảng kết quả", "Sao chép đề nghị
 * khen thưởng" (when the campaign proposes awards) and "Tải phụ lục (.docx)".
 *
 * Copy puts the tables on the clipboard as HTML and plain text (shared/report/html.ts). The
 * ClipboardItem is made within the click, its contents promised (Safari/WKWebView only lets a
 * click write; Chromium takes the promise too), and filled when the host has read the workbook.
 * Where the webview refuses clipboard writes (Excel on the web's iframe has no clipboard-write
 * permission; see docs/excel.md, docs/sheets.md), the host selects the table on its sheet and
 * the user is told to press Ctrl+C.
 *
 * Download builds the Word document in the browser (HostBridge.reportDocx, which loads docx/ on
 * first use) and offers it as a link (a[download] on a Blob URL).
 */
import { formatMessage, vi } from '../../shared/i18n/vi';
import type { ReportTable } from '../../shared/report/document';
import { reportHtml, reportText, type ReportFont } from '../../shared/report/html';
import type { IssueView, ReportResult, RunSummary } from '../bridge';
import { h, type Child } from '../dom';
import { messageOf, type ViewContext } from './context';
import { issueList } from './fields';

const R = vi.reportCopy;
const S = vi.workbook.sheets;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Which = 'results' | 'proposals';

interface Status {
  kind: 'ok' | 'select' | 'bad';
  text: string;
}

/** The tables of one button: Phụ lục I (results per block) or the award appendices after it. */
function tablesOf(result: Extract<ReportResult, { ok: true }>, which: Which): ReportTable[] {
  const [first, ...rest] = result.document.appendices;
  return which === 'results' ? (first?.tables ?? []) : rest.flatMap((a) => a.tables);
}

/** A promise whose failure is handled elsewhere (no "unhandled rejection" on the page). */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

export interface ReportCard {
  /** The card for a successful run's summary. */
  view(summary: Extract<RunSummary, { ok: true }>): Child;
  /** A new run: the last copy's message and download go. */
  reset(): void;
}

export function reportCard(ctx: ViewContext): ReportCard {
  let busy: Which | 'docx' | undefined;
  let status: Status | undefined;
  let errors: IssueView[] = [];
  let download: { url: string; fileName: string } | undefined;

  function revoke(): void {
    if (download) URL.revokeObjectURL(download.url);
    download = undefined;
  }

  function start(what: Which | 'docx'): void {
    busy = what;
    status = undefined;
    errors = [];
    ctx.announce(what === 'docx' ? R.building : R.copying);
    ctx.render();
  }

  function finish(key: string, next: Status | undefined): void {
    busy = undefined;
    status = next;
    if (ctx.tab === 'rank') ctx.focusKey = key;
    ctx.render();
    if (next) ctx.announce(next.text);
  }

  function failedStatus(result: Extract<ReportResult, { ok: false }>): Status {
    errors = result.errors;
    return { kind: 'bad', text: formatMessage(R.failed, { count: result.errors.length }) };
  }

  async function copy(which: Which): Promise<void> {
    if (busy) return;
    const pending = ctx.bridge.reportDocument();
    start(which);
    const key = `report:${which}`;
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    let written = false;
    if (typeof clipboard?.write === 'function' && typeof ClipboardItem === 'function') {
      const tables = quiet(
        pending.then((r): { tables: ReportTable[]; font: ReportFont } => {
          if (!r.ok) throw new Error(R.failed);
          return { tables: tablesOf(r, which), font: r.document.font };
        }),
      );
      const blob = (
        type: string,
        text: (t: { tables: ReportTable[]; font: ReportFont }) => string,
      ) => quiet(tables.then((t) => new Blob([text(t)], { type })));
      try {
        await clipboard.write([
          new ClipboardItem({
            'text/html': blob('text/html', (t) => reportHtml(t.tables, t.font)),
            'text/plain': blob('text/plain', (t) => reportText(t.tables)),
          }),
        ]);
        written = true;
      } catch {
        // Refused (no permission, no focus, an old engine) or the report failed: see below.
      }
    }
    let result: ReportResult;
    try {
      result = await pending;
    } catch (e) {
      finish(key, { kind: 'bad', text: formatMessage(R.crashed, { message: messageOf(e) }) });
      return;
    }
    if (!result.ok) return finish(key, failedStatus(result));
    if (written)
      return finish(key, {
        kind: 'ok',
        text: which === 'results' ? R.copiedResults : R.copiedProposals,
      });
    // The webview refused: the table is selected on its sheet for the user's own Ctrl+C.
    const sheet = which === 'results' ? S.results : S.proposals;
    try {
      const selected = await ctx.bridge.selectTable(sheet);
      finish(key, {
        kind: selected ? 'select' : 'bad',
        text: formatMessage(selected ? R.selected : R.noSheet, { sheet }),
      });
    } catch (e) {
      finish(key, { kind: 'bad', text: formatMessage(R.crashed, { message: messageOf(e) }) });
    }
  }

  async function makeDocx(): Promise<void> {
    if (busy) return;
    start('docx');
    revoke();
    let next: Status | undefined;
    try {
      const result = await ctx.bridge.reportDocument();
      if (!result.ok) next = failedStatus(result);
      else {
        const bytes = await ctx.bridge.reportDocx(result.document);
        if (!ctx.unmounted) {
          download = {
            url: URL.createObjectURL(new Blob([bytes as BlobPart], { type: DOCX })),
            fileName: formatMessage(R.fileName, { year: result.document.campaign.year }),
          };
        }
      }
    } catch (e) {
      next = { kind: 'bad', text: formatMessage(R.crashed, { message: messageOf(e) }) };
    }
    finish(download ? 'report:file' : 'report:docx', next);
    if (download) ctx.announce(formatMessage(R.ready, { file: download.fileName }));
  }

  function button(key: string, label: string, what: Which | 'docx', run: () => void): HTMLElement {
    const running = busy === what;
    return h(
      'button',
      {
        type: 'button',
        class: 'xh-button',
        key,
        disabled: busy !== undefined,
        'aria-busy': running ? 'true' : undefined,
        on: { click: run },
      },
      running
        ? [
            h('span', { class: 'xh-spinner', 'aria-hidden': 'true' }),
            what === 'docx' ? R.building : R.copying,
          ]
        : label,
    );
  }

  return {
    reset(): void {
      revoke();
      status = undefined;
      errors = [];
    },
    view(summary): Child {
      const proposals = summary.sheets.includes(S.proposals);
      return h(
        'section',
        { class: 'xh-card', 'data-summary': 'report' },
        h('h2', { class: 'xh-h3' }, R.title),
        h('p', { class: 'xh-hint' }, R.hint),
        h(
          'div',
          { class: 'xh-report-actions' },
          button('report:results', R.copyResults, 'results', () => void copy('results')),
          proposals &&
            button('report:proposals', R.copyProposals, 'proposals', () => void copy('proposals')),
          button('report:docx', R.download, 'docx', () => void makeDocx()),
        ),
        status &&
          h(
            'p',
            {
              class:
                status.kind === 'ok'
                  ? 'xh-ok-text'
                  : status.kind === 'select'
                    ? 'xh-warn-text'
                    : 'xh-bad-note',
              'data-report': status.kind,
              role: status.kind === 'bad' ? 'alert' : 'status',
            },
            status.text,
          ),
        errors.length > 0 && issueList(ctx, errors, 'report-error'),
        download && [
          h(
            'a',
            {
              class: 'xh-download',
              href: download.url,
              download: download.fileName,
              key: 'report:file',
            },
            formatMessage(R.ready, { file: download.fileName }),
          ),
          h('p', { class: 'xh-hint' }, R.readyHint),
        ],
      );
    },
  };
}
