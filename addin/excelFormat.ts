/// <reference types="office-js" />
/**
 * How the Excel host formats what it writes, queued on the write request (no sync here): the
 * published tables of OutputBlock.report and the page layout, highlights, data validations.
 */
import { vi } from '../shared/i18n/vi';
import type { PrintSetup, ReportLayout, Validation } from '../shared/workbook/output';
import { HIGHLIGHT_FILL, highlightRuns } from '../shared/workbook/render';
import { rangeText } from '../xlsx/ranges';
import { inlineList } from '../xlsx/validation';

/**
 * Highlighted cells (OutputBlock.highlights), as runs along rows, filled through
 * Worksheet.getRanges (RangeAreas, ExcelApi 1.9): "setting the same property on multiple ranges
 * runs much faster than setting it individually for each" (learn.microsoft.com/office/dev/
 * add-ins/excel/excel-add-ins-multiple-ranges). The docs give no limit on the address string;
 * each one is kept under ADDRESS_CHARS characters, so 10,000 highlighted rows take a few dozen
 * operations instead of 10,000.
 */
export const ADDRESS_CHARS = 2_000;

export function queueHighlights(
  sheet: Excel.Worksheet,
  cells: readonly { row: number; col: number }[],
): void {
  let address = '';
  const flush = (): void => {
    if (address) sheet.getRanges(address).format.fill.color = HIGHLIGHT_FILL;
    address = '';
  };
  for (const run of highlightRuns(cells)) {
    const area = rangeText({ r0: run.row, c0: run.col, r1: run.row, c1: run.col + run.cols - 1 });
    if (address.length + area.length + 1 > ADDRESS_CHARS) flush();
    address = address ? `${address},${area}` : area;
  }
  flush();
}

/** Millimetres to points (Excel's page margins are in points). */
export const mmToPoints = (mm: number): number => Math.round((mm * 7200) / 25.4) / 100;

const ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;

/**
 * The block as published (OutputBlock.report): the report font on the whole block; per table a
 * title centred across the table's columns ("CenterAcrossSelection": centred as a merge would
 * be, but the cells stay single cells — nothing to unmerge on a re-rank, sorting and selecting
 * the sheet's columns keep working, and the title cell keeps its address), bold; the subtitle
 * likewise, italic; the header row bold, centred and wrapped; thin borders on every cell of the
 * header and data rows (edges and inside lines); each column's alignment and wrapping on the
 * data rows; then the sheet's print set-up. All queued in the request that writes the values:
 * a fixed number of operations per table and per column, none per unit.
 */
export function queueReport(
  sheet: Excel.Worksheet,
  report: ReportLayout,
  rows: number,
  width: number,
  print: boolean,
): void {
  const all = sheet.getRangeByIndexes(0, 0, rows, width);
  all.format.font.name = report.font.name;
  all.format.font.size = report.font.size;
  for (const t of report.tables) {
    if (t.cols < 1) continue;
    const across = (row: number): Excel.Range => sheet.getRangeByIndexes(row, t.col, 1, t.cols);
    const title = across(t.title);
    title.format.horizontalAlignment = 'CenterAcrossSelection';
    title.format.font.bold = true;
    if (t.subtitle !== undefined) {
      const subtitle = across(t.subtitle);
      subtitle.format.horizontalAlignment = 'CenterAcrossSelection';
      subtitle.format.font.italic = true;
    }
    const header = across(t.header);
    header.format.font.bold = true;
    header.format.horizontalAlignment = 'Center';
    header.format.wrapText = true;
    // Header and data rows: one bordered rectangle.
    const last = Math.max(t.header, t.firstRow + t.rows - 1);
    const height = last - t.header + 1;
    const body = sheet.getRangeByIndexes(t.header, t.col, height, t.cols);
    body.format.verticalAlignment = 'Center';
    const sides: BorderSide[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    // Inside lines only where the range has some (a one-row header has no inside horizontal).
    if (t.cols > 1) sides.push('InsideVertical');
    if (height > 1) sides.push('InsideHorizontal');
    for (const side of sides) {
      const border = body.format.borders.getItem(side);
      border.style = 'Continuous';
      border.weight = 'Thin';
      border.color = '#000000';
    }
    if (t.rows < 1) continue;
    // Data rows, a run of columns laid out alike at a time.
    for (let c = 0; c < t.cols;) {
      const layout = report.columns[t.col + c];
      let end = c + 1;
      while (
        end < t.cols &&
        report.columns[t.col + end]?.align === layout?.align &&
        report.columns[t.col + end]?.wrap === layout?.wrap
      )
        end++;
      if (layout) {
        const data = sheet.getRangeByIndexes(t.firstRow, t.col + c, t.rows, end - c);
        data.format.horizontalAlignment = ALIGN[layout.align];
        data.format.wrapText = layout.wrap;
      }
      c = end;
    }
  }
  if (print) queuePrint(sheet, report.print);
}

type BorderSide =
  'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

/**
 * Worksheet.pageLayout (ExcelApi 1.9): paper, orientation, all columns on one page wide and as
 * many pages tall as needed (verticalFitToPages 0 = automatic; zoom is set as one object, as
 * Excel requires), margins in points, the title rows repeated on every page, "Trang 1/3" in the
 * centre of the footer (&P page, &N pages).
 */
function queuePrint(sheet: Excel.Worksheet, print: PrintSetup): void {
  const page = sheet.pageLayout;
  page.paperSize = 'A4';
  page.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  if (print.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  page.topMargin = mmToPoints(print.margins.top);
  page.bottomMargin = mmToPoints(print.margins.bottom);
  page.leftMargin = mmToPoints(print.margins.left);
  page.rightMargin = mmToPoints(print.margins.right);
  if (print.repeatRows)
    page.setPrintTitleRows(`$${print.repeatRows.first + 1}:$${print.repeatRows.last + 1}`);
  if (print.pageNumbers) page.headersFooters.defaultForAllPages.centerFooter = vi.hostReport.footer;
}

export function queueValidation(sheet: Excel.Worksheet, v: Validation): void {
  for (const address of v.range.split(/\s+/).filter(Boolean)) {
    const dv = sheet.getRange(address).dataValidation;
    if (v.values) {
      // An item with a comma would be split in two (and the real label refused), a list past 255
      // characters refused with the whole request: such a list gets only its prompt.
      const list = inlineList(v.values);
      if (list === undefined) {
        if (v.prompt) dv.prompt = { showPrompt: true, title: '', message: v.prompt };
        continue;
      }
      dv.rule = { list: { inCellDropDown: true, source: v.values.join(',') } };
    } else if (v.listRange) {
      dv.rule = { list: { inCellDropDown: true, source: `=${v.listRange}` } };
    } else if (v.decimal) {
      dv.rule = {
        decimal: { operator: 'Between', formula1: v.decimal.min, formula2: v.decimal.max },
      };
    } else if (v.whole) {
      dv.rule = {
        wholeNumber:
          v.whole.max === undefined
            ? { operator: 'GreaterThanOrEqualTo', formula1: v.whole.min }
            : { operator: 'Between', formula1: v.whole.min, formula2: v.whole.max },
      };
    }
    if (v.prompt) dv.prompt = { showPrompt: true, title: '', message: v.prompt };
    dv.errorAlert = {
      showAlert: true,
      style: 'Stop',
      title: vi.host.validationTitle,
      message: v.error ?? '',
    };
  }
}
