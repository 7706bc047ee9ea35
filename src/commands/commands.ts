// Ribbon function commands (manifest: ExecuteFunction validateLedger / evaluateLedger), run in
// commands.html without the task pane:
//   校验台账  reads and checks the ledger, writes 校验结果 and shows it;
//   考评表彰  scores, draws up the lists, writes the result sheets (as chosen in 设置) and shows 表彰名单.
// Both are the pane's jobs (src/app). A command has no pane to talk in, so its outcome (or what went
// wrong and what to do) opens in a small dialog that closes itself: this same page with `?notice=…`,
// which then only shows the text. Large workbooks go to the task pane (COMMAND_LIMITS).
import { RESULT_SHEETS } from "../engine/schema";
import type { HostNote, LedgerHost } from "../hosts/host";
import { describeError } from "../app/errors";
import { loadOfficeHost, loadOfficeRibbon, type OfficeRibbon, type RibbonEvent } from "../app/hosts";
import { t, type TextKey } from "../i18n/pane";
import { listOf, render, type Lang } from "../i18n/text";
import { isCancelled, type Job } from "../app/job";
import { draftLine } from "../i18n/draft";
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
    const draft = r.summary.draft;
    const n = r.written.length;
    const lines = [t(lang, draft ? "evaluatedDraft" : "evaluated", { n }), listOf(r.written)[lang]];
    if (draft) lines.push(draftLine(draft, lang));
    if (r.summary.blockedBy.length) lines.push(t(lang, "blocked", { keys: listOf(r.summary.blockedBy) }));
    return lines.join("\n");
  };
}

/**
 * Office ends a function command's runtime after about five minutes — mid-write, without a word. So
 * a command runs only what fits well inside that: workbooks up to `maxCells` (the sample district
 * ledger of a 党（工）委 is far below), cancelled (the workbook restored) at `jobMs`, and its dialog
 * closes itself after `noticeMs`. Larger workbooks go to the task pane, which has no such limit.
 */
export const COMMAND_LIMITS = { maxCells: 1_000_000, jobMs: 150_000, noticeMs: 45_000 };

/** What a command needs around its job (tests pass fakes). */
export interface CommandDeps {
  settings: () => Settings;
  loadHost: () => Promise<LedgerHost>;
  loadRibbon: () => Promise<Pick<OfficeRibbon, "showNotice" | "workbookCells" | "showTaskpane">>;
  limits: typeof COMMAND_LIMITS;
}

const OFFICE_DEPS: CommandDeps = {
  settings: () => loadSettings(),
  loadHost: loadOfficeHost,
  loadRibbon: loadOfficeRibbon,
  limits: COMMAND_LIMITS,
};

/** The command's job on the host, cancelled at the time limit; its text with the host's notes. */
async function runWithin(job: Job<string>, lang: Lang, limitMs: number): Promise<string> {
  const ctrl = new AbortController();
  const notes: HostNote[] = [];
  const timer = setTimeout(() => ctrl.abort(), limitMs);
  try {
    const text = await job({ signal: ctrl.signal, onProgress: () => {}, onNote: (n) => notes.push(n) });
    return notes.length ? [text, t(lang, "notes"), ...notes.map((n) => render(n, lang))].join("\n") : text;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs one command and shows its outcome: small workbooks here, larger ones handed to the task pane;
 * `event.completed()` is called exactly once on every path (it ends the command's runtime).
 */
export async function runCommand(
  event: RibbonEvent,
  command: (host: LedgerHost, settings: Settings) => Job<string>,
  action: TextKey,
  deps: CommandDeps = OFFICE_DEPS,
): Promise<void> {
  let lang: Lang = "zh-CN";
  let ribbon: Awaited<ReturnType<CommandDeps["loadRibbon"]>> | undefined;
  let text: string;
  try {
    const settings = deps.settings();
    lang = settings.lang;
    ribbon = await deps.loadRibbon();
    const cells = await ribbon.workbookCells();
    if (cells > deps.limits.maxCells) {
      await ribbon.showTaskpane();
      text = t(lang, "commandTooLarge", { cells: cells.toLocaleString("en-US"), action: t(lang, action) });
    } else text = await runWithin(command(await deps.loadHost(), settings), lang, deps.limits.jobMs);
  } catch (e) {
    console.error(e);
    if (isCancelled(e)) text = t(lang, "commandTooSlow", { action: t(lang, action) });
    else {
      const m = describeError(e, lang);
      text = m.title ? `${m.title}\n${m.text}` : m.text;
    }
  }
  try {
    if (ribbon) await ribbon.showNotice(text, deps.limits.noticeMs);
  } catch (e) {
    console.error(e);
  } finally {
    event.completed();
  }
}

const COMMANDS = {
  validateLedger: (event: RibbonEvent) => runCommand(event, (h, s) => validateCommand(h, s.lang), "validate"),
  evaluateLedger: (event: RibbonEvent) =>
    runCommand(event, (h, s) => evaluateCommand(h, s.lang, s.resultSheets), "evaluate"),
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
