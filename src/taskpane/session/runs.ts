// What each of the pane's buttons starts: a job from src/app, and what its result changes in the
// session (RunResult). No React here: the hook hands in the current state and its `launch`.
import type { Finding } from "../../engine/findings";
import type { Workbook } from "../../engine/grid";
import { RESULT_SHEETS } from "../../engine/schema";
import type { CellFix, CellRef, LedgerHost } from "../../hosts/host";
import { t } from "../../i18n/pane";
import { listOf } from "../../i18n/text";
import { afterWrite, type Job } from "../../app/job";
import { evaluateJob, type EvaluateResult } from "../../app/jobs/evaluate";
import { applyFixesJob } from "../../app/jobs/fixes";
import { clearHighlightsJob, highlightJob } from "../../app/jobs/highlights";
import { activateSheetJob, selectCellJob } from "../../app/jobs/navigate";
import { addTemplateJob, insertRulesJob } from "../../app/jobs/template";
import { validateJob, type ValidateResult } from "../../app/jobs/validate";
import { writeFindingsJob } from "../../app/jobs/write-findings";
import type { PreviewSession } from "../../app/preview-session";
import { downloadBytes, resultFileName } from "../preview/download";
import { compileRuns } from "./compile-runs";
import type { PaneMessage } from "../../app/errors";
import {
  changeOf,
  paramsOf,
  previewBytes,
  snapshot,
  success,
  withHost,
  type RunContext,
} from "./run-context";
import { offThreadOf } from "../check-workers";

export type { RunContext };

export type PaneRuns = ReturnType<typeof paneRuns>;

/** Every run the pane offers, for the current state. */
export function paneRuns(c: RunContext) {
  return { ...workbookRuns(c), ...checkRuns(c), ...evaluateRuns(c), ...compileRuns(c) };
}

/** A job that changes the workbook, then a fresh reading of it. */
function thenRead<T>(c: RunContext, h: LedgerHost, job: Job<T>): Job<{ value: T; reading: ValidateResult }> {
  return async (run) => {
    const value = await job(run);
    const reading = await validateJob(h, paramsOf(c), offThreadOf(c.preview?.session))(afterWrite(run));
    return { value, reading };
  };
}

/** Browser preview: opens a workbook and reads it; the earlier check and evaluation are dropped. */
function openSession(c: RunContext, open: Job<PreviewSession>): void {
  c.launch(
    "open",
    async (run) => {
      const session = await open(run);
      return { session, reading: await validateJob(session.host, paramsOf(c), offThreadOf(session))(run) };
    },
    ({ session, reading }) => ({
      preview: session,
      reading,
      show: reading.workbook.sheets[0]?.name,
      message: success(c, "loaded", { name: session.name }),
    }),
  );
}

/** The workbook as a whole: read it, open or download it (preview), add the missing sheets. */
export function workbookRuns(c: RunContext) {
  return {
    read: () => {
      if (c.host)
        c.launch("read", validateJob(c.host, paramsOf(c), offThreadOf(c.preview?.session)), (reading) => ({
          reading,
        }));
    },
    openFile: (file: File) => {
      const actions = c.preview?.actions;
      if (!actions) return;
      openSession(c, async (run) => {
        const bytes = new Uint8Array(await file.arrayBuffer());
        return actions.openFile({ name: file.name, bytes }, run);
      });
    },
    loadSample: () => {
      const actions = c.preview?.actions;
      if (actions) openSession(c, (run) => actions.loadSample(run));
    },
    download: () => {
      const session = c.preview?.session;
      const toBytes = session?.toBytes;
      if (!session || !toBytes) return;
      c.launch(
        "download",
        () => toBytes(),
        (bytes) => {
          downloadBytes(bytes, resultFileName(session.name));
          return {};
        },
      );
    },
    addTemplate: () =>
      withHost(c, (h) =>
        c.launch("template", thenRead(c, h, addTemplateJob(h)), ({ value: added, reading }) => ({
          reading,
          message: added.length
            ? success(c, "templateAdded", { names: listOf(added) })
            : success(c, "templateNothing"),
        })),
      ),
  };
}

/** 校验: check, go to a cell, mark and unmark cells, apply the ticked fixes, write 校验结果. */
export function checkRuns(c: RunContext) {
  return {
    validate: () =>
      withHost(c, (h) =>
        c.launch("validate", validateJob(h, paramsOf(c), offThreadOf(c.preview?.session)), (reading) => ({
          reading,
          checked: true,
        })),
      ),
    selectCell: (ref: CellRef) => {
      if (c.host) c.launch("navigate", selectCellJob(c.host, ref), () => ({}));
    },
    highlight: (findings: Finding[]) =>
      withHost(c, (h) =>
        c.launch("highlight", highlightJob(h, findings, c.settings.highlightColor), (n) => ({
          message: success(c, "marked", { n }),
        })),
      ),
    clearHighlights: () =>
      withHost(c, (h) =>
        c.launch("clearHighlights", clearHighlightsJob(h), () => ({ message: success(c, "cleared") })),
      ),
    applyFixes: (fixes: CellFix[]) =>
      withHost(c, (h) => {
        if (!fixes.length) return;
        c.launch("fixes", thenRead(c, h, applyFixesJob(h, fixes)), ({ reading }) => ({
          reading,
          checked: true,
          message: success(c, "fixesApplied", { n: fixes.length }),
        }));
      }),
    writeFindings: () =>
      withHost(c, (h) => {
        const analysis = c.reading?.analysis;
        if (!analysis) return;
        const write: Job<{ name: string; workbook?: Workbook }> = async (run) => {
          const from = await previewBytes(c);
          const name = await writeFindingsJob(h, analysis, c.lang)(run);
          return { name, workbook: await snapshot(c, h, changeOf(from, [name])) };
        };
        c.launch("writeFindings", write, ({ name, workbook }) => ({
          workbook,
          show: name,
          message: success(c, "findingsWritten", { name }),
        }));
      }),
  };
}

/** 考评表彰: insert the 评分规则 sheet, evaluate and write the result sheets, go to a sheet. */
export function evaluateRuns(c: RunContext) {
  return {
    insertRules: () =>
      withHost(c, (h) =>
        c.launch("insertRules", thenRead(c, h, insertRulesJob(h)), ({ value: added, reading }) => ({
          reading,
          show: added ? reading.rules.sheet : undefined,
          message: added ? success(c, "rulesInserted") : { intent: "info", text: t(c.lang, "rulesExist") },
        })),
      ),
    evaluate: () =>
      withHost(c, (h) => {
        const params = { ...paramsOf(c), resultSheets: c.settings.resultSheets };
        const evaluate: Job<{ result: EvaluateResult; workbook?: Workbook }> = async (run) => {
          const from = await previewBytes(c);
          const result = await evaluateJob(h, params, offThreadOf(c.preview?.session))(run);
          return { result, workbook: await snapshot(c, h, changeOf(from, result.written)) };
        };
        c.launch("evaluate", evaluate, ({ result, workbook }) => ({
          reading: result,
          evaluation: result,
          workbook,
          show: result.written.find((n) => n === RESULT_SHEETS.commendations) ?? result.written[0],
          message: evaluatedMessage(c, result),
        }));
      }),
    activateSheet: (name: string) => {
      if (c.host) c.launch("navigate", activateSheetJob(c.host, name), () => ({}));
    },
  };
}

/** After 考评: a success only when the ledger has no errors; a draft is a warning (§5.1). */
function evaluatedMessage(c: RunContext, result: EvaluateResult): PaneMessage {
  const n = result.written.length;
  if (!result.summary.draft) return success(c, "evaluated", { n });
  return { intent: "warning", title: t(c.lang, "draftTitle"), text: t(c.lang, "evaluatedDraft", { n }) };
}
