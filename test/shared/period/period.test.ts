/**
 * The period campaign (issue 17): a hand-computed ranking over three small yearly "Kết quả"
 * grids — a unit missing a year, a tie on the printed mean, a renamed unit that appears only in
 * the last year, a mean that lands on a half (80.005 → 80.01, exact in µp), a unit that changed
 * block — the period awards and their gates, the errors of bad yearly sheets, and the property
 * that the order of the yearly files never matters.
 */
import fc from 'fast-check';
import { formatIssue, vi } from '../../../shared';
import type { CellValue } from '../../../shared/model/types';
import { rankPeriod, type PeriodSettings, type PeriodUnit } from '../../../shared/period/period';
import type { YearSheet } from '../../../shared/period/read';
import { renderPeriod } from '../../../shared/period/render';

const R = vi.report;
const XS = 'Xuất sắc';

type Row = [code: string, name: string, index: number | string | null, band: string];

/** A yearly "Kết quả" as `rank` writes it: title, header, units, blank row, per block; summary. */
function yearGrid(year: number, blocks: [string, Row[]][]): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const [block, units] of blocks) {
    if (rows.length) rows.push([]);
    rows.push([`KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${year} — ${block}`]);
    rows.push([R.stt, 'Mã đơn vị', R.unitName, R.total, R.index, R.rank, R.classification, R.note]);
    units.forEach(([code, name, index, band], i) =>
      rows.push([i + 1, code, name, index, index, i + 1, band, '']),
    );
  }
  rows.push([]);
  rows.push([`CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${year} THEO KHỐI THI ĐUA`]);
  rows.push([R.stt, 'Mã khối', R.block, R.highest, R.average, R.lowest, R.unitCount]);
  rows.push([1, 'S', 'Khối sở', 99, 90, 70, 5]);
  return rows;
}

const SO = 'KHỐI SỞ, BAN, NGÀNH';
const HUYEN = 'KHỐI HUYỆN';

const Y2021 = yearGrid(2021, [
  [
    SO,
    [
      ['A', 'Sở A', 90, XS],
      ['B', 'Sở B', 88, 'Tốt'],
      ['C', 'Sở C', 95, XS],
      ['E', 'Sở E', 70, 'Khá'],
      ['G', 'Sở G (cũ)', 85, 'Tốt'],
    ],
  ],
]);
const Y2022 = yearGrid(2022, [
  [
    SO,
    [
      ['A', 'Sở A', 92.5, XS],
      // B has no row in 2022
      ['C', 'Sở C', 80, 'Tốt'],
      ['E', 'Sở E', vi.labels.noIndex, ''],
      ['G', 'Sở G (cũ)', 86, 'Tốt'],
    ],
  ],
  [HUYEN, [['F', 'Huyện F', 80, 'Tốt']]],
]);
const Y2023 = yearGrid(2023, [
  [
    SO,
    [
      ['A', 'Sở A', 91, XS],
      ['B', 'Sở B', 94.34, XS],
      ['C', 'Sở C', 85, 'Tốt'],
      // D: two units merged into a new one, only in the last year
      ['D', 'Sở D (hợp nhất)', 99, XS],
      ['E', 'Sở E', 75, 'Khá'],
    ],
  ],
  [
    HUYEN,
    [
      ['F', 'Huyện F', 80.01, 'Tốt'],
      // G moved to the district block in 2023 under a new name
      ['G', 'Huyện G', 87, 'Tốt'],
    ],
  ],
]);

const sheets: YearSheet[] = [
  { file: '2021.xlsx', grid: Y2021 },
  { file: '2022.xlsx', grid: Y2022 },
  { file: '2023.xlsx', grid: Y2023 },
];

const settings: Partial<PeriodSettings> = {
  minYears: 2,
  awards: [
    { name: 'Bằng khen', quota: 1, minExcellentYears: 2 },
    { name: 'Giấy khen', quota: 1, everyYear: true },
  ],
};

function ranked(input = sheets, s = settings) {
  const out = rankPeriod(input, s);
  if (!out.ok) throw new Error(out.issues.map(formatIssue).join('\n'));
  return out.result;
}

const brief = (u: PeriodUnit) => [u.code, u.mean === null ? null : u.mean / 1e6, u.rank, u.tied];

describe('the period ranking, computed by hand', () => {
  const result = ranked();

  test('years and blocks: the last year names the block and the unit', () => {
    expect(result.years).toEqual([2021, 2022, 2023]);
    expect(result.span).toBe('2021–2023');
    expect(result.blocks.map((b) => b.name)).toEqual([SO, HUYEN]);
    const g = result.blocks[1].units.find((u) => u.code === 'G');
    expect(g?.name).toBe('Huyện G');
  });

  test('block SỞ: means of the printed indices over the years present, a tie, D unranked', () => {
    // A (90 + 92.5 + 91) / 3 = 91.1666… → 91.17; B (88 + 94.34) / 2 = 91.17 → tied with A;
    // C (95 + 80 + 85) / 3 = 86.666… → 86.67; E (70 + 75) / 2 = 72.5 (2022 had no index);
    // D has one year, fewer than the minimum 2: listed last, not ranked.
    expect(result.blocks[0].units.map(brief)).toEqual([
      ['A', 91.17, 1, true],
      ['B', 91.17, 1, true],
      ['C', 86.67, 3, false],
      ['E', 72.5, 4, false],
      ['D', null, null, false],
    ]);
    const d = result.blocks[0].units[4];
    expect(d.notes[0]).toBe('Có chỉ số 1/3 năm, cần ít nhất 2 năm: không xếp hạng');
    expect(d.indices).toEqual([undefined, undefined, 99_000_000]);
    const e = result.blocks[0].units[3];
    expect(e.years).toBe(2);
    expect(e.indices).toEqual([70_000_000, null, 75_000_000]);
  });

  test('block HUYỆN: 80.005 rounds half away from zero to 80.01 (exact, not a float mean)', () => {
    expect(result.blocks[1].units.map(brief)).toEqual([
      ['G', 86, 1, false],
      ['F', 80.01, 2, false],
    ]);
  });

  test('awards: gates and quotas per block, in precedence order', () => {
    expect(result.proposals.map((p) => [p.award, p.block, p.unit.code])).toEqual([
      // A and B tie on rank 1, but B was "Xuất sắc" one year only: A alone passes the gate
      ['Bằng khen', SO, 'A'],
      // then B is not present every year (2022), C is
      ['Giấy khen', SO, 'C'],
      // G was registered every year (in another block before 2023)
      ['Giấy khen', HUYEN, 'G'],
    ]);
    const b = result.blocks[0].units[1];
    expect(b.notes).toEqual([
      'Đồng hạng',
      'Không xét Bằng khen: Xuất sắc 1 năm, cần 2 năm',
      'Không xét Giấy khen: không có mặt năm 2022',
    ]);
    expect(result.blocks[0].units[0].excellentYears).toBe(3);
  });

  test('tied units straddling the last place: none chosen, the note says so', () => {
    const r = ranked(sheets, { minYears: 2, awards: [{ name: 'Cờ thi đua', quota: 1 }] });
    expect(r.proposals.filter((p) => p.block === SO)).toEqual([]);
    expect(r.blocks[0].units[0].notes).toContain(
      'Không xét Cờ thi đua: đồng hạng 1 với đơn vị khác tại chỉ tiêu (còn 1 suất), Hội đồng xem xét',
    );
  });

  test('a "Kèm theo" line under each title and extra columns (last year\'s) change nothing', () => {
    const withSubtitle = (grid: CellValue[][]): CellValue[][] =>
      grid.flatMap((r) => {
        const t = r[0];
        if (typeof t === 'string' && t.startsWith('KẾT QUẢ')) {
          return [r, ['Kèm theo Quyết định số 12/QĐ-UBND ngày 20/01/2020 năm 2020']];
        }
        // a column inserted before the index, as last year's change columns would be
        if (r[1] === 'Mã đơn vị') return [[...r.slice(0, 4), 'Chỉ số năm trước', ...r.slice(4)]];
        if (typeof r[0] === 'number' && typeof r[1] === 'string' && r.length === 8) {
          return [[...r.slice(0, 4), 12.34, ...r.slice(4)]];
        }
        return [r];
      });
    const r = ranked(sheets.map((y) => ({ ...y, grid: withSubtitle(y.grid as CellValue[][]) })));
    expect(renderPeriod(r)).toEqual(renderPeriod(result));
  });

  test('the band label is a setting ("A" for the national bands)', () => {
    const r = ranked(sheets, { excellentLabels: ['Tốt'] });
    expect(r.blocks[0].units.find((u) => u.code === 'C')?.excellentYears).toBe(2);
  });

  test('"Kết quả giai đoạn": titled tables per block, each year beside the mean', () => {
    const [sheet, proposals] = renderPeriod(result);
    expect(sheet.name).toBe('Kết quả giai đoạn');
    expect(proposals.name).toBe('Đề nghị khen thưởng giai đoạn');
    expect(sheet.rows[0]).toEqual([
      'KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN 2021–2023 — KHỐI SỞ, BAN, NGÀNH',
    ]);
    expect(sheet.rows[1]).toEqual([
      'STT',
      'Mã đơn vị',
      'Tên đơn vị',
      'Chỉ số 2021',
      'Xếp loại 2021',
      'Chỉ số 2022',
      'Xếp loại 2022',
      'Chỉ số 2023',
      'Xếp loại 2023',
      'Số năm có chỉ số',
      'Chỉ số bình quân (%)',
      'Xếp hạng',
      'Số năm Xuất sắc',
      'Ghi chú',
    ]);
    expect(sheet.rows[3].slice(0, 13)).toEqual([
      2,
      'B',
      'Sở B',
      88,
      'Tốt',
      null,
      null,
      94.34,
      XS,
      2,
      91.17,
      1,
      1,
    ]);
    expect(sheet.report?.tables.map((t) => t.title)).toEqual([0, 8]);
    expect(sheet.formats[2][10]).toBe('0.00');
  });
});

describe('bad yearly sheets: refused, each error at its file, sheet and cell', () => {
  const messages = (input: YearSheet[]): string[] => {
    const out = rankPeriod(input);
    if (out.ok) throw new Error('accepted');
    return out.issues.map(formatIssue);
  };

  test('a year given twice', () => {
    expect(messages([...sheets, { file: 'ban-sao-2022.xlsx', grid: Y2022 }])).toEqual([
      'Tệp ban-sao-2022.xlsx: Năm 2022 có hai bảng kết quả: 2022.xlsx và ban-sao-2022.xlsx. Mỗi năm chỉ một tệp.',
    ]);
  });

  test('no header row', () => {
    expect(messages([{ file: 'x.xlsx', grid: [['Bảng gì đó'], [1, 2]] }])).toEqual([
      "Tệp x.xlsx, trang tính 'Kết quả', ô A1: " + vi.period.errors.noHeader,
    ]);
  });

  test('a duplicate code, a code missing, an index that is not a number', () => {
    const grid = yearGrid(2024, [
      [
        SO,
        [
          ['A', 'Sở A', 90, XS],
          ['', 'Sở ?', 80, 'Tốt'],
          ['a', 'Sở A lặp', 70, 'Khá'],
          ['Q', 'Sở Q', 'chín mươi', ''],
        ],
      ],
    ]);
    expect(messages([{ file: '2024.xlsx', grid }])).toEqual([
      "Tệp 2024.xlsx, trang tính 'Kết quả', ô B4: Dòng có số liệu nhưng thiếu mã đơn vị.",
      `Tệp 2024.xlsx, trang tính 'Kết quả', ô B5: Mã đơn vị "a" trùng với dòng 3 trong cùng năm 2024.`,
      `Tệp 2024.xlsx, trang tính 'Kết quả', ô E6: Chỉ số "chín mươi" không phải là số.`,
    ]);
  });

  test('a header row missing one of the five columns', () => {
    const grid = Y2021.map((r) => r.map((v) => (v === R.classification ? 'Loại' : v)));
    expect(messages([{ file: '2021.xlsx', grid }])).toEqual([
      "Tệp 2021.xlsx, trang tính 'Kết quả', ô A2: " + 'Hàng tiêu đề thiếu cột "Xếp loại".',
    ]);
  });

  test('no year in the titles nor the file name; the file name gives it otherwise', () => {
    const grid = Y2021.map((r) =>
      r.map((v) => (typeof v === 'string' ? v.replace('NĂM 2021', '') : v)),
    );
    expect(messages([{ file: 'ket-qua.xlsx', grid }])).toEqual([
      "Tệp ket-qua.xlsx, trang tính 'Kết quả', ô A1: " + vi.period.errors.noYear,
    ]);
    const out = rankPeriod([{ file: 'ket-qua-2019.xlsx', grid }]);
    expect(out.ok && out.result.years).toEqual([2019]);
  });
});

describe('properties', () => {
  const codes = ['A', 'B', 'C', 'D', 'E', 'F'];
  const bands = [XS, 'Tốt', 'Khá'];
  const yearArb = fc.record({
    rows: fc.uniqueArray(
      fc.record({
        code: fc.constantFrom(...codes),
        block: fc.constantFrom(SO, HUYEN),
        index: fc.option(
          fc.integer({ min: 5000, max: 10000 }).map((n) => n / 100),
          { nil: null },
        ),
        band: fc.constantFrom(...bands),
      }),
      { selector: (r) => r.code, minLength: 1, maxLength: codes.length },
    ),
  });

  test('reordering the yearly files does not change the period result', () => {
    fc.assert(
      fc.property(
        fc.array(yearArb, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 3 }),
        fc.context(),
        (years, minYears, _ctx) => {
          const input: YearSheet[] = years.map((y, i) => ({
            file: `${2021 + i}.xlsx`,
            grid: yearGrid(
              2021 + i,
              [SO, HUYEN].map((b): [string, Row[]] => [
                b,
                y.rows
                  .filter((r) => r.block === b)
                  .map((r) => [r.code, `Đơn vị ${r.code}`, r.index, r.band]),
              ]),
            ),
          }));
          const s = {
            minYears,
            awards: [
              { name: 'K1', quota: 1, minExcellentYears: 1 },
              { name: 'K2', quota: 2, everyYear: true },
            ],
          };
          const expected = renderPeriod(ranked(input, s));
          const reversed = renderPeriod(ranked([...input].reverse(), s));
          const rotated = renderPeriod(ranked([...input.slice(1), input[0]], s));
          expect(reversed).toEqual(expected);
          expect(rotated).toEqual(expected);
        },
      ),
    );
  });
});
