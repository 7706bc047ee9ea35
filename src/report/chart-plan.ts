// Chart planning, host-neutral: which sheet, rows and columns each SheetModel chart draws, its series
// names, category labels, values and axis bounds. The xlsx patcher turns a ResolvedChart into DrawingML,
// the Office host into Excel.run calls.
import { columnLetters, parseA1, type CellValue } from "../engine/grid";
import type { ChartModel } from "./sheet-model";
import { SheetModelError, sheetKey, type SheetPlan } from "./sheet-plan";

/** Series colours: the Office theme's accents, in order (what Excel picks for a new chart). */
export const PALETTE = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E"];

/** A chart with its data located: the sheets (by batch index), rows and columns it draws. */
export interface ResolvedChart {
  model: ChartModel;
  /** Index in the batch of the sheet the chart is placed on. */
  sheet: number;
  /** Index in the batch of the sheet whose rows feed the chart. */
  data: number;
  /** Plan of the data sheet. */
  dataPlan: SheetPlan;
  categoryCol: number;
  seriesCols: number[];
  /** 1-based rows of the data sheet's data rows (first ≤ last). */
  firstRow: number;
  lastRow: number;
  /** Top-left cell (0-based) and size in cells. */
  anchor: { row: number; col: number; rows: number; cols: number };
}

/**
 * The charts of each planned sheet, located in the batch. A chart whose data sheet is not written in
 * the same batch, or whose data sheet has no data rows, is left out (there is nothing to draw); a
 * chart with impossible columns or anchor is a SheetModelError.
 */
export function resolveCharts(plans: readonly SheetPlan[]): ResolvedChart[][] {
  const byName = new Map<string, number>();
  plans.forEach((p, i) => byName.set(sheetKey(p.model.name), i));
  return plans.map((plan, sheet) => {
    const out: ResolvedChart[] = [];
    for (const model of plan.model.charts ?? []) {
      const where = `chart ${JSON.stringify(model.title)} of sheet ${JSON.stringify(plan.model.name)}`;
      const data = model.dataSheet === undefined ? sheet : byName.get(sheetKey(model.dataSheet));
      let anchor: { row: number; col: number };
      try {
        anchor = parseA1(model.anchor.cell);
      } catch {
        throw new SheetModelError(`${where}: anchor ${JSON.stringify(model.anchor.cell)} is not an A1 cell`);
      }
      const size = (n: number) => (Number.isFinite(n) ? Math.max(1, Math.round(n)) : 1);
      if (data === undefined) continue;
      const dataPlan = plans[data];
      const cols = [model.categoryCol, ...model.seriesCols];
      const bad = cols.find((c) => !Number.isInteger(c) || c < 0 || c >= dataPlan.ncols);
      if (bad !== undefined || !model.seriesCols.length)
        throw new SheetModelError(
          `${where}: ${model.seriesCols.length ? `column ${bad} is not a column of ${JSON.stringify(dataPlan.model.name)}` : "no series"}`,
        );
      if (!dataPlan.model.rows.length) continue;
      out.push({
        model,
        sheet,
        data,
        dataPlan,
        categoryCol: model.categoryCol,
        seriesCols: [...model.seriesCols],
        firstRow: dataPlan.firstDataRow,
        lastRow: dataPlan.lastRow,
        anchor: { ...anchor, rows: size(model.anchor.rows), cols: size(model.anchor.cols) },
      });
    }
    return out;
  });
}

/** `'进度督查'` — sheet names in chart formulas are always quoted. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Absolute reference to rows first…last of a column of the data sheet. */
export function columnRef(rc: ResolvedChart, col: number, first = rc.firstRow, last = rc.lastRow): string {
  const c = columnLetters(col);
  const sheet = quoteSheetName(rc.dataPlan.model.name);
  return first === last ? `${sheet}!$${c}$${first}` : `${sheet}!$${c}$${first}:$${c}$${last}`;
}

/** The header text of a data column as written. */
export function seriesName(rc: ResolvedChart, col: number): string {
  return rc.dataPlan.headers[col] ?? rc.dataPlan.model.columns[col]?.header ?? "";
}

/** Category labels: the data rows' cells of the category column, as text (section rows blank). */
export function categoryTexts(rc: ResolvedChart): string[] {
  return rc.dataPlan.model.rows.map((row, i) => {
    if (rc.dataPlan.sections.has(i)) return "";
    return textOf(row[rc.categoryCol]);
  });
}

/** Series values: numbers of the data rows (anything else is a gap). */
export function seriesValues(rc: ResolvedChart, col: number): (number | null)[] {
  return rc.dataPlan.model.rows.map((row, i) => {
    const v = row[col];
    return !rc.dataPlan.sections.has(i) && typeof v === "number" && Number.isFinite(v) ? v : null;
  });
}

/**
 * Fixed bounds of the value axis: bars start at 0 when no value is negative (an honest bar chart),
 * and a percent chart of fractions (coverage rates) ends at 100%. Stacked sums are left to the reader.
 */
export function valueAxisBounds(rc: ResolvedChart): { min?: number; max?: number } {
  const values = rc.seriesCols.flatMap((col) => seriesValues(rc, col)).filter((v) => v !== null);
  const out: { min?: number; max?: number } = {};
  if (values.every((v) => v >= 0)) out.min = 0;
  if (rc.model.percent && rc.model.kind !== "columnStacked" && values.every((v) => v >= 0 && v <= 1))
    out.max = 1;
  return out;
}

function textOf(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : v ? "TRUE" : "FALSE";
}
