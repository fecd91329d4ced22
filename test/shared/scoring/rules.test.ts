import fc from 'fast-check';
import type { CellValue, RuleSpec } from '../../../shared/model/types';
import { toMicro } from '../../../shared/numbers/points';
import { at, compile, score } from './ruleHelpers';
import {
  compileRule,
  encodeInput,
  encodeNumber,
  pointsFor,
  type CompiledRule,
} from '../../../shared/scoring/rules';

function compileKeys(spec: RuleSpec, max: number): string[] {
  return compileRule(spec, 'T', toMicro(max), at).issues.map((i) => i.key);
}

describe('tick: done → max, not done → 0', () => {
  test.each<[CellValue, number | string]>([
    [true, 0.25],
    [false, 0],
    ['x', 0.25],
    ['X', 0.25],
    ['✓', 0.25],
    ['Có', 0.25],
    [1, 0.25],
    [0, 0],
    ['không', 0],
    [0.25, 0.25],
    ['N/A', 'N/A'],
    ['KAD', 'N/A'],
    ['maybe', 'notATick'],
    [0.5, 'pointsAboveMax'],
    [0.1, 'notATick'],
    ['#REF!', 'errorValue'],
  ])('%p → %p', (raw, expected) => {
    expect(score({ kind: 'tick' }, 0.25, raw)).toBe(expected);
  });
});

describe('levels: a named level gives its points', () => {
  const rule: RuleSpec = {
    kind: 'levels',
    levels: [
      { label: 'Đúng hạn', points: 1.75 },
      { label: 'Trễ hạn', points: 0.5 },
      { label: 'Không thực hiện', points: 0 },
    ],
  };
  test.each<[CellValue, number | string]>([
    ['Đúng hạn', 1.75],
    ['  trễ   hạn ', 0.5],
    ['Đúng hạn'.normalize('NFD'), 1.75],
    ['Không thực hiện', 0],
    [0.5, 0.5],
    ['Sớm', 'levelNotInList'],
    [3, 'pointsAboveMax'],
  ])('%p → %p', (raw, expected) => {
    expect(score(rule, 1.75, raw)).toBe(expected);
  });

  test('levels above max, negative or duplicated are rejected', () => {
    expect(
      compileKeys(
        {
          kind: 'levels',
          levels: [
            { label: 'A', points: 2 },
            { label: 'a', points: -1 },
          ],
        },
        1,
      ),
    ).toEqual(['levelPointsAboveMax', 'duplicateLevel', 'levelPointsBelowZero']);
    expect(compileKeys({ kind: 'levels', levels: [] }, 1)).toEqual(['levelsEmpty']);
  });
});

describe('tiers: thresholds from the highest down', () => {
  const rule: RuleSpec = {
    kind: 'tiers',
    tiers: [
      { min: 100, points: 1 },
      { min: 80, points: 0.5 },
      { min: 50, points: 0.25 },
    ],
  };
  test.each<[CellValue, number | string]>([
    [100, 1],
    [99.99, 0.5],
    [80, 0.5],
    [79.999999, 0.25],
    [50, 0.25],
    [49, 0],
    ['85,5', 0.5],
    [-1, 'negativeValue'],
    ['cao', 'notANumber'],
  ])('%p → %p', (raw, expected) => {
    expect(score(rule, 1, raw)).toBe(expected);
  });

  test('thresholds out of order and points above max are rejected', () => {
    expect(
      compileKeys(
        {
          kind: 'tiers',
          tiers: [
            { min: 50, points: 0.5 },
            { min: 80, points: 2 },
          ],
        },
        1,
      ),
    ).toEqual(['tiersOutOfOrder', 'tierPointsAboveMax', 'tierPointsNotDecreasing']);
  });
});

describe('proportional: max × share, capped at max', () => {
  test.each<[CellValue, number | string]>([
    [100, 3],
    [90, 2.7],
    [120, 3],
    [0, 0],
    [33.333333, 1],
    [66.666666, 2],
  ])('%p %% of 3 points → %p', (raw, expected) => {
    expect(score({ kind: 'proportional', of: 100 }, 3, raw)).toBe(expected);
  });

  test('a share of 1 by default', () => {
    expect(score({ kind: 'proportional' }, 2, 0.875)).toBe(1.75);
  });

  test('a non-positive base is rejected', () => {
    expect(compileKeys({ kind: 'proportional', of: 0 }, 1)).toEqual(['proportionalBase']);
  });
});

describe('deduction: points off per violation, floored', () => {
  test.each<[CellValue, number | string]>([
    [0, 1],
    [1, 0.75],
    [3, 0.25],
    [4, 0],
    [9, 0],
    [1.5, 'notWholeCount'],
  ])('%p violations → %p', (raw, expected) => {
    expect(score({ kind: 'deduction', perCount: 0.25 }, 1, raw)).toBe(expected);
  });

  test('a negative floor makes a penalty below zero', () => {
    expect(score({ kind: 'deduction', perCount: 0.5, min: -2 }, 0, 3)).toBe(-1.5);
    expect(score({ kind: 'deduction', perCount: 0.5, min: -2 }, 0, 10)).toBe(-2);
  });

  test('a floor above max or a non-positive step is rejected', () => {
    expect(compileKeys({ kind: 'deduction', perCount: 0, min: 2 }, 1)).toEqual([
      'deductionPerCount',
      'deductionMinAboveMax',
    ]);
  });
});

describe('bonus: extra points capped at max', () => {
  test('points typed directly may not pass the cap', () => {
    expect(score({ kind: 'bonus' }, 2, 1.5)).toBe(1.5);
    expect(score({ kind: 'bonus' }, 2, 2.5)).toBe('pointsAboveMax');
  });
  test('a count of items is capped', () => {
    expect(score({ kind: 'bonus', perCount: 0.5 }, 2, 3)).toBe(1.5);
    expect(score({ kind: 'bonus', perCount: 0.5 }, 2, 7)).toBe(2);
  });
});

test('an unknown rule kind is reported, not thrown', () => {
  expect(compileKeys({ kind: 'magic' } as unknown as RuleSpec, 1)).toEqual(['unknownRuleKind']);
});

describe('encodeNumber: the grid fast path agrees with encodeInput', () => {
  const rules: [RuleSpec, number][] = [
    [{ kind: 'tick' }, 0.25],
    [{ kind: 'tick' }, 1],
    [
      {
        kind: 'levels',
        levels: [
          { label: 'Đúng hạn', points: 1 },
          { label: 'Trễ', points: 0.5 },
        ],
      },
      1,
    ],
    [
      {
        kind: 'tiers',
        tiers: [
          { min: 90, points: 2 },
          { min: 50, points: 1 },
        ],
      },
      2,
    ],
    [{ kind: 'proportional', of: 100 }, 1.5],
    [{ kind: 'deduction', perCount: 0.25, min: -1 }, 1],
    [{ kind: 'bonus' }, 0.5],
    [{ kind: 'bonus', perCount: 0.25 }, 1],
  ];
  const numbers = fc.oneof(
    fc.constantFrom(0, 1, 0.25, 0.5, 1.5, 2, 3, -1, 100, 54.66, Infinity, -Infinity, NaN),
    fc.double({ min: -5, max: 200, noNaN: true }),
    fc.integer({ min: -3, max: 120 }),
  );
  test('a value only where encodeInput has the same value and nothing to say', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: rules.length - 1 }), numbers, (r, v) => {
        const [spec, max] = rules[r];
        const rule = compile(spec, max);
        const fast = encodeNumber(rule, v, toMicro(max));
        const slow = encodeInput(rule, v, 'T', toMicro(max), at);
        if (fast === undefined) {
          // the long way: an issue, a warning, or a rule the fast path leaves alone (levels)
          expect('issue' in slow || slow.warning !== undefined || rule.kind === 'levels').toBe(
            true,
          );
        } else {
          expect(slow).toEqual({ value: fast });
        }
      }),
      { numRuns: 2000 },
    );
  });
  test('plain numbers take the fast path', () => {
    expect(encodeNumber(compile({ kind: 'tick' }, 0.25), 1, toMicro(0.25))).toBe(1);
    expect(encodeNumber(compile({ kind: 'tick' }, 0.25), 0.25, toMicro(0.25))).toBe(1);
    expect(encodeNumber(compile({ kind: 'tick' }, 0.25), 0.5, toMicro(0.25))).toBeUndefined();
    expect(encodeNumber(compile({ kind: 'proportional', of: 100 }, 1.5), 54.66, toMicro(1.5))).toBe(
      54_660_000,
    );
    expect(
      encodeNumber(compile({ kind: 'deduction', perCount: 0.25 }, 1), 1.5, toMicro(1)),
    ).toBeUndefined();
  });
});

describe('a rule whose best level or tier is below the criterion max', () => {
  const levels = (top: number): RuleSpec => ({
    kind: 'levels',
    levels: [
      { label: 'Tốt', points: top },
      { label: 'Chưa tốt', points: 0 },
    ],
  });
  const tiers = (top: number): RuleSpec => ({
    kind: 'tiers',
    tiers: [
      { min: 100, points: top },
      { min: 80, points: 1 },
    ],
  });

  test('is a warning (no unit can reach the max); at the max, nothing', () => {
    for (const rule of [levels, tiers]) {
      expect(compileKeys(rule(4), 5)).toEqual(['ruleTopBelowMax']);
      expect(compileKeys(rule(5), 5)).toEqual([]);
      expect(compileRule(rule(4), 'T', toMicro(5), at).issues[0]?.severity).toBe('warning');
    }
  });

  test('is not added to an invalid rule (its errors say enough)', () => {
    expect(compileKeys(tiers(6), 5)).toEqual(['tierPointsAboveMax']);
  });
});

describe('a fraction where the rule counts in percents (a cell formatted as 95%)', () => {
  const tiers: RuleSpec = {
    kind: 'tiers',
    tiers: [
      { min: 100, points: 4 },
      { min: 80, points: 2 },
    ],
  };
  const warningOf = (rule: RuleSpec, raw: CellValue): string | undefined => {
    const { rule: compiled } = compileRule(rule, 'T', toMicro(4), at);
    const encoded = encodeInput(compiled as CompiledRule, raw, 'T', toMicro(4), at);
    return 'warning' in encoded ? encoded.warning?.key : undefined;
  };

  test('is scored as stored, with a warning; whole percents and fraction scales say nothing', () => {
    expect(warningOf(tiers, 0.95)).toBe('fractionOnPercentScale');
    expect(warningOf({ kind: 'proportional', of: 100 }, 0.5)).toBe('fractionOnPercentScale');
    expect(warningOf(tiers, 95)).toBeUndefined();
    expect(warningOf(tiers, 0)).toBeUndefined();
    expect(warningOf({ kind: 'proportional', of: 1 }, 0.5)).toBeUndefined();
    const fractions: RuleSpec = { kind: 'tiers', tiers: [{ min: 0.9, points: 4 }] };
    expect(warningOf(fractions, 0.95)).toBeUndefined();
    // rules that count things: 1 is a small count, not 100 %
    const counts: RuleSpec = {
      kind: 'tiers',
      tiers: [
        { min: 5, points: 4 },
        { min: 2, points: 2 },
      ],
    };
    expect(warningOf(counts, 1)).toBeUndefined();
    expect(warningOf({ kind: 'proportional', of: 12 }, 1)).toBeUndefined();
  });

  test('the grid fast path leaves such a cell to the slow path that warns', () => {
    const { rule } = compileRule(tiers, 'T', toMicro(4), at);
    expect(encodeNumber(rule as CompiledRule, 0.95, toMicro(4))).toBeUndefined();
    expect(encodeNumber(rule as CompiledRule, 95, toMicro(4))).toBe(toMicro(95));
  });
});

describe('a value above 1 on "Tỷ lệ" with no base (a share 0–1; issue 16)', () => {
  const share: RuleSpec = { kind: 'proportional' };
  const compiled = compileRule(share, 'T', toMicro(4), at).rule as CompiledRule;
  const encode = (raw: CellValue) => encodeInput(compiled, raw, 'T', toMicro(4), at);

  test('counts the full points, with a warning (80 typed for 80 %); 0 to 1 says nothing', () => {
    const e = encode(80);
    expect('value' in e && pointsFor(compiled, toMicro(4), e.value as number)).toBe(toMicro(4));
    expect('warning' in e ? e.warning?.key : undefined).toBe('shareAboveOne');
    expect('warning' in encode(1.2) ? 'warned' : '').toBe('warned');
    for (const v of [0, 0.35, 1]) expect('warning' in encode(v)).toBe(false);
    const p = encode(0.35);
    expect('value' in p && pointsFor(compiled, toMicro(4), p.value as number)).toBe(toMicro(1.4));
    // with a base, a value above it is above-plan: full points, nothing to say
    const of100 = compileRule({ kind: 'proportional', of: 100 }, 'T', toMicro(4), at)
      .rule as CompiledRule;
    expect('warning' in encodeInput(of100, 120, 'T', toMicro(4), at)).toBe(false);
  });

  test('the grid fast path leaves it to the slow path that warns', () => {
    expect(encodeNumber(compiled, 80, toMicro(4))).toBeUndefined();
    expect(encodeNumber(compiled, 0.5, toMicro(4))).toBe(toMicro(0.5));
  });
});
