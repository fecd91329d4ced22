/**
 * Self-assessment forms in: read each returned form, reject what does not belong (another
 * campaign, edited criteria, an unknown unit, a score its rule does not allow), flag what needs
 * a look (the same unit twice — the later form wins —, a form after the deadline, a positive
 * score without evidence: an error or a warning by setting), then merge into "Tự chấm" and
 * "Giải trình tự chấm" and add a row to "Nhật ký". Order-independent and idempotent: the result
 * depends on the set of forms only, and merging them again changes no score.
 */
import { compileCampaign } from '../compile';
import { vi } from '../i18n/vi';
import { error, formatIssue, warning, type Issue } from '../model/issues';
import { resolveSettings } from '../model/settings';
import type { CampaignSetup, CellRef, CellValue, CriterionSpec, UnitSpec } from '../model/types';
import { formatMicro } from '../numbers/points';
import {
  cellAt,
  dateOf,
  ref,
  text,
  type DateSystem,
  type Grid,
  type Sheets,
} from '../workbook/grid';
import { parseUnitsSheet } from '../workbook/parse/units';
import type { OutputBlock, TemplateSheet, Validation } from '../workbook/output';
import { appendLog, inputHash } from '../workbook/render';
import { readSetup } from '../workbook/setup';
import { ISSUE_LIMIT, issueView, type IssueView } from '../workbook/run';
import { scoreValidation } from '../workbook/template';
import { applicableCriteria, criteriaFingerprint, FORM_COLS, FORM_ROWS } from './form';

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
  /** The date system of the form's workbook (its own: a form may be saved elsewhere); 1900 if unknown. */
  dateSystem?: DateSystem;
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

const isBlank = (v: CellValue): boolean => v === null || v === undefined || v === '';

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
    const d = dateOf(sent, file.dateSystem ?? 1900);
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
  /** The campaign workbook's date system (RunInput.dateSystem); 1900 if left out. */
  dateSystem?: DateSystem;
  /** Local time of the merge, for the log (hosts own the clock). */
  time: string;
}

export type MergeResult =
  | {
      ok: true;
      /** "Tự chấm", "Giải trình tự chấm" and "Nhật ký", to write whole. */
      outputs: TemplateSheet[];
      /** The forms merged (one per unit), in unit order. */
      merged: { unit: string; source: string }[];
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
    const winner = forms[forms.length - 1];
    for (const older of forms.slice(0, -1)) {
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

  // Scores checked by the core's own rules, located at the form's cells.
  const formOf = new Map(winners.map((f) => [f.unit, f]));
  const spec = {
    ...(setup as CampaignSetup),
    units: winners.map((f) => {
      const u = unitById.get(f.unit) as UnitSpec;
      const self: Record<string, CellValue> = {};
      for (const leaf of leavesByUnit.get(f.unit) ?? []) {
        const v = f.answers.get(leaf.code)?.score;
        if (v !== undefined) self[leaf.code] = v;
      }
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
    // A positive self score needs its evidence (deductions earn nothing by themselves).
    const n = c.units.length;
    c.leaves.forEach((leaf, l) => {
      if (leaf.rule.kind === 'deduction') return;
      for (let u = 0; u < n; u++) {
        const points = c.self[l * n + u];
        if (!(points > 0)) continue;
        const form = formOf.get(c.units[u].id) as ReadForm;
        const answer = form.answers.get(leaf.code);
        if (!answer || answer.evidence !== '') continue;
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
  const selfSheet = mergedScores(input.sheets[S.self], setup, winners, leavesByUnit);
  const explanations = mergedExplanations(
    input.sheets[F.explanations],
    units,
    winners,
    leavesByUnit,
  );
  const log = mergeLog(input, winners, warnings);
  return {
    ok: true,
    outputs: [selfSheet, explanations, log],
    merged: winners.map((f) => ({ unit: f.unit, source: f.source })),
    warnings,
  };
}

/** "Tự chấm" with the merged units' columns filled from their forms, other cells kept. */
function mergedScores(
  current: Grid | undefined,
  setup: CampaignSetup,
  winners: readonly ReadForm[],
  leavesByUnit: ReadonlyMap<string, CriterionSpec[]>,
): TemplateSheet {
  const rows: CellValue[][] = (
    current && current.length > 0 ? current : [[H.criterionCode, H.criterionName, H.max]]
  ).map((row) => [...(row ?? [])]);
  const header = rows[0];
  const colOf = new Map<string, number>();
  header.forEach((v, c) => {
    if (c >= 1 && text(v) !== '') colOf.set(text(v), c);
  });
  const rowOf = new Map<string, number>();
  rows.forEach((row, r) => {
    if (r > 0 && text(row[0]) !== '') rowOf.set(text(row[0]), r);
  });
  const allLeaves = leavesOf(setup.criteria);
  for (const leaf of allLeaves) {
    if (!rowOf.has(leaf.code)) {
      rowOf.set(leaf.code, rows.length);
      rows.push([leaf.code, leaf.name, leaf.max]);
    }
  }
  for (const form of winners) {
    let c = colOf.get(form.unit);
    if (c === undefined) {
      c = Math.max(header.length, 3);
      header[c] = form.unit;
      colOf.set(form.unit, c);
    }
    for (const leaf of leavesByUnit.get(form.unit) ?? []) {
      const row = rows[rowOf.get(leaf.code) as number];
      while (row.length < c) row.push(null);
      const v = form.answers.get(leaf.code)?.score;
      row[c] = v === undefined || v === '' ? null : v;
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

/** "Giải trình tự chấm": one row per unit and leaf, merged units from their forms. */
function mergedExplanations(
  current: Grid | undefined,
  units: readonly UnitSpec[],
  winners: readonly ReadForm[],
  leavesByUnit: ReadonlyMap<string, CriterionSpec[]>,
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
  const mergedUnits = new Set(winners.map((f) => f.unit));
  const byUnit = new Map<string, CellValue[][]>();
  for (const row of (current ?? []).slice(1)) {
    const unit = text(row?.[0]);
    if (unit === '' || mergedUnits.has(unit)) continue;
    (byUnit.get(unit) ?? byUnit.set(unit, []).get(unit))?.push([...row]);
  }
  for (const form of winners) {
    byUnit.set(
      form.unit,
      (leavesByUnit.get(form.unit) ?? []).map((leaf) => {
        const a = form.answers.get(leaf.code);
        return [
          form.unit,
          leaf.code,
          a?.score ?? null,
          a?.explanation || null,
          a?.evidence || null,
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

/** "Nhật ký" with one row for this merge. */
function mergeLog(input: MergeInput, winners: readonly ReadForm[], warnings: Issue[]): OutputBlock {
  // The checksum covers the merged forms whatever order they came in.
  const each = input.forms.map((f) => ({
    source: f.source,
    hash: inputHash({ form: f.grid ?? [] }),
  }));
  each.sort((a, b) => a.source.localeCompare(b.source) || a.hash.localeCompare(b.hash));
  const hash = inputHash({ forms: each.map((f) => [f.source, f.hash]) });
  const notes = [
    F.merged
      .replace('{forms}', String(winners.length))
      .replace('{units}', String(winners.length))
      .replace('{sheet}', S.self),
    ...warnings.map(formatIssue),
  ].join('\n');
  return appendLog(input.sheets[S.log], [
    input.time,
    hash,
    F.logSettings,
    winners.length,
    null,
    warnings.length,
    notes,
  ]);
}

/** What the task pane / sidebar shows after a merge. */
export type MergeSummary =
  | {
      ok: true;
      merged: { unit: string; source: string }[];
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
    warnings: result.warnings.slice(0, ISSUE_LIMIT).map(issueView),
    sheets: result.outputs.map((o) => o.name),
  };
}
