// SheetPlan → worksheet XML (SpreadsheetML), written directly as text. The plan decides everything
// (cells, formats, looks, widths, merges, drop-downs, print setup); this module only spells it in XML.
// Text is always an inline string (never a formula, never the shared string table), numbers are
// `<v>`, booleans `t="b"`, blanks no cell. Child elements follow the CT_Worksheet order strictly
// (Excel refuses files that do not).
import { columnLetters, type CellValue } from "../../engine/grid";
import {
  cellNumFmt,
  cellValue,
  columnAt,
  linkValue,
  listFormula,
  SerialDates,
  TEXT_FORMAT,
  type OutValue,
  type SheetPlan,
} from "../../report/sheet-plan";
import type { PageText } from "../../report/sheet-model";
import type { ResultStyles } from "./styles-patch";
import { MAIN_NS } from "./styles-patch";
import { escapeAttr, escapeText, stripIllegalXml } from "./xml-edit";

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

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

const encoder = new TextEncoder();

/**
 * Joins string pieces into UTF-8 chunks of about 1 MB (cache-friendly, little garbage), handed to
 * `sink` as they fill (the zip compresses them then: issue 12), or kept and joined into one array.
 */
class ChunkedText {
  private parts: string[] = [];
  private pending = 0;
  private chunks: Uint8Array[] = [];
  private total = 0;
  constructor(private readonly sink?: (chunk: Uint8Array) => void) {}
  push(s: string): void {
    this.parts.push(s);
    this.pending += s.length;
    if (this.pending >= 1 << 20) this.flush();
  }
  private flush(): void {
    if (!this.parts.length) return;
    const b = encoder.encode(this.parts.join(""));
    if (this.sink) this.sink(b);
    else this.chunks.push(b);
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

export interface SheetXmlOptions {
  date1904: boolean;
  styles: ResultStyles;
  /** r:id of the table part (when plan.table). */
  tableRelId?: string;
  /** r:id of the drawing part that holds the sheet's charts. */
  drawingRelId?: string;
}

/** The worksheet part for a planned sheet. */
export function sheetXml(plan: SheetPlan, opts: SheetXmlOptions): Uint8Array {
  const out = new ChunkedText();
  writeSheet(plan, opts, out);
  return out.bytes();
}

/** The worksheet part for a planned sheet, handed to `sink` in pieces of about 1 MB, in order. */
export function sheetXmlTo(plan: SheetPlan, opts: SheetXmlOptions, sink: (piece: Uint8Array) => void): void {
  const out = new ChunkedText(sink);
  writeSheet(plan, opts, out);
  out.bytes(); // the last piece
}

function writeSheet(plan: SheetPlan, opts: SheetXmlOptions, out: ChunkedText): void {
  const letters: string[] = [];
  for (let c = 0; c < plan.width; c++) letters.push(columnLetters(c));
  out.push(worksheetHead(plan, opts.styles, letters));
  const hyperlinks = writeRows(plan, opts, letters, out);
  out.push("</sheetData>");
  out.push(worksheetTail(plan, opts, hyperlinks));
}

function worksheetHead(plan: SheetPlan, styles: ResultStyles, letters: string[]): string {
  const { headerRow, lastRow, ncols, width } = plan;
  const sheetPr = plan.print.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "";
  const lastCol = letters[Math.max(ncols, width) - 1];
  const top = `A${plan.freezeRows + 1}`;
  const view = plan.freezeRows
    ? `<sheetView workbookViewId="0"><pane ySplit="${plan.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView>`
    : '<sheetView workbookViewId="0"/>';
  const cols = plan.columns
    .map((c, i) => {
      const style = styles.column(c.numFmt);
      return `<col min="${i + 1}" max="${i + 1}" width="${Math.round(c.width * 100) / 100}" customWidth="1"${style ? ` style="${style}"` : ""}/>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${sheetPr}<dimension ref="A1:${lastCol}${Math.max(lastRow, headerRow)}"/><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ""}<sheetData>`;
}

/** Row attributes: a planned height. */
function rowAttrs(plan: SheetPlan, r: number): string {
  const h = plan.rowHeights.get(r);
  return h === undefined ? "" : ` ht="${h}" customHeight="1"`;
}

/** Per column: the start of a `<c>` for text, for other values, and for links of either kind. */
interface ColumnHeads {
  open: string[];
  /** A blank cell with the column's look (the table's borders stay whole). */
  blank: string[];
  text: string[];
  other: string[];
  linkText: string[];
  linkOther: string[];
}

function columnHeads(plan: SheetPlan, styles: ResultStyles, letters: string[]): ColumnHeads {
  const h: ColumnHeads = { open: [], blank: [], text: [], other: [], linkText: [], linkOther: [] };
  for (let c = 0; c < plan.width; c++) {
    const col = columnAt(plan, c);
    const other = cellNumFmt(0, col);
    h.open.push(`<c r="${letters[c]}`);
    h.blank.push(`" s="${styles.xf(col.role, col.numFmt)}"/>`);
    h.text.push(`" s="${styles.xf(col.role, TEXT_FORMAT)}" t="inlineStr"><is>`);
    h.other.push(`" s="${styles.xf(col.role, other)}"`);
    h.linkText.push(`" s="${styles.xf("link", TEXT_FORMAT)}" t="inlineStr"><is>`);
    h.linkOther.push(`" s="${styles.xf("link", other)}"`);
  }
  return h;
}

function cellXml(head: ColumnHeads, c: number, rs: string, value: OutValue, link: boolean): string {
  if (typeof value === "string")
    return head.open[c] + rs + (link ? head.linkText[c] : head.text[c]) + tElement(value) + "</is></c>";
  return head.open[c] + rs + (link ? head.linkOther[c] : head.other[c]) + valueXml(value);
}

/** Writes the rows; returns the `<hyperlink>` elements of the link cells written (with the value shown). */
function writeRows(plan: SheetPlan, opts: SheetXmlOptions, letters: string[], out: ChunkedText): string[] {
  const { styles } = opts;
  const dates = new SerialDates(opts.date1904);
  const head = columnHeads(plan, styles, letters);
  const banners = new Map(plan.banners.map((b) => [b.row, b]));
  const hyperlinks: string[] = [];
  const links = new Map<number, Map<number, string>>();
  for (const l of plan.links) {
    let m = links.get(l.row);
    if (!m) links.set(l.row, (m = new Map()));
    m.set(l.col, l.target);
  }
  const bannerRow = (r: number, text: string, s: number, fill: boolean) => {
    let cells = `<c r="A${r}" s="${s}" t="inlineStr"><is>${tElement(text)}</is></c>`;
    if (fill) for (let c = 1; c < plan.ncols; c++) cells += `<c r="${letters[c]}${r}" s="${s}"/>`;
    out.push(`<row r="${r}"${rowAttrs(plan, r)}>${cells}</row>`);
  };
  // title and preamble rows: up to the header row, or the row above the data when there is none
  const lastBanner = plan.hasHeader ? plan.headerRow - 1 : plan.headerRow;
  for (let r = 1; r <= lastBanner; r++) {
    const b = banners.get(r);
    if (b) bannerRow(r, b.text, styles.xf(b.role, TEXT_FORMAT), false);
  }
  if (plan.hasHeader) out.push(headerRowXml(plan, styles, letters));
  const headerXf = styles.xf("header", TEXT_FORMAT);
  const rows = plan.model.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = plan.firstDataRow + i;
    const b = plan.sections.has(i) ? banners.get(r) : undefined;
    if (b) {
      bannerRow(r, b.text, styles.xf(b.role, TEXT_FORMAT), true);
      continue;
    }
    const rs = String(r);
    const values = rows[i];
    if (plan.headerRows.has(i)) {
      out.push(
        `<row r="${rs}"${rowAttrs(plan, r)}>${headerCells(plan, values, rs, headerXf, letters)}</row>`,
      );
      continue;
    }
    const rowLinks = links.get(r);
    const covered = plan.covered.get(r);
    const n = Math.max(rowLinks ? plan.width : values.length, plan.ncols);
    let cells = "";
    for (let c = 0; c < n; c++) {
      const value = covered?.has(c) ? null : cellValue(values[c], columnAt(plan, c).format, dates);
      const target = rowLinks?.get(c);
      if (target !== undefined) {
        const shown = linkValue(value, target);
        cells += cellXml(head, c, rs, shown, true);
        hyperlinks.push(hyperlinkXml(letters[c] + rs, target, shown));
      } else if (value !== null) cells += cellXml(head, c, rs, value, false);
      else if (c < plan.ncols) cells += head.open[c] + rs + head.blank[c];
    }
    const attrs = rowAttrs(plan, r);
    out.push(cells ? `<row r="${rs}"${attrs}>${cells}</row>` : `<row r="${rs}"${attrs}/>`);
  }
  return hyperlinks;
}

/** A header row inside the data: every cell of the layout as text with the header look. */
function headerCells(
  plan: SheetPlan,
  values: readonly CellValue[],
  rs: string,
  xf: number,
  letters: string[],
): string {
  let cells = "";
  const covered = plan.covered.get(Number(rs));
  for (let c = 0; c < plan.ncols; c++) {
    const v = covered?.has(c) ? null : values[c];
    const t = v === null || v === undefined || v === "" ? "" : String(v);
    cells += t
      ? `<c r="${letters[c]}${rs}" s="${xf}" t="inlineStr"><is>${tElement(t)}</is></c>`
      : `<c r="${letters[c]}${rs}" s="${xf}"/>`;
  }
  return cells;
}

function headerRowXml(plan: SheetPlan, styles: ResultStyles, letters: string[]): string {
  const r = plan.headerRow;
  const s = styles.xf("header", TEXT_FORMAT);
  let cells = "";
  for (let c = 0; c < plan.ncols; c++) {
    const h = plan.headers[c] ?? "";
    cells += h
      ? `<c r="${letters[c]}${r}" s="${s}" t="inlineStr"><is>${tElement(h)}</is></c>`
      : `<c r="${letters[c]}${r}" s="${s}"/>`;
  }
  return `<row r="${r}"${rowAttrs(plan, r)}>${cells}</row>`;
}

const attr = (s: string) => escapeAttr(stripIllegalXml(s));

function conditionalsXml(plan: SheetPlan, styles: ResultStyles): string {
  let priority = 1;
  return plan.conditionals
    .map((cf) => {
      const sqref = `${columnLetters(cf.fromCol)}${cf.firstRow}:${columnLetters(cf.toCol)}${cf.lastRow}`;
      const literal = `"${stripIllegalXml(cf.equals).replace(/"/g, '""')}"`;
      return `<conditionalFormatting sqref="${sqref}"><cfRule type="cellIs" dxfId="${styles.dxf[cf.style]}" priority="${priority++}" operator="equal"><formula>${escapeText(literal)}</formula></cfRule></conditionalFormatting>`;
    })
    .join("");
}

function validationsXml(plan: SheetPlan): string {
  if (!plan.validations.length) return "";
  const items = plan.validations.map((v) => {
    const col = columnLetters(v.col);
    let a = v.list ? ' type="list" allowBlank="1"' : ' allowBlank="1"';
    if (v.prompt)
      a += ` showInputMessage="1" promptTitle="${attr(v.prompt.title)}" prompt="${attr(v.prompt.message)}"`;
    if (v.error)
      a += ` showErrorMessage="1" errorTitle="${attr(v.error.title)}" error="${attr(v.error.message)}"`;
    const formula = v.list ? `<formula1>${escapeText(stripIllegalXml(listFormula(v.list)))}</formula1>` : "";
    return `<dataValidation${a} sqref="${col}${v.firstRow}:${col}${v.lastRow}">${formula}</dataValidation>`;
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

function hyperlinkXml(ref: string, target: string, shown: OutValue): string {
  return `<hyperlink ref="${ref}" location="${attr(target)}" display="${attr(String(shown))}"/>`;
}

/** `&L…&C…&R…` of a page header or footer. */
export function pageTextCode(t: PageText): string {
  return `${t.left ? `&L${t.left}` : ""}${t.center ? `&C${t.center}` : ""}${t.right ? `&R${t.right}` : ""}`;
}

function printXml(plan: SheetPlan): string {
  const p = plan.print;
  let x = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  x += `<pageSetup paperSize="9" orientation="${p.orientation}"${p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`;
  if (p.header || p.footer) {
    const h = p.header ? `<oddHeader>${escapeText(stripIllegalXml(pageTextCode(p.header)))}</oddHeader>` : "";
    const f = p.footer ? `<oddFooter>${escapeText(stripIllegalXml(pageTextCode(p.footer)))}</oddFooter>` : "";
    x += `<headerFooter>${h}${f}</headerFooter>`;
  }
  if (p.rowBreaks.length) {
    const brks = p.rowBreaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join("");
    x += `<rowBreaks count="${p.rowBreaks.length}" manualBreakCount="${p.rowBreaks.length}">${brks}</rowBreaks>`;
  }
  return x;
}

/** Everything after `</sheetData>`, in CT_Worksheet order. */
function worksheetTail(plan: SheetPlan, opts: SheetXmlOptions, hyperlinks: string[]): string {
  let x = "";
  if (plan.autoFilter) x += `<autoFilter ref="${plan.filterRange}"/>`;
  if (plan.merges.length)
    x += `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`;
  x += conditionalsXml(plan, opts.styles);
  x += validationsXml(plan);
  if (hyperlinks.length) x += `<hyperlinks>${hyperlinks.join("")}</hyperlinks>`;
  x += printXml(plan);
  // CT_Worksheet: … pageSetup, headerFooter, rowBreaks, …, drawing, legacyDrawing, …, tableParts, extLst
  if (opts.drawingRelId) x += `<drawing r:id="${escapeAttr(opts.drawingRelId)}"/>`;
  if (plan.table && opts.tableRelId)
    x += `<tableParts count="1"><tablePart r:id="${escapeAttr(opts.tableRelId)}"/></tableParts>`;
  return x + "</worksheet>";
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
