/**
 * Worked examples as an independent oracle: every expected number below was computed by hand
 * (arithmetic in the comments), not by running the core.
 *
 * Conventions in the comments: "c:" = counted (appraised when present, else self) leaf points,
 * "s:" = self leaf points where they differ; every leaf not named is at full marks.
 * Index = total / applicable max × 100, from unrounded parts, printed to 2 decimals, half away
 * from zero; bands and ranks use the printed index.
 */
import { anGiang2018 } from '../../examples/an-giang-2018';
import { currentShape2025 } from '../../examples/current-shape';
import { nhapDiem2024 } from '../../examples/nhap-diem-2024';
import { evaluateCampaign, toMicro, type CampaignSpec, type Evaluation } from '../../shared';

interface Expected {
  self: number;
  appraised: number;
  fields: Record<string, number>;
  total: number;
  applicableMax: number;
  index: number;
  classification: string;
  rankInBlock: number;
  tiedInBlock: boolean;
  rankOverall: number;
  tiedOverall: boolean;
}

type Ok = Extract<Evaluation, { ok: true }>;

/** The evaluation, typed as a success; each suite asserts `ok` in its first test. */
function evaluate(spec: CampaignSpec): Ok {
  return evaluateCampaign(spec) as Ok;
}

function checkUnits(evaluation: Ok, expected: Record<string, Expected>): void {
  expect(evaluation.units.map((u) => u.id).sort()).toEqual(Object.keys(expected).sort());
  // Unit results list field subtotals in the order of campaign.fields; key them by code.
  const codes = evaluation.campaign.fields.map((f) => f.code);
  for (const u of evaluation.units) {
    const e = expected[u.id] as Expected;
    const fields: Record<string, number> = {};
    for (const [code, points] of Object.entries(e.fields)) fields[code] = toMicro(points);
    const actualFields: Record<string, number> = {};
    codes.forEach((code, f) => {
      actualFields[code] = u.fields[f] as number;
    });
    // One object per unit so a failure names the unit and every field at once.
    expect({
      id: u.id,
      self: u.self,
      appraised: u.appraised,
      fields: actualFields,
      total: u.total,
      applicableMax: u.applicableMax,
      index: u.printed.index,
      rankingValue: u.rankingValue,
      classification: u.classification,
      rankInBlock: u.rankInBlock,
      tiedInBlock: u.tiedInBlock,
      rankOverall: u.rankOverall,
      tiedOverall: u.tiedOverall,
    }).toEqual({
      id: u.id,
      self: toMicro(e.self),
      appraised: toMicro(e.appraised),
      fields,
      total: toMicro(e.total),
      applicableMax: toMicro(e.applicableMax),
      index: toMicro(e.index),
      rankingValue: toMicro(e.index),
      classification: e.classification,
      rankInBlock: e.rankInBlock,
      tiedInBlock: e.tiedInBlock,
      rankOverall: e.rankOverall,
      tiedOverall: e.tiedOverall,
    });
  }
}

describe('An Giang 2018 (two blocks, national bands, default settings)', () => {
  /*
   * Leaves (max): 1.1.1 tick 2.5 · 1.1.2 tiers 7.5 (≥100 → 7.5, ≥80 → 5.75, ≥50 → 3.25, else 0)
   * · 1.2 levels 6 (đúng hạn 6, chậm hạn 4.25, không đầy đủ 1.75) · 1.3 deduction 4 − 0.75/vi
   * phạm, floor −1.25 · 2.1 proportional 12 × %/100 · 2.2 levels 8 (đầy đủ 8, chưa đầy đủ 4.5)
   * · 2.3 tick 10 · 3.1.1 tick 4.25 · 3.1.2 proportional 7.75 × %/100 · 3.2 tick 8
   * · 3.3 bonus 0.5/sáng kiến, cap 1.5.
   * Field max: 1 = 2.5+7.5+6+4 = 20; 2 = 12+8+10 = 30; 3 = 4.25+7.75+8 = 20 → criteria 70.
   * Components: SIPAS 10 + khảo sát 20 → applicable max 100 (90 when 2.3 is N/A).
   */
  const expected: Record<string, Expected> = {
    // c: 2.1 98.5% → 12×0.985 = 11.82; 3.3 2 sáng kiến → 1.0.
    // F1 20 · F2 11.82+8+10 = 29.82 · F3 20+1 = 21 → 70.82; s: 2.1 = 12 → 70+1 = 71.
    // total 70.82 + 9.25 + 18.5 = 98.57 → index 98.57 (A).
    STP: {
      self: 71,
      appraised: 70.82,
      fields: { '1': 20, '2': 29.82, '3': 21 },
      total: 98.57,
      applicableMax: 100,
      index: 98.57,
      classification: 'A',
      rankInBlock: 1,
      tiedInBlock: false,
      rankOverall: 1,
      tiedOverall: false,
    },
    // 2.3 N/A (self "Không áp dụng", not appraised) → max 100 − 10 = 90.
    // c: 1.1.2 95% → 5.75; 3.1.2 90% → 7.75×0.9 = 6.975.
    // F1 2.5+5.75+6+4 = 18.25 · F2 12+8 = 20 · F3 4.25+6.975+8 = 19.225 → 57.475.
    // s: 1.1.2 = 7.5 → 20 + 20 + 19.225 = 59.225.
    // total 57.475 + 8.8 + 18.4 = 84.675; index 84.675/90×100 = 94.0833… → 94.08 (A).
    STC: {
      self: 59.225,
      appraised: 57.475,
      fields: { '1': 18.25, '2': 20, '3': 19.225 },
      total: 84.675,
      applicableMax: 90,
      index: 94.08,
      classification: 'A',
      rankInBlock: 2,
      tiedInBlock: true,
      rankOverall: 4,
      tiedOverall: true,
    },
    // c: 1.2 chậm hạn 4.25; 2.1 99% → 11.88; 3.3 1 → 0.5.
    // F1 2.5+7.5+4.25+4 = 18.25 · F2 11.88+8+10 = 29.88 · F3 20.5 → 68.63.
    // s: 1.2 = 6, 2.1 = 12 → 70.5. total 68.63 + 8.95 + 16.5 = 94.08 → 94.08 (A),
    // printed tie with STC (94.0833…): ranks 2-2, then 4.
    SNV: {
      self: 70.5,
      appraised: 68.63,
      fields: { '1': 18.25, '2': 29.88, '3': 20.5 },
      total: 94.08,
      applicableMax: 100,
      index: 94.08,
      classification: 'A',
      rankInBlock: 2,
      tiedInBlock: true,
      rankOverall: 4,
      tiedOverall: true,
    },
    // c: 1.3 1 vi phạm → 3.25; 2.1 96% → 11.52; 3.1.2 90% → 6.975.
    // F1 2.5+7.5+6+3.25 = 19.25 · F2 11.52+18 = 29.52 · F3 4.25+6.975+8 = 19.225 → 67.995.
    // s: 1.3 = 4 → 20 + 29.52 + 19.225 = 68.745.
    // total 67.995 + 8 + 14 = 89.995 → 90.00 (half away from zero) → A on the printed value.
    SKHDT: {
      self: 68.745,
      appraised: 67.995,
      fields: { '1': 19.25, '2': 29.52, '3': 19.225 },
      total: 89.995,
      applicableMax: 100,
      index: 90,
      classification: 'A',
      rankInBlock: 4,
      tiedInBlock: false,
      rankOverall: 6,
      tiedOverall: false,
    },
    // c: 1.1.1 không → 0; 2.1 92.5% → 11.1; 2.2 chưa đầy đủ 4.5; 3.1.2 80% → 6.2.
    // F1 0+7.5+6+4 = 17.5 · F2 11.1+4.5+10 = 25.6 · F3 4.25+6.2+8 = 18.45 → 61.55.
    // s: 1.1.1 = 2.5, 2.1 95% → 11.4 → 20 + 25.9 + 18.45 = 64.35.
    // total 61.55 + 8.2 + 15.75 = 85.5 → 85.50 (B).
    SYT: {
      self: 64.35,
      appraised: 61.55,
      fields: { '1': 17.5, '2': 25.6, '3': 18.45 },
      total: 85.5,
      applicableMax: 100,
      index: 85.5,
      classification: 'B',
      rankInBlock: 5,
      tiedInBlock: false,
      rankOverall: 9,
      tiedOverall: false,
    },
    // c: 1.1.2 75% → 3.25; 1.3 2 vi phạm → 2.5; 3.2 không → 0.
    // F1 2.5+3.25+6+2.5 = 14.25 · F2 30 · F3 4.25+7.75 = 12 → 56.25.
    // s: 1.3 = 4 → 15.75 + 30 + 12 = 57.75. total 56.25 + 7.5 + 12.5 = 76.25 (C).
    SGDDT: {
      self: 57.75,
      appraised: 56.25,
      fields: { '1': 14.25, '2': 30, '3': 12 },
      total: 76.25,
      applicableMax: 100,
      index: 76.25,
      classification: 'C',
      rankInBlock: 7,
      tiedInBlock: false,
      rankOverall: 13,
      tiedOverall: false,
    },
    // c: 1.2 không đầy đủ 1.75; 1.3 8 vi phạm → 4−6 = −2, floored at −1.25; 2.3 không → 0;
    // 3.2 không → 0. F1 2.5+7.5+1.75−1.25 = 10.5 · F2 12+8 = 20 · F3 12 → 42.5.
    // s: 1.2 chậm hạn 4.25, 1.3 3 → 1.75, 2.3 = 10 → F1 16, F2 30, F3 12 → 58.
    // total 42.5 + 6.5 + 11 = 60 → 60.00 (D).
    STNMT: {
      self: 58,
      appraised: 42.5,
      fields: { '1': 10.5, '2': 20, '3': 12 },
      total: 60,
      applicableMax: 100,
      index: 60,
      classification: 'D',
      rankInBlock: 8,
      tiedInBlock: false,
      rankOverall: 15,
      tiedOverall: false,
    },
    // c: 1.1.2 90% (self, not appraised) → 5.75; 2.2 chưa đầy đủ 4.5; 3.1.1 không → 0;
    // 3.1.2 70% → 7.75×0.7 = 5.425.
    // F1 2.5+5.75+6+4 = 18.25 · F2 12+4.5+10 = 26.5 · F3 0+5.425+8 = 13.425 → 58.175.
    // s: 2.2 = 8, 3.1.1 = 4.25, 3.1.2 80% → 6.2 → 18.25 + 30 + 18.45 = 66.7.
    // total 58.175 + 7.81 + 14 = 79.985 → 79.99 (half away) → C, just under B.
    SXD: {
      self: 66.7,
      appraised: 58.175,
      fields: { '1': 18.25, '2': 26.5, '3': 13.425 },
      total: 79.985,
      applicableMax: 100,
      index: 79.99,
      classification: 'C',
      rankInBlock: 6,
      tiedInBlock: false,
      rankOverall: 11,
      tiedOverall: false,
    },
    // c: 2.1 99.5% → 11.94; 3.3 3 sáng kiến → 1.5 (s: 4 → 2.0, capped at 1.5).
    // F1 20 · F2 11.94+18 = 29.94 · F3 21.5 → 71.44; s: 20 + 30 + 21.5 = 71.5.
    // total 71.44 + 9.1 + 17.6 = 98.14 (A).
    TPLX: {
      self: 71.5,
      appraised: 71.44,
      fields: { '1': 20, '2': 29.94, '3': 21.5 },
      total: 98.14,
      applicableMax: 100,
      index: 98.14,
      classification: 'A',
      rankInBlock: 1,
      tiedInBlock: false,
      rankOverall: 2,
      tiedOverall: false,
    },
    // c: 1.3 1 → 3.25; 3.1.2 95% → 7.75×0.95 = 7.3625.
    // F1 19.25 · F2 30 · F3 4.25+7.3625+8 = 19.6125 → 68.8625; s: 70.
    // total 68.8625 + 9 + 16.5 = 94.3625 → 94.36 (A).
    TPCD: {
      self: 70,
      appraised: 68.8625,
      fields: { '1': 19.25, '2': 30, '3': 19.6125 },
      total: 94.3625,
      applicableMax: 100,
      index: 94.36,
      classification: 'A',
      rankInBlock: 2,
      tiedInBlock: false,
      rankOverall: 3,
      tiedOverall: false,
    },
    // c: 1.1.2 90% → 5.75; 2.2 chưa đầy đủ 4.5.
    // F1 2.5+5.75+6+4 = 18.25 · F2 12+4.5+10 = 26.5 · F3 20 → 64.75; s: 2.2 = 8 → 68.25.
    // total 64.75 + 8.5 + 14 = 87.25 (B).
    TXTC: {
      self: 68.25,
      appraised: 64.75,
      fields: { '1': 18.25, '2': 26.5, '3': 20 },
      total: 87.25,
      applicableMax: 100,
      index: 87.25,
      classification: 'B',
      rankInBlock: 3,
      tiedInBlock: true,
      rankOverall: 7,
      tiedOverall: true,
    },
    // c: 1.1.1 không → 0; 2.1 87.5% → 10.5; 3.3 1 → 0.5.
    // F1 17.5 · F2 10.5+18 = 28.5 · F3 20.5 → 66.5; s: 1.1.1 = 2.5, 2.1 90% → 10.8
    // → 20 + 28.8 + 20.5 = 69.3. total 66.5 + 8.25 + 12.5 = 87.25 (B), tied with TXTC:
    // ranks 3-3, then 5; HAP shown first (id "HAP" < "TXTC").
    HAP: {
      self: 69.3,
      appraised: 66.5,
      fields: { '1': 17.5, '2': 28.5, '3': 20.5 },
      total: 87.25,
      applicableMax: 100,
      index: 87.25,
      classification: 'B',
      rankInBlock: 3,
      tiedInBlock: true,
      rankOverall: 7,
      tiedOverall: true,
    },
    // c: 1.2 chậm hạn 4.25; 2.1 95% → 11.4; 3.1.1 không → 0.
    // F1 18.25 · F2 29.4 · F3 0+7.75+8 = 15.75 → 63.4; s: 3.1.1 = 4.25 → 18.25+29.4+20 = 67.65.
    // total 63.4 + 8.35 + 11 = 82.75 (B).
    HCP: {
      self: 67.65,
      appraised: 63.4,
      fields: { '1': 18.25, '2': 29.4, '3': 15.75 },
      total: 82.75,
      applicableMax: 100,
      index: 82.75,
      classification: 'B',
      rankInBlock: 5,
      tiedInBlock: false,
      rankOverall: 10,
      tiedOverall: false,
    },
    // c: 1.1.2 60% → 3.25; 3.1.2 50% → 3.875; 3.2 không → 0.
    // F1 2.5+3.25+6+4 = 15.75 · F2 30 · F3 4.25+3.875+0 = 8.125 → 53.875.
    // s: 3.2 = 8 → 15.75 + 30 + 16.125 = 61.875.
    // total 53.875 + 7.25 + 12 = 73.125 → 73.13 (half away) (C).
    HCM: {
      self: 61.875,
      appraised: 53.875,
      fields: { '1': 15.75, '2': 30, '3': 8.125 },
      total: 73.125,
      applicableMax: 100,
      index: 73.13,
      classification: 'C',
      rankInBlock: 7,
      tiedInBlock: false,
      rankOverall: 14,
      tiedOverall: false,
    },
    // c: 1.1.2 40% → 0; 1.3 3 → 1.75; 2.3 không → 0; 3.2 không → 0.
    // F1 2.5+0+6+1.75 = 10.25 · F2 12+8 = 20 · F3 12 → 42.25.
    // s: 1.1.2 55% → 3.25, 1.3 blank = no violation → 4, 2.3 = 10 → 15.75 + 30 + 12 = 57.75.
    // total 42.25 + 7 + 10.5 = 59.75 (D).
    HTT: {
      self: 57.75,
      appraised: 42.25,
      fields: { '1': 10.25, '2': 20, '3': 12 },
      total: 59.75,
      applicableMax: 100,
      index: 59.75,
      classification: 'D',
      rankInBlock: 8,
      tiedInBlock: false,
      rankOverall: 16,
      tiedOverall: false,
    },
    // Not appraised, so self = counted. 1.3 2 → 2.5; 2.1 90% → 10.8; 2.2 blank → 0 (warning),
    // still in the max. F1 2.5+7.5+6+2.5 = 18.5 · F2 10.8+0+10 = 20.8 · F3 20 → 59.3.
    // total 59.3 + 7.6 + 11.6 = 78.5 (C).
    HTB: {
      self: 59.3,
      appraised: 59.3,
      fields: { '1': 18.5, '2': 20.8, '3': 20 },
      total: 78.5,
      applicableMax: 100,
      index: 78.5,
      classification: 'C',
      rankInBlock: 6,
      tiedInBlock: false,
      rankOverall: 12,
      tiedOverall: false,
    },
  };
  /*
   * Overall by printed index: STP 98.57 (1), TPLX 98.14 (2), TPCD 94.36 (3), SNV = STC 94.08
   * (4, 4), SKHDT 90.00 (6), HAP = TXTC 87.25 (7, 7), SYT 85.50 (9), HCP 82.75 (10),
   * SXD 79.99 (11), HTB 78.50 (12), SGDDT 76.25 (13), HCM 73.13 (14), STNMT 60.00 (15),
   * HTT 59.75 (16).
   */

  const evaluation = evaluate(anGiang2018);

  it('evaluates without errors', () => {
    expect(evaluation.ok).toBe(true);
  });

  it('warns once, for the blank 2.2 of UBND huyện Tịnh Biên', () => {
    expect(evaluation.warnings.map((w) => [w.key, w.at.unit])).toEqual([['blankScored0', 'HTB']]);
  });

  it('gives every unit its hand-computed totals, index, band and ranks', () => {
    checkUnits(evaluation, expected);
  });

  it('shows each block in rank order, tied units by id', () => {
    expect(evaluation.blocks.map((b) => [b.id, b.name])).toEqual([
      ['so', 'Khối sở, ban, ngành'],
      ['huyen', 'Khối huyện, thị xã, thành phố'],
    ]);
    expect(evaluation.blocks[0]?.units.map((u) => u.id)).toEqual([
      'STP',
      'SNV',
      'STC',
      'SKHDT',
      'SYT',
      'SXD',
      'SGDDT',
      'STNMT',
    ]);
    expect(evaluation.blocks[1]?.units.map((u) => u.id)).toEqual([
      'TPLX',
      'TPCD',
      'HAP',
      'TXTC',
      'HCP',
      'HTB',
      'HCM',
      'HTT',
    ]);
  });
});

describe('Structure after 2025 (block-only criterion, per-block bands, tie-break by field 2)', () => {
  /*
   * Leaves (max): 1.1 tick 5 · 1.2 tiers 10 (≥100 → 10, ≥90 → 8.5, ≥70 → 6.25, ≥50 → 3.75)
   * · 1.3 deduction 5 − 1.25/tồn tại, floor 0 · 2.1.1 proportional 12.5 × %/100 · 2.1.2 tiers
   * 7.5 (≥80 → 7.5, ≥50 → 5.25, ≥30 → 2.75) · 2.2.1 tick 8.25 and 2.2.2 levels 11.75 (Tốt
   * 11.75, Đạt 8.5, Chưa đạt 4.25), both communes only · 3.1 tick 12.5 · 3.2 proportional
   * 17.5 × %/100 · 3.3 bonus points, cap 2.
   * Field max: 1 = 20; 2 = 20 (+20 for communes); 3 = 30. SIPAS 10.
   * Applicable max: sở 20+20+30+10 = 80 (index = total × 1.25); xã 100 (index = total).
   */
  const expected: Record<string, Expected> = {
    // c: 3.2 96% → 17.5×0.96 = 16.8; 3.3 1.25. F1 20 · F2 20 · F3 12.5+16.8+1.25 = 30.55
    // → 70.55; s: 3.2 = 17.5 → 71.25. total 70.55 + 9.2 = 79.75; ×1.25 = 99.6875 → 99.69.
    STP: {
      self: 71.25,
      appraised: 70.55,
      fields: { '1': 20, '2': 20, '3': 30.55 },
      total: 79.75,
      applicableMax: 80,
      index: 99.69,
      classification: 'Xuất sắc',
      rankInBlock: 1,
      tiedInBlock: false,
      rankOverall: 1,
      tiedOverall: false,
    },
    // c: 1.2 92% → 8.5; 2.1.1 96% → 12. F1 5+8.5+5 = 18.5 · F2 12+7.5 = 19.5 · F3 30 → 68;
    // s: 1.2 = 10 → 69.5. total 68 + 8.8 = 76.8; ×1.25 = 96.00. Printed tie with SNV,
    // broken by field 2: 19.50 > 18.38 → STC 2, SNV 3 (against id order).
    STC: {
      self: 69.5,
      appraised: 68,
      fields: { '1': 18.5, '2': 19.5, '3': 30 },
      total: 76.8,
      applicableMax: 80,
      index: 96,
      classification: 'Xuất sắc',
      rankInBlock: 2,
      tiedInBlock: false,
      rankOverall: 3,
      tiedOverall: false,
    },
    // c: 2.1.1 87% → 12.5×0.87 = 10.875; 3.2 97.68% → 17.5×0.9768 = 17.094.
    // F1 20 · F2 10.875+7.5 = 18.375 (printed 18.38) · F3 12.5+17.094 = 29.594 → 67.969.
    // s: 3.2 98% → 17.15 → 20 + 18.375 + 29.65 = 68.025.
    // total 67.969 + 8.83 = 76.799; ×1.25 = 95.99875 → 96.00 (printed tie with STC).
    SNV: {
      self: 68.025,
      appraised: 67.969,
      fields: { '1': 20, '2': 18.375, '3': 29.594 },
      total: 76.799,
      applicableMax: 80,
      index: 96,
      classification: 'Xuất sắc',
      rankInBlock: 3,
      tiedInBlock: false,
      rankOverall: 4,
      tiedOverall: false,
    },
    // c: 1.1 không → 0; 1.3 2 → 2.5; 2.1.2 65% → 5.25. F1 0+10+2.5 = 12.5 · F2 12.5+5.25
    // = 17.75 · F3 30 → 60.25; s: 1.1 = 5, 1.3 = 5 → 67.75. total 60.25 + 8.75 = 69;
    // ×1.25 = 86.25 (Tốt).
    SYT: {
      self: 67.75,
      appraised: 60.25,
      fields: { '1': 12.5, '2': 17.75, '3': 30 },
      total: 69,
      applicableMax: 80,
      index: 86.25,
      classification: 'Tốt',
      rankInBlock: 4,
      tiedInBlock: false,
      rankOverall: 8,
      tiedOverall: false,
    },
    // c: 3.1 không → 0. F1 20 · F2 20 · F3 17.5 → 57.5; s: 70. total 57.5 + 6.5 = 64;
    // ×1.25 = 80.00 → Tốt (threshold reached exactly).
    SXD: {
      self: 70,
      appraised: 57.5,
      fields: { '1': 20, '2': 20, '3': 17.5 },
      total: 64,
      applicableMax: 80,
      index: 80,
      classification: 'Tốt',
      rankInBlock: 5,
      tiedInBlock: false,
      rankOverall: 10,
      tiedOverall: false,
    },
    // c: 1.2 75% → 6.25; 2.1.2 40% → 2.75; 3.2 70% (self) → 12.25; 3.3 0.5.
    // F1 5+6.25+5 = 16.25 · F2 12.5+2.75 = 15.25 · F3 12.5+12.25+0.5 = 25.25 → 56.75.
    // s: 1.2 80% → 6.25, 2.1.2 55% → 5.25, 3.3 0.75 → 16.25 + 17.75 + 25.5 = 59.5.
    // total 56.75 + 7.15 = 63.9; ×1.25 = 79.875 → 79.88 (Khá).
    SNNMT: {
      self: 59.5,
      appraised: 56.75,
      fields: { '1': 16.25, '2': 15.25, '3': 25.25 },
      total: 63.9,
      applicableMax: 80,
      index: 79.88,
      classification: 'Khá',
      rankInBlock: 6,
      tiedInBlock: false,
      rankOverall: 11,
      tiedOverall: false,
    },
    // Not appraised. 1.2 50% → 3.75; 2.1.2 20% → 0; 3.1 không → 0.
    // F1 5+3.75+5 = 13.75 · F2 12.5 · F3 17.5 → 43.75. total 43.75 + 6 = 49.75;
    // ×1.25 = 62.1875 → 62.19 (Trung bình).
    SKHCN: {
      self: 43.75,
      appraised: 43.75,
      fields: { '1': 13.75, '2': 12.5, '3': 17.5 },
      total: 49.75,
      applicableMax: 80,
      index: 62.19,
      classification: 'Trung bình',
      rankInBlock: 7,
      tiedInBlock: false,
      rankOverall: 13,
      tiedOverall: false,
    },
    // c: 1.1 không → 0; 1.3 5 → 5−6.25 floored at 0; 2.1.2 10% → 0; 3.1 không → 0;
    // 3.2 40% → 7. F1 0+10+0 = 10 · F2 12.5 · F3 7 → 29.5.
    // s: 1.1 = 5, 1.3 2 → 2.5, 3.1 = 12.5, 3.2 60% → 10.5 → 17.5 + 12.5 + 23 = 53.
    // total 29.5 + 5.5 = 35; ×1.25 = 43.75 (Yếu).
    SVHTTDL: {
      self: 53,
      appraised: 29.5,
      fields: { '1': 10, '2': 12.5, '3': 7 },
      total: 35,
      applicableMax: 80,
      index: 43.75,
      classification: 'Yếu',
      rankInBlock: 8,
      tiedInBlock: false,
      rankOverall: 15,
      tiedOverall: false,
    },
    // c: 2.2.2 Đạt → 8.5; 3.3 2. F1 20 · F2 20+8.25+8.5 = 36.75 · F3 32 → 88.75;
    // s: 2.2.2 = 11.75 → 92. total 88.75 + 9.4 = 98.15 (Xuất sắc).
    PLX: {
      self: 92,
      appraised: 88.75,
      fields: { '1': 20, '2': 36.75, '3': 32 },
      total: 98.15,
      applicableMax: 100,
      index: 98.15,
      classification: 'Xuất sắc',
      rankInBlock: 1,
      tiedInBlock: false,
      rankOverall: 2,
      tiedOverall: false,
    },
    // c: 1.2 95% → 8.5; 2.1.1 98% → 12.25; 3.2 90% → 15.75.
    // F1 18.5 · F2 12.25+7.5+8.25+11.75 = 39.75 · F3 12.5+15.75 = 28.25 → 86.5;
    // s: 1.2 = 10 → 88. total 86.5 + 8.5 = 95.
    PBD: {
      self: 88,
      appraised: 86.5,
      fields: { '1': 18.5, '2': 39.75, '3': 28.25 },
      total: 95,
      applicableMax: 100,
      index: 95,
      classification: 'Xuất sắc',
      rankInBlock: 2,
      tiedInBlock: true,
      rankOverall: 5,
      tiedOverall: true,
    },
    // c: 1.3 1 → 3.75; 2.1.1 98% → 12.25; 3.2 80% → 14; 3.3 0.5.
    // F1 5+10+3.75 = 18.75 · F2 39.75 · F3 12.5+14+0.5 = 27 → 85.5; s: 1.3 = 5 → 86.75.
    // total 85.5 + 9.5 = 95 = PBD, and field 2 equal (39.75) → still tied 2-2, PBD first by id.
    XAP: {
      self: 86.75,
      appraised: 85.5,
      fields: { '1': 18.75, '2': 39.75, '3': 27 },
      total: 95,
      applicableMax: 100,
      index: 95,
      classification: 'Xuất sắc',
      rankInBlock: 2,
      tiedInBlock: true,
      rankOverall: 5,
      tiedOverall: true,
    },
    // c: 2.1.2 60% → 5.25; 2.2.1 không → 0; 3.3 0.75.
    // F1 20 · F2 12.5+5.25+0+11.75 = 29.5 · F3 30.75 → 80.25; s: 2.2.1 = 8.25 → 88.5.
    // total 80.25 + 8.4 = 88.65 (Xuất sắc, ≥ 85 in this block).
    PCD: {
      self: 88.5,
      appraised: 80.25,
      fields: { '1': 20, '2': 29.5, '3': 30.75 },
      total: 88.65,
      applicableMax: 100,
      index: 88.65,
      classification: 'Xuất sắc',
      rankInBlock: 4,
      tiedInBlock: false,
      rankOverall: 7,
      tiedOverall: false,
    },
    // c: 1.1 không → 0; 1.2 85% → 6.25; 2.2.2 Chưa đạt → 4.25; 3.2 92.5% → 16.1875.
    // F1 0+6.25+5 = 11.25 · F2 20+8.25+4.25 = 32.5 · F3 12.5+16.1875 = 28.6875 → 72.4375.
    // s: 1.1 = 5, 2.2.2 Đạt 8.5 → 16.25 + 36.75 + 28.6875 = 81.6875.
    // total 72.4375 + 7.9 = 80.3375 → 80.34 (Tốt).
    PMT: {
      self: 81.6875,
      appraised: 72.4375,
      fields: { '1': 11.25, '2': 32.5, '3': 28.6875 },
      total: 80.3375,
      applicableMax: 100,
      index: 80.34,
      classification: 'Tốt',
      rankInBlock: 5,
      tiedInBlock: false,
      rankOverall: 9,
      tiedOverall: false,
    },
    // c: 1.3 3 → 1.25; 2.1.1 80% → 10; 2.1.2 45% → 2.75; 3.1 không → 0.
    // F1 5+10+1.25 = 16.25 · F2 10+2.75+8.25+11.75 = 32.75 · F3 17.5 → 66.5.
    // s: 1.3 1 → 3.75, 3.1 = 12.5 → 18.75 + 32.75 + 30 = 81.5. total 66.5 + 7.5 = 74 (Khá).
    XCP: {
      self: 81.5,
      appraised: 66.5,
      fields: { '1': 16.25, '2': 32.75, '3': 17.5 },
      total: 74,
      applicableMax: 100,
      index: 74,
      classification: 'Khá',
      rankInBlock: 6,
      tiedInBlock: false,
      rankOverall: 12,
      tiedOverall: false,
    },
    // Not appraised. 1.1 không → 0; 1.2 55% → 3.75; 1.3 blank → 5; 2.2.1 không → 0;
    // 2.2.2 Chưa đạt → 4.25; 3.2 50% → 8.75. F1 8.75 · F2 12.5+7.5+0+4.25 = 24.25
    // · F3 12.5+8.75 = 21.25 → 54.25. total 54.25 + 6.75 = 61 (Trung bình).
    XCM: {
      self: 54.25,
      appraised: 54.25,
      fields: { '1': 8.75, '2': 24.25, '3': 21.25 },
      total: 61,
      applicableMax: 100,
      index: 61,
      classification: 'Trung bình',
      rankInBlock: 7,
      tiedInBlock: false,
      rankOverall: 14,
      tiedOverall: false,
    },
    // c: 1.2 40% → 0; 2.1.2 25% → 0; 2.2.1 không → 0; 2.2.2 Chưa đạt → 4.25; 3.1 không → 0;
    // 3.2 60% → 10.5. F1 5+0+5 = 10 · F2 12.5+0+0+4.25 = 16.75 · F3 10.5 → 37.25;
    // s: 3.1 = 12.5 → 49.75. total 37.25 + 6.2 = 43.45 (Yếu).
    XOE: {
      self: 49.75,
      appraised: 37.25,
      fields: { '1': 10, '2': 16.75, '3': 10.5 },
      total: 43.45,
      applicableMax: 100,
      index: 43.45,
      classification: 'Yếu',
      rankInBlock: 8,
      tiedInBlock: false,
      rankOverall: 16,
      tiedOverall: false,
    },
  };
  /*
   * Overall by (printed index, printed field 2): STP 99.69 (1), PLX 98.15 (2),
   * STC 96.00/19.50 (3), SNV 96.00/18.38 (4), PBD = XAP 95.00/39.75 (5, 5), PCD 88.65 (7),
   * SYT 86.25 (8), PMT 80.34 (9), SXD 80.00 (10), SNNMT 79.88 (11), XCP 74.00 (12),
   * SKHCN 62.19 (13), XCM 61.00 (14), SVHTTDL 43.75 (15), XOE 43.45 (16).
   */

  const evaluation = evaluate(currentShape2025);

  it('evaluates without errors or warnings', () => {
    expect(evaluation.ok).toBe(true);
    expect(evaluation.warnings).toEqual([]);
  });

  it('gives every unit its hand-computed totals, index, band and ranks', () => {
    checkUnits(evaluation, expected);
  });

  it('shows each block in rank order: tie-break first, then id', () => {
    expect(evaluation.blocks.map((b) => [b.id, b.name])).toEqual([
      ['so', 'Khối sở, ban, ngành'],
      ['xa', 'Khối xã, phường'],
    ]);
    expect(evaluation.blocks[0]?.units.map((u) => u.id)).toEqual([
      'STP',
      'STC',
      'SNV',
      'SYT',
      'SXD',
      'SNNMT',
      'SKHCN',
      'SVHTTDL',
    ]);
    expect(evaluation.blocks[1]?.units.map((u) => u.id)).toEqual([
      'PLX',
      'PBD',
      'XAP',
      'PCD',
      'PMT',
      'XCP',
      'XCM',
      'XOE',
    ]);
  });
});

describe('A province table typed as published: "Nhập điểm" for most leaves', () => {
  /*
   * Leaves (max): 1.1 Nhập điểm 3, bước 0,25 · 1.2 Nhập điểm 4, bước 0,5 · 1.3 Nhập điểm 2
   * (any points) · 1.4 tick 1 · 1.5 deduction 2 − 0.5/lần · 2.1 Nhập điểm 4, bước 0,25
   * · 2.2 Nhập điểm 3, bước 0,25 · 2.3 levels 3 (Đầy đủ, kịp thời 3; Chậm 1.5; Không thực hiện
   * 0) · 2.4 proportional 4 × %/100 · 3.1 Nhập điểm 5, bước 0,5 · 3.2 Nhập điểm 4, bước 0,25
   * · 3.3 Nhập điểm 5 (any points).
   * Field max: 1 = 3+4+2+1+2 = 12; 2 = 4+3+3+4 = 14; 3 = 5+4+5 = 14 → 40, no components:
   * index = total ÷ 40 × 100 = total × 2.5 (÷ 36 where 3.2 is N/A). Provincial bands:
   * Xuất sắc ≥ 90, Tốt ≥ 80, Khá ≥ 70, Trung bình ≥ 50. Self: full marks (40) unless said.
   */
  const expected: Record<string, Expected> = {
    // c: 1.1 "2,75" typed as text → 2.75; 1.2 3.5; 3.1 4.5.
    // F1 2.75+3.5+2+1+2 = 11.25 · F2 4+3+3+4 = 14 · F3 4.5+4+5 = 13.5 → 38.75.
    // index 38.75 × 2.5 = 96.875 → 96.88 (half away from zero) (Xuất sắc).
    STP: {
      self: 40,
      appraised: 38.75,
      fields: { '1': 11.25, '2': 14, '3': 13.5 },
      total: 38.75,
      applicableMax: 40,
      index: 96.88,
      classification: 'Xuất sắc',
      rankInBlock: 1,
      tiedInBlock: false,
      rankOverall: 1,
      tiedOverall: false,
    },
    // c: 1.2 3; 2.1 3.25; 2.2 2.5; 2.4 95% → 4×0.95 = 3.8; 3.3 4.2 (no step).
    // F1 3+3+2+1+2 = 11 · F2 3.25+2.5+3+3.8 = 12.55
    // · F3 5+4+4.2 = 13.2 → 11 + 12.55 + 13.2 = 36.75; × 2.5 = 91.875 → 91.88 (Xuất sắc).
    SNV: {
      self: 40,
      appraised: 36.75,
      fields: { '1': 11, '2': 12.55, '3': 13.2 },
      total: 36.75,
      applicableMax: 40,
      index: 91.88,
      classification: 'Xuất sắc',
      rankInBlock: 2,
      tiedInBlock: false,
      rankOverall: 3,
      tiedOverall: true,
    },
    // 3.2 N/A (self and appraised) → max 40 − 4 = 36; self 40 − 4 = 36.
    // c: 1.1 2.5; 1.3 1.5; 1.5 1 lần → 2 − 0.5 = 1.5; 2.3 Chậm → 1.5; 3.1 4; 3.3 4.75.
    // F1 2.5+4+1.5+1+1.5 = 10.5 · F2 4+3+1.5+4 = 12.5 · F3 4+4.75 = 8.75 → 31.75.
    // index 31.75 ÷ 36 × 100 = 88.1944… → 88.19 (Tốt).
    SYT: {
      self: 36,
      appraised: 31.75,
      fields: { '1': 10.5, '2': 12.5, '3': 8.75 },
      total: 31.75,
      applicableMax: 36,
      index: 88.19,
      classification: 'Tốt',
      rankInBlock: 3,
      tiedInBlock: false,
      rankOverall: 5,
      tiedOverall: false,
    },
    // c: 1.2 3.5; 1.4 không → 0; 2.1 3.75; 2.4 98% → 3.92; 3.1 4.5; 3.2 3.75; 3.3 4.8.
    // F1 3+3.5+2+0+2 = 10.5 · F2 3.75+3+3+3.92 = 13.67 · F3 4.5+3.75+4.8 = 13.05 → 37.22.
    // index 37.22 × 2.5 = 93.05 (Xuất sắc).
    TXAH: {
      self: 40,
      appraised: 37.22,
      fields: { '1': 10.5, '2': 13.67, '3': 13.05 },
      total: 37.22,
      applicableMax: 40,
      index: 93.05,
      classification: 'Xuất sắc',
      rankInBlock: 1,
      tiedInBlock: false,
      rankOverall: 2,
      tiedOverall: false,
    },
    // c: 1.2 2.5; 1.3 1.25; 1.5 2 lần → 2 − 1 = 1; 2.1 2.75; 2.2 2.25; 2.3 Chậm → 1.5;
    // 3.1 3.5; 3.2 2.5; 3.3 3. F1 3+2.5+1.25+1+1 = 8.75 · F2 2.75+2.25+1.5+4 = 10.5
    // · F3 3.5+2.5+3 = 9 → 28.25; index × 2.5 = 70.625 → 70.63 (Khá).
    // s: 1.2 3.5 → 40 − 0.5 = 39.5.
    HBS: {
      self: 39.5,
      appraised: 28.25,
      fields: { '1': 8.75, '2': 10.5, '3': 9 },
      total: 28.25,
      applicableMax: 40,
      index: 70.63,
      classification: 'Khá',
      rankInBlock: 3,
      tiedInBlock: false,
      rankOverall: 6,
      tiedOverall: false,
    },
    // c: 1.1 2.25; 2.2 2.75; 2.4 90% → 3.6; 3.1 4; 3.2 3.5; 3.3 4.65 (no step).
    // F1 2.25+4+2+1+2 = 11.25 · F2 4+2.75+3+3.6 = 13.35 · F3 4+3.5+4.65 = 12.15 → 36.75.
    // index 91.875 → 91.88 (Xuất sắc): a printed tie with SNV overall (3, 3; no tie-break).
    HCL: {
      self: 40,
      appraised: 36.75,
      fields: { '1': 11.25, '2': 13.35, '3': 12.15 },
      total: 36.75,
      applicableMax: 40,
      index: 91.88,
      classification: 'Xuất sắc',
      rankInBlock: 2,
      tiedInBlock: false,
      rankOverall: 3,
      tiedOverall: true,
    },
  };
  /*
   * Overall by printed index: STP 96.88 (1), TXAH 93.05 (2), HCL = SNV 91.88 (3, 3),
   * SYT 88.19 (5), HBS 70.63 (6).
   */

  const evaluation = evaluate(nhapDiem2024);

  it('evaluates without errors; warns once, for the "2,75" typed as text', () => {
    expect(evaluation.ok).toBe(true);
    expect(evaluation.warnings.map((w) => [w.key, w.at.unit, w.params.value])).toEqual([
      ['decimalCommaText', 'STP', '2,75'],
    ]);
  });

  it('gives every unit its hand-computed totals, index, band and ranks', () => {
    checkUnits(evaluation, expected);
  });

  it('shows each block in rank order', () => {
    expect(evaluation.blocks.map((b) => b.units.map((u) => u.id))).toEqual([
      ['STP', 'SNV', 'SYT'],
      ['TXAH', 'HCL', 'HBS'],
    ]);
  });
});
