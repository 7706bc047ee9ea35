// Where each new sheet goes: its part, relationship id, sheet id and tab index, and the parts of its
// table, drawing and charts.
import type { ResolvedChart } from "../../../report/chart-plan";
import type { SheetPlan } from "../../../report/sheet-plan";
import { dirOf } from "../part-names";
import type { NameAllocator } from "./names";

export interface NewSheet {
  plan: SheetPlan;
  part: string;
  relId: string;
  sheetId: number;
  /** Its tab index in the patched workbook. */
  index: number;
  table?: { part: string; id: number; name: string };
  /** The sheet's drawing part and its charts (when the model has charts to draw). */
  drawing?: { part: string; charts: { chart: ResolvedChart; part: string }[] };
}

/** Lays out the new sheets after the `keptCount` kept ones; part names are taken in this order. */
export function layoutNewSheets(
  plans: readonly SheetPlan[],
  charts: readonly ResolvedChart[][],
  workbookPart: string,
  keptCount: number,
  names: NameAllocator,
): NewSheet[] {
  const dir = dirOf(workbookPart);
  return plans.map((plan, j) => {
    const part = names.part(`${dir}worksheets/`, "sheet");
    const ns: NewSheet = { plan, part, relId: names.relId(), sheetId: names.sheetId(), index: keptCount + j };
    if (plan.table)
      ns.table = { part: names.part(`${dir}tables/`, "table"), ...names.table(plan.model.name) };
    if (charts[j].length) {
      ns.drawing = {
        part: names.part(`${dir}drawings/`, "drawing"),
        charts: charts[j].map((chart) => ({ chart, part: names.part(`${dir}charts/`, "chart") })),
      };
    }
    return ns;
  });
}
