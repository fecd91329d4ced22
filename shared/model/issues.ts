/**
 * Problems found in a campaign. The core never throws on bad input: it collects every
 * problem, each with a location and a message key from the one dictionary (i18n/vi.ts).
 */
import { formatMessage, vi } from '../i18n/vi';
import type { CellRef } from './types';

export type ErrorKey = keyof typeof vi.errors;
export type WarningKey = keyof typeof vi.warnings;

/** Where a problem is: a cell when the model came from a sheet, else the ids involved. */
export interface IssueLocation {
  cell?: CellRef;
  criterion?: string;
  unit?: string;
  component?: string;
  block?: string;
  award?: string;
  nomination?: string;
  ballot?: string;
  /** A whole file (when it cannot be read or written). */
  file?: string;
  /** The workbook as a whole (a missing sheet). */
  workbook?: boolean;
  settings?: boolean;
}

export type Issue =
  | { severity: 'error'; key: ErrorKey; params: Record<string, unknown>; at: IssueLocation }
  | { severity: 'warning'; key: WarningKey; params: Record<string, unknown>; at: IssueLocation };

export function error(key: ErrorKey, params: Record<string, unknown>, at: IssueLocation): Issue {
  return { severity: 'error', key, params, at };
}

export function warning(
  key: WarningKey,
  params: Record<string, unknown>,
  at: IssueLocation,
): Issue {
  return { severity: 'warning', key, params, at };
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** 1-based column number → letters (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1-style address of a cell: row 7, column 4 → "D7". */
export function cellAddress(ref: Pick<CellRef, 'row' | 'col'>): string {
  return `${columnLetters(ref.col)}${ref.row}`;
}

/** The Vietnamese "where" of an issue: "Trang tính 'Chấm điểm', ô D7" or the ids. */
export function formatLocation(at: IssueLocation): string {
  const l = vi.location;
  if (at.cell && at.file) {
    return formatMessage(l.fileCell, {
      file: at.file,
      sheet: at.cell.sheet,
      cell: cellAddress(at.cell),
    });
  }
  if (at.cell) return formatMessage(l.cell, { sheet: at.cell.sheet, cell: cellAddress(at.cell) });
  if (at.unit && at.criterion)
    return formatMessage(l.unitCriterion, { unit: at.unit, code: at.criterion });
  if (at.unit && at.component)
    return `${formatMessage(l.unit, { unit: at.unit })}, ${formatMessage(l.component, { id: at.component })}`;
  if (at.unit) return formatMessage(l.unit, { unit: at.unit });
  if (at.criterion) return formatMessage(l.criterion, { code: at.criterion });
  if (at.component) return formatMessage(l.component, { id: at.component });
  if (at.block) return formatMessage(l.block, { block: at.block });
  if (at.award) return formatMessage(l.award, { award: at.award });
  if (at.nomination) return formatMessage(l.nomination, { id: at.nomination });
  if (at.ballot) return formatMessage(l.ballot, { ballot: at.ballot });
  if (at.file) return formatMessage(l.file, { file: at.file });
  if (at.workbook) return l.workbook;
  return l.settings;
}

/** The full Vietnamese line for a person: "Trang tính 'Chấm điểm', ô D7: Điểm 3 vượt …". */
export function formatIssue(issue: Issue): string {
  const template = issue.severity === 'error' ? vi.errors[issue.key] : vi.warnings[issue.key];
  return `${formatLocation(issue.at)}: ${formatMessage(template, issue.params)}`;
}
