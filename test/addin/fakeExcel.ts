/**
 * A counting fake of the slice of office-js the Excel host uses, strict where Excel is strict:
 * operations queue on proxies and apply only at `context.sync()`; reading a property that was
 * not loaded and synced throws; a written matrix must match its range; what Excel would read as
 * a formula, number, date or boolean is converted the way Excel converts typed text (so a name
 * starting with "=" really becomes a formula here); each sync's request payload and response (what
 * it loads) are measured and one over 5 MB either way fails as on Excel on the web, loading
 * nothing; a run that ends with unsynced writes fails; clearing or
 * writing values in a protected sheet fails, and so does unprotecting without its password.
 * No Node APIs: the browser test of the task pane loads it too.
 */
import type { CellValue } from '../../shared/model/types';

type Value = string | number | boolean;

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position?: string;
}

export interface FakeValidation {
  address: string;
  rule?: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
}

export class FakeSheet {
  values: Value[][] = [];
  formulas = new Map<string, string>();
  numberFormats = new Map<string, string>();
  bold = new Set<number>();
  columnWidths = new Map<number, number>();
  unlocked: string[] = [];
  /** Fill colours by A1 address. */
  fills = new Map<string, string>();
  validations: FakeValidation[] = [];
  charts: FakeChart[] = [];
  frozenRows = 0;
  hidden = false;
  protected = false;
  /** A protection password: unprotect() without it fails, as in Excel. */
  password?: string;
  merges: string[] = [];
  /**
   * Cell formats the report layout sets (font, alignment, wrap, borders), by A1 address.
   * Borders are kept per cell edge as "Style Weight Color" (e.g. "Continuous Thin #000000").
   */
  cells = new Map<string, CellFormat>();
  /** Worksheet.pageLayout as written (ExcelApi 1.9); undefined values were never set. */
  page: FakePageLayout = {};
  constructor(public name: string) {}

  /** The format of one cell (0-based), empty when nothing was set. */
  format(r: number, c: number): CellFormat {
    return this.cells.get(a1(r, c)) ?? {};
  }

  get(r: number, c: number): Value {
    return this.values[r]?.[c] ?? '';
  }
  /**
   * The value Excel shows: a formula's result for the SUM formulas templates use (cells and
   * ranges of this sheet), '#FORMULA' for any other formula.
   */
  shown(r: number, c: number, depth = 0): Value {
    const formula = this.formulas.get(a1(r, c));
    if (formula === undefined) return this.get(r, c);
    return sumFormula(formula, (rr, cc) => this.shown(rr, cc, depth + 1), depth);
  }
  set(r: number, c: number, v: Value): void {
    while (this.values.length <= r) this.values.push([]);
    const row = this.values[r];
    while (row.length < c) row.push('');
    row[c] = v;
  }
  /** What the sheet shows, for assertions: trailing empties trimmed, null for blanks. */
  grid(): CellValue[][] {
    const out = this.values.map((row, r) => {
      let end = row.length;
      while (end > 0 && row[end - 1] === '') end--;
      return row.slice(0, end).map((v, c) => (v === '' ? null : this.shown(r, c)));
    });
    while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
    return out;
  }
  /**
   * Whole rows inserted (count > 0) or deleted (count < 0) at row `at`: every cell below moves
   * with its value, formula, number format, fill, bold, lock, validation and merge, as Excel's
   * Range.insert(Excel.InsertShiftDirection.down) / Range.delete(Excel.DeleteShiftDirection.up)
   * on entire rows do ("Existing cells move to accommodate the new empty cells",
   * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-insert; delete:
   * learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-delete-member(1)).
   * New rows are empty. Excel also rewrites references in formulas; the fake moves formulas but
   * does not rewrite their text (no score sheet of the tests holds a formula over its own rows).
   */
  shiftRows(at: number, count: number): void {
    if (count > 0) this.values.splice(at, 0, ...Array.from({ length: count }, () => []));
    else this.values.splice(at, -count);
    const move = (key: string): string | undefined => shiftAddress(key, at, count);
    const remap = <T>(m: Map<string, T>): Map<string, T> => shiftKeys(m, at, count);
    this.formulas = remap(this.formulas);
    this.numberFormats = remap(this.numberFormats);
    this.fills = remap(this.fills);
    this.cells = remap(this.cells);
    this.bold = new Set(
      [...this.bold].flatMap((r) =>
        r < at ? [r] : count < 0 && r < at - count ? [] : [r + count],
      ),
    );
    this.unlocked = this.unlocked.flatMap((a) => move(a) ?? []);
    this.merges = this.merges.flatMap((a) => move(a) ?? []);
    this.validations = this.validations.flatMap((v) => {
      const address = move(v.address);
      return address ? [{ ...v, address }] : [];
    });
  }
  clear(): void {
    this.values = [];
    this.formulas.clear();
    this.numberFormats.clear();
    this.bold.clear();
    this.fills.clear();
    this.validations = [];
    // clear('All') resets the cells' formats, their locked flag included
    this.unlocked = [];
    // "All: Clears everything in the range" (Excel.ClearApplyTo,
    // learn.microsoft.com/javascript/api/excel/excel.clearapplyto): fonts, alignment, wrap and
    // borders go with the formats. Merged areas are not said to go: the fake keeps them (the
    // host unmerges explicitly), and the page layout is the sheet's, not the cells'.
    this.cells.clear();
  }
}

/** What the fake records of a cell's format (Excel.RangeFormat and its font and borders). */
export interface CellFormat {
  fontName?: string;
  fontSize?: number;
  italic?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: Partial<Record<'top' | 'bottom' | 'left' | 'right', string>>;
}

/** Worksheet.pageLayout (Excel.PageLayout, ExcelApi 1.9) as the fake records it. */
export interface FakePageLayout {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number | null };
  /** Points. */
  topMargin?: number;
  bottomMargin?: number;
  leftMargin?: number;
  rightMargin?: number;
  /** The address given to setPrintTitleRows ("$4:$4"). */
  printTitleRows?: string;
  /** headersFooters.defaultForAllPages.centerFooter */
  centerFooter?: string;
}

/** A map keyed by A1 addresses after rows inserted or deleted (see shiftAddress); gone keys drop. */
export function shiftKeys<T>(m: ReadonlyMap<string, T>, at: number, count: number): Map<string, T> {
  const out = new Map<string, T>();
  for (const [k, v] of m) {
    const to = shiftAddress(k, at, count);
    if (to) out.set(to, v);
  }
  return out;
}

/**
 * An A1 address ("D7", "B2:E9") after rows inserted (count > 0) or deleted (count < 0) at row
 * `at` (0-based): rows below move, a range across the deleted rows shrinks, one wholly inside
 * them is gone (undefined).
 */
export function shiftAddress(address: string, at: number, count: number): string | undefined {
  const [a, b = a] = address.split(':');
  const cell = (s: string): [string, number] => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(s) as RegExpExecArray;
    return [m[1], Number(m[2]) - 1];
  };
  const [ca, ra] = cell(a);
  const [cb, rb] = cell(b);
  let top = ra;
  let bottom = rb;
  if (count > 0) {
    if (top >= at) top += count;
    if (bottom >= at) bottom += count;
  } else {
    const end = at - count; // first row below the deleted ones
    top = top < at ? top : top < end ? at : top + count;
    bottom = bottom < at ? bottom : bottom < end ? at - 1 : bottom + count;
    if (bottom < top) return undefined;
  }
  const one = `${ca}${top + 1}`;
  return address.includes(':') ? `${one}:${cb}${bottom + 1}` : one;
}

/**
 * The result of the SUM formulas templates use ("=SUM(C3,C4:C6)" over cells of the same
 * sheet); "#FORMULA" for any other formula.
 */
export function sumFormula(
  formula: string,
  shown: (r: number, c: number) => Value,
  depth = 0,
): Value {
  if (formula === '=0') return 0;
  const m = /^=SUM\((.*)\)$/i.exec(formula);
  if (!m || depth > 50) return '#FORMULA';
  let sum = 0;
  for (const part of m[1].split(',').filter(Boolean)) {
    const rect = parseAddress(part.trim());
    for (let i = 0; i < rect.rows; i++)
      for (let j = 0; j < rect.cols; j++) {
        const v = shown(rect.r + i, rect.c + j);
        if (typeof v === 'number') sum += v;
      }
  }
  return sum;
}

const col = (c: number): string => {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const a1 = (r: number, c: number): string => `${col(c)}${r + 1}`;

/** "D7" / "B2:E9" / "5:7" (whole rows) → 0-based rectangle. */
function parseAddress(address: string): { r: number; c: number; rows: number; cols: number } {
  const whole = /^\$?(\d+):\$?(\d+)$/.exec(address);
  if (whole) {
    const [a, b] = [Number(whole[1]) - 1, Number(whole[2]) - 1];
    return { r: Math.min(a, b), c: 0, rows: Math.abs(b - a) + 1, cols: 16_384 };
  }
  const one = (s: string): [number, number] => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(s.toUpperCase());
    if (!m) throw new Error(`InvalidArgument: address ${address}`);
    let c = 0;
    for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]) - 1, c - 1];
  };
  const [a, b = a] = address.split(':');
  const [r1, c1] = one(a);
  const [r2, c2] = one(b);
  return {
    r: Math.min(r1, r2),
    c: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    cols: Math.abs(c2 - c1) + 1,
  };
}

/** What Excel stores when this is typed into a General cell. */
export function excelTyped(v: Value): { value: Value; formula?: string } {
  if (typeof v !== 'string') return { value: v };
  if (v.startsWith("'")) return { value: v.slice(1) };
  if (/^[=+@]/.test(v) || /^-./.test(v)) {
    if (/^-\s*\d+([.,]\d+)?$/.test(v)) return { value: Number(v.replace(',', '.')) };
    return { value: '#FORMULA', formula: v };
  }
  if (/^\s*\d+([.]\d+)?\s*$/.test(v)) return { value: Number(v) };
  if (/^\d+\s*%$/.test(v)) return { value: Number(v.replace('%', '')) / 100 };
  if (/^\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?$/.test(v)) return { value: 40000 }; // a date serial
  if (/^(true|false)$/i.test(v)) return { value: v.toLowerCase() === 'true' };
  return { value: v };
}

class NotLoaded extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was read before load() and sync()`);
  }
}

type Op = () => void;

/** The sync being answered: what its loads put in the response. */
let answering: { bytes: number; set: [Map<string, unknown>, string][] } | undefined;

/**
 * A proxy's loaded properties. Each one a sync sets counts toward that sync's response, as JSON
 * (strings quoted, numbers as digits, a matrix as nested arrays), and is forgotten if the
 * response is refused: a failed request loads nothing.
 */
class Answer extends Map<string, unknown> {
  override set(key: string, value: unknown): this {
    if (answering) {
      answering.bytes += key.length + 3 + (JSON.stringify(value)?.length ?? 4);
      answering.set.push([this, key]);
    }
    return super.set(key, value);
  }
}

/** The error Excel on the web throws for a request or response over its limit. */
function limitError(code: string, bytes: number): Error {
  return Object.assign(new Error(`${code}: ${bytes} bytes`), { code, name: 'RichApi.Error' });
}

export interface SyncRecord {
  /** Estimated request size (JSON of everything written in it). */
  payload: number;
  /** Estimated response size: the JSON of every property it loaded (values as JSON arrays). */
  response: number;
  writes: number;
  suspendedCalculation: boolean;
  suspendedScreen: boolean;
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  syncs: SyncRecord[] = [];
  active?: string;
  selected?: { sheet: string; address: string };
  /**
   * Excel on the web's limits on one request and on its response: "Excel on the web has a payload
   * size limit for requests and responses of 5MB. RichAPI.Error will be thrown if that limit is
   * exceeded" (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
   * with the codes RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, "This error
   * only occurs in Excel on the web" (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling).
   * Desktop Excel has neither: tests of desktop set them to Infinity.
   */
  payloadLimit = 5_000_000;
  responseLimit = 5_000_000;
  /** Calls of Excel.run. */
  runs = 0;
  /** Milliseconds each sync takes (browser tests make the pane's busy state visible). */
  latency = 0;
  /** The workbook counts dates from 1904 (Excel.Workbook.use1904DateSystem). */
  date1904 = false;
  /**
   * Whether office.js defines Workbook.use1904DateSystem. The production library the add-in
   * loads (appsforoffice.microsoft.com/lib/1/hosted, npm @microsoft/office-js 1.1.110) does
   * not: the property is listed only among Excel's preview APIs, and @types/office-js 1.0.612
   * does not declare it. So by default the fake's workbook has no such property, as there.
   */
  dateSystemApi = false;
  /**
   * Whether the host has ExcelApi 1.9, where Worksheet.pageLayout lives ("[ API set: ExcelApi
   * 1.9 ]", learn.microsoft.com/javascript/api/excel/excel.pagelayout). The office.js library
   * the add-in loads is always the newest, so the proxy has the property everywhere; an older
   * Excel refuses the request that uses it, as the fake does when this is false.
   */
  pageLayoutApi = true;

  static fromSheets(sheets: Record<string, readonly (readonly CellValue[])[]>): FakeExcel {
    const fake = new FakeExcel();
    for (const [name, rows] of Object.entries(sheets)) {
      const s = new FakeSheet(name);
      s.values = rows.map((row) =>
        Array.from(row, (v) => (v === null || v === undefined ? '' : v)),
      );
      fake.sheets.push(s);
    }
    return fake;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Excel.run over this workbook. */
  run = async <T>(batch: (context: never) => Promise<T>): Promise<T> => {
    this.runs++;
    const context = new FakeContext(this);
    const result = await batch(context as never);
    if (context.pending.length > 0 && context.pendingWrites > 0) {
      throw new Error('The batch ended with writes that were never synced');
    }
    return result;
  };
}

class FakeContext {
  pending: Op[] = [];
  pendingWrites = 0;
  payload = 0;
  suspendedCalculation = false;
  suspendedScreen = false;
  workbook: {
    worksheets: WorksheetCollection;
    application: unknown;
    load: (p: string) => void;
    readonly use1904DateSystem?: boolean;
  };
  constructor(readonly excel: FakeExcel) {
    // Excel.Workbook.use1904DateSystem: "True if the workbook uses the 1904 date system"
    // (learn.microsoft.com/javascript/api/excel/excel.workbook#use1904DateSystem); a scalar
    // property, loaded and read after a sync like every other.
    const loaded = new Answer();
    const api = this.excel.dateSystemApi;
    this.workbook = {
      load: (p: string) => {
        for (const name of p.split(',').map((s) => s.trim())) {
          if (name !== 'use1904DateSystem' || !api) throw new Error(`PropertyNotFound: ${name}`);
          this.queue(() => loaded.set(name, this.excel.date1904), 0, false);
        }
      },
      worksheets: new WorksheetCollection(this),
      application: {
        suspendApiCalculationUntilNextSync: () => {
          this.suspendedCalculation = true;
        },
        suspendScreenUpdatingUntilNextSync: () => {
          this.suspendedScreen = true;
        },
      },
    };
    if (api) {
      Object.defineProperty(this.workbook, 'use1904DateSystem', {
        get: (): boolean => {
          if (!loaded.has('use1904DateSystem')) throw new NotLoaded('workbook.use1904DateSystem');
          return loaded.get('use1904DateSystem') as boolean;
        },
      });
    }
  }
  queue(op: Op, payload = 0, write = true): void {
    this.pending.push(op);
    this.payload += payload;
    if (write) this.pendingWrites++;
  }
  async sync(): Promise<void> {
    if (this.excel.latency > 0) await new Promise((r) => setTimeout(r, this.excel.latency));
    const record: SyncRecord = {
      payload: this.payload,
      response: 0,
      writes: this.pendingWrites,
      suspendedCalculation: this.suspendedCalculation,
      suspendedScreen: this.suspendedScreen,
    };
    this.excel.syncs.push(record);
    const ops = this.pending;
    this.pending = [];
    this.pendingWrites = 0;
    this.payload = 0;
    // "Until next sync": the suspension ends with this request, whatever happens in it.
    this.suspendedCalculation = false;
    this.suspendedScreen = false;
    if (record.payload > this.excel.payloadLimit) {
      throw limitError('RequestPayloadSizeLimitExceeded', record.payload);
    }
    const answer = { bytes: 0, set: [] as [Map<string, unknown>, string][] };
    answering = answer;
    try {
      for (const op of ops) op();
    } finally {
      answering = undefined;
      record.response = answer.bytes;
    }
    if (answer.bytes > this.excel.responseLimit) {
      for (const [map, key] of answer.set) map.delete(key);
      throw limitError('ResponsePayloadSizeLimitExceeded', answer.bytes);
    }
  }
}

class WorksheetCollection {
  constructor(private readonly ctx: FakeContext) {}
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, name, true);
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, name, false);
  }
  add(name: string): WorksheetProxy {
    this.ctx.queue(() => {
      if (this.ctx.excel.sheet(name)) throw new Error(`ItemAlreadyExists: ${name}`);
      this.ctx.excel.sheets.push(new FakeSheet(name));
    }, name.length);
    return new WorksheetProxy(this.ctx, name, false);
  }
}

class Loadable {
  protected loaded: Map<string, unknown> = new Answer();
  protected read<T>(key: string): T {
    if (!this.loaded.has(key)) throw new NotLoaded(key);
    return this.loaded.get(key) as T;
  }
}

class WorksheetProxy extends Loadable {
  readonly protection: {
    load: (p: string) => void;
    readonly protected: boolean;
    protect: (options?: unknown) => void;
    unprotect: (password?: string) => void;
  };
  readonly charts: ChartCollection;
  readonly freezePanes: { freezeRows: (n: number) => void; unfreeze: () => void };
  readonly pageLayout: ReturnType<typeof pageLayoutProxy>;
  constructor(
    private readonly ctx: FakeContext,
    readonly sheetName: string,
    private readonly nullable: boolean,
  ) {
    super();
    // Existence is known at sync time, like everything else.
    ctx.queue(() => this.loaded.set('isNullObject', !ctx.excel.sheet(sheetName)), 0, false);
    const loaded = this.loaded;
    const target = (): FakeSheet | undefined => this.target();
    const must = (): FakeSheet => this.must();
    this.protection = {
      load: () => ctx.queue(() => loaded.set('protected', target()?.protected ?? false), 0, false),
      get protected(): boolean {
        if (!loaded.has('protected')) throw new NotLoaded('protection.protected');
        return loaded.get('protected') as boolean;
      },
      protect: () => ctx.queue(() => (must().protected = true), 10),
      unprotect: (password?: string) =>
        ctx.queue(() => {
          const s = must();
          if (s.password !== undefined && password !== s.password) {
            throw new Error(`InvalidOperation: ${s.name} is protected with a password`);
          }
          s.protected = false;
        }, 10),
    };
    this.charts = new ChartCollection(ctx, this);
    this.freezePanes = {
      freezeRows: (n) => ctx.queue(() => (this.must().frozenRows = n), 10),
      unfreeze: () => ctx.queue(() => (this.must().frozenRows = 0), 10),
    };
    this.pageLayout = pageLayoutProxy(ctx, () => this.must());
  }
  target(): FakeSheet | undefined {
    return this.ctx.excel.sheet(this.sheetName);
  }
  must(): FakeSheet {
    const s = this.target();
    if (!s) throw new Error(`ItemNotFound: ${this.sheetName}`);
    return s;
  }
  get isNullObject(): boolean {
    const v = this.read<boolean>('isNullObject');
    if (v && !this.nullable) throw new Error(`ItemNotFound: ${this.sheetName}`);
    return v;
  }
  load(props: string): void {
    this.ctx.queue(
      () => {
        if (props.includes('name')) this.loaded.set('name', this.target()?.name);
      },
      0,
      false,
    );
  }
  get name(): string {
    return this.read<string>('name');
  }
  set visibility(v: string) {
    this.ctx.queue(() => (this.must().hidden = v !== 'Visible'), 10);
  }
  activate(): void {
    this.ctx.queue(() => {
      this.must();
      this.ctx.excel.active = this.sheetName;
    }, 10);
  }
  /** Worksheet.delete(): the sheet and its contents leave the workbook. */
  delete(): void {
    this.ctx.queue(() => {
      const s = this.must();
      this.ctx.excel.sheets = this.ctx.excel.sheets.filter((x) => x !== s);
    }, 10);
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.ctx, this, () => {
      const s = this.target();
      if (!s) return undefined;
      let top = Infinity;
      let left = Infinity;
      let bottom = -1;
      let right = -1;
      s.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === '') return;
          top = Math.min(top, r);
          bottom = Math.max(bottom, r);
          left = Math.min(left, c);
          right = Math.max(right, c);
        }),
      );
      if (bottom < 0) return undefined;
      return { r: top, c: left, rows: bottom - top + 1, cols: right - left + 1 };
    });
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): RangeProxy {
    if (rows < 1 || cols < 1) throw new Error('InvalidArgument: empty range');
    return new RangeProxy(this.ctx, this, () => ({ r, c, rows, cols }));
  }
  /**
   * Worksheet.getRanges(address) → RangeAreas (ExcelApi 1.9, learn.microsoft.com/javascript/api/
   * excel/excel.rangeareas): "one or more rectangular ranges in the same worksheet", addressed
   * comma-separated ("A1:B4, D1:D4"); its `format` sets a property on every area at once. Only
   * format.fill.color is modelled (what the host sets through it); one queued write for all areas.
   */
  getRanges(address: string): { format: { fill: { color: string } } } {
    const rects = address.split(',').map((a) => parseAddress(a.trim()));
    const ctx = this.ctx;
    const must = (): FakeSheet => this.must();
    return {
      format: {
        fill: {
          set color(color: string) {
            ctx.queue(() => {
              const s = must();
              for (const r of rects)
                for (let i = 0; i < r.rows; i++)
                  for (let j = 0; j < r.cols; j++) s.fills.set(a1(r.r + i, r.c + j), color);
            }, 20 + address.length);
          },
          get color(): string {
            throw new NotLoaded('format.fill.color');
          },
        },
      },
    };
  }
  getRange(address?: string): RangeProxy {
    if (address === undefined) {
      return new RangeProxy(this.ctx, this, () => ({ r: 0, c: 0, rows: 1_048_576, cols: 16_384 }));
    }
    const rect = parseAddress(address);
    return new RangeProxy(this.ctx, this, () => rect);
  }
}

type Rect = { r: number; c: number; rows: number; cols: number };

const H_ALIGN = [
  'General',
  'Left',
  'Center',
  'Right',
  'Fill',
  'Justify',
  'CenterAcrossSelection',
  'Distributed',
];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

/**
 * RangeFormat.borders.getItem(index) (Excel.RangeBorderCollection, Excel.RangeBorder,
 * learn.microsoft.com/javascript/api/excel/excel.rangeborder): `sideIndex` one of EdgeTop,
 * EdgeBottom, EdgeLeft, EdgeRight, InsideVertical, InsideHorizontal (DiagonalDown / DiagonalUp
 * are not modelled); `style` an Excel.BorderLineStyle (None, Continuous, Dash, DashDot,
 * DashDotDot, Dot, Double, SlantDashDot), `weight` an Excel.BorderWeight (Hairline, Thin, Medium,
 * Thick), `color` "#RRGGBB". Each property set is recorded on the cell edges the border draws:
 * an edge on the range's outer cells, an inside line on both cells it separates.
 */
function borderProxy(
  index: string,
  cellsWrite: (fn: (f: CellFormat, i: number, j: number, r: Rect) => void) => void,
) {
  const sides: Record<
    string,
    (i: number, j: number, r: Rect) => ('top' | 'bottom' | 'left' | 'right')[]
  > = {
    EdgeTop: (i) => (i === 0 ? ['top'] : []),
    EdgeBottom: (i, _j, r) => (i === r.rows - 1 ? ['bottom'] : []),
    EdgeLeft: (_i, j) => (j === 0 ? ['left'] : []),
    EdgeRight: (_i, j, r) => (j === r.cols - 1 ? ['right'] : []),
    InsideHorizontal: (i, _j, r) => [
      ...(i > 0 ? (['top'] as const) : []),
      ...(i < r.rows - 1 ? (['bottom'] as const) : []),
    ],
    InsideVertical: (_i, j, r) => [
      ...(j > 0 ? (['left'] as const) : []),
      ...(j < r.cols - 1 ? (['right'] as const) : []),
    ],
  };
  if (!sides[index]) throw new Error(`InvalidArgument: border ${index}`);
  /** Parts of "Style Weight Color", replaced one at a time. */
  const part = (at: 0 | 1 | 2, value: string, valid: (v: string) => boolean) =>
    cellsWrite((f, i, j, r) => {
      if (!valid(value)) throw new Error(`InvalidArgument: border ${index} ${value}`);
      for (const side of sides[index](i, j, r)) {
        const parts = (f.borders?.[side] ?? 'None Thin #000000').split(' ');
        parts[at] = value;
        f.borders = { ...f.borders, [side]: parts.join(' ') };
      }
    });
  return {
    set style(v: string) {
      part(0, v, (x) =>
        [
          'None',
          'Continuous',
          'Dash',
          'DashDot',
          'DashDotDot',
          'Dot',
          'Double',
          'SlantDashDot',
        ].includes(x),
      );
    },
    get style(): string {
      throw new NotLoaded('border.style');
    },
    set weight(v: string) {
      part(1, v, (x) => ['Hairline', 'Thin', 'Medium', 'Thick'].includes(x));
    },
    get weight(): string {
      throw new NotLoaded('border.weight');
    },
    set color(v: string) {
      part(2, v, (x) => /^#[0-9A-Fa-f]{6}$/.test(x));
    },
    get color(): string {
      throw new NotLoaded('border.color');
    },
  };
}

class RangeProxy extends Loadable {
  readonly format: {
    font: { bold: boolean; italic: boolean; name: string; size: number };
    fill: { color: string };
    columnWidth: number;
    protection: { locked: boolean };
    horizontalAlignment: string;
    verticalAlignment: string;
    wrapText: boolean;
    borders: { getItem: (index: string) => { style: string; weight: string; color: string } };
  };
  readonly dataValidation: { rule: unknown; prompt: unknown; errorAlert: unknown };
  constructor(
    private readonly ctx: FakeContext,
    private readonly ws: WorksheetProxy,
    private readonly rect: () => Rect | undefined,
  ) {
    super();
    const rectOf = (): Rect => this.must();
    const write = (fn: (s: FakeSheet, rect: Rect) => void, size = 20): void =>
      ctx.queue(() => fn(ws.must(), rectOf()), size);
    /** Sets one format property on every cell of the range. */
    const cellsWrite = (fn: (f: CellFormat, i: number, j: number, r: Rect) => void): void =>
      write((s, r) => {
        for (let i = 0; i < r.rows; i++)
          for (let j = 0; j < r.cols; j++) {
            const key = a1(r.r + i, r.c + j);
            const f = s.cells.get(key) ?? {};
            fn(f, i, j, r);
            s.cells.set(key, f);
          }
      });
    const property = <T>(
      key: string,
      check: (v: T) => boolean,
      apply: (f: CellFormat, v: T) => void,
    ) => ({
      set: (v: T) =>
        cellsWrite((f) => {
          if (!check(v)) throw new Error(`InvalidArgument: ${key} ${String(v)}`);
          apply(f, v);
        }),
      get: (): T => {
        throw new NotLoaded(`format.${key}`);
      },
      enumerable: true,
    });
    this.format = {
      font: {
        set bold(b: boolean) {
          write((s, r) => {
            for (let i = 0; i < r.rows; i++) {
              if (b) s.bold.add(r.r + i);
              else s.bold.delete(r.r + i);
            }
          });
        },
        get bold(): boolean {
          throw new NotLoaded('format.font.bold');
        },
      },
      fill: {
        set color(color: string) {
          write((s, r) => {
            for (let i = 0; i < r.rows; i++)
              for (let j = 0; j < r.cols; j++) s.fills.set(a1(r.r + i, r.c + j), color);
          });
        },
        get color(): string {
          throw new NotLoaded('format.fill.color');
        },
      },
      set columnWidth(w: number) {
        write((s, r) => s.columnWidths.set(r.c, w));
      },
      get columnWidth(): number {
        throw new NotLoaded('format.columnWidth');
      },
      protection: {
        set locked(l: boolean) {
          if (!l)
            write((s, r) =>
              s.unlocked.push(`${a1(r.r, r.c)}:${a1(r.r + r.rows - 1, r.c + r.cols - 1)}`),
            );
        },
        get locked(): boolean {
          throw new NotLoaded('format.protection.locked');
        },
      },
      borders: { getItem: (index: string) => borderProxy(index, cellsWrite) },
    } as RangeProxy['format'];
    // Excel.RangeFont name / size / italic, Excel.RangeFormat horizontalAlignment (Excel.
    // HorizontalAlignment, "CenterAcrossSelection" among them: ExcelApi 1.1,
    // learn.microsoft.com/javascript/api/excel/excel.horizontalalignment), verticalAlignment and
    // wrapText ("Specifies if Excel wraps the text in the object"). A value Excel does not know
    // fails the request at sync.
    const font = this.format.font;
    Object.defineProperties(font, {
      name: property<string>(
        'font.name',
        (v) => typeof v === 'string' && v.length > 0,
        (f, v) => (f.fontName = v),
      ),
      size: property<number>(
        'font.size',
        (v) => typeof v === 'number' && v >= 1 && v <= 409,
        (f, v) => (f.fontSize = v),
      ),
      italic: property<boolean>(
        'font.italic',
        (v) => typeof v === 'boolean',
        (f, v) => (f.italic = v),
      ),
    });
    Object.defineProperties(this.format, {
      horizontalAlignment: property<string>(
        'horizontalAlignment',
        (v) => H_ALIGN.includes(v),
        (f, v) => (f.horizontalAlignment = v),
      ),
      verticalAlignment: property<string>(
        'verticalAlignment',
        (v) => V_ALIGN.includes(v),
        (f, v) => (f.verticalAlignment = v),
      ),
      wrapText: property<boolean>(
        'wrapText',
        (v) => typeof v === 'boolean',
        (f, v) => (f.wrapText = v),
      ),
    });
    const validation = (key: keyof FakeValidation) => (v: unknown) =>
      write((s, r) => {
        const address = `${a1(r.r, r.c)}:${a1(r.r + r.rows - 1, r.c + r.cols - 1)}`;
        let found = s.validations.find((x) => x.address === address);
        if (!found) s.validations.push((found = { address }));
        (found as unknown as Record<string, unknown>)[key] = v;
      }, JSON.stringify(v).length);
    const dv = {} as { rule: unknown; prompt: unknown; errorAlert: unknown };
    for (const key of ['rule', 'prompt', 'errorAlert'] as const) {
      Object.defineProperty(dv, key, { set: validation(key) });
    }
    this.dataValidation = dv;
  }
  private must(): Rect {
    const r = this.rect();
    if (!r) throw new Error('ItemNotFound: empty used range');
    return r;
  }
  get isNullObject(): boolean {
    return this.read<boolean>('isNullObject');
  }
  load(props: string): void {
    const wanted = props.split(',').map((p) => p.trim());
    this.ctx.queue(
      () => {
        const s = this.ws.target();
        const r = s ? this.rect() : undefined;
        this.loaded.set('isNullObject', !r);
        if (!s || !r) return;
        if (wanted.includes('values')) {
          const values: Value[][] = [];
          for (let i = 0; i < r.rows; i++) {
            const row: Value[] = [];
            for (let j = 0; j < r.cols; j++) row.push(s.shown(r.r + i, r.c + j));
            values.push(row);
          }
          this.loaded.set('values', values);
        }
        // Only what was asked for is in the response (and readable after it).
        const props: Record<string, unknown> = {
          rowIndex: r.r,
          columnIndex: r.c,
          rowCount: r.rows,
          columnCount: r.cols,
          address: `'${s.name}'!${a1(r.r, r.c)}:${a1(r.r + r.rows - 1, r.c + r.cols - 1)}`,
        };
        for (const [key, value] of Object.entries(props)) {
          if (wanted.includes(key)) this.loaded.set(key, value);
        }
      },
      0,
      false,
    );
  }
  get values(): Value[][] {
    return this.read<Value[][]>('values');
  }
  set values(matrix: Value[][]) {
    this.ctx.queue(() => {
      const s = this.ws.must();
      if (s.protected) throw new Error(`AccessDenied: ${s.name} is protected`);
      const r = this.must();
      if (matrix.length !== r.rows || matrix.some((row) => row.length !== r.cols)) {
        throw new Error(
          `InvalidArgument: ${matrix.length}×${matrix[0]?.length} values for a ${r.rows}×${r.cols} range`,
        );
      }
      matrix.forEach((row, i) =>
        row.forEach((v, j) => {
          const typed = excelTyped(v);
          s.set(r.r + i, r.c + j, typed.value);
          const key = a1(r.r + i, r.c + j);
          if (typed.formula) s.formulas.set(key, typed.formula);
          else s.formulas.delete(key);
        }),
      );
    }, JSON.stringify(matrix).length);
  }
  get rowIndex(): number {
    return this.read<number>('rowIndex');
  }
  get columnIndex(): number {
    return this.read<number>('columnIndex');
  }
  get rowCount(): number {
    return this.read<number>('rowCount');
  }
  get columnCount(): number {
    return this.read<number>('columnCount');
  }
  get address(): string {
    return this.read<string>('address');
  }
  set numberFormat(matrix: string[][]) {
    this.ctx.queue(() => {
      const s = this.ws.must();
      const r = this.must();
      if (matrix.length !== r.rows || matrix.some((row) => row.length !== r.cols)) {
        throw new Error('InvalidArgument: numberFormat shape');
      }
      matrix.forEach((row, i) =>
        row.forEach((f, j) => {
          if (f !== 'General') s.numberFormats.set(a1(r.r + i, r.c + j), f);
        }),
      );
    }, JSON.stringify(matrix).length);
  }
  set formulas(matrix: string[][]) {
    this.ctx.queue(() => {
      const s = this.ws.must();
      const r = this.must();
      if (matrix.length !== r.rows || matrix.some((row) => row.length !== r.cols)) {
        throw new Error('InvalidArgument: formulas shape');
      }
      matrix.forEach((row, i) =>
        row.forEach((f, j) => {
          s.formulas.set(a1(r.r + i, r.c + j), f);
          s.set(r.r + i, r.c + j, '#FORMULA');
        }),
      );
    }, JSON.stringify(matrix).length);
  }
  clear(_what?: string): void {
    this.ctx.queue(() => {
      const s = this.ws.must();
      if (s.protected) throw new Error(`AccessDenied: ${s.name} is protected`);
      s.clear();
    }, 10);
  }
  /** Range.insert on entire rows ("5:7"): see FakeSheet.shiftRows. */
  insert(shift: string): void {
    this.rowOp(shift, 'Down', 1);
  }
  /** Range.delete on entire rows ("5:7"): see FakeSheet.shiftRows. */
  delete(shift: string): void {
    this.rowOp(shift, 'Up', -1);
  }
  private rowOp(shift: string, expected: string, sign: number): void {
    this.ctx.queue(() => {
      const s = this.ws.must();
      // A protected sheet refuses inserting and deleting rows unless its protection allows them
      // (allowInsertRows / allowDeleteRows), which the add-in never sets.
      if (s.protected) throw new Error(`AccessDenied: ${s.name} is protected`);
      const r = this.must();
      if (shift !== expected || r.c !== 0 || r.cols !== 16_384)
        throw new Error('InvalidArgument: the fake models entire rows shifted down/up only');
      s.shiftRows(r.r, sign * r.rows);
    }, 20);
  }
  /**
   * Range.unmerge ("Unmerge the range cells into separate cells", ExcelApi 1.2,
   * learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-unmerge-member(1)):
   * every merged area inside the range is split.
   */
  unmerge(): void {
    this.ctx.queue(() => {
      const s = this.ws.must();
      const r = this.must();
      s.merges = s.merges.filter((m) => {
        const x = parseAddress(m);
        return !(
          x.r >= r.r &&
          x.c >= r.c &&
          x.r + x.rows <= r.r + r.rows &&
          x.c + x.cols <= r.c + r.cols
        );
      });
    }, 10);
  }
  select(): void {
    this.ctx.queue(() => {
      const r = this.must();
      // A cell by its address ("D7"), a larger range by its corners ("A1:P20").
      const address =
        r.rows === 1 && r.cols === 1
          ? a1(r.r, r.c)
          : `${a1(r.r, r.c)}:${a1(r.r + r.rows - 1, r.c + r.cols - 1)}`;
      this.ctx.excel.selected = { sheet: this.ws.sheetName, address };
    }, 10);
  }
  getMergedAreasOrNullObject(): RangeProxy {
    const areas = new RangeProxy(this.ctx, this.ws, () => this.rect());
    // Merged areas: a null object when the sheet has none; address lists them.
    const load = areas.load.bind(areas);
    areas.load = () => {
      load('address');
      this.ctx.queue(
        () => {
          const merges = this.ws.target()?.merges ?? [];
          areas.loaded.set('isNullObject', merges.length === 0);
          areas.loaded.set('address', merges.map((m) => `'${this.ws.sheetName}'!${m}`).join(', '));
        },
        0,
        false,
      );
    };
    return areas;
  }
  /** The A1 address of this range's rectangle, for charts. */
  rectAddress(): string {
    const r = this.must();
    return `${a1(r.r, r.c)}:${a1(r.r + r.rows - 1, r.c + r.cols - 1)}`;
  }
}

/**
 * Worksheet.pageLayout (Excel.PageLayout, ExcelApi 1.9,
 * learn.microsoft.com/javascript/api/excel/excel.pagelayout): what the host writes, each a
 * queued write applied at sync. Strict as Excel is:
 * - `orientation` is "Portrait" or "Landscape" (Excel.PageOrientation), `paperSize` one of
 *   Excel.PaperType (the fake knows "A4", "A3", "Letter", "Legal");
 * - the margins are in points ("The worksheet's left margin, in points, for use when printing");
 * - `zoom` "must be set as a JSON object (use x.zoom = {...} instead of x.zoom.scale = ...)"
 *   (Excel.PageLayout.zoom); its members are horizontalFitToPages, verticalFitToPages and scale
 *   (Excel.PageLayoutZoomOptions; "Print page scale value can be between 10 and 400");
 * - `setPrintTitleRows(printTitleRows: Range | string)`: "Sets the rows that contain the cells to
 *   be repeated at the top of each page for printing" — the fake takes whole rows ("$4:$5");
 * - `headersFooters.defaultForAllPages.centerFooter` (Excel.HeaderFooter, "The center footer of
 *   the worksheet"), with Excel's codes "&P" (page number) and "&N" (number of pages).
 * Without ExcelApi 1.9 (FakeExcel.pageLayoutApi false) the request fails at sync: ApiNotFound.
 */
function pageLayoutProxy(ctx: FakeContext, must: () => FakeSheet) {
  const set = (apply: (p: FakePageLayout) => void): void =>
    ctx.queue(() => {
      if (!ctx.excel.pageLayoutApi)
        throw new Error('ApiNotFound: Worksheet.pageLayout needs ExcelApi 1.9');
      apply(must().page);
    }, 20);
  const margin = (key: 'topMargin' | 'bottomMargin' | 'leftMargin' | 'rightMargin') => ({
    set: (v: number) =>
      set((p) => {
        if (typeof v !== 'number' || !(v >= 0)) throw new Error(`InvalidArgument: ${key} ${v}`);
        p[key] = v;
      }),
    get: (): number => {
      throw new NotLoaded(`pageLayout.${key}`);
    },
  });
  const layout = {
    set orientation(o: string) {
      set((p) => {
        if (o !== 'Portrait' && o !== 'Landscape')
          throw new Error(`InvalidArgument: orientation ${o}`);
        p.orientation = o;
      });
    },
    get orientation(): string {
      throw new NotLoaded('pageLayout.orientation');
    },
    set paperSize(size: string) {
      set((p) => {
        if (!['A4', 'A3', 'Letter', 'Legal'].includes(size))
          throw new Error(`InvalidArgument: paperSize ${size}`);
        p.paperSize = size;
      });
    },
    get paperSize(): string {
      throw new NotLoaded('pageLayout.paperSize');
    },
    set zoom(z: FakePageLayout['zoom']) {
      set((p) => {
        const keys = Object.keys(z ?? {});
        if (
          !z ||
          keys.some((k) => !['horizontalFitToPages', 'verticalFitToPages', 'scale'].includes(k))
        )
          throw new Error('InvalidArgument: zoom');
        if (typeof z.scale === 'number' && (z.scale < 10 || z.scale > 400))
          throw new Error('InvalidArgument: zoom.scale');
        p.zoom = { ...z };
      });
    },
    /** A proxy's zoom is not loaded: writing `zoom.scale = …` on it fails as in Excel. */
    get zoom(): never {
      throw new NotLoaded('pageLayout.zoom (set it as a whole object)');
    },
    setPrintTitleRows(rows: string) {
      set((p) => {
        if (typeof rows !== 'string' || !/^\$?\d+:\$?\d+$/.test(rows))
          throw new Error(`InvalidArgument: print title rows ${String(rows)}`);
        p.printTitleRows = rows;
      });
    },
    headersFooters: {
      defaultForAllPages: {
        set centerFooter(text: string) {
          set((p) => (p.centerFooter = text));
        },
        get centerFooter(): string {
          throw new NotLoaded('headersFooters.defaultForAllPages.centerFooter');
        },
      },
    },
  };
  for (const key of ['topMargin', 'bottomMargin', 'leftMargin', 'rightMargin'] as const)
    Object.defineProperty(layout, key, { ...margin(key), enumerable: true });
  return layout as typeof layout &
    Record<'topMargin' | 'bottomMargin' | 'leftMargin' | 'rightMargin', number>;
}

class ChartCollection extends Loadable {
  constructor(
    private readonly ctx: FakeContext,
    private readonly ws: WorksheetProxy,
  ) {
    super();
  }
  load(_props: string): void {
    this.ctx.queue(
      () => {
        const s = this.ws.target();
        this.loaded.set(
          'items',
          (s?.charts ?? []).map((chart) => ({
            name: chart.name,
            delete: () => this.ctx.queue(() => s?.charts.splice(s.charts.indexOf(chart), 1), 10),
          })),
        );
      },
      0,
      false,
    );
  }
  get items(): { name: string; delete: () => void }[] {
    return this.read('items');
  }
  add(type: string, source: RangeProxy, seriesBy: string) {
    const chart: FakeChart = { name: '', type, source: '', seriesBy, title: '' };
    this.ctx.queue(() => {
      chart.source = source.rectAddress();
      this.ws.must().charts.push(chart);
    }, 50);
    const ctx = this.ctx;
    return {
      set name(n: string) {
        ctx.queue(() => (chart.name = n), n.length);
      },
      title: {
        set text(t: string) {
          ctx.queue(() => (chart.title = t), t.length);
        },
      },
      setPosition: (start: RangeProxy) =>
        ctx.queue(() => (chart.position = start.rectAddress()), 10),
    };
  }
}
