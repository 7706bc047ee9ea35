// Reading the workbook into Grids with a bounded number of syncs: one for the sheet list, names and
// date system, one for every sheet's used range (and merged areas, formula cells), one to find where
// a tall sheet's content is, then the cells in blocks of about READ_CELL_BUDGET cells — several sheets
// share a sync, and no sheet costs a sync per row.
//
// A used range is not loaded blindly (ledger-format §1.4): one typed cell at row 1,048,576 makes it a
// million rows tall. A sheet taller than STRIP_ROWS is cut into STRIPS strips and only each strip's own
// used range is read, so a stray cell costs one row, not a million.
import {
  a1,
  parseA1,
  type CellRange,
  type CellValue,
  type FormulaMark,
  type Grid,
  type Workbook,
} from "../../engine/grid";
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
/** A used range taller than this is read where its content is, strip by strip. */
export const STRIP_ROWS = 4096;
const STRIPS = 64;

/** A rectangle of cells to read (0-based). */
interface Box {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

interface SheetRead {
  name: string;
  hidden: boolean;
  ws: Excel.Worksheet;
  used: Excel.Range;
  merged?: Excel.RangeAreas;
  /** Formula cells (ExcelApi 1.9): a formula showing blank or 0 below the data is not data (§1.4). */
  formulas?: Excel.RangeAreas;
  grid: Grid;
  /** Where the content is: the used range, or the used ranges of its strips. */
  boxes: Box[];
}

interface Block {
  sheet: SheetRead;
  box: Box;
  top: number;
  rows: number;
}

const blockCells = (b: Block) => b.rows * b.box.cols;

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
function fillBlock(s: SheetRead, left: number, top: number, values: unknown[][], formats: unknown[][]): void {
  const { grid } = s;
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
    const { sheet, box } = b;
    const r = sheet.ws.getRange(`${a1(b.top, box.left)}:${a1(b.top + b.rows - 1, box.left + box.cols - 1)}`);
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
    fillBlock(b.sheet, b.box.left, b.top, values, formats);
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

const boxOf = (r: Excel.Range): Box => ({
  top: r.rowIndex,
  left: r.columnIndex,
  rows: r.rowCount,
  cols: r.columnCount,
});

/**
 * The content boxes of every sheet taller than STRIP_ROWS, in one sync: each strip's own used range
 * (values only). Shorter sheets, and hosts without Range.getUsedRangeOrNullObject, keep their used range.
 */
async function findContent(ctx: Excel.RequestContext, sheets: SheetRead[], minor: number): Promise<void> {
  const probes: { sheet: SheetRead; strip: Excel.Range }[] = [];
  for (const s of sheets) {
    const used = s.boxes[0];
    if (!used || used.rows <= STRIP_ROWS || minor < SET.nullObjects) continue;
    const height = Math.ceil(used.rows / STRIPS);
    for (let top = used.top; top < used.top + used.rows; top += height) {
      const bottom = Math.min(top + height, used.top + used.rows) - 1;
      const range = s.ws.getRange(`${a1(top, used.left)}:${a1(bottom, used.left + used.cols - 1)}`);
      const strip = range.getUsedRangeOrNullObject(true);
      strip.load("rowIndex,columnIndex,rowCount,columnCount");
      probes.push({ sheet: s, strip });
    }
  }
  if (!probes.length) return;
  await ctx.sync();
  const probed = new Set(probes.map((p) => p.sheet));
  for (const s of probed) s.boxes = [];
  for (const p of probes) if (!p.strip.isNullObject) p.sheet.boxes.push(boxOf(p.strip));
}

/** Formula cells inside the rows that were read are marked (their values are the cached results). */
function markFormulas(s: SheetRead): void {
  if (!s.formulas || s.formulas.isNullObject) return;
  const { grid } = s;
  for (const area of parseAreas(s.formulas.address)) {
    const bottom = Math.min(area.bottom, grid.rows.length - 1);
    for (let r = area.top; r <= bottom; r++) {
      const row = grid.rows[r];
      if (!row) continue;
      const right = Math.min(area.right, row.length - 1);
      if (right < area.left) continue;
      const marks = ((grid.formulas ??= [])[r] ??= []);
      for (let c = area.left; c <= right; c++) marks[c] = "cached" satisfies FormulaMark;
    }
  }
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
      let formulas: Excel.RangeAreas | undefined;
      if (support.minor >= SET.specialCells) {
        formulas = ws.getRange().getSpecialCellsOrNullObject("Formulas");
        formulas.load("address");
      }
      const grid: Grid = { name: ws.name, rows: [], merges: [] };
      if (ws.visibility !== "Visible") grid.hidden = true;
      return { name: ws.name, hidden: grid.hidden === true, ws, used, merged, formulas, grid, boxes: [] };
    });
  await ctx.sync();
  await afterSync();

  for (const s of sheets) {
    if (s.merged && !s.merged.isNullObject) s.grid.merges = parseAreas(s.merged.address);
    if (support.minor >= SET.nullObjects && s.used.isNullObject) continue;
    s.boxes = [boxOf(s.used)];
  }
  await findContent(ctx, sheets, support.minor);
  if (sheets.some((s) => s.boxes.length && s.boxes[0].rows > STRIP_ROWS)) await afterSync();

  const blocks: Block[] = [];
  let totalRows = 0;
  for (const s of sheets) {
    // refuse before any values are requested: Excel would fail or return null for the whole sheet
    if (s.boxes.reduce((n, b) => n + b.rows * b.cols, 0) > MAX_READ_CELLS)
      throw hostErrors.tooManyCells(s.name);
    for (const box of s.boxes) {
      const step = Math.max(1, Math.floor(env.readCellBudget / box.cols));
      for (let top = box.top; top < box.top + box.rows; top += step)
        blocks.push({ sheet: s, box, top, rows: Math.min(step, box.top + box.rows - top) });
      totalRows += box.rows;
    }
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
  for (const s of sheets) markFormulas(s);

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
