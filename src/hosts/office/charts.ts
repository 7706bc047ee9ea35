// The charts of result sheets (SheetModel.charts) through the Excel API, queued on the new (still
// hidden, temporarily named) sheets after every sheet's values are written — so a chart may draw
// from a sheet written later in the batch — and before the swap. A few calls per chart, never per row.
//
// ExcelApi 1.7+: the chart is built series by series (values, categories and name of each series
// set explicitly), so the category column and the series columns need not be adjacent.
// ExcelApi 1.1–1.6: a chart of one contiguous range (header row + data rows of the series columns);
// the category axis then shows 1, 2, 3 … (a note in the capabilities says so), and a chart whose
// series columns are not adjacent is left out. Outside 1.1 there are no charts.
import { a1, columnLetters } from "../../engine/grid";
import type { ChartModel } from "../../report/sheet-model";
import { seriesName, valueAxisBounds, type ResolvedChart } from "../../report/chart-plan";
import { CALL_BYTES, valueBytes, type Batcher } from "./batching";
import { SET, type ExcelSupport } from "./support";

const CHART_TYPES: Record<ChartModel["kind"], "ColumnClustered" | "ColumnStacked" | "BarClustered"> = {
  column: "ColumnClustered",
  columnStacked: "ColumnStacked",
  bar: "BarClustered",
};

/** Number format of a percent value axis (ExcelApi 1.8; before that the axis follows the cells). */
export const PERCENT_AXIS_FORMAT = "0%";

export interface ChartEnv {
  batcher: Batcher;
  support: ExcelSupport;
}

/** Sorted and without gaps: the columns form one contiguous block. */
function contiguous(cols: readonly number[]): boolean {
  return cols.every((c, i) => i === 0 || c === cols[i - 1] + 1);
}

/** Whether this Excel can draw the chart at all. */
export function canDraw(rc: ResolvedChart, support: ExcelSupport): boolean {
  if (support.minor < 1) return false;
  return support.minor >= SET.chartSeries || contiguous(rc.seriesCols);
}

/**
 * Queues the charts of every sheet: `sheets[i]` is the worksheet (object) written for the batch's
 * model i, `charts[i]` that model's resolved charts. Returns the number of charts queued.
 */
export async function addCharts(
  sheets: readonly Excel.Worksheet[],
  charts: readonly ResolvedChart[][],
  env: ChartEnv,
): Promise<number> {
  const { batcher, support } = env;
  let n = 0;
  for (let i = 0; i < charts.length; i++) {
    for (const rc of charts[i]) {
      if (!canDraw(rc, support)) continue;
      const explicit = support.minor >= SET.chartSeries;
      const names = rc.seriesCols.map((c) => seriesName(rc, c));
      await batcher.room(
        (10 + 4 * rc.seriesCols.length) * CALL_BYTES +
          valueBytes(rc.model.title) +
          names.reduce((s, x) => s + valueBytes(x), 0),
      );
      const ws = sheets[i];
      const data = sheets[rc.data];
      const column = (c: number, from = rc.firstRow) =>
        data.getRange(`${columnLetters(c)}${from}:${columnLetters(c)}${rc.lastRow}`);
      const type = CHART_TYPES[rc.model.kind] ?? CHART_TYPES.column;
      let chart: Excel.Chart;
      if (explicit) {
        const categories = column(rc.categoryCol);
        chart = ws.charts.add(type, column(rc.seriesCols[0]), "Columns");
        rc.seriesCols.forEach((c, k) => {
          const s = k === 0 ? chart.series.getItemAt(0) : chart.series.add(names[k]);
          if (k === 0) s.name = names[0];
          s.setValues(column(c));
          s.setXAxisValues(categories);
          const color = rc.model.colors?.[k];
          if (color) s.format.fill.setSolidColor(`#${color}`);
        });
      } else {
        const first = columnLetters(rc.seriesCols[0]);
        const last = columnLetters(rc.seriesCols[rc.seriesCols.length - 1]);
        const block = data.getRange(`${first}${rc.dataPlan.headerRow}:${last}${rc.lastRow}`);
        chart = ws.charts.add(type, block, "Columns");
        rc.model.colors?.forEach((color, k) =>
          chart.series.getItemAt(k).format.fill.setSolidColor(`#${color}`),
        );
      }
      chart.title.text = rc.model.title;
      chart.legend.position = "Bottom";
      const { row, col, rows, cols } = rc.anchor;
      chart.setPosition(a1(row, col), a1(row + rows - 1, col + cols - 1));
      const bounds = valueAxisBounds(rc);
      const axis = chart.axes.valueAxis;
      if (bounds.min !== undefined) axis.minimum = bounds.min;
      if (bounds.max !== undefined) axis.maximum = bounds.max;
      if (rc.model.percent && support.minor >= SET.chartAxisFormat) axis.numberFormat = PERCENT_AXIS_FORMAT;
      n++;
    }
  }
  return n;
}
