/**
 * Worked example: Ninh Thuận 2020 (seed 002), the award conditions of the year's CCHC
 * emulation campaign — a department block (with two sub-units of the Văn phòng UBND tỉnh) and a
 * district block, 80 points of criteria plus SIPAS 20 (so the index is the total), bands
 * Tốt / Khá / Trung bình / Yếu. A collective must: have completed its tasks excellently, be
 * classified "Tốt", have a recognised initiative, score higher than last year on the PAR
 * INDEX, PCI, PAPI and SIPAS, and keep discipline (at most 10% of its staff violating; a parent
 * body with more than 10% of its sub-units violating is out too). At most 12 collectives and
 * 12 individuals get the Bằng khen. The scores are invented but realistic; each unit fails at
 * most one condition, and test/examples/awards.test.ts holds the results computed by hand.
 */
import type { CampaignSpec, CellValue } from '../shared';

/** Full marks: 8 + 12 + 20 + 10 + 10 + 20 = 80 points of criteria. */
const FULL: Record<string, CellValue> = {
  '1.1': 'x',
  '1.2': 'Đầy đủ, đúng hạn',
  '2.1': 100,
  '2.2': 'x',
  '3.1': 'x',
  '3.2': 60,
};

/** Both recognitions the seed asks for. */
const BOTH = ['excellent', 'initiative'];

export const ninhThuan2020: CampaignSpec = {
  id: 'ninh-thuan-2020',
  name: 'Phong trào thi đua cải cách hành chính tỉnh Ninh Thuận năm 2020',
  year: 2020,
  settings: {
    bands: [
      { label: 'Tốt', min: 80 },
      { label: 'Khá', min: 70 },
      { label: 'Trung bình', min: 50 },
      { label: 'Yếu', min: Number.NEGATIVE_INFINITY },
    ],
  },
  criteria: [
    {
      code: '1',
      name: 'Công tác chỉ đạo, điều hành CCHC',
      max: 20,
      children: [
        {
          code: '1.1',
          name: 'Ban hành kế hoạch CCHC năm 2020 kịp thời',
          max: 8,
          rule: { kind: 'tick' },
        },
        {
          code: '1.2',
          name: 'Thực hiện chế độ báo cáo CCHC',
          max: 12,
          rule: {
            kind: 'levels',
            levels: [
              { label: 'Đầy đủ, đúng hạn', points: 12 },
              { label: 'Đầy đủ, chậm hạn', points: 8 },
              { label: 'Không đầy đủ', points: 4 },
              { label: 'Không báo cáo', points: 0 },
            ],
          },
        },
      ],
    },
    {
      code: '2',
      name: 'Cải cách thủ tục hành chính',
      max: 30,
      children: [
        {
          code: '2.1',
          name: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn (%)',
          max: 20,
          rule: { kind: 'proportional', of: 100 },
        },
        {
          code: '2.2',
          name: 'Công khai TTHC đầy đủ, kịp thời',
          max: 10,
          rule: { kind: 'tick' },
        },
      ],
    },
    {
      code: '3',
      name: 'Hiện đại hóa hành chính',
      max: 30,
      children: [
        {
          code: '3.1',
          name: 'Áp dụng, duy trì ISO 9001:2015',
          max: 10,
          rule: { kind: 'tick' },
        },
        {
          code: '3.2',
          name: 'Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến mức độ 3, 4 (%)',
          max: 20,
          rule: {
            kind: 'tiers',
            tiers: [
              { min: 50, points: 20 },
              { min: 30, points: 14 },
              { min: 10, points: 6 },
            ],
          },
        },
      ],
    },
  ],
  components: [{ id: 'sipas', name: 'Chỉ số hài lòng (SIPAS)', max: 20 }],
  blocks: [
    { id: 'so', name: 'Khối sở, ban, ngành' },
    { id: 'huyen', name: 'Khối huyện, thành phố' },
  ],
  /*
   * Profiles: staff (biên chế) and staff violating discipline, flags, this year's PCI and PAPI
   * component scores and last year's index, PCI, PAPI and SIPAS. Every unit improved on all four
   * unless its comment says otherwise.
   */
  units: [
    // Khối sở, ban, ngành
    {
      id: 'STP',
      name: 'Sở Tư pháp',
      block: 'so',
      self: { ...FULL },
      appraised: { '2.1': 98 },
      components: { sipas: 16.8 },
      profile: {
        staff: 42,
        staffViolating: 0,
        flags: BOTH,
        measures: { PCI: 6.85, PAPI: 7.12 },
        previous: { index: 94.1, PCI: 6.6, PAPI: 6.95, sipas: 16.2 },
      },
    },
    {
      id: 'VPUB',
      name: 'Văn phòng UBND tỉnh',
      block: 'so',
      self: { ...FULL },
      components: { sipas: 15.8 },
      // Parent of TTHCC and BTCD; one of the two has a violation: 50% > 10% → excluded.
      profile: {
        staff: 48,
        staffViolating: 0,
        flags: BOTH,
        measures: { PCI: 6.9, PAPI: 7.05 },
        previous: { index: 93.25, PCI: 6.7, PAPI: 6.88, sipas: 15.1 },
      },
    },
    {
      id: 'TTHCC',
      name: 'Trung tâm Phục vụ hành chính công tỉnh',
      block: 'so',
      self: { ...FULL },
      appraised: { '3.1': 'không' },
      components: { sipas: 19.6 },
      // 1 of 25 staff violating (4% ≤ 10%): eligible itself, but counts as a violating sub-unit.
      profile: {
        staff: 25,
        staffViolating: 1,
        parent: 'VPUB',
        flags: BOTH,
        measures: { PCI: 7.2, PAPI: 7.4 },
        previous: { index: 87.3, PCI: 7.02, PAPI: 7.21, sipas: 19.15 },
      },
    },
    {
      id: 'BTCD',
      name: 'Ban Tiếp công dân tỉnh',
      block: 'so',
      self: { ...FULL, '2.1': 99 },
      appraised: { '3.1': 'không' },
      components: { sipas: 14.4 },
      profile: {
        staff: 12,
        staffViolating: 0,
        parent: 'VPUB',
        flags: BOTH,
        measures: { PCI: 6.35, PAPI: 6.8 },
        previous: { index: 82.6, PCI: 6.12, PAPI: 6.66, sipas: 13.9 },
      },
    },
    {
      id: 'SNV',
      name: 'Sở Nội vụ',
      block: 'so',
      self: { ...FULL },
      components: { sipas: 14.6 },
      profile: {
        staff: 45,
        staffViolating: 0,
        flags: BOTH,
        measures: { PCI: 6.75, PAPI: 7 },
        previous: { index: 92.4, PCI: 6.52, PAPI: 6.84, sipas: 14.05 },
      },
    },
    {
      id: 'STC',
      name: 'Sở Tài chính',
      block: 'so',
      self: { ...FULL, '2.1': 99.5 },
      components: { sipas: 13.6 },
      profile: {
        staff: 50,
        staffViolating: 1,
        flags: BOTH,
        measures: { PCI: 6.6, PAPI: 6.95 },
        previous: { index: 91.75, PCI: 6.41, PAPI: 6.7, sipas: 13.2 },
      },
    },
    {
      id: 'SCT',
      name: 'Sở Công Thương',
      block: 'so',
      self: { ...FULL },
      components: { sipas: 12.75 },
      // Not recognised for excellent task completion → excluded by that gate only.
      profile: {
        staff: 55,
        staffViolating: 0,
        flags: ['initiative'],
        measures: { PCI: 6.55, PAPI: 6.78 },
        previous: { index: 90.1, PCI: 6.3, PAPI: 6.61, sipas: 12.3 },
      },
    },
    {
      id: 'SKHDT',
      name: 'Sở Kế hoạch và Đầu tư',
      block: 'so',
      self: { ...FULL, '2.1': 98 },
      appraised: { '2.1': 96.5 },
      components: { sipas: 11.55 },
      profile: {
        staff: 52,
        staffViolating: 0,
        flags: BOTH,
        measures: { PCI: 6.95, PAPI: 6.88 },
        previous: { index: 89.2, PCI: 6.77, PAPI: 6.72, sipas: 11.05 },
      },
    },
    {
      id: 'STNMT',
      name: 'Sở Tài nguyên và Môi trường',
      block: 'so',
      self: { ...FULL, '3.2': 55 },
      appraised: { '3.2': 40 },
      components: { sipas: 14.4 },
      // No recognised initiative → excluded by that gate only.
      profile: {
        staff: 65,
        staffViolating: 2,
        flags: ['excellent'],
        measures: { PCI: 6.4, PAPI: 6.7 },
        previous: { index: 86.75, PCI: 6.22, PAPI: 6.58, sipas: 13.8 },
      },
    },
    {
      id: 'SYT',
      name: 'Sở Y tế',
      block: 'so',
      self: { ...FULL, '2.1': 95 },
      appraised: { '2.1': 92.5 },
      components: { sipas: 9.45 },
      // 6 of 60 staff violating: exactly 10%, not above it → eligible.
      profile: {
        staff: 60,
        staffViolating: 6,
        flags: BOTH,
        measures: { PCI: 6.3, PAPI: 6.62 },
        previous: { index: 86.1, PCI: 6.15, PAPI: 6.49, sipas: 9.05 },
      },
    },
    {
      id: 'STTTT',
      name: 'Sở Thông tin và Truyền thông',
      block: 'so',
      self: { ...FULL, '2.1': 95 },
      appraised: { '1.2': 'Đầy đủ, chậm hạn' },
      components: { sipas: 10.55 },
      profile: {
        staff: 40,
        staffViolating: 0,
        flags: BOTH,
        measures: { PCI: 6.5, PAPI: 6.66 },
        previous: { index: 83.7, PCI: 6.33, PAPI: 6.52, sipas: 10.2 },
      },
    },
    {
      id: 'SNNPTNT',
      name: 'Sở Nông nghiệp và Phát triển nông thôn',
      block: 'so',
      self: { ...FULL, '2.1': 91, '3.2': 45 },
      components: { sipas: 12 },
      profile: {
        staff: 70,
        staffViolating: 3,
        flags: BOTH,
        measures: { PCI: 6.42, PAPI: 6.71 },
        previous: { index: 82.95, PCI: 6.25, PAPI: 6.55, sipas: 11.6 },
      },
    },
    {
      id: 'SXD',
      name: 'Sở Xây dựng',
      block: 'so',
      self: { ...FULL, '2.1': 93.5 },
      appraised: { '1.1': 'không' },
      components: { sipas: 11.65 },
      profile: {
        staff: 58,
        staffViolating: 1,
        flags: BOTH,
        measures: { PCI: 6.28, PAPI: 6.6 },
        previous: { index: 80.6, PCI: 6.1, PAPI: 6.47, sipas: 11.3 },
      },
    },
    // Khối huyện, thành phố
    {
      id: 'PRTC',
      name: 'UBND thành phố Phan Rang – Tháp Chàm',
      block: 'huyen',
      self: { ...FULL, '2.1': 97 },
      components: { sipas: 15.8 },
      profile: {
        staff: 180,
        staffViolating: 4,
        flags: BOTH,
        measures: { PCI: 7.05, PAPI: 7.3 },
        previous: { index: 93.8, PCI: 6.81, PAPI: 7.14, sipas: 15.25 },
      },
    },
    {
      id: 'HNH',
      name: 'UBND huyện Ninh Hải',
      block: 'huyen',
      self: { ...FULL },
      appraised: { '1.2': 'Đầy đủ, chậm hạn' },
      components: { sipas: 15.9 },
      profile: {
        staff: 150,
        staffViolating: 3,
        flags: BOTH,
        measures: { PCI: 6.7, PAPI: 7.02 },
        previous: { index: 89.95, PCI: 6.48, PAPI: 6.9, sipas: 15.4 },
      },
    },
    {
      id: 'HNP',
      name: 'UBND huyện Ninh Phước',
      block: 'huyen',
      self: { ...FULL, '1.1': 'không' },
      components: { sipas: 15.1 },
      profile: {
        staff: 160,
        staffViolating: 5,
        flags: BOTH,
        measures: { PCI: 6.58, PAPI: 6.93 },
        previous: { index: 85.4, PCI: 6.37, PAPI: 6.8, sipas: 14.7 },
      },
    },
    {
      id: 'HNS',
      name: 'UBND huyện Ninh Sơn',
      block: 'huyen',
      self: { ...FULL, '2.1': 94, '3.2': 35 },
      components: { sipas: 13.5 },
      // PCI component the same as last year (6.45): not higher → excluded by that gate only.
      profile: {
        staff: 140,
        staffViolating: 2,
        flags: BOTH,
        measures: { PCI: 6.45, PAPI: 6.85 },
        previous: { index: 84.9, PCI: 6.45, PAPI: 6.7, sipas: 13.1 },
      },
    },
    {
      id: 'HTN',
      name: 'UBND huyện Thuận Nam',
      block: 'huyen',
      self: { ...FULL, '2.1': 93 },
      appraised: { '1.2': 'Đầy đủ, chậm hạn' },
      components: { sipas: 9.6 },
      profile: {
        staff: 130,
        staffViolating: 4,
        flags: BOTH,
        measures: { PCI: 6.38, PAPI: 6.75 },
        previous: { index: 82.1, PCI: 6.2, PAPI: 6.63, sipas: 9.15 },
      },
    },
    {
      id: 'HTB',
      name: 'UBND huyện Thuận Bắc',
      block: 'huyen',
      self: { ...FULL, '3.2': 30 },
      appraised: { '1.2': 'Đầy đủ, chậm hạn' },
      components: { sipas: 11.05 },
      // 11 of 95 staff violating = 11.58% > 10% → excluded by the discipline gate only.
      profile: {
        staff: 95,
        staffViolating: 11,
        flags: BOTH,
        measures: { PCI: 6.33, PAPI: 6.68 },
        previous: { index: 79.85, PCI: 6.18, PAPI: 6.54, sipas: 10.7 },
      },
    },
    {
      id: 'HBA',
      name: 'UBND huyện Bác Ái',
      block: 'huyen',
      self: { ...FULL, '1.1': 'không', '2.1': 95, '3.2': 35 },
      appraised: { '2.1': 90 },
      components: { sipas: 12.4 },
      // Index 76.40: "Khá", not "Tốt" → excluded by the classification gate only.
      profile: {
        staff: 120,
        staffViolating: 3,
        flags: BOTH,
        measures: { PCI: 6.05, PAPI: 6.4 },
        previous: { index: 72.1, PCI: 5.9, PAPI: 6.25, sipas: 12.05 },
      },
    },
  ],
  awards: {
    gates: [
      { kind: 'flag', flag: 'excellent' },
      { kind: 'classification', allowed: ['Tốt'] },
      { kind: 'flag', flag: 'initiative' },
      { kind: 'improvement', measures: ['index', 'PCI', 'PAPI', 'sipas'] },
      { kind: 'discipline', maxShare: 0.1 },
    ],
    // "Bằng khen tối đa cho 12 tập thể": a cap for the province, no quota per block.
    awards: [{ id: 'bk', name: 'Bằng khen', cap: 12 }],
  },
  /*
   * Ten collectives are proposed outright (three more are tied for the last two places and
   * cannot nominate yet): one individual each, plus four nominated by the council.
   */
  nominations: [
    {
      id: 'NT01',
      name: 'Đặng Thị Thu Hà',
      unit: 'STP',
      position: 'Trưởng phòng Hành chính tư pháp',
      nominatedBy: { kind: 'awarded', unit: 'STP' },
    },
    {
      id: 'NT02',
      name: 'Nguyễn Văn Thành',
      unit: 'SNV',
      position: 'Trưởng phòng Cải cách hành chính',
      nominatedBy: { kind: 'awarded', unit: 'SNV' },
    },
    {
      id: 'NT03',
      name: 'Trần Minh Quang',
      unit: 'STC',
      position: 'Chánh Văn phòng Sở',
      nominatedBy: { kind: 'awarded', unit: 'STC' },
    },
    {
      id: 'NT04',
      name: 'Lê Thị Bích Ngọc',
      unit: 'SKHDT',
      position: 'Trưởng phòng Đăng ký kinh doanh',
      nominatedBy: { kind: 'awarded', unit: 'SKHDT' },
    },
    {
      id: 'NT05',
      name: 'Phan Thị Mỹ Dung',
      unit: 'TTHCC',
      position: 'Phó Giám đốc Trung tâm',
      nominatedBy: { kind: 'awarded', unit: 'TTHCC' },
    },
    {
      id: 'NT06',
      name: 'Hồ Văn Lợi',
      unit: 'SYT',
      position: 'Chánh Văn phòng Sở',
      nominatedBy: { kind: 'awarded', unit: 'SYT' },
    },
    {
      id: 'NT07',
      name: 'Đỗ Quang Vinh',
      unit: 'STTTT',
      position: 'Giám đốc Trung tâm Công nghệ thông tin và Truyền thông',
      nominatedBy: { kind: 'awarded', unit: 'STTTT' },
    },
    {
      id: 'NT08',
      name: 'Lưu Thị Thanh Thủy',
      unit: 'PRTC',
      position: 'Phó Chủ tịch UBND thành phố',
      nominatedBy: { kind: 'awarded', unit: 'PRTC' },
    },
    {
      id: 'NT09',
      name: 'Đàng Thị Hoa',
      unit: 'HNH',
      position: 'Trưởng phòng Nội vụ',
      nominatedBy: { kind: 'awarded', unit: 'HNH' },
    },
    {
      id: 'NT10',
      name: 'Thông Văn Tám',
      unit: 'HNP',
      position: 'Chánh Văn phòng HĐND và UBND huyện',
      nominatedBy: { kind: 'awarded', unit: 'HNP' },
    },
    {
      id: 'NT11',
      name: 'Nguyễn Thị Kim Liên',
      unit: 'SNV',
      position: 'Chuyên viên phòng Cải cách hành chính',
      nominatedBy: { kind: 'council' },
    },
    {
      id: 'NT12',
      name: 'Mai Xuân Hòa',
      unit: 'HTN',
      position: 'Công chức Bộ phận một cửa',
      nominatedBy: { kind: 'council' },
    },
    {
      id: 'NT13',
      name: 'Võ Đình Khoa',
      unit: 'SXD',
      position: 'Chánh Thanh tra Sở',
      nominatedBy: { kind: 'council' },
    },
    {
      id: 'NT14',
      name: 'Trượng Thị Sen',
      unit: 'SNNPTNT',
      position: 'Phó Chi cục trưởng Chi cục Thủy lợi',
      nominatedBy: { kind: 'council' },
    },
  ],
  ballots: [
    {
      // Hội đồng Thi đua – Khen thưởng tỉnh: 17 members, 15 present; half of those present.
      id: 'canhan',
      name: 'Lấy phiếu chọn 12 cá nhân đề nghị Bằng khen',
      kind: 'individual',
      seats: 12,
      membersTotal: 17,
      membersPresent: 15,
      threshold: { share: 0.5, base: 'present' },
      votes: [
        { nominee: 'NT01', votes: 15 },
        { nominee: 'NT02', votes: 14 },
        { nominee: 'NT03', votes: 12 },
        { nominee: 'NT04', votes: 11 },
        { nominee: 'NT05', votes: 15 },
        { nominee: 'NT06', votes: 10 },
        { nominee: 'NT07', votes: 9 },
        { nominee: 'NT08', votes: 14 },
        { nominee: 'NT09', votes: 13 },
        { nominee: 'NT10', votes: 12 },
        { nominee: 'NT11', votes: 13 },
        { nominee: 'NT12', votes: 11 },
        { nominee: 'NT13', votes: 8 },
        { nominee: 'NT14', votes: 7 },
      ],
    },
  ],
};
