// "Giải trình bổ sung": the units' replies between appraisal rounds, by unit and criterion.
import { vi } from '../../i18n/vi';
import { error, type Issue } from '../../model/issues';
import type { ReplySpec } from '../../model/types';
import { cellAt, headerRow, isBlankRow, ref, text, type Grid } from '../grid';
import { at, hintFor } from './common';

const S = vi.workbook.sheets;
const H = vi.workbook.headers;

/**
 * "Giải trình bổ sung": a unit's reply between appraisal rounds — Mã đơn vị, Mã tiêu chí,
 * Giải trình bổ sung, Tài liệu kiểm chứng; text only. Rows for the same unit and criterion are
 * joined line by line.
 */
export function parseReplies(
  grid: Grid,
  unitIds: ReadonlySet<string>,
  leafCodes: ReadonlySet<string>,
  parents: ReadonlySet<string>,
  issues: Issue[],
): ReplySpec[] {
  const sheet = S.replies;
  const labels = { unit: H.unitCode, code: H.criterionCode, text: H.reply, evidence: H.evidence };
  const cols = headerRow(grid, sheet, labels, ['unit', 'code'], issues);
  if (cols.unit < 0 || cols.code < 0) return [];
  const byKey = new Map<string, ReplySpec>();
  for (let r = 1; r < grid.length; r++) {
    if (isBlankRow(grid[r])) continue;
    const unit = text(cellAt(grid, r, cols.unit));
    const code = text(cellAt(grid, r, cols.code));
    const reply = cols.text >= 0 ? text(cellAt(grid, r, cols.text)) : '';
    const evidence = cols.evidence >= 0 ? text(cellAt(grid, r, cols.evidence)) : '';
    if (!unitIds.has(unit)) {
      issues.push(
        error('unknownUnitRow', { unit, hint: hintFor(unit, unitIds) }, at(sheet, r, cols.unit)),
      );
      continue;
    }
    if (!leafCodes.has(code)) {
      const key = parents.has(code) ? 'scoreOnParent' : 'unknownCriterionInScores';
      issues.push(error(key, { unit, code }, at(sheet, r, cols.code)));
      continue;
    }
    if (reply === '' && evidence === '') continue;
    const key = `${unit}\u0000${code}`;
    const known = byKey.get(key);
    const join = (a: string | undefined, b: string): string =>
      a && b ? `${a}\n${b}` : (a ?? '') || b;
    if (known) {
      known.text = join(known.text, reply);
      const both = join(known.evidence, evidence);
      if (both) known.evidence = both;
    } else {
      byKey.set(key, {
        unit,
        criterion: code,
        text: reply,
        ...(evidence ? { evidence } : {}),
        source: ref(sheet, r, cols.unit),
      });
    }
  }
  return [...byKey.values()];
}
