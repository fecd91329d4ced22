/**
 * A fresh campaign workbook, host-neutral: the input sheets of the workbook format for a starter
 * campaign (or any spec), plus what helps a person fill them — live max subtotals, drop-downs and
 * number checks on score cells, level lists, protected and frozen headers. The CLI writes these
 * into an .xlsx; Excel and Sheets create them in the open workbook ("Tạo mẫu").
 */
import { formatMessage, vi } from '../i18n/vi';
import type { IssueView } from './run';
import { columnLetters } from '../model/issues';
import type { CampaignSpec, CellValue, CriterionSpec, UnitSpec } from '../model/types';
import { PROVINCIAL_BANDS } from '../model/settings';
import { fromMicro, toMicro } from '../numbers/points';
import { inputSheets } from './inputs';
import type { TemplateSheet, Validation } from './output';
import { previewSheet } from './preview';

const tick = (code: string, name: string, max: number): CriterionSpec => ({
  code,
  name,
  max,
  rule: { kind: 'tick' },
});

/** A criterion whose points are typed directly ("Nhập điểm"), on a step when given. */
const typed = (code: string, name: string, max: number, step?: number): CriterionSpec => ({
  code,
  name,
  max,
  rule: step === undefined ? { kind: 'points' } : { kind: 'points', step },
});

/**
 * A starter campaign: the first fields of the PAR Index method with a few criteria each, most
 * of them "Nhập điểm" (as in provincial tables) and one of each other rule kind.
 */
export function starterCampaign(units: number, year: number): CampaignSpec {
  const unitSpecs: UnitSpec[] = Array.from({ length: units }, (_, i) => ({
    id: `DV${String(i + 1).padStart(3, '0')}`,
    name: `Đơn vị ${i + 1}`,
    block: i % 2 === 0 ? 'so' : 'xa',
  }));
  return {
    id: `cchc-${year}`,
    name: `Thi đua cải cách hành chính năm ${year}`,
    year,
    settings: {
      bands: [...PROVINCIAL_BANDS],
    },
    criteria: [
      {
        code: '1',
        name: 'Công tác chỉ đạo, điều hành cải cách hành chính',
        max: 10,
        children: [
          typed('1.1', 'Xây dựng và thực hiện kế hoạch cải cách hành chính năm', 2, 0.25),
          {
            code: '1.2',
            name: 'Mức độ hoàn thành kế hoạch (%)',
            max: 2,
            rule: {
              kind: 'tiers',
              tiers: [
                { min: 100, points: 2 },
                { min: 80, points: 1 },
              ],
            },
          },
          {
            code: '1.3',
            name: 'Báo cáo cải cách hành chính định kỳ',
            max: 2,
            rule: {
              kind: 'levels',
              levels: [
                { label: 'Đầy đủ, đúng hạn', points: 2 },
                { label: 'Chậm hạn', points: 1 },
                { label: 'Không báo cáo', points: 0 },
              ],
            },
          },
          typed('1.4', 'Kiểm tra công tác cải cách hành chính', 2, 0.5),
          tick('1.5', 'Ban hành kế hoạch tuyên truyền cải cách hành chính', 1),
          {
            code: '1.6',
            name: 'Vi phạm kỷ luật, kỷ cương (số lần)',
            max: 1,
            rule: { kind: 'deduction', perCount: 0.5 },
          },
        ],
      },
      {
        code: '2',
        name: 'Cải cách thủ tục hành chính',
        max: 10,
        children: [
          {
            code: '2.1',
            name: 'Tỷ lệ hồ sơ giải quyết đúng hạn (%)',
            max: 4,
            rule: { kind: 'proportional', of: 100 },
          },
          typed('2.2', 'Công khai thủ tục hành chính đầy đủ, đúng quy định', 3, 0.25),
          typed('2.3', 'Thực hiện cơ chế một cửa, một cửa liên thông', 3, 0.5),
          {
            code: '2.4',
            name: 'Sáng kiến được công nhận (điểm thưởng)',
            max: 1,
            rule: { kind: 'bonus', perCount: 0.5 },
          },
        ],
      },
      {
        code: '3',
        name: 'Cải cách tổ chức bộ máy hành chính nhà nước',
        max: 10,
        children: [
          typed('3.1', 'Thực hiện quy định về tổ chức bộ máy', 4, 0.25),
          typed('3.2', 'Quản lý, sử dụng biên chế', 3),
          typed('3.3', 'Thực hiện quy định về phân cấp quản lý', 3, 0.5),
        ],
      },
    ],
    components: [{ id: 'sipas', name: 'Chỉ số hài lòng (SIPAS)', max: 10 }],
    blocks: [
      { id: 'so', name: 'Khối sở, ban, ngành' },
      { id: 'xa', name: 'Khối xã, phường' },
    ],
    units: unitSpecs,
    // One award with a place per block, no gate yet: the template's "Cấu hình" shows every
    // award setting and gate (inputSheets complete) for the user to fill.
    awards: {
      awards: [
        { id: 'BK', name: 'Bằng khen của Chủ tịch UBND tỉnh', quotaPerBlock: { so: 1, xa: 1 } },
      ],
      gates: [],
      runnersUpPerBlock: 0,
      unfilled: 'passDown',
    },
  };
}

/** A number as a Vietnamese reader writes it: 2,5. */
const decimalText = (n: number): string => String(n).replace('.', ',');

/** A value on the step to show in a prompt: three steps, or fewer when the max is closer. */
function stepExample(max: number, step: number): number {
  const s = toMicro(step);
  if (!(s > 0)) return 0;
  return fromMicro(Math.min(3, Math.floor(toMicro(max) / s)) * s);
}

/** A1 column letters (0-based column). */
const col = (c: number): string => columnLetters(c + 1);

function leavesOf(nodes: readonly CriterionSpec[], out: CriterionSpec[] = []): CriterionSpec[] {
  for (const n of nodes) {
    if (n.children?.length) leavesOf(n.children, out);
    else out.push(n);
  }
  return out;
}

function flatten(
  nodes: readonly CriterionSpec[],
  depth = 0,
  out: [CriterionSpec, number][] = [],
): [CriterionSpec, number][] {
  for (const n of nodes) {
    out.push([n, depth]);
    if (n.children?.length) flatten(n.children, depth + 1, out);
  }
  return out;
}

/** The data validation a person meets when typing a score for a leaf criterion. */
export function scoreValidation(
  leaf: CriterionSpec,
  range: string,
  listRange?: string,
): Validation {
  const na = vi.template.na;
  const rule = leaf.rule;
  switch (rule?.kind) {
    case 'points': {
      // the step is not checked here (no host's number check knows one): ranking checks it
      const max = decimalText(leaf.max);
      const T = vi.typedPoints;
      const prompt =
        rule.step === undefined
          ? formatMessage(T.prompt, { max })
          : formatMessage(T.promptStep, {
              max,
              step: decimalText(rule.step),
              example: decimalText(stepExample(leaf.max, rule.step)),
            });
      return {
        range,
        decimal: { min: 0, max: leaf.max },
        prompt,
        error: formatMessage(T.error, { max }),
      };
    }
    case 'tick':
      return {
        range,
        values: ['✓', '☐', na],
        prompt: vi.template.tickPrompt,
        error: vi.template.tickError,
      };
    case 'levels':
      // Labels may hold commas ("Đầy đủ, đúng hạn"): the list lives in cells of "Danh mục".
      return {
        range,
        listRange: listRange ?? '',
        prompt: vi.template.levelPrompt,
        error: vi.template.levelError,
      };
    case 'tiers':
    case 'proportional':
      return {
        range,
        decimal: { min: 0, max: 1_000_000 },
        prompt: vi.template.valuePrompt,
        error: vi.template.numberError,
      };
    case 'deduction':
      return {
        range,
        whole: { min: 0 },
        prompt: vi.template.countPrompt,
        error: vi.template.countError,
      };
    case 'bonus':
      return rule.perCount === undefined
        ? {
            range,
            decimal: { min: 0, max: leaf.max },
            prompt: vi.template.pointsPrompt,
            error: vi.template.numberError,
          }
        : {
            range,
            whole: { min: 0 },
            prompt: vi.template.countPrompt,
            error: vi.template.countError,
          };
    default:
      return { range, decimal: { min: 0, max: leaf.max }, error: vi.template.numberError };
  }
}

/**
 * The template's sheets: the input sheets of the format, plus what helps a person fill them:
 * parent rows with live max-point subtotals in "Tiêu chí", drop-down lists and number checks on
 * every score cell, frozen and protected header rows and criterion columns on the score sheets.
 */
export function templateSheets(spec: CampaignSpec): TemplateSheet[] {
  const sheets: TemplateSheet[] = inputSheets(spec, { complete: true }).map((b) => ({ ...b }));
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const S = vi.workbook.sheets;

  // "Tiêu chí": a parent's max is the live sum of its children's (bonus leaves excluded).
  const criteria = byName.get(S.criteria) as TemplateSheet;
  const rowOf = new Map<string, number>();
  criteria.rows.forEach((row, r) => rowOf.set(String(row[0]), r));
  const formulas: (string | undefined)[][] = criteria.rows.map(() => []);
  for (const [node] of flatten(spec.criteria)) {
    if (!node.children?.length) continue;
    const r = rowOf.get(node.code) as number;
    const parts = node.children
      .filter((ch) => ch.rule?.kind !== 'bonus')
      .map((ch) => `C${(rowOf.get(ch.code) as number) + 1}`);
    formulas[r][2] = parts.length ? `SUM(${parts.join(',')})` : '0';
  }
  criteria.formulas = formulas;
  criteria.boldRows = [
    0,
    ...flatten(spec.criteria)
      .filter(([n]) => n.children?.length)
      .map(([n]) => rowOf.get(n.code) as number),
  ];
  criteria.columnWidths = [12, 60, 12, 16, 40, 16];

  // "Danh mục": one column per criterion scored by levels — its labels, then N/A.
  const levelLeaves = leavesOf(spec.criteria).filter((leaf) => leaf.rule?.kind === 'levels');
  const listOf = new Map<string, string>();
  if (levelLeaves.length > 0) {
    const lists: (CellValue | undefined)[][] = [levelLeaves.map((leaf) => leaf.code)];
    levelLeaves.forEach((leaf, c) => {
      const labels = leaf.rule?.kind === 'levels' ? leaf.rule.levels.map((l) => l.label) : [];
      [...labels, vi.template.na].forEach((label, i) => {
        (lists[i + 1] ??= [])[c] = label;
      });
      listOf.set(leaf.code, `'${S.lists}'!$${col(c)}$2:$${col(c)}$${labels.length + 2}`);
    });
    sheets.push({ name: S.lists, rows: lists, boldRows: [0], frozenRows: 1 });
  }

  // Score sheets: every node of the tree (parents as bold section rows, ignored by parsing),
  // a drop-down or number check per leaf row, only the score cells unlocked.
  const units = spec.units.length;
  for (const name of [S.self, S.appraised]) {
    const sheet = byName.get(name) as TemplateSheet;
    const header = sheet.rows[0];
    const scores = new Map(sheet.rows.slice(1).map((row) => [String(row[0]), row]));
    const rows: (CellValue | undefined)[][] = [header];
    const bold = [0];
    const validations: Validation[] = [];
    const last = col(2 + units);
    for (const [node] of flatten(spec.criteria)) {
      const r = rows.length;
      if (node.children?.length) {
        bold.push(r);
        rows.push([node.code, node.name, node.max]);
      } else {
        rows.push(scores.get(node.code) ?? [node.code, node.name, node.max]);
        if (units > 0) {
          validations.push(
            scoreValidation(node, `D${r + 1}:${last}${r + 1}`, listOf.get(node.code)),
          );
        }
      }
    }
    sheet.rows = rows;
    sheet.boldRows = bold;
    sheet.validations = validations;
    sheet.frozenRows = 1;
    sheet.columnWidths = [12, 50, 10, ...Array.from({ length: units }, () => 10)];
    sheet.protection = {
      unlocked:
        units > 0
          ? leavesOf(spec.criteria).map((leaf) => {
              const r = rows.findIndex((row) => row[0] === leaf.code) + 1;
              return `D${r}:${last}${r}`;
            })
          : [],
    };
  }
  const preview = previewSheet(spec);
  if (preview) sheets.push(preview);
  return sheets;
}

/** A rectangle of formulas (0-based), to write in one host call. */
export interface FormulaBlock {
  row: number;
  col: number;
  /** Formula texts with their leading '='; every cell of the rectangle has one. */
  formulas: string[][];
}

/**
 * A sheet's formulas as rectangles: runs of formula cells along each row, joined with the runs
 * of the rows below that start and end in the same columns. The preview (a formula in every
 * unit cell) is one block; "Tiêu chí"'s parent maxima are a cell each.
 */
export function formulaBlocks(
  formulas: readonly (readonly (string | undefined)[] | undefined)[],
): FormulaBlock[] {
  const blocks: FormulaBlock[] = [];
  let open: FormulaBlock[] = [];
  formulas.forEach((row, r) => {
    const next: FormulaBlock[] = [];
    const cells = row ?? [];
    for (let c = 0; c < cells.length; c++) {
      if (!cells[c]) continue;
      let end = c;
      while (end + 1 < cells.length && cells[end + 1]) end++;
      const run = cells.slice(c, end + 1).map((f) => (f!.startsWith('=') ? f! : `=${f}`));
      const above = open.find(
        (b) =>
          b.col === c && b.formulas[0].length === run.length && b.row + b.formulas.length === r,
      );
      if (above) {
        above.formulas.push(run);
        next.push(above);
      } else {
        const block = { row: r, col: c, formulas: [run] };
        blocks.push(block);
        next.push(block);
      }
      c = end;
    }
    open = next;
  });
  return blocks;
}

/** "Tạo mẫu" only in a workbook without the campaign's sheets: one error per sheet already there. */
export function existingSheetErrors(names: readonly string[]): IssueView[] {
  return names.map((sheet) => ({
    severity: 'error' as const,
    text: formatMessage(vi.host.sheetExists, { sheet }),
    sheet,
  }));
}
