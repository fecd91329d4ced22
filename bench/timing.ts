/** Timing helpers shared by the benchmark sections. */

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median milliseconds of `reps` runs after one warm-up run. */
export function time(reps: number, fn: () => unknown): number {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(ms);
}

/** Median milliseconds of `reps` awaited runs after one warm-up run. */
export async function timeAsync(reps: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(ms);
}

export const fmt = (x: number, d = 1): string => x.toFixed(d);

/** Prints a right-aligned table row. */
export function row(cells: (string | number)[], width = 12): void {
  console.log(cells.map((c) => String(c).padStart(width)).join(''));
}

/** Bytes held by the typed arrays of a result object (nested arrays included). */
export function bytesOf(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (Array.isArray(value)) {
    return value.reduce((sum: number, v) => sum + bytesOf(v), 8 * value.length);
  }
  if (value && typeof value === 'object') {
    return Object.values(value).reduce((sum: number, v) => sum + bytesOf(v), 0);
  }
  return 0;
}
