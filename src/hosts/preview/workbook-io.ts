// Reading the workbook and writing result sheets (by patching the package: patchWorkbook).
import type { Workbook } from "../../engine/grid";
import type { SheetModel } from "../../report/sheet-model";
import { sheetKey } from "../../report/sheet-plan";
import { throwIfCancelled, type RunOptions } from "../host";
import { progress } from "../common/progress";
import { hostErrors } from "../common/errors";
import { isInternalSheet } from "../common/internal-sheets";
import { patchStepCount, patchWorkbookInSteps, sheetAtStep } from "../xlsx/patch";
import { readXlsx } from "../xlsx/read";
import type { PreviewWorkbook } from "./preview-workbook";
import { HOST_STAGES } from "../../i18n/host";
import { fill } from "../../i18n/text";

/** Every sheet but the add-in's internal ones. */
export async function readWorkbook(book: PreviewWorkbook, o: RunOptions = {}): Promise<Workbook> {
  throwIfCancelled(o.signal);
  progress(o, HOST_STAGES.read, 0, 1);
  const wb = readXlsx(book.current);
  wb.sheets = wb.sheets.filter((g) => !isInternalSheet(g.name));
  await book.pause();
  throwIfCancelled(o.signal);
  progress(o, HOST_STAGES.read, 1, 1);
  return wb;
}

/**
 * The sheets written by patching the package in steps, the browser painting in between (one patch
 * was a task of up to 0.3 s on the district: issue 12); the progress names the sheet being written.
 */
export async function writeSheets(
  book: PreviewWorkbook,
  models: SheetModel[],
  o: RunOptions & { replace: readonly string[] },
): Promise<void> {
  throwIfCancelled(o.signal);
  checkNamesFree(book, models, o.replace);
  const total = Math.max(1, patchStepCount(models));
  const pause = async (done: number) => {
    const sheet = sheetAtStep(models, done)?.name ?? "";
    progress(o, fill(HOST_STAGES.writeSheet, { sheet }), Math.min(done, total), total);
    await book.pause();
    throwIfCancelled(o.signal);
  };
  await pause(0);
  const next = await patchWorkbookInSteps(
    book.current,
    models,
    { replace: o.replace, now: book.now() },
    pause,
  );
  await book.commit(next, o);
  progress(o, HOST_STAGES.written, total, total);
}

/** A new sheet may take the name of a sheet it replaces, of no other. */
function checkNamesFree(book: PreviewWorkbook, models: SheetModel[], replace: readonly string[]): void {
  const replaced = new Set(replace.map(sheetKey));
  const kept = new Set(
    book
      .sheetNames()
      .map((s) => sheetKey(s.name))
      .filter((n) => !replaced.has(n)),
  );
  for (const m of models) if (kept.has(sheetKey(m.name))) throw hostErrors.nameTaken(m.name);
}

/** The models whose sheets the workbook lacks. */
export function missingModels(book: PreviewWorkbook, models: SheetModel[]): SheetModel[] {
  const existing = new Set(book.sheetNames().map((s) => sheetKey(s.name)));
  return models.filter((m) => !existing.has(sheetKey(m.name)));
}
