/**
 * The ribbon's "Xếp hạng" (addin/commands.ts) over fake Office globals (fakeOffice.ts) and the
 * counting FakeExcel: a broken workbook writes nothing and its errors reach the user whether
 * Office opens the error dialog or not — Office on the web's prompt ignored (12009), a pop-up
 * blocker (12011), a dialog already open (12007) — and without DialogApi 1.2 the errors travel
 * in the dialog's URL.
 */
import type { IssueView } from '../../shared/workbook/run';
import { vi } from '../../shared/i18n/vi';
import { PENDING_KEY, type PendingErrors } from '../../addin/errorList';
import { workbookCase } from '../ui/fixtures';
import { FakeExcel } from './fakeExcel';
import { fakeOffice, type DialogOutcome, type FakeOffice } from './fakeOffice';

const S = vi.workbook.sheets;

type Commands = typeof import('../../addin/commands');

class MemoryStorage {
  private items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

interface Setup {
  office: FakeOffice;
  excel: FakeExcel;
  storage: MemoryStorage;
  commands: Commands;
  completed: jest.Mock;
}

function setup(workbook: string, dialogFails: DialogOutcome[] = [], sets?: string[]): Setup {
  const office = fakeOffice({ dialogFails, sets });
  const excel = FakeExcel.fromSheets(workbookCase(workbook));
  const storage = new MemoryStorage();
  Object.assign(globalThis, {
    Office: office.Office,
    Excel: { run: excel.run },
    location: { href: 'https://localhost:3000/commands.html' },
    localStorage: storage,
  });
  let commands: Commands | undefined;
  jest.isolateModules(() => {
    commands = jest.requireActual<Commands>('../../addin/commands');
  });
  return { office, excel, storage, commands: commands as Commands, completed: jest.fn() };
}

/** Runs the command to its end, answering the dialog (if one opens) as its page would. */
async function click(s: Setup, answer?: (dialog: FakeOffice['opened'][number]) => void) {
  const done = s.commands.rankFromRibbon({ completed: s.completed } as never);
  if (answer) {
    while (s.office.opened.length === 0) await new Promise((r) => setTimeout(r, 1));
    await new Promise((r) => setTimeout(r, 1)); // the command adds its handlers
    answer(s.office.opened[0]);
  }
  await done;
}

const pending = (s: Setup): PendingErrors | undefined => {
  const text = s.storage.getItem(PENDING_KEY);
  return text ? (JSON.parse(text) as PendingErrors) : undefined;
};

afterEach(() => {
  for (const key of ['Office', 'Excel', 'location', 'localStorage']) {
    delete (globalThis as Record<string, unknown>)[key];
  }
});

describe('the error dialog opens', () => {
  it('as an overlay on the web; lists the errors, selects a cell, closes; nothing written', async () => {
    const s = setup('invalid');
    s.storage.setItem(PENDING_KEY, '{"time":"08:00","code":12009,"errors":[]}');
    await click(s, (dialog) => {
      dialog.fromDialog({ kind: 'ready' });
      dialog.fromDialog({ kind: 'select', sheet: S.config, cell: 'B6' });
      dialog.fromDialog({ kind: 'close' });
    });
    expect(s.office.calls).toHaveLength(1);
    expect(s.office.calls[0].options).toMatchObject({ displayInIframe: true });
    const sent = JSON.parse(s.office.opened[0].received[0]) as { errors: IssueView[] };
    expect(sent.errors.length).toBeGreaterThan(0);
    expect(s.office.opened[0].closed).toBe(true);
    expect(s.completed).toHaveBeenCalledTimes(1);
    expect(s.excel.sheet(S.results)).toBeUndefined();
    // An older run's errors left for the pane are stale now.
    expect(pending(s)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 5));
    expect(s.excel.selected).toEqual({ sheet: S.config, address: 'B6' });
  });

  it('without DialogApi 1.2: the errors in the URL fragment, no messageChild', async () => {
    const s = setup('invalid', [], ['DialogApi 1.1', 'ExcelApi 1.9']);
    await click(s, (dialog) => {
      dialog.fromDialog({ kind: 'ready' });
      dialog.closeByUser();
    });
    const url = new URL(s.office.calls[0].url);
    expect(url.pathname).toBe('/dialog.html');
    const errors = JSON.parse(decodeURIComponent(url.hash.slice(1))) as IssueView[];
    expect(errors[0].text).toMatch(/Trang tính/);
    expect(s.office.opened[0].received).toEqual([]);
    expect(s.completed).toHaveBeenCalledTimes(1);
  });

  it('as a window when the overlay fails (12011 then open)', async () => {
    const s = setup('invalid', [12011]);
    await click(s, (dialog) => dialog.fromDialog({ kind: 'close' }));
    expect(s.office.calls.map((c) => c.options.displayInIframe)).toEqual([true, undefined]);
    expect(pending(s)).toBeUndefined();
    expect(s.completed).toHaveBeenCalledTimes(1);
  });
});

describe('the error dialog cannot open: the user still learns why nothing was written', () => {
  it.each<[string, DialogOutcome[], number, number]>([
    ['the prompt ignored (12009): not asked again', [12009], 12009, 1],
    ['a pop-up blocker (12011), overlay and window', [12011, 12011], 12011, 2],
    ['a dialog already open (12007)', [12007, 12007], 12007, 2],
  ])('%s', async (_name, fails, code, calls) => {
    const s = setup('invalid', fails);
    await click(s);
    expect(s.office.calls).toHaveLength(calls);
    expect(s.office.opened).toHaveLength(0);
    expect(s.completed).toHaveBeenCalledTimes(1);
    // Nothing written; the first error's cell selected; the errors left for the task pane.
    expect(s.excel.sheet(S.results)).toBeUndefined();
    expect(s.excel.selected).toEqual({ sheet: S.config, address: 'B6' });
    const left = pending(s);
    expect(left?.code).toBe(code);
    expect(left?.time).toMatch(/^\d\d:\d\d$/);
    expect(left?.errors.map((e) => e.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Trang tính 'Cấu hình', ô B6/)]),
    );
  });

  it('a successful run forgets errors an earlier one left', async () => {
    const s = setup('example');
    s.storage.setItem(PENDING_KEY, '{"time":"08:00","code":12009,"errors":[]}');
    await click(s);
    expect(s.excel.sheet(S.results)).toBeDefined();
    expect(s.office.calls).toHaveLength(0);
    expect(pending(s)).toBeUndefined();
    expect(s.completed).toHaveBeenCalledTimes(1);
  });

  it('registers "rank" with Office.actions', () => {
    const s = setup('example');
    expect(s.office.associated.get('rank')).toBe(s.commands.rankFromRibbon);
  });
});
