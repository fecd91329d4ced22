/**
 * One quoting style in what the pane, the ribbon's dialog and the Sheets menu say (vi.ui, vi.host,
 * vi.gas): names are quoted "like this", never with curly quotes, guillemets or 'single quotes' —
 * except the location form "Trang tính 'X', ô D7", which the guide mandates.
 */
import { vi } from '../../shared/i18n/vi';

function strings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

test('the pane, dialog and menu messages quote names one way: "…"', () => {
  const all = [
    ...strings(vi.ui, 'vi.ui'),
    ...strings(vi.host, 'vi.host'),
    ...strings(vi.gas, 'vi.gas'),
  ];
  expect(all.length).toBeGreaterThan(100);
  // The location form "Trang tính 'X'" is the one place single quotes belong.
  const odd = all.filter(([, s]) => {
    const rest = s.replace(/trang tính '[^']+'/gi, '');
    return /[“”‘’«»]/.test(rest) || /(^|[\s(])'[^']+'(?=[\s,.;:)]|$)/.test(rest);
  });
  expect(odd).toEqual([]);
  // Double quotes come in pairs.
  expect(all.filter(([, s]) => (s.match(/"/g) ?? []).length % 2 === 1)).toEqual([]);
});
