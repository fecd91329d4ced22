/**
 * A growing byte buffer for writing large XML parts straight as UTF-8. Building a worksheet as
 * strings and encoding it afterwards costs three copies (the pieces, the joined string — two
 * bytes per character once any Vietnamese letter is in it — and the UTF-8 bytes) and most of
 * the garbage collector's time on a 5,000-unit run; here ASCII is copied byte by byte and other
 * text goes through TextEncoder.encodeInto into the buffer itself.
 */
const encoder = new TextEncoder();
/** Strings up to this length are copied in JavaScript; longer ones by encodeInto (a native call). */
const SHORT = 24;

export class ByteWriter {
  private buf: Uint8Array;
  private len = 0;

  constructor(initial = 1 << 16) {
    this.buf = new Uint8Array(initial);
  }

  get length(): number {
    return this.len;
  }

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = Math.max(64, this.buf.length * 2);
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** Any string, as UTF-8 (a lone surrogate becomes U+FFFD, as TextEncoder does). */
  text(s: string): void {
    const n = s.length;
    if (n > SHORT) {
      // at most 3 bytes per UTF-16 unit
      this.room(n * 3);
      this.len += encoder.encodeInto(s, this.buf.subarray(this.len)).written;
      return;
    }
    this.room(n);
    const buf = this.buf;
    let at = this.len;
    for (let i = 0; i < n; i++) {
      const ch = s.charCodeAt(i);
      if (ch >= 0x80) {
        this.len = at;
        this.room((n - i) * 3);
        this.len += encoder.encodeInto(s.slice(i), this.buf.subarray(this.len)).written;
        return;
      }
      buf[at++] = ch;
    }
    this.len = at;
  }

  /** Bytes as they are. */
  bytes(b: Uint8Array): void {
    this.room(b.length);
    if (b.length < 64) {
      const buf = this.buf;
      let at = this.len;
      for (let i = 0; i < b.length; i++) buf[at++] = b[i];
      this.len = at;
    } else {
      this.buf.set(b, this.len);
      this.len += b.length;
    }
  }

  /** What was written (a view of the buffer: no copy). */
  result(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}
