/**
 * The CLI's file side, Node only: reading a workbook file and writing one atomically.
 * Everything in xlsx/ works on bytes and runs in a browser too (see xlsx/bytes.ts).
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { readPackage, type Package } from '../xlsx/read';
import { XlsxError } from '../xlsx/types';
import { formatMessage, vi } from '../shared/i18n/vi';

/** Reads a workbook file; failures become XlsxError with a Vietnamese message naming the file. */
export function readFile(path: string): Package {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw fileError(e, path, 'read');
  }
  return readPackage(bytes, `"${path}"`);
}

const X = vi.xlsx;

/** Maps a file-system error to XlsxError; anything unexpected passes through unchanged. */
export function fileError(e: unknown, path: string, op: 'read' | 'write'): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  // EEXIST: a folder on the path is a file (mkdir of a new file's folder)
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EEXIST') {
    return new XlsxError('notFound', formatMessage(X.notFound, { path }));
  }
  if (code === 'EISDIR') {
    return new XlsxError('notXlsx', formatMessage(X.isFolder, { path }));
  }
  if (code === 'EBUSY' || code === 'EACCES' || code === 'EPERM') {
    const what = op === 'read' ? X.read : X.write;
    return new XlsxError('locked', formatMessage(X.locked, { path, what }));
  }
  return e;
}

/**
 * Writes a file so that it is either fully replaced or left as it was: the bytes go to
 * path + ".tmp-<pid>" (same folder, so the rename cannot cross file systems), are flushed to
 * disk, then renamed over the target. A file Excel holds open fails the rename → 'locked'.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    // a new file may go in a new folder (rank -o, merge -o and template alike)
    mkdirSync(dirname(resolve(path)), { recursive: true });
    const fd = openSync(tmp, 'w');
    try {
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written, or it is already gone
    }
    throw fileError(e, path, 'write');
  }
}

/**
 * The lock file an office application keeps beside a workbook it has open, if there is one:
 * Excel's "~$name.xlsx", LibreOffice's ".~lock.name.xlsx#". Writing the workbook then would be
 * lost when the application saves it.
 */
export function officeLock(
  path: string,
): { app: 'Excel' | 'LibreOffice'; lock: string } | undefined {
  const name = basename(path);
  const locks = [
    { app: 'Excel' as const, lock: `~$${name}` },
    { app: 'LibreOffice' as const, lock: `.~lock.${name}#` },
  ];
  return locks.find(({ lock }) => existsSync(join(dirname(path), lock)));
}
