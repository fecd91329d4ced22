/** Reading an .xlsx: open the package once, then parse only the sheets asked for with a hand-written scanner. */
import {
  findEntry,
  findSheet,
  guardZip,
  openPackage,
  parseRels,
  readEntry,
  readText,
  relKind,
  relsPathOf,
  resolveTarget,
  unlinkedSheetError,
  utf8Xml,
  zipError,
  type Package,
} from './package';
import { PartDamage, type MalformedWhat } from './damage';
import type { SheetData } from './types';
import { entryData, parseZip, verifyEntry, ZipFormatError } from './zip';
import { parseSharedStrings } from './strings';
import { parseWorksheet } from './worksheet';
import { formatMessage, vi } from '../shared/i18n/vi';
import { XlsxError } from './types';

export type { Package, SheetRef } from './package';
export { readEntry } from './package';

/**
 * Opens a package from its bytes: the zip directory is read once and kept (entries are inflated
 * only when used), the workbook and its relationships are parsed to map sheet names to parts.
 * `label` names the file in error messages.
 */
export function readPackage(bytes: Uint8Array, label: string = vi.xlsx.unnamed): Package {
  // An OLE compound file: a password-protected .xlsx (Excel encrypts into one) or an old .xls.
  if (OLE.every((b, i) => bytes[i] === b)) {
    throw new XlsxError('notXlsx', formatMessage(vi.xlsx.oleFile, { label }));
  }
  let entries;
  try {
    entries = parseZip(bytes);
  } catch (e) {
    if (e instanceof ZipFormatError) throw zipError(label, e);
    throw e;
  }
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (mimetype && !entries.some((e) => e.name.toLowerCase() === 'xl/workbook.xml')) {
    // OpenDocument (.ods) keeps its type, uncompressed, in "mimetype"
    let type = '';
    try {
      type = new TextDecoder().decode(entryData(mimetype).subarray(0, 80));
    } catch {
      // unreadable: the usual message below
    }
    if (type.startsWith('application/vnd.oasis.opendocument')) {
      throw new XlsxError('notXlsx', formatMessage(vi.xlsx.openDocument, { label }));
    }
  }
  return openPackage(entries, label);
}

/** The signature of an OLE compound file. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Whether the workbook is macro-enabled (.xlsm): its main part's content type says so. Excel
 * opens such a package only under an .xlsm name, and a plain one only under .xlsx.
 */
export function isMacroEnabled(pkg: Package): boolean {
  const types = readText(pkg, '[Content_Types].xml') ?? '';
  return types.includes('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
}

/** Sheet names in workbook (tab) order. */
export function sheetNames(pkg: Package): string[] {
  return pkg.sheets.map((s) => s.name);
}

/**
 * The named sheets that exist, keyed by the name asked for (a name matches without regard to
 * case or Unicode normalization, as Excel does); missing names are simply absent.
 */
export function readSheets(pkg: Package, names: string[]): Map<string, SheetData> {
  const out = new Map<string, SheetData>();
  for (const name of names) {
    const unlinked = unlinkedSheetError(pkg, name);
    if (unlinked) throw unlinked;
    const ref = findSheet(pkg, name);
    if (!ref || out.has(name)) continue;
    const bytes = utf8Xml(readEntry(pkg, ref.path) ?? new Uint8Array(0));
    let data;
    try {
      data = parseWorksheet(bytes, () => sharedStrings(pkg), { date1904: pkg.date1904 });
    } catch (e) {
      if (e instanceof PartDamage) throw damageError(e, ref.path, ref.name);
      throw e;
    }
    out.set(name, { name: ref.name, ...data });
  }
  return out;
}

/**
 * Checks every entry of the package (CRC-32, sizes, as reading does) without keeping the bytes
 * of those not read yet: what `check` does so that it refuses what `rank` would refuse when
 * copying an unread entry into its output. Throws XlsxError naming the first damaged part.
 */
export function verifyPackage(pkg: Package): void {
  for (const e of pkg.entries) guardZip(pkg, () => verifyEntry(e));
}

/**
 * The workbook's date system: 1904 when it counts dates from 1904-01-01 (workbookPr date1904,
 * old Excel for Mac's default), else 1900. Date serials in its cells count in that system.
 */
export function dateSystem(pkg: Package): 1900 | 1904 {
  return pkg.date1904 ? 1904 : 1900;
}

/** Damage found in a part → the user's error, at the cell when it is one (then `sheet` is known). */
function damageError(e: PartDamage, part: string, sheet?: string): XlsxError {
  const C = vi.xlsx.cells;
  const where =
    sheet === undefined
      ? formatMessage(C.part, { part })
      : formatMessage(C.sheetPart, { part, sheet });
  if (e.kind === 'malformed') {
    const what = formatMessage(C.what[e.params.what as MalformedWhat], { tag: e.params.tag });
    const near = e.params.near ? formatMessage(C.near, { cell: e.params.near }) : '';
    return new XlsxError('damaged', formatMessage(C.malformed, { part: where, what, near }));
  }
  const message = formatMessage(C[e.kind], { ...e.params, part: where, sheet: sheet ?? '' });
  const cell =
    e.cell && sheet !== undefined ? { sheet, row: e.cell.row + 1, col: e.cell.col + 1 } : undefined;
  return new XlsxError('damaged', message, cell);
}

function sharedStrings(pkg: Package): string[] {
  if (pkg.sharedStrings) return pkg.sharedStrings;
  let path = 'xl/sharedStrings.xml';
  const rels = readText(pkg, relsPathOf(pkg.workbookPath));
  const rel = rels && parseRels(rels).find((r) => relKind(r.type) === 'sharedStrings');
  if (rel) path = resolveTarget(pkg.workbookPath, rel.target);
  const xml = findEntry(pkg, path) ? (readText(pkg, path) ?? '') : '';
  try {
    pkg.sharedStrings = parseSharedStrings(xml);
  } catch (e) {
    if (e instanceof PartDamage) throw damageError(e, findEntry(pkg, path)?.name ?? path);
    throw e;
  }
  return pkg.sharedStrings;
}
