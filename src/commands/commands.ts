// Ribbon function commands (manifest: ExecuteFunction validateLedger / evaluateLedger), run in
// commands.html without the task pane:
//   校验台账  reads and checks the ledger, writes 校验结果 and shows it;
//   考评表彰  scores, draws up the lists, writes the result sheets (as chosen in 设置) and shows 表彰名单.
// A command has no pane to talk in, so its outcome (or what went wrong and what to do) opens in a small
// dialog: this same page with `?notice=…`, which then only shows the text.
import { RESULT_SHEETS } from "../engine/schema";
import type { LedgerHost } from "../hosts/host";
import { t, type Lang } from "../taskpane/i18n";
import { loadOfficeHost } from "../taskpane/hosts";
import { describeError } from "../taskpane/services/errors";
import { evaluateAndWrite, validateLedger, writeFindingsSheet } from "../taskpane/services/ledger";
import { loadSettings } from "../taskpane/settings";

type CommandEvent = { completed: () => void };

export async function validateCommand(host: LedgerHost, lang: Lang): Promise<string> {
  const r = await validateLedger(host, { lang });
  const name = await writeFindingsSheet(host, r.analysis, { lang });
  await host.activateSheet(name);
  return `${t(lang, "validate")}：${t(lang, "counts", r.counts)}\n${t(lang, "findingsWritten", { name })}`;
}

export async function evaluateCommand(
  host: LedgerHost,
  lang: Lang,
  resultSheets: readonly string[],
): Promise<string> {
  const r = await evaluateAndWrite(host, { lang, resultSheets });
  const show = r.written.find((n) => n === RESULT_SHEETS.commendations) ?? r.written[0];
  if (show) await host.activateSheet(show);
  const lines = [t(lang, "evaluated", { n: r.written.length }), r.written.join("、")];
  if (r.summary.blockedBy.length) lines.push(t(lang, "blocked", { keys: r.summary.blockedBy.join("、") }));
  return lines.join("\n");
}

/** Opens the outcome in a dialog; resolves when the clerk closes it (or at once if it cannot open). */
function notify(text: string): Promise<void> {
  return new Promise((resolve) => {
    const ui = typeof Office !== "undefined" ? Office.context?.ui : undefined;
    if (!ui?.displayDialogAsync) {
      resolve();
      return;
    }
    const url = new URL("commands.html", location.href);
    url.search = new URLSearchParams({ office: "0", notice: text }).toString();
    ui.displayDialogAsync(url.href, { height: 25, width: 30, displayInIframe: true }, (res) => {
      if (res.status !== Office.AsyncResultStatus.Succeeded) {
        resolve();
        return;
      }
      res.value.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

export async function runCommand(
  event: CommandEvent,
  work: (host: LedgerHost, lang: Lang, resultSheets: readonly string[]) => Promise<string>,
): Promise<void> {
  const { lang, resultSheets } = loadSettings();
  let text: string;
  try {
    text = await work(await loadOfficeHost(), lang, resultSheets);
  } catch (e) {
    console.error(e);
    const m = describeError(e, lang);
    text = m.title ? `${m.title}\n${m.text}` : m.text;
  }
  try {
    await notify(text);
  } finally {
    event.completed();
  }
}

const COMMANDS = {
  validateLedger: (event: CommandEvent) => runCommand(event, (h, lang) => validateCommand(h, lang)),
  evaluateLedger: (event: CommandEvent) => runCommand(event, evaluateCommand),
};

function showNotice(text: string): void {
  const el = document.getElementById("notice");
  if (el) el.textContent = text;
  document.title = t(loadSettings().lang, "appName");
}

function start(): void {
  const notice = new URLSearchParams(location.search).get("notice");
  if (notice !== null) showNotice(notice);
  else if (typeof Office !== "undefined")
    void Office.onReady(() => {
      for (const [name, fn] of Object.entries(COMMANDS)) {
        // Office.actions.associate on current clients; the global function for older ones.
        if (Office.actions?.associate) Office.actions.associate(name, fn);
        (globalThis as Record<string, unknown>)[name] = fn;
      }
    });
}

if (typeof window !== "undefined" && typeof document !== "undefined") start();
