// A workbook's Grids in parts, one sheet's head and then its rows a few thousand cells at a time: the
// worker sends a read workbook to the pane this way, and the pane sends one it read through Office.js
// to the worker; result sheets built in the worker for Excel come back the same way. Each part is a
// short task to post and to receive (a structured clone of the whole district's 1.8 M cells blocks
// the thread that receives it for a second: issue 12).
import type { Grid } from "../../engine/grid";
import type { SheetModel } from "../../report/sheet-model";
import type { GridPart, ModelPart } from "./check-protocol";

/** Cells per "rows" part: the district's 1.8 M cells in ~100 parts of a few ms each to receive. */
const CELLS_PER_PART = 20_000;

/** A sheet as one "sheet" part (no rows) and its rows in parts. */
export function sheetParts(index: number, grid: Grid, cellsPerPart = CELLS_PER_PART): GridPart[] {
  const { rows, formats, formulas, ...head } = grid;
  const empty: Grid = { ...head, rows: [] };
  if (formats) empty.formats = [];
  if (formulas) empty.formulas = [];
  const out: GridPart[] = [{ kind: "sheet", index, grid: empty }];
  for (const [from, to] of slices(rows, cellsPerPart)) {
    const part: GridPart = { kind: "rows", index, from, rows: rows.slice(from, to) };
    if (formats) part.formats = formats.slice(from, to);
    if (formulas) part.formulas = formulas.slice(from, to);
    out.push(part);
  }
  return out;
}

/** A result sheet as one "model" part (no rows) and its rows in parts. */
export function modelParts(index: number, model: SheetModel, cellsPerPart = CELLS_PER_PART): ModelPart[] {
  const { rows, ...head } = model;
  const out: ModelPart[] = [{ kind: "model", index, model: { ...head, rows: [] } }];
  for (const [from, to] of slices(rows, cellsPerPart))
    out.push({ kind: "modelRows", index, from, rows: rows.slice(from, to) });
  return out;
}

/** A result sheet's part put in place among `models`. */
export function placeModelPart(models: SheetModel[], part: ModelPart): void {
  if (part.kind === "model") models[part.index] = part.model;
  else {
    const rows = models[part.index].rows;
    for (let i = 0; i < part.rows.length; i++) rows[part.from + i] = part.rows[i];
  }
}

/** [from, to) ranges of `rows` holding about `cells` cells each (at least one row). */
function* slices(
  rows: readonly (readonly unknown[] | undefined)[],
  cells: number,
): Generator<[number, number]> {
  for (let from = 0; from < rows.length;) {
    let to = from;
    for (let n = 0; to < rows.length && (to === from || n < cells); to++) n += (rows[to]?.length ?? 0) + 1;
    yield [from, to];
    from = to;
  }
}

/** A part put in place among `sheets` (a "rows" part's positions kept: a row may be absent). */
export function placePart(sheets: Grid[], part: GridPart): void {
  if (part.kind === "sheet") sheets[part.index] = part.grid;
  else placeRows(sheets[part.index], part);
}

function placeRows(grid: Grid, part: Extract<GridPart, { kind: "rows" }>): void {
  const put = <T>(into: T[] | undefined, from: T[] | undefined) => {
    if (into && from) for (let i = 0; i < from.length; i++) into[part.from + i] = from[i];
  };
  put(grid.rows, part.rows);
  put(grid.formats, part.formats);
  put(grid.formulas, part.formulas);
}

/** Whether every one of `count` sheets (or result sheets) arrived. */
export function allArrived(sheets: readonly (object | undefined)[], count: number): boolean {
  if (sheets.length !== count) return false;
  for (let i = 0; i < count; i++) if (!sheets[i]) return false;
  return true;
}
