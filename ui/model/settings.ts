/** The campaign settings: defaults filled in, ranking, bands, tie-break, appraisal, forms. */
import { formatMessage, vi } from '../../shared/i18n/vi';
import {
  DEFAULT_SETTINGS,
  parseReportFont,
  REPORT_FONT_SIZES,
  reportFontText,
} from '../../shared/model/settings';
import type { BandSpec, CampaignSetup, Settings, TieBreakSpec } from '../../shared/model/types';
import { dateOf, numberOf } from '../../shared/workbook/grid';
import { tieBreakText } from '../../shared/report/tieBreakText';
import { bandsText } from '../../shared/workbook/inputs';
import { parseTieBreak, readBands } from '../../shared/workbook/parse/config';
import { fail, ok, type Parsed } from './text';

const U = vi.ui;

/** The settings with the documented defaults filled in. */
export function settingsOf(setup: CampaignSetup): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...setup.settings,
    ranking: { ...DEFAULT_SETTINGS.ranking, ...setup.settings?.ranking },
  };
}

export function updateSettings(setup: CampaignSetup, patch: Partial<Settings>): void {
  setup.settings = { ...setup.settings, ...patch };
}

export function setRankingMethod(
  setup: CampaignSetup,
  method: Settings['ranking']['method'],
): void {
  updateSettings(setup, { ranking: { ...settingsOf(setup).ranking, method } });
}

/** Bands from "Tốt ≥ 80; Khá ≥ 70; Trung bình"; blank → undefined when `blankAllowed`. */
export function parseBandsText(
  text: string,
  blankAllowed: boolean,
): Parsed<BandSpec[] | undefined> {
  if (text.trim() === '') return blankAllowed ? ok(undefined) : fail(U.input.required);
  const bands = readBands(text);
  return bands.ok ? ok(bands.bands) : fail(formatMessage(vi.errors[bands.key], bands.params));
}

export { bandsText, tieBreakText };

export function parseTieBreakText(text: string): Parsed<TieBreakSpec[]> {
  const keys = parseTieBreak(text);
  return keys ? ok(keys) : fail(formatMessage(vi.errors.badTieBreak, { value: text }));
}

export function setTieBreak(setup: CampaignSetup, text: string): string | undefined {
  const keys = parseTieBreakText(text);
  if (!keys.ok) return keys.error;
  updateSettings(setup, { ranking: { ...settingsOf(setup).ranking, tieBreak: keys.value } });
  return undefined;
}

/** "Chênh lệch tối đa giữa người chấm": points ≥ 0, or blank for no check. */
export function setMaxSpread(setup: CampaignSetup, text: string): string | undefined {
  if (text.trim() === '') {
    updateSettings(setup, { appraisalMaxSpread: undefined });
    return undefined;
  }
  const n = numberOf(text);
  if (n === undefined || n < 0) return U.input.badNumber;
  updateSettings(setup, { appraisalMaxSpread: n });
  return undefined;
}

/**
 * "Hạn nộp phiếu tự chấm": a date typed as the pane shows it (31/03/2026; 2026-03-31 is read
 * too), or blank for none. Kept as the workbook's reader gives it (2026-03-31), which is what
 * "Cấu hình" receives and the core reads back.
 */
export function setFormsDeadline(setup: CampaignSetup, text: string): string | undefined {
  if (text.trim() === '') {
    updateSettings(setup, { formsDeadline: undefined });
    return undefined;
  }
  const d = dateOf(text.trim());
  if (d === undefined) return formatMessage(U.shell.badDate, { value: text.trim() });
  updateSettings(setup, { formsDeadline: d });
  return undefined;
}

export { reportFontText };

/** "Phông chữ báo cáo": "Times New Roman 13"; blank for the default (Times New Roman 13). */
export function setReportFont(setup: CampaignSetup, text: string): string | undefined {
  if (text.trim() === '') {
    updateSettings(setup, { reportFont: { ...DEFAULT_SETTINGS.reportFont } });
    return undefined;
  }
  const font = parseReportFont(text);
  if (!font)
    return formatMessage(vi.errors.badReportFont, { value: text.trim(), ...REPORT_FONT_SIZES });
  updateSettings(setup, { reportFont: font });
  return undefined;
}

/** A free-text report setting ("Dòng kèm theo", "Cơ quan chủ quản", "Cơ quan ban hành"); blank = none. */
export function setReportText(
  setup: CampaignSetup,
  name: 'reportSubtitle' | 'issuerParent' | 'issuer',
  text: string,
): undefined {
  updateSettings(setup, { [name]: text.trim() === '' ? undefined : text.trim() });
  return undefined;
}
