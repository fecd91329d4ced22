/**
 * One browser sequence, run over both hosts. `hostTests(name, fn)` registers
 * `${name} — Excel` (the real task pane, test/addin/taskpanePage.ts, over fake Office globals and
 * FakeExcel; 320 px wide by default) and `${name} — Sheets` (the real sidebar,
 * test/gas/sidebarPage.ts, over a fake google.script.run and FakeSpreadsheet; 300 px wide like
 * Sheets' sidebar). `fn` gets a HostSession:
 *
 * - `open({ case, latency, query })` loads the page for a fixture workbook (test/ui/fixtures.ts:
 *   example | invalid | hostile | empty | unscored; default example) with a latency in ms per
 *   Excel sync / per google.script.run call, plus extra query parameters (Sheets: initial=1;
 *   Excel: ribbonErrors=1), and waits for the tab list;
 * - `workbook()` is what the host's fake holds now, sheet name → rows of values, the same shape
 *   for both hosts (each fake's grid(): trailing blanks trimmed, blanks null; Sheets dates as ISO
 *   text); `sheetNames()` their order; `setCell` types a value into a cell as a user would
 *   between two steps (both fakes' set(): no host call counted);
 * - `hostCalls()`: Excel `syncs` (context.sync calls) and `runs` (Excel.run); Sheets `reads` /
 *   `writes` (Range.getValues / Range.setValues) and `server` (the google.script.run functions
 *   called, in order). Compare two readings to count one click's calls;
 * - `state()`: the active sheet and the selected cell, as the fake saw them;
 * - `screenshot(name)` → test-artifacts/<host>-<name>.png (full page, kept out of git);
 * - `axe(context?)` runs axe-core (all its default rules, best practices and landmarks included)
 *   and returns the violations;
 * - `problems`: console errors, page errors and dialogs so far. hostTests fails a test that
 *   leaves any (clear the array in `fn` if a problem is expected, and assert on it).
 *
 * Shared steps for sequences: `gotoTab`, `save` (click "Lưu vào bảng tính", wait for the
 * outcome), `rank` (click "Xếp hạng", wait for the new result), `resultKind`, and `runAxe` /
 * `AxeViolation` for pages opened without a session (the ribbon's error dialog).
 */
import { mkdirSync, readFileSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import type { CellValue } from '../../shared/model/types';
import { hasChromium, withPage, CHROMIUM } from './browser';

export type HostKind = 'excel' | 'sheets';
export const HOSTS: readonly HostKind[] = ['excel', 'sheets'];

/** The test page and default width of each host. */
export const HOST_PAGES: Record<HostKind, { entry: string; width: number; label: string }> = {
  excel: { entry: 'test/addin/taskpanePage.ts', width: 320, label: 'Excel' },
  sheets: { entry: 'test/gas/sidebarPage.ts', width: 300, label: 'Sheets' },
};

export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');

export type Workbook = Record<string, CellValue[][]>;

export interface HostCalls {
  /** Excel: context.sync calls so far. */
  syncs?: number;
  /** Excel: Excel.run calls so far. */
  runs?: number;
  /** Sheets: Range.getValues calls so far. */
  reads?: number;
  /** Sheets: Range.setValues calls so far. */
  writes?: number;
  /** Sheets: the server functions google.script.run called, in order. */
  server?: string[];
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** One entry per failing node: its CSS selector path and the start of its markup. */
  nodes: { target: string; html: string }[];
}

export interface OpenOptions {
  case?: string;
  latency?: number;
  query?: Record<string, string>;
}

export interface HostSession {
  host: HostKind;
  page: Page;
  /** Console errors, uncaught page errors and dialogs so far. */
  problems: string[];
  /** Opens the page for a fixture case (default "example"), waiting for the tabs. */
  open(opts?: OpenOptions): Promise<void>;
  /** The workbook as the host's fake holds it now: sheet name → rows of values. */
  workbook(): Promise<Workbook>;
  /** The sheets' names, in the workbook's order. */
  sheetNames(): Promise<string[]>;
  /** Sets one cell (0-based row and column) of an existing sheet, as a user typing there. */
  setCell(sheet: string, row: number, col: number, value: string | number | boolean): Promise<void>;
  /** Host calls so far (see HostCalls). */
  hostCalls(): Promise<HostCalls>;
  /** The active sheet and the selected cell, as the host's fake saw them. */
  state(): Promise<{ active?: string; selected?: { sheet: string; address: string } }>;
  /** Full-page screenshot into test-artifacts/<host>-<name>.png. */
  screenshot(name: string): Promise<void>;
  /** axe-core on the page (or on `context`, a CSS selector); returns the violations. */
  axe(context?: string): Promise<AxeViolation[]>;
}

export interface HostTestOptions {
  /** Viewport width per host; default Excel 320, Sheets 300. */
  width?: Partial<Record<HostKind, number>>;
  height?: number;
  /** The hosts to run on; default both. */
  hosts?: readonly HostKind[];
  /** Jest timeout per test, ms; default 60 s. */
  timeout?: number;
}

/**
 * Registers one test per host running `fn` on a fresh page of that host; the test fails if the
 * page logged console errors, threw, or opened a dialog (see HostSession.problems).
 */
export function hostTests(
  name: string,
  fn: (s: HostSession) => Promise<void>,
  options: HostTestOptions = {},
): void {
  for (const host of options.hosts ?? HOSTS) {
    const title = `${name} — ${HOST_PAGES[host].label}`;
    const run = (): Promise<void> => withHost(host, fn, options);
    if (hasChromium() || process.env.CI) test(title, run, options.timeout ?? 60_000);
    else {
      console.warn(`skipped (no ${CHROMIUM}): ${title}`);
      test.skip(title, run);
    }
  }
}

/** Runs `fn` on one host's page (what hostTests registers; usable directly in a test). */
export function withHost(
  host: HostKind,
  fn: (s: HostSession) => Promise<void>,
  options: Pick<HostTestOptions, 'width' | 'height'> = {},
): Promise<void> {
  const { entry, width } = HOST_PAGES[host];
  return withPage(
    entry,
    async ({ page, url, problems }) => {
      const session = hostSession(host, page, url, problems);
      await fn(session);
      expect(problems).toEqual([]);
    },
    { width: options.width?.[host] ?? width, height: options.height },
  );
}

interface ExcelWindow {
  xhExcel: {
    sheets: { name: string; grid(): CellValue[][]; set(r: number, c: number, v: unknown): void }[];
    syncs: unknown[];
    runs: number;
    active?: string;
    selected?: { sheet: string; address: string };
  };
}
interface SheetsWindow {
  xhBook: {
    sheets: { name: string; grid(): CellValue[][]; set(r: number, c: number, v: unknown): void }[];
    calls: { get(name: string): number };
    active?: string;
    selected?: { sheet: string; address: string };
  };
  xhCalls: string[];
}

function hostSession(host: HostKind, page: Page, url: string, problems: string[]): HostSession {
  const excel = host === 'excel';
  return {
    host,
    page,
    problems,
    async open(opts = {}) {
      const q = new URLSearchParams({ case: opts.case ?? 'example', ...(opts.query ?? {}) });
      if (opts.latency !== undefined) q.set('latency', String(opts.latency));
      await page.goto(`${url}?${q}`);
      await page.locator('[role="tablist"]').first().waitFor();
    },
    workbook: () =>
      page.evaluate((excel) => {
        const book = excel
          ? (window as unknown as ExcelWindow).xhExcel
          : (window as unknown as SheetsWindow).xhBook;
        return Object.fromEntries(book.sheets.map((s) => [s.name, s.grid()]));
      }, excel),
    sheetNames: () =>
      page.evaluate((excel) => {
        const book = excel
          ? (window as unknown as ExcelWindow).xhExcel
          : (window as unknown as SheetsWindow).xhBook;
        return book.sheets.map((s) => s.name);
      }, excel),
    setCell: (sheet, row, col, value) =>
      page.evaluate(
        ({ excel, sheet, row, col, value }) => {
          const book = excel
            ? (window as unknown as ExcelWindow).xhExcel
            : (window as unknown as SheetsWindow).xhBook;
          const s = book.sheets.find((x) => x.name === sheet);
          if (!s) throw new Error(`no sheet ${sheet}`);
          s.set(row, col, value);
        },
        { excel, sheet, row, col, value },
      ),
    hostCalls: () =>
      excel
        ? page.evaluate(() => {
            const fake = (window as unknown as ExcelWindow).xhExcel;
            return { syncs: fake.syncs.length, runs: fake.runs };
          })
        : page.evaluate(() => {
            const w = window as unknown as SheetsWindow;
            return {
              reads: w.xhBook.calls.get('Range.getValues'),
              writes: w.xhBook.calls.get('Range.setValues'),
              server: [...w.xhCalls],
            };
          }),
    state: () =>
      page.evaluate((excel) => {
        const book = excel
          ? (window as unknown as ExcelWindow).xhExcel
          : (window as unknown as SheetsWindow).xhBook;
        return { active: book.active, selected: book.selected };
      }, excel),
    async screenshot(name) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, `${host}-${name}.png`), fullPage: true });
    },
    axe: (context) => runAxe(page, context),
  };
}

// ---- axe-core -----------------------------------------------------------------------------------

let axeSource: string | undefined;

/**
 * Runs axe-core (injected from node_modules, no network) with its default rule set — WCAG 2.x
 * A/AA and best practices, landmarks and "region" included — on the page or on `context`.
 */
export async function runAxe(page: Page, context?: string): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) {
    axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    await page.addScriptTag({ content: axeSource });
  }
  return page.evaluate(async (context) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{
            violations: {
              id: string;
              impact?: string | null;
              help: string;
              nodes: { target: unknown[]; html: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(context ?? document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String).join(' '),
        html: n.html.slice(0, 160),
      })),
    }));
  }, context);
}

/** Violations as short lines, for readable test failures. */
export const axeSummary = (violations: readonly AxeViolation[]): string[] =>
  violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target}`));

// ---- Shared UI steps ------------------------------------------------------------------------------

export type Tab = 'rank' | 'criteria' | 'blocks' | 'awards' | 'settings';

/** Selects a tab by its key (the tab's id is xh-tab-<key>, whatever its label says). */
export async function gotoTab(page: Page, tab: Tab): Promise<void> {
  const button = page.locator(`#xh-tab-${tab}`);
  await button.click();
  await page.locator(`#xh-tab-${tab}[aria-selected="true"]`).waitFor();
}

/** 'asked': the host asked a question first (SaveResult.confirm); answer it with confirmSave. */
export type SaveOutcome = 'saved' | 'failed' | 'asked';

/**
 * Clicks "Lưu vào bảng tính" and waits until the save is over: 'saved' (the status is green) or
 * 'failed' (errors, fields still invalid, or the host failed — the status is red).
 */
export async function save(page: Page): Promise<SaveOutcome> {
  await page.locator('[data-key="save"]').click();
  return waitSaved(page);
}

/** Waits for a save under way to end (the save button enabled, the status green or red). */
export async function waitSaved(page: Page): Promise<SaveOutcome> {
  await page.waitForFunction(() => {
    const button = document.querySelector<HTMLButtonElement>('[data-key="save"]');
    const confirm = document.querySelector<HTMLButtonElement>('[data-key="save-confirm"]');
    const status = document.querySelector('.xh-save-status');
    if (confirm && !confirm.hidden && !confirm.disabled) return true;
    return (
      !!button &&
      !button.disabled &&
      !!status &&
      (status.classList.contains('xh-ok') || status.classList.contains('xh-bad'))
    );
  });
  if ((await page.locator('[data-key="save-confirm"]:visible').count()) > 0) return 'asked';
  const ok = await page.locator('.xh-save-status.xh-ok').count();
  return ok > 0 ? 'saved' : 'failed';
}

/** The questions a save asked (the save bar's list), as text. */
export function saveQuestions(page: Page): Promise<string[]> {
  return page.locator('.xh-save-errors li').allTextContents();
}

/** Answers a save's question with "Vẫn lưu" and waits for the save to end. */
export async function confirmSave(page: Page): Promise<SaveOutcome> {
  await page.locator('[data-key="save-confirm"]').click();
  return waitSaved(page);
}

export type RankOutcome = 'ok' | 'errors' | 'crashed';

/** What the rank view shows now: a summary, an error list, a crash, or nothing yet. */
export async function resultKind(page: Page): Promise<RankOutcome | undefined> {
  return page.evaluate(() => {
    const result = document.querySelector('[data-result]');
    if (result) return result.getAttribute('data-result') as 'ok' | 'errors';
    return document.querySelector('.xh-card-error[role="alert"]') ? 'crashed' : undefined;
  });
}

/**
 * Goes to "Xếp hạng", clicks its button and waits for the run that click started to end, then
 * returns what the view shows. A run "started" when the button was seen busy (aria-busy): a
 * result already on screen from an earlier run is not taken for the new one. (If the button asks
 * something instead of running, this waits until the timeout.)
 */
export async function rank(page: Page): Promise<RankOutcome> {
  if ((await page.locator('#xh-tab-rank[aria-selected="true"]').count()) === 0)
    await gotoTab(page, 'rank');
  await page.evaluate(() => {
    const w = window as unknown as { xhRankBusy?: boolean; xhRankObserver?: MutationObserver };
    w.xhRankObserver?.disconnect();
    w.xhRankBusy = false;
    const busy = '[data-key="rank"][aria-busy="true"]';
    const seen = (n: Node): boolean =>
      n instanceof Element && (n.matches(busy) || n.querySelector(busy) !== null);
    w.xhRankObserver = new MutationObserver((records) => {
      for (const r of records) {
        if (seen(r.target) || Array.from(r.addedNodes).some(seen)) w.xhRankBusy = true;
      }
    });
    w.xhRankObserver.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-busy'],
    });
  });
  await page.locator('[data-key="rank"]').click();
  await page.waitForFunction(() => {
    const w = window as unknown as { xhRankBusy?: boolean };
    return (
      w.xhRankBusy === true &&
      document.querySelector('[data-key="rank"][aria-busy="true"]') === null &&
      (document.querySelector('[data-result]') !== null ||
        document.querySelector('.xh-card-error[role="alert"]') !== null)
    );
  });
  await page.evaluate(() =>
    (window as unknown as { xhRankObserver?: MutationObserver }).xhRankObserver?.disconnect(),
  );
  const kind = await resultKind(page);
  if (!kind) throw new Error('the run ended without a result');
  return kind;
}
