// Reading the workbook into Grids with a bounded number of syncs: one for the sheet list, names and
// date system, one for every sheet's used range (and merged areas), then the cells in blocks of about
// READ_CELL_BUDGET cells — several sheets share a sync, and no sheet costs a sync per row.
import { a1, parseA1, type CellRange, type CellValue, type Grid, type Workbook } from "../../engine/grid";
import { throwIfCancelled, type RunOptions } from "../host";
import { progress } from "../common/progress";
import type { BatchEnv } from "./batching";
import { isDateFormat } from "../common/cell-format";
import { date1904FromTexts, queueDateSystemProbe } from "./date-system";
import { hostErrors } from "../common/errors";
import { isInternalSheet } from "../common/internal-sheets";
import { SET } from "./support";
import { HOST_STAGES } from "../../i18n/host";
import { fill } from "../../i18n/text";

/** Excel refuses (or silently nulls) a single range read over this many cells (office-js #4783). */
export const MAX_READ_CELLS = 5_000_000;

interface SheetRead {
  name: string;
  hidden: boolean;
  ws: Excel.Worksheet;
  used: Excel.Range;
  merged?: Excel.RangeAreas;
  grid: Grid;
  /** Used range (0-based), undefined for a blank sheet. */
  top: number;
  left: number;
  rows: number;
  cols: number;
}

interface Block {
  sheet: SheetRead;
  top: number;
  rows: number;
}

const blockCells = (b: Block) => b.rows * b.sheet.cols;

function errorCode(e: unknown): unknown {
  return (e as { code?: unknown } | null)?.code;
}

/** `'Sheet 1'!A1:C1,'Sheet 1'!A5:B5` → rectangles (the sheet part is skipped). */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  const re = /!(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?(?=,|$)/g;
  for (const m of address.matchAll(re)) {
    const p = parseA1(m[1].replace(/\$/g, ""));
    const q = m[2] ? parseA1(m[2].replace(/\$/g, "")) : p;
    out.push({
      top: Math.min(p.row, q.row),
      left: Math.min(p.col, q.col),
      bottom: Math.max(p.row, q.row),
      right: Math.max(p.col, q.col),
    });
  }
  return out;
}

function toCell(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

/** Copies one block of values/number formats into the Grid (rows are not padded past their last value). */
function fillBlock(s: SheetRead, top: number, values: unknown[][], formats: unknown[][]): void {
  const { grid, left } = s;
  for (let i = 0; i < values.length; i++) {
    const src = values[i];
    let last = src.length - 1;
    while (last >= 0 && toCell(src[last]) === null) last--;
    if (last < 0) continue;
    const r = top + i;
    const row: CellValue[] = new Array<CellValue>(left + last + 1).fill(null);
    let fmtRow: (string | undefined)[] | undefined;
    for (let j = 0; j <= last; j++) {
      const v = toCell(src[j]);
      row[left + j] = v;
      if (typeof v === "number") {
        const f = formats[i]?.[j];
        if (typeof f === "string" && f !== "" && f.toLowerCase() !== "general") {
          fmtRow ??= [];
          fmtRow[left + j] = f;
        }
      }
    }
    grid.rows[r] = row;
    if (fmtRow) (grid.formats ??= [])[r] = fmtRow;
  }
}

/** Splits a batch that made too large a response: into halves of blocks, or one block into halves. */
function split(blocks: Block[]): Block[][] | undefined {
  if (blocks.length > 1) {
    const h = Math.ceil(blocks.length / 2);
    return [blocks.slice(0, h), blocks.slice(h)];
  }
  const b = blocks[0];
  if (!b || b.rows < 2) return undefined;
  const h = Math.ceil(b.rows / 2);
  return [[{ ...b, rows: h }], [{ ...b, top: b.top + h, rows: b.rows - h }]];
}

async function readBlocks(ctx: Excel.RequestContext, blocks: Block[]): Promise<void> {
  const ranges = blocks.map((b) => {
    const { sheet } = b;
    const r = sheet.ws.getRange(
      `${a1(b.top, sheet.left)}:${a1(b.top + b.rows - 1, sheet.left + sheet.cols - 1)}`,
    );
    r.load("values,numberFormat");
    return r;
  });
  try {
    await ctx.sync();
  } catch (e) {
    // Text-heavy sheets can make more than 5 MB of response: read the same cells in smaller pieces.
    const parts = errorCode(e) === "ResponsePayloadSizeLimitExceeded" ? split(blocks) : undefined;
    if (!parts) throw e;
    for (const p of parts) await readBlocks(ctx, p);
    return;
  }
  blocks.forEach((b, i) => {
    const values = ranges[i].values as unknown[][] | null;
    const formats = ranges[i].numberFormat as unknown[][] | null;
    if (!values || !formats) throw hostErrors.unreadable(b.sheet.name);
    fillBlock(b.sheet, b.top, values, formats);
  });
}

/** Fallback date-system detection (no worksheet functions): a few date cells' displayed text. */
async function date1904FromCells(
  ctx: Excel.RequestContext,
  sheets: SheetRead[],
): Promise<boolean | undefined> {
  const samples: { serial: number; range: Excel.Range }[] = [];
  for (const s of sheets) {
    const formats = s.grid.formats ?? [];
    for (let r = 0; r < formats.length && samples.length < 5; r++) {
      const row = formats[r];
      if (!row) continue;
      for (let c = 0; c < row.length && samples.length < 5; c++) {
        const v = s.grid.rows[r]?.[c];
        if (typeof v !== "number" || !isDateFormat(row[c])) continue;
        const range = s.ws.getRange(a1(r, c));
        range.load("text");
        samples.push({ serial: v, range });
      }
    }
  }
  if (!samples.length) return undefined;
  await ctx.sync();
  return date1904FromTexts(samples.map((x) => ({ serial: x.serial, text: String(x.range.text[0][0]) })));
}

function definedNameText(n: Excel.NamedItem, withFormula: boolean): string {
  if (n.type === "String") return String(n.value);
  const f = withFormula ? n.formula : undefined;
  if (typeof f === "string") return f.startsWith("=") ? f.slice(1) : f;
  return String(n.value);
}

export async function readWorkbookOffice(
  ctx: Excel.RequestContext,
  env: BatchEnv,
  o: RunOptions = {},
): Promise<Workbook> {
  const { support } = env;
  const afterSync = async () => {
    await env.yieldToUi();
    throwIfCancelled(o.signal);
  };
  throwIfCancelled(o.signal);
  progress(o, HOST_STAGES.read, 0, 1);

  // 1: sheets, defined names, date system
  const worksheets = ctx.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const names = ctx.workbook.names;
  const withFormula = support.minor >= SET.namedItemFormula;
  names.load(
    withFormula ? "items/name,items/type,items/value,items/formula" : "items/name,items/type,items/value",
  );
  const probe = queueDateSystemProbe(ctx, support);
  await ctx.sync();
  await afterSync();

  // 2: used ranges (values only: formatted blank cells do not count) and merged areas
  const sheets: SheetRead[] = worksheets.items
    .filter((ws) => !isInternalSheet(ws.name))
    .map((ws) => {
      const used =
        support.minor >= SET.nullObjects
          ? ws.getUsedRangeOrNullObject(true)
          : support.minor >= SET.functions
            ? ws.getUsedRange(true)
            : ws.getUsedRange();
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      let merged: Excel.RangeAreas | undefined;
      if (support.minor >= SET.mergedAreas) {
        merged = ws.getRange().getMergedAreasOrNullObject();
        merged.load("address");
      }
      const grid: Grid = { name: ws.name, rows: [], merges: [] };
      if (ws.visibility !== "Visible") grid.hidden = true;
      return {
        name: ws.name,
        hidden: grid.hidden === true,
        ws,
        used,
        merged,
        grid,
        top: 0,
        left: 0,
        rows: 0,
        cols: 0,
      };
    });
  await ctx.sync();
  await afterSync();

  const blocks: Block[] = [];
  let totalRows = 0;
  for (const s of sheets) {
    if (s.merged && !s.merged.isNullObject) s.grid.merges = parseAreas(s.merged.address);
    if (support.minor >= SET.nullObjects && s.used.isNullObject) continue;
    s.top = s.used.rowIndex;
    s.left = s.used.columnIndex;
    s.rows = s.used.rowCount;
    s.cols = s.used.columnCount;
    // refuse before any values are requested: Excel would fail or return null for the whole sheet
    if (s.rows * s.cols > MAX_READ_CELLS) throw hostErrors.tooManyCells(s.name);
    const step = Math.max(1, Math.floor(env.readCellBudget / s.cols));
    for (let top = s.top; top < s.top + s.rows; top += step)
      blocks.push({ sheet: s, top, rows: Math.min(step, s.top + s.rows - top) });
    totalRows += s.rows;
  }

  // 3…: the cells, several blocks per sync up to the cell budget
  let done = 0;
  let batch: Block[] = [];
  let cells = 0;
  const flush = async () => {
    progress(o, fill(HOST_STAGES.readSheet, { sheet: batch[batch.length - 1].sheet.name }), done, totalRows);
    await readBlocks(ctx, batch);
    for (const b of batch) done += b.rows;
    batch = [];
    cells = 0;
    await afterSync();
  };
  for (const b of blocks) {
    if (batch.length && cells + blockCells(b) > env.readCellBudget) await flush();
    batch.push(b);
    cells += blockCells(b);
  }
  if (batch.length) await flush();

  let date1904 = probe.result();
  if (date1904 === undefined) date1904 = (await date1904FromCells(ctx, sheets)) ?? false;

  const wb: Workbook = { date1904, sheets: sheets.map((s) => s.grid) };
  const defined: Record<string, string> = {};
  for (const n of names.items) {
    if (n.name.startsWith("_xlnm.")) continue;
    defined[n.name] = definedNameText(n, withFormula);
  }
  if (Object.keys(defined).length) wb.definedNames = defined;
  progress(o, HOST_STAGES.read, totalRows, totalRows);
  return wb;
}
