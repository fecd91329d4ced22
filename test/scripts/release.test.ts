/**
 * `npm run release` (scripts/release.ts): builds the add-in once for a sample URL (with the test
 * guide of test/scripts/fixtures/huong-dan/) and checks what a department's IT person gets — no
 * file mentioning localhost, a manifest that passes Microsoft's XSD with every URL under the given
 * one, a .zip holding the same files, web.config, README-release.txt and the guide as HTML — and
 * that the checks themselves catch a bad package, and that bad URLs are refused in Vietnamese.
 */
import { spawnSync } from 'child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'fs';
import os from 'os';
import path from 'path';
import { unzipSync } from 'fflate';
import { formatMessage, vi } from '../../shared/i18n/vi';
import {
  buildRelease,
  checkRelease,
  listFiles,
  normaliseUrl,
  parseArgs,
  Release,
  ReleaseError,
  renderGuide,
} from '../../scripts/release';
import { hasXmllint, validateManifestXsd } from '../../scripts/xsd';

const root = path.resolve(__dirname, '../..');
const URL_GIVEN = 'https://intranet.example.vn/xephang'; // no trailing slash: normalised
const URL = `${URL_GIVEN}/`;
const fixtures = path.join(__dirname, 'fixtures/huong-dan');

const xmllint = hasXmllint();
if (!xmllint && !process.env.CI) {
  console.warn(
    'test/scripts/release.test.ts: xmllint is not on PATH (Debian package libxml2-utils), so the XSD check is skipped.',
  );
}
const xsdTest = xmllint || process.env.CI ? test : test.skip;

let out: string;
let release: Release;
const logged: string[] = [];

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'xephang-release-'));
  release = await buildRelease({
    url: URL_GIVEN,
    outDir: out,
    guideDir: fixtures,
    log: (line) => logged.push(line),
  });
}, 180_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const read = (file: string) => readFileSync(path.join(release.dir, file));

describe('the package', () => {
  test('is dist/release/ and release.zip under the output folder, for the normalised URL', () => {
    expect(release.url).toBe(URL);
    expect(release.dir).toBe(path.join(out, 'release'));
    expect(release.zip).toBe(path.join(out, 'release.zip'));
    expect(logged[logged.length - 1]).toContain(URL);
  });

  test('holds the add-in, the server files and the guide', () => {
    const files = release.files.map((f) => f.replace(/\.[0-9a-f]{8}\.js$/, '.js')).sort();
    expect(files).toEqual(
      [
        'README-release.txt',
        'assets/icon-128.png',
        'assets/icon-16.png',
        'assets/icon-32.png',
        'assets/icon-64.png',
        'assets/icon-80.png',
        'commands.html',
        'commands.js',
        'dialog.html',
        'dialog.js',
        'docx.js',
        'huong-dan/README.html',
        'huong-dan/img/nut-xep-hang.png',
        'huong-dan/index.html',
        'huong-dan/style.css',
        'huong-dan/thu-nghiem.html',
        'index.html',
        'legacy.js',
        'legacyProbe.js',
        'manifest.xml',
        'style.css',
        'taskpane.html',
        'taskpane.js',
        'web.config',
      ].sort(),
    );
    expect(release.files).toEqual(listFiles(release.dir));
  });

  test('no file mentions localhost, binary files included', () => {
    const offending = release.files.filter((file) =>
      /localhost|127\.0\.0\.1/i.test(read(file).toString('latin1')),
    );
    expect(offending).toEqual([]);
  });

  test('every URL of the manifest starts with the given URL and names a file of the package', () => {
    const manifest = read('manifest.xml').toString('utf8');
    const urls = [...manifest.matchAll(/\bhttps?:\/\/[^\s"<]+/g)]
      .map((m) => m[0])
      .filter((u) => !/^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//.test(u));
    // Icons (2 + 3), SupportUrl, SourceLocation, commands, the Setup button, LearnMoreUrl.
    expect(urls.length).toBe(10);
    for (const url of urls) {
      expect(url.startsWith(URL)).toBe(true);
      expect(existsSync(path.join(release.dir, url.slice(URL.length).replace(/\?.*$/, '')))).toBe(
        true,
      );
    }
    expect(manifest).toContain(`<SourceLocation DefaultValue="${URL}taskpane.html" />`);
    expect(manifest).toContain(`<SupportUrl DefaultValue="${URL}index.html" />`);
    expect(manifest).toContain(`DefaultValue="${URL}commands.html"`);
    expect(manifest).toContain(`DefaultValue="${URL}taskpane.html?view=settings"`);
    expect(manifest).not.toContain('<!--');
  });

  xsdTest("the manifest passes Microsoft's XSD schemas", () => {
    expect(release.xsdChecked).toBe(true);
    const file = path.join(release.dir, 'manifest.xml');
    expect(validateManifestXsd(file)).toEqual({ valid: true, messages: [`${file} validates`] });
  });

  test('release.zip holds the same files, byte for byte', () => {
    const entries = unzipSync(readFileSync(release.zip));
    expect(Object.keys(entries).sort()).toEqual(release.files);
    for (const file of release.files) {
      expect([file, Buffer.from(entries[file]).equals(read(file))]).toEqual([file, true]);
    }
  });

  test('web.config gives IIS a UTF-8 MIME type for every extension of the package', () => {
    const config = read('web.config').toString('utf8');
    const extensions = new Set(release.files.map((f) => path.extname(f)));
    expect([...extensions].sort()).toEqual([
      '.config',
      '.css',
      '.html',
      '.js',
      '.png',
      '.txt',
      '.xml',
    ]);
    for (const ext of [...extensions].filter((e) => e !== '.config')) {
      expect(config).toContain(`<remove fileExtension="${ext}" />`);
      expect(config).toMatch(new RegExp(`<mimeMap fileExtension="\\${ext}" mimeType="[^"]+" />`));
    }
    expect(config).toContain('mimeType="text/javascript; charset=utf-8"');
    expect(config).toContain('<clientCache cacheControlMode="DisableCache" />');
    if (xmllint) {
      const run = spawnSync('xmllint', ['--noout', path.join(release.dir, 'web.config')]);
      expect(run.status).toBe(0);
    }
  });

  test('README-release.txt tells IT the manifest URL, the version and the guide, in both languages', () => {
    const readme = read('README-release.txt').toString('utf8');
    expect(readme.startsWith('\uFEFF')).toBe(true);
    expect(readme).not.toMatch(/[^\r]\n/);
    expect(readme).toContain(`${URL}manifest.xml`);
    expect(readme).toContain(`${URL}huong-dan/index.html`);
    expect(readme).toContain('PHIÊN BẢN 0.1.0.0');
    expect(readme).toContain('Trusted Add-in Catalogs');
    expect(readme).toContain('Upload My Add-in');
    expect(readme).toContain('Integrated apps');
    expect(readme).toContain('FOR THE IT DEPARTMENT (ENGLISH)');
    expect(readme).not.toMatch(/\{\w+\}/);
  });
});

describe('the guide', () => {
  const page = () => read('huong-dan/thu-nghiem.html').toString('utf8');

  test('each Markdown page becomes a page of the same name; README also index.html', () => {
    expect(release.guide).toEqual([
      'huong-dan/README.html',
      'huong-dan/index.html',
      'huong-dan/thu-nghiem.html',
    ]);
    expect(read('huong-dan/index.html').equals(read('huong-dan/README.html'))).toBe(true);
    expect(read('huong-dan/README.html').toString('utf8')).toContain(
      '<a href="thu-nghiem.html">Trang thử nghiệm</a>',
    );
  });

  test('a page has its title, a strict CSP and the stylesheet, and no script', () => {
    const html = page();
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(html).toContain('<title>Trang thử nghiệm của hướng dẫn</title>');
    expect(html).toContain(`content="default-src 'none'; img-src 'self'; style-src 'self'`);
    expect(html).toContain('<link rel="stylesheet" href="style.css" />');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('images are copied next to the pages; guide links go to .html, others are text', () => {
    const html = page();
    expect(html).toContain(
      '<img src="img/nut-xep-hang.png" alt="Nút &quot;Xếp hạng&quot; trên thẻ Trang đầu" />',
    );
    expect(
      read('huong-dan/img/nut-xep-hang.png').equals(
        readFileSync(path.join(fixtures, 'anh/nut-xep-hang.png')),
      ),
    ).toBe(true);
    expect(html).toContain('<a href="README.html#muc-luc">trang mục lục</a>');
    expect(html).toContain(
      '<a href="https://learn.microsoft.com/office/dev/add-ins/" rel="noopener noreferrer">Microsoft</a>',
    );
    expect(html).toContain('và mã nguồn.');
    expect(html).toContain('<h2 id="cài-đặt">Cài đặt</h2>');
  });

  test('a missing image stops the release with a Vietnamese message', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xephang-guide-'));
    try {
      writeFileSync(path.join(dir, 'a.md'), '# A\n\n![ảnh](khong-co.png)\n');
      expect(() => renderGuide(dir, path.join(dir, 'out'))).toThrow(
        formatMessage(vi.release.guideImageMissing, { page: 'a.md', src: 'khong-co.png' }),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the real guide (docs/huong-dan/, if any) renders, every image found', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xephang-guide-'));
    try {
      const guide = path.join(root, 'docs/huong-dan');
      const pages = existsSync(guide) ? readdirSync(guide).filter((f) => f.endsWith('.md')) : [];
      const written = renderGuide(guide, dir);
      for (const md of pages) expect(written).toContain(md.replace(/\.md$/, '.html'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the checks catch a bad package', () => {
  let copy: string;
  beforeEach(() => {
    copy = mkdtempSync(path.join(os.tmpdir(), 'xephang-release-copy-'));
    cpSync(release.dir, copy, { recursive: true });
  });
  afterEach(() => rmSync(copy, { recursive: true, force: true }));

  test('the package as built passes', () => {
    expect(checkRelease(copy, URL).problems).toEqual([]);
  });

  test('a file mentioning localhost, in text or in a binary file', () => {
    writeFileSync(path.join(copy, 'huong-dan/x.html'), '<a href="https://LocalHost:3000/">x</a>');
    writeFileSync(
      path.join(copy, 'assets/x.png'),
      Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]),
        Buffer.from('127.0.0.1'),
        Buffer.from([0, 0xff]),
      ]),
    );
    expect(checkRelease(copy, URL).problems).toEqual([
      formatMessage(vi.release.loopbackWord, { file: 'assets/x.png', word: '127.0.0.1' }),
      formatMessage(vi.release.loopbackWord, { file: 'huong-dan/x.html', word: 'localhost' }),
    ]);
  });

  test('a manifest URL outside the given URL, or naming a missing file', () => {
    const file = path.join(copy, 'manifest.xml');
    const manifest = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      manifest
        .replace(`${URL}index.html"`, 'https://elsewhere.example/index.html"')
        .replace(`${URL}assets/icon-64.png`, `${URL}assets/icon-65.png`),
    );
    expect(checkRelease(copy, URL).problems).toEqual([
      formatMessage(vi.release.fileMissing, {
        found: `${URL}assets/icon-65.png`,
        file: 'assets/icon-65.png',
      }),
      formatMessage(vi.release.urlOutside, {
        found: 'https://elsewhere.example/index.html',
        url: URL,
      }),
    ]);
  });

  xsdTest("a manifest that fails the XSD, with xmllint's message", () => {
    const file = path.join(copy, 'manifest.xml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('ReadWriteDocument', 'ReadWriteEverything'),
    );
    const { problems } = checkRelease(copy, URL);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(vi.release.xsdInvalid.split('\n')[0]);
    expect(problems[0]).toContain("'ReadWriteEverything' is not an element of the set");
  });
});

describe('the URL and the command line', () => {
  test.each([
    ['https://intranet.example.vn/xephang', 'https://intranet.example.vn/xephang/'],
    ['https://intranet.example.vn/xephang/', 'https://intranet.example.vn/xephang/'],
    ['  HTTPS://Intranet.Example.VN/XepHang//  ', 'https://intranet.example.vn/XepHang/'],
    ['https://sotttt.gov.vn', 'https://sotttt.gov.vn/'],
    ['https://10.0.0.5:8443/apps/xephang', 'https://10.0.0.5:8443/apps/xephang/'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseUrl(input)).toBe(expected);
  });

  test.each([
    ['http://intranet.example.vn/xephang/', vi.release.notHttps],
    ['ftp://intranet.example.vn/', vi.release.notHttps],
    ['intranet.example.vn/xephang', vi.release.notUrl],
    ['https://localhost:3000/', vi.release.loopback],
    ['https://127.0.0.1/xephang/', vi.release.loopback],
    ['https://[::1]/', vi.release.loopback],
    ['https://user:pass@intranet.example.vn/', vi.release.credentials],
    ['https://intranet.example.vn/xephang/?v=2', vi.release.queryOrHash],
    ['https://intranet.example.vn/xephang/#x', vi.release.queryOrHash],
    ['https://intranet.example.vn/xep hang/', vi.release.badCharacters],
    ['https://intranet.example.vn/a"b/', vi.release.badCharacters],
  ])('%s is refused', (input, template) => {
    expect(() => normaliseUrl(input)).toThrow(ReleaseError);
    expect(() => normaliseUrl(input)).toThrow(formatMessage(template, { url: input.trim() }));
  });

  test('a refused URL stops before anything is built or removed', async () => {
    await expect(buildRelease({ url: 'http://intranet.example.vn/', outDir: out })).rejects.toThrow(
      ReleaseError,
    );
    expect(existsSync(release.zip)).toBe(true);
  });

  test('options: --url value, --url=value, --out; unknown and missing ones in Vietnamese', () => {
    expect(parseArgs(['--url', 'https://h/x/'])).toEqual({ url: 'https://h/x/' });
    expect(parseArgs(['--url=https://h/x/', '--out', 'o'])).toEqual({
      url: 'https://h/x/',
      outDir: 'o',
    });
    expect(parseArgs(['--help'])).toBe('help');
    expect(() => parseArgs([])).toThrow(vi.release.missingUrl);
    expect(() => parseArgs(['--url'])).toThrow(
      formatMessage(vi.release.missingValue, { option: '--url' }),
    );
    expect(() => parseArgs(['--url', '--out', 'o'])).toThrow(
      formatMessage(vi.release.missingValue, { option: '--url' }),
    );
    expect(() => parseArgs(['--zip'])).toThrow(
      formatMessage(vi.release.unknownOption, { option: '--zip' }),
    );
  });

  test('npm run release with an http URL exits 1 with the Vietnamese error and the usage', () => {
    const run = spawnSync(
      path.join(root, 'node_modules/.bin/tsx'),
      ['scripts/release.ts', '--url', 'http://intranet.example.vn/'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      formatMessage(vi.release.failed, {
        message: formatMessage(vi.release.notHttps, { url: 'http://intranet.example.vn/' }),
      }),
    );
    expect(run.stderr).toContain(vi.release.usage.split('\n')[0]);
  });
});
