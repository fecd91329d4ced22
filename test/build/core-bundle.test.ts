/**
 * The core is pure: the webpack bundle of shared/ runs in a bare JavaScript context with no
 * Node, browser or spreadsheet globals, and no source file in shared/ reaches for a host API,
 * I/O, a clock or randomness.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';
import vm from 'vm';
import webpack from 'webpack';

const root = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

test('no file in shared/ uses a host API, I/O, the clock or randomness', () => {
  const forbidden =
    /\b(require\(|from '(fs|path|os|child_process|http)'|process\.|console\.|Office\.|Excel\.|SpreadsheetApp|google\.script|window\.|document\.|Date\.now|new Date\(|Math\.random)/;
  const offenders = sources(path.join(root, 'shared')).filter((file) =>
    forbidden.test(readFileSync(file, 'utf8')),
  );
  expect(offenders).toEqual([]);
});

test('the core bundle builds and scores a campaign in a bare JavaScript context', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(root, 'webpack.config.js'))(
    { production: true },
    { mode: 'production' },
  );
  config.output.path = path.join(root, 'dist/test-core');
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))),
  );
  expect(stats.hasErrors()).toBe(false);
  const code = readFileSync(path.join(root, 'dist/test-core/xephang-core.js'), 'utf8');
  const sandbox: Record<string, unknown> = {};
  sandbox.globalThis = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(code, sandbox);
  const core = sandbox.XepHang as typeof import('../../shared');
  const result = core.evaluateCampaign({
    id: 't',
    name: 't',
    year: 2025,
    blocks: [{ id: 'so', name: 'Khối sở' }],
    criteria: [
      {
        code: '1',
        name: 'Lĩnh vực',
        max: 2,
        children: [
          { code: '1.1', name: 'a', max: 0.25, rule: { kind: 'tick' } },
          { code: '1.2', name: 'b', max: 1.75, rule: { kind: 'tick' } },
        ],
      },
    ],
    units: [
      { id: 'A', name: 'Sở A', block: 'so', self: { '1.1': 'x', '1.2': '✓' } },
      { id: 'B', name: 'Sở B', block: 'so', self: { '1.1': 'x', '1.2': false } },
    ],
  });
  if (!result.ok) throw new Error('invalid');
  expect(result.blocks[0].units.map((u) => [u.id, core.fromMicro(u.printed.index ?? 0)])).toEqual([
    ['A', 100],
    ['B', 12.5],
  ]);
}, 60_000);
