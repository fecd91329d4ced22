/**
 * Issue 15, the Sheets host: output blocks carrying a report layout (OutputBlock.report) get the
 * report font, merged centred titles, italic subtitles, bold centred wrapped headers, bordered
 * tables and column alignment, in a number of service calls that does not depend on the units
 * (and grows by one mergeAcross per table); a re-rank breaks the old merges apart and leaves no
 * old format. Apps Script has no page set-up: that is in docs/sheets.md.
 * runCampaign is wrapped here so that tests can put hand-built blocks in the place of "Kết quả"
 * (test/hosts/reportLayout.ts); the other outputs are the run's own.
 */
import { generateCampaign } from '../../bench/generate';
import { anGiang2018 } from '../../examples/an-giang-2018';
import { rankSpreadsheet, type SheetsEnv } from '../../gas/sheetsHost';
import { vi } from '../../shared/i18n/vi';
import type { OutputBlock } from '../../shared/workbook/output';
import { INPUT_SHEETS } from '../../shared/workbook/run';
import { handBuilt, handBuiltRun, withReport } from '../hosts/reportLayout';
import { bookOf, envOf as envAt } from './campaignBook';
import { FakeSpreadsheet, type FakeGSheet } from './fakeSheets';

let mockOutputs: (outputs: OutputBlock[]) => OutputBlock[] = (o) => o.map(withReport);

jest.mock('../../shared/workbook/run', () => {
  const actual = jest.requireActual('../../shared/workbook/run');
  return {
    ...actual,
    runCampaign: (input: unknown) => {
      const result = actual.runCampaign(input);
      return result.ok ? { ...result, outputs: mockOutputs(result.outputs) } : result;
    },
  };
});

const S = vi.workbook.sheets;
const NOW = new Date(2026, 10, 25, 9, 30, 0);

const envOf = (book: FakeSpreadsheet): SheetsEnv => envAt(book, NOW);

const SOLID = '#000000 SOLID';

function bordered(sheet: FakeGSheet): Set<string> {
  const out = new Set<string>();
  for (const [key, f] of sheet.cells)
    if (f.borders && Object.keys(f.borders).length > 0) out.add(key);
  return out;
}

const colLetter = (c: number): string => String.fromCharCode(65 + c);

function expectedBorders(block: OutputBlock): Set<string> {
  const out = new Set<string>();
  for (const t of block.report?.tables ?? [])
    for (let r = t.header; r < t.firstRow + t.rows; r++)
      for (let c = t.col; c < t.col + t.cols; c++) out.add(`${colLetter(c)}${r + 1}`);
  return out;
}

/** The merges a block's titles and subtitles make: each row across its table. */
const expectedMerges = (block: OutputBlock): string[] =>
  (block.report?.tables ?? []).flatMap((t) => [
    `A${t.title + 1}:E${t.title + 1}`,
    `A${t.title + 2}:E${t.title + 2}`,
  ]);

afterEach(() => {
  mockOutputs = (o) => o.map(withReport);
});

describe('the published tables', () => {
  it('formats titles, headers, borders and columns; inputs untouched', () => {
    mockOutputs = handBuiltRun([6, 3]);
    const block = handBuilt([6, 3]);
    const book = bookOf(anGiang2018);
    expect(rankSpreadsheet(envOf(book)).ok).toBe(true);
    const sheet = book.sheet(S.results) as FakeGSheet;
    for (let r = 0; r < block.rows.length; r++)
      for (let c = 0; c < 5; c++)
        expect(sheet.format(r, c)).toMatchObject({ fontFamily: 'Times New Roman', fontSize: 13 });
    expect([...sheet.merges].sort()).toEqual(expectedMerges(block).sort());
    for (const t of block.report?.tables ?? []) {
      const sub = t.subtitle as number;
      expect(sheet.format(t.title, 0)).toMatchObject({ horizontalAlignment: 'center', wrap: true });
      expect(sheet.format(sub, 0)).toMatchObject({ horizontalAlignment: 'center', italic: true });
      for (let c = 0; c < 5; c++)
        expect(sheet.format(t.header, c)).toMatchObject({
          horizontalAlignment: 'center',
          wrap: true,
        });
      expect(sheet.bold.has(`A${t.title + 1}:E${t.title + 1}`)).toBe(true);
      expect(sheet.bold.has(`A${t.header + 1}:E${t.header + 1}`)).toBe(true);
      for (let r = t.header; r < t.firstRow + t.rows; r++)
        for (let c = 0; c < 5; c++)
          expect(sheet.format(r, c).borders).toEqual({
            top: SOLID,
            bottom: SOLID,
            left: SOLID,
            right: SOLID,
          });
      const d = t.firstRow;
      expect(sheet.format(d, 0)).toMatchObject({ horizontalAlignment: 'center', wrap: false });
      expect(sheet.format(d, 1)).toMatchObject({ horizontalAlignment: 'left', wrap: true });
      expect(sheet.format(d, 2)).toMatchObject({ horizontalAlignment: 'right', wrap: false });
      expect(sheet.format(d, 4)).toMatchObject({ horizontalAlignment: 'left', wrap: true });
    }
    expect(bordered(sheet)).toEqual(expectedBorders(block));
    for (const name of INPUT_SHEETS) {
      const input = book.sheet(name);
      if (input) expect({ name, cells: input.cells.size }).toEqual({ name, cells: 0 });
    }
  });
});

describe('service calls', () => {
  it('are the same for 10 and 500 units (4 blocks)', () => {
    const counts = [10, 500].map((units) => {
      const book = bookOf(generateCampaign(units, 20, 5));
      expect(rankSpreadsheet(envOf(book)).ok).toBe(true);
      expect(book.sheet(S.results)?.format(3, 0).borders?.top).toBe(SOLID);
      return book.calls.toJSON();
    });
    // Highlights (a proposal's row, a tie) depend on the data, not on the count: one
    // setBackgrounds per highlighted sheet at most ("Kết quả", "Đề nghị khen thưởng").
    const fills = (c: Record<string, number>): number => c['Range.setBackgrounds'] ?? 0;
    const rest = (c: Record<string, number>): Record<string, number> => {
      const { ['Range.setBackgrounds']: _fills, ...others } = c;
      void _fills;
      return others;
    };
    expect(rest(counts[1])).toEqual(rest(counts[0]));
    for (const c of counts) expect(fills(c)).toBeLessThanOrEqual(2);
    expect(counts[0]['RangeList.setBorder']).toBeGreaterThanOrEqual(1);
  });

  it('grow by one mergeAcross per table from 1 to 6 tables, nothing else', () => {
    const counts = [[8], [8, 8, 8, 8, 8, 8]].map((tables) => {
      mockOutputs = handBuiltRun(tables);
      const book = bookOf(anGiang2018);
      expect(rankSpreadsheet(envOf(book)).ok).toBe(true);
      return book.calls.toJSON();
    });
    const diff = Object.fromEntries(
      Object.keys({ ...counts[0], ...counts[1] })
        .map((k) => [k, (counts[1][k] ?? 0) - (counts[0][k] ?? 0)])
        .filter(([, d]) => d !== 0),
    );
    expect(diff).toEqual({ 'Range.mergeAcross': 5 });
    // The formatting of a block: font (2), alignments and wraps (2), bold, italic and border
    // lists (3 + 3), one mergeAcross per table behind one more list; one breakApart on a re-rank.
    // Two formatted blocks: the hand-built "Kết quả" and the run's "Đề nghị khen thưởng".
    expect(counts[0]['Range.setFontFamily']).toBe(2);
    expect(counts[0]['Range.setHorizontalAlignments']).toBe(2);
    expect(counts[0]['Range.setWraps']).toBe(2);
    // italic subtitles: the hand-built block has them, the run's has none ("Dòng kèm theo" empty)
    expect(counts[0]['RangeList.setFontStyle']).toBe(1);
    expect(counts[0]['RangeList.setBorder']).toBe(2);
  });
});

describe('a re-rank', () => {
  it('with fewer units and blocks breaks the old merges apart and leaves no old format', () => {
    mockOutputs = handBuiltRun([40, 30, 20, 10]);
    const book = bookOf(anGiang2018);
    rankSpreadsheet(envOf(book));
    const sheet = book.sheet(S.results) as FakeGSheet;
    expect(sheet.merges).toHaveLength(8);
    mockOutputs = handBuiltRun([3]);
    expect(rankSpreadsheet(envOf(book)).ok).toBe(true);
    const block = handBuilt([3]);
    expect([...sheet.merges].sort()).toEqual(expectedMerges(block).sort());
    expect(bordered(sheet)).toEqual(expectedBorders(block));
    for (const [key, format] of sheet.cells) {
      const m = /^([A-Z]+)(\d+)$/.exec(key) as RegExpExecArray;
      if (Number(m[2]) > block.rows.length || m[1] > 'E')
        expect({ key, format }).toEqual({ key, format: {} });
    }
    expect(sheet.grid()).toHaveLength(block.rows.length);
  });

  it('that fails writes nothing: the formatted sheet stays as it was', () => {
    mockOutputs = handBuiltRun([5, 5]);
    const book = bookOf(anGiang2018);
    rankSpreadsheet(envOf(book));
    const sheet = book.sheet(S.results) as FakeGSheet;
    const before = JSON.stringify([[...sheet.cells], sheet.merges, sheet.values]);
    book.sheet(S.appraised)?.set(1, 3, 'nhiều');
    book.calls.reset();
    expect(rankSpreadsheet(envOf(book)).ok).toBe(false);
    expect(JSON.stringify([[...sheet.cells], sheet.merges, sheet.values])).toBe(before);
    expect(book.calls.get('Range.breakApart')).toBe(0);
    expect(book.calls.get('SpreadsheetApp.flush')).toBe(0);
  });
});
