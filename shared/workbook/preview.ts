/**
 * "Điểm tạm tính": the template's live preview of each unit's points, for the people filling
 * the score sheets. Same rows as "Tự chấm" and "Chấm điểm" (the criteria tree, parents as bold
 * section rows), one column per unit; every cell a formula a person can read:
 * - a leaf: the points its counted cell gives under its rule — the "Chấm điểm" cell when it is
 *   filled, else the "Tự chấm" cell (as "Điểm được tính" says by default; only one of them when
 *   the campaign counts self or appraised scores only);
 * - a parent: the SUM of its children's rows;
 * - a survey component: the unit's cell of "Khảo sát";
 * - the last row: the unit's total points, fields plus components.
 * It is not an input: parsing never reads it, and "Xếp hạng" gives the official figures (the
 * preview rounds nothing, reads a level only by its label, does not check the input, and
 * counts a number typed as text, "90", as nothing: reading it would depend on the locale's
 * decimal sign). Spaces around a word or a label, and doubled inside, are read as the core
 * reads them (TRIM).
 * Written only for the plain layout (one score column per unit: no named appraisers, no second
 * round) and up to PREVIEW_CELL_LIMIT formulas and PREVIEW_TEXT_LIMIT characters of them.
 * test/oracle/preview.test.ts checks it against the core in LibreOffice.
 */
import { vi } from '../i18n/vi';
import { columnLetters } from '../model/issues';
import { DEFAULT_SETTINGS } from '../model/settings';
import type { CampaignSpec, CellValue, CriterionSpec, RuleSpec } from '../model/types';
import { TICK_DONE } from '../scoring/cells';
import type { TemplateSheet } from './output';

/**
 * Past this many formula cells, or this much formula text, the template has no preview: Excel
 * takes a template in one request of a few MB (about 40 units × 150 criteria fit).
 */
export const PREVIEW_CELL_LIMIT = 100_000;
export const PREVIEW_TEXT_LIMIT = 2_000_000;

const S = vi.workbook.sheets;
const col = (c: number): string => columnLetters(c + 1);
/** A sheet name as a formula reference prefix: 'Tự chấm'! */
const ref = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'!`;
/** A text as a formula string literal. */
const literal = (s: string): string => `"${s.replace(/"/g, '""')}"`;
/** A number as formula text (an exponent such as 1e-7 reads in Excel and LibreOffice alike). */
const num = (x: number): string => String(Number(x));
/**
 * Whether the cell `x` is blank as the core reads it: empty or only spaces. TRIM also folds
 * inner runs of spaces, as the core does when it matches a tick word or a level label.
 */
const blank = (x: string): string => `LEN(TRIM(${x}))=0`;

/** The formula of a leaf's points from the input cell `x` (an A1 reference), max in `max`. */
export function pointsFormula(rule: RuleSpec | undefined, x: string, max: string): string {
  switch (rule?.kind) {
    case 'points':
      // the points themselves, kept within 0..max (the core rejects a value outside, or off
      // the step, at its cell)
      return `IF(ISNUMBER(${x}),MIN(${max},MAX(0,${x})),0)`;
    case undefined:
    case 'tick': {
      // 1 is tested apart: Excel does not take 1 for TRUE (LibreOffice does)
      const words = TICK_DONE.map(literal).join(',');
      return `IF(OR(${x}=TRUE,${x}=1,${x}=${max},ISNUMBER(MATCH(TRIM(${x}),{${words}},0))),${max},0)`;
    }
    case 'levels': {
      const points = rule.levels.map((l) => num(l.points)).join(',');
      const labels = rule.levels.map((l) => literal(l.label)).join(',');
      return `IFERROR(INDEX({${points}},MATCH(TRIM(${x}),{${labels}},0)),0)`;
    }
    case 'tiers': {
      let f = '0';
      for (let i = rule.tiers.length - 1; i >= 0; i--) {
        const t = rule.tiers[i];
        f = `IF(${x}>=${num(t.min)},${num(t.points)},${f})`;
      }
      return `IF(ISNUMBER(${x}),${f},0)`;
    }
    case 'proportional': {
      const of = num(rule.of ?? 1);
      return `IF(ISNUMBER(${x}),IF(${x}>=${of},${max},${max}*${x}/${of}),0)`;
    }
    case 'deduction':
      // a blank count is no violation (full points); N/A or other text gives nothing
      return `IF(ISNUMBER(${x}),MAX(${num(rule.min ?? 0)},${max}-${x}*${num(rule.perCount)}),IF(${blank(x)},${max},0))`;
    case 'bonus':
      return rule.perCount === undefined
        ? `IF(ISNUMBER(${x}),MIN(${max},${x}),0)`
        : `IF(ISNUMBER(${x}),MIN(${max},${x}*${num(rule.perCount)}),0)`;
  }
}

/** Every node in tree order, with the blocks it applies to (its own list within its parent's). */
function flatten(
  nodes: readonly CriterionSpec[],
  inherited: string[] | null = null,
  out: { node: CriterionSpec; blocks: string[] | null }[] = [],
): { node: CriterionSpec; blocks: string[] | null }[] {
  for (const node of nodes) {
    const blocks =
      node.blocks === undefined
        ? inherited
        : node.blocks.filter((b) => inherited === null || inherited.includes(b));
    out.push({ node, blocks });
    if (node.children?.length) flatten(node.children, blocks, out);
  }
  return out;
}

/** The preview sheet of a template, or undefined when the campaign's layout has none. */
export function previewSheet(spec: CampaignSpec): TemplateSheet | undefined {
  const units = spec.units.length;
  const panel =
    (spec.appraisers?.length ?? 0) > 0 || spec.units.some((u) => (u.appraisals?.length ?? 0) > 0);
  const tree = flatten(spec.criteria);
  const nodes = tree.map((t) => t.node);
  const components = spec.components ?? [];
  const rowsCount = nodes.length + components.length + 2;
  if (units === 0 || panel || rowsCount * (units + 1) > PREVIEW_CELL_LIMIT) return undefined;

  const source = spec.settings?.scoreSource ?? DEFAULT_SETTINGS.scoreSource;
  const self = ref(S.self);
  const appraised = ref(S.appraised);
  const H = vi.workbook.headers;
  const P = vi.template.preview;
  const header: CellValue[] = [
    H.criterionCode,
    H.criterionName,
    H.max,
    ...spec.units.map((u) => u.id),
  ];
  const rows: (CellValue | undefined)[][] = [header];
  const formulas: (string | undefined)[][] = [[]];
  const bold = [0];

  // The 1-based row of each node: the same here, in both score sheets and in "Tiêu chí" (the
  // tree in order under one header row).
  const rowOf = new Map(nodes.map((n, i) => [n.code, i + 2]));
  for (const { node, blocks } of tree) {
    const r = rows.length + 1; // this row, 1-based: the same row in both score sheets
    const max = `$C${r}`;
    const f: (string | undefined)[] = [undefined, undefined, `${ref(S.criteria)}C${r}`];
    if (node.children?.length) {
      bold.push(rows.length);
      const children = node.children.map((ch) => rowOf.get(ch.code) as number);
      for (let u = 0; u < units; u++) {
        const c = col(3 + u);
        f.push(`SUM(${children.map((cr) => `${c}${cr}`).join(',')})`);
      }
    } else {
      for (let u = 0; u < units; u++) {
        const cell = `${col(3 + u)}${r}`;
        const fromSelf = pointsFormula(node.rule, self + cell, max);
        const fromAppraised = pointsFormula(node.rule, appraised + cell, max);
        const points =
          source === 'selfOnly'
            ? fromSelf
            : source === 'appraisedOnly'
              ? fromAppraised
              : `IF(${blank(appraised + cell)},${fromSelf},${fromAppraised})`;
        // A criterion of some blocks only gives nothing to a unit of another block ("Đơn vị",
        // column C, read live: a unit moved to another block is previewed in its new one).
        const block = `${ref(S.units)}$C${u + 2}`;
        f.push(
          blocks === null
            ? points
            : blocks.length === 0
              ? '0'
              : `IF(OR(${blocks.map((b) => `${block}=${literal(b)}`).join(',')}),${points},0)`,
        );
      }
    }
    rows.push([node.code, node.name, null]);
    formulas.push(f);
  }
  // Survey components: "Khảo sát" has a row per unit (in unit order) and a column per component.
  components.forEach((comp, k) => {
    const f: (string | undefined)[] = [undefined, undefined, undefined];
    for (let u = 0; u < units; u++) f.push(`N(${ref(S.survey)}${col(2 + k)}${u + 2})`);
    rows.push([comp.id, comp.name, comp.max]);
    formulas.push(f);
  });
  // The total: the fields (top-level nodes) and the components.
  const parts = [
    ...spec.criteria.map((n) => rowOf.get(n.code) as number),
    ...components.map((_, k) => nodes.length + 2 + k),
  ];
  const total: (string | undefined)[] = [undefined, undefined];
  for (let c = 2; c < 3 + units; c++) {
    const letter = col(c);
    total.push(parts.length ? `SUM(${parts.map((r) => `${letter}${r}`).join(',')})` : '0');
  }
  bold.push(rows.length);
  rows.push([null, P.total, null]);
  formulas.push(total);

  let text = 0;
  for (const row of formulas) for (const f of row) text += f?.length ?? 0;
  if (text > PREVIEW_TEXT_LIMIT) return undefined;
  return {
    name: S.preview,
    rows,
    formulas,
    formats: rows.map((_, r) =>
      r === 0 ? [] : [undefined, undefined, '0.00', ...spec.units.map(() => '0.00')],
    ),
    boldRows: bold,
    frozenRows: 1,
    columnWidths: [12, 50, 10, ...spec.units.map(() => 10)],
    protection: { unlocked: [] },
  };
}
