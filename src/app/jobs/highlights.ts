// 标记问题单元格 and 清除标记: the host fills the cells and remembers their fills to restore them.
import type { Finding } from "../../engine/findings";
import type { CellRef, LedgerHost } from "../../hosts/host";
import type { Job } from "../job";

/** The cells of findings that point at one (deduplicated, in order). */
export function cellsOf(findings: readonly Finding[]): CellRef[] {
  const seen = new Set<string>();
  const out: CellRef[] = [];
  for (const f of findings) {
    if (!f.sheet || !f.cell) continue;
    const k = `${f.sheet}\u0000${f.cell}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ sheet: f.sheet, cell: f.cell });
  }
  return out;
}

/** Fills the cells of the given findings; resolves to how many cells. */
export function highlightJob(host: LedgerHost, findings: readonly Finding[], color: string): Job<number> {
  return async (run) => {
    const refs = cellsOf(findings);
    if (refs.length) await host.highlightCells(refs, color, run);
    return refs.length;
  };
}

export function clearHighlightsJob(host: LedgerHost): Job<void> {
  return (run) => host.clearHighlights(run);
}
