/**
 * The .xlsx layer on bytes only — no file system, no node:zlib — so that browser code (the Excel
 * task pane's forms, the memory bridge) can import it: open a package and read sheets from its
 * bytes, build a workbook or write sheets into a package as bytes, zip several files. Under Node,
 * import xlsx/index.ts instead: the same functions with the faster node:zlib codec (the CLI's
 * file helpers are cli/files.ts).
 */
export {
  dateSystem,
  isMacroEnabled,
  readEntry,
  readPackage,
  readSheets,
  sheetNames,
  verifyPackage,
} from './read';
export { nearSheetName } from './package';
export type { Package, SheetRef } from './read';
export { buildWorkbook, writeSheets } from './write';
export { zipFiles } from './zip';
export { XlsxError } from './types';
export type { CellValue, OutputSheet, SheetData, Validation, XlsxErrorCode } from './types';
