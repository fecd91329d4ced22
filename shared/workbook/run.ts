/**
 * One click of "Xếp hạng", host-neutral: the input sheets a host read in one batch → either the
 * output sheets to write in one batch, or the problems that stop the run (nothing is written).
 * The CLI, Excel and Google Sheets all call this, so they produce the same sheets.
 */
import { evaluateCampaign, type Evaluation } from '../evaluate';
import { vi } from '../i18n/vi';
import { cellAddress, formatIssue, type Issue } from '../model/issues';
import type { CampaignSpec } from '../model/types';
import { fromMicro } from '../numbers/points';
import type { DateSystem, Grid, Sheets } from './grid';
import { parseWorkbook, type Merges } from './parse';
import type { OutputBlock } from './output';
import { inputHash, renderOutputs } from './render';

const S = vi.workbook.sheets;

/** The sheets a run reads, in the workbook's order; only the first four are required. */
export const INPUT_SHEETS: readonly string[] = [
  S.config,
  S.criteria,
  S.units,
  S.self,
  S.appraised,
  S.appraised2,
  S.replies,
  S.survey,
  S.nominations,
  S.ballots,
  // last year's "Kết quả" (issue 17), optional
  S.previousResults,
];

/** The sheets a run writes (inputs never among them). */
export const OUTPUT_SHEETS: readonly string[] = [
  S.results,
  S.proposals,
  S.reconciliation,
  S.history,
  S.snapshot,
  S.log,
];

/**
 * Every sheet a host reads for one run: the inputs, the previous log and the previous appraisal
 * history (both kept and appended to), and the appraised cells as the last run saw them.
 */
export const SHEETS_TO_READ: readonly string[] = [...INPUT_SHEETS, S.log, S.history, S.snapshot];

type Ok = Extract<Evaluation, { ok: true }>;

export type RunResult =
  | {
      ok: true;
      /** The sheets to write (none when RunInput.outputs is false). */
      outputs: OutputBlock[];
      evaluation: Ok;
      spec: CampaignSpec;
      warnings: Issue[];
    }
  | { ok: false; issues: Issue[] };

export interface RunInput {
  /** Values of the sheets in SHEETS_TO_READ that exist (absent sheets left out). */
  sheets: Sheets;
  /** Merged ranges per sheet, where the host can tell. */
  merges?: Merges;
  /** The run's local time as people read it ("2026-11-25 16:20:55"); hosts own the clock. */
  time: string;
  /** false: validate, score and rank only, without rendering the output sheets (a check). */
  outputs?: boolean;
  /**
   * The workbook's date system, in which its date serials count: 1904 for a workbook saved
   * with workbookPr date1904 (old Excel for Mac), else 1900 (the default). Hosts that hand in
   * dates as text (Google Sheets) leave it out.
   */
  dateSystem?: DateSystem;
}

/** Parses, validates, scores, ranks, proposes awards and renders; never touches a host. */
export function runCampaign(input: RunInput): RunResult {
  const inputs: Record<string, Grid> = {};
  for (const name of INPUT_SHEETS) {
    const grid = input.sheets[name];
    if (grid) inputs[name] = grid;
  }
  const parsed = parseWorkbook(inputs, input.merges ?? {}, input.dateSystem ?? 1900);
  if (!parsed.spec) return { ok: false, issues: parsed.issues };
  const evaluation = evaluateCampaign(parsed.spec);
  if (!evaluation.ok) return { ok: false, issues: [...evaluation.errors, ...evaluation.warnings] };
  const outputs =
    input.outputs === false
      ? []
      : renderOutputs(
          evaluation,
          parsed.spec,
          input.sheets[S.log],
          { time: input.time, hash: inputHash(inputs) },
          input.sheets[S.history],
          input.sheets[S.snapshot],
        );
  return {
    ok: true,
    outputs,
    evaluation,
    spec: parsed.spec,
    warnings: [...parsed.issues, ...evaluation.warnings],
  };
}

/** "2026-11-25 16:20:55" from the parts of a local time (hosts pass their own clock's). */
export function localTime(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** An issue as a UI lists it: the Vietnamese line, and the cell to select when clicked. */
export interface IssueView {
  severity: 'error' | 'warning';
  text: string;
  sheet?: string;
  /** A1 address, e.g. "D7". */
  cell?: string;
}

export function issueView(issue: Issue): IssueView {
  const cell = issue.at.cell;
  return {
    severity: issue.severity,
    text: formatIssue(issue),
    ...(cell ? { sheet: cell.sheet, cell: cellAddress(cell) } : {}),
  };
}

/** One block's units proposed for one award (or the runners-up), by name. */
export interface NamedGroup {
  /** The block's name, or "toàn tỉnh" for a place over an award's overall cap. */
  block: string;
  units: string[];
}

/**
 * A tie at a cut the council must settle: the award (or "Liền kề", or a ballot), where, the
 * places left and the tied units (or nominees), all by name.
 */
export interface CouncilDecision {
  award: string;
  where: string;
  places: number;
  units: string[];
  /** 'cut': an award or runner-up cut (settled in "Cấu hình", QUYẾT ĐỊNH CỦA HỘI ĐỒNG); 'ballot'. */
  kind: 'cut' | 'ballot';
}

/** What the task pane / sidebar shows after a run. */
export type RunSummary =
  | {
      ok: true;
      time: string;
      units: number;
      proposals: number;
      /** Units with no score at all (scoring/unscored.ts): counted, never proposed. */
      unscored: number;
      /**
       * Per block: name, unit count and the first places (rank, name, index, class, whether
       * the unit has any score); `top` holds all the block's units when it is short enough.
       */
      blocks: {
        name: string;
        units: number;
        top: {
          rank: number | null;
          name: string;
          index: number | null;
          band: string;
          scored: boolean;
        }[];
      }[];
      /** The proposals by award (highest first), then by block, with the units' names. */
      awards: { award: string; blocks: NamedGroup[] }[];
      /** The runners-up (liền kề) by block, by name. */
      runnersUp: NamedGroup[];
      /** Ties at a cut (and at a ballot's last seat) waiting for the council. */
      decisions: CouncilDecision[];
      warnings: IssueView[];
      /**
       * Nominations to review (their basis changed: warning nominationBasisChanged), shown
       * apart from the other warnings; they are among `warnings` too.
       */
      reviews: IssueView[];
      /** Output sheets written. */
      sheets: string[];
    }
  | { ok: false; time: string; errors: IssueView[]; warnings: IssueView[] };

/** At most this many issues travel to a UI (a broken 10,000-unit sheet can have thousands). */
export const ISSUE_LIMIT = 200;

/** A block with at most this many units is listed whole in the summary. */
export const LIST_WHOLE_BLOCK = 5;

export function runSummary(result: RunResult, time: string, topPerBlock = 3): RunSummary {
  if (!result.ok) {
    const views = result.issues.slice(0, ISSUE_LIMIT).map(issueView);
    return {
      ok: false,
      time,
      errors: views.filter((v) => v.severity === 'error'),
      warnings: views.filter((v) => v.severity === 'warning'),
    };
  }
  const e = result.evaluation;
  const unitIndex = new Map(e.units.map((u, i) => [u.id, i]));
  const nameOf = (id: string): string => e.units[unitIndex.get(id) ?? -1]?.name ?? id;
  const blockName = new Map(e.campaign.blocks.map((b) => [b.id, b.name]));
  const whereOf = (block: string | null): string =>
    block === null ? vi.awards.wholeProvince : (blockName.get(block) ?? block);
  const grouped = (items: readonly { block: string; unit: string }[]): NamedGroup[] => {
    const groups = new Map<string, string[]>();
    for (const b of e.campaign.blocks) groups.set(b.id, []);
    for (const item of items)
      groups.set(item.block, [...(groups.get(item.block) ?? []), item.unit]);
    return [...groups]
      .filter(([, units]) => units.length > 0)
      .map(([block, units]) => ({ block: whereOf(block), units: units.map(nameOf) }));
  };
  const outcome = e.awards;
  const awardName = new Map(outcome?.config.awards.map((a) => [a.id, a.name]) ?? []);
  const nominations = new Map((result.spec.nominations ?? []).map((n) => [n.id, n]));
  const decisions: CouncilDecision[] = [
    ...(outcome?.allocation.ties ?? [])
      .filter((t) => !t.settled && t.waitsOn === undefined)
      .map((t): CouncilDecision => ({
        award: t.award === null ? vi.awards.runnersUpLabel : (awardName.get(t.award) ?? t.award),
        where: whereOf(t.block),
        places: t.places,
        units: t.units.map(nameOf),
        kind: 'cut',
      })),
    ...(outcome?.ballots ?? []).flatMap((b): CouncilDecision[] =>
      b.tie
        ? [
            {
              award: b.name,
              where: '',
              places: b.tie.places,
              units: b.tie.nominees.map((id) =>
                b.kind === 'collective' ? nameOf(id) : (nominations.get(id)?.name ?? id),
              ),
              kind: 'ballot',
            },
          ]
        : [],
    ),
  ];
  const whole = (n: number): number =>
    n <= Math.max(topPerBlock, LIST_WHOLE_BLOCK) ? n : topPerBlock;
  return {
    ok: true,
    time,
    units: e.units.length,
    proposals: outcome?.allocation.proposals.length ?? 0,
    unscored: e.unscored.filter(Boolean).length,
    blocks: e.blocks.map((b) => ({
      name: b.name,
      units: b.units.length,
      top: b.units.slice(0, whole(b.units.length)).map((u) => ({
        rank: u.rankInBlock,
        name: u.name,
        index: u.printed.index === null ? null : fromMicro(u.printed.index),
        band: u.classification,
        scored: !e.unscored[unitIndex.get(u.id) ?? -1],
      })),
    })),
    awards: (outcome?.config.awards ?? [])
      .map((a) => ({
        award: a.name,
        blocks: grouped(outcome?.allocation.proposals.filter((p) => p.award === a.id) ?? []),
      }))
      .filter((a) => a.blocks.length > 0),
    runnersUp: grouped(outcome?.allocation.runnersUp ?? []),
    decisions,
    warnings: result.warnings.slice(0, ISSUE_LIMIT).map(issueView),
    reviews: result.warnings
      .filter((w) => w.key === 'nominationBasisChanged')
      .slice(0, ISSUE_LIMIT)
      .map(issueView),
    sheets: result.outputs.map((o) => o.name),
  };
}

/**
 * Text a host writes into a cell must stay the same text. Excel and Sheets read what is typed:
 * a leading = + - @ makes a formula, and "12", "1/2", "15%" or "TRUE" become a number, a date or
 * a boolean. Such text gets the apostrophe prefix both hosts treat as "this is text" (the
 * apostrophe is not part of the value). Other text is left alone.
 */
export function asText(v: string): string {
  return COERCED.test(v) ? `'${v}` : v;
}

// A formula start (also the full-width "＝"), an error literal (#N/A), a leading apostrophe (it
// would be eaten), anything
// starting like a number, date, time, percent or currency, and the boolean words.
const COERCED = /^(?:[=+\-@\uff1d'\s#]|[0-9.,$€₫(]|(?:true|false)$)/i;
