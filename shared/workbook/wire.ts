/**
 * JSON that keeps the numbers JSON cannot: a setup's open band ("Yếu" has min −∞) must survive
 * the calls between the Sheets sidebar and Apps Script, which carry plain JSON.
 */
const MARK = '$number';

export function toWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? { [MARK]: String(v) } : v,
  );
}

export function fromWire<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === MARK) return Number((v as Record<string, string>)[MARK]);
    }
    return v;
  }) as T;
}
