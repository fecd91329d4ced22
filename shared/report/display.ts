/**
 * A cell as the report prints it in text (the Word appendix, the clipboard): numbers by the
 * column's number format with the Vietnamese decimal comma ("96,53"), text as it is, empty as
 * "". The values are already the printed, rounded numbers; this only spells them.
 */
import type { CellValue } from '../model/types';

export function displayValue(value: CellValue | undefined, format: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  // "+0.00;-0.00;0.00": a signed change, "+" before a positive number
  const signed = /^\+(0(?:\.0+)?);-\1;\1$/.exec(format);
  const plain = signed ? signed[1] : format;
  const decimals = /^0\.(0+)$/.exec(plain)?.[1].length ?? (plain === '0' ? 0 : undefined);
  const text = decimals === undefined ? String(value) : value.toFixed(decimals);
  const sign = signed && value > 0 && Number(text) !== 0 ? '+' : '';
  return sign + text.replace('.', ',');
}
