/** Numbers, names and run details as the pane shows and reads them (decimal comma, counts). */
import { formatMessage, vi } from '../../shared/i18n/vi';
import type { Issue } from '../../shared/model/issues';
import { formatMicro, toMicro } from '../../shared/numbers/points';
import { numberOf } from '../../shared/workbook/grid';

const U = vi.ui;

/** A text read back: its value, or the Vietnamese reason it cannot be read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

/** A number as a Vietnamese user reads it: decimal comma, no grouping ("2,5"). */
export function numberText(n: number | undefined): string {
  return n === undefined || !Number.isFinite(n) ? '' : String(n).replace('.', ',');
}

/** A date as the pane shows it: "2018-03-30" → "30/03/2018" (day/month/year, as typed). */
export function dateText(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (iso ?? '');
}

/** "2,5", "2.5" or 2.5 → 2.5 (the workbook's own number reader). */
export function parseNumber(text: string): Parsed<number> {
  const n = numberOf(text);
  return n === undefined ? fail(U.input.badNumber) : ok(n);
}

/** A whole number ≥ 0, or undefined for a blank text (e.g. "no cap"). */
export function parseCount(text: string): Parsed<number | undefined> {
  if (text.trim() === '') return ok(undefined);
  const n = numberOf(text);
  return n === undefined || !Number.isInteger(n) || n < 0 ? fail(U.input.badCount) : ok(n);
}

/** A required name (criterion, block, award type): trimmed, never empty. */
export function setName(item: { name: string }, text: string): string | undefined {
  const name = text.trim();
  if (name === '') return U.input.required;
  item.name = name;
  return undefined;
}

/** The message of an issue without its location (the pane shows it next to the field). */
export function issueMessage(issue: Issue): string {
  const template = issue.severity === 'error' ? vi.errors[issue.key] : vi.warnings[issue.key];
  return formatMessage(template, issue.params);
}

/** The most unit columns "Tạo mẫu" makes (see TemplateOptions). */
export const MAX_TEMPLATE_UNITS = 2000;

/** "2026-11-25 16:20:55" (a host's run time) → "16:20:55 25/11/2026", as Vietnamese write it. */
export function displayTime(time: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2}(?::\d{2})?)$/.exec(time);
  return m ? `${m[4]} ${m[3]}/${m[2]}/${m[1]}` : time;
}

/** An index with the campaign's decimals and a decimal comma (98.5 → "98,50"). */
export function indexText(index: number | null, decimals: number): string {
  return index === null ? vi.labels.noIndex : formatMicro(toMicro(index), decimals);
}
