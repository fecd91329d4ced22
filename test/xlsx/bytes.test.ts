/**
 * The .xlsx layer without Node: xlsx/bytes.ts bundles for a browser (no node:zlib, no fs),
 * and a package deflated by the browser codec (fflate) reads with the Node one (node:zlib) and
 * the other way round. The .zip of forms holds one .xlsx per unit, stored.
 */
import path from 'path';
import vm from 'vm';
import { deflateRawSync } from 'zlib';
import { build } from 'esbuild';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { anGiang2018 } from '../../examples/an-giang-2018';
import { campaignForms, formFileName, formsZipName, zipForms } from '../../xlsx/formFiles';
import { readPackage, readSheets } from '../../xlsx';
import { buildWorkbook } from '../../xlsx/bytes';
import { codec, useCodec, type Codec } from '../../xlsx/codec';
import { byteText as jsByteText, fflateCodec } from '../../xlsx/platform.browser';
import { entryData, parseZip, ZipFormatError } from '../../xlsx/zip';
import { zlibCodec } from '../../xlsx/platform';
import { unitForm } from '../../shared/forms/form';
import { formatMessage, vi } from '../../shared/i18n/vi';
import { inputSheets } from '../../shared/workbook/inputs';
import { rawEntries, rawZip } from './helpers';
import { readSetup } from '../../shared/workbook/setup';

const ROOT = path.resolve(__dirname, '../..');
const F = vi.forms;
const sheets = Object.fromEntries(inputSheets(anGiang2018).map((b) => [b.name, b.rows]));
const setup = readSetup(sheets).setup;
if (!setup) throw new Error('example setup');
const unit = anGiang2018.units[0];

/** A codec that counts its calls, to know which one did the work. */
function counting(inner: Codec): Codec & { calls: number } {
  const c = {
    calls: 0,
    inflateRaw: (raw: Uint8Array, size: number) => (c.calls++, inner.inflateRaw(raw, size)),
    deflateRaw: (data: Uint8Array, level: number) => (c.calls++, inner.deflateRaw(data, level)),
  };
  return c;
}

/** Runs `fn` with a codec installed, then puts the previous one back. */
function withCodec<T>(c: Codec, fn: () => T): T {
  const previous = useCodec(c);
  try {
    return fn();
  } finally {
    useCodec(previous);
  }
}

const formRows = (bytes: Uint8Array) =>
  readSheets(readPackage(bytes), [F.sheet]).get(F.sheet)?.rows;

test('Node uses node:zlib', () => {
  expect(codec()).toBe(zlibCodec);
});

test('a browser bundle uses fflate and plain JavaScript: forms made and read with no Node', async () => {
  const result = await build({
    stdin: {
      contents: [
        "import { codec } from './xlsx/codec';",
        "import { fflateCodec } from './xlsx/platform.browser';",
        "import { campaignForms, readFormFiles, zipForms } from './xlsx/formFiles';",
        "import { parseZip, entryData } from './xlsx/zip';",
        'const made = campaignForms(globalThis.input);',
        'if (!made.ok) throw new Error("forms");',
        'const zip = zipForms(made.files);',
        'const files = parseZip(zip).map((e) => ({ name: e.name, bytes: entryData(e) }));',
        'const read = readFormFiles(files);',
        'const damaged = readFormFiles(globalThis.damaged);',
        'globalThis.output = {',
        '  usesFflate: codec() === fflateCodec,',
        '  names: files.map((f) => f.name),',
        '  units: read.forms.map((f) => f.grid[3][1]),',
        '  issues: read.issues.length,',
        '  damaged: damaged.issues.map((i) => i.params.message),',
        '  damagedRead: damaged.forms.length,',
        '};',
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  expect(code).not.toMatch(/node:|require\(|worker_threads/);
  // A bare context: no Buffer, no require, no process; only what every browser has.
  // Damaged forms: the browser codec and the table CRC-32 give the same guarantees.
  const form = unzipSync(buildWorkbook([unitForm(setup, unit)]));
  const part = 'xl/worksheets/sheet1.xml';
  const bomb = deflateRawSync(new Uint8Array(50 * 2 ** 20));
  const damaged = [
    { name: 'crc.xlsx', edit: { crc: 1 } },
    { name: 'bomb.xlsx', edit: { body: bomb, size: 1024, crc: 0 } },
    { name: 'garbage.xlsx', edit: { body: new Uint8Array(300).fill(0xff) } },
  ].map(({ name, edit }) => ({
    name,
    bytes: rawZip(rawEntries(form, { [part]: edit })),
  }));
  const sandbox: Record<string, unknown> = { TextDecoder, TextEncoder, input: sheets, damaged };
  sandbox.globalThis = sandbox;
  const started = performance.now();
  vm.runInNewContext(code, sandbox);
  const D = vi.xlsx.damaged;
  const named = (file: string, kind: 'crc' | 'size' | 'inflate'): string =>
    formatMessage(D[kind], {
      part: formatMessage(D.sheetPart, { part, name: F.sheet }),
      label: `"${file}"`,
    });
  expect(sandbox.output).toEqual({
    usesFflate: true,
    names: anGiang2018.units.map((u) => formFileName(u.id)),
    units: anGiang2018.units.map((u) => u.id),
    issues: 0,
    damaged: [
      named('crc.xlsx', 'crc'),
      named('bomb.xlsx', 'size'),
      named('garbage.xlsx', 'inflate'),
    ],
    damagedRead: 0,
  });
  // the 50 MB bomb is stopped near its declared 1 KB, not inflated
  expect(performance.now() - started).toBeLessThan(5000);
});

test('the browser byte search and decoding agree with Buffer', () => {
  const bytes = fc.uint8Array({ maxLength: 60 });
  fc.assert(
    fc.property(
      fc.oneof(
        bytes,
        fc.string({ unit: 'grapheme' }).map((t) => new TextEncoder().encode(t)),
      ),
      bytes,
      fc.oneof(fc.string({ unit: 'grapheme', maxLength: 3 }), fc.uint8Array({ maxLength: 3 })),
      fc.nat(70),
      fc.nat(70),
      (hay, noise, needle, from, end) => {
        const data = new Uint8Array([...hay, ...noise]);
        const js = jsByteText(data);
        const node = Buffer.from(data);
        expect(js.indexOf(needle, from)).toBe(node.indexOf(needle, from));
        // A needle that is there (from the second half of the data on).
        const piece = data.subarray(hay.length, hay.length + (end % 4));
        expect(js.indexOf(piece, from % 8)).toBe(node.indexOf(piece, from % 8));
        expect(js.toString('utf8', from, end)).toBe(node.toString('utf8', from, end));
        expect(js.length).toBe(node.length);
      },
    ),
  );
});

describe('a form deflated by one codec reads with the other', () => {
  const expected = unitForm(setup, unit).rows.map((r) => r.map((v) => v ?? null));
  const trim = (rows: unknown[][]) =>
    rows.map((r) => {
      const out = [...r];
      while (out.length && out[out.length - 1] === null) out.pop();
      return out;
    });

  it('fflate (browser) → node:zlib (Node)', () => {
    const browser = counting(fflateCodec);
    const bytes = withCodec(browser, () => buildWorkbook([unitForm(setup, unit)]));
    expect(browser.calls).toBeGreaterThan(0);
    const node = counting(zlibCodec);
    const rows = withCodec(node, () => formRows(bytes));
    expect(node.calls).toBeGreaterThan(0);
    expect(rows).toEqual(trim(expected));
  });

  it('node:zlib (Node) → fflate (browser)', () => {
    const bytes = withCodec(zlibCodec, () => buildWorkbook([unitForm(setup, unit)]));
    const browser = counting(fflateCodec);
    const rows = withCodec(browser, () => formRows(bytes));
    expect(browser.calls).toBeGreaterThan(0);
    expect(rows).toEqual(trim(expected));
  });

  it('the browser codec refuses a part that inflates to another size than its header says', () => {
    const bytes = withCodec(fflateCodec, () => buildWorkbook([unitForm(setup, unit)]));
    const entry = parseZip(bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml');
    if (!entry) throw new Error('sheet part');
    withCodec(fflateCodec, () => {
      for (const size of [entry.size - 10, entry.size + 10]) {
        expect(() => entryData({ ...entry, size })).toThrow(ZipFormatError);
      }
      expect(entryData({ ...entry })).toHaveLength(entry.size);
    });
  });
});

describe('the .zip of forms', () => {
  const made = withCodec(fflateCodec, () => campaignForms(sheets));
  if (!made.ok) throw new Error('forms');
  const zip = zipForms(made.files, new Date(2026, 10, 25, 9, 30, 0));

  it('lists one .xlsx per unit, stored, named by the unit code', () => {
    const entries = parseZip(zip);
    expect(entries.map((e) => e.name)).toEqual(anGiang2018.units.map((u) => formFileName(u.id)));
    expect(entries.every((e) => e.method === 0)).toBe(true);
    expect(formsZipName(anGiang2018.id)).toBe(`phieu-tu-cham-${anGiang2018.id}.zip`);
  });

  it('unzips with an independent reader (fflate, CRCs checked) into forms of each unit', () => {
    const files = unzipSync(zip);
    expect(Object.keys(files)).toHaveLength(anGiang2018.units.length);
    for (const u of anGiang2018.units) {
      const rows = formRows(files[formFileName(u.id)]);
      expect(rows?.[3]).toEqual([F.unitCode, u.id]);
      expect(rows?.[1]).toEqual([F.campaignId, anGiang2018.id]);
    }
  });

  it('keeps non-ASCII names as UTF-8', () => {
    const z = zipForms([{ name: 'Sở Tư pháp.xlsx', bytes: new Uint8Array([1, 2, 3]) }]);
    expect(Object.keys(unzipSync(z))).toEqual(['Sở Tư pháp.xlsx']);
    expect(formFileName('Sở Tư/pháp')).toBe('Sở_Tư_pháp.xlsx');
  });
});
