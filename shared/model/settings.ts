/** Campaign settings: the documented defaults and their validation. */
import { error, type Issue, type IssueLocation } from './issues';
import { MAX_DECIMALS } from '../numbers/points';
import type { BandSpec, CellRef, Settings } from './types';

/** National groups of the PAR Index: A ≥ 90, B 80–<90, C 70–<80, D below. */
export const NATIONAL_BANDS: readonly BandSpec[] = [
  { label: 'A', min: 90 },
  { label: 'B', min: 80 },
  { label: 'C', min: 70 },
  { label: 'D', min: Number.NEGATIVE_INFINITY },
];

/** The five named groups provinces use: Xuất sắc ≥ 90, Tốt ≥ 80, Khá ≥ 70, Trung bình ≥ 50, Yếu. */
export const PROVINCIAL_BANDS: readonly BandSpec[] = [
  { label: 'Xuất sắc', min: 90 },
  { label: 'Tốt', min: 80 },
  { label: 'Khá', min: 70 },
  { label: 'Trung bình', min: 50 },
  { label: 'Yếu', min: Number.NEGATIVE_INFINITY },
];

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  decimals: 2,
  scoreSource: 'appraisedWhenPresent',
  naPolicy: 'exclude',
  blankPolicy: 'zero',
  rankBy: 'index',
  ranking: { method: 'competition', tieBreak: [] },
  bands: [...NATIONAL_BANDS],
  evidencePolicy: 'error',
  appraisalCombine: 'mean',
  reportFont: { name: 'Times New Roman', size: 13 },
  previousMerge: 'mean',
};

/** The sizes "Phông chữ báo cáo" accepts (points). */
export const REPORT_FONT_SIZES = { min: 6, max: 36 } as const;

/**
 * "Times New Roman 13" → the font; the size last (a decimal comma reads too), the name before it.
 * Undefined when it does not read or the size is out of REPORT_FONT_SIZES.
 */
export function parseReportFont(value: string): { name: string; size: number } | undefined {
  const m = /^(.*?\S)\s+(\d+(?:[.,]\d+)?)\s*(?:pt)?$/i.exec(value.trim());
  if (!m) return undefined;
  const size = Number(m[2].replace(',', '.'));
  const name = m[1].replace(/\s+/g, ' ').replace(/,$/, '').trim();
  if (name === '' || /^\d/.test(name)) return undefined;
  return isReportFont({ name, size }) ? { name, size } : undefined;
}

/** A font as "Cấu hình" shows it: "Times New Roman 13" (a decimal size with a comma). */
export function reportFontText(font: { name: string; size: number }): string {
  return `${font.name} ${String(font.size).replace('.', ',')}`;
}

function isReportFont(font: unknown): boolean {
  const f = font as { name?: unknown; size?: unknown } | undefined;
  return (
    typeof f?.name === 'string' &&
    f.name.trim() !== '' &&
    typeof f.size === 'number' &&
    Number.isFinite(f.size) &&
    f.size >= REPORT_FONT_SIZES.min &&
    f.size <= REPORT_FONT_SIZES.max
  );
}

const CHOICES: Record<string, readonly string[]> = {
  scoreSource: ['appraisedWhenPresent', 'selfOnly', 'appraisedOnly'],
  naPolicy: ['exclude', 'zero'],
  blankPolicy: ['zero', 'error'],
  evidencePolicy: ['error', 'warning'],
  rankBy: ['index', 'total'],
  appraisalCombine: ['mean', 'median', 'trimmedMean'],
  previousMerge: ['mean', 'staff', 'none'],
};

/** Fills defaults and reports every setting that is out of range. */
export function resolveSettings(
  partial: Partial<Settings> | undefined,
  cells: Partial<Record<string, CellRef>> = {},
): {
  settings: Settings;
  issues: Issue[];
} {
  const issues: Issue[] = [];
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    ...partial,
    ranking: { ...DEFAULT_SETTINGS.ranking, ...partial?.ranking },
  };
  const where = (name: string): IssueLocation =>
    cells[name] ? { cell: cells[name] } : { settings: true };
  const d = settings.decimals;
  if (!Number.isInteger(d) || d < 0 || d > MAX_DECIMALS) {
    issues.push(error('badDecimals', { max: MAX_DECIMALS }, where('decimals')));
    settings.decimals = DEFAULT_SETTINGS.decimals;
  }
  for (const [name, allowed] of Object.entries(CHOICES)) {
    const value = (settings as unknown as Record<string, unknown>)[name];
    if (!allowed.includes(String(value)))
      issues.push(error('badSetting', { name, value }, where(name)));
  }
  if (!['competition', 'dense'].includes(settings.ranking.method)) {
    issues.push(
      error(
        'badSetting',
        { name: 'ranking.method', value: settings.ranking.method },
        where('method'),
      ),
    );
  }
  if (!Array.isArray(settings.ranking.tieBreak)) {
    issues.push(
      error(
        'badSetting',
        { name: 'ranking.tieBreak', value: settings.ranking.tieBreak },
        where('tieBreak'),
      ),
    );
    settings.ranking.tieBreak = [];
  }
  const spread = settings.appraisalMaxSpread;
  if (
    spread !== undefined &&
    !(typeof spread === 'number' && Number.isFinite(spread) && spread >= 0)
  ) {
    issues.push(error('badMaxSpread', { value: spread }, where('appraisalMaxSpread')));
    settings.appraisalMaxSpread = undefined;
  }
  if (!isReportFont(settings.reportFont)) {
    const f = settings.reportFont as { name?: unknown; size?: unknown } | undefined;
    issues.push(
      error(
        'badReportFont',
        { value: `${String(f?.name ?? '')} ${String(f?.size ?? '')}`.trim(), ...REPORT_FONT_SIZES },
        where('reportFont'),
      ),
    );
    settings.reportFont = DEFAULT_SETTINGS.reportFont;
  }
  return { settings, issues };
}
