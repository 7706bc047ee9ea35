// One SheetModel laid out on a (new, hidden) worksheet through queued calls: title and preamble
// banners, header, data rows in size-bounded chunks (one 2-D array per chunk; the number formats
// first, so text stays text), then the table, conditional formats, drop-downs, frozen header and
// print setup. Optional features follow the requirement sets (see support.ts).
import { a1, columnLetters, type CellValue } from "../../engine/grid";
import { NUMBER_FORMAT_CODES, type ColumnFormat, type ColumnModel } from "../../report/sheet-model";
import { fromSerial1900, isoToSerial } from "../../engine/dates";
import type { SheetPlan } from "../../report/sheet-plan";
import { CALL_BYTES, rowBytes, valueBytes, type Batcher } from "./batching";
import { GENERAL_FORMAT, TEXT_FORMAT } from "../common/cell-format";
import { SET, type ExcelSupport } from "./support";

/** Drop-downs and hints cover at least this many rows below the header (as the xlsx writer does). */
export const VALIDATION_MIN_ROWS = 2000;

const HEADER_FILL = "#DDEBF7";
const CF_COLORS = {
  good: { font: "#006100", fill: "#C6EFCE" },
  bad: { font: "#9C0006", fill: "#FFC7CE" },
  warn: { font: "#9C5700", fill: "#FFEB9C" },
} as const;

export interface LayoutEnv {
  batcher: Batcher;
  support: ExcelSupport;
  date1904: boolean;
  requestBudget: number;
  /** Called after each chunk of data rows is queued, with the number of rows. */
  onRows?: (rows: number) => void;
}

type Out = string | number | boolean;

function formatCode(f: ColumnFormat | undefined): string {
  return NUMBER_FORMAT_CODES[f ?? "general"] ?? GENERAL_FORMAT;
}

function textOf(v: CellValue): string {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : v ? "TRUE" : "FALSE";
}

/**
 * A model cell → the value to write and its number format. Every string gets `@` (Excel would take
 * `= + - @` as a formula and coerce numeric or date-like text); dates are serials in the workbook's
 * date system with a date format.
 */
export function cellOut(
  v: CellValue | undefined,
  format: ColumnFormat | undefined,
  date1904: boolean,
): { value: Out; fmt: string } {
  const code = formatCode(format);
  if (v === null || v === undefined || v === "") return { value: "", fmt: code };
  let out: Out = v;
  if (format === "text") out = textOf(v);
  else if (format === "date") {
    if (typeof v === "number") out = fromSerial1900(v, date1904);
    else if (typeof v === "string") {
      const serial = isoToSerial(v, date1904);
      if (serial === serial) out = serial; // unreadable dates stay the text they are
    }
  }
  if (typeof out === "number" && !Number.isFinite(out)) out = String(out);
  if (typeof out === "string") return { value: out, fmt: TEXT_FORMAT };
  return { value: out, fmt: code === TEXT_FORMAT ? GENERAL_FORMAT : code };
}

/** Display width in Excel's character units (CJK counts two), as the xlsx writers compute it. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

/** Column width in points (Office.js) for a width in characters (Calibri 11: 7 px per char + 5 px). */
function widthPoints(c: ColumnModel): number {
  const chars = c.width ?? Math.min(40, Math.max(c.format === "date" ? 12 : 8, displayWidth(c.header) + 4));
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export async function layoutSheet(ws: Excel.Worksheet, plan: SheetPlan, env: LayoutEnv): Promise<void> {
  const { model, ncols, width, headerRow, firstDataRow, lastRow } = plan;
  const { batcher, support, date1904 } = env;
  const lastLetter = columnLetters(ncols - 1);
  const lastWide = columnLetters(width - 1);
  const rowRange = (r: number) => ws.getRange(`A${r}:${lastLetter}${r}`);

  // column widths
  if (support.minor >= SET.columnWidth) {
    await batcher.room(model.columns.length * CALL_BYTES);
    model.columns.forEach((c, i) => (ws.getRange(a1(0, i)).format.columnWidth = widthPoints(c)));
  }

  // title and preamble: one text merged across the layout
  const banner = async (r: number, text: string, title: boolean) => {
    await batcher.room(6 * CALL_BYTES + valueBytes(text));
    const cell = ws.getRange(`A${r}`);
    cell.numberFormat = [[TEXT_FORMAT]];
    cell.values = [[text]];
    const row = rowRange(r);
    if (ncols > 1 && support.minor >= SET.merge) row.merge(false);
    if (title) {
      row.format.font.bold = true;
      row.format.font.size = 16;
      row.format.horizontalAlignment = "Center";
      if (support.minor >= SET.columnWidth) row.format.rowHeight = 30;
    }
  };
  let r = 1;
  if (model.title) await banner(r++, model.title, true);
  for (const line of model.preamble ?? []) await banner(r++, line, false);

  // header
  {
    const texts = Array.from({ length: ncols }, (_, i) => plan.headers[i] ?? "");
    await batcher.room(
      6 * CALL_BYTES +
        rowBytes(
          texts,
          texts.map(() => TEXT_FORMAT),
        ),
    );
    const row = rowRange(headerRow);
    row.numberFormat = [texts.map(() => TEXT_FORMAT)];
    row.values = [texts];
    row.format.font.bold = true;
    row.format.fill.color = HEADER_FILL;
    row.format.horizontalAlignment = "Center";
    row.format.wrapText = true;
  }

  // data rows, chunked by estimated request size
  const links = new Map<number, Map<number, string>>();
  for (const h of model.hyperlinks ?? []) {
    if (h.row < 0 || h.row >= model.rows.length || h.col < 0 || h.col >= width) continue;
    let m = links.get(h.row);
    if (!m) links.set(h.row, (m = new Map()));
    m.set(h.col, h.target);
  }
  const withLinks = support.minor >= SET.hyperlinks;
  const formats = Array.from({ length: width }, (_, c) => model.columns[c]?.format);
  const chunkBudget = Math.max(10_000, env.requestBudget - 8 * CALL_BYTES);
  let vals: Out[][] = [];
  let fmts: string[][] = [];
  let extras: (() => void)[] = [];
  let bytes = 0;
  let start = firstDataRow;
  const flush = async () => {
    if (!vals.length) return;
    await batcher.room(bytes + 2 * CALL_BYTES);
    const range = ws.getRange(`A${start}:${lastWide}${start + vals.length - 1}`);
    range.numberFormat = fmts; // before the values: text must land in `@` cells
    range.values = vals;
    for (const x of extras) x();
    env.onRows?.(vals.length);
    start += vals.length;
    vals = [];
    fmts = [];
    extras = [];
    bytes = 0;
  };
  for (let i = 0; i < model.rows.length; i++) {
    const src = model.rows[i];
    const rowNo = firstDataRow + i;
    const v: Out[] = new Array<Out>(width);
    const f: string[] = new Array<string>(width);
    let extra = 0;
    if (plan.sections.has(i)) {
      const text = src.find((x) => x !== null && x !== undefined && x !== "");
      for (let c = 0; c < width; c++) {
        v[c] = "";
        f[c] = c === 0 ? TEXT_FORMAT : formatCode(formats[c]);
      }
      v[0] = text === undefined || text === null ? "" : textOf(text);
      extras.push(() => {
        const row = rowRange(rowNo);
        if (ncols > 1 && support.minor >= SET.merge) row.merge(false);
        row.format.font.bold = true;
      });
      extra += 3 * CALL_BYTES;
    } else {
      for (let c = 0; c < width; c++) {
        const out = cellOut(src[c], formats[c], date1904);
        v[c] = out.value;
        f[c] = out.fmt;
      }
      const rowLinks = withLinks ? links.get(i) : undefined;
      for (const [c, target] of rowLinks ?? []) {
        // the cell's value is the link text (a blank cell shows the target); no textToDisplay, which
        // would replace a number by text
        if (v[c] === "") {
          v[c] = target;
          f[c] = TEXT_FORMAT;
        }
        extras.push(() => {
          ws.getRange(a1(rowNo - 1, c)).hyperlink = { documentReference: target };
        });
        extra += CALL_BYTES + 2 * valueBytes(target);
      }
    }
    const rb = rowBytes(v, f) + extra;
    if (vals.length && bytes + rb > chunkBudget) await flush();
    vals.push(v);
    fmts.push(f);
    bytes += rb;
  }
  await flush();

  // table (after the values) or filter buttons
  const dataRange = `A${headerRow}:${lastLetter}${Math.max(lastRow, headerRow)}`;
  if (plan.table) {
    await batcher.room(CALL_BYTES);
    ws.tables.add(dataRange, true);
  } else if (plan.autoFilter && support.minor >= SET.autoFilter) {
    await batcher.room(CALL_BYTES);
    ws.autoFilter.apply(ws.getRange(dataRange));
  }

  if (model.conditional?.length && model.rows.length && support.minor >= SET.conditionalFormats) {
    for (const cf of model.conditional) {
      await batcher.room(5 * CALL_BYTES + valueBytes(cf.equals));
      const from = Math.max(0, Math.min(cf.fromCol, cf.toCol));
      const to = Math.max(cf.fromCol, cf.toCol);
      const range = ws.getRange(`${columnLetters(from)}${firstDataRow}:${columnLetters(to)}${lastRow}`);
      const c = range.conditionalFormats.add("CellValue");
      c.cellValue.format.fill.color = CF_COLORS[cf.style].fill;
      c.cellValue.format.font.color = CF_COLORS[cf.style].font;
      c.cellValue.rule = { formula1: `="${cf.equals.replace(/"/g, '""')}"`, operator: "EqualTo" };
    }
  }

  if (support.minor >= SET.dataValidation) {
    const end = Math.max(lastRow, headerRow + VALIDATION_MIN_ROWS);
    for (let i = 0; i < model.columns.length; i++) {
      const c = model.columns[i];
      const source = c.list?.length ? c.list.join(",") : undefined;
      // Excel keeps an inline list to 255 characters, and a comma would split an item
      const inline = source !== undefined && source.length <= 255 && !c.list!.some((x) => x.includes(","));
      if (!inline && !c.hint) continue;
      await batcher.room(3 * CALL_BYTES + valueBytes(source ?? "") + valueBytes(c.hint ?? ""));
      const col = columnLetters(i);
      const dv = ws.getRange(`${col}${firstDataRow}:${col}${end}`).dataValidation;
      if (inline) dv.rule = { list: { inCellDropDown: true, source: source! } };
      if (c.hint)
        dv.prompt = { showPrompt: true, title: truncate(c.header, 32), message: truncate(c.hint, 255) };
    }
  }

  if (model.freezeHeader && support.minor >= SET.freezePanes) {
    await batcher.room(CALL_BYTES);
    ws.freezePanes.freezeRows(headerRow);
  }

  if (support.minor >= SET.pageLayout) {
    await batcher.room(3 * CALL_BYTES);
    const page = ws.pageLayout;
    page.paperSize = "A4";
    if (model.print?.landscape) page.orientation = "Landscape";
    if (model.print?.repeatHeader) page.setPrintTitleRows(`$${headerRow}:$${headerRow}`);
  }
}
