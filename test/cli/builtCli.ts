/** The command line bundled from the sources into `dir` (as `npm run build:cli` does), for tests that run it as a child process. */
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

export function buildCli(dir: string): string {
  const cli = join(dir, 'xephang.js');
  buildSync({
    entryPoints: [resolve(__dirname, '../../cli/index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    outfile: cli,
    logLevel: 'warning',
  });
  return cli;
}
