/**
 * Every user-visible Vietnamese string, keyed by meaning. Messages take named parameters
 * written {name}; `formatMessage` fills them. Code never spells Vietnamese elsewhere.
 */
export const vi = {
  errors: {
    duplicateCriterionCode: 'Mã tiêu chí "{code}" bị trùng (đã có ở {other}).',
    emptyCriterionCode: 'Thiếu mã tiêu chí.',
    badCriterionCode: 'Mã tiêu chí "{code}" không đúng dạng số chấm (ví dụ 2.3.1).',
    childCodeNotUnderParent: 'Mã tiêu chí "{code}" phải bắt đầu bằng mã tiêu chí cha "{parent}".',
    emptyName: 'Thiếu tên của {what} "{code}".',
    maxNotNumber: 'Điểm tối đa của tiêu chí {code} phải là một số.',
    maxBelowZero: 'Điểm tối đa của tiêu chí {code} là {max}, không được nhỏ hơn 0.',
    parentMaxMismatch:
      'Điểm tối đa của tiêu chí {code} là {max} nhưng tổng điểm tối đa các tiêu chí con là {sum}.',
    leafWithoutRule: 'Tiêu chí {code} không có tiêu chí con nên phải có cách chấm.',
    parentWithRule: 'Tiêu chí {code} có tiêu chí con nên không được có cách chấm riêng.',
    unknownRuleKind: 'Cách chấm "{kind}" của tiêu chí {code} không được hỗ trợ.',
    levelsEmpty: 'Tiêu chí {code} chấm theo mức nhưng chưa có mức nào.',
    duplicateLevel: 'Tiêu chí {code}: mức "{label}" bị trùng.',
    levelPointsAboveMax:
      'Tiêu chí {code}: mức "{label}" được {points} điểm, vượt điểm tối đa {max}.',
    levelPointsBelowZero: 'Tiêu chí {code}: mức "{label}" có điểm âm ({points}).',
    tiersEmpty: 'Tiêu chí {code} chấm theo ngưỡng nhưng chưa có ngưỡng nào.',
    tiersOutOfOrder:
      'Tiêu chí {code}: các ngưỡng phải xếp giảm dần; ngưỡng {min} đứng sau ngưỡng {previous}.',
    tierPointsAboveMax: 'Tiêu chí {code}: ngưỡng {min} được {points} điểm, vượt điểm tối đa {max}.',
    tierPointsBelowZero: 'Tiêu chí {code}: ngưỡng {min} có điểm âm ({points}).',
    tierPointsNotDecreasing:
      'Tiêu chí {code}: ngưỡng {min} được {points} điểm, nhiều hơn ngưỡng cao hơn nó ({previous} điểm).',
    proportionalBase: 'Tiêu chí {code}: mẫu số của cách chấm tỷ lệ phải là số dương.',
    deductionPerCount: 'Tiêu chí {code}: số điểm trừ mỗi lần vi phạm phải là số dương.',
    deductionMinAboveMax:
      'Tiêu chí {code}: mức sàn {min} của điểm trừ không được lớn hơn điểm tối đa {max}.',
    bonusPerCount: 'Tiêu chí {code}: số điểm thưởng mỗi lần phải là số dương.',
    bonusHasChildren: 'Tiêu chí điểm thưởng {code} phải là tiêu chí lá.',
    unknownBlockInCriterion:
      'Tiêu chí {code} áp dụng cho khối "{block}" không có trong danh sách khối.',
    noCriteria: 'Chưa có tiêu chí nào.',
    duplicateComponent: 'Mã thành phần "{id}" bị trùng.',
    componentMaxBelowZero: 'Điểm tối đa của thành phần {id} là {max}, không được nhỏ hơn 0.',
    componentClashesField: 'Mã thành phần "{id}" trùng mã một lĩnh vực.',
    duplicateBlock: 'Mã khối "{id}" bị trùng.',
    noBlocks: 'Chưa có khối thi đua nào.',
    bandsOutOfOrder:
      'Các xếp loại phải xếp giảm dần theo ngưỡng; "{label}" ({min}) đứng sau ngưỡng {previous}.',
    bandEmptyLabel: 'Có xếp loại chưa đặt tên.',
    duplicateUnit: 'Mã đơn vị "{id}" bị trùng.',
    emptyUnitId: 'Có đơn vị chưa có mã.',
    unknownBlock: 'Khối "{block}" không có trong danh sách khối.',
    unknownCriterionInScores: 'Mã tiêu chí "{code}" không có trong bảng tiêu chí.',
    scoreOnParent: 'Tiêu chí {code} có tiêu chí con, chỉ chấm điểm ở tiêu chí lá.',
    unknownComponentInScores: 'Thành phần "{id}" không có trong cấu hình.',
    notANumber: 'Giá trị "{value}" không phải là số.',
    notATick: 'Giá trị "{value}" không hiểu được là Đạt/Không đạt (dùng TRUE/FALSE, x, ✓, 1/0).',
    levelNotInList: 'Mức "{value}" không có trong danh sách mức của tiêu chí {code}: {levels}.',
    pointsAboveMax: 'Điểm {points} vượt điểm tối đa {max} của tiêu chí {code}.',
    componentAboveMax: 'Điểm {points} vượt điểm tối đa {max} của thành phần {id}.',
    negativeValue: 'Giá trị {value} không được âm.',
    notWholeCount: 'Số lần "{value}" phải là số nguyên không âm.',
    errorValue: 'Ô chứa lỗi công thức {value}.',
    blankScore: 'Chưa được chấm điểm.',
    notApplicableNotAllowed: 'Tiêu chí {code} không được đánh dấu "không áp dụng".',
    badDecimals: 'Số chữ số thập phân phải là số nguyên từ 0 đến {max}.',
    unknownTieBreakField:
      'Tiêu chí phụ xếp hạng dùng lĩnh vực "{code}" không có trong bảng tiêu chí.',
    unknownTieBreakComponent:
      'Tiêu chí phụ xếp hạng dùng thành phần "{id}" không có trong cấu hình.',
    badSetting: 'Giá trị "{value}" của thiết lập {name} không hợp lệ.',
  },
  warnings: {
    noApplicableMax: 'Không có tiêu chí nào áp dụng nên không tính được chỉ số và không xếp hạng.',
    blankScored0: '{count} tiêu chí chưa chấm, tính 0 điểm (đầu tiên: {code}).',
    decimalCommaText: 'Số "{value}" được gõ dạng chữ với dấu phẩy thập phân; đã hiểu là {number}.',
    componentBlank: 'Chưa có điểm, tính 0 điểm.',
  },
  location: {
    cell: "Trang tính '{sheet}', ô {cell}",
    criterion: 'Tiêu chí {code}',
    unit: 'Đơn vị {unit}',
    unitCriterion: 'Đơn vị {unit}, tiêu chí {code}',
    component: 'Thành phần {id}',
    block: 'Khối {block}',
    settings: 'Cấu hình',
  },
  labels: {
    criterion: 'tiêu chí',
    block: 'khối',
    unit: 'đơn vị',
    component: 'thành phần',
    tied: 'Đồng hạng',
    noIndex: 'Không tính được',
  },
  report: {
    stt: 'STT',
    unitName: 'Tên đơn vị',
    self: 'Điểm tự chấm',
    appraised: 'Điểm thẩm định',
    total: 'Tổng điểm',
    index: 'Chỉ số (%)',
    rank: 'Xếp hạng',
    overallRank: 'Xếp hạng chung',
    classification: 'Xếp loại',
    note: 'Ghi chú',
    blockTitle: '{block}',
    tiedNote: 'Đồng hạng',
  },
  bands: {
    national: ['A', 'B', 'C', 'D'],
  },
} as const;

/** Fills {name} placeholders in a message. Unknown names stay visible so a gap shows. */
export function formatMessage(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
