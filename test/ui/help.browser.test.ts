/**
 * The pane's help links over both hosts: each view that has one (Thiết lập, Tiêu chí, Khen
 * thưởng, the forms section, a failed run's error list, the council's ties) links the right page
 * of the guide at the right heading; in Excel the guide is `huong-dan/` beside the task pane and
 * opens through Office's openBrowserWindow (a new tab where the host lacks it), in Sheets it is
 * the gas build's base (gas/guide.ts) and opens as a new tab. Opening help writes nothing.
 * Pages and headings existing in docs/huong-dan is test/ui/help.test.ts.
 */
import { DEFAULT_GUIDE_BASE } from '../../gas/guide';
import { HELP_PAGES, headingId, type HelpTopic } from '../../ui/help';
import { vi } from '../../shared/i18n/vi';
import { axeSummary, gotoTab, hostTests, rank, type HostSession, type Tab } from './hosts';

jest.setTimeout(90_000);

/** Where `topic`'s link must point, on this host. */
async function expected(s: HostSession, topic: HelpTopic): Promise<string> {
  const base =
    s.host === 'excel'
      ? await s.page.evaluate(() => new URL('huong-dan/', location.href).href)
      : DEFAULT_GUIDE_BASE;
  const heading = vi.help.topics[topic].heading;
  const url = new URL(`${HELP_PAGES[topic]}.html`, base);
  if (heading) url.hash = headingId(heading);
  return url.href;
}

async function linkOf(s: HostSession, topic: HelpTopic): Promise<string | null> {
  const link = s.page.locator(`a[data-help="${topic}"]`);
  await link.waitFor();
  expect(await link.getAttribute('target')).toBe('_blank');
  expect(await link.getAttribute('aria-label')).toContain(vi.help.topics[topic].title);
  return link.getAttribute('href');
}

/** Clicks a help link; returns the address opened (Office's browser window, or a new tab). */
async function openHelp(s: HostSession, topic: HelpTopic): Promise<string> {
  const link = s.page.locator(`a[data-help="${topic}"]`);
  const viaOffice = await s.page.evaluate(
    () => (window as unknown as { xhBrowserWindows?: string[] }).xhBrowserWindows !== undefined,
  );
  const officeWindow =
    s.host === 'excel' && viaOffice && !new URL(s.page.url()).searchParams.has('noBrowserWindow');
  if (officeWindow) {
    await link.click();
    const opened = await s.page.evaluate(
      () => (window as unknown as { xhBrowserWindows: string[] }).xhBrowserWindows,
    );
    return opened[opened.length - 1];
  }
  // The new tab's own load fails (nothing serves the guide here): route it to a blank page.
  await s.page.context().route('**/huong-dan/**', (r) => r.fulfill({ body: 'guide' }));
  const [tab] = await Promise.all([s.page.context().waitForEvent('page'), link.click()]);
  const url =
    tab.url() === 'about:blank' ? (await tab.waitForURL(/huong-dan/), tab.url()) : tab.url();
  await tab.close();
  return url;
}

const VIEWS: [Tab, HelpTopic][] = [
  ['settings', 'settings'],
  ['criteria', 'criteria'],
  ['awards', 'awards'],
  ['rank', 'forms'],
];

hostTests('each view links its page of the guide; opening it writes nothing', async (s) => {
  await s.open({ case: 'example' });
  const before = await s.workbook();
  for (const [tab, topic] of VIEWS) {
    await gotoTab(s.page, tab);
    const href = await linkOf(s, topic);
    expect(href).toBe(await expected(s, topic));
    expect(axeSummary(await s.axe())).toEqual([]);
  }
  await gotoTab(s.page, 'settings');
  await expect(openHelp(s, 'settings')).resolves.toBe(await expected(s, 'settings'));
  // The pane stays where it was, and the workbook is as it was.
  await s.page.locator('#xh-tab-settings[aria-selected="true"]').waitFor();
  expect(await s.workbook()).toEqual(before);
});

hostTests('a ranked tie at the cut links the council page; a failed run its errors', async (s) => {
  await s.open({ case: 'example' });
  await expect(rank(s.page)).resolves.toBe('ok');
  expect(await linkOf(s, 'ties')).toBe(await expected(s, 'ties'));
  await expect(openHelp(s, 'ties')).resolves.toBe(await expected(s, 'ties'));
  expect(axeSummary(await s.axe())).toEqual([]);

  await s.open({ case: 'invalid' });
  const before = await s.workbook();
  await expect(rank(s.page)).resolves.toBe('errors');
  expect(await linkOf(s, 'errors')).toBe(await expected(s, 'errors'));
  await expect(openHelp(s, 'errors')).resolves.toBe(await expected(s, 'errors'));
  expect(axeSummary(await s.axe())).toEqual([]);
  expect(await s.workbook()).toEqual(before);
});

hostTests(
  'Excel on the web (no OpenBrowserWindowApi): the guide opens in a new tab',
  async (s) => {
    await s.open({ case: 'example', query: { noBrowserWindow: '1' } });
    await gotoTab(s.page, 'criteria');
    await expect(openHelp(s, 'criteria')).resolves.toBe(await expected(s, 'criteria'));
    const opened = await s.page.evaluate(
      () => (window as unknown as { xhBrowserWindows: string[] }).xhBrowserWindows,
    );
    expect(opened).toEqual([]);
  },
  { hosts: ['excel'] },
);
