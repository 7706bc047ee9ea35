// Writing .xlsx files with ExcelJS: SheetModels (reports, the blank template) and raw Grids (tests).
//
// ExcelJS does most of the work; a small post-pass on the finished package (fflate) adds what ExcelJS
// cannot write: workbook-level defined names with constant values (the template version marker) and
// internal hyperlinks as plain `location` links (ExcelJS writes them as external relationships,
// which WPS Office does not follow).
import * as ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { columnLetters, type CellValue, type Workbook } from "../../engine/grid";
import {
  type ColumnFormat,
  type ColumnModel,
  type SheetModel,
  NUMBER_FORMAT_CODES,
} from "../../report/sheet-model";
import { fromSerial1900, isoToSerial } from "../../engine/dates";

export interface WriteSheetModelsOptions {
  /** Write the workbook in the 1904 date system (date columns are converted). */
  date1904?: boolean;
  /**
   * Workbook-level defined names. A value is written as a text constant (`"1.0"`) and read back by
   * readXlsx as the same text; a value starting with "=" is written as that formula instead.
   */
  definedNames?: Record<string, string>;
}

/** Data validations (drop-downs, hints) cover at least this many rows below the header. */
export const VALIDATION_MIN_ROWS = 2000;
/** The hidden sheet that holds drop-down lists too long for an inline list. */
export const LISTS_SHEET = "_PL_lists";

export const COLUMN_NUMFMT = NUMBER_FORMAT_CODES;

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF8EA9C1" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const TITLE_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, size: 16 },
  alignment: { horizontal: "center", vertical: "middle" },
};
const PREAMBLE_STYLE: Partial<ExcelJS.Style> = { alignment: { vertical: "middle" } };
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF0563C1" }, underline: true };

function headerStyle(numFmt: string | undefined): Partial<ExcelJS.Style> {
  return {
    ...(numFmt ? { numFmt } : {}),
    font: { bold: true },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } },
    border: BORDER,
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
  };
}

/** Display width of a text in Excel's character units (CJK and full-width characters count two). */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

function columnWidth(c: ColumnModel): number {
  if (c.width !== undefined) return c.width;
  const min = c.format === "date" ? 12 : 8;
  return Math.min(40, Math.max(min, displayWidth(c.header) + 4));
}

function isBlankValue(v: CellValue | undefined): v is null | undefined {
  return v === null || v === undefined || v === "";
}

/** A SheetModel cell → the value to write, following the column's format. */
function convertValue(
  v: CellValue,
  format: ColumnFormat | undefined,
  date1904: boolean,
): string | number | boolean {
  if (v === null) return "";
  if (format === "text")
    return typeof v === "string" ? v : typeof v === "number" ? String(v) : v ? "TRUE" : "FALSE";
  if (format === "date") {
    if (typeof v === "number") return fromSerial1900(v, date1904);
    if (typeof v === "string") {
      const serial = isoToSerial(v, date1904);
      return serial === serial ? serial : v; // unreadable dates are kept as the text they are
    }
  }
  return v;
}

interface PendingLink {
  /** A1 address of the cell. */
  ref: string;
  /** Internal location such as `'党员'!E7`. */
  location: string;
}

interface WriteContext {
  date1904: boolean;
  /** In-memory writes inject internal links afterwards; streaming writes use ExcelJS's `#` links. */
  streaming: boolean;
  links: Map<ExcelJS.Worksheet, PendingLink[]>;
  /** Long drop-down lists: values → range on the lists sheet. */
  lists: string[][];
}

function escapeListItem(s: string): string {
  return s.replace(/"/g, '""');
}

/** The formula of a list validation: inline when Excel allows it, else a range on the lists sheet. */
function listFormula(list: string[], ctx: WriteContext): string {
  const inline = `"${list.map(escapeListItem).join(",")}"`;
  if (inline.length <= 255 && !list.some((s) => s.includes(","))) return inline;
  ctx.lists.push(list);
  const col = columnLetters(ctx.lists.length - 1);
  return `'${LISTS_SHEET}'!$${col}$1:$${col}$${Math.max(1, list.length)}`;
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** ExcelJS supports `type: "any"` (an input hint without a rule) and `worksheet.dataValidations`, untyped. */
type Validation = Omit<ExcelJS.DataValidation, "type"> & { type: ExcelJS.DataValidation["type"] | "any" };
interface WithValidations {
  dataValidations: { add(address: string, validation: Validation): void };
}

function validationFor(c: ColumnModel, ctx: WriteContext): Validation | undefined {
  const prompt = c.hint
    ? { showInputMessage: true, promptTitle: truncate(c.header, 32), prompt: truncate(c.hint, 255) }
    : {};
  if (c.list && c.list.length > 0) {
    return {
      type: "list",
      allowBlank: true,
      formulae: [listFormula(c.list, ctx)],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "输入有误",
      error: truncate(`请从下拉列表中选择：${c.list.join("、")}`, 255),
      ...prompt,
    };
  }
  if (c.hint) return { type: "any", allowBlank: true, formulae: [], ...prompt };
  return undefined;
}

function headerRowOf(model: SheetModel): number {
  return 1 + (model.title ? 1 : 0) + (model.preamble?.length ?? 0);
}

/** Options for addWorksheet (ExcelJS's streaming writer takes views only here). */
function worksheetOptions(model: SheetModel): Partial<ExcelJS.AddWorksheetOptions> {
  const headerRow = headerRowOf(model);
  return {
    ...(model.hidden ? { state: "hidden" as const } : {}),
    ...(model.freezeHeader
      ? {
          views: [
            { state: "frozen" as const, xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` },
          ],
        }
      : {}),
  };
}

/** Lays one SheetModel out on a worksheet (in-memory or streaming: only calls both support). */
function layoutSheet(ws: ExcelJS.Worksheet, model: SheetModel, ctx: WriteContext): void {
  const ncols = Math.max(1, model.columns.length);
  const numFmts = model.columns.map((c) => COLUMN_NUMFMT[c.format ?? "general"]);
  // Column styles give cells typed later (the blank template) the column's format too.
  ws.columns = model.columns.map((c, i) => ({
    width: columnWidth(c),
    style: numFmts[i] ? { numFmt: numFmts[i] } : {},
  }));
  const dataStyles = numFmts.map((numFmt) => ({ ...(numFmt ? { numFmt } : {}), border: BORDER }));
  const linkStyles = numFmts.map((numFmt) => ({
    ...(numFmt ? { numFmt } : {}),
    border: BORDER,
    font: LINK_FONT,
  }));

  let r = 1;
  if (model.title) {
    const row = ws.getRow(r);
    const cell = row.getCell(1);
    cell.value = model.title;
    cell.style = TITLE_STYLE;
    row.height = 30;
    if (ncols > 1) ws.mergeCells(r, 1, r, ncols);
    row.commit();
    r++;
  }
  for (const line of model.preamble ?? []) {
    const row = ws.getRow(r);
    const cell = row.getCell(1);
    cell.value = line;
    cell.style = PREAMBLE_STYLE;
    row.commit();
    r++;
  }
  const headerRow = r;
  {
    const row = ws.getRow(r);
    model.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = c.header;
      cell.style = headerStyle(numFmts[i]);
    });
    row.commit();
    r++;
  }

  const links = new Map<string, string>();
  let linkCols = 0;
  for (const h of model.hyperlinks ?? []) {
    links.set(`${h.row}:${h.col}`, h.target);
    linkCols = Math.max(linkCols, h.col + 1);
  }
  const firstDataRow = r;
  model.rows.forEach((values, ri) => {
    const row = ws.getRow(r);
    const width = links.size ? Math.max(values.length, linkCols) : values.length;
    for (let ci = 0; ci < width; ci++) {
      const col = model.columns[ci];
      const target = links.size ? links.get(`${ri}:${ci}`) : undefined;
      const v = values[ci] ?? null;
      if (isBlankValue(v) && target === undefined) continue;
      const cell = row.getCell(ci + 1);
      const value = isBlankValue(v) ? "" : convertValue(v, col?.format, ctx.date1904);
      if (target !== undefined) {
        const text = typeof value === "string" ? value : String(value);
        if (ctx.streaming) cell.value = { text: text || target, hyperlink: `#${target}` };
        else {
          cell.value = text || target;
          const list = ctx.links.get(ws) ?? [];
          list.push({ ref: `${columnLetters(ci)}${r}`, location: target });
          ctx.links.set(ws, list);
        }
        cell.style = linkStyles[ci] ?? { font: LINK_FONT };
      } else {
        cell.value = value;
        cell.style = dataStyles[ci] ?? {};
      }
    }
    row.commit();
    r++;
  });
  const lastDataRow = r - 1;

  // drop-downs and hints: over the data rows, and at least VALIDATION_MIN_ROWS below the header
  const validationEnd = Math.max(lastDataRow, headerRow + VALIDATION_MIN_ROWS);
  model.columns.forEach((c, i) => {
    const dv = validationFor(c, ctx);
    if (!dv) return;
    const col = columnLetters(i);
    (ws as unknown as WithValidations).dataValidations.add(
      `${col}${firstDataRow}:${col}${validationEnd}`,
      dv,
    );
  });

  // `table`: an autoFilter over header + rows. ExcelJS tables break on empty data, duplicate or
  // blank headers and need table-safe names; an autoFilter gives the clerk the same filter buttons.
  if (model.table)
    ws.autoFilter = `A${headerRow}:${columnLetters(ncols - 1)}${Math.max(lastDataRow, headerRow)}`;

  ws.pageSetup.paperSize = 9; // A4
  if (model.print) {
    ws.pageSetup.orientation = model.print.landscape ? "landscape" : "portrait";
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0;
    if (model.print.repeatHeader) ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  }
}

function writeListsSheet(wb: ExcelJS.Workbook, ctx: WriteContext): void {
  if (ctx.lists.length === 0) return;
  const ws = wb.addWorksheet(LISTS_SHEET, { state: "hidden" });
  const height = Math.max(...ctx.lists.map((l) => l.length));
  for (let r = 0; r < height; r++) {
    const row = ws.getRow(r + 1);
    ctx.lists.forEach((list, c) => {
      if (r < list.length) row.getCell(c + 1).value = list[r];
    });
    row.commit();
  }
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
 * SheetModels → a new workbook: optional merged title row and preamble lines, a styled header row,
 * data rows with per-column formats (text columns are text, never formulas; dates are serials with
 * `yyyy-mm-dd`), drop-down lists and hints, frozen header, filter buttons, internal links, A4 print
 * setup, hidden sheets and defined names.
 */
export async function writeSheetModels(
  models: SheetModel[],
  opts: WriteSheetModelsOptions = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const date1904 = opts.date1904 === true;
  if (date1904) wb.properties.date1904 = true;
  const ctx: WriteContext = { date1904, streaming: false, links: new Map(), lists: [] };
  for (const model of models) {
    const ws = wb.addWorksheet(model.name, worksheetOptions(model));
    layoutSheet(ws, model, ctx);
  }
  writeListsSheet(wb, ctx);
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
  const ctx: WriteContext = { date1904: false, streaming: true, links: new Map(), lists: [] };
  for (const model of models) {
    const ws = wb.addWorksheet(model.name, worksheetOptions(model));
    layoutSheet(ws, model, ctx);
    ws.commit();
  }
  if (ctx.lists.length) {
    writeListsSheet(wb, ctx);
    wb.getWorksheet(LISTS_SHEET)?.commit();
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
