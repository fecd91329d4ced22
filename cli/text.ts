/** Plain-text tables for the terminal: numbers right-aligned with a decimal comma. */
import { formatMicro, toMicro, type CellValue } from '../shared';

function cellText(value: CellValue, format: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && format?.startsWith('0.')) {
    return formatMicro(toMicro(value), format.length - 2);
  }
  return String(value);
}

export function textTable(
  header: readonly string[],
  rows: readonly (readonly CellValue[])[],
  formats: readonly (string | undefined)[],
): string {
  const cells = [[...header], ...rows.map((r) => r.map((v, i) => cellText(v, formats[i])))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
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
