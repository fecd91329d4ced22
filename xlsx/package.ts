/** The opened .xlsx package: zip entries, part lookup, relationships, and the workbook's sheet list. */
import { XlsxError } from './types';
import {
  entryData,
  MAX_PART_BYTES,
  MAX_WORKBOOK_BYTES,
  ZipFormatError,
  type ZipEntry,
} from './zip';
import { findElement, findElements, prefixedAttr, rootPrefix } from './xml';
import { formatMessage, vi } from '../shared/i18n/vi';

export interface SheetRef {
  name: string;
  sheetId: number;
  /** relationship id in workbook.xml.rels */
  rId: string;
  /** part path inside the zip, e.g. "xl/worksheets/sheet1.xml" */
  path: string;
  /** last segment of the relationship type: "worksheet", "chartsheet", "dialogsheet"… */
  kind: string;
}

export interface Package {
  /** file name (or a description) used in error messages */
  readonly label: string;
  /** zip entries in archive order; compressed bytes kept, each inflated on first use */
  readonly entries: readonly ZipEntry[];
  /** entries by lower-cased name: OPC part names are case-insensitive */
  readonly byName: ReadonlyMap<string, ZipEntry>;
  readonly workbookPath: string;
  /** sheets in workbook order */
  readonly sheets: readonly SheetRef[];
  /** ISO/IEC 29500 Strict namespaces instead of the usual Transitional ones */
  readonly strict: boolean;
  /** shared strings, parsed on first need */
  sharedStrings?: string[];
  /**
   * Sheet entries of workbook.xml that lead to no part (an empty or unknown relationship id:
   * leftovers of another program): not in `sheets`, an error only if one of them is asked for.
   */
  readonly unlinkedSheets: readonly { name: string; sheetId: number }[];
  /** dates count from 1904-01-01 (workbookPr date1904="1"), not 1899-12-30 */
  readonly date1904?: boolean;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** where the <Relationship> element sits in the rels text */
  start: number;
  end: number;
}

const utf8 = new TextDecoder('utf-8');
const utf16 = new TextDecoder('utf-16le');
const encoder = new TextEncoder();

const CONTENT_TYPES = '[Content_Types].xml';

export function notXlsx(label: string): XlsxError {
  return new XlsxError('notXlsx', formatMessage(vi.xlsx.notXlsx, { label }));
}

export function missingPart(label: string, part: string): XlsxError {
  return new XlsxError('missingPart', formatMessage(vi.xlsx.missingPart, { label, part }));
}

const D = vi.xlsx.damaged;
const MB = 2 ** 20;

/** A part for a message: quoted, with its sheet's name when it is a sheet of the workbook. */
function partName(part: string, sheets?: readonly SheetRef[]): string {
  const key = part.toLowerCase();
  const sheet = sheets?.find((s) => s.path.toLowerCase() === key);
  return sheet
    ? formatMessage(D.sheetPart, { part, name: sheet.name })
    : formatMessage(D.part, { part });
}

/** The user-facing error for a ZipFormatError: "not an .xlsx", or "Tệp bị hỏng" naming the part. */
export function zipError(
  label: string,
  e: ZipFormatError,
  sheets?: readonly SheetRef[],
): XlsxError {
  if (e.kind === 'format' || e.part === undefined) return notXlsx(label);
  const part = partName(e.part, sheets);
  const mb = Math.ceil((e.value ?? 0) / MB);
  const message =
    e.kind === 'partTooLarge'
      ? formatMessage(D.partTooLarge, { part, label, size: mb, max: MAX_PART_BYTES / MB })
      : e.kind === 'workbookTooLarge'
        ? formatMessage(D.workbookTooLarge, { part, label, size: mb, max: MAX_WORKBOOK_BYTES / MB })
        : e.kind === 'method'
          ? formatMessage(D.method, { part, label, method: e.value ?? '?' })
          : formatMessage(D[e.kind], { part, label });
  return new XlsxError('damaged', message);
}

/** Runs `fn`, turning a damaged zip found on the way into the user-facing error. */
export function guardZip<T>(
  pkg: { readonly label: string; readonly sheets?: readonly SheetRef[] },
  fn: () => T,
): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ZipFormatError) throw zipError(pkg.label, e, pkg.sheets);
    throw e;
  }
}

/**
 * The text of an XML part: UTF-8 (a BOM dropped) or UTF-16 of either byte order (told by its
 * BOM or, without one, by the first '<'), as the XML standard allows. The declaration of a
 * UTF-16 part is made to say UTF-8, so that the text, once edited, is written back as UTF-8.
 */
export function xmlText(bytes: Uint8Array): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  let s: string;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0x3c && b1 === 0x00)) {
    s = utf16.decode(bytes);
  } else if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0x00 && b1 === 0x3c)) {
    const swapped = new Uint8Array(bytes.length & ~1);
    for (let i = 0; i < swapped.length; i += 2) {
      swapped[i] = bytes[i + 1];
      swapped[i + 1] = bytes[i];
    }
    s = utf16.decode(swapped);
  } else {
    s = utf8.decode(bytes);
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  return s.replace(/^(<\?xml[^>]*?encoding\s*=\s*["'])[^"']*/, '$1UTF-8');
}

/** A part's bytes as UTF-8 (for the byte-level worksheet scanner): UTF-16 transcoded, else as is. */
export function utf8Xml(bytes: Uint8Array): Uint8Array {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const isUtf16 = (b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff);
  return isUtf16 || (b0 === 0x3c && b1 === 0x00) || (b0 === 0x00 && b1 === 0x3c)
    ? encoder.encode(xmlText(bytes))
    : bytes;
}

export function findEntry(pkg: Pick<Package, 'byName'>, path: string): ZipEntry | undefined {
  return pkg.byName.get(path.toLowerCase());
}

/** Uncompressed bytes of a part, or undefined when the package has no such part. */
export function readEntry(pkg: Package, path: string): Uint8Array | undefined {
  const e = findEntry(pkg, path);
  return e ? guardZip(pkg, () => entryData(e)) : undefined;
}

/** Text of an XML part (see xmlText), or undefined when missing. */
export function readText(
  pkg: Pick<Package, 'byName' | 'label'> & { readonly sheets?: readonly SheetRef[] },
  path: string,
): string | undefined {
  const e = findEntry(pkg, path);
  if (!e) return undefined;
  return xmlText(guardZip(pkg, () => entryData(e)));
}

export function dirOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash < 0 ? '' : part.slice(0, slash);
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels ('' = package). */
export function relsPathOf(part: string): string {
  if (part === '') return '_rels/.rels';
  const dir = dirOf(part);
  const base = part.slice(dir.length === 0 ? 0 : dir.length + 1);
  return (dir === '' ? '' : dir + '/') + '_rels/' + base + '.rels';
}

/** A relationship target → zip entry name, relative to the source part's folder unless absolute. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // not percent-encoded after all
  }
  const segments = t.startsWith('/') ? [] : dirOf(sourcePart).split('/').filter(Boolean);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  return segments.join('/');
}

/** A part path relative to a folder, for a new relationship's Target. */
export function relativeTarget(fromDir: string, part: string): string {
  return fromDir !== '' && part.startsWith(fromDir + '/')
    ? part.slice(fromDir.length + 1)
    : '/' + part;
}

export function parseRels(xml: string): Relationship[] {
  const p = rootPrefix(xml);
  return findElements(xml, p + 'Relationship').map((el) => ({
    id: el.attrs.get('Id') ?? '',
    type: el.attrs.get('Type') ?? '',
    target: el.attrs.get('Target') ?? '',
    external: el.attrs.get('TargetMode') === 'External',
    start: el.start,
    end: el.end,
  }));
}

/** Last segment of a relationship type URI, the same in Transitional and Strict. */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

/** Sheet names are unique without regard to case in Excel; NFC so that composed and decomposed Vietnamese match. */
export function sheetKey(name: string): string {
  return name.normalize('NFC').toUpperCase();
}

/**
 * The error for a sheet entry of workbook.xml that leads to no part, when `name` (not a readable
 * sheet) is one: asked for, or about to be written.
 */
export function unlinkedSheetError(pkg: Package, name: string): XlsxError | undefined {
  const key = sheetKey(name);
  const entry = pkg.unlinkedSheets.find((s) => sheetKey(s.name) === key);
  if (!entry || findSheet(pkg, name)) return undefined;
  return new XlsxError(
    'damaged',
    formatMessage(D.sheetWithoutPart, { name: entry.name, part: pkg.workbookPath }),
  );
}

export function findSheet(pkg: Package, name: string): SheetRef | undefined {
  const exact = pkg.sheets.find((s) => s.name === name);
  if (exact) return exact;
  const key = sheetKey(name);
  return pkg.sheets.find((s) => sheetKey(s.name) === key);
}

/**
 * A tab named like `name` but for stray spaces ("Đơn vị ", "Chấm  điểm"), for a message: it is
 * not read as that sheet (Excel and Google Sheets look names up exactly, and every host must
 * read the same sheets), but the user is told which tab to rename.
 */
export function nearSheetName(pkg: Package, name: string): string | undefined {
  const loose = (n: string): string => sheetKey(n).trim().replace(/\s+/g, ' ');
  return pkg.sheets.find((s) => s.name !== name && loose(s.name) === loose(name))?.name;
}

/** Builds the package view over zip entries; throws XlsxError when the workbook cannot be located. */
export function openPackage(entries: ZipEntry[], label: string): Package {
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) {
    const key = e.name.toLowerCase();
    // Readers differ on which copy of a part they take: the package is ambiguous, so damaged.
    // (Names come with '/' for '\\' from parseZip.) A folder entry twice is harmless.
    if (byName.has(key) && !key.endsWith('/')) {
      throw new XlsxError(
        'damaged',
        formatMessage(D.twice, { part: partName(byName.get(key)?.name ?? e.name), label }),
      );
    }
    byName.set(key, e);
  }
  const base = { byName, label };

  let workbookPath = 'xl/workbook.xml';
  const rootRels = readText(base, '_rels/.rels');
  if (rootRels !== undefined) {
    const office = parseRels(rootRels).find(
      (r) => !r.external && relKind(r.type) === 'officeDocument',
    );
    if (office) workbookPath = resolveTarget('', office.target);
  }
  const workbook = readText(base, workbookPath);
  if (workbook === undefined) throw missingPart(label, workbookPath);
  // Excel opens no package without it (and the writer adds every new part to it).
  if (!findEntry(base, CONTENT_TYPES)) throw missingPart(label, CONTENT_TYPES);
  const entry = findEntry(base, workbookPath);
  if (entry) workbookPath = entry.name;

  const p = rootPrefix(workbook);
  const sheetsEl = findElement(workbook, p + 'sheets');
  const sheetEls = sheetsEl
    ? findElements(workbook, p + 'sheet', sheetsEl.tagEnd, sheetsEl.end)
    : [];
  const relsPath = relsPathOf(workbookPath);
  const relsXml = readText(base, relsPath);
  if (relsXml === undefined && sheetEls.length > 0) throw missingPart(label, relsPath);
  const rels = new Map(parseRels(relsXml ?? '').map((r) => [r.id, r]));

  const sheets: SheetRef[] = [];
  const unlinkedSheets: { name: string; sheetId: number }[] = [];
  for (const el of sheetEls) {
    const name = el.attrs.get('name') ?? '';
    const sheetId = Number(el.attrs.get('sheetId') ?? 0);
    const rId = prefixedAttr(el.attrs, 'id') ?? '';
    const rel = rels.get(rId);
    if (!rel || rel.external) {
      unlinkedSheets.push({ name, sheetId });
      continue;
    }
    const target = resolveTarget(workbookPath, rel.target);
    const e = findEntry(base, target);
    if (!e) throw missingPart(label, target);
    sheets.push({ name, sheetId, rId, path: e.name, kind: relKind(rel.type) });
  }
  const strict = workbook.includes('http://purl.oclc.org/ooxml/spreadsheetml/main');
  // The date system (xsd:boolean: "1" or "true"), which every date serial in the cells follows.
  const date1904 = /^\s*(1|true)\s*$/.test(
    findElement(workbook, p + 'workbookPr')?.attrs.get('date1904') ?? '',
  );
  return { label, entries, byName, workbookPath, sheets, strict, unlinkedSheets, date1904 };
}
