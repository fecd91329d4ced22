/**
 * "Xếp hạng": runs the campaign and shows its summary (the template and forms cards below it).
 * With unsaved edits the button saves first ("Lưu và xếp hạng") and ranks only once saved; in a
 * workbook without a campaign "Tạo mẫu" is the action, and after it what was made and what next.
 */
import { formatMessage, vi } from '../../shared/i18n/vi';
import type { RunSummary } from '../bridge';
import { h, type Child } from '../dom';
import { settingsOf } from '../model/settings';
import { displayTime, indexText } from '../model/text';
import { messageOf, type ViewContext } from './context';
import { details, issueList, sheetLinks } from './fields';
import { reportCard } from './report';
import type { TemplateView } from './setup';

const U = vi.ui;

/** The "Xếp hạng" panel, with its own state: a run under way and the last run's summary. */
export function rankView(
  ctx: ViewContext,
  initialSummary: RunSummary | undefined,
  templateForm: TemplateView,
  /** The cards under the summary: the forms, last year's results. */
  formsSection: () => Child,
): () => Child {
  let running = false;
  let summary: RunSummary | undefined = initialSummary;
  let rankFailure: string | undefined;
  /** The save before a run did not go through: nothing was ranked. */
  let notSaved = false;
  /** "Đưa vào báo cáo": copy the tables, download the Word appendix. */
  const report = reportCard(ctx);

  function rankPanel(): Child {
    // No campaign yet: "Tạo mẫu" is the one action; there is nothing to rank.
    if (ctx.load.kind === 'empty')
      return [h('p', { class: 'xh-lead' }, U.rank.intro), templateForm(), resultView()];
    const saveFirst = ctx.dirty;
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
          : saveFirst
            ? U.summary.saveAndRank
            : U.rank.button,
      ),
      saveFirst && h('p', { class: 'xh-note' }, U.summary.saveAndRankHint),
      notSaved && h('p', { class: 'xh-note xh-bad-note', role: 'alert' }, U.summary.notSaved),
      !summary && templateForm.next(),
      resultView(),
      formsSection(),
    ];
  }

  async function doRank(): Promise<void> {
    if (running) return;
    notSaved = false;
    if (ctx.dirty) {
      // Rank what the user is looking at: save first, and rank only when it was saved.
      const saved = await ctx.save();
      if (!saved) {
        notSaved = true;
        ctx.focusKey = 'rank';
        ctx.render();
        ctx.announce(U.summary.notSaved);
        return;
      }
    }
    running = true;
    rankFailure = undefined;
    report.reset();
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
        ctx.help('errors'),
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
    const M = U.summary;
    const stat = (name: string, label: string, value: number): HTMLElement =>
      h(
        'div',
        { class: 'xh-stat' },
        h('span', { class: 'xh-stat-value', 'data-stat': name }, String(value)),
        h('span', { class: 'xh-stat-label' }, label),
      );
    const groups = (list: readonly { block: string; units: string[] }[]): Child =>
      h(
        'ul',
        { class: 'xh-plain-list' },
        list.map((g) =>
          h('li', {}, formatMessage(M.group, { block: g.block, units: g.units.join(', ') })),
        ),
      );
    const reviews = s.reviews ?? [];
    const decisions = s.decisions ?? [];
    const unscored = s.unscored ?? 0;
    return h(
      'section',
      { class: 'xh-summary', 'data-result': 'ok' },
      h('p', { class: 'xh-hint' }, formatMessage(U.rank.lastRun, { time: displayTime(s.time) })),
      unscored > 0 &&
        h(
          'p',
          { class: 'xh-card xh-card-warning', 'data-summary': 'unscored' },
          unscored === s.units ? M.unscoredAll : formatMessage(M.unscored, { count: unscored }),
        ),
      h(
        'div',
        { class: 'xh-stats' },
        stat('units', U.rank.units, s.units),
        stat('proposals', U.rank.proposals, s.proposals),
        stat('warnings', U.rank.warningsShort, s.warnings.length),
      ),
      report.view(s),
      decisions.length > 0 &&
        h(
          'section',
          { class: 'xh-card xh-card-warning', 'data-summary': 'decisions' },
          h('h2', { class: 'xh-h3' }, formatMessage(M.decisions, { count: decisions.length })),
          ctx.help('ties'),
          h(
            'ul',
            { class: 'xh-plain-list' },
            decisions.map((d) => {
              const p = { ...d, count: d.units.length, units: d.units.join(', ') };
              return h(
                'li',
                { 'data-decision': d.kind },
                h('p', {}, formatMessage(d.kind === 'cut' ? M.decision : M.ballotDecision, p)),
                h(
                  'p',
                  { class: 'xh-hint' },
                  d.kind === 'cut' ? formatMessage(M.decisionTodo, p) : M.ballotTodo,
                ),
              );
            }),
          ),
        ),
      reviews.length > 0 &&
        h(
          'section',
          { class: 'xh-card xh-card-warning', 'data-summary': 'reviews' },
          h('h2', { class: 'xh-h3' }, formatMessage(M.reviews, { count: reviews.length })),
          h('p', { class: 'xh-hint' }, M.reviewsHint),
          ctx.help('rounds'),
          issueList(ctx, reviews, 'rank-review'),
        ),
      (s.awards || s.runnersUp) &&
        h(
          'section',
          { class: 'xh-card', 'data-summary': 'proposals' },
          h('h2', { class: 'xh-h3' }, M.proposals),
          (s.awards ?? []).length === 0 && h('p', { class: 'xh-hint' }, M.noProposals),
          (s.awards ?? []).map((a) => [h('h3', { class: 'xh-h4' }, a.award), groups(a.blocks)]),
          (s.runnersUp ?? []).length > 0 && [
            h('h3', { class: 'xh-h4' }, vi.awards.runnersUpLabel),
            groups(s.runnersUp ?? []),
          ],
        ),
      s.blocks.map((b, i) =>
        h(
          'section',
          { class: 'xh-card xh-block' },
          h(
            'div',
            { class: 'xh-card-head' },
            h('h2', { class: 'xh-h3' }, b.name),
            h(
              'span',
              { class: 'xh-hint', 'data-block-count': String(i) },
              b.top.length < b.units
                ? formatMessage(M.topOf, { shown: b.top.length, count: b.units })
                : formatMessage(U.rank.blockUnits, { count: b.units }),
            ),
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
                  h('td', {}, u.scored === false ? M.notScored : u.band),
                ),
              ),
            ),
          ),
          b.top.length < b.units &&
            s.sheets.includes(vi.workbook.sheets.results) &&
            seeAll(sheetLinks(ctx, M.seeAll, [vi.workbook.sheets.results], `results:${i}:`)),
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

  /** The "Xem đủ: Kết quả" line of a block: a sheet link, not the list of sheets written. */
  function seeAll(links: Child): Child {
    if (links instanceof HTMLElement) links.className = 'xh-see-all';
    return links;
  }

  return rankPanel;
}
