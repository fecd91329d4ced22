/** <dataValidations> and <sheetProtection> of a written worksheet, with Vietnamese messages. */
import { sqrefText } from './ranges';
import type { Validation } from './types';
import { escapeAttr, escapeCellText } from './xml';
import { formatMessage, vi } from '../shared/i18n/vi';

/** Excel's limits on validation texts; longer ones make it report a damaged file. */
const MAX_LIST = 255;
const MAX_ERROR = 225;
const MAX_PROMPT = 255;
const V = vi.xlsx.validation;
const ERROR_TITLE = V.errorTitle;

/** The hidden sheet holding drop-down lists that cannot be written inline. */
export const LIST_SHEET = V.listSheet;

/**
 * A list as Excel's inline list formula ("a,b,c" in quotes), or undefined when Excel cannot
 * hold it so: an item with a comma (the separator, whatever the locale) or more than 255
 * characters in all.
 */
export function inlineList(values: readonly string[]): string | undefined {
  if (values.length === 0 || values.some((x) => x.includes(','))) return undefined;
  const joined = values.join(',');
  if (joined.length > MAX_LIST) return undefined;
  return `"${joined.replace(/"/g, '""')}"`;
}

/** The default error message of a drop-down list. */
export function listMessage(values: readonly string[]): string {
  return clip(formatMessage(V.chooseFrom, { values: values.join('; ') }), MAX_ERROR);
}

/** A number as a Vietnamese reader writes it: decimal comma. */
function vn(x: number): string {
  return String(x).replace('.', ',');
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1) + '…';
}

function finite(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** formula1/formula2 and the default message of one rule; RangeError for a rule Excel cannot hold. */
function rule(v: Validation): { attrs: string; formulas: string[]; message: string } {
  const kinds = [v.values, v.listRange, v.decimal, v.whole].filter((k) => k !== undefined);
  if (kinds.length !== 1) {
    throw new RangeError(formatMessage(V.oneKind, { range: v.range }));
  }
  if (v.values) {
    if (v.values.length === 0) throw new RangeError(formatMessage(V.emptyList, { range: v.range }));
    const list = inlineList(v.values);
    if (list === undefined) {
      throw new RangeError(
        formatMessage(V.listNotInline, { range: v.range, max: MAX_LIST, sheet: LIST_SHEET }),
      );
    }
    return { attrs: ' type="list"', formulas: [list], message: listMessage(v.values) };
  }
  if (v.listRange !== undefined) {
    const source = v.listRange.replace(/^=/, '').trim();
    if (source === '') throw new RangeError(formatMessage(V.emptyList, { range: v.range }));
    return {
      attrs: ' type="list"',
      formulas: [source],
      message: V.choose,
    };
  }
  if (v.decimal) {
    const { min, max } = v.decimal;
    if (!finite(min) || !finite(max) || min > max) {
      throw new RangeError(formatMessage(V.badDecimal, { range: v.range, min, max }));
    }
    return {
      attrs: ' type="decimal"',
      formulas: [String(min), String(max)],
      message: formatMessage(V.between, { min: vn(min), max: vn(max) }),
    };
  }
  const { min, max } = v.whole as { min: number; max?: number };
  if (
    !Number.isSafeInteger(min) ||
    (max !== undefined && (!Number.isSafeInteger(max) || max < min))
  ) {
    throw new RangeError(formatMessage(V.badWhole, { range: v.range, min, max: max ?? '' }));
  }
  return max === undefined
    ? {
        attrs: ' type="whole" operator="greaterThanOrEqual"',
        formulas: [String(min)],
        message: formatMessage(V.wholeFrom, { min: vn(min) }),
      }
    : {
        attrs: ' type="whole"',
        formulas: [String(min), String(max)],
        message: formatMessage(V.wholeBetween, { min: vn(min), max: vn(max) }),
      };
}

/**
 * The <dataValidations> element ('' for none). Lists show their drop-down arrow: Excel's
 * showDropDown attribute means the opposite of its name (1 hides the arrow), so it is left out.
 * Blank cells are allowed; a wrong value is refused with a Vietnamese message.
 */
export function dataValidationsXml(validations: Validation[] | undefined): string {
  if (!validations || validations.length === 0) return '';
  const out: string[] = [`<dataValidations count="${validations.length}">`];
  for (const v of validations) {
    const sqref = sqrefText(v.range);
    const { attrs, formulas, message } = rule(v);
    const error = v.error ?? message;
    if (error.length > MAX_ERROR) {
      throw new RangeError(formatMessage(V.errorTooLong, { range: v.range, max: MAX_ERROR }));
    }
    if (v.prompt !== undefined && v.prompt.length > MAX_PROMPT) {
      throw new RangeError(formatMessage(V.promptTooLong, { range: v.range, max: MAX_PROMPT }));
    }
    const prompt =
      v.prompt !== undefined && v.prompt !== ''
        ? ` showInputMessage="1" prompt="${escapeAttr(v.prompt)}"`
        : '';
    out.push(
      `<dataValidation${attrs} allowBlank="1"${prompt} showErrorMessage="1"` +
        ` errorTitle="${escapeAttr(ERROR_TITLE)}" error="${escapeAttr(error)}" sqref="${sqref}">` +
        formulas.map((f, i) => `<formula${i + 1}>${escapeCellText(f)}</formula${i + 1}>`).join('') +
        '</dataValidation>',
    );
  }
  out.push('</dataValidations>');
  return out.join('');
}

/**
 * Sheet protection without a password: cells are locked unless their style says otherwise;
 * people may still resize columns and rows, filter and sort.
 */
export const SHEET_PROTECTION =
  '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" autoFilter="0" sort="0"/>';
