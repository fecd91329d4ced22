/** "Thiết lập": the campaign, ranking, scoring, forms and report settings. */
import { vi } from '../../shared/i18n/vi';
import type { Settings } from '../../shared/model/types';
import type { CampaignSetup } from '../bridge';
import type { Child } from '../dom';
import {
  setFormsDeadline,
  reportFontText,
  setMaxSpread,
  setRankingMethod,
  setReportFont,
  setReportText,
  setTieBreak,
  settingsOf,
  tieBreakText,
  updateSettings,
} from '../model/settings';
import { dateText, numberText, parseCount } from '../model/text';
import type { ViewContext } from './context';
import { section, selectField, textField } from './fields';

const U = vi.ui;
const W = vi.workbook;
const C = W.choices;

export function settingsPanel(ctx: ViewContext, s: CampaignSetup): Child {
  const st = settingsOf(s);
  const K = W.settings;
  const choice = <T extends string>(
    key:
      'scoreSource' | 'naPolicy' | 'blankPolicy' | 'rankBy' | 'appraisalCombine' | 'evidencePolicy',
    labels: Record<T, string>,
  ): HTMLElement =>
    selectField<T>(ctx, {
      key: `setting:${key}`,
      label: K[key],
      options: (Object.keys(labels) as T[]).map((v) => [v, labels[v]] as const),
      value: st[key] as T,
      change: (v) => updateSettings(s, { [key]: v } as Partial<Settings>),
    });
  const R = vi.reportLayout;
  const reportText = (
    name: 'reportSubtitle' | 'issuerParent' | 'issuer',
    hint?: string,
    multiline = false,
  ): HTMLElement =>
    textField(ctx, {
      key: `setting:${name}`,
      owner: s,
      label: R.settings[name],
      value: () => settingsOf(s)[name] ?? '',
      commit: (t) => setReportText(s, name, t),
      ...(hint ? { hint } : {}),
      ...(multiline ? { multiline } : {}),
    });
  return [
    section(
      U.settings.campaign,
      ctx.help('settings'),
      textField(ctx, {
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
      textField(ctx, {
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
      textField(ctx, {
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
      selectField<Settings['ranking']['method']>(ctx, {
        key: 'setting:method',
        label: K.method,
        options: [
          ['competition', U.settings.methods.competition],
          ['dense', U.settings.methods.dense],
        ],
        value: st.ranking.method,
        change: (m) => setRankingMethod(s, m),
      }),
      textField(ctx, {
        key: 'setting:tieBreak',
        owner: s,
        label: K.tieBreak,
        value: () => tieBreakText(settingsOf(s).ranking.tieBreak),
        commit: (t) => setTieBreak(s, t),
        hint: U.settings.tieBreakHint,
      }),
      choice('rankBy', C.rankBy),
      selectField<string>(ctx, {
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
      // issue 17: a merged unit's last-year index, when "Kết quả năm trước" is present
      selectField<Settings['previousMerge']>(ctx, {
        key: 'setting:previousMerge',
        label: vi.previousYear.settings.previousMerge,
        options: (['mean', 'staff', 'none'] as const).map(
          (v) => [v, vi.previousYear.choices.previousMerge[v]] as const,
        ),
        value: st.previousMerge,
        change: (v) => updateSettings(s, { previousMerge: v }),
        hint: vi.previousYear.notes.previousMerge,
      }),
      textField(ctx, {
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
      textField(ctx, {
        key: 'setting:formsDeadline',
        owner: s,
        label: K.formsDeadline,
        value: () => dateText(settingsOf(s).formsDeadline),
        commit: (t) => setFormsDeadline(s, t),
        hint: U.shell.dateHint,
        short: true,
      }),
      choice('evidencePolicy', C.evidencePolicy),
    ),
    // The report (issue 15): the font of the output tables and the Word appendix, the line under
    // each title, the issuing body of the Word header block.
    section(
      R.ui.section,
      textField(ctx, {
        key: 'setting:reportFont',
        owner: s,
        label: R.settings.reportFont,
        value: () => reportFontText(settingsOf(s).reportFont),
        commit: (t) => setReportFont(s, t),
        hint: R.ui.fontHint,
      }),
      reportText('reportSubtitle', R.ui.subtitleHint, true),
      reportText('issuerParent', R.ui.issuerHint),
      reportText('issuer'),
    ),
  ];
}
