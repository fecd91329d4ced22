/** Parsing details the round trip does not show: score grids, located blanks, repeated errors. */
import { evaluateCampaign } from '../../../shared/evaluate';
import { formatIssue } from '../../../shared/model/issues';
import type { CampaignSpec, CellValue } from '../../../shared/model/types';
import { inputSheets } from '../../../shared/workbook/inputs';
import { parseWorkbook } from '../../../shared/workbook/parse';
import { readBands } from '../../../shared/workbook/parse/config';
import { formatMessage, vi } from '../../../shared/i18n/vi';
import { fillMerged } from '../../../shared/workbook/parse/merges';
import { anGiang2018 } from '../../../examples/an-giang-2018';

function sheets(): Record<string, CellValue[][]> {
  return Object.fromEntries(
    inputSheets(anGiang2018).map((b) => [b.name, b.rows.map((r) => [...r])]),
  );
}

function errorsOf(s: Record<string, CellValue[][]>): string[] {
  const parsed = parseWorkbook(s);
  if (!parsed.spec) return parsed.issues.filter((i) => i.severity === 'error').map(formatIssue);
  const e = evaluateCampaign(parsed.spec);
  return e.ok ? [] : e.errors.map(formatIssue);
}

test('score sheets reach the core as grids, not per-unit records', () => {
  const spec = parseWorkbook(sheets()).spec as CampaignSpec;
  expect(spec.units.every((u) => u.self === undefined && u.appraised === undefined)).toBe(true);
  expect(spec.scoreGrids?.appraised?.units).toHaveLength(16);
  expect(spec.scoreGrids?.self?.codes[0]).toBe('1.1.1');
});

test('a score row with an unknown criterion code is reported once, not once per unit', () => {
  const s = sheets();
  s['Chấm điểm'].push(['9.9', 'Không có', 1, ...Array.from({ length: 16 }, () => 'x')]);
  expect(errorsOf(s)).toEqual([
    'Trang tính \'Chấm điểm\', ô D13: Mã tiêu chí "9.9" không có trong bảng tiêu chí.',
  ]);
});

test('a blank score under "Báo lỗi" is located at its own (empty) cell', () => {
  const s = sheets();
  const config = s['Cấu hình'];
  const row = config.findIndex((r) => r[0] === 'Ô chưa chấm');
  config[row][1] = 'Báo lỗi';
  const grid = s['Tự chấm'];
  const col = grid[0].indexOf('STP');
  const r = grid.findIndex((x) => x[0] === '1.2');
  grid[r][col] = null;
  s['Chấm điểm'][r][col] = null;
  // The example already leaves HTB's 2.2 blank (S7).
  expect(errorsOf(s)).toEqual([
    "Trang tính 'Chấm điểm', ô D4: Chưa được chấm điểm.",
    "Trang tính 'Chấm điểm', ô S7: Chưa được chấm điểm.",
  ]);
});

test('a missing required sheet is named', () => {
  const s = sheets();
  delete s['Tiêu chí'];
  expect(errorsOf(s)).toEqual(['Sổ tính: Thiếu trang tính "Tiêu chí".']);
});

test('blank rows inside "Cấu hình" sections (under a title, between items) change nothing', () => {
  const plain = sheets();
  const spaced = sheets();
  // a blank row after every row: under each title, between header and items, between items
  spaced['Cấu hình'] = spaced['Cấu hình'].flatMap((row) => [row, []]);
  const outcome = (s: Record<string, CellValue[][]>): unknown => {
    const parsed = parseWorkbook(s);
    if (!parsed.spec) return parsed.issues.map(formatIssue);
    const e = evaluateCampaign(parsed.spec);
    if (!e.ok) return e.errors.map(formatIssue);
    const { blocks, components, awards, settings } = parsed.spec;
    const all = { blocks, components, awards, settings, units: e.units, proposals: e.awards };
    // the same items, found on other rows: their cell references aside
    return JSON.parse(JSON.stringify(all, (k, v: unknown) => (k === 'source' ? undefined : v)));
  };
  const expected = outcome(plain);
  expect(outcome(spaced)).toEqual(expected);
  // the example has blocks, awards and components to lose
  expect(JSON.stringify(expected)).toContain('Bằng khen');
});

test('an item row of a "Cấu hình" table without its required cells is an error at the cell', () => {
  const s = sheets();
  const config = s['Cấu hình'];
  // a block without its name, and a note typed under the last table, after a blank row
  const so = config.findIndex((r) => r[0] === 'so');
  config[so][1] = null;
  config.push([], ['Ghi chú: Sở Nội vụ lập bảng này']);
  const last = config.length;
  const errors = errorsOf(s);
  expect(errors).toContain(`Trang tính 'Cấu hình', ô B${so + 1}: Thiếu giá trị ở cột "Tên".`);
  // The last section is ĐIỀU KIỆN XÉT KHEN (key/value): the note is an unknown key, at its cell.
  expect(errors).toContain(
    `Trang tính 'Cấu hình', ô A${last}: Không hiểu thiết lập "Ghi chú: Sở Nội vụ lập bảng này".`,
  );
});

describe('a mistake is located at the cell that holds it', () => {
  const col = (grid: CellValue[][], header: string): string =>
    String.fromCharCode(65 + grid[0].indexOf(header));

  test('an unknown block in "Áp dụng cho khối", listing the blocks there are', () => {
    const s = sheets();
    const criteria = s['Tiêu chí'];
    const c = criteria[0].indexOf('Áp dụng cho khối');
    expect(c).toBeGreaterThan(0);
    const r = criteria.findIndex((row) => row[0] === '1.2');
    criteria[r][c] = 'so; XA';
    expect(errorsOf(s)).toEqual([
      `Trang tính 'Tiêu chí', ô ${col(criteria, 'Áp dụng cho khối')}${r + 1}: Tiêu chí 1.2 áp dụng cho khối "XA" không có trong danh sách khối (có: so, huyen).`,
    ]);
  });

  test('a unit without a name: its name cell; a row without a code: one error', () => {
    const s = sheets();
    const units = s['Đơn vị'];
    units[2][1] = null;
    units.push([null, null, 'so']);
    units.push([null, 'Sở Công Thương', null]);
    const errors = errorsOf(s);
    expect(errors).toEqual([
      `Trang tính 'Đơn vị', ô B3: Thiếu tên của đơn vị "${String(units[2][0])}".`,
      `Trang tính 'Đơn vị', ô A${units.length - 1}: Có đơn vị chưa có mã.`,
      `Trang tính 'Đơn vị', ô A${units.length}: Có đơn vị chưa có mã.`,
    ]);
  });

  test('a unit without a block is told so at its block cell', () => {
    const s = sheets();
    const units = s['Đơn vị'];
    units[5][2] = null;
    expect(errorsOf(s)).toContain(
      `Trang tính 'Đơn vị', ô C6: Đơn vị ${String(units[5][0])} chưa có khối thi đua.`,
    );
  });

  test('a tie-break naming no field: the setting cell itself', () => {
    const s = sheets();
    const config = s['Cấu hình'];
    const r = config.findIndex((row) => row[0] === 'Tiêu chí phụ khi bằng điểm');
    if (r < 0) config.splice(3, 0, ['Tiêu chí phụ khi bằng điểm', 'Lĩnh vực 9']);
    else config[r][1] = 'Lĩnh vực 9';
    const at = r < 0 ? 4 : r + 1;
    expect(errorsOf(s).filter((e) => e.includes('9'))).toEqual([
      expect.stringMatching(new RegExp(`^Trang tính 'Cấu hình', ô B${at}: `)),
    ]);
  });
});

describe('a criterion added to "Tiêu chí" but not to the score sheets', () => {
  /** An Giang with a new leaf 2.4 under field 2, in "Tiêu chí" only. */
  function withNewLeaf(policy?: string): Record<string, CellValue[][]> {
    const s = sheets();
    const criteria = s['Tiêu chí'];
    const after = criteria.findIndex((r) => r[0] === '2.3');
    const row: CellValue[] = ['2.4', 'Ứng dụng công nghệ thông tin', 2, 'Đạt/Không đạt'];
    criteria.splice(after + 1, 0, row);
    const field = criteria.findIndex((r) => r[0] === '2');
    criteria[field][2] = (criteria[field][2] as number) + 2;
    if (policy) {
      const config = s['Cấu hình'];
      const r = config.findIndex((x) => x[0] === 'Ô chưa chấm');
      config[r][1] = policy;
    }
    return s;
  }
  const criterionRow = (s: Record<string, CellValue[][]>): number =>
    s['Tiêu chí'].findIndex((r) => r[0] === '2.4') + 1;

  test('is one warning at its row, not one blank per unit', () => {
    const s = withNewLeaf();
    const parsed = parseWorkbook(s);
    const e = evaluateCampaign(parsed.spec as CampaignSpec);
    expect(e.ok).toBe(true);
    const about = e.warnings
      .map(formatIssue)
      .filter((w) => w.includes('2.4') || w.includes('chưa chấm'));
    expect(about).toContainEqual(
      `Trang tính 'Tiêu chí', ô A${criterionRow(s)}: Tiêu chí 2.4 chưa có dòng trong trang tính "Tự chấm" hay "Chấm điểm"; mọi đơn vị được tính 0 điểm ở tiêu chí này.`,
    );
    // the example's own blank (HTB, S7) is still reported; no unit is told about 2.4
    expect(about.filter((w) => w.includes('tiêu chí chưa chấm'))).toHaveLength(1);
  });

  test('is one error at its row under "Báo lỗi"', () => {
    const s = withNewLeaf('Báo lỗi');
    expect(errorsOf(s)).toContain(
      `Trang tính 'Tiêu chí', ô A${criterionRow(s)}: Tiêu chí 2.4 chưa có dòng trong trang tính "Tự chấm" hay "Chấm điểm".`,
    );
    expect(errorsOf(s).filter((e) => e.includes('Chưa được chấm điểm'))).toEqual([
      "Trang tính 'Chấm điểm', ô S7: Chưa được chấm điểm.",
    ]);
  });
});

test('a "Ghi chú" column in "Đơn vị" holds notes, not a measure', () => {
  const s = sheets();
  const units = s['Đơn vị'];
  units[0].push('Ghi chú');
  units[1].push('Đơn vị mới sáp nhập');
  units[2].push(12);
  const parsed = parseWorkbook(s);
  expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
  const spec = parsed.spec as CampaignSpec;
  expect(spec.units.some((u) => u.profile?.measures && 'Ghi chú' in u.profile.measures)).toBe(
    false,
  );
  expect(errorsOf(s)).toEqual([]);
});

test('a unit code pasted with a zero-width space matches the code without it', () => {
  const s = sheets();
  const header = s['Chấm điểm'][0];
  const c = header.indexOf('STP');
  header[c] = 'STP\u200B';
  expect(errorsOf(s)).toEqual([]);
});

describe('"Khối" merged down over the units of each block, as people lay it out', () => {
  /** An Giang's "Đơn vị" with each block typed once and merged over its units (C2:C9, C10:C17). */
  function merged(): { s: Record<string, CellValue[][]>; merges: Record<string, string[]> } {
    const s = sheets();
    const units = s['Đơn vị'];
    for (let r = 2; r < units.length; r++) if (r !== 9) units[r][2] = null;
    return { s, merges: { 'Đơn vị': ['C2:C9', 'C10:C17'] } };
  }

  test('reads each unit in its block, with the results of the unmerged sheet', () => {
    const { s, merges } = merged();
    const parsed = parseWorkbook(s, merges);
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const plain = parseWorkbook(sheets()).spec as CampaignSpec;
    expect((parsed.spec as CampaignSpec).units.map((u) => u.block)).toEqual(
      plain.units.map((u) => u.block),
    );
  });

  test('without the merge information the blank blocks are errors at their cells', () => {
    const { s } = merged();
    expect(errorsOf(s)).toContain(
      `Trang tính 'Đơn vị', ô C3: Đơn vị ${String(s['Đơn vị'][2][0])} chưa có khối thi đua.`,
    );
  });

  test('fillMerged copies a value into blank cells only, and leaves the input alone', () => {
    const grid: CellValue[][] = [
      ['a', null],
      [null, 'b'],
      [null, 'c'],
    ];
    expect(fillMerged(grid, ['A1:A3', 'A2:B2'])).toEqual([
      ['a', null],
      ['a', 'b'],
      ['a', 'c'],
    ]);
    expect(grid).toEqual([
      ['a', null],
      [null, 'b'],
      [null, 'c'],
    ]);
  });

  test('work follows the cells of the sheet, not the ranges a file claims (many wide merges)', () => {
    // 20,000 ranges of 60 rows × 16,382 columns over a 60-row sheet (a 600 KB part): 2·10¹⁰
    // cell visits before, about half a minute; the total is now capped like one oversized
    // range (the ranges past it are left as typed).
    const grid: CellValue[][] = Array.from({ length: 60 }, (_, r) => [`DV${r}`, 'A', 'so']);
    const merges = Array.from({ length: 20_000 }, () => 'C1:XFD60');
    const started = Date.now();
    const out = fillMerged(grid, merges);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(out[5][2]).toBe('so');
  });

  test('a blank spacer row under a merge stays blank (it is not a unit)', () => {
    const grid: CellValue[][] = [['DV1', 'A', 'so'], [], ['DV2', 'B']];
    expect(fillMerged(grid, ['C1:C3'])).toEqual([['DV1', 'A', 'so'], [], ['DV2', 'B', 'so']]);
  });
});

test('a unit code typed in another letter case is not taken, but the message names the code', () => {
  const s = sheets();
  const header = s['Chấm điểm'][0];
  header[header.indexOf('STP')] = 'stp';
  expect(errorsOf(s)).toContain(
    'Trang tính \'Chấm điểm\', ô D1: Mã đơn vị "stp" ở dòng tiêu đề không có trong trang tính "Đơn vị" (có phải "STP"?).',
  );
  const other = sheets();
  other['Chấm điểm'][0][other['Chấm điểm'][0].indexOf('STP')] = 'XYZ';
  expect(errorsOf(other)).toContain(
    'Trang tính \'Chấm điểm\', ô D1: Mã đơn vị "XYZ" ở dòng tiêu đề không có trong trang tính "Đơn vị".',
  );
});

describe('a score sheet with one cell far away (issue 20)', () => {
  test('a cell at row 200,000 does not overflow the stack (Math.max over every row)', () => {
    const s = sheets();
    const grid = s['Chấm điểm'];
    while (grid.length < 200_000) grid.push([]);
    grid.push([null, null, null, 'ghi chú lạc']);
    expect(() => parseWorkbook(s)).not.toThrow();
  });

  test('a cell at XFD1048576 costs the cells present, not width × height', () => {
    const s = sheets();
    const grid = s['Chấm điểm'];
    while (grid.length < 1_048_575) grid.push([]);
    const far: CellValue[] = new Array<CellValue>(16_384).fill(null);
    far[16_383] = 1;
    grid.push(far);
    const started = performance.now();
    parseWorkbook(s);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

test('bands with a threshold missing before the last give one message, never "-Infinity"', () => {
  const s = sheets();
  const config = s['Cấu hình'];
  const row = config.findIndex((r) => r[0] === 'Xếp loại');
  config[row][1] = 'Xuất sắc: 90; Tốt: 80; Khá';
  const errors = errorsOf(s);
  expect(errors).toEqual([
    `Trang tính 'Cấu hình', ô B${row + 1}: ` +
      formatMessage(vi.errors.bandNoThreshold, { label: 'Xuất sắc: 90', example: 'Xuất sắc ≥ 90' }),
  ]);
  expect(errors.join()).not.toMatch(/Infinity/);
  // The same from the reader alone, and the last band may still have no threshold.
  expect(readBands('Xuất sắc: 90; Tốt: 80; Khá')).toEqual({
    ok: false,
    key: 'bandNoThreshold',
    params: { label: 'Xuất sắc: 90', example: 'Xuất sắc ≥ 90' },
  });
  expect(readBands('Giỏi; Khá ≥ 5')).toEqual({
    ok: false,
    key: 'bandNoThreshold',
    params: { label: 'Giỏi', example: 'Giỏi ≥ 90' },
  });
  expect(readBands('Tốt ≥ 80; Khá')).toEqual({
    ok: true,
    bands: [
      { label: 'Tốt', min: 80 },
      { label: 'Khá', min: Number.NEGATIVE_INFINITY },
    ],
  });
  expect(readBands('A > 90; B')).toEqual({
    ok: false,
    key: 'badBands',
    params: { value: 'A > 90; B' },
  });
});

test('bands given as data (CLI JSON) with an open band before the last: one message', () => {
  const spec = parseWorkbook(sheets()).spec as CampaignSpec;
  const bands = [
    { label: 'Tốt', min: Number.NEGATIVE_INFINITY },
    { label: 'Khá', min: Number.NEGATIVE_INFINITY },
  ];
  const e = evaluateCampaign({ ...spec, settings: { ...spec.settings, bands } });
  const messages = e.ok ? [] : e.errors.map(formatIssue);
  expect(messages).toHaveLength(1);
  expect(messages[0]).toContain(
    formatMessage(vi.errors.bandNoThreshold, { label: 'Tốt', example: 'Tốt ≥ 90' }),
  );
  expect(messages.join()).not.toMatch(/Infinity/);
});
