// The result sheets built in the pane one per task, only those that will be written, the stage shown
// between them (the district's whole report took 150–300 ms in one go: issue 12).
import { PANE_TEXTS } from "../../i18n/pane";
import type { ReportStep } from "../../report/build";
import type { SheetModel } from "../../report/sheet-model";
import { stage, type JobRun } from "../job";

export async function buildSheets(run: JobRun, steps: readonly ReportStep[]): Promise<SheetModel[]> {
  const models: SheetModel[] = [];
  for (const [i, step] of steps.entries()) {
    await stage(run, PANE_TEXTS.stageBuild, i, steps.length);
    models.push(step.build());
  }
  await stage(run, PANE_TEXTS.stageBuild, steps.length, steps.length);
  return models;
}
