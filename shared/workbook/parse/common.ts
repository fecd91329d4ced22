// What the readers of several sheets share: label choices, cell locations, flag ids, code hints.
import { formatMessage, vi } from '../../i18n/vi';
import type { IssueLocation } from '../../model/issues';
import { labelKey } from '../../scoring/cells';
import { ref } from '../grid';

/** Finds the value whose Vietnamese label matches (case-insensitive); undefined if none. */
export function choiceOf<T extends string>(
  labels: Record<T, string>,
  value: string,
): T | undefined {
  const key = labelKey(value);
  return (Object.keys(labels) as T[]).find(
    (k) => labelKey(labels[k]) === key || labelKey(k) === key,
  );
}

/** The location of the 0-based cell (r, c) of a sheet, for an issue. */
export const at = (sheet: string, r: number, c: number): IssueLocation => ({
  cell: ref(sheet, r, c),
});

/** Vietnamese recognition labels → flag ids ("Sáng kiến…" → initiative). */
export function flagId(label: string): string {
  const key = labelKey(label);
  for (const [id, name] of Object.entries(vi.awards.flags)) {
    if (labelKey(name) === key || labelKey(name).startsWith(key) || key === id) return id;
  }
  return label;
}

/** "Chỉ số" → index; anything else stays as written (field code, component id, PCI…). */
export function measureId(label: string): string {
  return labelKey(label) === labelKey('Chỉ số') ? 'index' : label;
}

/**
 * " (có phải "DV001"?)" when a code differs from a known one only in letter case, else "": codes
 * are matched exactly, but a person typing "dv001" should be told which code was meant.
 */
export function hintFor(code: string, known: Iterable<string>): string {
  const key = code.toLocaleLowerCase('vi');
  for (const k of known) {
    if (k.toLocaleLowerCase('vi') === key) return formatMessage(vi.labels.didYouMean, { code: k });
  }
  return '';
}
