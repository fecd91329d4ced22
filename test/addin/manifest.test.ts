/**
 * manifest.xml, checked offline. Microsoft's validator (`npm run validate:manifest`) posts the
 * file to a web service, so this test checks what that service and the OfficeApp 1.1 /
 * VersionOverrides 1.0 schemas would: office-addin-manifest's own reader, well-formed XML,
 * the schema's element order, resources, string lengths, https URLs, icon files and their pixel
 * sizes, the ribbon buttons and an en-US override for every string. It also passes Microsoft's
 * XSD schemas themselves (schemas/office-addin/, with xmllint). See docs/excel.md.
 */
import { execFileSync } from 'child_process';
import { readFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import type { ManifestInfo } from 'office-addin-manifest';
import { hasXmllint, validateManifestXsd } from '../../scripts/xsd';

const root = path.resolve(__dirname, '../..');
const manifestPath = path.join(root, 'manifest.xml');
const DEV_URL = 'https://localhost:3000';

// ---- A small strict XML parser: enough to prove well-formedness and walk the tree. ----------

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
  parent?: Element;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITY = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

function decode(raw: string, where: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '<') throw new Error(`'<' in ${where}`);
    if (raw[i] !== '&') {
      out += raw[i];
      continue;
    }
    const match = ENTITY.exec(raw.slice(i));
    if (!match) throw new Error(`bare '&' in ${where}`);
    const name = match[1];
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    out +=
      named[name] ??
      String.fromCodePoint(
        name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10),
      );
    i += match[0].length - 1;
  }
  return out;
}

function parseXml(source: string): Element {
  if (!source.startsWith('<?xml ')) throw new Error('no XML declaration');
  const stack: Element[] = [];
  let rootElement: Element | undefined;
  let i = 0;
  const fail = (message: string): never => {
    const line = source.slice(0, i).split('\n').length;
    throw new Error(`line ${line}: ${message}`);
  };
  while (i < source.length) {
    if (source[i] !== '<') {
      const end = source.indexOf('<', i);
      const raw = source.slice(i, end < 0 ? source.length : end);
      const text = decode(raw, 'text');
      if (stack.length > 0) stack[stack.length - 1].text += text;
      else if (text.trim() !== '') fail('text outside the root element');
      i += raw.length;
    } else if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      if (end < 0) fail('unclosed comment');
      if (source.slice(i + 4, end).includes('--')) fail("'--' inside a comment");
      i = end + 3;
    } else if (source.startsWith('<?', i)) {
      if (i !== 0) fail('processing instruction after the start');
      const end = source.indexOf('?>', i);
      if (end < 0) fail('unclosed declaration');
      i = end + 2;
    } else if (source.startsWith('<!', i)) {
      fail('DOCTYPE or CDATA not expected in a manifest');
    } else if (source.startsWith('</', i)) {
      const match = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(source.slice(i));
      if (!match) fail('bad end tag');
      const open = stack.pop();
      if (!open || open.name !== match![1]) fail(`</${match![1]}> closes <${open?.name}>`);
      i += match![0].length;
    } else {
      i++;
      const name = NAME.exec(source.slice(i))?.[0] ?? fail('bad element name');
      i += name.length;
      const element: Element = { name, attrs: {}, children: [], text: '', parent: stack.at(-1) };
      for (;;) {
        const rest = source.slice(i);
        const close = /^\s*(\/?)>/.exec(rest);
        if (close) {
          i += close[0].length;
          if (element.parent) element.parent.children.push(element);
          else if (rootElement) fail('second root element');
          else rootElement = element;
          if (!close[1]) stack.push(element);
          break;
        }
        const attr = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(rest);
        if (!attr) fail(`bad attribute in <${name}>`);
        if (attr![1] in element.attrs) fail(`duplicate attribute ${attr![1]}`);
        element.attrs[attr![1]] = decode(attr![3] ?? attr![4], `attribute ${attr![1]}`);
        i += attr![0].length;
      }
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (!rootElement) throw new Error('no root element');
  return rootElement;
}

function all(element: Element): Element[] {
  return [element, ...element.children.flatMap(all)];
}

function kids(element: Element, name: string): Element[] {
  return element.children.filter((child) => child.name === name);
}

function only(element: Element, name: string): Element {
  const found = kids(element, name);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}>`);
  return found[0];
}

function namespaceOf(element: Element, prefix: string): string | undefined {
  const key = prefix ? `xmlns:${prefix}` : 'xmlns';
  for (let e: Element | undefined = element; e; e = e.parent) {
    if (key in e.attrs) return e.attrs[key];
  }
  return undefined;
}

/** A PNG's width and height from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(0, 8).equals(signature)).toBe(true);
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

// ---- The manifest ------------------------------------------------------------------------------

const source = readFileSync(manifestPath, 'utf8');
const app = parseXml(source);
const overrides = only(app, 'VersionOverrides');
const resources = only(overrides, 'Resources');
const resourceElements = resources.children.flatMap((group) => group.children);
const resourceById = new Map(resourceElements.map((r) => [r.attrs.id, r]));
const resourceKind = (id: string) => resourceById.get(id)?.parent?.name;
const strings = (kind: string) => kids(resources, kind).flatMap((group) => group.children);

/** Children allowed under each parent, in the order the schemas require. */
const ORDER: Record<string, string[]> = {
  OfficeApp: [
    'Id',
    'AlternateId',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'AppDomains',
    'Hosts',
    'Requirements',
    'DefaultSettings',
    'Permissions',
    'AllowSnapshot',
    'VersionOverrides',
  ],
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo'],
  AppDomains: ['AppDomain'],
  Hosts: ['Host'],
  Host: ['DesktopFormFactor'],
  Requirements: ['Sets'],
  Sets: ['Set'],
  DefaultSettings: ['SourceLocation', 'RequestedWidth', 'RequestedHeight'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  ExtensionPoint: ['OfficeTab', 'CustomTab', 'OfficeMenu'],
  OfficeTab: ['Group'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
  'Action ExecuteFunction': ['FunctionName'],
  'Action ShowTaskpane': ['TaskpaneId', 'SourceLocation', 'Title', 'SupportsPinning'],
  Supertip: ['Title', 'Description'],
  Icon: ['bt:Image'],
  Resources: ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'],
  'bt:Images': ['bt:Image'],
  'bt:Urls': ['bt:Url'],
  'bt:ShortStrings': ['bt:String'],
  'bt:LongStrings': ['bt:String'],
  'bt:String': ['bt:Override'],
  DisplayName: ['Override'],
  Description: ['Override'],
};
const REPEATABLE = new Set([
  'AppDomain',
  'ExtensionPoint',
  'Group',
  'Control',
  'bt:Image',
  'bt:Url',
  'bt:String',
  'Override',
  'bt:Override',
  'Host',
  'Set',
]);
const REQUIRED: Record<string, string[]> = {
  OfficeApp: [
    'Id',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'Hosts',
    'Requirements',
    'DefaultSettings',
    'Permissions',
    'VersionOverrides',
  ],
  VersionOverrides: ['Hosts', 'Resources'],
  DesktopFormFactor: ['FunctionFile', 'ExtensionPoint'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
  Supertip: ['Title', 'Description'],
};

test("office-addin-manifest's own reader reads it (offline)", () => {
  // In a plain Node process, as office-addin-debugging runs it (jest cannot load the ES modules
  // office-addin-manifest pulls in).
  const script =
    "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])" +
    '.then((info) => process.stdout.write(JSON.stringify(info)))';
  const output = execFileSync(process.execPath, ['-e', script, manifestPath], { cwd: root });
  const info = JSON.parse(output.toString('utf8')) as ManifestInfo;
  expect(info.id).toBe('baea10a0-d19d-4855-b328-9f2721467a8a');
  expect(info.displayName).toBe('Xếp hạng thi đua CCHC');
  expect(info.defaultLocale).toBe('vi-VN');
  expect(info.hosts).toEqual(['Workbook']);
  expect(info.officeAppType).toBe('TaskPaneApp');
  expect(info.permissions).toBe('ReadWriteDocument');
  expect(info.providerName).toBeTruthy();
  expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_URL}/taskpane.html`);
});

test('is well-formed XML in the add-in manifest namespaces', () => {
  expect(() => parseXml('<?xml version="1.0"?><a><b></a>')).toThrow();
  expect(() => parseXml('<?xml version="1.0"?><a x="1" x="2"/>')).toThrow();
  expect(() => parseXml('<?xml version="1.0"?><a>&nbsp;</a>')).toThrow();
  expect(source.startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true);
  expect(app.name).toBe('OfficeApp');
  expect(app.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
  expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
  expect(overrides.attrs.xmlns).toBe(
    'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  );
  expect(overrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
  // Every prefix used is declared where it is used.
  const expected: Record<string, string> = {
    xsi: 'http://www.w3.org/2001/XMLSchema-instance',
    bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  };
  for (const element of all(app)) {
    const names = [element.name, ...Object.keys(element.attrs)].filter(
      (n) => n.includes(':') && !n.startsWith('xmlns:'),
    );
    for (const name of names) {
      const prefix = name.split(':')[0];
      expect([name, namespaceOf(element, prefix)]).toEqual([name, expected[prefix]]);
    }
  }
});

test('elements appear in the order the schemas require, each required one present', () => {
  const problems: string[] = [];
  for (const element of all(app)) {
    if ('resid' in element.attrs && element.children.length > 0) {
      problems.push(`<${element.name} resid> has children`);
    }
    const type = element.attrs['xsi:type'];
    const order = ORDER[element.name === 'Action' ? `Action ${type}` : element.name];
    if (!order) {
      if (element.children.length > 0) problems.push(`<${element.name}> has children`);
      continue;
    }
    let last = -1;
    const seen = new Set<string>();
    for (const child of element.children) {
      const at = order.indexOf(child.name);
      if (at < 0) problems.push(`<${child.name}> not allowed in <${element.name}>`);
      else if (at < last) problems.push(`<${child.name}> out of order in <${element.name}>`);
      else if (seen.has(child.name) && !REPEATABLE.has(child.name)) {
        problems.push(`<${child.name}> twice in <${element.name}>`);
      }
      last = Math.max(last, at);
      seen.add(child.name);
    }
    for (const name of REQUIRED[element.name] ?? []) {
      if (!seen.has(name)) problems.push(`<${element.name}> lacks <${name}>`);
    }
  }
  expect(problems).toEqual([]);
});

test('identity, locale, host, requirement set and permissions', () => {
  expect(only(app, 'Id').text).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  expect(only(app, 'Version').text).toMatch(/^\d{1,5}(\.\d{1,5}){3}$/);
  expect(only(app, 'ProviderName').text.length).toBeLessThanOrEqual(125);
  expect(only(app, 'DefaultLocale').text).toBe('vi-VN');
  expect(only(app, 'DisplayName').attrs.DefaultValue).toBe('Xếp hạng thi đua CCHC');
  expect(only(only(app, 'DisplayName'), 'Override').attrs).toEqual({
    Locale: 'en-US',
    Value: 'Emulation ranking (CCHC)',
  });
  expect(kids(only(app, 'Hosts'), 'Host').map((h) => h.attrs.Name)).toEqual(['Workbook']);
  const sets = only(only(app, 'Requirements'), 'Sets');
  expect(kids(sets, 'Set').map((s) => s.attrs)).toEqual([{ Name: 'ExcelApi', MinVersion: '1.9' }]);
  expect(only(app, 'Permissions').text).toBe('ReadWriteDocument');
  const hosts = kids(only(overrides, 'Hosts'), 'Host');
  expect(hosts.map((h) => h.attrs['xsi:type'])).toEqual(['Workbook']);
});

test('the Home tab has one group with "Xếp hạng" (runs rank) and "Cấu hình" (task pane)', () => {
  const form = only(kids(only(overrides, 'Hosts'), 'Host')[0], 'DesktopFormFactor');
  const functionFile = only(form, 'FunctionFile').attrs.resid;
  expect(resourceById.get(functionFile)?.attrs.DefaultValue).toBe(`${DEV_URL}/commands.html`);
  const point = only(form, 'ExtensionPoint');
  expect(point.attrs['xsi:type']).toBe('PrimaryCommandSurface');
  const tab = only(point, 'OfficeTab');
  expect(tab.attrs.id).toBe('TabHome');
  const group = only(tab, 'Group');
  const label = (e: Element) => resourceById.get(only(e, 'Label').attrs.resid)?.attrs.DefaultValue;
  const buttons = kids(group, 'Control').map((control) => {
    expect(control.attrs['xsi:type']).toBe('Button');
    const action = only(control, 'Action');
    return {
      label: label(control),
      action: action.attrs['xsi:type'],
      detail:
        action.attrs['xsi:type'] === 'ExecuteFunction'
          ? only(action, 'FunctionName').text
          : resourceById.get(only(action, 'SourceLocation').attrs.resid)?.attrs.DefaultValue,
    };
  });
  expect(buttons).toEqual([
    { label: 'Xếp hạng', action: 'ExecuteFunction', detail: 'rank' },
    // The pane opens on its settings tab ("Thiết lập"): addin/taskpane.ts reads ?view=.
    {
      label: 'Cấu hình',
      action: 'ShowTaskpane',
      detail: `${DEV_URL}/taskpane.html?view=settings`,
    },
  ]);
  const ids = all(app)
    .filter((e) => ['Group', 'Control'].includes(e.name))
    .map((e) => e.attrs.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id.length).toBeLessThanOrEqual(125);
});

test('every resid is defined exactly once, of the right kind, and every resource is used', () => {
  const defined = resourceElements.map((r) => r.attrs.id);
  expect(new Set(defined).size).toBe(defined.length);
  for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
  const kindFor: Record<string, string> = {
    'bt:Image': 'bt:Images',
    FunctionFile: 'bt:Urls',
    SourceLocation: 'bt:Urls',
    LearnMoreUrl: 'bt:Urls',
    Label: 'bt:ShortStrings',
    Title: 'bt:ShortStrings',
    Description: 'bt:LongStrings',
  };
  const references = all(overrides).filter((e) => 'resid' in e.attrs);
  expect(references.length).toBeGreaterThan(0);
  for (const ref of references) {
    expect([ref.name, ref.attrs.resid, resourceKind(ref.attrs.resid)]).toEqual([
      ref.name,
      ref.attrs.resid,
      kindFor[ref.name],
    ]);
  }
  const used = new Set(references.map((r) => r.attrs.resid));
  expect(defined.filter((id) => !used.has(id))).toEqual([]);
});

test('every string fits its limit and has an en-US override', () => {
  const limited = [
    ...strings('bt:ShortStrings').map((s) => [s, 125] as const),
    ...strings('bt:LongStrings').map((s) => [s, 250] as const),
    [only(app, 'DisplayName'), 125] as const,
    [only(app, 'Description'), 250] as const,
  ];
  expect(limited.length).toBe(9);
  for (const [element, max] of limited) {
    const override = element.children;
    expect(override.map((o) => [o.name.replace(/^bt:/, ''), o.attrs.Locale])).toEqual([
      ['Override', 'en-US'],
    ]);
    const values = [element.attrs.DefaultValue, override[0].attrs.Value];
    for (const value of values) {
      expect(value.trim()).toBe(value);
      expect(value.length).toBeGreaterThan(0);
      expect(value.length).toBeLessThanOrEqual(max);
    }
    expect(values[0]).not.toBe(values[1]);
  }
});

test('every URL is https under the development base URL and names a built file', () => {
  const pages = ['taskpane.html', 'commands.html', 'index.html'];
  const urls = all(app).flatMap((e) =>
    ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'bt:Url', 'bt:Image']
      .filter((name) => e.name === name && 'DefaultValue' in e.attrs)
      .map(() => e.attrs.DefaultValue),
  );
  expect(urls.length).toBe(10);
  for (const url of urls) {
    expect(url.startsWith(`${DEV_URL}/`)).toBe(true);
    // A page may carry a query (the Setup button's ?view=settings); the server ignores it.
    const file = url.slice(DEV_URL.length + 1).replace(/\?[\w=&]*$/, '');
    if (file.startsWith('assets/')) expect(existsSync(path.join(root, file))).toBe(true);
    else expect(pages).toContain(file);
  }
  // Outside comments, nothing else in the document looks like a URL but the namespaces.
  const other = [...source.replace(/<!--[\s\S]*?-->/g, '').matchAll(/\bhttps?:\/\/[^\s"<]+/g)]
    .map((m) => m[0])
    .filter((u) => !u.startsWith(`${DEV_URL}/`) && !/schemas\.microsoft\.com|w3\.org/.test(u));
  expect(other).toEqual([]);
});

test('icons exist in assets/ at the pixel size they are declared with', () => {
  const file = (url: string) => path.join(root, url.slice(DEV_URL.length + 1));
  expect(pngSize(file(only(app, 'IconUrl').attrs.DefaultValue))).toEqual([64, 64]);
  expect(pngSize(file(only(app, 'HighResolutionIconUrl').attrs.DefaultValue))).toEqual([128, 128]);
  const images = all(overrides).filter((e) => e.name === 'bt:Image' && 'resid' in e.attrs);
  expect(images.length).toBe(9);
  for (const image of images) {
    const size = Number(image.attrs.size);
    expect([16, 20, 24, 32, 40, 48, 64, 80]).toContain(size);
    const url = resourceById.get(image.attrs.resid)!.attrs.DefaultValue;
    expect(pngSize(file(url))).toEqual([size, size]);
  }
  for (const size of [16, 32, 64, 80, 128]) {
    expect(pngSize(path.join(root, `assets/icon-${size}.png`))).toEqual([size, size]);
  }
});

// ---- Microsoft's XSD schemas, offline (schemas/office-addin/, xmllint) ---------------------------

/** Skipped with a note where xmllint is missing, but never in CI (.ci/run installs it). */
const xmllint = hasXmllint();
if (!xmllint && !process.env.CI) {
  console.warn(
    'test/addin/manifest.test.ts: xmllint is not on PATH (Debian package libxml2-utils), so the XSD checks are skipped.',
  );
}
const xsdTest = xmllint || process.env.CI ? test : test.skip;

xsdTest("passes Microsoft's XSD schemas (OfficeApp 1.1, VersionOverrides 1.0)", () => {
  expect(validateManifestXsd(manifestPath)).toEqual({
    valid: true,
    messages: [`${manifestPath} validates`],
  });
});

describe("a broken copy is rejected with xmllint's message", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'xephang-manifest-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const long = 'x'.repeat(126);
  const cases: Array<[string, string, RegExp]> = [
    [
      'no <Version>',
      source.replace(/\s*<Version>[^<]*<\/Version>/, ''),
      /Element '\{[^}]+\}ProviderName': This element is not expected\. Expected is .*Version/,
    ],
    [
      'an unknown permission',
      source.replace('<Permissions>ReadWriteDocument<', '<Permissions>WriteEverything<'),
      /'WriteEverything' is not an element of the set/,
    ],
    [
      'a ribbon label over 125 characters',
      source.replace('Value="Rank"', `Value="${long}"`),
      /\[facet 'maxLength'\] .* exceeds the allowed maximum length of '125'/,
    ],
  ];
  xsdTest.each(cases)('%s', (_name, broken, message) => {
    expect(broken).not.toBe(source);
    const file = path.join(dir, 'manifest.xml');
    writeFileSync(file, broken);
    const result = validateManifestXsd(file);
    expect(result.valid).toBe(false);
    expect(result.messages.join('\n')).toMatch(message);
    expect(result.messages[result.messages.length - 1]).toBe(`${file} fails to validate`);
  });
});
