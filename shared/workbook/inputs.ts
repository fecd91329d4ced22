/**
 * A campaign spec → the input sheets of the workbook format (the inverse of parse/). Used to
 * generate the example workbooks and the template, and by the round-trip test
 * (parse(inputSheets(spec)) scores exactly like spec).
 */
import type { GateSpec } from '../awards/types';
import { formatMessage, vi } from '../i18n/vi';
import { DEFAULT_SETTINGS, reportFontText } from '../model/settings';
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

/** A quota or runners-up count: one number for every block, or "so: 3; huyen: 2". */
export function perBlockValue(value: number | Record<string, number>): CellValue {
  return typeof value === 'number'
    ? value
    : Object.entries(value)
        .map(([b, q]) => `${b}: ${q}`)
        .join('; ');
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
      case 'dossier':
        rows.push([vi.dossier.gates.dossier, gate.deadline]);
        if (gate.before) rows.push([vi.dossier.gates.dossierRule, vi.dossier.rules.before]);
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

/**
 * The rows of "ĐIỀU KIỆN XÉT KHEN", and their notes: the campaign's gates or, complete, every
 * gate in the order of vi.workbook.gates, those the campaign does not set with an empty value
 * (not applied) and each with its note.
 */
function gateSection(
  gates: readonly GateSpec[],
  complete: boolean,
): [CellValue[][], (string | undefined)[]] {
  const set = gateRows(gates);
  if (!complete) return [set, []];
  const value = new Map(set.map(([k, v]) => [k, v]));
  const names = Object.keys(W.gates) as (keyof typeof W.gates)[];
  // The dossier deadline (issue 17) after the registration deadline; its rule "Đến hết ngày".
  const D = vi.dossier;
  const rule = value.get(D.gates.dossierRule) ?? D.rules.through;
  return [
    names.flatMap((name): CellValue[][] => [
      [W.gates[name], value.get(W.gates[name]) ?? null],
      ...(name === 'registration'
        ? [
            [D.gates.dossier, value.get(D.gates.dossier) ?? null],
            [D.gates.dossierRule, rule],
          ]
        : []),
    ]),
    names.flatMap((name) => [
      vi.templateNotes.gates[name],
      ...(name === 'registration' ? [D.notes.dossier, D.notes.dossierRule] : []),
    ]),
  ];
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

export interface InputSheetsOptions {
  /**
   * The template's "Cấu hình": every setting and every section, those the campaign leaves out
   * with their defaults (or empty: a gate, a deadline), and a note of what each does in the
   * column after its value or after its table's header (the reader ignores both).
   */
  complete?: boolean;
}

export function inputSheets(spec: CampaignSpec, options: InputSheetsOptions = {}): OutputBlock[] {
  const complete = options.complete === true;
  const s = {
    ...DEFAULT_SETTINGS,
    ...spec.settings,
    ranking: { ...DEFAULT_SETTINGS.ranking, ...spec.settings?.ranking },
  };
  const K = W.settings;
  const N = vi.templateNotes;
  // Every section of "Cấu hình" is a title row, a header row, then its rows; the key/value
  // sections (THIẾT LẬP, ĐIỀU KIỆN XÉT KHEN) are headed "Mục | Giá trị".
  const keyValueHeader: CellValue[] = [H.settingKey, H.settingValue];
  const config: CellValue[][] = [[W.sections.settings], keyValueHeader];
  /** A setting row; in a complete "Cấu hình" with its note (and its choices) in column C. */
  const setting = (name: keyof typeof K, value: CellValue, choices?: Record<string, string>) => {
    const row: CellValue[] = [K[name], value];
    if (complete) {
      const pick = choices
        ? ' ' + formatMessage(N.choose, { choices: Object.values(choices).join(' / ') })
        : '';
      row.push(N.settings[name] + pick);
    }
    config.push(row);
  };
  setting('id', spec.id);
  setting('name', spec.name);
  setting('year', spec.year);
  setting('decimals', s.decimals);
  setting('scoreSource', C.scoreSource[s.scoreSource], C.scoreSource);
  setting('naPolicy', C.naPolicy[s.naPolicy], C.naPolicy);
  setting('blankPolicy', C.blankPolicy[s.blankPolicy], C.blankPolicy);
  setting('rankBy', C.rankBy[s.rankBy], C.rankBy);
  setting('method', C.method[s.ranking.method], C.method);
  setting('tieBreak', tieBreakText(s.ranking.tieBreak));
  setting('bands', bandsText(s.bands));
  // Self-assessment form settings: written when the campaign sets them (defaults otherwise).
  if (complete || s.formsDeadline) setting('formsDeadline', s.formsDeadline ?? null);
  if (complete || s.evidencePolicy !== DEFAULT_SETTINGS.evidencePolicy)
    setting('evidencePolicy', C.evidencePolicy[s.evidencePolicy], C.evidencePolicy);
  // Award settings and sections: a campaign without awards has none (an award section with no
  // award is an error), complete or not.
  const awarding = complete && spec.awards !== undefined;
  if (awarding || spec.awards?.runnersUpPerBlock !== undefined)
    setting('runnersUp', perBlockValue(spec.awards?.runnersUpPerBlock ?? 0));
  if (awarding || spec.awards?.unfilled)
    setting('unfilled', C.unfilled[spec.awards?.unfilled ?? 'passDown'], C.unfilled);
  // Appraisal settings: written when the campaign has a panel or sets them.
  if (
    complete ||
    spec.appraisers?.length ||
    s.appraisalCombine !== DEFAULT_SETTINGS.appraisalCombine
  )
    setting('appraisalCombine', C.appraisalCombine[s.appraisalCombine], C.appraisalCombine);
  if (complete || s.appraisalMaxSpread !== undefined)
    setting('appraisalMaxSpread', s.appraisalMaxSpread ?? null);
  // Report settings (issue 15): written when the campaign sets them (defaults otherwise), last
  // in THIẾT LẬP so that a workbook without them keeps its layout.
  const R = vi.reportLayout;
  const reportSetting = (name: keyof typeof R.settings, value: CellValue): void => {
    config.push(complete ? [R.settings[name], value, R.notes[name]] : [R.settings[name], value]);
  };
  const font = s.reportFont;
  const defaultFont = DEFAULT_SETTINGS.reportFont;
  if (complete || font.name !== defaultFont.name || font.size !== defaultFont.size)
    reportSetting('reportFont', reportFontText(font));
  if (complete || s.reportSubtitle) reportSetting('reportSubtitle', s.reportSubtitle ?? null);
  if (complete || s.issuerParent) reportSetting('issuerParent', s.issuerParent ?? null);
  if (complete || s.issuer) reportSetting('issuer', s.issuer ?? null);
  // Last year's results (issue 17): written when set (the mean otherwise), with its note.
  const PY = vi.previousYear;
  if (complete || s.previousMerge !== DEFAULT_SETTINGS.previousMerge) {
    const choices = PY.choices.previousMerge;
    const value = choices[s.previousMerge];
    const note = `${PY.notes.previousMerge} ${formatMessage(N.choose, { choices: Object.values(choices).join(' / ') })}`;
    config.push(
      complete ? [PY.settings.previousMerge, value, note] : [PY.settings.previousMerge, value],
    );
  }
  const bold = [0, 1];
  /**
   * A titled section: its header row (none for key/value rows) and its rows. In a complete
   * "Cấu hình", `note` goes after the header and `rowNotes` after each row's cells.
   */
  const section = (
    title: string,
    header: CellValue[] | null,
    rows: CellValue[][],
    note?: string,
    rowNotes?: (string | undefined)[],
  ): void => {
    config.push([]);
    bold.push(config.length);
    config.push([title]);
    if (header) {
      bold.push(config.length);
      config.push(complete && note ? [...header, note] : header);
    }
    const width = Math.max(header?.length ?? 0, ...rows.map((r) => r.length));
    rows.forEach((row, i) => {
      const rowNote = complete ? rowNotes?.[i] : undefined;
      config.push(
        rowNote ? [...row, ...Array<CellValue>(width - row.length).fill(null), rowNote] : row,
      );
    });
  };
  if (complete || spec.components?.length) {
    section(
      W.sections.components,
      [H.code, H.name, H.max],
      (spec.components ?? []).map((k) => [k.id, k.name, k.max]),
      N.sections.components,
    );
  }
  if (complete || spec.appraisers?.length) {
    section(
      W.sections.appraisers,
      [H.code, H.person, H.workplace],
      (spec.appraisers ?? []).map((a) => [a.id, a.name, a.unit ?? null]),
      N.sections.appraisers,
    );
  }
  section(
    W.sections.blocks,
    [H.code, H.name, H.bands],
    spec.blocks.map((b) => [b.id, b.name, b.bands ? bandsText(b.bands) : null]),
    N.sections.blocks,
  );
  if (spec.awards) {
    const awards = spec.awards;
    section(
      W.sections.awards,
      [H.code, H.name, H.quota, H.cap, H.awardGates],
      awards.awards.map((a) => [
        a.id,
        a.name,
        a.quotaPerBlock === undefined ? null : perBlockValue(a.quotaPerBlock),
        a.cap ?? null,
        (a.gates ?? []).length
          ? gateRows(a.gates ?? [])
              .map(([k, v]) => `${k} = ${String(v)}`)
              .join('; ')
          : null,
      ]),
      N.sections.awards,
    );
    const [gates, gateNotes] = gateSection(awards.gates ?? [], complete);
    section(W.sections.gates, keyValueHeader, gates, undefined, gateNotes);
    if (awarding || awards.councilChoices?.length) {
      section(
        W.sections.choices,
        [H.award, H.block, H.chosen],
        (awards.councilChoices ?? []).map((ch) => [
          ch.award,
          ch.block ?? null,
          ch.units.join('; '),
        ]),
        N.sections.choices,
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
  const hasDossiers = spec.units.some((u) => u.profile?.dossierOn);
  if (hasDossiers) unitHeader.push(vi.dossier.header);
  const hasEditors = spec.units.some((u) => u.editors?.length);
  if (hasEditors) unitHeader.push(H.editors);
  const hasExclusions = spec.units.some((u) => u.profile?.councilExclusion);
  if (hasExclusions) unitHeader.push(H.councilExclusion);
  const hasPredecessors = spec.units.some((u) => u.predecessors?.length);
  if (hasPredecessors) unitHeader.push(vi.previousYear.predecessors);
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
    if (hasDossiers) row.push(p?.dossierOn ?? null);
    if (hasEditors) row.push(u.editors?.join('; ') || null);
    if (hasExclusions) row.push(p?.councilExclusion || null);
    if (hasPredecessors) row.push(u.predecessors?.join('; ') || null);
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
  const configSheet = sheet(W.sheets.config, config, bold, 0);
  // Room for the names and the notes beside them.
  if (complete) configSheet.columnWidths = [40, 40, 90];
  const out: OutputBlock[] = [
    configSheet,
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
