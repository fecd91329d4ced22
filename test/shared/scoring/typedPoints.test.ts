/**
 * "Nhập điểm": the appraiser (or the unit) types the points earned, 0 to max, optionally on a
 * step ("bước 0,25"). Parsing the rule, scoring a cell, each error at its cell, and two
 * properties: points typed on the step never give an off-step total, and the order of the
 * units changes nothing.
 */
import fc from 'fast-check';
import { evaluateCampaign, type Evaluation } from '../../../shared/evaluate';
import { formatIssue } from '../../../shared/model/issues';
import type { CampaignSpec, CellValue, RuleSpec } from '../../../shared/model/types';
import { toMicro } from '../../../shared/numbers/points';
import { at, compile, score } from './ruleHelpers';
import {
  compileRule,
  encodeInput,
  encodeNumber,
  type CompiledRule,
} from '../../../shared/scoring/rules';
import { vi } from '../../../shared/i18n/vi';
import { inputSheets, ruleParams } from '../../../shared/workbook/inputs';
import { parseWorkbook } from '../../../shared/workbook/parse';
import { parseRule } from '../../../shared/workbook/parse/criteria';

describe('the rule as typed in "Tiêu chí"', () => {
  test('"Nhập điểm" is the first rule kind offered', () => {
    expect(Object.keys(vi.workbook.choices.rules)[0]).toBe('points');
    expect(vi.workbook.choices.rules.points).toBe('Nhập điểm');
  });

  test.each<[string, RuleSpec | undefined]>([
    ['', { kind: 'points' }],
    ['bước 0,25', { kind: 'points', step: 0.25 }],
    ['bước 0.25', { kind: 'points', step: 0.25 }],
    ['Bước: 0,5', { kind: 'points', step: 0.5 }],
    ['bước = 1', { kind: 'points', step: 1 }],
    ['0,25', { kind: 'points', step: 0.25 }],
    ['  bước   0,25 ', { kind: 'points', step: 0.25 }],
    ['mỗi 0,25', undefined],
    ['bước', undefined],
    ['bước 0,25; bước 0,5', undefined],
  ])('"%s" → %p', (params, expected) => {
    expect(parseRule('points', params)).toEqual(expected);
  });

  test('the parameters are written back as they are read', () => {
    expect(ruleParams({ kind: 'points' })).toBe('');
    expect(ruleParams({ kind: 'points', step: 0.25 })).toBe('bước 0,25');
    expect(parseRule('points', ruleParams({ kind: 'points', step: 0.25 }))).toEqual({
      kind: 'points',
      step: 0.25,
    });
  });

  test('a step that is not a positive number is an error', () => {
    const keys = (step: number): string[] =>
      compileRule({ kind: 'points', step }, 'T', toMicro(2), at).issues.map((i) => i.key);
    expect(keys(0)).toEqual(['pointsStep']);
    expect(keys(-0.25)).toEqual(['pointsStep']);
    expect(keys(Number.NaN)).toEqual(['pointsStep']);
    expect(keys(0.25)).toEqual([]);
  });

  test('a max off the step is a warning: no unit can reach it', () => {
    const { issues } = compileRule({ kind: 'points', step: 0.5 }, 'T', toMicro(1.75), at);
    expect(issues.map((i) => [i.severity, i.key, i.params.top])).toEqual([
      ['warning', 'ruleTopBelowMax', '1,5'],
    ]);
  });
});

describe('a cell: the points typed, 0 to max', () => {
  test.each<[CellValue, number | string]>([
    [2.5, 2.5],
    [0, 0],
    [3, 3],
    [1.75, 1.75],
    [0.1, 0.1],
    ['2,5', 2.5],
    ['2.5', 2.5],
    [' 1,25 ', 1.25],
    [null, 'blank'],
    ['', 'blank'],
    ['N/A', 'N/A'],
    ['Không áp dụng', 'N/A'],
    [3.25, 'pointsAboveMax'],
    ['3,5', 'pointsAboveMax'],
    [-0.5, 'negativeValue'],
    ['cao', 'notANumber'],
    ['2,5 điểm', 'notANumber'],
    [true, 'notANumber'],
    ['#VALUE!', 'errorValue'],
  ])('%p → %p', (raw, expected) => {
    expect(score({ kind: 'points' }, 3, raw)).toBe(expected);
  });

  test('"2,5" typed as text reads as 2.5, with the warning given elsewhere', () => {
    const rule = compile({ kind: 'points' }, 3);
    const encoded = encodeInput(rule, '2,5', 'T', toMicro(3), at);
    expect(encoded).toEqual({
      value: toMicro(2.5),
      warning: expect.objectContaining({ severity: 'warning', key: 'decimalCommaText' }),
    });
  });

  test.each<[CellValue, number | string]>([
    [0, 0],
    [0.25, 0.25],
    [1.75, 1.75],
    [2, 2],
    ['1,5', 1.5],
    [0.3, 'pointsOffStep'],
    [1.7, 'pointsOffStep'],
    [0.250001, 'pointsOffStep'],
    ['1,1', 'pointsOffStep'],
    [2.25, 'pointsAboveMax'],
  ])('on a step of 0,25 (max 2): %p → %p', (raw, expected) => {
    expect(score({ kind: 'points', step: 0.25 }, 2, raw)).toBe(expected);
  });

  test('the step is checked exactly on micro-points, without a float tolerance', () => {
    // 2,3 / 0,1 is 22.999999999999996 in floats; in micro-points 2 300 000 = 23 × 100 000
    expect(2.3 / 0.1).not.toBe(23);
    expect(score({ kind: 'points', step: 0.1 }, 3, 2.3)).toBe(2.3);
    expect(score({ kind: 'points', step: 0.1 }, 3, 0.1 + 0.2)).toBe(0.3);
    expect(score({ kind: 'points', step: 0.1 }, 3, 2.35)).toBe('pointsOffStep');
    // read to the micro-point, as every number: one micro-point off the step is off it
    expect(score({ kind: 'points', step: 0.25 }, 3, 0.250001)).toBe('pointsOffStep');
    expect(score({ kind: 'points', step: 0.25 }, 3, 0.2500001)).toBe(0.25);
  });

  test('the off-step message names the step and the nearest values', () => {
    const rule = compile({ kind: 'points', step: 0.25 }, 2);
    const encoded = encodeInput(rule, 1.7, '1.2', toMicro(2), at);
    expect('issue' in encoded && formatIssue(encoded.issue)).toBe(
      'Tiêu chí T: Điểm 1,7 của tiêu chí 1.2 không đúng bước 0,25 (gần nhất: 1,5 hoặc 1,75).',
    );
  });

  test('the grid fast path agrees with the slow path', () => {
    const rules: [RuleSpec, number][] = [
      [{ kind: 'points' }, 3],
      [{ kind: 'points', step: 0.25 }, 2],
      [{ kind: 'points', step: 0.5 }, 1.75],
    ];
    const numbers = fc.oneof(
      fc.constantFrom(0, 0.25, 0.3, 1.5, 1.75, 2, 3, 3.5, -1, -0, Infinity, NaN),
      fc.double({ min: -2, max: 5, noNaN: true }),
      fc.integer({ min: -4, max: 40 }).map((k) => k / 4),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: rules.length - 1 }), numbers, (r, v) => {
        const [spec, max] = rules[r];
        const { rule } = compileRule(spec, 'T', toMicro(max), at);
        const fast = encodeNumber(rule as CompiledRule, v, toMicro(max));
        const slow = encodeInput(rule as CompiledRule, v, 'T', toMicro(max), at);
        if (fast === undefined) expect('issue' in slow || slow.warning !== undefined).toBe(true);
        else expect(slow).toEqual({ value: fast });
      }),
      { numRuns: 2000 },
    );
  });
});

/** A small campaign of "Nhập điểm" leaves, as a workbook's sheets. */
function campaign(scores: Record<string, Record<string, CellValue>>): CampaignSpec {
  return {
    id: 't',
    name: 'Nhập điểm',
    year: 2024,
    criteria: [
      {
        code: '1',
        name: 'Lĩnh vực 1',
        max: 5,
        children: [
          { code: '1.1', name: 'a', max: 3, rule: { kind: 'points' } },
          { code: '1.2', name: 'b', max: 2, rule: { kind: 'points', step: 0.25 } },
        ],
      },
    ],
    blocks: [{ id: 'so', name: 'Sở' }],
    units: Object.entries(scores).map(([id, appraised]) => ({
      id,
      name: id,
      block: 'so',
      appraised,
    })),
  };
}

function evaluateSheets(spec: CampaignSpec): Evaluation | string[] {
  const sheets = Object.fromEntries(inputSheets(spec).map((b) => [b.name, b.rows]));
  const parsed = parseWorkbook(sheets);
  if (!parsed.spec) return parsed.issues.map(formatIssue);
  return evaluateCampaign(parsed.spec);
}

describe('in a workbook: each error at its cell', () => {
  test('above the max, negative, off the step, not a number: one message per cell', () => {
    const e = evaluateSheets(
      campaign({
        A: { '1.1': 3.5, '1.2': 1.3 },
        B: { '1.1': -1, '1.2': 'hai' },
        C: { '1.1': '2,5', '1.2': '0,75' },
      }),
    ) as Evaluation;
    expect(e.ok).toBe(false);
    if (e.ok) return;
    expect(e.errors.map(formatIssue)).toEqual([
      "Trang tính 'Chấm điểm', ô D2: Điểm 3,5 vượt điểm tối đa 3 của tiêu chí 1.1.",
      "Trang tính 'Chấm điểm', ô E2: Giá trị -1 không được âm.",
      "Trang tính 'Chấm điểm', ô D3: Điểm 1,3 của tiêu chí 1.2 không đúng bước 0,25 (gần nhất: 1,25 hoặc 1,5).",
      'Trang tính \'Chấm điểm\', ô E3: Giá trị "hai" không phải là số.',
    ]);
  });

  test('"2,5" as text counts 2.5 (warned at its cell), N/A leaves the max, blank is unscored', () => {
    const e = evaluateSheets(
      campaign({
        A: { '1.1': '2,5', '1.2': 1.75 },
        B: { '1.1': 'N/A', '1.2': 0.5 },
        C: { '1.1': 1, '1.2': null },
      }),
    );
    if (Array.isArray(e) || !e.ok) throw new Error(JSON.stringify(e));
    const byId = Object.fromEntries(e.units.map((u) => [u.id, u]));
    // A: 2.5 + 1.75 = 4.25 of 5 → 85.00
    expect([byId.A.total, byId.A.applicableMax]).toEqual([toMicro(4.25), toMicro(5)]);
    expect(byId.A.printed.index).toBe(toMicro(85));
    // B: 1.1 N/A → max 5 − 3 = 2; 0.5 of 2 → 25.00
    expect([byId.B.total, byId.B.applicableMax]).toEqual([toMicro(0.5), toMicro(2)]);
    expect(byId.B.printed.index).toBe(toMicro(25));
    // C: 1.2 blank → 0 with the blank warning; 1 of 5 → 20.00
    expect([byId.C.total, byId.C.applicableMax]).toEqual([toMicro(1), toMicro(5)]);
    expect(e.warnings.map((w) => [w.key, formatIssue(w)])).toEqual([
      [
        'decimalCommaText',
        'Trang tính \'Chấm điểm\', ô D2: Số "2,5" được gõ dạng chữ với dấu phẩy thập phân; đã hiểu là 2.5.',
      ],
      [
        'blankScored0At',
        "Trang tính 'Chấm điểm', ô F3: Đơn vị C: 1 tiêu chí chưa chấm, tính 0 điểm (đầu tiên: ô này).",
      ],
    ]);
  });

  test('a bad step is an error at "Tham số"', () => {
    const spec = campaign({ A: { '1.1': 1, '1.2': 1 } });
    const sheets = Object.fromEntries(inputSheets(spec).map((b) => [b.name, b.rows]));
    const criteria = sheets['Tiêu chí'];
    criteria[3][4] = 'bước 0';
    const parsed = parseWorkbook(sheets);
    const e = evaluateCampaign(parsed.spec as CampaignSpec);
    expect(e.ok ? [] : e.errors.map(formatIssue)).toEqual([
      "Trang tính 'Tiêu chí', ô E4: Tiêu chí 1.2: bước của cách chấm Nhập điểm phải là số dương (ví dụ bước 0,25).",
    ]);
    criteria[3][4] = 'bước một phần tư';
    expect(parseWorkbook(sheets).issues.map(formatIssue)).toEqual([
      'Trang tính \'Tiêu chí\', ô E4: Không hiểu tham số "bước một phần tư" của cách chấm Nhập điểm.',
    ]);
  });
});

describe('properties', () => {
  /** k quarter-points on a step of 0,25 (max 2) and whole points on a step of 1 (max 3). */
  const unitScores = fc.record({
    a: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant<CellValue>('N/A')),
    b: fc.oneof(
      fc.integer({ min: 0, max: 8 }).map((k) => k / 4),
      fc.integer({ min: 0, max: 8 }).map((k) => String(k / 4).replace('.', ',')),
    ),
  });
  const spec = (units: { a: CellValue; b: CellValue }[]): CampaignSpec => ({
    ...campaign({}),
    criteria: [
      {
        code: '1',
        name: 'Lĩnh vực 1',
        max: 5,
        children: [
          { code: '1.1', name: 'a', max: 3, rule: { kind: 'points', step: 1 } },
          { code: '1.2', name: 'b', max: 2, rule: { kind: 'points', step: 0.25 } },
        ],
      },
    ],
    units: units.map((s, i) => ({
      id: `U${i}`,
      name: `U${i}`,
      block: 'so',
      appraised: { '1.1': s.a, '1.2': s.b },
    })),
  });

  test('points typed on the step never give an off-step total', () => {
    fc.assert(
      fc.property(fc.array(unitScores, { minLength: 1, maxLength: 8 }), (units) => {
        const e = evaluateCampaign(spec(units));
        if (!e.ok) throw new Error(JSON.stringify(e.errors));
        for (const u of e.units) expect(u.total % toMicro(0.25)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  test('the order of the units changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(unitScores, { minLength: 1, maxLength: 8 }),
        fc.infiniteStream(fc.nat()),
        (units, stream) => {
          const named = units.map((s, i) => ({ ...s, id: `U${i}` }));
          const shuffled = [...named];
          const rand = stream.take(named.length * 2)[Symbol.iterator]();
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = (rand.next().value as number) % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
          }
          const withIds = (list: typeof named): CampaignSpec => ({
            ...spec(list),
            units: list.map((s) => ({
              id: s.id,
              name: s.id,
              block: 'so',
              appraised: { '1.1': s.a, '1.2': s.b },
            })),
          });
          const a = evaluateCampaign(withIds(named));
          const b = evaluateCampaign(withIds(shuffled));
          if (!a.ok || !b.ok) throw new Error('invalid');
          const view = (e: typeof a): unknown =>
            [...e.units]
              .sort((x, y) => (x.id < y.id ? -1 : 1))
              .map((u) => [u.id, u.total, u.applicableMax, u.printed.index, u.rankOverall]);
          expect(view(b)).toEqual(view(a));
        },
      ),
      { numRuns: 200 },
    );
  });
});
