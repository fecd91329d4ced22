/** The zip's CRC-32: Node's native one (CLI) and the table one (browser) agree. */
import fc from 'fast-check';
import { nativeCrc32 } from '../../xlsx/platform';
import { tableCrc32 } from '../../xlsx/zip';

it('has Node’s native CRC-32 on this Node', () => {
  expect(nativeCrc32).toBeDefined();
});

it('the table CRC-32 equals the native one on any bytes', () => {
  // The check value of the standard: CRC-32 of "123456789".
  expect(tableCrc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 5000 }), (bytes) => {
      expect(tableCrc32(bytes)).toBe(nativeCrc32?.(bytes));
    }),
  );
});
