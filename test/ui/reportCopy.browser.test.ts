/**
 * "Đưa vào báo cáo" over both hosts (issue 15): after "Xếp hạng", "Sao chép bảng kết quả" puts
 * the results on the clipboard as HTML and text (every unit's name, its printed index, as the
 * "Kết quả" sheet holds them; markup in a name stays text) and writes nothing; where the webview
 * refuses the clipboard, the table is selected on its sheet and the user told to press Ctrl+C;
 * "Tải phụ lục (.docx)" hands over a Word file.
 *
 * navigator.clipboard is replaced before the page loads by a recorder that reads each
 * ClipboardItem (the page's real one) as a paste would, or refuses as Excel on the web does.
 */
import { unzipSync } from 'fflate';
import { readFileSync } from 'fs';
import type { Page } from 'playwright-core';
import { vi } from '../../shared/i18n/vi';
import type { CellValue } from '../../shared/model/types';
import { HOSTILE_UNIT } from './fixtures';
import { hostTests, rank, type HostSession } from './hosts';

const S = vi.workbook.sheets;

interface ClipWindow {
  xhClipboard: { writes: Record<string, string>[] };
}

/** Installs the clipboard recorder (or a refusing clipboard) before the page's scripts run. */
async function clipboard(page: Page, refuse: boolean): Promise<void> {
  await page.addInitScript((refuse: boolean) => {
    const record = { writes: [] as Record<string, string>[] };
    Object.assign(window, { xhClipboard: record });
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        async write(items: ClipboardItem[]): Promise<void> {
          if (refuse)
            throw new DOMException(
              'The Clipboard API has been blocked because of a permissions policy applied to the current document.',
              'NotAllowedError',
            );
          const out: Record<string, string> = {};
          for (const item of items)
            for (const type of item.types) out[type] = await (await item.getType(type)).text();
          record.writes.push(out);
        },
      },
    });
  }, refuse);
}

/** Clicks a report button and waits for its message. */
async function press(page: Page, key: string): Promise<{ kind: string | null; text: string }> {
  await page.locator(`[data-key="${key}"]`).click();
  const status = page.locator('[data-summary="report"] [data-report]');
  await status.waitFor();
  return {
    kind: await status.getAttribute('data-report'),
    text: (await status.textContent()) ?? '',
  };
}

/** The unit rows of "Kết quả": name and printed index (by the header row's columns). */
function resultRows(rows: CellValue[][]): { name: string; index: number | null }[] {
  const at = rows.findIndex((r) => r.includes(vi.report.unitName) && r.includes(vi.report.index));
  expect(at).toBeGreaterThanOrEqual(0);
  const header = rows[at];
  const name = header.indexOf(vi.report.unitName);
  const index = header.indexOf(vi.report.index);
  // the rows of the block tables: under a header with both columns, down to the blank row
  // that ends the table (the block summary below has a header of its own)
  const out: { name: string; index: number | null }[] = [];
  let inTable = false;
  for (const r of rows) {
    if (r.includes(vi.report.unitName) && r.includes(vi.report.index)) inTable = true;
    else if (!r.some((v) => v !== null && v !== '')) inTable = false;
    else if (inTable && typeof r[0] === 'number' && typeof r[name] === 'string')
      out.push({ name: r[name] as string, index: (r[index] as number | null) ?? null });
  }
  return out;
}

async function rankFirst(s: HostSession, refuse: boolean, kase = 'example'): Promise<void> {
  await clipboard(s.page, refuse);
  await s.open({ case: kase });
  expect(await rank(s.page)).toBe('ok');
}

hostTests('copy the results: HTML and text with every unit and its printed index', async (s) => {
  await rankFirst(s, false, 'hostile');
  const before = await s.workbook();
  const calls = await s.hostCalls();
  const { kind, text } = await press(s.page, 'report:results');
  expect([kind, text]).toEqual(['ok', vi.reportCopy.copiedResults]);

  const writes = await s.page.evaluate(() => (window as unknown as ClipWindow).xhClipboard.writes);
  expect(writes).toHaveLength(1);
  const { 'text/html': html, 'text/plain': plain } = writes[0];
  // The HTML as a browser parses it: the cells' text, and no element made from cell text.
  const parsed = await s.page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return {
      cells: [...doc.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      tables: doc.querySelectorAll('table').length,
      bold: doc.querySelectorAll('b').length,
      handlers: doc.querySelectorAll('[onmouseover]').length,
      collapsed: doc.querySelector('table')?.style.borderCollapse,
    };
  }, html);
  const units = resultRows(before[S.results]);
  expect(units.length).toBeGreaterThan(10);
  expect(units.map((u) => u.name)).toContain(HOSTILE_UNIT);
  const lines = plain.split('\r\n').map((l) => l.split('\t'));
  const header = lines.find((l) => l.includes(vi.report.index)) ?? [];
  for (const u of units) {
    const shown = u.index === null ? '' : u.index.toFixed(2).replace('.', ',');
    expect(parsed.cells).toContain(u.name);
    if (shown) expect(parsed.cells).toContain(shown);
    const line = lines.find((l) => l.includes(u.name));
    expect([u.name, line?.[header.indexOf(vi.report.index)]]).toEqual([u.name, shown]);
  }
  expect(parsed.tables).toBeGreaterThan(1); // one table per block
  expect([parsed.bold, parsed.handlers]).toEqual([0, 0]);
  expect(parsed.collapsed).toBe('collapse');

  // Nothing written, nothing selected; one read of the inputs.
  expect(await s.workbook()).toEqual(before);
  const after = await s.hostCalls();
  if (s.host === 'excel') expect(after.syncs! - calls.syncs!).toBe(1);
  else {
    expect(after.writes).toBe(calls.writes);
    expect(after.server!.slice(calls.server!.length)).toEqual(['xephangApiReport']);
  }

  // The proposals: the same, from "Đề nghị khen thưởng".
  await press(s.page, 'report:proposals');
  const second = await s.page.evaluate(() => (window as unknown as ClipWindow).xhClipboard.writes);
  expect(second).toHaveLength(2);
  // under its title, printed upper case ("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG …")
  const proposals = second[1]['text/plain'].toLocaleLowerCase('vi');
  expect(proposals).toContain(vi.workbook.sheets.proposals.toLocaleLowerCase('vi'));
  expect(proposals).toContain(vi.awards.header.award.toLocaleLowerCase('vi'));
});

hostTests('copy refused by the webview: the table is selected and Ctrl+C suggested', async (s) => {
  await rankFirst(s, true);
  const before = await s.workbook();
  const { kind, text } = await press(s.page, 'report:results');
  expect(kind).toBe('select');
  expect(text).toBe(vi.reportCopy.selected.replace('{sheet}', S.results));
  const state = await s.state();
  expect(state.active).toBe(S.results);
  expect(state.selected?.sheet).toBe(S.results);
  // The whole table: from A1 to the sheet's last used row.
  const rows = before[S.results].length;
  expect(state.selected?.address).toMatch(new RegExp(`^A1:[A-Z]+${rows}$`));
  expect(await s.workbook()).toEqual(before);
});

hostTests(
  'a workbook with errors: the copy names them, nothing is copied or selected',
  async (s) => {
    await rankFirst(s, false);
    // An error typed after the run: the report is made from the sheets as they are now.
    // (the cell test/ui/fixtures.ts's "invalid" case breaks: a rule the core does not know)
    await s.setCell(S.criteria, 3, 3, 'Chấm tay');
    const stateBefore = await s.state();
    const { kind, text } = await press(s.page, 'report:results');
    expect(kind).toBe('bad');
    expect(text).toMatch(/lỗi/);
    // The errors are listed, each naming its sheet and cell.
    const errors = await s.page
      .locator('[data-summary="report"] [data-key^="report-error:"]')
      .allTextContents();
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toContain(S.criteria);
    expect(
      await s.page.evaluate(() => (window as unknown as ClipWindow).xhClipboard.writes),
    ).toEqual([]);
    expect(await s.state()).toEqual(stateBefore);
  },
);

hostTests(
  'download the appendix: a Word file (a zip with word/document.xml)',
  async (s) => {
    await rankFirst(s, false);
    const before = await s.workbook();
    await s.page.locator('[data-key="report:docx"]').click();
    const link = s.page.locator('[data-summary="report"] a.xh-download');
    await link.waitFor();
    expect(await link.getAttribute('download')).toBe('phu-luc-xep-hang-2018.docx');
    const [download] = await Promise.all([s.page.waitForEvent('download'), link.click()]);
    const bytes = readFileSync((await download.path()) as string);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const files = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(files)).toContain('word/document.xml');
    expect(await s.workbook()).toEqual(before);
  },
  { timeout: 90_000 },
);
