/**
 * The template's complete "Cấu hình" (issue 16): every setting and section, defaults visible, a
 * note beside each; the reader ignores the notes and takes an empty gate as not applied.
 */
import { anGiang2018 } from '../../../examples/an-giang-2018';
import { vi } from '../../../shared/i18n/vi';
import { formatIssue } from '../../../shared/model/issues';
import type { CampaignSpec, CellValue } from '../../../shared/model/types';
import { inputSheets } from '../../../shared/workbook/inputs';
import { parseWorkbook } from '../../../shared/workbook/parse';
import { parseConfig } from '../../../shared/workbook/parse/config';
import { starterCampaign, templateSheets } from '../../../shared/workbook/template';
import { planSave } from '../../../shared/workbook/save';
import { isCompleteConfig, setupState } from '../../../shared/workbook/setup';
import { workbookOf } from '../../ui/fixtures';

const S = vi.workbook.sheets;
const G = vi.workbook.gates;

const configOf = (spec: CampaignSpec, complete: boolean): CellValue[][] =>
  inputSheets(spec, { complete })
    .find((b) => b.name === S.config)!
    .rows.map((r) => [...r]);

test('the starter template reads back to the starter setup: awards, runners-up, no gate', () => {
  const spec = starterCampaign(4, 2026);
  const book = Object.fromEntries(templateSheets(spec).map((t) => [t.name, t.rows]));
  const parsed = parseWorkbook(book as never);
  expect(parsed.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
  expect(parsed.spec?.awards?.awards.map((a) => [a.id, a.name, a.quotaPerBlock])).toEqual([
    ['BK', 'Bằng khen của Chủ tịch UBND tỉnh', { so: 1, xa: 1 }],
  ]);
  expect(parsed.spec?.awards?.gates).toEqual([]);
  expect(parsed.spec?.awards?.runnersUpPerBlock).toBe(0);
  expect(parsed.spec?.awards?.unfilled).toBe('passDown');
  expect(parsed.spec?.appraisers).toBeUndefined();
  expect(parsed.spec?.settings?.formsDeadline).toBeUndefined();
  expect(parsed.spec?.settings?.appraisalMaxSpread).toBeUndefined();
});

test('complete or not, "Cấu hình" reads to the same campaign (An Giang: gates, caps, choices)', () => {
  const read = (complete: boolean): unknown => {
    const issues: never[] = [];
    const c = parseConfig(configOf(anGiang2018, complete), issues);
    expect(issues).toEqual([]);
    const strip = (v: unknown): unknown =>
      JSON.parse(JSON.stringify(v, (k, x: unknown) => (k === 'source' ? undefined : x)));
    return strip({ ...c, settingCells: undefined });
  };
  const plain = read(false) as { settings: object; awards: object };
  const complete = read(true) as { settings: object; awards: object };
  // The complete one states the defaults the plain one leaves out; nothing else differs.
  expect(complete).toEqual({
    ...plain,
    settings: {
      ...plain.settings,
      appraisalCombine: 'mean',
      evidencePolicy: 'error',
      reportFont: { name: 'Times New Roman', size: 13 },
      previousMerge: 'mean',
    },
    awards: { ...plain.awards, unfilled: 'passDown' },
  });
});

test('an empty gate is not applied; a typed one is, even among empty ones', () => {
  const rows = configOf(starterCampaign(2, 2026), true);
  const row = (key: string): CellValue[] => rows.find((r) => r[0] === key)!;
  let issues: never[] = [];
  expect(parseConfig(rows, issues).awards?.gates).toEqual([]);
  expect(issues).toEqual([]);
  row(G.minIndex)[1] = 80;
  row(G.classification)[1] = 'Xuất sắc; Tốt';
  issues = [];
  expect(parseConfig(rows, issues).awards?.gates).toEqual([
    { kind: 'classification', allowed: ['Xuất sắc', 'Tốt'] },
    { kind: 'minIndex', min: 80 },
  ]);
  expect(issues).toEqual([]);
});

test('notes beside settings, headers and rows are not read', () => {
  const rows = configOf(starterCampaign(2, 2026), true);
  // A note after a table row too (the template puts them after headers only).
  const award = rows.findIndex((r) => r[0] === 'BK');
  rows[award] = [...rows[award], 'Ghi chú của người dùng'];
  const issues: never[] = [];
  const c = parseConfig(rows, issues);
  expect(issues).toEqual([]);
  expect(c.blocks.map((b) => b.id)).toEqual(['so', 'xa']);
  expect(c.components.map((k) => [k.id, k.max])).toEqual([['sipas', 10]]);
  expect(c.settings.decimals).toBe(2);
});

describe('a save keeps the template’s complete "Cấu hình"', () => {
  const S = vi.workbook.sheets;
  const starter = (): Record<string, CellValue[][]> => {
    const out: Record<string, CellValue[][]> = {};
    for (const t of templateSheets(starterCampaign(3, 2026))) out[t.name] = t.rows as CellValue[][];
    return out;
  };

  test('made by "Tạo mẫu": the notes and the empty gates stay after a save', () => {
    const sheets = starter();
    expect(isCompleteConfig(sheets[S.config])).toBe(true);
    const state = setupState(sheets);
    if (state.kind !== 'ready') throw new Error('the template must load');
    const plan = planSave(sheets, state.setup);
    if (plan.kind !== 'write') throw new Error(`a plain save must write (${plan.kind})`);
    const config = plan.setup.find((b) => b.name === S.config)?.rows ?? [];
    // The same rows as written by "Tạo mẫu": nothing lost, notes included.
    expect(config).toEqual(sheets[S.config]);
  });

  test('a plain "Cấu hình" stays plain', () => {
    const sheets = workbookOf(anGiang2018);
    expect(isCompleteConfig(sheets[S.config])).toBe(false);
    const state = setupState(sheets);
    if (state.kind !== 'ready') throw new Error('the example must load');
    const plan = planSave(sheets, state.setup);
    if (plan.kind === 'errors') throw new Error('the example must save');
    if (plan.kind === 'write')
      expect(plan.setup.find((b) => b.name === S.config)?.rows).toEqual(sheets[S.config]);
  });
});
