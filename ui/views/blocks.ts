/** "Khối" (blocks and bands): the default bands and the blocks, each with its id, name and own bands. */
import { formatMessage, vi } from '../../shared/i18n/vi';
import type { CampaignSetup } from '../bridge';
import { h, type Child } from '../dom';
import { addBlock, removeBlock, renameBlock, setBlockBands } from '../model/blocks';
import { bandsText, parseBandsText, settingsOf, updateSettings } from '../model/settings';
import { setName } from '../model/text';
import type { ViewContext } from './context';
import { bindText, button, itemActions, section, textField } from './fields';

const U = vi.ui;

export function blocksPanel(ctx: ViewContext, s: CampaignSetup): Child {
  return [
    section(
      U.blocks.defaultTitle,
      textField(ctx, {
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
        const id = ctx.uid(b);
        const what = formatMessage(U.blocks.item, { id: b.id });
        return h(
          'div',
          { class: 'xh-card' },
          h(
            'div',
            { class: 'xh-card-head' },
            bindText(ctx, () => b.name || b.id, 'xh-h3'),
            itemActions(ctx, s.blocks, b, `b${id}`, what, () =>
              removeBlock(s, s.blocks.indexOf(b)),
            ),
          ),
          h(
            'div',
            { class: 'xh-row' },
            textField(ctx, {
              key: `b${id}:id`,
              owner: b,
              label: U.blocks.id,
              value: () => b.id,
              commit: (t) => renameBlock(s, s.blocks.indexOf(b), t),
              short: true,
            }),
            textField(ctx, {
              key: `b${id}:name`,
              owner: b,
              label: U.blocks.name,
              value: () => b.name,
              commit: (t) => setName(b, t),
            }),
          ),
          textField(ctx, {
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
        ctx.focusKey = `b${ctx.uid(s.blocks[i])}:id`;
        ctx.touched();
        ctx.render();
      }),
    ),
  ];
}
