/** Plain-text tables for the terminal: numbers right-aligned with a decimal comma. */
import { formatMicro, toMicro, type CellValue } from '../shared';

function cellText(value: CellValue, format: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && format?.startsWith('0.')) {
    return formatMicro(toMicro(value), format.length - 2);
  }
  return String(value);
}

/** Widest a column other than the last may be: a 600-character name would widen every line. */
const MAX_COLUMN = 60;

/** One line (line breaks and tabs become spaces), cut to `max` characters with "…". */
function fit(text: string, max: number): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ');
  const chars = [...flat];
  return chars.length <= max ? flat : chars.slice(0, max - 1).join('') + '…';
}

/**
 * A table with " | " between columns. Every column but the last (the message or the note, read
 * whole) is cut to MAX_COLUMN characters.
 */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly CellValue[])[],
  formats: readonly (string | undefined)[],
): string {
  const last = header.length - 1;
  const show = (v: CellValue, i: number): string =>
    i === last ? fit(cellText(v, formats[i]), Infinity) : fit(cellText(v, formats[i]), MAX_COLUMN);
  const cells = [[...header], ...rows.map((r) => r.map(show))];
  // a loop, not Math.max(...rows): a spread of a very long table overflows the stack
  const widths = header.map((_, i) =>
    cells.reduce((w, r) => Math.max(w, [...(r[i] ?? '')].length), 0),
  );
  const pad = (t: string, i: number, numeric: boolean): string => {
    const gap = ' '.repeat(Math.max(0, widths[i] - [...t].length));
    return numeric ? gap + t : t + gap;
  };
  const numeric = (i: number): boolean => formats[i] !== undefined && formats[i] !== '@';
  const line = (r: string[], isHeader: boolean): string =>
    r.map((t, i) => pad(t, i, !isHeader && numeric(i))).join(' | ');
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  return [line(cells[0], true), rule, ...cells.slice(1).map((r) => line(r, false))].join('\n');
}
