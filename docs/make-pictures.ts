/**
 * Regenerates the pictures of docs/workbook-format.md and docs/forms.md: each sheet of the
 * An Giang example ("Kết quả" and "Đề nghị khen thưởng" as they print, the others as values),
 * ranked, revised in a few appraised cells and ranked again, alone in a workbook, the self-assessment form of its first unit and
 * the live preview of its template (computed by LibreOffice), printed to PDF by LibreOffice and
 * turned into a PNG by pdftoppm.
 * Needs `soffice` and `pdftoppm` (Debian: libreoffice-calc-nogui, poppler-utils).
 * Run: npx tsx docs/make-pictures.ts
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, renameSync } from 'fs';
import os from 'os';
import path from 'path';
import { writeFileAtomic } from '../cli/files';
import { buildWorkbook, readPackage, readSheets, writeSheets } from '../xlsx';
import { main } from '../cli/main';
import { onlySheet } from '../bench/soffice';

const pictures: Record<string, string> = {
  'Cấu hình': 'cau-hinh',
  'Tiêu chí': 'tieu-chi',
  'Đơn vị': 'don-vi',
  'Tự chấm': 'tu-cham',
  'Chấm điểm': 'cham-diem',
  'Khảo sát': 'khao-sat',
  'Đề cử cá nhân': 'de-cu-ca-nhan',
  'Phiếu bầu': 'phieu-bau',
  'Kết quả': 'ket-qua',
  'Đề nghị khen thưởng': 'de-nghi',
  'Đối chiếu': 'doi-chieu',
  'Lịch sử thẩm định': 'lich-su-tham-dinh',
  'Nhật ký': 'nhat-ky',
};

/** The columns worth a picture where a sheet is wider than a page (0-based). */
const COLUMNS: Record<string, number[]> = {
  // Mã đơn vị, Mã tiêu chí, Điểm tối đa, Điểm tự chấm, Điểm thẩm định, Chênh lệch, Ghi chú
  'Đối chiếu': [0, 2, 4, 5, 6, 7, 9],
  // Mã tiêu chí, Tên tiêu chí, Điểm tối đa, Điểm tự chấm, Tài liệu kiểm chứng
  'Phiếu tự chấm': [0, 1, 2, 4, 6],
  // Mã tiêu chí, Điểm tối đa, the first three units (level labels make wide columns)
  'Tự chấm': [0, 2, 3, 4, 5],
  // Lượt bầu, Số được chọn, Số có mặt, Người / tập thể được bầu, Số phiếu
  'Phiếu bầu': [0, 3, 5, 8, 9],
  // Vòng, Mã đơn vị, Mã tiêu chí, Điểm cũ, Điểm mới
  'Lịch sử thẩm định': [1, 3, 4, 5, 6],
  // Thời điểm, Số đơn vị, Số đề nghị khen thưởng, Số cảnh báo
  'Nhật ký': [0, 3, 4, 5],
};

/**
 * The ranked workbook with a few appraised numbers changed (each one less, as an appraiser
 * would revise them) in "Chấm điểm": ranked again, it shows change rows in "Lịch sử thẩm định"
 * and a second line in "Nhật ký".
 */
function revised(file: string, out: string): void {
  const pkg = readPackage(readFileSync(file));
  const rows = readSheets(pkg, ['Chấm điểm']).get('Chấm điểm')?.rows ?? [];
  let changed = 0;
  const edited = rows.map((r, i) =>
    r.map((v, c) => {
      if (i === 0 || c < 3 || typeof v !== 'number' || v < 1 || changed >= 3) return v;
      changed++;
      return v - 1;
    }),
  );
  writeFileAtomic(out, writeSheets(pkg, [{ name: 'Chấm điểm', rows: edited }]));
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'xephang-pictures-'));
const ranked = path.join(dir, 'an-giang-2018.xlsx');
main(['rank', path.join(__dirname, '../examples/an-giang-2018.xlsx'), '-o', ranked, '--quiet'], {
  out: () => undefined,
  err: (t) => process.stderr.write(t + '\n'),
});
const sheets = readSheets(readPackage(readFileSync(ranked)), Object.keys(pictures));
// The history and the log after an appraiser's revision and a second rank.
const again = path.join(dir, 'an-giang-2018-revised.xlsx');
revised(ranked, again);
main(['rank', again, '--quiet'], {
  out: () => undefined,
  err: (t) => process.stderr.write(t + '\n'),
});
for (const [name, data] of readSheets(readPackage(readFileSync(again)), [
  'Lịch sử thẩm định',
  'Nhật ký',
])) {
  sheets.set(name, data);
}
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
// The published sheets as they print: the ranked workbook with every other sheet hidden, so the
// picture shows their titles, borders, fonts and print set-up (issue 15).
const PUBLISHED = ['Kết quả', 'Đề nghị khen thưởng'];
for (const name of PUBLISHED) {
  const file = path.join(dir, `${pictures[name]}.xlsx`);
  writeFileAtomic(file, onlySheet(readFileSync(ranked), name));
  files.push(file);
}
for (const [name, slug] of Object.entries(pictures)) {
  const data = sheets.get(name);
  if (!data || PUBLISHED.includes(name)) continue;
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
