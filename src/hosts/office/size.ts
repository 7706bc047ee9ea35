// How big the workbook is, cheaply (cell counts of the used ranges, no values): the ribbon commands
// run small workbooks themselves and hand larger ones to the task pane, because Office ends a
// function command after about five minutes.
import type { ExcelRun } from "./excel-run";

/** Cells in the used ranges of all sheets (two syncs, a few bytes per sheet). */
export async function workbookCells(run: ExcelRun): Promise<number> {
  return run(async (ctx) => {
    const worksheets = ctx.workbook.worksheets;
    worksheets.load("items/name");
    await ctx.sync();
    const used = worksheets.items.map((ws) => ws.getUsedRange().load("cellCount"));
    await ctx.sync();
    return used.reduce((n, r) => n + r.cellCount, 0);
  });
}
