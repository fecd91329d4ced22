/**
 * Worked example of last year's results (issue 17): a 2024 campaign and the 2025 one after the
 * merger of communes. Scores are points typed straight in (two criteria of 50), so a unit's
 * index is its total. 2025: S1, S2 and X1 carry on; M1 was formed from X2 and X3, M2 from X4,
 * X5 and X6 ("Mã đơn vị năm trước"); N1 is new; S3 moved from the department block to the
 * commune block. test/examples/yearOverYear.test.ts holds the changes computed by hand.
 */
import type { CampaignSpec, UnitSpec } from '../shared';

const criteria: CampaignSpec['criteria'] = [
  { code: '1', name: 'Công tác chỉ đạo, điều hành', max: 50, rule: { kind: 'points' } },
  { code: '2', name: 'Cải cách thủ tục hành chính', max: 50, rule: { kind: 'points' } },
];

const blocks: CampaignSpec['blocks'] = [
  { id: 'so', name: 'Khối sở, ban, ngành' },
  { id: 'xa', name: 'Khối xã, phường' },
];

const unit = (
  id: string,
  name: string,
  block: string,
  a: number,
  b: number,
  staff: number,
  predecessors?: string[],
): UnitSpec => ({
  id,
  name,
  block,
  appraised: { '1': a, '2': b },
  profile: { registeredOn: '2024-01-15', staff },
  ...(predecessors ? { predecessors } : {}),
});

export const yearOverYear2024: CampaignSpec = {
  id: 'nam-2024',
  name: 'Xếp hạng Chỉ số cải cách hành chính năm 2024',
  year: 2024,
  criteria,
  blocks,
  units: [
    unit('S1', 'Sở Nội vụ', 'so', 45, 40, 50), // 85, rank 1
    unit('S2', 'Sở Tài chính', 'so', 40, 38, 60), // 78, rank 2
    unit('S3', 'Ban Quản lý khu kinh tế', 'so', 35, 30, 25), // 65, rank 3
    unit('X1', 'Xã Bình Minh', 'xa', 42, 40, 15), // 82, rank 2
    unit('X2', 'Phường An Lạc', 'xa', 45, 45, 30), // 90, rank 1
    unit('X3', 'Xã An Hòa', 'xa', 30, 40, 10), // 70, rank 5
    unit('X4', 'Xã Tân Phú', 'xa', 40, 35, 20), // 75, rank 3
    unit('X5', 'Xã Tân Lập', 'xa', 36, 35, 20), // 71, rank 4
    unit('X6', 'Xã Tân Hội', 'xa', 25, 35, 40), // 60, rank 6
  ],
};

export const yearOverYear2025: CampaignSpec = {
  id: 'nam-2025',
  name: 'Xếp hạng Chỉ số cải cách hành chính năm 2025',
  year: 2025,
  criteria,
  blocks,
  units: [
    unit('S1', 'Sở Nội vụ', 'so', 46, 42, 50), // 88, rank 2
    unit('S2', 'Sở Tài chính', 'so', 45, 45, 60), // 90, rank 1
    unit('X1', 'Xã Bình Minh', 'xa', 44, 43, 15), // 87, rank 1
    unit('M1', 'Phường An Lạc (hợp nhất)', 'xa', 40, 41, 40, ['X2', 'X3']), // 81, rank 2
    unit('S3', 'Ban Quản lý khu kinh tế', 'xa', 38, 38, 25), // 76, rank 3
    unit('M2', 'Xã Tân Phú (hợp nhất)', 'xa', 35, 37, 80, ['X4', 'X5', 'X6']), // 72, rank 4
    unit('N1', 'Phường Mới', 'xa', 30, 30, 12), // 60, rank 5
  ],
};
