/**
 * The raw-deflate codec of the zip layer (and the byte search of the worksheet scanner), chosen
 * per platform. Under Node it is node:zlib and Buffer (platform.ts): about twice as fast as pure
 * JavaScript on a large sheet, with no JIT warm-up (see zip.ts and worksheet.ts). For a browser
 * — the Excel task pane reads and writes forms — bundlers follow the "browser" field of
 * package.json, which maps platform.ts to platform.browser.ts (fflate and plain JavaScript);
 * esbuild and webpack both honour it. The CLI bundle thus carries no fflate, the task pane no
 * node:zlib. Both codecs write and read plain DEFLATE: a package made with one reads with the
 * other.
 */
import { platformCodec } from './platform';

export interface Codec {
  /** The inflated bytes of a raw DEFLATE stream; `size` is the expected length (a hint). */
  inflateRaw(raw: Uint8Array, size: number): Uint8Array;
  /** Raw DEFLATE of `data` at `level` (0–9). */
  deflateRaw(data: Uint8Array, level: number): Uint8Array;
}

/** The slice of Node's Buffer the worksheet scanner uses, over a part's bytes. */
export interface ByteText {
  readonly length: number;
  /** Offset of the first occurrence of `needle` (UTF-8) at or after `from`, or -1. */
  indexOf(needle: string | Uint8Array, from?: number): number;
  /** The bytes [start, end) decoded as UTF-8. */
  toString(encoding: 'utf8', start?: number, end?: number): string;
}

let current: Codec = platformCodec;

/** The codec the zip layer uses now. */
export function codec(): Codec {
  return current;
}

/** Installs another codec (tests mix them); returns the one it replaces. */
export function useCodec(next: Codec): Codec {
  const previous = current;
  current = next;
  return previous;
}
