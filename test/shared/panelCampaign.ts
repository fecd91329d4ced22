/**
 * A small campaign appraised by a panel (three appraisers, one of them working in a unit), used
 * by the appraisal tests: every number below is easy to check by hand.
 */
import type { AppraisalSpec, CampaignSpec, CellValue, UnitSpec } from '../../shared/model/types';
import { inputSheets } from '../../shared/workbook/inputs';

/** 1.1 tick (1 point), 1.2 levels in 0,25 steps (1 point), 1.3 proportional on 100 (1 point). */
export function panelSpec(over: Partial<CampaignSpec> = {}): CampaignSpec {
  const unit = (id: string, name: string, appraisals: AppraisalSpec[]): UnitSpec => ({
    id,
    name,
    block: 'so',
    self: { '1.1': 'x', '1.2': 'Tốt', '1.3': 100 },
    ...(appraisals.length ? { appraisals } : {}),
  });
  return {
    id: 'tham-dinh-2026',
    name: 'Thẩm định thử',
    year: 2026,
    blocks: [{ id: 'so', name: 'Khối sở' }],
    criteria: [
      {
        code: '1',
        name: 'Lĩnh vực 1',
        max: 3,
        children: [
          { code: '1.1', name: 'Ban hành kế hoạch', max: 1, rule: { kind: 'tick' } },
          {
            code: '1.2',
            name: 'Chất lượng báo cáo',
            max: 1,
            rule: {
              kind: 'levels',
              levels: [
                { label: 'Tốt', points: 1 },
                { label: 'Khá', points: 0.75 },
                { label: 'Đạt', points: 0.5 },
                { label: 'Kém', points: 0.25 },
              ],
            },
          },
          {
            code: '1.3',
            name: 'Tỷ lệ hồ sơ đúng hạn',
            max: 1,
            rule: { kind: 'proportional', of: 100 },
          },
        ],
      },
    ],
    appraisers: [
      { id: 'NV1', name: 'Nguyễn Văn Một', unit: 'SNV' },
      { id: 'NV2', name: 'Trần Thị Hai' },
      { id: 'NV3', name: 'Lê Văn Ba' },
    ],
    units: [
      unit('STP', 'Sở Tư pháp', [
        { appraiser: 'NV1', scores: { '1.1': 'x', '1.2': 'Tốt', '1.3': 100 } },
        { appraiser: 'NV2', scores: { '1.1': 'x', '1.2': 'Khá', '1.3': 75 } },
        { appraiser: 'NV3', scores: { '1.1': 'x', '1.2': 'Kém', '1.3': 50 } },
      ]),
      unit('SNV', 'Sở Nội vụ', [
        { appraiser: 'NV2', scores: { '1.1': 'x', '1.2': 'Khá', '1.3': 90 } },
        { appraiser: 'NV3', scores: { '1.1': '', '1.2': 'Đạt', '1.3': 80 } },
      ]),
      unit('STC', 'Sở Tài chính', []),
    ],
    ...over,
  };
}

export type Book = Record<string, CellValue[][]>;

/** The spec as workbook sheets (mutable copies). */
export function bookOf(spec: CampaignSpec): Book {
  return Object.fromEntries(inputSheets(spec).map((b) => [b.name, b.rows.map((r) => [...r])]));
}

/** Sets a setting row of "Cấu hình" (adds it after the last setting when missing). */
export function setSetting(book: Book, key: string, value: CellValue): void {
  const config = book['Cấu hình'];
  const row = config.findIndex((r) => r[0] === key);
  if (row >= 0) config[row][1] = value;
  else
    config.splice(
      config.findIndex((r, i) => i > 0 && r.length === 0),
      0,
      [key, value],
    );
}
