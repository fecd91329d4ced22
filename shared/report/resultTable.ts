/**
 * Renders ranked results as the report's table, one per block, in the official column order:
 * STT, unit, self score, appraised score, field subtotals, components, total, index, rank,
 * class, note. Cells hold numbers (the printed, rounded values); `formats` says how to show
 * them. Hosts write these arrays as they are.
 */
import type { BlockResult, Evaluation, UnitResult } from '../evaluate';
import { awardNotes } from '../awards/proposals';
import { formatMessage, vi } from '../i18n/vi';
import type { CellValue } from '../model/types';
import { fromMicro, rounder } from '../numbers/points';
import { tieBreakText } from './tieBreakText';

export interface ResultTable {
  blockId: string;
  title: string;
  header: string[];
  rows: CellValue[][];
  /** One number format per column ("0.00", "0", "@"). */
  formats: string[];
}

type Ok = Extract<Evaluation, { ok: true }>;

export function resultTables(evaluation: Ok): ResultTable[] {
  const { campaign } = evaluation;
  const r = vi.report;
  const d = campaign.settings.decimals;
  const round = rounder(d);
  const num = d === 0 ? '0' : '0.' + '0'.repeat(d);
  const header = [
    r.stt,
    r.unitName,
    r.self,
    r.appraised,
    ...campaign.fields.map((f) => `${f.code}. ${f.name}`),
    ...campaign.components.map((k) => k.name),
    r.total,
    r.index,
    r.rank,
    r.classification,
    r.note,
  ];
  const formats = [
    '0',
    '@',
    num,
    num,
    ...campaign.fields.map(() => num),
    ...campaign.components.map(() => num),
    num,
    num,
    '0',
    '@',
    '@',
  ];
  const unitIndex = new Map(evaluation.units.map((u, i) => [u, i]));
  const notes = evaluation.awards ? awardNotes(evaluation.awards, campaign) : undefined;
  // Units level on the printed value yet ranked apart: the tie-break keys decided, and the
  // report says so (a council reading two equal indexes with different ranks asks why).
  const { rankBy, ranking } = campaign.settings;
  const valueOf = (u: UnitResult): number | null =>
    rankBy === 'index' ? u.printed.index : u.printed.total;
  const brokenNote = formatMessage(r.tieBrokenNote, {
    value: vi.workbook.choices.rankBy[rankBy].toLocaleLowerCase('vi'),
    keys: tieBreakText(ranking.tieBreak),
  });
  const noteOf = (u: UnitResult, level: ReadonlyMap<number | null, number>): string => {
    const parts: string[] = [];
    if (u.printed.index === null) parts.push(vi.labels.noIndex);
    else if (u.tiedInBlock) parts.push(r.tiedNote);
    else if ((level.get(valueOf(u)) ?? 0) > 1) parts.push(brokenNote);
    const index = unitIndex.get(u) ?? -1;
    const award = notes?.[index];
    if (award) parts.push(award);
    else if (!notes && evaluation.unscored[index]) parts.push(vi.review.noScoresNote);
    return parts.join('. ');
  };
  return evaluation.blocks.map((block: BlockResult) => {
    const level = new Map<number | null, number>();
    for (const u of block.units) level.set(valueOf(u), (level.get(valueOf(u)) ?? 0) + 1);
    return {
      blockId: block.id,
      title: r.blockTitle.replace('{block}', block.name),
      header,
      formats,
      rows: block.units.map((u, i) => [
        i + 1,
        u.name,
        fromMicro(u.printed.self),
        fromMicro(u.printed.appraised),
        ...u.fields.map((v) => fromMicro(round(v))),
        ...u.components.map((v) => fromMicro(round(v))),
        fromMicro(u.printed.total),
        u.printed.index === null ? null : fromMicro(u.printed.index),
        u.rankInBlock,
        u.classification,
        noteOf(u, level),
      ]),
    };
  });
}
