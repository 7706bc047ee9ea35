// SheetPlan: everything a SheetModel becomes on a sheet, decided once for every writer — cell values
// and number formats, column widths, row heights, merges, drop-downs and input hints, frozen panes,
// print setup, conditional formats, links, table or filter, charts. The ExcelJS writer, the package
// patcher, the Office host and the browser preview translate a plan and decide nothing themselves,
// so a change to what a clerk sees or prints is made here, once.
import { columnLetters, type CellValue } from "../engine/grid";
import { isoToSerial, fromSerial1900 } from "../engine/dates";
import { stripIllegalXml } from "./cell-text";
import { BODY_SIZE, lookOf, type StyleRole } from "./cell-looks";
import {
  NUMBER_FORMAT_CODES,
  type ColumnFormat,
  type ColumnModel,
  type PageText,
  type SheetModel,
  type SpanModel,
} from "./sheet-model";

/** Excel's sheet size. */
export const MAX_SHEET_ROWS = 1048576;
export const MAX_SHEET_COLS = 16384;

/** Drop-downs and hints cover at least this many rows below the header (room for typing). */
export const VALIDATION_MIN_ROWS = 2000;
/** The hidden sheet that holds drop-down lists too long for an inline list. */
export const LISTS_SHEET = "_PL_lists";
/** Excel keeps an inline list formula to 255 characters. */
const INLINE_LIST_MAX = 255;

export const TEXT_FORMAT = "@";
export const GENERAL_FORMAT = "General";

/** Excel's limit on a sheet name's length. */
const MAX_SHEET_NAME_LENGTH = 31;

/** Sheet names compare as Excel compares them (case-insensitively, NFC). */
export function sheetKey(name: string): string {
  return name.normalize("NFC").toLowerCase();
}

function isValidSheetName(name: string): boolean {
  return (
    typeof name === "string" &&
    name.length > 0 &&
    name.length <= MAX_SHEET_NAME_LENGTH &&
    !/[:\\/?*[\]]/.test(name) &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\ufffe\uffff]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}

/** Every model's sheet name is one Excel accepts, and no two are the same; returns their keys. */
export function checkSheetNames(models: readonly SheetModel[]): Set<string> {
  const keys = new Set<string>();
  for (const m of models) {
    if (!isValidSheetName(m.name))
      throw new SheetModelError(`invalid sheet name for Excel: ${JSON.stringify(m.name)}`);
    const k = sheetKey(m.name);
    if (keys.has(k)) throw new SheetModelError(`two result sheets are named ${JSON.stringify(m.name)}`);
    keys.add(k);
  }
  return keys;
}

/** Result sheets that cannot be written (a programming error, not a damaged file). */
export class SheetModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SheetModelError";
  }
}

/** A column as written: its width in characters, its number format and the look of its data cells. */
export interface PlannedColumn {
  header: string;
  /** Width in characters (Excel's column width unit). */
  width: number;
  format: ColumnFormat;
  /** Number format code of the column (and of its non-text cells); "General" when none. */
  numFmt: string;
  /** The look of the column's data cells. */
  role: "data" | "wrap";
}

/** A row holding one text merged across the layout. */
export interface Banner {
  row: number;
  text: string;
  role: "title" | "preamble" | "section" | "note";
}

/** Where a drop-down takes its values from. */
export type ListSource =
  | { kind: "inline"; values: string[] }
  /** Rows 1…count of a column of the hidden lists sheet. */
  | { kind: "range"; sheet: string; col: number; count: number; values: string[] };

export interface PlannedValidation {
  col: number;
  firstRow: number;
  lastRow: number;
  list?: ListSource;
  /** Input hint shown when a cell is selected. */
  prompt?: { title: string; message: string };
  /** The message of a stop alert for a value not in the list. */
  error?: { title: string; message: string };
}

export interface PrintPlan {
  paper: "A4";
  orientation: "portrait" | "landscape";
  /**
   * Fit all columns on one page width, as many pages down as needed (fitToHeight 0: Excel, WPS and
   * LibreOffice then keep the manual row breaks, which a fixed page count would override).
   */
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page (1-based, inclusive). */
  titleRows?: { first: number; last: number };
  /** Page header and footer texts in Excel's codes (&P this page, &N pages). */
  header?: PageText;
  footer?: PageText;
  /** A page break above each of these rows (1-based). */
  rowBreaks: number[];
}

export interface PlannedConditional {
  firstRow: number;
  lastRow: number;
  fromCol: number;
  toCol: number;
  equals: string;
  style: "good" | "bad" | "warn";
}

export interface PlannedLink {
  /** 1-based row, 0-based column. */
  row: number;
  col: number;
  /** Internal target such as `'党员'!E7`. */
  target: string;
}

/** Where everything goes on one sheet (rows 1-based, columns 0-based). */
export interface SheetPlan {
  model: SheetModel;
  name: string;
  hidden: boolean;
  /** Columns of the layout (title/preamble/section merges, table, filter): ≥ 1. */
  ncols: number;
  /** Widest row written (≥ ncols). */
  width: number;
  titleRow: number | undefined;
  /** The row of column headers; when `hasHeader` is false, the last row above the data (maybe 0). */
  headerRow: number;
  /** A header row is written at `headerRow` (false: the data rows bring their own header rows). */
  hasHeader: boolean;
  firstDataRow: number;
  /** Last row written (the header row when there are no data rows). */
  lastRow: number;
  /** Header texts as written (for a table: unique and non-empty, as its column names). */
  headers: string[];
  columns: PlannedColumn[];
  /** Rows of one merged text: the title, preamble lines and section titles. */
  banners: Banner[];
  /** Data rows that are one merged text, sections and notes (0-based model row indexes). */
  sections: Set<number>;
  /** Data rows written as column headers, each cell with the header look (0-based model row indexes). */
  headerRows: Set<number>;
  /** Merged ranges in A1 form: banners, then the spans of data rows. */
  merges: string[];
  /** Cells covered by a span (1-based row → 0-based columns): blank, with their column's look. */
  covered: Map<number, Set<number>>;
  /** Row heights in points (1-based row → height); other rows keep the default. Every row that
   *  holds wrapped text has one, measured from its texts, font size and column widths. */
  rowHeights: RowHeights;
  /** An Excel table over header + rows. */
  table: boolean;
  /** A plain autoFilter instead (a table without rows, or with merged section rows). */
  autoFilter: boolean;
  /** The range of the table or filter (A1). */
  filterRange: string;
  validations: PlannedValidation[];
  /** Rows frozen at the top (the header and everything above it). */
  freezeRows: number;
  print: PrintPlan;
  conditionals: PlannedConditional[];
  links: PlannedLink[];
}

/** A batch of sheets planned together: charts may draw from another sheet of the batch. */
export interface WorkbookPlan {
  /** The models' sheets in order, then the hidden lists sheet when a drop-down needs it. */
  sheets: SheetPlan[];
}

// ---------------------------------------------------------------------------------------------
// Cells

/** Display width of a text in Excel's character units (CJK and full-width characters count two). */
export function displayWidth(s: string): number {
  return displayWidthOf(s, 0, s.length);
}

/** displayWidth of s[from, to) (a line of a text, without slicing it out). */
function displayWidthOf(s: string, from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x2e80) w += 1;
    else {
      w += 2; // a surrogate pair is one character: count it once
      if (c <= 0xdbff && c >= 0xd800 && i + 1 < to) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
    }
  }
  return w;
}

function columnWidth(c: ColumnModel): number {
  if (c.width !== undefined) return c.width;
  const min = c.format === "date" ? 12 : 8;
  return Math.min(40, Math.max(min, displayWidth(c.header) + 4));
}

function planColumn(c: ColumnModel, wrapText = false): PlannedColumn {
  const format = c.format ?? "general";
  return {
    header: c.header,
    width: columnWidth(c),
    format,
    numFmt: NUMBER_FORMAT_CODES[format] ?? GENERAL_FORMAT,
    role: c.wrap || (wrapText && format === "text") ? "wrap" : "data",
  };
}

/** The model's columns as planned (`wrapText`: every text column wraps). */
function planColumns(model: SheetModel): PlannedColumn[] {
  return model.columns.map((c) => planColumn(c, model.wrapText === true));
}

const GENERAL_COLUMN: PlannedColumn = planColumn({ header: "" });

/** The planned column at `c` (a generic one for cells beyond the model's columns). */
export function columnAt(plan: SheetPlan, c: number): PlannedColumn {
  return plan.columns[c] ?? GENERAL_COLUMN;
}

export type OutValue = string | number | boolean;

function textOf(v: string | number | boolean): string {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : v ? "TRUE" : "FALSE";
}

/** ISO date text → serial of the target date system, remembered (a sheet repeats the same few dates). */
export class SerialDates {
  private readonly cache = new Map<string, number>();
  constructor(readonly date1904: boolean) {}
  fromText(text: string): number {
    let v = this.cache.get(text);
    if (v === undefined) {
      v = isoToSerial(text, this.date1904);
      if (this.cache.size < 100_000) this.cache.set(text, v);
    }
    return v;
  }
  from1900(serial: number): number {
    return fromSerial1900(serial, this.date1904);
  }
}

/**
 * A model cell → the value written, or null for a blank cell. Text columns hold text (never a formula,
 * never a number); date columns hold serials of the workbook's date system (an unreadable date stays
 * the text it is); a number that is not finite is written as its text.
 */
export function cellValue(
  v: CellValue | undefined,
  format: ColumnFormat,
  dates: SerialDates,
): OutValue | null {
  if (v === null || v === undefined || v === "") return null;
  if (format === "text") return textOf(v);
  if (format === "date") {
    if (typeof v === "number") return dates.from1900(v);
    if (typeof v === "string") {
      const serial = dates.fromText(v);
      if (serial === serial) return serial;
    }
  }
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  return v;
}

/** The number format of a written cell: text is always `@` (Excel would read `=…` as a formula). */
export function cellNumFmt(value: OutValue, column: PlannedColumn): string {
  if (typeof value === "string") return TEXT_FORMAT;
  return column.numFmt === TEXT_FORMAT ? GENERAL_FORMAT : column.numFmt;
}

/** The text of a link cell: its value, or the target when the cell is blank. */
export function linkValue(value: OutValue | null, target: string): OutValue {
  return value === null ? target : value;
}

/** The text of a section row: its first non-blank cell. */
function sectionText(values: readonly CellValue[]): string {
  for (const v of values) if (v !== null && v !== undefined && v !== "") return textOf(v);
  return "";
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

// ---------------------------------------------------------------------------------------------
// Layout

/** Rows of the layout above the data: title, preamble, header. */
function layoutRows(model: SheetModel) {
  let r = 1;
  const titleRow = model.title ? r++ : undefined;
  r += model.preamble?.length ?? 0;
  const headerRow = model.noHeaderRow ? r - 1 : r;
  return { titleRow, headerRow, firstDataRow: headerRow + 1, lastRow: headerRow + model.rows.length };
}

function layoutWidth(model: SheetModel): number {
  let width = Math.max(1, model.columns.length);
  for (const r of model.rows) if (r.length > width) width = r.length;
  for (const h of model.hyperlinks ?? [])
    if (h.row < model.rows.length && h.col + 1 > width) width = h.col + 1;
  if (width > MAX_SHEET_COLS)
    throw new SheetModelError(`sheet "${model.name}" has more than ${MAX_SHEET_COLS} columns`);
  return width;
}

function planBanners(
  model: SheetModel,
  titleRow: number | undefined,
  headerRow: number,
  sections: Set<number>,
) {
  const banners: Banner[] = [];
  if (titleRow !== undefined) banners.push({ row: titleRow, text: model.title!, role: "title" });
  (model.preamble ?? []).forEach((text, i) =>
    banners.push({ row: (titleRow ?? 0) + 1 + i, text, role: "preamble" }),
  );
  for (const i of sections)
    banners.push({
      row: headerRow + 1 + i,
      text: sectionText(model.rows[i]),
      role: model.rowKinds?.[i] === "note" ? "note" : "section",
    });
  return banners;
}

function planLinks(model: SheetModel, firstDataRow: number, width: number): PlannedLink[] {
  const out: PlannedLink[] = [];
  for (const h of model.hyperlinks ?? [])
    if (h.row >= 0 && h.row < model.rows.length && h.col >= 0 && h.col < width)
      out.push({ row: firstDataRow + h.row, col: h.col, target: h.target });
  return out;
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** Lists too long (or with commas) for an inline formula, collected for the hidden lists sheet. */
class ListPool {
  readonly lists: string[][] = [];
  source(values: string[]): ListSource {
    const inline = values.join(",");
    if (inline.length + 2 <= INLINE_LIST_MAX && !values.some((s) => s.includes(",")))
      return { kind: "inline", values: [...values] };
    this.lists.push(values);
    return {
      kind: "range",
      sheet: LISTS_SHEET,
      col: this.lists.length - 1,
      count: values.length,
      values: [...values],
    };
  }
}

function planValidations(
  model: SheetModel,
  firstDataRow: number,
  lastRow: number,
  pool: ListPool,
): PlannedValidation[] {
  const end = Math.max(lastRow, firstDataRow - 1 + VALIDATION_MIN_ROWS);
  const out: PlannedValidation[] = [];
  model.columns.forEach((c, col) => {
    const list = c.list?.length ? c.list : undefined;
    if (!list && !c.hint) return;
    const v: PlannedValidation = { col, firstRow: firstDataRow, lastRow: end };
    if (list) {
      v.list = pool.source(list);
      v.error = { title: "输入有误", message: truncate(`请从下拉列表中选择：${list.join("、")}`, 255) };
    }
    if (c.hint) v.prompt = { title: truncate(c.header, 32), message: truncate(c.hint, 255) };
    out.push(v);
  });
  return out;
}

function planPrint(model: SheetModel, headerRow: number, firstDataRow: number): PrintPlan {
  const p = model.print;
  // a break before the row after the data puts what is drawn below it (a chart) on a page of its own
  const rowBreaks = (p?.breakBefore ?? [])
    .filter((i) => i > 0 && i <= model.rows.length)
    .map((i) => firstDataRow + i);
  return {
    paper: "A4",
    orientation: p?.landscape ? "landscape" : "portrait",
    fitToWidth: p !== undefined,
    titleRows: p?.repeatHeader && !model.noHeaderRow ? { first: headerRow, last: headerRow } : undefined,
    header: p?.header,
    footer: p?.footer,
    rowBreaks,
  };
}

function planConditionals(model: SheetModel, firstDataRow: number, lastRow: number): PlannedConditional[] {
  if (!model.rows.length) return [];
  return (model.conditional ?? []).map((cf) => ({
    firstRow: firstDataRow,
    lastRow,
    fromCol: Math.max(0, Math.min(cf.fromCol, cf.toCol)),
    toCol: Math.min(MAX_SHEET_COLS - 1, Math.max(cf.fromCol, cf.toCol)),
    equals: cf.equals,
    style: cf.style,
  }));
}

function planSheetWith(model: SheetModel, pool: ListPool): SheetPlan {
  const width = layoutWidth(model);
  const ncols = Math.max(1, model.columns.length);
  const { titleRow, headerRow, firstDataRow, lastRow } = layoutRows(model);
  if (lastRow > MAX_SHEET_ROWS)
    throw new SheetModelError(`sheet "${model.name}" has more than ${MAX_SHEET_ROWS} rows`);
  const sections = new Set<number>();
  const headerRows = new Set<number>();
  model.rowKinds?.forEach((k, i) => {
    if (i >= model.rows.length) return;
    if (k === "section" || k === "note") sections.add(i);
    else if (k === "header") headerRows.add(i);
  });
  const hasHeader = !model.noHeaderRow;
  const spans = planSpans(model, sections, ncols);
  // Excel does not allow merged cells inside a table: a sheet with merged rows gets a filter instead.
  const merged = sections.size > 0 || spans.length > 0 || headerRows.size > 0;
  const table = hasHeader && model.table === true && model.rows.length > 0 && !merged;
  const banners = planBanners(model, titleRow, headerRow, sections);
  const lastLetter = columnLetters(ncols - 1);
  const covered = new Map<number, Set<number>>();
  for (const s of spans) {
    const set = covered.get(firstDataRow + s.row) ?? new Set<number>();
    for (let c = s.col + 1; c < s.col + s.cols; c++) set.add(c);
    covered.set(firstDataRow + s.row, set);
  }
  return {
    model,
    name: model.name,
    hidden: model.hidden === true,
    ncols,
    width,
    titleRow,
    headerRow,
    hasHeader,
    firstDataRow,
    lastRow,
    headers: table ? tableColumnNames(model.columns, ncols) : model.columns.map((c) => c.header),
    columns: planColumns(model),
    banners,
    sections,
    headerRows,
    merges: [
      ...(ncols > 1 ? banners.map((b) => `A${b.row}:${lastLetter}${b.row}`) : []),
      ...spans.map(
        (s) =>
          `${columnLetters(s.col)}${firstDataRow + s.row}:${columnLetters(s.col + s.cols - 1)}${firstDataRow + s.row}`,
      ),
    ],
    covered,
    rowHeights: planRowHeights(model),
    table,
    autoFilter: hasHeader && model.table === true && !table,
    filterRange: `A${headerRow}:${lastLetter}${Math.max(lastRow, headerRow)}`,
    validations: planValidations(model, firstDataRow, lastRow, pool),
    freezeRows: model.freezeHeader && hasHeader ? headerRow : 0,
    print: planPrint(model, headerRow, firstDataRow),
    conditionals: planConditionals(model, firstDataRow, lastRow),
    links: planLinks(model, firstDataRow, width),
  };
}

// ---------------------------------------------------------------------------------------------
// Measuring: row heights and printed pages. Excel, WPS and LibreOffice do not re-measure the rows
// of a file another program wrote, so every row holding wrapped text gets an explicit height here.

/** Points of one line of text of `size` points (Excel's 宋体 11 line is 14.25 pt; the CJK fonts
 *  LibreOffice substitutes are taller), and the padding of a row. */
export function lineHeight(size: number): number {
  return Math.ceil(size * 1.36 * 4) / 4;
}
const ROW_PADDING = 4;

/** Pixels of a column `width` characters wide (7 px per character of the default font, + 5). */
export function columnPixels(width: number): number {
  return Math.round(width * 7 + 5);
}

/**
 * Display units (a CJK character counts two) one line holds in a cell `width` characters wide at
 * `size` points: half an em per unit, less the cell's padding, with a margin for line-breaking rules
 * (a line does not start with `，`) and fonts a little wider than 宋体.
 */
export function lineCapacity(width: number, size: number = BODY_SIZE): number {
  const unit = (size * 96) / 72 / 2;
  return Math.max(1, Math.floor(((columnPixels(width) - 8) / unit) * 0.95));
}

/** Lines a text needs in a cell `width` characters wide (a line break starts a line). */
export function linesNeeded(text: string, width: number, size: number = BODY_SIZE): number {
  return linesIn(text, lineCapacity(width, size));
}

/** Lines a text needs where a line holds `room` display units. */
function linesIn(text: string, room: number): number {
  // most cells are short: no character is wider than 2 units (no measuring needed)
  if (text.length * 2 <= room && !text.includes("\n")) return 1;
  let lines = 0;
  for (let from = 0; ;) {
    const to = text.indexOf("\n", from);
    const end = to < 0 ? text.length : to;
    lines += Math.max(1, Math.ceil(displayWidthOf(text, from, end) / room));
    if (to < 0) return lines;
    from = to + 1;
  }
}

/** The height in points of a row of `lines` lines of `size`-point text. */
export function rowHeightFor(lines: number, size: number = BODY_SIZE): number {
  return lines * lineHeight(size) + ROW_PADDING;
}

/** The spans of data rows, checked: inside the layout, not on merged rows, not overlapping. */
function planSpans(model: SheetModel, sections: Set<number>, ncols: number): SpanModel[] {
  const seen = new Map<number, number>();
  const out: SpanModel[] = [];
  for (const s of model.spans ?? []) {
    if (s.row < 0 || s.row >= model.rows.length || sections.has(s.row) || s.cols < 2) continue;
    if (s.col < 0 || s.col + s.cols > ncols)
      throw new SheetModelError(`sheet "${model.name}": a span of row ${s.row} leaves the columns`);
    if ((seen.get(s.row) ?? -1) >= s.col)
      throw new SheetModelError(`sheet "${model.name}": spans of row ${s.row} overlap or are out of order`);
    seen.set(s.row, s.col + s.cols - 1);
    out.push(s);
  }
  return out;
}

/** Width in characters of each cell of a data row: its column's, or the sum over its span. */
function cellWidths(columns: PlannedColumn[], spansOfRow: SpanModel[] | undefined) {
  const widths = columns.map((c) => c.width);
  for (const s of spansOfRow ?? [])
    for (let c = s.col + 1; c < s.col + s.cols; c++) {
      widths[s.col] += widths[c];
      widths[c] = 0;
    }
  return widths;
}

/**
 * The height every row needs (1-based row → points), and whether it must be written (`explicit`):
 * rows of a title, preamble, header, section or note, and rows whose wrapped text needs more than
 * one line. Other rows are one line of body text (`explicit` false: the program's default height).
 */
export function measureRows(model: SheetModel): Map<number, { points: number; explicit: boolean }> {
  const out = new Map<number, { points: number; explicit: boolean }>();
  eachRowHeight(model, (row, points, explicit) => out.set(row, { points, explicit }));
  return out;
}

/** The heights that must be written (1-based row → points). */
function planRowHeights(model: SheetModel): RowHeights {
  const out = new RowHeights();
  eachRowHeight(model, (row, points, explicit) => explicit && out.set(row, points));
  return out;
}

/**
 * Row heights by 1-based row: a Map's interface over an array, because rows are small dense
 * integers and a sheet that fixes every row's height has one per row — a Map of the district's
 * 200,000 took ~50 ms to fill and its lookups more in the writer (issue 12).
 */
export class RowHeights {
  private readonly points: (number | undefined)[] = [];

  set(row: number, points: number): this {
    while (this.points.length < row) this.points.push(undefined); // stays a dense array
    this.points[row] = points;
    return this;
  }

  get(row: number): number | undefined {
    return this.points[row];
  }

  /** [row, points] in row order. */
  *[Symbol.iterator](): IterableIterator<[number, number]> {
    for (let r = 0; r < this.points.length; r++) {
      const p = this.points[r];
      if (p !== undefined) yield [r, p];
    }
  }
}

type RowHeightVisit = (row: number, points: number, explicit: boolean) => void;

/** measureRows' heights, in row order, to `visit` (a district sheet has 400,000 rows: no object each). */
function eachRowHeight(model: SheetModel, visit: RowHeightVisit): void {
  const layout = layoutRows(model);
  const columns = planColumns(model);
  const total = columns.reduce((n, c) => n + c.width, 0) || GENERAL_COLUMN.width;
  const banner = (row: number, text: string, role: StyleRole, min = 0) => {
    const size = lookOf(role).size;
    visit(row, Math.max(min, rowHeightFor(linesNeeded(text, total, size), size)), true);
  };
  if (layout.titleRow !== undefined) banner(layout.titleRow, model.title!, "title", 30);
  (model.preamble ?? []).forEach((t, i) => banner((layout.titleRow ?? 0) + 1 + i, t, "preamble"));
  const headerSize = lookOf("header").size;
  const header = (row: number, texts: readonly (CellValue | undefined)[], widths: number[]) => {
    const lines = texts.reduce<number>(
      (n, v, c) => (widths[c] ? Math.max(n, linesNeeded(textOfCell(v), widths[c], headerSize)) : n),
      1,
    );
    visit(row, rowHeightFor(lines, headerSize), true);
  };
  if (!model.noHeaderRow)
    header(
      layout.headerRow,
      model.columns.map((c) => c.header),
      columns.map((c) => c.width),
    );
  const spans = new Map<number, SpanModel[]>();
  for (const s of model.spans ?? []) spans.set(s.row, [...(spans.get(s.row) ?? []), s]);
  const wrapCols = columns.flatMap((col, c) => (col.role === "wrap" ? [c] : []));
  const plainWidths = cellWidths(columns, undefined); // a row without spans (read only)
  const roomsOf = (widths: number[]) => widths.map((w) => (w ? lineCapacity(w) : 0));
  const plainRooms = roomsOf(plainWidths);
  model.rows.forEach((row, i) => {
    const r = layout.firstDataRow + i;
    const kind = model.rowKinds?.[i];
    if (kind === "section" || kind === "note") return banner(r, sectionText(row), kind);
    const rowSpans = spans.get(i);
    const widths = rowSpans ? cellWidths(columns, rowSpans) : plainWidths;
    if (kind === "header") return header(r, row, widths);
    const rooms = rowSpans ? roomsOf(widths) : plainRooms;
    let lines = 1;
    for (const c of wrapCols) {
      const v = row[c];
      if (typeof v === "string" && rooms[c]) lines = Math.max(lines, linesIn(v, rooms[c]));
    }
    visit(r, rowHeightFor(lines), lines > 1 || model.fixAllRowHeights === true);
  });
}

function textOfCell(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : textOf(v);
}

/** A4 inside Excel's normal margins (0.7" left and right, 0.75" top and bottom): the width in
 *  pixels (96 dpi) and the height in points a page prints at 100 %. */
const PAGE_AREA = {
  landscape: { widthPx: 988, heightPt: 487 },
  portrait: { widthPx: 659, heightPt: 734 },
} as const;

/** The scale "fit to one page wide" prints a sheet at (1 when its columns fit). */
export function printScale(model: SheetModel): number {
  const px = planColumns(model).reduce((n, c) => n + columnPixels(c.width), 0);
  const area = PAGE_AREA[model.print?.landscape ? "landscape" : "portrait"];
  return Math.min(1, area.widthPx / Math.max(1, px));
}

/**
 * Points of rows one printed page holds at the sheet's scale, less a tenth for programs that lay
 * rows out a little taller than planned (a page a sheet paginates itself must never overflow into
 * an automatic break).
 */
export function pageRowPoints(model: SheetModel): number {
  const area = PAGE_AREA[model.print?.landscape ? "landscape" : "portrait"];
  return (area.heightPt / printScale(model)) * 0.9;
}

/** The hidden sheet with the long drop-down lists, one list per column. */
function listsModel(lists: string[][]): SheetModel {
  const height = Math.max(...lists.map((l) => l.length));
  const rows: CellValue[][] = [];
  for (let r = 0; r < height; r++) rows.push(lists.map((l) => l[r] ?? null));
  // the lists start on row 1: no header row of their own, so the first list item is the "header"
  return {
    name: LISTS_SHEET,
    columns: lists.map((l) => ({ header: l[0] ?? "", format: "text" as const })),
    rows: rows.slice(1),
    hidden: true,
  };
}

/** One sheet on its own (no lists sheet: a long list makes a SheetModelError). */
export function planSheet(model: SheetModel): SheetPlan {
  const pool = new ListPool();
  const plan = planSheetWith(model, pool);
  if (pool.lists.length)
    throw new SheetModelError(`sheet "${model.name}" needs the lists sheet: use planWorkbook`);
  return plan;
}

/** A batch of sheets, with the hidden lists sheet appended when a drop-down needs it. */
export function planWorkbook(models: readonly SheetModel[]): WorkbookPlan {
  checkSheetNames(models);
  const pool = new ListPool();
  const sheets = models.map((m) => planSheetWith(m, pool));
  if (pool.lists.length) sheets.push(planSheetWith(listsModel(pool.lists), new ListPool()));
  return { sheets };
}

/** The formula of a drop-down source, naming the lists sheet as the writer calls it. */
export function listFormula(list: ListSource, listsSheetName: string = LISTS_SHEET): string {
  if (list.kind === "inline") return `"${list.values.map((s) => s.replace(/"/g, '""')).join(",")}"`;
  const col = columnLetters(list.col);
  return `'${listsSheetName.replace(/'/g, "''")}'!$${col}$1:$${col}$${Math.max(1, list.count)}`;
}

/** A cell style a plan writes: a look and a number format. */
export interface StyleNeed {
  role: StyleRole;
  numFmt: string;
}

/** Every (look, number format) pair the plans write, for writers that declare styles up front. */
export function styleNeeds(plans: readonly SheetPlan[]): StyleNeed[] {
  const out = new Map<string, StyleNeed>();
  const add = (role: StyleRole, numFmt: string) => out.set(`${role}|${numFmt}`, { role, numFmt });
  for (const plan of plans) {
    add("header", TEXT_FORMAT);
    for (const b of plan.banners) add(b.role, TEXT_FORMAT);
    for (let c = 0; c < plan.width; c++) {
      const col = columnAt(plan, c);
      const other = col.numFmt === TEXT_FORMAT ? GENERAL_FORMAT : col.numFmt;
      for (const role of [col.role, "link"] as const) {
        add(role, TEXT_FORMAT);
        add(role, other);
      }
    }
  }
  return [...out.values()];
}

export type { StyleRole };
