import { dateOf, listOf, numberOf, shareOf } from '../../../shared/workbook/grid';

describe('reading cells the way people type them', () => {
  test.each<[unknown, string | undefined]>([
    [43189, '2018-03-30'],
    [45000, '2023-03-15'],
    [61, '1900-03-01'],
    ['30/03/2018', '2018-03-30'],
    ['3/4/2018', '2018-04-03'],
    ['2018-03-30', '2018-03-30'],
    ['30-03-2018', '2018-03-30'],
    ['hôm qua', undefined],
    [null, undefined],
  ])('date %p → %p', (v, expected) => {
    expect(dateOf(v as never)).toBe(expected);
  });

  test.each<[unknown, number | undefined]>([
    [0.1, 0.1],
    ['10%', 0.1],
    ['12,5 %', 0.125],
    [10, 0.1],
    [1, 1],
    ['mười', undefined],
  ])('share %p → %p', (v, expected) => {
    expect(shareOf(v as never)).toBe(expected);
  });

  test('numbers accept a decimal comma typed as text', () => {
    expect(numberOf('1,5')).toBe(1.5);
    expect(numberOf(2)).toBe(2);
    expect(numberOf('#N/A')).toBeUndefined();
  });

  test('lists split on semicolons, else commas', () => {
    expect(listOf('Tốt, Xuất sắc')).toEqual(['Tốt', 'Xuất sắc']);
    expect(listOf('Chỉ số; PCI; PAPI')).toEqual(['Chỉ số', 'PCI', 'PAPI']);
    expect(listOf('so: 3; huyen: 3')).toEqual(['so: 3', 'huyen: 3']);
    expect(listOf(null)).toEqual([]);
  });
});

test('date serials in the 1904 date system (old Excel for Mac) are 1,462 days later', () => {
  // 2026-03-31 is 46112 in the 1900 system and 44650 in the 1904 system
  expect(dateOf(46112)).toBe('2026-03-31');
  expect(dateOf(44650)).toBe('2022-03-30');
  expect(dateOf(44650, 1904)).toBe('2026-03-31');
  expect(dateOf(44650.75, 1904)).toBe('2026-03-31');
  expect(dateOf(0, 1904)).toBe('1904-01-01');
  expect(dateOf('31/03/2026', 1904)).toBe('2026-03-31');
});
