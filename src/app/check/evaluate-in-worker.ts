// The worker's side of 考评: after checking, score the ledger, build the chosen result sheets and, in
// the browser preview, patch them into the workbook's bytes — all here, so that the pane's thread
// only takes the new bytes (issue 12: on the district the pane froze for 1.5 s at a time while
// scoring, building and writing there). In Excel (a workbook sent as Grids, no bytes) the sheets go
// back in parts, for the pane's host to write through Office.js. The same steps as on the pane's
// thread (jobs/score-and-report.ts) and the same writer as the preview host's (patchWorkbook): the
// same workbook results.
import type { Analysis } from "../../engine/analyze";
import { patchStepCount, patchWorkbookSteps } from "../../hosts/xlsx/patch";
import { PANE_TEXTS } from "../../i18n/pane";
import type { Text } from "../../i18n/text";
import type { SheetModel } from "../../report/sheet-model";
import { scoreAndReport } from "../jobs/score-and-report";
import type { CheckReply, EvaluateOrder, EvaluatedInWorker } from "./check-protocol";
import { modelParts } from "./grid-parts";

export function evaluateInWorker(
  a: Analysis,
  bytes: Uint8Array | undefined,
  order: EvaluateOrder,
  post: (reply: CheckReply) => void,
): EvaluatedInWorker {
  const say = (stage: Text, done: number, total: number) =>
    post({ kind: "progress", progress: { stage, done, total } });
  say(PANE_TEXTS.stageScore, 0, 2);
  const { steps, summary } = scoreAndReport(a, order.resultSheets, order.lang);
  const models: SheetModel[] = steps.map((step, i) => {
    say(PANE_TEXTS.stageBuild, i, steps.length);
    return step.build();
  });
  const written = models.map((m) => m.name);
  if (order.into === "models") {
    models.forEach((m, i) => modelParts(i, m).forEach(post));
    return { summary, written };
  }
  if (!models.length) return { summary, written };
  if (!bytes) throw new Error("no bytes to write the result sheets into");
  const total = patchStepCount(models);
  const patch = patchWorkbookSteps(bytes, models, { replace: written, now: order.now });
  for (let done = 0; ; done++) {
    say(PANE_TEXTS.stageWrite, Math.min(done, total), total);
    const r = patch.next();
    if (r.done) return { summary, written, bytes: r.value };
  }
}
