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
import { vi } from '../i18n/vi';
import { cellAddress, error, formatIssue, warning, type Issue } from '../model/issues';
import { resolveSettings } from '../model/settings';
import type { CampaignSetup, CellRef, CellValue, CriterionSpec, UnitSpec } from '../model/types';
import { formatMicro } from '../numbers/points';
import { ref, text, type DateSystem, type Sheets } from '../workbook/grid';
import { parseUnitsSheet } from '../workbook/parse/units';
import type { TemplateSheet } from '../workbook/output';
import { readSetup } from '../workbook/setup';
import { ISSUE_LIMIT, issueView, type IssueView } from '../workbook/run';
import { applicableCriteria, criteriaFingerprint, FORM_COLS, FORM_ROWS, selfLayout } from './form';
import {
  evidenceOf,
  leavesOf,
  mergedExplanations,
  mergedScores,
  mergeLog,
  mergeNotes,
  type ScoreChange,
  type UnitPlan,
} from './mergeSheets';
import { isBlank, readForm, type FormFile, type ReadForm } from './read';

const F = vi.forms;
const S = vi.workbook.sheets;

/**
 * A form with no score at all: merging it would only erase what the workbook holds. An
 * unticked checkbox (FALSE) counts as no score here: Google Sheets writes FALSE into every tick
 * cell of a new form, so an untouched form holds nothing else.
 */
const isEmptyForm = (form: ReadForm): boolean =>
  [...form.answers.values()].every((a) => isBlank(a.score) || a.score === false);

/** The same answer: the same value, or the same text ("100" typed where 100 was). */
const sameValue = (a: CellValue, b: CellValue): boolean => a === b || text(a) === text(b);

export interface MergeInput {
  /** The campaign workbook's sheets (Cấu hình, Tiêu chí, Đơn vị, Tự chấm, Giải trình tự chấm, Nhật ký). */
  sheets: Sheets;
  forms: readonly FormFile[];
  /** The campaign workbook's date system (RunInput.dateSystem); 1900 if left out. */
  dateSystem?: DateSystem;
  /** Local time of the merge, for the log (hosts own the clock). */
  time: string;
}

export { readForm, type FormAnswer, type FormFile, type ReadForm } from './read';
export { mergeNotes, type ScoreChange } from './mergeSheets';

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
      /** No form was found to merge (none given, or no file is a form): nothing to write. */
      nothingFound?: true;
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
  const dates = input.dateSystem ?? 1900;
  const { setup, issues: setupIssues } = readSetup(input.sheets, dates);
  const unitsGrid = input.sheets[S.units];
  if (!setup || !unitsGrid) {
    const missing = unitsGrid
      ? []
      : [error('missingSheet', { sheet: S.units }, { workbook: true })];
    return { ok: false, issues: [...setupIssues, ...missing] };
  }
  const { units, issues: unitIssues } = parseUnitsSheet(unitsGrid, dates);
  if (unitIssues.some((i) => i.severity === 'error')) return { ok: false, issues: unitIssues };
  const settings = resolveSettings(setup.settings).settings;
  const fingerprint = criteriaFingerprint(setup.criteria);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const issues: Issue[] = [];

  // Read every form; keep the ones that belong to this campaign and its units.
  const byUnit = new Map<string, ReadForm[]>();
  // Files that are not forms at all, kept apart: when nothing else was given, nothing was found.
  const notForms: Issue[] = [];
  let found = 0;
  for (const file of input.forms) {
    const read = readForm(file);
    const form = read.form;
    if (!form && read.issues.length > 0 && read.issues.every((i) => i.key === 'formMissing')) {
      notForms.push(...read.issues);
      continue;
    }
    found++;
    issues.push(...read.issues);
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

  // Nothing to merge (no form given, or none of the files is a form): a warning, nothing to
  // write — not a merge of 0 units that rewrites "Tự chấm" and adds a log row.
  if (found === 0) {
    return {
      ok: true,
      outputs: [],
      merged: [],
      empty: [],
      changed: [],
      kept: [],
      notes: [],
      warnings: [
        warning('noFormsToMerge', {}, { workbook: true }),
        ...notForms.map((i) => warning('formNotAForm', i.params, i.at)),
      ],
      nothingFound: true,
    };
  }
  issues.push(...notForms);

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
      /** Nothing was found to merge and nothing was written (the warnings say so). */
      nothingFound: boolean;
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
    nothingFound: result.nothingFound === true,
  };
}
