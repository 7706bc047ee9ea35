// Writing result sheets so that a failure, a cancel, a closed pane or a crash never loses results
// and never leaves a half-written workbook:
//  0. before anything changes, the workbook's structure protection is checked (ExcelApi 1.7), and
//     what an earlier write left when it was cut short is cleared: its temporary sheets deleted, a
//     backup whose result sheet is missing renamed back (`recovery`);
//  1. every new sheet is created under a temporary name `_PL_tmp_<token>_<i>`, hidden, and its data
//     written completely (size-bounded syncs, yielding between them);
//  2. then its decorations (table, conditional formats, drop-downs, print setup) and charts, each
//     best-effort in a sync of its own: a failure is a note (RunOptions.onNote), the data stays;
//  3. the swap, in one sync: the old result sheets renamed to backups `_PL_tmp_<token>-<name>`, the
//     new ones shown, renamed to their real names and moved to the old ones' tab positions;
//  4. on any failure or cancel up to and including the swap, a fresh batch restores the state before
//     (new sheets deleted, backups renamed back) and the error is rethrown;
//  5. after the swap, best-effort: frozen headers (Excel cannot freeze a hidden sheet), then the
//     backups deleted in a later sync (retried once; a leftover is cleared by step 0 next time).
import type { SheetModel } from "../../report/sheet-model";
import { CancelledError, throwIfCancelled, type RunOptions } from "../host";
import { resolveCharts, type ResolvedChart } from "../../report/chart-plan";
import { LISTS_SHEET, planWorkbook, sheetKey, type SheetPlan } from "../../report/sheet-plan";
import { progress } from "../common/progress";
import { Batcher, CALL_BYTES, type BatchEnv } from "./batching";
import { addCharts } from "./charts";
import { queueDateSystemProbe, queueProbeCell } from "./date-system";
import { explainExcelError, hostErrors } from "../common/errors";
import type { ExcelRun } from "./excel-run";
import { TEMP_SHEET_PREFIX } from "../common/internal-sheets";
import { DECORATIONS, FREEZE, layoutData, type Decoration, type LayoutEnv } from "./sheet-layout";
import { DECORATION_PARTS, HOST_STAGES, WRITE_NOTES } from "../../i18n/host";
import { fill, listOf } from "../../i18n/text";
import { SET } from "./support";
import { positionMoves } from "./tab-order";

type WriteOptions = RunOptions & { replace: readonly string[] };

/** What this write has changed so far: what a rollback must undo. */
interface Written {
  /** Anything queued that changes the workbook (before that, a failure needs no rollback). */
  touched: boolean;
  /** Ids of the new sheets (known once their first sync is through; until the swap they carry temp names). */
  newIds: Set<string>;
  /** Backup sheet id → the result sheet's name. */
  backups: Map<string, string>;
}

const BACKUP_NAME = new RegExp(`^${TEMP_SHEET_PREFIX}[a-z0-9]{6}-(.+)$`);

function backupName(token: string, name: string, i: number): string {
  const full = `${TEMP_SHEET_PREFIX}${token}-${name}`;
  return full.length <= 31 ? full : `${TEMP_SHEET_PREFIX}${token}_b${i + 1}`;
}

const SHEET_PROPS = "items/id,items/name,items/visibility";

/**
 * Queues the return to a clean state over the loaded sheets: the new sheets and every temporary
 * sheet deleted, then each backup renamed back to its result sheet's name while that name is free
 * (deleted otherwise: its result sheet was written after it). Returns the names it touches.
 */
function queueRecovery(items: Excel.Worksheet[], w: Written): string[] {
  const original = (ws: Excel.Worksheet) =>
    w.backups.get(ws.id) ?? BACKUP_NAME.exec(ws.name)?.[1] ?? undefined;
  const drop: Excel.Worksheet[] = [];
  const back: Excel.Worksheet[] = [];
  for (const ws of items) {
    if (w.newIds.has(ws.id)) drop.push(ws);
    else if (original(ws) !== undefined && ws.name !== original(ws)) back.push(ws);
    else if (ws.name.startsWith(TEMP_SHEET_PREFIX)) drop.push(ws);
  }
  const taken = new Set(
    items.filter((ws) => !drop.includes(ws) && !back.includes(ws)).map((ws) => sheetKey(ws.name)),
  );
  const renames: [Excel.Worksheet, string][] = [];
  for (const ws of back) {
    const name = original(ws)!;
    if (taken.has(sheetKey(name))) drop.push(ws);
    else {
      taken.add(sheetKey(name));
      renames.push([ws, name]);
    }
  }
  // deletions first: a new sheet may still hold the name a backup takes back
  for (const ws of drop) {
    if (ws.visibility === "VeryHidden") ws.visibility = "Hidden"; // Excel cannot delete a very hidden sheet
    ws.delete();
  }
  for (const [ws, name] of renames) ws.name = name;
  return [...drop, ...back].map((ws) => ws.name);
}

/** Step 4: a fresh batch back to the state before the write. */
async function rollBack(run: ExcelRun, w: Written, temps: string[], cause: unknown): Promise<void> {
  try {
    await run(async (ctx) => {
      const worksheets = ctx.workbook.worksheets;
      worksheets.load(SHEET_PROPS);
      await ctx.sync();
      if (queueRecovery(worksheets.items, w).length) await ctx.sync();
    });
  } catch {
    throw hostErrors.cleanupFailed([...temps, ...w.backups.values()], cause);
  }
}

/** Queues one decoration in its own sync; a failure becomes a note (a cancel still cancels). */
async function bestEffort(batcher: Batcher, queue: () => Promise<unknown>, note: () => void): Promise<void> {
  await batcher.flush(); // what is queued before is data: its failure is not a note
  try {
    await queue();
    await batcher.flush();
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    note();
  }
}

function noteFailed(o: RunOptions, sheet: string, part: Decoration["part"] | "charts"): void {
  o.onNote?.(fill(WRITE_NOTES.decorationFailed, { sheet, part: DECORATION_PARTS[part] }));
}

interface Layout {
  plans: SheetPlan[];
  charts: ResolvedChart[][];
  temps: string[];
  token: string;
}

/** Steps 0–3 in one batch. */
async function writeInto(
  ctx: Excel.RequestContext,
  env: BatchEnv,
  layout: Layout,
  w: Written,
  o: WriteOptions,
): Promise<void> {
  const { plans, charts, temps } = layout;
  const worksheets = ctx.workbook.worksheets;
  worksheets.load(SHEET_PROPS);
  const protection = env.support.minor >= SET.workbookProtection ? ctx.workbook.protection : undefined;
  protection?.load("protected");
  const probe = queueDateSystemProbe(ctx, env.support);
  await ctx.sync();
  if (protection?.protected) throw hostErrors.structureProtected();
  await env.yieldToUi();
  throwIfCancelled(o.signal);

  // 0. what an earlier, interrupted write left
  w.touched = true;
  if (queueRecovery(worksheets.items, w).length) {
    worksheets.load(SHEET_PROPS);
    await ctx.sync();
  }

  const replace = new Set(o.replace.map(sheetKey));
  // the lists sheet of long drop-downs is a result sheet too: a re-run replaces it
  if (plans.some((p) => p.name === LISTS_SHEET)) replace.add(sheetKey(LISTS_SHEET));
  const old = worksheets.items.filter((ws) => replace.has(sheetKey(ws.name)));
  const kept = new Set(
    worksheets.items.filter((ws) => !replace.has(sheetKey(ws.name))).map((ws) => sheetKey(ws.name)),
  );
  for (const p of plans) if (kept.has(sheetKey(p.name))) throw hostErrors.nameTaken(p.name);

  // 1. the data, on new hidden sheets
  const batcher = new Batcher(ctx, env, o.signal);
  const sheets: Excel.Worksheet[] = [];
  for (const name of temps) {
    await batcher.room(3 * CALL_BYTES);
    const ws = worksheets.add(name);
    ws.visibility = "Hidden"; // nothing half-written is ever visible
    ws.load("id");
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
  const layoutEnv = (onRows?: (n: number) => void): LayoutEnv => ({
    batcher,
    support: env.support,
    date1904: date1904 ?? false,
    requestBudget: env.requestBudget,
    listsSheetName: listsAt >= 0 ? temps[listsAt] : LISTS_SHEET,
    onRows,
  });
  let done = 0;
  for (let i = 0; i < plans.length; i++) {
    const stage = fill(HOST_STAGES.writeSheet, { sheet: plans[i].name });
    progress(o, stage, done, total);
    await layoutData(
      sheets[i],
      plans[i],
      layoutEnv((n) => {
        done += n;
        progress(o, stage, done, total);
      }),
    );
  }
  await batcher.flush();
  for (const ws of sheets) w.newIds.add(ws.id);

  // 2. decorations and charts, best-effort (charts last: a chart may draw from a later sheet)
  for (let i = 0; i < plans.length; i++)
    for (const d of DECORATIONS) {
      if (!d.wanted(plans[i], env.support)) continue;
      await bestEffort(
        batcher,
        () => d.queue(sheets[i], plans[i], layoutEnv()),
        () => noteFailed(o, plans[i].name, d.part),
      );
    }
  for (let i = 0; i < plans.length; i++) {
    if (!charts[i].length) continue;
    const only = charts.map((c, j) => (j === i ? c : []));
    await bestEffort(
      batcher,
      () => addCharts(sheets, only, { batcher, support: env.support }),
      () => noteFailed(o, plans[i].name, "charts"),
    );
  }
  throwIfCancelled(o.signal);

  // 3. the swap: one check that no sheet took a result sheet's name meanwhile, then one sync
  worksheets.load(`${SHEET_PROPS},items/position`);
  await ctx.sync();
  const now = worksheets.items;
  const oldIds = new Set(old.map((ws) => ws.id));
  for (const p of plans) {
    const other = now.find((ws) => sheetKey(ws.name) === sheetKey(p.name) && !oldIds.has(ws.id));
    if (other) throw hostErrors.nameTaken(p.name);
  }
  old.forEach((ws, i) => {
    const name = backupName(layout.token, ws.name, i);
    w.backups.set(ws.id, ws.name);
    if (ws.visibility === "VeryHidden") ws.visibility = "Hidden"; // deletable later
    ws.name = name;
  });
  sheets.forEach((ws, i) => {
    if (!plans[i].hidden) ws.visibility = "Visible";
    ws.name = plans[i].name;
  });
  const byName = new Map(old.map((ws) => [sheetKey(w.backups.get(ws.id)!), ws.id]));
  const pairs = plans.flatMap((p, i) => {
    const oldId = byName.get(sheetKey(p.name));
    return oldId ? [{ id: sheets[i].id, before: oldId }] : [];
  });
  for (const m of positionMoves(
    now.map((ws) => ws.id),
    pairs,
  ))
    sheets.find((ws) => ws.id === m.id)!.position = m.position;
  await ctx.sync();
}

/** Step 5: after the swap, nothing is rolled back; what fails is a note. */
async function finishSwap(run: ExcelRun, env: BatchEnv, plans: SheetPlan[], w: Written, o: RunOptions) {
  const frozen = plans.filter((p) => FREEZE.wanted(p, env.support));
  if (frozen.length)
    await run(async (ctx) => {
      const batcher = new Batcher(ctx, env, undefined);
      for (const p of frozen) {
        const ws = ctx.workbook.worksheets.getItem(p.name);
        const layoutEnv: LayoutEnv = {
          batcher,
          support: env.support,
          date1904: false,
          requestBudget: env.requestBudget,
          listsSheetName: LISTS_SHEET,
        };
        await bestEffort(
          batcher,
          () => FREEZE.queue(ws, p, layoutEnv),
          () => noteFailed(o, p.name, "freeze"),
        );
      }
    }).catch(() => frozen.forEach((p) => noteFailed(o, p.name, "freeze")));
  if (!w.backups.size) return;
  const dropBackups = () =>
    run(async (ctx) => {
      const worksheets = ctx.workbook.worksheets;
      worksheets.load(SHEET_PROPS);
      await ctx.sync();
      const found = worksheets.items.filter((ws) => w.backups.has(ws.id));
      for (const ws of found) ws.delete();
      if (found.length) await ctx.sync();
    });
  try {
    await dropBackups();
  } catch {
    try {
      await dropBackups();
    } catch {
      o.onNote?.(fill(WRITE_NOTES.backupsLeft, { names: listOf([...w.backups.values()]) }));
    }
  }
}

/** LedgerHost.writeSheets on Excel; see the module comment for the protocol. */
export async function writeSheetsOffice(
  run: ExcelRun,
  env: BatchEnv,
  models: SheetModel[],
  o: WriteOptions,
): Promise<void> {
  const { sheets: plans } = planWorkbook(models);
  throwIfCancelled(o.signal);
  const token = Math.random().toString(36).slice(2, 8).padEnd(6, "0");
  const layout: Layout = {
    plans,
    charts: resolveCharts(plans),
    temps: plans.map((_, i) => `${TEMP_SHEET_PREFIX}${token}_${i + 1}`),
    token,
  };
  const w: Written = { touched: false, newIds: new Set(), backups: new Map() };
  try {
    await run((ctx) => writeInto(ctx, env, layout, w, o));
  } catch (e) {
    if (w.touched) await rollBack(run, w, layout.temps, e);
    throw explainExcelError(e);
  }
  progress(o, HOST_STAGES.written, 1, 1);
  await finishSwap(run, env, plans, w, o);
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
