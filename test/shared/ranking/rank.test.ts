import {
  rankItems,
  type RankItem,
  type Ranked,
  type TieMethod,
} from '../../../shared/ranking/rank';

/** Items from [id, keys] pairs; `index` is the position in the list. */
function items(...rows: [string, number[]][]): RankItem[] {
  return rows.map(([id, keys], index) => ({ index, id, keys }));
}

/** The result as [id, rank, tied] in display order, easy to compare by hand. */
function ranked(list: RankItem[], method: TieMethod): [string, number | null, boolean][] {
  return rankItems(list, method).map((r: Ranked) => {
    const item = list.find((i) => i.index === r.index) as RankItem;
    return [item.id, r.rank, r.tied];
  });
}

describe('rankItems: competition ranking (1-2-2-4, as Excel RANK.EQ)', () => {
  it('gives equal values the same rank and skips the places they take', () => {
    const list = items(['a', [90]], ['b', [80]], ['c', [80]], ['d', [70]]);
    expect(ranked(list, 'competition')).toEqual([
      ['a', 1, false],
      ['b', 2, true],
      ['c', 2, true],
      ['d', 4, false],
    ]);
  });

  it('orders by value, higher first, whatever the input order', () => {
    const list = items(['d', [70]], ['c', [80]], ['a', [90]], ['b', [80]]);
    expect(ranked(list, 'competition')).toEqual([
      ['a', 1, false],
      ['b', 2, true],
      ['c', 2, true],
      ['d', 4, false],
    ]);
  });

  it('skips as many places as there are tied items (1-1-1-4)', () => {
    const list = items(['a', [5]], ['b', [5]], ['c', [5]], ['d', [1]]);
    expect(ranked(list, 'competition')).toEqual([
      ['a', 1, true],
      ['b', 1, true],
      ['c', 1, true],
      ['d', 4, false],
    ]);
  });

  it('handles negative values (penalties) and zero', () => {
    const list = items(['a', [-250_000]], ['b', [0]], ['c', [-1_000_000]]);
    expect(ranked(list, 'competition')).toEqual([
      ['b', 1, false],
      ['a', 2, false],
      ['c', 3, false],
    ]);
  });
});

describe('rankItems: dense ranking (1-2-2-3)', () => {
  it('gives equal values the same rank and does not skip places', () => {
    const list = items(['a', [90]], ['b', [80]], ['c', [80]], ['d', [70]]);
    expect(ranked(list, 'dense')).toEqual([
      ['a', 1, false],
      ['b', 2, true],
      ['c', 2, true],
      ['d', 3, false],
    ]);
  });

  it('counts distinct higher values only (1-1-1-2-3)', () => {
    const list = items(['e', [1]], ['a', [5]], ['d', [3]], ['b', [5]], ['c', [5]]);
    expect(ranked(list, 'dense')).toEqual([
      ['a', 1, true],
      ['b', 1, true],
      ['c', 1, true],
      ['d', 2, false],
      ['e', 3, false],
    ]);
  });
});

describe('rankItems: tie-break keys', () => {
  it('separates equal ranking values by the next key, higher first', () => {
    const list = items(['a', [80, 3]], ['b', [80, 5]], ['c', [90, 0]]);
    expect(ranked(list, 'competition')).toEqual([
      ['c', 1, false],
      ['b', 2, false],
      ['a', 3, false],
    ]);
  });

  it('declares a tie only when the whole key tuple is equal', () => {
    const list = items(['d', [80, 5, 1]], ['c', [80, 5, 2]], ['b', [80, 5, 1]], ['a', [80, 4, 9]]);
    expect(ranked(list, 'competition')).toEqual([
      ['c', 1, false],
      ['b', 2, true],
      ['d', 2, true],
      ['a', 4, false],
    ]);
    expect(ranked(list, 'dense')).toEqual([
      ['c', 1, false],
      ['b', 2, true],
      ['d', 2, true],
      ['a', 3, false],
    ]);
  });

  it('never lets a tie-break key override a higher ranking value', () => {
    const list = items(['a', [79, 100]], ['b', [80, 0]]);
    expect(ranked(list, 'competition')).toEqual([
      ['b', 1, false],
      ['a', 2, false],
    ]);
  });
});

describe('rankItems: tied items are displayed in id order', () => {
  it('orders tied items by id, not by input order', () => {
    const list = items(['u3', [50]], ['u1', [50]], ['u2', [50]]);
    expect(ranked(list, 'competition')).toEqual([
      ['u1', 1, true],
      ['u2', 1, true],
      ['u3', 1, true],
    ]);
  });

  it('compares ids as plain strings (upper case before lower case, "10" before "9")', () => {
    const list = items(['b', [1]], ['9', [1]], ['B', [1]], ['10', [1]]);
    expect(ranked(list, 'competition').map(([id]) => id)).toEqual(['10', '9', 'B', 'b']);
  });

  it('returns the caller index of every item', () => {
    const list: RankItem[] = [
      { index: 7, id: 'x', keys: [1] },
      { index: 3, id: 'y', keys: [2] },
    ];
    expect(rankItems(list, 'competition')).toEqual([
      { index: 3, rank: 1, tied: false },
      { index: 7, rank: 2, tied: false },
    ]);
  });
});

describe('rankItems: items without a ranking value (NaN)', () => {
  it('puts an item with NaN last, with rank null and not tied', () => {
    const list = items(['a', [80]], ['b', [NaN]], ['c', [90]]);
    expect(ranked(list, 'competition')).toEqual([
      ['c', 1, false],
      ['a', 2, false],
      ['b', null, false],
    ]);
    expect(ranked(list, 'dense')).toEqual([
      ['c', 1, false],
      ['a', 2, false],
      ['b', null, false],
    ]);
  });

  it('does not let an unranked item take a place: ranks after it are unchanged', () => {
    const list = items(['a', [NaN]], ['b', [70]], ['c', [70]], ['d', [60]]);
    expect(ranked(list, 'competition')).toEqual([
      ['b', 1, true],
      ['c', 1, true],
      ['d', 3, false],
      ['a', null, false],
    ]);
  });

  it('puts several unranked items last in id order, never tied, whatever the input order', () => {
    const expected = [
      ['m', 1, false],
      ['a', null, false],
      ['b', null, false],
      ['c', null, false],
    ];
    expect(
      ranked(items(['a', [NaN]], ['b', [NaN]], ['c', [NaN]], ['m', [1]]), 'competition'),
    ).toEqual(expected);
    expect(
      ranked(items(['c', [NaN]], ['b', [NaN]], ['a', [NaN]], ['m', [1]]), 'competition'),
    ).toEqual(expected);
    expect(ranked(items(['b', [NaN]], ['m', [1]], ['c', [NaN]], ['a', [NaN]]), 'dense')).toEqual(
      expected,
    );
  });

  it('ranks nothing when no item has a ranking value', () => {
    const result = rankItems(items(['a', [NaN]], ['b', [NaN]]), 'dense');
    expect([...result].sort((x, y) => x.index - y.index)).toEqual([
      { index: 0, rank: null, tied: false },
      { index: 1, rank: null, tied: false },
    ]);
  });

  it('returns an empty list for no items', () => {
    expect(rankItems([], 'competition')).toEqual([]);
  });
});
