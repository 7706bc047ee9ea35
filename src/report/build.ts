// report.build: analysis + evaluation → the result sheets of ledger-format.md §6, in order.
import type { Analysis } from "../engine/analyze";
import type { Evaluation } from "../engine/evaluate";
import type { Lang } from "../i18n/text";
import type { SheetModel } from "./sheet-model";
import { RESULT_SHEETS } from "../engine/schema";
import { findingsSheet } from "./findings-sheet";
import { scoresSheet } from "./scores-sheets";
import { commendationsSheet } from "./commendations-sheet";
import { notSelectedSheet } from "./not-selected-sheet";
import { progressSheet } from "./progress-sheet";

/** One result sheet to build, named before it is built (a host builds only the sheets it writes). */
export interface ReportStep {
  name: string;
  build: () => SheetModel;
}

/**
 * The result sheets as steps, in order, one sheet each: the pane builds them one task at a time and
 * only those it writes (app/jobs/build-sheets.ts).
 * `findingFiles`: the findings come from several submitted files (a district compilation).
 */
export function reportSteps(
  a: Analysis,
  ev: Evaluation,
  lang: Lang = "zh-CN",
  findingFiles = false,
): ReportStep[] {
  const steps: ReportStep[] = [
    { name: RESULT_SHEETS.findings, build: () => findingsSheet(a, lang, findingFiles) },
  ];
  if (!ev.blockedBy.length)
    steps.push(
      { name: RESULT_SHEETS.orgScores, build: () => scoresSheet(a.ledger, ev.scores, "organization") },
      { name: RESULT_SHEETS.memberScores, build: () => scoresSheet(a.ledger, ev.scores, "member") },
      { name: RESULT_SHEETS.commendations, build: () => commendationsSheet(a.ledger, ev) },
      { name: RESULT_SHEETS.notSelected, build: () => notSelectedSheet(a.ledger, ev, a.findings) },
    );
  steps.push({ name: RESULT_SHEETS.progress, build: () => progressSheet(a.ledger, ev.progress, ev.scores) });
  return steps;
}

/** Every result sheet at once (the CLI). */
export function buildReport(
  a: Analysis,
  ev: Evaluation,
  lang: Lang = "zh-CN",
  findingFiles = false,
): SheetModel[] {
  return reportSteps(a, ev, lang, findingFiles).map((s) => s.build());
}
