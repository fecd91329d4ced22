/**
 * Excel's limits in the writer (xlsx/limits.ts): a cell beyond column XFD or row 1,048,576, or
 * a text longer than 32,767 characters, is refused with a Vietnamese message naming the sheet
 * (and the cell) before any part is made; at the limit itself the file is written.
 */
import * as sheetModule from '../../xlsx/sheet';
import { buildWorkbook, readPackage, readSheets, XlsxError } from '../../xlsx';
import type { SheetLimitError } from '../../xlsx/limits';
import type { OutputSheet } from '../../xlsx/types';

afterEach(() => jest.restoreAllMocks());

function refused(sheets: OutputSheet[], beforeParts = true): SheetLimitError {
  const make = jest.spyOn(sheetModule, 'worksheetBytes');
  try {
    buildWorkbook(sheets);
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxError);
    expect((e as XlsxError).code).toBe('excelLimit');
    // refused before any worksheet part was made (a text: while its part is made)
    if (beforeParts) expect(make).not.toHaveBeenCalled();
    return e as SheetLimitError;
  }
  throw new Error('not refused');
}

const wide = (n: number): string[] => Array.from({ length: n }, (_, i) => `DV${i}`);

test('16,384 columns are written; a value in column 16,385 (XFE) is refused', () => {
  const rows = [wide(16_384)];
  const back = readSheets(readPackage(buildWorkbook([{ name: 'Tự chấm', rows }])), ['Tự chấm']);
  expect(back.get('Tự chấm')?.rows[0]).toHaveLength(16_384);
  const e = refused([
    { name: 'Ok', rows: [[1]] },
    { name: 'Tự chấm', rows: [[], wide(16_385)] },
  ]);
  expect(e.sheet).toBe('Tự chấm');
  expect(e.limit).toBe('columns');
  expect(e.message).toBe(
    'Trang tính "Tự chấm" cần đến cột thứ 16 385 (ô XFE2), quá cột cuối cùng XFD (16 384 cột) mà Excel mở được: không ghi gì',
  );
});

test('a formula, a data validation or an unlocked range past XFD is refused', () => {
  const formulas: (string | undefined)[][] = [[]];
  formulas[0][16_384] = 'SUM(A1:B1)';
  expect(refused([{ name: 'A', rows: [[1]], formulas }]).message).toContain('ô XFE1');
  const validation = { range: 'D3:XFE3', whole: { min: 0 } };
  expect(refused([{ name: 'A', rows: [[1]], validations: [validation] }]).message).toContain(
    'ô XFE3',
  );
  const protection = { unlocked: ['B2', 'D4:ZZZZ4'] };
  expect(refused([{ name: 'A', rows: [[1]], protection }]).message).toContain(
    'Trang tính "A" cần đến cột thứ',
  );
});

test('row 1,048,576 is written; row 1,048,577 is refused', () => {
  const rows: string[][] = [];
  rows[1_048_575] = ['cuối'];
  const ok = readSheets(readPackage(buildWorkbook([{ name: 'A', rows }])), ['A']).get('A');
  expect(ok?.rows).toHaveLength(1_048_576);
  const more: string[][] = [];
  more[1_048_576] = ['quá'];
  expect(refused([{ name: 'Kết quả', rows: more }]).message).toBe(
    'Trang tính "Kết quả" cần 1 048 577 dòng, quá 1 048 576 dòng mà Excel mở được: không ghi gì',
  );
  expect(
    refused([
      { name: 'A', rows: [[1]], validations: [{ range: 'A1:A1048577', whole: { min: 0 } }] },
    ]).limit,
  ).toBe('rows');
});

test('a text of 32,767 characters is written; one more is refused at its cell', () => {
  const longest = 'x'.repeat(32_767);
  const back = readSheets(readPackage(buildWorkbook([{ name: 'A', rows: [[longest]] }])), ['A']);
  expect(back.get('A')?.rows).toEqual([[longest]]);
  const e = refused([{ name: 'Nhật ký', rows: [[], [1, 2, 'x'.repeat(32_768)]] }], false);
  expect(e.limit).toBe('text');
  expect(e.message).toBe(
    'Trang tính "Nhật ký", ô C2: văn bản dài 32 768 ký tự, quá 32 767 ký tự mà một ô Excel chứa được: không ghi gì',
  );
});
