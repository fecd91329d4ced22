/**
 * What the user sees of a fault of the program itself (not of the workbook nor the file system):
 * one Vietnamese line saying where the details were saved — a text file in the OS temporary
 * folder with the message, the stack, the version, Node's and the command's arguments — and
 * exit code 3. No stack trace on the terminal.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMessage, vi } from '../shared/i18n/vi';
import { writeNew } from './files';

export const VERSION = '0.1.0';

/** The exit code of an internal error (0 done, 1 invalid input, 2 wrong usage). */
export const INTERNAL_ERROR = 3;

const FS = vi.cli.fileSystem;

/** Saves the details of `e` and returns the one line to print. */
export function internalErrorLine(
  e: unknown,
  argv: readonly string[],
  folder = tmpdir(),
  now = new Date(),
): string {
  const err = e instanceof Error ? e : new Error(String(e));
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const file = join(folder, `xephang-loi-${stamp}-${process.pid}.txt`);
  const details = [
    `xephang ${VERSION}`,
    `time: ${now.toISOString()}`,
    `node: ${process.version} ${process.platform} ${process.arch}`,
    `args: ${JSON.stringify(argv)}`,
    `cwd: ${process.cwd()}`,
    '',
    `${err.name}: ${err.message}`,
    err.stack ?? '',
    '',
  ].join('\n');
  try {
    writeNew(file, new TextEncoder().encode(details));
  } catch {
    return formatMessage(FS.internalNoLog, { message: `${err.name}: ${err.message}` });
  }
  return formatMessage(FS.internal, { log: file });
}
