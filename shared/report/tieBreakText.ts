// The tie-break keys as a person writes them: the report's notes and the "Cấu hình" setting.
import { vi } from '../i18n/vi';
import type { TieBreakSpec } from '../model/types';

/** "Lĩnh vực 2; Ít điểm trừ" — the "Tiêu chí phụ khi bằng điểm" setting as written. */
export function tieBreakText(keys: readonly TieBreakSpec[]): string {
  const t = vi.workbook.choices.tieBreak;
  return keys
    .map((k) =>
      k.by === 'field'
        ? `${t.field} ${k.code}`
        : k.by === 'component'
          ? `${t.component} ${k.id}`
          : t[k.by],
    )
    .join('; ');
}
