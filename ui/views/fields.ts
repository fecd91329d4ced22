/** The pieces every view is built from: buttons, fields bound to the model, issue lists. */
import { formatMessage, vi } from '../../shared/i18n/vi';
import type { IssueView } from '../bridge';
import { h, newId, type Child } from '../dom';
import { clearLocations, moveItem } from '../model/setup';
import type { ViewContext } from './context';

const U = vi.ui;

/**
 * A label kept in step with the model. `cut`: the text may be cut short by an ellipsis, so its
 * full text is also its title (shown on hover; a screen reader reads the whole text anyway).
 */
export function bindText(
  ctx: ViewContext,
  fn: () => string,
  cls?: string,
  cut = false,
): HTMLSpanElement {
  const span = h('span', { class: cls });
  const update = (): void => {
    const t = fn();
    if (span.textContent !== t) span.textContent = t;
    if (cut && span.title !== t) span.title = t;
  };
  update();
  ctx.bind(update);
  return span;
}

export function button(
  label: Child,
  key: string,
  onClick: () => void,
  options: {
    primary?: boolean;
    disabled?: boolean;
    title?: string;
    small?: boolean;
    /** The spoken name, when the visible label alone does not say what it acts on. */
    label?: string;
  } = {},
): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      class: `xh-button${options.primary ? ' xh-primary' : ''}${options.small ? ' xh-small' : ''}`,
      key,
      disabled: options.disabled,
      title: options.title,
      'aria-label': options.label,
      on: { click: onClick },
    },
    label,
  );
}

/** A destructive button: the first click asks, the second does it. */
export function removeButton(
  ctx: ViewContext,
  key: string,
  what: string,
  onRemove: () => void,
): HTMLButtonElement {
  const asking = ctx.confirming === key;
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
          if (ctx.confirming !== key) {
            ctx.confirming = key;
            ctx.focusKey = key;
            ctx.render();
            return;
          }
          ctx.confirming = undefined;
          onRemove();
          ctx.touched();
          ctx.render();
        },
      },
    },
    asking ? U.actions.confirmRemove : U.actions.remove,
  );
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'xh-section' }, h('h2', { class: 'xh-h2' }, title), children);
}

export function issueList(
  ctx: ViewContext,
  issues: readonly IssueView[],
  listKey: string,
): HTMLElement {
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
                on: {
                  click: () => void selectCell(ctx, issue.sheet as string, issue.cell as string),
                },
              },
              issue.text,
            )
          : h('span', { class: 'xh-issue-text' }, issue.text),
      ),
    ),
  );
}

export function details(
  ctx: ViewContext,
  key: string,
  summaryText: string,
  ...children: Child[]
): HTMLElement {
  const el = h(
    'details',
    { class: 'xh-details', open: ctx.openDetails.has(key) },
    h('summary', { key: `${key}:summary` }, summaryText),
    children,
  );
  el.addEventListener('toggle', () => {
    if (el.open) ctx.openDetails.add(key);
    else ctx.openDetails.delete(key);
  });
  return el;
}

export async function selectCell(ctx: ViewContext, sheet: string, cell: string): Promise<void> {
  try {
    await ctx.bridge.selectCell(sheet, cell);
  } catch {
    // Selecting is a convenience; the message already names the sheet and cell.
  }
}

export interface TextOptions {
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

export function textField(ctx: ViewContext, o: TextOptions): HTMLElement {
  const id = newId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const draft = ctx.drafts.get(o.key);
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
  control.addEventListener('input', () => ctx.typing());
  control.addEventListener('change', () => {
    const text = control.value;
    const problem = o.commit(text);
    if (problem) {
      ctx.drafts.set(o.key, { text, error: problem, owner: o.owner, tab: ctx.tab });
      control.setAttribute('aria-invalid', 'true');
    } else {
      ctx.drafts.delete(o.key);
      control.removeAttribute('aria-invalid');
    }
    error.textContent = problem ?? '';
    error.hidden = !problem;
    ctx.touched();
  });
  ctx.bind(() => {
    if (!ctx.drafts.has(o.key) && document.activeElement !== control) {
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

export function selectField<T extends string>(
  ctx: ViewContext,
  o: {
    key: string;
    label: string;
    options: readonly (readonly [T, string])[];
    value: T | '';
    change: (value: T) => void;
    hint?: string;
  },
): HTMLElement {
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
    ctx.touched();
    ctx.render();
  });
  return h(
    'div',
    { class: 'xh-field' },
    h('label', { for: id }, o.label),
    select,
    o.hint && h('p', { class: 'xh-hint' }, o.hint),
  );
}

/** "Đã ghi: Kết quả, …": each sheet a link that activates it. */
export function sheetLinks(
  ctx: ViewContext,
  label: string,
  names: readonly string[],
  key: string,
): Child {
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
          on: { click: () => void selectCell(ctx, name, 'A1') },
        },
        name,
      ),
    ]),
  );
}

/** Up, down and remove for an item of a list (blocks, award types). */
export function itemActions(
  ctx: ViewContext,
  list: unknown[],
  item: object,
  prefix: string,
  what: string,
  remove: () => void,
): HTMLElement {
  const move = (delta: number): void => {
    moveItem(list, list.indexOf(item), delta);
    if (ctx.setup) clearLocations(ctx.setup);
    ctx.focusKey = `${prefix}:${delta < 0 ? 'up' : 'down'}`;
    ctx.touched();
    ctx.render();
  };
  const i = list.indexOf(item);
  return h(
    'div',
    { class: 'xh-toolbar', role: 'toolbar', 'aria-label': what },
    button('↑', `${prefix}:up`, () => move(-1), {
      small: true,
      disabled: i === 0,
      title: U.actions.moveUp,
      label: formatMessage(U.shell.moveUpOf, { what }),
    }),
    button('↓', `${prefix}:down`, () => move(1), {
      small: true,
      disabled: i === list.length - 1,
      title: U.actions.moveDown,
      label: formatMessage(U.shell.moveDownOf, { what }),
    }),
    removeButton(ctx, `${prefix}:remove`, what, remove),
  );
}
