/**
 * Reading one cell value as the thing a rule needs: a number, a tick, a level, N/A or blank.
 * Pure and shared by every host, so "1,5", "✓" or "#N/A" mean the same in Excel, Sheets and
 * the CLI.
 */
import type { CellValue } from '../model/types';

export type CellReading =
  | { kind: 'blank' }
  | { kind: 'na' }
  | { kind: 'number'; value: number; decimalComma?: boolean }
  | { kind: 'text'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error'; value: string };

/** Spellings of "not applicable" (không áp dụng), compared after NFC + lower case. */
const NA_TOKENS = new Set(['n/a', 'na', 'kad', 'k/a', 'không áp dụng', 'khong ap dung', 'x/a']);
const ERROR_VALUE =
  /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|ERROR!|SPILL!|CALC!|GETTING_DATA)$/i;
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;
const COMMA_NUMBER = /^[-+]?\d+,\d+$/;

/** Unicode NFC + trimmed + collapsed spaces: "Đạt" typed in NFD matches "Đạt" in NFC. */
export function normalizeText(text: string): string {
  // zero-width characters (pasted from web pages and chat apps) are invisible: dropped
  return text
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .trim()
    .replace(/\s+/g, ' ');
}

/** Case-insensitive key of a label (levels, N/A tokens). */
export function labelKey(text: string): string {
  return normalizeText(text).toLocaleLowerCase('vi');
}

export function readCell(raw: CellValue): CellReading {
  if (raw === null || raw === undefined) return { kind: 'blank' };
  if (typeof raw === 'boolean') return { kind: 'bool', value: raw };
  if (typeof raw === 'number') {
    return Number.isFinite(raw)
      ? { kind: 'number', value: raw }
      : { kind: 'error', value: String(raw) };
  }
  const text = normalizeText(raw);
  if (text === '') return { kind: 'blank' };
  if (ERROR_VALUE.test(text)) return { kind: 'error', value: text };
  if (NA_TOKENS.has(text.toLocaleLowerCase('vi'))) return { kind: 'na' };
  if (PLAIN_NUMBER.test(text)) return { kind: 'number', value: Number(text) };
  // "1,5" typed as text in a Vietnamese locale: accepted as 1.5, with a warning.
  if (COMMA_NUMBER.test(text)) {
    return { kind: 'number', value: Number(text.replace(',', '.')), decimalComma: true };
  }
  return { kind: 'text', value: text };
}

/** Words that tick a criterion as done (lower case), besides TRUE and 1. */
export const TICK_DONE: readonly string[] = ['x', '✓', '✔', '☑', 'có', 'đạt', 'true', 'yes', 'v'];
const TRUE_TICKS = new Set(TICK_DONE);
const FALSE_TICKS = new Set(['không', 'không đạt', 'false', 'no', '☐', 'o']);

/** Done / not done from a reading; undefined when the value is not a tick. */
export function tickOf(reading: CellReading, max: number): boolean | undefined {
  switch (reading.kind) {
    case 'bool':
      return reading.value;
    case 'number':
      if (reading.value === 1) return true;
      if (reading.value === 0) return false;
      // A person who typed the full points of a tick criterion meant "done".
      return reading.value === max ? true : undefined;
    case 'text': {
      const key = reading.value.toLocaleLowerCase('vi');
      if (TRUE_TICKS.has(key)) return true;
      if (FALSE_TICKS.has(key)) return false;
      return undefined;
    }
    default:
      return undefined;
  }
}
