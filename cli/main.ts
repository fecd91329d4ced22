/**
 * `xephang` — the command line: rank, check and template for campaign workbooks (.xlsx).
 * Exit codes: 0 done, 1 invalid input or a file that cannot be read or written (nothing
 * written), 2 wrong usage, 3 an internal error (one line on stderr; the details in a file).
 */
import { extname } from 'node:path';
import { awardTable, formatIssue, formatMessage, resultTables, vi, type Issue } from '../shared';
import { reportDocument } from '../shared/report/document';
import { mergeFormFiles, writeForms } from './forms';
import { issueTable } from './errors';
import { INTERNAL_ERROR, internalErrorLine, VERSION } from './crash';
import { EXAMPLES, MAX_TEMPLATE_UNITS, writeTemplate } from './template';
import { textTable } from './text';
import { fileIssue, openIssue, runWorkbook } from './workbook';
import { writeFileAtomic } from './files';
import { periodCommand } from './period';
import { XlsxError } from '../xlsx/types';

const C = vi.cli;
const WR = vi.wordReport.cli;
const USAGE = formatMessage(C.usage, { examples: Object.keys(EXAMPLES).join(', ') });
const say = formatMessage;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  now?: () => Date;
  /** Milliseconds clock for progress messages (tests pass a fake one). */
  clock?: () => number;
  /** Milliseconds since the process started (Node's own start-up included), for --timings. */
  uptime?: () => number;
  /** Where the details of an internal error are saved (default: the OS temporary folder). */
  logDir?: string;
}

interface Args {
  command?: string;
  file?: string;
  /** Further files (the forms of `merge`). */
  more: string[];
  output?: string;
  quiet: boolean;
  timings: boolean;
  units?: number;
  example?: string;
  problem?: string;
  /** --previous: last year's ranked workbook. */
  previous?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { quiet: false, timings: false, more: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    // The value after an option: missing, or another option, is a usage error (`rank a.xlsx
    // -o` must not fall back to writing into a.xlsx).
    const value = (): string | undefined => {
      const v = argv[i + 1];
      if (v === undefined || (v.startsWith('-') && v.length > 1)) {
        args.problem ??= say(C.missingValue, { option: a });
        return undefined;
      }
      i++;
      return v;
    };
    if (a === '-o' || a === '--output') args.output = value();
    else if (a === '--quiet' || a === '-q') args.quiet = true;
    else if (a === '--timings') args.timings = true;
    else if (a === '--units') args.units = Number(value());
    else if (a === '--example') args.example = value();
    else if (a === '--previous') args.previous = value();
    else if (a === '-h' || a === '--help') args.command = 'help';
    else if (a === '--version') args.command = 'version';
    else if (a.startsWith('-')) args.problem = say(C.unknownOption, { option: a });
    else if (args.command === undefined) args.command = a;
    else if (args.file === undefined) args.file = a;
    else if (args.command === 'merge') args.more.push(a);
    else args.problem = say(C.extraArgument, { argument: a });
  }
  return args;
}

/**
 * Runs one command. Nothing thrown reaches the user as a stack trace: a file problem that
 * escaped its command's handling is exit 1 with its message; anything else is an internal
 * error, exit 3, one line naming the file with the details.
 */
export function main(argv: readonly string[], io: Io): number {
  try {
    return run(argv, io);
  } catch (e) {
    return crashed(e, argv, io);
  }
}

/**
 * Every command, `report` too, whose Word document is packed asynchronously (the `docx`
 * package only packs that way): what cli/index.ts runs. The other commands run as `main`.
 */
export async function mainAsync(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv);
  if (args.problem || args.command !== 'report') return main(argv, io);
  try {
    return await report(args, io);
  } catch (e) {
    return crashed(e, argv, io);
  }
}

function crashed(e: unknown, argv: readonly string[], io: Io): number {
  if (e instanceof XlsxError) {
    io.err(say(C.cannotRun, { count: 1 }));
    io.err(e.message);
    return 1;
  }
  io.err(internalErrorLine(e, argv, io.logDir));
  return INTERNAL_ERROR;
}

const usageError = (io: Io, problem?: string): number => {
  if (problem) io.err(problem);
  io.err(USAGE);
  return 2;
};

/**
 * `xephang report <workbook.xlsx> -o <report.docx>`: the workbook ranked in memory as `rank`
 * ranks it (the same checks, errors and exit codes; the workbook itself is only read), then
 * its results and proposals as the Word appendix (docx/), written atomically. Nothing is
 * written when the run fails.
 */
async function report(args: Args, io: Io): Promise<number> {
  if (!args.file) return usageError(io, C.missingWorkbook);
  if (!args.output) return usageError(io, WR.missingOutput);
  if (extname(args.output).toLowerCase() !== '.docx') {
    return usageError(io, say(WR.notDocx, { file: args.output }));
  }
  const open = openIssue(args.output);
  if (open) return refused([open], io);
  const watch = stopwatch(args, io);
  const outcome = runWorkbook(args.file, {
    write: false,
    ...(args.previous !== undefined ? { previous: args.previous } : {}),
    now: io.now?.(),
    progress: watch.progress,
  });
  if (!outcome.ok) {
    watch.done();
    return refused(outcome.issues, io);
  }
  warn(outcome.warnings, args, io);
  // loaded here: the other commands never pay for the `docx` package
  const { reportDocx } = await import('../docx');
  const bytes = await reportDocx(reportDocument(outcome.evaluation, outcome.spec));
  try {
    writeFileAtomic(args.output, bytes);
  } catch (e) {
    if (e instanceof XlsxError) {
      watch.done();
      return refused([fileIssue(e, args.output)], io);
    }
    throw e;
  }
  watch.progress('written');
  watch.done();
  io.out(say(WR.written, { file: args.output }));
  return 0;
}

/** A run refused: only the errors (warnings would bury them), under one line saying so. */
function refused(issues: readonly Issue[], io: Io): number {
  const errors = issues.filter((i) => i.severity === 'error');
  // A missing, damaged or open file is not a fault of the data in it.
  const aboutFile = errors.every((i) => FILE_PROBLEMS.has(i.key));
  io.err(say(aboutFile ? C.cannotRun : C.invalid, { count: errors.length }));
  io.err(issueTable(errors));
  return 1;
}

/** The warnings of a successful run, the first 50 (all of them go to "Nhật ký"). */
function warn(warnings: readonly Issue[], args: Args, io: Io): void {
  if (warnings.length === 0 || args.quiet) return;
  io.err(issueTable(warnings.slice(0, MAX_WARNINGS_SHOWN)));
  const more = warnings.length - MAX_WARNINGS_SHOWN;
  if (more > 0) io.err(say(C.moreWarnings, { count: more }));
}

/** Progress lines past a second (unless --quiet), and the --timings line at the end. */
function stopwatch(args: Args, io: Io): { progress: (stage: string) => void; done: () => void } {
  const clock = io.clock ?? Date.now;
  const started = clock();
  const marks: [string, number][] = [['start', started]];
  return {
    progress: (stage) => {
      const now = clock();
      marks.push([stage, now]);
      const ms = now - started;
      if (ms > 1000 && !args.quiet)
        io.err(`[${(ms / 1000).toFixed(1)} s] ${STAGES[stage] ?? stage}`);
    },
    done: () => {
      if (args.timings) io.err(timingLine(marks, clock(), io.uptime?.()));
    },
  };
}

function run(argv: readonly string[], io: Io): number {
  // `period` takes many files and options of its own (cli/period.ts)
  if (argv[0] === 'period') return periodCommand(argv.slice(1), io, USAGE);
  const args = parseArgs(argv);
  const usage = (problem?: string): number => usageError(io, problem);
  if (args.problem) return usage(args.problem);
  switch (args.command) {
    case 'help':
      io.out(USAGE);
      return 0;
    case 'version':
      io.out(`xephang ${VERSION}`);
      return 0;
    case 'rank':
    case 'check': {
      if (!args.file) return usage(C.missingWorkbook);
      if (args.command === 'check' && args.output) return usage(C.checkWritesNothing);
      const watch = stopwatch(args, io);
      const outcome = runWorkbook(args.file, {
        write: args.command === 'rank',
        outPath: args.output,
        ...(args.previous !== undefined ? { previous: args.previous } : {}),
        now: io.now?.(),
        progress: watch.progress,
      });
      watch.done();
      if (!outcome.ok) return refused(outcome.issues, io);
      warn(outcome.warnings, args, io);
      if (args.command === 'check') {
        const { units, campaign } = outcome.evaluation;
        io.out(say(C.valid, { units: units.length, criteria: campaign.leaves.length }));
        return 0;
      }
      if (!args.quiet) {
        for (const table of resultTables(outcome.evaluation)) {
          io.out(table.title);
          io.out(textTable(shortHeaders(table.header), table.rows, table.formats));
          io.out('');
        }
        if (outcome.evaluation.awards) {
          const proposals = awardTable(outcome.evaluation, outcome.spec);
          io.out(C.proposals);
          io.out(textTable(proposals.header, proposals.rows, proposals.formats));
          io.out('');
        }
      }
      io.out(say(C.written, { file: args.output ?? args.file }));
      return 0;
    }
    case 'report':
      // packing the document is asynchronous: cli/index.ts runs every command through mainAsync
      throw new Error('xephang report runs through mainAsync, not main');
    case 'template': {
      if (!args.output) return usage(C.missingTemplateFile);
      const units = args.units ?? 10;
      // one column per unit on "Chấm điểm": Excel's last column XFD bounds the count
      if (!Number.isInteger(units) || units < 1 || units > MAX_TEMPLATE_UNITS) {
        return usage(say(C.unitsRange, { max: grouped(MAX_TEMPLATE_UNITS) }));
      }
      if (args.example !== undefined && !(args.example in EXAMPLES)) {
        return usage(
          say(C.unknownExample, { name: args.example, examples: Object.keys(EXAMPLES).join(', ') }),
        );
      }
      const problem = writeTemplate(args.output, { units, example: args.example });
      if (problem) {
        io.err(problem);
        return 1;
      }
      io.out(say(C.templateWritten, { file: args.output }));
      return 0;
    }
    case 'forms': {
      if (!args.file) return usage(C.missingWorkbook);
      if (!args.output) return usage(C.missingFormsFolder);
      const outcome = writeForms(args.file, args.output);
      if (!outcome.ok) {
        io.err(issueTable(outcome.issues.filter((i) => i.severity === 'error')));
        return 1;
      }
      io.out(`${formatMessage(vi.forms.made, { count: outcome.files.length })} (${args.output})`);
      return 0;
    }
    case 'merge': {
      if (!args.file) return usage(C.missingWorkbook);
      if (args.more.length === 0) return usage(C.missingForms);
      const outcome = mergeFormFiles(args.file, args.more, {
        outPath: args.output,
        now: io.now?.(),
      });
      if (!outcome.ok) {
        const errors = outcome.issues.filter((i) => i.severity === 'error');
        io.err(say(C.formsInvalid, { count: errors.length }));
        io.err(issueTable(errors));
        return 1;
      }
      if (outcome.warnings.length > 0 && !args.quiet) io.err(issueTable(outcome.warnings));
      // Nothing merged is not a success for a script: exit 1, the files named above.
      if (outcome.nothingFound) {
        io.err(vi.warnings.noFormsToMerge);
        return 1;
      }
      const units = new Set(outcome.merged.map((m) => m.unit)).size;
      io.out(
        formatMessage(vi.forms.merged, {
          forms: outcome.merged.length,
          units,
          sheet: vi.workbook.sheets.self,
        }),
      );
      // Empty forms, scores replaced, blank cells kept: always said, never only in the log.
      for (const note of outcome.notes) io.out(note);
      io.out(say(C.mergedInto, { file: args.output ?? args.file }));
      return 0;
    }
    case undefined:
      return usage();
    default:
      return usage(say(C.unknownCommand, { command: args.command }));
  }
}

/** Errors about the file itself (unreadable, not a workbook, open elsewhere), not its data. */
const FILE_PROBLEMS = new Set<string>(['fileProblem', 'fileOpen', 'macroToXlsx', 'plainToXlsm']);

/** Warnings shown on the terminal; all of them go to the "Nhật ký" sheet. */
const MAX_WARNINGS_SHOWN = 50;

const STAGES: Record<string, string> = C.stages;
const STAGE_SHORT: Record<string, string> = C.stageShort;

/**
 * --timings: milliseconds per stage ("đọc" = reading the package and the input sheets, "tính" =
 * parse, score, rank, awards and the output sheets' values, "ghi" = writing the package), the
 * whole command, and Node's own start-up before it when the process uptime is known.
 */
function timingLine(marks: [string, number][], end: number, uptime?: number): string {
  const parts: string[] = [];
  for (let i = 1; i < marks.length; i++) {
    const ms = Math.round(marks[i][1] - marks[i - 1][1]);
    parts.push(`${STAGE_SHORT[marks[i][0]] ?? marks[i][0]} ${ms} ms`);
  }
  const total = end - marks[0][1];
  parts.push(say(C.timingsTotal, { ms: Math.round(total) }));
  const boot = uptime === undefined ? '' : say(C.timingsBoot, { ms: Math.round(uptime - total) });
  return say(C.timings, { stages: parts.join(' · ') }) + boot;
}

/** 16381 → "16 381", as Vietnamese text groups digits. */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ' ');

/** Field columns are long in the report; the terminal shows their codes only. */
function shortHeaders(header: readonly string[]): string[] {
  return header.map((h) => h.replace(/^(\d+)\. .*/, 'LV $1'));
}

export { formatIssue };
