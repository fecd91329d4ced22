/**
 * The names forms go out under: a file per unit (CLI folder, Excel's .zip) or a sheet per unit
 * (Google Sheets). Unit codes are free text, and two codes can make the same name ("S#1" and
 * "S$1" both become "S_1.xlsx"; "dv01" and "DV01" are one file on Windows and macOS and one sheet
 * name in Google Sheets), so names are made unique here, for every host alike:
 *
 * - a code whose name no other code (nor a campaign sheet) shares keeps its plain name;
 * - every code of a clashing group gets "-" and 8 hex digits of a checksum of the code itself
 *   ("S_1-3f1a09c2.xlsx"), so a name depends on the set of codes, never on the unit order;
 * - in the (astronomically unlikely) case that a suffixed name still clashes, the codes of that
 *   clash, sorted, get a counter as well.
 *
 * Which unit a returned form belongs to is read from the form itself ("Mã đơn vị"), never from
 * its name: a renamed file merges the same.
 */
import { error, type Issue } from '../model/issues';
import type { UnitSpec } from '../model/types';
import { normalizeText } from '../scoring/cells';

/** Names compared as file systems and Google Sheets compare them: NFC, case-insensitive. */
const keyOf = (name: string): string => name.normalize('NFC').toLowerCase();

/** 8 hex digits of FNV-1a over the code: a short suffix that only the code decides. */
export function codeSuffix(code: string): string {
  let h = 0x811c9dc5;
  const s = code.normalize('NFC');
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Longest file name part kept from a code (the suffix and ".xlsx" come on top). */
const FILE_BASE_MAX = 100;
/** Google Sheets holds sheet names of up to 100 characters. */
export const SHEET_NAME_MAX = 100;

/** Device names Windows will not create a file under, whatever the extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

const cut = (s: string, max: number): string => {
  const chars = Array.from(s);
  return chars.length > max ? chars.slice(0, max).join('') : s;
};

/** A text as a file name part: letters, digits, dot, dash and underscore kept, the rest "_". */
export const safeFileName = (s: string): string =>
  s.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '_');

/** A unit code as the stem of a file name: never hidden, never a Windows device, never empty. */
function fileStem(unit: string): string {
  let s = safeFileName(unit).replace(/^\.+/, (dots) => '_'.repeat(dots.length));
  if (s === '') s = '_';
  if (WINDOWS_DEVICE.test(s)) s = `_${s}`;
  return cut(s, FILE_BASE_MAX);
}

/** The plain file name of a unit's form: "DV001" → "DV001.xlsx" (before any clash is settled). */
export function formFileName(unit: string): string {
  return `${fileStem(unit)}.xlsx`;
}

/**
 * One name per code, unique under `keyOf` and apart from `reserved`: plain names where they do
 * not clash, the code's suffix where they do (see the file's comment).
 */
function uniqueNames(
  codes: readonly string[],
  plain: (code: string) => string,
  suffixed: (code: string, suffix: string) => string,
  reserved: readonly string[],
): Map<string, string> {
  const taken = new Set(reserved.map(keyOf));
  const count = new Map<string, number>();
  for (const code of codes) {
    const k = keyOf(plain(code));
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  const names = new Map<string, string>();
  for (const code of codes) {
    const name = plain(code);
    const k = keyOf(name);
    names.set(code, count.get(k) === 1 && !taken.has(k) ? name : suffixed(code, codeSuffix(code)));
  }
  // A suffixed name may still meet another name: those codes, in code order, take the first
  // counter that makes their name free.
  const owners = new Map<string, number>();
  for (const name of names.values()) owners.set(keyOf(name), (owners.get(keyOf(name)) ?? 0) + 1);
  const clashing = codes
    .filter((code) => {
      const k = keyOf(names.get(code) as string);
      return (owners.get(k) ?? 0) > 1 || taken.has(k);
    })
    .sort();
  if (clashing.length === 0) return names;
  const used = new Set(taken);
  const settling = new Set(clashing);
  for (const [code, name] of names) if (!settling.has(code)) used.add(keyOf(name));
  for (const code of clashing) {
    let n = 1;
    let name = suffixed(code, `${codeSuffix(code)}-${n}`);
    while (used.has(keyOf(name))) name = suffixed(code, `${codeSuffix(code)}-${++n}`);
    used.add(keyOf(name));
    names.set(code, name);
  }
  return names;
}

/** Unit codes a form can be named after: none empty, none twice (as compiling the campaign says). */
export function unitCodeIssues(units: readonly Pick<UnitSpec, 'id' | 'source'>[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const unit of units) {
    const id = normalizeText(String(unit.id ?? ''));
    const at = unit.source ? { cell: unit.source, unit: id } : { unit: id };
    if (id === '') issues.push(error('emptyUnitId', {}, at));
    else if (seen.has(id)) issues.push(error('duplicateUnit', { id }, at));
    seen.add(id);
  }
  return issues;
}

/** The .xlsx file name of each unit's form, unique even where codes clash (by unit code). */
export function formFileNames(units: readonly string[]): Map<string, string> {
  return uniqueNames(units, formFileName, (code, suffix) => `${fileStem(code)}-${suffix}.xlsx`, []);
}

/** A code inside a sheet name: no control characters (Google Sheets shows them as nothing). */
const sheetSafe = (s: string): string => s.normalize('NFC').replace(/\p{Cc}+/gu, '_');

/**
 * The sheet name of each unit's form inside a Google Sheets campaign ("Phiếu DV001"): at most
 * 100 characters, unique case-insensitively, and never one of `reserved` (the campaign's own
 * sheets: a unit coded "bầu" must not take "Phiếu bầu").
 */
export function formSheetNames(
  units: readonly string[],
  template: string,
  reserved: readonly string[],
): Map<string, string> {
  const make = (code: string, suffix: string): string => {
    const room = SHEET_NAME_MAX - template.replace('{unit}', '').length - suffix.length;
    return template.replace('{unit}', cut(sheetSafe(code), Math.max(1, room)) + suffix);
  };
  return uniqueNames(
    units,
    (code) => make(code, ''),
    (code, suffix) => make(code, `-${suffix}`),
    reserved,
  );
}
