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
import { ninhThuan2020 } from '../../../examples/ninh-thuan-2020';

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
])('%s', (_, spec) => {
  test('parse(inputSheets(spec)) evaluates exactly like spec', () => {
    const parsed = parseWorkbook(sheetsOf(spec));
    expect(parsed.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    expect(summary(evaluateCampaign(parsed.spec as CampaignSpec))).toEqual(
      summary(evaluateCampaign(spec)),
    );
  });
});
