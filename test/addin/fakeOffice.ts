/**
 * Browser globals for the real task pane bundle: `Office` (ready at once, every requirement
 * set supported) and `Excel.run` over a FakeExcel holding a fixture workbook
 * (?case=example|invalid|hostile|empty, &latency=ms per sync). Imported before addin/taskpane,
 * so the pane starts exactly as in Excel. The fake is left on window.xhExcel for the test.
 */
import { workbookCase } from '../ui/fixtures';
import { FakeExcel } from './fakeExcel';

const params = new URLSearchParams(location.search);
const fake = FakeExcel.fromSheets(workbookCase(params.get('case') ?? 'example'));
fake.latency = Number(params.get('latency') ?? 0);
Object.assign(window, {
  xhExcel: fake,
  Office: {
    onReady: (callback?: (info: { host: string }) => void) => {
      callback?.({ host: 'Excel' });
      return Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' });
    },
    context: { requirements: { isSetSupported: () => true } },
  },
  Excel: { run: fake.run },
});
