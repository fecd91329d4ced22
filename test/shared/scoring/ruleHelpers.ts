/** One rule and one cell, for the rule tests: compile a rule spec, score a cell value under it. */
import type { IssueLocation } from '../../../shared/model/issues';
import type { CellValue, RuleSpec } from '../../../shared/model/types';
import { fromMicro, toMicro } from '../../../shared/numbers/points';
import {
  compileRule,
  encodeInput,
  NOT_APPLICABLE,
  pointsFor,
  type CompiledRule,
} from '../../../shared/scoring/rules';

export const at: IssueLocation = { criterion: 'T' };

/** The compiled rule; the spec must compile without issue. */
export function compile(spec: RuleSpec, max: number): CompiledRule {
  const { rule, issues } = compileRule(spec, 'T', toMicro(max), at);
  expect(issues).toEqual([]);
  return rule as CompiledRule;
}

/** Points (as a decimal) for one cell value under a rule, or the error key, 'N/A' or 'blank'. */
export function score(spec: RuleSpec, max: number, raw: CellValue): number | string {
  const rule = compile(spec, max);
  const encoded = encodeInput(rule, raw, 'T', toMicro(max), at);
  if ('issue' in encoded) return encoded.issue.key;
  if (Number.isNaN(encoded.value)) return 'blank';
  if (encoded.value === NOT_APPLICABLE) return 'N/A';
  return fromMicro(pointsFor(rule, toMicro(max), encoded.value));
}
