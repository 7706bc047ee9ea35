// What a written workbook looks like, read back without the writer's code: the properties a SheetPlan
// decides (cells and number formats, fonts, column widths, row heights, merges, drop-downs, frozen rows,
// print setup, conditional formats, links, table or filter, hidden sheets, charts), in one shape
// for every writer. package-look.ts reads it from .xlsx bytes, fake-look.ts from the Excel fake.
import { columnLetters, type CellValue } from "../../../src/engine/grid";

/** A chart on a sheet: its title and the names of its series, in order. */
export interface ChartLook {
  title: string;
  series: string[];
}

/** A non-blank cell. */
export interface CellView {
  value: CellValue;
  /** The cell's number format code ("General" when none; "@" for text). */
  format: string;
  /** The cell holds a formula (text must never become one). */
  formula: boolean;
}

/** A drop-down or input hint over rows firstRow…lastRow of one column. */
export interface DropDownLook {
  /** Column letter. */
  col: string;
  firstRow: number;
  lastRow: number;
  /** The items offered: an inline list's values, or the cells of the range it names. */
  list?: string[];
  /** The input hint shown when a cell is selected. */
  prompt?: { title: string; message: string };
  /** The alert for a value not in the list; style in lower case ("stop", "warning", "information"). */
  error?: { title: string; message: string; style: string };
}

export interface PageTextLook {
  left?: string;
  center?: string;
  right?: string;
}

export interface PrintLook {
  /** "A4", or what else the sheet says ("Letter" when nothing is set). */
  paper: string;
  orientation: "portrait" | "landscape";
  /** One page wide, as many pages tall as needed. */
  fitToWidth: boolean;
  /** Rows repeated on every page, as "$3:$3". */
  titleRows?: string;
  header?: PageTextLook;
  footer?: PageTextLook;
  /** 1-based rows with a manual page break above them, ascending. */
  rowBreaks: number[];
}

export interface ConditionalLook {
  /** A1 range, e.g. "D4:D9". */
  range: string;
  /** The text a cell must equal. */
  equals: string;
}

export interface LinkLook {
  cell: string;
  /** Internal target such as `'党员'!A3`. */
  target: string;
}

export interface SheetLook {
  name: string;
  hidden: boolean;
  /** A1 → the cell; blank cells are absent. */
  cells: Record<string, CellView>;
  /** A1 → the font of a non-blank cell: "宋体 11", "黑体 16 bold". */
  fonts: Record<string, string>;
  /** Column letter → width in characters, for columns with a set width. */
  columnWidths: Record<string, number>;
  /** 1-based row → height in points, for rows with a set height. */
  rowHeights: Record<string, number>;
  /** Merged ranges (A1), sorted. */
  merges: string[];
  /** Sorted by column, then first row; spans of one column with the same content are joined. */
  dropDowns: DropDownLook[];
  freezeRows: number;
  print: PrintLook;
  /** Sorted by range. */
  conditionals: ConditionalLook[];
  /** Sorted by cell (row, then column). */
  links: LinkLook[];
  /** The range of the sheet's Excel table, if any. */
  table?: string;
  /** The range of the sheet's own filter buttons (not a table's), if any. */
  autoFilter?: string;
  charts: ChartLook[];
}

export interface Look {
  date1904: boolean;
  /** All sheets in workbook order, hidden ones included. */
  sheets: SheetLook[];
}

/** One sheet of a Look, or a readable failure. */
export function sheetLook(look: Look, name: string): SheetLook {
  const s = look.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name} in ${look.sheets.map((x) => x.name).join(", ")}`);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the readers

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Column letters → 0-based index. */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B4:C9", "$B$4", "'Sheet'!A1:A3" (sheet ignored) → a 0-based rectangle. */
export function parseRange(ref: string): Rect {
  const bare = ref.includes("!") ? ref.slice(ref.lastIndexOf("!") + 1) : ref;
  const [a, b] = bare.replace(/\$/g, "").split(":");
  const cell = (s: string) => {
    const m = /^([A-Za-z]{1,3})(\d+)$/.exec(s);
    if (!m) throw new Error(`not an A1 cell: ${s} (in ${ref})`);
    return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
  };
  const p = cell(a);
  const q = b ? cell(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function rangeText(r: Rect): string {
  const a = `${columnLetters(r.left)}${r.top + 1}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${columnLetters(r.right)}${r.bottom + 1}`;
}

/** Sort key of an A1 cell: row, then column. */
export function cellOrder(ref: string): number {
  const r = parseRange(ref);
  return r.top * 16384 + r.left;
}

/** A drop-down as a reader finds it: the ranges it covers and what it offers. */
export interface RawDropDown {
  ranges: Rect[];
  list?: string[];
  prompt?: DropDownLook["prompt"];
  error?: DropDownLook["error"];
}

/** Per column spans, joined where the same content continues, sorted. */
export function dropDownsOf(raw: RawDropDown[]): DropDownLook[] {
  const spans: (DropDownLook & { c: number })[] = [];
  for (const d of raw)
    for (const r of d.ranges)
      for (let c = r.left; c <= r.right; c++) {
        const span: DropDownLook & { c: number } = {
          c,
          col: columnLetters(c),
          firstRow: r.top + 1,
          lastRow: r.bottom + 1,
        };
        if (d.list) span.list = d.list;
        if (d.prompt) span.prompt = d.prompt;
        if (d.error) span.error = d.error;
        spans.push(span);
      }
  spans.sort((a, b) => a.c - b.c || a.firstRow - b.firstRow);
  const content = (s: DropDownLook) => JSON.stringify([s.list, s.prompt, s.error]);
  const out: (DropDownLook & { c: number })[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.c === s.c && last.lastRow + 1 >= s.firstRow && content(last) === content(s))
      last.lastRow = Math.max(last.lastRow, s.lastRow);
    else out.push({ ...s });
  }
  return out.map(({ c: _c, ...rest }) => rest);
}

/** `"text"` → text (doubled quotes undone); anything else unchanged. */
export function unquote(s: string): string {
  const m = /^"((?:[^"]|"")*)"$/.exec(s.trim());
  return m ? m[1].replace(/""/g, '"') : s;
}

/** Drops empty texts; undefined when none is left. */
export function pageText(t: PageTextLook): PageTextLook | undefined {
  const out: PageTextLook = {};
  if (t.left) out.left = t.left;
  if (t.center) out.center = t.center;
  if (t.right) out.right = t.right;
  return Object.keys(out).length ? out : undefined;
}

/** "$3:$3", "3:3", "'S'!$3:$4", "'S'!$A:$B,'S'!$3:$3" → "$3:$3" / "$3:$4"; undefined without rows. */
export function titleRowsOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  for (const part of text.split(",")) {
    const bare = part.includes("!") ? part.slice(part.lastIndexOf("!") + 1) : part;
    const m = /^\$?(\d+):\$?(\d+)$/.exec(bare.trim());
    if (m) return `$${m[1]}:$${m[2]}`;
  }
  return undefined;
}

/** Dropdown lists per sheet and column (items only), for comparing hosts. */
export function dropDownLists(look: Look, sheets: string[]): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const name of sheets) {
    const cols: Record<string, string[]> = {};
    const seen = new Set<string>();
    for (const d of sheetLook(look, name).dropDowns) {
      if (!d.list) continue;
      const k = `${d.col}|${JSON.stringify(d.list)}`;
      if (seen.has(k)) continue;
      seen.add(k);
      (cols[d.col] ??= []).push(...d.list);
    }
    out[name] = cols;
  }
  return out;
}

/** "宋体 11", "黑体 16 bold": a font as the Look reports it. */
export function fontText(name: string | undefined, size: number | undefined, bold: boolean): string {
  return `${name ?? "?"} ${size ?? "?"}${bold ? " bold" : ""}`;
}
