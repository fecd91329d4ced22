/**
 * Worked example: An Giang 2018 (seed 000), the shape of the year's CCHC emulation campaign —
 * a department block and a district block, 70 points of appraised criteria plus two survey
 * components (SIPAS 10, leader/manager survey 20), national bands A/B/C/D and the default
 * settings. The scores are invented but realistic; test/examples/worked-examples.test.ts holds
 * the results computed by hand. The award part (registration gate, 3 Bằng khen per block,
 * runners-up, nominations and the council's ballots) is checked by hand in
 * test/examples/awards.test.ts.
 */
import type { CampaignSpec, CellValue } from '../shared';

/** A self-assessment with every criterion at full marks; units override what they lost. */
const FULL: Record<string, CellValue> = {
  '1.1.1': 'x',
  '1.1.2': 100,
  '1.2': 'Đầy đủ, đúng hạn',
  '1.3': 0,
  '2.1': 100,
  '2.2': 'Đầy đủ',
  '2.3': 'x',
  '3.1.1': 'x',
  '3.1.2': 100,
  '3.2': 'x',
};

export const anGiang2018: CampaignSpec = {
  id: 'an-giang-2018',
  name: 'Phong trào thi đua cải cách hành chính tỉnh An Giang năm 2018',
  year: 2018,
  criteria: [
    {
      code: '1',
      name: 'Công tác chỉ đạo, điều hành CCHC',
      max: 20,
      children: [
        {
          code: '1.1',
          name: 'Kế hoạch CCHC năm',
          max: 10,
          children: [
            {
              code: '1.1.1',
              name: 'Ban hành kế hoạch CCHC năm kịp thời',
              max: 2.5,
              rule: { kind: 'tick' },
            },
            {
              code: '1.1.2',
              name: 'Mức độ hoàn thành kế hoạch CCHC (%)',
              max: 7.5,
              rule: {
                kind: 'tiers',
                tiers: [
                  { min: 100, points: 7.5 },
                  { min: 80, points: 5.75 },
                  { min: 50, points: 3.25 },
                ],
              },
            },
          ],
        },
        {
          code: '1.2',
          name: 'Thực hiện chế độ báo cáo CCHC định kỳ',
          max: 6,
          rule: {
            kind: 'levels',
            levels: [
              { label: 'Đầy đủ, đúng hạn', points: 6 },
              { label: 'Đầy đủ, chậm hạn', points: 4.25 },
              { label: 'Không đầy đủ', points: 1.75 },
              { label: 'Không báo cáo', points: 0 },
            ],
          },
        },
        {
          code: '1.3',
          name: 'Chấp hành kỷ luật, kỷ cương hành chính (số vi phạm)',
          max: 4,
          rule: { kind: 'deduction', perCount: 0.75, min: -1.25 },
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
          max: 12,
          rule: { kind: 'proportional', of: 100 },
        },
        {
          code: '2.2',
          name: 'Công khai TTHC đầy đủ, đúng quy định',
          max: 8,
          rule: {
            kind: 'levels',
            levels: [
              { label: 'Đầy đủ', points: 8 },
              { label: 'Chưa đầy đủ', points: 4.5 },
              { label: 'Không công khai', points: 0 },
            ],
          },
        },
        {
          code: '2.3',
          name: 'Thực hiện cơ chế một cửa liên thông',
          max: 10,
          rule: { kind: 'tick' },
        },
      ],
    },
    {
      code: '3',
      name: 'Hiện đại hóa hành chính',
      max: 20,
      children: [
        {
          code: '3.1',
          name: 'Ứng dụng công nghệ thông tin',
          max: 12,
          children: [
            {
              code: '3.1.1',
              name: 'Sử dụng phần mềm quản lý văn bản và điều hành',
              max: 4.25,
              rule: { kind: 'tick' },
            },
            {
              code: '3.1.2',
              name: 'Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến mức độ 3, 4 (%)',
              max: 7.75,
              rule: { kind: 'proportional', of: 100 },
            },
          ],
        },
        {
          code: '3.2',
          name: 'Áp dụng, duy trì ISO 9001:2008',
          max: 8,
          rule: { kind: 'tick' },
        },
        {
          code: '3.3',
          name: 'Điểm thưởng: sáng kiến CCHC được công nhận (số sáng kiến)',
          max: 1.5,
          rule: { kind: 'bonus', perCount: 0.5 },
        },
      ],
    },
  ],
  components: [
    { id: 'sipas', name: 'Chỉ số hài lòng (SIPAS)', max: 10 },
    { id: 'khaosat', name: 'Điều tra xã hội học lãnh đạo, quản lý', max: 20 },
  ],
  blocks: [
    { id: 'so', name: 'Khối sở, ban, ngành' },
    { id: 'huyen', name: 'Khối huyện, thị xã, thành phố' },
  ],
  units: [
    // Khối sở, ban, ngành
    {
      id: 'STP',
      name: 'Sở Tư pháp',
      block: 'so',
      self: { ...FULL, '3.3': 2 },
      appraised: { '2.1': 98.5 },
      components: { sipas: 9.25, khaosat: 18.5 },
      profile: { registeredOn: '2018-03-12' },
    },
    {
      id: 'STC',
      name: 'Sở Tài chính',
      block: 'so',
      self: { ...FULL, '2.3': 'Không áp dụng', '3.1.2': 90 },
      appraised: { '1.1.2': 95 },
      components: { sipas: 8.8, khaosat: 18.4 },
      // Registered on 2 April, after the 30/3 deadline: excluded by the registration gate.
      profile: { registeredOn: '2018-04-02' },
    },
    {
      id: 'SNV',
      name: 'Sở Nội vụ',
      block: 'so',
      self: { ...FULL, '3.3': 1 },
      appraised: { '1.2': 'Đầy đủ, chậm hạn', '2.1': 99 },
      components: { sipas: 8.95, khaosat: 16.5 },
      profile: { registeredOn: '2018-03-05' },
    },
    {
      id: 'SKHDT',
      name: 'Sở Kế hoạch và Đầu tư',
      block: 'so',
      self: { ...FULL, '2.1': 96, '3.1.2': 90 },
      appraised: { '1.3': 1 },
      components: { sipas: 8, khaosat: 14 },
      profile: { registeredOn: '2018-03-20' },
    },
    {
      id: 'SYT',
      name: 'Sở Y tế',
      block: 'so',
      self: { ...FULL, '2.1': 95, '2.2': 'Chưa đầy đủ', '3.1.2': 80 },
      appraised: { '1.1.1': 'không', '2.1': 92.5 },
      components: { sipas: 8.2, khaosat: 15.75 },
      profile: { registeredOn: '2018-03-28' },
    },
    {
      id: 'SGDDT',
      name: 'Sở Giáo dục và Đào tạo',
      block: 'so',
      self: { ...FULL, '1.1.2': 75, '3.2': 'không' },
      appraised: { '1.3': 2 },
      components: { sipas: 7.5, khaosat: 12.5 },
      profile: { registeredOn: '2018-03-15' },
    },
    {
      id: 'STNMT',
      name: 'Sở Tài nguyên và Môi trường',
      block: 'so',
      self: { ...FULL, '1.2': 'Đầy đủ, chậm hạn', '1.3': 3, '3.2': 'không' },
      appraised: { '1.2': 'Không đầy đủ', '1.3': 8, '2.3': 'không' },
      components: { sipas: 6.5, khaosat: 11 },
      profile: { registeredOn: '2018-03-29' },
    },
    {
      id: 'SXD',
      name: 'Sở Xây dựng',
      block: 'so',
      self: { ...FULL, '1.1.2': 90, '3.1.2': 80 },
      appraised: { '2.2': 'Chưa đầy đủ', '3.1.1': 'không', '3.1.2': 70 },
      components: { sipas: 7.81, khaosat: 14 },
      profile: { registeredOn: '2018-03-26' },
    },
    // Khối huyện, thị xã, thành phố
    {
      id: 'TPLX',
      name: 'UBND thành phố Long Xuyên',
      block: 'huyen',
      self: { ...FULL, '3.3': 4 },
      appraised: { '2.1': 99.5, '3.3': 3 },
      components: { sipas: 9.1, khaosat: 17.6 },
      profile: { registeredOn: '2018-03-09' },
    },
    {
      id: 'TPCD',
      name: 'UBND thành phố Châu Đốc',
      block: 'huyen',
      self: { ...FULL },
      appraised: { '1.3': 1, '3.1.2': 95 },
      components: { sipas: 9, khaosat: 16.5 },
      profile: { registeredOn: '2018-03-16' },
    },
    {
      id: 'TXTC',
      name: 'UBND thị xã Tân Châu',
      block: 'huyen',
      self: { ...FULL, '1.1.2': 90 },
      appraised: { '2.2': 'Chưa đầy đủ' },
      components: { sipas: 8.5, khaosat: 14 },
      profile: { registeredOn: '2018-03-23' },
    },
    {
      id: 'HAP',
      name: 'UBND huyện An Phú',
      block: 'huyen',
      self: { ...FULL, '2.1': 90, '3.3': 1 },
      appraised: { '1.1.1': 'không', '2.1': 87.5 },
      components: { sipas: 8.25, khaosat: 12.5 },
      // Registered on the deadline day itself: in time (the deadline is inclusive).
      profile: { registeredOn: '2018-03-30' },
    },
    {
      id: 'HCP',
      name: 'UBND huyện Châu Phú',
      block: 'huyen',
      self: { ...FULL, '1.2': 'Đầy đủ, chậm hạn', '2.1': 95 },
      appraised: { '3.1.1': 'không' },
      components: { sipas: 8.35, khaosat: 11 },
      profile: { registeredOn: '2018-03-27' },
    },
    {
      id: 'HCM',
      name: 'UBND huyện Chợ Mới',
      block: 'huyen',
      self: { ...FULL, '1.1.2': 60, '3.1.2': 50 },
      appraised: { '3.2': 'không' },
      components: { sipas: 7.25, khaosat: 12 },
      profile: { registeredOn: '2018-03-19' },
    },
    {
      id: 'HTT',
      name: 'UBND huyện Tri Tôn',
      block: 'huyen',
      // 1.3 left blank in the self-assessment: no violation declared.
      self: { ...FULL, '1.1.2': 55, '1.3': null, '3.2': 'không' },
      appraised: { '1.1.2': 40, '1.3': 3, '2.3': 'không' },
      components: { sipas: 7, khaosat: 10.5 },
      profile: { registeredOn: '2018-03-22' },
    },
    {
      id: 'HTB',
      name: 'UBND huyện Tịnh Biên',
      block: 'huyen',
      // 2.2 left blank by the unit and not appraised: scored 0 with a warning.
      self: { ...FULL, '1.3': 2, '2.1': 90, '2.2': '' },
      components: { sipas: 7.6, khaosat: 11.6 },
      profile: { registeredOn: '2018-03-14' },
    },
  ],
  /*
   * Awards (seed 000): Bằng khen to the 3 leading collectives of each block, 1 runner-up
   * ("liền kề") per block; registration by 30/3/2018 is a condition. Each awarded collective and
   * each runner-up proposes 1 individual; the council re-selects 6 of them by ballot, then 4
   * more; special awards (at most 2 collectives) by secret ballot with 90% of all members.
   */
  awards: {
    gates: [{ kind: 'registration', deadline: '2018-03-30' }],
    awards: [{ id: 'bk', name: 'Bằng khen của Chủ tịch UBND tỉnh', quotaPerBlock: 3 }],
    runnersUpPerBlock: 1,
  },
  /*
   * The district block's third place is tied (HAP = TXTC, 87.25) and waits for the council,
   * so 5 collectives are awarded (STP, SNV, SKHDT; TPLX, TPCD) and the runners-up are SYT and
   * HCP: 7 nominees from collectives ("6 of 8" becomes 6 of 7) plus 4 from the council.
   */
  nominations: [
    {
      id: 'AG01',
      name: 'Nguyễn Văn Hùng',
      unit: 'STP',
      position: 'Phó Giám đốc Sở Tư pháp',
      nominatedBy: { kind: 'awarded', unit: 'STP' },
    },
    {
      id: 'AG02',
      name: 'Trần Thị Mỹ Linh',
      unit: 'SNV',
      position: 'Trưởng phòng Cải cách hành chính',
      nominatedBy: { kind: 'awarded', unit: 'SNV' },
    },
    {
      id: 'AG03',
      name: 'Lê Quốc Bảo',
      unit: 'SKHDT',
      position: 'Chánh Văn phòng Sở',
      nominatedBy: { kind: 'awarded', unit: 'SKHDT' },
    },
    {
      id: 'AG04',
      name: 'Phạm Thanh Tâm',
      unit: 'TPLX',
      position: 'Phó Chủ tịch UBND thành phố',
      nominatedBy: { kind: 'awarded', unit: 'TPLX' },
    },
    {
      id: 'AG05',
      name: 'Võ Thị Ngọc Hân',
      unit: 'TPCD',
      position: 'Trưởng phòng Nội vụ',
      nominatedBy: { kind: 'awarded', unit: 'TPCD' },
    },
    {
      id: 'AG06',
      name: 'Huỳnh Minh Trí',
      unit: 'SYT',
      position: 'Chánh Văn phòng Sở',
      nominatedBy: { kind: 'runnerUp', unit: 'SYT' },
    },
    {
      id: 'AG07',
      name: 'Đặng Văn Phúc',
      unit: 'HCP',
      position: 'Chánh Văn phòng HĐND và UBND huyện',
      // The district runner-up waits on the council's decision of the HAP/TXTC tie (whoever
      // is not chosen is the runner-up), so no collective may nominate for it yet: the
      // council nominates this person itself.
      nominatedBy: { kind: 'council' },
    },
    {
      id: 'AG08',
      name: 'Bùi Thị Kim Oanh',
      unit: 'SNV',
      position: 'Chuyên viên phòng Cải cách hành chính',
      nominatedBy: { kind: 'council' },
    },
    {
      id: 'AG09',
      name: 'Lâm Văn Đức',
      unit: 'STP',
      position: 'Trưởng phòng Hành chính tư pháp',
      nominatedBy: { kind: 'council' },
    },
    {
      id: 'AG10',
      name: 'Châu Thị Hồng Nhung',
      unit: 'HCM',
      position: 'Công chức Bộ phận một cửa',
      nominatedBy: { kind: 'council' },
    },
    {
      id: 'AG11',
      name: 'Trương Công Danh',
      unit: 'HTB',
      position: 'Trưởng phòng Nội vụ',
      nominatedBy: { kind: 'council' },
    },
  ],
  ballots: [
    {
      // Ban Chỉ đạo: 15 members, 13 present; at least half of those present (7 votes).
      id: 'vong1',
      name: 'Lấy phiếu chọn 06 cá nhân do tập thể đề cử',
      kind: 'individual',
      seats: 6,
      membersTotal: 15,
      membersPresent: 13,
      threshold: { share: 0.5, base: 'present' },
      votes: [
        { nominee: 'AG01', votes: 13 },
        { nominee: 'AG02', votes: 12 },
        { nominee: 'AG03', votes: 9 },
        { nominee: 'AG04', votes: 12 },
        { nominee: 'AG05', votes: 11 },
        { nominee: 'AG06', votes: 10 },
        { nominee: 'AG07', votes: 8 },
      ],
    },
    {
      // The 4 council nominees and the one not chosen in round 1; a tie for the last seat.
      id: 'vong2',
      name: 'Lấy phiếu chọn 04 cá nhân còn lại',
      kind: 'individual',
      seats: 4,
      membersTotal: 15,
      membersPresent: 13,
      threshold: { share: 0.5, base: 'present' },
      votes: [
        { nominee: 'AG07', votes: 8 },
        { nominee: 'AG08', votes: 12 },
        { nominee: 'AG09', votes: 11 },
        { nominee: 'AG10', votes: 9 },
        { nominee: 'AG11', votes: 8 },
      ],
    },
    {
      // Secret ballot, at most 2 collectives, 90% of all 15 members (not of the 14 present).
      id: 'dacbiet',
      name: 'Bỏ phiếu kín khen thưởng đặc biệt tập thể (tối đa 02)',
      kind: 'collective',
      seats: 2,
      membersTotal: 15,
      membersPresent: 14,
      threshold: { share: 0.9, base: 'all' },
      votes: [
        { nominee: 'TPLX', votes: 14 },
        { nominee: 'STP', votes: 14 },
        { nominee: 'TPCD', votes: 13 },
        { nominee: 'SNV', votes: 9 },
      ],
    },
  ],
};
