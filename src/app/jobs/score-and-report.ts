// What 考评 computes before it writes, wherever it runs: on the pane's thread (Excel) or in the check
// worker (the browser preview, check/evaluate-in-worker.ts) — the same scores, the same chosen
// sheets, the same summary.
import type { Analysis } from "../../engine/analyze";
import { begunPhases } from "../../engine/check-date";
import { evaluateLedger, type Evaluation } from "../../engine/evaluate";
import { reportSteps, type ReportStep } from "../../report/build";
import type { Lang } from "../../i18n/text";
import { summarizeEvaluation, type EvaluationSummary } from "../results/evaluation-summary";

export interface Scored {
  evaluation: Evaluation;
  /** The result sheets to write (those chosen in 设置), not built yet. */
  steps: ReportStep[];
  summary: EvaluationSummary;
}

export function scoreAndReport(a: Analysis, resultSheets: readonly string[], lang: Lang): Scored {
  const evaluation = evaluateLedger(a.ledger, a.findings);
  const steps = reportSteps(a, evaluation, lang).filter((s) => resultSheets.includes(s.name));
  const { rules, asOf } = a.ledger;
  return { evaluation, steps, summary: summarizeEvaluation(evaluation, begunPhases(rules, asOf)) };
}
