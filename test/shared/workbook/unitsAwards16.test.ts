/**
 * Issue 16, units and awards (the core, from sheets): the council's exclusion of a unit ("Không
 * xét khen thưởng" in "Đơn vị"), runners-up given per block like quotas, and the layout of the
 * sections of "Cấu hình" (every section a title row then a header row; key/value sections
 * headed "Mục | Giá trị"; the old layout without those headers still read; an unknown key
 * reported at the key's cell in every section).
 */
import { anGiang2018 } from '../../../examples/an-giang-2018';
import { evaluateCampaign } from '../../../shared/evaluate';
import { vi } from '../../../shared/i18n/vi';
import { formatIssue } from '../../../shared/model/issues';
import type { CampaignSpec, CellValue } from '../../../shared/model/types';
import { inputSheets } from '../../../shared/workbook/inputs';
import { parseWorkbook } from '../../../shared/workbook/parse';
import { runCampaign } from '../../../shared/workbook/run';
import { setupSheets } from '../../../shared/workbook/setup';

const W = vi.workbook;
const S = W.sheets;
const H = W.headers;

type Sheets = Record<string, CellValue[][]>;

function sheetsOf(spec: CampaignSpec): Sheets {
  return Object.fromEntries(inputSheets(spec).map((b) => [b.name, b.rows.map((r) => [...r])]));
}

function errorsOf(s: Sheets): string[] {
  const parsed = parseWorkbook(s);
  const errors = parsed.issues.filter((i) => i.severity === 'error').map(formatIssue);
  if (!parsed.spec || errors.length) return errors;
  const e = evaluateCampaign(parsed.spec);
  return e.ok ? [] : e.errors.map(formatIssue);
}

function ranked(s: Sheets): Extract<ReturnType<typeof runCampaign>, { ok: true }> {
  const r = runCampaign({ sheets: s, time: '2026-01-01 08:00:00' });
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r;
}

const rowsOf = (r: ReturnType<typeof ranked>, sheet: string): CellValue[][] =>
  r.outputs.find((b) => b.name === sheet)?.rows ?? [];

/** The settings row of `key` in "Cấu hình" (0-based), or -1. */
const rowOfKey = (config: CellValue[][], key: string): number =>
  config.findIndex((row) => row[0] === key);

/** "Cấu hình" as workbooks saved before issue 16 have it: no "Mục | Giá trị" header rows. */
function oldLayout(config: CellValue[][]): CellValue[][] {
  return config.filter((row) => !(row[0] === H.settingKey && row[1] === H.settingValue));
}

// ---------------------------------------------------------------------------------------------

describe('"Không xét khen thưởng" in "Đơn vị": the council does not consider a unit', () => {
  const base = ranked(sheetsOf(anGiang2018));
  // the best unit of the first block, proposed for the award without the exclusion
  const first = base.evaluation.awards?.allocation.proposals[0];
  if (!first) throw new Error('the example proposes');
  const id = first.unit;
  const unit = anGiang2018.units.find((u) => u.id === id);
  if (!unit) throw new Error('unit');
  const reason = 'Đang bị thanh tra công vụ';

  function withExclusion(): Sheets {
    const s = sheetsOf(anGiang2018);
    const units = s[S.units];
    units[0].push(H.councilExclusion);
    const r = units.findIndex((row) => row[0] === id);
    units[r][units[0].length - 1] = reason;
    return s;
  }

  const after = ranked(withExclusion());

  test('reads the column as the reason, not as a measure', () => {
    const spec = parseWorkbook(withExclusion()).spec as CampaignSpec;
    const u = spec.units.find((x) => x.id === id);
    expect(u?.profile?.councilExclusion).toBe(reason);
    expect(u?.profile?.measures).toBeUndefined();
    expect(spec.units.filter((x) => x.profile?.councilExclusion)).toHaveLength(1);
  });

  test('the unit is still scored and ranked as before; only the awards skip it', () => {
    const before = base.evaluation.units.find((u) => u.id === id);
    const now = after.evaluation.units.find((u) => u.id === id);
    expect(now?.printed).toEqual(before?.printed);
    expect(now?.rankInBlock).toBe(before?.rankInBlock);
    const proposed = after.evaluation.awards?.allocation.proposals.map((p) => p.unit) ?? [];
    expect(proposed).not.toContain(id);
    // passDown: the block keeps its number of proposals
    const inBlock = (r: typeof base) =>
      r.evaluation.awards?.allocation.proposals.filter((p) => p.block === first.block).length;
    expect(inBlock(after)).toBe(inBlock(base));
    expect(after.evaluation.awards?.allocation.runnersUp.map((r) => r.unit)).not.toContain(id);
  });

  test('its note in "Kết quả" and its row in "Đề nghị khen thưởng" give the reason', () => {
    const note = `Không xét khen thưởng: Hội đồng không xét: ${reason}`;
    const results = rowsOf(after, S.results);
    const row = results.find((r) => r[2] === unit.name);
    expect(String(row?.[row.length - 1])).toContain(note);
    const proposals = rowsOf(after, S.proposals);
    const excluded = proposals.filter((r) => r[0] === vi.councilExclusion.proposalsLabel);
    expect(excluded).toHaveLength(1);
    expect(excluded[0][1]).toBe(1);
    expect(excluded[0][2]).toBe(unit.id);
    expect(excluded[0][3]).toBe(unit.name);
    expect(excluded[0][excluded[0].length - 1]).toBe(`Hội đồng không xét: ${reason}`);
  });

  test('a blank cell excludes nobody; the writer carries the column and reads back', () => {
    const s = withExclusion();
    const units = s[S.units];
    const col = units[0].indexOf(H.councilExclusion);
    for (const row of units.slice(1)) row[col] = row[0] === id ? '   ' : null;
    expect(ranked(s).evaluation.awards?.allocation.proposals).toEqual(
      base.evaluation.awards?.allocation.proposals,
    );
    const spec = parseWorkbook(withExclusion()).spec as CampaignSpec;
    const written = sheetsOf(spec);
    expect(written[S.units][0]).toContain(H.councilExclusion);
    const back = parseWorkbook(written).spec as CampaignSpec;
    expect(back.units.find((u) => u.id === id)?.profile?.councilExclusion).toBe(reason);
  });
});

// ---------------------------------------------------------------------------------------------

describe('"Số tập thể liền kề mỗi khối": one number or a number per block', () => {
  const withRunnersUp = (value: CellValue): Sheets => {
    const s = sheetsOf(anGiang2018);
    const config = s[S.config];
    config[rowOfKey(config, W.settings.runnersUp)][1] = value;
    return s;
  };
  const runnersUp = (s: Sheets, block: string): string[] =>
    (ranked(s).evaluation.awards?.allocation.runnersUp ?? [])
      .filter((r) => r.block === block)
      .map((r) => r.unit);

  test('"so: 2; huyen: 0" gives each block what that number for every block gives it', () => {
    const per = withRunnersUp('so: 2; huyen: 0');
    expect((parseWorkbook(per).spec as CampaignSpec).awards?.runnersUpPerBlock).toEqual({
      so: 2,
      huyen: 0,
    });
    const so = runnersUp(per, 'so');
    expect(so).toHaveLength(2);
    expect(so).toEqual(runnersUp(withRunnersUp(2), 'so'));
    expect(runnersUp(per, 'huyen')).toEqual([]);
    // a block left out has none
    expect(runnersUp(withRunnersUp('huyen: 1'), 'so')).toEqual([]);
    expect(runnersUp(withRunnersUp('huyen: 1'), 'huyen')).toEqual(
      runnersUp(withRunnersUp(1), 'huyen'),
    );
  });

  test('an unknown block or a part that does not read is an error at the setting cell', () => {
    const s = withRunnersUp('so: 2; xa: 1');
    const r = rowOfKey(s[S.config], W.settings.runnersUp) + 1;
    expect(errorsOf(s)).toEqual([
      `Trang tính 'Cấu hình', ô B${r}: Số tập thể liền kề nêu khối "xa" không có trong danh sách khối.`,
    ]);
    expect(errorsOf(withRunnersUp('so: hai'))).toEqual([
      `Trang tính 'Cấu hình', ô B${r}: Giá trị "so: hai" phải là một số.`,
    ]);
    expect(errorsOf(withRunnersUp(1.5))).toEqual([
      `Trang tính 'Cấu hình', ô B${r}: Giá trị "1.5" phải là số nguyên không âm.`,
    ]);
  });

  test('written back as typed: a number, or "so: 2; huyen: 0"', () => {
    const spec = {
      ...anGiang2018,
      awards: { ...anGiang2018.awards!, runnersUpPerBlock: { so: 2, huyen: 0 } },
    };
    const config = setupSheets(spec).find((b) => b.name === S.config)?.rows ?? [];
    expect(config[rowOfKey(config, W.settings.runnersUp)][1]).toBe('so: 2; huyen: 0');
  });
});

// ---------------------------------------------------------------------------------------------

describe('"Cấu hình": one layout for every section', () => {
  const titles = new Set<string>(Object.values(W.sections));

  test('every section written is a title row, then a header row; key/value ones "Mục | Giá trị"', () => {
    const config = setupSheets(anGiang2018).find((b) => b.name === S.config)?.rows ?? [];
    const at = config
      .map((row, r) => [row, r] as const)
      .filter(([row]) => titles.has(String(row[0])));
    expect(at.map(([row]) => row[0])).toEqual([
      W.sections.settings,
      W.sections.components,
      W.sections.blocks,
      W.sections.awards,
      W.sections.gates,
    ]);
    const headerOf = (title: string): CellValue[] => {
      const r = config.findIndex((row) => row[0] === title);
      return config[r + 1];
    };
    expect(headerOf(W.sections.settings)).toEqual([H.settingKey, H.settingValue]);
    expect(headerOf(W.sections.gates)).toEqual([H.settingKey, H.settingValue]);
    expect(headerOf(W.sections.blocks)).toEqual([H.code, H.name, H.bands]);
    expect(headerOf(W.sections.awards)).toEqual([H.code, H.name, H.quota, H.cap, H.awardGates]);
  });

  test('the old layout (no "Mục | Giá trị" rows) and the new one read as the same campaign', () => {
    const now = sheetsOf(anGiang2018);
    const old = { ...now, [S.config]: oldLayout(now[S.config]) };
    expect(old[S.config].length).toBe(now[S.config].length - 2);
    const strip = (spec: CampaignSpec | undefined) => {
      // cell references differ (rows moved by the header rows); the campaign must not
      return JSON.parse(
        JSON.stringify(spec, (k, v) => (k === 'source' || k === 'settingCells' ? undefined : v)),
      );
    };
    const a = parseWorkbook(now);
    const b = parseWorkbook(old);
    expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(b.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(strip(a.spec)).toEqual(strip(b.spec));
    expect(a.spec?.awards?.gates).toEqual(anGiang2018.awards?.gates);
    expect(ranked(old).outputs.find((o) => o.name === S.proposals)?.rows).toEqual(
      ranked(now).outputs.find((o) => o.name === S.proposals)?.rows,
    );
  });

  test.each([
    ['new', (c: CellValue[][]) => c],
    ['old', oldLayout],
  ])(
    'an unknown key is reported at its own cell (column A) in every section (%s layout)',
    (_name, layout) => {
      const s = sheetsOf(anGiang2018);
      const config = layout(s[S.config]);
      s[S.config] = config;
      // one in the main block (before any title), one in THIẾT LẬP, one in ĐIỀU KIỆN XÉT KHEN
      config.unshift(['Làm tròn điểm', 'Có']);
      const settings = config.findIndex((row) => row[0] === W.settings.year);
      config.splice(settings + 1, 0, ['Điểm sàn', 5]);
      const gates = config.findIndex((row) => row[0] === W.gates.registration);
      config.splice(gates + 1, 0, ['Hạn nộp báo cáo', '2018-04-01']);
      const row = (key: string): number => config.findIndex((r) => r[0] === key) + 1;
      expect(errorsOf(s)).toEqual([
        `Trang tính 'Cấu hình', ô A1: Không hiểu thiết lập "Làm tròn điểm".`,
        `Trang tính 'Cấu hình', ô A${row('Điểm sàn')}: Không hiểu thiết lập "Điểm sàn".`,
        `Trang tính 'Cấu hình', ô A${row('Hạn nộp báo cáo')}: Không hiểu thiết lập "Hạn nộp báo cáo".`,
      ]);
    },
  );

  test('a gate value that does not read stays at its value cell (column B)', () => {
    const s = sheetsOf(anGiang2018);
    const config = s[S.config];
    const r = config.findIndex((row) => row[0] === W.gates.registration);
    config[r][1] = 'cuối tháng';
    expect(errorsOf(s)).toEqual([
      `Trang tính 'Cấu hình', ô B${r + 1}: Không hiểu điều kiện "Hạn đăng ký: cuối tháng".`,
    ]);
  });
});
