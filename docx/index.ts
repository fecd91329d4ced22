/**
 * The report as a Word document (issue 15): a ReportDocument → .docx bytes, with the `docx`
 * package, in Node (the CLI) and in the browser (the task pane and the sidebar load this module
 * only when the user asks for the document). Packed as a Uint8Array, which JSZip makes in both
 * (no Buffer, no Blob).
 *
 * The format is the administrative one of Nghị định 30/2020/NĐ-CP (docs/report.md says which
 * rule comes from where): A4, the decree's margins (docx/layout.ts), the report font for all
 * text; where the document names its issuer, the header block (the issuing body on the left,
 * the national name and motto on the right, each with its rule); per appendix its label, upper
 * case heading and "(Kèm theo …)" line; bordered tables whose header row repeats on each page;
 * the page number centred in the top margin from the second page on.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import { displayValue } from '../shared/report/display';
import type {
  Appendix,
  DocumentColumn,
  ReportDocument,
  ReportTable,
} from '../shared/report/document';
import { formatMessage, vi } from '../shared/i18n/vi';
import {
  A4,
  CELL_PADDING,
  fitColumns,
  isWide,
  MARGINS,
  minimumWidths,
  tableFontSize,
  textTwips,
  usableWidth,
} from './layout';

const W = vi.wordReport;

/** A thin single line (½ pt) in black: the table borders and the header block's rules. */
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
/** Space between a cell's border and its text: 1 mm each side, ½ mm above and below (room for the marks over capitals). */
const CELL_MARGINS = { left: CELL_PADDING, right: CELL_PADDING, top: 28, bottom: 28 } as const;
/**
 * The header block's names and national name: the decree allows 12–13 pt; 12 keeps "CỘNG HÒA
 * XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one line in its column of a portrait page.
 */
const HEADER_BLOCK_SIZE = 12;
/** The header block's columns: the issuing body, the national name and motto. */
const HEADER_BLOCK_SPLIT = [0.38, 0.62] as const;

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

export async function reportDocx(document: ReportDocument): Promise<Uint8Array> {
  const size = document.font.size;
  const sections: ISectionOptions[] = document.appendices.map((appendix, i) =>
    section(appendix, size, i === 0 ? document : undefined),
  );
  if (sections.length === 0) sections.push(section(undefined, size, document));
  const file = new Document({
    title: formatMessage(W.documentTitle, document.campaign),
    creator: document.issuer?.body,
    styles: {
      default: {
        document: {
          run: { font: document.font.name, size: size * 2, language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0, line: 240 } },
        },
      },
    },
    sections,
  });
  return Packer.pack(file, 'uint8array');
}

/**
 * One appendix as a section of its own (a new page), landscape when one of its tables is too
 * wide for the portrait page. The first section also holds the header block, and hides the page
 * number on the first page, as the decree does; the numbers run on through the sections.
 */
function section(
  appendix: Appendix | undefined,
  size: number,
  first: ReportDocument | undefined,
): ISectionOptions {
  const tables = (appendix?.tables ?? []).map((t) => printed(t, size));
  const landscape = tables.some((t) => isWide(t.columns, t.minimums, size));
  const width = usableWidth(landscape);
  const children: FileChild[] = [];
  if (first?.issuer) children.push(headerBlock(first.issuer, size, width), blank());
  if (appendix) children.push(...appendixBody(appendix, fitTogether(tables, width), width));
  else children.push(blank());
  const pageNumber = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT] })],
      }),
    ],
  });
  return {
    properties: {
      page: {
        size: {
          width: A4.width,
          height: A4.height,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: MARGINS,
      },
      titlePage: first !== undefined,
    },
    headers: first
      ? { default: pageNumber, first: new Header({ children: [new Paragraph({})] }) }
      : { default: pageNumber },
    children,
  };
}

/** An empty line (the report font's size). */
const blank = (): Paragraph => new Paragraph({});

/** A centred line; kept on the page of what follows it (a title never ends a page alone). */
function centred(text: string, run: { bold?: boolean; italics?: boolean; size?: number } = {}) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    children: [new TextRun({ text, ...run, size: run.size && run.size * 2 })],
  });
}

/**
 * A horizontal rule `length` twips long, centred in a width of `within`: an empty paragraph of
 * tiny type with a bottom border, indented from both sides.
 */
function rule(length: number, within: number): Paragraph {
  const indent = Math.max(0, Math.round((within - length) / 2));
  return new Paragraph({
    indent: { left: indent, right: indent },
    border: { bottom: { ...LINE, space: 1 } },
    spacing: { before: 0, after: 60 },
    keepNext: true,
    run: { size: 2 },
    children: [],
  });
}

/**
 * The header block (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.1–2): a borderless table of two
 * columns. Left: the parent body in upper case, the issuing body in upper case bold, a rule a
 * third of its length under it. Right: the national name in upper case bold, the motto bold with
 * a rule as long as it under it.
 */
function headerBlock(issuer: { parent?: string; body: string }, size: number, width: number) {
  const [left, right] = HEADER_BLOCK_SPLIT.map((f) => Math.round(width * f));
  const upper = (s: string): string => s.toLocaleUpperCase('vi');
  const body = upper(issuer.body);
  const leftChildren = [
    ...(issuer.parent ? [centred(upper(issuer.parent), { size: HEADER_BLOCK_SIZE })] : []),
    centred(body, { bold: true, size: HEADER_BLOCK_SIZE }),
    rule(Math.round(textTwips(body, HEADER_BLOCK_SIZE, 0.6) / 3), left),
  ];
  const rightChildren = [
    centred(W.country, { bold: true, size: HEADER_BLOCK_SIZE }),
    centred(W.motto, { bold: true, size }),
    rule(textTwips(W.motto, size, 0.5), right),
  ];
  const cell = (children: Paragraph[], w: number): TableCell =>
    new TableCell({
      children,
      width: { size: w, type: WidthType.DXA },
      borders: TableBorders.NONE,
      margins: { left: 0, right: 0, top: 0, bottom: 0 },
    });
  return new Table({
    rows: [new TableRow({ children: [cell(leftChildren, left), cell(rightChildren, right)] })],
    width: { size: width, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}

/** A table with its cells as printed, the narrowest each column may be, and its type size. */
interface Printed {
  title: string;
  subtitle?: string;
  header: string[];
  cells: string[][];
  columns: DocumentColumn[];
  minimums: number[];
  size: number;
}

/**
 * A table as printed at the report font; its minimums at that size decide the orientation
 * (with its widths). `fit` then steps its type down where it is still too wide for the page.
 */
function printed(table: ReportTable, size: number): Printed {
  const cells = table.rows.map((row) =>
    table.header.map((_, c) => displayValue(row[c], table.formats[c] ?? '@')),
  );
  const columns = table.header.map(
    (_, c) => table.columns[c] ?? { align: 'left' as const, wrap: true, width: 1 },
  );
  const minimums = minimumWidths(columns, table.header, cells, size);
  return { ...table, cells, columns, minimums, size };
}

function fit(table: Printed, width: number): Printed {
  const at = (s: number): number[] => minimumWidths(table.columns, table.header, table.cells, s);
  const sum = (m: number[]): number => m.reduce((a, b) => a + b, 0);
  const size = tableFontSize((s) => sum(at(s)) <= width, table.size);
  return size === table.size ? table : { ...table, size, minimums: at(size) };
}

/**
 * The tables of an appendix with the same columns (the results of each block) fitted as one:
 * the same type size and the same column widths, so that they line up page after page.
 */
function fitTogether(tables: readonly Printed[], width: number): Printed[] {
  // Same header and alignments: one grid. Each block's table is sized to its own content, so the
  // group takes the widest width of each column.
  const key = (t: Printed): string =>
    JSON.stringify([t.header, t.columns.map((c) => [c.align, c.wrap])]);
  const groups = new Map<string, Printed>();
  for (const t of tables) {
    const seen = groups.get(key(t));
    groups.set(
      key(t),
      seen
        ? {
            ...seen,
            cells: [...seen.cells, ...t.cells],
            columns: seen.columns.map((c, i) => ({
              ...c,
              width: Math.max(c.width, t.columns[i].width),
            })),
          }
        : t,
    );
  }
  const fitted = new Map<string, Printed>();
  for (const [k, all] of groups) {
    const minimums = minimumWidths(all.columns, all.header, all.cells, all.size);
    fitted.set(k, fit({ ...all, minimums }, width));
  }
  return tables.map((t) => {
    const { size, minimums, columns } = fitted.get(key(t)) ?? t;
    return { ...t, size, minimums, columns };
  });
}

/** "PHỤ LỤC I", the heading, "(Kèm theo …)", a short rule, then each titled table. */
function appendixBody(appendix: Appendix, tables: readonly Printed[], width: number): FileChild[] {
  const out: FileChild[] = [
    centred(appendix.label, { bold: true }),
    centred(appendix.heading, { bold: true }),
  ];
  if (appendix.subtitle) out.push(centred(parenthesised(appendix.subtitle), { italics: true }));
  out.push(rule(Math.round(width / 6), width), blank());
  tables.forEach((table, i) => {
    if (i > 0) out.push(blank());
    // the appendix's one table under a title that says what the heading says: said once
    if (table.title && table.title.toLocaleUpperCase('vi') !== appendix.heading) {
      out.push(centred(table.title, { bold: true }));
    }
    if (table.subtitle) out.push(centred(table.subtitle, { italics: true }));
    out.push(reportTable(table, width));
  });
  return out;
}

/** "(Kèm theo …)": the decree puts the line in parentheses. */
const parenthesised = (s: string): string => (/^\(.*\)$/s.test(s.trim()) ? s : `(${s})`);

/**
 * A bordered table as wide as the page between the margins: columns proportional to their
 * widths, the header row bold and centred and repeated on each page, rows never split across
 * pages, each column's cells aligned as the column says, numbers spelled by displayValue.
 */
function reportTable(table: Printed, width: number): Table {
  const widths = fitColumns(
    table.columns.map((c) => c.width),
    table.minimums,
    width,
  );
  const cell = (text: string, c: number, header: boolean): TableCell =>
    new TableCell({
      width: { size: widths[c], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : ALIGN[table.columns[c].align],
          keepLines: true,
          children: [new TextRun({ text, bold: header, size: table.size * 2 })],
        }),
      ],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.header.map((h, c) => cell(h, c, true)),
  });
  const rows = table.cells.map(
    (row) => new TableRow({ cantSplit: true, children: row.map((t, c) => cell(t, c, false)) }),
  );
  return new Table({
    rows: [header, ...rows],
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGINS,
    borders: {
      top: LINE,
      bottom: LINE,
      left: LINE,
      right: LINE,
      insideHorizontal: LINE,
      insideVertical: LINE,
    },
  });
}
