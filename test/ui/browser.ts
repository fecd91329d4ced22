/**
 * Headless Chromium for UI tests: bundle a page entry with esbuild, serve it on localhost with
 * ui/style.css, open it with playwright-core on the system Chromium, and collect console errors
 * and page errors. `withPage(entry, fn)` does all of it and cleans up.
 */
import { existsSync, readFileSync } from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');

export const hasChromium = (): boolean => existsSync(CHROMIUM);

/**
 * `test` for browser tests: skipped on a developer machine without Chromium (with a warning),
 * but never in CI (CI=true), where a missing browser must fail rather than pass silently.
 */
export function browserTest(name: string, fn: () => Promise<void>): void {
  if (hasChromium() || process.env.CI) test(name, fn);
  else {
    console.warn(`skipped (no ${CHROMIUM}): ${name}`);
    test.skip(name, fn);
  }
}

/** One JavaScript file for the browser (an IIFE, sources inlined for readable stacks). */
export async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.resolve(ROOT, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves "/" (a page with #app), "/page.js" (the bundle) and "/style.css" (ui/style.css). */
export async function serve(script: string, title = 'xephang'): Promise<Served> {
  const css = readFileSync(path.join(ROOT, 'ui/style.css'));
  const html = [
    '<!doctype html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title.replace(/[<&]/g, '')}</title>`,
    '<link rel="stylesheet" href="/style.css">',
    '</head>',
    '<body><div id="app"></div><script src="/page.js"></script></body>',
    '</html>',
  ].join('\n');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (type: string, body: string | Buffer): void => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (url.pathname === '/' || url.pathname === '/index.html')
      send('text/html; charset=utf-8', html);
    else if (url.pathname === '/page.js') send('text/javascript; charset=utf-8', script);
    else if (url.pathname === '/style.css') send('text/css; charset=utf-8', css);
    else {
      res.writeHead(url.pathname === '/favicon.ico' ? 204 : 404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface PageContext {
  page: Page;
  /** The served page ("http://127.0.0.1:port/"); add "?…" for a case. */
  url: string;
  /** Console errors and uncaught page errors so far. */
  problems: string[];
  browser: Browser;
}

export interface PageOptions {
  /** Viewport; default 380 × 900, a task pane. */
  width?: number;
  height?: number;
  title?: string;
}

/** Bundles `entry` (a path from the repository root), serves it, and runs `fn` on a fresh page. */
export async function withPage<T>(
  entry: string,
  fn: (ctx: PageContext) => Promise<T>,
  options: PageOptions = {},
): Promise<T> {
  const served = await serve(await bundle(entry), options.title);
  let browser: Browser | undefined;
  try {
    browser = await launch();
    const context = await browser.newContext({
      viewport: { width: options.width ?? 380, height: options.height ?? 900 },
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    return await fn({ page, url: served.url, problems, browser });
  } finally {
    await browser?.close();
    await served.close();
  }
}
