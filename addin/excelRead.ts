/// <reference types="office-js" />
/**
 * Reading the input sheets from Excel. Ordinary campaigns are read in one request: every
 * sheet's used range with its values, the output sheets' state, the date system — one
 * `context.sync()`. Excel on the web refuses a request or a response above 5 MB ("Excel on the
 * web has a payload size limit for requests and responses of 5MB",
 * learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins,
 * error ResponsePayloadSizeLimitExceeded,
 * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling); a read refused so
 * is done again in pieces: one request for the used ranges' sizes, then row chunks (a chunk of
 * columns for a row wider than a request) packed into requests of about 4 MB, estimated per
 * cell from what the earlier chunks of the same sheet weighed. A piece refused again is halved.
 * Desktop Excel has no such limit and never takes the second path.
 */
import type { CellValue } from '../shared/model/types';
import type { DateSystem, Grid } from '../shared/workbook/grid';

/** Largest estimated response of one chunked read, in bytes (Excel on the web refuses 5 MB). */
export const READ_LIMIT = 4_000_000;
/** Bytes a cell is assumed to weigh in the response before one of its sheet has been read. */
const FIRST_ESTIMATE = 16;
/** Margin over the weight measured so far, for later rows that hold longer text. */
const MARGIN = 1.1;

interface ReadSheet {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  merges?: Excel.RangeAreas;
}

/** What a read hands the host: the sheets as grids from A1 and what the write needs. */
export interface SheetsRead {
  sheets: Record<string, Grid>;
  merges: Record<string, string[]>;
  /** The sheets to replace, with existence, protection and charts loaded. */
  outputs: Map<string, Excel.Worksheet>;
  dateSystem: DateSystem;
  /** context.sync() calls the read made (a refused one included). */
  syncs: number;
}

export interface ReadOptions {
  /** Whether the host has ExcelApi 1.13 (merged areas); merges are skipped otherwise. */
  merges?: boolean;
  /** Largest estimated response of a chunked read (tests make it small). */
  limit?: number;
}

/** Queues the loads of the sheets to read (values, or only sizes) and of the sheets to replace. */
function queueReads(
  context: Excel.RequestContext,
  names: readonly string[],
  replace: readonly string[],
  mergesSupported: boolean,
  props: string,
): { inputs: Map<string, ReadSheet>; outputs: Map<string, Excel.Worksheet> } {
  const sheets = context.workbook.worksheets;
  const inputs = new Map<string, ReadSheet>();
  for (const name of names) {
    const sheet = sheets.getItemOrNullObject(name);
    // valuesOnly: formatting alone does not stretch the range
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(props);
    const merges = mergesSupported ? used.getMergedAreasOrNullObject() : undefined;
    merges?.load('address');
    inputs.set(name, { sheet, used, merges });
  }
  const outputs = new Map<string, Excel.Worksheet>();
  for (const name of replace) {
    const sheet = sheets.getItemOrNullObject(name);
    sheet.load('name');
    sheet.protection.load('protected');
    sheet.charts.load('items/name');
    outputs.set(name, sheet);
  }
  return { inputs, outputs };
}

/**
 * Queues the load of the workbook's date system with the sheet reads (same sync): office-js
 * returns date cells as serials in the workbook's own system, so a workbook saved with the
 * 1904 system (old Excel for Mac) needs it to read its dates right. The property is
 * Excel.Workbook.use1904DateSystem, listed among Excel's preview APIs: the production office.js
 * (1.1.110) does not define it, and then the workbook reads as 1900 (docs/excel.md says so).
 */
function queueDateSystem(context: Excel.RequestContext): () => DateSystem {
  const workbook = context.workbook as Excel.Workbook & { readonly use1904DateSystem?: boolean };
  if (!('use1904DateSystem' in workbook)) return () => 1900;
  workbook.load('use1904DateSystem');
  return () => (workbook.use1904DateSystem === true ? 1904 : 1900);
}

/** Values read from (rowIndex, columnIndex), placed so that grid[0][0] is A1 as the core expects. */
function placed(values: CellValue[][], rowIndex: number, columnIndex: number): Grid {
  if (rowIndex === 0 && columnIndex === 0) return values;
  const pad: CellValue[] = Array.from({ length: columnIndex }, () => null);
  const grid: CellValue[][] = Array.from({ length: rowIndex }, () => []);
  for (const row of values) grid.push(columnIndex ? [...pad, ...row] : row);
  return grid;
}

/** "'Chấm điểm'!D5:E6, 'Chấm điểm'!B2" → ["D5:E6", "B2"]. */
export function mergedRanges(address: string): string[] {
  return address
    .split(',')
    .map((part) => part.trim().split('!').pop() ?? '')
    .map((a) => a.replace(/\$/g, ''))
    .filter((a) => a.length > 0);
}

/** Whether Excel refused a request or its response for its size (Excel on the web only). */
export function isPayloadLimit(e: unknown): boolean {
  const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
  return /PayloadSizeLimitExceeded/.test(`${String(code)} ${String(message)}`);
}

/**
 * Reads the sheets `names` (values) and the state of the sheets `replace`: one sync, or, when
 * Excel refuses the response for its size, the chunked read described at the top.
 */
export async function readSheets(
  context: Excel.RequestContext,
  names: readonly string[],
  replace: readonly string[],
  options: ReadOptions = {},
): Promise<SheetsRead> {
  const mergesOn = options.merges ?? false;
  const { inputs, outputs } = queueReads(
    context,
    names,
    replace,
    mergesOn,
    'values,rowIndex,columnIndex',
  );
  const dates = queueDateSystem(context);
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadLimit(e)) throw e;
    const chunked = await readInChunks(context, names, replace, mergesOn, options.limit);
    return { ...chunked, syncs: chunked.syncs + 1 };
  }
  const sheets: Record<string, Grid> = {};
  for (const [name, read] of inputs) {
    if (read.sheet.isNullObject) continue;
    sheets[name] = read.used.isNullObject
      ? []
      : placed(read.used.values as CellValue[][], read.used.rowIndex, read.used.columnIndex);
  }
  return { sheets, merges: mergesOf(inputs), outputs, dateSystem: dates(), syncs: 1 };
}

function mergesOf(inputs: Map<string, ReadSheet>): Record<string, string[]> {
  const merges: Record<string, string[]> = {};
  for (const [name, read] of inputs) {
    if (read.sheet.isNullObject || !read.merges || read.merges.isNullObject) continue;
    merges[name] = mergedRanges(read.merges.address);
  }
  return merges;
}

/** A rectangle of one sheet's used range (0-based, relative to the range's first cell). */
export interface Chunk {
  name: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** A used range's size and the weight of one of its cells. */
export interface SheetSize {
  name: string;
  rows: number;
  cols: number;
  bytesPerCell: number;
}

/**
 * Cuts the rectangles, in order, into requests whose estimated response stays within `limit`:
 * whole rows where a row fits, a row wider than a request by columns (one request each).
 */
function pack(
  chunks: readonly Chunk[],
  weight: (name: string) => number,
  limit: number,
): Chunk[][] {
  const requests: Chunk[][] = [];
  let current: Chunk[] = [];
  let used = 0;
  const flush = (): void => {
    if (current.length > 0) requests.push(current);
    current = [];
    used = 0;
  };
  for (const chunk of chunks) {
    const perCell = weight(chunk.name);
    const rowBytes = chunk.cols * perCell;
    const end = chunk.row + chunk.rows;
    for (let row = chunk.row; row < end;) {
      if (rowBytes > limit) {
        const width = Math.max(1, Math.floor(limit / perCell));
        for (let col = chunk.col; col < chunk.col + chunk.cols; col += width) {
          flush();
          const cols = Math.min(width, chunk.col + chunk.cols - col);
          current.push({ name: chunk.name, row, col, rows: 1, cols });
          flush();
        }
        row++;
        continue;
      }
      let fit = Math.floor((limit - used) / rowBytes);
      if (fit < 1) {
        flush();
        fit = Math.floor(limit / rowBytes);
      }
      const rows = Math.min(fit, end - row);
      current.push({ name: chunk.name, row, col: chunk.col, rows, cols: chunk.cols });
      used += rows * rowBytes;
      row += rows;
    }
  }
  flush();
  return requests;
}

/** The requests that read these used ranges whole, each estimated within `limit`. */
export function planChunks(sheets: readonly SheetSize[], limit: number): Chunk[][] {
  const weights = new Map(sheets.map((s) => [s.name, s.bytesPerCell]));
  return pack(
    sheets.map((s) => ({ name: s.name, row: 0, col: 0, rows: s.rows, cols: s.cols })),
    (name) => weights.get(name) ?? FIRST_ESTIMATE,
    limit,
  );
}

/** A chunk in two halves (by rows, or by columns for one row); a single cell stays whole. */
function halve(c: Chunk): Chunk[] {
  if (c.rows > 1) {
    const top = Math.ceil(c.rows / 2);
    return [
      { ...c, rows: top },
      { ...c, row: c.row + top, rows: c.rows - top },
    ];
  }
  if (c.cols > 1) {
    const left = Math.ceil(c.cols / 2);
    return [
      { ...c, cols: left },
      { ...c, col: c.col + left, cols: c.cols - left },
    ];
  }
  return [c];
}

interface Box {
  sheet: Excel.Worksheet;
  rowIndex: number;
  columnIndex: number;
  values: CellValue[][];
}

/** The chunked read: sizes first, then the values in requests of about `limit` bytes. */
async function readInChunks(
  context: Excel.RequestContext,
  names: readonly string[],
  replace: readonly string[],
  mergesOn: boolean,
  limit = READ_LIMIT,
): Promise<SheetsRead> {
  const { inputs, outputs } = queueReads(
    context,
    names,
    replace,
    mergesOn,
    'rowIndex,columnIndex,rowCount,columnCount',
  );
  const dates = queueDateSystem(context);
  await context.sync();
  let syncs = 1;
  const sheets: Record<string, Grid> = {};
  const boxes = new Map<string, Box>();
  const sizes: SheetSize[] = [];
  for (const [name, { sheet, used }] of inputs) {
    if (sheet.isNullObject) continue;
    if (used.isNullObject) {
      sheets[name] = [];
      continue;
    }
    const { rowIndex, columnIndex, rowCount, columnCount } = used;
    const values = Array.from({ length: rowCount }, () => new Array<CellValue>(columnCount));
    boxes.set(name, { sheet, rowIndex, columnIndex, values });
    sizes.push({ name, rows: rowCount, cols: columnCount, bytesPerCell: FIRST_ESTIMATE });
  }
  const weights = new Map<string, number>();
  const weight = (name: string): number => weights.get(name) ?? FIRST_ESTIMATE;
  /** What each sheet's chunks weighed so far: the estimate for its next ones. */
  const measured = new Map<string, { bytes: number; cells: number }>();
  let queue = planChunks(sizes, limit);
  while (queue.length > 0) {
    const request = queue[0];
    const ranges = request.map((c) => {
      const box = boxes.get(c.name) as Box;
      const range = box.sheet.getRangeByIndexes(
        box.rowIndex + c.row,
        box.columnIndex + c.col,
        c.rows,
        c.cols,
      );
      range.load('values');
      return range;
    });
    try {
      await context.sync();
      syncs++;
    } catch (e) {
      syncs++;
      const pieces = request.flatMap(halve);
      if (!isPayloadLimit(e) || pieces.length === request.length) throw e;
      // Heavier than estimated: read these cells in halves, the sheets' next ones likewise.
      for (const c of request) weights.set(c.name, weight(c.name) * 2);
      queue = [...pack(pieces, weight, limit), ...queue.slice(1)];
      continue;
    }
    request.forEach((c, i) => {
      const values = ranges[i].values as CellValue[][];
      const rows = (boxes.get(c.name) as Box).values;
      for (let r = 0; r < c.rows; r++) {
        const target = rows[c.row + r];
        const source = values[r];
        for (let k = 0; k < c.cols; k++) target[c.col + k] = source[k];
      }
      const m = measured.get(c.name) ?? { bytes: 0, cells: 0 };
      m.bytes += JSON.stringify(values).length;
      m.cells += c.rows * c.cols;
      measured.set(c.name, m);
      weights.set(c.name, Math.max(1, (m.bytes / m.cells) * MARGIN));
    });
    queue = pack(queue.slice(1).flat(), weight, limit);
  }
  for (const [name, box] of boxes) sheets[name] = placed(box.values, box.rowIndex, box.columnIndex);
  return { sheets, merges: mergesOf(inputs), outputs, dateSystem: dates(), syncs };
}
