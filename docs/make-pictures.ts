/**
 * Regenerates the pictures of docs/workbook-format.md and docs/forms.md: each sheet of the
 * ranked An Giang example, alone in a workbook, the self-assessment form of its first unit and
 * the live preview of its template (computed by LibreOffice), printed to PDF by LibreOffice and
 * turned into a PNG by pdftoppm.
 * Needs `soffice` and `pdftoppm` (Debian: libreoffice-calc-nogui, poppler-utils).
 * Run: npx tsx docs/make-pictures.ts
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, renameSync } from 'fs';
import os from 'os';
import path from 'path';
import { buildWorkbook, readPackage, readSheets, writeFileAtomic } from '../cli/xlsx';
import { main } from '../cli/main';

const pictures: Record<string, string> = {
  'Cấu hình': 'cau-hinh',
  'Tiêu chí': 'tieu-chi',
  'Đơn vị': 'don-vi',
  'Chấm điểm': 'cham-diem',
  'Kết quả': 'ket-qua',
  'Đề nghị khen thưởng': 'de-nghi',
  'Đối chiếu': 'doi-chieu',
};

/** The columns worth a picture where a sheet is wider than a page (0-based). */
const COLUMNS: Record<string, number[]> = {
  // Mã đơn vị, Mã tiêu chí, Điểm tối đa, Điểm tự chấm, Điểm thẩm định, Chênh lệch, Ghi chú
  'Đối chiếu': [0, 2, 4, 5, 6, 7, 9],
  // Mã tiêu chí, Tên tiêu chí, Điểm tối đa, Điểm tự chấm, Tài liệu kiểm chứng
  'Phiếu tự chấm': [0, 1, 2, 4, 6],
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'xephang-pictures-'));
const ranked = path.join(dir, 'an-giang-2018.xlsx');
main(['rank', path.join(__dirname, '../examples/an-giang-2018.xlsx'), '-o', ranked, '--quiet'], {
  out: () => undefined,
  err: (t) => process.stderr.write(t + '\n'),
});
const sheets = readSheets(readPackage(readFileSync(ranked)), Object.keys(pictures));
// The self-assessment form of the first unit, as `xephang forms` writes it.
const formsDir = path.join(dir, 'forms');
main(['forms', path.join(__dirname, '../examples/an-giang-2018.xlsx'), '-o', formsDir], {
  out: () => undefined,
  err: (t) => process.stderr.write(t + '\n'),
});
const formSheet = readSheets(readPackage(readFileSync(path.join(formsDir, 'STP.xlsx'))), [
  'Phiếu tự chấm',
]).get('Phiếu tự chấm');
if (formSheet) {
  sheets.set('Phiếu tự chấm', formSheet);
  pictures['Phiếu tự chấm'] = 'phieu-tu-cham';
}
// The template's live preview, computed by LibreOffice (the template is saved without values).
const template = path.join(dir, 'template.xlsx');
main(['template', '-o', template, '--example', 'an-giang-2018'], {
  out: () => undefined,
  err: (t) => process.stderr.write(t + '\n'),
});
execFileSync('soffice', [
  '--headless',
  '--norestore',
  `-env:UserInstallation=file://${dir}/profile`,
  '--convert-to',
  'xlsx',
  '--outdir',
  path.join(dir, 'recalculated'),
  template,
]);
const preview = readSheets(
  readPackage(readFileSync(path.join(dir, 'recalculated', 'template.xlsx'))),
  ['Điểm tạm tính'],
).get('Điểm tạm tính');
if (preview) {
  sheets.set('Điểm tạm tính', preview);
  pictures['Điểm tạm tính'] = 'diem-tam-tinh';
}
const files: string[] = [];
for (const [name, slug] of Object.entries(pictures)) {
  const data = sheets.get(name);
  if (!data) continue;
  // The first rows and columns, sized to their text, numbers with two decimals: what fits a page.
  const pick = COLUMNS[name];
  const rows = data.rows
    .slice(0, 28)
    .map((r) => (pick ? pick.map((c) => r[c] ?? null) : r.slice(0, 7)));
  const widths: number[] = [];
  rows.forEach((r, i) =>
    r.forEach((v, c) => {
      if (r.filter((x) => x !== null).length === 1 && c === 0 && i !== 0) return; // titles overflow
      if (name === 'Kết quả' && i === 0) return;
      widths[c] = Math.min(pick ? 20 : 28, Math.max(widths[c] ?? 5, String(v ?? '').length + 1));
    }),
  );
  const formats = rows.map((r) =>
    r.map((v) => (typeof v === 'number' && !Number.isInteger(v) ? '0.00' : undefined)),
  );
  const bold =
    data.rows === rows
      ? []
      : rows.flatMap((r, i) =>
          i === 0 ||
          (r.length === 1 && r[0] !== null && String(r[0]).toUpperCase() === String(r[0]))
            ? [i]
            : [],
        );
  const file = path.join(dir, `${slug}.xlsx`);
  writeFileAtomic(
    file,
    buildWorkbook([{ name, rows, formats, boldRows: bold, columnWidths: widths }]),
  );
  files.push(file);
}
execFileSync('soffice', [
  '--headless',
  '--norestore',
  `-env:UserInstallation=file://${dir}/profile`,
  '--convert-to',
  'pdf',
  '--outdir',
  dir,
  ...files,
]);
for (const file of files) {
  const slug = path.basename(file, '.xlsx');
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '70',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    path.join(dir, `${slug}.pdf`),
    path.join(dir, slug),
  ]);
  renameSync(path.join(dir, `${slug}.png`), path.join(__dirname, 'img', `${slug}.png`));
  console.log(`docs/img/${slug}.png`);
}
