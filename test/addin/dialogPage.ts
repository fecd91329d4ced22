/**
 * Browser page: the real ribbon error dialog (addin/dialog.ts) over a fake Office dialog API.
 * The parent's messages are sent with window.xhParent(message); what the dialog sends to its
 * parent is collected in window.xhSent. ?hash=1 puts the errors in the URL fragment instead.
 * ?api=1.1 is a host with DialogApi 1.1 only: there `Office.context.ui` has messageParent but no
 * addHandlerAsync and Office.EventType no DialogParentMessageReceived (both are DialogApi 1.2:
 * learn.microsoft.com/javascript/api/office/office.ui#office-office-ui-addhandlerasync-member(1)),
 * and isSetSupported('DialogApi', '1.2') is false.
 */
const sent: unknown[] = [];
let handler: ((arg: { message: string }) => void) | undefined;
const params = new URLSearchParams(location.search);
const only11 = params.get('api') === '1.1';
const ui: Record<string, unknown> = {
  messageParent: (m: string) => sent.push(JSON.parse(m)),
};
if (!only11) {
  ui.addHandlerAsync = (_type: string, h: (arg: { message: string }) => void) => {
    handler = h;
  };
}
const supported = (name: string, version = '1.1'): boolean =>
  name === 'DialogApi' && (version === '1.1' || (version === '1.2' && !only11));
Object.assign(window, {
  xhSent: sent,
  xhParent: (message: unknown) => handler?.({ message: JSON.stringify(message) }),
  Office: {
    onReady: (callback?: () => void) => {
      callback?.();
      return Promise.resolve({});
    },
    EventType: only11 ? {} : { DialogParentMessageReceived: 'dialogParentMessageReceived' },
    context: { ui, requirements: { isSetSupported: supported } },
  },
});

async function start(): Promise<void> {
  if (params.has('hash')) {
    const errors = [
      {
        severity: 'error',
        text: "Trang tính 'Cấu hình', ô B5: lỗi",
        sheet: 'Cấu hình',
        cell: 'B5',
      },
    ];
    history.replaceState(
      null,
      '',
      `${location.pathname}${location.search}#${encodeURIComponent(JSON.stringify(errors))}`,
    );
  }
  await import('../../addin/dialog');
}
void start();
