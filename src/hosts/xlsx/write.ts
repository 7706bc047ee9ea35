// Writing .xlsx files with ExcelJS: SheetModels (the blank template, samples) and raw Grids (tests).
//
// A batch of SheetModels is planned once (report/sheet-plan.ts) and this module only translates the
// plan into ExcelJS calls, as the package patcher and the Office host translate the same plan. A
// small post-pass on the finished package (fflate) adds what ExcelJS cannot write: workbook-level
// defined names with constant values (the template version marker) and internal hyperlinks as plain
// `location` links (ExcelJS writes them as external relationships, which WPS Office does not follow).
//
// Two known limits, neither of which the files it writes (template, samples) meets: a plan's Excel
// table is written as an autoFilter over the same range (ExcelJS's tables overwrite the cells and
// hide the filter buttons), and ExcelJS cannot write charts, so a model with charts is refused.
import * as ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { columnLetters, type CellValue, type Workbook } from "../../engine/grid";
import { BORDER_COLOR, CONDITIONAL_LOOKS, lookOf, type StyleRole } from "../../report/cell-looks";
import type { PageText, SheetModel } from "../../report/sheet-model";
import {
  cellNumFmt,
  cellValue,
  columnAt,
  GENERAL_FORMAT,
  linkValue,
  listFormula,
  planWorkbook,
  SerialDates,
  SheetModelError,
  TEXT_FORMAT,
  type OutValue,
  type SheetPlan,
} from "../../report/sheet-plan";
import { pageTextCode } from "./sheet-writer";

export interface WriteSheetModelsOptions {
  /** Write the workbook in the 1904 date system (date columns are converted). */
  date1904?: boolean;
  /**
   * Workbook-level defined names. A value is written as a text constant (`"1.0"`) and read back by
   * readXlsx as the same text; a value starting with "=" is written as that formula instead.
   */
  definedNames?: Record<string, string>;
}

const argb = (rgb: string) => `FF${rgb}`;

/** A look (report/cell-looks.ts) with a number format → an ExcelJS style. */
function styleOf(role: StyleRole, numFmt: string): Partial<ExcelJS.Style> {
  const look = lookOf(role);
  const style: Partial<ExcelJS.Style> = {};
  if (numFmt !== GENERAL_FORMAT) style.numFmt = numFmt;
  // charset 134 (GB2312): programs pick the Chinese face even where the name is not installed
  const font: Partial<ExcelJS.Font> = { name: look.font, size: look.size, charset: 134 };
  if (look.bold) font.bold = true;
  if (look.color) font.color = { argb: argb(look.color) };
  if (look.underline) font.underline = true;
  style.font = font;
  if (look.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
  if (look.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: argb(BORDER_COLOR) } };
    style.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (look.horizontal || look.vertical || look.wrap)
    style.alignment = {
      ...(look.horizontal ? { horizontal: look.horizontal } : {}),
      ...(look.vertical ? { vertical: look.vertical === "center" ? "middle" : look.vertical } : {}),
      ...(look.wrap ? { wrapText: true } : {}),
    };
  return style;
}

/** Styles are shared objects per (role, format): ExcelJS then writes one xf for each. */
class Styles {
  private readonly cache = new Map<string, Partial<ExcelJS.Style>>();
  get(role: StyleRole, numFmt: string): Partial<ExcelJS.Style> {
    const k = `${role}|${numFmt}`;
    let s = this.cache.get(k);
    if (!s) this.cache.set(k, (s = styleOf(role, numFmt)));
    return s;
  }
}

interface PendingLink {
  /** A1 address of the cell. */
  ref: string;
  /** Internal location such as `'党员'!E7`. */
  location: string;
}

interface WriteContext {
  dates: SerialDates;
  styles: Styles;
  /** In-memory writes inject internal links afterwards; streaming writes use ExcelJS's `#` links. */
  streaming: boolean;
  links: Map<ExcelJS.Worksheet, PendingLink[]>;
}

/** ExcelJS supports `type: "any"` (an input hint without a rule) and `worksheet.dataValidations`, untyped. */
type Validation = Omit<ExcelJS.DataValidation, "type"> & { type: ExcelJS.DataValidation["type"] | "any" };
interface WithValidations {
  dataValidations: { add(address: string, validation: Validation): void };
}

/** Options for addWorksheet (ExcelJS's streaming writer takes views only here). */
function worksheetOptions(plan: SheetPlan): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    ...(plan.hidden ? { state: "hidden" as const } : {}),
    ...(plan.freezeRows
      ? {
          views: [
            {
              state: "frozen" as const,
              xSplit: 0,
              ySplit: plan.freezeRows,
              topLeftCell: `A${plan.freezeRows + 1}`,
            },
          ],
        }
      : {}),
  };
}

function writeBannersAndHeader(ws: ExcelJS.Worksheet, plan: SheetPlan, ctx: WriteContext): void {
  for (const b of plan.banners) {
    if (b.row >= plan.firstDataRow) continue; // section rows are written with the data rows
    const cell = ws.getRow(b.row).getCell(1);
    cell.value = b.text;
    cell.style = ctx.styles.get(b.role, TEXT_FORMAT);
  }
  if (!plan.hasHeader) return;
  const row = ws.getRow(plan.headerRow);
  for (let c = 0; c < plan.ncols; c++) {
    const cell = row.getCell(c + 1);
    const h = plan.headers[c] ?? "";
    if (h) cell.value = h;
    cell.style = ctx.styles.get("header", TEXT_FORMAT);
  }
}

function setCell(
  cell: ExcelJS.Cell,
  value: OutValue,
  role: StyleRole,
  plan: SheetPlan,
  c: number,
  ctx: WriteContext,
) {
  cell.value = value;
  cell.style = ctx.styles.get(role, cellNumFmt(value, columnAt(plan, c)));
}

function writeDataRow(
  ws: ExcelJS.Worksheet,
  plan: SheetPlan,
  i: number,
  links: Map<number, string> | undefined,
  ctx: WriteContext,
  breaksBelow: Set<number>,
) {
  const r = plan.firstDataRow + i;
  const row = ws.getRow(r);
  if (plan.sections.has(i)) {
    const b = plan.banners.find((x) => x.row === r)!;
    const style = ctx.styles.get(b.role, TEXT_FORMAT);
    row.getCell(1).value = b.text;
    for (let c = 0; c < plan.ncols; c++) row.getCell(c + 1).style = style;
    finishRow(row, plan, breaksBelow);
    return;
  }
  const values = plan.model.rows[i];
  const header = plan.headerRows.has(i);
  const covered = plan.covered.get(r);
  const n = Math.max(links ? plan.width : values.length, plan.ncols);
  for (let c = 0; c < n; c++) {
    const format = header ? "text" : columnAt(plan, c).format;
    const value = covered?.has(c) ? null : cellValue(values[c], format, ctx.dates);
    const target = links?.get(c);
    const role = header ? "header" : columnAt(plan, c).role;
    if (target === undefined) {
      if (value !== null) setCell(row.getCell(c + 1), value, role, plan, c, ctx);
      // blank cells of the table keep its borders (and a merged span's covered cells its look)
      else if (c < plan.ncols)
        row.getCell(c + 1).style = ctx.styles.get(role, header ? TEXT_FORMAT : columnAt(plan, c).numFmt);
      continue;
    }
    const shown = linkValue(value, target);
    const cell = row.getCell(c + 1);
    if (ctx.streaming) {
      cell.value = { text: String(shown), hyperlink: `#${target}` };
      cell.style = ctx.styles.get("link", cellNumFmt(shown, columnAt(plan, c)));
    } else {
      setCell(cell, shown, "link", plan, c, ctx);
      const list = ctx.links.get(ws) ?? [];
      list.push({ ref: `${columnLetters(c)}${r}`, location: target });
      ctx.links.set(ws, list);
    }
  }
  finishRow(row, plan, breaksBelow);
}

function writeValidations(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  for (const v of plan.validations) {
    const prompt = v.prompt
      ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.message }
      : {};
    const error = v.error
      ? { showErrorMessage: true, errorStyle: "stop", errorTitle: v.error.title, error: v.error.message }
      : {};
    const dv: Validation = v.list
      ? { type: "list", allowBlank: true, formulae: [listFormula(v.list)], ...prompt, ...error }
      : { type: "any", allowBlank: true, formulae: [], ...prompt };
    const col = columnLetters(v.col);
    (ws as unknown as WithValidations).dataValidations.add(`${col}${v.firstRow}:${col}${v.lastRow}`, dv);
  }
}

function writeConditionals(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  let priority = 1;
  for (const cf of plan.conditionals) {
    const look = CONDITIONAL_LOOKS[cf.style];
    ws.addConditionalFormatting({
      ref: `${columnLetters(cf.fromCol)}${cf.firstRow}:${columnLetters(cf.toCol)}${cf.lastRow}`,
      rules: [
        {
          type: "cellIs",
          operator: "equal",
          priority: priority++,
          formulae: [`"${cf.equals.replace(/"/g, '""')}"`],
          style: {
            font: { color: { argb: argb(look.font) } },
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(look.fill) } },
          },
        },
      ],
    });
  }
}

function headerFooterOf(t: PageText | undefined): string | undefined {
  return t ? pageTextCode(t) : undefined;
}

function writePrint(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const p = plan.print;
  ws.pageSetup.paperSize = 9; // A4
  ws.pageSetup.orientation = p.orientation;
  if (p.fitToWidth) {
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0;
  }
  if (p.titleRows) ws.pageSetup.printTitlesRow = `${p.titleRows.first}:${p.titleRows.last}`;
  const header = headerFooterOf(p.header);
  const footer = headerFooterOf(p.footer);
  if (header) ws.headerFooter.oddHeader = header;
  if (footer) ws.headerFooter.oddFooter = footer;
}

/** Row height and a page break below, set before the row is committed (the streaming writer). */
function finishRow(row: ExcelJS.Row, plan: SheetPlan, breaksBelow: Set<number>): void {
  const h = plan.rowHeights.get(row.number);
  if (h !== undefined) row.height = h;
  if (breaksBelow.has(row.number)) row.addPageBreak();
  row.commit();
}

/** The row of a one-row merge "A5:F5". */
const mergeRow = (ref: string) => Number(/\d+/.exec(ref)?.[0]);

/** ExcelJS cannot write charts: a model with charts is refused rather than written without them. */
function refuseCharts(models: SheetModel[]): SheetModel[] {
  const m = models.find((x) => x.charts?.length);
  if (m)
    throw new SheetModelError(
      `sheet "${m.name}" has charts, which the ExcelJS writer cannot write; write it with patchWorkbook`,
    );
  return models;
}

/** Lays one planned sheet out on a worksheet (in-memory or streaming: only calls both support). */
function layoutSheet(ws: ExcelJS.Worksheet, plan: SheetPlan, ctx: WriteContext): void {
  // Column styles give cells typed later (the blank template) the column's format too.
  ws.columns = plan.columns.map((c) => ({
    width: c.width,
    style: c.numFmt !== GENERAL_FORMAT ? { numFmt: c.numFmt } : {},
  }));
  for (const m of plan.merges) if (mergeRow(m) < plan.firstDataRow) ws.mergeCells(m);
  writeBannersAndHeader(ws, plan, ctx);
  for (let r = 1; r <= plan.headerRow; r++) finishRow(ws.getRow(r), plan, new Set());
  const links = new Map<number, Map<number, string>>();
  for (const l of plan.links) {
    const i = l.row - plan.firstDataRow;
    let m = links.get(i);
    if (!m) links.set(i, (m = new Map()));
    m.set(l.col, l.target);
  }
  const breaksBelow = new Set(plan.print.rowBreaks.map((r) => r - 1));
  for (let i = 0; i < plan.model.rows.length; i++) writeDataRow(ws, plan, i, links.get(i), ctx, breaksBelow);
  // section rows are merged once written (merges are kept with the sheet until it is committed)
  for (const m of plan.merges) if (mergeRow(m) >= plan.firstDataRow) ws.mergeCells(m);
  writeConditionals(ws, plan);
  writeValidations(ws, plan);
  if (plan.table || plan.autoFilter) ws.autoFilter = plan.filterRange;
  writePrint(ws, plan);
}

function isBlankValue(v: CellValue | undefined): v is null | undefined {
  return v === null || v === undefined || v === "";
}

function xmlEscape(s: string): string {
  return s.replace(/[&<>"]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;",
  );
}

/** A defined name's value → its formula text (see WriteSheetModelsOptions.definedNames). */
function definedNameFormula(value: string): string {
  return value.startsWith("=") ? value.slice(1) : `"${value.replace(/"/g, '""')}"`;
}

function toU8(buf: ArrayBuffer | Uint8Array): Uint8Array {
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf);
}

/** Worksheet elements that must follow `<hyperlinks>` (CT_Worksheet order). */
const AFTER_HYPERLINKS = [
  "<printOptions",
  "<pageMargins",
  "<pageSetup",
  "<headerFooter",
  "<rowBreaks",
  "<colBreaks",
  "<customProperties",
  "<cellWatches",
  "<ignoredErrors",
  "<smartTags",
  "<drawing",
  "<legacyDrawing",
  "<picture",
  "<oleObjects",
  "<controls",
  "<webPublishItems",
  "<tableParts",
  "<extLst",
  "</worksheet>",
];

/** Adds defined names and internal hyperlinks to a package ExcelJS wrote. */
function patchPackage(
  bytes: Uint8Array,
  definedNames: Record<string, string> | undefined,
  links: Map<number, PendingLink[]>,
): Uint8Array {
  const names = Object.entries(definedNames ?? {});
  if (names.length === 0 && links.size === 0) return bytes;
  const files = unzipSync(bytes);
  if (names.length) {
    const key = "xl/workbook.xml";
    let xml = strFromU8(files[key]);
    const defs = names
      .map(
        ([n, v]) => `<definedName name="${xmlEscape(n)}">${xmlEscape(definedNameFormula(v))}</definedName>`,
      )
      .join("");
    if (xml.includes("</definedNames>")) xml = xml.replace("</definedNames>", `${defs}</definedNames>`);
    else if (xml.includes("<definedNames/>"))
      xml = xml.replace("<definedNames/>", `<definedNames>${defs}</definedNames>`);
    else xml = xml.replace("</sheets>", `</sheets><definedNames>${defs}</definedNames>`);
    files[key] = strToU8(xml);
  }
  for (const [sheetId, list] of links) {
    const key = `xl/worksheets/sheet${sheetId}.xml`;
    if (!files[key]) continue;
    let xml = strFromU8(files[key]);
    const el = `<hyperlinks>${list.map((l) => `<hyperlink ref="${l.ref}" location="${xmlEscape(l.location)}"/>`).join("")}</hyperlinks>`;
    let at = -1;
    for (const tag of AFTER_HYPERLINKS) {
      const i = xml.indexOf(tag);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    if (at < 0) continue;
    xml = xml.slice(0, at) + el + xml.slice(at);
    files[key] = strToU8(xml);
  }
  return zipSync(files, { level: 6 });
}

/**
 * SheetModels → a new workbook, as the sheet plan lays them out (see report/sheet-plan.ts), with the
 * hidden lists sheet when a drop-down needs it, hidden sheets and defined names.
 */
export async function writeSheetModels(
  models: SheetModel[],
  opts: WriteSheetModelsOptions = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const date1904 = opts.date1904 === true;
  if (date1904) wb.properties.date1904 = true;
  const ctx: WriteContext = {
    dates: new SerialDates(date1904),
    styles: new Styles(),
    streaming: false,
    links: new Map(),
  };
  for (const plan of planWorkbook(refuseCharts(models)).sheets)
    layoutSheet(wb.addWorksheet(plan.name, worksheetOptions(plan)), plan, ctx);
  const bytes = toU8(await wb.xlsx.writeBuffer());
  const links = new Map<number, PendingLink[]>();
  for (const [ws, list] of ctx.links) links.set(ws.id, list);
  return patchPackage(bytes, opts.definedNames, links);
}

/**
 * SheetModels → an .xlsx file through ExcelJS's streaming writer (rows are written as they are laid
 * out; strings inline, no shared string table), for district-scale outputs. 1900 date system;
 * internal links use ExcelJS's `#'Sheet'!A1` form; no defined names.
 */
export async function writeSheetModelsStreaming(models: SheetModel[], path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: false,
    useStyles: true,
  });
  const ctx: WriteContext = {
    dates: new SerialDates(false),
    styles: new Styles(),
    streaming: true,
    links: new Map(),
  };
  for (const plan of planWorkbook(refuseCharts(models)).sheets) {
    const ws = wb.addWorksheet(plan.name, worksheetOptions(plan));
    layoutSheet(ws, plan, ctx);
    ws.commit();
  }
  await wb.commit();
}

/**
 * Raw Grids → a workbook, cell by cell: values as given (strings stay strings, even "=…"), a number's
 * format from Grid.formats, merges, hidden sheets, the date system and defined names (as
 * writeSheetModels). For building test ledgers with odd layouts.
 */
export async function writeGrids(book: Workbook): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (book.date1904) wb.properties.date1904 = true;
  for (const grid of book.sheets) {
    const ws = wb.addWorksheet(grid.name, grid.hidden ? { state: "hidden" } : {});
    grid.rows.forEach((values, r) => {
      if (!values) return;
      const row = ws.getRow(r + 1);
      values.forEach((v, c) => {
        if (isBlankValue(v)) return;
        const cell = row.getCell(c + 1);
        cell.value = v;
        const fmt = typeof v === "number" ? grid.formats?.[r]?.[c] : undefined;
        if (fmt !== undefined && fmt.toLowerCase() !== "general") cell.numFmt = fmt;
      });
    });
    for (const m of grid.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  const bytes = toU8(await wb.xlsx.writeBuffer());
  return patchPackage(bytes, book.definedNames, new Map());
}
