/** The setup's loading states, its warnings, and "Tạo mẫu" (a new campaign in an empty workbook). */
import { formatMessage, vi } from '../../shared/i18n/vi';
import type { IssueView } from '../bridge';
import { h, newId, type Child } from '../dom';
import { MAX_TEMPLATE_UNITS, parseCount } from '../model/text';
import { messageOf, type ViewContext } from './context';
import { button, details, issueList, sheetLinks } from './fields';

const U = vi.ui;

export function setupStatus(ctx: ViewContext, templateForm: () => HTMLElement): Child {
  const load = ctx.load;
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
        button(U.setup.retry, 'retry', () => void ctx.reload(true), { primary: true }),
      );
    case 'invalid':
      return h(
        'section',
        { class: 'xh-card xh-card-error', 'data-result': 'invalid' },
        h('h2', { class: 'xh-h2' }, U.setup.invalid),
        h('p', { class: 'xh-hint' }, U.setup.invalidHint),
        issueList(ctx, load.errors, 'setup-error'),
        button(U.setup.retry, 'retry', () => void ctx.reload(true), { primary: true }),
      );
    case 'empty':
      return templateForm();
    default:
      return null;
  }
}

export function setupWarnings(ctx: ViewContext): Child {
  const load = ctx.load;
  if (load.kind !== 'ready' || load.warnings.length === 0) return null;
  return details(
    ctx,
    'setup-warnings',
    formatMessage(U.setup.warnings, { count: load.warnings.length }),
    issueList(ctx, load.warnings, 'setup-warning'),
  );
}

const S = vi.workbook.sheets;

/** The sheets "Tạo mẫu" creates (shared/workbook/template.ts templateSheets), in its order. */
export const TEMPLATE_SHEETS: readonly string[] = [
  S.config,
  S.criteria,
  S.units,
  S.self,
  S.appraised,
  S.survey,
  S.lists,
  S.preview,
];

/** The "Tạo mẫu" form, and after a creation what was made and what to do next. */
export interface TemplateView {
  (): HTMLElement;
  /** After "Tạo mẫu" succeeded in this pane: the sheets made and the next steps. */
  next(): Child;
}

/** The "Tạo mẫu" form, with its own state (what was typed, a creation under way, its errors). */
export function templateView(ctx: ViewContext): TemplateView {
  let created = false;
  const template = {
    units: '20',
    year: String(new Date().getFullYear()),
    busy: false,
    errors: [] as IssueView[],
    unitsError: '',
    yearError: '',
  };

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
      template.errors.length > 0 && issueList(ctx, template.errors, 'template-error'),
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
      ctx.focusKey = template.unitsError ? 'template:units' : 'template:year';
      ctx.render();
      return;
    }
    template.busy = true;
    template.errors = [];
    ctx.render();
    try {
      const result = await ctx.bridge.createTemplate({
        units: units.ok ? (units.value as number) : 0,
        year: year.ok ? (year.value as number) : 0,
      });
      if (result.ok) {
        template.busy = false;
        created = true;
        ctx.announce(U.template.created);
        await ctx.reload(true);
        return;
      }
      template.errors = result.errors;
    } catch (e) {
      template.errors = [{ severity: 'error', text: messageOf(e) }];
    }
    template.busy = false;
    ctx.render();
  }

  function next(): Child {
    if (!created || ctx.load.kind !== 'ready') return null;
    const M = U.summary;
    return h(
      'section',
      { class: 'xh-card', 'data-result': 'created' },
      h('h2', { class: 'xh-h2' }, U.template.created),
      sheetLinks(ctx, M.created, TEMPLATE_SHEETS, 'created:'),
      h('h3', { class: 'xh-h3' }, M.next),
      h(
        'ol',
        { class: 'xh-steps' },
        M.steps.map((step) => h('li', {}, step)),
      ),
    );
  }

  return Object.assign(templateForm, { next });
}
