// Shows a message from a ribbon command: a commands runtime has no alert, so a small Office dialog page does it.

/** How long a message may stay open before the command is completed anyway (Office ends commands after ~5 minutes). */
export const MESSAGE_TIMEOUT_MS = 240_000;

/** The dialog page's URL beside the commands page, with the message in its query. */
export function messageUrl(base: string, title: string, message: string): string {
  const url = new URL('dialog.html', base);
  url.searchParams.set('title', title);
  url.searchParams.set('message', message.length > 1500 ? `${message.slice(0, 1500)}…` : message);
  return url.toString();
}

/**
 * Opens the message dialog and resolves once the user closes it (or it could not open, or the timeout passes),
 * so the caller completes the command only when the message has been seen.
 */
export function showMessage(title: string, message: string, timeoutMs = MESSAGE_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let dialog: Office.Dialog | undefined;
    const done = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      resolve();
    };
    timer = setTimeout(() => {
      dialog?.close();
      done();
    }, timeoutMs);
    try {
      Office.context.ui.displayDialogAsync(
        messageUrl(window.location.href, title, message),
        { height: 30, width: 35, displayInIframe: true },
        (result) => {
          if (result.status !== Office.AsyncResultStatus.Succeeded) return done();
          dialog = result.value;
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
            dialog?.close();
            done();
          });
          dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
        },
      );
    } catch {
      done();
    }
  });
}
