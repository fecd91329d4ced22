/**
 * Every user-visible Vietnamese string, keyed by meaning. Messages take named parameters
 * written {name}; `formatMessage` fills them. Code never spells Vietnamese elsewhere.
 */
/**
 * The criteria table "Tiêu chí" as published tables are typed or pasted (issue 16): codes read
 * in context (I, II; 1, 1.1 under a field; a), b) under the numbered row above), blank parent
 * maxima, total rows. Its errors join `vi.errors` below.
 */
const criteriaTable = {
  errors: {
    duplicateCriterionKey:
      'Mã "{code}" (mã đầy đủ {key}) đã có ở ô {other}: hai dòng cùng mã. Sửa mã của một trong hai dòng (ví dụ {next}).',
    orphanInField:
      'Mã "{code}" nằm dưới lĩnh vực {field} nhưng phía trên chưa có dòng mã "{parent}" của lĩnh vực này (mã đầy đủ {key}). Thêm dòng đó trước nó hoặc sửa mã.',
    itemWithoutParent:
      'Mục "{code}" không có dòng đánh số nào phía trên để làm mục cha. Đặt nó dưới một dòng có mã (ví dụ 1 hoặc 1.1), hoặc ghi mã đầy đủ (ví dụ 1.1.{letter}).',
    codeReadsAs:
      'Mã tiêu chí "{code}" ở vị trí này sẽ được đọc lại thành "{key}" (một mã số đứng sau lĩnh vực đánh số La Mã hay chữ cái thuộc về lĩnh vực đó). Đặt mã La Mã hay chữ cái cho nó (ví dụ III), hoặc chuyển nó lên trước các lĩnh vực đó.',
    leafMaxMissing:
      'Tiêu chí {code} chưa có điểm tối đa. Nhập số điểm tối đa (ví dụ 2,5); chỉ dòng có mục con mới được để trống (tự cộng từ các mục con).',
  },
  warnings: {
    totalRowMismatch:
      'Dòng "{name}" ghi {max} điểm nhưng tổng điểm tối đa các lĩnh vực là {sum}; dòng tổng cộng không được đọc, hãy kiểm tra lại bảng tiêu chí.',
  },
  /** A row with no code whose name starts with one of these is the table's total: skipped. */
  /** The letters of lettered items ("a)" … "đ)" …), in the order Vietnamese tables count. */
  itemLetters: 'abcdđeghiklmnopqrstuvxy',
  totalNames: ['Tổng cộng', 'Tổng điểm', 'Tổng số điểm', 'Tổng'],
  ui: {
    badRootCode:
      'Mã lĩnh vực phải là một số (ví dụ 3), số La Mã (ví dụ III) hoặc chữ cái in hoa (ví dụ A).',
    badChildCode:
      'Mã phải là mã tiêu chí cha "{parent}" thêm một số hoặc chữ cái (ví dụ {parent}.1 hoặc {parent}.a).',
  },
} as const;

/**
 * Last year's results (issue 17): the sheet "Kết quả năm trước", the predecessors' column of
 * "Đơn vị", the merged units' setting and the change columns of "Kết quả". Its errors and
 * warnings join `vi.errors` / `vi.warnings` below.
 */
const previousYear = {
  errors: {
    previousNoUnitCode:
      'Bảng kết quả năm trước ở dòng này không có cột "Mã đơn vị" nên không ghép được với đơn vị năm nay. Hãy xếp hạng lại sổ năm trước bằng phiên bản này rồi dán lại trang "Kết quả", hoặc thêm cột "Mã đơn vị" vào bảng.',
    previousNoTable:
      'Không tìm thấy bảng kết quả nào (một dòng tiêu đề có "Mã đơn vị", "Chỉ số (%)" và "Xếp hạng"). Hãy dán toàn bộ trang "Kết quả" của sổ năm trước vào đây.',
    previousDuplicateCode:
      'Mã đơn vị "{code}" có hai lần trong kết quả năm trước (đã có ở ô {other}).',
    previousBadIndex: 'Chỉ số năm trước "{value}" phải là một số (ví dụ 85,25).',
    previousBadRank: 'Xếp hạng năm trước "{value}" phải là một số nguyên dương.',
    previousBadStaff: 'Biên chế năm trước "{value}" phải là một số không âm.',
    previousNoStaff:
      'Cấu hình "Chỉ số năm trước của đơn vị hợp nhất" là "Theo biên chế" nhưng đơn vị năm trước "{code}" không có biên chế: thêm cột "Biên chế" vào bảng ở trang "Kết quả năm trước", hoặc chọn "Trung bình".',
  },
  warnings: {
    previousCodeNotFound:
      'Mã đơn vị năm trước "{code}" không có trong trang "Kết quả năm trước"{hint}; đơn vị này được tính như không có đơn vị tiền thân đó.',
    previousTypedDiffers:
      'Giá trị gõ tay {typed} khác chỉ số năm trước {sheet} lấy từ trang "Kết quả năm trước"; dùng giá trị của trang "Kết quả năm trước".',
    previousRowWithoutCode: 'Dòng kết quả năm trước không có mã đơn vị nên bị bỏ qua.',
  },
  /** The column of "Đơn vị": one or several codes of last year, separated by ";" or ",". */
  predecessors: 'Mã đơn vị năm trước',
  /** The staff column a "Kết quả năm trước" table may carry (for "Theo biên chế"). */
  staff: 'Biên chế',
  /** The setting row of "Cấu hình" and its choices. */
  settings: { previousMerge: 'Chỉ số năm trước của đơn vị hợp nhất' },
  choices: {
    previousMerge: { mean: 'Trung bình', staff: 'Theo biên chế', none: 'Không tính' },
  },
  notes: {
    previousMerge:
      'Khi có trang "Kết quả năm trước": chỉ số năm trước của một đơn vị hợp nhất từ nhiều đơn vị (cột "Mã đơn vị năm trước" của "Đơn vị") là trung bình các chỉ số, trung bình theo biên chế, hoặc không tính (để trống).',
  },
  /** The columns "Kết quả" gains when "Kết quả năm trước" is present. */
  columns: {
    previousIndex: 'Chỉ số năm trước',
    change: 'Tăng/giảm',
    rankChange: 'Thay đổi thứ hạng',
  },
  /** "Thay đổi thứ hạng": up n places, down n places, the same place, no comparable place. */
  rankUp: '↑{n}',
  rankDown: '↓{n}',
  rankSame: '=',
  rankNew: 'mới',
  cli: {
    previousNoResults:
      'Sổ năm trước "{file}" không có trang "Kết quả": hãy xếp hạng sổ đó trước (xephang rank {file}).',
  },
} as const;

export const vi = {
  errors: {
    ...criteriaTable.errors,
    ...previousYear.errors,
    duplicateCriterionCode: 'Mã tiêu chí "{code}" bị trùng (đã có ở {other}).',
    emptyCriterionCode: 'Thiếu mã tiêu chí.',
    badCriterionCode:
      'Mã tiêu chí "{code}" không đọc được: dùng mã số chấm (ví dụ 2.3.1), số La Mã cho lĩnh vực (I, II) hoặc a), b) cho mục nhỏ.',
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
    pointsStep: 'Tiêu chí {code}: bước của cách chấm Nhập điểm phải là số dương (ví dụ bước 0,25).',
    pointsOffStep:
      'Điểm {points} của tiêu chí {code} không đúng bước {step} (gần nhất: {below} hoặc {above}).',
    deductionPerCount: 'Tiêu chí {code}: số điểm trừ mỗi lần vi phạm phải là số dương.',
    deductionMinAboveMax:
      'Tiêu chí {code}: mức sàn {min} của điểm trừ không được lớn hơn điểm tối đa {max}.',
    bonusPerCount: 'Tiêu chí {code}: số điểm thưởng mỗi lần phải là số dương.',
    bonusHasChildren: 'Tiêu chí điểm thưởng {code} phải là tiêu chí lá.',
    unknownBlockInCriterion:
      'Tiêu chí {code} áp dụng cho khối "{block}" không có trong danh sách khối (có: {blocks}).',
    noCriteria: 'Chưa có tiêu chí nào.',
    duplicateComponent: 'Mã thành phần "{id}" bị trùng.',
    componentMaxBelowZero: 'Điểm tối đa của thành phần {id} là {max}, không được nhỏ hơn 0.',
    componentClashesField: 'Mã thành phần "{id}" trùng mã một lĩnh vực.',
    duplicateBlock: 'Mã khối "{id}" bị trùng.',
    noBlocks: 'Chưa có khối thi đua nào.',
    bandsOutOfOrder:
      'Các xếp loại phải xếp giảm dần theo ngưỡng; "{label}" ({min}) đứng sau ngưỡng {previous}.',
    bandEmptyLabel: 'Có xếp loại chưa đặt tên.',
    bandNoThreshold:
      'Xếp loại "{label}" chưa có ngưỡng: chỉ xếp loại cuối cùng được để trống ngưỡng. Ghi ngưỡng sau dấu ≥, ví dụ "{example}".',
    duplicateUnit: 'Mã đơn vị "{id}" bị trùng.',
    emptyUnitId: 'Có đơn vị chưa có mã.',
    unknownBlock: 'Khối "{block}" không có trong danh sách khối (có: {blocks}).',
    missingBlock: 'Đơn vị {unit} chưa có khối thi đua.',
    unknownCriterionInScores: 'Mã tiêu chí "{code}" không có trong bảng tiêu chí.',
    criterionRowMissing: 'Tiêu chí {code} chưa có dòng trong trang tính {sheets}.',
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
    badMaxSpread: 'Chênh lệch tối đa giữa người chấm "{value}" phải là số điểm không âm.',
    /** "Phông chữ báo cáo" (issue 15): a font name and a size in points. */
    badReportFont:
      'Phông chữ báo cáo "{value}" không hợp lệ: ghi tên phông rồi cỡ chữ từ {min} đến {max}, ví dụ "Times New Roman 13".',
    emptyAppraiserId: 'Có người thẩm định chưa có mã.',
    duplicateAppraiser: 'Mã người thẩm định "{id}" bị trùng.',
    unknownAppraiserUnit:
      'Đơn vị công tác "{unit}" của người thẩm định {id} không có trong trang tính "Đơn vị".',
    unknownAppraiser:
      'Người chấm "{id}" không có trong mục NGƯỜI THẨM ĐỊNH của trang tính "Cấu hình".',
    duplicateAppraisal:
      'Đơn vị "{unit}" có hai cột điểm của cùng người chấm "{appraiser}" trong một vòng.',
    recusal:
      'Người chấm {appraiser} công tác tại đơn vị {unit} nên không được chấm điểm đơn vị này.',
    mixedNotApplicable:
      'Người chấm {na} ghi "không áp dụng" nhưng người chấm {scored} chấm điểm tiêu chí {code} của đơn vị {unit}; các người chấm phải thống nhất.',
    // Workbook
    fileProblem: '{message}',
    fileOpen: 'Tệp đang được mở trong {app} (có tệp khóa {lock}); hãy lưu, đóng tệp rồi chạy lại.',
    macroToXlsx:
      'Sổ tính có macro (.xlsm) phải ghi ra tệp .xlsm: Excel không mở tệp .xlsx chứa macro. Hãy đặt tên tệp kết quả đuôi .xlsm.',
    plainToXlsm:
      'Sổ tính không có macro phải ghi ra tệp .xlsx: Excel không mở tệp .xlsm không có macro. Hãy đặt tên tệp kết quả đuôi .xlsx.',
    missingSheet: 'Thiếu trang tính "{sheet}".',
    missingSheetNear:
      'Thiếu trang tính "{sheet}": trang "{near}" có dấu cách thừa trong tên; hãy đổi tên trang thành "{sheet}".',
    emptySheet: 'Trang tính "{sheet}" không có dữ liệu.',
    missingHeader: 'Thiếu cột "{header}" ở dòng tiêu đề.',
    missingValue: 'Thiếu giá trị ở cột "{header}".',
    formulaNotComputed:
      'Ô có công thức nhưng chưa có kết quả (tệp chưa được mở trong Excel hay LibreOffice); hãy mở tệp, để bảng tính tự tính rồi lưu lại.',
    formulaNotComputedMore: 'Còn {count} ô công thức chưa có kết quả trong trang tính "{sheet}".',
    unknownSetting: 'Không hiểu thiết lập "{key}".',
    unknownChoice: 'Giá trị "{value}" không hợp lệ; chọn một trong: {choices}.',
    badNumber: 'Giá trị "{value}" phải là một số.',
    badBands: 'Không hiểu xếp loại "{value}" (ví dụ: Tốt ≥ 90; Khá ≥ 80; Trung bình).',
    badRuleParams: 'Không hiểu tham số "{value}" của cách chấm {rule}.',
    unknownRule: 'Cách chấm "{value}" không có; dùng một trong: {choices}.',
    orphanCriterion: 'Tiêu chí {code} không có tiêu chí cha {parent} đứng trước nó.',
    unitColumnNoHeader: 'Cột có điểm nhưng không có mã đơn vị ở dòng tiêu đề.',
    unknownUnitColumn:
      'Mã đơn vị "{unit}" ở dòng tiêu đề không có trong trang tính "Đơn vị"{hint}.',
    duplicateUnitColumn: 'Mã đơn vị "{unit}" xuất hiện hai lần ở dòng tiêu đề.',
    duplicateCriterionRow: 'Mã tiêu chí "{code}" xuất hiện hai lần.',
    unknownComponentColumn: 'Cột "{header}" không phải là thành phần nào trong cấu hình.',
    unknownUnitRow: 'Mã đơn vị "{unit}" không có trong trang tính "Đơn vị"{hint}.',
    mergedCells: 'Vùng ô gộp {range} nằm trong bảng điểm; hãy bỏ gộp ô.',
    badTieBreak: 'Không hiểu tiêu chí phụ "{value}" (ví dụ: Lĩnh vực 2; Ít điểm trừ).',
    badGateText: 'Không hiểu điều kiện "{value}".',
    // Awards, nominations, ballots
    duplicateAward: 'Mã hình thức khen thưởng "{id}" bị trùng.',
    noAwards: 'Chưa khai báo hình thức khen thưởng nào.',
    badQuota: 'Chỉ tiêu "{value}" của {award} phải là số nguyên không âm.',
    unknownBlockInQuota: 'Chỉ tiêu của {award} nêu khối "{block}" không có trong danh sách khối.',
    unknownBlockInRunnersUp: 'Số tập thể liền kề nêu khối "{block}" không có trong danh sách khối.',
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
    badEmail: '"{value}" không phải địa chỉ thư điện tử (ví dụ canbo@sonoivu.gov.vn).',
    formMissing: 'Không có trang tính "{sheet}": đây không phải phiếu tự chấm.',
    formOtherCampaign:
      'Phiếu của đợt thi đua "{found}", không phải đợt "{expected}" của sổ tính này.',
    formFingerprint:
      'Mã kiểm tra bộ tiêu chí "{found}" khác "{expected}": phiếu được tạo từ bộ tiêu chí khác hoặc đã bị sửa tiêu chí. Hãy gửi lại phiếu mới.',
    formUnknownUnit: 'Đơn vị "{unit}" không có trong trang tính "Đơn vị".',
    formUnknownCriterion: 'Tiêu chí "{code}" không có trong phiếu được gửi đi.',
    formMissingCriterion: 'Phiếu thiếu dòng của tiêu chí "{code}".',
    formNoEvidence: 'Tiêu chí {code} có {points} điểm tự chấm nhưng chưa ghi tài liệu kiểm chứng.',
    /** checkSetup: a leaf whose rule can give no points at all (a deduction with max 0 is fine). */
    criterionGivesNoPoints:
      '"{name}" không cho điểm nào ({rule}, điểm tối đa {max}): hãy nhập điểm tối đa, hoặc điểm của một mức, lớn hơn 0.',
  },
  warnings: {
    ...criteriaTable.warnings,
    ...previousYear.warnings,
    noApplicableMax: 'Không có tiêu chí nào áp dụng nên không tính được chỉ số và không xếp hạng.',
    appraisersDisagree:
      'Các người chấm lệch nhau {spread} điểm ở tiêu chí {code} của đơn vị {unit} (từ {low} đến {high}), quá {limit} điểm: cần thảo luận.',
    blankScored0: '{count} tiêu chí chưa chấm, tính 0 điểm (đầu tiên: {code}).',
    ruleTopBelowMax:
      'Tiêu chí {code}: mức cao nhất của cách chấm được {top} điểm, thấp hơn điểm tối đa {max}; không đơn vị nào đạt đủ điểm tiêu chí này.',
    shareAboveOne:
      'Tiêu chí {code}: "Tỷ lệ" không có Tham số đọc giá trị từ 0 đến 1 (0,8 là 80%), nên {value} được tính đủ điểm tối đa. Nếu đây là phần trăm, hãy ghi Tham số "trên 100".',
    fractionOnPercentScale:
      'Tiêu chí {code}: giá trị {value} quá nhỏ so với thang phần trăm của cách chấm; nếu ô định dạng phần trăm thì {percent}% được lưu là {value} — hãy gõ {percent} vào ô định dạng số. Đã tính theo {value}.',
    criterionRowMissingScored0:
      'Tiêu chí {code} chưa có dòng trong trang tính {sheets}; mọi đơn vị được tính 0 điểm ở tiêu chí này.',
    blankScored0At: 'Đơn vị {unit}: {count} tiêu chí chưa chấm, tính 0 điểm (đầu tiên: ô này).',
    decimalCommaText: 'Số "{value}" được gõ dạng chữ với dấu phẩy thập phân; đã hiểu là {number}.',
    componentBlank: 'Chưa có điểm, tính 0 điểm.',
    formNoEvidence: 'Tiêu chí {code} có {points} điểm tự chấm nhưng chưa ghi tài liệu kiểm chứng.',
    formLate: 'Phiếu gửi ngày {date}, sau hạn nộp {deadline}.',
    formDuplicate:
      'Đơn vị {unit} gửi nhiều phiếu: dùng phiếu {newer} ({newerDate}), bỏ phiếu {older} ({olderDate}).',
    nominationBasisChanged: 'Đơn vị {unit} {now}; đề cử theo diện {kind} cần xem lại.',
    noFormsToMerge: 'Không tìm thấy phiếu tự chấm nào để gộp; chưa ghi gì vào bảng tính.',
    formNotAForm: 'Không có trang tính "{sheet}": đây không phải phiếu tự chấm.',
    unitsNotScored:
      '{count} đơn vị chưa có điểm chấm nào ({names}): kết quả của các đơn vị này chưa phải kết quả thật và không được đề nghị khen thưởng.',
  },
  /** Nominations to review after a quota or score change; units with no score at all. */
  review: {
    now: {
      awarded: 'nay được đề nghị khen thưởng',
      runnerUp: 'nay chỉ thuộc diện liền kề, không được đề nghị khen thưởng',
      tied: 'đang đồng hạng tại ngưỡng, chờ Hội đồng quyết định',
      none: 'nay không được đề nghị khen thưởng, cũng không thuộc diện liền kề',
    },
    kinds: { awarded: 'tập thể được khen thưởng', runnerUp: 'liền kề' },
    /** "Hình thức" of the review rows in "Đề nghị khen thưởng". */
    label: 'Đề cử cần xem lại',
    /** Appended to a ballot row of a flagged nominee. */
    flagged: '{note}. Cần xem lại: {review}',
    /** "Hình thức" of the row about units with no score in "Đề nghị khen thưởng". */
    noScoresLabel: 'Chưa có điểm chấm',
    noScoresRow: '{count} đơn vị chưa có điểm chấm nào ({names}): không xét khen thưởng.',
    /** "Ghi chú" in "Kết quả" of a unit with no score, when no awards are configured. */
    noScoresNote: 'Chưa có điểm chấm',
    /** Names listed in a message, then this when there are more. */
    more: '…',
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
      noScores: 'Chưa có điểm chấm',
      councilExcluded: 'Hội đồng không xét: {reason}',
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
  /**
   * The period campaign (issue 17, docs/period.md): the yearly "Kết quả" read back, the units
   * ranked over the period, the period awards, and `xephang period`.
   */
  period: {
    /** The output sheets. */
    sheets: { results: 'Kết quả giai đoạn', proposals: 'Đề nghị khen thưởng giai đoạn' },
    /** "2021–2025", or one year alone. */
    span: '{first}–{last}',
    /** A table per block; {block} is the block's name as the yearly title prints it. */
    resultTitle: 'Kết quả xếp hạng Chỉ số cải cách hành chính giai đoạn {span} — {block}',
    proposalsTitle:
      'Danh sách đề nghị khen thưởng theo kết quả Chỉ số cải cách hành chính giai đoạn {span}',
    /** The word before the year in a yearly title ("… NĂM 2018 — KHỐI …"). */
    yearWord: 'năm',
    /** The band label of the "excellent in N years" gate when none is given. */
    excellentLabel: 'Xuất sắc',
    header: {
      stt: 'STT',
      unitCode: 'Mã đơn vị',
      unitName: 'Tên đơn vị',
      yearIndex: 'Chỉ số {year}',
      yearClass: 'Xếp loại {year}',
      years: 'Số năm có chỉ số',
      mean: 'Chỉ số bình quân (%)',
      rank: 'Xếp hạng',
      excellent: 'Số năm {label}',
      note: 'Ghi chú',
      award: 'Hình thức',
      block: 'Khối',
    },
    /** What a yearly sheet must hold to be read (headers found by these texts). */
    read: {
      code: 'Mã đơn vị',
      name: 'Tên đơn vị',
      index: 'Chỉ số (%)',
      rank: 'Xếp hạng',
      classification: 'Xếp loại',
    },
    notes: {
      tooFewYears: 'Có chỉ số {years}/{total} năm, cần ít nhất {min} năm: không xếp hạng',
      tied: 'Đồng hạng',
      proposed: 'Đề nghị {award}',
      notExcellent: 'Không xét {award}: {label} {count} năm, cần {min} năm',
      notEveryYear: 'Không xét {award}: không có mặt năm {missing}',
      tieAtCut:
        'Không xét {award}: đồng hạng {rank} với đơn vị khác tại chỉ tiêu (còn {places} suất), Hội đồng xem xét',
    },
    errors: {
      noHeader:
        'Không thấy hàng tiêu đề của bảng kết quả (ô "Mã đơn vị" và "Chỉ số (%)" trên cùng một hàng): đây có phải trang "Kết quả" của một năm đã xếp hạng?',
      missingHeader: 'Hàng tiêu đề thiếu cột "{header}".',
      noYear:
        'Không biết kết quả này của năm nào: tiêu đề bảng không ghi "NĂM …" và tên tệp không có năm (ví dụ 2021.xlsx).',
      duplicateYear: 'Năm {year} có hai bảng kết quả: {first} và {second}. Mỗi năm chỉ một tệp.',
      duplicateCode: 'Mã đơn vị "{code}" trùng với dòng {row} trong cùng năm {year}.',
      missingCode: 'Dòng có số liệu nhưng thiếu mã đơn vị.',
      badIndex: 'Chỉ số "{value}" không phải là số.',
      missingSheet: 'Tệp không có trang "{sheet}": hãy chọn sổ tính đã xếp hạng của từng năm.',
      noYears: 'Chưa có kết quả năm nào.',
    },
    cli: {
      missingFiles:
        'Thiếu các tệp kết quả từng năm: xephang period 2021.xlsx 2022.xlsx … -o giai-doan.xlsx',
      missingOutput: 'Thiếu tên tệp kết quả giai đoạn (-o <giai-doan.xlsx>).',
      outputIsInput:
        'Tệp ghi "{file}" là một tệp đầu vào: các tệp từng năm không bao giờ bị ghi đè.',
      badNumber: 'Giá trị "{value}" sau "{option}" phải là số nguyên từ {min} trở lên.',
      awardFirst: 'Tùy chọn "{option}" phải đứng sau --award <tên hình thức>.',
      written: 'Đã ghi kết quả giai đoạn {span} ({years} năm, {units} đơn vị) vào {file}.',
      proposals: 'Đề nghị khen thưởng giai đoạn',
    },
  },
  /**
   * "Xếp hạng giai đoạn" in the task pane (issue 17, docs/period.md): the yearly ranked
   * workbooks picked in Excel, the period result written into the open workbook.
   */
  periodPane: {
    title: 'Xếp hạng giai đoạn',
    intro:
      'Chọn sổ tính đã xếp hạng của từng năm (mỗi năm một tệp .xlsx). Chỉ đọc trang "Kết quả" của các tệp đó; kết quả giai đoạn được ghi vào sổ tính đang mở, các trang nhập liệu không thay đổi.',
    pick: 'Sổ tính kết quả từng năm (.xlsx)',
    picked: 'Đã chọn {count} tệp: {files}.',
    minYears: 'Số năm tối thiểu có chỉ số',
    award: 'Khen thưởng giai đoạn (không bắt buộc)',
    awardName: 'Hình thức khen thưởng',
    awardHint: 'Để trống nếu không đề nghị khen thưởng giai đoạn.',
    quota: 'Chỉ tiêu mỗi khối',
    excellentYears: 'Số năm "Xuất sắc" tối thiểu (0: không xét)',
    everyYear: 'Phải có kết quả tất cả các năm',
    button: 'Xếp hạng giai đoạn',
    running: 'Đang xếp hạng giai đoạn…',
    done: 'Đã ghi kết quả giai đoạn {span} ({years} năm, {units} đơn vị, {ranked} được xếp hạng).',
    proposals: 'Đề nghị khen thưởng giai đoạn: {count} đơn vị.',
    failed: 'Không ghi gì: {count} lỗi.',
    failedHint: 'Sổ tính này và các tệp đã chọn không thay đổi. Sửa các lỗi rồi thử lại.',
    crashed: 'Xếp hạng giai đoạn gặp lỗi bất ngờ: {message}',
    badWhole: '"{field}" phải là số nguyên từ {min} trở lên.',
    sheetsNote:
      'Google Sheets không chọn được tệp: hãy xếp hạng giai đoạn trong Excel (thẻ này trong ngăn tác vụ) hoặc bằng lệnh "xephang period 2021.xlsx … 2025.xlsx -o giai-doan.xlsx", rồi mở tệp kết quả.',
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
    file: 'Tệp {file}',
    fileCell: "Tệp {file}, trang tính '{sheet}', ô {cell}",
    workbook: 'Sổ tính',
    settings: 'Cấu hình',
  },
  labels: {
    criterion: 'tiêu chí',
    block: 'khối',
    unit: 'đơn vị',
    component: 'thành phần',
    index: 'Chỉ số',
    eitherSheet: '"{a}" hay "{b}"',
    didYouMean: ' (có phải "{code}"?)',
    gates: {
      classification: 'xếp loại',
      minIndex: 'chỉ số tối thiểu',
      flags: 'danh hiệu',
      improvement: 'tăng so với năm trước',
    },
    /** The settings line of "Nhật ký". */
    summary: {
      decimals: '{decimals} chữ số thập phân',
      na: 'N/A: {policy}',
      rankBy: 'xếp hạng theo {by}',
      method: 'đồng hạng {method}',
    },
    proposed: 'Đề nghị {award}',
    excluded: 'Không xét khen thưởng: {reasons}',
    tied: 'Đồng hạng',
    noIndex: 'Không tính được',
  },
  report: {
    title: 'KẾT QUẢ XẾP HẠNG — {name} ({year})',
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
    /** A unit level with another on the printed value, placed by the tie-break keys. */
    tieBrokenNote: 'Bằng {value} với đơn vị khác; thứ tự theo tiêu chí phụ ({keys})',
    blockSummary: 'CHỈ SỐ CẢI CÁCH HÀNH CHÍNH THEO KHỐI THI ĐUA',
    block: 'Khối thi đua',
    unitCount: 'Số đơn vị',
    highest: 'Cao nhất',
    average: 'Trung bình',
    lowest: 'Thấp nhất',
    chartTitle: 'Chỉ số cải cách hành chính theo khối thi đua (%)',
  },
  /**
   * The Word appendix (docx/, `xephang report`): the header block of Nghị định 30/2020/NĐ-CP
   * and the command's messages.
   */
  wordReport: {
    /** Quốc hiệu and tiêu ngữ, as the decree spells them. */
    country: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    /** The file's properties (Word: File › Info). */
    documentTitle: 'Phụ lục kết quả xếp hạng — {name} ({year})',
    cli: {
      missingOutput: 'Thiếu tên tệp Word để ghi (-o <tệp báo cáo.docx>).',
      notDocx:
        'Tệp báo cáo "{file}" phải có đuôi .docx (tài liệu Word): hãy đặt tên khác, ví dụ bao-cao.docx.',
      written: 'Đã ghi phụ lục kết quả (tài liệu Word) vào {file}.',
    },
  },
  /**
   * The output sheets as the published appendix (issue 15): table titles, the unit code column,
   * the report settings of "Cấu hình" with their notes and the pane's fields, appendix labels.
   */
  reportLayout: {
    /** The title of each block's table in "Kết quả" (upper-cased when printed). */
    resultTitle: 'Kết quả xếp hạng Chỉ số cải cách hành chính năm {year} — {block}',
    /** The title of the block summary table under the block tables. */
    summaryTitle: 'Chỉ số cải cách hành chính năm {year} theo khối thi đua',
    /** The title of "Đề nghị khen thưởng". */
    proposalsTitle:
      'Danh sách đề nghị khen thưởng theo kết quả Chỉ số cải cách hành chính năm {year}',
    unitCode: 'Mã đơn vị',
    blockCode: 'Mã khối',
    /** The Word appendices: "Phụ lục I" (results), "Phụ lục II" (proposals and ballots). */
    appendixResults: 'Phụ lục I',
    appendixProposals: 'Phụ lục II',
    /** Heading of Phụ lục II; Phụ lục I is headed by the campaign's name. */
    proposalsHeading: 'Đề nghị khen thưởng',
    /** The report settings rows of "Cấu hình" (keys in column A). */
    settings: {
      reportFont: 'Phông chữ báo cáo',
      reportSubtitle: 'Dòng kèm theo',
      issuerParent: 'Cơ quan chủ quản',
      issuer: 'Cơ quan ban hành',
    },
    /** Column C of those rows in the template's "Cấu hình". */
    notes: {
      reportFont:
        'Phông chữ và cỡ chữ của bảng "Kết quả", "Đề nghị khen thưởng" và phụ lục Word, ví dụ "Times New Roman 13".',
      reportSubtitle:
        'Dòng in dưới tiêu đề mỗi bảng, ví dụ "Kèm theo Quyết định số …/QĐ-UBND ngày … của Chủ tịch UBND tỉnh". Để trống: không in.',
      issuerParent:
        'Cơ quan chủ quản in ở góc trên phụ lục Word, ví dụ "UBND TỈNH AN GIANG". Để trống: không in.',
      issuer:
        'Cơ quan ban hành in ở góc trên phụ lục Word, ví dụ "SỞ NỘI VỤ". Để trống: không in phần đầu văn bản.',
    } as Record<string, string>,
    /** The pane's "Báo cáo" section of "Thiết lập". */
    ui: {
      section: 'Báo cáo',
      fontHint: 'Tên phông rồi cỡ chữ, ví dụ Times New Roman 13.',
      subtitleHint: 'Ví dụ: Kèm theo Quyết định số …/QĐ-UBND ngày … của Chủ tịch UBND tỉnh.',
      issuerHint: 'In ở phần đầu phụ lục Word, ví dụ UBND TỈNH AN GIANG / SỞ NỘI VỤ.',
    },
  },
  /** "Đối chiếu": self against appraised scores per unit and leaf criterion. */
  reconciliation: {
    unitCode: 'Mã đơn vị',
    unitName: 'Tên đơn vị',
    criterionCode: 'Mã tiêu chí',
    criterionName: 'Tên tiêu chí',
    max: 'Điểm tối đa',
    self: 'Điểm tự chấm',
    appraised: 'Điểm thẩm định',
    difference: 'Chênh lệch',
    reply: 'Giải trình bổ sung',
    note: 'Ghi chú',
    total: 'Tổng cộng',
    evidence: 'Tài liệu kiểm chứng: {evidence}',
    discuss: 'Cần thảo luận (người chấm lệch nhau {spread} điểm)',
    selfNotApplicable: 'Tự chấm: không áp dụng',
    notApplicable: 'Thẩm định: không áp dụng',
    notAppraised: 'Chưa thẩm định',
    round2: 'Chấm lại ở vòng 2',
    unnamedAppraiser: '(không ghi tên)',
    trimmed:
      'Chỉ liệt kê tiêu chí có chênh lệch, giải trình hoặc ghi chú: bảng đầy đủ vượt {rows} dòng.',
  },
  bands: {
    national: ['A', 'B', 'C', 'D'],
  },
  /** Self-assessment forms: one per unit, sent out, filled, merged back. */
  forms: {
    sheet: 'Phiếu tự chấm',
    unitSheet: 'Phiếu {unit}',
    explanations: 'Giải trình tự chấm',
    title: 'PHIẾU TỰ CHẤM ĐIỂM CẢI CÁCH HÀNH CHÍNH — {campaign}',
    campaignId: 'Mã đợt thi đua',
    year: 'Năm',
    unitCode: 'Mã đơn vị',
    unitName: 'Tên đơn vị',
    fingerprint: 'Mã kiểm tra bộ tiêu chí',
    sentOn: 'Ngày gửi',
    guidance:
      'Chỉ nhập vào các cột Điểm tự chấm, Giải trình, Tài liệu kiểm chứng và ô Ngày gửi. Mỗi tiêu chí có điểm phải kèm tài liệu kiểm chứng (tên tài liệu hoặc đường dẫn). Không sửa mã tiêu chí và các ô khác.',
    headers: {
      code: 'Mã tiêu chí',
      name: 'Tên tiêu chí',
      max: 'Điểm tối đa',
      rule: 'Cách chấm',
      score: 'Điểm tự chấm',
      explanation: 'Giải trình',
      evidence: 'Tài liệu kiểm chứng',
      file: 'Tệp',
    },
    logSettings: 'Gộp phiếu tự chấm',
    replaced:
      'Đơn vị {unit}: phiếu {older} ({olderDate}) được thay bằng phiếu {newer} ({newerDate}).',
    merged: 'Đã gộp {forms} phiếu của {units} đơn vị vào trang tính "{sheet}".',
    made: 'Đã tạo {count} phiếu tự chấm.',
    // Nothing lost in a merge (issue 20): empty forms, replaced and kept scores.
    emptyForms: '{count} phiếu trống — giữ nguyên điểm đã có: {list}.',
    emptyForm: '{unit} ({source})',
    replacedScores:
      'Thay {count} ô điểm đã có của {units} đơn vị (điểm cũ ghi ở trang tính "{log}"): {list}.',
    keptBlank: '{count} ô để trống trong phiếu — giữ nguyên điểm đã có ({units} đơn vị): {list}.',
    unitCells: '{unit} {count} ô',
    moreUnits: '… và {count} đơn vị khác',
    logOldScores: 'Gộp phiếu tự chấm — điểm cũ',
    logUnit: 'Đơn vị {unit} (phiếu {source}).',
    logReplaced: 'Thay {count} ô (cũ → mới): {list}.',
    logChange: '{code} ({cell}): {before} → {after}',
    logKept: 'Giữ nguyên {count} ô để trống trong phiếu: {list}.',
  },

  gas: {
    menu: 'Xếp hạng',
    rank: 'Xếp hạng',
    configure: 'Cấu hình…',
    template: 'Tạo mẫu',
    makeForms: 'Tạo phiếu tự chấm',
    mergeForms: 'Gộp phiếu tự chấm',
    sidebarTitle: 'Xếp hạng thi đua CCHC',
    templateDone:
      'Đã tạo các trang tính của đợt thi đua (20 cột đơn vị). Mở "Cấu hình…" để sửa tiêu chí, khối và khen thưởng.',
    /** What real Google Sheets refuses (issue 19): protected sheets, failed form sheets. */
    real: {
      protectedOutput:
        "Trang tính '{sheet}' đang được bảo vệ và bạn không có quyền sửa, nên chưa ghi gì vào bảng tính. Hãy nhờ người bảo vệ trang tính thêm bạn vào danh sách được sửa (hoặc bỏ bảo vệ) rồi chạy lại.",
      formFailed:
        'Chưa tạo xong phiếu "{sheet}": {message}. Phiếu này đã được xoá; {made} phiếu tạo trước đó vẫn giữ nguyên. Hãy chạy lại "Tạo phiếu tự chấm" để tạo các phiếu còn lại.',
      formLeft:
        'Chưa tạo xong phiếu "{sheet}": {message}. Không xoá được trang tính tạo dở này: hãy xoá trang tính "{sheet}" rồi chạy lại "Tạo phiếu tự chấm".',
    },
  },
  /** What the spreadsheet hosts (Excel, Google Sheets) say themselves. */
  host: {
    protectedSheet:
      "Trang tính '{sheet}' đang được bảo vệ nên không ghi được kết quả. Hãy bỏ bảo vệ trang tính rồi xếp hạng lại.",
    sheetExists:
      "Bảng tính đã có trang tính '{sheet}'. Chỉ tạo mẫu trong bảng tính chưa có các trang của đợt thi đua.",
    protectedMerge:
      "Trang tính '{sheet}' được bảo vệ bằng mật khẩu nên không gộp được phiếu tự chấm. Hãy bỏ bảo vệ trang tính rồi gộp lại.",
    validationTitle: 'Giá trị không hợp lệ',
    failed: 'Không thực hiện được: {message}',
    busy: 'Đang có người khác xếp hạng trên bảng tính này. Vui lòng thử lại sau ít phút.',
    rankDone: 'Đã xếp hạng {units} đơn vị; kết quả ở trang tính "{sheet}".',
    rankFailed: 'Chưa xếp hạng được: {count} lỗi cần sửa.',
    errorsTitle: 'Lỗi trong bảng tính',
    close: 'Đóng',
    /** Excel: the ribbon's error dialog could not open (Office on the web). */
    real: {
      /** Title of the list the task pane shows in the dialog's place. */
      ribbonErrors:
        'Lần bấm "Xếp hạng" lúc {time} chưa ghi gì vào bảng tính vì có lỗi cần sửa. Office không mở được hộp thoại báo lỗi ({reason}), nên các lỗi được liệt kê ở đây:',
      ignored: 'hộp thoại đã bị bỏ qua; lần sau hãy chọn "Cho phép" (Allow)',
      blocked: 'trình duyệt chặn cửa sổ bật lên; hãy cho phép cửa sổ bật lên với trang này',
      otherCode: 'mã lỗi {code}',
    },
  },

  /** "Nhập điểm" (points typed directly): the score cells' checks in the template and forms. */
  typedPoints: {
    prompt: 'Nhập số điểm đạt được, từ 0 đến {max}.',
    promptStep: 'Nhập số điểm đạt được, từ 0 đến {max}, theo bước {step} (ví dụ {example}).',
    error: 'Phải là số điểm từ 0 đến {max}.',
  },
  template: {
    na: 'N/A',
    tickPrompt: 'Chọn ✓ nếu đạt, ☐ nếu không đạt, N/A nếu không áp dụng.',
    tickError: 'Chỉ chọn ✓, ☐ hoặc N/A.',
    levelPrompt: 'Chọn một mức trong danh sách.',
    levelError: 'Mức này không có trong danh sách của tiêu chí.',
    valuePrompt: 'Nhập giá trị đo được (ví dụ tỷ lệ %).',
    countPrompt: 'Nhập số lần (số nguyên, 0 nếu không có).',
    countError: 'Phải là số nguyên không âm.',
    pointsPrompt: 'Nhập số điểm, không vượt điểm tối đa.',
    numberError: 'Phải là số từ 0 đến điểm tối đa.',
    preview: {
      total: 'Tổng điểm tạm tính',
    },
  },
  /** The workbook format: sheet names, section titles, headers, setting keys and choices. */
  /** The command line (`xephang`): usage, messages and the terminal tables. */
  cli: {
    usage: `Cách dùng:
  xephang rank <sổ tính.xlsx> [-o <tệp kết quả.xlsx>] [--previous <sổ năm trước.xlsx>]
               [--quiet] [--timings]
      Tính điểm, xếp hạng, đề nghị khen thưởng; ghi các trang "Kết quả", "Nhật ký", khi có mục
      KHEN THƯỞNG thêm "Đề nghị khen thưởng", khi có điểm thẩm định thêm "Đối chiếu", "Lịch sử
      thẩm định", "Lưu vết thẩm định" (mặc định ghi vào chính tệp đầu vào; các trang khác giữ
      nguyên). --previous: đọc trang "Kết quả" của sổ năm trước đã xếp hạng (không sửa sổ đó),
      thêm cột "Chỉ số năm trước", "Tăng/giảm", "Thay đổi thứ hạng" và ghi trang "Kết quả năm
      trước" vào sổ kết quả.
  xephang check <sổ tính.xlsx> [--timings]
      Chỉ kiểm tra dữ liệu, không ghi gì. --timings in thời gian từng bước (đọc, tính, ghi).
  xephang report <sổ tính.xlsx> -o <tệp báo cáo.docx> [--previous <sổ năm trước.xlsx>]
               [--quiet] [--timings]
      Tính điểm, xếp hạng như lệnh rank rồi ghi phụ lục kết quả thành tài liệu Word: Phụ lục I
      kết quả theo khối, Phụ lục II đề nghị khen thưởng (thể thức Nghị định 30/2020/NĐ-CP). Không
      ghi gì vào sổ tính.
  xephang template -o <tệp mới.xlsx> [--units <số đơn vị>] [--example <tên ví dụ>]
      Tạo sổ tính mẫu cho một đợt thi đua mới. Ví dụ có sẵn: {examples}.
  xephang forms <sổ tính.xlsx> -o <thư mục>
      Tạo phiếu tự chấm cho từng đơn vị (mỗi đơn vị một tệp <mã đơn vị>.xlsx).
  xephang merge <sổ tính.xlsx> <phiếu 1.xlsx> [<phiếu 2.xlsx> …] [-o <tệp kết quả.xlsx>]
      Gộp các phiếu tự chấm đã điền vào trang "Tự chấm" và "Giải trình tự chấm"
      (mặc định ghi vào chính sổ tính; có lỗi ở bất kỳ phiếu nào thì không ghi gì).
  xephang period <năm 1.xlsx> <năm 2.xlsx> … -o <giai-doan.xlsx> [--min-years <n>]
          [--excellent-label <nhãn>] [--decimals <n>] [--dense]
          [--award <tên> --quota <n> [--excellent-years <n>] [--every-year]] …
      Xếp hạng cả giai đoạn từ trang "Kết quả" của các sổ tính đã xếp hạng từng năm (chỉ đọc):
      chỉ số bình quân các năm có chỉ số, chỉ số và xếp loại từng năm, đề nghị khen thưởng giai
      đoạn theo chỉ tiêu mỗi khối. Xem docs/period.md.
  xephang --help | --version`,
    missingValue: 'Thiếu giá trị sau "{option}".',
    unknownOption: 'Không hiểu tùy chọn "{option}".',
    extraArgument: 'Thừa tham số "{argument}".',
    unknownCommand: 'Không có lệnh "{command}".',
    missingWorkbook: 'Thiếu tên tệp sổ tính.',
    checkWritesNothing: 'Lệnh check không ghi tệp nào.',
    missingTemplateFile: 'Thiếu tên tệp mẫu (-o <tệp mới.xlsx>).',
    unitsRange:
      'Số đơn vị phải là số nguyên từ 1 đến {max} (mỗi đơn vị một cột trong "Chấm điểm", và Excel có tối đa 16 384 cột).',
    unknownExample: 'Không có ví dụ "{name}". Có: {examples}.',
    missingFormsFolder: 'Thiếu thư mục ghi phiếu (-o <thư mục>).',
    missingForms: 'Thiếu phiếu tự chấm để gộp.',
    invalid: 'Dữ liệu chưa hợp lệ — không ghi gì vào tệp. {count} lỗi:',
    /** When every error is about the file itself (missing, locked, open elsewhere), not its data. */
    cannotRun: 'Không chạy được — không ghi gì vào tệp. {count} lỗi:',
    formsInvalid: 'Phiếu chưa hợp lệ — không ghi gì vào sổ tính. {count} lỗi:',
    moreWarnings: '… và {count} cảnh báo khác (xem trang "Nhật ký").',
    valid: 'Hợp lệ: {units} đơn vị, {criteria} tiêu chí.',
    proposals: 'Đề nghị khen thưởng',
    written: 'Đã ghi kết quả vào {file}.',
    templateWritten: 'Đã tạo sổ tính mẫu {file}.',
    mergedInto: 'Đã ghi vào {file}.',
    /** Progress lines on stderr, for runs past a second. */
    stages: {
      read: 'Đã đọc sổ tính',
      evaluated: 'Đã tính điểm, xếp hạng và đề nghị khen thưởng',
      written: 'Đã ghi kết quả',
    },
    /** --timings */
    stageShort: { read: 'đọc', evaluated: 'tính', written: 'ghi' },
    timings: 'Thời gian: {stages}',
    timingsTotal: 'cả lệnh {ms} ms',
    timingsBoot: ' (Node khởi động trước đó {ms} ms)',
    table: {
      level: 'Mức',
      sheet: 'Trang tính',
      cell: 'Ô',
      message: 'Nội dung',
      error: 'Lỗi',
      warning: 'Cảnh báo',
    },
    /**
     * The file system and Excel's limits (cli/files.ts, cli/main.ts, xlsx/limits.ts): what
     * happened to which file, and what to do.
     */
    fileSystem: {
      /** What a file that is not a regular file is. */
      kinds: {
        directory: 'một thư mục',
        fifo: 'một đường ống (FIFO)',
        socket: 'một socket',
        device: 'một thiết bị',
        other: 'một đối tượng đặc biệt của hệ thống',
      },
      notRegular:
        '"{path}" không phải là tệp thông thường ({kind}): chỉ đọc được sổ tính Excel (.xlsx) lưu trên ổ đĩa',
      notFolder:
        'Không ghi được các phiếu vào "{path}" vì đó là một tệp, không phải thư mục: hãy chọn một thư mục (-o <thư mục>)',
      notRegularTarget:
        'Không ghi được vào "{path}" vì đó là {kind}, không phải tệp thông thường: hãy chọn tên tệp khác',
      tooLarge:
        'Tệp "{path}" nặng {size} MB, quá giới hạn {max} MB của một sổ tính (một đợt thi đua thật chỉ vài MB): không đọc tệp này; hãy kiểm tra lại đúng tệp chưa',
      read: 'đọc',
      write: 'ghi',
      /** The file-system errors, by errno code; {action} is read or write. */
      errno: {
        ENOSPC:
          'Ổ đĩa đã đầy: không ghi được tệp "{path}" (không ghi gì). Hãy giải phóng dung lượng hoặc ghi ra ổ khác (-o) rồi chạy lại',
        EDQUOT:
          'Tài khoản đã dùng hết hạn mức dung lượng trên ổ đĩa: không ghi được tệp "{path}" (không ghi gì). Hãy xóa bớt tệp hoặc ghi ra ổ khác (-o) rồi chạy lại',
        EROFS:
          'Ổ đĩa hoặc thư mục chứa "{path}" chỉ cho phép đọc: không ghi được. Hãy ghi ra thư mục khác (-o <tệp kết quả.xlsx>) hoặc chép sổ tính vào máy rồi chạy lại',
        ENAMETOOLONG:
          'Tên hoặc đường dẫn của tệp "{path}" quá dài: hãy đặt tên ngắn hơn hoặc để tệp trong thư mục gần gốc ổ đĩa hơn',
        EMFILE:
          'Máy đang mở quá nhiều tệp nên không {action} được "{path}": hãy đóng bớt chương trình rồi chạy lại',
        EIO: 'Lỗi đọc/ghi của ổ đĩa khi {action} tệp "{path}" (ổ đĩa, thẻ nhớ USB hoặc ổ mạng có thể bị hỏng hoặc đã bị rút ra): hãy kiểm tra ổ đĩa, chép tệp sang ổ khác rồi chạy lại',
        EXDEV:
          'Không chuyển được tệp tạm vào chỗ của "{path}" (khác ổ đĩa): hãy ghi ra một thư mục trên ổ đĩa của máy (-o <tệp kết quả.xlsx>)',
        ELOOP:
          'Đường dẫn "{path}" có liên kết tượng trưng (symlink) vòng vèo hoặc quá nhiều tầng: hãy sửa liên kết hoặc dùng đường dẫn thật của tệp',
        ETXTBSY:
          'Tệp "{path}" đang được một chương trình khác dùng: hãy đóng chương trình đó rồi chạy lại',
        EINVAL:
          'Tên tệp "{path}" không dùng được trên ổ đĩa này (có ký tự không được phép?): hãy đặt tên khác',
        noFolder:
          'Không có thư mục để ghi tệp "{path}" (một phần của đường dẫn không có hoặc là một tệp): hãy kiểm tra lại đường dẫn',
        other:
          'Không {action} được tệp "{path}" (lỗi hệ thống {code}): hãy kiểm tra ổ đĩa và quyền truy cập rồi chạy lại',
      },
      /** An unexpected fault of the program itself: one line, the details in a file. */
      internal:
        'Lỗi bên trong chương trình xephang (không do sổ tính của bạn). Chi tiết đã lưu ở "{log}": hãy gửi tệp này cho người hỗ trợ.',
      internalNoLog:
        'Lỗi bên trong chương trình xephang (không do sổ tính của bạn); không lưu được chi tiết: {message}',
      /** Excel's limits, checked before a byte of the package is written (xlsx/limits.ts). */
      limits: {
        rows: 'Trang tính "{sheet}" cần {rows} dòng, quá {max} dòng mà Excel mở được: không ghi gì',
        columns:
          'Trang tính "{sheet}" cần đến cột thứ {cols} (ô {cell}), quá cột cuối cùng XFD ({max} cột) mà Excel mở được: không ghi gì',
        text: 'Trang tính "{sheet}", ô {cell}: văn bản dài {length} ký tự, quá {max} ký tự mà một ô Excel chứa được: không ghi gì',
        /** Added for the sheets with one column per unit. */
        unitColumns:
          'Trang này có một cột cho mỗi đơn vị nên một sổ tính chứa được tối đa {max} đơn vị: hãy tách đợt thi đua thành nhiều sổ tính (ví dụ mỗi khối thi đua một sổ)',
      },
    },
  },
  /** The .xlsx layer (xlsx/): file problems, limits, data-validation texts. */
  xlsx: {
    notFound: 'Không tìm thấy tệp "{path}"',
    isFolder: '"{path}" là một thư mục, không phải sổ tính Excel (.xlsx)',
    locked:
      'Tệp "{path}" đang bị khóa hoặc không có quyền {what} (nếu tệp đang mở trong Excel, hãy đóng lại rồi chạy lại)',
    read: 'đọc',
    write: 'ghi',
    notXlsx: 'Tệp {label} không phải là sổ tính Excel (.xlsx) hoặc đã bị hỏng',
    oleFile:
      'Tệp {label} được đặt mật khẩu hoặc là sổ tính Excel cũ (.xls): hãy mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) và lưu dạng .xlsx',
    openDocument:
      'Tệp {label} là bảng tính OpenDocument (.ods): hãy mở bằng LibreOffice hoặc Excel và lưu dạng Excel (.xlsx)',
    missingPart: 'Tệp {label} thiếu phần "{part}" của sổ tính Excel',
    unnamed: '(không tên)',
    newWorkbook: 'sổ tính mới',
    tooManyRows: 'Trang tính "{sheet}" có quá {max} dòng',
    tooManyColumns: 'Trang tính "{sheet}" có quá {max} cột ở dòng {row}',
    badSheetName:
      'Tên trang tính "{name}" không hợp lệ: cần 1–31 ký tự, không chứa [ ] : * ? / \\, không bắt đầu hay kết thúc bằng dấu \', không là "History"',
    sheetTwice: 'Trang tính "{name}" được ghi hai lần',
    notAWorksheet: '"{name}" là trang biểu đồ hoặc hộp thoại, không ghi đè được',
    noSheets: 'Sổ tính cần ít nhất một trang tính',
    badRange: 'Vùng ô "{range}" không hợp lệ: cần dạng B3 hoặc B3:D40',
    emptyRange: 'Vùng ô của quy tắc kiểm tra dữ liệu đang trống',
    /** A damaged package (zip entries, parts): "Tệp bị hỏng", naming the part. */
    damaged: {
      /** {part} is quoted: "xl/worksheets/sheet5.xml" (trang tính "Chấm điểm") */
      part: '"{part}"',
      sheetPart: '"{part}" (trang tính "{name}")',
      crc: 'Tệp bị hỏng: phần {part} của tệp {label} sai mã kiểm tra CRC-32 (dữ liệu đã bị thay đổi hoặc chép lỗi). Hãy lấy lại tệp gốc (bản gửi qua thư, bản sao lưu).',
      size: 'Tệp bị hỏng: phần {part} của tệp {label} có kích thước khác với kích thước ghi trong tệp. Hãy lấy lại tệp gốc (bản gửi qua thư, bản sao lưu).',
      header:
        'Tệp bị hỏng: phần {part} của tệp {label} ghi kích thước hoặc mã kiểm tra ở đầu phần khác với mục lục của tệp. Hãy lấy lại tệp gốc (bản gửi qua thư, bản sao lưu).',
      inflate:
        'Tệp bị hỏng: phần {part} của tệp {label} không giải nén được. Hãy lấy lại tệp gốc (bản gửi qua thư, bản sao lưu).',
      method:
        'Tệp bị hỏng: phần {part} của tệp {label} nén theo kiểu {method}, không phải kiểu nén của sổ tính Excel (.xlsx). Hãy mở tệp bằng Excel và lưu lại dạng .xlsx.',
      encrypted:
        'Tệp bị hỏng: phần {part} của tệp {label} bị mã hóa theo kiểu tệp nén zip. Hãy mở tệp bằng Excel và lưu lại dạng .xlsx (không mã hóa).',
      twice:
        'Tệp bị hỏng: phần {part} có hai lần trong tệp {label} (mỗi chương trình có thể đọc một bản khác nhau). Hãy mở tệp bằng Excel và lưu lại.',
      partTooLarge:
        'Tệp bị hỏng: phần {part} của tệp {label} giải nén ra {size} MB, vượt giới hạn {max} MB cho một phần (sổ tính 10.000 đơn vị × 150 tiêu chí chưa tới 60 MB).',
      workbookTooLarge:
        'Tệp bị hỏng: các phần của tệp {label} giải nén ra tổng cộng {size} MB, vượt giới hạn {max} MB cho một sổ tính (phần lớn nhất: {part}).',
      sheetWithoutPart:
        'Tệp bị hỏng: trang tính "{name}" có trong "{part}" nhưng không trỏ tới phần nào (thiếu mã liên kết r:id). Hãy mở tệp bằng Excel và lưu lại.',
    },
    /** Damage inside a sheet or the shared strings (xlsx/damage.ts), at a cell or a part. */
    cells: {
      malformed: 'Tệp bị hỏng: phần {part} không phải XML hợp lệ ({what}{near}).',
      what: {
        unclosed: 'thẻ <{tag}> không được đóng',
        mismatch: 'thẻ đóng </{tag}> không khớp với thẻ đang mở',
        truncated: 'phần bị cắt cụt, thẻ <{tag}> chưa đóng',
        badTag: 'thẻ <{tag}> viết sai',
        outsideRow: 'ô nằm ngoài thẻ <row>',
      },
      near: ', sau ô {cell}',
      sheetPart: '"{part}" (trang tính "{sheet}")',
      part: '"{part}"',
      sharedString:
        'Tệp bị hỏng: ô trỏ tới chuỗi dùng chung "{value}" nhưng sổ tính chỉ có {count} chuỗi (đánh số từ 0).',
      cellTwice: 'Tệp bị hỏng: ô này được ghi hai lần trong phần {part}.',
      cellOrder:
        'Tệp bị hỏng: ô này đứng sau ô {prev} trong phần {part}; các ô của một dòng phải theo thứ tự cột.',
      rowOrder:
        'Tệp bị hỏng: dòng {row} đứng sau dòng {prev} trong phần {part}; các dòng phải theo thứ tự và không lặp lại.',
      cellRow: 'Tệp bị hỏng: ô {ref} được ghi trong dòng {row} của phần {part}.',
      badNumber: 'Tệp bị hỏng: ô số chứa "{value}", không phải một số.',
      badBoolean: 'Tệp bị hỏng: ô đúng/sai chứa "{value}" (chỉ được là 0 hoặc 1).',
      badRef:
        'Tệp bị hỏng: phần {part} có địa chỉ "{ref}" không hợp lệ hoặc vượt quá ô cuối cùng mà Excel cho phép (XFD1048576).',
      tooLarge:
        'Trang tính "{sheet}" quá lớn để đọc: tính cả các ô trống xen giữa, bảng vượt {max} ô ở ô này. Hãy xoá các ô thừa ở xa bảng dữ liệu.',
    },
    validation: {
      errorTitle: 'Giá trị không hợp lệ',
      listSheet: 'Danh sách chọn',
      chooseFrom: 'Chọn một giá trị trong danh sách: {values}.',
      choose: 'Chọn một giá trị trong danh sách.',
      between: 'Nhập một số từ {min} đến {max}.',
      wholeFrom: 'Nhập một số nguyên từ {min} trở lên.',
      wholeBetween: 'Nhập một số nguyên từ {min} đến {max}.',
      oneKind:
        'Quy tắc kiểm tra dữ liệu ở "{range}" cần đúng một trong values, listRange, decimal, whole',
      emptyList: 'Danh sách chọn ở "{range}" đang trống',
      listNotInline:
        'Danh sách chọn ở "{range}" không viết liền được (có dấu phẩy hoặc dài quá {max} ký tự); writeSheets đặt danh sách như vậy vào trang ẩn "{sheet}"',
      badDecimal: 'Khoảng số ở "{range}" không hợp lệ: {min}–{max}',
      badWhole: 'Khoảng số nguyên ở "{range}" không hợp lệ: {min}–{max}',
      errorTooLong: 'Thông báo lỗi ở "{range}" dài quá {max} ký tự',
      promptTooLong: 'Lời nhắc ở "{range}" dài quá {max} ký tự',
    },
  },
  /** Issue 15: the CLI's .xlsx output sheets as the published appendix (xlsx/report.ts). */
  xlsxReport: {
    /**
     * The centre footer of a printed output sheet. "&P" and "&N" are Excel's codes for the
     * page number and the number of pages; a literal "&" would be written "&&".
     */
    footer: 'Trang &P/&N',
    /** Excel opens no workbook with more cell formats than this. */
    tooManyStyles:
      'Sổ tính đã có {count} kiểu định dạng ô; thêm định dạng của trang tính "{sheet}" sẽ vượt {max} kiểu mà Excel mở được: không ghi gì. Hãy xoá bớt các kiểu định dạng không dùng trong sổ tính (hoặc chép các trang nhập liệu sang một sổ tính mới) rồi chạy lại.',
  },
  workbook: {
    sheets: {
      config: 'Cấu hình',
      criteria: 'Tiêu chí',
      units: 'Đơn vị',
      self: 'Tự chấm',
      appraised: 'Chấm điểm',
      survey: 'Khảo sát',
      nominations: 'Đề cử cá nhân',
      ballots: 'Phiếu bầu',
      results: 'Kết quả',
      proposals: 'Đề nghị khen thưởng',
      log: 'Nhật ký',
      appraised2: 'Chấm điểm vòng 2',
      replies: 'Giải trình bổ sung',
      reconciliation: 'Đối chiếu',
      history: 'Lịch sử thẩm định',
      snapshot: 'Lưu vết thẩm định',
      /** Last year's "Kết quả" as written (issue 17); optional input. */
      previousResults: 'Kết quả năm trước',
      /** Drop-down lists of the template (not an input). */
      lists: 'Danh mục',
      /** The template's live preview of each unit's points (not an input). */
      preview: 'Điểm tạm tính',
    },
    sections: {
      settings: 'THIẾT LẬP',
      components: 'THÀNH PHẦN',
      blocks: 'KHỐI THI ĐUA',
      awards: 'KHEN THƯỞNG',
      gates: 'ĐIỀU KIỆN XÉT KHEN',
      choices: 'QUYẾT ĐỊNH CỦA HỘI ĐỒNG',
      appraisers: 'NGƯỜI THẨM ĐỊNH',
    },
    settings: {
      id: 'Mã đợt thi đua',
      name: 'Tên đợt thi đua',
      year: 'Năm',
      decimals: 'Số chữ số thập phân',
      scoreSource: 'Điểm được tính',
      naPolicy: 'Tiêu chí không áp dụng',
      blankPolicy: 'Ô chưa chấm',
      rankBy: 'Xếp hạng theo',
      method: 'Cách xếp đồng hạng',
      tieBreak: 'Tiêu chí phụ khi bằng điểm',
      bands: 'Xếp loại',
      runnersUp: 'Số tập thể liền kề mỗi khối',
      unfilled: 'Suất của đơn vị không đủ điều kiện',
      appraisalCombine: 'Cách tổng hợp điểm thẩm định',
      appraisalMaxSpread: 'Chênh lệch tối đa giữa người chấm',
      formsDeadline: 'Hạn nộp phiếu tự chấm',
      evidencePolicy: 'Điểm tự chấm thiếu tài liệu kiểm chứng',
    },
    gates: {
      registration: 'Hạn đăng ký',
      discipline: 'Tỷ lệ biên chế vi phạm tối đa',
      parentDiscipline: 'Tỷ lệ đơn vị trực thuộc vi phạm tối đa',
      classification: 'Xếp loại được xét',
      minIndex: 'Chỉ số tối thiểu',
      flags: 'Danh hiệu bắt buộc',
      improvement: 'Tăng so với năm trước',
    },
    choices: {
      scoreSource: {
        appraisedWhenPresent: 'Thẩm định nếu có, không thì tự chấm',
        selfOnly: 'Chỉ điểm tự chấm',
        appraisedOnly: 'Chỉ điểm thẩm định',
      },
      naPolicy: { exclude: 'Loại khỏi điểm tối đa', zero: 'Tính 0 điểm' },
      blankPolicy: { zero: 'Tính 0 điểm và cảnh báo', error: 'Báo lỗi' },
      evidencePolicy: { error: 'Báo lỗi', warning: 'Cảnh báo' },
      rankBy: { index: 'Chỉ số', total: 'Tổng điểm' },
      method: { competition: '1-2-2-4', dense: '1-2-2-3' },
      unfilled: { passDown: 'Chuyển cho đơn vị kế tiếp', leaveEmpty: 'Để trống' },
      appraisalCombine: { mean: 'Trung bình', median: 'Trung vị', trimmedMean: 'Trung bình cắt' },
      rules: {
        points: 'Nhập điểm',
        tick: 'Đạt/Không đạt',
        levels: 'Theo mức',
        tiers: 'Theo ngưỡng',
        proportional: 'Tỷ lệ',
        deduction: 'Điểm trừ',
        bonus: 'Điểm thưởng',
      },
      nominators: { awarded: 'Tập thể được khen', runnerUp: 'Liền kề', council: 'Hội đồng' },
      ballotKinds: { individual: 'Cá nhân', collective: 'Tập thể' },
      bases: { present: 'Có mặt', all: 'Tổng số' },
      tieBreak: {
        field: 'Lĩnh vực',
        component: 'Thành phần',
        total: 'Tổng điểm',
        self: 'Điểm tự chấm',
        fewerDeductions: 'Ít điểm trừ',
      },
    },
    headers: {
      code: 'Mã',
      name: 'Tên',
      max: 'Điểm tối đa',
      bands: 'Xếp loại',
      quota: 'Chỉ tiêu mỗi khối',
      cap: 'Tối đa',
      awardGates: 'Điều kiện riêng',
      award: 'Khen thưởng',
      block: 'Khối',
      chosen: 'Đơn vị được chọn',
      criterionCode: 'Mã tiêu chí',
      criterionName: 'Tên tiêu chí',
      rule: 'Cách chấm',
      params: 'Tham số',
      appliesTo: 'Áp dụng cho khối',
      unitCode: 'Mã đơn vị',
      unitName: 'Tên đơn vị',
      registeredOn: 'Ngày đăng ký',
      staff: 'Biên chế',
      staffViolating: 'Số người vi phạm',
      parent: 'Cơ quan chủ quản',
      flags: 'Danh hiệu',
      editors: 'Người nhập liệu',
      /** The header row of a key/value section of "Cấu hình" (THIẾT LẬP, ĐIỀU KIỆN XÉT KHEN). */
      settingKey: 'Mục',
      settingValue: 'Giá trị',
      /** "Đơn vị": the council does not consider the unit for awards; the text is the reason. */
      councilExclusion: 'Không xét khen thưởng',
      previousSuffix: 'năm trước',
      /** Columns of "Đơn vị" a person adds for their own notes: never read as measures. */
      notes: ['Ghi chú', 'Chú thích', 'Ghi chú khác'],
      person: 'Họ và tên',
      position: 'Chức vụ',
      nominatedBy: 'Đề cử bởi',
      nominatingUnit: 'Đơn vị đề cử',
      ballot: 'Lượt bầu',
      ballotName: 'Tên lượt bầu',
      ballotKind: 'Loại',
      seats: 'Số được chọn',
      membersTotal: 'Tổng số thành viên',
      membersPresent: 'Số có mặt',
      threshold: 'Tỷ lệ cần đạt',
      base: 'Tính trên',
      nominee: 'Người / tập thể được bầu',
      votes: 'Số phiếu',
      logTime: 'Thời điểm',
      logHash: 'Mã kiểm tra dữ liệu',
      logSettings: 'Thiết lập',
      logUnits: 'Số đơn vị',
      logProposals: 'Số đề nghị khen thưởng',
      logWarnings: 'Số cảnh báo',
      logNotes: 'Cảnh báo',
      appraiser: 'Người chấm',
      workplace: 'Đơn vị công tác',
      reply: 'Giải trình bổ sung',
      evidence: 'Tài liệu kiểm chứng',
      round: 'Vòng',
      oldScore: 'Điểm cũ',
      newScore: 'Điểm mới',
      snapshotScores: 'Điểm đã chấm (không sửa)',
    },
  },
  /** Saving a setup (shared/workbook/save.ts): what it asks before changing the score sheets. */
  saveSetup: {
    dropScores:
      'Trang tính "{sheet}": xoá dòng của tiêu chí {codes} sẽ mất {count} ô điểm đã nhập.',
    nominationBasis: 'Sau khi lưu: {text}',
    protectedSheet:
      "Trang tính '{sheet}' được bảo vệ bằng mật khẩu nên không lưu được: các dòng tiêu chí ở đó phải đi theo cây tiêu chí. Hãy bỏ bảo vệ trang tính rồi lưu lại.",
  },
  /** The task pane (Excel) and sidebar (Google Sheets): the one UI in ui/. */
  ui: {
    title: 'Xếp hạng thi đua CCHC',
    tabsLabel: 'Các phần của ngăn tác vụ',
    tabs: {
      rank: 'Xếp hạng',
      criteria: 'Tiêu chí',
      blocks: 'Khối',
      awards: 'Khen thưởng',
      settings: 'Thiết lập',
    },
    actions: {
      moveUp: 'Lên',
      moveDown: 'Xuống',
      remove: 'Xóa',
      removeOf: 'Xóa {what}',
      confirmRemove: 'Bấm lần nữa để xóa',
      confirmRemoveOf: 'Bấm lần nữa để xóa {what}',
    },
    issues: {
      select: 'Chọn ô {cell} trong trang tính "{sheet}"',
    },
    rank: {
      intro:
        'Đọc các trang tính đầu vào, tính điểm, xếp hạng, đề nghị khen thưởng và ghi kết quả vào bảng tính.',
      button: 'Xếp hạng',
      running: 'Đang xếp hạng…',
      done: 'Đã xếp hạng {units} đơn vị, {proposals} đề nghị khen thưởng.',
      crashed: 'Không chạy được: {message}',
      failed: 'Không xếp hạng được: có {count} lỗi. Chưa ghi gì vào bảng tính.',
      failedHint: 'Bấm vào một lỗi để chọn ô cần sửa.',
      lastRun: 'Lần xếp hạng lúc {time}',
      units: 'đơn vị',
      proposals: 'đề nghị khen thưởng',
      warningsShort: 'cảnh báo',
      warnings: 'Cảnh báo ({count})',
      noWarnings: 'Không có cảnh báo.',
      blockUnits: '{count} đơn vị',
      rankHeader: 'Hạng',
      unitHeader: 'Đơn vị',
      indexHeader: 'Chỉ số',
      bandHeader: 'Xếp loại',
      noRank: '—',
      sheets: 'Đã ghi:',
      openSheet: 'Mở trang tính "{sheet}"',
    },
    /** The result summary, "Lưu và xếp hạng", a first run and "nothing to merge". */
    summary: {
      saveAndRank: 'Lưu và xếp hạng',
      saveAndRankHint:
        'Có thay đổi thiết lập chưa lưu: nút này lưu vào bảng tính trước, rồi xếp hạng theo thiết lập vừa lưu.',
      notSaved:
        'Chưa xếp hạng: thiết lập chưa lưu được. Mở thẻ có thay đổi để xem thông báo, sửa rồi lưu.',
      unscored:
        '{count} đơn vị chưa có điểm chấm nào: kết quả của các đơn vị này chưa phải kết quả thật và không được đề nghị khen thưởng.',
      unscoredAll:
        'Chưa đơn vị nào có điểm chấm: đây chưa phải kết quả xếp hạng. Hãy nhập điểm vào "Tự chấm" và "Chấm điểm" rồi xếp hạng lại.',
      notScored: 'chưa chấm',
      topOf: '{shown} đầu bảng / {count} đơn vị',
      seeAll: 'Xem đủ:',
      proposals: 'Đề nghị khen thưởng',
      noProposals: 'Không có đơn vị nào được đề nghị khen thưởng.',
      group: '{block}: {units}',
      decisions: 'Cần Hội đồng quyết định ({count})',
      decision: '{award}, {where}: {places} suất cho {count} đơn vị đồng hạng ({units}).',
      decisionTodo:
        'Hội đồng chọn {places} trong {count} đơn vị và ghi vào mục QUYẾT ĐỊNH CỦA HỘI ĐỒNG ở trang tính "Cấu hình", rồi xếp hạng lại.',
      ballotDecision: '{award}: {places} suất cho {count} người bằng số phiếu ({units}).',
      ballotTodo: 'Hội đồng quyết định người được chọn theo quy chế.',
      reviews: 'Đề cử cần xem lại ({count})',
      reviewsHint:
        'Diện của đơn vị đề cử đã thay đổi sau khi sửa chỉ tiêu hoặc điểm. Kết quả bầu vẫn được tính; Hội đồng xem lại các đề cử này.',
      created: 'Đã tạo mẫu với các trang tính:',
      next: 'Việc tiếp theo',
      steps: [
        'Điền danh sách đơn vị vào trang tính "Đơn vị" (mã, tên, khối).',
        'Nhập điểm vào "Tự chấm" và "Chấm điểm" (hoặc tạo phiếu tự chấm để các đơn vị tự điền).',
        'Bấm "Xếp hạng".',
      ],
      nothingToMerge: 'Không tìm thấy phiếu tự chấm nào để gộp. Chưa ghi gì vào bảng tính.',
      nothingInFiles:
        'Các tệp đã chọn không phải phiếu tự chấm. Hãy chọn các tệp .xlsx do "Tạo phiếu tự chấm" tạo ra mà các đơn vị đã điền.',
      nothingInSheets:
        'Sổ tính chưa có trang tính phiếu của đơn vị nào. Hãy bấm "Tạo phiếu tự chấm" trước để các đơn vị điền vào trang tính của mình.',
    },
    forms: {
      title: 'Phiếu tự chấm',
      intro:
        'Mỗi đơn vị tự chấm trên phiếu của mình (chỉ các tiêu chí áp dụng cho khối của đơn vị); phiếu đã điền được gộp vào trang tính "Tự chấm" và "Giải trình tự chấm".',
      make: 'Tạo phiếu tự chấm',
      making: 'Đang tạo phiếu…',
      made: 'Đã tạo {count} phiếu tự chấm.',
      download: 'Tải về {file}',
      downloadHint: 'Tệp .zip có một phiếu .xlsx cho mỗi đơn vị, đặt tên theo mã đơn vị.',
      sheets: 'Các trang tính phiếu:',
      makeFailed: 'Không tạo được phiếu: có {count} lỗi.',
      crashed: 'Không thực hiện được: {message}',
      pick: 'Các phiếu đã điền (.xlsx)',
      picked: 'Đã chọn {count} tệp.',
      merge: 'Gộp phiếu tự chấm',
      merging: 'Đang gộp phiếu…',
      mergeSheetsHint: 'Gộp các trang tính phiếu của từng đơn vị vào trang tính "Tự chấm".',
      merged: 'Đã gộp phiếu của {count} đơn vị.',
      mergedUnits: 'Các phiếu đã gộp ({count})',
      mergedUnit: '{unit}: {source}',
      mergeFailed: 'Chưa gộp được: có {count} lỗi. Chưa ghi gì vào bảng tính.',
      mergeFailedHint:
        'Lỗi trong một phiếu chỉ ra tệp, trang tính và ô của phiếu đó: sửa phiếu (hoặc gửi lại đơn vị) rồi gộp lại. Bấm vào lỗi của bảng tính để chọn ô đó.',
      warnings: 'Cảnh báo ({count})',
    },
    setup: {
      loading: 'Đang đọc thiết lập từ bảng tính…',
      loadFailed: 'Không đọc được bảng tính: {message}',
      retry: 'Thử lại',
      invalid: 'Trang tính "Cấu hình" hoặc "Tiêu chí" có lỗi',
      invalidHint: 'Bấm vào một lỗi để chọn ô đó, sửa trong bảng tính rồi bấm "Thử lại".',
      warnings: 'Cảnh báo khi đọc thiết lập ({count})',
      empty: 'Sổ tính này chưa có các trang tính của đợt thi đua',
      emptyHint:
        '"Tạo mẫu" thêm các trang tính Cấu hình, Tiêu chí, Đơn vị, Tự chấm và Chấm điểm với một bộ tiêu chí mẫu để sửa tiếp.',
    },
    template: {
      units: 'Số đơn vị',
      year: 'Năm',
      create: 'Tạo mẫu',
      creating: 'Đang tạo…',
      created: 'Đã tạo các trang tính của đợt thi đua.',
      badUnits: 'Số đơn vị phải là số nguyên từ 0 đến {max}.',
      badYear: 'Năm phải là số nguyên, ví dụ 2025.',
      exists: 'Sổ tính đã có trang tính "{sheet}"; không tạo mẫu đè lên.',
    },
    save: {
      button: 'Lưu vào bảng tính',
      saving: 'Đang lưu…',
      saved: 'Đã lưu',
      unsaved: 'Có thay đổi chưa lưu',
      unsavedShort: 'Chưa lưu',
      clean: 'Chưa có thay đổi',
      discard: 'Bỏ thay đổi',
      confirmDiscard: 'Bấm lần nữa để bỏ',
      blocked: 'Còn {count} ô nhập chưa hợp lệ; hãy sửa trước khi lưu.',
      failed: 'Chưa lưu: có {count} lỗi.',
      crashed: 'Không lưu được: {message}',
    },
    /** The save bar when a save needs the user's word first (scores to drop, nominations). */
    saveReview: {
      asking: 'Cần xác nhận trước khi lưu:',
      confirm: 'Vẫn lưu',
      cancel: 'Huỷ',
      cancelled: 'Chưa lưu: đã huỷ.',
    },
    input: {
      required: 'Không được để trống.',
      badNumber: 'Phải là một số (ví dụ 2,5).',
      badCount: 'Phải là số nguyên không âm.',
      negative: 'Không được nhỏ hơn 0.',
    },
    criteria: {
      hint: 'Chọn một tiêu chí để sửa. Điểm tối đa của tiêu chí cha tự cộng từ các tiêu chí con.',
      empty: 'Chưa có tiêu chí nào.',
      addRoot: 'Thêm lĩnh vực',
      addChild: 'Mục con',
      addSibling: 'Cùng cấp',
      item: 'tiêu chí {code}',
      toolbar: 'Thao tác với tiêu chí {code}',
      expand: 'Mở rộng tiêu chí {code}',
      collapse: 'Thu gọn tiêu chí {code}',
      points: '{max} đ',
      unnamed: '(chưa có tên)',
      newName: 'Tiêu chí mới',
      code: 'Mã tiêu chí',
      name: 'Tên tiêu chí',
      max: 'Điểm tối đa',
      parentMax: 'Điểm tối đa là tổng của các tiêu chí con (không tính điểm thưởng).',
      rule: 'Cách chấm',
      noRule: '— Chọn cách chấm —',
      params: 'Tham số',
      paramHints: {
        points: 'Ví dụ: bước 0,25 (điểm nhập phải là bội của 0,25); để trống nếu nhập điểm tùy ý.',
        levels: 'Ví dụ: Đúng hạn = 1,75; Trễ hạn = 0,5; Không thực hiện = 0',
        tiers: 'Ví dụ: ≥ 100: 1; ≥ 80: 0,5 (ngưỡng từ cao xuống thấp)',
        proportional: 'Ví dụ: trên 100 (giá trị là phần trăm); để trống nếu giá trị là tỷ lệ 0–1.',
        deduction: 'Ví dụ: 0,25 mỗi lần; tối thiểu -1',
        bonus: 'Ví dụ: 0,5 mỗi lần; để trống nếu nhập thẳng số điểm thưởng.',
      },
      defaultLevels: { done: 'Đạt', notDone: 'Không đạt' },
      blocks: 'Áp dụng cho khối',
      allBlocks: 'Không chọn khối nào: áp dụng cho mọi khối.',
      badCode: 'Mã phải là mã tiêu chí cha "{parent}" thêm một số (ví dụ {parent}.1).',
      duplicateCode: 'Mã tiêu chí "{code}" đã có.',
    },
    blocks: {
      defaultTitle: 'Xếp loại',
      defaultBands: 'Xếp loại mặc định',
      bandsHint: 'Ví dụ: Xuất sắc ≥ 90; Tốt ≥ 80; Khá ≥ 70; Trung bình ≥ 50; Yếu',
      title: 'Khối thi đua',
      idHint: 'Mã khối phải trùng với cột "Khối" của trang tính "Đơn vị".',
      empty: 'Chưa có khối nào.',
      item: 'khối {id}',
      id: 'Mã khối',
      name: 'Tên khối',
      bands: 'Xếp loại riêng của khối',
      ownBandsHint: 'Để trống: dùng xếp loại mặc định.',
      add: 'Thêm khối',
      newName: 'Khối mới',
      badId: 'Mã khối không được để trống.',
      duplicateId: 'Mã khối "{id}" đã có.',
    },
    awards: {
      title: 'Hình thức khen thưởng',
      titleHint: 'Xếp từ cao xuống thấp; mỗi đơn vị nhận nhiều nhất một hình thức.',
      none: 'Chưa có hình thức khen thưởng nào.',
      item: 'hình thức {id}',
      id: 'Mã',
      name: 'Tên',
      quotaModes: {
        same: 'Như nhau cho mọi khối',
        perBlock: 'Riêng từng khối',
        none: 'Không đặt chỉ tiêu theo khối',
      },
      quotaSame: 'Số suất mỗi khối',
      cap: 'Tối đa (toàn tỉnh)',
      capHint: 'Để trống nếu không giới hạn.',
      gatesHint: 'Ví dụ: Chỉ số tối thiểu = 90; Xếp loại được xét = Tốt',
      add: 'Thêm hình thức khen thưởng',
      newName: 'Hình thức khen thưởng mới',
      badId: 'Mã hình thức khen thưởng không được để trống.',
      duplicateId: 'Mã hình thức khen thưởng "{id}" đã có.',
      othersTitle: 'Liền kề và suất không dùng',
      gatesTitle: 'Điều kiện xét khen',
      gatesTitleHint: 'Áp dụng cho mọi hình thức và cho tập thể liền kề. Để trống: không xét.',
      gateExamples: {
        registration: 'Ví dụ: 30/03/2018',
        discipline: 'Ví dụ: 10%',
        parentDiscipline: 'Ví dụ: 10%',
        classification: 'Ví dụ: Tốt, Xuất sắc',
        minIndex: 'Ví dụ: 80',
        flags: 'Ví dụ: Hoàn thành xuất sắc nhiệm vụ; Sáng kiến được công nhận',
        improvement: 'Ví dụ: Chỉ số; PCI',
      },
    },
    settings: {
      campaign: 'Đợt thi đua',
      ranking: 'Xếp hạng',
      scoring: 'Tính điểm',
      forms: 'Phiếu tự chấm',
      methods: {
        competition: '1-2-2-4 (bỏ hạng sau đồng hạng)',
        dense: '1-2-2-3 (không bỏ hạng)',
      },
      tieBreakHint:
        'Ví dụ: Lĩnh vực 2; Ít điểm trừ. Cũng dùng được: Thành phần sipas, Tổng điểm, Điểm tự chấm.',
      decimalsHint: 'Số chữ số sau dấu phẩy khi in và khi so sánh để xếp hạng.',
    },
    /** The shell's details: the ribbon's error dialog, tab marks, move buttons, dates. */
    shell: {
      nothingWritten: 'Chưa ghi gì vào bảng tính. Sửa các lỗi dưới đây rồi xếp hạng lại.',
      errorsHeading: 'Lỗi cần sửa ({count})',
      warningsHeading: 'Cảnh báo ({count})',
      /** Added to a tab's name when one of its fields does not read. */
      tabInvalid: 'có lỗi',
      moveUpOf: 'Chuyển lên: {what}',
      moveDownOf: 'Chuyển xuống: {what}',
      badDate: 'Ngày "{value}" không đúng dạng ngày/tháng/năm (ví dụ 30/03/2018).',
      dateHint: 'Ngày/tháng/năm, ví dụ 30/03/2018.',
      moreIssues: 'Xem thêm {count} mục',
    },
  },
  /**
   * Issue 18: the pane's links to the user guide (docs/huong-dan/, ui/help.ts). `heading` is the
   * exact heading of the guide page the link opens at (a test checks each is there); none opens
   * the page at its top.
   */
  help: {
    link: 'Hướng dẫn',
    /** The link's accessible name: what it opens, and that it opens elsewhere. */
    label: 'Hướng dẫn: {topic} (mở trong cửa sổ mới)',
    topics: {
      settings: { title: 'Thiết lập đợt thi đua', heading: 'Bước 4: Thiết lập đợt thi đua' },
      criteria: { title: 'Tiêu chí và cách chấm', heading: 'Bước 2: Tiêu chí và cách chấm' },
      forms: { title: 'Phiếu tự chấm', heading: '' },
      awards: { title: 'Khen thưởng và chỉ tiêu', heading: 'Chỉ tiêu và ngưỡng khen thưởng' },
      ties: { title: 'Đồng hạng tại ngưỡng', heading: 'Hội đồng làm gì khi có đồng hạng' },
      rounds: { title: 'Vòng thẩm định', heading: '' },
      errors: { title: 'Lỗi thường gặp', heading: 'Cách đọc một thông báo lỗi' },
    },
  },
  /** Issue 16, units and awards: the council's exclusion of a unit, runners-up per block. */
  /** "Sao chép bảng kết quả", "Tải phụ lục (.docx)" on "Xếp hạng" (issue 15). */
  reportCopy: {
    title: 'Đưa vào báo cáo',
    hint: 'Bảng được lập lại từ các trang nhập liệu hiện tại; dán vào Word hoặc Google Tài liệu sẽ được bảng kẻ ô, đúng phông chữ báo cáo.',
    copyResults: 'Sao chép bảng kết quả',
    copyProposals: 'Sao chép đề nghị khen thưởng',
    download: 'Tải phụ lục (.docx)',
    copying: 'Đang sao chép…',
    building: 'Đang lập phụ lục…',
    copiedResults:
      'Đã sao chép bảng kết quả. Dán (Ctrl+V) vào Word hoặc Google Tài liệu để được bảng hoàn chỉnh.',
    copiedProposals:
      'Đã sao chép bảng đề nghị khen thưởng. Dán (Ctrl+V) vào Word hoặc Google Tài liệu để được bảng hoàn chỉnh.',
    selected:
      'Ứng dụng không cho phép sao chép trực tiếp. Bảng trên trang "{sheet}" đã được chọn: nhấn Ctrl+C (máy Mac: ⌘+C) để sao chép, rồi dán vào báo cáo.',
    noSheet:
      'Ứng dụng không cho phép sao chép trực tiếp và bảng tính chưa có trang "{sheet}". Bấm "Xếp hạng" trước, rồi thử lại.',
    failed: 'Chưa lập được báo cáo: bảng tính có {count} lỗi. Sửa các lỗi dưới đây rồi thử lại.',
    crashed: 'Không lập được báo cáo: {message}',
    ready: 'Tải về {file}',
    readyHint: 'Tệp Word: phụ lục kết quả xếp hạng theo khối và đề nghị khen thưởng, khổ A4.',
    fileName: 'phu-luc-xep-hang-{year}.docx',
    writerMissing: 'Không tải được bộ tạo tệp Word. Đóng thanh bên, mở lại rồi thử lại.',
  },
  councilExclusion: {
    /** "Hình thức" of the rows in "Đề nghị khen thưởng" for units the council does not consider. */
    proposalsLabel: 'Hội đồng không xét khen thưởng',
    /** The runners-up field in the pane: one count for every block, or one per block. */
    runnersUpModes: {
      same: 'Như nhau cho mọi khối',
      perBlock: 'Riêng từng khối',
    },
    runnersUpSame: 'Số tập thể liền kề',
  },
  /**
   * Shown by the ES5 loader (addin/legacy.js) when Office hosts the add-in in a webview too old
   * for its scripts (Internet Explorer 11 or Edge Legacy); the build copies this object into it.
   */
  criteriaTable,
  previousYear,
  legacy: {
    title: 'Phiên bản Office này không chạy được phần bổ trợ',
    reason:
      'Excel trên máy này hiển thị phần bổ trợ bằng trình duyệt cũ (Internet Explorer 11 hoặc Edge bản cũ), không chạy được "Xếp hạng thi đua CCHC". Bảng tính chưa bị thay đổi.',
    alternatives: 'Bạn có thể:',
    web: 'Mở bảng tính bằng Excel trên web (office.com) và dùng phần bổ trợ ở đó.',
    sheets: 'Tải bảng tính lên Google Trang tính và dùng tiện ích "Xếp hạng thi đua CCHC".',
    cli: 'Xếp hạng bằng dòng lệnh: xephang rank <tệp.xlsx>.',
    upgrade:
      'Hoặc cập nhật lên Microsoft 365 hay Office 2021 trở lên, hoặc cài Microsoft Edge WebView2 (bộ phận quản trị máy tính có thể giúp).',
    close: 'Đóng',
  },
  /** Issue 18: `npm run release` (scripts/release.ts), what it says to whoever builds a release. */
  release: {
    usage: `Cách dùng: npm run release -- --url https://<máy chủ>/<thư mục>/ [--out <thư mục>]
  Đóng gói phần bổ trợ Excel để đặt lên máy chủ web HTTPS có địa chỉ đó: ghi thư mục
  <thư mục>/release/ và tệp <thư mục>/release.zip (mặc định <thư mục> là dist).`,
    missingUrl: 'Thiếu địa chỉ máy chủ web (--url https://<máy chủ>/<thư mục>/).',
    missingValue: 'Thiếu giá trị sau "{option}".',
    unknownOption: 'Không hiểu tùy chọn "{option}".',
    notUrl:
      'Địa chỉ "{url}" không phải là một địa chỉ web. Ví dụ đúng: https://intranet.tinh.gov.vn/xephang/',
    notHttps:
      'Địa chỉ "{url}" phải bắt đầu bằng https:// — Excel chỉ nạp phần bổ trợ từ máy chủ web có HTTPS.',
    loopback:
      'Địa chỉ "{url}" trỏ về chính máy đang dùng, các máy khác không mở được. Hãy dùng địa chỉ của máy chủ web.',
    credentials: 'Địa chỉ "{url}" không được chứa tên đăng nhập hay mật khẩu.',
    queryOrHash:
      'Địa chỉ "{url}" không được có phần "?…" hay "#…": chỉ ghi thư mục chứa phần bổ trợ, ví dụ https://intranet.tinh.gov.vn/xephang/',
    badCharacters:
      'Địa chỉ "{url}" có ký tự không dùng được trong tệp kê khai (dấu cách, dấu nháy, <, >, &, \\).',
    building: 'Đang đóng gói phần bổ trợ cho địa chỉ {url} …',
    buildFailed: 'Không đóng gói được phần bổ trợ (webpack báo lỗi):\n{details}',
    guideImageMissing: 'Trang hướng dẫn {page}: không tìm thấy ảnh "{src}".',
    guideImageClash:
      'Trang hướng dẫn {page}: ảnh "{src}" trùng tên với một ảnh khác ({other}); hãy đổi tên một trong hai.',
    loopbackWord: 'Tệp {file} có nhắc tới "{word}": các máy khác không mở được địa chỉ đó.',
    urlOutside: 'Tệp kê khai có địa chỉ {found}, không nằm dưới {url}.',
    fileMissing: 'Tệp kê khai trỏ tới {found} nhưng gói không có tệp {file}.',
    xsdInvalid: 'Tệp kê khai không hợp lệ theo lược đồ XSD của Microsoft:\n{messages}',
    noXmllint:
      'Lưu ý: máy này chưa có xmllint (gói libxml2-utils) nên chưa kiểm tra tệp kê khai theo lược đồ XSD của Microsoft; các kiểm tra khác đã chạy.',
    checkFailed: 'Gói chưa đạt nên không tạo tệp .zip ({dir} giữ lại để xem):\n{problems}',
    done: 'Xong. Thư mục {dir} và tệp {zip} ({count} tệp) dùng cho địa chỉ {url}. Đọc {readme} để biết các bước tiếp theo.',
    guidePages: 'Trang hướng dẫn: {pages}.',
    noGuide: 'Chưa có trang hướng dẫn nào trong {dir}: gói không có thư mục huong-dan/.',
    failed: 'Lỗi: {message}',
  },
  /** Issue 16: the complete template's notes on "Cấu hình", and "Đối chiếu" without self scores. */
  templateNotes: {
    /** Beside a choice setting: its allowed values. */
    choose: 'Chọn một: {choices}.',
    /** Column C of each setting row of the template's "Cấu hình". */
    settings: {
      id: 'Mã ngắn của đợt thi đua.',
      name: 'Tên đợt thi đua, in ở đầu phụ lục kết quả của báo cáo (văn bản Word).',
      year: 'Năm của đợt thi đua.',
      decimals: 'Số chữ số sau dấu phẩy khi in điểm và khi so sánh để xếp hạng (0 đến 4).',
      scoreSource: 'Điểm dùng để xếp hạng.',
      naPolicy:
        'Tiêu chí đơn vị chấm N/A (không áp dụng): bỏ khỏi điểm tối đa của đơn vị, hay tính 0 điểm.',
      blankPolicy: 'Ô điểm bỏ trống: tính 0 điểm (có cảnh báo), hay báo lỗi.',
      rankBy: 'Xếp hạng theo chỉ số (tỷ lệ % trên điểm tối đa) hay theo tổng điểm.',
      method: '1-2-2-4: sau hai đơn vị đồng hạng 2 là hạng 4; 1-2-2-3: không bỏ hạng.',
      tieBreak:
        'Khi bằng điểm thì so tiếp lần lượt theo danh sách này, ví dụ "Lĩnh vực 2; Ít điểm trừ". Để trống: đồng hạng.',
      bands:
        'Xếp loại theo chỉ số, từ cao xuống; loại cuối không cần "≥" (mọi chỉ số thấp hơn). Mỗi khối có thể có xếp loại riêng (mục KHỐI THI ĐUA).',
      runnersUp:
        'Số đơn vị liền kề (xếp ngay sau các đơn vị được khen) được đề nghị ở mỗi khối; 0 là không có.',
      unfilled:
        'Đơn vị trong chỉ tiêu mà không đủ điều kiện xét khen: chuyển suất cho đơn vị kế tiếp, hay để trống suất đó.',
      appraisalCombine:
        'Nhiều người thẩm định cùng chấm một ô: lấy trung bình, trung vị hay trung bình cắt (bỏ điểm cao nhất và thấp nhất).',
      appraisalMaxSpread:
        'Người chấm lệch nhau quá số điểm này thì ô được ghi "Cần thảo luận". Để trống: không kiểm tra.',
      formsDeadline:
        'Hạn nộp phiếu tự chấm (ngày/tháng/năm); phiếu nộp sau hạn vẫn được gộp và được ghi chú. Để trống: không có hạn.',
      evidencePolicy:
        'Điểm tự chấm lớn hơn 0 mà phiếu không ghi tài liệu kiểm chứng: báo lỗi, hay chỉ cảnh báo.',
    } as Record<string, string>,
    /** Beside the header row of each table section of the template's "Cấu hình". */
    sections: {
      components:
        'Thành phần chấm ngoài bộ tiêu chí (khảo sát SIPAS…), điểm nhập ở trang "Khảo sát". Không dùng thì xoá các dòng dưới tiêu đề cột.',
      appraisers:
        'Hội đồng thẩm định, mỗi người một dòng; "Đơn vị công tác" là mã đơn vị người đó không được chấm. Để trống khi không ghi tên người chấm.',
      blocks:
        'Các khối thi đua; mỗi đơn vị thuộc một khối (cột "Khối" ở trang "Đơn vị"). "Xếp loại" để trống: dùng xếp loại chung ở trên.',
      awards:
        'Hình thức khen thưởng, cao nhất trước. Chỉ tiêu: một số cho mọi khối, hoặc theo khối như "so: 3; xa: 2"; để trống là không giới hạn. Tối đa: tổng số suất cả tỉnh. Điều kiện riêng: ví dụ "Chỉ số ≥ 90".',
      choices:
        'Khi các đơn vị đồng hạng tại ngưỡng chỉ tiêu, chương trình báo cần Hội đồng quyết định; ghi ở đây các đơn vị Hội đồng chọn.',
    } as Record<string, string>,
    /** Column C of each row of the template's "ĐIỀU KIỆN XÉT KHEN". */
    gates: {
      registration:
        'Đơn vị đăng ký thi đua sau ngày này, hoặc không đăng ký (cột "Ngày đăng ký" ở trang "Đơn vị"), không được xét khen. Để trống: không áp dụng.',
      discipline:
        'Tỷ lệ tối đa số người vi phạm trên biên chế (cột "Biên chế", "Số người vi phạm" ở trang "Đơn vị"), ví dụ 10%. Để trống: không áp dụng.',
      parentDiscipline:
        'Với cơ quan chủ quản: tỷ lệ tối đa đơn vị trực thuộc có người vi phạm. Để trống: như tỷ lệ ở dòng trên.',
      classification:
        'Chỉ xét đơn vị có xếp loại trong danh sách này, ví dụ "Xuất sắc; Tốt". Để trống: không áp dụng.',
      minIndex: 'Không xét đơn vị có chỉ số thấp hơn số này. Để trống: không áp dụng.',
      flags:
        'Danh hiệu đơn vị phải có (cột "Danh hiệu" ở trang "Đơn vị"), ví dụ "Hoàn thành xuất sắc nhiệm vụ". Để trống: không áp dụng.',
      improvement:
        'Phải cao hơn năm trước (cột "… năm trước" ở trang "Đơn vị"), ví dụ "Chỉ số". Để trống: không áp dụng.',
    } as Record<string, string>,
    noSelfScores:
      'Chưa có điểm tự chấm (trang "Tự chấm" không có hoặc để trống): bảng chỉ liệt kê điểm thẩm định, không có chênh lệch để đối chiếu.',
  },
  /**
   * Issue 17: last year's "Kết quả" in the hosts ("Lấy kết quả năm trước…" in Excel, an
   * instruction in Sheets).
   */
  previousHost: {
    /** The sheet "Xếp hạng" reads; the one place its name is spelled until the core has its key. */
    title: 'Kết quả năm trước',
    intro:
      'Để so sánh với năm trước, chọn sổ tính đã xếp hạng của năm trước (.xlsx): bảng "Kết quả" của sổ tính đó được chép vào trang "{sheet}" của sổ tính này.',
    pick: 'Lấy kết quả năm trước…',
    loading: 'Đang đọc kết quả năm trước…',
    loaded: 'Đã chép kết quả năm trước của {count} đơn vị từ tệp {file} vào trang "{sheet}".',
    failed: 'Không lấy được kết quả năm trước: chưa ghi gì vào sổ tính.',
    protectedSheet:
      "Trang tính '{sheet}' đang được bảo vệ nên không chép được kết quả năm trước. Hãy bỏ bảo vệ trang tính rồi làm lại.",
    crashed: 'Không lấy được kết quả năm trước: {message}',
    /** After "Tệp {file}: " (the issue's location). */
    noResults:
      'không có trang "{sheet}": hãy chọn sổ tính đã xếp hạng của năm trước (sổ tính có trang "{sheet}").',
    noUnits:
      'trang "{sheet}" không có bảng nào có cột "{code}" và "{index}": hãy chọn sổ tính đã xếp hạng của năm trước.',
    /** Sheets: no file to pick; the user pastes last year's table. */
    sheetsHint:
      'Để so sánh với năm trước: mở sổ tính đã xếp hạng của năm trước, sao chép cả trang "{results}" rồi dán vào một trang tính đặt tên là "{sheet}" trong bảng tính này. "Xếp hạng" sẽ đọc trang đó.',
  },
  /**
   * Issue 17: the award dossier deadline ("Hạn nộp hồ sơ"): the "Đơn vị" column, the gate and its
   * rule in "ĐIỀU KIỆN XÉT KHEN", the reasons a unit is not considered.
   */
  dossier: {
    /** The "Đơn vị" column: the day the unit's award dossier arrived. */
    header: 'Ngày nộp hồ sơ',
    /** Keys of "ĐIỀU KIỆN XÉT KHEN" (and of an award's "Điều kiện riêng"). */
    gates: {
      dossier: 'Hạn nộp hồ sơ',
      dossierRule: 'Hạn nộp hồ sơ tính',
    },
    /** The values of "Hạn nộp hồ sơ tính". */
    rules: {
      through: 'Đến hết ngày',
      before: 'Trước ngày',
    },
    reasons: {
      noDossier: 'Không nộp hồ sơ đề nghị khen thưởng (hạn nộp {deadline})',
      dossierLate: 'Nộp hồ sơ ngày {date}, quá hạn nộp {rule} {deadline}',
    },
    /** The rule as the late reason says it: "đến hết ngày 20/01/2021", "trước ngày 20/01/2021". */
    ruleWords: {
      through: 'đến hết ngày',
      before: 'trước ngày',
    },
    /** Column C of the template's rows. */
    notes: {
      dossier:
        'Đơn vị nộp hồ sơ đề nghị khen thưởng quá hạn này, hoặc không nộp (cột "Ngày nộp hồ sơ" ở trang "Đơn vị"), không được xét khen. Để trống: không áp dụng.',
      dossierRule:
        'Đến hết ngày: hồ sơ nộp đúng ngày hạn vẫn được xét (mặc định). Trước ngày: phải nộp trước ngày hạn.',
    } as Record<string, string>,
    /** The pane's placeholders of the two gate fields. */
    examples: {
      dossier: 'Ví dụ: 20/01/2021',
      dossierRule: 'Đến hết ngày / Trước ngày',
    },
  },
  /** What the Excel and Sheets hosts print on the output sheets they format (issue 15). */
  hostReport: {
    /** The centre footer of a printed output sheet in Excel: "&P" page, "&N" pages. */
    footer: 'Trang &P/&N',
  },
} as const;

/** Fills {name} placeholders in a message. Unknown names stay visible so a gap shows. */
export function formatMessage(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
