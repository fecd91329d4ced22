import {
  divRound,
  formatMicro,
  fromMicro,
  mulDivRound,
  ratioRounded,
  roundHalfAwayFromZero,
  rounder,
  toMicro,
} from '../../../shared/numbers/points';

describe('exact point arithmetic', () => {
  test('0.25 + 1.75 and 0.1 + 0.2 add exactly in micro-points', () => {
    expect(toMicro(0.25) + toMicro(1.75)).toBe(toMicro(2));
    expect(toMicro(0.1) + toMicro(0.2)).toBe(toMicro(0.3));
    // The float sum is not 0.3; the micro sum is.
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(fromMicro(toMicro(0.1) + toMicro(0.2))).toBe(0.3);
  });

  test('a thousand 0.01 steps add to exactly 10', () => {
    let sum = 0;
    for (let i = 0; i < 1000; i++) sum += toMicro(0.01);
    expect(sum).toBe(toMicro(10));
  });

  test('toMicro rounds beyond six decimals half away from zero', () => {
    expect(toMicro(1.0000005)).toBe(1_000_001);
    expect(toMicro(-1.0000005)).toBe(-1_000_001);
    expect(toMicro(-0.25)).toBe(-250_000);
  });
});

describe('roundHalfAwayFromZero', () => {
  test.each([
    [87.445, 2, 87.45],
    [87.444999, 2, 87.44],
    [-0.125, 2, -0.13],
    [0.125, 2, 0.13],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [1.2345, 3, 1.235],
    [99.995, 2, 100],
  ])('%p to %p decimals is %p', (value, decimals, expected) => {
    expect(fromMicro(roundHalfAwayFromZero(toMicro(value), decimals))).toBe(expected);
  });

  test('is idempotent', () => {
    const once = roundHalfAwayFromZero(toMicro(12.345678), 2);
    expect(roundHalfAwayFromZero(once, 2)).toBe(once);
  });

  test('rounder(d) is the same function with the decimals fixed', () => {
    for (const d of [0, 1, 2, 3, 4]) {
      const fast = rounder(d);
      for (const v of [0, 1, -1, 499_999, 500_000, -500_000, 87_445_000, -125_000, 2 ** 53 - 1]) {
        expect(fast(v)).toBe(roundHalfAwayFromZero(v, d));
      }
    }
  });

  test('rejects decimals outside 0..4', () => {
    expect(() => roundHalfAwayFromZero(1, 5)).toThrow(RangeError);
    expect(() => roundHalfAwayFromZero(1, -1)).toThrow(RangeError);
    expect(() => roundHalfAwayFromZero(1, 1.5)).toThrow(RangeError);
  });
});

describe('division helpers', () => {
  test('divRound rounds half away from zero, exactly, for either sign', () => {
    expect(divRound(5, 2)).toBe(3);
    expect(divRound(-5, 2)).toBe(-3);
    expect(divRound(7, 3)).toBe(2);
    expect(divRound(8, 3)).toBe(3);
    expect(divRound(5, -2)).toBe(-3);
    expect(() => divRound(1, 0)).toThrow(RangeError);
  });

  test('mulDivRound stays exact past 2^53 through BigInt', () => {
    // 9e15 * 3 / 3 would lose digits as a double product.
    expect(mulDivRound(9_007_199_254_740_991, 3, 3)).toBe(9_007_199_254_740_991);
    expect(mulDivRound(123_456_789_012, 1_000_000, 7)).toBe(
      Number((123_456_789_012n * 1_000_000n + 3n) / 7n),
    );
  });

  test('ratioRounded: 2.9 of 4.75 is 61.05 % (61.0526… rounded once)', () => {
    expect(ratioRounded(toMicro(2.9), toMicro(4.75), 100, 2)).toBe(toMicro(61.05));
    expect(ratioRounded(toMicro(2), toMicro(3), 100, 3)).toBe(toMicro(66.667));
    expect(ratioRounded(toMicro(1), toMicro(8), 100, 1)).toBe(toMicro(12.5));
    expect(ratioRounded(toMicro(1), toMicro(16), 100, 1)).toBe(toMicro(6.3));
  });
});

describe('formatMicro', () => {
  test('prints the decimal comma with fixed places', () => {
    expect(formatMicro(toMicro(87.45), 2)).toBe('87,45');
    expect(formatMicro(toMicro(87.4), 2)).toBe('87,40');
    expect(formatMicro(toMicro(-0.125), 2)).toBe('-0,13');
    expect(formatMicro(toMicro(100), 0)).toBe('100');
    expect(formatMicro(toMicro(3.5), 3, '.')).toBe('3.500');
  });
});
