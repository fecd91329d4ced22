/** LibreOffice headless as a calculator: converts .xlsx files to .xlsx, recomputing formulas without cached values. */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** True when `soffice` is on PATH. */
export function sofficeOnPath(): boolean {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .some((dir) => dir !== '' && existsSync(join(dir, 'soffice')));
}

/** A fresh LibreOffice user profile folder (not created yet: soffice makes it on first use). */
export function freshProfile(): string {
  return join(tmpdir(), `lo-${process.pid}-${Math.random().toString(36).slice(2)}`);
}

export function removeProfile(profile: string): void {
  rmSync(profile, { recursive: true, force: true });
}

/**
 * One soffice run converting every file to .xlsx in outDir (same base names); returns the
 * output paths. LibreOffice keeps the cached value of a formula cell it loads (its default for
 * .xlsx is "never recalculate") and computes the cells that have none, so a workbook written
 * without cached values comes back fully computed by LibreOffice.
 */
export function convertWithSoffice(
  files: string[],
  outDir: string,
  profile: string,
  timeoutMs = 120_000,
): string[] {
  const run = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'xlsx',
      '--outdir',
      outDir,
      ...files,
    ],
    { timeout: timeoutMs, encoding: 'utf8' },
  );
  const outputs = files.map((f) => join(outDir, basename(f)));
  const missing = outputs.filter((f) => !existsSync(f));
  if (run.status !== 0 || missing.length > 0) {
    throw new Error(
      `soffice failed (status ${run.status}${run.error ? `, ${run.error.message}` : ''}); ` +
        `missing: ${missing.join(', ') || 'none'}\n${run.stdout}\n${run.stderr}`,
    );
  }
  return outputs;
}

/**
 * The workbook with every sheet but `name` hidden and `name` the active tab: LibreOffice prints
 * no hidden sheet, so converting it to PDF prints that one sheet, with its own print set-up.
 */
export function onlySheet(bytes: Uint8Array, name: string): Uint8Array {
  const files = unzipSync(bytes);
  let wb = strFromU8(files['xl/workbook.xml']);
  let active = 0;
  let i = 0;
  wb = wb.replace(/<sheet\s[^>]*\/>/g, (el) => {
    const index = i++;
    if (el.includes(`name="${name}"`)) {
      active = index;
      return el.replace(/\sstate="[^"]*"/, '');
    }
    return /\sstate=/.test(el) ? el : el.replace(/^<sheet\s/, '<sheet state="hidden" ');
  });
  wb = wb.replace(/<workbookView\b([^>]*?)\s*(\/?)>/, (_, attrs: string, close: string) => {
    const kept = attrs.replace(/\s(activeTab|firstSheet)="[^"]*"/g, '');
    return `<workbookView${kept} activeTab="${active}" firstSheet="${active}"${close}>`;
  });
  files['xl/workbook.xml'] = strToU8(wb);
  return zipSync(files);
}
