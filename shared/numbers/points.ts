/**
 * Exact point arithmetic. Every amount of points inside the core is an integer number of
 * micro-points (1 point = 1,000,000 µp), so 0.25 + 1.75 adds exactly and sums of up to
 * 2^53 µp (9 billion points) stay exact in a plain JS number — no floats are ever summed.
 *
 * Rounding happens in one place, `roundHalfAwayFromZero`, used for every value the report
 * prints; ranks and bands are decided on those printed values.
 */

/** Micro-points: an integer count of 1e-6 points. */
export type Micro = number;

export const SCALE = 1_000_000;
/** Most decimals a setting may ask for: finer than the micro scale makes no sense. */
export const MAX_DECIMALS = 4;

const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/** Converts a decimal number of points (as a cell holds it) to micro-points, half away from zero. */
export function toMicro(points: number): Micro {
  const scaled = Math.abs(points) * SCALE;
  // 0.1 * 1e6 = 100000.00000000001: the nearest integer is the decimal the user typed.
  const r = Math.round(scaled);
  return points < 0 ? -r : r;
}

/** Converts micro-points back to the nearest double, for writing a number into a cell. */
export function fromMicro(micro: Micro): number {
  // Division of an exact integer by 1e6 gives the double nearest the decimal value.
  return micro / SCALE;
}

/**
 * n / d rounded to the nearest integer, ties away from zero, computed exactly for integers.
 * Falls back to BigInt when n is beyond the exact range of a double.
 */
export function divRound(n: number, d: number): number {
  if (d === 0) throw new RangeError('divRound: division by zero');
  if (d < 0) return divRound(-n, -d);
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) return divRoundBig(n, d);
  const neg = n < 0;
  const a = neg ? -n : n;
  let q = Math.floor(a / d);
  let r = a - q * d;
  // The float quotient can be off by one next to an integer; the remainder tells.
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  if (2 * r >= d) q += 1;
  return neg ? -q : q;
}

function divRoundBig(n: number, d: number): number {
  return mulDivRound(Math.round(n), 1, Math.round(d));
}

function step(decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`decimals must be an integer in 0..${MAX_DECIMALS}`);
  }
  return POW10[6 - decimals] as number;
}

/**
 * THE rounding function: micro-points rounded to `decimals` places, half away from zero
 * (87.445 → 87.45, −0.125 → −0.13). Idempotent. Returns micro-points.
 */
export function roundHalfAwayFromZero(micro: Micro, decimals: number): Micro {
  const s = step(decimals);
  return divRound(micro, s) * s;
}

/**
 * `roundHalfAwayFromZero` with the decimals fixed once: the same rule, for loops over many
 * values (the settings' decimals are checked here, not on every call).
 */
export function rounder(decimals: number): (micro: Micro) => Micro {
  const s = step(decimals);
  if (s === 1) return (micro) => micro;
  const half = s / 2;
  return (micro) => {
    if (!Number.isSafeInteger(micro)) return divRound(micro, s) * s;
    const a = micro < 0 ? -micro : micro;
    const r = a % s;
    const q = a - r + (r >= half ? s : 0);
    return micro < 0 ? -q : q;
  };
}

/**
 * The ratio num / den × factor, rounded once with the same rule, in micro-units.
 * Used for the index: achieved / applicable max × 100, computed from unrounded parts.
 */
export function ratioRounded(num: Micro, den: Micro, factor: number, decimals: number): Micro {
  const s = step(decimals);
  // value in units of 10^-decimals = num * factor * 10^decimals / den
  const places = POW10[decimals] as number;
  return mulDivRound(num, factor * places, den) * s;
}

/** a × b / d rounded half away from zero, exact even when a × b passes 2^53. */
export function mulDivRound(a: number, b: number, d: number): number {
  const p = a * b;
  if (Number.isSafeInteger(p)) return divRound(p, d);
  const bp = BigInt(a) * BigInt(b);
  const bd = BigInt(d);
  const sign = bp < 0n !== bd < 0n ? -1n : 1n;
  const an = bp < 0n ? -bp : bp;
  const ad = bd < 0n ? -bd : bd;
  let q = an / ad;
  if (2n * (an - q * ad) >= ad) q += 1n;
  return Number(sign * q);
}

/** Points × a measured share (proportional rule), rounded to the micro scale. */
export function scaleMicro(micro: Micro, share: number): Micro {
  return toMicro((micro * share) / SCALE);
}

/** Formats micro-points with exactly `decimals` places and the given decimal separator. */
export function formatMicro(micro: Micro, decimals: number, separator = ','): string {
  const rounded = roundHalfAwayFromZero(micro, decimals);
  const neg = rounded < 0;
  const abs = neg ? -rounded : rounded;
  const whole = Math.floor(abs / SCALE);
  const frac = abs - whole * SCALE;
  let text = String(whole);
  if (decimals > 0) {
    const digits = String(frac).padStart(6, '0').slice(0, decimals);
    text += separator + digits;
  }
  return (neg ? '-' : '') + text;
}
