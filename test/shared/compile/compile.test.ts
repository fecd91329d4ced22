import { compileCampaign } from '../../../shared/compile';
import { formatIssue, type Issue } from '../../../shared/model/issues';
import type { CampaignSpec, CriterionSpec } from '../../../shared/model/types';

const tick = (code: string, max: number): CriterionSpec => ({
  code,
  name: `Tiêu chí ${code}`,
  max,
  rule: { kind: 'tick' },
});

function campaign(over: Partial<CampaignSpec> = {}): CampaignSpec {
  return {
    id: 'c',
    name: 'Thử',
    year: 2024,
    blocks: [{ id: 'so', name: 'Khối sở' }],
    criteria: [
      { code: '1', name: 'Lĩnh vực 1', max: 2, children: [tick('1.1', 1), tick('1.2', 1)] },
    ],
    units: [{ id: 'A', name: 'Sở A', block: 'so', self: { '1.1': 'x', '1.2': 'x' } }],
    ...over,
  };
}

const errorKeys = (issues: Issue[]): string[] =>
  issues.filter((i) => i.severity === 'error').map((i) => i.key);

describe('validation returns every problem, each located', () => {
  test('a valid campaign compiles with no issue', () => {
    const out = compileCampaign(campaign());
    expect(out.issues).toEqual([]);
    expect(out.campaign?.leaves.map((l) => l.code)).toEqual(['1.1', '1.2']);
  });

  test('duplicate codes, negative max, parent sum and rules on the wrong nodes, all at once', () => {
    const out = compileCampaign(
      campaign({
        criteria: [
          {
            code: '1',
            name: 'Lĩnh vực 1',
            max: 3,
            rule: { kind: 'tick' },
            children: [
              tick('1.1', 1),
              tick('1.1', 1),
              { code: '1.3', name: 'Không cách chấm', max: -1 },
            ],
          },
          { code: '2', name: '', max: 1, children: [tick('3.1', 1)] },
        ],
        units: [],
      }),
    );
    expect(out.campaign).toBeUndefined();
    expect(errorKeys(out.issues)).toEqual([
      'parentWithRule',
      'duplicateCriterionCode',
      'maxBelowZero',
      'leafWithoutRule',
      'parentMaxMismatch',
      'emptyName',
      'childCodeNotUnderParent',
    ]);
  });

  test('points above max: in a level, a tier, a typed bonus and a component', () => {
    const out = compileCampaign(
      campaign({
        criteria: [
          {
            code: '1',
            name: 'L1',
            max: 2,
            children: [
              {
                code: '1.1',
                name: 'Mức',
                max: 1,
                rule: { kind: 'levels', levels: [{ label: 'Tốt', points: 1.5 }] },
              },
              {
                code: '1.2',
                name: 'Ngưỡng',
                max: 1,
                rule: { kind: 'tiers', tiers: [{ min: 90, points: 2 }] },
              },
              { code: '1.3', name: 'Thưởng', max: 0.5, rule: { kind: 'bonus' } },
            ],
          },
        ],
        components: [{ id: 'sipas', name: 'SIPAS', max: 10 }],
        units: [
          {
            id: 'A',
            name: 'Sở A',
            block: 'so',
            self: { '1.3': 0.75 },
            components: { sipas: 10.5 },
          },
        ],
      }),
    );
    expect(errorKeys(out.issues)).toEqual([
      'levelPointsAboveMax',
      'tierPointsAboveMax',
      'pointsAboveMax',
      'componentAboveMax',
    ]);
  });

  test('unknown block, duplicate unit, unknown criterion, a score on a parent, a level not in the list', () => {
    const out = compileCampaign(
      campaign({
        criteria: [
          {
            code: '1',
            name: 'L1',
            max: 1,
            children: [
              {
                code: '1.1',
                name: 'Mức',
                max: 1,
                rule: { kind: 'levels', levels: [{ label: 'Đạt', points: 1 }] },
              },
            ],
          },
        ],
        units: [
          { id: 'A', name: 'Sở A', block: 'khong-co', self: { '1.1': 'Đạt' } },
          { id: 'A', name: 'Sở A bis', block: 'so', self: { '9.9': 1, '1': 1, '1.1': 'Giỏi' } },
        ],
      }),
    );
    expect(errorKeys(out.issues)).toEqual([
      'unknownBlock',
      'duplicateUnit',
      // Object keys that look like integers ("1") come first in JavaScript's key order.
      'scoreOnParent',
      'unknownCriterionInScores',
      'levelNotInList',
    ]);
  });

  test('tier thresholds out of order, bands out of order, bad settings and unknown tie-break keys', () => {
    const out = compileCampaign(
      campaign({
        settings: {
          decimals: 7,
          rankBy: 'median' as never,
          bands: [
            { label: 'Khá', min: 80 },
            { label: 'Tốt', min: 90 },
          ],
          ranking: {
            method: 'competition',
            tieBreak: [
              { by: 'field', code: '9' },
              { by: 'component', id: 'x' },
            ],
          },
        },
        criteria: [
          {
            code: '1',
            name: 'L1',
            max: 1,
            children: [
              {
                code: '1.1',
                name: 'Tỷ lệ',
                max: 1,
                rule: {
                  kind: 'tiers',
                  tiers: [
                    { min: 50, points: 0.5 },
                    { min: 80, points: 0.5 },
                  ],
                },
              },
            ],
          },
        ],
        units: [],
      }),
    );
    expect(errorKeys(out.issues)).toEqual([
      'badDecimals',
      'badSetting',
      'bandsOutOfOrder',
      'tiersOutOfOrder',
      'unknownTieBreakField',
      'unknownTieBreakComponent',
    ]);
  });

  test('a criterion restricted to an unknown block is rejected', () => {
    const out = compileCampaign(
      campaign({
        criteria: [
          { code: '1', name: 'L1', max: 1, children: [{ ...tick('1.1', 1), blocks: ['xa'] }] },
        ],
        units: [],
      }),
    );
    expect(errorKeys(out.issues)).toEqual(['unknownBlockInCriterion']);
  });

  test('blank counted cells: a warning per unit by default, an error per cell on request', () => {
    const blank = campaign({
      units: [{ id: 'A', name: 'Sở A', block: 'so', self: { '1.1': 'x' } }],
    });
    const lenient = compileCampaign(blank);
    expect(lenient.campaign).toBeDefined();
    expect(lenient.issues.map(formatIssue)).toEqual([
      'Đơn vị A: 1 tiêu chí chưa chấm, tính 0 điểm (đầu tiên: 1.2).',
    ]);
    const strict = compileCampaign({ ...blank, settings: { blankPolicy: 'error' } });
    expect(strict.campaign).toBeUndefined();
    expect(strict.issues.map(formatIssue)).toEqual([
      'Đơn vị A, tiêu chí 1.2: Chưa được chấm điểm.',
    ]);
  });
});

describe('messages name the sheet and cell when the campaign came from a workbook', () => {
  test('a bad score names its cell in Vietnamese', () => {
    const out = compileCampaign(
      campaign({
        units: [
          {
            id: 'A',
            name: 'Sở A',
            block: 'so',
            self: { '1.1': 'x' },
            appraised: { '1.2': 'có lẽ' },
          },
        ],
        locateScore: (source, unit, code) =>
          source === 'appraised' && unit === 'A' && code === '1.2'
            ? { sheet: 'Chấm điểm', row: 7, col: 4 }
            : undefined,
      }),
    );
    expect(out.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([
      'Trang tính \'Chấm điểm\', ô D7: Giá trị "có lẽ" không hiểu được là Đạt/Không đạt (dùng TRUE/FALSE, x, ✓, 1/0).',
    ]);
  });

  test('a criterion read from a sheet names its row', () => {
    const out = compileCampaign(
      campaign({
        criteria: [
          {
            code: '1',
            name: 'L1',
            max: 1,
            source: { sheet: 'Tiêu chí', row: 2, col: 1 },
            children: [{ ...tick('1.1', -2), source: { sheet: 'Tiêu chí', row: 3, col: 3 } }],
          },
        ],
        units: [],
      }),
    );
    expect(out.issues.map(formatIssue)).toEqual([
      "Trang tính 'Tiêu chí', ô C3: Điểm tối đa của tiêu chí 1.1 là -2, không được nhỏ hơn 0.",
      "Trang tính 'Tiêu chí', ô A2: Điểm tối đa của tiêu chí 1 là 1 nhưng tổng điểm tối đa các tiêu chí con là 0.",
    ]);
  });
});
