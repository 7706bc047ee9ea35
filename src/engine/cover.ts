// The optional cover sheet `填报信息` (ledger-format.md §2.8): label/value pairs in the first 20 rows,
// either `填报单位：…` in one cell or the label in one cell and the value in the next.
import type { Grid } from "./grid";
import { cellText, matchKey, trimAll } from "./normalize";
import { COVER_LABELS, COVER_SHEET, TEMPLATE_VERSION_LABEL } from "./schema";
import type { Producer } from "./check";

export type Cover = Map<string, string>;

/** Reading the cover raises nothing: a missing item is `report-header`, the district compilation's. */
export const COVER_READ: Producer = { id: "cover", codes: [] };

const LABELS = [...COVER_LABELS, TEMPLATE_VERSION_LABEL];
const LABEL_KEYS = new Map(LABELS.map((l) => [matchKey(l), l]));

export function findCoverSheet(sheets: readonly Grid[]): Grid | undefined {
  const keys = new Set([COVER_SHEET.name, ...COVER_SHEET.aliases].map(matchKey));
  return sheets.find((g) => keys.has(matchKey(g.name)));
}

export function readCover(grid: Grid | undefined): Cover {
  const out: Cover = new Map();
  if (!grid) return out;
  for (let r = 0; r < Math.min(20, grid.rows.length); r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c] ?? null);
      if (!text) continue;
      // Several pairs may share a cell: "填报单位：XX  填报日期：YY".
      const re = /([^：:\s]+)\s*[：:]\s*([^：:]*?)(?=\s+[^：:\s]+\s*[：:]|$)/g;
      let m: RegExpExecArray | null;
      let any = false;
      while ((m = re.exec(text))) {
        const label = LABEL_KEYS.get(matchKey(m[1]));
        if (label && trimAll(m[2])) {
          out.set(label, trimAll(m[2]));
          any = true;
        } else if (label && !out.has(label)) {
          const next = row.slice(c + 1).find((v) => v !== null && cellText(v).trim() !== "");
          if (next !== undefined) out.set(label, trimAll(cellText(next)));
          any = true;
        }
      }
      if (any) continue;
      const label = LABEL_KEYS.get(matchKey(text));
      if (label && !out.has(label)) {
        const next = row.slice(c + 1).find((v) => v !== null && cellText(v).trim() !== "");
        if (next !== undefined) out.set(label, trimAll(cellText(next)));
      }
    }
  }
  return out;
}
