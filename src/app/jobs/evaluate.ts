// 考评并生成表彰名单: validate, score, select, build the result sheets and write the chosen ones.
// In the browser preview all of it runs in the check worker, which holds the workbook: the pane only
// takes the written bytes (issue 12). In Excel the pane reads the workbook through Office.js and sends
// the worker its Grids; the worker checks, scores and builds the sheets and sends them back for the
// host to write. Where no worker can run, all of it runs here, the sheets built one per task.
import type { LedgerHost } from "../../hosts/host";
import { PANE_TEXTS } from "../../i18n/pane";
import { stage, type Job, type JobRun } from "../job";
import type { EvaluationSummary } from "../results/evaluation-summary";
import type { OffThread } from "../check/check-off-thread";
import type { EvaluateOrder } from "../check/check-protocol";
import { buildSheets } from "./build-sheets";
import { scoreAndReport } from "./score-and-report";
import {
  checkedInWorker,
  checkWorkbook,
  gridsCheckedInWorker,
  validateJob,
  type CheckParams,
  type ValidateResult,
} from "./validate";

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
 * and scored and written there too when the preview can take the worker's bytes (`writes`). Without
 * bytes (Excel) the Grids read here are checked and scored there, the sheets written here.
 */
export function evaluateJob(host: LedgerHost, p: EvaluateParams, offThread?: OffThread): Job<EvaluateResult> {
  return async (run) => {
    if (offThread && !offThread.bytes) return evaluateWithGrids(host, p, offThread, run);
    return (await evaluatedInWorker(p, run, offThread)) ?? (await evaluateHere(host, p, offThread, run));
  };
}

function orderOf(p: EvaluateParams, now: Date): EvaluateOrder {
  return { resultSheets: [...p.resultSheets], lang: p.lang, now };
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
  const order = orderOf(p, writes.now());
  const done = await checkedInWorker(offThread, p, run, undefined, order);
  if (!done?.evaluated) return undefined;
  const { summary, written, bytes } = done.evaluated;
  if (bytes) await writes.adopt(bytes, run);
  return { ...done.result, summary, written };
}

/**
 * Excel: the workbook read here (Office.js) and its Grids sent to the worker, which checks, scores and
 * builds the chosen sheets; the host writes them. Where no worker does it, the same workbook is
 * checked and scored here.
 */
async function evaluateWithGrids(
  host: LedgerHost,
  p: EvaluateParams,
  offThread: OffThread,
  run: JobRun,
): Promise<EvaluateResult> {
  await stage(run, PANE_TEXTS.stageRead, 0, 1);
  const workbook = await host.readWorkbook(run);
  await stage(run, PANE_TEXTS.stageCheck, 0, 1);
  const done = await gridsCheckedInWorker(offThread, workbook, p, run, undefined, orderOf(p, new Date()));
  const evaluated = done?.evaluated;
  if (!done || !evaluated?.models) return scoreAndWrite(host, p, checkWorkbook(workbook, p.asOf), run);
  const { summary, written, models } = evaluated;
  if (models.length) await host.writeSheets(models, { ...run, replace: written });
  return { ...done.result, summary, written };
}

async function evaluateHere(
  host: LedgerHost,
  p: EvaluateParams,
  offThread: OffThread | undefined,
  run: JobRun,
): Promise<EvaluateResult> {
  return scoreAndWrite(host, p, await validateJob(host, p, offThread)(run), run);
}

/** The checked workbook scored, its sheets built and written here. */
async function scoreAndWrite(
  host: LedgerHost,
  p: EvaluateParams,
  checked: ValidateResult,
  run: JobRun,
): Promise<EvaluateResult> {
  await stage(run, PANE_TEXTS.stageScore, 0, 2);
  const { steps, summary } = scoreAndReport(checked.analysis, p.resultSheets, p.lang);
  const models = await buildSheets(run, steps);
  const written = models.map((m) => m.name);
  if (models.length) await host.writeSheets(models, { ...run, replace: written });
  return { ...checked, summary, written };
}
