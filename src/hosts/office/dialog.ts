// A ribbon command has no pane to talk in, so its outcome (or what went wrong and what to do) opens in
// a small Office dialog: the commands page with `?notice=…`, which then only shows the text.

/** The page the dialog shows: the commands page beside the current one, in notice mode. */
export function noticeUrl(text: string, page = "commands.html", base = location.href): string {
  const url = new URL(page, base);
  url.search = new URLSearchParams({ office: "0", notice: text }).toString();
  return url.href;
}

/** Opens the text in a dialog; resolves when the clerk closes it (or at once if none can open). */
export function showNotice(text: string): Promise<void> {
  return new Promise((resolve) => {
    const ui = typeof Office !== "undefined" ? Office.context?.ui : undefined;
    if (!ui?.displayDialogAsync) {
      resolve();
      return;
    }
    ui.displayDialogAsync(noticeUrl(text), { height: 25, width: 30, displayInIframe: true }, (res) => {
      if (res.status !== Office.AsyncResultStatus.Succeeded) {
        resolve();
        return;
      }
      res.value.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}
