/**
 * What the .xlsx layer takes from Node: node:zlib's raw deflate and Buffer's native search and
 * UTF-8 decoding over bytes. In a browser bundle this module is replaced by platform.browser.ts
 * (package.json "browser" field), which exports the same names over fflate and plain
 * JavaScript.
 */
import * as zlib from 'node:zlib';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { InflateOverflow, type ByteText, type Codec } from './codecTypes';

export const zlibCodec: Codec = {
  // One output chunk of the known size: no 16 KB pieces to allocate and concatenate. zlib stops
  // after the chunk that passes maxOutputLength, so a bomb never inflates beyond ~2 × size.
  inflateRaw: (raw, size) => {
    try {
      return inflateRawSync(raw, {
        chunkSize: Math.max(size, 64),
        maxOutputLength: Math.max(size, 1),
      });
    } catch (e) {
      if ((e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateOverflow();
      throw e;
    }
  },
  deflateRaw: (data, level) => deflateRawSync(data, { level }),
};

export const platformCodec = zlibCodec;

/** A Buffer over the same memory (no copy): native indexOf and toString('utf8', a, z). */
export function byteText(bytes: Uint8Array): ByteText {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Node's native CRC-32 (Node ≥ 20.15), 20× faster than a table in JavaScript on large parts. */
export const nativeCrc32: ((data: Uint8Array) => number) | undefined =
  typeof zlib.crc32 === 'function' ? (data) => zlib.crc32(data) : undefined;
