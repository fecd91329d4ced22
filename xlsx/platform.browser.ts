/**
 * The browser's platform.ts (package.json "browser" field): fflate's inflateSync / deflateSync
 * for the zip layer, and a byte search and UTF-8 decoding in plain JavaScript in place of
 * Node's Buffer.
 */
import { deflateSync, Inflate } from 'fflate';
import { InflateOverflow, type ByteText, type Codec } from './codecTypes';

/**
 * DEFLATE expands at most ~1,032 times: feeding the streaming inflater `size / 1,032` compressed
 * bytes at a time (at least 1 KB), one step makes at most about `size` bytes (or 1 MB) before
 * the running count is checked.
 */
const MAX_RATIO = 1032;
const MIN_STEP = 1024;

/**
 * fflate's inflateSync with a fixed `out` drops what does not fit but still decodes the whole
 * stream (a 1 KB part inflating to 1 GB takes seconds); the streaming Inflate, fed in steps,
 * lets a stream that passes its declared size be stopped after the step where it does.
 */
function inflateRaw(raw: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let n = 0;
  const inflater = new Inflate((chunk) => {
    if (n + chunk.length > size) throw new InflateOverflow();
    out.set(chunk, n);
    n += chunk.length;
  });
  const step = Math.max(MIN_STEP, Math.ceil(size / MAX_RATIO));
  if (raw.length === 0) inflater.push(raw, true);
  for (let at = 0; at < raw.length; at += step) {
    inflater.push(raw.subarray(at, at + step), at + step >= raw.length);
  }
  return n === size ? out : out.subarray(0, n);
}

export const fflateCodec: Codec = {
  inflateRaw,
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
