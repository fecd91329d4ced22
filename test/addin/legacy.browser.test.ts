/**
 * The built add-in pages (webpack --env addin, development) served as a host serves them, in
 * headless Chromium, with Office.js answered by a stub: on a modern engine the ES5 loader
 * (addin/legacy.js) writes the page's bundle and the pane starts as before; when the engine is
 * an old one — Internet Explorer 11 (document.documentMode), Edge Legacy ("Edge/" in the user
 * agent), an engine that cannot parse the ES2020 probe, or one without ES2019 built-ins (here
 * Object.fromEntries removed before any script runs) — no bundle is loaded, the task pane and
 * the dialog show vi.legacy, and the ribbon command opens the dialog and completes its event
 * when the dialog closes. The pages' Content-Security-Policy is in force throughout: a
 * violation is a console error, and every test expects none.
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import webpack from 'webpack';
import { vi } from '../../shared/i18n/vi';
import { browserTest, bundle, launch } from '../ui/browser';
import type { FakeExcel } from './fakeExcel';

const root = path.resolve(__dirname, '../..');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const EDGE_HTML_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041';
jest.setTimeout(90_000);

/**
 * A stub of Office.js for the commands and dialog pages: records associate, displayDialogAsync
 * and messageParent calls on window.office; the dialog's handlers are kept so a test can close it.
 */
const STUB_OFFICE = `
window.office = { associated: [], dialogs: [], parentMessages: [], completed: 0, handlers: {} };
window.officeDialogStatus = window.officeDialogStatus || 'succeeded';
window.Office = {
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  EventType: {
    DialogMessageReceived: 'dialogMessageReceived',
    DialogEventReceived: 'dialogEventReceived',
    DialogParentMessageReceived: 'dialogParentMessageReceived',
  },
  onReady: function (cb) { if (cb) cb({ host: 'Excel' }); return Promise.resolve({ host: 'Excel' }); },
  actions: { associate: function (name, fn) { window.office.associated.push(name); window.office.action = fn; } },
  context: {
    requirements: { isSetSupported: function () { return true; } },
    ui: {
      displayDialogAsync: function (url, options, cb) {
        window.office.dialogs.push(url);
        var dialog = {
          addEventHandler: function (type, h) { window.office.handlers[type] = h; },
          close: function () { window.office.closed = true; },
          messageChild: function () {},
        };
        cb(window.officeDialogStatus === 'succeeded'
          ? { status: 'succeeded', value: dialog }
          : { status: 'failed', error: { code: 12009 } });
      },
      addHandlerAsync: function () {},
      messageParent: function (m) { window.office.parentMessages.push(m); },
    },
  },
};
`;

let out: string;
let server: http.Server;
let base: string;
let fakeOffice: string;
let browser: Browser;

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'xephang-legacy-'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(root, 'webpack.config.js')) as (
    env: Record<string, unknown>,
    argv: Record<string, unknown>,
  ) => webpack.Configuration;
  const config = makeConfig({ addin: true }, { mode: 'development' });
  config.output = { ...config.output, path: out };
  config.devtool = false;
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))),
  );
  expect(stats.hasErrors()).toBe(false);
  fakeOffice = await bundle('test/addin/fakeOffice.ts');
  server = http.createServer((req, res) => {
    const file = path.join(out, new URL(req.url ?? '/', 'http://x').pathname);
    try {
      const body = readFileSync(file);
      // No charset on scripts: the loader must not depend on one.
      const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript';
      res.writeHead(200, { 'content-type': file.endsWith('.css') ? 'text/css' : type });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launch();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (out) rmSync(out, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  problems: string[];
}

/** Opens a built page with Office.js answered by `office`; `before` runs before any script. */
async function open(
  file: string,
  options: {
    office?: string;
    before?: string;
    context?: BrowserContextOptions;
    probe?: string;
  } = {},
): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: 380, height: 700 },
    locale: 'vi-VN',
    ...options.context,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
  if (options.before) await page.addInitScript({ content: options.before });
  await page.route(OFFICE_JS, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: options.office ?? STUB_OFFICE }),
  );
  if (options.probe !== undefined) {
    const probe = options.probe;
    await page.route(/legacyProbe\.js$/, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: probe }),
    );
  }
  await page.goto(base + file);
  await page.waitForLoadState('load');
  return { page, problems };
}

const scriptSources = (page: Page): Promise<string[]> =>
  page.evaluate(() => [...document.scripts].map((s) => s.getAttribute('src') ?? ''));

/** The message the loader shows, as text, or null. */
const legacyMessage = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.querySelector('[data-legacy]')?.textContent ?? null);

const OLD_ENGINES: Array<[string, { before?: string; context?: BrowserContextOptions }]> = [
  ['an engine without Object.fromEntries', { before: 'delete Object.fromEntries;' }],
  ['Edge Legacy (EdgeHTML user agent)', { context: { userAgent: EDGE_HTML_UA } }],
  [
    'Internet Explorer 11 (document.documentMode)',
    {
      before: "Object.defineProperty(Document.prototype, 'documentMode', { get: () => 11 });",
    },
  ],
];

browserTest('modern engine: the task pane loads its bundle and starts as before', async () => {
  const { page, problems } = await open('taskpane.html', { office: fakeOffice });
  await page.locator('.xh-app').waitFor();
  await expect(legacyMessage(page)).resolves.toBeNull();
  expect(await scriptSources(page)).toContain('taskpane.js');
  await expect(page.evaluate(() => 'xephangLegacy' in window)).resolves.toBe(false);
  expect(problems).toEqual([]);
  await page.context().close();
});

for (const [name, how] of OLD_ENGINES) {
  browserTest(`${name}: the task pane shows why and loads no bundle`, async () => {
    const { page, problems } = await open('taskpane.html', { office: fakeOffice, ...how });
    await page.locator('[data-legacy]').waitFor();
    const text = await legacyMessage(page);
    for (const line of [vi.legacy.title, vi.legacy.web, vi.legacy.sheets, vi.legacy.cli]) {
      expect(text).toContain(line);
    }
    expect(await scriptSources(page)).not.toContain('taskpane.js');
    await expect(page.locator('.xh-app').count()).resolves.toBe(0);
    const syncs = await page.evaluate(
      () => (window as unknown as { xhExcel: FakeExcel }).xhExcel.syncs.length,
    );
    expect(syncs).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
}

browserTest('an engine that cannot parse the ES2020 probe gets the message', async () => {
  const { page, problems } = await open('taskpane.html', {
    office: fakeOffice,
    // What an ES5 engine makes of legacyProbe.js: a syntax error, nothing set.
    probe: 'window.xephangSyntax = ({}).a?.;',
  });
  await page.locator('[data-legacy]').waitFor();
  expect(await scriptSources(page)).not.toContain('taskpane.js');
  expect(problems).toEqual([expect.stringMatching(/^page: .*(Unexpected|token)/i)]);
  await page.context().close();
});

browserTest('modern engine: the commands page associates "rank" through its bundle', async () => {
  const { page, problems } = await open('commands.html');
  await page.waitForFunction(() => (window as unknown as Stub).office.associated.length > 0);
  expect(await scriptSources(page)).toContain('commands.js');
  await expect(page.evaluate(() => (window as unknown as Stub).office.associated)).resolves.toEqual(
    ['rank'],
  );
  await expect(page.evaluate(() => 'xephangLegacy' in window)).resolves.toBe(false);
  expect(problems).toEqual([]);
  await page.context().close();
});

interface Stub {
  office: {
    associated: string[];
    dialogs: string[];
    parentMessages: string[];
    completed: number;
    closed?: boolean;
    action: (event: { completed(): void }) => void;
    handlers: Record<string, (arg: unknown) => void>;
  };
  officeDialogStatus?: string;
}

browserTest('old engine: the ribbon command opens the message and completes on close', async () => {
  const { page, problems } = await open('commands.html', OLD_ENGINES[0][1]);
  expect(await scriptSources(page)).not.toContain('commands.js');
  const state = await page.evaluate(() => {
    const { office } = window as unknown as Stub;
    office.action({ completed: () => office.completed++ });
    const opened = { dialogs: office.dialogs, completedWhileOpen: office.completed };
    office.handlers.dialogMessageReceived({ message: '{"kind":"close"}' });
    office.handlers.dialogEventReceived({ error: 12006 });
    return { ...opened, completed: office.completed, closed: office.closed };
  });
  expect(state.dialogs).toEqual([`${base}dialog.html`]);
  expect(state.completedWhileOpen).toBe(0);
  expect(state.completed).toBe(1);
  expect(state.closed).toBe(true);
  // Older Office builds call the global function by name.
  await expect(
    page.evaluate(() => typeof (window as unknown as { rank: unknown }).rank),
  ).resolves.toBe('function');
  expect(problems).toEqual([]);
  await page.context().close();
});

browserTest('old engine: a dialog that cannot open still completes the command', async () => {
  const { page, problems } = await open('commands.html', {
    before: "delete Object.fromEntries; window.officeDialogStatus = 'failed';",
  });
  const completed = await page.evaluate(() => {
    const { office } = window as unknown as Stub;
    office.action({ completed: () => office.completed++ });
    return office.completed;
  });
  expect(completed).toBe(1);
  expect(problems).toEqual([]);
  await page.context().close();
});

browserTest('old engine: the dialog shows the message; its button closes it', async () => {
  const { page, problems } = await open('dialog.html', OLD_ENGINES[1][1]);
  await page.locator('[data-legacy]').waitFor();
  expect(await scriptSources(page)).not.toContain('dialog.js');
  await expect(legacyMessage(page)).resolves.toContain(vi.legacy.reason);
  await page.getByRole('button', { name: vi.legacy.close }).click();
  await expect(
    page.evaluate(() => (window as unknown as Stub).office.parentMessages),
  ).resolves.toEqual(['{"kind":"close"}']);
  expect(problems).toEqual([]);
  await page.context().close();
});
