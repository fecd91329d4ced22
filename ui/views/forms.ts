/** "Phiếu tự chấm": makes the self-assessment forms and merges the returned ones. */
import { formatMessage, vi } from '../../shared/i18n/vi';
import { base64ToBytes, bytesToBase64 } from '../base64';
import type { FormsMade, FormUpload, IssueView, MergeSummary } from '../bridge';
import { h, newId, type Child } from '../dom';
import { messageOf, type ViewContext } from './context';
import { details, issueList, sheetLinks } from './fields';

const U = vi.ui;

/** "Tệp ": how an issue located in a file (a returned form) begins. */
const FILE_PREFIX = vi.location.file.slice(0, vi.location.file.indexOf('{'));

/**
 * A merge's issues as the pane lists them: one located in a form file names the form's sheet and
 * cell, which are not in this workbook, so it is shown as text only.
 */
const workbookIssues = (issues: readonly IssueView[]): IssueView[] =>
  issues.map((i) => (i.text.startsWith(FILE_PREFIX) ? { severity: i.severity, text: i.text } : i));

/** A file's date as the local calendar day, yyyy-mm-dd (a form's date of receipt). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Picked files as the bridge takes them (base64, so plain JSON). */
export async function formUploads(files: readonly File[]): Promise<FormUpload[]> {
  return Promise.all(
    files.map(async (f) => ({
      name: f.name,
      base64: bytesToBase64(new Uint8Array(await f.arrayBuffer())),
      lastModified: localDay(f.lastModified),
    })),
  );
}

/**
 * The forms card on "Xếp hạng", with its own state: a making or merging under way, their results,
 * the files picked. `dispose` revokes the last .zip offered.
 */
export function formsView(ctx: ViewContext): { section: () => HTMLElement; dispose: () => void } {
  const forms = {
    making: false,
    made: undefined as FormsMade | undefined,
    /** The object URL of the last .zip offered; revoked when replaced and on unmount. */
    url: undefined as string | undefined,
    merging: false,
    merged: undefined as MergeSummary | undefined,
    failure: undefined as string | undefined,
    picked: [] as File[],
  };
  // Built once and moved into each render: a re-render must not drop the files picked.
  const formsInputId = newId('xh-forms');
  const formsInput = h('input', {
    type: 'file',
    id: formsInputId,
    class: 'xh-file',
    key: 'forms:files',
    multiple: true,
    accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    on: {
      change: () => {
        forms.picked = Array.from(formsInput.files ?? []);
        forms.merged = undefined;
        ctx.focusKey = 'forms:files';
        ctx.render();
      },
    },
  });

  function formsSection(): HTMLElement {
    const F = U.forms;
    const busy = forms.making || forms.merging;
    const files = ctx.bridge.formsFrom === 'files';
    const spinning = (on: boolean, label: string, text: string): Child =>
      on ? [h('span', { class: 'xh-spinner', 'aria-hidden': 'true' }), text] : label;
    return h(
      'section',
      { class: 'xh-section xh-forms', 'aria-labelledby': 'xh-forms-title' },
      h('h2', { class: 'xh-h2', id: 'xh-forms-title' }, F.title),
      ctx.help('forms'),
      h('p', { class: 'xh-hint' }, F.intro),
      h(
        'div',
        { class: 'xh-forms-step' },
        h(
          'button',
          {
            type: 'button',
            class: 'xh-button',
            key: 'forms:make',
            disabled: busy,
            'aria-busy': forms.making ? 'true' : undefined,
            on: { click: () => void makeForms() },
          },
          spinning(forms.making, F.make, F.making),
        ),
        madeView(),
      ),
      h(
        'div',
        { class: 'xh-forms-step' },
        files
          ? h(
              'div',
              { class: 'xh-field' },
              h('label', { for: formsInputId }, F.pick),
              formsInput,
              forms.picked.length > 0 &&
                h(
                  'p',
                  { class: 'xh-hint', 'data-forms': 'picked' },
                  formatMessage(F.picked, { count: forms.picked.length }),
                ),
            )
          : h('p', { class: 'xh-hint' }, F.mergeSheetsHint),
        h(
          'button',
          {
            type: 'button',
            class: 'xh-button xh-primary',
            key: 'forms:merge',
            disabled: busy || (files && forms.picked.length === 0),
            'aria-busy': forms.merging ? 'true' : undefined,
            on: { click: () => void mergeForms() },
          },
          spinning(forms.merging, F.merge, F.merging),
        ),
        mergedView(),
      ),
      forms.failure &&
        h(
          'div',
          { class: 'xh-card xh-card-error', role: 'alert' },
          formatMessage(F.crashed, { message: forms.failure }),
        ),
    );
  }

  function madeView(): Child {
    const made = forms.made;
    if (!made) return null;
    const F = U.forms;
    if (!made.ok)
      return h(
        'div',
        { class: 'xh-card xh-card-error', 'data-forms': 'make-errors' },
        h('p', {}, formatMessage(F.makeFailed, { count: made.errors.length })),
        issueList(ctx, made.errors, 'forms-make-error'),
      );
    return h(
      'div',
      { class: 'xh-forms-result', 'data-forms': 'made' },
      h('p', { class: 'xh-ok-text' }, formatMessage(F.made, { count: made.count })),
      made.download &&
        forms.url && [
          h(
            'a',
            {
              class: 'xh-download',
              href: forms.url,
              download: made.download.fileName,
              key: 'forms:download',
            },
            formatMessage(F.download, { file: made.download.fileName }),
          ),
          h('p', { class: 'xh-hint' }, F.downloadHint),
        ],
      made.sheets &&
        made.sheets.length > 0 &&
        sheetLinks(ctx, F.sheets, made.sheets, 'forms:sheet:'),
    );
  }

  function mergedView(): Child {
    const s = forms.merged;
    if (!s) return null;
    const F = U.forms;
    const warnings = (list: readonly IssueView[]): Child =>
      list.length > 0 &&
      details(
        ctx,
        'forms-warnings',
        formatMessage(F.warnings, { count: list.length }),
        issueList(ctx, workbookIssues(list), 'forms-warning'),
      );
    if (!s.ok)
      return h(
        'div',
        { class: 'xh-card xh-card-error', 'data-forms': 'merge-errors' },
        h('p', {}, formatMessage(F.mergeFailed, { count: s.errors.length })),
        h('p', { class: 'xh-hint' }, F.mergeFailedHint),
        issueList(ctx, workbookIssues(s.errors), 'forms-error'),
        warnings(s.warnings),
      );
    if (s.nothingFound)
      return h(
        'div',
        { class: 'xh-card xh-card-warning', 'data-forms': 'nothing' },
        h('p', { class: 'xh-warn-text' }, U.summary.nothingToMerge),
        h(
          'p',
          { class: 'xh-hint' },
          ctx.bridge.formsFrom === 'files' ? U.summary.nothingInFiles : U.summary.nothingInSheets,
        ),
        warnings(s.warnings.slice(1)),
      );
    return h(
      'div',
      { class: 'xh-forms-result', 'data-forms': 'merged' },
      h('p', { class: 'xh-ok-text' }, formatMessage(F.merged, { count: s.merged.length })),
      // Empty forms, scores replaced, blank cells kept (their old values are in "Nhật ký").
      s.notes.map((note) => h('p', { class: 'xh-hint', 'data-forms': 'note' }, note)),
      s.merged.length > 0 &&
        details(
          ctx,
          'forms-merged',
          formatMessage(F.mergedUnits, { count: s.merged.length }),
          h(
            'ul',
            { class: 'xh-plain-list' },
            s.merged.map((m) => h('li', {}, formatMessage(F.mergedUnit, m))),
          ),
        ),
      warnings(s.warnings),
      sheetLinks(ctx, U.rank.sheets, s.sheets, 'forms:written:'),
    );
  }

  function revokeDownload(): void {
    if (forms.url) URL.revokeObjectURL(forms.url);
    forms.url = undefined;
  }

  async function makeForms(): Promise<void> {
    if (forms.making || forms.merging) return;
    forms.making = true;
    forms.failure = undefined;
    forms.made = undefined;
    revokeDownload();
    ctx.announce(U.forms.making);
    ctx.render();
    try {
      const made = await ctx.bridge.makeForms();
      if (made.ok && made.download && !ctx.unmounted) {
        const blob = new Blob([base64ToBytes(made.download.base64)], { type: 'application/zip' });
        forms.url = URL.createObjectURL(blob);
      }
      forms.made = made;
    } catch (e) {
      forms.failure = messageOf(e);
    }
    forms.making = false;
    if (ctx.tab === 'rank')
      ctx.focusKey = forms.made?.ok && forms.url ? 'forms:download' : 'forms:make';
    ctx.render();
    const made = forms.made;
    ctx.announce(
      forms.failure
        ? formatMessage(U.forms.crashed, { message: forms.failure })
        : made?.ok
          ? formatMessage(U.forms.made, { count: made.count })
          : formatMessage(U.forms.makeFailed, { count: made?.errors.length ?? 0 }),
    );
  }

  async function mergeForms(): Promise<void> {
    if (forms.making || forms.merging) return;
    const files = ctx.bridge.formsFrom === 'files';
    if (files && forms.picked.length === 0) return;
    forms.merging = true;
    forms.failure = undefined;
    forms.merged = undefined;
    ctx.announce(U.forms.merging);
    ctx.render();
    try {
      forms.merged = files
        ? await ctx.bridge.mergeForms(await formUploads(forms.picked))
        : await ctx.bridge.mergeForms();
      if (forms.merged.ok && files) {
        // Merged: the same files again would only add a log row.
        formsInput.value = '';
        forms.picked = [];
      }
    } catch (e) {
      forms.failure = messageOf(e);
    }
    forms.merging = false;
    if (ctx.tab === 'rank') ctx.focusKey = 'forms:merge';
    ctx.render();
    const s = forms.merged;
    ctx.announce(
      forms.failure
        ? formatMessage(U.forms.crashed, { message: forms.failure })
        : s?.ok && s.nothingFound
          ? U.summary.nothingToMerge
          : s?.ok
            ? formatMessage(U.forms.merged, { count: s.merged.length })
            : formatMessage(U.forms.mergeFailed, { count: s?.errors.length ?? 0 }),
    );
  }

  return { section: formsSection, dispose: revokeDownload };
}
