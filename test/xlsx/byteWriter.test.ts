/** ByteWriter: what it writes is exactly TextEncoder's UTF-8 of the strings, in order, however the buffer grows. */
import fc from 'fast-check';
import { ByteWriter } from '../../xlsx/byteWriter';

const encoder = new TextEncoder();

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('ByteWriter', () => {
  test('grows from an empty buffer', () => {
    const w = new ByteWriter(0);
    w.text('a');
    w.text('Đối chiếu '.repeat(10));
    expect(new TextDecoder().decode(w.result())).toBe('a' + 'Đối chiếu '.repeat(10));
  });

  test('ASCII, Vietnamese, emoji and a lone surrogate, short and long, from a tiny buffer', () => {
    const pieces = [
      '<c r="A1">',
      'Đơn vị hành chính',
      'x'.repeat(100),
      'Sở Nội vụ '.repeat(50),
      '😀 ok',
      'a\uD800b',
      '',
      '\uDC00',
    ];
    const w = new ByteWriter(4);
    for (const p of pieces) w.text(p);
    w.bytes(Uint8Array.of(1, 2, 3));
    w.bytes(new Uint8Array(100).fill(7));
    const expected = concat([
      ...pieces.map((p) => encoder.encode(p)),
      Uint8Array.of(1, 2, 3),
      new Uint8Array(100).fill(7),
    ]);
    expect(w.length).toBe(expected.length);
    expect(w.result()).toEqual(expected);
  });

  test('any strings: the same bytes as encoding each in turn', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })),
          {
            maxLength: 40,
          },
        ),
        fc.integer({ min: 1, max: 64 }),
        (strings, initial) => {
          const w = new ByteWriter(initial);
          for (const s of strings) w.text(s);
          expect(w.result()).toEqual(concat(strings.map((s) => encoder.encode(s))));
        },
      ),
      { numRuns: 300 },
    );
  });
});
