/**
 * "Đối chiếu": each appraised unit's self scores against its appraised scores, one row per leaf
 * criterion applicable to the unit, then the unit's totals. Differences and cells flagged for
 * discussion are highlighted (OutputBlock.highlights). Printed values use the campaign's one
 * rounding function; totals are rounded once from the unrounded sums, like "Kết quả".
 */
import type { Evaluation } from '../evaluate';
import { formatMessage, vi } from '../i18n/vi';
import type { CampaignSpec, CellValue } from '../model/types';
import { fromMicro, rounder } from '../numbers/points';
import type { OutputBlock } from './output';

type Ok = Extract<Evaluation, { ok: true }>;

const decimal = (micro: number): string => String(fromMicro(micro)).replace('.', ',');

/**
 * The longest full table (about 130 units × 150 criteria: a province's campaign). Past it, every
 * row costs each click writing time (Apps Script writes every cell; Excel on the web splits
 * requests past 4 MB) for nothing: the table keeps the rows with a difference, a reply or a
 * note, and the totals, and says so in its last row.
 */
export const FULL_TABLE_ROWS = 20_000;

const SELF_NA = 1;
const APPRAISED = 2;
const COUNTED_NA = 4;
const ROUND2 = 8;
const DISCUSS = 16;

/** The "Đối chiếu" sheet, or undefined when no cell of the campaign was appraised. */
export function renderReconciliation(
  evaluation: Ok,
  spec: CampaignSpec,
  rowLimit = FULL_TABLE_ROWS,
): OutputBlock | undefined {
  const c = evaluation.campaign;
  const facts = c.appraisal;
  if (!facts) return undefined;
  const R = vi.reconciliation;
  const t = evaluation.table;
  const n = c.units.length;
  const round = rounder(c.settings.decimals);
  const d = c.settings.decimals;
  const num = d === 0 ? '0' : '0.' + '0'.repeat(d);
  const show = (micro: number): number => fromMicro(round(micro));

  // Per cell: counted points (self + corrections) and what the notes say.
  const counted = Float64Array.from(c.self);
  const { cells, delta } = c.corrections;
  for (let i = 0; i < cells.length; i++) counted[cells[i]] += delta[i];
  const flags = new Uint8Array(c.self.length);
  const mark = (list: Uint32Array, flag: number): void => {
    for (const cell of list) flags[cell] |= flag;
  };
  mark(facts.selfNotApplicable, SELF_NA);
  mark(facts.cells, APPRAISED);
  mark(c.notApplicable, COUNTED_NA);
  mark(facts.round2, ROUND2);
  mark(facts.discussion.cells, DISCUSS);
  const spread = new Map<number, number>();
  facts.discussion.cells.forEach((cell, i) => spread.set(cell, facts.discussion.spread[i]));

  // Replies by cell (leaf × unit), so the loop below looks them up by number.
  const unitIndex = new Map(c.units.map((u, i) => [u.id, i]));
  const leafIndex = new Map(c.leaves.map((leaf, l) => [leaf.code, l]));
  const replies = new Map<number, string>();
  for (const r of spec.replies ?? []) {
    const u = unitIndex.get(r.unit);
    const l = leafIndex.get(r.criterion);
    if (u === undefined || l === undefined) continue;
    const lines = [r.text, r.evidence ? formatMessage(R.evidence, { evidence: r.evidence }) : '']
      .filter(Boolean)
      .join('\n');
    replies.set(l * n + u, lines);
  }

  // Whether leaf l applies to unit u: one byte per (leaf, block) instead of a set lookup per cell.
  const B = c.blocks.length + 1;
  const unitBlock = Int32Array.from(c.units, (unit) => (unit.block < 0 ? B - 1 : unit.block));
  const appliesTo = new Uint8Array(c.leaves.length * B);
  c.leaves.forEach((leaf, l) => {
    for (let b = 0; b < B; b++) {
      appliesTo[l * B + b] = leaf.blocks === null || leaf.blocks.has(b === B - 1 ? -1 : b) ? 1 : 0;
    }
  });

  // Units with at least one appraised cell, in input order.
  const appraisedUnit = new Uint8Array(n);
  for (const cell of facts.cells) appraisedUnit[cell % n] = 1;
  let full = 1;
  for (let u = 0; u < n; u++) {
    if (!appraisedUnit[u]) continue;
    full++;
    for (let l = 0; l < c.leaves.length; l++) full += appliesTo[l * B + unitBlock[u]];
  }
  const trimmed = full > rowLimit;

  const header: CellValue[] = [
    R.unitCode,
    R.unitName,
    R.criterionCode,
    R.criterionName,
    R.max,
    R.self,
    R.appraised,
    R.difference,
    R.reply,
    R.note,
  ];
  // Without any self score there is nothing to compare: the sheet says so on its first line and
  // lists the appraised scores with no self column filled, no difference and no highlight.
  const compare = facts.selfScored;
  const rows: CellValue[][] = compare ? [header] : [[vi.templateNotes.noSelfScores], header];
  const formats: (string | undefined)[][] = compare ? [[]] : [[], []];
  const boldRows = [rows.length - 1];
  const highlights: { row: number; col: number }[] = [];
  const lineFormats = [undefined, undefined, undefined, undefined, num, num, num, num];
  for (let u = 0; u < n; u++) {
    if (!appraisedUnit[u]) continue;
    const unit = c.units[u];
    for (let l = 0; l < c.leaves.length; l++) {
      if (!appliesTo[l * B + unitBlock[u]]) continue;
      const leaf = c.leaves[l];
      const cell = l * n + u;
      const f = flags[cell];
      const self = !compare || f & SELF_NA ? null : c.self[cell];
      const appraised = f & COUNTED_NA ? null : counted[cell];
      const differs =
        compare && (self === null || appraised === null ? self !== appraised : appraised !== self);
      const reply = replies.size > 0 ? (replies.get(cell) ?? null) : null;
      // Too long a table keeps the rows with a difference, a reply or a note that matters
      // (every note but "not appraised"); decided before any text is made for the row.
      const noteworthy =
        (f & (DISCUSS | ROUND2 | SELF_NA)) !== 0 || (f & APPRAISED && f & COUNTED_NA) !== 0;
      if (trimmed && !differs && reply === null && !noteworthy) continue;
      const notes: string[] = [];
      if (f & DISCUSS)
        notes.push(formatMessage(R.discuss, { spread: decimal(spread.get(cell) ?? 0) }));
      if (f & ROUND2) notes.push(R.round2);
      if (compare && f & SELF_NA) notes.push(R.selfNotApplicable);
      if (f & APPRAISED && f & COUNTED_NA) notes.push(R.notApplicable);
      if (!(f & APPRAISED)) notes.push(R.notAppraised);
      const row = rows.length;
      rows.push([
        unit.id,
        unit.name,
        leaf.code,
        leaf.name,
        fromMicro(leaf.max),
        self === null ? null : show(self),
        appraised === null ? null : show(appraised),
        self === null || appraised === null ? null : show(appraised - self),
        reply,
        notes.length ? notes.join('; ') : null,
      ]);
      formats.push(lineFormats);
      if (differs) highlights.push({ row, col: 6 }, { row, col: 7 });
      if (f & DISCUSS) highlights.push({ row, col: 9 });
    }
    const row = rows.length;
    const difference = t.appraisal[u] - t.self[u];
    rows.push([
      unit.id,
      unit.name,
      null,
      R.total,
      null,
      compare ? show(t.self[u]) : null,
      show(t.appraisal[u]),
      compare ? show(difference) : null,
      null,
      null,
    ]);
    formats.push(lineFormats);
    boldRows.push(row);
    if (compare && difference !== 0) highlights.push({ row, col: 7 });
  }
  if (trimmed) {
    rows.push([formatMessage(R.trimmed, { rows: rowLimit })]);
    formats.push([]);
  }
  return {
    name: vi.workbook.sheets.reconciliation,
    rows,
    formats,
    boldRows,
    columnWidths: [12, 30, 10, 50, 10, 12, 14, 12, 50, 40],
    frozenRows: compare ? 1 : 2,
    highlights,
  };
}
