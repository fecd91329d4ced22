/**
 * A counting fake of the slice of Apps Script the Sheets host uses (SpreadsheetApp, LockService,
 * HtmlService, Utilities): every service call is counted by name; written matrices must match
 * their range; typed text is converted the way Sheets converts it (a leading "=" makes a
 * formula, "0012" a number, an apostrophe keeps text); getValues() gives Date objects for date
 * cells as Sheets does. Usable as real globals, so the built Code.js runs against it in a vm.
 */
import type { CellValue } from '../../shared/model/types';
import { excelTyped, sumFormula } from '../addin/fakeExcel';

type Value = string | number | boolean | Date;

export class Calls {
  counts = new Map<string, number>();
  add(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
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
  protection?: {
    unprotected: string[];
    warningOnly: boolean;
    editors: string[];
    domainEdit?: boolean;
  };
  merges: string[] = [];
  constructor(
    public name: string,
    private readonly book: FakeSpreadsheet,
  ) {}
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
              for (const a of a1s) sheet.backgrounds.set(a, color);
            },
            setFontWeight: (w: string) => {
              calls.add('RangeList.setFontWeight');
              for (const a of a1s) if (w === 'bold') sheet.bold.add(a);
            },
            insertCheckboxes: () => {
              calls.add('RangeList.insertCheckboxes');
              for (const a of a1s) {
                sheet.checkboxes.push(a);
                const { r, c, rows, cols } = parseA1(a);
                for (let i = 0; i < rows; i++)
                  for (let j = 0; j < cols; j++) sheet.set(r + i, c + j, false);
              }
            },
          };
        }),
      clear: () =>
        track('clear', () => {
          sheet.values = [];
          sheet.formulas.clear();
          sheet.formats.clear();
          sheet.bold.clear();
          sheet.backgrounds.clear();
        }),
      getCharts: () => track('getCharts', () => [...sheet.charts]),
      removeChart: (chart: FakeChartRecord) =>
        track('removeChart', () => sheet.charts.splice(sheet.charts.indexOf(chart), 1)),
      newChart: () => track('newChart', () => chartBuilder(sheet)),
      insertChart: (chart: FakeChartRecord) => track('insertChart', () => sheet.charts.push(chart)),
      getFrozenRows: () => track('getFrozenRows', () => sheet.frozenRows),
      getMaxRows: () => track('getMaxRows', () => Math.max(1000, sheet.values.length)),
      getMaxColumns: () =>
        track('getMaxColumns', () => Math.max(26, ...sheet.values.map((r) => r.length))),
      setFrozenRows: (n: number) => track('setFrozenRows', () => (sheet.frozenRows = n)),
      setColumnWidth: (c: number, px: number) =>
        track('setColumnWidth', () => sheet.widths.set(c, px)),
      activate: () => track('activate', () => (sheet.book.active = sheet.name)),
      protect: () =>
        track('protect', () => {
          // A new protection: the owner and every editor of the spreadsheet may edit.
          sheet.protection = {
            unprotected: [],
            warningOnly: false,
            editors: ['owner@so-noi-vu.gov.vn', 'staff@so-noi-vu.gov.vn'],
          };
          const p = {
            setDescription: () => p,
            canDomainEdit: () => sheet.protection?.domainEdit ?? true,
            setDomainEdit: (d: boolean) => {
              calls.add('Protection.setDomainEdit');
              if (sheet.protection) sheet.protection.domainEdit = d;
              return p;
            },
            getEditors: () => {
              calls.add('Protection.getEditors');
              return (sheet.protection?.editors ?? []).map((email) => ({ getEmail: () => email }));
            },
            removeEditors: (users: { getEmail(): string }[]) => {
              calls.add('Protection.removeEditors');
              const gone = new Set(users.map((u) => u.getEmail()));
              if (sheet.protection) {
                // The owner can never be removed.
                sheet.protection.editors = sheet.protection.editors.filter(
                  (e) => !gone.has(e) || e.startsWith('owner@'),
                );
              }
              return p;
            },
            addEditors: (emails: string[]) => {
              calls.add('Protection.addEditors');
              sheet.protection?.editors.push(...emails);
              return p;
            },
            setUnprotectedRanges: (ranges: { getA1Notation(): string }[]) => {
              calls.add('Protection.setUnprotectedRanges');
              if (sheet.protection)
                sheet.protection.unprotected = ranges.map((x) => x.getA1Notation());
              return p;
            },
            setWarningOnly: (w: boolean) => {
              calls.add('Protection.setWarningOnly');
              if (sheet.protection) sheet.protection.warningOnly = w;
              return p;
            },
          };
          return p;
        }),
    };
  }
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
  const calls = (sheet as unknown as { book: FakeSpreadsheet }).book.calls;
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
        shape(m, 'number formats');
        m.forEach((row, i) =>
          row.forEach((f, j) => {
            if (f !== 'General') sheet.formats.set(a1(r + i, c + j), f);
          }),
        );
      }),
    setBackgrounds: (m: (string | null)[][]) =>
      track('setBackgrounds', () => {
        shape(m, 'backgrounds');
        m.forEach((row, i) =>
          row.forEach((color, j) => {
            if (color) sheet.backgrounds.set(a1(r + i, c + j), color);
          }),
        );
      }),
    setFormula: (f: string) =>
      track('setFormula', () => {
        sheet.formulas.set(a1(r, c), f);
        sheet.set(r, c, '#FORMULA');
      }),
    setFormulas: (m: string[][]) =>
      track('setFormulas', () => {
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
      track('setDataValidation', () => sheet.validations.push({ range: address, rule })),
    activate: () =>
      track('activate', () => {
        const book = (sheet as unknown as { book: FakeSpreadsheet }).book;
        book.active = sheet.name;
        book.selected = { sheet: sheet.name, address };
      }),
  };
}

export class FakeSpreadsheet {
  calls = new Calls();
  sheets: FakeGSheet[] = [];
  active?: string;
  selected?: { sheet: string; address: string };
  flushes = 0;
  timeZone = 'Asia/Ho_Chi_Minh';
  /** Set to true to play "someone else holds the document lock". */
  lockHeld = false;
  lockReleases = 0;
  ui = {
    menus: [] as { name: string; items: [string, string][] }[],
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
      toast: (message: string) => track('toast', () => this.ui.toasts.push(message)),
    };
  }

  /** The Apps Script globals over this spreadsheet. */
  globals(): Record<string, unknown> {
    const calls = this.calls;
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
        getActiveSpreadsheet: () => {
          calls.add('SpreadsheetApp.getActiveSpreadsheet');
          return this.api();
        },
        flush: () => {
          calls.add('SpreadsheetApp.flush');
          this.flushes++;
        },
        newDataValidation: () => {
          calls.add('SpreadsheetApp.newDataValidation');
          return validation();
        },
        getUi: () => ({
          createMenu: (name: string) => {
            const menu = { name, items: [] as [string, string][] };
            this.ui.menus.push(menu);
            const m = {
              addItem: (label: string, fn: string) => (menu.items.push([label, fn]), m),
              addSeparator: () => m,
              addToUi: () => undefined,
            };
            return m;
          },
          createAddonMenu: () => {
            const menu = { name: '(add-on)', items: [] as [string, string][] };
            this.ui.menus.push(menu);
            const m = {
              addItem: (label: string, fn: string) => (menu.items.push([label, fn]), m),
              addSeparator: () => m,
              addToUi: () => undefined,
            };
            return m;
          },
          showSidebar: (html: { title?: string; content: string }) =>
            this.ui.sidebars.push(html.content),
          alert: (...args: unknown[]) => this.ui.alerts.push(args.map(String).join(' ')),
          ButtonSet: { OK: 'OK' },
        }),
      },
      LockService: {
        getDocumentLock: () => {
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
          htmlOutput(file === 'sidebar' ? SIDEBAR_FILE : `<!-- ${file} -->`),
        createHtmlOutput: (content: string) => htmlOutput(content),
      },
    };
  }
}

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
