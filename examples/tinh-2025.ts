/**
 * The current structure after the 2025 reorganisation: one merged province with a department
 * block (khối sở, ban, ngành: 20 units) and a commune block (khối xã, phường: 100 units),
 * generated reproducibly from a fixed seed. Appraisers change some self scores; two communes
 * have identical scores, so the commune ranking has a tie; the award cut of 5 Bằng khen per
 * block and 1 runner-up per block applies.
 */
import {
  PROVINCIAL_BANDS,
  type CampaignSpec,
  type CellValue,
  type CriterionSpec,
  type UnitSpec,
} from '../shared';
import { prng } from './prng';

const SO = [
  'Sở Nội vụ',
  'Sở Tư pháp',
  'Sở Tài chính',
  'Sở Xây dựng',
  'Sở Công Thương',
  'Sở Nông nghiệp và Môi trường',
  'Sở Giáo dục và Đào tạo',
  'Sở Y tế',
  'Sở Khoa học và Công nghệ',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Dân tộc và Tôn giáo',
  'Sở Ngoại vụ',
  'Thanh tra tỉnh',
  'Văn phòng UBND tỉnh',
  'Ban Quản lý các khu công nghiệp',
  'Sở Giao thông vận tải (cũ)',
  'Đài Phát thanh và Truyền hình',
  'Trung tâm Phục vụ hành chính công',
  'Ban Dân tộc (cũ)',
  'Sở Lao động (cũ)',
];

const TICKS: [string, string, number][] = [
  ['1.1', 'Ban hành kế hoạch cải cách hành chính năm kịp thời', 1.5],
  ['1.2', 'Tuyên truyền cải cách hành chính', 1],
  ['2.1', 'Rà soát văn bản quy phạm pháp luật', 1.5],
  ['3.2', 'Công khai thủ tục hành chính đầy đủ', 2],
  ['4.1', 'Thực hiện quy định về tổ chức bộ máy', 2],
  ['5.1', 'Tuyển dụng, bố trí công chức đúng quy định', 2],
  ['7.1', 'Cung cấp dịch vụ công trực tuyến toàn trình', 2.5],
];

function criteria(): CriterionSpec[] {
  const leaf = (code: string): CriterionSpec => {
    const t = TICKS.find((x) => x[0] === code) as [string, string, number];
    return { code, name: t[1], max: t[2], rule: { kind: 'tick' } };
  };
  return [
    {
      code: '1',
      name: 'Công tác chỉ đạo, điều hành cải cách hành chính',
      max: 4.5,
      children: [
        leaf('1.1'),
        leaf('1.2'),
        {
          code: '1.3',
          name: 'Báo cáo định kỳ',
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
      ],
    },
    { code: '2', name: 'Cải cách thể chế', max: 1.5, children: [leaf('2.1')] },
    {
      code: '3',
      name: 'Cải cách thủ tục hành chính',
      max: 8,
      children: [
        {
          code: '3.1',
          name: 'Tỷ lệ hồ sơ giải quyết đúng hạn (%)',
          max: 6,
          rule: { kind: 'proportional', of: 100 },
        },
        leaf('3.2'),
      ],
    },
    { code: '4', name: 'Cải cách tổ chức bộ máy', max: 2, children: [leaf('4.1')] },
    {
      code: '5',
      name: 'Cải cách chế độ công vụ',
      max: 4,
      children: [
        leaf('5.1'),
        {
          code: '5.2',
          name: 'Vi phạm kỷ luật, kỷ cương (số lần)',
          max: 2,
          rule: { kind: 'deduction', perCount: 0.5 },
        },
      ],
    },
    {
      code: '6',
      name: 'Cải cách tài chính công',
      max: 2,
      children: [
        {
          code: '6.1',
          name: 'Tỷ lệ giải ngân vốn đầu tư công (%)',
          max: 2,
          rule: {
            kind: 'tiers',
            tiers: [
              { min: 95, points: 2 },
              { min: 80, points: 1.25 },
              { min: 60, points: 0.5 },
            ],
          },
        },
      ],
    },
    {
      code: '7',
      name: 'Xây dựng chính quyền điện tử, chính quyền số',
      max: 4.5,
      children: [
        leaf('7.1'),
        {
          code: '7.2',
          name: 'Tỷ lệ hồ sơ trực tuyến (%)',
          max: 2,
          rule: { kind: 'proportional', of: 100 },
          blocks: ['xa'],
        },
      ],
    },
  ];
}

function scores(r: () => number, quality: number): Record<string, CellValue> {
  const tickCell = (): CellValue => (r() < quality ? 'x' : null);
  const pct = (): number => Math.round((60 + quality * 40 * (0.7 + 0.3 * r())) * 10) / 10;
  const out: Record<string, CellValue> = {};
  for (const [code] of TICKS) out[code] = tickCell() ?? false;
  out['1.3'] = r() < quality ? 'Đầy đủ, đúng hạn' : r() < 0.7 ? 'Chậm hạn' : 'Không báo cáo';
  out['3.1'] = Math.min(100, pct());
  out['5.2'] = r() < quality ? 0 : Math.floor(r() * 4);
  out['6.1'] = Math.min(100, pct());
  out['7.2'] = Math.min(100, pct());
  return out;
}

export function tinh2025(): CampaignSpec {
  const r = prng(2025);
  const units: UnitSpec[] = [];
  SO.forEach((name, i) => {
    const self = scores(r, 0.6 + r() * 0.4);
    units.push({
      id: `S${String(i + 1).padStart(2, '0')}`,
      name,
      block: 'so',
      self,
      profile: { registeredOn: '2025-03-20' },
    });
  });
  for (let i = 1; i <= 100; i++) {
    const self = scores(r, 0.5 + r() * 0.5);
    const name = i % 3 === 0 ? `Phường ${i}` : `Xã ${i}`;
    units.push({
      id: `X${String(i).padStart(3, '0')}`,
      name,
      block: 'xa',
      self,
      profile: { registeredOn: i === 7 ? '2025-04-03' : '2025-03-25' },
    });
  }
  for (const u of units) {
    // The appraisal changes about one criterion in six, mostly downwards.
    const appraised: Record<string, CellValue> = {};
    for (const [code, value] of Object.entries(u.self ?? {})) {
      if (r() >= 1 / 6) continue;
      if (typeof value === 'number' && code !== '5.2')
        appraised[code] = Math.max(0, Math.round((value - r() * 15) * 10) / 10);
      else if (code === '5.2') appraised[code] = (value as number) + 1;
      else if (code === '1.3') appraised[code] = 'Chậm hạn';
      else appraised[code] = false;
    }
    u.appraised = appraised;
    u.components = { sipas: Math.round((6 + r() * 4) * 100) / 100 };
  }
  // Two communes with the very same scores: a tie in the commune ranking.
  const twin = units.find((u) => u.id === 'X042') as UnitSpec;
  const copy = units.find((u) => u.id === 'X043') as UnitSpec;
  copy.self = { ...twin.self };
  copy.appraised = { ...twin.appraised };
  copy.components = { ...twin.components };
  return {
    id: 'cchc-2025',
    name: 'Thi đua cải cách hành chính năm 2025 (tỉnh sau sáp nhập)',
    year: 2025,
    settings: {
      bands: [...PROVINCIAL_BANDS],
    },
    criteria: criteria(),
    components: [{ id: 'sipas', name: 'Chỉ số hài lòng (SIPAS)', max: 10 }],
    blocks: [
      { id: 'so', name: 'Khối sở, ban, ngành' },
      { id: 'xa', name: 'Khối xã, phường' },
    ],
    units,
    awards: {
      gates: [{ kind: 'registration', deadline: '2025-03-31' }],
      awards: [{ id: 'bk', name: 'Bằng khen của Chủ tịch UBND tỉnh', quotaPerBlock: 5 }],
      runnersUpPerBlock: 1,
    },
  };
}
