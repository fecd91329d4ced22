/**
 * The tree tells the design (issue 14): the arrows run hosts → xlsx → shared and never back,
 * nothing outside cli/ reaches into cli/, the core has no import circle, and no source file
 * grows past 700 lines (the Vietnamese dictionary and tests excepted).
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

const ROOT = resolve(__dirname, '..');
const SOURCE_DIRS = [
  'shared',
  'xlsx',
  'docx',
  'cli',
  'addin',
  'gas',
  'ui',
  'bench',
  'examples',
  'docs',
];
const MAX_LINES = 700;

function tsFiles(dir: string): string[] {
  const abs = join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative specifiers of every import and re-export, type-only ones included. */
export function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*'(\.[^']*)'/g;
  for (const match of source.matchAll(pattern)) found.push(match[1]);
  for (const match of source.matchAll(/(?:^|\n)\s*import\s*'(\.[^']*)'/g)) found.push(match[1]);
  return found;
}

/** The file an import resolves to, as a path relative to the repository root. */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = join(dirname(from), specifier);
  for (const candidate of [base + '.ts', join(base, 'index.ts'), base]) {
    try {
      if (statSync(join(ROOT, candidate)).isFile()) return relative('.', candidate);
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

function graph(files: string[]): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const source = readFileSync(join(ROOT, file), 'utf8');
    const targets = importSpecifiers(source)
      .map((specifier) => resolveImport(file, specifier))
      .filter((target): target is string => target !== undefined);
    edges.set(file, targets);
  }
  return edges;
}

/** Every strongly connected component with more than one file (Tarjan). */
function circles(edges: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!edges.has(next)) continue;
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indices.get(next)!));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!indices.has(node)) visit(node);
  return found;
}

const allSources = SOURCE_DIRS.flatMap(tsFiles);
const allEdges = graph(allSources);
const folder = (file: string): string => file.split(/[\\/]/)[0];

describe('architecture', () => {
  it('finds the imports it checks (the checks below are not vacuous)', () => {
    expect(allSources.length).toBeGreaterThan(80);
    expect(allEdges.get(join('cli', 'main.ts'))?.length).toBeGreaterThan(3);
    expect(importSpecifiers("import type { A } from './a';\nexport * from '../b';")).toEqual([
      './a',
      '../b',
    ]);
    expect(
      circles(
        new Map([
          ['a', ['b']],
          ['b', ['a']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b']]);
  });

  it('has no import circle in the core (shared/) nor in the .xlsx layer', () => {
    const core = new Map(
      [...allEdges].filter(([file]) => ['shared', 'xlsx'].includes(folder(file))),
    );
    expect(circles(core)).toEqual([]);
  });

  it('has no import circle in the hosts and the UI either', () => {
    expect(circles(allEdges)).toEqual([]);
  });

  it('lets no host, the UI, the core nor the .xlsx layer import cli/', () => {
    const offenders = [...allEdges].flatMap(([file, targets]) =>
      !['addin', 'gas', 'ui', 'shared', 'xlsx', 'docx'].includes(folder(file))
        ? []
        : targets.filter((t) => folder(t) === 'cli').map((t) => `${file} → ${t}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the arrows pointing down: shared/ imports only shared/, xlsx/ and docx/ only themselves and shared/', () => {
    const allowed: Record<string, string[]> = {
      shared: ['shared'],
      xlsx: ['xlsx', 'shared'],
      docx: ['docx', 'shared'],
      ui: ['ui', 'xlsx', 'docx', 'shared'],
      addin: ['addin', 'ui', 'xlsx', 'docx', 'shared'],
      gas: ['gas', 'ui', 'shared'],
    };
    const offenders = [...allEdges].flatMap(([file, targets]) => {
      const permitted = allowed[folder(file)];
      if (!permitted) return [];
      return targets.filter((t) => !permitted.includes(folder(t))).map((t) => `${file} → ${t}`);
    });
    expect(offenders).toEqual([]);
  });

  it('reads top-down inside the core: no module imports one of a later stage', () => {
    // The pipeline's stages, lowest first. scoring/rules.ts and cells.ts (what a rule makes of a
    // cell) sit below compile, which reads every cell with them; scoring/score.ts sums the
    // compiled grids, above it.
    const STAGES: string[][] = [
      ['shared/numbers', 'shared/i18n'],
      ['shared/model'],
      ['shared/scoring/rules.ts', 'shared/scoring/cells.ts', 'shared/scoring/unscored.ts'],
      ['shared/compile'],
      ['shared/scoring/score.ts'],
      ['shared/ranking'],
      ['shared/awards'],
      ['shared/evaluate.ts'],
      ['shared/report'],
      ['shared/workbook'],
      ['shared/forms', 'shared/period'],
      ['shared/index.ts'],
    ];
    const stageOf = (file: string): number => {
      const path = file.split(/[\\/]/).join('/');
      const found = STAGES.findIndex((prefixes) =>
        prefixes.some((prefix) => path === prefix || path.startsWith(prefix + '/')),
      );
      if (found < 0) throw new Error(`${path} belongs to no stage: add it to STAGES`);
      return found;
    };
    const offenders = [...allEdges]
      .filter(([file]) => folder(file) === 'shared')
      .flatMap(([file, targets]) =>
        targets.filter((t) => stageOf(t) > stageOf(file)).map((t) => `${file} → ${t}`),
      );
    expect(offenders).toEqual([]);
  });

  it(`has no source file over ${MAX_LINES} lines outside the dictionary`, () => {
    const long = allSources
      .filter((file) => !file.startsWith(join('shared', 'i18n')))
      .map((file) => ({ file, lines: readFileSync(join(ROOT, file), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
