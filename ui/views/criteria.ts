/** "Tiêu chí": the criteria tree, a row per criterion, and the editor of the selected one. */
import { formatMessage, vi } from '../../shared/i18n/vi';
import type { CriterionSpec, RuleKind } from '../../shared/model/types';
import type { CampaignSetup } from '../bridge';
import { h, newId, type Child } from '../dom';
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
} from '../model/criteria';
import { findByCode, nodeAt, pathOf, walkCriteria, type Path } from '../model/setup';
import { numberText, setName } from '../model/text';
import type { ViewContext } from './context';
import { bindText, button, removeButton, selectField, textField } from './fields';

const U = vi.ui;
const C = vi.workbook.choices;

/** "Nhập điểm" first: the most common rule in provincial tables, and a new leaf's. */
const RULE_KINDS: readonly RuleKind[] = [
  'points',
  'tick',
  'levels',
  'tiers',
  'proportional',
  'deduction',
  'bonus',
];

/**
 * The "Tiêu chí" panel, with its own state: the selected criterion and the collapsed ones (by
 * identity, so they stay put across moves and renames).
 */
export function criteriaView(ctx: ViewContext): {
  panel: (s: CampaignSetup) => Child;
  carryOver: (before: CampaignSetup | undefined, after: CampaignSetup | undefined) => void;
} {
  let selected: CriterionSpec | undefined;
  let collapsed = new WeakSet<CriterionSpec>();

  function criteriaPanel(s: CampaignSetup): Child {
    return [
      ctx.help('criteria'),
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
    if (selected) ctx.focusKey = `c${ctx.uid(selected)}:name`;
    ctx.touched();
    ctx.render();
  }

  function treeKeys(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const rows = Array.from(ctx.panel.querySelectorAll<HTMLElement>('.xh-node'));
    const i = rows.indexOf(e.currentTarget as HTMLElement);
    const next = rows[e.key === 'ArrowDown' ? i + 1 : i - 1];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  }

  function treeItem(s: CampaignSetup, node: CriterionSpec, depth: number): HTMLElement {
    const id = ctx.uid(node);
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
                  ctx.render();
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
              ctx.confirming = undefined;
              ctx.render();
            },
            keydown: (e) => treeKeys(e as KeyboardEvent),
          },
        },
        bindText(ctx, () => node.code, 'xh-node-code'),
        bindText(ctx, () => node.name || U.criteria.unnamed, 'xh-node-name', true),
        bindText(
          ctx,
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
    const id = ctx.uid(node);
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
      ctx.focusKey = `c${id}:${delta < 0 ? 'up' : 'down'}`;
      ctx.touched();
      ctx.render();
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
          label: formatMessage(U.shell.moveUpOf, { what }),
        }),
        button(['↓ ', U.actions.moveDown], `c${id}:down`, () => move(1), {
          small: true,
          disabled: index === siblingCount - 1,
          label: formatMessage(U.shell.moveDownOf, { what }),
        }),
        removeButton(ctx, `c${id}:remove`, what, () => {
          removeCriterion(s, path);
          selected = undefined;
          const list =
            path.length === 1 ? s.criteria : nodeAt(s.criteria, path.slice(0, -1))?.children;
          const neighbour =
            list?.[Math.min(index, list.length - 1)] ?? nodeAt(s.criteria, path.slice(0, -1));
          ctx.focusKey = neighbour ? `c${ctx.uid(neighbour)}:row` : 'addRoot';
        }),
      ),
      h(
        'div',
        { class: 'xh-row' },
        textField(ctx, {
          key: `c${id}:code`,
          owner: node,
          label: U.criteria.code,
          value: () => node.code,
          commit: (t) => setCriterionCode(s, node, t),
          short: true,
        }),
        leaf
          ? textField(ctx, {
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
              bindText(ctx, () => numberText(node.max), 'xh-readonly'),
            ),
      ),
      textField(ctx, {
        key: `c${id}:name`,
        owner: node,
        label: U.criteria.name,
        value: () => node.name,
        commit: (t) => setName(node, t),
        multiline: true,
      }),
      !leaf && h('p', { class: 'xh-hint' }, U.criteria.parentMax),
      leaf &&
        selectField<RuleKind>(ctx, {
          key: `c${id}:rule`,
          label: U.criteria.rule,
          options: [
            ...(kind ? [] : ([['', U.criteria.noRule]] as const)),
            ...RULE_KINDS.map((k) => [k, C.rules[k]] as const),
          ] as readonly (readonly [RuleKind, string])[],
          value: kind ?? '',
          change: (k) => {
            setRuleKind(s, node, k);
            ctx.drafts.delete(`c${id}:params`);
          },
        }),
      leaf &&
        kind &&
        kind !== 'tick' &&
        textField(ctx, {
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
              ctx.touched();
            });
            return h('div', { class: 'xh-check' }, box, h('label', { for: cid }, b.name));
          }),
          h('p', { class: 'xh-hint' }, U.criteria.allBlocks),
        ),
    );
  }

  /** After a reload: the selected and collapsed criteria of `before` found again by their codes. */
  function carryOver(before: CampaignSetup | undefined, after: CampaignSetup | undefined): void {
    const selectedCode = selected?.code;
    const collapsedCodes: string[] = [];
    if (before)
      walkCriteria(before.criteria, (n) => collapsed.has(n) && collapsedCodes.push(n.code));
    collapsed = new WeakSet();
    selected = undefined;
    if (after) {
      if (selectedCode !== undefined) selected = findByCode(after.criteria, selectedCode);
      for (const code of collapsedCodes) {
        const n = findByCode(after.criteria, code);
        if (n) collapsed.add(n);
      }
    }
  }

  return { panel: criteriaPanel, carryOver };
}
