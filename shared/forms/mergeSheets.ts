/**
 * The sheets a merge of self-assessment forms writes — "Tự chấm", "Giải trình tự chấm", and the
 * rows it adds to "Nhật ký" — and the summary's lines, from what merge.ts decided for each unit
 * (a plan: the scores after the merge, the ones replaced, the ones kept).
 */
import { formatMessage, vi } from '../i18n/vi';
import { formatIssue, type Issue } from '../model/issues';
import type { CampaignSetup, CellValue, CriterionSpec, UnitSpec } from '../model/types';
import { text, type Grid, type Sheets } from '../workbook/grid';
import type { OutputBlock, TemplateSheet, Validation } from '../workbook/output';
import { appendLog, inputHash } from '../workbook/render';
import { scoreValidation } from '../workbook/template';
import { selfLayout } from './form';
import { isBlank, type FormFile, type ReadForm } from './read';

const F = vi.forms;
const S = vi.workbook.sheets;
const H = vi.workbook.headers;

/** The leaf criteria under `nodes`, in order. */
export function leavesOf(
  nodes: readonly CriterionSpec[],
  out: CriterionSpec[] = [],
): CriterionSpec[] {
  for (const n of nodes) {
    if (n.children?.length) leavesOf(n.children, out);
    else out.push(n);
  }
  return out;
}

/** One score a merge replaced: the old value is kept in "Nhật ký". */
export interface ScoreChange {
  code: string;
  /** The cell of "Tự chấm" (A1). */
  cell: string;
  before: CellValue;
  after: CellValue;
}

/** What a merged form does to its unit's cells. */
export interface UnitPlan {
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
export function evidenceOf(grid: Grid | undefined): Set<string> {
  const out = new Set<string>();
  for (const row of (grid ?? []).slice(1)) {
    if (text(row?.[4]) !== '') out.add(`${text(row?.[0])}\u0000${text(row?.[1])}`);
  }
  return out;
}

/** "Tự chấm" with the merged units' columns as their plans say, every other cell kept. */
export function mergedScores(
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
export function mergedExplanations(
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
export interface MergeOutcomeLists {
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
export function mergeLog(
  input: { sheets: Sheets; forms: readonly FormFile[]; time: string },
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
