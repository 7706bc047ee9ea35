// 标记问题单元格 / 清除标记 on Excel. Before a cell is filled, its original fill (colour, or none;
// pattern and tints on ExcelApi 1.9+) is read and saved — in memory and in the very hidden
// `_PL_highlights` sheet, written before the fills change — and clearing restores exactly that.
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
import { HOST_STAGES } from "../../i18n/host";

const FILL_PROPS_19 = "color,pattern,patternColor,tintAndShade,patternTintAndShade";
/** Gradients cannot be set back through the API; their first colour is restored as a solid fill. */
const GRADIENTS = new Set(["LinearGradient", "RectangularGradient"]);

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

async function loadSheets(ctx: Excel.RequestContext): Promise<Map<string, Excel.Worksheet>> {
  const worksheets = ctx.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await ctx.sync();
  return new Map(worksheets.items.map((ws) => [ws.name, ws]));
}

async function loadStore(
  ctx: Excel.RequestContext,
  store: Excel.Worksheet | undefined,
): Promise<HighlightEntry[]> {
  if (!store) return [];
  const used = store.getUsedRange();
  used.load("values");
  await ctx.sync();
  return decodeEntries(used.values);
}

export class OfficeHighlights {
  /** Entries by entryKey — the cache of what the store sheet holds. */
  private memory = new Map<string, HighlightEntry>();
  constructor(
    private run: ExcelRun,
    private env: () => BatchEnv,
  ) {}

  async highlight(refs: CellRef[], color: string, o: RunOptions = {}): Promise<void> {
    const env = this.env();
    await this.run(async (ctx) => {
      const sheets = await loadSheets(ctx);
      const store = sheets.get(HIGHLIGHTS_SHEET);
      const all = mergeEntries(this.memory, await loadStore(ctx, store));
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
      for (const x of fresh) {
        await batcher.room(CALL_BYTES);
        const fill = x.ws.getRange(x.cell).format.fill;
        fill.load(props);
        fills.push(fill);
      }
      await batcher.flush();
      fresh.forEach((x, i) => {
        const e: HighlightEntry = {
          sheet: x.ref.sheet,
          cell: x.cell,
          fill: fillStateOf(fills[i], env.support),
        };
        all.set(entryKey(e.sheet, e.cell), e);
      });

      // 2. the memory, saved before any fill changes
      let target = store;
      if (!target) {
        await batcher.room(2 * CALL_BYTES);
        target = ctx.workbook.worksheets.add(HIGHLIGHTS_SHEET);
        target.visibility = "VeryHidden";
      }
      const rows = encodeEntries(all.values());
      for (let i = 0; i < rows.length;) {
        let j = i;
        let bytes = 0;
        while (j < rows.length && (j === i || bytes < env.requestBudget / 2))
          bytes += rowBytes(rows[j++], ["@", "@", "@"]);
        await batcher.room(bytes + 2 * CALL_BYTES);
        const range = target.getRange(`A${i + 1}:C${j}`);
        range.numberFormat = rows.slice(i, j).map(() => ["@", "@", "@"]);
        range.values = rows.slice(i, j);
        i = j;
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
  }

  async clear(o: RunOptions = {}): Promise<void> {
    const env = this.env();
    await this.run(async (ctx) => {
      const sheets = await loadSheets(ctx);
      const store = sheets.get(HIGHLIGHTS_SHEET);
      const all = mergeEntries(this.memory, await loadStore(ctx, store));
      const total = all.size;
      progress(o, HOST_STAGES.clearHighlights, 0, total);
      const batcher = new Batcher(ctx, env, o.signal);
      let done = 0;
      for (const e of all.values()) {
        const ws = sheets.get(e.sheet);
        if (!ws) continue; // the sheet was deleted or renamed since: nothing to restore there
        await batcher.room(5 * CALL_BYTES);
        restoreFill(ws.getRange(e.cell).format.fill, e.fill, env.support);
        if (++done % 500 === 0) progress(o, HOST_STAGES.clearHighlights, done, total);
      }
      if (store) {
        await batcher.room(2 * CALL_BYTES);
        store.visibility = "Hidden"; // a very hidden sheet cannot be deleted
        store.delete();
      }
      await batcher.flush();
      this.memory = new Map();
      progress(o, HOST_STAGES.clearHighlights, total, total);
    });
  }
}
