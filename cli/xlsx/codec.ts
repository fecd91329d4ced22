/**
 * The raw-deflate codec of the zip layer, chosen per platform. Under Node it is node:zlib
 * (zlibCodec.ts): about twice as fast as pure JavaScript on a large sheet and no JIT warm-up
 * (see zip.ts). For a browser — the Excel task pane reads and writes forms — bundlers follow the
 * "browser" field of package.json, which maps zlibCodec.ts to fflateCodec.ts (fflate, pure
 * JavaScript); esbuild and webpack both honour it. The CLI bundle thus carries no fflate, the
 * task pane no node:zlib. Both write and read plain DEFLATE: a package made with one reads with
 * the other.
 */
import { platformCodec } from './zlibCodec';

export interface Codec {
  /** The inflated bytes of a raw DEFLATE stream; `size` is the expected length (a hint). */
  inflateRaw(raw: Uint8Array, size: number): Uint8Array;
  /** Raw DEFLATE of `data` at `level` (0–9). */
  deflateRaw(data: Uint8Array, level: number): Uint8Array;
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
