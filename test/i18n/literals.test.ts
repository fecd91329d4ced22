/**
 * "All user-visible strings in one dictionary": the sources hold no Vietnamese text of their
 * own; it comes from shared/i18n/vi.ts. Comments are not counted; the few core files whose
 * Vietnamese is data (DATA below) are left out.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../..');
/** A Vietnamese letter (with a diacritic, or đ). */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The string and template literals of a source, its comments removed first. */
export function literals(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return code.match(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? [];
}

test('the scanner finds Vietnamese in literals and skips comments', () => {
  const found = literals("// Xếp hạng\nconst a = 'Xếp hạng';\n/** Điểm */ const b = `x ${1}`;");
  expect(found.filter((l) => VIETNAMESE.test(l))).toEqual(["'Xếp hạng'"]);
});

/**
 * Files of the core whose Vietnamese is data, not interface: the words a cell may hold (tick
 * words, rule parameters read and written back), the default bands, the starter campaign.
 */
const DATA = new Set([
  'shared/scoring/cells.ts',
  'shared/workbook/parse/common.ts',
  'shared/workbook/parse/config.ts',
  'shared/workbook/parse/criteria.ts',
  'shared/workbook/parse/scores.ts',
  'shared/workbook/inputs.ts',
  'shared/model/settings.ts',
  'shared/workbook/template.ts',
]);

/** The source folders checked (docx/: the Word appendix, issue 15; scripts/: the release builder, issue 18). */
const DIRS = ['shared', 'docx', 'cli', 'addin', 'gas', 'ui', 'scripts'];

test.each(DIRS)('%s/ has no Vietnamese literals', (dir) => {
  const files = sources(join(ROOT, dir)).filter(
    (f) => !f.endsWith(join('i18n', 'vi.ts')) && !DATA.has(relative(ROOT, f).split('\\').join('/')),
  );
  const offending = files.flatMap((file) =>
    literals(readFileSync(file, 'utf8'))
      .filter((l) => VIETNAMESE.test(l))
      .map((l) => `${relative(ROOT, file)}: ${l.slice(0, 80)}`),
  );
  expect(offending).toEqual([]);
});
