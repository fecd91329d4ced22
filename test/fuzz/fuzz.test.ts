/**
 * The fuzz run inside `npm test`: a few hundred seeded mutations of the bundled examples (zip,
 * XML and cell level), each ranked by the built CLI in a child process and judged against the
 * CLI's promise (see harness.ts). `npm run fuzz` runs thousands (bench/fuzz.ts).
 */
import { balanced, exampleSources, fuzz, judge, type Outcome } from './harness';
import type { Mutation } from './mutate';

const sources = exampleSources();
const CASES = Number(process.env.FUZZ_CASES ?? 150);

jest.setTimeout(300_000);

describe('the judge can fail', () => {
  const m: Mutation = {
    level: 'zip',
    kind: 'flip-raw',
    expect: 'damaged',
    bytes: new Uint8Array(),
  };
  const base: Outcome = {
    code: 1,
    signal: null,
    ms: 10,
    peakMb: 50,
    stdout: 'Lỗi | Tự chấm | D7 | Giá trị không hiểu được',
    stderr: '',
    inputChanged: false,
    timedOut: false,
  };
  it('accepts a located refusal', () => expect(judge(m, base, '').ok).toBe(true));
  it('rejects a stack trace, a hang, memory, a changed input, an unlocated message', () => {
    expect(judge(m, { ...base, stderr: '    at parse (/x/y.js:10:5)' }, '').ok).toBe(false);
    expect(judge(m, { ...base, timedOut: true, code: null, signal: 'SIGKILL' }, '').ok).toBe(false);
    expect(judge(m, { ...base, peakMb: 5000 }, '').ok).toBe(false);
    expect(judge(m, { ...base, inputChanged: true }, '').ok).toBe(false);
    expect(judge(m, { ...base, stdout: 'Có lỗi' }, '').ok).toBe(false);
    expect(judge(m, { ...base, code: 134 }, '').ok).toBe(false);
  });
  it('checks tag balance', () => {
    expect(balanced('<a><b/><c>x</c></a>')).toBe(true);
    expect(balanced('<a><c>x</a>')).toBe(false);
    expect(balanced('<a><![CDATA[<b>]]></a>')).toBe(true);
  });
});

test(`${CASES} mutated workbooks: a located error or a readable, right result`, async () => {
  const results = await fuzz({ sources, first: 1, count: CASES, parallel: 2 });
  const failures = results
    .filter((r) => !r.verdict.ok)
    .map(
      (r) =>
        `seed ${r.seed} ${r.source} ${r.mutation.level}/${r.mutation.kind}: ${r.verdict.why.join(', ')}\n${r.outcome.message}`,
    );
  expect(failures).toEqual([]);
  // the run covered all three levels and both outcomes
  expect(new Set(results.map((r) => r.mutation.level)).size).toBe(3);
  expect(results.some((r) => r.outcome.code === 0)).toBe(true);
  expect(results.some((r) => r.outcome.code === 1)).toBe(true);
});
