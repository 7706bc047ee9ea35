// Ribbon function commands (manifest: ExecuteFunction validateLedger / evaluateLedger), run in
// commands.html without the task pane:
//   校验台账  reads and checks the ledger, writes 校验结果 and shows it;
//   考评表彰  scores, draws up the lists, writes the result sheets (as chosen in 设置) and shows 表彰名单.
// Both are the pane's jobs (src/app). A command has no pane to talk in, so its outcome (or what went
// wrong and what to do) opens in a small dialog: this same page with `?notice=…`, which then only
// shows the text.
import { RESULT_SHEETS } from "../engine/schema";
import type { LedgerHost } from "../hosts/host";
import { describeError } from "../app/errors";
import { loadOfficeHost, loadOfficeRibbon, type RibbonEvent } from "../app/hosts";
import { t } from "../i18n/pane";
import { listOf, type Lang } from "../i18n/text";
import { runToCompletion, type Job } from "../app/job";
import { evaluateJob } from "../app/jobs/evaluate";
import { activateSheetJob } from "../app/jobs/navigate";
import { validateJob } from "../app/jobs/validate";
import { writeFindingsJob } from "../app/jobs/write-findings";
import { loadSettings, type Settings } from "../app/settings";

/** 校验台账: resolves to the text of the dialog (the counts and the sheet written). */
export function validateCommand(host: LedgerHost, lang: Lang): Job<string> {
  return async (run) => {
    const r = await validateJob(host, { lang, asOf: "" })(run);
    const name = await writeFindingsJob(host, r.analysis, lang)(run);
    await activateSheetJob(host, name)(run);
    const counts = t(lang, "labelled", { label: t(lang, "validate"), text: t(lang, "counts", r.counts) });
    return `${counts}\n${t(lang, "findingsWritten", { name })}`;
  };
}

/** 考评表彰: resolves to the text of the dialog (the sheets written, or why nothing was scored). */
export function evaluateCommand(host: LedgerHost, lang: Lang, resultSheets: readonly string[]): Job<string> {
  return async (run) => {
    const r = await evaluateJob(host, { lang, asOf: "", resultSheets })(run);
    const show = r.written.find((n) => n === RESULT_SHEETS.commendations) ?? r.written[0];
    if (show) await activateSheetJob(host, show)(run);
    const lines = [t(lang, "evaluated", { n: r.written.length }), listOf(r.written)[lang]];
    if (r.summary.blockedBy.length) lines.push(t(lang, "blocked", { keys: listOf(r.summary.blockedBy) }));
    return lines.join("\n");
  };
}

/** Runs one command on the Office host and shows its outcome; always tells Office it completed. */
export async function runCommand(
  event: RibbonEvent,
  command: (host: LedgerHost, settings: Settings) => Job<string>,
): Promise<void> {
  const settings = loadSettings();
  let text: string;
  try {
    text = await runToCompletion(command(await loadOfficeHost(), settings));
  } catch (e) {
    console.error(e);
    const m = describeError(e, settings.lang);
    text = m.title ? `${m.title}\n${m.text}` : m.text;
  }
  try {
    await (await loadOfficeRibbon()).showNotice(text);
  } finally {
    event.completed();
  }
}

const COMMANDS = {
  validateLedger: (event: RibbonEvent) => runCommand(event, (h, s) => validateCommand(h, s.lang)),
  evaluateLedger: (event: RibbonEvent) =>
    runCommand(event, (h, s) => evaluateCommand(h, s.lang, s.resultSheets)),
};

function showNoticeText(text: string): void {
  const el = document.getElementById("notice");
  if (el) el.textContent = text;
  document.title = t(loadSettings().lang, "appName");
}

function start(): void {
  // Internet Explorer 11 / legacy Edge: the page's ES5 script answers the buttons with its message.
  if ((window as { PL_OLD_WEBVIEW?: boolean }).PL_OLD_WEBVIEW) return;
  const notice = new URLSearchParams(location.search).get("notice");
  if (notice !== null) showNoticeText(notice);
  else void loadOfficeRibbon().then((ribbon) => ribbon.registerRibbonCommands(COMMANDS));
}

if (typeof window !== "undefined" && typeof document !== "undefined") start();
