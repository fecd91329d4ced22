/**
 * Worked example: the structure after 2025 — no district level, a department block and a
 * commune/ward block. Criterion 2.2 (the commune one-stop shop) applies only to communes, so a
 * department is scored out of 80 and a commune out of 100. Each block has its own bands, and
 * ties in the printed index are broken by field 2 (Cải cách thủ tục hành chính). The scores
 * are invented but realistic; test/examples/worked-examples.test.ts holds the results computed
 * by hand.
 */
import type { BandSpec, CampaignSpec, CellValue } from '../shared';

/** Full marks on every criterion a department is scored on. */
const FULL_SO: Record<string, CellValue> = {
  '1.1': 'có',
  '1.2': 100,
  '1.3': 0,
  '2.1.1': 100,
  '2.1.2': 100,
  '3.1': 'có',
  '3.2': 100,
};

/** Full marks on every criterion a commune or ward is scored on (2.2 included). */
const FULL_XA: Record<string, CellValue> = {
  ...FULL_SO,
  '2.2.1': 'có',
  '2.2.2': 'Tốt',
};

const bands = (top: number, good: number, fair: number): BandSpec[] => [
  { label: 'Xuất sắc', min: top },
  { label: 'Tốt', min: good },
  { label: 'Khá', min: fair },
  { label: 'Trung bình', min: 50 },
  { label: 'Yếu', min: Number.NEGATIVE_INFINITY },
];

export const currentShape2025: CampaignSpec = {
  id: 'an-giang-2025',
  name: 'Đánh giá, xếp hạng kết quả cải cách hành chính năm 2025',
  year: 2025,
  settings: { ranking: { method: 'competition', tieBreak: [{ by: 'field', code: '2' }] } },
  criteria: [
    {
      code: '1',
      name: 'Công tác chỉ đạo, điều hành CCHC',
      max: 20,
      children: [
        {
          code: '1.1',
          name: 'Ban hành kế hoạch CCHC năm 2025',
          max: 5,
          rule: { kind: 'tick' },
        },
        {
          code: '1.2',
          name: 'Mức độ hoàn thành kế hoạch CCHC (%)',
          max: 10,
          rule: {
            kind: 'tiers',
            tiers: [
              { min: 100, points: 10 },
              { min: 90, points: 8.5 },
              { min: 70, points: 6.25 },
              { min: 50, points: 3.75 },
            ],
          },
        },
        {
          code: '1.3',
          name: 'Tồn tại, hạn chế qua kiểm tra CCHC chưa khắc phục (số tồn tại)',
          max: 5,
          rule: { kind: 'deduction', perCount: 1.25 },
        },
      ],
    },
    {
      code: '2',
      name: 'Cải cách thủ tục hành chính',
      max: 40,
      children: [
        {
          code: '2.1',
          name: 'Giải quyết thủ tục hành chính',
          max: 20,
          children: [
            {
              code: '2.1.1',
              name: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn (%)',
              max: 12.5,
              rule: { kind: 'proportional', of: 100 },
            },
            {
              code: '2.1.2',
              name: 'Tỷ lệ hồ sơ TTHC trực tuyến toàn trình (%)',
              max: 7.5,
              rule: {
                kind: 'tiers',
                tiers: [
                  { min: 80, points: 7.5 },
                  { min: 50, points: 5.25 },
                  { min: 30, points: 2.75 },
                ],
              },
            },
          ],
        },
        {
          code: '2.2',
          name: 'Bộ phận Một cửa cấp xã',
          max: 20,
          blocks: ['xa'],
          children: [
            {
              code: '2.2.1',
              name: 'Bố trí Bộ phận Một cửa đúng quy định',
              max: 8.25,
              rule: { kind: 'tick' },
            },
            {
              code: '2.2.2',
              name: 'Số hóa hồ sơ, kết quả giải quyết TTHC',
              max: 11.75,
              rule: {
                kind: 'levels',
                levels: [
                  { label: 'Tốt', points: 11.75 },
                  { label: 'Đạt', points: 8.5 },
                  { label: 'Chưa đạt', points: 4.25 },
                ],
              },
            },
          ],
        },
      ],
    },
    {
      code: '3',
      name: 'Xây dựng chính quyền điện tử, chính quyền số',
      max: 30,
      children: [
        {
          code: '3.1',
          name: 'Sử dụng hệ thống quản lý văn bản và điều hành',
          max: 12.5,
          rule: { kind: 'tick' },
        },
        {
          code: '3.2',
          name: 'Tỷ lệ văn bản điện tử có ký số (%)',
          max: 17.5,
          rule: { kind: 'proportional', of: 100 },
        },
        {
          code: '3.3',
          name: 'Điểm thưởng: mô hình chuyển đổi số tiêu biểu',
          max: 2,
          rule: { kind: 'bonus' },
        },
      ],
    },
  ],
  components: [{ id: 'sipas', name: 'Chỉ số hài lòng (SIPAS)', max: 10 }],
  blocks: [
    { id: 'so', name: 'Khối sở, ban, ngành', bands: bands(90, 80, 70) },
    { id: 'xa', name: 'Khối xã, phường', bands: bands(85, 75, 65) },
  ],
  units: [
    // Khối sở, ban, ngành
    {
      id: 'STP',
      name: 'Sở Tư pháp',
      block: 'so',
      self: { ...FULL_SO, '3.3': 1.25 },
      appraised: { '3.2': 96 },
      components: { sipas: 9.2 },
    },
    {
      id: 'STC',
      name: 'Sở Tài chính',
      block: 'so',
      self: { ...FULL_SO, '2.1.1': 96 },
      appraised: { '1.2': 92 },
      components: { sipas: 8.8 },
    },
    {
      id: 'SNV',
      name: 'Sở Nội vụ',
      block: 'so',
      self: { ...FULL_SO, '2.1.1': 87, '3.2': 98 },
      appraised: { '3.2': 97.68 },
      components: { sipas: 8.83 },
    },
    {
      id: 'SYT',
      name: 'Sở Y tế',
      block: 'so',
      self: { ...FULL_SO, '2.1.2': 65 },
      appraised: { '1.1': 'không', '1.3': 2 },
      components: { sipas: 8.75 },
    },
    {
      id: 'SXD',
      name: 'Sở Xây dựng',
      block: 'so',
      self: { ...FULL_SO },
      appraised: { '3.1': 'không' },
      components: { sipas: 6.5 },
    },
    {
      id: 'SNNMT',
      name: 'Sở Nông nghiệp và Môi trường',
      block: 'so',
      self: { ...FULL_SO, '1.2': 80, '2.1.2': 55, '3.2': 70, '3.3': 0.75 },
      appraised: { '1.2': 75, '2.1.2': 40, '3.3': 0.5 },
      components: { sipas: 7.15 },
    },
    {
      id: 'SKHCN',
      name: 'Sở Khoa học và Công nghệ',
      block: 'so',
      self: { ...FULL_SO, '1.2': 50, '2.1.2': 20, '3.1': 'không' },
      components: { sipas: 6 },
    },
    {
      id: 'SVHTTDL',
      name: 'Sở Văn hóa, Thể thao và Du lịch',
      block: 'so',
      self: { ...FULL_SO, '1.3': 2, '2.1.2': 10, '3.2': 60 },
      appraised: { '1.1': 'không', '1.3': 5, '3.1': 'không', '3.2': 40 },
      components: { sipas: 5.5 },
    },
    // Khối xã, phường
    {
      id: 'PLX',
      name: 'Phường Long Xuyên',
      block: 'xa',
      self: { ...FULL_XA, '3.3': 2 },
      appraised: { '2.2.2': 'Đạt' },
      components: { sipas: 9.4 },
    },
    {
      id: 'PBD',
      name: 'Phường Bình Đức',
      block: 'xa',
      self: { ...FULL_XA, '2.1.1': 98, '3.2': 90 },
      appraised: { '1.2': 95 },
      components: { sipas: 8.5 },
    },
    {
      id: 'XAP',
      name: 'Xã An Phú',
      block: 'xa',
      self: { ...FULL_XA, '2.1.1': 98, '3.2': 80, '3.3': 0.5 },
      appraised: { '1.3': 1 },
      components: { sipas: 9.5 },
    },
    {
      id: 'PCD',
      name: 'Phường Châu Đốc',
      block: 'xa',
      self: { ...FULL_XA, '2.1.2': 60, '3.3': 0.75 },
      appraised: { '2.2.1': 'không' },
      components: { sipas: 8.4 },
    },
    {
      id: 'PMT',
      name: 'Phường Mỹ Thới',
      block: 'xa',
      self: { ...FULL_XA, '1.2': 85, '2.2.2': 'Đạt', '3.2': 92.5 },
      appraised: { '1.1': 'không', '2.2.2': 'Chưa đạt' },
      components: { sipas: 7.9 },
    },
    {
      id: 'XCP',
      name: 'Xã Châu Phú',
      block: 'xa',
      self: { ...FULL_XA, '1.3': 1, '2.1.1': 80, '2.1.2': 45 },
      appraised: { '1.3': 3, '3.1': 'không' },
      components: { sipas: 7.5 },
    },
    {
      id: 'XCM',
      name: 'Xã Chợ Mới',
      block: 'xa',
      // Not appraised; 1.3 left blank (no shortcoming declared).
      self: {
        ...FULL_XA,
        '1.1': 'không',
        '1.2': 55,
        '1.3': null,
        '2.2.1': 'không',
        '2.2.2': 'Chưa đạt',
        '3.2': 50,
      },
      components: { sipas: 6.75 },
    },
    {
      id: 'XOE',
      name: 'Xã Óc Eo',
      block: 'xa',
      self: {
        ...FULL_XA,
        '1.2': 40,
        '2.1.2': 25,
        '2.2.1': 'không',
        '2.2.2': 'Chưa đạt',
        '3.2': 60,
      },
      appraised: { '3.1': 'không' },
      components: { sipas: 6.2 },
    },
  ],
};
