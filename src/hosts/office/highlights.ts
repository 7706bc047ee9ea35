// 标记问题单元格 / 清除标记 on Excel. Before a cell is filled, its original fill (colour, or none;
// pattern and tints on ExcelApi 1.9+) is read and saved — in memory and in the very hidden
// `_PL_highlights` sheet, written before the fills change — and clearing restores exactly that.
//
// Both are all or nothing: protected sheets are detected before anything changes, and when a sync
// fails half-way (or the run is cancelled), a fresh batch puts back what was there before — the
// fills as they were and the memory sheet as it was (or no memory sheet). With a protected workbook
// structure no memory sheet can be added: the fills are remembered in the pane only, with a note.
import { parseA1 } from "../../engine/grid";
import type { CellRef, RunOptions } from "../host";
import { progress } from "../common/progress";
import { Batcher, CALL_BYTES, rowBytes, type BatchEnv } from "./batching";
import { hostErrors } from "../common/errors";
import type { ExcelRun } from "./excel-run";
import {
  decodeEntries,
  encodeEntries,
  entryKey,
  mergeEntries,
  type FillState,
  type HighlightEntry,
} from "../common/highlight-store";
import { HIGHLIGHTS_SHEET } from "../common/internal-sheets";
import { SET, type ExcelSupport } from "./support";
import { HOST_STAGES, WRITE_NOTES } from "../../i18n/host";

const FILL_PROPS_19 = "color,pattern,patternColor,tintAndShade,patternTintAndShade";
/** Gradients cannot be set back through the API; their first colour is restored as a solid fill. */
const GRADIENTS = new Set(["LinearGradient", "RectangularGradient"]);
const STORE_FORMATS = ["@", "@", "@"];

function fillStateOf(f: Excel.RangeFill, support: ExcelSupport): FillState {
  if (support.minor >= SET.fillPattern) {
    if (f.pattern === "None") return { color: null };
    const s: FillState = { color: f.color, pattern: f.pattern };
    if (f.pattern !== "Solid" && !GRADIENTS.has(f.pattern)) s.patternColor = f.patternColor;
    if (f.tintAndShade) s.tint = f.tintAndShade;
    if (f.patternTintAndShade) s.patternTint = f.patternTintAndShade;
    return s;
  }
  // Before 1.9 a cell without fill reports white: "white" is taken as "no fill" (noted in capabilities)
  return !f.color || f.color.toUpperCase() === "#FFFFFF" ? { color: null } : { color: f.color };
}

function restoreFill(f: Excel.RangeFill, s: FillState, support: ExcelSupport): void {
  if (s.color === null) {
    f.clear();
    return;
  }
  f.color = s.color;
  if (support.minor < SET.fillPattern) return;
  if (s.pattern && s.pattern !== "Solid" && !GRADIENTS.has(s.pattern)) {
    f.pattern = s.pattern as Excel.FillPattern;
    if (s.patternColor) f.patternColor = s.patternColor;
  }
  if (s.tint) f.tintAndShade = s.tint;
  if (s.patternTint) f.patternTintAndShade = s.patternTint;
}

interface Loaded {
  sheets: Map<string, Excel.Worksheet>;
  store: Excel.Worksheet | undefined;
  /** The store sheet's rows as read (empty without a store). */
  rows: unknown[][];
  structureProtected: boolean;
}

/** Sheets and workbook protection (one sync), then the store (one more). */
async function loadAll(ctx: Excel.RequestContext, support: ExcelSupport): Promise<Loaded> {
  const worksheets = ctx.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const wbProtection = support.minor >= SET.workbookProtection ? ctx.workbook.protection : undefined;
  wbProtection?.load("protected");
  await ctx.sync();
  const sheets = new Map(worksheets.items.map((ws) => [ws.name, ws]));
  const store = sheets.get(HIGHLIGHTS_SHEET);
  const used = store?.getUsedRange();
  used?.load("values");
  if (used) await ctx.sync();
  return { sheets, store, rows: used?.values ?? [], structureProtected: !!wbProtection?.protected };
}

/**
 * Queues the protection of the named sheets (ExcelApi 1.2) with the next sync; the returned check,
 * called after it, throws for the first protected one — before any fill changes.
 */
function queueProtectionCheck(
  sheets: Map<string, Excel.Worksheet>,
  names: Iterable<string>,
  support: ExcelSupport,
): () => void {
  if (support.minor < SET.sheetProtection) return () => {};
  const loaded = [...new Set(names)].flatMap((name) => {
    const ws = sheets.get(name);
    return ws ? [[name, ws.protection.load("protected")] as const] : [];
  });
  return () => {
    const locked = loaded.find(([, p]) => p.protected);
    if (locked) throw hostErrors.sheetProtected(locked[0]);
  };
}

/** Queues the store's rows (chunked by size); rows beyond them, up to `clearTo`, are blanked. */
async function queueStoreRows(
  batcher: Batcher,
  store: Excel.Worksheet,
  rows: string[][],
  clearTo: number,
  budget: number,
): Promise<void> {
  const all = rows.concat(Array.from({ length: Math.max(0, clearTo - rows.length) }, () => ["", "", ""]));
  for (let i = 0; i < all.length;) {
    let j = i;
    let bytes = 0;
    while (j < all.length && (j === i || bytes < budget / 2)) bytes += rowBytes(all[j++], STORE_FORMATS);
    await batcher.room(bytes + 2 * CALL_BYTES);
    const range = store.getRange(`A${i + 1}:C${j}`);
    range.numberFormat = all.slice(i, j).map(() => STORE_FORMATS);
    range.values = all.slice(i, j);
    i = j;
  }
}

/** The state to go back to after a failure: fills per cell, and the store as it was. */
interface Undo {
  fills: { sheet: string; cell: string; fill: FillState }[];
  /** The store's rows before (undefined: there was no store). */
  storeRows: string[][] | undefined;
  /** How many rows the store may now have. */
  storeRowsNow: number;
}

export class OfficeHighlights {
  /** Entries by entryKey — the cache of what the store sheet holds. */
  private memory = new Map<string, HighlightEntry>();
  constructor(
    private run: ExcelRun,
    private env: () => BatchEnv,
  ) {}

  /** Runs a batch that changes fills and the store; on failure a fresh batch restores `undo`. */
  private async guarded(work: (ctx: Excel.RequestContext, undo: Undo[]) => Promise<void>): Promise<void> {
    const undo: Undo[] = [];
    try {
      await this.run((ctx) => work(ctx, undo));
    } catch (e) {
      if (undo.length)
        await this.restore(undo[0]).catch(() => {
          const names = new Set([...undo[0].fills.map((x) => x.sheet), HIGHLIGHTS_SHEET]);
          throw hostErrors.cleanupFailed([...names], e);
        });
      throw e;
    }
  }

  private async restore(u: Undo): Promise<void> {
    const env = this.env();
    await this.run(async (ctx) => {
      const worksheets = ctx.workbook.worksheets;
      worksheets.load("items/name,items/visibility");
      await ctx.sync();
      const sheets = new Map(worksheets.items.map((ws) => [ws.name, ws]));
      const batcher = new Batcher(ctx, env, undefined);
      for (const x of u.fills) {
        const ws = sheets.get(x.sheet);
        if (!ws) continue;
        await batcher.room(5 * CALL_BYTES);
        restoreFill(ws.getRange(x.cell).format.fill, x.fill, env.support);
      }
      const store = sheets.get(HIGHLIGHTS_SHEET);
      if (store && u.storeRows === undefined) {
        await batcher.room(2 * CALL_BYTES);
        store.visibility = "Hidden"; // a very hidden sheet cannot be deleted
        store.delete();
      } else if (u.storeRows !== undefined) {
        let target = store;
        if (!target) target = ctx.workbook.worksheets.add(HIGHLIGHTS_SHEET);
        if (target.visibility !== "VeryHidden") target.visibility = "VeryHidden"; // hidden to be deleted
        await queueStoreRows(batcher, target, u.storeRows, u.storeRowsNow, env.requestBudget);
      }
      await batcher.flush();
    });
  }

  async highlight(refs: CellRef[], color: string, o: RunOptions = {}): Promise<void> {
    const env = this.env();
    let inPaneOnly = false;
    await this.guarded(async (ctx, undo) => {
      const wb = await loadAll(ctx, env.support);
      const { sheets, store } = wb;
      const all = mergeEntries(this.memory, decodeEntries(wb.rows));
      await env.yieldToUi();

      // cells not highlighted yet (a cell highlighted twice keeps its first original fill)
      const fresh: { ref: CellRef; cell: string; ws: Excel.Worksheet }[] = [];
      const seen = new Set<string>();
      for (const ref of refs) {
        const ws = sheets.get(ref.sheet);
        if (!ws) throw hostErrors.sheetMissing(ref.sheet);
        const cell = ref.cell.toUpperCase().replace(/\$/g, "");
        try {
          parseA1(cell);
        } catch {
          throw hostErrors.badCell(ref.cell);
        }
        const k = entryKey(ref.sheet, cell);
        if (all.has(k) || seen.has(k)) continue;
        seen.add(k);
        fresh.push({ ref, cell, ws });
      }
      const total = fresh.length;
      progress(o, HOST_STAGES.highlight, 0, total);
      if (!total) return;

      // 1. the original fills
      const batcher = new Batcher(ctx, env, o.signal);
      const props = env.support.minor >= SET.fillPattern ? FILL_PROPS_19 : "color";
      const fills: Excel.RangeFill[] = [];
      const checkProtection = queueProtectionCheck(
        sheets,
        fresh.map((x) => x.ref.sheet),
        env.support,
      );
      for (const x of fresh) {
        await batcher.room(CALL_BYTES);
        const fill = x.ws.getRange(x.cell).format.fill;
        fill.load(props);
        fills.push(fill);
      }
      await batcher.flush();
      checkProtection();
      const originals = fresh.map((x, i) => ({
        sheet: x.ref.sheet,
        cell: x.cell,
        fill: fillStateOf(fills[i], env.support),
      }));
      for (const e of originals) all.set(entryKey(e.sheet, e.cell), e);

      // 2. the memory, saved before any fill changes (in the pane only when no sheet can be added)
      const rows = encodeEntries(all.values());
      const before = store ? encodeEntries(decodeEntries(wb.rows)) : undefined;
      undo.push({ fills: originals, storeRows: before, storeRowsNow: rows.length });
      let target = store;
      if (!target && wb.structureProtected) inPaneOnly = true;
      else {
        if (!target) {
          await batcher.room(2 * CALL_BYTES);
          target = ctx.workbook.worksheets.add(HIGHLIGHTS_SHEET);
          target.visibility = "VeryHidden";
        }
        await queueStoreRows(batcher, target, rows, wb.rows.length, env.requestBudget);
      }

      // 3. the highlights
      let done = 0;
      for (const x of fresh) {
        await batcher.room(CALL_BYTES + 12);
        x.ws.getRange(x.cell).format.fill.color = color;
        if (++done % 500 === 0) progress(o, HOST_STAGES.highlight, done, total);
      }
      await batcher.flush();
      this.memory = all;
      progress(o, HOST_STAGES.highlight, total, total);
    });
    if (inPaneOnly) o.onNote?.(WRITE_NOTES.highlightsInPane);
  }

  async clear(o: RunOptions = {}): Promise<void> {
    const env = this.env();
    await this.guarded(async (ctx, undo) => {
      const wb = await loadAll(ctx, env.support);
      const all = mergeEntries(this.memory, decodeEntries(wb.rows));
      const { sheets, store } = wb;
      const entries = [...all.values()].filter((e) => sheets.has(e.sheet));
      const total = all.size;
      progress(o, HOST_STAGES.clearHighlights, 0, total);

      // the fills as they are now (highlighted), to put back if the clearing fails half-way
      const batcher = new Batcher(ctx, env, o.signal);
      const props = env.support.minor >= SET.fillPattern ? FILL_PROPS_19 : "color";
      const now: Excel.RangeFill[] = [];
      const checkProtection = queueProtectionCheck(
        sheets,
        entries.map((e) => e.sheet),
        env.support,
      );
      for (const e of entries) {
        await batcher.room(CALL_BYTES);
        const f = sheets.get(e.sheet)!.getRange(e.cell).format.fill;
        f.load(props);
        now.push(f);
      }
      await batcher.flush();
      checkProtection();
      const storeRows = store ? encodeEntries(decodeEntries(wb.rows)) : undefined;
      undo.push({
        fills: entries.map((e, i) => ({
          sheet: e.sheet,
          cell: e.cell,
          fill: fillStateOf(now[i], env.support),
        })),
        storeRows,
        storeRowsNow: wb.rows.length,
      });

      let done = 0;
      for (const e of entries) {
        await batcher.room(5 * CALL_BYTES);
        restoreFill(sheets.get(e.sheet)!.getRange(e.cell).format.fill, e.fill, env.support);
        if (++done % 500 === 0) progress(o, HOST_STAGES.clearHighlights, done, total);
      }
      await batcher.flush();
      if (store) {
        // the memory goes last, in a sync of its own: until then a failure can still undo the fills
        await batcher.room(2 * CALL_BYTES);
        if (wb.structureProtected)
          await queueStoreRows(batcher, store, [], wb.rows.length, env.requestBudget);
        else {
          store.visibility = "Hidden"; // a very hidden sheet cannot be deleted
          store.delete();
        }
        await batcher.flush();
      }
      this.memory = new Map();
      progress(o, HOST_STAGES.clearHighlights, total, total);
    });
  }
}
