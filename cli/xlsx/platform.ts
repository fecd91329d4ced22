/**
 * The Node codec: node:zlib's raw deflate. In a browser bundle this module is replaced by
 * fflateCodec.ts (package.json "browser" field); both export `platformCodec`.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Codec } from './codec';

export const zlibCodec: Codec = {
  // One output chunk of the known size: no 16 KB pieces to allocate and concatenate.
  inflateRaw: (raw, size) => inflateRawSync(raw, { chunkSize: Math.max(size, 64) }),
  deflateRaw: (data, level) => deflateRawSync(data, { level }),
};

export const platformCodec = zlibCodec;
