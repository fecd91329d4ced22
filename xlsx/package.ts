/** The opened .xlsx package: zip entries, part lookup, relationships, and the workbook's sheet list. */
import { XlsxError } from './types';
import { entryData, ZipFormatError, type ZipEntry } from './zip';
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

export function notXlsx(label: string): XlsxError {
  return new XlsxError('notXlsx', formatMessage(vi.xlsx.notXlsx, { label }));
}

export function missingPart(label: string, part: string): XlsxError {
  return new XlsxError('missingPart', formatMessage(vi.xlsx.missingPart, { label, part }));
}

/** Runs `fn`, turning a damaged zip found on the way into the user-facing error. */
function guardZip<T>(label: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ZipFormatError) throw notXlsx(label);
    throw e;
  }
}

export function findEntry(pkg: Pick<Package, 'byName'>, path: string): ZipEntry | undefined {
  return pkg.byName.get(path.toLowerCase());
}

/** Uncompressed bytes of a part, or undefined when the package has no such part. */
export function readEntry(pkg: Package, path: string): Uint8Array | undefined {
  const e = findEntry(pkg, path);
  return e ? guardZip(pkg.label, () => entryData(e)) : undefined;
}

/** Text of a part (UTF-8; a BOM is dropped), or undefined when missing. */
export function readText(pkg: Pick<Package, 'byName' | 'label'>, path: string): string | undefined {
  const e = findEntry(pkg, path);
  if (!e) return undefined;
  const s = utf8.decode(guardZip(pkg.label, () => entryData(e)));
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
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
    if (!byName.has(key)) byName.set(key, e);
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

  const sheets: SheetRef[] = sheetEls.map((el) => {
    const name = el.attrs.get('name') ?? '';
    const rId = prefixedAttr(el.attrs, 'id') ?? '';
    const rel = rels.get(rId);
    if (!rel)
      throw missingPart(
        label,
        formatMessage(vi.xlsx.sheetPart, { part: `${relsPath}#${rId}`, name }),
      );
    const target = resolveTarget(workbookPath, rel.target);
    const e = findEntry(base, target);
    if (!e) throw missingPart(label, target);
    return {
      name,
      sheetId: Number(el.attrs.get('sheetId') ?? 0),
      rId,
      path: e.name,
      kind: relKind(rel.type),
    };
  });
  const strict = workbook.includes('http://purl.oclc.org/ooxml/spreadsheetml/main');
  // The date system (xsd:boolean: "1" or "true"), which every date serial in the cells follows.
  const date1904 = /^\s*(1|true)\s*$/.test(
    findElement(workbook, p + 'workbookPr')?.attrs.get('date1904') ?? '',
  );
  return { label, entries, byName, workbookPath, sheets, strict, date1904 };
}
