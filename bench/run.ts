/**
 * `npm run bench`: every figure next to a baseline measured in the same run, as a ratio.
 * BENCH_SIZES=1000,10000 limits the scoring sizes; BENCH_AWARD_UNITS sets the award size;
 * BENCH_CLI_SIZES the CLI-vs-LibreOffice sizes; BENCH_HOST_SIZES the spreadsheet-host and save sizes;
 * BENCH_REPORT_SIZES the report's (formatted sheets, Word appendix, clipboard).
 */
import { benchAwards } from './awards';
import { benchCli } from './cli';
import { benchForms } from './forms';
import { benchHosts } from './hosts';
import { benchReport } from './report';
import { benchSave } from './save';
import { benchScoring } from './scoring';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
benchScoring(sizes);
benchAwards(Number(process.env.BENCH_AWARD_UNITS ?? 10_000));
benchCli((process.env.BENCH_CLI_SIZES ?? '1000,5000').split(',').map(Number));
benchForms(Number(process.env.BENCH_FORM_UNITS ?? 200));
const hostSizes = (process.env.BENCH_HOST_SIZES ?? '1000,10000').split(',').map(Number);
void benchHosts(hostSizes)
  .then(() => benchSave(hostSizes))
  .then(() => benchReport((process.env.BENCH_REPORT_SIZES ?? '1000,5000').split(',').map(Number)));
