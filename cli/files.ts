/**
 * The CLI's file side, Node only: reading a workbook file (regular files only, up to a size
 * cap) and writing one atomically (through symbolic links, beside the real target, never onto
 * a device or a FIFO), with every file-system error as a Vietnamese message.
 * Everything in xlsx/ works on bytes and runs in a browser too (see xlsx/bytes.ts).
 */
import fs, {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { readPackage, type Package } from '../xlsx/read';
import { XlsxError } from '../xlsx/types';
import { formatMessage, vi } from '../shared/i18n/vi';

const X = vi.xlsx;
const FS = vi.cli.fileSystem;

/**
 * The largest workbook file read: 512 MB. A real campaign is a few MB (10,000 units × 150
 * criteria with self scores and a tenth appraised: 7 MB); a larger file is refused from its size
 * alone, without reading it.
 */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/** What a file that is not a regular file is, in the user's words. */
function kindOf(s: Stats): string {
  if (s.isDirectory()) return FS.kinds.directory;
  if (s.isFIFO()) return FS.kinds.fifo;
  if (s.isSocket()) return FS.kinds.socket;
  if (s.isCharacterDevice() || s.isBlockDevice()) return FS.kinds.device;
  return FS.kinds.other;
}

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, for ever.
// (Windows has no FIFOs nor the flag.)
const READ_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Reads a workbook file; failures become XlsxError with a Vietnamese message naming the file.
 * What the file is and how large it is come from fstat on the opened descriptor, so that what
 * is checked is what is read.
 */
export function readFile(path: string): Package {
  let bytes: Uint8Array;
  try {
    const fd = openSync(path, READ_FLAGS);
    try {
      const s = fstatSync(fd);
      if (s.isDirectory()) {
        throw new XlsxError('notXlsx', formatMessage(X.isFolder, { path }));
      }
      if (!s.isFile()) {
        throw new XlsxError('notXlsx', formatMessage(FS.notRegular, { path, kind: kindOf(s) }));
      }
      if (s.size > MAX_INPUT_BYTES) {
        const mb = (n: number): number => Math.ceil(n / (1024 * 1024));
        throw new XlsxError(
          'notXlsx',
          formatMessage(FS.tooLarge, { path, size: mb(s.size), max: mb(MAX_INPUT_BYTES) }),
        );
      }
      bytes = readAll(fd, s.size);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw fileError(e, path, 'read');
  }
  return readPackage(bytes, `"${path}"`);
}

/** The file's bytes: `size` as fstat gave it, and whatever it grew by, up to the cap. */
function readAll(fd: number, size: number): Uint8Array {
  let buf = Buffer.allocUnsafe(Math.max(size, 1));
  let len = 0;
  for (;;) {
    if (len === buf.length) {
      if (len >= MAX_INPUT_BYTES) throw Object.assign(new Error('EFBIG'), { code: 'EFBIG' });
      const next = Buffer.allocUnsafe(Math.min(len * 2, MAX_INPUT_BYTES));
      buf.copy(next, 0, 0, len);
      buf = next;
    }
    const n = readSync(fd, buf, len, buf.length - len, null);
    if (n === 0) break;
    len += n;
  }
  return buf.subarray(0, len);
}

/** Errno codes that say: this folder or file is not there (or a folder on the path is a file). */
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EEXIST']);
/** Errno codes of a file held by another program or without permission. */
const LOCKED = new Set(['EBUSY', 'EACCES', 'EPERM']);
const ERRNO: Record<string, string> = FS.errno;
/** Codes sharing a message. */
const SAME: Record<string, string> = { ENFILE: 'EMFILE', EFBIG: 'ENOSPC' };

/**
 * Maps a file-system error to XlsxError with a Vietnamese message that names the file and says
 * what to do; an XlsxError, or anything that is not a file-system error, passes through.
 */
export function fileError(e: unknown, path: string, op: 'read' | 'write'): unknown {
  if (e instanceof XlsxError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !/^E[A-Z0-9]+$/.test(code)) return e;
  const action = op === 'read' ? FS.read : FS.write;
  if (MISSING.has(code)) {
    const message = op === 'read' ? X.notFound : FS.errno.noFolder;
    return new XlsxError('notFound', formatMessage(message, { path }));
  }
  if (code === 'EISDIR') {
    const message =
      op === 'read' ? X.isFolder : formatMessage(FS.notRegularTarget, { kind: FS.kinds.directory });
    return new XlsxError('notXlsx', formatMessage(message, { path }));
  }
  if (LOCKED.has(code)) {
    return new XlsxError('locked', formatMessage(X.locked, { path, what: action }));
  }
  const message = ERRNO[SAME[code] ?? code] ?? FS.errno.other;
  return new XlsxError('fileSystem', formatMessage(message, { path, action, code }));
}

/** Links followed at most before a path is taken as a loop (as the kernel's ELOOP). */
const MAX_LINKS = 40;

/**
 * The file a write to `path` should replace: the end of its chain of symbolic links (which may
 * not exist yet), so that the link stays a link and its target gets the new bytes.
 */
function realTarget(path: string): string {
  let p = resolve(path);
  for (let hops = 0; ; hops++) {
    let s: Stats;
    try {
      s = lstatSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return p;
      throw e;
    }
    if (!s.isSymbolicLink()) return p;
    if (hops >= MAX_LINKS) throw Object.assign(new Error('ELOOP'), { code: 'ELOOP' });
    p = resolve(dirname(p), readlinkSync(p));
  }
}

/**
 * Our temporary files: ".~xephang-tam-<pid>-<name>.tmp" beside the file they become (hidden on
 * Linux and macOS; "tạm" = temporary). A run killed with kill -9 leaves one behind; the next
 * write into that folder removes it (see removeStaleTemps).
 */
const TEMP = /^\.~xephang-tam-(\d+)-.*\.tmp$/;
/** What older versions named theirs: "<name>.tmp-<pid>". */
const OLD_TEMP = /^.+\.tmp-(\d+)$/;
/** A temporary file of a live process is still removed past this age (its pid reused). */
const STALE_MS = 24 * 60 * 60 * 1000;

export function tempName(target: string): string {
  // a long target name would make the temporary name too long for the file system
  const name = [...basename(target)].slice(0, 80).join('');
  return join(dirname(target), `.~xephang-tam-${process.pid}-${name}.tmp`);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, as another user's process
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a killed run of ours left in `folder`: names of our exact pattern
 * (or the old "<target>.tmp-<pid>" for this target) whose process is gone, or older than a day.
 * Best effort: a file that cannot be removed stays, silently.
 */
export function removeStaleTemps(folder: string, target?: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  const old = target === undefined ? undefined : `${basename(target)}.tmp-`;
  for (const name of names) {
    const m = TEMP.exec(name) ?? (old && name.startsWith(old) ? OLD_TEMP.exec(name) : null);
    if (!m) continue;
    const pid = Number(m[1]);
    const file = join(folder, name);
    try {
      if (alive(pid) && Date.now() - lstatSync(file).mtimeMs < STALE_MS) continue;
      rmSync(file, { recursive: true, force: true });
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
}

/** Writes all of `bytes` to a new file (O_EXCL: never through a link planted there) and syncs it. */
export function writeNew(file: string, bytes: Uint8Array, mode = 0o666): void {
  const fd = openSync(file, 'wx', mode);
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a file so that it is either fully replaced or left as it was. A symbolic link is
 * followed to the file it names (the link stays); a target that exists but is not a regular file
 * (a folder, a device, a FIFO, a socket) is refused. The bytes go to a temporary file beside the
 * real target (same folder, so the rename cannot cross file systems), are flushed to disk, then
 * renamed over it, keeping the old file's permissions. Any failure removes the temporary file
 * and becomes XlsxError naming `path`; a file Excel holds open fails the rename → 'locked'.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  let tmp: string | undefined;
  try {
    const real = realTarget(path);
    const folder = dirname(real);
    // a new file may go in a new folder (rank -o, merge -o and template alike)
    mkdirSync(folder, { recursive: true });
    const mode = existingMode(path, real);
    removeStaleTemps(folder, real);
    tmp = tempName(real);
    // ours (this pid, this name): left by an earlier process that had the same pid
    rmSync(tmp, { force: true });
    writeNew(tmp, bytes, mode);
    renameSync(tmp, real);
    tmp = undefined;
  } catch (e) {
    if (tmp !== undefined) {
      try {
        unlinkSync(tmp);
      } catch {
        // not created, or already gone
      }
    }
    throw fileError(e, path, 'write');
  }
}

/** The permission bits of the file being replaced (0o666 under the umask for a new one). */
function existingMode(path: string, real: string): number {
  let s: Stats;
  try {
    s = statSync(real);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0o666;
    throw e;
  }
  if (!s.isFile()) {
    throw new XlsxError('notXlsx', formatMessage(FS.notRegularTarget, { path, kind: kindOf(s) }));
  }
  return s.mode & 0o7777;
}

/**
 * Writes files into a folder all or nothing (`xephang forms`): they are written into a
 * temporary folder beside it first. A folder that does not exist yet is then that temporary
 * folder renamed; into an existing one, each file is renamed into place and the file it
 * replaces kept aside until all are in, so that a failure puts every old file back and leaves
 * no new one. A name in the folder that is not a regular file is refused before anything moves.
 */
export function writeFilesAtomic(
  folder: string,
  files: readonly { name: string; bytes: Uint8Array }[],
): void {
  let staging: string | undefined;
  let current = folder;
  /** What was put in place, in order, and where the file it replaced was kept. */
  const placed: { target: string; aside?: string }[] = [];
  try {
    const real = realTarget(folder);
    let exists = false;
    try {
      const s = statSync(real);
      if (!s.isDirectory()) {
        const message = s.isFile()
          ? formatMessage(FS.notFolder, { path: folder })
          : formatMessage(FS.notRegularTarget, { path: folder, kind: kindOf(s) });
        throw new XlsxError('notXlsx', message);
      }
      exists = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    mkdirSync(dirname(real), { recursive: true });
    removeStaleTemps(dirname(real));
    if (exists) {
      removeStaleTemps(real);
      // every target a regular file or free, before any byte is written
      for (const f of files) {
        current = join(folder, f.name);
        const s = statOrUndefined(join(real, f.name));
        if (s && !s.isFile()) {
          throw new XlsxError(
            'notXlsx',
            formatMessage(FS.notRegularTarget, { path: current, kind: kindOf(s) }),
          );
        }
      }
    }
    staging = tempName(real);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging);
    for (const f of files) {
      current = join(folder, f.name);
      writeNew(join(staging, f.name), f.bytes);
    }
    current = folder;
    if (!exists) {
      renameSync(staging, real);
      staging = undefined;
      return;
    }
    const aside = join(staging, '.~cu');
    mkdirSync(aside);
    for (const f of files) {
      const target = join(real, f.name);
      current = join(folder, f.name);
      const step: { target: string; aside?: string } = { target };
      if (statOrUndefined(target)) {
        step.aside = join(aside, f.name);
        renameSync(target, step.aside);
      }
      placed.push(step);
      renameSync(join(staging, f.name), target);
    }
  } catch (e) {
    // back as it was: the new files out, the old ones in
    for (const step of placed.reverse()) {
      try {
        if (step.aside) renameSync(step.aside, step.target);
        else rmSync(step.target, { force: true });
      } catch {
        // nothing more can be done here; the error below names the file
      }
    }
    throw fileError(e, current, 'write');
  } finally {
    if (staging !== undefined) rmSync(staging, { recursive: true, force: true });
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
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
  // beside the path given, and beside the file a symbolic link leads to
  let real = path;
  try {
    real = realTarget(path);
  } catch {
    // a loop: the write reports it
  }
  for (const file of new Set([path, real])) {
    const name = basename(file);
    const locks = [
      { app: 'Excel' as const, lock: `~$${name}` },
      { app: 'LibreOffice' as const, lock: `.~lock.${name}#` },
    ];
    const found = locks.find(({ lock }) => existsSync(join(dirname(file), lock)));
    if (found) return found;
  }
  return undefined;
}
