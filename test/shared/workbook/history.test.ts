/**
 * "Lịch sử thẩm định": each run appends one row per appraised cell that changed since the last
 * run, which "Lưu vết thẩm định" records compactly (a row per unit, not per cell); the first
 * run only records; nothing changes, nothing is added.
 */
import fc from 'fast-check';
import type { CellValue } from '../../../shared/model/types';
import { renderHistory, renderSnapshot } from '../../../shared/workbook/history';
import { runCampaign, OUTPUT_SHEETS, SHEETS_TO_READ } from '../../../shared/workbook/run';
import { anGiang2018 } from '../../../examples/an-giang-2018';
import { bookOf, panelSpec, type Book } from '../panelCampaign';

const HISTORY = 'Lịch sử thẩm định';
const SNAPSHOT = 'Lưu vết thẩm định';
const HEADER = [
  'Thời điểm',
  'Vòng',
  'Người chấm',
  'Mã đơn vị',
  'Mã tiêu chí',
  'Điểm cũ',
  'Điểm mới',
];

/** One run of the workbook at `time`; the written history becomes part of the workbook. */
function rank(book: Book, time: string): CellValue[][] {
  const r = runCampaign({ sheets: book, time });
  if (!r.ok) throw new Error('invalid');
  const history = r.outputs.find((o) => o.name === HISTORY);
  const snapshot = r.outputs.find((o) => o.name === SNAPSHOT);
  if (!history || !snapshot) throw new Error('no history');
  book[HISTORY] = history.rows.map((row) => [...row]);
  book[SNAPSHOT] = snapshot.rows.map((row) => [...row]);
  return history.rows;
}

test('the history and its record are outputs read back on the next run', () => {
  for (const name of [HISTORY, SNAPSHOT]) {
    expect(OUTPUT_SHEETS).toContain(name);
    expect(SHEETS_TO_READ).toContain(name);
  }
});

test('first run: no change rows; the record holds every appraised cell, a row per unit', () => {
  const book = bookOf(panelSpec());
  const rows = rank(book, '2026-11-25 09:00:00');
  expect(rows).toEqual([HEADER]);
  const record = book[SNAPSHOT];
  expect(record[0]).toEqual(['Vòng', 'Người chấm', 'Mã đơn vị', 'Điểm đã chấm (không sửa)']);
  // STP: NV1, NV2, NV3; SNV: NV2, NV3 — one row each, ordered by unit then appraiser.
  expect(record.slice(1).map((r) => r.slice(0, 3))).toEqual([
    [1, 'NV1', 'STP'],
    [1, 'NV2', 'STP'],
    [1, 'NV3', 'STP'],
    [1, 'NV2', 'SNV'],
    [1, 'NV3', 'SNV'],
  ]);
  expect(JSON.parse(String(record[1][3]))).toMatchObject({ '1.1': 'x', '1.2': 'Tốt' });
});

test('a change adds one row with the old and the new value; unchanged cells add none', () => {
  const book = bookOf(panelSpec());
  const first = rank(book, 't1').length;
  book['Chấm điểm'][3][4] = 'Đạt'; // NV2 on STP, 1.2: Khá → Đạt
  book['Chấm điểm'][4][7] = 70; // NV3 on SNV, 1.3: 80 → 70
  book['Chấm điểm'][2][7] = 'x'; // NV3 on SNV, 1.1: blank → x
  book['Chấm điểm'][2][6] = null; // NV2 on SNV, 1.1: x → blank (cleared)
  const rows = rank(book, 't2');
  expect(rows.slice(first)).toEqual([
    ['t2', 1, 'NV2', 'STP', '1.2', 'Khá', 'Đạt'],
    ['t2', 1, 'NV3', 'SNV', '1.1', null, 'x'],
    ['t2', 1, 'NV3', 'SNV', '1.3', 80, 70],
    ['t2', 1, 'NV2', 'SNV', '1.1', 'x', null],
  ]);
  // Re-run with nothing changed: nothing added, the rows kept as they were.
  expect(rank(book, 't3')).toEqual(rows);
  expect(rank(book, 't4')).toEqual(rows);
  // Back to the old value: a change again, compared with the latest value.
  book['Chấm điểm'][3][4] = 'Khá';
  expect(rank(book, 't5').slice(rows.length)).toEqual([
    ['t5', 1, 'NV2', 'STP', '1.2', 'Đạt', 'Khá'],
  ]);
});

test('text compares after NFC and trimming; a number typed as text is a change', () => {
  const book = bookOf(panelSpec());
  const first = rank(book, 't1').length;
  book['Chấm điểm'][3][4] = ' Kha\u0301 '; // "Khá" in NFD, with spaces
  expect(rank(book, 't2')).toHaveLength(first);
  book['Chấm điểm'][4][4] = '75';
  expect(rank(book, 't3').slice(first)).toEqual([['t3', 1, 'NV2', 'STP', '1.3', 75, '75']]);
});

test('round 2 cells have their own history', () => {
  const book = bookOf(panelSpec());
  const first = rank(book, 't1').length;
  book['Chấm điểm vòng 2'] = [
    ['Mã tiêu chí', 'STP'],
    ['1.2', 'Khá'],
  ];
  expect(rank(book, 't2').slice(first)).toEqual([['t2', 2, null, 'STP', '1.2', null, 'Khá']]);
});

test('columns of an older history are found by their headers', () => {
  const previous: CellValue[][] = [
    ['Mã tiêu chí', 'Mã đơn vị', 'Người chấm', 'Vòng', 'Điểm mới', 'Thời điểm', 'Điểm cũ'],
    ['1.1', 'STP', 'NV1', 1, 'x', 't0', null],
  ];
  const spec = panelSpec();
  spec.units[0].appraisals = [{ appraiser: 'NV1', scores: { '1.1': 'x' } }];
  spec.units[1].appraisals = [];
  const history = renderHistory(spec, previous, 't1');
  expect(history?.rows).toEqual([HEADER, previous[1]]);
});

test('a campaign without appraisal and without a history gets no history sheet', () => {
  const spec = panelSpec();
  for (const u of spec.units) delete u.appraisals;
  expect(renderHistory(spec, undefined, 't')).toBeUndefined();
  // An existing history is kept (and says the cells were cleared).
  const kept = renderHistory(spec, [HEADER, ['t0', 1, null, 'STP', '1.1', null, 'x']], 't1');
  expect(kept?.rows).toEqual([
    HEADER,
    ['t0', 1, null, 'STP', '1.1', null, 'x'],
    ['t1', 1, null, 'STP', '1.1', 'x', null],
  ]);
});

test('a single-appraiser example: a record row per appraised unit, no change rows', () => {
  const book = bookOf(anGiang2018);
  expect(rank(book, 't1')).toEqual([HEADER]);
  const appraisedUnits = anGiang2018.units.filter((u) =>
    Object.values(u.appraised ?? {}).some((v) => v !== null && v !== ''),
  ).length;
  expect(book[SNAPSHOT]).toHaveLength(1 + appraisedUnits);
  expect(rank(book, 't2')).toEqual([HEADER]);
});

test('a record split over cells past 30,000 characters reads back whole', () => {
  const spec = panelSpec();
  const long = 'Đạt '.repeat(9000);
  spec.units[0].appraisals = [{ appraiser: 'NV1', scores: { '1.1': long } }];
  const record = renderSnapshot(spec)?.rows ?? [];
  const row = record.find((r) => r[2] === spec.units[0].id && r[1] === 'NV1') ?? [];
  expect(row.length).toBeGreaterThan(4);
  const history = renderHistory(spec, [HEADER], 't', record);
  expect(history?.rows).toEqual([HEADER]);
});

test('an edited record: its cells count as unseen, the others still compare', () => {
  const book = bookOf(panelSpec());
  rank(book, 't1');
  book[SNAPSHOT][1][3] = '{không phải JSON';
  book['Chấm điểm'][4][7] = 70; // NV3 on SNV, 1.3: 80 → 70
  const rows = rank(book, 't2');
  expect(rows.slice(1).map((r) => r.slice(2, 5))).toContainEqual(['NV3', 'SNV', '1.3']);
});

test('every appraised cell cleared after the first run: each is a change to blank', () => {
  const spec = panelSpec();
  const record = renderSnapshot(spec)?.rows ?? [];
  const first = renderHistory(spec, undefined, 't1', record)?.rows ?? [];
  expect(first).toEqual([HEADER]);
  for (const u of spec.units) delete u.appraisals;
  const rows = renderHistory(spec, first, 't2', record)?.rows ?? [];
  expect(rows.length).toBeGreaterThan(1);
  expect(rows.slice(1).every((r) => r[0] === 't2' && r[6] === null)).toBe(true);
});

test('a record split over cells never cuts a character past U+FFFF in two', () => {
  const spec = panelSpec();
  // {"1.1":"…  — 8 characters before the text, so the cut at 30,000 falls inside a "😀".
  const long = 'x'.repeat(30_000 - 8 - 1) + '😀'.repeat(10);
  spec.units[0].appraisals = [{ appraiser: 'NV1', scores: { '1.1': long } }];
  const record = renderSnapshot(spec)?.rows ?? [];
  const row = record.find((r) => r[2] === spec.units[0].id && r[1] === 'NV1') ?? [];
  const parts = row.slice(3).map(String);
  expect(parts.length).toBeGreaterThan(1);
  const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  for (const part of parts) expect(lone.test(part)).toBe(false);
  expect(JSON.parse(parts.join(''))).toEqual({ '1.1': long });
});

test('the record is valid JSON holding each cell as typed, whatever the text', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(
          fc.string({ unit: 'grapheme', minLength: 1 }),
          fc.constantFrom('"quoted"', 'back\\slash', 'line\nbreak', '__proto__', 'x'),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.integer(),
          fc.boolean(),
        ),
        { minLength: 1, maxLength: 6 },
      ),
      (values) => {
        const grid = {
          codes: values.map((_, i) => `C${i}`),
          units: ['DV1'],
          cols: [1],
          rows: values.map((v) => [null, v]),
        };
        const block = renderSnapshot({ criteria: [], scoreGrids: { appraised: grid } } as never);
        const kept = values.map((v, i): [string, CellValue] => [`C${i}`, v]);
        const parsed = JSON.parse(String(block?.rows[1][3])) as Record<string, CellValue>;
        expect(Object.entries(parsed)).toEqual(
          kept.map(([code, v]) => [code, Object.is(v, -0) ? 0 : v]),
        );
      },
    ),
    { numRuns: 300 },
  );
});

test('a check (outputs: false) makes no output sheet and evaluates the same', () => {
  const book = bookOf(panelSpec());
  const full = runCampaign({ sheets: book, time: 't' });
  const check = runCampaign({ sheets: book, time: 't', outputs: false });
  if (!full.ok || !check.ok) throw new Error('invalid');
  expect(full.outputs.length).toBeGreaterThan(0);
  expect(check.outputs).toEqual([]);
  expect(check.evaluation.units).toEqual(full.evaluation.units);
  expect(check.warnings).toEqual(full.warnings);
});
