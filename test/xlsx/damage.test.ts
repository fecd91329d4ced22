/**
 * A damaged package is refused with "Tệp bị hỏng" naming the part, never read as if it were
 * whole: every entry read (or copied by the writer) is checked against its CRC-32 and declared
 * sizes, a part may not be in the zip twice, inflating stops at the declared size and at the
 * caps (zip bombs), and a package without [Content_Types].xml is not a workbook. Each check
 * runs with both codecs: node:zlib (CLI) and fflate (the task pane's browser bundle).
 */
import { deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import {
  readPackage,
  readSheets,
  sheetNames,
  writeSheets,
  XlsxError,
  type Package,
} from '../../xlsx';
import { verifyPackage } from '../../xlsx/read';
import { useCodec, type Codec } from '../../xlsx/codec';
import { fflateCodec } from '../../xlsx/platform.browser';
import { zlibCodec } from '../../xlsx/platform';
import { MAX_PART_BYTES, MAX_WORKBOOK_BYTES } from '../../xlsx/zip';
import { formatMessage, vi } from '../../shared/i18n/vi';
import {
  bitCrc32,
  excelLikeParts,
  MAIN,
  rawEntries,
  rawZip,
  unzipText,
  zipOf,
  type RawEntry,
} from './helpers';

const D = vi.xlsx.damaged;
const LABEL = '"sổ.xlsx"';
const SHEET = 'xl/worksheets/sheet1.xml';
const SHEET_NAME = 'Tiêu chí';
const enc = new TextEncoder();

/** The message for `kind` about `part` (named with its sheet when it is one). */
function damaged(
  kind: Exclude<keyof typeof D, 'part' | 'sheetPart'>,
  part: string,
  sheet?: string,
  extra: Record<string, string | number> = {},
): string {
  const named =
    sheet === undefined
      ? formatMessage(D.part, { part })
      : formatMessage(D.sheetPart, { part, name: sheet });
  return formatMessage(D[kind], { part: named, label: LABEL, ...extra });
}

/** What `fn` throws, as an XlsxError (fails the test on anything else, or on no throw). */
function caught(fn: () => unknown): XlsxError {
  try {
    fn();
  } catch (e) {
    if (e instanceof XlsxError) return e;
    throw e;
  }
  throw new Error('no error');
}

/** The Excel-like fixture with the given edits to its entries, opened. */
function open(edit: Record<string, Partial<RawEntry>>): Package {
  return readPackage(rawZip(rawEntries(excelLikeParts(), edit)), LABEL);
}

const readFirst = (pkg: Package) => readSheets(pkg, [SHEET_NAME]);

function counting(inner: Codec): Codec & { calls: number } {
  const c = {
    calls: 0,
    inflateRaw: (raw: Uint8Array, size: number) => (c.calls++, inner.inflateRaw(raw, size)),
    deflateRaw: (data: Uint8Array, level: number) => (c.calls++, inner.deflateRaw(data, level)),
  };
  return c;
}

const sheetXml = (cells: string): string =>
  `<worksheet xmlns="${MAIN}"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;

describe.each([
  ['node:zlib', zlibCodec],
  ['fflate', fflateCodec],
])('with %s', (_name, codec) => {
  let previous: Codec;
  beforeAll(() => (previous = useCodec(codec)));
  afterAll(() => useCodec(previous));

  describe('CRC-32 and sizes', () => {
    test('one byte of a stored sheet changed (a score 95 → 35) fails its CRC', () => {
      const good = enc.encode(sheetXml('<c r="A1"><v>95</v></c>'));
      const bad = enc.encode(sheetXml('<c r="A1"><v>35</v></c>'));
      const pkg = open({ [SHEET]: { data: bad, method: 0, crc: bitCrc32(good) } });
      const e = caught(() => readFirst(pkg));
      expect(e.code).toBe('damaged');
      expect(e.message).toBe(damaged('crc', SHEET, SHEET_NAME));
    });

    test('a deflated part whose CRC field is wrong', () => {
      const e = caught(() => readFirst(open({ [SHEET]: { crc: 0x12345678 } })));
      expect(e.message).toBe(damaged('crc', SHEET, SHEET_NAME));
    });

    test('a declared size larger or smaller than the data', () => {
      const xml = excelLikeParts()[SHEET] as string;
      for (const size of [enc.encode(xml).length + 7, enc.encode(xml).length - 7]) {
        const e = caught(() => readFirst(open({ [SHEET]: { size } })));
        expect(e.message).toBe(damaged('size', SHEET, SHEET_NAME));
      }
      const stored = caught(() => readFirst(open({ [SHEET]: { method: 0, size: 10 } })));
      expect(stored.message).toBe(damaged('size', SHEET, SHEET_NAME));
    });

    test('a local header that disagrees with the central directory', () => {
      const crc = caught(() => readFirst(open({ [SHEET]: { localCrc: 1 } })));
      expect(crc.message).toBe(damaged('header', SHEET, SHEET_NAME));
      const size = caught(() => readFirst(open({ [SHEET]: { localSize: 3 } })));
      expect(size.message).toBe(damaged('header', SHEET, SHEET_NAME));
    });

    test('a streamed entry (sizes in a data descriptor, local fields zero) is fine', () => {
      const pkg = open({ [SHEET]: { flags: 0x808, localCrc: 0, localSize: 0 } });
      expect(readFirst(pkg).get(SHEET_NAME)?.rows[0]).toEqual([
        'Mã',
        'Tên tiêu chí',
        'Điểm tối đa',
      ]);
    });

    test('bad deflate data, an unknown method, the encryption flag: named, not a stack', () => {
      const garbage = new Uint8Array(200).fill(0xff);
      expect(caught(() => readFirst(open({ [SHEET]: { body: garbage } }))).message).toBe(
        damaged('inflate', SHEET, SHEET_NAME),
      );
      // A stream cut short, as a copy interrupted inside the entry leaves it.
      const xml = excelLikeParts()[SHEET] as string;
      const cut = deflateRawSync(enc.encode(xml)).subarray(0, 40);
      expect(caught(() => readFirst(open({ [SHEET]: { body: cut } }))).message).toBe(
        damaged('inflate', SHEET, SHEET_NAME),
      );
      expect(caught(() => readFirst(open({ [SHEET]: { method: 12 } }))).message).toBe(
        damaged('method', SHEET, SHEET_NAME, { method: 12 }),
      );
      expect(caught(() => readFirst(open({ [SHEET]: { flags: 0x801 } }))).message).toBe(
        damaged('encrypted', SHEET, SHEET_NAME),
      );
    });

    test('a damaged part that is not a sheet is named alone', () => {
      const e = caught(() => readFirst(open({ 'xl/sharedStrings.xml': { crc: 7 } })));
      expect(e.message).toBe(damaged('crc', 'xl/sharedStrings.xml'));
    });
  });

  describe('zip bombs', () => {
    test('a part declared 1 KB that inflates to 50 MB stops at 1 KB', () => {
      const bomb = deflateRawSync(new Uint8Array(50 * 2 ** 20));
      expect(() => codec.inflateRaw(bomb, 1024)).toThrow();
      const started = performance.now();
      const e = caught(() => readFirst(open({ [SHEET]: { body: bomb, size: 1024, crc: 0 } })));
      expect(e.message).toBe(damaged('size', SHEET, SHEET_NAME));
      expect(performance.now() - started).toBeLessThan(1000);
    });

    test('a part declared honestly at 2 GB is refused before inflating', () => {
      const spy = counting(codec);
      const was = useCodec(spy);
      try {
        const size = 2 ** 31;
        const body = deflateRawSync(new Uint8Array(1000));
        const e = caught(() => readFirst(open({ [SHEET]: { body, size } })));
        expect(e.message).toBe(
          damaged('partTooLarge', SHEET, undefined, {
            size: 2048,
            max: MAX_PART_BYTES / 2 ** 20,
          }),
        );
        expect(spy.calls).toBe(0);
      } finally {
        useCodec(was);
      }
    });

    test('parts each under the part cap but together above the workbook cap', () => {
      const size = MAX_PART_BYTES - 1;
      const count = Math.floor(MAX_WORKBOOK_BYTES / size) + 1;
      const parts = excelLikeParts();
      const extra: RawEntry[] = [];
      for (let i = 0; i < count; i++) {
        extra.push({ name: `xl/media/big${i}.bin`, data: new Uint8Array(10), size });
      }
      const bytes = rawZip([...rawEntries(parts), ...extra]);
      const e = caught(() => readPackage(bytes, LABEL));
      expect(e.message).toBe(
        formatMessage(D.workbookTooLarge, {
          label: LABEL,
          size: Math.ceil((count * size + totalOf(parts)) / 2 ** 20),
          max: MAX_WORKBOOK_BYTES / 2 ** 20,
          part: formatMessage(D.part, { part: 'xl/media/big0.bin' }),
        }),
      );
    });
  });

  describe('the writer copies only valid entries', () => {
    test('a damaged entry that is never read is not copied into the output', () => {
      const pkg = open({ 'customXml/item1.xml': { crc: 1 } });
      expect(readFirst(pkg).size).toBe(1);
      const e = caught(() => writeSheets(pkg, [{ name: 'Kết quả', rows: [['mới']] }]));
      expect(e.message).toBe(damaged('crc', 'customXml/item1.xml'));
      // and `check` (verifyPackage) refuses it as rank does
      expect(caught(() => verifyPackage(pkg)).message).toBe(damaged('crc', 'customXml/item1.xml'));
    });

    test('every entry of an output has the CRC and sizes of its data', () => {
      const pkg = readPackage(zipOf(excelLikeParts()), LABEL);
      expect(() => verifyPackage(pkg)).not.toThrow();
      const out = writeSheets(pkg, [{ name: 'Kết quả', rows: [['mới']] }]);
      const again = readPackage(out, LABEL);
      expect(() => verifyPackage(again)).not.toThrow();
      expect(Object.keys(unzipSync(out)).length).toBe(again.entries.length);
    });
  });
});

/** Total uncompressed bytes of the parts. */
function totalOf(parts: Record<string, string | Uint8Array>): number {
  return Object.values(parts).reduce(
    (n, p) => n + (typeof p === 'string' ? enc.encode(p).length : p.length),
    0,
  );
}

describe('the package', () => {
  test('the same part twice (names equal without regard to case or slash direction)', () => {
    const parts = excelLikeParts();
    for (const twin of ['XL/Worksheets/Sheet1.xml', 'xl\\worksheets\\sheet1.xml']) {
      const entries = [...rawEntries(parts), { name: twin, data: sheetXml('') }];
      const e = caught(() => readPackage(rawZip(entries), LABEL));
      expect(e.code).toBe('damaged');
      expect(e.message).toBe(damaged('twice', SHEET));
    }
  });

  test('a package without [Content_Types].xml is not a workbook Excel opens', () => {
    const parts = excelLikeParts();
    delete parts['[Content_Types].xml'];
    const e = caught(() => readPackage(zipOf(parts, false, false), LABEL));
    expect(e.code).toBe('missingPart');
    expect(e.message).toBe(
      formatMessage(vi.xlsx.missingPart, { label: LABEL, part: '[Content_Types].xml' }),
    );
  });

  test('entry names with backslashes (re-zipped on Windows) are read, and written with slashes', () => {
    const parts = excelLikeParts();
    const entries = rawEntries(parts).map((e) => ({ ...e, name: e.name.split('/').join('\\') }));
    const pkg = readPackage(rawZip(entries), LABEL);
    expect(sheetNames(pkg)).toEqual(['Tiêu chí', 'Kết quả', 'Ẩn']);
    expect(readFirst(pkg).get(SHEET_NAME)?.rows[1]).toEqual([
      '1.1',
      'Ban hành kế hoạch CCHC & kiểm tra',
      2,
    ]);
    const out = writeSheets(pkg, [{ name: 'Mới', rows: [['x']] }]);
    expect(Object.keys(unzipSync(out)).filter((n) => n.includes('\\'))).toEqual([]);
    expect(readSheets(readPackage(out), ['Mới', 'Ẩn']).get('Ẩn')?.rows).toEqual([[42]]);
  });

  describe('a leftover sheet entry with an empty relationship id', () => {
    const parts = excelLikeParts();
    parts['xl/workbook.xml'] = (parts['xl/workbook.xml'] as string).replace(
      '</sheets>',
      '<sheet name="Cũ" sheetId="9" r:id=""/></sheets>',
    );
    const pkg = (): Package => readPackage(zipOf(parts), LABEL);

    test('does not stop the other sheets from being read', () => {
      expect(sheetNames(pkg())).toEqual(['Tiêu chí', 'Kết quả', 'Ẩn']);
      expect(readSheets(pkg(), [SHEET_NAME, 'Ẩn']).get('Ẩn')?.rows).toEqual([[42]]);
    });

    test('is named clearly when it is asked for, or written', () => {
      const message = formatMessage(D.sheetWithoutPart, { name: 'Cũ', part: 'xl/workbook.xml' });
      expect(caught(() => readSheets(pkg(), ['cũ'])).message).toBe(message);
      expect(caught(() => writeSheets(pkg(), [{ name: 'Cũ', rows: [[1]] }])).message).toBe(message);
    });
  });

  describe('UTF-16 parts', () => {
    const utf16 = (text: string, bigEndian = false, bom = true): Uint8Array => {
      const xml = text.replace(/encoding="UTF-8"/, 'encoding="UTF-16"');
      const le = Buffer.from((bom ? '\ufeff' : '') + xml, 'utf16le');
      return new Uint8Array(bigEndian ? Buffer.from(le).swap16() : le);
    };

    test.each([
      ['little-endian with a BOM', false, true],
      ['big-endian with a BOM', true, true],
      ['little-endian without a BOM', false, false],
    ])('workbook.xml, sharedStrings.xml and a sheet in UTF-16 %s', (_label, be, bom) => {
      const parts = excelLikeParts();
      for (const p of [
        'xl/workbook.xml',
        'xl/sharedStrings.xml',
        SHEET,
        'xl/worksheets/sheet3.xml',
      ])
        parts[p] = utf16(parts[p] as string, be, bom);
      const pkg = readPackage(zipOf(parts), LABEL);
      expect(sheetNames(pkg)).toEqual(['Tiêu chí', 'Kết quả', 'Ẩn']);
      const read = readSheets(pkg, [SHEET_NAME, 'Ẩn']);
      expect(read.get(SHEET_NAME)?.rows[1]).toEqual([
        '1.1',
        'Ban hành kế hoạch CCHC & kiểm tra',
        2,
      ]);
      expect(read.get('Ẩn')?.rows).toEqual([[42]]);
      // A sheet added to a UTF-16 workbook.xml: the part is rewritten consistently.
      const out = writeSheets(pkg, [{ name: 'Mới', rows: [['x']] }]);
      const wb = unzipText(out)['xl/workbook.xml'];
      expect(wb).toMatch(/^<\?xml[^>]*encoding="UTF-8"/);
      expect(sheetNames(readPackage(out))).toEqual(['Tiêu chí', 'Kết quả', 'Ẩn', 'Mới']);
    });
  });
});
