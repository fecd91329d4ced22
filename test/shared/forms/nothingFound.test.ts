/**
 * "Gộp phiếu tự chấm" with nothing to merge (no form given, or none of the files is a form):
 * a warning that nothing was found, no sheet to write — not a merge of 0 units that writes
 * "Tự chấm", "Giải trình tự chấm" and "Nhật ký" anyway.
 */
import { anGiang2018 } from '../../../examples/an-giang-2018';
import { mergeForms, mergeSummary } from '../../../shared/forms/merge';
import { vi } from '../../../shared/i18n/vi';
import type { CellValue } from '../../../shared/model/types';
import { inputSheets } from '../../../shared/workbook/inputs';

const book = (): Record<string, CellValue[][]> =>
  Object.fromEntries(inputSheets(anGiang2018).map((b) => [b.name, b.rows.map((r) => [...r])]));

describe('nothing to merge', () => {
  test('no forms at all: ok, nothing found, nothing to write', () => {
    const result = mergeForms({ sheets: book(), forms: [], time: 't' });
    expect(result.ok && result.outputs).toEqual([]);
    const summary = mergeSummary(result);
    expect(summary).toMatchObject({ ok: true, nothingFound: true, merged: [], sheets: [] });
    if (!summary.ok) return;
    expect(summary.warnings.map((w) => w.text)).toEqual([`Sổ tính: ${vi.warnings.noFormsToMerge}`]);
  });

  test('files none of which is a form: the same, each file named in a warning', () => {
    const result = mergeForms({
      sheets: book(),
      forms: [{ source: 'bao-cao.xlsx', grid: undefined }],
      time: 't',
    });
    const summary = mergeSummary(result);
    expect(summary).toMatchObject({ ok: true, nothingFound: true, sheets: [] });
    if (!summary.ok) return;
    expect(summary.warnings.map((w) => w.text)).toEqual([
      `Sổ tính: ${vi.warnings.noFormsToMerge}`,
      `Tệp bao-cao.xlsx: Không có trang tính "${vi.forms.sheet}": đây không phải phiếu tự chấm.`,
    ]);
  });
});
