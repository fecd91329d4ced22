/**
 * "All user-visible strings in one dictionary": the hosts (cli/, addin/, gas/, ui/) hold no
 * Vietnamese text of their own; it comes from shared/i18n/vi.ts. Comments are not counted.
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

test.each(['cli', 'addin', 'gas', 'ui'])('%s/ has no Vietnamese literals', (dir) => {
  const offending = sources(join(ROOT, dir)).flatMap((file) =>
    literals(readFileSync(file, 'utf8'))
      .filter((l) => VIETNAMESE.test(l))
      .map((l) => `${relative(ROOT, file)}: ${l.slice(0, 80)}`),
  );
  expect(offending).toEqual([]);
});
