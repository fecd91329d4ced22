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
import type { Codec } from './codecTypes';
import { platformCodec } from './platform';

export type { ByteText, Codec } from './codecTypes';
export { InflateOverflow } from './codecTypes';

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
