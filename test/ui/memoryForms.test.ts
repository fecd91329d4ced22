/**
 * The memory bridge's forms, the reference the UI tests run against: forms as files as in
 * Excel, one batch read for making them, one read and one write for merging them; a merge of
 * the filled forms gives the example's "Tự chấm"; a bad file writes nothing.
 */
import { unzipSync } from 'fflate';
import { buildWorkbook, readPackage, readSheets } from '../../xlsx';
import { anGiang2018 } from '../../examples/an-giang-2018';
import { FORM_COLS, FORM_ROWS } from '../../shared/forms/form';
import { vi } from '../../shared/i18n/vi';
import type { CellValue } from '../../shared/model/types';
import { base64ToBytes, bytesToBase64 } from '../../ui/base64';
import { memoryBridge } from '../../ui/memoryBridge';
import { exampleWorkbook, workbookCase } from './fixtures';

const S = vi.workbook.sheets;
const F = vi.forms;

function fill(bytes: Uint8Array): Uint8Array {
  const rows = (readSheets(readPackage(bytes), [F.sheet]).get(F.sheet)?.rows ?? []).map((r) => [
    ...r,
  ]) as CellValue[][];
  const unit = anGiang2018.units.find((u) => u.id === rows[FORM_ROWS.unitCode][1]);
  for (let r = FORM_ROWS.header + 1; r < rows.length; r++) {
    const v = unit?.self?.[String(rows[r][FORM_COLS.code])];
    if (v === undefined || rows[r].length <= FORM_COLS.rule) continue;
    rows[r][FORM_COLS.score] = v;
    rows[r][FORM_COLS.evidence] = 'QĐ';
  }
  return buildWorkbook([{ name: F.sheet, rows }]);
}

test('forms out as a .zip, back in filled: "Tự chấm" as typed, one read and one write', async () => {
  const bridge = memoryBridge(workbookCase('unscored'), { now: () => new Date(2026, 10, 25) });
  expect(bridge.formsFrom).toBe('files');
  const made = await bridge.makeForms();
  if (!made.ok || !made.download) throw new Error('forms');
  expect(made.count).toBe(anGiang2018.units.length);
  expect(made.download.fileName).toBe(`phieu-tu-cham-${anGiang2018.id}.zip`);
  expect(bridge.stats).toMatchObject({ reads: 1, writes: 0 });
  const files = unzipSync(base64ToBytes(made.download.base64));
  const uploads = Object.entries(files).map(([name, bytes]) => ({
    name,
    base64: bytesToBase64(fill(bytes)),
    lastModified: '2018-12-01',
  }));
  const summary = await bridge.mergeForms(uploads);
  expect(summary).toMatchObject({ ok: true, sheets: [S.self, F.explanations, S.log] });
  expect(bridge.stats).toMatchObject({ reads: 2, writes: 1 });
  // Blank is blank, whether written "" or null.
  const cells = (rows: CellValue[][]) => rows.map((r) => r.map((v) => (v === '' ? null : v)));
  expect(cells(bridge.sheets[S.self])).toEqual(cells(exampleWorkbook()[S.self]));
});

test('a file that is not an .xlsx: nothing read or written, the error names the file', async () => {
  const bridge = memoryBridge(workbookCase('unscored'));
  const before = JSON.stringify(bridge.sheets);
  const summary = await bridge.mergeForms([
    { name: 'a.xlsx', base64: bytesToBase64(new Uint8Array([1])) },
  ]);
  expect(summary.ok).toBe(false);
  if (!summary.ok) expect(summary.errors[0].text).toMatch(/^Tệp a\.xlsx: /);
  expect(bridge.stats).toMatchObject({ reads: 0, writes: 0 });
  expect(JSON.stringify(bridge.sheets)).toBe(before);
});
