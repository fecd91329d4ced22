/**
 * The built Google Sheets project (dist/gas/) as Apps Script would load it: Code.js run as a
 * plain script in a bare vm context whose only globals are fakes of SpreadsheetApp,
 * LockService, Utilities and HtmlService. Proves that the entry points are real top-level
 * functions, that the bundle needs nothing webpack or Node provides, and that a menu click
 * ranks. Also checks appsscript.json's scopes and the inlined sidebar page.
 */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import path from 'path';
import vm from 'vm';
import { anGiang2018 } from '../../examples/an-giang-2018';
import { vi } from '../../shared/i18n/vi';
import { inputSheets } from '../../shared/workbook/inputs';
import { FakeSpreadsheet, SIDEBAR_SCRIPT } from '../gas/fakeSheets';

const root = path.join(__dirname, '../..');
const dist = path.join(root, 'dist/gas');
const entrypoints = JSON.parse(readFileSync(path.join(root, 'gas/entrypoints.json'), 'utf8')) as {
  menu: string[];
  sidebar: string[];
};

beforeAll(() => {
  execFileSync(
    process.execPath,
    [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--env', 'gas'],
    {
      cwd: root,
      stdio: 'pipe',
    },
  );
}, 120_000);

/** The menu's items, the same wherever the menu is. */
const ITEMS = [
  [vi.gas.rank, 'xephangRank'],
  [vi.gas.configure, 'xephangShowSidebar'],
  [vi.gas.makeForms, 'xephangMakeForms'],
  [vi.gas.mergeForms, 'xephangMergeForms'],
  [vi.gas.template, 'xephangCreateTemplate'],
];

function load(book: FakeSpreadsheet): vm.Context {
  const context = vm.createContext({ ...book.globals(), console });
  vm.runInContext(readFileSync(path.join(dist, 'Code.js'), 'utf8'), context, {
    filename: 'Code.js',
  });
  return context;
}

const bookOf = (): FakeSpreadsheet =>
  FakeSpreadsheet.fromSheets(
    Object.fromEntries(inputSheets(anGiang2018).map((b) => [b.name, b.rows])),
  );

describe('dist/gas/Code.js', () => {
  it('declares every entry point as a top-level function', () => {
    const code = readFileSync(path.join(dist, 'Code.js'), 'utf8');
    const context = load(bookOf());
    for (const fn of [...entrypoints.menu, ...entrypoints.sidebar]) {
      expect(code).toMatch(new RegExp(`^function ${fn}\\(`, 'm'));
      expect(typeof context[fn]).toBe('function');
    }
    // …and they are the functions gas/main.ts exports, no more, no fewer.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const main = require('../../gas/main') as Record<string, unknown>;
    const exported = Object.keys(main).filter(
      (k) => typeof main[k] === 'function' && k !== 'embedJson',
    );
    expect(exported.sort()).toEqual([...entrypoints.menu, ...entrypoints.sidebar].sort());
  });

  it('the menu action ranks the spreadsheet; the sidebar call returns the summary', () => {
    const book = bookOf();
    const context = load(book);
    context.xephangRank();
    expect(book.sheet(vi.workbook.sheets.results)?.grid().length).toBeGreaterThan(16);
    expect(book.flushes).toBe(1);
    expect(book.ui.toasts).toHaveLength(1);
    const summary = context.xephangApiRank();
    expect(summary).toMatchObject({ ok: true, units: 16 });
    // A run with errors opens the sidebar with the summary embedded as inert JSON.
    book.sheet(vi.workbook.sheets.appraised)?.set(1, 3, '</script><script>alert(1)</script>');
    context.xephangRank();
    expect(book.ui.sidebars).toHaveLength(1);
    const page = book.ui.sidebars[0];
    const data = /<script type="application\/json" id="xephang-initial">([\s\S]*?)<\/script>/.exec(
      page,
    );
    // Only the data block and the page's own script close a <script>; the data comes first, so
    // the inline script that mounts the app at once finds it (append would put it after).
    expect(page.match(/<\/script/g)).toHaveLength(2);
    expect(page.indexOf('id="xephang-initial"')).toBeLessThan(page.indexOf(SIDEBAR_SCRIPT));
    expect(page.indexOf('id="xephang-initial"')).toBeGreaterThan(page.indexOf('<body>'));
    const initial = JSON.parse(data?.[1] ?? 'null');
    expect(initial.ok).toBe(false);
    expect(initial.errors[0].text).toContain('</script><script>alert(1)</script>');
  });
});

/**
 * onOpen in the three auth modes an editor gives it (the fake refuses what each mode does not
 * allow, after Google's documentation: see FakeSpreadsheet.authMode). Code.js is loaded in the
 * same mode, since Apps Script runs the project's top-level code in every execution.
 */
describe('onOpen and onInstall, bound and as an Editor add-on', () => {
  type Mode = 'NONE' | 'LIMITED' | 'FULL';
  const opened = (
    source: FakeSpreadsheet['installationSource'],
    mode: Mode,
    entry: 'onOpen' | 'onInstall' = 'onOpen',
  ): FakeSpreadsheet => {
    const book = bookOf();
    book.installationSource = source;
    book.authMode = mode;
    const context = load(book);
    context[entry]({ authMode: mode });
    book.authMode = 'FULL';
    return book;
  };

  it.each<Mode>(['LIMITED', 'FULL'])(
    'bound to the spreadsheet (%s): the menu bar gets "Xếp hạng" with its actions',
    (mode) => {
      const book = opened('NONE', mode);
      expect(book.ui.menus).toEqual([
        { name: vi.gas.menu, api: 'createMenu', items: ITEMS, added: true },
      ]);
      expect(book.refused).toEqual([]);
      // Building the menu reads nothing of the spreadsheet.
      expect(book.calls.get('SpreadsheetApp.getActiveSpreadsheet')).toBe(0);
    },
  );

  it.each<Mode>(['NONE', 'LIMITED', 'FULL'])(
    'installed as an add-on by the domain (%s): the same actions under Extensions',
    (mode) => {
      const book = opened('APPS_MARKETPLACE_DOMAIN_ADD_ON', mode);
      expect(book.ui.menus).toEqual([
        { name: '', api: 'createAddonMenu', items: ITEMS, added: true },
      ]);
      expect(book.refused).toEqual([]);
      expect(book.calls.get('SpreadsheetApp.getActiveSpreadsheet')).toBe(0);
      // Before authorisation not one service call: not even ScriptApp is asked.
      if (mode === 'NONE') expect(book.calls.total()).toBe(0);
    },
  );

  it('a Chrome Web Store add-on (LIMITED) uses the add-on menu too', () => {
    const book = opened('WEB_STORE_ADD_ON', 'LIMITED');
    expect(book.ui.menus.map((m) => m.api)).toEqual(['createAddonMenu']);
  });

  it('onInstall (FULL) adds the add-on menu to the spreadsheet it was installed from', () => {
    const book = opened('APPS_MARKETPLACE_DOMAIN_ADD_ON', 'FULL', 'onInstall');
    expect(book.ui.menus).toEqual([
      { name: '', api: 'createAddonMenu', items: ITEMS, added: true },
    ]);
  });

  it('the fake refuses a read in NONE, so the tests above would see one', () => {
    const book = bookOf();
    book.authMode = 'NONE';
    const context = load(book);
    expect(() => context.xephangRank()).toThrow(/permission/);
    expect(book.refused.length).toBeGreaterThan(0);
    // The same click once authorised (menu items run in FULL) ranks.
    book.authMode = 'FULL';
    context.xephangRank();
    expect(book.sheet(vi.workbook.sheets.results)).toBeDefined();
  });
});

describe('dist/gas project files', () => {
  it('asks only for the current spreadsheet, the container UI and the runner’s address, on V8 in Vietnam time', () => {
    const manifest = JSON.parse(readFileSync(path.join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      // Session.getEffectiveUser(): the runner stays an editor of the form sheets it protects.
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
  });

  it('the Word writer is docx.html, apart from the sidebar page, fetched by the sidebar on demand', () => {
    // Text only the docx package carries (WordprocessingML's namespace).
    const DOCX_CODE = 'schemas.openxmlformats.org/wordprocessingml/2006/main';
    const sidebar = readFileSync(path.join(dist, 'sidebar.html'), 'utf8');
    const writer = readFileSync(path.join(dist, 'docx.html'), 'utf8');
    expect(sidebar).not.toContain(DOCX_CODE);
    expect(readFileSync(path.join(dist, 'Code.js'), 'utf8')).not.toContain(DOCX_CODE);
    expect(writer).toContain(DOCX_CODE);
    // One inline script that nothing in it can close, defining XepHangDocx.reportDocx when run
    // as the sidebar runs it (a classic script at the top level of the page).
    expect(writer.match(/<script>/g)).toHaveLength(1);
    expect(writer.match(/<\/script/gi)).toHaveLength(1);
    const body = writer.slice(writer.indexOf('<script>') + 8, writer.lastIndexOf('</script>'));
    const page = vm.createContext({ self: {}, console });
    vm.runInContext(body, page, { filename: 'docx.html' });
    expect(typeof page.XepHangDocx?.reportDocx).toBe('function');
    // The server hands the file to the sidebar.
    const book = bookOf();
    const context = load(book);
    expect(entrypoints.sidebar).toContain('xephangApiDocxScript');
    expect(typeof context.xephangApiDocxScript).toBe('function');
  });

  it('sidebar.html is one file: style and script inlined, nothing loaded from elsewhere', () => {
    const html = readFileSync(path.join(dist, 'sidebar.html'), 'utf8');
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html).not.toMatch(/\bsrc=|<link/);
    // xephangRank places its data before the first <script: that is this inline script, in body.
    expect(html.search(/<script[\s>]/i)).toBe(html.indexOf('<script>'));
    expect(html.indexOf('<script>')).toBeGreaterThan(html.indexOf('<div id="app">'));
  });
});

describe("the sidebar's help links", () => {
  it('point at the development server by default and at <url>/huong-dan/ when the build is given --env url', () => {
    const before = readFileSync(path.join(dist, 'sidebar.html'), 'utf8');
    expect(before).toContain('https://localhost:3000/huong-dan/');
    execFileSync(
      process.execPath,
      [
        require.resolve('webpack-cli/bin/cli.js'),
        '--mode',
        'production',
        '--env',
        'gas',
        '--env',
        'url=https://may-chu.gov.vn/xephang/',
      ],
      { cwd: root, stdio: 'pipe' },
    );
    const html = readFileSync(path.join(dist, 'sidebar.html'), 'utf8');
    expect(html).toContain('https://may-chu.gov.vn/xephang/huong-dan/');
    expect(html).not.toContain('localhost');
  }, 120_000);
});
