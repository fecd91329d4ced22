/**
 * A campaign workbook (sheet values) whose "Tiêu chí" is a criteria table pasted from a
 * published decision: roman fields, numbered criteria, a) b) items, a spacer row, a field
 * header merged across the row ("I. CÔNG TÁC …" in the code cell, the rest blank), points typed
 * "2,5" as text and a "Tổng cộng" row; and a flat campaign (no fields: every criterion a
 * top-level leaf). Scores and hand-computed results for both.
 */
import type { CellValue } from '../../../shared/model/types';

type Grid = CellValue[][];

const CRITERIA_HEADER = [
  'Mã tiêu chí',
  'Tên tiêu chí',
  'Điểm tối đa',
  'Cách chấm',
  'Tham số',
  'Áp dụng cho khối',
];

/** "Cấu hình": one block, default bands, no awards. */
function config(id: string): Grid {
  return [
    ['THIẾT LẬP'],
    ['Mã đợt thi đua', id],
    ['Tên đợt thi đua', 'Thi đua cải cách hành chính năm 2025'],
    ['Năm', 2025],
    ['Số chữ số thập phân', 2],
    ['Xếp loại', 'Xuất sắc ≥ 90; Tốt ≥ 80; Khá ≥ 70; Trung bình ≥ 50; Yếu'],
    [],
    ['KHỐI THI ĐUA'],
    ['Mã', 'Tên', 'Xếp loại'],
    ['so', 'Khối sở, ban, ngành', null],
  ];
}

const UNITS: Grid = [
  ['Mã đơn vị', 'Tên đơn vị', 'Khối'],
  ['STP', 'Sở Tư pháp', 'so'],
  ['SNV', 'Sở Nội vụ', 'so'],
  ['SYT', 'Sở Y tế', 'so'],
];

/** The pasted table; row 2 (the field header) is merged A2:F2 in the .xlsx. */
export const PASTED_CRITERIA: Grid = [
  CRITERIA_HEADER,
  ['I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH', null, null, null, null, null],
  ['1', 'Kế hoạch cải cách hành chính năm', 4, null, null, null],
  ['1.1', 'Ban hành kế hoạch kịp thời', '1,5', 'Đạt/Không đạt', null, null],
  ['1.2', 'Mức độ hoàn thành kế hoạch (%)', '2,5', 'Tỷ lệ', 'trên 100', null],
  ['2', 'Chế độ báo cáo cải cách hành chính', 3, null, null, null],
  ['a)', 'Báo cáo quý đầy đủ, đúng hạn', '1,5', 'Đạt/Không đạt', null, null],
  ['b)', 'Báo cáo năm', '1,5', 'Theo mức', 'Đúng hạn = 1,5; Trễ hạn = 0,5', null],
  [null, null, null, null, null, null],
  ['II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', 5, null, null, null],
  ['1', 'Công khai thủ tục hành chính', 2, 'Đạt/Không đạt', null, null],
  ['2', 'Tỷ lệ hồ sơ giải quyết đúng hạn (%)', 3, 'Theo ngưỡng', '≥ 100: 3; ≥ 90: 2; ≥ 80: 1'],
  [],
  [null, 'Tổng cộng', 12, null, null, null],
];

/** The merged field header of PASTED_CRITERIA, as the .xlsx holds it. */
export const PASTED_MERGES = ['A2:F2'];

/** The keys the pasted rows read as, in row order (spacer and total rows aside). */
export const PASTED_KEYS = [
  'I',
  'I.1',
  'I.1.1',
  'I.1.2',
  'I.2',
  'I.2.a',
  'I.2.b',
  'II',
  'II.1',
  'II.2',
];

/** "Chấm điểm" of the pasted campaign: the keys, parents as section rows. */
const PASTED_SCORES: Grid = [
  ['Mã tiêu chí', 'Tên tiêu chí', 'Điểm tối đa', 'STP', 'SNV', 'SYT'],
  ['I', 'Công tác chỉ đạo', 7, null, null, null],
  ['I.1', 'Kế hoạch', 4, null, null, null],
  ['I.1.1', 'Ban hành kế hoạch kịp thời', 1.5, 'x', 'không', 'x'],
  ['I.1.2', 'Mức độ hoàn thành kế hoạch (%)', 2.5, 80, 100, 50],
  ['I.2', 'Báo cáo', 3, null, null, null],
  ['I.2.a', 'Báo cáo quý', 1.5, 'x', 'x', 'không'],
  ['I.2.b', 'Báo cáo năm', 1.5, 'Đúng hạn', 'Trễ hạn', 'Đúng hạn'],
  ['II', 'Cải cách TTHC', 5, null, null, null],
  ['II.1', 'Công khai', 2, 'x', 'x', 'không'],
  ['II.2', 'Tỷ lệ đúng hạn (%)', 3, 100, 85, 95],
];

/**
 * By hand (max 12):
 * STP 1,5 + 2,5×0,8 + 1,5 + 1,5 | 2 + 3 = 6,5 | 5 = 11,5 → 95,83 %
 * SNV 0 + 2,5 + 1,5 + 0,5 | 2 + 1 = 4,5 | 3 = 7,5 → 62,5 %
 * SYT 1,5 + 2,5×0,5 + 0 + 1,5 | 0 + 2 = 4,25 | 2 = 6,25 → 52,08 %
 */
export const PASTED_EXPECTED = {
  STP: { fields: [6.5, 5], total: 11.5, index: 95.83, rank: 1 },
  SNV: { fields: [4.5, 3], total: 7.5, index: 62.5, rank: 2 },
  SYT: { fields: [4.25, 2], total: 6.25, index: 52.08, rank: 3 },
} as const;

export function pastedWorkbook(): Record<string, Grid> {
  return {
    'Cấu hình': config('dan-tu-quyet-dinh'),
    'Tiêu chí': PASTED_CRITERIA.map((r) => [...r]),
    'Đơn vị': UNITS.map((r) => [...r]),
    'Chấm điểm': PASTED_SCORES.map((r) => [...r]),
  };
}

/** A flat table: no fields, every criterion a top-level leaf (one a bonus). */
export const FLAT_CRITERIA: Grid = [
  CRITERIA_HEADER,
  ['1', 'Ban hành kế hoạch kịp thời', 2, 'Đạt/Không đạt', null, null],
  ['2', 'Tỷ lệ hồ sơ đúng hạn (%)', '4,5', 'Tỷ lệ', 'trên 100', null],
  ['3', 'Báo cáo định kỳ', '3,5', 'Theo mức', 'Đầy đủ = 3,5; Chậm = 1,5', null],
  ['4', 'Sáng kiến được công nhận', 1, 'Điểm thưởng', '0,5 mỗi lần', null],
];

const FLAT_SCORES: Grid = [
  ['Mã tiêu chí', 'Tên tiêu chí', 'Điểm tối đa', 'STP', 'SNV', 'SYT'],
  ['1', 'Ban hành kế hoạch kịp thời', 2, 'x', 'x', 'không'],
  ['2', 'Tỷ lệ hồ sơ đúng hạn (%)', 4.5, 100, 60, 80],
  ['3', 'Báo cáo định kỳ', 3.5, 'Chậm', 'Đầy đủ', 'Đầy đủ'],
  ['4', 'Sáng kiến được công nhận', 1, 1, null, 3],
];

/**
 * By hand (max 10, the bonus outside it), each criterion its own field:
 * STP 2 | 4,5 | 1,5 | 0,5 = 8,5 → 85 %
 * SNV 2 | 2,7 | 3,5 | 0 = 8,2 → 82 %
 * SYT 0 | 3,6 | 3,5 | 1 (1,5 capped at 1) = 8,1 → 81 %
 */
export const FLAT_EXPECTED = {
  STP: { fields: [2, 4.5, 1.5, 0.5], total: 8.5, index: 85, rank: 1 },
  SNV: { fields: [2, 2.7, 3.5, 0], total: 8.2, index: 82, rank: 2 },
  SYT: { fields: [0, 3.6, 3.5, 1], total: 8.1, index: 81, rank: 3 },
} as const;

export function flatWorkbook(): Record<string, Grid> {
  return {
    'Cấu hình': config('bang-phang'),
    'Tiêu chí': FLAT_CRITERIA.map((r) => [...r]),
    'Đơn vị': UNITS.map((r) => [...r]),
    'Chấm điểm': FLAT_SCORES.map((r) => [...r]),
  };
}
