// One SheetPlan laid out on a (new, hidden) worksheet through queued calls. The plan decides every
// value, format, look, width, merge, drop-down and print setting (report/sheet-plan.ts); this module
// only spells it in Office.js, in two parts:
//  - the data (layoutData): column widths, banners and header, data rows in size-bounded chunks (one
//    2-D array per chunk; the number formats first, so text stays text), cell looks, row heights —
//    all or nothing, a failure aborts the write;
//  - the decorations (DECORATIONS): table or filter, conditional formats, drop-downs, print setup and
//    frozen rows, each applied best-effort by the writer in a sync of its own (a failure is a note,
//    the data stays); frozen rows only once the sheet is visible (office-js #1463, #2196, #3148).
// Optional features follow the requirement sets (see support.ts); a missing one leaves the property
// out, never throws.
import { a1, columnLetters } from "../../engine/grid";
import { BORDER_COLOR, CONDITIONAL_LOOKS, lookOf, type StyleRole } from "../../report/cell-looks";
import type { PageText } from "../../report/sheet-model";
import {
  cellNumFmt,
  cellValue,
  columnAt,
  linkValue,
  listFormula,
  SerialDates,
  TEXT_FORMAT,
  type ListSource,
  type OutValue,
  type PlannedColumn,
  type SheetPlan,
} from "../../report/sheet-plan";
import { CALL_BYTES, rowBytes, valueBytes, type Batcher } from "./batching";
import { SET, type ExcelSupport } from "./support";

export interface LayoutEnv {
  batcher: Batcher;
  support: ExcelSupport;
  date1904: boolean;
  requestBudget: number;
  /** The name the hidden lists sheet has in this batch (a temporary name until the swap). */
  listsSheetName: string;
  /** Called after each chunk of data rows is queued, with the number of rows. */
  onRows?: (rows: number) => void;
}

type Out = string | number | boolean;

/** Column width in points (Office.js) for a width in characters (Calibri 11: 7 px per char + 5 px). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const hex = (rgb: string) => `#${rgb}`;

const BORDER_EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
] as const;

/**
 * Queues the look of a role on a range. `clearBorders`: a look without borders takes away the
 * borders the column looks gave the range (a section row inside the data).
 */
function applyLook(range: Excel.Range, role: StyleRole, clearBorders = false): void {
  const look = lookOf(role);
  const f = range.format;
  f.font.name = look.font;
  f.font.size = look.size;
  if (look.bold) f.font.bold = true;
  if (look.color) f.font.color = hex(look.color);
  if (look.underline) f.font.underline = "Single";
  if (look.fill) f.fill.color = hex(look.fill);
  if (look.horizontal) f.horizontalAlignment = "Center";
  if (look.vertical) f.verticalAlignment = "Center";
  if (look.wrap) f.wrapText = true;
  if (!look.border) {
    if (clearBorders) for (const edge of BORDER_EDGES) f.borders.getItem(edge).style = "None";
    return;
  }
  for (const edge of BORDER_EDGES) {
    const b = f.borders.getItem(edge);
    b.style = "Continuous";
    b.color = hex(BORDER_COLOR);
  }
}

/** The estimated bytes of applyLook (asked before queueing it). */
function lookBytes(role: StyleRole): number {
  const look = lookOf(role);
  const n = [
    look.font,
    look.size,
    look.bold,
    look.color,
    look.underline,
    look.fill,
    look.horizontal,
    look.vertical,
    look.wrap,
  ].filter(Boolean).length;
  return (n + (look.border ? 18 : 6)) * CALL_BYTES;
}

/** The values, formats and looks of a sheet: all of it, or the write fails. */
export async function layoutData(ws: Excel.Worksheet, plan: SheetPlan, env: LayoutEnv): Promise<void> {
  await writeColumns(ws, plan, env);
  await writeBanners(ws, plan, env, (b) => b.row < plan.firstDataRow);
  await writeHeader(ws, plan, env);
  await writeDataRows(ws, plan, env);
  await writeColumnLooks(ws, plan, env);
  await writeLinkLooks(ws, plan, env);
  await writeBanners(ws, plan, env, (b) => b.row >= plan.firstDataRow);
  await writeHeaderRows(ws, plan, env);
  await writeSpans(ws, plan, env);
  await writeRowHeights(ws, plan, env);
}

/** A decoration: whether the plan and this Excel ask for it, and how it is queued. */
export interface Decoration {
  part: "table" | "conditionals" | "validations" | "print" | "freeze";
  wanted: (plan: SheetPlan, support: ExcelSupport) => boolean;
  queue: (ws: Excel.Worksheet, plan: SheetPlan, env: LayoutEnv) => Promise<void>;
}

/** Applied on the hidden sheets before the swap, each best-effort in its own sync. */
export const DECORATIONS: readonly Decoration[] = [
  {
    part: "table",
    wanted: (p, s) => !!p.table || (!!p.autoFilter && s.minor >= SET.autoFilter),
    queue: writeTableOrFilter,
  },
  {
    part: "conditionals",
    wanted: (p, s) => p.conditionals.length > 0 && s.minor >= SET.conditionalFormats,
    queue: writeConditionals,
  },
  {
    part: "validations",
    wanted: (p, s) => p.validations.length > 0 && s.minor >= SET.dataValidation,
    queue: writeValidations,
  },
  { part: "print", wanted: (_p, s) => s.minor >= SET.pageLayout, queue: writePrint },
];

/** Applied once the sheet is visible: Excel fails to freeze panes on a hidden sheet. */
export const FREEZE: Decoration = {
  part: "freeze",
  wanted: (p, s) => p.freezeRows > 0 && s.minor >= SET.freezePanes,
  queue: writeFreeze,
};

async function writeColumns(ws: Excel.Worksheet, plan: SheetPlan, env: LayoutEnv): Promise<void> {
  if (env.support.minor < SET.columnWidth) return;
  await env.batcher.room(plan.columns.length * CALL_BYTES);
  plan.columns.forEach((c, i) => (ws.getRange(a1(0, i)).format.columnWidth = widthPoints(c.width)));
}

const rowRange = (ws: Excel.Worksheet, plan: SheetPlan, r: number) =>
  ws.getRange(`A${r}:${columnLetters(plan.ncols - 1)}${r}`);

/** Title, preamble and section rows: one text, merged across the layout, with the role's look. */
async function writeBanners(
  ws: Excel.Worksheet,
  plan: SheetPlan,
  env: LayoutEnv,
  which: (b: SheetPlan["banners"][number]) => boolean,
): Promise<void> {
  const merged = new Set(plan.merges);
  const canMerge = env.support.minor >= SET.merge;
  for (const b of plan.banners) {
    if (!which(b)) continue;
    await env.batcher.room(4 * CALL_BYTES + valueBytes(b.text) + lookBytes(b.role));
    const cell = ws.getRange(`A${b.row}`);
    cell.numberFormat = [[TEXT_FORMAT]];
    cell.values = [[b.text]];
    const row = rowRange(ws, plan, b.row);
    if (canMerge && merged.has(`A${b.row}:${columnLetters(plan.ncols - 1)}${b.row}`)) row.merge(false);
    applyLook(row, b.role, b.row >= plan.firstDataRow);
  }
}

async function writeHeader(ws: Excel.Worksheet, plan: SheetPlan, env: LayoutEnv): Promise<void> {
  if (!plan.hasHeader) return;
  const texts = Array.from({ length: plan.ncols }, (_, i) => plan.headers[i] ?? "");
  const formats = texts.map(() => TEXT_FORMAT);
  await env.batcher.room(3 * CALL_BYTES + rowBytes(texts, formats) + lookBytes("header"));
  const row = rowRange(ws, plan, plan.headerRow);
  row.numberFormat = [formats];
  row.values = [texts];
  applyLook(row, "header");
}

/** A data row's values and formats (links show their target when blank); section rows are blank here. */
function dataRow(plan: SheetPlan, i: number, dates: SerialDates, links: Map<number, string> | undefined) {
  const v: Out[] = new Array<Out>(plan.width);
  const f: string[] = new Array<string>(plan.width);
  const section = plan.sections.has(i);
  const header = plan.headerRows.has(i);
  const covered = plan.covered.get(plan.firstDataRow + i);
  for (let c = 0; c < plan.width; c++) {
    const col = header ? HEADER_COLUMN : columnAt(plan, c);
    const target = links?.get(c);
    let value: OutValue | null =
      section || covered?.has(c) ? null : cellValue(plan.model.rows[i][c], col.format, dates);
    if (target !== undefined) value = linkValue(value, target);
    v[c] = value ?? "";
    f[c] = value === null ? (section ? TEXT_FORMAT : col.numFmt) : cellNumFmt(value, col);
  }
  return { v, f };
}

/** The look of each column's data cells, once over all data rows (section rows get theirs after). */
async function writeColumnLooks(ws: Excel.Worksheet, plan: SheetPlan, env: LayoutEnv): Promise<void> {
  if (plan.lastRow < plan.firstDataRow) return;
  for (let c = 0; c < plan.columns.length; c++) {
    const role = plan.columns[c].role;
    await env.batcher.room(lookBytes(role) + CALL_BYTES);
    const letter = columnLetters(c);
    applyLook(ws.getRange(`${letter}${plan.firstDataRow}:${letter}${plan.lastRow}`), role);
  }
}

async function writeDataRows(ws: Excel.Worksheet, plan: SheetPlan, env: LayoutEnv): Promise<void> {
  const { batcher } = env;
  const dates = new SerialDates(env.date1904);
  const withLinks = env.support.minor >= SET.hyperlinks;
  const links = new Map<number, Map<number, string>>();
  if (withLinks)
    for (const l of plan.links) {
      let m = links.get(l.row);
      if (!m) links.set(l.row, (m = new Map()));
      m.set(l.col, l.target);
    }
  const lastWide = columnLetters(plan.width - 1);
  const chunkBudget = Math.max(10_000, env.requestBudget - 8 * CALL_BYTES);
  let vals: Out[][] = [];
  let fmts: string[][] = [];
  let linkCalls: (() => void)[] = [];
  let bytes = 0;
  let start = plan.firstDataRow;
  const flush = async () => {
    if (!vals.length) return;
    await batcher.room(bytes + 2 * CALL_BYTES);
    const range = ws.getRange(`A${start}:${lastWide}${start + vals.length - 1}`);
    range.numberFormat = fmts; // before the values: text must land in `@` cells
    range.values = vals;
    for (const call of linkCalls) call();
    env.onRows?.(vals.length);
    start += vals.length;
    vals = [];
    fmts = [];
    linkCalls = [];
    bytes = 0;
  };
  for (let i = 0; i < plan.model.rows.length; i++) {
    const rowNo = plan.firstDataRow + i;
    const rowLinks = links.get(rowNo);
    const { v, f } = dataRow(plan, i, dates, rowLinks);
    let extra = 0;
    for (const [c, target] of rowLinks ?? []) {
      // no textToDisplay: it would replace a number by text
      linkCalls.push(() => (ws.getRange(a1(rowNo - 1, c)).hyperlink = { documentReference: target }));
      extra += CALL_BYTES + 2 * valueBytes(target);
    }
    const rb = rowBytes(v, f) + extra;
    if (vals.length && bytes + rb > chunkBudget) await flush();
    vals.push(v);
    fmts.push(f);
    bytes += rb;
  }
  await flush();
}

/** Runs of link cells in one column on consecutive rows (a findings sheet links a whole column). */
function linkRuns(plan: SheetPlan): string[] {
  const sorted = [...plan.links].sort((x, y) => x.col - y.col || x.row - y.row);
  const runs: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (
      j + 1 < sorted.length &&
      sorted[j + 1].col === sorted[i].col &&
      sorted[j + 1].row === sorted[j].row + 1
    )
      j++;
    const col = columnLetters(sorted[i].col);
    runs.push(`${col}${sorted[i].row}:${col}${sorted[j].row}`);
    i = j + 1;
  }
  return runs;
}

/** Link cells look like links: one call set per run of links, never per cell. */
async function writeLinkLooks(ws: Excel.Worksheet, plan: SheetPlan, env: LayoutEnv): Promise<void> {
  if (env.support.minor < SET.hyperlinks) return;
  for (const ref of linkRuns(plan)) {
    await env.batcher.room(lookBytes("link"));
    applyLook(ws.getRange(ref), "link");
  }
}

/** A column as header rows inside the data write it: text. */
const HEADER_COLUMN: PlannedColumn = {
  header: "",
  width: 0,
  format: "text",
  numFmt: TEXT_FORMAT,
  role: "data",
};

/** Header rows inside the data (a list's own column headers): the header look over the row. */
async function writeHeaderRows(ws: Excel.Worksheet, plan: SheetPlan, env: LayoutEnv): Promise<void> {
  for (const i of plan.headerRows) {
    await env.batcher.room(lookBytes("header"));
    applyLook(rowRange(ws, plan, plan.firstDataRow + i), "header");
  }
}

/** Cells of data rows merged across columns (the plan's merges below the banners). */
async function writeSpans(ws: Excel.Worksheet, plan: SheetPlan, env: LayoutEnv): Promise<void> {
  if (env.support.minor < SET.merge) return;
  const banners = new Set(plan.banners.map((b) => b.row));
  for (const m of plan.merges) {
    const row = Number(/\d+/.exec(m)?.[0]);
    if (banners.has(row)) continue;
    await env.batcher.room(CALL_BYTES);
    ws.getRange(m).merge(false);
  }
}

async function writeRowHeights(ws: Excel.Worksheet, plan: SheetPlan, env: LayoutEnv): Promise<void> {
  if (env.support.minor < SET.columnWidth) return;
  for (const [r, points] of plan.rowHeights) {
    await env.batcher.room(CALL_BYTES);
    ws.getRange(`A${r}`).format.rowHeight = points;
  }
}

async function writeTableOrFilter(ws: Excel.Worksheet, plan: SheetPlan, env: LayoutEnv): Promise<void> {
  if (plan.table) {
    await env.batcher.room(CALL_BYTES);
    ws.tables.add(plan.filterRange, true);
  } else if (plan.autoFilter && env.support.minor >= SET.autoFilter) {
    await env.batcher.room(CALL_BYTES);
    ws.autoFilter.apply(ws.getRange(plan.filterRange));
  }
}

async function writeConditionals(ws: Excel.Worksheet, plan: SheetPlan, env: LayoutEnv): Promise<void> {
  if (env.support.minor < SET.conditionalFormats) return;
  for (const cf of plan.conditionals) {
    await env.batcher.room(5 * CALL_BYTES + valueBytes(cf.equals));
    const ref = `${columnLetters(cf.fromCol)}${cf.firstRow}:${columnLetters(cf.toCol)}${cf.lastRow}`;
    const c = ws.getRange(ref).conditionalFormats.add("CellValue");
    c.cellValue.format.fill.color = hex(CONDITIONAL_LOOKS[cf.style].fill);
    c.cellValue.format.font.color = hex(CONDITIONAL_LOOKS[cf.style].font);
    c.cellValue.rule = { formula1: `="${cf.equals.replace(/"/g, '""')}"`, operator: "EqualTo" };
  }
}

/**
 * A drop-down source as Office.js takes it (the Source box of Excel's dialog): the items themselves,
 * comma-separated and unquoted, or `=` and a range on the lists sheet.
 */
export function officeListSource(list: ListSource, listsSheetName: string): string {
  return list.kind === "inline" ? list.values.join(",") : `=${listFormula(list, listsSheetName)}`;
}

async function writeValidations(ws: Excel.Worksheet, plan: SheetPlan, env: LayoutEnv): Promise<void> {
  if (env.support.minor < SET.dataValidation) return;
  for (const v of plan.validations) {
    const source = v.list ? officeListSource(v.list, env.listsSheetName) : "";
    const texts = [source, v.prompt?.title, v.prompt?.message, v.error?.title, v.error?.message];
    await env.batcher.room(4 * CALL_BYTES + texts.reduce((n, t) => n + valueBytes(t ?? ""), 0));
    const col = columnLetters(v.col);
    const dv = ws.getRange(`${col}${v.firstRow}:${col}${v.lastRow}`).dataValidation;
    if (v.list) dv.rule = { list: { inCellDropDown: true, source } };
    if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
    if (v.error)
      dv.errorAlert = { showAlert: true, style: "Stop", title: v.error.title, message: v.error.message };
  }
}

async function writeFreeze(ws: Excel.Worksheet, plan: SheetPlan, env: LayoutEnv): Promise<void> {
  if (!plan.freezeRows || env.support.minor < SET.freezePanes) return;
  await env.batcher.room(CALL_BYTES);
  ws.freezePanes.freezeRows(plan.freezeRows);
}

function setPageTexts(hf: Excel.HeaderFooter, kind: "Header" | "Footer", t: PageText | undefined): void {
  if (t?.left !== undefined) hf[`left${kind}`] = t.left;
  if (t?.center !== undefined) hf[`center${kind}`] = t.center;
  if (t?.right !== undefined) hf[`right${kind}`] = t.right;
}

async function writePrint(ws: Excel.Worksheet, plan: SheetPlan, env: LayoutEnv): Promise<void> {
  if (env.support.minor < SET.pageLayout) return;
  const p = plan.print;
  const texts = [
    p.header?.left,
    p.header?.center,
    p.header?.right,
    p.footer?.left,
    p.footer?.center,
    p.footer?.right,
  ];
  await env.batcher.room(
    (6 + texts.length + p.rowBreaks.length) * CALL_BYTES + texts.reduce((n, t) => n + valueBytes(t ?? ""), 0),
  );
  const page = ws.pageLayout;
  page.paperSize = "A4";
  page.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  if (p.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (p.titleRows) page.setPrintTitleRows(`$${p.titleRows.first}:$${p.titleRows.last}`);
  if (p.header || p.footer) {
    const hf = page.headersFooters.defaultForAllPages;
    setPageTexts(hf, "Header", p.header);
    setPageTexts(hf, "Footer", p.footer);
  }
  for (const r of p.rowBreaks) ws.horizontalPageBreaks.add(`A${r}`);
}
