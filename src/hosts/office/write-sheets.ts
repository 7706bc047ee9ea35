// Writing result sheets so that a failure or a cancel never leaves a half-written workbook:
//  1. every new sheet is created under a temporary name, hidden, and written completely (in
//     size-bounded syncs, yielding between them);
//     then the charts the models request are added to them (charts.ts: a few calls per chart);
//  2. then, in one last sync, the new sheets are shown, the old result sheets deleted and the new
//     ones renamed to their real names;
//  3. on any failure before that (an Excel error, a cancel), the temporary sheets are deleted and the
//     error is rethrown — the old result sheets were never touched.
import type { SheetModel } from "../../report/sheet-model";
import { throwIfCancelled, type RunOptions } from "../host";
import { resolveCharts, type ResolvedChart } from "../../report/chart-plan";
import { LISTS_SHEET, planWorkbook, sheetKey, type SheetPlan } from "../../report/sheet-plan";
import { progress } from "../common/progress";
import { Batcher, CALL_BYTES, type BatchEnv } from "./batching";
import { addCharts } from "./charts";
import { queueDateSystemProbe, queueProbeCell } from "./date-system";
import { explainExcelError, hostErrors } from "../common/errors";
import type { ExcelRun } from "./excel-run";
import { TEMP_SHEET_PREFIX } from "../common/internal-sheets";
import { layoutSheet } from "./sheet-layout";
import { HOST_STAGES } from "../../i18n/host";
import { fill } from "../../i18n/text";

async function writeInto(
  ctx: Excel.RequestContext,
  env: BatchEnv,
  layout: { plans: SheetPlan[]; charts: ResolvedChart[][] },
  temps: string[],
  o: RunOptions & { replace: readonly string[] },
): Promise<void> {
  const { plans, charts } = layout;
  const worksheets = ctx.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const probe = queueDateSystemProbe(ctx, env.support);
  await ctx.sync();
  await env.yieldToUi();
  throwIfCancelled(o.signal);

  const replace = new Set(o.replace.map(sheetKey));
  // the lists sheet of long drop-downs is a result sheet too: a re-run replaces it
  if (plans.some((p) => p.name === LISTS_SHEET)) replace.add(sheetKey(LISTS_SHEET));
  const old = worksheets.items.filter((ws) => replace.has(sheetKey(ws.name)));
  const kept = new Set(
    worksheets.items.filter((ws) => !replace.has(sheetKey(ws.name))).map((ws) => sheetKey(ws.name)),
  );
  for (const p of plans) if (kept.has(sheetKey(p.name))) throw hostErrors.nameTaken(p.name);

  const batcher = new Batcher(ctx, env, o.signal);
  const sheets: Excel.Worksheet[] = [];
  for (const name of temps) {
    await batcher.room(2 * CALL_BYTES);
    const ws = worksheets.add(name);
    ws.visibility = "Hidden"; // nothing half-written is ever visible
    sheets.push(ws);
  }
  let date1904 = probe.result();
  if (date1904 === undefined && sheets.length) {
    const cell = queueProbeCell(sheets[0].getRange("A1"));
    await batcher.flush();
    date1904 = cell.result();
  }

  const total = plans.reduce((n, p) => n + p.model.rows.length, 0);
  const listsAt = plans.findIndex((p) => p.name === LISTS_SHEET);
  let done = 0;
  for (let i = 0; i < plans.length; i++) {
    const stage = fill(HOST_STAGES.writeSheet, { sheet: plans[i].name });
    progress(o, stage, done, total);
    await layoutSheet(sheets[i], plans[i], {
      batcher,
      support: env.support,
      date1904: date1904 ?? false,
      requestBudget: env.requestBudget,
      listsSheetName: listsAt >= 0 ? temps[listsAt] : LISTS_SHEET,
      onRows: (n) => {
        done += n;
        progress(o, stage, done, total);
      },
    });
  }
  // charts last: a chart may draw from a sheet written after its own
  await addCharts(sheets, charts, { batcher, support: env.support });
  await batcher.flush();

  // the swap, in one sync: show the new sheets, delete the old, take their names
  sheets.forEach((ws, i) => {
    if (!plans[i].hidden) ws.visibility = "Visible";
  });
  for (const ws of old) {
    if (ws.visibility === "VeryHidden") ws.visibility = "Hidden"; // Excel cannot delete a very hidden sheet
    ws.delete();
  }
  sheets.forEach((ws, i) => (ws.name = plans[i].name));
  await ctx.sync();
  progress(o, HOST_STAGES.written, total, total);
}

/** Deletes whichever temporary sheets exist (after a failure). */
async function removeTemps(run: ExcelRun, temps: string[]): Promise<void> {
  await run(async (ctx) => {
    const worksheets = ctx.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    await ctx.sync();
    const names = new Set(temps);
    const found = worksheets.items.filter((ws) => names.has(ws.name));
    for (const ws of found) ws.delete();
    if (found.length) await ctx.sync();
  });
}

/** LedgerHost.writeSheets on Excel; see the module comment for the protocol. */
export async function writeSheetsOffice(
  run: ExcelRun,
  env: BatchEnv,
  models: SheetModel[],
  o: RunOptions & { replace: readonly string[] },
): Promise<void> {
  const { sheets: plans } = planWorkbook(models);
  const layout = { plans, charts: resolveCharts(plans) };
  throwIfCancelled(o.signal);
  const token = Math.random().toString(36).slice(2, 8).padEnd(6, "0");
  const temps = plans.map((_, i) => `${TEMP_SHEET_PREFIX}${token}_${i + 1}`);
  try {
    await run((ctx) => writeInto(ctx, env, layout, temps, o));
  } catch (e) {
    try {
      await removeTemps(run, temps);
    } catch (cleanup) {
      throw hostErrors.cleanupFailed(temps, e instanceof Error ? e : cleanup);
    }
    throw explainExcelError(e);
  }
}

/** LedgerHost.addMissingSheets on Excel: the models whose names are absent, written as above. */
export async function addMissingSheetsOffice(
  run: ExcelRun,
  env: BatchEnv,
  models: SheetModel[],
  o: RunOptions = {},
): Promise<string[]> {
  throwIfCancelled(o.signal);
  const existing = await run(async (ctx) => {
    const worksheets = ctx.workbook.worksheets;
    worksheets.load("items/name");
    await ctx.sync();
    return new Set(worksheets.items.map((ws) => sheetKey(ws.name)));
  });
  const absent = models.filter((m) => !existing.has(sheetKey(m.name)));
  if (absent.length) await writeSheetsOffice(run, env, absent, { ...o, replace: [] });
  return absent.map((m) => m.name);
}
