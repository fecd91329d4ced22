/**
 * The browser's platform.ts (package.json "browser" field): fflate's inflateSync / deflateSync
 * for the zip layer, and a byte search and UTF-8 decoding in plain JavaScript in place of
 * Node's Buffer.
 */
import { deflateSync, inflateSync } from 'fflate';
import type { ByteText, Codec } from './codecTypes';

export const fflateCodec: Codec = {
  // One byte of room past the expected size, so that a stream inflating longer than its header
  // says comes out with the wrong length (fflate truncates to `out` silently) and is refused.
  inflateRaw: (raw, size) => inflateSync(raw, { out: new Uint8Array(size + 1) }),
  deflateRaw: (data, level) =>
    deflateSync(data, { level: level as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 }),
};

export const platformCodec = fflateCodec;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** Buffer's indexOf and toString('utf8', a, z) over a Uint8Array, in plain JavaScript. */
class JsByteText implements ByteText {
  readonly length: number;
  constructor(private readonly bytes: Uint8Array) {
    this.length = bytes.length;
  }

  indexOf(needle: string | Uint8Array, from = 0): number {
    const n = typeof needle === 'string' ? encoder.encode(needle) : needle;
    const b = this.bytes;
    const start = Math.max(0, from);
    if (n.length === 0) return Math.min(start, b.length);
    const last = b.length - n.length;
    for (let i = b.indexOf(n[0], start); i >= 0 && i <= last; i = b.indexOf(n[0], i + 1)) {
      let k = 1;
      while (k < n.length && b[i + k] === n[k]) k++;
      if (k === n.length) return i;
    }
    return -1;
  }

  toString(_encoding: 'utf8', start = 0, end = this.bytes.length): string {
    return decoder.decode(this.bytes.subarray(start, end));
  }
}

export function byteText(bytes: Uint8Array): ByteText {
  return new JsByteText(bytes);
}

/** No native CRC-32 in a browser: zip.ts computes it with its table. */
export const nativeCrc32: ((data: Uint8Array) => number) | undefined = undefined;
