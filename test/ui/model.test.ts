/** The task pane's editing operations (ui/model/), on plain setups. */
import { anGiang2018 } from '../../examples/an-giang-2018';
import type { GateSpec } from '../../shared/awards/types';
import type { CampaignSetup, CriterionSpec } from '../../shared/model/types';
import { ruleParams } from '../../shared/workbook/inputs';
import { checkSetup, readSetup, setupSheets } from '../../shared/workbook/setup';
import {
  addAward,
  awardGatesText,
  gateFields,
  parseAwardGates,
  parseGateFields,
  quotaMode,
  removeAward,
  renameAward,
  setCap,
  setGateField,
  setQuota,
  setQuotaMode,
} from '../../ui/model/awards';
import { addBlock, removeBlock, renameBlock } from '../../ui/model/blocks';
import {
  addChild,
  addRoot,
  addSibling,
  moveCriterion,
  nextCode,
  paramsText,
  removeCriterion,
  setCriterionCode,
  setCriterionMax,
  setRuleKind,
  setRuleParams,
} from '../../ui/model/criteria';
import {
  parseBandsText,
  parseTieBreakText,
  setFormsDeadline,
  setMaxSpread,
  setReportFont,
  setReportText,
  setTieBreak,
  settingsOf,
  tieBreakText,
  updateSettings,
} from '../../ui/model/settings';
import { cloneSetup, nodeAt } from '../../ui/model/setup';
import {
  dateText,
  displayTime,
  indexText,
  numberText,
  parseCount,
  parseNumber,
} from '../../ui/model/text';
import { formatMessage, vi } from '../../shared/i18n/vi';
import { exampleWorkbook } from './fixtures';

/** The example's setup as the pane gets it: read from its sheets (with cell locations). */
function exampleSetup(): CampaignSetup {
  const { setup } = readSetup(exampleWorkbook());
  if (!setup) throw new Error('the example setup must read');
  return setup;
}

const codes = (nodes: readonly CriterionSpec[] = []): string[] =>
  nodes.flatMap((n) => [n.code, ...codes(n.children)]);

function small(): CampaignSetup {
  return {
    id: 't',
    name: 't',
    year: 2025,
    blocks: [
      { id: 'so', name: 'Khối sở' },
      { id: 'xa', name: 'Khối xã' },
    ],
    criteria: [
      {
        code: '1',
        name: 'Lĩnh vực 1',
        max: 3,
        children: [
          { code: '1.1', name: 'a', max: 1, rule: { kind: 'tick' }, blocks: ['so'] },
          { code: '1.2', name: 'b', max: 2, rule: { kind: 'tick' } },
        ],
      },
      { code: '2', name: 'Lĩnh vực 2', max: 0.5, rule: { kind: 'tick' } },
    ],
    awards: {
      gates: [],
      awards: [{ id: 'bk', name: 'Bằng khen', quotaPerBlock: { so: 2, xa: 1 } }],
    },
  };
}

/** With a council decision naming a block and an award (to see renames reach it). */
function withChoice(): CampaignSetup {
  const s = small();
  s.awards!.councilChoices = [{ award: 'bk', block: 'so', units: ['A'] }];
  return s;
}

describe('the criteria tree', () => {
  test('the first child of a leaf takes over its max and rule; the tree totals stay', () => {
    const s = small();
    const path = addChild(s, [1]);
    expect(path).toEqual([1, 0]);
    const field = s.criteria[1];
    expect(field.rule).toBeUndefined();
    expect(field.children?.[0]).toMatchObject({ code: '2.1', max: 0.5, rule: { kind: 'tick' } });
    expect(field.max).toBe(0.5);
    expect(checkSetup(s)).toEqual([]);
  });

  test('a new leaf is "Nhập điểm" worth 1 point, and "Nhập điểm" is offered first', () => {
    const s = small();
    const root = s.criteria[addRoot(s)[0]];
    expect(root).toMatchObject({ max: 1, rule: { kind: 'points' } });
    const sibling = nodeAt(s.criteria, addSibling(s, [0, 0]));
    expect(sibling).toMatchObject({ code: '1.3', max: 1, rule: { kind: 'points' } });
    // under a parent: a new child of its own; under a leaf, the leaf's rule moves down
    const child = nodeAt(s.criteria, addChild(s, [0]));
    expect(child).toMatchObject({ code: '1.4', max: 1, rule: { kind: 'points' } });
    expect(paramsText(child as CriterionSpec)).toBe('');
    expect(setRuleParams(child as CriterionSpec, 'bước 0,25')).toBeUndefined();
    expect(child?.rule).toEqual({ kind: 'points', step: 0.25 });
    expect(setRuleParams(child as CriterionSpec, 'bước nửa')).toMatch(/Nhập điểm/);
    expect(checkSetup(s)).toEqual([]);
  });

  test('new codes follow the highest in use and never repeat one', () => {
    const s = small();
    expect(nextCode(s.criteria)).toBe('3');
    expect(nextCode(s.criteria, s.criteria[0])).toBe('1.3');
    expect(addSibling(s, [0, 0])).toEqual([0, 1]);
    expect(codes(s.criteria)).toEqual(['1', '1.1', '1.3', '1.2', '2']);
    expect(addRoot(s)).toEqual([2]);
    expect(s.criteria[2].code).toBe('3');
  });

  test('parents sum their children exactly, bonus leaves excluded', () => {
    const s = small();
    const [a, b] = s.criteria[0].children as CriterionSpec[];
    expect(setCriterionMax(s, a, '0,1')).toBeUndefined();
    expect(setCriterionMax(s, b, '0.2')).toBeUndefined();
    expect(s.criteria[0].max).toBe(0.3);
    setRuleKind(s, b, 'bonus');
    expect(s.criteria[0].max).toBe(0.1);
    expect(setCriterionMax(s, a, 'mười')).toMatch(/số/);
    expect(setCriterionMax(s, a, '-1')).toBeDefined();
    expect(a.max).toBe(0.1);
  });

  test('removing the last child turns the parent into a "Nhập điểm" leaf', () => {
    const s = small();
    removeCriterion(s, [0, 1]);
    removeCriterion(s, [0, 0]);
    expect(s.criteria[0]).toMatchObject({ code: '1', rule: { kind: 'points' } });
    expect(s.criteria[0].children).toBeUndefined();
  });

  test('moving keeps codes (the score sheets refer to them) and stops at the ends', () => {
    const s = small();
    expect(moveCriterion(s, [0, 1], -1)).toEqual([0, 0]);
    expect(codes(s.criteria)).toEqual(['1', '1.2', '1.1', '2']);
    expect(moveCriterion(s, [0, 0], -1)).toEqual([0, 0]);
    expect(moveCriterion(s, [1], 1)).toEqual([1]);
  });

  test('a new code carries the subtree; bad and taken codes are refused', () => {
    const s = small();
    const field = s.criteria[0];
    expect(setCriterionCode(s, field, '5')).toBeUndefined();
    expect(codes(s.criteria)).toEqual(['5', '5.1', '5.2', '2']);
    const leaf = field.children?.[0] as CriterionSpec;
    expect(setCriterionCode(s, leaf, '4.1')).toMatch(/"5"/);
    expect(setCriterionCode(s, leaf, '5.2')).toMatch(/đã có/);
    expect(setCriterionCode(s, leaf, '5.xy')).toBeDefined();
    expect(setCriterionCode(s, leaf, ' 5.7 ')).toBeUndefined();
    expect(leaf.code).toBe('5.7');
  });

  test('rule parameters are edited as the workbook text and read back by parseRule', () => {
    const s = small();
    const leaf = s.criteria[1];
    setRuleKind(s, leaf, 'levels');
    expect(ruleParams(leaf.rule!)).toBe('Đạt = 0,5; Không đạt = 0');
    expect(setRuleParams(leaf, 'Đúng hạn = 0,5; Trễ hạn = 0,25')).toBeUndefined();
    expect(leaf.rule).toEqual({
      kind: 'levels',
      levels: [
        { label: 'Đúng hạn', points: 0.5 },
        { label: 'Trễ hạn', points: 0.25 },
      ],
    });
    expect(setRuleParams(leaf, 'Đúng hạn - 0,5')).toBe(
      'Không hiểu tham số "Đúng hạn - 0,5" của cách chấm Theo mức.',
    );
    expect(leaf.rule?.kind).toBe('levels'); // the last good rule stays
    setRuleKind(s, leaf, 'deduction');
    expect(ruleParams(leaf.rule!)).toBe('0,5 mỗi lần');
    expect(setRuleParams(leaf, '0,25 mỗi lần; tối thiểu -1')).toBeUndefined();
    expect(leaf.rule).toEqual({ kind: 'deduction', perCount: 0.25, min: -1 });
    // Parameters that read under the new kind are kept; others give way to a default.
    setRuleKind(s, leaf, 'bonus');
    expect(leaf.rule).toEqual({ kind: 'bonus' });
    setRuleKind(s, leaf, 'deduction');
    expect(setRuleParams(leaf, '0,25 mỗi lần')).toBeUndefined();
    setRuleKind(s, leaf, 'bonus');
    expect(leaf.rule).toEqual({ kind: 'bonus', perCount: 0.25 });
  });

  test('structural edits forget cell locations, field edits keep them', () => {
    const s = exampleSetup();
    expect(s.criteria[0].source).toBeDefined();
    setCriterionMax(s, nodeAt(s.criteria, [0, 0, 0]) as CriterionSpec, '2,5');
    expect(s.criteria[0].source).toBeDefined();
    moveCriterion(s, [1], 1);
    expect(s.criteria[0].source).toBeUndefined();
    expect(s.blocks[0].source).toBeUndefined();
    expect(s.awards?.awards[0].source).toBeUndefined();
  });
});

describe('blocks', () => {
  test('a new block id is carried into criteria, quotas and council choices', () => {
    const s = withChoice();
    expect(renameBlock(s, 0, 'khoi-so')).toBeUndefined();
    expect(s.criteria[0].children?.[0].blocks).toEqual(['khoi-so']);
    expect(s.awards?.awards[0].quotaPerBlock).toEqual({ 'khoi-so': 2, xa: 1 });
    expect(s.awards?.councilChoices?.[0].block).toBe('khoi-so');
    expect(renameBlock(s, 0, 'xa')).toMatch(/đã có/);
    expect(renameBlock(s, 0, ' ')).toBeDefined();
  });

  test('removing a block removes every mention of it', () => {
    const s = withChoice();
    removeBlock(s, 0);
    expect(s.blocks.map((b) => b.id)).toEqual(['xa']);
    expect(s.criteria[0].children?.[0].blocks).toBeUndefined();
    expect(s.awards?.awards[0].quotaPerBlock).toEqual({ xa: 1 });
    expect(s.awards?.councilChoices).toEqual([]);
    expect(s.blocks[addBlock(s)].id).toBe('khoi2');
  });

  test('bands read with the workbook parser; a blank own list means the default', () => {
    expect(parseBandsText('Tốt ≥ 80; Khá ≥ 65,5; Yếu', false)).toEqual({
      ok: true,
      value: [
        { label: 'Tốt', min: 80 },
        { label: 'Khá', min: 65.5 },
        { label: 'Yếu', min: Number.NEGATIVE_INFINITY },
      ],
    });
    expect(parseBandsText('', true)).toEqual({ ok: true, value: undefined });
    expect(parseBandsText('', false).ok).toBe(false);
    expect(parseBandsText('A > 90; B', false)).toEqual({
      ok: false,
      error: 'Không hiểu xếp loại "A > 90; B" (ví dụ: Tốt ≥ 90; Khá ≥ 80; Trung bình).',
    });
    // A threshold missing before the last band: one message, naming the band and the fix.
    expect(parseBandsText('Xuất sắc: 90; Tốt: 80; Khá', false)).toEqual({
      ok: false,
      error:
        'Xếp loại "Xuất sắc: 90" chưa có ngưỡng: chỉ xếp loại cuối cùng được để trống ngưỡng. Ghi ngưỡng sau dấu ≥, ví dụ "Xuất sắc ≥ 90".',
    });
  });
});

describe('awards', () => {
  test('a quota switches between one number and per-block numbers', () => {
    const s = small();
    const award = s.awards!.awards[0];
    expect(quotaMode(award)).toBe('perBlock');
    setQuotaMode(award, 'same', s.blocks);
    expect(award.quotaPerBlock).toBe(2);
    setQuotaMode(award, 'perBlock', s.blocks);
    expect(award.quotaPerBlock).toEqual({ so: 2, xa: 2 });
    expect(setQuota(award, 'xa', '4')).toBeUndefined();
    expect(setQuota(award, 'xa', '1,5')).toBe('Phải là số nguyên không âm.');
    expect(award.quotaPerBlock).toEqual({ so: 2, xa: 4 });
    setQuotaMode(award, 'none', s.blocks);
    expect(award.quotaPerBlock).toBeUndefined();
    expect(setQuota(award, undefined, '')).toBeDefined();
    expect(setQuota(award, undefined, '3')).toBeUndefined();
    expect(award.quotaPerBlock).toBe(3);
  });

  test('cap, ids and the award list', () => {
    const s = withChoice();
    const award = s.awards!.awards[0];
    expect(setCap(award, '12')).toBeUndefined();
    expect(award.cap).toBe(12);
    expect(setCap(award, '')).toBeUndefined();
    expect(award.cap).toBeUndefined();
    const i = addAward(s);
    expect(s.awards!.awards[i].id).toBe('kt2');
    expect(renameAward(s, 0, 'kt2')).toMatch(/đã có/);
    expect(renameAward(s, 0, 'co')).toBeUndefined();
    expect(s.awards!.councilChoices?.[0].award).toBe('co');
    removeAward(s, 0);
    expect(s.awards!.councilChoices).toEqual([]);
  });

  test('campaign gates are shown as the workbook rows and read back by its parser', () => {
    const gates: GateSpec[] = [
      { kind: 'registration', deadline: '2018-03-30' },
      { kind: 'dossier', deadline: '2018-04-10', before: true },
      { kind: 'discipline', maxShare: 0.1, parentMaxShare: 0.1 },
      { kind: 'classification', allowed: ['Tốt', 'Xuất sắc'] },
      { kind: 'minIndex', min: 80.5 },
      { kind: 'flag', flag: 'excellent' },
      { kind: 'flag', flag: 'initiative' },
      { kind: 'improvement', measures: ['index', 'PCI'] },
    ];
    const fields = gateFields(gates);
    expect(fields).toEqual({
      // Dates as the pane shows and reads them: day/month/year.
      registration: '30/03/2018',
      dossier: '10/04/2018',
      dossierRule: 'Trước ngày',
      discipline: '10%',
      parentDiscipline: '10%',
      classification: 'Tốt, Xuất sắc',
      minIndex: '80,5',
      flags: 'Hoàn thành xuất sắc nhiệm vụ; Sáng kiến được công nhận',
      improvement: 'Chỉ số; PCI',
    });
    const back = parseGateFields(fields);
    expect(back.ok && [...back.gates].sort((a, b) => a.kind.localeCompare(b.kind))).toEqual(
      [...gates].sort((a, b) => a.kind.localeCompare(b.kind)),
    );
    expect(parseGateFields({ ...fields, registration: '31/02/2018', minIndex: 'cao' })).toEqual({
      ok: false,
      errors: {
        registration: 'Không hiểu điều kiện "Hạn đăng ký: 31/02/2018".',
        minIndex: 'Không hiểu điều kiện "Chỉ số tối thiểu: cao".',
      },
    });
  });

  test('one gate field at a time; a blank field removes its gate', () => {
    const s = small();
    expect(setGateField(s, 'registration', '30/03/2018')).toBeUndefined();
    expect(setGateField(s, 'minIndex', '85')).toBeUndefined();
    expect(s.awards?.gates).toEqual([
      { kind: 'registration', deadline: '2018-03-30' },
      { kind: 'minIndex', min: 85 },
    ]);
    expect(setGateField(s, 'discipline', 'nhiều')).toMatch(/Không hiểu điều kiện/);
    expect(setGateField(s, 'registration', '')).toBeUndefined();
    expect(s.awards?.gates).toEqual([{ kind: 'minIndex', min: 85 }]);
  });

  test('an award’s own gates as the "Điều kiện riêng" text', () => {
    const text = awardGatesText([
      { kind: 'minIndex', min: 90 },
      { kind: 'classification', allowed: ['Tốt'] },
    ]);
    expect(text).toBe('Xếp loại được xét = Tốt; Chỉ số tối thiểu = 90');
    expect(parseAwardGates(text)).toEqual({
      ok: true,
      value: [
        { kind: 'classification', allowed: ['Tốt'] },
        { kind: 'minIndex', min: 90 },
      ],
    });
    expect(parseAwardGates('Chỉ số ≥ 95')).toEqual({
      ok: true,
      value: [{ kind: 'minIndex', min: 95 }],
    });
    expect(parseAwardGates('')).toEqual({ ok: true, value: [] });
    expect(parseAwardGates('rất tốt')).toEqual({
      ok: false,
      error: 'Không hiểu điều kiện "rất tốt".',
    });
  });
});

describe('settings and small readers', () => {
  test('the tie-break chain as the workbook text', () => {
    const s = small();
    expect(setTieBreak(s, 'Lĩnh vực 2; Ít điểm trừ; Tổng điểm')).toBeUndefined();
    expect(settingsOf(s).ranking).toEqual({
      method: 'competition',
      tieBreak: [{ by: 'field', code: '2' }, { by: 'fewerDeductions' }, { by: 'total' }],
    });
    expect(tieBreakText(settingsOf(s).ranking.tieBreak)).toBe('Lĩnh vực 2; Ít điểm trừ; Tổng điểm');
    expect(parseTieBreakText('May mắn').ok).toBe(false);
    expect(setTieBreak(s, 'May mắn')).toMatch(/Không hiểu tiêu chí phụ/);
  });

  test('numbers with a decimal comma, counts, times and indexes', () => {
    expect(numberText(2.5)).toBe('2,5');
    expect(numberText(undefined)).toBe('');
    expect(parseNumber('2,5')).toEqual({ ok: true, value: 2.5 });
    expect(parseNumber('hai').ok).toBe(false);
    expect(parseCount(' ')).toEqual({ ok: true, value: undefined });
    expect(parseCount('-1').ok).toBe(false);
    expect(displayTime('2026-11-25 16:20:55')).toBe('16:20:55 25/11/2026');
    expect(displayTime('hôm nay')).toBe('hôm nay');
    expect(indexText(98.5, 2)).toBe('98,50');
    expect(indexText(null, 2)).toBe('Không tính được');
  });

  test('the example, edited through every kind of operation, still checks clean', () => {
    const s = cloneSetup(exampleSetup());
    expect(s.settings?.bands?.[3].min).toBe(Number.NEGATIVE_INFINITY);
    addChild(s, [1, 2]);
    addSibling(s, [0, 1]);
    moveCriterion(s, [2], -1);
    setQuotaMode(s.awards!.awards[0], 'perBlock', s.blocks);
    setQuota(s.awards!.awards[0], 'huyen', '4');
    setGateField(s, 'minIndex', '70');
    expect(checkSetup(s)).toEqual([]);
    expect(anGiang2018.criteria.length).toBe(3);
  });
});

describe('appraisal and form settings', () => {
  it('reads the spread and the deadline as the workbook does, and writes them back', () => {
    const setup = cloneSetup(exampleSetup());
    expect(setMaxSpread(setup, 'nhiều')).toBe(vi.ui.input.badNumber);
    expect(setMaxSpread(setup, '0,5')).toBeUndefined();
    expect(setFormsDeadline(setup, '31/12')).toContain('31/12');
    expect(setFormsDeadline(setup, '31/02/2018')).toBe(
      formatMessage(vi.ui.shell.badDate, { value: '31/02/2018' }),
    );
    expect(setFormsDeadline(setup, '05/12/2018')).toBeUndefined();
    expect(dateText(settingsOf(setup).formsDeadline)).toBe('05/12/2018');
    updateSettings(setup, { appraisalCombine: 'median', evidencePolicy: 'warning' });
    const back = readSetup(
      Object.fromEntries(setupSheets(setup).map((b) => [b.name, b.rows])),
    ).setup;
    expect(back?.settings).toMatchObject({
      appraisalMaxSpread: 0.5,
      formsDeadline: '2018-12-05',
      appraisalCombine: 'median',
      evidencePolicy: 'warning',
    });
    expect(setMaxSpread(setup, '')).toBeUndefined();
    expect(settingsOf(setup).appraisalMaxSpread).toBeUndefined();
  });
});

describe('report settings (issue 15)', () => {
  it('reads the font as "Cấu hình" does; blank texts are none; a save writes them back', () => {
    const setup = cloneSetup(exampleSetup());
    expect(settingsOf(setup).reportFont).toEqual({ name: 'Times New Roman', size: 13 });
    expect(setReportFont(setup, 'Arial')).toBe(
      formatMessage(vi.errors.badReportFont, { value: 'Arial', min: 6, max: 36 }),
    );
    expect(settingsOf(setup).reportFont).toEqual({ name: 'Times New Roman', size: 13 });
    expect(setReportFont(setup, 'Arial 12,5')).toBeUndefined();
    setReportText(setup, 'reportSubtitle', '  Kèm theo Quyết định số 1  ');
    setReportText(setup, 'issuer', 'SỞ NỘI VỤ');
    setReportText(setup, 'issuerParent', '   ');
    const back = readSetup(
      Object.fromEntries(setupSheets(setup).map((b) => [b.name, b.rows])),
    ).setup;
    expect(back?.settings).toMatchObject({
      reportFont: { name: 'Arial', size: 12.5 },
      reportSubtitle: 'Kèm theo Quyết định số 1',
      issuer: 'SỞ NỘI VỤ',
    });
    expect(back?.settings?.issuerParent).toBeUndefined();
    expect(setReportFont(setup, '')).toBeUndefined();
    expect(settingsOf(setup).reportFont).toEqual({ name: 'Times New Roman', size: 13 });
  });
});
