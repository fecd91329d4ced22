/**
 * The add-in build (webpack.config.js, --env addin): three pages that load Office.js and then
 * the ES5 loader naming their own bundle, with no inline script; a loader that parses as ES5
 * (the Internet Explorer 11 / Edge Legacy webviews of older Office builds) with vi.legacy in
 * place; a manifest stamped with the hosting URL, the icons, and bundles small enough for a task
 * pane (gzip < 150 KB each), the Word writer (docx/) left out of them as a chunk loaded on demand.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { gzipSync } from 'zlib';
import { parse } from 'acorn';
import webpack from 'webpack';
import { vi } from '../../shared/i18n/vi';

const root = path.resolve(__dirname, '../..');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const URL = 'https://example.org/xephang';
const PAGES = ['taskpane', 'commands', 'dialog'];

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(path.join(root, 'webpack.config.js')) as (
  env: Record<string, unknown>,
  argv: Record<string, unknown>,
) => webpack.Configuration;

let out: string;
let stats: webpack.Stats;

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'xephang-addin-'));
  const config = makeConfig({ addin: true, url: `${URL}/` }, { mode: 'production' });
  config.output = { ...config.output, path: out };
  stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))),
  );
  // The Word writer (docx/ and the docx package) is compiled too, as its own chunk.
}, 180_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const read = (file: string) => readFileSync(path.join(out, file), 'utf8');

/** Every <script> element of a page: its attributes and its body. */
function scripts(html: string): Array<{ src?: string; attrs: string; body: string }> {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].map((m) => ({
    attrs: m[1],
    src: /\bsrc\s*=\s*"([^"]*)"/i.exec(m[1])?.[1],
    body: m[2],
  }));
}

/** The bundles a page's loader writes (its data-main). */
function bundles(html: string): string[] {
  const loader = scripts(html).find((s) => /\bdata-main=/.test(s.attrs));
  return /\bdata-main="([^"]*)"/.exec(loader?.attrs ?? '')?.[1].split(' ') ?? [];
}

const parsesAs = (code: string, ecmaVersion: 5 | 2020): boolean => {
  try {
    parse(code, { ecmaVersion, sourceType: 'script' });
    return true;
  } catch {
    return false;
  }
};

test('the build succeeds', () => {
  expect(stats.toJson({ all: false, errors: true }).errors).toEqual([]);
  expect(stats.hasErrors()).toBe(false);
});

test.each(PAGES)(
  '%s.html loads Office.js, then the loader of its bundle; no inline script',
  (name) => {
    const html = read(`${name}.html`);
    expect(html).toMatch(/^<!doctype html>\s*<html lang="vi">/i);
    expect(html).toContain('<meta charset="utf-8" />');
    const list = scripts(html);
    expect(list.map((s) => s.src?.replace(/\.[0-9a-f]{8}\.js$/, '.js'))).toEqual([
      OFFICE_JS,
      'legacyProbe.js',
      'legacy.js',
    ]);
    for (const script of list) {
      expect(script.body.trim()).toBe('');
      expect(script.src).toBeDefined();
      // Synchronous, in order: the loader must run before the page is parsed.
      expect(script.attrs).not.toMatch(/\b(defer|async)\b/);
    }
    expect(list[2].attrs).toContain(`data-role="${name}"`);
    const own = bundles(html);
    expect(own.some((src) => src.startsWith(`${name}.`) && src.endsWith('.js'))).toBe(true);
    for (const src of [...list.slice(1).map((s) => s.src!), ...own]) {
      expect(existsSync(path.join(out, src))).toBe(true);
    }
    expect(html.match(/<script\b/gi)?.length).toBe(list.length);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handlers
    expect(html).not.toMatch(/javascript:/i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const directives = new Map(
      csp!.split(';').map((d) => {
        const [key, ...values] = d.trim().split(/\s+/);
        return [key, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  },
);

test('the task pane page mounts #app and links the stylesheet', () => {
  const html = read('taskpane.html');
  expect(html).toContain('<div id="app"></div>');
  expect(html).toContain('<link rel="stylesheet" href="style.css" />');
  expect(existsSync(path.join(out, 'style.css'))).toBe(true);
  const source = path.join(root, 'ui/style.css');
  if (existsSync(source)) expect(read('style.css')).toBe(readFileSync(source, 'utf8'));
});

test('the manifest is stamped with the hosting URL, no localhost left', () => {
  const manifest = read('manifest.xml');
  expect(manifest).not.toMatch(/localhost/);
  expect(manifest).toContain(`<SourceLocation DefaultValue="${URL}/taskpane.html" />`);
  expect(manifest).toContain(`DefaultValue="${URL}/commands.html"`);
  expect(manifest).toContain(`DefaultValue="${URL}/assets/icon-80.png"`);
  expect(manifest).not.toContain(`${URL}//`);
  const original = readFileSync(path.join(root, 'manifest.xml'), 'utf8');
  const count = (text: string, what: string) => text.split(what).length - 1;
  expect(count(manifest, `${URL}/`)).toBe(count(original, 'https://localhost:3000/'));
  // Every page the manifest names was built.
  for (const [, file] of manifest.matchAll(/"https:\/\/example\.org\/xephang\/([^"]+)"/g)) {
    expect(existsSync(path.join(out, file.replace(/\?.*$/, '')))).toBe(true);
  }
  // The ribbon's "Cấu hình" opens the pane on its settings tab.
  expect(manifest).toContain(`DefaultValue="${URL}/taskpane.html?view=settings"`);
});

test('the icons are copied byte for byte', () => {
  const icons = readdirSync(path.join(root, 'assets')).filter((f) => f.endsWith('.png'));
  expect(icons.sort()).toEqual(
    ['icon-128.png', 'icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png'].sort(),
  );
  for (const icon of icons) {
    const copy = readFileSync(path.join(out, 'assets', icon));
    expect(copy.equals(readFileSync(path.join(root, 'assets', icon)))).toBe(true);
  }
});

test('no source maps; taskpane and commands bundles under 150 KB gzipped', () => {
  expect(readdirSync(out).filter((f) => f.endsWith('.map'))).toEqual([]);
  for (const name of ['taskpane', 'commands']) {
    const files = bundles(read(`${name}.html`));
    expect(files.length).toBeGreaterThan(0);
    const gzipped = files.reduce(
      (sum, file) => sum + gzipSync(readFileSync(path.join(out, file))).length,
      0,
    );
    expect([name, gzipped < 150 * 1024]).toEqual([name, true]);
  }
});

/** Text only the docx package carries (WordprocessingML's namespace): its code is in the file. */
const DOCX_CODE = 'schemas.openxmlformats.org/wordprocessingml/2006/main';

test('the Word writer is a chunk of its own next to the pages, loaded on demand, not by any page', () => {
  const js = readdirSync(out).filter((f) => f.endsWith('.js'));
  const pages = new Set(PAGES.flatMap((name) => bundles(read(`${name}.html`))));
  for (const file of pages) expect([file, read(file).includes(DOCX_CODE)]).toEqual([file, false]);
  const chunks = js.filter((f) => /^docx\.[0-9a-f]{8}\.js$/.test(f));
  expect(chunks).toHaveLength(1);
  expect(pages.has(chunks[0])).toBe(false);
  expect(read(chunks[0])).toContain(DOCX_CODE);
  // The pane's runtime loads it by that name, relative to the page (publicPath ''), i.e. from
  // the folder taskpane.html is served from.
  const taskpane = bundles(read('taskpane.html')).map(read).join('\n');
  expect(taskpane).toContain(chunks[0].split('.')[1]);
  expect(taskpane).not.toContain('Automatic publicPath');
});

test('the loader parses as ES5 and carries vi.legacy; the probe and the bundles need ES2020', () => {
  const html = read('taskpane.html');
  const [, probe, loader] = scripts(html).map((s) => s.src!);
  const legacy = read(loader);
  expect(parsesAs(legacy, 5)).toBe(true);
  expect(legacy).not.toContain('/* vi.legacy */ {}');
  // ASCII only (the text as \\u escapes): right whatever charset the host serves it with.
  expect(legacy).toMatch(/^[\t\n\r -~]*$/);
  // The text, as the loader receives it: every message of vi.legacy, nothing else.
  const text = JSON.parse(/\}\)\((\{.*\})\);\s*$/.exec(legacy)![1]) as unknown;
  expect(text).toEqual(vi.legacy);
  // What the loader guards against: the probe and the bundles are not ES5.
  expect(parsesAs(read(probe), 5)).toBe(false);
  expect(parsesAs(read(probe), 2020)).toBe(true);
  for (const name of PAGES) {
    for (const file of bundles(read(`${name}.html`))) expect(parsesAs(read(file), 5)).toBe(false);
  }
  // One loader for all three pages.
  for (const name of PAGES) expect(scripts(read(`${name}.html`))[2].src).toBe(loader);
});

test('an hosting URL that is not https is refused', () => {
  expect(() => makeConfig({ addin: true, url: 'http://example.org/' }, {})).toThrow(/https/);
});
