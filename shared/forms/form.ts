/**
 * Self-assessment forms out: one sheet per unit with that unit's applicable criteria, the three
 * columns the unit fills (Điểm tự chấm, Giải trình, Tài liệu kiểm chứng) and everything else
 * locked, carrying the campaign id and a fingerprint of the criteria so that a form of another
 * year, or one whose criteria were edited, is recognised when it comes back.
 */
import { vi } from '../i18n/vi';

import { error, type Issue } from '../model/issues';
import type { CampaignSetup, CellValue, CriterionSpec, UnitSpec } from '../model/types';
import { text, type DateSystem, type Grid, type Sheets } from '../workbook/grid';
import { ruleParams } from '../workbook/inputs';
import type { TemplateSheet, Validation } from '../workbook/output';
import { parseUnitsSheet } from '../workbook/parse/units';
import { readSetup } from '../workbook/setup';
import { scoreValidation } from '../workbook/template';
import { formFileNames, formSheetNames, unitCodeIssues } from './names';

const F = vi.forms;
const H = F.headers;

/** Row of each label in a form (0-based), and of the criteria table's header. */
export const FORM_ROWS = {
  title: 0,
  campaignId: 1,
  year: 2,
  unitCode: 3,
  unitName: 4,
  fingerprint: 5,
  sentOn: 6,
  guidance: 7,
  header: 9,
} as const;

/** Columns of the criteria table. */
export const FORM_COLS = {
  code: 0,
  name: 1,
  max: 2,
  rule: 3,
  score: 4,
  explanation: 5,
  evidence: 6,
} as const;

const col = (c: number): string => String.fromCharCode(65 + c);

function flatten(nodes: readonly CriterionSpec[], out: CriterionSpec[] = []): CriterionSpec[] {
  for (const n of nodes) {
    out.push(n);
    if (n.children?.length) flatten(n.children, out);
  }
  return out;
}

/**
 * A fingerprint of what a form asks: every criterion's code, name, max, rule and parameters and
 * the blocks it applies to (two FNV-1a lanes, hex). Equal fingerprints mean the same questions.
 */
export function criteriaFingerprint(criteria: readonly CriterionSpec[]): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  const str = (s: string): void => {
    for (let i = 0; i < s.length; i++) {
      const w = s.charCodeAt(i);
      a = Math.imul(a ^ w, 0x01000193);
      b = Math.imul(b ^ w, 0x01000193) ^ (b >>> 13);
    }
    a = Math.imul(a ^ 0x1f, 0x01000193);
    b = Math.imul(b ^ 0x1f, 0x01000193);
  };
  for (const n of flatten(criteria)) {
    str(n.code);
    str(n.name.normalize('NFC').trim());
    str(String(n.max));
    str(n.rule?.kind ?? '');
    str(n.rule ? ruleParams(n.rule) : '');
    str((n.blocks ?? []).join(','));
  }
  const hex = (x: number): string => (x >>> 0).toString(16).padStart(8, '0');
  return (hex(a) + hex(b)).toUpperCase();
}

/** The criteria a unit of this block answers: a parent stays when any child applies. */
export function applicableCriteria(
  nodes: readonly CriterionSpec[],
  block: string,
): CriterionSpec[] {
  const out: CriterionSpec[] = [];
  for (const n of nodes) {
    if (n.blocks?.length && !n.blocks.includes(block)) continue;
    if (n.children?.length) {
      const children = applicableCriteria(n.children, block);
      if (children.length) out.push({ ...n, children });
    } else out.push(n);
  }
  return out;
}

/** "Theo mức: Đúng hạn = 1,75; Trễ hạn = 0,5": how a leaf is scored, for the person filling. */
function ruleText(leaf: CriterionSpec): string {
  if (!leaf.rule) return '';
  const kind = vi.workbook.choices.rules[leaf.rule.kind];
  const params = ruleParams(leaf.rule);
  return params ? `${kind}: ${params}` : kind;
}

export interface FormOptions {
  /** The sheet's name: "Phiếu tự chấm" in a form workbook, "Phiếu DV001" inside the campaign. */
  sheetName?: string;
  /** Scores already known (e.g. a form sent again), by criterion code. */
  previous?: Record<string, { score?: CellValue; explanation?: string; evidence?: string }>;
}

/** One unit's self-assessment form, ready for any host to write (values, validations, locks). */
export function unitForm(
  setup: CampaignSetup,
  unit: Pick<UnitSpec, 'id' | 'name' | 'block'>,
  options: FormOptions = {},
): TemplateSheet {
  const name = options.sheetName ?? F.sheet;
  const criteria = applicableCriteria(setup.criteria, unit.block);
  const rows: CellValue[][] = [
    [vi.forms.title.replace('{campaign}', setup.name)],
    [F.campaignId, setup.id],
    [F.year, setup.year],
    [F.unitCode, unit.id],
    [F.unitName, unit.name],
    [F.fingerprint, criteriaFingerprint(setup.criteria)],
    [F.sentOn, null],
    [F.guidance],
    [],
    [H.code, H.name, H.max, H.rule, H.score, H.explanation, H.evidence],
  ];
  const bold: number[] = [FORM_ROWS.title, FORM_ROWS.header];
  const validations: Validation[] = [];
  const unlocked: string[] = [`B${FORM_ROWS.sentOn + 1}`];
  const formats: (string | undefined)[][] = rows.map(() => []);
  formats[FORM_ROWS.sentOn] = [undefined, 'yyyy-mm-dd'];
  for (const node of flatten(criteria)) {
    const r = rows.length;
    if (node.children?.length) {
      bold.push(r);
      rows.push([node.code, node.name, node.max]);
      formats.push([]);
      continue;
    }
    const known = options.previous?.[node.code];
    rows.push([
      node.code,
      node.name,
      node.max,
      ruleText(node),
      known?.score ?? null,
      known?.explanation ?? null,
      known?.evidence ?? null,
    ]);
    formats.push([undefined, undefined, undefined, undefined, undefined, '@', '@']);
    const score = `${col(FORM_COLS.score)}${r + 1}`;
    // Level labels may hold commas: hosts put such lists where they can hold them.
    const v = scoreValidation(node, score);
    if (node.rule?.kind === 'levels') {
      validations.push({
        range: score,
        values: [...node.rule.levels.map((l) => l.label), vi.template.na],
        prompt: v.prompt,
        error: v.error,
      });
    } else validations.push(v);
    unlocked.push(`${col(FORM_COLS.score)}${r + 1}:${col(FORM_COLS.evidence)}${r + 1}`);
  }
  return {
    name,
    rows,
    formats,
    boldRows: bold,
    columnWidths: [24, 60, 10, 30, 14, 50, 40],
    frozenRows: FORM_ROWS.header + 1,
    validations,
    protection: { unlocked },
  };
}

/**
 * Where "Tự chấm" keeps each score: the row of each criterion code (column A) and the column of
 * each unit (its code in row 1; the first such column). Making forms reads it to pre-fill them,
 * merging reads and writes it: both see the same cells.
 */
export interface SelfLayout {
  rowOf: Map<string, number>;
  colOf: Map<string, number>;
}

export function selfLayout(rows: Grid | undefined): SelfLayout {
  const colOf = new Map<string, number>();
  (rows?.[0] ?? []).forEach((v, c) => {
    const id = text(v);
    if (c >= 1 && id !== '' && !colOf.has(id)) colOf.set(id, c);
  });
  const rowOf = new Map<string, number>();
  (rows ?? []).forEach((row, r) => {
    const code = text(row?.[0]);
    if (r > 0 && code !== '' && !rowOf.has(code)) rowOf.set(code, r);
  });
  return { rowOf, colOf };
}

/** What a unit has answered so far, by criterion code (the shape `FormOptions.previous` takes). */
export type KnownAnswers = NonNullable<FormOptions['previous']>;

/**
 * The answers a campaign already holds, per unit: scores from "Tự chấm", explanations and
 * evidence from "Giải trình tự chấm" (blank cells are not answers). Forms carry them, so a unit
 * corrects its scores rather than types them again, and a form sent back untouched changes
 * nothing.
 */
export function knownAnswers(sheets: Sheets): (unit: string) => KnownAnswers {
  const self = sheets[vi.workbook.sheets.self];
  const { rowOf, colOf } = selfLayout(self);
  const notes = new Map<string, Map<string, { explanation: string; evidence: string }>>();
  for (const row of (sheets[F.explanations] ?? []).slice(1)) {
    const unit = text(row?.[0]);
    const code = text(row?.[1]);
    if (unit === '' || code === '') continue;
    const explanation = text(row?.[3]);
    const evidence = text(row?.[4]);
    if (explanation === '' && evidence === '') continue;
    (notes.get(unit) ?? notes.set(unit, new Map()).get(unit))?.set(code, { explanation, evidence });
  }
  return (unit) => {
    const known: KnownAnswers = {};
    const c = colOf.get(unit);
    if (self && c !== undefined) {
      for (const [code, r] of rowOf) {
        const v = self[r]?.[c];
        if (v !== null && v !== undefined && text(v) !== '') known[code] = { score: v };
      }
    }
    for (const [code, n] of notes.get(unit) ?? []) {
      known[code] = {
        ...known[code],
        ...(n.explanation ? { explanation: n.explanation } : {}),
        ...(n.evidence ? { evidence: n.evidence } : {}),
      };
    }
    return known;
  };
}

/** The campaign's own sheets: no unit's form sheet may take one of their names. */
export const CAMPAIGN_SHEETS: readonly string[] = [
  ...Object.values(vi.workbook.sheets),
  F.explanations,
  F.sheet,
];

export type CampaignFormSheets =
  | {
      ok: true;
      setup: CampaignSetup;
      /** One per unit of "Đơn vị", in its order: the file or sheet name, and the form. */
      forms: { unit: UnitSpec; name: string; sheet: TemplateSheet }[];
    }
  | { ok: false; issues: Issue[] };

/**
 * Every unit's form, from the campaign's sheets ("Cấu hình", "Tiêu chí", "Đơn vị", and "Tự chấm"
 * / "Giải trình tự chấm" for what units have answered already), each under a unique name:
 * `files` names .xlsx files ("DV001.xlsx", sheet "Phiếu tự chấm" inside), `sheets` names sheets
 * of the campaign itself ("Phiếu DV001"). `skip` leaves out the names a host already has.
 */
export function campaignFormSheets(
  sheets: Sheets,
  naming: 'files' | 'sheets',
  skip?: (name: string) => boolean,
  dates: DateSystem = 1900,
): CampaignFormSheets {
  const { setup, issues } = readSetup(sheets, dates);
  if (!setup) return { ok: false, issues };
  const grid = sheets[vi.workbook.sheets.units];
  if (!grid) {
    return {
      ok: false,
      issues: [error('missingSheet', { sheet: vi.workbook.sheets.units }, { workbook: true })],
    };
  }
  const parsed = parseUnitsSheet(grid, dates);
  const bad = [...parsed.issues, ...unitCodeIssues(parsed.units)].filter(
    (i) => i.severity === 'error',
  );
  if (bad.length > 0) return { ok: false, issues: bad };
  const ids = parsed.units.map((u) => u.id);
  const names =
    naming === 'files' ? formFileNames(ids) : formSheetNames(ids, F.unitSheet, CAMPAIGN_SHEETS);
  const known = knownAnswers(sheets);
  const forms: { unit: UnitSpec; name: string; sheet: TemplateSheet }[] = [];
  for (const unit of parsed.units) {
    const name = names.get(unit.id) as string;
    if (skip?.(name)) continue;
    const sheet = unitForm(setup, unit, {
      previous: known(unit.id),
      ...(naming === 'sheets' ? { sheetName: name } : {}),
    });
    forms.push({ unit, name, sheet });
  }
  return { ok: true, setup, forms };
}
