/**
 * The Google Sheets host against a counting fake of SpreadsheetApp: service calls that do not
 * grow with units, parity with the CLI (and so with Excel) on every bundled example, the
 * document lock, nothing written on bad input, inputs untouched, text that stays text.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { generateCampaign } from '../../bench/generate';
import { anGiang2018 } from '../../examples/an-giang-2018';
import { runWorkbook } from '../../cli/workbook';
import { readPackage, readSheets } from '../../xlsx';
import {
  createTemplate,
  loadSetup,
  rankSpreadsheet,
  saveSetup,
  selectCell,
  type SheetsEnv,
} from '../../gas/sheetsHost';
import { formatMessage, vi } from '../../shared/i18n/vi';
import type { CampaignSpec } from '../../shared/model/types';
import { inputSheets } from '../../shared/workbook/inputs';
import {
  INPUT_SHEETS,
  OUTPUT_SHEETS,
  runCampaign,
  SHEETS_TO_READ,
} from '../../shared/workbook/run';
import { addChild, removeCriterion } from '../../ui/model/criteria';
import { markOrigins } from '../../ui/model/setup';
import { FakeSpreadsheet, type FakeGSheet } from './fakeSheets';
import { mergeBlocksDown, type MergeableSheet } from '../hosts/mergedBlocks';

const S = vi.workbook.sheets;
const NOW = new Date(2026, 10, 25, 9, 30, 0);
const examplesDir = path.join(__dirname, '../../examples');

function bookOf(spec: CampaignSpec): FakeSpreadsheet {
  return FakeSpreadsheet.fromSheets(
    Object.fromEntries(inputSheets(spec).map((b) => [b.name, b.rows])),
  );
}
function envOf(book: FakeSpreadsheet): SheetsEnv {
  const g = book.globals();
  return {
    app: g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    lock: g.LockService as GoogleAppsScript.Lock.LockService,
    session: g.Session as GoogleAppsScript.Base.Session,
    now: () => NOW,
    formatDate: (d, tz) =>
      (g.Utilities as { formatDate: (d: Date, tz: string, p: string) => string }).formatDate(
        d,
        tz,
        'yyyy-MM-dd',
      ),
  };
}
const snapshot = (book: FakeSpreadsheet, names: readonly string[]): string =>
  JSON.stringify(names.map((n) => book.sheet(n)?.grid() ?? null));

/**
 * The call counts without the highlight fills, checked apart: one call per sheet that has a
 * highlight ("Kết quả" highlights ties and proposals, which a larger campaign is likelier to
 * have), at most one per output sheet whatever the number of cells.
 */
function withoutBackgrounds(calls: Record<string, number>): Record<string, number> {
  const { ['Range.setBackgrounds']: fills = 0, ...rest } = calls;
  expect(fills).toBeLessThanOrEqual(2);
  return rest;
}

describe('service calls', () => {
  it('make the same calls for 10 and 10,000 units: one read per input sheet, one write per block', () => {
    const counts = [10, 10_000].map((units) => {
      const book = bookOf(generateCampaign(units, 40, 7));
      const summary = rankSpreadsheet(envOf(book));
      expect(summary.ok).toBe(true);
      return withoutBackgrounds(book.calls.toJSON());
    });
    expect(counts[1]).toEqual(counts[0]);
    const c = counts[0];
    const present = INPUT_SHEETS.filter((n) =>
      inputSheets(generateCampaign(10, 40, 7)).some((b) => b.name === n),
    );
    expect(c['Range.getValues']).toBe(present.length);
    expect(c['Range.setValues']).toBe(OUTPUT_SHEETS.length - 1); // no awards: no proposals sheet
    expect(c['Range.setNumberFormats']).toBe(c['Range.setValues']);
    expect(c['SpreadsheetApp.flush']).toBe(1);
    expect(c['LockService.getDocumentLock']).toBe(1);
  });

  it('holds the document lock for the run and releases it', () => {
    const book = bookOf(anGiang2018);
    rankSpreadsheet(envOf(book));
    expect(book.lockReleases).toBe(1);
  });

  it('writes nothing while someone else holds the lock, and says so', () => {
    const book = bookOf(anGiang2018);
    book.lockHeld = true;
    const summary = rankSpreadsheet(envOf(book));
    expect(summary.ok).toBe(false);
    if (!summary.ok) expect(summary.errors[0].text).toBe(vi.host.busy);
    expect(book.calls.get('Range.getValues')).toBe(0);
    expect(book.sheet(S.results)).toBeUndefined();
  });
});

describe('parity with the CLI', () => {
  const files = readdirSync(examplesDir).filter((f) => f.endsWith('.xlsx'));

  it.each(files)('%s: the sheets Google Sheets gets equal the ones the CLI writes', (file) => {
    const input = path.join(examplesDir, file);
    const read = readSheets(readPackage(readFileSync(input)), [...INPUT_SHEETS]);
    const book = FakeSpreadsheet.fromSheets(
      Object.fromEntries([...read.values()].map((d) => [d.name, d.rows])),
    );
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'xephang-gas-')), file);
    expect(runWorkbook(input, { write: true, outPath: out, now: NOW }).ok).toBe(true);
    expect(rankSpreadsheet(envOf(book)).ok).toBe(true);
    const written = readSheets(readPackage(readFileSync(out)), [...OUTPUT_SHEETS]);
    for (const [name, data] of written) {
      expect({ name, rows: book.sheet(name)?.grid() }).toEqual({ name, rows: data.rows });
      expect(book.sheet(name)?.formulas.size).toBe(0);
    }
  });
});

describe('what is written', () => {
  it('formats, freezes, bolds and charts the index per block', () => {
    const book = bookOf(anGiang2018);
    rankSpreadsheet(envOf(book));
    const results = book.sheet(S.results);
    // frozen down to the first table's header (title, header)
    expect(results?.frozenRows).toBe(2);
    expect([...(results?.formats.values() ?? [])]).toContain('0.00');
    expect(results?.bold.size).toBeGreaterThan(2);
    expect(results?.charts).toHaveLength(1);
    expect(results?.charts[0]).toMatchObject({ type: 'bar', title: vi.report.chartTitle });
    const top = Number(/\d+/.exec(results?.charts[0].ranges[0] ?? '')?.[0]) - 1;
    expect(results?.get(top, 2)).toBe(vi.report.block);
    expect(book.active).toBe(S.results);
  });

  it('rewrites outputs whole and keeps one chart; the log grows by one row a run', () => {
    const book = bookOf(anGiang2018);
    rankSpreadsheet(envOf(book));
    book.sheet(S.results)?.set(400, 20, 'cũ');
    rankSpreadsheet(envOf(book));
    expect(book.sheet(S.results)?.get(400, 20)).toBe('');
    expect(book.sheet(S.results)?.charts).toHaveLength(1);
    expect(book.sheet(S.log)?.grid()).toHaveLength(3);
  });

  it('never modifies an input sheet', () => {
    const book = bookOf(anGiang2018);
    const before = snapshot(book, INPUT_SHEETS);
    rankSpreadsheet(envOf(book));
    expect(snapshot(book, INPUT_SHEETS)).toBe(before);
  });

  it('keeps names that look like formulas or numbers as text', () => {
    const tricky = ['=IMPORTXML("http://x","//a")', '+84 912', '-Sở', '@Sở', '0012', 'FALSE'];
    const book = bookOf({
      ...anGiang2018,
      units: anGiang2018.units.map((u, i) => (i < tricky.length ? { ...u, name: tricky[i] } : u)),
    });
    rankSpreadsheet(envOf(book));
    const cells = book.sheet(S.results)?.grid().flat() ?? [];
    for (const name of tricky) expect(cells).toContain(name);
    for (const sheet of OUTPUT_SHEETS) expect(book.sheet(sheet)?.formulas.size ?? 0).toBe(0);
  });

  it('reads date cells (Date objects) as dates in the spreadsheet time zone', () => {
    const book = bookOf(anGiang2018);
    const units = book.sheet(S.units);
    if (!units) throw new Error('units sheet');
    const col = units.values[0].indexOf(vi.workbook.headers.registeredOn);
    expect(col).toBeGreaterThan(0);
    const typed = units.values[1][col];
    expect(typed).toBe('2018-03-12');
    // 2018-03-12 in Hồ Chí Minh City starts at 2018-03-11T17:00Z: read in UTC it would be
    // the 11th, and the log's checksum of the input would differ.
    units.values[1][col] = new Date(Date.UTC(2018, 2, 11, 17, 0, 0));
    expect(rankSpreadsheet(envOf(book)).ok).toBe(true);
    const typedBook = bookOf(anGiang2018);
    rankSpreadsheet(envOf(typedBook));
    expect(book.sheet(S.log)?.grid()[1][1]).toBe(typedBook.sheet(S.log)?.grid()[1][1]);
  });
});

describe('highlights', () => {
  it('sets the highlight background on exactly the core\'s cells of "Đối chiếu"', () => {
    const book = bookOf(anGiang2018);
    rankSpreadsheet(envOf(book));
    const core = runCampaign({
      sheets: Object.fromEntries(inputSheets(anGiang2018).map((b) => [b.name, b.rows])),
      time: 'x',
    });
    if (!core.ok) throw new Error('example must rank');
    const highlights = core.outputs.find((o) => o.name === S.reconciliation)?.highlights ?? [];
    expect(highlights.length).toBeGreaterThan(0);
    const cells = new Set<string>();
    for (const [range, color] of book.sheet(S.reconciliation)?.backgrounds ?? []) {
      expect(color).toBe('#FFF4CE');
      const [a, b = a] = range.split(':');
      const row = Number(/\d+/.exec(a)?.[0]);
      for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++)
        cells.add(`${String.fromCharCode(c)}${row}`);
    }
    expect([...cells].sort()).toEqual(
      highlights.map(({ row, col }) => `${String.fromCharCode(65 + col)}${row + 1}`).sort(),
    );
    // One call per highlighted sheet ("Đối chiếu", and "Kết quả" for ties and proposals),
    // whatever the number of cells.
    expect(book.calls.get('Range.setBackgrounds')).toBe(2);
  });
});

describe('bad input', () => {
  it('writes nothing and locates the error', () => {
    const book = bookOf(anGiang2018);
    book.sheet(S.appraised)?.set(1, 3, 'nhiều');
    const before = JSON.stringify(book.sheets.map((s) => [s.name, s.grid()]));
    const summary = rankSpreadsheet(envOf(book));
    expect(summary.ok).toBe(false);
    if (!summary.ok) expect(summary.errors[0]).toMatchObject({ sheet: S.appraised, cell: 'D2' });
    expect(JSON.stringify(book.sheets.map((s) => [s.name, s.grid()]))).toBe(before);
    expect(book.calls.get('Range.setValues')).toBe(0);
    expect(book.flushes).toBe(0);
  });

  it('reads a block merged down over its units in "Đơn vị" (one more call, whatever the units)', () => {
    const plain = bookOf(anGiang2018);
    const book = bookOf(anGiang2018);
    mergeBlocksDown(book.sheet(S.units) as unknown as MergeableSheet);
    const a = rankSpreadsheet(envOf(plain));
    const b = rankSpreadsheet(envOf(book));
    expect(b.ok).toBe(true);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('reports merged cells of a score sheet', () => {
    const book = bookOf(anGiang2018);
    (book.sheet(S.appraised) as { merges: string[] }).merges = ['D2:E2'];
    const summary = rankSpreadsheet(envOf(book));
    expect(summary.ok).toBe(false);
  });
});

describe('sidebar actions', () => {
  it('loads and saves the setup, touching only "Cấu hình" and "Tiêu chí"', () => {
    const book = bookOf(anGiang2018);
    const state = loadSetup(envOf(book));
    if (state.kind !== 'ready') throw new Error('ready expected');
    const others = INPUT_SHEETS.filter((n) => n !== S.config && n !== S.criteria);
    const before = snapshot(book, others);
    const awards = state.setup.awards;
    if (!awards) throw new Error('awards expected');
    expect(
      saveSetup(envOf(book), { ...state.setup, awards: { ...awards, runnersUpPerBlock: 2 } }),
    ).toEqual({
      ok: true,
    });
    const again = loadSetup(envOf(book));
    expect(again.kind === 'ready' && again.setup.awards?.runnersUpPerBlock).toBe(2);
    expect(snapshot(book, others)).toBe(before);
  });

  it('creates the template with real checkboxes, level drop-downs and warning-only protection', () => {
    const book = FakeSpreadsheet.fromSheets({ 'Trang tính1': [] });
    expect(loadSetup(envOf(book))).toEqual({ kind: 'empty' });
    expect(createTemplate(envOf(book), { units: 8, year: 2026 })).toEqual({ ok: true });
    const scores = book.sheet(S.appraised);
    expect(scores?.checkboxes.length).toBeGreaterThan(0);
    expect(
      scores?.validations.some((v) => JSON.stringify(v.rule).includes('requireValueInRange')),
    ).toBe(true);
    expect(book.sheet(S.lists)).toBeDefined();
    expect(scores?.protection?.warningOnly).toBe(true);
    expect(book.sheet(S.criteria)?.formulas.size).toBeGreaterThan(0);
    expect(createTemplate(envOf(book), { units: 8, year: 2026 }).ok).toBe(false);
    // Unticked checkboxes are FALSE: the fresh template ranks.
    expect(rankSpreadsheet(envOf(book)).ok).toBe(true);
  });

  it('writes the preview of the template with one setFormulas per block, whatever the units', () => {
    const callsFor = (units: number): Record<string, number> => {
      const book = FakeSpreadsheet.fromSheets({ 'Trang tính1': [] });
      expect(createTemplate(envOf(book), { units, year: 2026 })).toEqual({ ok: true });
      const preview = book.sheet(S.preview);
      // every unit cell of every row below the header holds a formula
      const rows = preview?.grid().length ?? 0;
      expect(preview?.formulas.size).toBeGreaterThanOrEqual((rows - 1) * units);
      expect(preview?.formulas.get('D3')).toMatch(/^=IF\(LEN\(TRIM\('Chấm điểm'!D3\)\)=0,/);
      return book.calls.toJSON();
    };
    const few = callsFor(4);
    const many = callsFor(40);
    expect(many['Range.setFormulas']).toBe(few['Range.setFormulas']);
    expect(many['Range.setFormula'] ?? 0).toBe(0);
  });

  it('activates the cell of an issue', () => {
    const book = bookOf(anGiang2018);
    selectCell(envOf(book), S.appraised, 'D7');
    expect(book.selected).toEqual({ sheet: S.appraised, address: 'D7' });
  });
});

describe('rewriting a sheet', () => {
  it('drops the old data validations and checkboxes before setting its own', () => {
    const book = FakeSpreadsheet.fromSheets({ 'Trang tính1': [] });
    createTemplate(envOf(book), { units: 6, year: 2026 });
    const config = book.sheet(S.config);
    config?.validations.push({ range: 'B40', rule: { stale: true } });
    const state = loadSetup(envOf(book));
    if (state.kind !== 'ready') throw new Error('ready expected');
    expect(saveSetup(envOf(book), state.setup)).toEqual({ ok: true });
    expect(book.sheet(S.config)?.validations.some((v) => v.range === 'B40')).toBe(false);
  });
});

describe('protected output sheets (issue 19)', () => {
  /** A spreadsheet ranked once by its owner, then edited, with `user` about to rank it. */
  function rankedThenEdited(): FakeSpreadsheet {
    const book = bookOf(anGiang2018);
    expect(rankSpreadsheet(envOf(book)).ok).toBe(true);
    book.sheet(S.appraised)?.set(2, 3, 0);
    book.user = 'staff@so-noi-vu.gov.vn';
    return book;
  }
  const everything = (book: FakeSpreadsheet): string =>
    JSON.stringify(book.sheets.map((s) => [s.name, s.grid(), [...s.formats], s.charts]));

  it.each([
    [
      'the sheet',
      (s: FakeGSheet) =>
        (s.protection = {
          unprotected: [],
          warningOnly: false,
          editors: ['owner@so-noi-vu.gov.vn'],
        }),
    ],
    [
      'a range of it',
      (s: FakeGSheet) =>
        s.rangeProtections.push({
          range: 'A1:B2',
          unprotected: [],
          warningOnly: false,
          editors: ['owner@so-noi-vu.gov.vn'],
        }),
    ],
  ])(
    '%s of a later output protected against the user: nothing written, the sheet named',
    (_, protect) => {
      const book = rankedThenEdited();
      protect(book.sheet(S.log) as FakeGSheet);
      const before = everything(book);
      const summary = rankSpreadsheet(envOf(book));
      expect(summary.ok).toBe(false);
      if (!summary.ok)
        expect(summary.errors).toEqual([
          {
            severity: 'error',
            text: formatMessage(vi.gas.real.protectedOutput, { sheet: S.log }),
            sheet: S.log,
          },
        ]);
      expect(everything(book)).toBe(before);
      expect(book.flushes).toBe(1);
    },
  );

  it('a warning-only protection, or one listing the user or a group of theirs, does not stop it', () => {
    const book = rankedThenEdited();
    book.groups = { 'thi-dua@so-noi-vu.gov.vn': ['staff@so-noi-vu.gov.vn'] };
    const p = (editors: string[], warningOnly = false) => ({
      unprotected: [],
      warningOnly,
      editors,
    });
    (book.sheet(S.results) as FakeGSheet).protection = p(['owner@so-noi-vu.gov.vn'], true);
    (book.sheet(S.proposals) as FakeGSheet).protection = p(['staff@so-noi-vu.gov.vn']);
    (book.sheet(S.log) as FakeGSheet).protection = p(['thi-dua@so-noi-vu.gov.vn']);
    expect(rankSpreadsheet(envOf(book)).ok).toBe(true);
    expect(book.sheet(S.log)?.grid()).toHaveLength(3);
  });

  it('the check costs a few calls per output sheet, the same at 10 and at 1,000 units', () => {
    const counts = [10, 1000].map((units) => {
      const book = bookOf(generateCampaign(units, 40, 7));
      expect(rankSpreadsheet(envOf(book)).ok).toBe(true);
      book.calls.reset();
      expect(rankSpreadsheet(envOf(book)).ok).toBe(true);
      return withoutBackgrounds(book.calls.toJSON());
    });
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0]['Sheet.getProtections']).toBeLessThanOrEqual(2 * OUTPUT_SHEETS.length);
  });
});

describe('saving keeps the score sheets in step with the criteria (issue 21)', () => {
  const codesOf = (book: FakeSpreadsheet, name: string): string[] =>
    (book.sheet(name)?.grid() ?? []).map((r) => String(r[0] ?? ''));
  const loadedSetup = (book: FakeSpreadsheet) => {
    const state = loadSetup(envOf(book));
    if (state.kind !== 'ready') throw new Error('ready expected');
    return markOrigins(structuredClone(state.setup));
  };

  it('a new criterion gets a row in both score sheets, one getValues per sheet read', () => {
    const book = FakeSpreadsheet.fromSheets({ 'Trang tính1': [] });
    createTemplate(envOf(book), { units: 3, year: 2026 });
    const setup = loadedSetup(book);
    addChild(setup, [0]); // 1.7, after 1.6
    book.calls.reset();
    expect(saveSetup(envOf(book), setup)).toEqual({ ok: true });
    // the sheets a run reads that exist, and the preview: one getValues each
    const read = [...SHEETS_TO_READ, S.preview].filter((n) => book.sheet(n)).length;
    expect(book.calls.get('Range.getValues')).toBe(read);
    expect(book.calls.get('Sheet.insertRowsBefore')).toBe(2);
    for (const name of [S.self, S.appraised]) {
      const sheet = book.sheet(name);
      expect(codesOf(book, name)).toEqual([
        'Mã tiêu chí',
        '1',
        '1.1',
        '1.2',
        '1.3',
        '1.4',
        '1.5',
        '1.6',
        '1.7',
        '2',
        '2.1',
        '2.2',
        '2.3',
        '2.4',
        '3',
        '3.1',
        '3.2',
        '3.3',
      ]);
      expect(sheet?.grid()[8]).toEqual(['1.7', vi.ui.criteria.newName, 1]);
      // the new score cells are open to typing like the others
      expect(sheet?.protection?.unprotected).toContain('D9:F9');
      expect(sheet?.protection?.unprotected).toContain('D11:F11'); // 2.1's, moved down one
    }
    expect(codesOf(book, S.preview).slice(0, 8)).toEqual(codesOf(book, S.self).slice(0, 8));
  });

  it('a delete that drops typed scores asks first, writing nothing; confirmed, the rows go', () => {
    const book = bookOf(anGiang2018);
    const setup = loadedSetup(book);
    removeCriterion(setup, [0, 2]); // 1.3
    const before = snapshot(book, [...INPUT_SHEETS]);
    const asked = saveSetup(envOf(book), setup);
    expect('confirm' in asked && asked.confirm.map((q) => q.text)).toEqual([
      'Trang tính "Tự chấm": xoá dòng của tiêu chí 1.3 sẽ mất 15 ô điểm đã nhập.',
      'Trang tính "Chấm điểm": xoá dòng của tiêu chí 1.3 sẽ mất 5 ô điểm đã nhập.',
    ]);
    expect(snapshot(book, [...INPUT_SHEETS])).toBe(before);
    expect(saveSetup(envOf(book), setup, { confirmed: true })).toEqual({ ok: true });
    for (const name of [S.self, S.appraised]) expect(codesOf(book, name)).not.toContain('1.3');
    expect(book.calls.get('Sheet.deleteRows')).toBe(2);
  });
});
