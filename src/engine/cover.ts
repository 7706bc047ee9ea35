// The optional cover sheet `填报信息` (ledger-format.md §2.8): label/value pairs in the first 20 rows,
// either `填报单位：…` in one cell or the label in one cell and the value in the next.
import { type CellValue, type Grid } from "./grid";
import { cellText, matchKey, trimAll } from "./normalize";
import { COVER_LABELS, COVER_SHEET, TEMPLATE_VERSION_LABEL } from "./schema";
import type { Producer } from "./check";

export type Cover = Map<string, string>;

/** One label of the cover and where its value is. */
export interface CoverItem {
  /** The value as text, trimmed ("" when the label is there but its value is blank). */
  value: string;
  /** The value as read: the cell's own value for a label/value pair, the text after `：` inline. */
  raw: CellValue;
  /** 0-based cell of the value (for a blank value: the cell right of the label). */
  row: number;
  col: number;
}

/** Reading the cover raises nothing: a missing item is `report-header`, the district compilation's. */
export const COVER_READ: Producer = { id: "cover", codes: [] };

const LABELS = [...COVER_LABELS, TEMPLATE_VERSION_LABEL];
const LABEL_KEYS = new Map(LABELS.map((l) => [matchKey(l), l]));
const ROWS = 20;
/** `label：value` pairs; several may share a cell ("填报单位：XX  填报日期：YY"). */
const INLINE_PAIR = /([^：:\s]+)\s*[：:]\s*([^：:]*?)(?=\s+[^：:\s]+\s*[：:]|$)/g;

export function findCoverSheet(sheets: readonly Grid[]): Grid | undefined {
  const keys = new Set([COVER_SHEET.name, ...COVER_SHEET.aliases].map(matchKey));
  return sheets.find((g) => keys.has(matchKey(g.name)));
}

/** The values of the cover's labels (blank values left out). */
export function readCover(grid: Grid | undefined): Cover {
  const out: Cover = new Map();
  for (const [label, item] of readCoverItems(grid)) if (item.value) out.set(label, item.value);
  return out;
}

/**
 * Every label found in the first 20 rows with its value and cell. The first non-blank value of a
 * label wins, except that a later inline `label：value` replaces an earlier one.
 */
export function readCoverItems(grid: Grid | undefined): Map<string, CoverItem> {
  const out = new Map<string, CoverItem>();
  if (!grid) return out;
  for (let r = 0; r < Math.min(ROWS, grid.rows.length); r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c] ?? null);
      if (text && !readInlinePairs(text, row, r, c, out)) readLabelCell(text, row, r, c, out);
    }
  }
  return out;
}

/** `填报单位：XX` in one cell; true when the cell held at least one known label. */
function readInlinePairs(
  text: string,
  row: readonly (CellValue | undefined)[],
  r: number,
  c: number,
  out: Map<string, CoverItem>,
): boolean {
  let any = false;
  for (const m of text.matchAll(INLINE_PAIR)) {
    const label = LABEL_KEYS.get(matchKey(m[1]));
    if (!label) continue;
    any = true;
    const value = trimAll(m[2]);
    if (value) out.set(label, { value, raw: value, row: r, col: c });
    else if (!hasValue(out, label)) out.set(label, valueRightOf(row, r, c));
  }
  return any;
}

/** A label alone in its cell: the value is the next non-blank cell to its right. */
function readLabelCell(
  text: string,
  row: readonly (CellValue | undefined)[],
  r: number,
  c: number,
  out: Map<string, CoverItem>,
): void {
  const label = LABEL_KEYS.get(matchKey(text));
  if (label && !hasValue(out, label)) out.set(label, valueRightOf(row, r, c));
}

function hasValue(out: Map<string, CoverItem>, label: string): boolean {
  return (out.get(label)?.value ?? "") !== "";
}

function valueRightOf(row: readonly (CellValue | undefined)[], r: number, c: number): CoverItem {
  for (let k = c + 1; k < row.length; k++) {
    const v = row[k];
    if (v !== null && v !== undefined && cellText(v).trim() !== "")
      return { value: trimAll(cellText(v)), raw: v, row: r, col: k };
  }
  return { value: "", raw: null, row: r, col: c + 1 };
}
