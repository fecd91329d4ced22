/**
 * The one task pane UI (Excel task pane, Google Sheets sidebar): "Xếp hạng" runs a campaign and
 * shows its summary; the editors change the campaign setup ("Cấu hình", "Tiêu chí") and save it
 * through the host bridge. Plain DOM built by ui/dom.ts (text is always text, never markup);
 * every string comes from vi.ui and the workbook vocabulary in shared/i18n/vi.ts.
 *
 * This file is the shell: the tabs, the setup being edited (loaded, drafts, unsaved) and the save
 * bar. Each tab is a view in ui/views/ ("Xếp hạng" with the self-assessment forms and "Tạo mẫu",
 * "Tiêu chí", "Khối", "Khen thưởng", "Thiết lập"), handed a ViewContext.
 *
 * Rendering: a change of structure (add, move, remove, a select, a tab) re-renders the panel and
 * puts the focus back on the element with the same data-key. A text commit never re-renders —
 * it updates the model and then refreshes the labels bound to it — so a click that blurred the
 * field still lands on the button it was aimed at.
 */
import { formatMessage, vi } from '../shared/i18n/vi';
import type { CampaignSetup, HostBridge, IssueView, RunSummary } from './bridge';
import { h, replaceChildren, type Child } from './dom';
import { helpLink, type HelpOptions } from './help';
import { cloneSetup, markOrigins, walkCriteria } from './model/setup';
import { awardsPanel } from './views/awards';
import { blocksPanel } from './views/blocks';
import { messageOf, type Draft, type Load, type Tab, type ViewContext } from './views/context';
import { criteriaView } from './views/criteria';
import { issueList } from './views/fields';
import { formsView } from './views/forms';
import { previousView } from './views/previous';
import { periodView } from './views/period';
import { rankView } from './views/rank';
import { settingsPanel } from './views/settings';
import { setupStatus, setupWarnings, templateView } from './views/setup';

const U = vi.ui;

const TABS: readonly Tab[] = ['rank', 'criteria', 'blocks', 'awards', 'settings'];

export interface AppHandle {
  /** Resolves when the first loadSetup has been answered and shown. */
  readonly ready: Promise<void>;
  /** The working copy being edited (undefined unless the setup loaded). */
  readonly setup: CampaignSetup | undefined;
  /** Edits not yet saved to the workbook. */
  readonly dirty: boolean;
  /** The save bar's "Lưu": true only when the setup was written (questions answered "Vẫn lưu"). */
  save(): Promise<boolean>;
  unmount(): void;
}

type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'errors'; errors: IssueView[] }
  | { kind: 'blocked'; count: number }
  | { kind: 'failed'; message: string }
  /** The host asks first (typed scores dropped, a nomination's basis): "Vẫn lưu" or "Huỷ". */
  | { kind: 'confirm'; questions: IssueView[] }
  | { kind: 'cancelled' };

export interface MountOptions {
  /**
   * A run the host already made before the pane opened (e.g. "Xếp hạng" from the Sheets menu
   * that found errors): shown on "Xếp hạng" as if the button had been pressed.
   */
  initialSummary?: RunSummary;
  /**
   * The tab to open on (the ribbon's "Cấu hình" in Excel, the menu's "Cấu hình…" in Sheets open
   * the pane on "Thiết lập"); "Xếp hạng" when absent, or when initialSummary is given.
   */
  initialTab?: Tab;
  /**
   * Where the user guide is and how a page of it opens (ui/help.ts); by default `huong-dan/`
   * beside the page, opened by the link itself in a new window.
   */
  help?: HelpOptions;
}

/** The tab a host's request names ("settings" from ?view=settings), if it is one. */
export function tabFromView(view: string | null | undefined): Tab | undefined {
  return TABS.find((t) => t === view);
}

export function mountApp(
  root: HTMLElement,
  bridge: HostBridge,
  options: MountOptions = {},
): AppHandle {
  let load: Load = { kind: 'loading' };
  let setup: CampaignSetup | undefined;
  let dirty = false;
  let tab: Tab = options.initialSummary ? 'rank' : (options.initialTab ?? 'rank');
  const drafts = new Map<string, Draft>();
  /** The data-key of a destructive button waiting for its second click. */
  let confirming: string | undefined;
  let saving = false;
  let saveStatus: SaveStatus | undefined;
  const openDetails = new Set<string>();
  let focusKey: string | undefined;
  let bindings: (() => void)[] = [];
  let unmounted = false;

  const helpOptions: HelpOptions = options.help ?? {
    base: new URL('huong-dan/', location.href).href,
  };

  const ids = new WeakMap<object, number>();
  let nextUid = 0;
  const uid = (o: object): number => {
    let n = ids.get(o);
    if (n === undefined) ids.set(o, (n = ++nextUid));
    return n;
  };

  // ---- Shell: built once; only the panel is rebuilt -------------------------------------------

  const tabId = (t: Tab): string => `xh-tab-${t}`;
  const panelId = 'xh-panel';
  /** Per tab: its "có lỗi" mark (a dot, and words in the tab's name for screen readers). */
  const tabMarks = new Map<Tab, HTMLElement>();
  const tabButtons = TABS.map((t) => {
    // Its words are there only while it is shown: the tab's name is otherwise just its label.
    const mark = h(
      'span',
      { class: 'xh-tab-mark', hidden: true },
      h('span', { class: 'xh-sr-only' }),
    );
    tabMarks.set(t, mark);
    return h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: tabId(t),
        class: 'xh-tab',
        'aria-controls': panelId,
        on: { click: () => selectTab(t), keydown: (e) => tabKeys(e as KeyboardEvent, t) },
      },
      U.tabs[t],
      mark,
    );
  });
  // Always laid out, shown or not (visibility), so the title never moves when it appears.
  const dirtyBadge = h('span', { class: 'xh-dirty', 'aria-hidden': 'true' }, U.save.unsavedShort);
  const tablist = h(
    'div',
    { role: 'tablist', class: 'xh-tabs', 'aria-label': U.tabsLabel },
    tabButtons,
  );
  const panel = h('div', { role: 'tabpanel', id: panelId, class: 'xh-panel', tabindex: '-1' });
  const live = h('div', { class: 'xh-sr-only', 'aria-live': 'polite', role: 'status' });
  const saveStatusEl = h('p', { class: 'xh-save-status' });
  const discardButton = h(
    'button',
    { type: 'button', class: 'xh-button', key: 'discard', on: { click: () => void discard() } },
    U.save.discard,
  );
  const saveButton = h(
    'button',
    {
      type: 'button',
      class: 'xh-button xh-primary',
      key: 'save',
      on: { click: () => void save() },
    },
    U.save.button,
  );
  const saveErrors = h('div', { class: 'xh-save-errors' });
  /** The answer a save waiting on its questions gets: "Vẫn lưu" (true) or "Huỷ" (false). */
  let answer: ((yes: boolean) => void) | undefined;
  const reply = (yes: boolean): void => {
    const a = answer;
    answer = undefined;
    a?.(yes);
  };
  const confirmButton = h(
    'button',
    {
      type: 'button',
      class: 'xh-button xh-primary',
      key: 'save-confirm',
      hidden: true,
      on: { click: () => reply(true) },
    },
    U.saveReview.confirm,
  );
  const cancelButton = h(
    'button',
    {
      type: 'button',
      class: 'xh-button',
      key: 'save-cancel',
      hidden: true,
      on: { click: () => reply(false) },
    },
    U.saveReview.cancel,
  );
  const saveBar = h(
    'div',
    { class: 'xh-savebar', hidden: true },
    saveStatusEl,
    saveErrors,
    h('div', { class: 'xh-savebar-row' }, saveButton, discardButton, confirmButton, cancelButton),
  );
  const app = h(
    'div',
    { class: 'xh-app' },
    h('header', { class: 'xh-header' }, h('h1', { class: 'xh-title' }, U.title), dirtyBadge),
    h('main', { class: 'xh-main' }, tablist, panel, saveBar, live),
  );
  root.appendChild(app);

  // ---- Views: each tab renders from this context; the stateful ones keep their state -----

  const ctx: ViewContext = {
    bridge,
    panel,
    get load() {
      return load;
    },
    get setup() {
      return setup;
    },
    get dirty() {
      return dirty;
    },
    get tab() {
      return tab;
    },
    get unmounted() {
      return unmounted;
    },
    drafts,
    openDetails,
    get confirming() {
      return confirming;
    },
    set confirming(key) {
      confirming = key;
    },
    get focusKey() {
      return focusKey;
    },
    set focusKey(key) {
      focusKey = key;
    },
    uid,
    render,
    touched,
    typing,
    bind: (update) => void bindings.push(update),
    announce,
    reload,
    save,
    help: (topic) => h('p', { class: 'xh-help-row' }, helpLink(topic, helpOptions)),
  };
  const forms = formsView(ctx);
  const templateForm = templateView(ctx);
  const previous = previousView(ctx);
  const period = periodView(ctx);
  // The forms, last year's results, and "Xếp hạng giai đoạn" (closed until asked for).
  const rankPanel = rankView(ctx, options.initialSummary, templateForm, () => [
    forms.section(),
    previous(),
    period(),
  ]);
  const criteria = criteriaView(ctx);

  function selectTab(t: Tab): void {
    tab = t;
    confirming = undefined;
    render();
  }

  function tabKeys(e: KeyboardEvent, t: Tab): void {
    const i = TABS.indexOf(t);
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (i + TABS.length - 1) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    selectTab(TABS[to]);
    tabButtons[to].focus();
  }

  /** Where the tab row scrolls (a font wider than Segoe UI at 300 px), the selected tab is seen. */
  function showSelectedTab(): void {
    const b = tabButtons[TABS.indexOf(tab)];
    const from = b.offsetLeft;
    const to = from + b.offsetWidth;
    if (from < tablist.scrollLeft) tablist.scrollLeft = from;
    else if (to > tablist.scrollLeft + tablist.clientWidth)
      tablist.scrollLeft = to - tablist.clientWidth;
  }

  // ---- Rendering ------------------------------------------------------------------------------

  function keyed(key: string): HTMLElement | undefined {
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-key]')))
      if (el.dataset.key === key) return el;
    return undefined;
  }

  function render(): void {
    if (unmounted) return;
    const active = document.activeElement as HTMLElement | null;
    const restoring = focusKey === undefined;
    const key = focusKey ?? (active && panel.contains(active) ? active.dataset.key : undefined);
    const selection =
      restoring && (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement)
        ? [active.selectionStart, active.selectionEnd]
        : undefined;
    const focusWasInPanel = active !== null && panel.contains(active);
    focusKey = undefined;
    bindings = [];
    tabButtons.forEach((b, i) => {
      const on = TABS[i] === tab;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
    });
    showSelectedTab();
    panel.setAttribute('aria-labelledby', tabId(tab));
    replaceChildren(panel, renderPanel());
    refresh();
    const target = key !== undefined ? keyed(key) : undefined;
    if (target) {
      target.focus();
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
        if (selection) {
          try {
            target.setSelectionRange(selection[0], selection[1]);
          } catch {
            // not a text control (checkbox): nothing to restore
          }
        } else if (!restoring) target.select();
      }
    } else if (focusWasInPanel && !panel.contains(document.activeElement)) panel.focus();
  }

  /** Updates every label bound to the model and the save bar, without rebuilding anything. */
  function refresh(): void {
    for (const b of bindings) b();
    updateSaveBar();
    updateTabMarks();
  }

  /** Marks each tab holding a field that does not read (a draft), wherever the user is. */
  function updateTabMarks(): void {
    const invalid = new Set(liveDrafts().map(([, d]) => d.tab));
    for (const [t, mark] of tabMarks) {
      const on = invalid.has(t);
      if (mark.hidden === on) {
        mark.hidden = !on;
        (mark.firstChild as HTMLElement).textContent = on ? ` (${U.shell.tabInvalid})` : '';
      }
      tabButtons[TABS.indexOf(t)].classList.toggle('xh-tab-invalid', on);
    }
  }
  /** After a model change: unsaved, and every bound label follows. */
  function touched(): void {
    reply(false);
    dirty = true;
    saveStatus = undefined;
    confirming = undefined;
    refresh();
  }

  function announce(text: string): void {
    live.textContent = text;
  }

  /** The first keystroke in a field: unsaved, before the text is committed. */
  function typing(): void {
    if (!dirty) {
      reply(false);
      dirty = true;
      saveStatus = undefined;
      updateSaveBar();
    }
  }

  function renderPanel(): Child {
    if (tab === 'rank') return rankPanel();
    if (load.kind !== 'ready' || !setup) return setupStatus(ctx, templateForm);
    const s = setup;
    const body =
      tab === 'criteria'
        ? criteria.panel(s)
        : tab === 'blocks'
          ? blocksPanel(ctx, s)
          : tab === 'awards'
            ? awardsPanel(ctx, s)
            : settingsPanel(ctx, s);
    return [setupWarnings(ctx), body];
  }

  // ---- Loading --------------------------------------------------------------------------------

  /** Reads the setup again; `showLoading` blanks the editors while waiting. */
  async function reload(showLoading: boolean): Promise<void> {
    if (showLoading) {
      load = { kind: 'loading' };
      render();
    }
    let state: Load;
    try {
      state = await bridge.loadSetup();
    } catch (e) {
      state = { kind: 'failed', message: messageOf(e) };
    }
    applyLoad(state);
  }

  /** Shows a loaded setup, keeping the selected and collapsed criteria by their codes. */
  function applyLoad(state: Load): void {
    const before = setup;
    load = state;
    drafts.clear();
    dirty = false;
    confirming = undefined;
    setup = state.kind === 'ready' ? markOrigins(cloneSetup(state.setup)) : undefined;
    criteria.carryOver(before, setup);
    render();
  }

  // ---- Save bar -------------------------------------------------------------------------------

  /** Drops drafts of objects that were removed since they were typed. */
  function liveDrafts(): [string, Draft][] {
    if (!setup) return [];
    const live = new Set<object>([setup]);
    walkCriteria(setup.criteria, (n) => live.add(n));
    setup.blocks.forEach((b) => live.add(b));
    setup.awards?.awards.forEach((a) => live.add(a));
    for (const [key, d] of drafts) if (!live.has(d.owner)) drafts.delete(key);
    return [...drafts];
  }

  let shownStatus: SaveStatus | undefined | null = null;

  function updateSaveBar(): void {
    const editing = tab !== 'rank' && load.kind === 'ready' && setup !== undefined;
    const s = saveStatus;
    const asking = s?.kind === 'confirm';
    // A question or a failed save is shown wherever the save came from (the rank tab's "Lưu và
    // xếp hạng" too), so the user never has to look for why nothing was ranked.
    const failed = s?.kind === 'errors' || s?.kind === 'blocked' || s?.kind === 'failed';
    saveBar.hidden = !editing && !asking && !failed;
    dirtyBadge.classList.toggle('xh-on', dirty);
    saveButton.hidden = asking;
    discardButton.hidden = asking;
    confirmButton.hidden = !asking;
    cancelButton.hidden = !asking;
    saveButton.disabled = saving;
    saveButton.textContent = saving ? U.save.saving : U.save.button;
    const discarding = confirming === 'discard';
    discardButton.disabled = saving || !dirty;
    discardButton.textContent = discarding ? U.save.confirmDiscard : U.save.discard;
    discardButton.classList.toggle('xh-asking', discarding);
    saveStatusEl.className = `xh-save-status${
      s?.kind === 'saved'
        ? ' xh-ok'
        : s?.kind === 'confirm' || s?.kind === 'cancelled' || (!s && dirty)
          ? ' xh-pending'
          : s
            ? ' xh-bad'
            : ''
    }`;
    saveStatusEl.textContent = saving
      ? U.save.saving
      : s?.kind === 'saved'
        ? U.save.saved
        : s?.kind === 'errors'
          ? formatMessage(U.save.failed, { count: s.errors.length })
          : s?.kind === 'blocked'
            ? formatMessage(U.save.blocked, { count: s.count })
            : s?.kind === 'failed'
              ? formatMessage(U.save.crashed, { message: s.message })
              : s?.kind === 'confirm'
                ? U.saveReview.asking
                : s?.kind === 'cancelled'
                  ? U.saveReview.cancelled
                  : dirty
                    ? U.save.unsaved
                    : U.save.clean;
    if (shownStatus !== s) {
      shownStatus = s;
      replaceChildren(
        saveErrors,
        s?.kind === 'errors'
          ? issueList(ctx, s.errors, 'save-error')
          : s?.kind === 'confirm' && issueList(ctx, s.questions, 'save-question'),
      );
    }
  }

  /**
   * Saves the working copy. When the host asks first (SaveResult.confirm), the questions are
   * shown in the save bar and the promise waits for "Vẫn lưu" (saved again, confirmed) or
   * "Huỷ" (nothing written). Resolves true only when the setup was written.
   */
  async function save(): Promise<boolean> {
    if (!setup || saving) return false;
    reply(false);
    const pending = liveDrafts();
    if (pending.length) {
      saveStatus = { kind: 'blocked', count: pending.length };
      updateSaveBar();
      announce(saveStatusEl.textContent ?? '');
      keyed(pending[0][0])?.focus();
      return false;
    }
    let confirmed = false;
    for (;;) {
      saving = true;
      saveStatus = undefined;
      confirming = undefined;
      updateSaveBar();
      let status: SaveStatus;
      try {
        const copy = cloneSetup(setup);
        const result = confirmed
          ? await bridge.saveSetup(copy, { confirmed: true })
          : await bridge.saveSetup(copy);
        status = result.ok
          ? { kind: 'saved' }
          : 'confirm' in result && result.confirm.length > 0
            ? { kind: 'confirm', questions: result.confirm }
            : { kind: 'errors', errors: result.errors };
      } catch (e) {
        status = { kind: 'failed', message: messageOf(e) };
      }
      if (status.kind === 'confirm' && !confirmed) {
        saving = false;
        saveStatus = status;
        updateSaveBar();
        announce(`${U.saveReview.asking} ${status.questions.map((q) => q.text).join(' ')}`);
        confirmButton.focus();
        const yes = await new Promise<boolean>((resolve) => (answer = resolve));
        if (unmounted) return false;
        if (!yes) {
          // An edit made meanwhile keeps its own status ("Chưa lưu"); a click on "Huỷ" says so.
          if (saveStatus === status) saveStatus = { kind: 'cancelled' };
          updateSaveBar();
          announce(saveStatusEl.textContent ?? '');
          return false;
        }
        confirmed = true;
        continue;
      }
      if (status.kind === 'saved') {
        // The sheets were laid out anew: read them back so cells in later messages are right.
        let state: Load;
        try {
          state = await bridge.loadSetup();
        } catch (e) {
          state = { kind: 'failed', message: messageOf(e) };
        }
        saving = false;
        applyLoad(state);
      } else saving = false;
      saveStatus = status;
      render();
      announce(saveStatusEl.textContent ?? '');
      return status.kind === 'saved';
    }
  }

  async function discard(): Promise<void> {
    if (confirming !== 'discard') {
      confirming = 'discard';
      updateSaveBar();
      return;
    }
    confirming = undefined;
    saveStatus = undefined;
    await reload(false);
  }

  // ---- Start ----------------------------------------------------------------------------------

  render();
  const ready = reload(false);

  return {
    ready,
    get setup() {
      return setup;
    },
    get dirty() {
      return dirty;
    },
    save,
    unmount() {
      unmounted = true;
      reply(false);
      forms.dispose();
      app.remove();
    },
  };
}
