/**
 * The .xlsx I/O layer: a fast reader of named sheets and a writer that replaces only worksheet
 * parts (bytes.ts, which also runs in a browser), and the Node file helpers (files.ts).
 */
export * from './bytes';
export { officeLock, readFile, writeFileAtomic } from './files';
