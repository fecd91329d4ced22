#!/usr/bin/env node
/** Process entry of the `xephang` command. */
import { INTERNAL_ERROR, internalErrorLine } from './crash';
import { mainAsync } from './main';

const argv = process.argv.slice(2);

// Whatever escapes main (an error on a stream, in a callback): one line and the details saved,
// never a stack trace.
process.on('uncaughtException', (e) => {
  try {
    process.stderr.write(internalErrorLine(e, argv) + '\n');
  } finally {
    process.exit(INTERNAL_ERROR);
  }
});

// `xephang rank … | head`: a reader that stops reading is not a failure of the run, whose file
// is already written when its table is printed. Further output to that stream is dropped.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

void mainAsync(argv, {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  // ms since the process started: for --timings, which reports Node's own start-up
  uptime: () => performance.now(),
}).then((code) => {
  process.exitCode = code;
});
