/** A fake spreadsheet holding a campaign's input sheets, and the Sheets host's environment over it. */
import type { SheetsEnv } from '../../gas/sheetsHost';
import type { CampaignSpec } from '../../shared/model/types';
import { inputSheets } from '../../shared/workbook/inputs';
import { FakeSpreadsheet } from './fakeSheets';

export function bookOf(spec: CampaignSpec): FakeSpreadsheet {
  return FakeSpreadsheet.fromSheets(
    Object.fromEntries(inputSheets(spec).map((b) => [b.name, b.rows])),
  );
}

/** SpreadsheetApp, LockService and Session of the fake, with a fixed clock. */
export function envOf(book: FakeSpreadsheet, now: Date): SheetsEnv {
  const g = book.globals();
  return {
    app: g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    lock: g.LockService as GoogleAppsScript.Lock.LockService,
    session: g.Session as GoogleAppsScript.Base.Session,
    now: () => now,
  };
}
