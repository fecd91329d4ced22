/**
 * Self-assessment forms out: one sheet per unit with that unit's applicable criteria, the three
 * columns the unit fills (Điểm tự chấm, Giải trình, Tài liệu kiểm chứng) and everything else
 * locked, carrying the campaign id and a fingerprint of the criteria so that a form of another
 * year, or one whose criteria were edited, is recognised when it comes back.
 */
import { vi } from '../i18n/vi';

import type { CampaignSetup, CellValue, CriterionSpec, UnitSpec } from '../model/types';
import { ruleParams } from '../workbook/inputs';
import type { TemplateSheet, Validation } from '../workbook/output';
import { scoreValidation } from '../workbook/template';

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
