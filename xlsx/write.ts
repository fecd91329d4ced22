/** Writing output sheets into an .xlsx package by replacing or adding worksheet parts, leaving every other part as it was. */
import {
  dirOf,
  findSheet,
  guardZip,
  missingPart,
  openPackage,
  parseRels,
  readText,
  relKind,
  relativeTarget,
  relsPathOf,
  resolveTarget,
  sheetKey,
  unlinkedSheetError,
  type Package,
} from './package';
import { columnName } from './ranges';
import { checkSheetLimits } from './limits';
import { worksheetBytes, sheetStyleKeys } from './sheet';
import { addStyles, MINIMAL_STYLES, styleKey } from './styles';
import type { OutputSheet } from './types';
import { inlineList, LIST_SHEET, listMessage } from './validation';
import { buildZip, newEntry, type ZipEntry } from './zip';
import { escapeAttr, findElement, findElements, rootPrefix } from './xml';
import { formatMessage, vi } from '../shared/i18n/vi';
import { CHART_NS, chartXml, CT_CHART, CT_DRAWING, drawingXml } from './chart';
import { definePrintTitles } from './report';

const TRANSITIONAL = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};
const STRICT = {
  main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
};
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const CONTENT_TYPES = '[Content_Types].xml';

const encoder = new TextEncoder();

/** Characters Excel refuses in a sheet name. */
const BAD_NAME = /[[\]:*?/\\]/;

function checkNewName(name: string): void {
  const len = [...name].length;
  if (
    len === 0 ||
    name.length > 31 ||
    BAD_NAME.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    sheetKey(name) === 'HISTORY'
  ) {
    throw new RangeError(formatMessage(vi.xlsx.badSheetName, { name }));
  }
}

/** The package's text parts being edited, and its entry list; written back only when changed. */
class Edit {
  readonly entries: ZipEntry[];
  private readonly texts = new Map<string, { text: string; dirty: boolean }>();
  private readonly now = new Date();

  constructor(readonly pkg: Package) {
    this.entries = [...pkg.entries];
  }

  private indexOf(path: string): number {
    const key = path.toLowerCase();
    return this.entries.findIndex((e) => e.name.toLowerCase() === key);
  }

  has(path: string): boolean {
    return this.indexOf(path) >= 0;
  }

  /** Current text of a part, edits included. */
  text(path: string): string | undefined {
    const t = this.texts.get(path);
    if (t) return t.text;
    // a part removed in this edit is gone, whatever the original package holds
    if (!this.has(path)) return undefined;
    const s = readText(this.pkg, path);
    if (s !== undefined) this.texts.set(path, { text: s, dirty: false });
    return s;
  }

  setText(path: string, text: string): void {
    const t = this.texts.get(path);
    if (t && t.text === text) return;
    this.texts.set(path, { text, dirty: true });
  }

  /** Replaces an entry's bytes in place, or appends a new entry. */
  put(path: string, data: Uint8Array): void {
    const at = this.indexOf(path);
    const name = at >= 0 ? this.entries[at].name : path;
    const e = newEntry(name, data, this.now);
    if (at >= 0) this.entries[at] = e;
    else this.entries.push(e);
  }

  remove(path: string): void {
    const at = this.indexOf(path);
    if (at >= 0) this.entries.splice(at, 1);
    this.texts.delete(path);
  }

  finish(): Uint8Array {
    for (const [path, t] of this.texts) {
      if (t.dirty) this.put(path, encoder.encode(t.text));
    }
    // buildZip checks each entry it copies verbatim that was not read: name the damaged part.
    return guardZip(this.pkg, () => buildZip(this.entries));
  }
}

function insertBefore(xml: string, at: number, text: string): string {
  return xml.slice(0, at) + text + xml.slice(at);
}

/** Appends a child to the container `qname` (turning <x/> into <x>…</x> when needed). */
function appendChild(xml: string, qname: string, child: string): string {
  const el = findElement(xml, qname);
  if (!el) throw new Error(`no <${qname}>`);
  if (el.selfClosing) {
    const open = xml.slice(el.start, el.tagEnd).replace(/\s*\/>$/, '>');
    return xml.slice(0, el.start) + open + child + `</${qname}>` + xml.slice(el.end);
  }
  return insertBefore(xml, el.end - `</${qname}>`.length, child);
}

function newRelId(relsXml: string): string {
  const ids = new Set(parseRels(relsXml).map((r) => r.id));
  let n = 0;
  for (const id of ids) {
    const m = /^rId(\d+)$/.exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  while (ids.has(`rId${++n}`));
  return `rId${n}`;
}

function addRelationship(edit: Edit, relsPath: string, type: string, target: string): string {
  const xml =
    edit.text(relsPath) ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const id = newRelId(xml);
  const p = rootPrefix(xml);
  const rel = `<${p}Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
  edit.setText(relsPath, appendChild(xml, p + 'Relationships', rel));
  return id;
}

function addOverride(edit: Edit, part: string, contentType: string): void {
  const xml = edit.text(CONTENT_TYPES);
  if (xml === undefined) throw missingPart(edit.pkg.label, CONTENT_TYPES);
  const p = rootPrefix(xml);
  const name = '/' + part;
  const exists = findElements(xml, p + 'Override').some(
    (el) => (el.attrs.get('PartName') ?? '').toLowerCase() === name.toLowerCase(),
  );
  if (exists) return;
  const override = `<${p}Override PartName="${escapeAttr(name)}" ContentType="${contentType}"/>`;
  edit.setText(CONTENT_TYPES, appendChild(xml, p + 'Types', override));
}

function removeOverride(edit: Edit, part: string): void {
  const xml = edit.text(CONTENT_TYPES);
  if (xml === undefined) return;
  const p = rootPrefix(xml);
  const name = '/' + part.toLowerCase();
  const el = findElements(xml, p + 'Override').find(
    (o) => (o.attrs.get('PartName') ?? '').toLowerCase() === name,
  );
  if (el) edit.setText(CONTENT_TYPES, xml.slice(0, el.start) + xml.slice(el.end));
}

/** A part name not yet in the package: folder/stemN.xml with N past every existing one. */
function freshPart(edit: Edit, folder: string, stem: string): string {
  const base = folder === '' ? '' : folder + '/';
  const re = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${stem}(\\d+)\\.xml$`, 'i');
  let n = 0;
  for (const e of edit.entries) {
    const m = re.exec(e.name);
    if (m) n = Math.max(n, Number(m[1]));
  }
  while (edit.has(`${base}${stem}${++n}.xml`));
  return `${base}${stem}${n}.xml`;
}

/** A relationship target from a part's folder to another part: "../drawings/drawing1.xml". */
function pathFrom(fromPart: string, part: string): string {
  const from = dirOf(fromPart).split('/').filter(Boolean);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/** A chart needs a header row and a data row, a category column and a value column. */
function drawableChart(sheet: OutputSheet): boolean {
  const r = sheet.chart?.range;
  return (
    r !== undefined &&
    [r.row, r.col, r.rows, r.cols].every((v) => Number.isInteger(v) && v >= 0) &&
    r.rows >= 2 &&
    r.cols >= 2
  );
}

/**
 * Adds the chart of a sheet: its drawing (with the sheet's relationship to it) and the chart
 * part (with the drawing's relationship to it), and their content types. Returns the sheet's
 * relationship id of the drawing, for the worksheet's <drawing r:id>.
 */
function addChart(edit: Edit, sheet: OutputSheet, sheetPath: string, strict: boolean): string {
  const ns = strict ? STRICT : TRANSITIONAL;
  const chartNs = strict ? CHART_NS.strict : CHART_NS.transitional;
  const spec = sheet.chart as NonNullable<OutputSheet['chart']>;
  const xl = dirOf(dirOf(sheetPath));
  const drawingPath = freshPart(edit, xl === '' ? 'drawings' : `${xl}/drawings`, 'drawing');
  const chartPath = freshPart(edit, xl === '' ? 'charts' : `${xl}/charts`, 'chart');
  const sheetRel = addRelationship(
    edit,
    relsPathOf(sheetPath),
    `${ns.rel}/drawing`,
    pathFrom(sheetPath, drawingPath),
  );
  const chartRel = addRelationship(
    edit,
    relsPathOf(drawingPath),
    `${ns.rel}/chart`,
    pathFrom(drawingPath, chartPath),
  );
  edit.put(drawingPath, encoder.encode(drawingXml(sheet, spec, chartRel, chartNs)));
  edit.put(chartPath, encoder.encode(chartXml(sheet, spec, chartNs)));
  addOverride(edit, drawingPath, CT_DRAWING);
  addOverride(edit, chartPath, CT_CHART);
  return sheetRel;
}

/** Position (0-based, the localSheetId) of each sheet of workbook.xml, by sheetKey. */
function sheetIndexes(xml: string): Map<string, number> {
  const p = rootPrefix(xml);
  const sheetsEl = findElement(xml, p + 'sheets');
  const out = new Map<string, number>();
  if (!sheetsEl) return out;
  findElements(xml, p + 'sheet', sheetsEl.tagEnd, sheetsEl.end).forEach((el, i) => {
    const key = sheetKey(el.attrs.get('name') ?? '');
    if (!out.has(key)) out.set(key, i);
  });
  return out;
}

/** Prefix bound to the relationships namespace on the workbook's root, declaring r: when absent. */
function relPrefix(xml: string, relNs: string): { xml: string; prefix: string } {
  const root = findElement(xml, rootPrefix(xml) + 'workbook');
  if (!root) return { xml, prefix: 'r' };
  for (const [k, v] of root.attrs) {
    if (k.startsWith('xmlns:') && v === relNs) return { xml, prefix: k.slice(6) };
  }
  let prefix = 'r';
  for (let n = 1; root.attrs.has(`xmlns:${prefix}`); n++) prefix = `r${n}`;
  const at = root.tagEnd - 1;
  return { xml: insertBefore(xml, at, ` xmlns:${prefix}="${relNs}"`), prefix };
}

/**
 * sheetIds (the i attribute) that calcChain.xml refers to; an i left out repeats the previous
 * one. A chain whose first cell has no i cannot be attributed, so it counts as "every sheet".
 */
function calcChainSheets(xml: string): Set<number> | 'all' {
  const p = rootPrefix(xml);
  const first = findElement(xml, p + 'c');
  if (first && !first.attrs.has('i')) return 'all';
  const ids = new Set<number>();
  for (const m of xml.matchAll(/\si\s*=\s*["'](\d+)["']/g)) ids.add(Number(m[1]));
  return ids;
}

/** The part a relationships part belongs to: xl/worksheets/_rels/sheet1.xml.rels → xl/worksheets/sheet1.xml. */
function sourceOfRels(relsPath: string): string | undefined {
  const m = /^(?:(.*)\/)?_rels\/([^/]*)\.rels$/i.exec(relsPath);
  if (!m) return undefined;
  return m[1] ? `${m[1]}/${m[2]}` : m[2];
}

/** The parts a part's relationships point to inside the package (lower-cased names). */
function targetsOf(edit: Edit, part: string): string[] {
  const xml = edit.text(relsPathOf(part));
  if (xml === undefined) return [];
  return parseRels(xml)
    .filter((r) => !r.external)
    .map((r) => resolveTarget(part, r.target).toLowerCase());
}

/**
 * A replaced sheet's new XML refers to no relationship, so its relationships part goes, and
 * with it every part reachable only through it — the comments, VML and drawings, charts,
 * tables and printer settings of the old sheet — which Excel would otherwise try to attach to
 * the new one ("We found a problem with some content…"). A part that any other remaining
 * relationship still points to stays, with everything it points to.
 */
function dropOrphanedParts(edit: Edit, sheets: readonly string[]): void {
  const candidates = new Set<string>();
  const queue: string[] = [];
  for (const sheet of sheets) {
    for (const t of targetsOf(edit, sheet)) queue.push(t);
    const rels = relsPathOf(sheet);
    if (edit.has(rels)) candidates.add(rels.toLowerCase());
  }
  while (queue.length > 0) {
    const part = queue.pop() as string;
    if (candidates.has(part) || !edit.has(part)) continue;
    candidates.add(part);
    const rels = relsPathOf(part);
    if (edit.has(rels)) {
      candidates.add(rels.toLowerCase());
      for (const t of targetsOf(edit, part)) queue.push(t);
    }
  }
  if (candidates.size === 0) return;
  // Kept: what the package's other relationships point to, and everything reachable from it.
  const kept = new Set<string>();
  const keep: string[] = [];
  for (const e of edit.entries) {
    const name = e.name.toLowerCase();
    if (!name.endsWith('.rels') || candidates.has(name)) continue;
    const source = sourceOfRels(e.name);
    if (source !== undefined) keep.push(...targetsOf(edit, source));
  }
  while (keep.length > 0) {
    const part = keep.pop() as string;
    if (kept.has(part) || !candidates.has(part)) continue;
    kept.add(part);
    const rels = relsPathOf(part).toLowerCase();
    if (candidates.has(rels)) {
      kept.add(rels);
      keep.push(...targetsOf(edit, part));
    }
  }
  for (const e of [...edit.entries]) {
    const name = e.name.toLowerCase();
    if (!candidates.has(name) || kept.has(name)) continue;
    edit.remove(e.name);
    removeOverride(edit, e.name);
  }
}

/** workbook.xml children that come before calcPr, in schema order. */
const BEFORE_CALC_PR = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
];

/**
 * Sets fullCalcOnLoad="1" on the workbook's calcPr (adding one where the schema puts it), so
 * that Excel computes formula cells written without a cached value when it opens the file.
 */
function fullCalcOnLoad(xml: string): string {
  const p = rootPrefix(xml);
  const calcPr = findElement(xml, p + 'calcPr');
  if (calcPr) {
    if (
      calcPr.attrs.get('fullCalcOnLoad') === '1' ||
      calcPr.attrs.get('fullCalcOnLoad') === 'true'
    ) {
      return xml;
    }
    const tag = xml
      .slice(calcPr.start, calcPr.tagEnd)
      .replace(/\sfullCalcOnLoad\s*=\s*(["'])[^"']*\1/, '')
      .replace(/\s*(\/?)>$/, ' fullCalcOnLoad="1"$1>');
    return xml.slice(0, calcPr.start) + tag + xml.slice(calcPr.tagEnd);
  }
  let at = -1;
  for (const name of BEFORE_CALC_PR) {
    const el = findElement(xml, p + name);
    if (el) at = Math.max(at, el.end);
  }
  if (at < 0) return xml;
  return insertBefore(xml, at, `<${p}calcPr fullCalcOnLoad="1"/>`);
}

/**
 * Moves the drop-down lists Excel cannot hold inline to columns of the hidden list sheet
 * (identical lists share a column) and points their validations there. Returns the sheets to
 * write, the list sheet last when one is needed.
 */
export function withListSheet(sheets: OutputSheet[]): {
  sheets: OutputSheet[];
  lists?: OutputSheet;
} {
  const columns: string[][] = [];
  const columnOf = new Map<string, number>();
  const out = sheets.map((sheet) => {
    const validations = sheet.validations;
    if (!validations?.some((v) => v.values && v.values.length > 0 && !inlineList(v.values))) {
      return sheet;
    }
    return {
      ...sheet,
      validations: validations.map((v) => {
        const { values, ...rest } = v;
        if (!values || values.length === 0 || inlineList(values)) return v;
        const key = JSON.stringify(values);
        let c = columnOf.get(key);
        if (c === undefined) {
          c = columns.length;
          columns.push(values);
          columnOf.set(key, c);
        }
        const col = columnName(c);
        return {
          ...rest,
          listRange: `'${LIST_SHEET}'!$${col}$1:$${col}$${values.length}`,
          error: v.error ?? listMessage(values),
        };
      }),
    };
  });
  if (columns.length === 0) return { sheets: out };
  const height = Math.max(...columns.map((c) => c.length));
  const rows = Array.from({ length: height }, (_, r) => columns.map((c) => c[r] ?? null));
  const lists: OutputSheet = { name: LIST_SHEET, rows, columnWidths: columns.map(() => 24) };
  return { sheets: [...out, lists], lists };
}

/**
 * Writes output sheets into the package and returns the new .xlsx bytes (the package itself is
 * not changed). A sheet whose name exists (without regard to case) gets its worksheet part
 * replaced, keeping its place, name and sheetId; other names become new sheets at the end.
 *
 * Only the replaced or added worksheet parts, workbook.xml, its relationships,
 * [Content_Types].xml and styles.xml can change; every other entry is copied as its original
 * compressed bytes. calcChain.xml is dropped when it refers to a replaced sheet (Excel rebuilds
 * it). A replaced sheet's own relationships part goes, with the parts only it led to (its old
 * comments, drawings, tables, printer settings: see dropOrphanedParts).
 *
 * Drop-down lists that cannot be written inline go to the hidden sheet "Danh sách chọn",
 * added (or replaced) with the sheets.
 */
export function writeSheets(pkg: Package, outputs: OutputSheet[]): Uint8Array {
  const { sheets, lists } = withListSheet(outputs);
  // Excel's limits first: never a file Excel cannot open, and no work before the error
  for (const s of sheets) checkSheetLimits(s);
  const seen = new Set<string>();
  for (const s of sheets) {
    const key = sheetKey(s.name);
    if (seen.has(key)) throw new RangeError(formatMessage(vi.xlsx.sheetTwice, { name: s.name }));
    seen.add(key);
    const unlinked = unlinkedSheetError(pkg, s.name);
    if (unlinked) throw unlinked;
    const ref = findSheet(pkg, s.name);
    if (!ref) checkNewName(s.name);
    else if (ref.kind !== 'worksheet') {
      throw new RangeError(formatMessage(vi.xlsx.notAWorksheet, { name: s.name }));
    }
  }

  const edit = new Edit(pkg);
  const ns = pkg.strict ? STRICT : TRANSITIONAL;
  const wbPath = pkg.workbookPath;
  const wbRelsPath = relsPathOf(wbPath);
  const wbDir = dirOf(wbPath);

  // ---- styles, shared by all the sheets written
  const keys = new Set<string>();
  for (const s of sheets) for (const k of sheetStyleKeys(s)) keys.add(k);
  let styleIndex = new Map<string, number>();
  const plain = [styleKey(undefined, false), styleKey('General', false)];
  if ([...keys].some((k) => !plain.includes(k))) {
    const rel = parseRels(edit.text(wbRelsPath) ?? '').find((r) => relKind(r.type) === 'styles');
    let stylesPath = rel ? resolveTarget(wbPath, rel.target) : undefined;
    let stylesXml = stylesPath !== undefined ? edit.text(stylesPath) : undefined;
    if (stylesPath === undefined || stylesXml === undefined) {
      if (stylesPath === undefined) {
        stylesPath = wbDir === '' ? 'styles.xml' : `${wbDir}/styles.xml`;
        if (edit.has(stylesPath)) stylesPath = freshPart(edit, wbDir, 'styles');
        addRelationship(edit, wbRelsPath, `${ns.rel}/styles`, relativeTarget(wbDir, stylesPath));
      }
      addOverride(edit, stylesPath, CT_STYLES);
      stylesXml = MINIMAL_STYLES;
    }
    const added = addStyles(stylesXml, keys, sheets.map((s) => s.name).join('", "'));
    styleIndex = added.index;
    if (added.xml !== stylesXml || !edit.has(stylesPath)) edit.setText(stylesPath, added.xml);
  }

  // ---- what only the replaced sheets used (comments, drawings, charts, tables, printer
  // settings), before the new sheets get their own drawings
  const replacedPaths = sheets
    .map((sheet) => findSheet(pkg, sheet.name)?.path)
    .filter((path): path is string => path !== undefined);
  dropOrphanedParts(edit, replacedPaths);

  // ---- worksheets
  const replacedIds = new Set<number>();
  let nextSheetId =
    Math.max(0, ...[...pkg.sheets, ...pkg.unlinkedSheets].map((s) => s.sheetId)) + 1;
  for (const sheet of sheets) {
    const ref = findSheet(pkg, sheet.name);
    const path =
      ref?.path ?? freshPart(edit, wbDir === '' ? 'worksheets' : `${wbDir}/worksheets`, 'sheet');
    const drawing = drawableChart(sheet)
      ? { relNs: ns.rel, id: addChart(edit, sheet, path, pkg.strict) }
      : undefined;
    const bytes = worksheetBytes(sheet, styleIndex, ns.main, drawing);
    edit.put(path, bytes);
    if (ref) {
      replacedIds.add(ref.sheetId);
      continue;
    }
    const rId = addRelationship(
      edit,
      wbRelsPath,
      `${ns.rel}/worksheet`,
      relativeTarget(wbDir, path),
    );
    addOverride(edit, path, CT_WORKSHEET);
    const wb = edit.text(wbPath) as string;
    const { xml, prefix } = relPrefix(wb, ns.rel);
    const p = rootPrefix(xml);
    const el =
      `<${p}sheet name="${escapeAttr(sheet.name)}" sheetId="${nextSheetId++}" ` +
      (sheet === lists ? 'state="hidden" ' : '') +
      `${prefix}:id="${rId}"/>`;
    if (!findElement(xml, p + 'sheets')) throw missingPart(pkg.label, `${wbPath} <sheets>`);
    edit.setText(wbPath, appendChild(xml, p + 'sheets', el));
  }

  // ---- print titles (_xlnm.Print_Titles, local to the sheet by its position); a replaced
  // sheet's old print titles, print area and filter range go with its old content
  {
    let wb = edit.text(wbPath) as string;
    const indexes = sheetIndexes(wb);
    for (const sheet of sheets) {
      const index = indexes.get(sheetKey(sheet.name));
      if (index === undefined) continue;
      const replaced = findSheet(pkg, sheet.name) !== undefined;
      wb = definePrintTitles(wb, index, sheet.name, sheet.report, replaced);
    }
    edit.setText(wbPath, wb);
  }

  // ---- formulas written without cached values: Excel computes them on opening
  if (
    sheets.some((s) => s.formulas?.some((row) => row?.some((f) => f !== undefined && f !== '')))
  ) {
    const wb = edit.text(wbPath);
    if (wb !== undefined) edit.setText(wbPath, fullCalcOnLoad(wb));
  }

  // ---- calcChain: Excel reports a damaged file when the chain names cells that lost their formulas
  if (replacedIds.size > 0) {
    const relsXml = edit.text(wbRelsPath) ?? '';
    const rel = parseRels(relsXml).find((r) => relKind(r.type) === 'calcChain');
    const chainPath = rel ? resolveTarget(wbPath, rel.target) : undefined;
    const chain = chainPath !== undefined ? edit.text(chainPath) : undefined;
    if (rel && chainPath !== undefined && chain !== undefined) {
      const ids = calcChainSheets(chain);
      if (ids === 'all' || [...replacedIds].some((id) => ids.has(id))) {
        edit.remove(chainPath);
        edit.setText(wbRelsPath, relsXml.slice(0, rel.start) + relsXml.slice(rel.end));
        removeOverride(edit, chainPath);
      }
    }
  }
  return edit.finish();
}

/** A minimal new workbook holding the given sheets, written by the same code as writeSheets. */
export function buildWorkbook(sheets: OutputSheet[]): Uint8Array {
  if (sheets.length === 0) throw new RangeError(vi.xlsx.noSheets);
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const parts: [string, string][] = [
    [
      CONTENT_TYPES,
      head +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        `<Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/>` +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      head +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        `<Relationship Id="rId3" Type="${rel}/extended-properties" Target="docProps/app.xml"/>` +
        '</Relationships>',
    ],
    [
      'docProps/core.xml',
      head +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>xephang</dc:creator></cp:coreProperties>',
    ],
    [
      'docProps/app.xml',
      head +
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
        '<Application>xephang</Application></Properties>',
    ],
    [
      'xl/workbook.xml',
      head +
        `<workbook xmlns="${TRANSITIONAL.main}" xmlns:r="${rel}">` +
        '<bookViews><workbookView/></bookViews><sheets/></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      head +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${rel}/styles" Target="styles.xml"/>` +
        '</Relationships>',
    ],
    ['xl/styles.xml', MINIMAL_STYLES],
  ];
  const entries = parts.map(([name, text]) => newEntry(name, encoder.encode(text)));
  return writeSheets(openPackage(entries, vi.xlsx.newWorkbook), sheets);
}
