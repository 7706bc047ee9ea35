// A ribbon command has no pane to talk in, so its outcome (or what went wrong and what to do) opens in
// a small Office dialog: the commands page with `?notice=…`, which then only shows the text. The
// dialog closes itself after a while: the command must complete well inside the five minutes Office
// gives it, and the clerk may never close it.

/** The page the dialog shows: the commands page beside the current one, in notice mode. */
export function noticeUrl(text: string, page = "commands.html", base = location.href): string {
  const url = new URL(page, base);
  url.search = new URLSearchParams({ office: "0", notice: text }).toString();
  return url.href;
}

/**
 * Opens the text in a dialog; resolves when the clerk closes it, when it has closed itself after
 * `closeAfterMs`, or at once if none can open. Never rejects.
 */
export function showNotice(text: string, closeAfterMs = 60_000): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    try {
      const ui = typeof Office !== "undefined" ? Office.context?.ui : undefined;
      if (!ui?.displayDialogAsync) return done();
      // should Office never call back, the command still completes
      timer = setTimeout(done, closeAfterMs + 5_000);
      ui.displayDialogAsync(noticeUrl(text), { height: 25, width: 30, displayInIframe: true }, (res) => {
        if (res.status !== Office.AsyncResultStatus.Succeeded) return done();
        const dialog = res.value;
        dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
        clearTimeout(timer);
        timer = setTimeout(() => {
          try {
            dialog.close();
          } finally {
            done();
          }
        }, closeAfterMs);
      });
    } catch {
      done();
    }
  });
}

/**
 * Opens the task pane from a command where Office can (a shared runtime, SharedRuntime 1.1);
 * false elsewhere — the notice then tells the clerk to click 台账助手.
 */
export async function showTaskpane(): Promise<boolean> {
  try {
    const supported = Office.context.requirements.isSetSupported("SharedRuntime", "1.1");
    if (!supported || !Office.addin?.showAsTaskpane) return false;
    await Office.addin.showAsTaskpane();
    return true;
  } catch {
    return false;
  }
}
