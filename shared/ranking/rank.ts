/**
 * Where ties are decided. Units are ordered by a key tuple (higher is better, compared in
 * order: the ranking value, then each tie-break key); units equal on the whole tuple share a
 * rank and are reported as tied. Tied units are displayed in id order, so the input order
 * never matters.
 *
 * competition: 1-2-2-4 (as Excel RANK.EQ), dense: 1-2-2-3.
 */

export type TieMethod = 'competition' | 'dense';

/** Key columns: keys[k][u] is key k of unit u; keys[0] is the ranking value (NaN = unranked). */
export type KeyColumns = readonly Float64Array[];

function equalKeys(keys: KeyColumns, a: number, b: number): boolean {
  for (let k = 0; k < keys.length; k++) if (keys[k][a] !== keys[k][b]) return false;
  return true;
}

/**
 * All units in display order: by the key tuple (higher first), ties by `idOrder`, units
 * with no ranking value last.
 */
export function sortByKeys(keys: KeyColumns, idOrder: Int32Array): Uint32Array {
  const n = idOrder.length;
  const primary = keys[0];
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => {
    const pa = primary[a];
    const pb = primary[b];
    const aRanked = pa === pa;
    const bRanked = pb === pb;
    // Unranked units (NaN) go last, among themselves in id order.
    if (aRanked !== bRanked) return aRanked ? -1 : 1;
    if (!aRanked) return idOrder[a] - idOrder[b];
    if (pa !== pb) return pb - pa;
    for (let k = 1; k < keys.length; k++) {
      const x = keys[k][a];
      const y = keys[k][b];
      if (x !== y) return y - x;
    }
    return idOrder[a] - idOrder[b];
  });
}

/**
 * Ranks a sequence of units already in display order (e.g. one block's units, taken from the
 * overall order). Writes rank (NaN when unranked) and tied (1/0) per unit.
 */
export function assignRanks(
  sequence: ArrayLike<number>,
  length: number,
  keys: KeyColumns,
  method: TieMethod,
  rank: Float64Array,
  tied: Uint8Array,
): void {
  const primary = keys[0];
  let start = 0;
  let dense = 0;
  while (start < length) {
    const first = sequence[start];
    if (primary[first] !== primary[first]) {
      for (let i = start; i < length; i++) {
        rank[sequence[i]] = Number.NaN;
        tied[sequence[i]] = 0;
      }
      return;
    }
    let end = start + 1;
    while (end < length && equalKeys(keys, first, sequence[end])) end++;
    dense++;
    const r = method === 'dense' ? dense : start + 1;
    const isTie = end - start > 1 ? 1 : 0;
    for (let i = start; i < end; i++) {
      rank[sequence[i]] = r;
      tied[sequence[i]] = isTie;
    }
    start = end;
  }
}

export interface RankItem {
  /** Caller's index of the item (e.g. unit index). */
  index: number;
  /** Stable identity used only to order tied items for display. */
  id: string;
  /** Higher is better; keys[0] is the ranking value. NaN in keys[0] = cannot be ranked. */
  keys: readonly number[];
}

export interface Ranked {
  index: number;
  /** 1-based rank, or null when the item has no ranking value. */
  rank: number | null;
  /** True when another item has exactly the same key tuple. */
  tied: boolean;
}

/** Convenience form for small lists: ranks items, returned in display order. */
export function rankItems(items: readonly RankItem[], method: TieMethod): Ranked[] {
  const n = items.length;
  const width = items.reduce((w, i) => Math.max(w, i.keys.length), 1);
  const keys = Array.from({ length: width }, (_, k) =>
    Float64Array.from(items, (i) => i.keys[k] ?? 0),
  );
  const byId = items
    .map((_, i) => i)
    .sort((a, b) => (items[a].id < items[b].id ? -1 : items[a].id > items[b].id ? 1 : 0));
  const idOrder = new Int32Array(n);
  byId.forEach((item, position) => (idOrder[item] = position));
  const order = sortByKeys(keys, idOrder);
  const rank = new Float64Array(n);
  const tied = new Uint8Array(n);
  assignRanks(order, n, keys, method, rank, tied);
  return Array.from(order, (i) => ({
    index: items[i].index,
    rank: Number.isNaN(rank[i]) ? null : rank[i],
    tied: tied[i] === 1,
  }));
}
