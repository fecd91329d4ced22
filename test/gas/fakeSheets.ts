/**
 * A counting fake of the slice of Apps Script the Sheets host uses (SpreadsheetApp, LockService,
 * HtmlService, Utilities): every service call is counted by name; written matrices must match
 * their range; typed text is converted the way Sheets converts it (a leading "=" makes a
 * formula, "0012" a number, an apostrophe keeps text); getValues() gives Date objects for date
 * cells as Sheets does. Usable as real globals, so the built Code.js runs against it in a vm.
 */
import type { CellValue } from '../../shared/model/types';
import { excelTyped, shiftAddress, shiftKeys, sumFormula } from '../addin/fakeExcel';

type Value = string | number | boolean | Date;

export class Calls {
  counts = new Map<string, number>();
  /**
   * Plays a service failure: the `at`-th call of `name` throws before it does anything. Apps
   * Script has no transactions — what the calls before it changed stays changed, as in the fake.
   */
  failOn?: { name: string; at: number; message?: string };
  add(name: string): void {
    const n = (this.counts.get(name) ?? 0) + 1;
    this.counts.set(name, n);
    if (this.failOn && this.failOn.name === name && this.failOn.at === n) {
      throw new Error(
        this.failOn.message ?? 'Service Spreadsheets failed while accessing document.',
      );
    }
  }
  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }
  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
  reset(): void {
    this.counts.clear();
  }
  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort());
  }
}

const colLetters = (c: number): string => {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
};
const a1 = (r: number, c: number): string => `${colLetters(c)}${r + 1}`;

function parseA1(address: string): { r: number; c: number; rows: number; cols: number } {
  const one = (s: string): [number, number] => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(s.toUpperCase());
    if (!m) throw new Error(`Range not found: ${address}`);
    let c = 0;
    for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]) - 1, c - 1];
  };
  const [a, b = a] = address.split(':');
  const [r1, c1] = one(a);
  const [r2, c2] = one(b);
  return { r: r1, c: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
}

/** A sheet's or a range's protection: who may edit (users and groups by e-mail address). */
export interface FakeProtection {
  unprotected: string[];
  warningOnly: boolean;
  editors: string[];
  domainEdit?: boolean;
}

/** Rectangles (0-based) of an A1 range. */
const rect = (a: string) => parseA1(a);
const inside = (
  x: { r: number; c: number; rows: number; cols: number },
  y: { r: number; c: number; rows: number; cols: number },
): boolean =>
  x.r >= y.r && x.c >= y.c && x.r + x.rows <= y.r + y.rows && x.c + x.cols <= y.c + y.cols;
const overlaps = (
  x: { r: number; c: number; rows: number; cols: number },
  y: { r: number; c: number; rows: number; cols: number },
): boolean => x.r < y.r + y.rows && y.r < x.r + x.rows && x.c < y.c + y.cols && y.c < x.c + x.cols;
/** The whole sheet, for writes that touch all of it (clear, charts, frozen rows). */
const WHOLE = { r: 0, c: 0, rows: 1_000_000, cols: 18_278 };

/**
 * What the real service answers when a script edits a protected sheet or range its user may not
 * edit (the message Sheets shows for it).
 */
export const PROTECTED_EDIT =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** An address the real service accepts as a user's or group's e-mail (ASCII, a dotted domain). */
const ADDRESS = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

export interface FakeChartRecord {
  type: string;
  ranges: string[];
  title?: string;
  position?: [number, number];
}

export class FakeGSheet {
  values: Value[][] = [];
  formulas = new Map<string, string>();
  formats = new Map<string, string>();
  bold = new Set<string>();
  /** Background colours by range (as set through a RangeList). */
  backgrounds = new Map<string, string>();
  widths = new Map<number, number>();
  frozenRows = 0;
  charts: FakeChartRecord[] = [];
  checkboxes: string[] = [];
  validations: { range: string; rule: unknown }[] = [];
  protection?: FakeProtection;
  /** Protected ranges of the sheet (ProtectionType.RANGE), as someone else may have set them. */
  rangeProtections: (FakeProtection & { range: string })[] = [];
  merges: string[] = [];
  /**
   * Cell formats the report layout sets (font family and size, italic, horizontal alignment,
   * wrap, borders), by A1 address; a border side is "color style" ("#000000 SOLID").
   */
  cells = new Map<string, GCellFormat>();
  constructor(
    public name: string,
    readonly book: FakeSpreadsheet,
  ) {}
  /** The format of one cell (0-based), empty when nothing was set. */
  format(r: number, c: number): GCellFormat {
    return this.cells.get(a1(r, c)) ?? {};
  }
  /** Applies `fn` to the format of every cell of a rectangle. */
  formatCells(
    x: { r: number; c: number; rows: number; cols: number },
    fn: (f: GCellFormat, i: number, j: number) => void,
  ): void {
    for (let i = 0; i < x.rows; i++)
      for (let j = 0; j < x.cols; j++) {
        const key = a1(x.r + i, x.c + j);
        const f = this.cells.get(key) ?? {};
        fn(f, i, j);
        this.cells.set(key, f);
      }
  }
  /**
   * Merges `x` (Range.mergeAcross: each of its rows). Sheets refuses a merge that cuts through
   * an existing merged range ("You must select all cells in a merged range to merge or unmerge
   * them."); merged ranges inside `x` are replaced.
   */
  merge(x: { r: number; c: number; rows: number; cols: number }): void {
    if (this.merges.some((m) => overlaps(rect(m), x) && !inside(rect(m), x)))
      throw new Error('You must select all cells in a merged range to merge or unmerge them.');
    this.merges = this.merges.filter((m) => !inside(rect(m), x));
    if (x.rows * x.cols > 1)
      this.merges.push(`${a1(x.r, x.c)}:${a1(x.r + x.rows - 1, x.c + x.cols - 1)}`);
  }
  get(r: number, c: number): Value {
    return this.values[r]?.[c] ?? '';
  }
  /** The value Sheets shows (a template's SUM formulas computed). */
  shown(r: number, c: number, depth = 0): Value {
    const formula = this.formulas.get(a1(r, c));
    if (formula === undefined) return this.get(r, c);
    return sumFormula(formula, (rr, cc) => this.shown(rr, cc, depth + 1) as never, depth);
  }
  set(r: number, c: number, v: Value): void {
    while (this.values.length <= r) this.values.push([]);
    const row = this.values[r];
    while (row.length < c) row.push('');
    row[c] = v;
  }
  lastRow(): number {
    let last = 0;
    this.values.forEach((row, r) => {
      if (row.some((v) => v !== '')) last = r + 1;
    });
    return last;
  }
  lastColumn(): number {
    let last = 0;
    for (const row of this.values) {
      for (let c = row.length - 1; c >= 0; c--) {
        if (row[c] !== '') {
          last = Math.max(last, c + 1);
          break;
        }
      }
    }
    return last;
  }
  /** What the sheet shows, for assertions: trailing empties trimmed, null for blanks. */
  grid(): CellValue[][] {
    const out = this.values.map((row) => {
      let end = row.length;
      while (end > 0 && row[end - 1] === '') end--;
      return row
        .slice(0, end)
        .map((v) => (v === '' ? null : v instanceof Date ? v.toISOString() : v));
    });
    while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
    return out;
  }
  /**
   * Throws as the real service does when the script's user may not edit `area` of this sheet
   * (default: all of it): a protection that is not warning-only ("Warning-based protection means
   * that every user can edit data in the area", Protection.setWarningOnly) and does not list the
   * user, directly or through a group — except inside the sheet protection's unprotected ranges.
   */
  guard(area = WHOLE): void {
    const p = this.protection;
    if (p && !p.warningOnly && !this.book.mayEdit(p.editors)) {
      const open = area !== WHOLE && p.unprotected.some((u) => inside(area, rect(u)));
      if (!open) throw new Error(PROTECTED_EDIT);
    }
    for (const rp of this.rangeProtections) {
      if (!rp.warningOnly && !this.book.mayEdit(rp.editors) && overlaps(area, rect(rp.range)))
        throw new Error(PROTECTED_EDIT);
    }
  }
  /**
   * Whole rows inserted (count > 0) or deleted (count < 0) before 0-based row `at`: the cells
   * below move with their formats, checks and protected ranges, as Sheet.insertRowsBefore
   * ("Inserts a number of blank rows before the given row position") and Sheet.deleteRows
   * ("Deletes a number of rows starting at the given row position") do
   * (developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsBefore(Integer,Integer),
   * #deleteRows(Integer,Integer)). Formula text is not rewritten (see FakeSheet.shiftRows).
   */
  shiftRows(at: number, count: number): void {
    if (count > 0) this.values.splice(at, 0, ...Array.from({ length: count }, () => []));
    else this.values.splice(at, -count);
    const move = (a: string): string | undefined => shiftAddress(a, at, count);
    const remap = <T>(m: Map<string, T>): Map<string, T> => shiftKeys(m, at, count);
    this.formulas = remap(this.formulas);
    this.formats = remap(this.formats);
    this.backgrounds = remap(this.backgrounds);
    this.cells = remap(this.cells);
    this.bold = new Set([...this.bold].flatMap((a) => move(a) ?? []));
    this.checkboxes = this.checkboxes.flatMap((a) => move(a) ?? []);
    this.merges = this.merges.flatMap((a) => move(a) ?? []);
    this.validations = this.validations.flatMap((v) => {
      const range = move(v.range);
      return range ? [{ ...v, range }] : [];
    });
    if (this.protection)
      this.protection.unprotected = this.protection.unprotected.flatMap((a) => move(a) ?? []);
    this.rangeProtections = this.rangeProtections.flatMap((p) => {
      const range = move(p.range);
      return range ? [{ ...p, range }] : [];
    });
  }
  /** The Apps Script Sheet object over this sheet. */
  api(): unknown {
    const calls = this.book.calls;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the API object's closures
    const sheet = this;
    const track = <T>(name: string, fn: () => T): T => {
      calls.add(`Sheet.${name}`);
      return fn();
    };
    return {
      getName: () => track('getName', () => sheet.name),
      getParent: () => track('getParent', () => sheet.book.api()),
      getDataRange: () =>
        track('getDataRange', () =>
          rangeApi(sheet, 0, 0, Math.max(1, sheet.lastRow()), Math.max(1, sheet.lastColumn())),
        ),
      getRange: (...args: unknown[]) =>
        track('getRange', () => {
          if (typeof args[0] === 'string') {
            const { r, c, rows, cols } = parseA1(args[0]);
            return rangeApi(sheet, r, c, rows, cols);
          }
          const [row, col, rows = 1, cols = 1] = args as number[];
          if (rows < 1 || cols < 1)
            throw new Error('The number of rows in the range must be at least 1.');
          return rangeApi(sheet, row - 1, col - 1, rows, cols);
        }),
      getRangeList: (a1s: string[]) =>
        track('getRangeList', () => {
          const ranges = a1s.map((a) => {
            const { r, c, rows, cols } = parseA1(a);
            return rangeApi(sheet, r, c, rows, cols);
          });
          return {
            getRanges: () => ranges,
            setBackground: (color: string) => {
              calls.add('RangeList.setBackground');
              for (const a of a1s) sheet.guard(rect(a));
              for (const a of a1s) sheet.backgrounds.set(a, color);
            },
            setFontWeight: (w: string) => {
              calls.add('RangeList.setFontWeight');
              for (const a of a1s) sheet.guard(rect(a));
              for (const a of a1s) if (w === 'bold') sheet.bold.add(a);
            },
            // RangeList.setFontStyle(fontStyle): "'italic' or 'normal'; a null value resets".
            setFontStyle: (style: string | null) => {
              calls.add('RangeList.setFontStyle');
              if (style !== null && style !== 'italic' && style !== 'normal')
                throw new Error(`Invalid font style: ${style}`);
              for (const a of a1s) sheet.guard(rect(a));
              for (const a of a1s)
                sheet.formatCells(rect(a), (f) => (f.italic = style === 'italic'));
            },
            /**
             * RangeList.setBorder(top, left, bottom, right, vertical, horizontal, color, style)
             * (developers.google.com/apps-script/reference/spreadsheet/range-list#setBorder):
             * true sets a border, false removes it, null leaves it; `vertical` and `horizontal`
             * are the internal lines of each range; `style` a SpreadsheetApp.BorderStyle.
             */
            setBorder: (...args: unknown[]) => {
              calls.add('RangeList.setBorder');
              for (const a of a1s) sheet.guard(rect(a));
              applyBorder(sheet, a1s.map(rect), args);
            },
            /** RangeList.breakApart(): every merged range inside one of the ranges is split. */
            breakApart: () => {
              calls.add('RangeList.breakApart');
              for (const a of a1s) breakApart(sheet, rect(a));
            },
            insertCheckboxes: () => {
              calls.add('RangeList.insertCheckboxes');
              for (const a of a1s) sheet.guard(rect(a));
              for (const a of a1s) {
                sheet.checkboxes.push(a);
                const { r, c, rows, cols } = parseA1(a);
                for (let i = 0; i < rows; i++)
                  for (let j = 0; j < cols; j++) sheet.set(r + i, c + j, false);
              }
            },
          };
        }),
      // Sheet.clear(): "Clears the sheet of content and formatting information"
      // (developers.google.com/apps-script/reference/spreadsheet/sheet#clear()): values, number
      // formats, fonts, alignment, wrap, borders, backgrounds. Merged cells are not said to go,
      // so the fake keeps them (the host breaks them apart); column widths stay too.
      clear: () =>
        track('clear', () => {
          sheet.guard();
          sheet.values = [];
          sheet.formulas.clear();
          sheet.formats.clear();
          sheet.bold.clear();
          sheet.backgrounds.clear();
          sheet.cells.clear();
        }),
      getCharts: () => track('getCharts', () => [...sheet.charts]),
      removeChart: (chart: FakeChartRecord) =>
        track('removeChart', () => {
          sheet.guard();
          sheet.charts.splice(sheet.charts.indexOf(chart), 1);
        }),
      newChart: () => track('newChart', () => chartBuilder(sheet)),
      insertChart: (chart: FakeChartRecord) =>
        track('insertChart', () => {
          sheet.guard();
          sheet.charts.push(chart);
        }),
      insertRowsBefore: (before: number, howMany: number) =>
        track('insertRowsBefore', () => {
          const max = Math.max(1000, sheet.values.length);
          if (before < 1 || before > max || howMany < 1)
            throw new Error('Those rows are out of bounds.');
          sheet.guard();
          sheet.shiftRows(before - 1, howMany);
        }),
      deleteRows: (position: number, howMany: number) =>
        track('deleteRows', () => {
          if (position < 1 || howMany < 1) throw new Error('Those rows are out of bounds.');
          sheet.guard();
          sheet.shiftRows(position - 1, -howMany);
        }),
      getFrozenRows: () => track('getFrozenRows', () => sheet.frozenRows),
      getMaxRows: () => track('getMaxRows', () => Math.max(1000, sheet.values.length)),
      getMaxColumns: () =>
        track('getMaxColumns', () => Math.max(26, ...sheet.values.map((r) => r.length))),
      setFrozenRows: (n: number) =>
        track('setFrozenRows', () => {
          sheet.guard();
          sheet.frozenRows = n;
        }),
      setColumnWidth: (c: number, px: number) =>
        track('setColumnWidth', () => {
          sheet.guard({ r: 0, c: c - 1, rows: WHOLE.rows, cols: 1 });
          sheet.widths.set(c, px);
        }),
      activate: () => track('activate', () => (sheet.book.active = sheet.name)),
      protect: () =>
        track('protect', () => {
          // "If the sheet is already protected, this method returns an object representing the
          // existing protection settings." Otherwise, until the script changes the editors, "the
          // permissions mirror those of the spreadsheet itself": its owner and its editors
          // (people and groups). (developers.google.com/apps-script/reference/spreadsheet/sheet#protect())
          sheet.protection ??= {
            unprotected: [],
            warningOnly: false,
            editors: [sheet.book.owner, ...sheet.book.editors],
          };
          return protectionApi(sheet, sheet.protection);
        }),
      getProtections: (type: string) =>
        track('getProtections', () =>
          type === 'SHEET'
            ? sheet.protection
              ? [protectionApi(sheet, sheet.protection)]
              : []
            : sheet.rangeProtections.map((p) => protectionApi(sheet, p)),
        ),
    };
  }
}

/**
 * The Protection object over a record, modelled on
 * developers.google.com/apps-script/reference/spreadsheet/protection:
 * - `canEdit()`: whether the script's user may edit (the owner always may; a group listed as an
 *   editor lets its members edit).
 * - `getEditors()`: only for those who may edit (the Sheets API: "This field is only visible to
 *   users with edit access to the protected range and the document"); others get an error.
 * - `removeEditors(...)`: the owner is never removed, nor the script's own user when listed by
 *   name (Google's sample removes every editor right after adding itself, and stays one); but
 *   "Ensure the current user is an editor before removing others. Otherwise, if the user's edit
 *   permission comes from a group, the script throws an exception upon removing the group."
 * - `addEditor(s)`: an address the service cannot take is an error ("Invalid email").
 */
function protectionApi(sheet: FakeGSheet, record: FakeProtection) {
  const book = sheet.book;
  const calls = book.calls;
  const emailOf = (u: string | { getEmail(): string }): string =>
    typeof u === 'string' ? u : u.getEmail();
  const add = (emails: string[]): void => {
    for (const e of emails) {
      if (!ADDRESS.test(e)) throw new Error(`Invalid email: ${e}`);
      if (!record.editors.includes(e)) record.editors.push(e);
    }
  };
  const p = {
    setDescription: () => p,
    canEdit: () => {
      calls.add('Protection.canEdit');
      return book.mayEdit(record.editors);
    },
    isWarningOnly: () => {
      calls.add('Protection.isWarningOnly');
      return record.warningOnly;
    },
    canDomainEdit: () => record.domainEdit ?? true,
    setDomainEdit: (d: boolean) => {
      calls.add('Protection.setDomainEdit');
      record.domainEdit = d;
      return p;
    },
    getEditors: () => {
      calls.add('Protection.getEditors');
      if (!book.mayEdit(record.editors)) throw new Error(PROTECTED_EDIT);
      return record.editors.map((email) => ({ getEmail: () => email }));
    },
    removeEditors: (users: (string | { getEmail(): string })[]) => {
      calls.add('Protection.removeEditors');
      const gone = new Set(users.map(emailOf));
      const left = record.editors.filter(
        (e) => !gone.has(e) || e === book.owner || e === book.user,
      );
      if (!book.mayEdit(left)) {
        throw new Error(
          `${book.user} would lose the right to edit this protected sheet (it comes from a group being removed).`,
        );
      }
      record.editors = left;
      return p;
    },
    addEditor: (user: string | { getEmail(): string }) => {
      calls.add('Protection.addEditor');
      add([emailOf(user)]);
      return p;
    },
    addEditors: (emails: string[]) => {
      calls.add('Protection.addEditors');
      add(emails);
      return p;
    },
    getUnprotectedRanges: () => {
      calls.add('Protection.getUnprotectedRanges');
      return record.unprotected.map((a) => ({ getA1Notation: () => a }));
    },
    setUnprotectedRanges: (ranges: { getA1Notation(): string }[]) => {
      calls.add('Protection.setUnprotectedRanges');
      record.unprotected = ranges.map((x) => x.getA1Notation());
      return p;
    },
    setWarningOnly: (w: boolean) => {
      calls.add('Protection.setWarningOnly');
      record.warningOnly = w;
      return p;
    },
    remove: () => {
      calls.add('Protection.remove');
      if (!book.mayEdit(record.editors)) throw new Error(PROTECTED_EDIT);
      if (sheet.protection === record) sheet.protection = undefined;
      sheet.rangeProtections = sheet.rangeProtections.filter((x) => x !== record);
    },
  };
  return p;
}

/** What the fake records of a cell's format. */
export interface GCellFormat {
  fontFamily?: string;
  fontSize?: number;
  italic?: boolean;
  horizontalAlignment?: string;
  wrap?: boolean;
  borders?: Partial<Record<'top' | 'bottom' | 'left' | 'right', string>>;
}

type Rect = { r: number; c: number; rows: number; cols: number };

/** SpreadsheetApp.BorderStyle (developers.google.com/apps-script/reference/spreadsheet/border-style). */
export const BORDER_STYLES = ['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE'];

function applyBorder(sheet: FakeGSheet, rects: Rect[], args: unknown[]): void {
  const [top, left, bottom, right, vertical, horizontal, color = '#000000', style = 'SOLID'] =
    args as (boolean | null | string)[];
  if (args.length !== 6 && args.length !== 8) throw new Error('setBorder takes 6 or 8 arguments');
  if (!BORDER_STYLES.includes(String(style))) throw new Error(`Invalid border style: ${style}`);
  const line = `${String(color ?? '#000000')} ${String(style)}`;
  for (const x of rects)
    sheet.formatCells(x, (f, i, j) => {
      const set = (side: 'top' | 'bottom' | 'left' | 'right', on: unknown): void => {
        if (on === null || on === undefined) return;
        const b = { ...f.borders };
        if (on) b[side] = line;
        else delete b[side];
        f.borders = b;
      };
      set('top', i === 0 ? top : horizontal);
      set('bottom', i === x.rows - 1 ? bottom : horizontal);
      set('left', j === 0 ? left : vertical);
      set('right', j === x.cols - 1 ? right : vertical);
    });
}

function breakApart(sheet: FakeGSheet, x: Rect): void {
  if (sheet.merges.some((m) => overlaps(rect(m), x) && !inside(rect(m), x)))
    throw new Error('You must select all cells in a merged range to merge or unmerge them.');
  sheet.merges = sheet.merges.filter((m) => !inside(rect(m), x));
}

function chartBuilder(sheet: FakeGSheet): unknown {
  const chart: FakeChartRecord = { type: 'unknown', ranges: [] };
  const b = {
    asBarChart: () => ((chart.type = 'bar'), b),
    setTitle: (t: string) => ((chart.title = t), b),
    addRange: (r: { getA1Notation(): string }) => (chart.ranges.push(r.getA1Notation()), b),
    setNumHeaders: () => b,
    setPosition: (row: number, col: number) => ((chart.position = [row, col]), b),
    build: () => chart,
  };
  void sheet;
  return b;
}

function rangeApi(sheet: FakeGSheet, r: number, c: number, rows: number, cols: number) {
  const calls = sheet.book.calls;
  const track = <T>(name: string, fn: () => T): T => {
    calls.add(`Range.${name}`);
    return fn();
  };
  const shape = (m: unknown[][], what: string): void => {
    if (m.length !== rows || m.some((row) => row.length !== cols)) {
      throw new Error(
        `The number of rows or columns in the ${what} does not match the range (${m.length}×${m[0]?.length} vs ${rows}×${cols}).`,
      );
    }
  };
  const address =
    rows === 1 && cols === 1 ? a1(r, c) : `${a1(r, c)}:${a1(r + rows - 1, c + cols - 1)}`;
  return {
    getA1Notation: () => address,
    getValues: () =>
      track('getValues', () => {
        const out: Value[][] = [];
        for (let i = 0; i < rows; i++) {
          const row: Value[] = [];
          for (let j = 0; j < cols; j++) {
            const v = sheet.shown(r + i, c + j);
            row.push(v instanceof Date ? new Date(v.getTime()) : v);
          }
          out.push(row);
        }
        return out;
      }),
    getMergedRanges: () =>
      track('getMergedRanges', () => sheet.merges.map((m) => ({ getA1Notation: () => m }))),
    setValues: (m: Value[][]) =>
      track('setValues', () => {
        sheet.guard({ r, c, rows, cols });
        shape(m, 'data');
        m.forEach((row, i) =>
          row.forEach((v, j) => {
            const typed = v instanceof Date ? { value: v } : excelTyped(v);
            sheet.set(r + i, c + j, typed.value);
            const key = a1(r + i, c + j);
            if ('formula' in typed && typed.formula) sheet.formulas.set(key, typed.formula);
            else sheet.formulas.delete(key);
          }),
        );
      }),
    setNumberFormats: (m: string[][]) =>
      track('setNumberFormats', () => {
        sheet.guard({ r, c, rows, cols });
        shape(m, 'number formats');
        m.forEach((row, i) =>
          row.forEach((f, j) => {
            if (f !== 'General') sheet.formats.set(a1(r + i, c + j), f);
          }),
        );
      }),
    setBackgrounds: (m: (string | null)[][]) =>
      track('setBackgrounds', () => {
        sheet.guard({ r, c, rows, cols });
        shape(m, 'backgrounds');
        m.forEach((row, i) =>
          row.forEach((color, j) => {
            if (color) sheet.backgrounds.set(a1(r + i, c + j), color);
          }),
        );
      }),
    // Range.setFontFamily / setFontSize: "Sets the font family, such as "Arial" or
    // "Helvetica"" / "Sets the font size, with the size being the point size to use"
    // (developers.google.com/apps-script/reference/spreadsheet/range#setFontFamily(String)).
    setFontFamily: (family: string) =>
      track('setFontFamily', () => {
        sheet.guard({ r, c, rows, cols });
        sheet.formatCells({ r, c, rows, cols }, (f) => (f.fontFamily = family));
      }),
    setFontSize: (size: number) =>
      track('setFontSize', () => {
        sheet.guard({ r, c, rows, cols });
        if (!Number.isInteger(size) || size < 1) throw new Error(`Invalid font size: ${size}`);
        sheet.formatCells({ r, c, rows, cols }, (f) => (f.fontSize = size));
      }),
    // Range.setHorizontalAlignments(alignments): "A two-dimensional array of alignments, either
    // 'left', 'center' or 'normal'; a null value resets the alignment" ('right' is accepted
    // too); its dimensions must match the range's.
    setHorizontalAlignments: (m: (string | null)[][]) =>
      track('setHorizontalAlignments', () => {
        sheet.guard({ r, c, rows, cols });
        shape(m, 'alignments');
        for (const row of m)
          for (const v of row)
            if (v !== null && !['left', 'center', 'normal', 'right'].includes(v))
              throw new Error(`Invalid alignment: ${v}`);
        sheet.formatCells({ r, c, rows, cols }, (f, i, j) => {
          const v = m[i][j];
          if (v === null) delete f.horizontalAlignment;
          else f.horizontalAlignment = v;
        });
      }),
    // Range.setWraps(isWrapEnabled): a two-dimensional array of booleans, matching the range.
    setWraps: (m: boolean[][]) =>
      track('setWraps', () => {
        sheet.guard({ r, c, rows, cols });
        shape(m, 'wraps');
        sheet.formatCells({ r, c, rows, cols }, (f, i, j) => (f.wrap = m[i][j]));
      }),
    // Range.mergeAcross(): "Merge the cells in the range across the columns of the range" —
    // each row on its own.
    mergeAcross: () =>
      track('mergeAcross', () => {
        sheet.guard({ r, c, rows, cols });
        for (let i = 0; i < rows; i++) sheet.merge({ r: r + i, c, rows: 1, cols });
      }),
    // Range.breakApart(): "Break any multi-column cells in the range into individual cells
    // again"; a merged range only partly inside is refused, as by Sheets.
    breakApart: () =>
      track('breakApart', () => {
        sheet.guard({ r, c, rows, cols });
        breakApart(sheet, { r, c, rows, cols });
      }),
    setFormula: (f: string) =>
      track('setFormula', () => {
        sheet.guard({ r, c, rows: 1, cols: 1 });
        sheet.formulas.set(a1(r, c), f);
        sheet.set(r, c, '#FORMULA');
      }),
    setFormulas: (m: string[][]) =>
      track('setFormulas', () => {
        sheet.guard({ r, c, rows, cols });
        shape(m, 'formulas');
        m.forEach((row, i) =>
          row.forEach((f, j) => {
            sheet.formulas.set(a1(r + i, c + j), f);
            sheet.set(r + i, c + j, '#FORMULA');
          }),
        );
      }),
    clearDataValidations: () =>
      track('clearDataValidations', () => {
        sheet.guard({ r, c, rows, cols });
        sheet.validations = sheet.validations.filter((v) => {
          const [a] = v.range.split(':');
          const m = /^([A-Z]+)(\d+)$/.exec(a);
          if (!m) return true;
          let col = 0;
          for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
          const row = Number(m[2]) - 1;
          return !(row >= r && row < r + rows && col - 1 >= c && col - 1 < c + cols);
        });
        sheet.checkboxes = [];
      }),
    setDataValidation: (rule: unknown) =>
      track('setDataValidation', () => {
        sheet.guard({ r, c, rows, cols });
        sheet.validations.push({ range: address, rule });
      }),
    activate: () =>
      track('activate', () => {
        const book = sheet.book;
        book.active = sheet.name;
        book.selected = { sheet: sheet.name, address };
      }),
  };
}

export class FakeSpreadsheet {
  calls = new Calls();
  /** The owner: may always edit, is never removed from a protection. */
  owner = 'owner@so-noi-vu.gov.vn';
  /** Whom the spreadsheet is shared with for editing: people and Google Groups. */
  editors: string[] = ['staff@so-noi-vu.gov.vn'];
  /** Google Groups and their members. */
  groups: Record<string, string[]> = {};
  /** Who runs the script (Session.getEffectiveUser()); the owner unless a test says otherwise. */
  user = 'owner@so-noi-vu.gov.vn';
  sheets: FakeGSheet[] = [];
  active?: string;
  selected?: { sheet: string; address: string };
  flushes = 0;
  timeZone = 'Asia/Ho_Chi_Minh';
  /** Set to true to play "someone else holds the document lock". */
  lockHeld = false;
  lockReleases = 0;
  /**
   * The authorisation mode the script runs in now (set by a test around an onOpen call; menu
   * clicks and sidebar calls run in FULL). What each mode allows follows Google's documentation:
   *
   * - `NONE`: "a mode that does not allow access to any services that require authorization",
   *   an add-on's onOpen in a file where it has not been used yet
   *   (https://developers.google.com/apps-script/reference/script/auth-mode); "attempting to take
   *   actions that require authorization when the authorization mode is ScriptApp.AuthMode.NONE
   *   results in an error" (https://developers.google.com/workspace/add-ons/concepts/menus). The
   *   fake allows only `SpreadsheetApp.getUi()` and building a menu; every other call throws
   *   (ScriptApp.getInstallationSource too: Google does not say, so the fake assumes the worst).
   * - `LIMITED`: a bound script's onOpen, or an add-on's in a file where it is enabled: "access
   *   to a limited subset of services" — the bound spreadsheet and menus
   *   (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle); the fake
   *   refuses the user's identity (Session) and LockService, and allows ScriptApp's
   *   getInstallationSource (metadata of the script itself, no scope listed for it).
   * - `FULL`: everything the project's scopes allow (menu clicks, onInstall).
   */
  authMode: 'NONE' | 'LIMITED' | 'FULL' = 'FULL';
  /** ScriptApp.getInstallationSource(): how this user got the script ("NONE": bound). */
  installationSource: 'NONE' | 'APPS_MARKETPLACE_DOMAIN_ADD_ON' | 'WEB_STORE_ADD_ON' = 'NONE';
  /** Every call refused for the auth mode, as "Service.method (MODE)". */
  refused: string[] = [];
  ui = {
    /** Each menu built: its title (the add-on menu has none of its own), API and items. */
    menus: [] as {
      name: string;
      api: 'createMenu' | 'createAddonMenu';
      items: [string, string][];
      added: boolean;
    }[],
    sidebars: [] as string[],
    alerts: [] as string[],
    toasts: [] as string[],
  };

  static fromSheets(sheets: Record<string, readonly (readonly CellValue[])[]>): FakeSpreadsheet {
    const book = new FakeSpreadsheet();
    for (const [name, rows] of Object.entries(sheets)) {
      const s = new FakeGSheet(name, book);
      s.values = rows.map((row) =>
        Array.from(row, (v) => (v === null || v === undefined ? '' : v)),
      );
      book.sheets.push(s);
    }
    return book;
  }
  /** Whether the script's user may edit under a protection listing `editors`. */
  mayEdit(editors: readonly string[]): boolean {
    const u = this.user;
    return (
      u === this.owner ||
      editors.includes(u) ||
      editors.some((e) => this.groups[e]?.includes(u) ?? false)
    );
  }
  sheet(name: string): FakeGSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  api(): unknown {
    const track = <T>(name: string, fn: () => T): T => {
      this.calls.add(`Spreadsheet.${name}`);
      return fn();
    };
    return {
      getSheetByName: (name: string) =>
        track('getSheetByName', () => this.sheet(name)?.api() ?? null),
      insertSheet: (name: string) =>
        track('insertSheet', () => {
          if (this.sheet(name)) throw new Error(`A sheet with the name "${name}" already exists.`);
          const s = new FakeGSheet(name, this);
          this.sheets.push(s);
          return s.api();
        }),
      getSpreadsheetTimeZone: () => track('getSpreadsheetTimeZone', () => this.timeZone),
      getSheets: () => track('getSheets', () => this.sheets.map((s) => s.api())),
      deleteSheet: (sheet: { getName(): string }) =>
        track('deleteSheet', () => {
          const s = this.sheet(sheet.getName());
          if (!s) throw new Error('Sheet not found');
          s.guard();
          this.sheets = this.sheets.filter((x) => x !== s);
        }),
      toast: (message: string) => track('toast', () => this.ui.toasts.push(message)),
    };
  }

  /** The Apps Script globals over this spreadsheet. */
  globals(): Record<string, unknown> {
    const calls = this.calls;
    /** Throws as Apps Script does when the auth mode does not allow `name` (see authMode). */
    const allowed = (name: string, limitedToo = false): void => {
      if (this.authMode === 'NONE' || (limitedToo && this.authMode === 'LIMITED')) {
        this.refused.push(`${name} (${this.authMode})`);
        throw new Error(`You do not have permission to call ${name}.`);
      }
    };
    const menuBuilder = (name: string, api: 'createMenu' | 'createAddonMenu') => {
      const menu = { name, api, items: [] as [string, string][], added: false };
      this.ui.menus.push(menu);
      const m = {
        addItem: (label: string, fn: string) => (menu.items.push([label, fn]), m),
        addSeparator: () => m,
        addToUi: () => {
          menu.added = true;
        },
      };
      return m;
    };
    const validation = () => {
      const rule: Record<string, unknown> = {};
      const b: Record<string, (...a: unknown[]) => unknown> = {};
      for (const m of [
        'setAllowInvalid',
        'requireValueInList',
        'requireValueInRange',
        'requireNumberBetween',
        'requireNumberGreaterThanOrEqualTo',
        'setHelpText',
      ]) {
        b[m] = (...args: unknown[]) => {
          rule[m] = args.map((a) =>
            a && typeof a === 'object' && 'getA1Notation' in a
              ? (a as { getA1Notation(): string }).getA1Notation()
              : a,
          );
          return b;
        };
      }
      b.build = () => rule;
      return b;
    };
    return {
      SpreadsheetApp: {
        ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
        BorderStyle: Object.fromEntries(BORDER_STYLES.map((b) => [b, b])),
        getActiveSpreadsheet: () => {
          allowed('SpreadsheetApp.getActiveSpreadsheet');
          calls.add('SpreadsheetApp.getActiveSpreadsheet');
          return this.api();
        },
        flush: () => {
          allowed('SpreadsheetApp.flush');
          calls.add('SpreadsheetApp.flush');
          this.flushes++;
        },
        newDataValidation: () => {
          calls.add('SpreadsheetApp.newDataValidation');
          return validation();
        },
        getUi: () => ({
          createMenu: (name: string) => menuBuilder(name, 'createMenu'),
          createAddonMenu: () => menuBuilder('', 'createAddonMenu'),
          showSidebar: (html: { title?: string; content: string }) => {
            allowed('Ui.showSidebar');
            this.ui.sidebars.push(html.content);
          },
          alert: (...args: unknown[]) => {
            allowed('Ui.alert');
            this.ui.alerts.push(args.map(String).join(' '));
          },
          ButtonSet: { OK: 'OK' },
        }),
      },
      ScriptApp: {
        AuthMode: {
          NONE: 'NONE',
          LIMITED: 'LIMITED',
          FULL: 'FULL',
          CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
        },
        InstallationSource: {
          APPS_MARKETPLACE_DOMAIN_ADD_ON: 'APPS_MARKETPLACE_DOMAIN_ADD_ON',
          NONE: 'NONE',
          WEB_STORE_ADD_ON: 'WEB_STORE_ADD_ON',
        },
        getInstallationSource: () => {
          allowed('ScriptApp.getInstallationSource');
          calls.add('ScriptApp.getInstallationSource');
          return this.installationSource;
        },
      },
      Session: {
        getEffectiveUser: () => {
          allowed('Session.getEffectiveUser', true);
          calls.add('Session.getEffectiveUser');
          return { getEmail: () => this.user };
        },
      },
      LockService: {
        getDocumentLock: () => {
          allowed('LockService.getDocumentLock', true);
          calls.add('LockService.getDocumentLock');
          return {
            tryLock: () => !this.lockHeld,
            releaseLock: () => {
              this.lockReleases++;
            },
          };
        },
      },
      Utilities: {
        formatDate: (d: Date, _tz: string, _pattern: string) => {
          // Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving).
          const local = new Date(d.getTime() + 7 * 3600_000);
          return local.toISOString().slice(0, 10);
        },
      },
      HtmlService: {
        createHtmlOutputFromFile: (file: string) =>
          htmlOutput(
            file === 'sidebar' ? SIDEBAR_FILE : file === 'docx' ? DOCX_FILE : `<!-- ${file} -->`,
          ),
        createHtmlOutput: (content: string) => htmlOutput(content),
      },
    };
  }
}

/**
 * What `HtmlService.createHtmlOutputFromFile('docx')` holds: the shape of dist/gas/docx.html (one
 * inline script defining `var XepHangDocx`), its writer the one a test page put on
 * `self.xhDocxWriter` (test/gas/sidebarPage.ts: docx/ itself).
 */
export const DOCX_FILE = '<script>var XepHangDocx = self.xhDocxWriter;</script>\n';

/** The inline script of the sidebar page, as the fake's "sidebar" file holds it. */
export const SIDEBAR_SCRIPT = '<script>/* sidebar.js */</script>';

/**
 * What `HtmlService.createHtmlOutputFromFile('sidebar')` holds: the shape of dist/gas/sidebar.html
 * as webpack's GasFilesPlugin writes it — a whole document whose body ends with the one inline
 * script that mounts the app at once (gas/sidebar.ts).
 */
export const SIDEBAR_FILE = [
  '<!doctype html>',
  '<html lang="vi">',
  '  <head>',
  '    <meta charset="utf-8" />',
  '    <base target="_top" />',
  '  </head>',
  '  <body>',
  '    <div id="app"></div>',
  `    ${SIDEBAR_SCRIPT}`,
  '  </body>',
  '</html>',
  '',
].join('\n');

/**
 * HtmlService's HtmlOutput: title and content are kept for assertions. `append` adds at the END
 * of the content, after everything the file holds — "Appends new content to the content of this
 * HtmlOutput" (https://developers.google.com/apps-script/reference/html/html-output#append(String))
 * — so on the sidebar page it lands after `</html>`, after the inline script has already run.
 */
function htmlOutput(content: string) {
  const out = {
    title: '',
    content,
    setTitle: (t: string) => ((out.title = t), out),
    getTitle: () => out.title,
    append: (more: string) => ((out.content += more), out),
    getContent: () => out.content,
    setContent: (c: string) => ((out.content = c), out),
    clear: () => ((out.content = ''), out),
  };
  return out;
}
