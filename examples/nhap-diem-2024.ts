/**
 * Worked example: a province's criteria set as published, where the appraisal council types the
 * points each unit earned ("Nhập điểm") for most criteria — on a step of 0,25 or 0,5 where the
 * decision says so, freely elsewhere — and a few criteria keep another rule (a tick, a
 * deduction, levels, a rate). 40 points of criteria in three fields, a department block and a
 * district block, provincial bands. One appraised cell holds "2,75" typed as text; one
 * criterion does not apply to Sở Y tế (N/A). The scores are invented but realistic;
 * test/examples/worked-examples.test.ts holds the results computed by hand.
 */
import type { CampaignSpec, CellValue, CriterionSpec } from '../shared';
import { PROVINCIAL_BANDS } from '../shared/model/settings';

/** A criterion scored by the points typed, on the step when the decision gives one. */
const typed = (code: string, name: string, max: number, step?: number): CriterionSpec => ({
  code,
  name,
  max,
  rule: step === undefined ? { kind: 'points' } : { kind: 'points', step },
});

/** Full marks: 12 + 14 + 14 = 40 points of criteria. */
const FULL: Record<string, CellValue> = {
  '1.1': 3,
  '1.2': 4,
  '1.3': 2,
  '1.4': 'x',
  '1.5': 0,
  '2.1': 4,
  '2.2': 3,
  '2.3': 'Đầy đủ, kịp thời',
  '2.4': 100,
  '3.1': 5,
  '3.2': 4,
  '3.3': 5,
};

export const nhapDiem2024: CampaignSpec = {
  id: 'nhap-diem-2024',
  name: 'Xác định Chỉ số cải cách hành chính năm 2024',
  year: 2024,
  settings: { bands: [...PROVINCIAL_BANDS] },
  criteria: [
    {
      code: '1',
      name: 'Công tác chỉ đạo, điều hành cải cách hành chính',
      max: 12,
      children: [
        typed('1.1', 'Xây dựng kế hoạch cải cách hành chính năm', 3, 0.25),
        typed('1.2', 'Mức độ thực hiện kế hoạch cải cách hành chính', 4, 0.5),
        typed('1.3', 'Tuyên truyền cải cách hành chính', 2),
        {
          code: '1.4',
          name: 'Có sáng kiến cải cách hành chính được công nhận',
          max: 1,
          rule: { kind: 'tick' },
        },
        {
          code: '1.5',
          name: 'Vi phạm kỷ luật, kỷ cương hành chính (số lần)',
          max: 2,
          rule: { kind: 'deduction', perCount: 0.5 },
        },
      ],
    },
    {
      code: '2',
      name: 'Cải cách thủ tục hành chính',
      max: 14,
      children: [
        typed('2.1', 'Rà soát, đơn giản hóa thủ tục hành chính', 4, 0.25),
        typed('2.2', 'Công khai thủ tục hành chính', 3, 0.25),
        {
          code: '2.3',
          name: 'Tiếp nhận, xử lý phản ánh, kiến nghị',
          max: 3,
          rule: {
            kind: 'levels',
            levels: [
              { label: 'Đầy đủ, kịp thời', points: 3 },
              { label: 'Chậm', points: 1.5 },
              { label: 'Không thực hiện', points: 0 },
            ],
          },
        },
        {
          code: '2.4',
          name: 'Tỷ lệ hồ sơ giải quyết đúng hạn (%)',
          max: 4,
          rule: { kind: 'proportional', of: 100 },
        },
      ],
    },
    {
      code: '3',
      name: 'Xây dựng và phát triển Chính quyền số',
      max: 14,
      children: [
        typed('3.1', 'Cung cấp dịch vụ công trực tuyến', 5, 0.5),
        typed('3.2', 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', 4, 0.25),
        typed('3.3', 'Ứng dụng công nghệ thông tin trong quản lý, điều hành', 5),
      ],
    },
  ],
  blocks: [
    { id: 'so', name: 'Khối sở, ban, ngành' },
    { id: 'huyen', name: 'Khối huyện, thị xã' },
  ],
  units: [
    {
      id: 'STP',
      name: 'Sở Tư pháp',
      block: 'so',
      self: FULL,
      appraised: { ...FULL, '1.1': '2,75', '1.2': 3.5, '3.1': 4.5 },
    },
    {
      id: 'SNV',
      name: 'Sở Nội vụ',
      block: 'so',
      self: FULL,
      appraised: { ...FULL, '1.2': 3, '2.1': 3.25, '2.2': 2.5, '2.4': 95, '3.3': 4.2 },
    },
    {
      id: 'SYT',
      name: 'Sở Y tế',
      block: 'so',
      self: { ...FULL, '3.2': 'N/A' },
      appraised: {
        ...FULL,
        '1.1': 2.5,
        '1.3': 1.5,
        '1.5': 1,
        '2.3': 'Chậm',
        '3.1': 4,
        '3.2': 'N/A',
        '3.3': 4.75,
      },
    },
    {
      id: 'TXAH',
      name: 'UBND thị xã An Hòa',
      block: 'huyen',
      self: FULL,
      appraised: {
        ...FULL,
        '1.2': 3.5,
        '1.4': 'không',
        '2.1': 3.75,
        '2.4': 98,
        '3.1': 4.5,
        '3.2': 3.75,
        '3.3': 4.8,
      },
    },
    {
      id: 'HBS',
      name: 'UBND huyện Bình Sơn',
      block: 'huyen',
      self: { ...FULL, '1.2': 3.5 },
      appraised: {
        ...FULL,
        '1.2': 2.5,
        '1.3': 1.25,
        '1.5': 2,
        '2.1': 2.75,
        '2.2': 2.25,
        '2.3': 'Chậm',
        '3.1': 3.5,
        '3.2': 2.5,
        '3.3': 3,
      },
    },
    {
      id: 'HCL',
      name: 'UBND huyện Cẩm Lĩnh',
      block: 'huyen',
      self: FULL,
      appraised: {
        ...FULL,
        '1.1': 2.25,
        '2.2': 2.75,
        '2.4': 90,
        '3.1': 4,
        '3.2': 3.5,
        '3.3': 4.65,
      },
    },
  ],
};
