// 校验台账 (and the 概况 read): read every sheet, run engine.read + engine.validate. Checking again at
// another 检查基准日 reuses the last reading: the workbook is not read again.
import { analyze, type Analysis } from "../../engine/analyze";
import { type Day, parseISO, todayDay } from "../../engine/dates";
import { summarize } from "../../engine/findings";
import type { Severity } from "../../engine/catalogue";
import type { Workbook } from "../../engine/grid";
import type { LedgerHost } from "../../hosts/host";
import { PANE_TEXTS } from "../../i18n/pane";
import type { Lang } from "../../i18n/text";
import { stage, type Job, type JobRun } from "../job";
import { rulesInForce, type RulesInForce } from "../results/rules-in-force";
import { checkOffThread, type OffThread } from "../check/check-off-thread";
import { checkGridsOffThread } from "../check/check-grids-off-thread";
import type { EvaluateOrder, EvaluatedInWorker } from "../check/check-protocol";

export interface CheckParams {
  lang: Lang;
  /** The 检查基准日 as ISO text; "" for the 评分规则 sheet's date, else today. */
  asOf: string;
}

export interface ValidateResult {
  workbook: Workbook;
  analysis: Analysis;
  counts: Record<Severity, number>;
  rules: RulesInForce;
  /** The 检查基准日 asked for (CheckParams.asOf); the date in force is checkDate. */
  asOf: string;
  /** The 检查基准日 in force (analysis.ledger.asOf, kept here: views need not build the ledger). */
  checkDate: Day;
  /** The preview's bytes the workbook was read from in the check worker (a re-check of the same skips the Grids). */
  bytes?: Uint8Array;
}

/** "" and valid ISO dates can be checked against; anything else (a half-typed date) cannot. */
export function isUsableAsOf(text: string): boolean {
  return text === "" || parseISO(text) !== undefined;
}

/** The workbook checked on this thread. */
export function checkWorkbook(workbook: Workbook, asOf: string, rules?: RulesInForce): ValidateResult {
  const day = asOf ? parseISO(asOf) : undefined;
  const analysis = analyze(workbook, day === undefined ? {} : { asOf: day });
  return resultOf(workbook, analysis, asOf, analysis.ledger.asOf, rules);
}

function resultOf(
  workbook: Workbook,
  analysis: Analysis,
  asOf: string,
  checkDate: Day,
  rules?: RulesInForce,
): ValidateResult {
  return {
    workbook,
    analysis,
    counts: summarize(analysis.findings),
    rules: rules ?? rulesInForce(workbook),
    asOf: asOf && parseISO(asOf) !== undefined ? asOf : "",
    checkDate,
  };
}

/**
 * The workbook's bytes read and checked in a Web Worker, and 考评 done there when `evaluate` asks for
 * it (jobs/evaluate.ts); undefined when no worker could do it.
 */
export async function checkedInWorker(
  offThread: OffThread,
  p: CheckParams,
  run: JobRun,
  last?: ValidateResult,
  evaluate?: EvaluateOrder,
): Promise<{ result: ValidateResult; evaluated?: EvaluatedInWorker } | undefined> {
  const day = p.asOf ? parseISO(p.asOf) : undefined;
  const known = last?.bytes && { bytes: last.bytes, workbook: last.workbook };
  const done = await checkOffThread(offThread, day, todayDay(), run, known, evaluate);
  if (!done) return undefined;
  await stage(run, PANE_TEXTS.stageCheck, 1, 1);
  const result = { ...resultOf(done.workbook, done.analysis, p.asOf, done.checkDate), bytes: done.bytes };
  return { result, evaluated: done.evaluated };
}

/**
 * `workbook`, read here, checked in a Web Worker (Excel: check-grids-off-thread.ts), and 考评 done
 * there when `evaluate` asks for it (the result sheets come back as models); undefined when no
 * worker could do it.
 */
export async function gridsCheckedInWorker(
  offThread: OffThread,
  workbook: Workbook,
  p: CheckParams,
  run: JobRun,
  rules?: RulesInForce,
  evaluate?: EvaluateOrder,
): Promise<{ result: ValidateResult; evaluated?: EvaluatedInWorker } | undefined> {
  const day = p.asOf ? parseISO(p.asOf) : undefined;
  const done = await checkGridsOffThread(offThread, workbook, day, todayDay(), run, evaluate);
  if (!done) return undefined;
  return {
    result: resultOf(workbook, done.analysis, p.asOf, done.checkDate, rules),
    evaluated: done.evaluated,
  };
}

/**
 * Reads and checks the workbook in a Web Worker when `offThread` is given and one can run: the
 * browser preview's bytes are read and checked there; in Excel the workbook is read here, through
 * Office.js, and its Grids checked there. Else here.
 */
export function validateJob(host: LedgerHost, p: CheckParams, offThread?: OffThread): Job<ValidateResult> {
  return async (run) => {
    await stage(run, PANE_TEXTS.stageRead, 0, 1);
    const done = offThread && (await checkedInWorker(offThread, p, run));
    if (done) return done.result;
    const workbook = await host.readWorkbook(run);
    await stage(run, PANE_TEXTS.stageCheck, 0, 1);
    const inWorker = offThread && (await gridsCheckedInWorker(offThread, workbook, p, run));
    const result = inWorker?.result ?? checkWorkbook(workbook, p.asOf);
    await stage(run, PANE_TEXTS.stageCheck, 1, 1);
    return result;
  };
}

/**
 * The workbook checked at another 检查基准日 (the workbook is not touched). In the browser preview the
 * worker reads and checks it again: checking the district's ledger takes seconds, which on the pane's
 * thread would freeze it (issue 12). When the workbook is still the one last read, the pane keeps
 * its Grids and the worker sends back only the result. In Excel the last reading is checked again,
 * without reading the workbook: by the worker that holds its Grids, or one they are sent to. Where
 * no worker can run, here.
 */
export function recheckJob(
  reading: ValidateResult,
  p: CheckParams,
  offThread?: OffThread,
): Job<ValidateResult> {
  return async (run) => {
    await stage(run, PANE_TEXTS.stageCheck, 0, 1);
    const done = offThread && (await checkedInWorker(offThread, p, run, reading));
    if (done) return done.result;
    const { workbook, rules } = reading;
    const inWorker = offThread && (await gridsCheckedInWorker(offThread, workbook, p, run, rules));
    const result = inWorker?.result ?? checkWorkbook(workbook, p.asOf, rules);
    await stage(run, PANE_TEXTS.stageCheck, 1, 1);
    return result;
  };
}
