/**
 * Validation of an add-in manifest against Microsoft's XSD schemas (schemas/office-addin/, see its
 * README) with `xmllint` from libxml2 (Debian package libxml2-utils), offline (`--nonet`).
 */
import { spawnSync } from 'child_process';
import path from 'path';

/** The schema the manifest's root element (OfficeApp 1.1) is checked against. */
export const MANIFEST_SCHEMA = path.resolve(
  __dirname,
  '../schemas/office-addin/OfficeAppManifestV1_1.xsd',
);

/** Whether `xmllint` can be run. */
export function hasXmllint(): boolean {
  const run = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  return !run.error && run.status === 0;
}

export interface XsdResult {
  valid: boolean;
  /** xmllint's own lines (errors, then "… fails to validate" or "… validates"). */
  messages: string[];
}

/**
 * Validates `file` against the manifest schema. Throws when xmllint cannot be run (check
 * `hasXmllint()` first) or cannot compile the schema.
 */
export function validateManifestXsd(file: string): XsdResult {
  const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', MANIFEST_SCHEMA, file], {
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  const messages = `${run.stdout}${run.stderr}`.split('\n').filter((line) => line.trim() !== '');
  // 0 valid, 3 invalid against the schema; anything else (1 parse error, 5 schema did not
  // compile…) is reported as invalid with xmllint's own words, unless the schema itself failed.
  if (run.status === 5)
    throw new Error(`xmllint could not compile the schema:\n${messages.join('\n')}`);
  return { valid: run.status === 0, messages };
}
