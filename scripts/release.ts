/**
 * `npm run release -- --url https://host/xephang/ [--out dist]`: the Excel add-in packaged for a
 * department's own static HTTPS server (IIS, nginx, an intranet server). Writes
 *
 *   <out>/release/       the production build (webpack --env addin --env url=<url>) with the
 *                        manifest stamped for that URL, huong-dan/*.html (the Vietnamese guide,
 *                        docs/huong-dan/*.md, with the images it shows), web.config (IIS MIME
 *                        types) and README-release.txt (what IT does next, Vietnamese + English)
 *   <out>/release.zip    the same files
 *
 * after checking the folder: no file mentions localhost, every URL in the manifest is under the
 * given URL and names a file of the package, and the manifest passes Microsoft's XSD schemas
 * (xmllint; a note when it is missing). Errors are in Vietnamese (vi.release): whoever runs this
 * may be a department's IT person. See docs/install.md.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'fs';
import path from 'path';
import { zipSync } from 'fflate';
import type webpack from 'webpack';
import { formatMessage, vi } from '../shared/i18n/vi';
import { escapeHtml, markdownToHtml } from './markdown';
import { hasXmllint, validateManifestXsd } from './xsd';

const root = path.resolve(__dirname, '..');
const text = vi.release;

/** An error for the person running the release, already in Vietnamese. */
export class ReleaseError extends Error {}

const fail = (template: string, params: Record<string, unknown> = {}): never => {
  throw new ReleaseError(formatMessage(template, params));
};

/**
 * The hosting URL, checked and normalised: https only, a host that is not this machine, no
 * credentials, query or fragment, no character that would need escaping in the manifest, and a
 * trailing slash ("https://h/xephang" → "https://h/xephang/").
 */
export function normaliseUrl(input: string): string {
  const raw = input.trim();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(text.notUrl, { url: raw });
  }
  if (url.protocol !== 'https:') fail(text.notHttps, { url: raw });
  if (url.username || url.password) fail(text.credentials, { url: raw });
  if (url.search || url.hash || raw.includes('?') || raw.includes('#')) {
    fail(text.queryOrHash, { url: raw });
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\./.test(host) ||
    host === '::1' ||
    host === '0.0.0.0'
  ) {
    fail(text.loopback, { url: raw });
  }
  if (/[\s"'<>&\\]/.test(raw)) fail(text.badCharacters, { url: raw });
  const href = url.href.replace(/\/*$/, '/');
  if (/[\s"'<>&\\]/.test(href)) fail(text.badCharacters, { url: raw });
  return href;
}

export interface ReleaseOptions {
  /** Where the package will be served (https, see normaliseUrl). */
  url: string;
  /** The folder that receives release/ and release.zip (default dist/). */
  outDir?: string;
  /** The guide's Markdown pages (default docs/huong-dan/). */
  guideDir?: string;
  /** Progress and notes, one line each (default: nothing). */
  log?: (line: string) => void;
}

export interface Release {
  url: string;
  dir: string;
  zip: string;
  /** Every file of the package, relative to `dir`, with "/" separators, sorted. */
  files: string[];
  /** The guide's pages written (huong-dan/<name>.html). */
  guide: string[];
  /** Whether the manifest was validated against the XSD (false: xmllint missing). */
  xsdChecked: boolean;
}

/** Every file under `dir`, relative, "/"-separated, sorted. */
export function listFiles(dir: string): string[] {
  const walk = (relative: string): string[] =>
    readdirSync(path.join(dir, relative))
      .sort()
      .flatMap((name) => {
        const child = relative ? `${relative}/${name}` : name;
        return statSync(path.join(dir, child)).isDirectory() ? walk(child) : [child];
      });
  return walk('');
}

// ---- Build ---------------------------------------------------------------------------------------

async function buildAddin(url: string, dir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpackRun = require('webpack') as typeof webpack;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(root, 'webpack.config.js')) as (
    env: Record<string, unknown>,
    argv: Record<string, unknown>,
  ) => webpack.Configuration;
  const config = makeConfig({ addin: true, url }, { mode: 'production' });
  config.output = { ...config.output, path: dir };
  config.infrastructureLogging = { level: 'error' };
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpackRun(config, (err, result) => (err || !result ? reject(err) : resolve(result))),
  ).catch((err: Error) => fail(text.buildFailed, { details: err.message }));
  if (stats.hasErrors()) {
    const errors = stats.toJson({ all: false, errors: true }).errors ?? [];
    fail(text.buildFailed, { details: errors.map((e) => e.message).join('\n') });
  }
}

// ---- The guide ------------------------------------------------------------------------------------

const IMAGE = /\.(png|jpe?g|gif|svg|webp)$/i;

/** The guide pages' stylesheet (huong-dan/style.css). */
const GUIDE_CSS = `body { font-family: "Segoe UI", Arial, sans-serif; line-height: 1.5; color: #1f1f1f;
  max-width: 50rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1, h2, h3 { line-height: 1.25; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; } h3 { font-size: 1.1rem; }
a { color: #0f6cbd; }
img { max-width: 100%; height: auto; border: 1px solid #d1d1d1; }
code { font-family: Consolas, "Courier New", monospace; background: #f3f3f3; padding: 0 0.2em; }
pre { background: #f3f3f3; padding: 0.75rem; overflow-x: auto; }
pre code { padding: 0; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #d1d1d1; padding: 0.3rem 0.6rem; vertical-align: top; }
th { background: #f3f3f3; }
blockquote { margin: 1rem 0; padding: 0.25rem 1rem; border-left: 4px solid #0f6cbd; background: #f5f9fd; }
`;

function guidePage(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="vi">',
    '  <head>',
    '    <meta charset="utf-8" />',
    `    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'" />`,
    '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
    `    <title>${escapeHtml(title)}</title>`,
    '    <link rel="stylesheet" href="style.css" />',
    '  </head>',
    '  <body>',
    '    <main>',
    body,
    '    </main>',
    '  </body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Renders every `<guideDir>/*.md` to `<outDir>/<same name>.html` (README.md also as index.html),
 * copying each image a page shows to `<outDir>/img/`. Links to another page of the guide point
 * to its .html; http(s), mailto and #anchors are kept; any other relative link shows its text
 * alone (the rest of the repository is not published). Returns the pages written.
 */
export function renderGuide(guideDir: string, outDir: string): string[] {
  if (!existsSync(guideDir)) return [];
  const pages = readdirSync(guideDir)
    .filter((name) => name.endsWith('.md') && statSync(path.join(guideDir, name)).isFile())
    .sort();
  if (pages.length === 0) return [];
  mkdirSync(outDir, { recursive: true });
  const copied = new Map<string, string>(); // output name → source file
  const written: string[] = [];
  for (const page of pages) {
    const base = page.slice(0, -'.md'.length);
    const copyImage = (src: string): string | null => {
      const file = path.resolve(guideDir, decodeURI(src.replace(/[?#].*$/, '')));
      const inside = !path.relative(root, file).startsWith('..');
      if (!inside || !IMAGE.test(file) || !existsSync(file) || !statSync(file).isFile()) {
        return fail(text.guideImageMissing, { page, src });
      }
      const name = path.basename(file);
      const other = copied.get(name);
      if (other && other !== file) {
        fail(text.guideImageClash, { page, src, other: path.relative(root, other) });
      }
      if (!other) {
        mkdirSync(path.join(outDir, 'img'), { recursive: true });
        copyFileSync(file, path.join(outDir, 'img', name));
        copied.set(name, file);
      }
      return `img/${encodeURIComponent(name)}`;
    };
    const { html, title } = markdownToHtml(readFileSync(path.join(guideDir, page), 'utf8'), {
      link: (href) => {
        if (href.startsWith('#') || /^(https?|mailto):/i.test(href)) return href;
        const [target, anchor] = href.split(/(?=#)/);
        const name = decodeURI(target).replace(/^\.\//, '');
        if (pages.includes(name)) return `${encodeURI(name.slice(0, -3))}.html${anchor ?? ''}`;
        if (IMAGE.test(name)) return copyImage(href);
        return null;
      },
      image: (src) => (/^[a-z][a-z0-9+.-]*:/i.test(src) ? null : copyImage(src)),
    });
    const document = guidePage(title || base, html);
    writeFileSync(path.join(outDir, `${base}.html`), document);
    written.push(`${base}.html`);
    if (page === 'README.md' && !pages.includes('index.md')) {
      writeFileSync(path.join(outDir, 'index.html'), document);
      written.push('index.html');
    }
  }
  writeFileSync(path.join(outDir, 'style.css'), GUIDE_CSS);
  return written.sort();
}

// ---- Server files ---------------------------------------------------------------------------------

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

/**
 * web.config for IIS: a MIME type (with charset=utf-8 for text) for every extension in the
 * package — IIS serves no file whose extension it has no MIME map for, and older versions lack
 * .webp and .svg — each entry removed first so that a server-level map does not clash;
 * `nosniff`; and no long caching, so a new release reaches Excel (which caches hard). IIS never
 * serves web.config itself.
 */
export function webConfig(files: string[]): string {
  const extensions = [...new Set(files.map((f) => path.extname(f).toLowerCase()))]
    .filter((ext) => ext in MIME)
    .sort();
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- IIS settings for the Excel add-in "Xep hang thi dua CCHC" (see README-release.txt). -->',
    '<configuration>',
    '  <system.webServer>',
    '    <staticContent>',
    '      <clientCache cacheControlMode="DisableCache" />',
    ...extensions.flatMap((ext) => [
      `      <remove fileExtension="${ext}" />`,
      `      <mimeMap fileExtension="${ext}" mimeType="${MIME[ext]}" />`,
    ]),
    '    </staticContent>',
    '    <httpProtocol>',
    '      <customHeaders>',
    '        <remove name="X-Content-Type-Options" />',
    '        <add name="X-Content-Type-Options" value="nosniff" />',
    '      </customHeaders>',
    '    </httpProtocol>',
    '  </system.webServer>',
    '</configuration>',
    '',
  ].join('\r\n');
}

function readme(url: string, dir: string, guide: string[]): string {
  const manifest = readFileSync(path.join(dir, 'manifest.xml'), 'utf8');
  const version = /<Version>([^<]*)<\/Version>/.exec(manifest)?.[1] ?? '';
  const start = guide.includes('huong-dan/index.html') ? 'huong-dan/index.html' : guide[0];
  const template = readFileSync(path.join(__dirname, 'release-readme.txt'), 'utf8');
  // Windows Notepad reads it as UTF-8 with the byte order mark, in Windows line endings.
  return `\uFEFF${formatMessage(template, {
    url,
    manifest: `${url}manifest.xml`,
    version,
    guide: start ? `${url}${start}` : '-',
  }).replace(/\r?\n/g, '\r\n')}`;
}

// ---- Checks -------------------------------------------------------------------------------------

/** Words that must not appear anywhere in a release: other computers cannot reach them. */
const LOOPBACK_WORDS = ['localhost', '127.0.0.1'];

/**
 * What is wrong with a release folder (Vietnamese, one line each; empty when it is fine): a file
 * mentioning localhost (binary files too), a manifest URL outside `url` or naming a file the
 * package lacks, and the manifest failing the XSD (skipped, `xsdChecked` false, without xmllint).
 */
export function checkRelease(
  dir: string,
  url: string,
): { problems: string[]; xsdChecked: boolean } {
  const problems: string[] = [];
  for (const file of listFiles(dir)) {
    const content = readFileSync(path.join(dir, file)).toString('latin1').toLowerCase();
    for (const word of LOOPBACK_WORDS) {
      if (content.includes(word)) problems.push(formatMessage(text.loopbackWord, { file, word }));
    }
  }
  const manifestFile = path.join(dir, 'manifest.xml');
  const manifest = readFileSync(manifestFile, 'utf8');
  for (const [found] of manifest.matchAll(/\bhttps?:\/\/[^\s"<]+/g)) {
    if (/^https?:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//.test(found)) continue;
    if (!found.startsWith(url)) {
      problems.push(formatMessage(text.urlOutside, { found, url }));
      continue;
    }
    const file = decodeURI(found.slice(url.length).replace(/[?#].*$/, ''));
    if (!existsSync(path.join(dir, file)) || !statSync(path.join(dir, file)).isFile()) {
      problems.push(formatMessage(text.fileMissing, { found, file }));
    }
  }
  const xsdChecked = hasXmllint();
  if (xsdChecked) {
    const result = validateManifestXsd(manifestFile);
    if (!result.valid) {
      problems.push(formatMessage(text.xsdInvalid, { messages: result.messages.join('\n') }));
    }
  }
  return { problems, xsdChecked };
}

// ---- The release --------------------------------------------------------------------------------

export async function buildRelease(options: ReleaseOptions): Promise<Release> {
  const log = options.log ?? (() => undefined);
  const url = normaliseUrl(options.url);
  const outDir = path.resolve(options.outDir ?? path.join(root, 'dist'));
  const guideDir = path.resolve(options.guideDir ?? path.join(root, 'docs/huong-dan'));
  const dir = path.join(outDir, 'release');
  const zip = path.join(outDir, 'release.zip');
  rmSync(zip, { force: true });

  log(formatMessage(text.building, { url }));
  await buildAddin(url, dir); // webpack empties dir first (output.clean)

  const guide = renderGuide(guideDir, path.join(dir, 'huong-dan')).map((f) => `huong-dan/${f}`);
  log(
    guide.length
      ? formatMessage(text.guidePages, { pages: guide.join(', ') })
      : formatMessage(text.noGuide, { dir: path.relative(root, guideDir) || guideDir }),
  );
  writeFileSync(path.join(dir, 'README-release.txt'), readme(url, dir, guide));
  writeFileSync(path.join(dir, 'web.config'), webConfig([...listFiles(dir), 'web.config']));

  const { problems, xsdChecked } = checkRelease(dir, url);
  if (!xsdChecked) log(text.noXmllint);
  if (problems.length > 0) fail(text.checkFailed, { dir, problems: problems.join('\n') });

  const files = listFiles(dir);
  // A fixed date: the same sources give the same archive.
  const archive = zipSync(
    Object.fromEntries(files.map((file) => [file, readFileSync(path.join(dir, file))])),
    { level: 9, mtime: new Date(2020, 0, 1) },
  );
  writeFileSync(zip, archive);
  const shown = (file: string) => {
    const relative = path.relative(process.cwd(), file);
    return relative && !relative.startsWith('..') ? relative : file;
  };
  log(
    formatMessage(text.done, {
      dir: shown(dir),
      zip: shown(zip),
      count: files.length,
      url,
      readme: 'README-release.txt',
    }),
  );
  return { url, dir, zip, files, guide, xsdChecked };
}

/** The command line's options: --url (required), --out. */
export function parseArgs(argv: string[]): { url: string; outDir?: string } | 'help' {
  let url: string | undefined;
  let outDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    const [name, inlineValue] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg];
    if (name !== '--url' && name !== '--out') fail(text.unknownOption, { option: arg });
    const value = inlineValue ?? argv[++i];
    if (value === undefined || (inlineValue === undefined && value.startsWith('--'))) {
      fail(text.missingValue, { option: name });
    }
    if (name === '--url') url = value;
    else outDir = value;
  }
  if (!url) return fail(text.missingUrl);
  return { url, outDir };
}

async function main(): Promise<void> {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args === 'help') {
      console.log(text.usage);
      return;
    }
    await buildRelease({ ...args, log: (line) => console.log(line) });
  } catch (err) {
    if (!(err instanceof ReleaseError)) throw err;
    console.error(formatMessage(text.failed, { message: err.message }));
    console.error(text.usage);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
