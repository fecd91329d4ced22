/**
 * The chart of an output sheet (OutputSheet.chart) as DrawingML parts: a drawing anchoring
 * one graphic frame beside the data, and a clustered bar chart with a series per value column
 * of the rectangle, its first column the categories, its first row the series names. Formulas
 * point at the cells, and caches hold their values, so a reader that does not recalculate
 * (LibreOffice, viewers) draws the same bars.
 */
import type { ChartSpec, ReportFont } from '../shared/workbook/output';
import { columnName } from './ranges';
import { quotedSheet } from './report';
import type { CellValue, OutputSheet } from './types';
import { escapeAttr, escapeCellText } from './xml';

/** The namespaces of the drawing and chart parts, in Transitional or Strict OOXML. */
export interface ChartNamespaces {
  xdr: string;
  a: string;
  c: string;
  r: string;
}

export const CHART_NS: { transitional: ChartNamespaces; strict: ChartNamespaces } = {
  transitional: {
    xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
    a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
    c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
    r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  },
  strict: {
    xdr: 'http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing',
    a: 'http://purl.oclc.org/ooxml/drawingml/main',
    c: 'http://purl.oclc.org/ooxml/drawingml/chart',
    r: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  },
};

export const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Pixels of a column Excel shows at a width in characters (7 px a digit, 5 px padding). */
const columnPx = (chars: number | undefined): number =>
  typeof chars === 'number' && Number.isFinite(chars) && chars > 0 ? Math.trunc(chars * 7 + 5) : 64;
/** EMU per pixel at 96 dpi. */
const EMU = 9525;
/** The chart's size: Excel's default for a new chart (5 × 3 inches). */
const WIDTH_PX = 480;
const HEIGHT_ROWS = 15;
/** Narrower than this beside the data, the chart goes below it. */
const MIN_WIDTH_PX = 360;
/** Fills told apart in black and white too: dark, middle and light. */
const FILLS = ['1F4E79', '5B9BD5', 'BDD7EE', '7F7F7F', 'D9D9D9'];

/** A twoCellAnchor corner: column and offset for `px` pixels right of column `col`. */
function cornerAfter(
  widths: readonly number[] | undefined,
  col: number,
  px: number,
): { col: number; off: number } {
  let c = col;
  let left = px;
  for (;;) {
    const w = columnPx(widths?.[c]);
    if (left < w) return { col: c, off: left * EMU };
    left -= w;
    c++;
  }
}

/** The drawing part: one graphic frame, the chart, beside the data rectangle. */
export function drawingXml(
  sheet: OutputSheet,
  spec: ChartSpec,
  chartRelId: string,
  ns: ChartNamespaces,
): string {
  const { row, col, rows, cols } = spec.range;
  const widths = sheet.columnWidths;
  const px = (from: number, to: number): number => {
    let sum = 0;
    for (let c = from; c < to; c++) sum += columnPx(widths?.[c]);
    return sum;
  };
  // Beside the data, as the add-ins draw it; on a sheet printed one page wide, only within the
  // widest table (a chart sticking out would widen the page and shrink every table), else
  // below the data.
  const tablesEnd = Math.max(0, ...(sheet.report?.tables ?? []).map((t) => t.col + t.cols));
  let from = { col: col + cols + 1, row };
  let to: { col: number; off: number };
  if (tablesEnd === 0) {
    to = cornerAfter(widths, from.col, WIDTH_PX);
  } else if (px(from.col, tablesEnd) >= MIN_WIDTH_PX) {
    to = { col: tablesEnd, off: 0 };
  } else {
    from = { col, row: row + rows + 1 };
    to = cornerAfter(widths, col, Math.min(Math.max(px(col, tablesEnd), MIN_WIDTH_PX), 720));
  }
  const height = Math.max(HEIGHT_ROWS, rows + 4);
  const fromCol = from.col;
  return (
    HEAD +
    `<xdr:wsDr xmlns:xdr="${ns.xdr}" xmlns:a="${ns.a}">` +
    '<xdr:twoCellAnchor editAs="oneCell">' +
    `<xdr:from><xdr:col>${fromCol}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${to.col}</xdr:col><xdr:colOff>${to.off}</xdr:colOff>` +
    `<xdr:row>${from.row + height}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    '<xdr:graphicFrame macro="">' +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeAttr(spec.title)}"/>` +
    '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${ns.c}">` +
    `<c:chart xmlns:c="${ns.c}" xmlns:r="${ns.r}" r:id="${chartRelId}"/>` +
    '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/>' +
    '</xdr:twoCellAnchor></xdr:wsDr>'
  );
}

const text = (v: CellValue | undefined): string =>
  v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);

/** A strRef (formula and cache) over cells of one column or row. */
function strRef(ref: string, values: (CellValue | undefined)[]): string {
  return (
    `<c:strRef><c:f>${escapeCellText(ref)}</c:f><c:strCache><c:ptCount val="${values.length}"/>` +
    values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeCellText(text(v))}</c:v></c:pt>`).join('') +
    '</c:strCache></c:strRef>'
  );
}

/** A numRef: numbers cached, other cells left out (a gap). */
function numRef(ref: string, values: (CellValue | undefined)[], format: string): string {
  return (
    `<c:numRef><c:f>${escapeCellText(ref)}</c:f><c:numCache>` +
    `<c:formatCode>${escapeCellText(format)}</c:formatCode><c:ptCount val="${values.length}"/>` +
    values
      .map((v, i) =>
        typeof v === 'number' && Number.isFinite(v)
          ? `<c:pt idx="${i}"><c:v>${String(v)}</c:v></c:pt>`
          : '',
      )
      .join('') +
    '</c:numCache></c:numRef>'
  );
}

/** Text properties in the report font (or the theme's) at `size` points. */
function txPr(font: ReportFont | undefined, size: number, bold = false): string {
  const latin = font ? `<a:latin typeface="${escapeAttr(font.name)}"/>` : '';
  return (
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>' +
    `<a:defRPr sz="${Math.round(size * 100)}" b="${bold ? 1 : 0}">${latin}</a:defRPr>` +
    '</a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>'
  );
}

/**
 * The chart part: c:barChart barDir="bar" grouping="clustered", a series per value column
 * (names from the header row, categories from the first column), the title, a legend below.
 */
export function chartXml(sheet: OutputSheet, spec: ChartSpec, ns: ChartNamespaces): string {
  const { row, col, rows, cols } = spec.range;
  const sheetRef = quotedSheet(sheet.name);
  const first = row + 2; // 1-based first data row
  const last = row + rows; // 1-based last data row
  const cell = (r: number, c: number): CellValue | undefined => sheet.rows[r]?.[c];
  const column = (c: number): (CellValue | undefined)[] =>
    Array.from({ length: Math.max(0, rows - 1) }, (_, i) => cell(row + 1 + i, c));
  const range = (c: number): string =>
    `${sheetRef}!$${columnName(c)}$${first}:$${columnName(c)}$${last}`;
  const font = sheet.report?.font;
  const series: string[] = [];
  for (let s = 1; s < cols; s++) {
    const c = col + s;
    const format = sheet.formats?.[row + 1]?.[c] ?? 'General';
    const fill = FILLS[(s - 1) % FILLS.length];
    series.push(
      `<c:ser><c:idx val="${s - 1}"/><c:order val="${s - 1}"/>` +
        `<c:tx>${strRef(`${sheetRef}!$${columnName(c)}$${row + 1}`, [cell(row, c)])}</c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${fill}"/></a:solidFill>` +
        '<a:ln w="6350"><a:solidFill><a:srgbClr val="404040"/></a:solidFill></a:ln></c:spPr>' +
        '<c:invertIfNegative val="0"/>' +
        `<c:cat>${strRef(range(col), column(col))}</c:cat>` +
        `<c:val>${numRef(range(c), column(c), format)}</c:val>` +
        '</c:ser>',
    );
  }
  const title =
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>' +
    `<a:defRPr sz="1200" b="1">${font ? `<a:latin typeface="${escapeAttr(font.name)}"/>` : ''}</a:defRPr></a:pPr>` +
    `<a:r><a:rPr lang="vi-VN" sz="1200" b="1"/><a:t>${escapeCellText(spec.title)}</a:t></a:r>` +
    '</a:p></c:rich></c:tx><c:overlay val="0"/></c:title>';
  const axis = (kind: 'cat' | 'val'): string =>
    kind === 'cat'
      ? '<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling>' +
        '<c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/>' +
        '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
        '<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/>' +
        '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
      : '<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling>' +
        '<c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/>' +
        '<c:numFmt formatCode="General" sourceLinked="1"/>' +
        '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
        '<c:crossAx val="500000001"/><c:crosses val="autoZero"/>' +
        '<c:crossBetween val="between"/></c:valAx>';
  return (
    HEAD +
    `<c:chartSpace xmlns:c="${ns.c}" xmlns:a="${ns.a}" xmlns:r="${ns.r}">` +
    '<c:roundedCorners val="0"/>' +
    '<c:chart>' +
    title +
    '<c:autoTitleDeleted val="0"/>' +
    '<c:plotArea><c:layout/>' +
    '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    series.join('') +
    '<c:gapWidth val="80"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>' +
    axis('cat') +
    axis('val') +
    '</c:plotArea>' +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart>' +
    txPr(font, 10) +
    '</c:chartSpace>'
  );
}
