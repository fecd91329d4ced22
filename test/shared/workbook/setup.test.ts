/** The setup the task pane edits: written to "Cấu hình"/"Tiêu chí", read back, checked, sent. */
import { anGiang2018 } from '../../../examples/an-giang-2018';
import { currentShape2025 } from '../../../examples/current-shape';
import { ninhThuan2020 } from '../../../examples/ninh-thuan-2020';
import { formatIssue } from '../../../shared/model/issues';
import type { CampaignSetup, CampaignSpec } from '../../../shared/model/types';
import { checkSetup, readSetup, setupSheets, SETUP_SHEETS } from '../../../shared/workbook/setup';
import { fromWire, toWire } from '../../../shared/workbook/wire';
import { panelSpec } from '../panelCampaign';

const setupOf = (spec: CampaignSpec): CampaignSetup => {
  const { id, name, year, settings, criteria, components, blocks, awards } = spec;
  return { id, name, year, settings, criteria, components, blocks, awards };
};
const examples = { anGiang2018, ninhThuan2020, currentShape2025 };

describe.each(Object.entries(examples))('%s', (_name, spec) => {
  const setup = setupOf(spec);

  it('has no setup errors', () => {
    expect(checkSetup(setup).map(formatIssue)).toEqual([]);
  });

  it('writes only the two setup sheets and reads the same setup back', () => {
    const blocks = setupSheets(setup);
    expect(blocks.map((b) => b.name)).toEqual([...SETUP_SHEETS]);
    const back = readSetup(Object.fromEntries(blocks.map((b) => [b.name, b.rows])));
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Read back, written again: the same sheets (a fixed point).
    const again = setupSheets(back.setup as CampaignSetup);
    expect(again.map((b) => b.rows)).toEqual(blocks.map((b) => b.rows));
    // The criteria come back as they went (less the cells they were read from).
    const plain = (x: unknown): unknown =>
      JSON.parse(JSON.stringify(x, (k, v) => (k === 'cells' || k === 'source' ? undefined : v)));
    expect(plain(back.setup?.criteria)).toEqual(plain(setup.criteria));
  });

  it('crosses the wire (JSON) with its open bands intact', () => {
    const back = fromWire<CampaignSetup>(
      toWire(readSetup(Object.fromEntries(setupSheets(setup).map((b) => [b.name, b.rows]))).setup),
    );
    expect(toWire(back)).toBe(
      toWire(readSetup(Object.fromEntries(setupSheets(setup).map((b) => [b.name, b.rows]))).setup),
    );
  });
});

it('keeps −∞ through the wire where JSON alone turns it into null', () => {
  const bands = [
    { label: 'Tốt', min: 80 },
    { label: 'Yếu', min: Number.NEGATIVE_INFINITY },
  ];
  expect(JSON.parse(JSON.stringify(bands))[1].min).toBeNull();
  expect(fromWire<typeof bands>(toWire(bands))[1].min).toBe(Number.NEGATIVE_INFINITY);
});

it('accepts council choices, which name units a setup alone does not have', () => {
  const awards = anGiang2018.awards;
  if (!awards) throw new Error('awards');
  const setup = setupOf({
    ...anGiang2018,
    awards: {
      ...awards,
      councilChoices: [{ award: awards.awards[0].id, block: 'huyen', units: ['LX'] }],
    },
  });
  expect(checkSetup(setup)).toEqual([]);
});

it('reports a quota naming an unknown block', () => {
  const awards = anGiang2018.awards;
  if (!awards) throw new Error('awards');
  const setup = setupOf({
    ...anGiang2018,
    awards: { ...awards, awards: [{ ...awards.awards[0], quotaPerBlock: { xyz: 2 } }] },
  });
  const issues = checkSetup(setup);
  expect(issues).toHaveLength(1);
  expect(formatIssue(issues[0])).toContain('"xyz"');
});

it('keeps the appraisal council and settings when the task pane saves a setup', () => {
  const spec = panelSpec({ settings: { appraisalCombine: 'trimmedMean', appraisalMaxSpread: 1 } });
  const setup: CampaignSetup = { ...setupOf(spec), appraisers: spec.appraisers };
  // A workplace names a unit, which a setup alone does not have: checked by a run, not here.
  expect(checkSetup(setup).map(formatIssue)).toEqual([]);
  const blocks = setupSheets(setup);
  const back = readSetup(Object.fromEntries(blocks.map((b) => [b.name, b.rows]))).setup;
  expect(back?.settings).toMatchObject({ appraisalCombine: 'trimmedMean', appraisalMaxSpread: 1 });
  expect(back?.appraisers?.map((a) => [a.id, a.name, a.unit])).toEqual([
    ['NV1', 'Nguyễn Văn Một', 'SNV'],
    ['NV2', 'Trần Thị Hai', undefined],
    ['NV3', 'Lê Văn Ba', undefined],
  ]);
  expect(setupSheets(back as CampaignSetup).map((b) => b.rows)).toEqual(blocks.map((b) => b.rows));
});
