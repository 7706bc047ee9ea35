// 考评并生成表彰名单: validate, score, select, build the result sheets and write the chosen ones.
// In the browser preview all of it runs in the check worker, which holds the workbook: the pane only
// takes the written bytes (issue 12). Elsewhere (Excel) it runs here, the sheets built one per task.
import type { LedgerHost } from "../../hosts/host";
import { PANE_TEXTS } from "../../i18n/pane";
import { stage, type Job, type JobRun } from "../job";
import type { EvaluationSummary } from "../results/evaluation-summary";
import type { OffThread } from "../check/check-off-thread";
import { buildSheets } from "./build-sheets";
import { scoreAndReport } from "./score-and-report";
import { checkedInWorker, validateJob, type CheckParams, type ValidateResult } from "./validate";

export interface EvaluateParams extends CheckParams {
  /** Names of the result sheets to write (设置). */
  resultSheets: readonly string[];
}

export interface EvaluateResult extends ValidateResult {
  summary: EvaluationSummary;
  /** Names of the sheets written, in order. */
  written: string[];
}

/**
 * `offThread`: the workbook is read and checked in a Web Worker (the browser preview; validate.ts),
 * and scored and written there too when the preview can take the worker's bytes (`writes`).
 */
export function evaluateJob(host: LedgerHost, p: EvaluateParams, offThread?: OffThread): Job<EvaluateResult> {
  return async (run) =>
    (await evaluatedInWorker(p, run, offThread)) ?? (await evaluateHere(host, p, offThread, run));
}

/** 考评 in the worker; undefined when no worker could do it (then it is done here). */
async function evaluatedInWorker(
  p: EvaluateParams,
  run: JobRun,
  offThread: OffThread | undefined,
): Promise<EvaluateResult | undefined> {
  const writes = offThread?.writes;
  if (!offThread || !writes) return undefined;
  await stage(run, PANE_TEXTS.stageRead, 0, 1);
  const order = { resultSheets: [...p.resultSheets], lang: p.lang, now: writes.now() };
  const done = await checkedInWorker(offThread, p, run, undefined, order);
  if (!done?.evaluated) return undefined;
  const { summary, written, bytes } = done.evaluated;
  if (bytes) await writes.adopt(bytes, run);
  return { ...done.result, summary, written };
}

async function evaluateHere(
  host: LedgerHost,
  p: EvaluateParams,
  offThread: OffThread | undefined,
  run: JobRun,
): Promise<EvaluateResult> {
  // in Excel (no bytes) the ledger is built here right after: checked here too (CheckWhere)
  const checked = await validateJob(host, p, offThread, { here: !offThread?.bytes })(run);
  await stage(run, PANE_TEXTS.stageScore, 0, 2);
  const { steps, summary } = scoreAndReport(checked.analysis, p.resultSheets, p.lang);
  const models = await buildSheets(run, steps);
  const written = models.map((m) => m.name);
  if (models.length) await host.writeSheets(models, { ...run, replace: written });
  return { ...checked, summary, written };
}
