// The memory of highlighted cells: each cell's original fill, kept in the host AND in a very hidden
// sheet `_PL_highlights` inside the workbook, so 清除标记 still restores the fills after the pane
// was reloaded, Excel restarted, or the file was highlighted in browser preview and opened in Excel.
// Pure (shared with the preview host): the sheet's rows ↔ entries.

/** A cell's fill as Office.js describes it; `color: null` = no fill. */
export interface FillState {
  color: string | null;
  pattern?: string;
  patternColor?: string;
  tint?: number;
  patternTint?: number;
}

export interface HighlightEntry {
  sheet: string;
  /** A1 address, upper case. */
  cell: string;
  fill: FillState;
  /**
   * Preview host only: the cell's original style index in the package (`null`: the cell had no `s`
   * attribute; absent: not known, restore from `fill`), and whether the cell element was created.
   */
  style?: number | null;
  created?: boolean;
  /** Preview host only: the style index the highlight set (a cell restyled since gets only its fill back). */
  applied?: number;
}

export const STORE_HEADER = ["工作表", "单元格", "原填充"];

export function entryKey(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell.toUpperCase()}`;
}

/** Entries → the store sheet's rows (header first); the fill as JSON text. */
export function encodeEntries(entries: Iterable<HighlightEntry>): string[][] {
  const rows = [STORE_HEADER.slice()];
  for (const e of entries) {
    const data: Record<string, unknown> = { fill: e.fill };
    if (e.style !== undefined) data.style = e.style;
    if (e.created) data.created = true;
    if (e.applied !== undefined) data.applied = e.applied;
    rows.push([e.sheet, e.cell, JSON.stringify(data)]);
  }
  return rows;
}

function isFill(v: unknown): v is FillState {
  if (typeof v !== "object" || v === null) return false;
  const c = (v as { color?: unknown }).color;
  return c === null || typeof c === "string";
}

/** The store sheet's rows → entries; the header and malformed rows are skipped. */
export function decodeEntries(rows: readonly (readonly unknown[])[]): HighlightEntry[] {
  const out: HighlightEntry[] = [];
  for (const row of rows) {
    const [sheet, cell, json] = row;
    if (typeof sheet !== "string" || typeof cell !== "string" || typeof json !== "string") continue;
    if (sheet === STORE_HEADER[0] && cell === STORE_HEADER[1]) continue;
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch {
      continue; // a damaged row: that one cell cannot be restored
    }
    const d = data as { fill?: unknown; style?: unknown; created?: unknown; applied?: unknown };
    if (!isFill(d.fill)) continue;
    const e: HighlightEntry = { sheet, cell: cell.toUpperCase(), fill: d.fill };
    if (typeof d.style === "number" || d.style === null) e.style = d.style;
    if (d.created === true) e.created = true;
    if (typeof d.applied === "number") e.applied = d.applied;
    out.push(e);
  }
  return out;
}

/** The stored entries win over the in-memory ones (the sheet is what the workbook really holds). */
export function mergeEntries(
  memory: ReadonlyMap<string, HighlightEntry>,
  stored: readonly HighlightEntry[],
): Map<string, HighlightEntry> {
  const all = new Map(memory);
  for (const e of stored) all.set(entryKey(e.sheet, e.cell), e);
  return all;
}
