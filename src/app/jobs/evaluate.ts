// 考评并生成表彰名单: validate, score, select, build the result sheets and write the chosen ones.
import { evaluateLedger, type Evaluation } from "../../engine/evaluate";
import { begunPhases } from "../../engine/check-date";
import { reportSteps } from "../../report/build";
import { buildSheets } from "./build-sheets";
import type { SheetModel } from "../../report/sheet-model";
import type { LedgerHost } from "../../hosts/host";
import { PANE_TEXTS } from "../../i18n/pane";
import { stage, type Job } from "../job";
import { summarizeEvaluation, type EvaluationSummary } from "../results/evaluation-summary";
import { validateJob, type CheckParams, type ValidateResult } from "./validate";
import type { OffThread } from "../check/check-off-thread";

export interface EvaluateParams extends CheckParams {
  /** Names of the result sheets to write (设置). */
  resultSheets: readonly string[];
}

export interface EvaluateResult extends ValidateResult {
  evaluation: Evaluation;
  summary: EvaluationSummary;
  /** Names of the sheets written, in order. */
  written: string[];
  /** The sheets written, as built (with their chart requests, drawn by the host). */
  models: SheetModel[];
}

/** `offThread`: the workbook is read and checked in a Web Worker (the browser preview; validate.ts). */
export function evaluateJob(host: LedgerHost, p: EvaluateParams, offThread?: OffThread): Job<EvaluateResult> {
  return async (run) => {
    const checked = await validateJob(host, p, offThread)(run);
    await stage(run, PANE_TEXTS.stageScore, 0, 2);
    const { ledger, findings } = checked.analysis;
    const evaluation = evaluateLedger(ledger, findings);
    const steps = reportSteps(checked.analysis, evaluation, p.lang).filter((s) =>
      p.resultSheets.includes(s.name),
    );
    const models = await buildSheets(run, steps);
    const written = models.map((m) => m.name);
    if (models.length) await host.writeSheets(models, { ...run, replace: written });
    return {
      ...checked,
      evaluation,
      summary: summarizeEvaluation(evaluation, begunPhases(ledger.rules, ledger.asOf)),
      written,
      models,
    };
  };
}
