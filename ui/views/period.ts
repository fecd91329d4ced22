/**
 * "Xếp hạng giai đoạn" (issue 17, docs/period.md): a card under the forms on "Xếp hạng", closed
 * until asked for. Where files can be picked (Excel: the bridge has rankPeriod) the user picks
 * the yearly ranked workbooks, sets the minimum number of years and optionally one period award,
 * and the host writes the period sheets into the open workbook; elsewhere (Sheets) the card says
 * how to get the period result (Excel or `xephang period`).
 */
import { DEFAULT_PERIOD_SETTINGS } from '../../shared/period/period';
import { formatMessage, vi } from '../../shared/i18n/vi';
import type { PeriodOptions, PeriodSummary } from '../bridge';
import { h, newId, type Child } from '../dom';
import { messageOf, type ViewContext } from './context';
import { issueList, sheetLinks } from './fields';
import { formUploads } from './forms';

const T = vi.periodPane;

/** The period card, with its own state: open or not, the files and settings, the last run. */
export function periodView(ctx: ViewContext): () => HTMLElement {
  const state = {
    open: false,
    running: false,
    picked: [] as File[],
    minYears: String(DEFAULT_PERIOD_SETTINGS.minYears),
    award: '',
    quota: '1',
    excellentYears: '0',
    everyYear: false,
    /** Why a number typed does not read (nothing was run). */
    invalid: undefined as string | undefined,
    summary: undefined as PeriodSummary | undefined,
    failure: undefined as string | undefined,
  };
  const ids = {
    files: newId('xh-period-files'),
    minYears: newId('xh-period-min'),
    award: newId('xh-period-award'),
    awardHint: newId('xh-period-award-hint'),
    quota: newId('xh-period-quota'),
    excellent: newId('xh-period-excellent'),
    every: newId('xh-period-every'),
    body: newId('xh-period-body'),
  };
  // Built once and moved into each render: a re-render must not drop the files picked.
  const filesInput = h('input', {
    type: 'file',
    id: ids.files,
    class: 'xh-file',
    key: 'period:files',
    multiple: true,
    accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    on: {
      change: () => {
        state.picked = Array.from(filesInput.files ?? []);
        state.summary = undefined;
        ctx.focusKey = 'period:files';
        ctx.render();
      },
    },
  });

  const numberField = (
    id: string,
    key: 'minYears' | 'quota' | 'excellentYears',
    label: string,
    min: number,
  ): HTMLElement => {
    const input = h('input', {
      id,
      key: `period:${key}`,
      type: 'number',
      class: 'xh-input',
      min: String(min),
      step: '1',
      value: state[key],
    });
    input.addEventListener('input', () => (state[key] = input.value));
    return h('div', { class: 'xh-field xh-short' }, h('label', { for: id }, label), input);
  };

  /** What the pane sets, or why a number does not read. */
  function options(): PeriodOptions | string {
    const whole = (text: string, field: string, min: number): number | string => {
      const n = Number(text.trim());
      return /^\d+$/.test(text.trim()) && n >= min ? n : formatMessage(T.badWhole, { field, min });
    };
    const minYears = whole(state.minYears, T.minYears, 1);
    if (typeof minYears === 'string') return minYears;
    if (state.award.trim() === '') return { minYears };
    const quota = whole(state.quota, T.quota, 0);
    if (typeof quota === 'string') return quota;
    const excellent = whole(state.excellentYears, T.excellentYears, 0);
    if (typeof excellent === 'string') return excellent;
    return {
      minYears,
      award: {
        name: state.award.trim(),
        quota,
        ...(excellent > 0 ? { minExcellentYears: excellent } : {}),
        ...(state.everyYear ? { everyYear: true } : {}),
      },
    };
  }

  async function run(): Promise<void> {
    const rank = ctx.bridge.rankPeriod?.bind(ctx.bridge);
    if (!rank || state.running || state.picked.length === 0) return;
    const o = options();
    state.invalid = typeof o === 'string' ? o : undefined;
    state.summary = undefined;
    state.failure = undefined;
    if (typeof o === 'string') {
      ctx.focusKey = 'period:run';
      ctx.render();
      ctx.announce(o);
      return;
    }
    state.running = true;
    ctx.announce(T.running);
    ctx.render();
    try {
      state.summary = await rank(await formUploads(state.picked), o);
    } catch (e) {
      state.failure = messageOf(e);
    }
    state.running = false;
    if (ctx.tab === 'rank') ctx.focusKey = 'period:run';
    ctx.render();
    const s = state.summary;
    ctx.announce(
      state.failure
        ? formatMessage(T.crashed, { message: state.failure })
        : s?.ok
          ? formatMessage(T.done, { ...s, years: s.years.length })
          : formatMessage(T.failed, { count: s?.errors.length ?? 0 }),
    );
  }

  function resultView(): Child {
    if (state.invalid)
      return h('p', { class: 'xh-note xh-bad-note', role: 'alert' }, state.invalid);
    if (state.failure)
      return h(
        'div',
        { class: 'xh-card xh-card-error', role: 'alert' },
        formatMessage(T.crashed, { message: state.failure }),
      );
    const s = state.summary;
    if (!s) return null;
    if (!s.ok)
      return h(
        'div',
        { class: 'xh-card xh-card-error', 'data-period': 'errors' },
        h('p', {}, formatMessage(T.failed, { count: s.errors.length })),
        h('p', { class: 'xh-hint' }, T.failedHint),
        issueList(ctx, s.errors, 'period-error'),
      );
    return h(
      'div',
      { class: 'xh-forms-result', 'data-period': 'done' },
      h('p', { class: 'xh-ok-text' }, formatMessage(T.done, { ...s, years: s.years.length })),
      s.sheets.length > 1 &&
        h('p', { class: 'xh-hint' }, formatMessage(T.proposals, { count: s.proposals })),
      sheetLinks(ctx, vi.ui.rank.sheets, s.sheets, 'period:sheet:'),
    );
  }

  function body(): Child {
    if (!ctx.bridge.rankPeriod)
      return h('p', { class: 'xh-hint', 'data-period': 'note' }, T.sheetsNote);
    const award = h('input', {
      id: ids.award,
      key: 'period:award',
      type: 'text',
      class: 'xh-input',
      value: state.award,
      'aria-describedby': ids.awardHint,
    });
    award.addEventListener('input', () => (state.award = award.value));
    const every = h('input', {
      type: 'checkbox',
      id: ids.every,
      key: 'period:every',
      checked: state.everyYear,
    });
    every.addEventListener('change', () => (state.everyYear = every.checked));
    return [
      h('p', { class: 'xh-hint' }, T.intro),
      h(
        'div',
        { class: 'xh-field' },
        h('label', { for: ids.files }, T.pick),
        filesInput,
        state.picked.length > 0 &&
          h(
            'p',
            { class: 'xh-hint', 'data-period': 'picked' },
            formatMessage(T.picked, {
              count: state.picked.length,
              files: state.picked.map((f) => f.name).join(', '),
            }),
          ),
      ),
      numberField(ids.minYears, 'minYears', T.minYears, 1),
      h(
        'fieldset',
        { class: 'xh-checks' },
        h('legend', {}, T.award),
        h(
          'div',
          { class: 'xh-field' },
          h('label', { for: ids.award }, T.awardName),
          award,
          h('p', { class: 'xh-hint', id: ids.awardHint }, T.awardHint),
        ),
        numberField(ids.quota, 'quota', T.quota, 0),
        numberField(ids.excellent, 'excellentYears', T.excellentYears, 0),
        h('div', { class: 'xh-check' }, every, h('label', { for: ids.every }, T.everyYear)),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'xh-button xh-primary',
          key: 'period:run',
          disabled: state.running || state.picked.length === 0,
          'aria-busy': state.running ? 'true' : undefined,
          on: { click: () => void run() },
        },
        state.running
          ? [h('span', { class: 'xh-spinner', 'aria-hidden': 'true' }), T.running]
          : T.button,
      ),
      resultView(),
    ];
  }

  return () =>
    h(
      'section',
      { class: 'xh-section xh-period', 'aria-labelledby': 'xh-period-title' },
      h(
        'h2',
        { class: 'xh-h2', id: 'xh-period-title' },
        h(
          'button',
          {
            type: 'button',
            class: 'xh-link',
            key: 'period:open',
            'aria-expanded': String(state.open),
            'aria-controls': ids.body,
            on: {
              click: () => {
                state.open = !state.open;
                ctx.focusKey = 'period:open';
                ctx.render();
              },
            },
          },
          T.title,
        ),
      ),
      h('div', { id: ids.body, hidden: !state.open }, state.open && body()),
    );
}
