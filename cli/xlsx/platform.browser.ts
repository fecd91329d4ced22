/**
 * The browser codec: fflate's inflateSync / deflateSync (pure JavaScript). Bundles for a browser
 * use this module in place of zlibCodec.ts (package.json "browser" field).
 */
import { deflateSync, inflateSync } from 'fflate';
import type { Codec } from './codec';

export const fflateCodec: Codec = {
  // One byte of room past the expected size, so that a stream inflating longer than its header
  // says comes out with the wrong length (fflate truncates to `out` silently) and is refused.
  inflateRaw: (raw, size) => inflateSync(raw, { out: new Uint8Array(size + 1) }),
  deflateRaw: (data, level) =>
    deflateSync(data, { level: level as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 }),
};

export const platformCodec = fflateCodec;
