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
    // Awards, nominations, ballots
    duplicateAward: 'Mã hình thức khen thưởng "{id}" bị trùng.',
    noAwards: 'Chưa khai báo hình thức khen thưởng nào.',
    badQuota: 'Chỉ tiêu "{value}" của {award} phải là số nguyên không âm.',
    unknownBlockInQuota: 'Chỉ tiêu của {award} nêu khối "{block}" không có trong danh sách khối.',
    badDate: 'Ngày "{value}" không đúng dạng năm-tháng-ngày (ví dụ 2018-03-30).',
    badShare: 'Tỷ lệ "{value}" phải là số từ 0 đến 1 (ví dụ 0,1 cho 10%).',
    badGate: 'Điều kiện "{kind}" không được hỗ trợ.',
    gateNeedsValue: 'Điều kiện {gate} thiếu giá trị.',
    unknownBand: 'Điều kiện xếp loại nêu "{label}" không phải là xếp loại nào trong cấu hình.',
    unknownMeasure:
      'Điều kiện tăng so với năm trước nêu chỉ số "{measure}" không có trong cấu hình.',
    unknownParent: 'Cơ quan chủ quản "{parent}" không có trong danh sách đơn vị.',
    parentIsSelf: 'Đơn vị không thể là cơ quan chủ quản của chính mình.',
    badCount: 'Giá trị "{value}" phải là số nguyên không âm.',
    violatingAboveStaff: 'Số người vi phạm ({violating}) lớn hơn biên chế ({staff}).',
    unknownAwardInChoice: 'Quyết định của Hội đồng nêu hình thức "{award}" không có.',
    choiceNotATie:
      'Quyết định của Hội đồng cho {award}, {where}: không có trường hợp đồng hạng tại ngưỡng cần quyết định.',
    choiceWrongUnits:
      'Quyết định của Hội đồng cho {award}, {where}: phải chọn đúng {places} trong các đơn vị đồng hạng {units}.',
    duplicateNomination: 'Mã đề cử "{id}" bị trùng.',
    nomineeUnknownUnit:
      'Người được đề cử "{name}" thuộc đơn vị "{unit}" không có trong danh sách đơn vị.',
    nominatorNotEntitled:
      'Đơn vị "{unit}" không được quyền đề cử ({kind}): đơn vị không thuộc diện {kind}.',
    nominatorMissing: 'Đề cử "{id}" thiếu đơn vị đề cử.',
    tooManyNominations: 'Đơn vị "{unit}" đề cử {count} cá nhân, vượt số được đề cử ({max}).',
    badNominatorKind:
      'Loại đề cử "{kind}" không hợp lệ (dùng: tập thể được khen, liền kề, Hội đồng).',
    duplicateBallot: 'Mã lượt bầu "{id}" bị trùng.',
    noVotes: 'Chưa có số phiếu nào.',
    nomineeNotOfNominator:
      'Người được đề cử "{name}" thuộc đơn vị "{unit}", không phải của tập thể đề cử "{by}".',
    badSeats: 'Số người được chọn phải là số nguyên dương.',
    presentAboveTotal: 'Số thành viên có mặt ({present}) lớn hơn tổng số thành viên ({total}).',
    votesAbovePresent: '"{nominee}" có {votes} phiếu, nhiều hơn số thành viên có mặt ({present}).',
    badVotes: 'Số phiếu "{value}" phải là số nguyên không âm.',
    unknownNominee: '"{nominee}" không có trong danh sách đề cử.',
    duplicateVote: '"{nominee}" được ghi phiếu hai lần.',
    alreadyElected: '"{nominee}" đã được chọn ở lượt bầu {previous}.',
  },
  warnings: {
    noApplicableMax: 'Không có tiêu chí nào áp dụng nên không tính được chỉ số và không xếp hạng.',
    blankScored0: '{count} tiêu chí chưa chấm, tính 0 điểm (đầu tiên: {code}).',
    decimalCommaText: 'Số "{value}" được gõ dạng chữ với dấu phẩy thập phân; đã hiểu là {number}.',
    componentBlank: 'Chưa có điểm, tính 0 điểm.',
  },
  awards: {
    reasons: {
      notRegistered: 'Không đăng ký thi đua',
      registeredLate: 'Đăng ký thi đua ngày {date}, sau hạn {deadline}',
      disciplineShare: 'Tỷ lệ biên chế vi phạm kỷ luật, kỷ cương {share}% vượt {max}%',
      parentDiscipline:
        'Cơ quan chủ quản có {share}% đơn vị trực thuộc vi phạm kỷ luật, kỷ cương, vượt {max}%',
      classification: 'Xếp loại "{label}" không đạt yêu cầu ({allowed})',
      noClassification: 'Không xếp loại được',
      minIndex: 'Chỉ số {index} thấp hơn mức tối thiểu {min}',
      missingFlag: 'Chưa có: {flag}',
      notImproved: '{measure} năm nay {now} không tăng so với năm trước {before}',
      noPrevious: 'Thiếu số liệu năm trước của {measure}',
      noMeasure: 'Thiếu số liệu năm nay của {measure}',
      forAward: '{award}: {reason}',
    },
    flags: {
      excellent: 'Hoàn thành xuất sắc nhiệm vụ',
      initiative: 'Sáng kiến được công nhận',
    } as Record<string, string>,
    nominators: {
      awarded: 'tập thể được khen thưởng',
      runnerUp: 'tập thể liền kề',
      council: 'Hội đồng',
    },
    tieAtCut: 'Đồng hạng tại ngưỡng — cần Hội đồng quyết định ({places} suất cho {count} đơn vị)',
    tieAtBallot:
      'Bằng số phiếu tại ngưỡng — cần Hội đồng quyết định ({places} suất cho {count} người)',
    awardWaits: '{award} nếu không được chọn {higher} — chờ Hội đồng quyết định đồng hạng',
    runnerUpWaits: 'Liền kề nếu không được chọn khen thưởng — chờ Hội đồng quyết định đồng hạng',
    councilDecided: 'Hội đồng quyết định (đồng hạng tại ngưỡng)',
    runnerUp: 'Liền kề — được đề cử 01 cá nhân',
    unfilled: '{award}: còn {places} suất chưa xét được',
    wholeProvince: 'toàn tỉnh',
    belowThreshold: 'Không đạt tỷ lệ phiếu ({votes}/{base}, cần {share}%)',
    elected: 'Được chọn ({votes}/{base} phiếu)',
    notElected: 'Không được chọn ({votes}/{base} phiếu)',
    runnersUpLabel: 'Liền kề',
    header: {
      award: 'Hình thức',
      stt: 'STT',
      unit: 'Tên tập thể / cá nhân',
      block: 'Khối',
      index: 'Chỉ số (%)',
      rank: 'Xếp hạng',
      note: 'Ghi chú',
    },
  },
  location: {
    cell: "Trang tính '{sheet}', ô {cell}",
    criterion: 'Tiêu chí {code}',
    unit: 'Đơn vị {unit}',
    unitCriterion: 'Đơn vị {unit}, tiêu chí {code}',
    component: 'Thành phần {id}',
    block: 'Khối {block}',
    award: 'Khen thưởng {award}',
    nomination: 'Đề cử {id}',
    ballot: 'Lượt bầu {ballot}',
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
