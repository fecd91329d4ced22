/**
 * Seeded mutations of a campaign workbook, at three levels: the zip container (bytes, entries,
 * headers, bombs), the XML of its parts (tags, references, numbers, strings, encodings) and the
 * values of its cells. Each mutation says what a correct reader must make of it: `equivalent`
 * (the same results as the original), `damaged` (refused, unless the damage is in a part the
 * run never reads and the output stays valid and equal) or `any` (a located error or a result).
 */
import { deflateRawSync } from 'node:zlib';
import { prng } from '../../examples/prng';
import { readPackage, readSheets, writeSheets, type OutputSheet } from '../../xlsx';
import { buildZip, entryData, newEntry, parseZip, type ZipEntry } from '../../xlsx/zip';

export type Expect = 'equivalent' | 'damaged' | 'any';

export interface Mutation {
  level: 'zip' | 'xml' | 'value';
  kind: string;
  expect: Expect;
  bytes: Uint8Array;
}

type Random = () => number;
const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)];
const int = (r: Random, n: number): number => Math.floor(r() * n);

const utf8 = new TextEncoder();
const text = new TextDecoder();

/** A copy of an entry whose bytes are replaced (the CRC and sizes recomputed on write). */
function replaced(e: ZipEntry, data: Uint8Array): ZipEntry {
  const fresh = newEntry(e.name, data);
  return { ...fresh, nameBytes: e.nameBytes, flags: e.flags & 0x800 };
}

/** The archive as given, damage included: entries are marked checked so the writer copies them. */
function rebuilt(entries: ZipEntry[]): Uint8Array {
  return buildZip(entries.map((e) => ({ ...e, verified: true })));
}

const isSheetPart = (name: string): boolean => /^xl\/worksheets\/sheet\d+\.xml$/i.test(name);

// ---------------------------------------------------------------------------------------------
// zip level

function zipMutation(source: Uint8Array, r: Random): Mutation {
  const entries = parseZip(source);
  const kinds = [
    'flip-raw',
    'flip-any',
    'truncate',
    'duplicate-entry',
    'drop-entry',
    'backslash-names',
    'declared-size',
    'method',
    'encrypted',
    'bomb-honest',
    'bomb-lying',
    'stored',
  ] as const;
  const kind = pick(r, kinds);
  const bytes = source.slice();
  switch (kind) {
    case 'flip-raw': {
      const withData = entries.filter((e) => (e.raw?.length ?? 0) > 0);
      const e = pick(r, withData);
      const raw = e.raw!.slice();
      raw[int(r, raw.length)] ^= 1 << int(r, 8);
      const copy = entries.map((x) => (x === e ? { ...x, raw } : x));
      return { level: 'zip', kind, expect: 'damaged', bytes: rebuilt(copy) };
    }
    case 'flip-any': {
      bytes[int(r, bytes.length)] ^= 1 << int(r, 8);
      return { level: 'zip', kind, expect: 'any', bytes };
    }
    case 'truncate':
      return { level: 'zip', kind, expect: 'damaged', bytes: bytes.slice(0, int(r, bytes.length)) };
    case 'duplicate-entry': {
      const e = pick(r, entries);
      const copy = [...entries, { ...e }];
      return { level: 'zip', kind, expect: 'damaged', bytes: rebuilt(copy) };
    }
    case 'drop-entry': {
      const e = pick(r, entries);
      return { level: 'zip', kind, expect: 'any', bytes: rebuilt(entries.filter((x) => x !== e)) };
    }
    case 'backslash-names': {
      const copy = entries.map((e) => {
        const name = e.name.replace(/\//g, '\\');
        return { ...e, name, nameBytes: utf8.encode(name) };
      });
      return { level: 'zip', kind, expect: 'equivalent', bytes: rebuilt(copy) };
    }
    case 'declared-size': {
      const e = pick(r, entries);
      const size = pick(r, [0, 1, Math.max(0, e.size - 1), e.size + 1, e.size * 2, 0x7fffffff]);
      const copy = entries.map((x) => (x === e ? { ...x, size } : x));
      return { level: 'zip', kind, expect: 'damaged', bytes: rebuilt(copy) };
    }
    case 'method': {
      const e = pick(r, entries);
      const method = pick(r, [1, 6, 9, 12, 14, 93, 99]);
      const copy = entries.map((x) => (x === e ? { ...x, method } : x));
      return { level: 'zip', kind, expect: 'damaged', bytes: rebuilt(copy) };
    }
    case 'encrypted': {
      const e = pick(r, entries);
      const copy = entries.map((x) => (x === e ? { ...x, flags: x.flags | 1 } : x));
      return { level: 'zip', kind, expect: 'damaged', bytes: rebuilt(copy) };
    }
    case 'bomb-honest':
    case 'bomb-lying': {
      // A sheet whose XML carries a huge run of white space inside sheetData: legal XML, about
      // 64 MB inflated from a few tens of KB.
      const sheets = entries.filter((e) => isSheetPart(e.name));
      const e = pick(r, sheets);
      const xml = text.decode(entryData(e));
      const at = xml.indexOf('<sheetData>') + '<sheetData>'.length;
      const filler = Buffer.alloc(64 * 1024 * 1024, 0x20);
      const data = Buffer.concat([
        Buffer.from(xml.slice(0, at)),
        filler,
        Buffer.from(xml.slice(at)),
      ]);
      const raw = deflateRawSync(data, { level: 9 });
      const crc = crc32(data);
      const size = kind === 'bomb-honest' ? data.length : e.size;
      const copy = entries.map((x) =>
        x === e
          ? { ...x, method: 8, crc, size, compressedSize: raw.length, raw, data: undefined }
          : x,
      );
      return { level: 'zip', kind, expect: 'any', bytes: rebuilt(copy) };
    }
    case 'stored': {
      // Every entry re-written without compression: a different but equally valid package.
      const copy = entries.map((e) => ({ ...replaced(e, entryData(e)) }));
      return { level: 'zip', kind, expect: 'equivalent', bytes: rebuilt(copy) };
    }
  }
}

let crcTable: Int32Array | undefined;
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// XML level

function xmlMutation(source: Uint8Array, r: Random): Mutation {
  const entries = parseZip(source);
  const kinds = [
    'drop-close-tag',
    'truncate-part',
    'duplicate-cell',
    'huge-ref',
    'far-legal-ref',
    'number-junk',
    'shared-string-index',
    'cdata',
    'utf16-workbook',
    'date1904',
  ] as const;
  const kind = pick(r, kinds);
  const sheets = entries.filter((e) => isSheetPart(e.name) && entryData(e).length > 200);
  const sheet = pick(r, sheets);
  let target = sheet;
  let xml = text.decode(entryData(sheet));
  let expect: Expect = 'damaged';
  let out: Uint8Array | undefined;
  const matches = (re: RegExp): RegExpMatchArray[] => [...xml.matchAll(re)];
  const replaceAt = (m: RegExpMatchArray, by: string): void => {
    xml = xml.slice(0, m.index!) + by + xml.slice(m.index! + m[0].length);
  };
  switch (kind) {
    case 'drop-close-tag': {
      const closes = matches(/<\/(row|c|v|sheetData|worksheet|is|t)>/g);
      if (closes.length) replaceAt(pick(r, closes), '');
      break;
    }
    case 'truncate-part':
      xml = xml.slice(0, Math.max(1, int(r, xml.length - 1)));
      break;
    case 'duplicate-cell': {
      const cells = matches(/<c [^>]*?(?:\/>|>.*?<\/c>)/g);
      if (cells.length) {
        const m = pick(r, cells);
        replaceAt(m, m[0] + m[0]);
      }
      break;
    }
    case 'huge-ref':
    case 'far-legal-ref': {
      const refs = matches(/ r="[A-Z]+\d+"/g);
      const by =
        kind === 'huge-ref'
          ? pick(r, [' r="ZZZZZZ2"', ' r="A99999999"', ' r="XFE1"', ' r="A1048577"'])
          : pick(r, [' r="XFD1048576"', ' r="A120000"', ' r="XFD3"']);
      if (refs.length) replaceAt(pick(r, refs), by);
      expect = 'any';
      break;
    }
    case 'number-junk': {
      const values = matches(/<c [^>]*?r="[A-Z]+\d+"(?: s="\d+")?><v>[-\d.E]+<\/v>/g);
      if (values.length) {
        const m = pick(r, values);
        const junk = pick(r, ['abc', 'e', '..5', ' 1', 'x']);
        replaceAt(m, m[0].replace('</v>', `${junk}</v>`));
      }
      break;
    }
    case 'shared-string-index': {
      // A shared-string cell pointing past the end of the table; the examples hold inline
      // strings, so one becomes such a cell.
      const index = 100000 + int(r, 1000);
      const shared = matches(/t="s"[^>]*><v>\d+<\/v>/g);
      const inline = matches(/<c ([^>]*?)t="inlineStr"([^>]*)><is>.*?<\/is><\/c>/g);
      if (shared.length) {
        const m = pick(r, shared);
        replaceAt(m, m[0].replace(/<v>\d+<\/v>/, `<v>${index}</v>`));
      } else if (inline.length) {
        const m = pick(r, inline);
        replaceAt(m, `<c ${m[1]}t="s"${m[2]}><v>${index}</v></c>`);
      }
      break;
    }
    case 'cdata': {
      // Plain text (no markup characters) wrapped in CDATA reads as the same text.
      const texts = matches(/<t>([^<&>\]]+)<\/t>/g);
      expect = 'equivalent';
      if (texts.length) {
        const m = pick(r, texts);
        replaceAt(m, `<t><![CDATA[${m[1]}]]></t>`);
      } else {
        const shared = entries.find((e) => /sharedStrings\.xml$/i.test(e.name));
        if (shared) {
          target = shared;
          xml = text.decode(entryData(shared));
          const inShared = matches(/<t>([^<&>\]]+)<\/t>/g);
          if (inShared.length) {
            const m = pick(r, inShared);
            replaceAt(m, `<t><![CDATA[${m[1]}]]></t>`);
          }
        }
      }
      break;
    }
    case 'utf16-workbook': {
      const wb = entries.find((e) => /^xl\/workbook\.xml$/i.test(e.name))!;
      target = wb;
      const s = text.decode(entryData(wb)).replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
      out = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]));
      expect = 'equivalent';
      break;
    }
    case 'date1904': {
      const wb = entries.find((e) => /^xl\/workbook\.xml$/i.test(e.name))!;
      target = wb;
      xml = text.decode(entryData(wb));
      xml = /<workbookPr/.test(xml)
        ? xml.replace(/<workbookPr/, '<workbookPr date1904="1"')
        : xml.replace(/<sheets>/, '<workbookPr date1904="1"/><sheets>');
      expect = 'any';
      break;
    }
  }
  const data = out ?? utf8.encode(xml);
  const copy = entries.map((e) => (e === target ? replaced(e, data) : e));
  return { level: 'xml', kind, expect, bytes: rebuilt(copy) };
}

// ---------------------------------------------------------------------------------------------
// value level

const INPUT_SHEETS = ['Cấu hình', 'Tiêu chí', 'Đơn vị', 'Tự chấm', 'Chấm điểm', 'Khảo sát'];

function valuePool(r: Random): unknown {
  return pick(r, [
    () => -1,
    () => 1e308,
    () => Math.round(r() * 1000) / 100,
    () => 0.1 + 0.2,
    () => 'N/A',
    () => '',
    () => null,
    () => '=1+1',
    () => '+SUM(A1)',
    () => '@x',
    () => '#REF!',
    () => true,
    () => '2,5',
    () => '31/03/2026',
    () => '<b>Sở</b>',
    () => 'x'.repeat(32767),
    () => '\u200bSTP',
    () => 'Đạt',
    () => 'có lẽ',
  ])();
}

function valueMutation(source: Uint8Array, r: Random): Mutation {
  const pkg = readPackage(source, 'fuzz');
  const sheets = readSheets(pkg, INPUT_SHEETS);
  const names = [...sheets.keys()];
  const changes = 1 + int(r, 3);
  const edited = new Map<string, unknown[][]>();
  for (let i = 0; i < changes; i++) {
    const name = pick(r, names);
    const rows = edited.get(name) ?? sheets.get(name)!.rows.map((row) => [...(row ?? [])]);
    edited.set(name, rows);
    const row = int(r, Math.max(1, rows.length + 1));
    const width = Math.max(1, ...rows.slice(0, 5).map((x) => x.length));
    const col = int(r, width + 1);
    while (rows.length <= row) rows.push([]);
    rows[row][col] = valuePool(r);
  }
  const outputs: OutputSheet[] = [...edited].map(([name, rows]) => ({
    name,
    rows: rows as OutputSheet['rows'],
  }));
  return { level: 'value', kind: 'cell', expect: 'any', bytes: writeSheets(pkg, outputs) };
}

/** The mutation for case `seed` of `source`: the level cycles zip, xml, value. */
export function mutate(source: Uint8Array, seed: number): Mutation {
  // the examples' generator (mulberry32): the same sequence on every machine
  const r = prng(seed);
  const level = seed % 3;
  if (level === 0) return zipMutation(source, r);
  if (level === 1) return xmlMutation(source, r);
  return valueMutation(source, r);
}
