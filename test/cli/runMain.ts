/** The command line in-process (cli/main.ts `main`) with its output captured and a fixed clock. */
import { main, mainAsync } from '../../cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `xephang <args>`; `now` is the run's clock (default 25/11/2026 09:30). */
export function runMain(args: string[], now: Date = new Date(2026, 10, 25, 9, 30, 0)): CliRun {
  let out = '';
  let err = '';
  const code = main(args, {
    out: (t) => (out += t + '\n'),
    err: (t) => (err += t + '\n'),
    now: () => now,
  });
  return { code, out, err };
}

/** Runs `xephang <args>` as the process does (cli/index.ts → mainAsync): `report` included. */
export async function runMainAsync(
  args: string[],
  now: Date = new Date(2026, 10, 25, 9, 30, 0),
): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await mainAsync(args, {
    out: (t) => (out += t + '\n'),
    err: (t) => (err += t + '\n'),
    now: () => now,
  });
  return { code, out, err };
}
