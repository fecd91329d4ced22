/** Values of cells from the text of their <v>: xsd:double numbers, xsd:boolean, ISO 8601 dates. */

/** Serial days between the 1900 and the 1904 date systems (1900-01-01 … 1904-01-01, Excel's way). */
export const DAYS_1904 = 1462;

/** An xsd:boolean: "1"/"true" or "0"/"false" (white space around allowed); undefined otherwise. */
export function bool(v: string): boolean | undefined {
  const t = v.trim();
  if (t === '1' || t === 'true') return true;
  if (t === '0' || t === 'false') return false;
  return undefined;
}

/** xsd:double's lexical form without INF and NaN, which a cell cannot hold. */
const DOUBLE = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/** A finite number from a value's decoded text, or undefined when it is not an xsd:double. */
export function strictNumber(text: string): number | undefined {
  const t = text.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '');
  if (!DOUBLE.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A date cell stored as ISO 8601 text (t="d", as some writers and Strict OOXML store them) → the
 * serial number Excel stores for it, so it reads like any other date cell: days since
 * 1899-12-30 (1904-01-01 when `date1904`), the time as a fraction. A date ("2018-03-12"), a
 * date and time ("2018-03-12T08:30", seconds and their fractions optional), or a time alone
 * ("08:30:00", a fraction of a day in either system). A time-zone designator ("Z", "+07:00") is
 * accepted and the time kept as written: a cell holds the wall-clock time people typed, with no
 * zone. Undefined when the text is not such a date or time.
 */
export function isoDateSerial(text: string, date1904 = false): number | undefined {
  const m =
    /^(?:(\d{4})-(\d{2})-(\d{2}))?(?:(?:^|T| )(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(
      text.trim(),
    );
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '0', frac = ''] = m;
  if (y === undefined && h === undefined) return undefined;
  let days = 0;
  if (y !== undefined) {
    const date = new Date(0);
    date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
    if (date.getUTCMonth() + 1 !== Number(mo) || date.getUTCDate() !== Number(d)) return undefined;
    days = date.getTime() / 86_400_000 + 25_569 - (date1904 ? DAYS_1904 : 0);
    if (days < 0) return undefined;
  }
  if (h !== undefined) {
    const [hh, mm, ss] = [Number(h), Number(mi), Number(s)];
    if (mm > 59 || ss > 59 || hh > 24 || (hh === 24 && (mm > 0 || ss > 0 || /[1-9]/.test(frac)))) {
      return undefined;
    }
    days += (hh * 3600 + mm * 60 + ss + (frac === '' ? 0 : Number(frac))) / 86_400;
  }
  // whole days stay whole; a time keeps Excel's precision
  return Number.isInteger(days) ? days : Math.round(days * 1e10) / 1e10;
}
