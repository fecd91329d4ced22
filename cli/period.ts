/**
 * `xephang period 2021.xlsx … 2025.xlsx -o giai-doan.xlsx`: each yearly ranked workbook's
 * "Kết quả" is read (never written), the units ranked over the period (shared/period/), and a new
 * workbook with "Kết quả giai đoạn" (and "Đề nghị khen thưởng giai đoạn" when period awards are
 * given) written atomically. Options: --min-years, --decimals, --dense, --excellent-label
 * (repeatable), and awards as `--award <name> --quota <n> [--excellent-years <n>] [--every-year]`,
 * repeatable, in precedence order. Exit codes as `rank`: 0 written, 1 invalid input or a file
 * problem (nothing written), 2 wrong usage.
 */
import path from 'node:path';
import { formatMessage, vi, type Issue } from '../shared';
import { error } from '../shared/model/issues';
import { rankPeriod, type PeriodAward, type PeriodSettings } from '../shared/period/period';
import { periodTables, renderPeriod } from '../shared/period/render';
import type { YearSheet } from '../shared/period/read';
import { buildWorkbook, readSheets } from '../xlsx';
import { XlsxError } from '../xlsx/types';
import { issueTable } from './errors';
import { readFile, writeFileAtomic } from './files';
import { textTable } from './text';
import { extensionIssue, fileIssue, openIssue } from './workbook';

const C = vi.cli;
const PC = vi.period.cli;
const say = formatMessage;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

interface PeriodArgs {
  files: string[];
  output?: string;
  quiet: boolean;
  settings: Partial<PeriodSettings>;
  problem?: string;
}

function parse(argv: readonly string[]): PeriodArgs {
  const args: PeriodArgs = { files: [], quiet: false, settings: {} };
  const awards: PeriodAward[] = [];
  const labels: string[] = [];
  for (let i = 0; i < argv.length && !args.problem; i++) {
    const a = argv[i];
    const value = (): string | undefined => {
      const v = argv[i + 1];
      if (v === undefined || (v.startsWith('-') && v.length > 1)) {
        args.problem ??= say(C.missingValue, { option: a });
        return undefined;
      }
      i++;
      return v;
    };
    const whole = (min: number): number | undefined => {
      const v = value();
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < min) {
        args.problem ??= say(PC.badNumber, { value: v, option: a, min });
        return undefined;
      }
      return n;
    };
    const current = (): PeriodAward | undefined => {
      const last = awards[awards.length - 1];
      if (!last) args.problem ??= say(PC.awardFirst, { option: a });
      return last;
    };
    if (a === '-o' || a === '--output') args.output = value();
    else if (a === '-q' || a === '--quiet') args.quiet = true;
    else if (a === '--min-years') args.settings.minYears = whole(1);
    else if (a === '--decimals') {
      const d = whole(0);
      if (d !== undefined && d > 4)
        args.problem ??= say(PC.badNumber, { value: d, option: a, min: 0 });
      else args.settings.decimals = d;
    } else if (a === '--dense') args.settings.method = 'dense';
    else if (a === '--excellent-label') {
      const v = value();
      if (v !== undefined) labels.push(v);
    } else if (a === '--award') {
      const v = value();
      if (v !== undefined) awards.push({ name: v, quota: 1 });
    } else if (a === '--quota') {
      const award = current();
      const n = whole(0);
      if (award && n !== undefined) award.quota = n;
    } else if (a === '--excellent-years') {
      const award = current();
      const n = whole(1);
      if (award && n !== undefined) award.minExcellentYears = n;
    } else if (a === '--every-year') {
      const award = current();
      if (award) award.everyYear = true;
    } else if (a.startsWith('-')) args.problem = say(C.unknownOption, { option: a });
    else args.files.push(a);
  }
  for (const k of Object.keys(args.settings) as (keyof PeriodSettings)[]) {
    if (args.settings[k] === undefined) delete args.settings[k];
  }
  if (labels.length > 0) args.settings.excellentLabels = labels;
  if (awards.length > 0) args.settings.awards = awards;
  return args;
}

/** Runs `xephang period …` (argv after the command's name). */
export function periodCommand(argv: readonly string[], io: Io, usage: string): number {
  const args = parse(argv);
  const usageError = (problem: string): number => {
    io.err(problem);
    io.err(usage);
    return 2;
  };
  if (args.problem) return usageError(args.problem);
  if (args.files.length === 0) return usageError(PC.missingFiles);
  if (!args.output) return usageError(PC.missingOutput);
  const target = path.resolve(args.output);
  if (args.files.some((f) => path.resolve(f) === target)) {
    return usageError(say(PC.outputIsInput, { file: args.output }));
  }
  const refused = (issues: readonly Issue[], aboutFile: boolean): number => {
    io.err(say(aboutFile ? C.cannotRun : C.invalid, { count: issues.length }));
    io.err(issueTable(issues));
    return 1;
  };
  const blocked = extensionIssue(false, args.output) ?? openIssue(args.output);
  if (blocked) return refused([blocked], true);

  const sheetName = vi.workbook.sheets.results;
  const sheets: YearSheet[] = [];
  const fileIssues: Issue[] = [];
  for (const file of args.files) {
    try {
      const read = readSheets(readFile(file), [sheetName]).get(sheetName);
      if (!read) {
        fileIssues.push(
          error(
            'fileProblem',
            { message: say(vi.period.errors.missingSheet, { sheet: sheetName }) },
            { file: path.basename(file) },
          ),
        );
      } else sheets.push({ file: path.basename(file), sheet: read.name, grid: read.rows });
    } catch (e) {
      if (e instanceof XlsxError) fileIssues.push(fileIssue(e, file));
      else throw e;
    }
  }
  if (fileIssues.length > 0) return refused(fileIssues, true);
  const outcome = rankPeriod(sheets, args.settings);
  if (!outcome.ok) return refused(outcome.issues, false);
  const { result } = outcome;
  try {
    writeFileAtomic(args.output, buildWorkbook(renderPeriod(result)));
  } catch (e) {
    if (e instanceof XlsxError) return refused([fileIssue(e, args.output)], true);
    throw e;
  }
  if (!args.quiet) {
    for (const table of periodTables(result)) {
      io.out(table.title);
      io.out(textTable(table.header, table.rows, table.formats));
      io.out('');
    }
    if (result.proposals.length > 0) {
      io.out(PC.proposals);
      io.out(
        textTable(
          [vi.period.header.award, vi.period.header.unitCode, vi.period.header.unitName],
          result.proposals.map((p) => [p.award, p.unit.code, p.unit.name]),
          [],
        ),
      );
      io.out('');
    }
  }
  const units = result.blocks.reduce((n, b) => n + b.units.length, 0);
  io.out(
    say(PC.written, { span: result.span, years: result.years.length, units, file: args.output }),
  );
  return 0;
}
