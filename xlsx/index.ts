/**
 * The .xlsx format layer: a fast reader of named sheets and a writer that replaces only
 * worksheet parts. Bytes in, sheets out; sheets in, bytes out — no file system, so it runs in the
 * CLI (node:zlib codec, platform.ts) and in the Excel task pane (fflate, platform.browser.ts).
 * The Node file helpers (atomic writes, Office lock files) are the CLI's: cli/files.ts.
 */
export * from './bytes';
