/** Zip container for .xlsx packages: lazy entry inflation and a writer that copies unchanged entries' compressed bytes verbatim. */
import { codec, InflateOverflow } from './codec';
import { nativeCrc32 } from './platform';

/*
 * Why not fflate's unzipSync/zipSync: re-deflating a 750,000-cell sheet costs ~0.8 s, the
 * whole time budget of a run. Parsing the central directory ourselves lets the writer copy
 * every entry it did not change as the original compressed bytes (same CRC, same data), and
 * lets the reader inflate only the parts it needs.
 *
 * Why node:zlib rather than fflate for the deflate streams themselves: measured on a 2-core
 * machine, native zlib inflates a 26 MB sheet in ~45 ms against ~80 ms (and ~150 ms before the
 * JIT warms up, which a one-shot CLI run never gets past) for fflate's inflateSync, and deflates
 * a 3.8 MB results sheet in ~12 ms against ~40 ms; together about 130 ms of a ~0.5 s run.
 * The codec is therefore chosen per platform (codec.ts): node:zlib under Node, fflate's
 * inflateSync/deflateSync in a browser bundle.
 */

export interface ZipEntry {
  name: string;
  /** Name as stored, so a copied entry keeps its exact name bytes and UTF-8 flag. */
  nameBytes: Uint8Array;
  /** General-purpose flags; bit 11 = UTF-8 name. */
  flags: number;
  /** 0 = stored, 8 = deflate. */
  method: number;
  dosTime: number;
  dosDate: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Compressed bytes (a view into the source file); absent on entries made in memory. */
  raw?: Uint8Array;
  /** Uncompressed bytes, filled on first use or given for new entries. */
  data?: Uint8Array;
  /** The local header's CRC or sizes disagree with the central directory's (a damaged entry). */
  headerMismatch?: boolean;
  /** Inflated once and found whole (CRC-32 and size), its bytes not kept: see verifyEntry. */
  verified?: boolean;
}

/**
 * What is wrong with a zip: 'format' = not a readable zip at all; the other kinds are damage to
 * one entry (`part`), or for 'workbookTooLarge' to the whole (`part` = the largest entry).
 */
export type ZipDamage =
  | 'format'
  | 'crc'
  | 'size'
  | 'header'
  | 'inflate'
  | 'method'
  | 'encrypted'
  | 'partTooLarge'
  | 'workbookTooLarge';

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
  constructor(
    message: string,
    readonly kind: ZipDamage = 'format',
    readonly part?: string,
    /** the uncompressed size for the caps, the method number for 'method' */
    readonly value?: number,
  ) {
    super(message);
  }
}

/**
 * Caps on inflated sizes (zip bombs). The largest part of a 10,000-unit × 150-criterion workbook
 * ("Chấm điểm" as this writer writes it) is 51.5 MB and the whole workbook 61 MB; Excel's own
 * XML is somewhat longer. A part may hold 256 MiB, below the longest string a JavaScript engine
 * makes (a part is decoded as one string), and the declared sizes of all entries together 1 GiB.
 * Since every entry is inflated to at most its declared size (inflating stops there), the
 * declared sizes bound what is ever inflated: a bomb is refused before any inflating.
 */
export const MAX_PART_BYTES = 256 * 2 ** 20;
export const MAX_WORKBOOK_BYTES = 1024 * 2 ** 20;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;
const UTF8_FLAG = 0x800;
const DATA_DESCRIPTOR_FLAG = 0x8;

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}

function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}

/** 64-bit little-endian as a number; zip64 values above 2^53 cannot occur in a file we can hold. */
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;
}

/** IBM code page 437 is the zip default for names without the UTF-8 flag; xlsx names are ASCII in practice. */
function decodeName(bytes: Uint8Array, isUtf8: boolean): string {
  if (isUtf8) return utf8.decode(bytes);
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

function findEnd(b: Uint8Array): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let o = b.length - 22; o >= stop; o--) {
    if (b[o] === 0x50 && u32(b, o) === SIG_END) return o;
  }
  throw new ZipFormatError('no end of central directory record');
}

/** Entries in central-directory order. Throws ZipFormatError on anything that is not a readable zip. */
export function parseZip(b: Uint8Array): ZipEntry[] {
  if (b.length < 22) throw new ZipFormatError('too short');
  const end = findEnd(b);
  let count = u16(b, end + 10);
  let cdOffset = u32(b, end + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const loc = end - 20;
    if (loc >= 0 && u32(b, loc) === SIG_END64_LOCATOR) {
      const end64 = u64(b, loc + 8);
      if (end64 + 56 > b.length || u32(b, end64) !== SIG_END64) {
        throw new ZipFormatError('bad zip64 end record');
      }
      count = u64(b, end64 + 32);
      cdOffset = u64(b, end64 + 48);
    }
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== SIG_CENTRAL) {
      throw new ZipFormatError('bad central directory');
    }
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const dosTime = u16(b, p + 12);
    const dosDate = u16(b, p + 14);
    const crc = u32(b, p + 16);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    const nameBytes = b.subarray(p + 46, p + 46 + nameLen);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // Zip64 extra field (id 1) holds, in this order, only the fields that overflowed.
      let x = p + 46 + nameLen;
      const xEnd = x + extraLen;
      while (x + 4 <= xEnd) {
        const id = u16(b, x);
        const len = u16(b, x + 2);
        if (id === 1) {
          let q = x + 4;
          if (size === 0xffffffff) {
            size = u64(b, q);
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(b, q);
            q += 8;
          }
          if (localOffset === 0xffffffff) localOffset = u64(b, q);
          break;
        }
        x += 4 + len;
      }
    }
    if (localOffset + 30 > b.length || u32(b, localOffset) !== SIG_LOCAL) {
      throw new ZipFormatError('bad local header');
    }
    // The local header's own name/extra lengths may differ from the central ones.
    const dataStart = localOffset + 30 + u16(b, localOffset + 26) + u16(b, localOffset + 28);
    if (dataStart + compressedSize > b.length) throw new ZipFormatError('truncated entry');
    // Without a data descriptor (flag bit 3) the local header repeats the CRC and sizes; a
    // reader going through local headers would read something else. 0xffffffff = in zip64 extra.
    const local = (o: number, value: number): boolean => {
      const v = u32(b, localOffset + o);
      return v === 0xffffffff || v === value;
    };
    const headerMismatch =
      (flags & DATA_DESCRIPTOR_FLAG) === 0 &&
      !(local(14, crc) && local(18, compressedSize) && local(22, size));
    // A name zipped on Windows may use backslashes; '\\' is the same byte in CP437 and UTF-8.
    const normalName = nameBytes.includes(0x5c)
      ? nameBytes.map((c) => (c === 0x5c ? 0x2f : c))
      : nameBytes;
    entries.push({
      name: decodeName(normalName, (flags & UTF8_FLAG) !== 0),
      nameBytes: normalName,
      ...(headerMismatch ? { headerMismatch } : {}),
      flags,
      method,
      dosTime,
      dosDate,
      crc,
      compressedSize,
      size,
      raw: b.subarray(dataStart, dataStart + compressedSize),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  let total = 0;
  let largest: ZipEntry | undefined;
  for (const e of entries) {
    total += e.size;
    if (!largest || e.size > largest.size) largest = e;
  }
  // Refused from the declared sizes, before anything is inflated.
  if (largest && largest.size > MAX_PART_BYTES) {
    throw new ZipFormatError('part too large', 'partTooLarge', largest.name, largest.size);
  }
  if (largest && total > MAX_WORKBOOK_BYTES) {
    throw new ZipFormatError('workbook too large', 'workbookTooLarge', largest.name, total);
  }
  return entries;
}

/**
 * Uncompressed bytes of an entry, inflated once and cached, and checked: a declared size within
 * MAX_PART_BYTES (before inflating), inflating that stops at the declared size, the exact size,
 * the CRC-32 (native under Node: ~3 ms on a 25 MB sheet, next to ~45 ms inflating it) and the
 * local header. Throws ZipFormatError naming the entry.
 */
export function entryData(e: ZipEntry): Uint8Array {
  if (e.data) return e.data;
  const data = inflateChecked(e);
  e.data = data;
  e.verified = true;
  return data;
}

/**
 * Checks an entry as entryData does without keeping its bytes: for entries the writer copies
 * verbatim without having read them, so that a damaged entry is never passed on.
 */
export function verifyEntry(e: ZipEntry): void {
  if (e.verified || e.data) return;
  inflateChecked(e);
  e.verified = true;
}

function inflateChecked(e: ZipEntry): Uint8Array {
  const raw = e.raw;
  const fail = (kind: ZipDamage, what: string, value?: number): ZipFormatError =>
    new ZipFormatError(`entry ${e.name}: ${what}`, kind, e.name, value);
  if (!raw) throw fail('format', 'no data');
  if ((e.flags & 1) !== 0) throw fail('encrypted', 'encrypted');
  if (e.size > MAX_PART_BYTES) throw fail('partTooLarge', 'too large', e.size);
  if (e.headerMismatch) throw fail('header', 'local header differs from central directory');
  let data: Uint8Array;
  if (e.method === 0) {
    data = raw;
  } else if (e.method === 8) {
    try {
      data = codec().inflateRaw(raw, e.size);
    } catch (err) {
      // The codecs stop (and throw) as soon as the stream passes the declared size.
      throw err instanceof InflateOverflow
        ? fail('size', 'inflates past its declared size')
        : fail('inflate', 'does not inflate');
    }
  } else {
    throw fail('method', `compression method ${e.method}`, e.method);
  }
  if (data.length !== e.size) throw fail('size', 'wrong size');
  if (crc32(data) !== e.crc) throw fail('crc', 'CRC-32 mismatch');
  return data;
}

function dosDateTime(d: Date): { dosTime: number; dosDate: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    dosTime: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    dosDate: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** A new entry to be deflated when the archive is written. */
export function newEntry(name: string, data: Uint8Array, now = new Date()): ZipEntry {
  const nameBytes = encoder.encode(name);
  const ascii = nameBytes.length === name.length;
  return {
    name,
    nameBytes,
    flags: ascii ? 0 : UTF8_FLAG,
    method: 8,
    ...dosDateTime(now),
    crc: 0,
    compressedSize: 0,
    size: data.length,
    data,
  };
}

let crcTable: Int32Array | undefined;

function crc32(data: Uint8Array): number {
  if (nativeCrc32) return nativeCrc32(data) >>> 0;
  return tableCrc32(data);
}

/** CRC-32 (the zip format's) with a 256-entry table. */
export function tableCrc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  const t = crcTable;
  let c = -1;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * Deflate level for parts we write: level 1 is ~3 times faster than the default 6 on a large
 * generated sheet, for a part ~10 % larger; Excel re-compresses on its next save anyway.
 */
const LEVEL = 1;

/** The archive, entries in the given order. Entries with `raw` are copied without re-compressing. */
export function buildZip(entries: ZipEntry[]): Uint8Array {
  interface Out {
    e: ZipEntry;
    body: Uint8Array;
    method: number;
    crc: number;
    size: number;
    offset: number;
  }
  const outs: Out[] = [];
  let offset = 0;
  for (const e of entries) {
    let body: Uint8Array;
    let method: number;
    let crc: number;
    if (e.raw) {
      // Copied verbatim: checked first unless it was read (or checked) already.
      verifyEntry(e);
      body = e.raw;
      method = e.method;
      crc = e.crc;
    } else {
      const data = e.data ?? new Uint8Array(0);
      crc = crc32(data);
      const deflated = codec().deflateRaw(data, LEVEL);
      // Tiny parts can grow under deflate; store them instead.
      if (deflated.length < data.length) {
        body = deflated;
        method = 8;
      } else {
        body = data;
        method = 0;
      }
    }
    const size = e.raw ? e.size : (e.data?.length ?? 0);
    outs.push({ e, body, method, crc, size, offset });
    offset += 30 + e.nameBytes.length + body.length;
  }
  if (offset > 0xffffffff)
    throw new ZipFormatError('archive too large (zip64 writing not supported)');
  let cdSize = 0;
  for (const o of outs) cdSize += 46 + o.e.nameBytes.length;
  const total = offset + cdSize + 22;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let p = 0;
  for (const o of outs) {
    // Sizes go in the local header, so the data-descriptor flag of a copied entry is cleared.
    const flags = o.e.flags & ~DATA_DESCRIPTOR_FLAG;
    view.setUint32(p, SIG_LOCAL, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, flags, true);
    view.setUint16(p + 8, o.method, true);
    view.setUint16(p + 10, o.e.dosTime, true);
    view.setUint16(p + 12, o.e.dosDate, true);
    view.setUint32(p + 14, o.crc, true);
    view.setUint32(p + 18, o.body.length, true);
    view.setUint32(p + 22, o.size, true);
    view.setUint16(p + 26, o.e.nameBytes.length, true);
    view.setUint16(p + 28, 0, true);
    out.set(o.e.nameBytes, p + 30);
    p += 30 + o.e.nameBytes.length;
    out.set(o.body, p);
    p += o.body.length;
  }
  const cdStart = p;
  for (const o of outs) {
    const flags = o.e.flags & ~DATA_DESCRIPTOR_FLAG;
    view.setUint32(p, SIG_CENTRAL, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, flags, true);
    view.setUint16(p + 10, o.method, true);
    view.setUint16(p + 12, o.e.dosTime, true);
    view.setUint16(p + 14, o.e.dosDate, true);
    view.setUint32(p + 16, o.crc, true);
    view.setUint32(p + 20, o.body.length, true);
    view.setUint32(p + 24, o.size, true);
    view.setUint16(p + 28, o.e.nameBytes.length, true);
    // extra length, comment length, disk, internal and external attributes stay 0
    view.setUint32(p + 42, o.offset, true);
    out.set(o.e.nameBytes, p + 46);
    p += 46 + o.e.nameBytes.length;
  }
  if (outs.length > 0xffff)
    throw new ZipFormatError('too many entries (zip64 writing not supported)');
  view.setUint32(p, SIG_END, true);
  view.setUint16(p + 8, outs.length, true);
  view.setUint16(p + 10, outs.length, true);
  view.setUint32(p + 12, cdSize, true);
  view.setUint32(p + 16, cdStart, true);
  return out;
}

/**
 * A .zip of whole files (e.g. one .xlsx form per unit), stored without compression: an .xlsx is
 * already deflated inside, so deflating it again saves almost nothing and costs time.
 */
export function zipFiles(
  files: readonly { name: string; data: Uint8Array }[],
  now = new Date(),
): Uint8Array {
  return buildZip(
    files.map((f) => {
      const e = newEntry(f.name, f.data, now);
      return { ...e, method: 0, crc: crc32(f.data), compressedSize: f.data.length, raw: f.data };
    }),
  );
}
