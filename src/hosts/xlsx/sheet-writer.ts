// SheetModel → worksheet XML (SpreadsheetML), written directly as text: optional merged title row
// and preamble lines, a styled header row, data rows. Text is always an inline string (never a
// formula, never the shared string table), numbers are `<v>`, booleans `t="b"`, blanks no cell.
// Child elements follow the CT_Worksheet order strictly (Excel refuses files that do not).
import { columnLetters, type CellValue } from "../../engine/grid";
import type { ColumnFormat, ColumnModel } from "../../report/sheet-model";
import { MAX_SHEET_COLS, type SheetPlan } from "../../report/sheet-plan";
import { fromSerial1900, isoToSerial } from "../../engine/dates";
import type { ResultStyles } from "./styles-patch";
import { MAIN_NS } from "./styles-patch";
import { escapeAttr, escapeText, stripIllegalXml } from "./xml-edit";

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Display width of a text in Excel's character units (CJK and full-width characters count two). */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

/** Same widths as the ExcelJS writer. */
function columnWidth(c: ColumnModel): number {
  if (c.width !== undefined) return c.width;
  const min = c.format === "date" ? 12 : 8;
  return Math.min(40, Math.max(min, displayWidth(c.header) + 4));
}

// eslint-disable-next-line no-control-regex
const TEXT_SPECIAL = /[&<>\u0000-\u001f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/;
const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Text → the content of `<t>` (ST_Xstring): illegal characters dropped, a literal `_xHHHH_` escaped
 * as `_x005F_xHHHH_`, CR as `_x000D_` (XML parsers would turn it into LF), markup escaped.
 */
export function xstring(s: string): string {
  if (!TEXT_SPECIAL.test(s)) return s;
  return stripIllegalXml(s)
    .replace(XSTRING_ESCAPE, "_x005F_x$1_")
    .replace(/\r/g, "_x000D_")
    .replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** `<t>` with xml:space="preserve" when the text has edge whitespace or line breaks/tabs. */
function tElement(s: string): string {
  const n = s.length;
  if (n === 0) return "<t></t>";
  if (!TEXT_SPECIAL.test(s)) {
    return s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32
      ? `<t xml:space="preserve">${s}</t>`
      : `<t>${s}</t>`;
  }
  const x = xstring(s);
  const a = x.charCodeAt(0);
  const b = x.charCodeAt(x.length - 1);
  const preserve = a === 32 || b === 32 || x.includes("\n") || x.includes("\t");
  return preserve ? `<t xml:space="preserve">${x}</t>` : `<t>${x}</t>`;
}

function textForCell(v: CellValue): string {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : v ? "TRUE" : "FALSE";
}

/** ISO date text → serial, remembered (a result sheet repeats the same few dates). */
class DateCache {
  private readonly map = new Map<string, number>();
  constructor(readonly date1904: boolean) {}
  serial(text: string): number {
    let v = this.map.get(text);
    if (v === undefined) {
      v = isoToSerial(text, this.date1904);
      if (this.map.size < 100000) this.map.set(text, v);
    }
    return v;
  }
}

/** A model cell → the value to write, following the column's format (as the ExcelJS writer does). */
function convert(
  v: string | number | boolean,
  format: ColumnFormat | undefined,
  dates: DateCache,
): string | number | boolean {
  if (format === "text") return textForCell(v);
  if (format === "date") {
    if (typeof v === "number") return fromSerial1900(v, dates.date1904);
    if (typeof v === "string") {
      const serial = dates.serial(v);
      return serial === serial ? serial : v; // unreadable dates are kept as the text they are
    }
  }
  return v;
}

export interface SheetXmlOptions {
  date1904: boolean;
  styles: ResultStyles;
  /** r:id of the table part (when plan.table). */
  tableRelId?: string;
  /** r:id of the drawing part that holds the sheet's charts. */
  drawingRelId?: string;
}

const encoder = new TextEncoder();

/** Joins string pieces into UTF-8 chunks of about 1 MB (cache-friendly, little garbage), then one array. */
class ChunkedText {
  private parts: string[] = [];
  private pending = 0;
  private chunks: Uint8Array[] = [];
  private total = 0;
  push(s: string): void {
    this.parts.push(s);
    this.pending += s.length;
    if (this.pending >= 1 << 20) this.flush();
  }
  private flush(): void {
    if (!this.parts.length) return;
    const b = encoder.encode(this.parts.join(""));
    this.chunks.push(b);
    this.total += b.length;
    this.parts = [];
    this.pending = 0;
  }
  bytes(): Uint8Array {
    this.flush();
    if (this.chunks.length === 1) return this.chunks[0];
    const out = new Uint8Array(this.total);
    let p = 0;
    for (const c of this.chunks) {
      out.set(c, p);
      p += c.length;
    }
    this.chunks = [];
    return out;
  }
}

/** The worksheet part for a planned sheet. */
export function sheetXml(plan: SheetPlan, opts: SheetXmlOptions): Uint8Array {
  const { model, ncols, width, headerRow, firstDataRow, lastRow } = plan;
  const { styles } = opts;
  const dates = new DateCache(opts.date1904);
  const letters: string[] = [];
  for (let c = 0; c < width; c++) letters.push(columnLetters(c));
  const lastLetter = letters[ncols - 1];
  const formats: (ColumnFormat | undefined)[] = [];
  const dataStyle: string[] = [];
  const linkStyle: string[] = [];
  // per column: `<c r="X` + row + the rest of the start tag for a string or a number
  const openCell: string[] = [];
  const stringHead: string[] = [];
  const numberHead: string[] = [];
  for (let c = 0; c < width; c++) {
    const f = model.columns[c]?.format;
    const xf =
      model.columns[c]?.wrap && (f ?? "text") === "text" ? styles.wrapText : styles.data[f ?? "general"];
    formats.push(f);
    dataStyle.push(`" s="${xf}"`);
    linkStyle.push(`" s="${styles.link[f ?? "general"]}"`);
    openCell.push(`<c r="${letters[c]}`);
    stringHead.push(`" s="${xf}" t="inlineStr"><is>`);
    numberHead.push(`" s="${xf}"><v>`);
  }
  const links: (Map<number, string> | undefined)[] = [];
  for (const h of model.hyperlinks ?? []) {
    if (!(h.row >= 0 && h.row < model.rows.length && h.col >= 0 && h.col < width)) continue;
    (links[h.row] ??= new Map()).set(h.col, h.target);
  }
  const merges: string[] = [];
  const hyperlinks: string[] = [];
  const out = new ChunkedText();

  const w = (s: string) => out.push(s);
  const sheetPr = model.print ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "";
  const lastCol = letters[Math.max(ncols, width) - 1];
  const top = `A${headerRow + 1}`;
  const view = model.freezeHeader
    ? `<sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView>`
    : '<sheetView workbookViewId="0"/>';
  const cols = model.columns
    .map((c, i) => {
      const style = styles.column[c.format ?? "general"];
      return `<col min="${i + 1}" max="${i + 1}" width="${Math.round(columnWidth(c) * 100) / 100}" customWidth="1"${style ? ` style="${style}"` : ""}/>`;
    })
    .join("");
  w(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${sheetPr}<dimension ref="A1:${lastCol}${lastRow}"/><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ""}<sheetData>`,
  );

  const merge = (r: number) => {
    if (ncols > 1) merges.push(`<mergeCell ref="A${r}:${lastLetter}${r}"/>`);
  };
  /** A one-text row merged across the layout (title, preamble, section). */
  const bannerRow = (r: number, text: string, s: number, attrs = "", fill = false) => {
    let cells = `<c r="A${r}" s="${s}" t="inlineStr"><is>${tElement(text)}</is></c>`;
    if (fill) for (let c = 1; c < ncols; c++) cells += `<c r="${letters[c]}${r}" s="${s}"/>`;
    w(`<row r="${r}"${attrs}>${cells}</row>`);
    merge(r);
  };

  let r = 1;
  if (model.title) bannerRow(r++, model.title, styles.title, ' ht="30" customHeight="1"');
  for (const line of model.preamble ?? []) bannerRow(r++, line, styles.preamble);
  {
    let cells = "";
    for (let c = 0; c < ncols; c++) {
      const h = plan.headers[c] ?? "";
      cells += h
        ? `<c r="${letters[c]}${r}" s="${styles.header}" t="inlineStr"><is>${tElement(h)}</is></c>`
        : `<c r="${letters[c]}${r}" s="${styles.header}"/>`;
    }
    w(`<row r="${r}">${cells}</row>`);
    r++;
  }

  const rows = model.rows;
  for (let i = 0; i < rows.length; i++, r++) {
    const values = rows[i];
    if (plan.sections.has(i)) {
      let text = "";
      for (const v of values) {
        if (v !== null && v !== undefined && v !== "") {
          text = textForCell(v);
          break;
        }
      }
      bannerRow(r, text, styles.section, "", true);
      continue;
    }
    const rs = String(r);
    const rowLinks = links[i];
    const n = rowLinks ? width : values.length;
    let cells = "";
    for (let c = 0; c < n; c++) {
      const v = values[c];
      const target = rowLinks?.get(c);
      const blank = v === null || v === undefined || v === "";
      if (blank && target === undefined) continue;
      if (target !== undefined) {
        const head = `<c r="${letters[c]}${r}`;
        const value = blank ? "" : convert(v, formats[c], dates);
        const text = typeof value === "string" ? value : String(value);
        const shown = text || target;
        if (typeof value === "string")
          cells += `${head}${linkStyle[c]} t="inlineStr"><is>${tElement(shown)}</is></c>`;
        else cells += `${head}${linkStyle[c]}${valueXml(value)}`;
        hyperlinks.push(
          `<hyperlink ref="${letters[c]}${r}" location="${escapeAttr(stripIllegalXml(target))}" display="${escapeAttr(stripIllegalXml(shown))}"/>`,
        );
        continue;
      }
      const f = formats[c];
      const value = f === "text" || f === "date" ? convert(v as string | number | boolean, f, dates) : v;
      if (typeof value === "string")
        cells += openCell[c] + rs + stringHead[c] + tElement(value) + "</is></c>";
      else if (typeof value === "number" && Number.isFinite(value))
        cells += openCell[c] + rs + numberHead[c] + value + "</v></c>";
      else cells += openCell[c] + rs + dataStyle[c] + valueXml(value as number | boolean);
    }
    w(cells ? `<row r="${rs}">${cells}</row>` : `<row r="${rs}"/>`);
  }
  w("</sheetData>");

  if (plan.autoFilter) w(`<autoFilter ref="A${headerRow}:${lastLetter}${Math.max(lastRow, headerRow)}"/>`);
  if (merges.length) w(`<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>`);
  if (model.conditional?.length && rows.length) {
    let priority = 1;
    for (const cf of model.conditional) {
      const from = Math.max(0, Math.min(cf.fromCol, cf.toCol));
      const to = Math.min(MAX_SHEET_COLS - 1, Math.max(cf.fromCol, cf.toCol));
      const sqref = `${columnLetters(from)}${firstDataRow}:${columnLetters(to)}${lastRow}`;
      const literal = `"${stripIllegalXml(cf.equals).replace(/"/g, '""')}"`;
      w(
        `<conditionalFormatting sqref="${sqref}"><cfRule type="cellIs" dxfId="${styles.dxf[cf.style]}" priority="${priority++}" operator="equal"><formula>${escapeText(literal)}</formula></cfRule></conditionalFormatting>`,
      );
    }
  }
  if (hyperlinks.length) w(`<hyperlinks>${hyperlinks.join("")}</hyperlinks>`);
  w('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  w(
    model.print
      ? `<pageSetup paperSize="9" orientation="${model.print.landscape ? "landscape" : "portrait"}" fitToWidth="1" fitToHeight="0"/>`
      : '<pageSetup paperSize="9"/>',
  );
  // CT_Worksheet: … pageSetup, headerFooter, …, drawing, legacyDrawing, …, tableParts, extLst
  if (opts.drawingRelId) w(`<drawing r:id="${escapeAttr(opts.drawingRelId)}"/>`);
  if (plan.table && opts.tableRelId)
    w(`<tableParts count="1"><tablePart r:id="${escapeAttr(opts.tableRelId)}"/></tableParts>`);
  w("</worksheet>");
  return out.bytes();
}

/** The rest of a `<c` for a number or boolean (after r and s). */
function valueXml(v: number | boolean): string {
  if (typeof v === "boolean") return ` t="b"><v>${v ? 1 : 0}</v></c>`;
  if (!Number.isFinite(v)) return ` t="inlineStr"><is><t>${String(v)}</t></is></c>`;
  return `><v>${String(v)}</v></c>`;
}

/** The table part for a planned sheet. */
export function tableXml(plan: SheetPlan, id: number, name: string): Uint8Array {
  const ref = `A${plan.headerRow}:${columnLetters(plan.ncols - 1)}${plan.lastRow}`;
  const cols = plan.headers
    .slice(0, plan.ncols)
    .map((h, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(xstringAttr(h))}"/>`)
    .join("");
  return encoder.encode(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN_NS}" id="${id}" name="${escapeAttr(name)}" displayName="${escapeAttr(name)}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${plan.ncols}">${cols}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
  );
}

/** ST_Xstring escaping for an attribute (the caller XML-escapes). */
function xstringAttr(s: string): string {
  return stripIllegalXml(s).replace(XSTRING_ESCAPE, "_x005F_x$1_");
}
