/**
 * The period campaign (issue 17): units ranked over several years from each year's printed
 * results. The aggregate is the mean of the yearly printed indices over the years a unit has an
 * index, summed exactly in micro-points and rounded once by the project's one rounding rule
 * (numbers/points.ts); units are ranked per block on that printed mean with the project's tie
 * policy (ranking/rank.ts: equal printed means share a rank). A unit with fewer years than the
 * minimum is listed, not ranked. A unit's block is its block in the last year it appears.
 *
 * Period awards, in precedence order, each with a quota per block and its gates ("Xuất sắc" in
 * at least N years, present every year): places go down each block's ranking to units that pass
 * the gates and hold no award yet; units tied on the last place are none of them chosen (the
 * council decides, as the yearly allocation does). Pure: no I/O, no clock; the order in which
 * the years are given never matters.
 */
import { formatMessage, vi } from '../i18n/vi';
import { error, type Issue } from '../model/issues';
import { divRound, rounder, type Micro } from '../numbers/points';
import { rankItems, type TieMethod } from '../ranking/rank';
import { labelKey } from '../scoring/cells';
import { readYear, type YearResults, type YearSheet } from './read';

const P = vi.period;

export interface PeriodAward {
  name: string;
  /** Places per block. */
  quota: number;
  /** Gate: at least this many years with an "excellent" band. */
  minExcellentYears?: number;
  /** Gate: a row in every year of the period (registered every year). */
  everyYear?: boolean;
}

export interface PeriodSettings {
  /** Years with an index a unit needs to be ranked (default 1). */
  minYears: number;
  /** Decimals of the printed mean (default 2, as the yearly default). */
  decimals: number;
  /** Tie policy (default competition: 1-2-2-4). */
  method: TieMethod;
  /** The band labels that count as excellent (default ["Xuất sắc"]; matched ignoring case). */
  excellentLabels: string[];
  awards: PeriodAward[];
}

export const DEFAULT_PERIOD_SETTINGS: Readonly<PeriodSettings> = {
  minYears: 1,
  decimals: 2,
  method: 'competition',
  excellentLabels: [P.excellentLabel],
  awards: [],
};

export interface PeriodUnit {
  code: string;
  /** Its name in the last year it appears. */
  name: string;
  block: string;
  /** Per year of the period (ascending): the printed index (µp), or null; absent: undefined. */
  indices: (Micro | null | undefined)[];
  classifications: (string | undefined)[];
  /** Years with an index. */
  years: number;
  /** The printed mean (µp), or null when unranked. */
  mean: Micro | null;
  rank: number | null;
  tied: boolean;
  excellentYears: number;
  /** The award it is proposed for (name), or null. */
  award: string | null;
  /** Note parts, in order. */
  notes: string[];
}

export interface PeriodBlock {
  name: string;
  /** Ranked units first (by rank, ties by code), then the unranked by code. */
  units: PeriodUnit[];
}

export interface PeriodResult {
  years: number[];
  span: string;
  blocks: PeriodBlock[];
  settings: PeriodSettings;
  proposals: { award: string; block: string; unit: PeriodUnit }[];
}

/** "2021–2025" (one year: "2021"). */
export function spanOf(years: readonly number[]): string {
  const first = Math.min(...years);
  const last = Math.max(...years);
  return first === last ? String(first) : formatMessage(P.span, { first, last });
}

/** The period ranking of yearly results, or every problem of every yearly sheet. */
export function rankPeriod(
  sheets: readonly YearSheet[],
  settings: Partial<PeriodSettings> = {},
): { ok: true; result: PeriodResult } | { ok: false; issues: Issue[] } {
  const s: PeriodSettings = { ...DEFAULT_PERIOD_SETTINGS, ...settings };
  const issues: Issue[] = [];
  const years: YearResults[] = [];
  for (const sheet of sheets) {
    const read = readYear(sheet);
    if (read.ok) years.push(read.results);
    else issues.push(...read.issues);
  }
  const byYear = new Map<number, YearResults>();
  for (const y of [...years].sort((a, b) => a.year - b.year || cmp(a.file, b.file))) {
    const first = byYear.get(y.year);
    if (first) {
      issues.push(
        error(
          'fileProblem',
          {
            message: formatMessage(P.errors.duplicateYear, {
              year: y.year,
              first: first.file,
              second: y.file,
            }),
          },
          { file: y.file },
        ),
      );
    } else byYear.set(y.year, y);
  }
  if (issues.length > 0) return { ok: false, issues };
  if (byYear.size === 0) {
    return { ok: false, issues: [error('fileProblem', { message: P.errors.noYears }, {})] };
  }
  return { ok: true, result: aggregate([...byYear.values()], s) };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function aggregate(yearly: YearResults[], s: PeriodSettings): PeriodResult {
  const years = yearly.map((y) => y.year);
  const round = rounder(s.decimals);
  const excellent = new Set(s.excellentLabels.map(labelKey));
  const units = new Map<string, PeriodUnit>();
  yearly.forEach((y, i) => {
    for (const u of y.units) {
      const key = labelKey(u.code);
      let p = units.get(key);
      if (!p) {
        p = {
          code: u.code,
          name: u.name,
          block: u.block,
          indices: years.map(() => undefined),
          classifications: years.map(() => undefined),
          years: 0,
          mean: null,
          rank: null,
          tied: false,
          excellentYears: 0,
          award: null,
          notes: [],
        };
        units.set(key, p);
      }
      // years ascend: the last year seen names the unit and its block
      p.code = u.code;
      p.name = u.name;
      p.block = u.block;
      p.indices[i] = u.index;
      p.classifications[i] = u.classification;
      if (u.index !== null) p.years++;
      if (excellent.has(labelKey(u.classification))) p.excellentYears++;
    }
  });
  for (const u of units.values()) {
    if (u.years >= Math.max(1, s.minYears)) {
      let sum = 0;
      for (const v of u.indices) if (typeof v === 'number') sum += v; // µp: exact
      u.mean = round(divRound(sum, u.years));
    } else {
      u.notes.push(
        formatMessage(P.notes.tooFewYears, {
          years: u.years,
          total: years.length,
          min: s.minYears,
        }),
      );
    }
  }
  // blocks: the last year's order, then blocks only earlier years name
  const order: string[] = [];
  for (const y of [...yearly].reverse())
    for (const b of y.blocks) if (!order.includes(b)) order.push(b);
  const blocks: PeriodBlock[] = [];
  for (const name of order) {
    const members = [...units.values()].filter((u) => u.block === name);
    if (members.length === 0) continue;
    const ranked = rankItems(
      members.map((u, index) => ({
        index,
        id: labelKey(u.code),
        keys: [u.mean === null ? Number.NaN : u.mean],
      })),
      s.method,
    );
    const list = ranked.map((r) => {
      const u = members[r.index];
      u.rank = r.rank;
      u.tied = r.tied;
      if (r.tied) u.notes.push(P.notes.tied);
      return u;
    });
    blocks.push({ name, units: list });
  }
  const proposals = allocate(blocks, years, s);
  return { years, span: spanOf(years), blocks, settings: s, proposals };
}

/** Why a unit cannot take `award`, or undefined when it passes the gates. */
function gateNote(
  u: PeriodUnit,
  award: PeriodAward,
  years: readonly number[],
  s: PeriodSettings,
): string | undefined {
  const min = award.minExcellentYears ?? 0;
  if (u.excellentYears < min) {
    return formatMessage(P.notes.notExcellent, {
      award: award.name,
      label: s.excellentLabels.join('/'),
      count: u.excellentYears,
      min,
    });
  }
  if (award.everyYear) {
    const missing = years.filter((_, i) => u.indices[i] === undefined);
    if (missing.length > 0) {
      return formatMessage(P.notes.notEveryYear, {
        award: award.name,
        missing: missing.join(', '),
      });
    }
  }
  return undefined;
}

function allocate(
  blocks: readonly PeriodBlock[],
  years: readonly number[],
  s: PeriodSettings,
): PeriodResult['proposals'] {
  const proposals: PeriodResult['proposals'] = [];
  for (const award of s.awards) {
    for (const block of blocks) {
      let places = Math.max(0, award.quota);
      const ranked = block.units.filter((u) => u.rank !== null && u.award === null);
      let i = 0;
      while (i < ranked.length && places > 0) {
        // the group of units on the same rank
        let j = i + 1;
        while (j < ranked.length && ranked[j].rank === ranked[i].rank) j++;
        const group = ranked.slice(i, j);
        const eligible: PeriodUnit[] = [];
        for (const u of group) {
          const why = gateNote(u, award, years, s);
          if (why) u.notes.push(why);
          else eligible.push(u);
        }
        if (eligible.length <= places) {
          for (const u of eligible) {
            u.award = award.name;
            u.notes.push(formatMessage(P.notes.proposed, { award: award.name }));
            proposals.push({ award: award.name, block: block.name, unit: u });
          }
          places -= eligible.length;
        } else {
          // tied on the last places: none chosen silently
          for (const u of eligible) {
            u.notes.push(
              formatMessage(P.notes.tieAtCut, { award: award.name, rank: u.rank, places }),
            );
          }
          places = 0;
        }
        i = j;
      }
    }
  }
  return proposals;
}
