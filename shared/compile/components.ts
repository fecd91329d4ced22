/** Compiles the survey and impact components and reads each unit's component scores. */
import { error, type Issue, type IssueLocation } from '../model/issues';
import type { CampaignSpec, UnitSpec } from '../model/types';
import { toMicro } from '../numbers/points';
import { encodeInput } from '../scoring/rules';
import { normalizeText } from '../scoring/cells';
import type { CompiledComponent } from './types';

export interface ComponentTable {
  components: CompiledComponent[];
  /** Component index by id. */
  componentIndex: Map<string, number>;
}

/** The components; `seen` holds the criterion codes an id must not clash with. */
export function compileComponents(
  spec: CampaignSpec,
  seen: ReadonlyMap<string, string>,
  issues: Issue[],
): ComponentTable {
  const components: CompiledComponent[] = [];
  const componentIndex = new Map<string, number>();
  for (const c of spec.components ?? []) {
    const id = normalizeText(String(c.id ?? ''));
    const at: IssueLocation = c.source ? { cell: c.source, component: id } : { component: id };
    if (componentIndex.has(id)) issues.push(error('duplicateComponent', { id }, at));
    if (seen.has(id)) issues.push(error('componentClashesField', { id }, at));
    const max = Number(c.max);
    if (!Number.isFinite(max) || max < 0)
      issues.push(error('componentMaxBelowZero', { id, max: c.max }, at));
    componentIndex.set(id, components.length);
    components.push({
      id,
      name: normalizeText(String(c.name ?? id)),
      max: toMicro(Math.max(0, max || 0)),
    });
  }
  return { components, componentIndex };
}

/** Unit u's component scores (its id normalized as `id`) into `scores` (components × units). */
export function readComponentScores(
  unit: UnitSpec,
  u: number,
  id: string,
  { components, componentIndex }: ComponentTable,
  scores: Float64Array,
  unitCount: number,
  locate: CampaignSpec['locateScore'],
  issues: Issue[],
): void {
  for (const [rawId, raw] of Object.entries(unit.components ?? {})) {
    const cid = normalizeText(rawId);
    const cell = locate?.('components', id, cid);
    const here: IssueLocation = cell
      ? { cell, unit: id, component: cid }
      : { unit: id, component: cid };
    const c = componentIndex.get(cid);
    if (c === undefined) {
      issues.push(error('unknownComponentInScores', { unit: id, id: cid }, here));
      continue;
    }
    const comp = components[c] as CompiledComponent;
    // A component is scored like a directly-typed bonus: a number from 0 to its max.
    const encoded = encodeInput({ kind: 'bonus', per: null }, raw as never, cid, comp.max, here);
    if ('issue' in encoded) {
      const e = encoded.issue;
      issues.push(
        e.key === 'pointsAboveMax'
          ? error(
              'componentAboveMax',
              { points: e.params.points, max: e.params.max, id: cid },
              here,
            )
          : e,
      );
    } else {
      scores[c * unitCount + u] = encoded.value;
      if (encoded.warning) issues.push(encoded.warning);
    }
  }
}
