/**
 * Self-assessment forms in: read each returned form, reject what does not belong (another
 * campaign, edited criteria, an unknown unit, a score its rule does not allow), flag what needs
 * a look (the same unit twice — the later form wins —, a form after the deadline, a positive
 * score without evidence: an error or a warning by setting), then merge into "Tự chấm" and
 * "Giải trình tự chấm" and add a row to "Nhật ký". Order-independent and idempotent: the result
 * depends on the set of forms only, and merging them again changes no score.
 *
 * Nothing already in the workbook is lost: a form with no score at all changes nothing of its
 * unit (it is reported as empty), a blank score cell in a returned form keeps the value "Tự chấm"
 * holds (and is listed), and every score replaced is counted in the summary and its old value
 * kept in "Nhật ký". Only the scores a form changes (new or different from "Tự chấm") are
 * checked by the rules and for evidence: the others are the workbook's own, which ranking checks.
 */
import { compileCampaign } from '../compile';
import { formatMessage, vi } from '../i18n/vi';
import { error, formatIssue, warning, type Issue } from '../model/issues';
import { resolveSettings } from '../model/settings';
import type { CampaignSetup, CellRef, CellValue, CriterionSpec, UnitSpec } from '../model/types';
import { formatMicro } from '../numbers/points';
import { cellAddress } from '../model/issues';
import { cellAt, dateOf, ref, text, type Grid, type Sheets } from '../workbook/grid';
import { parseUnitsSheet } from '../workbook/parse/units';
import type { OutputBlock, TemplateSheet, Validation } from '../workbook/output';
import { appendLog, inputHash } from '../workbook/render';
import { readSetup } from '../workbook/setup';
import { ISSUE_LIMIT, issueView, type IssueView } from '../workbook/run';
import { scoreValidation } from '../workbook/template';
import { applicableCriteria, criteriaFingerprint, FORM_COLS, FORM_ROWS, selfLayout } from './form';

const F = vi.forms;
const S = vi.workbook.sheets;
const H = vi.workbook.headers;

/** A returned form as a host read it. */
export interface FormFile {
  /** What the person knows it by: a file name, or a sheet name inside the campaign. */
  source: string;
  /** The values of its "Phiếu tự chấm" sheet (undefined: the file has no such sheet). */
  grid: Grid | undefined;
  /** The sheet's name in messages (default "Phiếu tự chấm"). */
  sheet?: string;
  /** When it arrived (ISO date), if the host knows (a file's date); "Ngày gửi" wins. */
  received?: string;
}

export interface FormAnswer {
  score: CellValue;
  explanation: string;
  evidence: string;
  /** The row of the criterion in the form (0-based). */
  row: number;
}

export interface ReadForm {
  source: string;
  sheet: string;
  campaignId: string;
  unit: string;
  fingerprint: string;
  /** "Ngày gửi", else the host's date of receipt. */
  date?: string;
  answers: Map<string, FormAnswer>;
  /** A checksum of the form's values: the last tie-break between two forms of a unit. */
  content: string;
}

const isBlank = (v: CellValue): boolean => v === null || v === undefined || text(v) === '';

/**
 * A form with no score at all: merging it would only erase what the workbook holds. An
 * unticked checkbox (FALSE) counts as no score here: Google Sheets writes FALSE into every tick
 * cell of a new form, so an untouched form holds nothing else.
 */
const isEmptyForm = (form: ReadForm): boolean =>
  [...form.answers.values()].every((a) => isBlank(a.score) || a.score === false);

/** The same answer: the same value, or the same text ("100" typed where 100 was). */
const sameValue = (a: CellValue, b: CellValue): boolean => a === b || text(a) === text(b);

/** Reads one form's header and answers; the problems are located at the form's cells. */
export function readForm(file: FormFile): { form?: ReadForm; issues: Issue[] } {
  const sheet = file.sheet ?? F.sheet;
  const at = (r: number, c: number) => ({ file: file.source, cell: ref(sheet, r, c) });
  if (!file.grid) {
    return { issues: [error('formMissing', { sheet }, { file: file.source })] };
  }
  const grid = file.grid;
  const label = (r: number, expected: string): boolean => text(cellAt(grid, r, 0)) === expected;
  const value = (r: number): string => text(cellAt(grid, r, 1));
  const rows = FORM_ROWS;
  if (
    !label(rows.campaignId, F.campaignId) ||
    !label(rows.unitCode, F.unitCode) ||
    !label(rows.fingerprint, F.fingerprint) ||
    text(cellAt(grid, rows.header, FORM_COLS.score)) !== F.headers.score
  ) {
    return { issues: [error('formMissing', { sheet }, at(0, 0))] };
  }
  const issues: Issue[] = [];
  const sent = cellAt(grid, rows.sentOn, 1);
  let date = file.received;
  if (!isBlank(sent)) {
    const d = dateOf(sent);
    if (d === undefined) issues.push(error('badDate', { value: text(sent) }, at(rows.sentOn, 1)));
    else date = d;
  }
  const answers = new Map<string, FormAnswer>();
  for (let r = rows.header + 1; r < grid.length; r++) {
    const code = text(cellAt(grid, r, FORM_COLS.code));
    if (code === '') continue;
    answers.set(code, {
      score: cellAt(grid, r, FORM_COLS.score),
      explanation: text(cellAt(grid, r, FORM_COLS.explanation)),
      evidence: text(cellAt(grid, r, FORM_COLS.evidence)),
      row: r,
    });
  }
  return {
    form: {
      source: file.source,
      sheet,
      campaignId: value(rows.campaignId),
      unit: value(rows.unitCode),
      fingerprint: value(rows.fingerprint),
      ...(date ? { date } : {}),
      answers,
      content: inputHash({ form: grid }),
    },
    issues,
  };
}

function leavesOf(nodes: readonly CriterionSpec[], out: CriterionSpec[] = []): CriterionSpec[] {
  for (const n of nodes) {
    if (n.children?.length) leavesOf(n.children, out);
    else out.push(n);
  }
  return out;
}

export interface MergeInput {
  /** The campaign workbook's sheets (Cấu hình, Tiêu chí, Đơn vị, Tự chấm, Giải trình tự chấm, Nhật ký). */
  sheets: Sheets;
  forms: readonly FormFile[];
  /** Local time of the merge, for the log (hosts own the clock). */
  time: string;
}

/** One score a merge replaced: the old value is kept in "Nhật ký". */
export interface ScoreChange {
  code: string;
  /** The cell of "Tự chấm" (A1). */
  cell: string;
  before: CellValue;
  after: CellValue;
}

export type MergeResult =
  | {
      ok: true;
      /** "Tự chấm", "Giải trình tự chấm" and "Nhật ký", to write whole. */
      outputs: TemplateSheet[];
      /** The forms merged (one per unit), in unit order; empty forms are not among them. */
      merged: { unit: string; source: string }[];
      /** Forms with no score at all: nothing of their unit changed (unit order). */
      empty: { unit: string; source: string }[];
      /** Per unit (unit order), the scores already in "Tự chấm" that its form replaced. */
      changed: { unit: string; source: string; cells: ScoreChange[] }[];
      /** Per unit (unit order), the criteria left blank in its form whose score was kept. */
      kept: { unit: string; source: string; codes: string[] }[];
      /** What the summary says besides "merged": empty forms, replaced and kept scores. */
      notes: string[];
      warnings: Issue[];
    }
  | { ok: false; issues: Issue[] };

/**
 * Which of two forms of the same unit is the later: by date, then by source name, then by
 * content (two files of one name from different folders), so the set decides, not the order.
 */
const later = (a: ReadForm, b: ReadForm): number =>
  (a.date ?? '').localeCompare(b.date ?? '') ||
  a.source.localeCompare(b.source) ||
  a.content.localeCompare(b.content);

export function mergeForms(input: MergeInput): MergeResult {
  const { setup, issues: setupIssues } = readSetup(input.sheets);
  const unitsGrid = input.sheets[S.units];
  if (!setup || !unitsGrid) {
    const missing = unitsGrid
      ? []
      : [error('missingSheet', { sheet: S.units }, { workbook: true })];
    return { ok: false, issues: [...setupIssues, ...missing] };
  }
  const { units, issues: unitIssues } = parseUnitsSheet(unitsGrid);
  if (unitIssues.some((i) => i.severity === 'error')) return { ok: false, issues: unitIssues };
  const settings = resolveSettings(setup.settings).settings;
  const fingerprint = criteriaFingerprint(setup.criteria);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const issues: Issue[] = [];

  // Read every form; keep the ones that belong to this campaign and its units.
  const byUnit = new Map<string, ReadForm[]>();
  for (const file of input.forms) {
    const read = readForm(file);
    issues.push(...read.issues);
    const form = read.form;
    if (!form) continue;
    const at = (r: number) => ({ file: form.source, cell: ref(form.sheet, r, 1) });
    if (form.campaignId !== setup.id) {
      issues.push(
        error(
          'formOtherCampaign',
          { found: form.campaignId, expected: setup.id },
          at(FORM_ROWS.campaignId),
        ),
      );
      continue;
    }
    if (form.fingerprint !== fingerprint) {
      issues.push(
        error(
          'formFingerprint',
          { found: form.fingerprint, expected: fingerprint },
          at(FORM_ROWS.fingerprint),
        ),
      );
      continue;
    }
    if (!unitById.has(form.unit)) {
      issues.push(error('formUnknownUnit', { unit: form.unit }, at(FORM_ROWS.unitCode)));
      continue;
    }
    (byUnit.get(form.unit) ?? byUnit.set(form.unit, []).get(form.unit))?.push(form);
  }

  // One form per unit: the later one; both are named in the log.
  const winners: ReadForm[] = [];
  for (const unit of units) {
    const forms = byUnit.get(unit.id);
    if (!forms) continue;
    forms.sort(later);
    // The later form wins, but an empty one never over a form that holds scores.
    const filled = forms.filter((f) => !isEmptyForm(f));
    const winner = (filled.length > 0 ? filled : forms)[(filled.length || forms.length) - 1];
    for (const older of forms.filter((f) => f !== winner)) {
      issues.push(
        warning(
          'formDuplicate',
          {
            unit: unit.id,
            newer: winner.source,
            newerDate: winner.date ?? '—',
            older: older.source,
            olderDate: older.date ?? '—',
          },
          { file: older.source },
        ),
      );
    }
    if (settings.formsDeadline && winner.date && winner.date > settings.formsDeadline) {
      issues.push(
        warning(
          'formLate',
          { date: winner.date, deadline: settings.formsDeadline },
          { file: winner.source, cell: ref(winner.sheet, FORM_ROWS.sentOn, 1) },
        ),
      );
    }
    winners.push(winner);
  }

  // The rows each form must have: its unit's applicable leaves, no other.
  const leavesByUnit = new Map<string, CriterionSpec[]>();
  for (const form of winners) {
    const unit = unitById.get(form.unit) as UnitSpec;
    const leaves = leavesOf(applicableCriteria(setup.criteria, unit.block));
    leavesByUnit.set(form.unit, leaves);
    const codes = new Set(leaves.map((l) => l.code));
    for (const leaf of leaves) {
      if (!form.answers.has(leaf.code)) {
        issues.push(
          error(
            'formMissingCriterion',
            { code: leaf.code },
            {
              file: form.source,
              cell: ref(form.sheet, FORM_ROWS.header, FORM_COLS.code),
            },
          ),
        );
      }
    }
    const parents = new Set<string>();
    const walk = (nodes: readonly CriterionSpec[]): void =>
      nodes.forEach((n) => {
        if (n.children?.length) {
          parents.add(n.code);
          walk(n.children);
        }
      });
    walk(setup.criteria);
    for (const [code, answer] of form.answers) {
      if (!codes.has(code) && !parents.has(code)) {
        issues.push(
          error(
            'formUnknownCriterion',
            { code },
            {
              file: form.source,
              cell: ref(form.sheet, answer.row, FORM_COLS.code),
            },
          ),
        );
      }
    }
  }

  // What each merged form does to "Tự chấm": a new score, a replaced one, a blank that keeps
  // the score already there. Empty forms change nothing and are only reported.
  const current = input.sheets[S.self];
  const layout = selfLayout(current);
  const existing = (unit: string, code: string): CellValue => {
    const r = layout.rowOf.get(code);
    const c = layout.colOf.get(unit);
    return r === undefined || c === undefined ? null : (current?.[r]?.[c] ?? null);
  };
  const empty = winners.filter(isEmptyForm);
  const filled = winners.filter((f) => !isEmptyForm(f));
  const plans = new Map<string, UnitPlan>();
  for (const form of filled) {
    const plan: UnitPlan = { scores: new Map(), changed: [], kept: [], fresh: new Set() };
    for (const leaf of leavesByUnit.get(form.unit) ?? []) {
      const v = form.answers.get(leaf.code)?.score ?? null;
      const old = existing(form.unit, leaf.code);
      if (isBlank(v)) {
        if (!isBlank(old)) plan.kept.push(leaf.code);
        plan.scores.set(leaf.code, isBlank(old) ? null : old);
        continue;
      }
      if (!isBlank(old) && sameValue(v, old)) {
        plan.scores.set(leaf.code, old);
        continue;
      }
      plan.fresh.add(leaf.code);
      plan.scores.set(leaf.code, v);
      if (!isBlank(old)) plan.changed.push({ code: leaf.code, cell: '', before: old, after: v });
    }
    plans.set(form.unit, plan);
  }

  // The scores a form brings (new or changed) are checked by the core's own rules, located at
  // the form's cells; the scores it leaves as they are were the workbook's already.
  const formOf = new Map(winners.map((f) => [f.unit, f]));
  const spec = {
    ...(setup as CampaignSetup),
    units: filled.map((f) => {
      const u = unitById.get(f.unit) as UnitSpec;
      const self: Record<string, CellValue> = {};
      const plan = plans.get(f.unit) as UnitPlan;
      for (const code of plan.fresh) self[code] = plan.scores.get(code) ?? null;
      return { id: u.id, name: u.name, block: u.block, self };
    }),
    // Blank answers are left blank in "Tự chấm"; ranking decides what a blank means.
    settings: { ...setup.settings, blankPolicy: 'zero' as const, scoreSource: 'selfOnly' as const },
    awards: undefined,
    locateScore: (_source: string, unit: string, code: string): CellRef | undefined => {
      const form = formOf.get(unit);
      const row = form?.answers.get(code)?.row;
      return form && row !== undefined ? ref(form.sheet, row, FORM_COLS.score) : undefined;
    },
  };
  const compiled = compileCampaign(spec);
  const fileOf = (unit: string | undefined): string | undefined =>
    unit === undefined ? undefined : formOf.get(unit)?.source;
  const withFile = (i: Issue): Issue => {
    const file = fileOf(i.at.unit);
    return file && i.at.cell ? { ...i, at: { ...i.at, file } } : i;
  };
  // Blank answers warn per unit when ranking; here only the errors matter.
  issues.push(...compiled.issues.filter((i) => i.severity === 'error').map(withFile));
  const c = compiled.campaign;
  if (c) {
    // A positive self score needs its evidence (deductions earn nothing by themselves): in the
    // form, or already in "Giải trình tự chấm" (a blank evidence cell keeps it).
    const evidenceKept = evidenceOf(input.sheets[F.explanations]);
    const n = c.units.length;
    c.leaves.forEach((leaf, l) => {
      if (leaf.rule.kind === 'deduction') return;
      for (let u = 0; u < n; u++) {
        const points = c.self[l * n + u];
        if (!(points > 0)) continue;
        const form = formOf.get(c.units[u].id) as ReadForm;
        if (!plans.get(form.unit)?.fresh.has(leaf.code)) continue;
        const answer = form.answers.get(leaf.code);
        if (!answer || answer.evidence !== '') continue;
        if (evidenceKept.has(`${form.unit}\u0000${leaf.code}`)) continue;
        const where = { file: form.source, cell: ref(form.sheet, answer.row, FORM_COLS.evidence) };
        const params = { code: leaf.code, points: formatMicro(points, settings.decimals) };
        issues.push(
          settings.evidencePolicy === 'error'
            ? error('formNoEvidence', params, where)
            : warning('formNoEvidence', params, where),
        );
      }
    });
  }
  if (issues.some((i) => i.severity === 'error')) return { ok: false, issues };

  const warnings = issues
    .filter((i) => i.severity === 'warning')
    .sort((a, b) => formatIssue(a).localeCompare(formatIssue(b)));
  const selfSheet = mergedScores(current, setup, filled, plans);
  const explanations = mergedExplanations(
    input.sheets[F.explanations],
    units,
    filled,
    leavesByUnit,
    plans,
  );
  // The A1 address of each replaced score in the written "Tự chấm".
  const written = selfLayout(selfSheet.rows);
  const selfCell = (code: string, unit: string): string => {
    const r = written.rowOf.get(code);
    const c = written.colOf.get(unit);
    return r === undefined || c === undefined ? '' : cellAddress({ row: r + 1, col: c + 1 });
  };
  const outcome = {
    merged: filled.map((f) => ({ unit: f.unit, source: f.source })),
    empty: empty.map((f) => ({ unit: f.unit, source: f.source })),
    changed: filled
      .filter((f) => (plans.get(f.unit) as UnitPlan).changed.length > 0)
      .map((f) => ({
        unit: f.unit,
        source: f.source,
        cells: (plans.get(f.unit) as UnitPlan).changed.map((ch) => ({
          ...ch,
          cell: selfCell(ch.code, f.unit),
        })),
      })),
    kept: filled
      .filter((f) => (plans.get(f.unit) as UnitPlan).kept.length > 0)
      .map((f) => ({
        unit: f.unit,
        source: f.source,
        codes: (plans.get(f.unit) as UnitPlan).kept,
      })),
  };
  const notes = mergeNotes(outcome);
  const log = mergeLog(input, outcome, notes, warnings);
  return { ok: true, outputs: [selfSheet, explanations, log], ...outcome, notes, warnings };
}

/** What a merged form does to its unit's cells. */
interface UnitPlan {
  /** The score each applicable leaf holds after the merge (the form's, or the kept one). */
  scores: Map<string, CellValue>;
  /** Scores already there that the form replaced. */
  changed: ScoreChange[];
  /** Leaves blank in the form whose score in "Tự chấm" was kept. */
  kept: string[];
  /** Leaves whose score the form brings (new or changed): the ones checked. */
  fresh: Set<string>;
}

/** The (unit, criterion) pairs "Giải trình tự chấm" holds evidence for. */
function evidenceOf(grid: Grid | undefined): Set<string> {
  const out = new Set<string>();
  for (const row of (grid ?? []).slice(1)) {
    if (text(row?.[4]) !== '') out.add(`${text(row?.[0])}\u0000${text(row?.[1])}`);
  }
  return out;
}

/** "Tự chấm" with the merged units' columns as their plans say, every other cell kept. */
function mergedScores(
  current: Grid | undefined,
  setup: CampaignSetup,
  filled: readonly ReadForm[],
  plans: ReadonlyMap<string, UnitPlan>,
): TemplateSheet {
  const rows: CellValue[][] = (
    current && current.length > 0 ? current : [[H.criterionCode, H.criterionName, H.max]]
  ).map((row) => [...(row ?? [])]);
  const header = rows[0];
  const { rowOf, colOf } = selfLayout(rows);
  const allLeaves = leavesOf(setup.criteria);
  for (const leaf of allLeaves) {
    if (!rowOf.has(leaf.code)) {
      rowOf.set(leaf.code, rows.length);
      rows.push([leaf.code, leaf.name, leaf.max]);
    }
  }
  for (const form of filled) {
    let c = colOf.get(form.unit);
    if (c === undefined) {
      c = Math.max(header.length, 3);
      header[c] = form.unit;
      colOf.set(form.unit, c);
    }
    for (const [code, v] of (plans.get(form.unit) as UnitPlan).scores) {
      const row = rows[rowOf.get(code) as number];
      const before = c < row.length ? row[c] : null;
      if (before === v || (isBlank(before) && isBlank(v))) continue;
      while (row.length < c) row.push(null);
      row[c] = v;
    }
  }
  // The score cells keep their checks (as in the template), one rule per leaf row.
  const last = header.length - 1;
  const validations: Validation[] = [];
  if (last >= 3) {
    for (const leaf of allLeaves) {
      const r = (rowOf.get(leaf.code) as number) + 1;
      const range = `D${r}:${columnName(last)}${r}`;
      const v = scoreValidation(leaf, range);
      validations.push(
        leaf.rule?.kind === 'levels'
          ? {
              ...v,
              listRange: undefined,
              values: [...leaf.rule.levels.map((l) => l.label), vi.template.na],
            }
          : v,
      );
    }
  }
  return { name: S.self, rows, boldRows: [0], frozenRows: 1, validations };
}

function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

/**
 * "Giải trình tự chấm": one row per unit and leaf, merged units from their forms. A blank
 * explanation or evidence cell in a form keeps what the sheet held for that criterion, as a
 * blank score cell keeps the score.
 */
function mergedExplanations(
  current: Grid | undefined,
  units: readonly UnitSpec[],
  filled: readonly ReadForm[],
  leavesByUnit: ReadonlyMap<string, CriterionSpec[]>,
  plans: ReadonlyMap<string, UnitPlan>,
): TemplateSheet {
  const h = F.headers;
  const header: CellValue[] = [
    H.unitCode,
    h.code,
    h.score,
    h.explanation,
    h.evidence,
    h.file,
    F.sentOn,
  ];
  const mergedUnits = new Set(filled.map((f) => f.unit));
  const byUnit = new Map<string, CellValue[][]>();
  const previous = new Map<string, readonly CellValue[]>();
  for (const row of (current ?? []).slice(1)) {
    const unit = text(row?.[0]);
    if (unit === '') continue;
    if (mergedUnits.has(unit)) {
      previous.set(`${unit}\u0000${text(row?.[1])}`, row);
      continue;
    }
    (byUnit.get(unit) ?? byUnit.set(unit, []).get(unit))?.push([...row]);
  }
  for (const form of filled) {
    const plan = plans.get(form.unit) as UnitPlan;
    byUnit.set(
      form.unit,
      (leavesByUnit.get(form.unit) ?? []).map((leaf) => {
        const a = form.answers.get(leaf.code);
        const before = previous.get(`${form.unit}\u0000${leaf.code}`);
        const score = plan.scores.get(leaf.code);
        return [
          form.unit,
          leaf.code,
          isBlank(score ?? null) ? null : (score ?? null),
          a?.explanation || text(before?.[3]) || null,
          a?.evidence || text(before?.[4]) || null,
          form.source,
          form.date ?? null,
        ];
      }),
    );
  }
  // Units in "Đơn vị" order, then any unit only this sheet knows, by id.
  const order = [
    ...units.map((u) => u.id).filter((id) => byUnit.has(id)),
    ...[...byUnit.keys()].filter((id) => !units.some((u) => u.id === id)).sort(),
  ];
  const rows = [header, ...order.flatMap((id) => byUnit.get(id) ?? [])];
  // General, not '@': text is kept as text by asText in every host (an apostrophe in a cell
  // formatted as text would stay visible in Google Sheets).
  const textCols = rows.map(() => []);
  return {
    name: F.explanations,
    rows,
    formats: textCols,
    boldRows: [0],
    frozenRows: 1,
    columnWidths: [12, 12, 12, 60, 50, 24, 12],
  };
}

/** What a merge did, unit by unit: what the summary and the log say. */
interface MergeOutcomeLists {
  merged: { unit: string; source: string }[];
  empty: { unit: string; source: string }[];
  changed: { unit: string; source: string; cells: ScoreChange[] }[];
  kept: { unit: string; source: string; codes: string[] }[];
}

/** Units named in one summary line, at most; the log has them all. */
const UNITS_LISTED = 20;
/** Criteria named per unit in a summary line about kept cells, at most. */
const CODES_LISTED = 10;

const listed = (items: readonly string[], limit: number): string =>
  items.length > limit
    ? `${items.slice(0, limit).join(', ')} ${formatMessage(F.moreUnits, { count: items.length - limit })}`
    : items.join(', ');

/** The summary's lines besides "merged": empty forms, scores replaced, blank cells kept. */
export function mergeNotes(outcome: MergeOutcomeLists): string[] {
  const notes: string[] = [];
  if (outcome.empty.length > 0) {
    notes.push(
      formatMessage(F.emptyForms, {
        count: outcome.empty.length,
        list: listed(
          outcome.empty.map((e) => formatMessage(F.emptyForm, e)),
          UNITS_LISTED,
        ),
      }),
    );
  }
  if (outcome.changed.length > 0) {
    notes.push(
      formatMessage(F.replacedScores, {
        count: outcome.changed.reduce((n, u) => n + u.cells.length, 0),
        units: outcome.changed.length,
        log: S.log,
        list: listed(
          outcome.changed.map((u) =>
            formatMessage(F.unitCells, { unit: u.unit, count: u.cells.length }),
          ),
          UNITS_LISTED,
        ),
      }),
    );
  }
  if (outcome.kept.length > 0) {
    notes.push(
      formatMessage(F.keptBlank, {
        count: outcome.kept.reduce((n, u) => n + u.codes.length, 0),
        units: outcome.kept.length,
        list: listed(
          outcome.kept.map(
            (u) =>
              `${formatMessage(F.unitCells, { unit: u.unit, count: u.codes.length })} (${listed(u.codes, CODES_LISTED)})`,
          ),
          UNITS_LISTED,
        ),
      }),
    );
  }
  return notes;
}

/** A log cell holds at most this many characters (Excel's limit is 32,767). */
const LOG_CELL = 32_000;
const logText = (s: string): string => (s.length > LOG_CELL ? `${s.slice(0, LOG_CELL)}…` : s);

/**
 * "Nhật ký" with one row for this merge, then one row per unit whose scores were replaced or
 * kept: every replaced cell with its old and new value, every kept criterion. At most one row
 * per merged unit, each cut to what a cell holds (150 changes take about 4,000 characters).
 */
function mergeLog(
  input: MergeInput,
  outcome: MergeOutcomeLists,
  notes: readonly string[],
  warnings: Issue[],
): OutputBlock {
  // The checksum covers the merged forms whatever order they came in.
  const each = input.forms.map((f) => ({
    source: f.source,
    hash: inputHash({ form: f.grid ?? [] }),
  }));
  each.sort((a, b) => a.source.localeCompare(b.source) || a.hash.localeCompare(b.hash));
  const hash = inputHash({ forms: each.map((f) => [f.source, f.hash]) });
  const count = outcome.merged.length;
  const summary = [
    F.merged
      .replace('{forms}', String(count))
      .replace('{units}', String(count))
      .replace('{sheet}', S.self),
    ...notes,
    ...warnings.map(formatIssue),
  ].join('\n');
  const log = appendLog(input.sheets[S.log], [
    input.time,
    hash,
    F.logSettings,
    count,
    null,
    warnings.length,
    summary,
  ]);
  const changedOf = new Map(outcome.changed.map((u) => [u.unit, u]));
  const keptOf = new Map(outcome.kept.map((u) => [u.unit, u]));
  for (const m of outcome.merged) {
    const changed = changedOf.get(m.unit);
    const kept = keptOf.get(m.unit);
    if (!changed && !kept) continue;
    const parts = [formatMessage(F.logUnit, m)];
    if (changed) {
      parts.push(
        formatMessage(F.logReplaced, {
          count: changed.cells.length,
          list: changed.cells
            .map((ch) =>
              formatMessage(F.logChange, {
                code: ch.code,
                cell: ch.cell,
                before: text(ch.before),
                after: text(ch.after),
              }),
            )
            .join('; '),
        }),
      );
    }
    if (kept) {
      parts.push(
        formatMessage(F.logKept, { count: kept.codes.length, list: kept.codes.join(', ') }),
      );
    }
    log.rows.push([input.time, hash, F.logOldScores, 1, null, null, logText(parts.join(' '))]);
    log.formats?.push([]);
  }
  return log;
}

/** What the task pane / sidebar shows after a merge. */
export type MergeSummary =
  | {
      ok: true;
      merged: { unit: string; source: string }[];
      /** Forms with no score: their units kept every score. */
      empty: { unit: string; source: string }[];
      /** Units whose existing scores were replaced, and how many cells. */
      changed: { unit: string; source: string; cells: number }[];
      /** Units with blank cells whose existing scores were kept, and how many. */
      kept: { unit: string; source: string; cells: number }[];
      /** The lines the summary says besides "merged" (mergeNotes). */
      notes: string[];
      warnings: IssueView[];
      /** Sheets written. */
      sheets: string[];
    }
  | { ok: false; errors: IssueView[]; warnings: IssueView[] };

export function mergeSummary(result: MergeResult): MergeSummary {
  if (!result.ok) {
    const views = result.issues.slice(0, ISSUE_LIMIT).map(issueView);
    return {
      ok: false,
      errors: views.filter((v) => v.severity === 'error'),
      warnings: views.filter((v) => v.severity === 'warning'),
    };
  }
  return {
    ok: true,
    merged: result.merged,
    empty: result.empty,
    changed: result.changed.map((u) => ({ unit: u.unit, source: u.source, cells: u.cells.length })),
    kept: result.kept.map((u) => ({ unit: u.unit, source: u.source, cells: u.codes.length })),
    notes: result.notes,
    warnings: result.warnings.slice(0, ISSUE_LIMIT).map(issueView),
    sheets: result.outputs.map((o) => o.name),
  };
}
