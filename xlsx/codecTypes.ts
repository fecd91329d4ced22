/** The two seams between the zip layer and its platform (node:zlib and Buffer, or fflate): see codec.ts. */
export interface Codec {
  /**
   * The inflated bytes of a raw DEFLATE stream whose declared length is `size`. Never makes more
   * than `size` bytes: a stream going past it throws InflateOverflow as soon as it does (a zip
   * bomb is stopped, not inflated); damaged data throws any other error. A shorter result is
   * returned as it is (the caller compares lengths).
   */
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

/** Thrown by Codec.inflateRaw when the stream inflates past the declared size. */
export class InflateOverflow extends Error {
  override name = 'InflateOverflow';
}
