/**
 * "Kết quả năm trước" on "Xếp hạng" (issue 17). Excel (previousFrom 'files'): the user picks last
 * year's ranked workbook and its "Kết quả" is copied into the sheet "Kết quả năm trước" at once;
 * the card says how many units it found, or why nothing was written. Sheets (previousFrom
 * 'sheet'): an instruction to paste last year's "Kết quả" into a sheet of that name.
 */
import { formatMessage, vi } from '../../shared/i18n/vi';
import { PREVIOUS_SHEET } from '../../shared/workbook/previousSheet';
import type { PreviousLoaded } from '../bridge';
import { h, newId, type Child } from '../dom';
import { messageOf, type ViewContext } from './context';
import { issueList, sheetLinks } from './fields';
import { formUploads } from './forms';

const P = vi.previousHost;

/** The card, with its own state: a load under way and its outcome. */
export function previousView(ctx: ViewContext): () => HTMLElement {
  let loading = false;
  let loaded: PreviousLoaded | undefined;
  let file = '';
  let failure: string | undefined;
  const inputId = newId('xh-previous');
  // Built once: a re-render must not drop what the input holds while a load runs.
  const input = h('input', {
    type: 'file',
    id: inputId,
    class: 'xh-file',
    key: 'previous:file',
    accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    on: { change: () => void load() },
  });

  async function load(): Promise<void> {
    const picked = input.files?.[0];
    if (!picked || loading || !ctx.bridge.loadPrevious) return;
    loading = true;
    loaded = undefined;
    failure = undefined;
    file = picked.name;
    ctx.announce(P.loading);
    ctx.render();
    try {
      const [upload] = await formUploads([picked]);
      loaded = await ctx.bridge.loadPrevious(upload);
    } catch (e) {
      failure = messageOf(e);
    }
    loading = false;
    // The same file picked again after a fix must fire "change" again.
    input.value = '';
    if (ctx.tab === 'rank') ctx.focusKey = 'previous:file';
    ctx.render();
    ctx.announce(
      failure
        ? formatMessage(P.crashed, { message: failure })
        : loaded?.ok
          ? formatMessage(P.loaded, { count: loaded.units, file, sheet: loaded.sheet })
          : P.failed,
    );
  }

  function outcome(): Child {
    if (loading)
      return h(
        'p',
        { class: 'xh-hint', 'aria-busy': 'true' },
        h('span', { class: 'xh-spinner', 'aria-hidden': 'true' }),
        P.loading,
      );
    if (failure)
      return h(
        'div',
        { class: 'xh-card xh-card-error', role: 'alert' },
        formatMessage(P.crashed, { message: failure }),
      );
    if (!loaded) return null;
    if (!loaded.ok)
      return h(
        'div',
        { class: 'xh-card xh-card-error', 'data-previous': 'errors' },
        h('p', {}, P.failed),
        issueList(ctx, loaded.errors, 'previous-error'),
      );
    return h(
      'div',
      { class: 'xh-forms-result', 'data-previous': 'loaded' },
      h(
        'p',
        { class: 'xh-ok-text' },
        formatMessage(P.loaded, { count: loaded.units, file, sheet: loaded.sheet }),
      ),
      sheetLinks(ctx, vi.ui.rank.sheets, [loaded.sheet], 'previous:sheet:'),
    );
  }

  return () => {
    input.disabled = loading;
    return h(
      'section',
      { class: 'xh-section xh-previous', 'aria-labelledby': 'xh-previous-title' },
      h('h2', { class: 'xh-h2', id: 'xh-previous-title' }, P.title),
      ctx.bridge.previousFrom === 'files' && ctx.bridge.loadPrevious
        ? [
            h('p', { class: 'xh-hint' }, formatMessage(P.intro, { sheet: PREVIOUS_SHEET })),
            h('div', { class: 'xh-field' }, h('label', { for: inputId }, P.pick), input),
            outcome(),
          ]
        : h(
            'p',
            { class: 'xh-hint', 'data-previous': 'paste' },
            formatMessage(P.sheetsHint, {
              results: vi.workbook.sheets.results,
              sheet: PREVIOUS_SHEET,
            }),
          ),
    );
  };
}
