// SheetPlan: where everything of a SheetModel goes on a sheet, decided once for every host.
import type { ColumnModel, SheetModel } from "./sheet-model";
import { stripIllegalXml } from "./cell-text";

/** Excel's sheet size. */
export const MAX_SHEET_ROWS = 1048576;
export const MAX_SHEET_COLS = 16384;

/** Result sheets that cannot be written (a programming error, not a damaged file). */
export class SheetModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SheetModelError";
  }
}

/** Where things go on a result sheet (rows 1-based, columns 0-based). */
export interface SheetPlan {
  model: SheetModel;
  /** Columns of the layout (title/preamble/section merges, table, filter): ≥ 1. */
  ncols: number;
  /** Widest row written (≥ ncols). */
  width: number;
  titleRow: number | undefined;
  headerRow: number;
  firstDataRow: number;
  /** Last row written (the header row when there are no data rows). */
  lastRow: number;
  /** Header texts as written (for a table: unique and non-empty, as its column names). */
  headers: string[];
  /** An Excel table over header + rows. */
  table: boolean;
  /** A plain autoFilter instead (a table without rows, or with merged section rows). */
  autoFilter: boolean;
  /** Data rows that are merged section titles (0-based model row indexes). */
  sections: Set<number>;
}

/** Table column names: one line, non-empty, unique (case-insensitively, as Excel requires). */
export function tableColumnNames(columns: ColumnModel[], ncols: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i < ncols; i++) {
    const raw = stripIllegalXml(columns[i]?.header ?? "")
      .replace(/\s+/g, " ")
      .trim();
    const base = raw || `列${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

export function planSheet(model: SheetModel): SheetPlan {
  const ncols = Math.max(1, model.columns.length);
  let width = ncols;
  for (const r of model.rows) if (r.length > width) width = r.length;
  for (const h of model.hyperlinks ?? [])
    if (h.row < model.rows.length && h.col + 1 > width) width = h.col + 1;
  if (width > MAX_SHEET_COLS)
    throw new SheetModelError(`sheet "${model.name}" has more than ${MAX_SHEET_COLS} columns`);
  let r = 1;
  const titleRow = model.title ? r++ : undefined;
  r += model.preamble?.length ?? 0;
  const headerRow = r;
  const firstDataRow = headerRow + 1;
  const lastRow = headerRow + model.rows.length;
  if (lastRow > MAX_SHEET_ROWS)
    throw new SheetModelError(`sheet "${model.name}" has more than ${MAX_SHEET_ROWS} rows`);
  const sections = new Set<number>();
  model.rowKinds?.forEach((k, i) => {
    if (k === "section" && i < model.rows.length) sections.add(i);
  });
  // Excel does not allow merged cells inside a table: a sheet with section rows gets a filter instead.
  const table = model.table === true && model.rows.length > 0 && sections.size === 0;
  const autoFilter = model.table === true && !table;
  const headers = table ? tableColumnNames(model.columns, ncols) : model.columns.map((c) => c.header);
  return {
    model,
    ncols,
    width,
    titleRow,
    headerRow,
    firstDataRow,
    lastRow,
    headers,
    table,
    autoFilter,
    sections,
  };
}
