// 应用所选修正: a finding's suggested fix as a typed cell write, and the write of the ticked ones.
import type { Analysis } from "../../engine/analyze";
import type { Finding } from "../../engine/findings";
import { SHEET_BY_ID } from "../../engine/schema";
import type { CellFix, LedgerHost } from "../../hosts/host";
import type { Job } from "../job";

/** The suggested fix of a finding as a cell write, or undefined when it has none. */
export function fixOf(f: Finding, analysis: Analysis): CellFix | undefined {
  if (!f.sheet || !f.cell || f.fix === undefined || f.fix === null || f.fix === "") return undefined;
  if (typeof f.fix === "number") return { sheet: f.sheet, cell: f.cell, value: f.fix, kind: "number" };
  const at = analysis.overview.find((s) => s.foundAs === f.sheet);
  const field = at && f.field ? SHEET_BY_ID[at.id].fields.find((x) => x.name === f.field) : undefined;
  const kind = field?.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(f.fix) ? "date" : "text";
  return { sheet: f.sheet, cell: f.cell, value: f.fix, kind };
}

/** Writes exactly the given fixes (the ticked and confirmed ones). */
export function applyFixesJob(host: LedgerHost, fixes: readonly CellFix[]): Job<void> {
  return async (run) => {
    if (fixes.length) await host.applyFixes([...fixes], run);
  };
}
