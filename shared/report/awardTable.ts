/**
 * Renders the award proposals as the "Đề nghị khen thưởng" table: per award (highest first)
 * the proposed collectives in block and rank order, then any tie at a cut for the council and
 * unfilled places; the runners-up; then each ballot's elected nominees and ties (a nominee whose
 * nomination is to be reviewed keeps its result, with the review appended to the note); the
 * units the council does not consider, each with its reason; the units with no score; last, the
 * nominations to review ("Đề cử cần xem lại"), each with what changed.
 */
import { nameList, type Evaluation } from '../evaluate';
import { formatMessage, vi } from '../i18n/vi';
import type { CampaignSpec, CellValue } from '../model/types';
import { fromMicro } from '../numbers/points';
import type { DocumentColumn } from './reportTable';
import { pointsFormat, tableColumns, upper, type ColumnKind } from './resultTable';

type Ok = Extract<Evaluation, { ok: true }>;

export interface AwardTable {
  /** "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG … NĂM 2018", upper case as published. */
  title: string;
  header: string[];
  rows: CellValue[][];
  formats: string[];
  /** One per column: alignment, wrapping and width (characters) of the data cells. */
  columns: DocumentColumn[];
}

/** The columns: award, STT, unit code, unit (or person), block (or unit), index, rank, note. */
const KINDS: ColumnKind[] = [
  'text',
  'center',
  'center',
  'text',
  'text',
  'number',
  'center',
  'text',
];

export function awardTable(evaluation: Ok, spec: CampaignSpec): AwardTable {
  const h = vi.awards.header;
  const d = evaluation.campaign.settings.decimals;
  const num = pointsFormat(d);
  const header = [
    h.award,
    h.stt,
    vi.reportLayout.unitCode,
    h.unit,
    h.block,
    h.index,
    h.rank,
    h.note,
  ];
  const formats = ['@', '0', '@', '@', '@', num, '0', '@'];
  const rows: CellValue[][] = [];
  const title = upper(
    formatMessage(vi.reportLayout.proposalsTitle, { year: evaluation.campaign.year }),
  );
  const done = (): AwardTable => ({
    title,
    header,
    rows,
    formats,
    columns: tableColumns(header, rows, formats, KINDS),
  });
  const outcome = evaluation.awards;
  if (!outcome) return done();

  const byId = new Map(evaluation.units.map((u) => [u.id, u]));
  const blockName = new Map(evaluation.campaign.blocks.map((b) => [b.id, b.name]));
  const unitRow = (label: string, stt: number | null, id: string, note: string): CellValue[] => {
    const u = byId.get(id);
    const index = u?.printed.index;
    return [
      label,
      stt,
      u?.id ?? id,
      u?.name ?? id,
      blockName.get(u?.block ?? '') ?? '',
      index === null || index === undefined ? null : fromMicro(index),
      u?.rankInBlock ?? null,
      note,
    ];
  };
  const { allocation } = outcome;
  const tieNote = (places: number, count: number): string =>
    formatMessage(vi.awards.tieAtCut, { places, count });

  for (const award of spec.awards?.awards ?? []) {
    let stt = 0;
    for (const p of allocation.proposals.filter((x) => x.award === award.id)) {
      rows.push(
        unitRow(award.name, ++stt, p.unit, p.via === 'council' ? vi.awards.councilDecided : ''),
      );
    }
    for (const tie of allocation.ties.filter((t) => t.award === award.id && !t.settled)) {
      const note =
        tie.waitsOn === undefined
          ? tieNote(tie.places, tie.units.length)
          : formatMessage(vi.awards.awardWaits, {
              award: award.name,
              higher: spec.awards?.awards.find((a) => a.id === tie.waitsOn)?.name ?? tie.waitsOn,
            });
      for (const id of tie.units) rows.push(unitRow(award.name, null, id, note));
    }
    for (const gap of allocation.unfilled.filter((g) => g.award === award.id)) {
      const where =
        gap.block === null ? vi.awards.wholeProvince : (blockName.get(gap.block) ?? gap.block);
      rows.push([
        award.name,
        null,
        null,
        '',
        where,
        null,
        null,
        formatMessage(vi.awards.unfilled, { award: award.name, places: gap.places }),
      ]);
    }
  }
  let stt = 0;
  for (const r of allocation.runnersUp)
    rows.push(unitRow(vi.awards.runnersUpLabel, ++stt, r.unit, vi.awards.runnerUp));
  for (const tie of allocation.ties.filter((t) => t.award === null)) {
    const note =
      tie.waitsOn !== undefined ? vi.awards.runnerUpWaits : tieNote(tie.places, tie.units.length);
    for (const id of tie.units) rows.push(unitRow(vi.awards.runnersUpLabel, null, id, note));
  }

  const nominations = new Map((spec.nominations ?? []).map((n) => [n.id, n]));
  const reviewOf = new Map(outcome.reviews.map((r) => [r.nomination, r.text]));
  const flagged = (nominee: string, kind: string, note: string): string => {
    const review = kind === 'individual' ? reviewOf.get(nominee) : undefined;
    return review === undefined
      ? note
      : formatMessage(vi.review.flagged, { note: note.replace(/\.$/, ''), review });
  };
  for (const ballot of outcome.ballots) {
    // The code is of the unit the row lists: the nominee itself, or a person's unit.
    const person = (nominee: string): { code: string | null; name: string; unit: string } => {
      if (ballot.kind === 'collective')
        return { code: nominee, name: byId.get(nominee)?.name ?? nominee, unit: '' };
      const nom = nominations.get(nominee);
      return {
        code: nom?.unit || null,
        name: nom ? `${nom.name} — ${nom.position}` : nominee,
        unit: byId.get(nom?.unit ?? '')?.name ?? nom?.unit ?? '',
      };
    };
    let n = 0;
    for (const e of ballot.elected) {
      const p = person(e.nominee);
      rows.push([
        ballot.name,
        ++n,
        p.code,
        p.name,
        p.unit,
        null,
        null,
        flagged(
          e.nominee,
          ballot.kind,
          formatMessage(vi.awards.elected, { votes: e.votes, base: ballot.base }),
        ),
      ]);
    }
    if (ballot.tie) {
      for (const nominee of ballot.tie.nominees) {
        const p = person(nominee);
        rows.push([
          ballot.name,
          null,
          p.code,
          p.name,
          p.unit,
          null,
          null,
          flagged(
            nominee,
            ballot.kind,
            formatMessage(vi.awards.tieAtBallot, {
              places: ballot.tie.places,
              count: ballot.tie.nominees.length,
            }),
          ),
        ]);
      }
    }
  }
  // Units the council does not consider ("Không xét khen thưởng" in "Đơn vị"), with its reason.
  let excluded = 0;
  for (const unit of spec.units) {
    const reason = unit.profile?.councilExclusion?.trim();
    if (!reason) continue;
    rows.push(
      unitRow(
        vi.councilExclusion.proposalsLabel,
        ++excluded,
        unit.id,
        formatMessage(vi.awards.reasons.councilExcluded, { reason }),
      ),
    );
  }
  const unscored = evaluation.units.filter((_, u) => evaluation.unscored[u]).map((u) => u.name);
  if (unscored.length > 0) {
    rows.push([
      vi.review.noScoresLabel,
      null,
      null,
      '',
      '',
      null,
      null,
      formatMessage(vi.review.noScoresRow, { count: unscored.length, names: nameList(unscored) }),
    ]);
  }
  let reviewed = 0;
  for (const r of outcome.reviews) {
    const nom = nominations.get(r.nomination);
    rows.push([
      vi.review.label,
      ++reviewed,
      nom?.unit || null,
      nom ? `${nom.name} — ${nom.position}` : r.nomination,
      byId.get(nom?.unit ?? '')?.name ?? nom?.unit ?? '',
      null,
      null,
      r.text,
    ]);
  }
  return done();
}
