/**
 * The report layout of an output sheet (OutputSheet.report, issue 15) in SpreadsheetML: the
 * look of each cell (font, bold titles, bordered tables, alignment) and the print set-up
 * (sheetPr, pageMargins, pageSetup, headerFooter and the _xlnm.Print_Titles defined name).
 *
 * Titles and subtitles are centred over their table with centerContinuous ("Center Across
 * Selection"), not a merge: the title stays one cell of text, the cells to its right stay blank
 * (written only for their style), so reading the sheet back — as "Kết quả năm trước" later may
 * be — gives the same values and no merged ranges to unpick, and sorting or selecting a column
 * is not blocked by a merge.
 */
import type { ReportLayout, TableLayout } from '../shared/workbook/output';
import { vi } from '../shared/i18n/vi';
import { lookKey, type CellLook } from './styles';
import { escapeCellText, findElement, findElements, rootPrefix } from './xml';

/** What a row of the block is in its table. */
interface Role {
  kind: 'title' | 'subtitle' | 'header' | 'data';
  /** columns [from, to) of the table */
  from: number;
  to: number;
}

/** The look (as a lookKey) of every cell of a sheet with a report layout. */
export class ReportLooks {
  private readonly roles: (Role | undefined)[] = [];
  private readonly perRole = new Map<Role, string[]>();
  /** The look of a cell outside the tables: the report font only. */
  readonly plain: string;

  constructor(private readonly report: ReportLayout) {
    this.plain = lookKey({ font: report.font });
    for (const t of report.tables) this.addTable(t);
  }

  private addTable(t: TableLayout): void {
    const from = Math.max(0, Math.floor(t.col));
    const to = from + Math.max(0, Math.floor(t.cols));
    const set = (row: number | undefined, kind: Role['kind']): void => {
      if (row === undefined || !Number.isInteger(row) || row < 0) return;
      this.roles[row] = { kind, from, to };
    };
    set(t.title, 'title');
    set(t.subtitle, 'subtitle');
    set(t.header, 'header');
    const first = Math.floor(t.firstRow);
    const rows = Math.max(0, Math.floor(t.rows));
    if (first >= 0) {
      // data rows share one role object, so their looks are made once
      const data: Role = { kind: 'data', from, to };
      for (let r = first; r < first + rows; r++) this.roles[r] = data;
    }
  }

  /** Rows the layout reaches (a table's blank cells are written for their borders). */
  get rowCount(): number {
    return this.roles.length;
  }

  /** Columns a row's table covers, written even when blank (0 outside tables). */
  extent(r: number): number {
    return this.roles[r]?.to ?? 0;
  }

  /** Whether column c of row r is inside its table, so written even when blank. */
  inTable(r: number, c: number): boolean {
    const role = this.roles[r];
    return role !== undefined && c >= role.from && c < role.to;
  }

  /** Whether the text of cell (r, c) wraps. */
  wraps(r: number, c: number): boolean {
    const role = this.roles[r];
    if (!role || c < role.from || c >= role.to) return false;
    return (
      role.kind === 'header' || (role.kind === 'data' && this.report.columns[c]?.wrap === true)
    );
  }

  /**
   * The height (points) of a row in the report font: one line, or as many as its longest
   * wrapped text takes in its column. Written as the row's height because LibreOffice keeps
   * the default height (15 pt, for an 11-pt font) of a row without one, so a 13-pt line or a
   * wrapped name would print clipped; the estimate errs on the tall side.
   */
  height(
    r: number,
    row: readonly unknown[],
    widths: readonly number[] | undefined,
    bold: boolean,
  ): number {
    const size = this.report.font.size > 0 ? this.report.font.size : 11;
    let lines = 1;
    const role = this.roles[r];
    if (role) {
      const to = Math.min(role.to, row.length);
      for (let c = role.from; c < to; c++) {
        const v = row[c];
        if (typeof v !== 'string' || v === '' || !this.wraps(r, c)) continue;
        const n = wrappedLines(
          v,
          columnTextPx(widths?.[c]),
          charPx(size, bold || role.kind === 'header'),
        );
        if (n > lines) lines = n;
      }
    }
    return Math.round((lines * size * 1.25 + 3) * 4) / 4;
  }

  /** Titles and header rows are bold. */
  bold(r: number): boolean {
    const k = this.roles[r]?.kind;
    return k === 'title' || k === 'header';
  }

  /** The lookKey of cell (r, c). */
  at(r: number, c: number): string {
    const role = this.roles[r];
    if (!role || c < role.from || c >= role.to) return this.plain;
    let looks = this.perRole.get(role);
    if (!looks) {
      looks = [];
      for (let col = role.from; col < role.to; col++) looks[col] = lookKey(this.look(role, col));
      this.perRole.set(role, looks);
    }
    return looks[c];
  }

  private look(role: Role, c: number): CellLook {
    const font = this.report.font;
    switch (role.kind) {
      case 'title':
        return { font, align: 'centerContinuous' };
      case 'subtitle':
        return { font, italic: true, align: 'centerContinuous' };
      case 'header':
        return { font, align: 'center', wrap: true, middle: true, border: true };
      case 'data': {
        const col = this.report.columns[c];
        return {
          font,
          ...(col ? { align: col.align, wrap: col.wrap } : {}),
          middle: true,
          border: true,
        };
      }
    }
  }
}

/** The pixels a column's text has: the width in characters of 7 px, 5 px padding, less 4 px of margins. */
function columnTextPx(chars: number | undefined): number {
  const w = typeof chars === 'number' && Number.isFinite(chars) && chars > 0 ? chars : 8.43;
  return Math.max(8, Math.trunc(w * 7 + 5) - 4);
}

/** An average character's width in pixels at `size` points (a little wider than Times New Roman's). */
const charPx = (size: number, bold: boolean): number => ((size * 96) / 72) * (bold ? 0.52 : 0.48);

/** Lines a text takes when wrapped at word boundaries (a word longer than a line is broken). */
export function wrappedLines(text: string, widthPx: number, px: number): number {
  const perLine = Math.max(1, Math.floor(widthPx / px));
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let used = -1;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const len = [...word].length;
      if (used < 0) {
        count += Math.floor(Math.max(0, len - 1) / perLine);
        used = len % perLine || perLine;
      } else if (used + 1 + len <= perLine) {
        used += 1 + len;
      } else {
        count += 1 + Math.floor(Math.max(0, len - 1) / perLine);
        used = len % perLine || perLine;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** Millimetres → inches, as pageMargins holds them. */
const inches = (mm: number): string => String(Math.round((mm / 25.4) * 10_000) / 10_000);

/** <sheetPr>: fit to page, which fitToWidth/fitToHeight of pageSetup then use. */
export const FIT_TO_PAGE = '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';

/**
 * pageMargins, pageSetup and headerFooter, in schema order: A4, the orientation, one page
 * wide and as many tall as it takes, page numbers ("Trang 1/3") centred in the footer, set in
 * the report font.
 */
export function printXml(report: ReportLayout): string {
  const p = report.print;
  const m = p.margins;
  // header and footer sit inside the top and bottom margins
  const header = inches(Math.min(8, m.top / 2));
  const footer = inches(Math.min(8, m.bottom / 2));
  const font = `&"${report.font.name.replace(/"/g, '')},Regular"&${Math.round(report.font.size)}`;
  const footerText = '&C' + font + vi.xlsxReport.footer;
  return (
    `<pageMargins left="${inches(m.left)}" right="${inches(m.right)}" top="${inches(m.top)}" ` +
    `bottom="${inches(m.bottom)}" header="${header}" footer="${footer}"/>` +
    `<pageSetup paperSize="9" orientation="${p.orientation === 'portrait' ? 'portrait' : 'landscape'}"` +
    ' fitToWidth="1" fitToHeight="0"/>' +
    (p.pageNumbers
      ? `<headerFooter><oddFooter>${escapeCellText(footerText)}</oddFooter></headerFooter>`
      : '')
  );
}

/** A sheet name in a formula: always quoted, quotes doubled. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Built-in names that describe a sheet's old content and go with it when it is replaced. */
const STALE = new Set(['_xlnm.print_titles', '_xlnm.print_area', '_xlnm._filterdatabase']);

/** workbook.xml children that come before definedNames, in schema order. */
const BEFORE_DEFINED_NAMES = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
];

/**
 * Updates workbook.xml's defined names for a written sheet at `index` (0-based position in
 * <sheets>, the localSheetId): when `replaced`, its old print titles, print area and filter
 * range go (they describe the old content); then its print titles are added when the report
 * repeats rows. Names of other sheets and workbook-wide names stay as they are.
 */
export function definePrintTitles(
  xml: string,
  index: number,
  name: string,
  report: ReportLayout | undefined,
  replaced: boolean,
): string {
  const p = rootPrefix(xml);
  let out = xml;
  if (replaced) {
    const container = findElement(out, p + 'definedNames');
    if (container) {
      const stale = findElements(out, p + 'definedName', container.tagEnd, container.end).filter(
        (el) =>
          STALE.has((el.attrs.get('name') ?? '').toLowerCase()) &&
          el.attrs.get('localSheetId') === String(index),
      );
      for (const el of stale.reverse()) out = out.slice(0, el.start) + out.slice(el.end);
      const left = findElement(out, p + 'definedNames');
      if (left && findElements(out, p + 'definedName', left.tagEnd, left.end).length === 0) {
        out = out.slice(0, left.start) + out.slice(left.end);
      }
    }
  }
  const rows = report?.print.repeatRows;
  if (!rows || !(rows.first >= 0) || !(rows.last >= rows.first)) return out;
  const ref = `${quotedSheet(name)}!$${Math.floor(rows.first) + 1}:$${Math.floor(rows.last) + 1}`;
  const el =
    `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${index}">` +
    `${escapeCellText(ref)}</${p}definedName>`;
  const container = findElement(out, p + 'definedNames');
  if (container) {
    if (container.selfClosing) {
      const open = out.slice(container.start, container.tagEnd).replace(/\s*\/>$/, '>');
      return (
        out.slice(0, container.start) + open + el + `</${p}definedNames>` + out.slice(container.end)
      );
    }
    const at = container.end - `</${p}definedNames>`.length;
    return out.slice(0, at) + el + out.slice(at);
  }
  let at = -1;
  for (const n of BEFORE_DEFINED_NAMES) {
    const e = findElement(out, p + n);
    if (e) at = Math.max(at, e.end);
  }
  if (at < 0) return out;
  return out.slice(0, at) + `<${p}definedNames>${el}</${p}definedNames>` + out.slice(at);
}
