// report.build: analysis + evaluation → the result sheets of ledger-format.md §6, in order.
import type { Analysis } from "../engine/analyze";
import type { Evaluation } from "../engine/evaluate";
import type { Lang } from "../i18n/text";
import type { SheetModel } from "./sheet-model";
import { findingsSheet } from "./findings-sheet";
import { scoresSheet } from "./scores-sheets";
import { commendationsSheet } from "./commendations-sheet";
import { notSelectedSheet } from "./not-selected-sheet";
import { progressSheet } from "./progress-sheet";

/** `findingFiles`: the findings come from several submitted files (a district compilation). */
export function buildReport(
  a: Analysis,
  ev: Evaluation,
  lang: Lang = "zh-CN",
  findingFiles = false,
): SheetModel[] {
  const sheets = [findingsSheet(a, lang, findingFiles)];
  const progress = progressSheet(a.ledger, ev.progress, ev.scores);
  if (!ev.blockedBy.length)
    sheets.push(
      scoresSheet(a.ledger, ev.scores, "organization"),
      scoresSheet(a.ledger, ev.scores, "member"),
      commendationsSheet(a.ledger, ev),
      notSelectedSheet(a.ledger, ev, a.findings),
    );
  sheets.push(progress);
  return sheets;
}
