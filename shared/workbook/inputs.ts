/**
 * A campaign spec → the input sheets of the workbook format (the inverse of parse/). Used to
 * generate the example workbooks and the template, and by the round-trip test
 * (parse(inputSheets(spec)) scores exactly like spec).
 */
import type { GateSpec } from '../awards/types';
import { vi } from '../i18n/vi';
import { DEFAULT_SETTINGS } from '../model/settings';
import type { BandSpec, CampaignSpec, CellValue, CriterionSpec, RuleSpec } from '../model/types';
import { tieBreakText } from '../report/tieBreakText';
import type { OutputBlock } from './output';

const W = vi.workbook;
const H = W.headers;
const C = W.choices;

/** Decimal comma for numbers inside text parameters, as a Vietnamese user types them. */
const dec = (n: number): string => String(n).replace('.', ',');

export function bandsText(bands: readonly BandSpec[]): string {
  return bands
    .map((b) => (b.min === Number.NEGATIVE_INFINITY ? b.label : `${b.label} ≥ ${dec(b.min)}`))
    .join('; ');
}

export function ruleParams(rule: RuleSpec): string {
  switch (rule.kind) {
    case 'points':
      return rule.step === undefined ? '' : `bước ${dec(rule.step)}`;
    case 'tick':
      return '';
    case 'levels':
      return rule.levels.map((l) => `${l.label} = ${dec(l.points)}`).join('; ');
    case 'tiers':
      return rule.tiers.map((t) => `≥ ${dec(t.min)}: ${dec(t.points)}`).join('; ');
    case 'proportional':
      return rule.of === undefined || rule.of === 1 ? '' : `trên ${dec(rule.of)}`;
    case 'deduction':
      return `${dec(rule.perCount)} mỗi lần${rule.min !== undefined ? `; tối thiểu ${dec(rule.min)}` : ''}`;
    case 'bonus':
      return rule.perCount === undefined ? '' : `${dec(rule.perCount)} mỗi lần`;
  }
}

const flagLabel = (f: string): string => vi.awards.flags[f] ?? f;
const measureLabel = (m: string): string => (m === 'index' ? vi.labels.index : m);

/** One gate as a key and a value of the "ĐIỀU KIỆN XÉT KHEN" section. */
export function gateRows(gates: readonly GateSpec[]): [string, CellValue][] {
  const g = W.gates;
  const rows: [string, CellValue][] = [];
  const flags: string[] = [];
  for (const gate of gates) {
    switch (gate.kind) {
      case 'registration':
        rows.push([g.registration, gate.deadline]);
        break;
      case 'discipline':
        rows.push([g.discipline, gate.maxShare]);
        if (gate.parentMaxShare !== undefined) rows.push([g.parentDiscipline, gate.parentMaxShare]);
        break;
      case 'classification':
        rows.push([g.classification, gate.allowed.join(', ')]);
        break;
      case 'minIndex':
        rows.push([g.minIndex, gate.min]);
        break;
      case 'flag':
        flags.push(flagLabel(gate.flag));
        break;
      case 'improvement':
        rows.push([g.improvement, gate.measures.map(measureLabel).join('; ')]);
        break;
    }
  }
  if (flags.length) rows.push([g.flags, flags.join('; ')]);
  return rows;
}

function sheet(
  name: string,
  rows: CellValue[][],
  boldRows: number[] = [0],
  frozenRows = 1,
): OutputBlock {
  return { name, rows, formats: rows.map(() => []), boldRows, columnWidths: [], frozenRows };
}

function leaves(nodes: readonly CriterionSpec[], out: CriterionSpec[] = []): CriterionSpec[] {
  for (const n of nodes) {
    if (n.children?.length) leaves(n.children, out);
    else out.push(n);
  }
  return out;
}

function flatten(nodes: readonly CriterionSpec[], out: CriterionSpec[] = []): CriterionSpec[] {
  for (const n of nodes) {
    out.push(n);
    if (n.children?.length) flatten(n.children, out);
  }
  return out;
}

/**
 * "Chấm điểm" (round 1) or "Chấm điểm vòng 2": one column per unit, or, when appraisers are
 * named, one column per appraiser who scored the unit in that round (the implicit appraiser's
 * first) under a "Người chấm" row; a unit nobody scored keeps one blank column.
 */
function appraisalSheet(spec: CampaignSpec, name: string, round: 1 | 2): OutputBlock {
  const columns: { unit: string; appraiser: string; scores?: Record<string, CellValue> }[] = [];
  for (const u of spec.units) {
    const before = columns.length;
    if (round === 1 && u.appraised)
      columns.push({ unit: u.id, appraiser: '', scores: u.appraised });
    for (const a of u.appraisals ?? []) {
      if ((a.round ?? 1) === round)
        columns.push({ unit: u.id, appraiser: a.appraiser ?? '', scores: a.scores });
    }
    if (columns.length === before) columns.push({ unit: u.id, appraiser: '' });
  }
  const named = columns.some((c) => c.appraiser !== '');
  const rows: CellValue[][] = [
    [H.criterionCode, H.criterionName, H.max, ...columns.map((c) => c.unit)],
  ];
  if (named) rows.push([H.appraiser, null, null, ...columns.map((c) => c.appraiser || null)]);
  for (const leaf of leaves(spec.criteria)) {
    rows.push([
      leaf.code,
      leaf.name,
      leaf.max,
      ...columns.map((c) => c.scores?.[leaf.code] ?? null),
    ]);
  }
  return sheet(name, rows, named ? [0, 1] : [0], named ? 2 : 1);
}

export function inputSheets(spec: CampaignSpec): OutputBlock[] {
  const s = {
    ...DEFAULT_SETTINGS,
    ...spec.settings,
    ranking: { ...DEFAULT_SETTINGS.ranking, ...spec.settings?.ranking },
  };
  const K = W.settings;
  const config: CellValue[][] = [
    [W.sections.settings],
    [K.id, spec.id],
    [K.name, spec.name],
    [K.year, spec.year],
    [K.decimals, s.decimals],
    [K.scoreSource, C.scoreSource[s.scoreSource]],
    [K.naPolicy, C.naPolicy[s.naPolicy]],
    [K.blankPolicy, C.blankPolicy[s.blankPolicy]],
    [K.rankBy, C.rankBy[s.rankBy]],
    [K.method, C.method[s.ranking.method]],
    [K.tieBreak, tieBreakText(s.ranking.tieBreak)],
    [K.bands, bandsText(s.bands)],
  ];
  // Self-assessment form settings: written when the campaign sets them (defaults otherwise).
  if (s.formsDeadline) config.push([K.formsDeadline, s.formsDeadline]);
  if (s.evidencePolicy !== DEFAULT_SETTINGS.evidencePolicy)
    config.push([K.evidencePolicy, C.evidencePolicy[s.evidencePolicy]]);
  if (spec.awards?.runnersUpPerBlock !== undefined)
    config.push([K.runnersUp, spec.awards.runnersUpPerBlock]);
  if (spec.awards?.unfilled) config.push([K.unfilled, C.unfilled[spec.awards.unfilled]]);
  // Appraisal settings: written when the campaign has a panel or sets them.
  if (spec.appraisers?.length || s.appraisalCombine !== DEFAULT_SETTINGS.appraisalCombine)
    config.push([K.appraisalCombine, C.appraisalCombine[s.appraisalCombine]]);
  if (s.appraisalMaxSpread !== undefined) config.push([K.appraisalMaxSpread, s.appraisalMaxSpread]);
  const bold = [0];
  const section = (title: string, header: CellValue[] | null, rows: CellValue[][]): void => {
    config.push([]);
    bold.push(config.length);
    config.push([title]);
    if (header) {
      bold.push(config.length);
      config.push(header);
    }
    config.push(...rows);
  };
  if (spec.components?.length) {
    section(
      W.sections.components,
      [H.code, H.name, H.max],
      spec.components.map((k) => [k.id, k.name, k.max]),
    );
  }
  if (spec.appraisers?.length) {
    section(
      W.sections.appraisers,
      [H.code, H.person, H.workplace],
      spec.appraisers.map((a) => [a.id, a.name, a.unit ?? null]),
    );
  }
  section(
    W.sections.blocks,
    [H.code, H.name, H.bands],
    spec.blocks.map((b) => [b.id, b.name, b.bands ? bandsText(b.bands) : null]),
  );
  if (spec.awards) {
    section(
      W.sections.awards,
      [H.code, H.name, H.quota, H.cap, H.awardGates],
      spec.awards.awards.map((a) => [
        a.id,
        a.name,
        a.quotaPerBlock === undefined
          ? null
          : typeof a.quotaPerBlock === 'number'
            ? a.quotaPerBlock
            : Object.entries(a.quotaPerBlock)
                .map(([b, q]) => `${b}: ${q}`)
                .join('; '),
        a.cap ?? null,
        (a.gates ?? []).length
          ? gateRows(a.gates ?? [])
              .map(([k, v]) => `${k} = ${String(v)}`)
              .join('; ')
          : null,
      ]),
    );
    section(W.sections.gates, null, gateRows(spec.awards.gates ?? []));
    if (spec.awards.councilChoices?.length) {
      section(
        W.sections.choices,
        [H.award, H.block, H.chosen],
        spec.awards.councilChoices.map((ch) => [ch.award, ch.block ?? null, ch.units.join('; ')]),
      );
    }
  }

  const criteria: CellValue[][] = [
    [H.criterionCode, H.criterionName, H.max, H.rule, H.params, H.appliesTo],
  ];
  for (const n of flatten(spec.criteria)) {
    criteria.push([
      n.code,
      n.name,
      n.max,
      n.rule ? C.rules[n.rule.kind] : null,
      n.rule ? ruleParams(n.rule) || null : null,
      n.blocks?.join(', ') ?? null,
    ]);
  }

  // Units, with one column per measure seen in any profile.
  const measures = new Set<string>();
  const previous = new Set<string>();
  for (const u of spec.units) {
    Object.keys(u.profile?.measures ?? {}).forEach((m) => measures.add(m));
    Object.keys(u.profile?.previous ?? {}).forEach((m) => previous.add(m));
  }
  const hasProfiles = spec.units.some((u) => u.profile);
  const unitHeader: CellValue[] = [H.unitCode, H.unitName, H.block];
  if (hasProfiles) unitHeader.push(H.registeredOn, H.staff, H.staffViolating, H.parent, H.flags);
  const hasEditors = spec.units.some((u) => u.editors?.length);
  if (hasEditors) unitHeader.push(H.editors);
  unitHeader.push(
    ...measures,
    ...[...previous].map((m) => `${measureLabel(m)} ${H.previousSuffix}`),
  );
  const units: CellValue[][] = [unitHeader];
  for (const u of spec.units) {
    const p = u.profile;
    const row: CellValue[] = [u.id, u.name, u.block];
    if (hasProfiles) {
      row.push(
        p?.registeredOn ?? null,
        p?.staff ?? null,
        p?.staffViolating ?? null,
        p?.parent ?? null,
        p?.flags?.map(flagLabel).join('; ') ?? null,
      );
    }
    if (hasEditors) row.push(u.editors?.join('; ') || null);
    row.push(...[...measures].map((m) => p?.measures?.[m] ?? null));
    row.push(...[...previous].map((m) => p?.previous?.[m] ?? null));
    units.push(row);
  }

  const scoreSheet = (name: string, pick: 'self' | 'appraised'): OutputBlock => {
    const rows: CellValue[][] = [
      [H.criterionCode, H.criterionName, H.max, ...spec.units.map((u) => u.id)],
    ];
    for (const leaf of leaves(spec.criteria)) {
      rows.push([
        leaf.code,
        leaf.name,
        leaf.max,
        ...spec.units.map((u) => u[pick]?.[leaf.code] ?? null),
      ]);
    }
    return sheet(name, rows);
  };

  const round2 = spec.units.some((u) => u.appraisals?.some((a) => a.round === 2));
  const out: OutputBlock[] = [
    sheet(W.sheets.config, config, bold, 0),
    sheet(W.sheets.criteria, criteria),
    sheet(W.sheets.units, units),
    scoreSheet(W.sheets.self, 'self'),
    appraisalSheet(spec, W.sheets.appraised, 1),
    ...(round2 ? [appraisalSheet(spec, W.sheets.appraised2, 2)] : []),
  ];
  if (spec.replies?.length) {
    out.push(
      sheet(W.sheets.replies, [
        [H.unitCode, H.criterionCode, H.reply, H.evidence],
        ...spec.replies.map((r) => [r.unit, r.criterion, r.text, r.evidence ?? null]),
      ]),
    );
  }
  if (spec.components?.length) {
    const comps = spec.components;
    out.push(
      sheet(W.sheets.survey, [
        [H.unitCode, H.unitName, ...comps.map((k) => k.id)],
        ...spec.units.map((u) => [u.id, u.name, ...comps.map((k) => u.components?.[k.id] ?? null)]),
      ]),
    );
  }
  if (spec.nominations?.length) {
    out.push(
      sheet(W.sheets.nominations, [
        [H.code, H.person, H.unitCode, H.position, H.nominatedBy, H.nominatingUnit],
        ...spec.nominations.map((n) => [
          n.id,
          n.name,
          n.unit,
          n.position,
          C.nominators[n.nominatedBy.kind],
          n.nominatedBy.unit ?? null,
        ]),
      ]),
    );
  }
  if (spec.ballots?.length) {
    const rows: CellValue[][] = [
      [
        H.ballot,
        H.ballotName,
        H.ballotKind,
        H.seats,
        H.membersTotal,
        H.membersPresent,
        H.threshold,
        H.base,
        H.nominee,
        H.votes,
      ],
    ];
    for (const b of spec.ballots) {
      b.votes.forEach((v, i) => {
        rows.push(
          i === 0
            ? [
                b.id,
                b.name,
                C.ballotKinds[b.kind],
                b.seats,
                b.membersTotal,
                b.membersPresent,
                b.threshold?.share ?? null,
                b.threshold ? C.bases[b.threshold.base] : null,
                v.nominee,
                v.votes,
              ]
            : [b.id, null, null, null, null, null, null, null, v.nominee, v.votes],
        );
      });
    }
    out.push(sheet(W.sheets.ballots, rows));
  }
  return out;
}
