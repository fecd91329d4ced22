/** "Khen thưởng": the award types (quota, cap, own gates), runners-up and the campaign gates. */
import { formatMessage, vi } from '../../shared/i18n/vi';
import type { CampaignSetup } from '../bridge';
import { h, type Child } from '../dom';
import {
  addAward,
  awardGatesText,
  ensureAwards,
  GATE_KEYS,
  gateExample,
  gateLabel,
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
  runnersUpMode,
  runnersUpOf,
  setRunnersUp,
  setRunnersUpMode,
  type QuotaMode,
  type RunnersUpMode,
} from '../model/awards';
import { numberText, setName } from '../model/text';
import type { ViewContext } from './context';
import { bindText, button, itemActions, section, selectField, textField } from './fields';

const U = vi.ui;
const W = vi.workbook;
const C = W.choices;
const CE = vi.councilExclusion;

export function awardsPanel(ctx: ViewContext, s: CampaignSetup): Child {
  const a = s.awards;
  const quotaModes: (readonly [QuotaMode, string])[] = [
    ['same', U.awards.quotaModes.same],
    ['perBlock', U.awards.quotaModes.perBlock],
    ['none', U.awards.quotaModes.none],
  ];
  return [
    section(
      U.awards.title,
      ctx.help('awards'),
      h('p', { class: 'xh-hint' }, U.awards.titleHint),
      (a?.awards ?? []).length === 0 && h('p', { class: 'xh-note' }, U.awards.none),
      (a?.awards ?? []).map((award, i, list) => {
        const id = ctx.uid(award);
        const mode = quotaMode(award);
        const what = formatMessage(U.awards.item, { id: award.id });
        return h(
          'div',
          { class: 'xh-card', 'data-award': String(i) },
          h(
            'div',
            { class: 'xh-card-head' },
            bindText(ctx, () => award.name || award.id, 'xh-h3'),
            itemActions(ctx, list, award, `a${id}`, what, () =>
              removeAward(s, list.indexOf(award)),
            ),
          ),
          h(
            'div',
            { class: 'xh-row' },
            textField(ctx, {
              key: `a${id}:id`,
              owner: award,
              label: U.awards.id,
              value: () => award.id,
              commit: (t) => renameAward(s, list.indexOf(award), t),
              short: true,
            }),
            textField(ctx, {
              key: `a${id}:name`,
              owner: award,
              label: U.awards.name,
              value: () => award.name,
              commit: (t) => setName(award, t),
            }),
          ),
          selectField<QuotaMode>(ctx, {
            key: `a${id}:quotaMode`,
            label: W.headers.quota,
            options: quotaModes,
            value: mode,
            change: (m) => setQuotaMode(award, m, s.blocks),
          }),
          mode === 'same' &&
            textField(ctx, {
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
                textField(ctx, {
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
          textField(ctx, {
            key: `a${id}:cap`,
            owner: award,
            label: U.awards.cap,
            value: () => numberText(award.cap),
            commit: (t) => setCap(award, t),
            hint: U.awards.capHint,
            inputmode: 'numeric',
            short: true,
          }),
          textField(ctx, {
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
        ctx.focusKey = `a${ctx.uid(ensureAwards(s).awards[i])}:id`;
        ctx.touched();
        ctx.render();
      }),
    ),
    a &&
      section(
        U.awards.othersTitle,
        selectField<RunnersUpMode>(ctx, {
          key: 'runnersUpMode',
          label: W.settings.runnersUp,
          options: [
            ['same', CE.runnersUpModes.same],
            ['perBlock', CE.runnersUpModes.perBlock],
          ],
          value: runnersUpMode(a),
          change: (m) => setRunnersUpMode(s, m, s.blocks),
        }),
        runnersUpMode(a) === 'same' &&
          textField(ctx, {
            key: 'runnersUp',
            owner: s,
            label: CE.runnersUpSame,
            value: () => numberText(runnersUpOf(a)),
            commit: (t) => setRunnersUp(s, t),
            inputmode: 'numeric',
            short: true,
          }),
        runnersUpMode(a) === 'perBlock' &&
          h(
            'div',
            { class: 'xh-row xh-quota', 'data-runners-up': '' },
            s.blocks.map((b) =>
              textField(ctx, {
                key: `runnersUp:${b.id}`,
                owner: s,
                label: b.name,
                value: () => numberText(runnersUpOf(a, b.id) ?? 0),
                commit: (t) => setRunnersUp(s, t, b.id),
                inputmode: 'numeric',
                short: true,
              }),
            ),
          ),
        selectField<'passDown' | 'leaveEmpty'>(ctx, {
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
          textField(ctx, {
            key: `gate:${k}`,
            owner: s,
            label: gateLabel(k),
            value: () => gateFields(s.awards?.gates)[k],
            commit: (t) => setGateField(s, k, t),
            placeholder: gateExample(k),
          }),
        ),
      ),
  ];
}
