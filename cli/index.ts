#!/usr/bin/env node
/** Process entry of the `xephang` command. */
import { main } from './main';

process.exitCode = main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  // ms since the process started: for --timings, which reports Node's own start-up
  uptime: () => performance.now(),
});
