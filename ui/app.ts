/**
 * The one task pane UI (Excel task pane, Google Sheets sidebar): "Xếp hạng" runs a campaign and
 * shows its summary; the editors change the campaign setup ("Cấu hình", "Tiêu chí") and save it
 * through the host bridge. Plain DOM built by ui/dom.ts (text is always text, never markup);
 * every string comes from vi.ui and the workbook vocabulary in shared/i18n/vi.ts.
 *
 * "Xếp hạng" also holds the self-assessment forms: make them (Excel: a .zip to download; Sheets:
 * one sheet per unit) and merge the returned ones (Excel: .xlsx files picked here).
 *
 * Rendering: a change of structure (add, move, remove, a select, a tab) re-renders the panel and
 * puts the focus back on the element with the same data-key. A text commit never re-renders —
 * it updates the model and then refreshes the labels bound to it — so a click that blurred the
 * field still lands on the button it was aimed at.
 */
import { formatMessage, vi } from '../shared/i18n/vi';
import type { CriterionSpec, RuleKind, Settings } from '../shared/model/types';
import { base64ToBytes, bytesToBase64 } from './base64';
import type {
  CampaignSetup,
  FormsMade,
  FormUpload,
  HostBridge,
  IssueView,
  MergeSummary,
  RunSummary,
  SetupState,
} from './bridge';
import { h, newId, replaceChildren, type Child } from './dom';
import {
  addAward,
  awardGatesText,
  ensureAwards,
  GATE_KEYS,
  gateFields,
  quotaMode,
  quotaOf,
  removeAward,
  renameAward,
  setAwardGates,
  setCap,
  setGateField,
  setQuota,
  setQuotaMode,
  setRunnersUp,
  type QuotaMode,
} from './model/awards';
import { addBlock, removeBlock, renameBlock, setBlockBands } from './model/blocks';
import {
  addChild,
  addRoot,
  addSibling,
  moveCriterion,
  paramsText,
  removeCriterion,
  setCriterionBlocks,
  setCriterionCode,
  setCriterionMax,
  setRuleKind,
  setRuleParams,
} from './model/criteria';
import {
  bandsText,
  parseBandsText,
  setFormsDeadline,
  setMaxSpread,
  setRankingMethod,
  settingsOf,
  setTieBreak,
  tieBreakText,
  updateSettings,
} from './model/settings';
import {
  clearLocations,
  cloneSetup,
  findByCode,
  moveItem,
  nodeAt,
  pathOf,
  walkCriteria,
  type Path,
} from './model/setup';
import {
  displayTime,
  indexText,
  MAX_TEMPLATE_UNITS,
  numberText,
  parseCount,
  setName,
} from './model/text';

const U = vi.ui;
const W = vi.workbook;
const C = W.choices;

export type Tab = 'rank' | 'criteria' | 'blocks' | 'awards' | 'settings';
const TABS: readonly Tab[] = ['rank', 'criteria', 'blocks', 'awards', 'settings'];
const RULE_KINDS: readonly RuleKind[] = [
  'tick',
  'levels',
  'tiers',
  'proportional',
  'deduction',
  'bonus',
];

export interface AppHandle {
  /** Resolves when the first loadSetup has been answered and shown. */
  readonly ready: Promise<void>;
  /** The working copy being edited (undefined unless the setup loaded). */
  readonly setup: CampaignSetup | undefined;
  /** Edits not yet saved to the workbook. */
  readonly dirty: boolean;
  unmount(): void;
}

type Load = { kind: 'loading' } | { kind: 'failed'; message: string } | SetupState;

/** A text that does not read yet: kept as typed, with its message, until it is fixed. */
interface Draft {
  text: string;
  error: string;
  /** The object the field edits; a draft of a removed object no longer blocks saving. */
  owner: object;
}

type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'errors'; errors: IssueView[] }
  | { kind: 'blocked'; count: number }
  | { kind: 'failed'; message: string };

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

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

export interface MountOptions {
  /**
   * A run the host already made before the pane opened (e.g. "Xếp hạng" from the Sheets menu
   * that found errors): shown on "Xếp hạng" as if the button had been pressed.
   */
  initialSummary?: RunSummary;
}

export function mountApp(
  root: HTMLElement,
  bridge: HostBridge,
  options: MountOptions = {},
): AppHandle {
  let load: Load = { kind: 'loading' };
  let setup: CampaignSetup | undefined;
  let dirty = false;
  let tab: Tab = 'rank';
  const drafts = new Map<string, Draft>();
  let selected: CriterionSpec | undefined;
  let collapsed = new WeakSet<CriterionSpec>();
  /** The data-key of a destructive button waiting for its second click. */
  let confirming: string | undefined;
  let running = false;
  let summary: RunSummary | undefined = options.initialSummary;
  let rankFailure: string | undefined;
  let saving = false;
  let saveStatus: SaveStatus | undefined;
  const template = {
    units: '20',
    year: String(new Date().getFullYear()),
    busy: false,
    errors: [] as IssueView[],
    unitsError: '',
    yearError: '',
  };
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
  const openDetails = new Set<string>();
  let focusKey: string | undefined;
  let bindings: (() => void)[] = [];
  let unmounted = false;

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
  const tabButtons = TABS.map((t) =>
    h(
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
    ),
  );
  const dirtyBadge = h('span', { class: 'xh-dirty', hidden: true }, U.save.unsavedShort);
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
        focusKey = 'forms:files';
        render();
      },
    },
  });
  const hostName = (U.hosts as Record<string, string>)[bridge.host] ?? bridge.host;
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
  const saveBar = h(
    'div',
    { class: 'xh-savebar', hidden: true },
    saveStatusEl,
    saveErrors,
    h('div', { class: 'xh-savebar-row' }, saveButton, discardButton),
  );
  const app = h(
    'div',
    { class: 'xh-app' },
    h(
      'header',
      { class: 'xh-header' },
      h('h1', { class: 'xh-title' }, U.title),
      dirtyBadge,
      h('span', { class: 'xh-host' }, hostName),
    ),
    h('div', { role: 'tablist', class: 'xh-tabs', 'aria-label': U.tabsLabel }, tabButtons),
    panel,
    saveBar,
    live,
  );
  root.appendChild(app);

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
  }

  function bindText(fn: () => string, cls?: string): HTMLSpanElement {
    const span = h('span', { class: cls });
    const update = (): void => {
      const t = fn();
      if (span.textContent !== t) span.textContent = t;
    };
    update();
    bindings.push(update);
    return span;
  }

  /** After a model change: unsaved, and every bound label follows. */
  function touched(): void {
    dirty = true;
    saveStatus = undefined;
    confirming = undefined;
    refresh();
  }

  function announce(text: string): void {
    live.textContent = text;
  }

  function renderPanel(): Child {
    if (tab === 'rank') return rankPanel();
    if (load.kind !== 'ready' || !setup) return setupStatus();
    const s = setup;
    const body =
      tab === 'criteria'
        ? criteriaPanel(s)
        : tab === 'blocks'
          ? blocksPanel(s)
          : tab === 'awards'
            ? awardsPanel(s)
            : settingsPanel(s);
    return [setupWarnings(), body];
  }

  // ---- Pieces ---------------------------------------------------------------------------------

  function button(
    label: Child,
    key: string,
    onClick: () => void,
    options: { primary?: boolean; disabled?: boolean; title?: string; small?: boolean } = {},
  ): HTMLButtonElement {
    return h(
      'button',
      {
        type: 'button',
        class: `xh-button${options.primary ? ' xh-primary' : ''}${options.small ? ' xh-small' : ''}`,
        key,
        disabled: options.disabled,
        title: options.title,
        on: { click: onClick },
      },
      label,
    );
  }

  /** A destructive button: the first click asks, the second does it. */
  function removeButton(key: string, what: string, onRemove: () => void): HTMLButtonElement {
    const asking = confirming === key;
    return h(
      'button',
      {
        type: 'button',
        class: `xh-button xh-small xh-danger${asking ? ' xh-asking' : ''}`,
        key,
        'aria-label': asking ? formatMessage(U.actions.confirmRemoveOf, { what }) : undefined,
        title: asking ? undefined : formatMessage(U.actions.removeOf, { what }),
        on: {
          click: () => {
            if (confirming !== key) {
              confirming = key;
              focusKey = key;
              render();
              return;
            }
            confirming = undefined;
            onRemove();
            touched();
            render();
          },
        },
      },
      asking ? U.actions.confirmRemove : U.actions.remove,
    );
  }

  function section(title: string, ...children: Child[]): HTMLElement {
    return h('section', { class: 'xh-section' }, h('h2', { class: 'xh-h2' }, title), children);
  }

  function issueList(issues: readonly IssueView[], listKey: string): HTMLElement {
    return h(
      'ul',
      { class: 'xh-issues' },
      issues.map((issue, i) =>
        h(
          'li',
          { class: `xh-issue xh-${issue.severity}` },
          issue.sheet && issue.cell
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'xh-issue-link',
                  key: `${listKey}:${i}`,
                  title: formatMessage(U.issues.select, { sheet: issue.sheet, cell: issue.cell }),
                  on: { click: () => void selectCell(issue.sheet as string, issue.cell as string) },
                },
                issue.text,
              )
            : h('span', { class: 'xh-issue-text' }, issue.text),
        ),
      ),
    );
  }

  function details(key: string, summaryText: string, ...children: Child[]): HTMLElement {
    const el = h(
      'details',
      { class: 'xh-details', open: openDetails.has(key) },
      h('summary', { key: `${key}:summary` }, summaryText),
      children,
    );
    el.addEventListener('toggle', () => {
      if (el.open) openDetails.add(key);
      else openDetails.delete(key);
    });
    return el;
  }

  async function selectCell(sheet: string, cell: string): Promise<void> {
    try {
      await bridge.selectCell(sheet, cell);
    } catch {
      // Selecting is a convenience; the message already names the sheet and cell.
    }
  }

  interface TextOptions {
    key: string;
    owner: object;
    label: string;
    value: () => string;
    /** Applies the text to the model; returns why it cannot be read (the model is unchanged). */
    commit: (text: string) => string | undefined;
    hint?: string;
    placeholder?: string;
    multiline?: boolean;
    inputmode?: 'decimal' | 'numeric';
    short?: boolean;
  }

  function textField(o: TextOptions): HTMLElement {
    const id = newId();
    const hintId = `${id}-hint`;
    const errorId = `${id}-error`;
    const draft = drafts.get(o.key);
    const props = {
      id,
      key: o.key,
      class: 'xh-input',
      placeholder: o.placeholder,
      inputmode: o.inputmode,
      'aria-invalid': draft ? 'true' : undefined,
      'aria-describedby': [o.hint ? hintId : '', errorId].join(' ').trim(),
      spellcheck: 'false',
    };
    const control = o.multiline
      ? h('textarea', { ...props, rows: '2' })
      : h('input', { ...props, type: 'text' });
    control.value = draft?.text ?? o.value();
    const error = h('p', { class: 'xh-field-error', id: errorId, hidden: !draft }, draft?.error);
    control.addEventListener('input', () => {
      if (!dirty) {
        dirty = true;
        saveStatus = undefined;
        updateSaveBar();
      }
    });
    control.addEventListener('change', () => {
      const text = control.value;
      const problem = o.commit(text);
      if (problem) {
        drafts.set(o.key, { text, error: problem, owner: o.owner });
        control.setAttribute('aria-invalid', 'true');
      } else {
        drafts.delete(o.key);
        control.removeAttribute('aria-invalid');
      }
      error.textContent = problem ?? '';
      error.hidden = !problem;
      touched();
    });
    bindings.push(() => {
      if (!drafts.has(o.key) && document.activeElement !== control) {
        const v = o.value();
        if (control.value !== v) control.value = v;
      }
    });
    return h(
      'div',
      { class: `xh-field${o.short ? ' xh-short' : ''}` },
      h('label', { for: id }, o.label),
      control,
      o.hint && h('p', { class: 'xh-hint', id: hintId }, o.hint),
      error,
    );
  }

  function selectField<T extends string>(o: {
    key: string;
    label: string;
    options: readonly (readonly [T, string])[];
    value: T | '';
    change: (value: T) => void;
    hint?: string;
  }): HTMLElement {
    const id = newId();
    const select = h(
      'select',
      { id, key: o.key, class: 'xh-select' },
      o.options.map(([value, label]) => h('option', { value }, label)),
    );
    select.value = o.value;
    select.addEventListener('change', () => {
      if (select.value === '') return;
      o.change(select.value as T);
      touched();
      render();
    });
    return h(
      'div',
      { class: 'xh-field' },
      h('label', { for: id }, o.label),
      select,
      o.hint && h('p', { class: 'xh-hint' }, o.hint),
    );
  }

  // ---- "Xếp hạng" -----------------------------------------------------------------------------

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
      dirty && h('p', { class: 'xh-note' }, U.rank.unsavedHint),
      load.kind === 'empty' && templateForm(),
      resultView(),
      load.kind !== 'empty' && formsSection(),
    ];
  }

  async function doRank(): Promise<void> {
    if (running) return;
    running = true;
    rankFailure = undefined;
    announce(U.rank.running);
    render();
    try {
      summary = await bridge.rank();
    } catch (e) {
      summary = undefined;
      rankFailure = messageOf(e);
    }
    running = false;
    if (tab === 'rank') focusKey = 'rank';
    render();
    announce(
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
        issueList(s.errors, 'rank-error'),
        s.warnings.length > 0 &&
          details(
            'rank-warnings',
            formatMessage(U.rank.warnings, { count: s.warnings.length }),
            issueList(s.warnings, 'rank-warning'),
          ),
      );
    const decimals = setup ? settingsOf(setup).decimals : 2;
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
            h('h3', { class: 'xh-h3' }, b.name),
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
            'rank-warnings',
            formatMessage(U.rank.warnings, { count: s.warnings.length }),
            issueList(s.warnings, 'rank-warning'),
          )
        : h('p', { class: 'xh-hint' }, U.rank.noWarnings),
      sheetLinks(U.rank.sheets, s.sheets, 'sheet:'),
    );
  }

  // ---- "Phiếu tự chấm" --------------------------------------------------------------------------

  function formsSection(): HTMLElement {
    const F = U.forms;
    const busy = forms.making || forms.merging;
    const files = bridge.formsFrom === 'files';
    const spinning = (on: boolean, label: string, text: string): Child =>
      on ? [h('span', { class: 'xh-spinner', 'aria-hidden': 'true' }), text] : label;
    return h(
      'section',
      { class: 'xh-section xh-forms', 'aria-labelledby': 'xh-forms-title' },
      h('h2', { class: 'xh-h2', id: 'xh-forms-title' }, F.title),
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
        issueList(made.errors, 'forms-make-error'),
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
      made.sheets && made.sheets.length > 0 && sheetLinks(F.sheets, made.sheets, 'forms:sheet:'),
    );
  }

  /** "Đã ghi: Kết quả, …": each sheet a link that activates it. */
  function sheetLinks(label: string, names: readonly string[], key: string): Child {
    return h(
      'p',
      { class: 'xh-sheets' },
      label,
      ' ',
      names.map((name, i) => [
        i > 0 ? ', ' : '',
        h(
          'button',
          {
            type: 'button',
            class: 'xh-link',
            key: `${key}${i}`,
            title: formatMessage(U.rank.openSheet, { sheet: name }),
            on: { click: () => void selectCell(name, 'A1') },
          },
          name,
        ),
      ]),
    );
  }

  function mergedView(): Child {
    const s = forms.merged;
    if (!s) return null;
    const F = U.forms;
    const warnings = (list: readonly IssueView[]): Child =>
      list.length > 0 &&
      details(
        'forms-warnings',
        formatMessage(F.warnings, { count: list.length }),
        issueList(workbookIssues(list), 'forms-warning'),
      );
    if (!s.ok)
      return h(
        'div',
        { class: 'xh-card xh-card-error', 'data-forms': 'merge-errors' },
        h('p', {}, formatMessage(F.mergeFailed, { count: s.errors.length })),
        h('p', { class: 'xh-hint' }, F.mergeFailedHint),
        issueList(workbookIssues(s.errors), 'forms-error'),
        warnings(s.warnings),
      );
    return h(
      'div',
      { class: 'xh-forms-result', 'data-forms': 'merged' },
      h('p', { class: 'xh-ok-text' }, formatMessage(F.merged, { count: s.merged.length })),
      s.merged.length > 0 &&
        details(
          'forms-merged',
          formatMessage(F.mergedUnits, { count: s.merged.length }),
          h(
            'ul',
            { class: 'xh-plain-list' },
            s.merged.map((m) => h('li', {}, formatMessage(F.mergedUnit, m))),
          ),
        ),
      warnings(s.warnings),
      sheetLinks(U.rank.sheets, s.sheets, 'forms:written:'),
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
    announce(U.forms.making);
    render();
    try {
      const made = await bridge.makeForms();
      if (made.ok && made.download && !unmounted) {
        const blob = new Blob([base64ToBytes(made.download.base64)], { type: 'application/zip' });
        forms.url = URL.createObjectURL(blob);
      }
      forms.made = made;
    } catch (e) {
      forms.failure = messageOf(e);
    }
    forms.making = false;
    if (tab === 'rank') focusKey = forms.made?.ok && forms.url ? 'forms:download' : 'forms:make';
    render();
    const made = forms.made;
    announce(
      forms.failure
        ? formatMessage(U.forms.crashed, { message: forms.failure })
        : made?.ok
          ? formatMessage(U.forms.made, { count: made.count })
          : formatMessage(U.forms.makeFailed, { count: made?.errors.length ?? 0 }),
    );
  }

  async function mergeForms(): Promise<void> {
    if (forms.making || forms.merging) return;
    const files = bridge.formsFrom === 'files';
    if (files && forms.picked.length === 0) return;
    forms.merging = true;
    forms.failure = undefined;
    forms.merged = undefined;
    announce(U.forms.merging);
    render();
    try {
      forms.merged = files
        ? await bridge.mergeForms(await formUploads(forms.picked))
        : await bridge.mergeForms();
      if (forms.merged.ok && files) {
        // Merged: the same files again would only add a log row.
        formsInput.value = '';
        forms.picked = [];
      }
    } catch (e) {
      forms.failure = messageOf(e);
    }
    forms.merging = false;
    if (tab === 'rank') focusKey = 'forms:merge';
    render();
    const s = forms.merged;
    announce(
      forms.failure
        ? formatMessage(U.forms.crashed, { message: forms.failure })
        : s?.ok
          ? formatMessage(U.forms.merged, { count: s.merged.length })
          : formatMessage(U.forms.mergeFailed, { count: s?.errors.length ?? 0 }),
    );
  }

  // ---- Loading states and "Tạo mẫu" ------------------------------------------------------------

  function setupStatus(): Child {
    switch (load.kind) {
      case 'loading':
        return h(
          'p',
          { class: 'xh-lead' },
          h('span', { class: 'xh-spinner', 'aria-hidden': 'true' }),
          U.setup.loading,
        );
      case 'failed':
        return h(
          'div',
          { class: 'xh-card xh-card-error' },
          h('p', { role: 'alert' }, formatMessage(U.setup.loadFailed, { message: load.message })),
          button(U.setup.retry, 'retry', () => void reload(true), { primary: true }),
        );
      case 'invalid':
        return h(
          'section',
          { class: 'xh-card xh-card-error', 'data-result': 'invalid' },
          h('h2', { class: 'xh-h2' }, U.setup.invalid),
          h('p', { class: 'xh-hint' }, U.setup.invalidHint),
          issueList(load.errors, 'setup-error'),
          button(U.setup.retry, 'retry', () => void reload(true), { primary: true }),
        );
      case 'empty':
        return templateForm();
      default:
        return null;
    }
  }

  function setupWarnings(): Child {
    if (load.kind !== 'ready' || load.warnings.length === 0) return null;
    return details(
      'setup-warnings',
      formatMessage(U.setup.warnings, { count: load.warnings.length }),
      issueList(load.warnings, 'setup-warning'),
    );
  }

  function templateForm(): HTMLElement {
    const field = (
      name: 'units' | 'year',
      label: string,
      error: string,
      min: number,
      max: number,
    ): HTMLElement => {
      const id = newId();
      const input = h('input', {
        id,
        key: `template:${name}`,
        type: 'number',
        class: 'xh-input',
        min: String(min),
        max: String(max),
        step: '1',
        value: template[name],
        'aria-invalid': error ? 'true' : undefined,
        'aria-describedby': `${id}-error`,
      });
      input.addEventListener('input', () => (template[name] = input.value));
      return h(
        'div',
        { class: 'xh-field xh-short' },
        h('label', { for: id }, label),
        input,
        h('p', { class: 'xh-field-error', id: `${id}-error`, hidden: !error }, error),
      );
    };
    return h(
      'form',
      {
        class: 'xh-card',
        'data-result': 'empty',
        on: {
          submit: (e) => {
            e.preventDefault();
            void createTemplate();
          },
        },
      },
      h('h2', { class: 'xh-h2' }, U.setup.empty),
      h('p', { class: 'xh-hint' }, U.setup.emptyHint),
      h(
        'div',
        { class: 'xh-row' },
        field('units', U.template.units, template.unitsError, 0, MAX_TEMPLATE_UNITS),
        field('year', U.template.year, template.yearError, 1900, 2200),
      ),
      h(
        'button',
        {
          type: 'submit',
          class: 'xh-button xh-primary',
          key: 'template:create',
          disabled: template.busy,
        },
        template.busy ? U.template.creating : U.template.create,
      ),
      template.errors.length > 0 && issueList(template.errors, 'template-error'),
    );
  }

  async function createTemplate(): Promise<void> {
    const units = parseCount(template.units);
    const year = parseCount(template.year);
    template.unitsError =
      units.ok && units.value !== undefined && units.value <= MAX_TEMPLATE_UNITS
        ? ''
        : formatMessage(U.template.badUnits, { max: MAX_TEMPLATE_UNITS });
    template.yearError =
      year.ok && year.value !== undefined && year.value >= 1900 && year.value <= 2200
        ? ''
        : U.template.badYear;
    if (template.unitsError || template.yearError) {
      focusKey = template.unitsError ? 'template:units' : 'template:year';
      render();
      return;
    }
    template.busy = true;
    template.errors = [];
    render();
    try {
      const result = await bridge.createTemplate({
        units: units.ok ? (units.value as number) : 0,
        year: year.ok ? (year.value as number) : 0,
      });
      if (result.ok) {
        template.busy = false;
        announce(U.template.created);
        await reload(true);
        return;
      }
      template.errors = result.errors;
    } catch (e) {
      template.errors = [{ severity: 'error', text: messageOf(e) }];
    }
    template.busy = false;
    render();
  }

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
    const selectedCode = selected?.code;
    const collapsedCodes: string[] = [];
    if (setup) walkCriteria(setup.criteria, (n) => collapsed.has(n) && collapsedCodes.push(n.code));
    load = state;
    drafts.clear();
    dirty = false;
    confirming = undefined;
    collapsed = new WeakSet();
    selected = undefined;
    setup = state.kind === 'ready' ? cloneSetup(state.setup) : undefined;
    if (setup) {
      const s = setup;
      if (selectedCode !== undefined) selected = findByCode(s.criteria, selectedCode);
      for (const code of collapsedCodes) {
        const n = findByCode(s.criteria, code);
        if (n) collapsed.add(n);
      }
    }
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
    saveBar.hidden = !editing;
    dirtyBadge.hidden = !dirty;
    saveButton.disabled = saving;
    saveButton.textContent = saving ? U.save.saving : U.save.button;
    const asking = confirming === 'discard';
    discardButton.disabled = saving || !dirty;
    discardButton.textContent = asking ? U.save.confirmDiscard : U.save.discard;
    discardButton.classList.toggle('xh-asking', asking);
    const s = saveStatus;
    saveStatusEl.className = `xh-save-status${
      s?.kind === 'saved' ? ' xh-ok' : s ? ' xh-bad' : dirty ? ' xh-pending' : ''
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
              : dirty
                ? U.save.unsaved
                : U.save.clean;
    if (shownStatus !== s) {
      shownStatus = s;
      replaceChildren(saveErrors, s?.kind === 'errors' && issueList(s.errors, 'save-error'));
    }
  }

  async function save(): Promise<void> {
    if (!setup || saving) return;
    const pending = liveDrafts();
    if (pending.length) {
      saveStatus = { kind: 'blocked', count: pending.length };
      updateSaveBar();
      announce(saveStatusEl.textContent ?? '');
      keyed(pending[0][0])?.focus();
      return;
    }
    saving = true;
    saveStatus = undefined;
    confirming = undefined;
    updateSaveBar();
    let status: SaveStatus;
    try {
      const result = await bridge.saveSetup(cloneSetup(setup));
      status = result.ok ? { kind: 'saved' } : { kind: 'errors', errors: result.errors };
    } catch (e) {
      status = { kind: 'failed', message: messageOf(e) };
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

  // ---- "Tiêu chí" -----------------------------------------------------------------------------

  function criteriaPanel(s: CampaignSetup): Child {
    return [
      h('p', { class: 'xh-hint' }, U.criteria.hint),
      s.criteria.length
        ? h(
            'ul',
            { class: 'xh-tree' },
            s.criteria.map((n) => treeItem(s, n, 0)),
          )
        : h('p', { class: 'xh-note' }, U.criteria.empty),
      button(['+ ', U.criteria.addRoot], 'addRoot', () => {
        selectNew(s, addRoot(s));
      }),
    ];
  }

  /** Selects a node just added, opens its ancestors and puts the cursor in its name. */
  function selectNew(s: CampaignSetup, path: Path): void {
    for (let i = 1; i < path.length; i++) {
      const ancestor = nodeAt(s.criteria, path.slice(0, i));
      if (ancestor) collapsed.delete(ancestor);
    }
    selected = nodeAt(s.criteria, path);
    if (selected) focusKey = `c${uid(selected)}:name`;
    touched();
    render();
  }

  function treeKeys(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const rows = Array.from(panel.querySelectorAll<HTMLElement>('.xh-node'));
    const i = rows.indexOf(e.currentTarget as HTMLElement);
    const next = rows[e.key === 'ArrowDown' ? i + 1 : i - 1];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  }

  function treeItem(s: CampaignSetup, node: CriterionSpec, depth: number): HTMLElement {
    const id = uid(node);
    const parent = Boolean(node.children?.length);
    const open = parent && !collapsed.has(node);
    const isSelected = node === selected;
    const editorId = `xh-criterion-${id}`;
    const row = h(
      'div',
      { class: `xh-node-row xh-depth-${Math.min(depth, 4)}${isSelected ? ' xh-selected' : ''}` },
      parent
        ? h(
            'button',
            {
              type: 'button',
              class: 'xh-twisty',
              key: `c${id}:twisty`,
              'aria-expanded': String(open),
              'aria-label': formatMessage(open ? U.criteria.collapse : U.criteria.expand, {
                code: node.code,
              }),
              on: {
                click: () => {
                  if (open) collapsed.add(node);
                  else collapsed.delete(node);
                  render();
                },
              },
            },
            open ? '▾' : '▸',
          )
        : h('span', { class: 'xh-twisty', 'aria-hidden': 'true' }),
      h(
        'button',
        {
          type: 'button',
          class: 'xh-node',
          key: `c${id}:row`,
          'aria-expanded': String(isSelected),
          'aria-controls': isSelected ? editorId : undefined,
          on: {
            click: () => {
              selected = isSelected ? undefined : node;
              confirming = undefined;
              render();
            },
            keydown: (e) => treeKeys(e as KeyboardEvent),
          },
        },
        bindText(() => node.code, 'xh-node-code'),
        bindText(() => node.name || U.criteria.unnamed, 'xh-node-name'),
        bindText(
          () => formatMessage(U.criteria.points, { max: numberText(node.max) }),
          'xh-node-max',
        ),
      ),
    );
    return h(
      'li',
      { class: 'xh-tree-item' },
      row,
      isSelected && criterionEditor(s, node, editorId),
      open &&
        h(
          'ul',
          { class: 'xh-tree' },
          (node.children ?? []).map((c) => treeItem(s, c, depth + 1)),
        ),
    );
  }

  function criterionEditor(s: CampaignSetup, node: CriterionSpec, editorId: string): HTMLElement {
    const id = uid(node);
    const path = pathOf(s.criteria, node) as Path;
    const index = path[path.length - 1];
    const siblingCount =
      path.length === 1
        ? s.criteria.length
        : (nodeAt(s.criteria, path.slice(0, -1))?.children?.length ?? 0);
    const leaf = !node.children?.length;
    const kind = node.rule?.kind;
    const move = (delta: number): void => {
      moveCriterion(s, path, delta);
      focusKey = `c${id}:${delta < 0 ? 'up' : 'down'}`;
      touched();
      render();
    };
    const what = formatMessage(U.criteria.item, { code: node.code });
    return h(
      'div',
      { class: 'xh-editor', id: editorId },
      h(
        'div',
        {
          class: 'xh-toolbar',
          role: 'toolbar',
          'aria-label': formatMessage(U.criteria.toolbar, { code: node.code }),
        },
        button(
          ['+ ', U.criteria.addChild],
          `c${id}:addChild`,
          () => selectNew(s, addChild(s, path)),
          { small: true },
        ),
        button(
          ['+ ', U.criteria.addSibling],
          `c${id}:addSibling`,
          () => selectNew(s, addSibling(s, path)),
          { small: true },
        ),
        button(['↑ ', U.actions.moveUp], `c${id}:up`, () => move(-1), {
          small: true,
          disabled: index === 0,
        }),
        button(['↓ ', U.actions.moveDown], `c${id}:down`, () => move(1), {
          small: true,
          disabled: index === siblingCount - 1,
        }),
        removeButton(`c${id}:remove`, what, () => {
          removeCriterion(s, path);
          selected = undefined;
          const list =
            path.length === 1 ? s.criteria : nodeAt(s.criteria, path.slice(0, -1))?.children;
          const neighbour =
            list?.[Math.min(index, list.length - 1)] ?? nodeAt(s.criteria, path.slice(0, -1));
          focusKey = neighbour ? `c${uid(neighbour)}:row` : 'addRoot';
        }),
      ),
      h(
        'div',
        { class: 'xh-row' },
        textField({
          key: `c${id}:code`,
          owner: node,
          label: U.criteria.code,
          value: () => node.code,
          commit: (t) => setCriterionCode(s, node, t),
          short: true,
        }),
        leaf
          ? textField({
              key: `c${id}:max`,
              owner: node,
              label: U.criteria.max,
              value: () => numberText(node.max),
              commit: (t) => setCriterionMax(s, node, t),
              inputmode: 'decimal',
              short: true,
            })
          : h(
              'div',
              { class: 'xh-field xh-short' },
              h('span', { class: 'xh-label' }, U.criteria.max),
              bindText(() => numberText(node.max), 'xh-readonly'),
            ),
      ),
      textField({
        key: `c${id}:name`,
        owner: node,
        label: U.criteria.name,
        value: () => node.name,
        commit: (t) => setName(node, t),
        multiline: true,
      }),
      !leaf && h('p', { class: 'xh-hint' }, U.criteria.parentMax),
      leaf &&
        selectField<RuleKind>({
          key: `c${id}:rule`,
          label: U.criteria.rule,
          options: [
            ...(kind ? [] : ([['', U.criteria.noRule]] as const)),
            ...RULE_KINDS.map((k) => [k, C.rules[k]] as const),
          ] as readonly (readonly [RuleKind, string])[],
          value: kind ?? '',
          change: (k) => {
            setRuleKind(s, node, k);
            drafts.delete(`c${id}:params`);
          },
        }),
      leaf &&
        kind &&
        kind !== 'tick' &&
        textField({
          key: `c${id}:params`,
          owner: node,
          label: U.criteria.params,
          value: () => paramsText(node),
          commit: (t) => setRuleParams(node, t),
          hint: U.criteria.paramHints[kind],
        }),
      s.blocks.length > 0 &&
        h(
          'fieldset',
          { class: 'xh-checks' },
          h('legend', {}, U.criteria.blocks),
          s.blocks.map((b) => {
            const cid = newId();
            const box = h('input', {
              type: 'checkbox',
              id: cid,
              key: `c${id}:block:${b.id}`,
              checked: node.blocks?.includes(b.id) ?? false,
            });
            box.addEventListener('change', () => {
              const chosen = new Set(node.blocks ?? []);
              if (box.checked) chosen.add(b.id);
              else chosen.delete(b.id);
              setCriterionBlocks(
                node,
                s.blocks.map((x) => x.id).filter((x) => chosen.has(x)),
              );
              touched();
            });
            return h('div', { class: 'xh-check' }, box, h('label', { for: cid }, b.name));
          }),
          h('p', { class: 'xh-hint' }, U.criteria.allBlocks),
        ),
    );
  }

  // ---- "Khối & xếp loại" ----------------------------------------------------------------------

  /** Up, down and remove for an item of a list (blocks, award types). */
  function itemActions(
    list: unknown[],
    item: object,
    prefix: string,
    what: string,
    remove: () => void,
  ): HTMLElement {
    const move = (delta: number): void => {
      moveItem(list, list.indexOf(item), delta);
      if (setup) clearLocations(setup);
      focusKey = `${prefix}:${delta < 0 ? 'up' : 'down'}`;
      touched();
      render();
    };
    const i = list.indexOf(item);
    return h(
      'div',
      { class: 'xh-toolbar', role: 'toolbar', 'aria-label': what },
      button('↑', `${prefix}:up`, () => move(-1), {
        small: true,
        disabled: i === 0,
        title: U.actions.moveUp,
      }),
      button('↓', `${prefix}:down`, () => move(1), {
        small: true,
        disabled: i === list.length - 1,
        title: U.actions.moveDown,
      }),
      removeButton(`${prefix}:remove`, what, remove),
    );
  }

  function blocksPanel(s: CampaignSetup): Child {
    return [
      section(
        U.blocks.defaultTitle,
        textField({
          key: 'bands',
          owner: s,
          label: U.blocks.defaultBands,
          value: () => bandsText(settingsOf(s).bands),
          commit: (t) => {
            const bands = parseBandsText(t, false);
            if (!bands.ok) return bands.error;
            updateSettings(s, { bands: bands.value });
            return undefined;
          },
          hint: U.blocks.bandsHint,
        }),
      ),
      section(
        U.blocks.title,
        h('p', { class: 'xh-hint' }, U.blocks.idHint),
        s.blocks.length === 0 && h('p', { class: 'xh-note' }, U.blocks.empty),
        s.blocks.map((b) => {
          const id = uid(b);
          const what = formatMessage(U.blocks.item, { id: b.id });
          return h(
            'div',
            { class: 'xh-card' },
            h(
              'div',
              { class: 'xh-card-head' },
              bindText(() => b.name || b.id, 'xh-h3'),
              itemActions(s.blocks, b, `b${id}`, what, () => removeBlock(s, s.blocks.indexOf(b))),
            ),
            h(
              'div',
              { class: 'xh-row' },
              textField({
                key: `b${id}:id`,
                owner: b,
                label: U.blocks.id,
                value: () => b.id,
                commit: (t) => renameBlock(s, s.blocks.indexOf(b), t),
                short: true,
              }),
              textField({
                key: `b${id}:name`,
                owner: b,
                label: U.blocks.name,
                value: () => b.name,
                commit: (t) => setName(b, t),
              }),
            ),
            textField({
              key: `b${id}:bands`,
              owner: b,
              label: U.blocks.bands,
              value: () => (b.bands ? bandsText(b.bands) : ''),
              commit: (t) => setBlockBands(b, t),
              hint: U.blocks.ownBandsHint,
            }),
          );
        }),
        button(['+ ', U.blocks.add], 'addBlock', () => {
          const i = addBlock(s);
          focusKey = `b${uid(s.blocks[i])}:id`;
          touched();
          render();
        }),
      ),
    ];
  }

  // ---- "Khen thưởng" --------------------------------------------------------------------------

  function awardsPanel(s: CampaignSetup): Child {
    const a = s.awards;
    const quotaModes: (readonly [QuotaMode, string])[] = [
      ['same', U.awards.quotaModes.same],
      ['perBlock', U.awards.quotaModes.perBlock],
      ['none', U.awards.quotaModes.none],
    ];
    return [
      section(
        U.awards.title,
        h('p', { class: 'xh-hint' }, U.awards.titleHint),
        (a?.awards ?? []).length === 0 && h('p', { class: 'xh-note' }, U.awards.none),
        (a?.awards ?? []).map((award, i, list) => {
          const id = uid(award);
          const mode = quotaMode(award);
          const what = formatMessage(U.awards.item, { id: award.id });
          return h(
            'div',
            { class: 'xh-card', 'data-award': String(i) },
            h(
              'div',
              { class: 'xh-card-head' },
              bindText(() => award.name || award.id, 'xh-h3'),
              itemActions(list, award, `a${id}`, what, () => removeAward(s, list.indexOf(award))),
            ),
            h(
              'div',
              { class: 'xh-row' },
              textField({
                key: `a${id}:id`,
                owner: award,
                label: U.awards.id,
                value: () => award.id,
                commit: (t) => renameAward(s, list.indexOf(award), t),
                short: true,
              }),
              textField({
                key: `a${id}:name`,
                owner: award,
                label: U.awards.name,
                value: () => award.name,
                commit: (t) => setName(award, t),
              }),
            ),
            selectField<QuotaMode>({
              key: `a${id}:quotaMode`,
              label: W.headers.quota,
              options: quotaModes,
              value: mode,
              change: (m) => setQuotaMode(award, m, s.blocks),
            }),
            mode === 'same' &&
              textField({
                key: `a${id}:quota`,
                owner: award,
                label: U.awards.quotaSame,
                value: () => numberText(quotaOf(award)),
                commit: (t) => setQuota(award, undefined, t),
                inputmode: 'numeric',
                short: true,
              }),
            mode === 'perBlock' &&
              h(
                'div',
                { class: 'xh-row xh-quota' },
                s.blocks.map((b) =>
                  textField({
                    key: `a${id}:quota:${b.id}`,
                    owner: award,
                    label: b.name,
                    value: () => numberText(quotaOf(award, b.id) ?? 0),
                    commit: (t) => setQuota(award, b.id, t),
                    inputmode: 'numeric',
                    short: true,
                  }),
                ),
              ),
            textField({
              key: `a${id}:cap`,
              owner: award,
              label: U.awards.cap,
              value: () => numberText(award.cap),
              commit: (t) => setCap(award, t),
              hint: U.awards.capHint,
              inputmode: 'numeric',
              short: true,
            }),
            textField({
              key: `a${id}:gates`,
              owner: award,
              label: W.headers.awardGates,
              value: () => awardGatesText(award.gates),
              commit: (t) => setAwardGates(award, t),
              hint: U.awards.gatesHint,
            }),
          );
        }),
        button(['+ ', U.awards.add], 'addAward', () => {
          const i = addAward(s);
          focusKey = `a${uid(ensureAwards(s).awards[i])}:id`;
          touched();
          render();
        }),
      ),
      a &&
        section(
          U.awards.othersTitle,
          textField({
            key: 'runnersUp',
            owner: s,
            label: W.settings.runnersUp,
            value: () => numberText(a.runnersUpPerBlock),
            commit: (t) => setRunnersUp(s, t),
            inputmode: 'numeric',
            short: true,
          }),
          selectField<'passDown' | 'leaveEmpty'>({
            key: 'unfilled',
            label: W.settings.unfilled,
            options: [
              ['passDown', C.unfilled.passDown],
              ['leaveEmpty', C.unfilled.leaveEmpty],
            ],
            value: a.unfilled ?? 'passDown',
            change: (v) => (ensureAwards(s).unfilled = v),
          }),
        ),
      a &&
        section(
          U.awards.gatesTitle,
          h('p', { class: 'xh-hint' }, U.awards.gatesTitleHint),
          GATE_KEYS.map((k) =>
            textField({
              key: `gate:${k}`,
              owner: s,
              label: W.gates[k],
              value: () => gateFields(s.awards?.gates)[k],
              commit: (t) => setGateField(s, k, t),
              placeholder: U.awards.gateExamples[k],
            }),
          ),
        ),
    ];
  }

  // ---- "Thiết lập" ----------------------------------------------------------------------------

  function settingsPanel(s: CampaignSetup): Child {
    const st = settingsOf(s);
    const K = W.settings;
    const choice = <T extends string>(
      key:
        | 'scoreSource'
        | 'naPolicy'
        | 'blankPolicy'
        | 'rankBy'
        | 'appraisalCombine'
        | 'evidencePolicy',
      labels: Record<T, string>,
    ): HTMLElement =>
      selectField<T>({
        key: `setting:${key}`,
        label: K[key],
        options: (Object.keys(labels) as T[]).map((v) => [v, labels[v]] as const),
        value: st[key] as T,
        change: (v) => updateSettings(s, { [key]: v } as Partial<Settings>),
      });
    return [
      section(
        U.settings.campaign,
        textField({
          key: 'campaign:id',
          owner: s,
          label: K.id,
          value: () => s.id,
          commit: (t) => {
            if (t.trim() === '') return U.input.required;
            s.id = t.trim();
            return undefined;
          },
          short: true,
        }),
        textField({
          key: 'campaign:name',
          owner: s,
          label: K.name,
          value: () => s.name,
          commit: (t) => {
            s.name = t.trim();
            return undefined;
          },
          multiline: true,
        }),
        textField({
          key: 'campaign:year',
          owner: s,
          label: K.year,
          value: () => String(s.year || ''),
          commit: (t) => {
            const y = parseCount(t);
            if (!y.ok || y.value === undefined) return U.template.badYear;
            s.year = y.value;
            return undefined;
          },
          inputmode: 'numeric',
          short: true,
        }),
      ),
      section(
        U.settings.ranking,
        selectField<Settings['ranking']['method']>({
          key: 'setting:method',
          label: K.method,
          options: [
            ['competition', U.settings.methods.competition],
            ['dense', U.settings.methods.dense],
          ],
          value: st.ranking.method,
          change: (m) => setRankingMethod(s, m),
        }),
        textField({
          key: 'setting:tieBreak',
          owner: s,
          label: K.tieBreak,
          value: () => tieBreakText(settingsOf(s).ranking.tieBreak),
          commit: (t) => setTieBreak(s, t),
          hint: U.settings.tieBreakHint,
        }),
        choice('rankBy', C.rankBy),
        selectField<string>({
          key: 'setting:decimals',
          label: K.decimals,
          options: [0, 1, 2, 3, 4].map((d) => [String(d), String(d)] as const),
          value: String(st.decimals),
          change: (d) => updateSettings(s, { decimals: Number(d) }),
          hint: U.settings.decimalsHint,
        }),
      ),
      section(
        U.settings.scoring,
        choice('scoreSource', C.scoreSource),
        choice('naPolicy', C.naPolicy),
        choice('blankPolicy', C.blankPolicy),
        choice('appraisalCombine', C.appraisalCombine),
        textField({
          key: 'setting:appraisalMaxSpread',
          owner: s,
          label: K.appraisalMaxSpread,
          value: () => numberText(settingsOf(s).appraisalMaxSpread),
          commit: (t) => setMaxSpread(s, t),
          inputmode: 'decimal',
          short: true,
        }),
      ),
      section(
        U.settings.forms,
        textField({
          key: 'setting:formsDeadline',
          owner: s,
          label: K.formsDeadline,
          value: () => settingsOf(s).formsDeadline ?? '',
          commit: (t) => setFormsDeadline(s, t),
          short: true,
        }),
        choice('evidencePolicy', C.evidencePolicy),
      ),
    ];
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
    unmount() {
      unmounted = true;
      revokeDownload();
      app.remove();
    },
  };
}
