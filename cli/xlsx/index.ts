/** The .xlsx I/O layer: a fast reader of named sheets and a writer that replaces only worksheet parts. */
export { readEntry, readFile, readPackage, readSheets, sheetNames } from './read';
export type { Package, SheetRef } from './read';
export { buildWorkbook, writeFileAtomic, writeSheets } from './write';
export { XlsxError } from './types';
export type { CellValue, OutputSheet, SheetData, Validation, XlsxErrorCode } from './types';
