/**
 * Browser page: the real ribbon error dialog (addin/dialog.ts) over a fake Office dialog API.
 * The parent's messages are sent with window.xhParent(message); what the dialog sends to its
 * parent is collected in window.xhSent. ?hash=1 puts the errors in the URL fragment instead
 * (hosts without DialogApi 1.2).
 */
const sent: unknown[] = [];
let handler: ((arg: { message: string }) => void) | undefined;
Object.assign(window, {
  xhSent: sent,
  xhParent: (message: unknown) => handler?.({ message: JSON.stringify(message) }),
  Office: {
    onReady: (callback?: () => void) => {
      callback?.();
      return Promise.resolve({});
    },
    EventType: { DialogParentMessageReceived: 'dialogParentMessageReceived' },
    context: {
      ui: {
        messageParent: (m: string) => sent.push(JSON.parse(m)),
        addHandlerAsync: (_type: string, h: (arg: { message: string }) => void) => {
          handler = h;
        },
      },
    },
  },
});

async function start(): Promise<void> {
  if (new URLSearchParams(location.search).has('hash')) {
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
