import { displayValue } from '../../../shared/report/display';

describe('displayValue', () => {
  it('spells numbers by the column format with the decimal comma', () => {
    expect(displayValue(96.53, '0.00')).toBe('96,53');
    expect(displayValue(96.5, '0.00')).toBe('96,50');
    expect(displayValue(7, '0')).toBe('7');
    expect(displayValue(-1.25, '0.000')).toBe('-1,250');
    expect(displayValue(2.5, '@')).toBe('2,5');
  });
  it('spells a signed change with its sign ("+0.00;-0.00;0.00")', () => {
    const f = '+0.00;-0.00;0.00';
    expect([3.25, -1.5, 0].map((v) => displayValue(v, f))).toEqual(['+3,25', '-1,50', '0,00']);
    expect(displayValue(2, '+0;-0;0')).toBe('+2');
  });
  it('keeps text and empties as they are', () => {
    expect(displayValue('Sở Nội vụ', '@')).toBe('Sở Nội vụ');
    expect(displayValue(null, '0.00')).toBe('');
    expect(displayValue(undefined, '0')).toBe('');
  });
});
