/**
 * `xephang template`: a fresh campaign workbook — the input sheets of the workbook format with
 * a starter criteria tree, blocks, bands and N unit columns, or one of the bundled examples.
 */
import { inputSheets, type CampaignSpec, type CriterionSpec, type UnitSpec } from '../shared';
import { anGiang2018 } from '../examples/an-giang-2018';
import { currentShape2025 } from '../examples/current-shape';
import { ninhThuan2020 } from '../examples/ninh-thuan-2020';
import { buildWorkbook, writeFileAtomic } from './xlsx';
import { XlsxError } from './xlsx/types';

export const EXAMPLES: Record<string, CampaignSpec> = {
  'an-giang-2018': anGiang2018,
  'ninh-thuan-2020': ninhThuan2020,
  'current-shape': currentShape2025,
};

const tick = (code: string, name: string, max: number): CriterionSpec => ({
  code,
  name,
  max,
  rule: { kind: 'tick' },
});

/** A starter campaign: the first fields of the PAR Index method with a few criteria each. */
export function starterCampaign(units: number, year = new Date().getFullYear()): CampaignSpec {
  const unitSpecs: UnitSpec[] = Array.from({ length: units }, (_, i) => ({
    id: `DV${String(i + 1).padStart(3, '0')}`,
    name: `Đơn vị ${i + 1}`,
    block: i % 2 === 0 ? 'so' : 'xa',
  }));
  return {
    id: `cchc-${year}`,
    name: `Thi đua cải cách hành chính năm ${year}`,
    year,
    settings: {
      bands: [
        { label: 'Xuất sắc', min: 90 },
        { label: 'Tốt', min: 80 },
        { label: 'Khá', min: 70 },
        { label: 'Trung bình', min: 50 },
        { label: 'Yếu', min: Number.NEGATIVE_INFINITY },
      ],
    },
    criteria: [
      {
        code: '1',
        name: 'Công tác chỉ đạo, điều hành cải cách hành chính',
        max: 10,
        children: [
          tick('1.1', 'Ban hành kế hoạch cải cách hành chính năm kịp thời', 2),
          {
            code: '1.2',
            name: 'Mức độ hoàn thành kế hoạch (%)',
            max: 4,
            rule: {
              kind: 'tiers',
              tiers: [
                { min: 100, points: 4 },
                { min: 80, points: 2 },
              ],
            },
          },
          {
            code: '1.3',
            name: 'Báo cáo cải cách hành chính định kỳ',
            max: 2,
            rule: {
              kind: 'levels',
              levels: [
                { label: 'Đầy đủ, đúng hạn', points: 2 },
                { label: 'Chậm hạn', points: 1 },
                { label: 'Không báo cáo', points: 0 },
              ],
            },
          },
          {
            code: '1.4',
            name: 'Vi phạm kỷ luật, kỷ cương (số lần)',
            max: 2,
            rule: { kind: 'deduction', perCount: 0.5 },
          },
        ],
      },
      {
        code: '2',
        name: 'Cải cách thủ tục hành chính',
        max: 10,
        children: [
          {
            code: '2.1',
            name: 'Tỷ lệ hồ sơ giải quyết đúng hạn (%)',
            max: 6,
            rule: { kind: 'proportional', of: 100 },
          },
          tick('2.2', 'Công khai thủ tục hành chính đầy đủ', 4),
          {
            code: '2.3',
            name: 'Sáng kiến được công nhận (điểm thưởng)',
            max: 1,
            rule: { kind: 'bonus', perCount: 0.5 },
          },
        ],
      },
    ],
    components: [{ id: 'sipas', name: 'Chỉ số hài lòng (SIPAS)', max: 10 }],
    blocks: [
      { id: 'so', name: 'Khối sở, ban, ngành' },
      { id: 'xa', name: 'Khối xã, phường' },
    ],
    units: unitSpecs,
  };
}

/** Writes the template; returns a Vietnamese problem or undefined. */
export function writeTemplate(
  path: string,
  options: { units: number; example?: string },
): string | undefined {
  let spec: CampaignSpec;
  if (options.example !== undefined) {
    const found = EXAMPLES[options.example];
    if (!found)
      return `Không có ví dụ "${options.example}". Có: ${Object.keys(EXAMPLES).join(', ')}.`;
    spec = found;
  } else spec = starterCampaign(options.units);
  try {
    writeFileAtomic(path, buildWorkbook(inputSheets(spec)));
  } catch (e) {
    if (e instanceof XlsxError) return e.message;
    throw e;
  }
  return undefined;
}
