/**
 * The workbook format round trip: every example campaign written as input sheets and parsed
 * back scores, ranks and proposes exactly like the campaign itself.
 */
import { evaluateCampaign, type Evaluation } from '../../../shared/evaluate';
import { formatIssue } from '../../../shared/model/issues';
import type { CampaignSpec, CellValue } from '../../../shared/model/types';
import { inputSheets } from '../../../shared/workbook/inputs';
import { parseWorkbook } from '../../../shared/workbook/parse';
import { anGiang2018 } from '../../../examples/an-giang-2018';
import { currentShape2025 } from '../../../examples/current-shape';
import { nhapDiem2024 } from '../../../examples/nhap-diem-2024';
import { ninhThuan2020 } from '../../../examples/ninh-thuan-2020';
import { panelSpec } from '../panelCampaign';

function sheetsOf(spec: CampaignSpec): Record<string, CellValue[][]> {
  return Object.fromEntries(inputSheets(spec).map((b) => [b.name, b.rows]));
}

function summary(e: Evaluation): unknown {
  if (!e.ok) return e.errors.map(formatIssue);
  return {
    units: e.units.map((u) => [
      u.id,
      u.self,
      u.appraised,
      u.total,
      u.printed.index,
      u.classification,
      u.rankInBlock,
      u.rankOverall,
      u.tiedInBlock,
    ]),
    proposals: e.awards?.allocation.proposals,
    ties: e.awards?.allocation.ties,
    runnersUp: e.awards?.allocation.runnersUp,
    ballots: e.awards?.ballots,
    // A workbook can say which cell is blank; the same warning otherwise.
    warnings: e.warnings.map((w) => w.key.replace(/At$/, '')),
  };
}

describe.each([
  ['An Giang 2018', anGiang2018],
  ['current shape', currentShape2025],
  ['Ninh Thuận 2020', ninhThuan2020],
  ['Nhập điểm 2024', nhapDiem2024],
])('%s', (_, spec) => {
  test('parse(inputSheets(spec)) evaluates exactly like spec', () => {
    const parsed = parseWorkbook(sheetsOf(spec));
    expect(parsed.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    expect(summary(evaluateCampaign(parsed.spec as CampaignSpec))).toEqual(
      summary(evaluateCampaign(spec)),
    );
  });
});

describe('a campaign appraised by a panel in two rounds, with replies', () => {
  const spec = panelSpec({
    settings: { appraisalCombine: 'median', appraisalMaxSpread: 0.25 },
    replies: [{ unit: 'SNV', criterion: '1.3', text: 'Bổ sung số liệu', evidence: 'Báo cáo 5' }],
  });
  spec.units[1].appraisals?.push({ round: 2, appraiser: 'NV3', scores: { '1.3': 95 } });
  spec.units[2].appraised = { '1.2': 'Đạt' };
  spec.units[2].appraisals = [{ round: 2, scores: { '1.2': 'Khá' } }];

  test('parse(inputSheets(spec)) evaluates exactly like spec', () => {
    const parsed = parseWorkbook(sheetsOf(spec));
    expect(parsed.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    const back = parsed.spec as CampaignSpec;
    expect(back.settings).toMatchObject({ appraisalCombine: 'median', appraisalMaxSpread: 0.25 });
    expect(back.appraisers?.map(({ id, name, unit }) => ({ id, name, unit }))).toEqual(
      spec.appraisers?.map(({ id, name, unit }) => ({ id, name, ...(unit ? { unit } : {}) })),
    );
    expect(back.replies?.map(({ source: _, ...r }) => r)).toEqual(spec.replies);
    const a = evaluateCampaign(back);
    const b = evaluateCampaign(spec);
    expect(summary(a)).toEqual(summary(b));
    expect(a.ok && a.campaign.appraisal).toEqual(b.ok && b.campaign.appraisal);
  });

  test('"Cấu hình" written again from what was read is the same (a fixed point)', () => {
    const first = inputSheets(spec);
    const again = inputSheets(parseWorkbook(sheetsOf(spec)).spec as CampaignSpec);
    // The parsed spec holds grids, not records: the score sheets come from records only.
    const setup = (blocks: typeof first): unknown =>
      blocks.filter((b) => b.name === 'Cấu hình').map((b) => b.rows);
    expect(setup(again)).toEqual(setup(first));
  });
});
