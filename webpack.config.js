/**
 * Builds, chosen with --env switches (several may be given; none means the core alone):
 *
 *   --env core    the scoring core as one UMD library (dist/core/xephang-core.js, global XepHang)
 *   --env addin   the Excel add-in (dist/addin/): taskpane / commands / dialog bundles, their
 *                 HTML pages, style.css, the icons and the manifest stamped with the hosting URL
 *   --env gas     the Google Sheets add-on (dist/gas/): Code.js with top-level entry points,
 *                 sidebar.html with its script and style inlined, appsscript.json
 *   --env url=https://host/path/   where dist/addin/ will be served (default
 *                 https://localhost:3000, the URL written in the root manifest.xml); for the
 *                 gas build, where the user guide is (<url>/huong-dan/, the sidebar's help links)
 *
 * One switch returns one configuration object (the core test edits its output path); several
 * return an array, which webpack builds together. See docs/excel.md.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const ts = require('typescript');
const { Compilation, DefinePlugin, sources } = require('webpack');

/** The base URL written in manifest.xml; an add-in build with --env url replaces all of it. */
const DEV_URL = 'https://localhost:3000';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * Scripts only from this origin and Office.js's CDN, never inline; inline styles are allowed
 * (Office.js sets some itself). frame-ancestors cannot be set from a meta tag: a host that
 * wants it sends it as a header.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' https://appsforoffice.microsoft.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * The pages of the add-in. The UI's stylesheet (ui/style.css) is copied as style.css and linked
 * by the pages that show UI, so the CSP needs no inline style block.
 */
const PAGES = [
  { name: 'taskpane', title: 'Xếp hạng thi đua CCHC', style: true, body: '<div id="app"></div>' },
  { name: 'commands', title: 'Xếp hạng thi đua CCHC — lệnh', style: false, body: '' },
  {
    name: 'dialog',
    title: 'Xếp hạng thi đua CCHC — lỗi',
    style: true,
    body: '<div id="app"></div>',
  },
];

const tsRule = {
  test: /\.ts$/,
  loader: 'ts-loader',
  exclude: /node_modules/,
  options: { transpileOnly: true, compilerOptions: { module: 'es2020', noEmit: false } },
};

function common(mode) {
  return {
    mode,
    target: ['web', 'es2020'],
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [tsRule] },
    devtool: mode === 'production' ? false : 'source-map',
    performance: { hints: false },
  };
}

function coreConfig(mode) {
  return {
    ...common(mode),
    name: 'core',
    entry: { 'xephang-core': './shared/index.ts' },
    output: {
      path: path.resolve(__dirname, 'dist/core'),
      filename: '[name].js',
      library: { name: 'XepHang', type: 'umd' },
      globalObject: 'globalThis',
      clean: true,
    },
  };
}

/** The hosting URL without its trailing slashes: "https://h/p/" → "https://h/p". */
function baseUrl(url) {
  const base = String(url || DEV_URL).replace(/\/+$/, '');
  if (!/^https:\/\/[^/\s"'<>&]+(\/[^\s"'<>&]*)?$/.test(base)) {
    throw new Error(`--env url must be an https URL, not "${url}"`);
  }
  return base;
}

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/**
 * A page: Office.js, then the ES5 loader's two files (addin/legacyProbe.js, addin/legacy.js),
 * which write the page's own bundles (`main`) as deferred scripts on an engine that can run
 * them, and show why not on Internet Explorer 11 / Edge Legacy webviews (see addin/legacy.js).
 */
function page({ name, title, style, body }, loader, main) {
  const scripts = [
    `    <script src="${OFFICE_JS}"></script>`,
    `    <script src="${escapeHtml(loader.probe)}"></script>`,
    `    <script src="${escapeHtml(loader.legacy)}" data-role="${name}" data-main="${escapeHtml(
      main.join(' '),
    )}"></script>`,
  ];
  return [
    '<!doctype html>',
    '<html lang="vi">',
    '  <head>',
    '    <meta charset="utf-8" />',
    `    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
    '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
    `    <title>${escapeHtml(title)}</title>`,
    ...(style ? ['    <link rel="stylesheet" href="style.css" />'] : []),
    ...scripts,
    '  </head>',
    `  <body>${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}

/** The support page (SupportUrl, GetStarted's LearnMoreUrl): static, no script. */
function indexPage() {
  return [
    '<!doctype html>',
    '<html lang="vi">',
    '  <head>',
    '    <meta charset="utf-8" />',
    `    <meta http-equiv="Content-Security-Policy" content="default-src 'self'" />`,
    '    <title>Xếp hạng thi đua CCHC</title>',
    '  </head>',
    '  <body>',
    '    <h1>Xếp hạng thi đua CCHC</h1>',
    '    <p>Phần bổ trợ Excel chấm điểm, tính chỉ số và xếp hạng các cơ quan, đơn vị trong phong',
    '    trào thi đua cải cách hành chính.</p>',
    '    <p>Trong Excel, thẻ <b>Trang đầu</b>, nhóm <b>Thi đua CCHC</b>: bấm <b>Cấu hình</b> để',
    '    nhập đợt thi đua và bộ tiêu chí; bấm <b>Xếp hạng</b> để tính điểm và ghi các trang',
    '    <i>Kết quả</i>, <i>Đề nghị khen thưởng</i> và <i>Nhật ký</i>.</p>',
    '  </body>',
    '</html>',
    '',
  ].join('\n');
}

const LEGACY_MARKER = '/* vi.legacy */ {}';

/**
 * vi.legacy from shared/i18n/vi.ts (the one home of Vietnamese text), read at build time: the
 * dictionary is data, so TypeScript's transpiler and a bare context are enough to evaluate it.
 */
function legacyText(file) {
  const source = fs.readFileSync(file, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  });
  const sandbox = { exports: {} };
  vm.runInNewContext(outputText, sandbox, { filename: file });
  return sandbox.exports.vi.legacy;
}

/**
 * Emits, next to the bundles: the loader (legacyProbe.js, legacy.js with vi.legacy in place,
 * hashed like the bundles in production), one HTML page per entry (Office.js first, then the
 * loader naming the entry's own files), index.html, style.css (ui/style.css, empty if it does not exist yet), assets/*.png and
 * manifest.xml with every DEV_URL replaced by the hosting URL (comments dropped, since they
 * describe the development copy).
 */
class AddinFilesPlugin {
  constructor(url, hashed) {
    this.url = url;
    this.hashed = hashed;
  }

  apply(compiler) {
    const name = 'AddinFilesPlugin';
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          // Marked minimized: webpack's built-in HTML/CSS minimizer leaves them as written.
          const emit = (file, content) =>
            compilation.emitAsset(file, new sources.RawSource(content), { minimized: true });
          const read = (file) => {
            compilation.fileDependencies.add(file);
            return fs.readFileSync(file);
          };

          // Office caches add-in files hard: in production a new loader gets a new name too.
          const named = (base, content) =>
            this.hashed
              ? `${base}.${crypto.createHash('sha256').update(content).digest('hex').slice(0, 8)}.js`
              : `${base}.js`;
          const text = legacyText(path.resolve(__dirname, 'shared/i18n/vi.ts'));
          compilation.fileDependencies.add(path.resolve(__dirname, 'shared/i18n/vi.ts'));
          const legacySource = read(path.resolve(__dirname, 'addin/legacy.js')).toString('utf8');
          if (legacySource.split(LEGACY_MARKER).length !== 2) {
            throw new Error(`addin/legacy.js must hold ${LEGACY_MARKER} exactly once`);
          }
          // ASCII only (\uXXXX escapes), whatever charset a host serves .js files with.
          const json = JSON.stringify(text).replace(
            /[\u007f-\uffff]/g,
            (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
          );
          const legacy = legacySource.replace(LEGACY_MARKER, () => json);
          const probe = read(path.resolve(__dirname, 'addin/legacyProbe.js'));
          const loader = { probe: named('legacyProbe', probe), legacy: named('legacy', legacy) };
          emit(loader.probe, probe);
          emit(loader.legacy, legacy);

          for (const entry of PAGES) {
            const main = compilation.entrypoints
              .get(entry.name)
              .getFiles()
              .filter((file) => file.endsWith('.js'));
            emit(`${entry.name}.html`, page(entry, loader, main));
          }
          emit('index.html', indexPage());

          const style = path.resolve(__dirname, 'ui/style.css');
          emit('style.css', fs.existsSync(style) ? read(style) : '');

          const assets = path.resolve(__dirname, 'assets');
          compilation.contextDependencies.add(assets);
          for (const file of fs
            .readdirSync(assets)
            .filter((f) => f.endsWith('.png'))
            .sort()) {
            emit(`assets/${file}`, read(path.join(assets, file)));
          }

          const manifest = read(path.resolve(__dirname, 'manifest.xml'))
            .toString('utf8')
            .replace(/<!--[\s\S]*?-->\s*/g, '')
            .split(DEV_URL)
            .join(this.url);
          emit('manifest.xml', manifest);
        },
      );
    });
  }
}

function addinConfig(mode, env) {
  const url = baseUrl(env.url);
  return {
    ...common(mode),
    name: 'addin',
    entry: {
      taskpane: './addin/taskpane.ts',
      commands: './addin/commands.ts',
      dialog: './addin/dialog.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist/addin'),
      // Office caches add-in files hard: a new build gets new script names.
      filename: mode === 'production' ? '[name].[contenthash:8].js' : '[name].js',
      // Chunks loaded on demand (the Word writer, docx.[hash].js: addin/bridge.ts imports docx/
      // when the user asks for the appendix), next to the pages. publicPath '' resolves them
      // against the page's own URL, i.e. the folder taskpane.html is served from, whatever the
      // hosting URL; the CSP's script-src 'self' allows them.
      chunkFilename: mode === 'production' ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '',
      clean: true,
    },
    // The Word writer and the docx package it uses load as ONE chunk (docx.[hash].js), not a
    // vendor chunk apart; the pages' own bundles are not split (they never were).
    optimization: { splitChunks: { cacheGroups: { default: false, defaultVendors: false } } },
    plugins: [new AddinFilesPlugin(url, mode === 'production')],
  };
}

// ---------------------------------------------------------------------------------------------
// gas (Google Sheets add-on, dist/gas/), selected with --env gas: Code.js, sidebar.html,
// docx.html (the Word writer the sidebar fetches on demand) and appsscript.json, the files
// `clasp push` uploads (rootDir dist/gas). See docs/sheets.md.
// ---------------------------------------------------------------------------------------------

/** The functions Apps Script must see at the top level of Code.js (menu, sidebar calls). */
const GAS_ENTRYPOINTS = require('./gas/entrypoints.json');

/**
 * Apps Script finds functions only as top-level declarations; webpack's bundle keeps everything
 * inside one `var XepHangGas`. This appends `function onOpen(e) { return XepHangGas.onOpen(e); }`
 * and the like for every name in gas/entrypoints.json, inlines the sidebar's script and the UI's
 * stylesheet into sidebar.html (HtmlService serves one file), wraps the Word writer as
 * docx.html (fetched by the sidebar on demand), and copies appsscript.json.
 */
class GasFilesPlugin {
  apply(compiler) {
    const name = 'GasFilesPlugin';
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        () => {
          const read = (file) => {
            compilation.fileDependencies.add(file);
            return fs.readFileSync(file, 'utf8');
          };
          const names = [...GAS_ENTRYPOINTS.menu, ...GAS_ENTRYPOINTS.sidebar];
          const stubs = names
            .map((fn) => `function ${fn}() { return XepHangGas.${fn}.apply(this, arguments); }`)
            .join('\n');
          const code = compilation.getAsset('Code.js').source.source().toString();
          compilation.updateAsset(
            'Code.js',
            new sources.RawSource(`${code}\n// Apps Script entry points\n${stubs}\n`),
          );

          // A script may not close its own element, whatever text it carries.
          const inlineScript = (file) =>
            compilation
              .getAsset(file)
              .source.source()
              .toString()
              .replace(/<\/(script)/gi, '<\\/$1')
              .replace(/<!--/g, '<\\!--');
          const script = inlineScript('sidebar.js');
          compilation.deleteAsset('sidebar.js');
          const style = fs.existsSync(path.resolve(__dirname, 'ui/style.css'))
            ? read(path.resolve(__dirname, 'ui/style.css')).replace(/<\/(style)/gi, '<\\/$1')
            : '';
          const html = [
            '<!doctype html>',
            '<html lang="vi">',
            '  <head>',
            '    <meta charset="utf-8" />',
            '    <base target="_top" />',
            `    <style>${style}</style>`,
            '  </head>',
            '  <body>',
            '    <div id="app"></div>',
            `    <script>${script}</script>`,
            '  </body>',
            '</html>',
            '',
          ].join('\n');
          compilation.emitAsset('sidebar.html', new sources.RawSource(html), { minimized: true });

          // The Word writer (ui/docxWriter.ts): its own file, one inline script defining
          // XepHangDocx, that the sidebar fetches (xephangApiDocxScript) only when the user asks
          // for the appendix — the sidebar page stays free of docx/.
          const writer = inlineScript('docx.js');
          compilation.deleteAsset('docx.js');
          compilation.emitAsset(
            'docx.html',
            new sources.RawSource(`<script>${writer}</script>\n`),
            {
              minimized: true,
            },
          );
          compilation.emitAsset(
            'appsscript.json',
            new sources.RawSource(read(path.resolve(__dirname, 'gas/appsscript.json'))),
            { minimized: true },
          );
        },
      );
    });
  }
}

function gasConfig(mode, env) {
  // The sidebar's help links: the guide beside the Excel release at --env url (gas/guide.ts).
  const guide = env.url ? `${baseUrl(env.url)}/huong-dan/` : undefined;
  return {
    ...common(mode),
    name: 'gas',
    // Apps Script's V8 runs ES2020 but has no window, self or document.
    target: ['es2020'],
    entry: {
      Code: './gas/main.ts',
      sidebar: './gas/sidebar.ts',
      // The sidebar's Word writer, served apart as docx.html (see GasFilesPlugin).
      docx: { import: './ui/docxWriter.ts', library: { name: 'XepHangDocx', type: 'var' } },
    },
    output: {
      path: path.resolve(__dirname, 'dist/gas'),
      filename: '[name].js',
      library: { name: 'XepHangGas', type: 'var' },
      globalObject: 'this',
      // One chunk per entry, nothing loaded later.
      chunkFormat: 'array-push',
      chunkLoading: false,
      wasmLoading: false,
      clean: true,
    },
    // Source maps are useless to Apps Script, and one file per role is what clasp pushes.
    devtool: false,
    optimization: { splitChunks: false, runtimeChunk: false },
    plugins: [
      new GasFilesPlugin(),
      ...(guide ? [new DefinePlugin({ __XEPHANG_GUIDE_BASE__: JSON.stringify(guide) })] : []),
    ],
  };
}

const BUILDS = { core: coreConfig, addin: addinConfig, gas: gasConfig };

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const chosen = Object.keys(BUILDS).filter((build) => env[build]);
  const configs = (chosen.length > 0 ? chosen : ['core']).map((build) => BUILDS[build](mode, env));
  return configs.length === 1 ? configs[0] : configs;
};
