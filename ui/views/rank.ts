/** "Xếp hạng": runs the campaign and shows its summary (the template and forms cards below it). */
import { formatMessage, vi } from '../../shared/i18n/vi';
import type { RunSummary } from '../bridge';
import { h, type Child } from '../dom';
import { settingsOf } from '../model/settings';
import { displayTime, indexText } from '../model/text';
import { messageOf, type ViewContext } from './context';
import { details, issueList, sheetLinks } from './fields';

const U = vi.ui;

/** The "Xếp hạng" panel, with its own state: a run under way and the last run's summary. */
export function rankView(
  ctx: ViewContext,
  initialSummary: RunSummary | undefined,
  templateForm: () => HTMLElement,
  formsSection: () => HTMLElement,
): () => Child {
  let running = false;
  let summary: RunSummary | undefined = initialSummary;
  let rankFailure: string | undefined;

  function rankPanel(): Child {
    return [
      h('p', { class: 'xh-lead' }, U.rank.intro),
      h(
        'button',
        {
          type: 'button',
          class: 'xh-button xh-primary xh-big',
          key: 'rank',
          disabled: running,
          'aria-busy': running ? 'true' : undefined,
          on: { click: () => void doRank() },
        },
        running
          ? [h('span', { class: 'xh-spinner', 'aria-hidden': 'true' }), U.rank.running]
          : U.rank.button,
      ),
      ctx.dirty && h('p', { class: 'xh-note' }, U.rank.unsavedHint),
      ctx.load.kind === 'empty' && templateForm(),
      resultView(),
      ctx.load.kind !== 'empty' && formsSection(),
    ];
  }

  async function doRank(): Promise<void> {
    if (running) return;
    running = true;
    rankFailure = undefined;
    ctx.announce(U.rank.running);
    ctx.render();
    try {
      summary = await ctx.bridge.rank();
    } catch (e) {
      summary = undefined;
      rankFailure = messageOf(e);
    }
    running = false;
    if (ctx.tab === 'rank') ctx.focusKey = 'rank';
    ctx.render();
    ctx.announce(
      rankFailure
        ? formatMessage(U.rank.crashed, { message: rankFailure })
        : summary?.ok
          ? formatMessage(U.rank.done, { units: summary.units, proposals: summary.proposals })
          : formatMessage(U.rank.failed, { count: summary?.errors.length ?? 0 }),
    );
  }

  function resultView(): Child {
    if (rankFailure)
      return h(
        'div',
        { class: 'xh-card xh-card-error', role: 'alert' },
        formatMessage(U.rank.crashed, { message: rankFailure }),
      );
    const s = summary;
    if (!s) return null;
    if (!s.ok)
      return h(
        'section',
        { class: 'xh-card xh-card-error', 'data-result': 'errors' },
        h('h2', { class: 'xh-h2' }, formatMessage(U.rank.failed, { count: s.errors.length })),
        h('p', { class: 'xh-hint' }, U.rank.failedHint),
        issueList(ctx, s.errors, 'rank-error'),
        s.warnings.length > 0 &&
          details(
            ctx,
            'rank-warnings',
            formatMessage(U.rank.warnings, { count: s.warnings.length }),
            issueList(ctx, s.warnings, 'rank-warning'),
          ),
      );
    const decimals = ctx.setup ? settingsOf(ctx.setup).decimals : 2;
    const stat = (name: string, label: string, value: number): HTMLElement =>
      h(
        'div',
        { class: 'xh-stat' },
        h('span', { class: 'xh-stat-value', 'data-stat': name }, String(value)),
        h('span', { class: 'xh-stat-label' }, label),
      );
    return h(
      'section',
      { class: 'xh-summary', 'data-result': 'ok' },
      h('p', { class: 'xh-hint' }, formatMessage(U.rank.lastRun, { time: displayTime(s.time) })),
      h(
        'div',
        { class: 'xh-stats' },
        stat('units', U.rank.units, s.units),
        stat('proposals', U.rank.proposals, s.proposals),
        stat('warnings', U.rank.warningsShort, s.warnings.length),
      ),
      s.blocks.map((b) =>
        h(
          'section',
          { class: 'xh-card xh-block' },
          h(
            'div',
            { class: 'xh-card-head' },
            h('h2', { class: 'xh-h3' }, b.name),
            h('span', { class: 'xh-hint' }, formatMessage(U.rank.blockUnits, { count: b.units })),
          ),
          h(
            'table',
            { class: 'xh-top' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col', class: 'xh-num' }, U.rank.rankHeader),
                h('th', { scope: 'col' }, U.rank.unitHeader),
                h('th', { scope: 'col', class: 'xh-num' }, U.rank.indexHeader),
                h('th', { scope: 'col' }, U.rank.bandHeader),
              ),
            ),
            h(
              'tbody',
              {},
              b.top.map((u) =>
                h(
                  'tr',
                  {},
                  h('td', { class: 'xh-num' }, u.rank === null ? U.rank.noRank : String(u.rank)),
                  h('td', { class: 'xh-unit' }, u.name),
                  h('td', { class: 'xh-num' }, indexText(u.index, decimals)),
                  h('td', {}, u.band),
                ),
              ),
            ),
          ),
        ),
      ),
      s.warnings.length > 0
        ? details(
            ctx,
            'rank-warnings',
            formatMessage(U.rank.warnings, { count: s.warnings.length }),
            issueList(ctx, s.warnings, 'rank-warning'),
          )
        : h('p', { class: 'xh-hint' }, U.rank.noWarnings),
      sheetLinks(ctx, U.rank.sheets, s.sheets, 'sheet:'),
    );
  }

  return rankPanel;
}
