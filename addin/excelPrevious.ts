/// <reference types="office-js" />
/**
 * "Lấy kết quả năm trước…" in Excel (issue 17): the picked workbook's "Kết quả" is read in the
 * task pane (xlsx/previousFile.ts, before Excel is touched), then one sync finds the sheet
 * "Kết quả năm trước" (and whether it is protected) and one sync writes it, created or
 * replaced whole. No other sheet is read or written; nothing is written on any error.
 */
import { formatMessage, vi } from '../shared/i18n/vi';
import { issueView } from '../shared/workbook/run';
import { PREVIOUS_SHEET } from '../shared/workbook/previousSheet';
import { readPreviousFile } from '../xlsx/previousFile';
import { base64ToBytes } from '../ui/base64';
import type { FormUpload, PreviousLoaded } from '../ui/bridge';
import { readSheets } from './excelRead';
import {
  REQUEST_LIMIT,
  writeSheets,
  type ExcelHostOptions,
  type ExcelRun,
  type FormsOutcome,
} from './excelHost';

/** Reads the picked file's "Kết quả" and writes its values into "Kết quả năm trước". */
export async function loadPreviousFile(
  run: ExcelRun,
  file: FormUpload,
  options: ExcelHostOptions = {},
): Promise<FormsOutcome<PreviousLoaded>> {
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(file.base64);
  } catch {
    bytes = new Uint8Array(0);
  }
  const read = readPreviousFile(file.name, bytes);
  if (!read.ok) {
    // The file's cells are not in this workbook: the issues are text only.
    const errors = read.issues.map((i) => ({ severity: i.severity, text: issueView(i).text }));
    return { result: { ok: false, errors }, syncs: 0 };
  }
  return run(async (context) => {
    const found = await readSheets(context, [], [PREVIOUS_SHEET]);
    let syncs = found.syncs;
    const sheet = found.outputs.get(PREVIOUS_SHEET);
    if (sheet && !sheet.isNullObject && sheet.protection.protected) {
      const text = formatMessage(vi.previousHost.protectedSheet, { sheet: PREVIOUS_SHEET });
      return { result: { ok: false, errors: [{ severity: 'error', text }] }, syncs };
    }
    syncs += await writeSheets(
      context,
      [{ name: PREVIOUS_SHEET, rows: read.rows }],
      found.outputs,
      options.requestLimit ?? REQUEST_LIMIT,
      PREVIOUS_SHEET,
    );
    return { result: { ok: true, units: read.units, sheet: PREVIOUS_SHEET }, syncs };
  });
}
