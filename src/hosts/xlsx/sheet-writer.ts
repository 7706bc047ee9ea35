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
  type PlannedLink,
  type SheetPlan,
} from "../../report/sheet-plan";
import type { PageText } from "../../report/sheet-model";
import type { ResultStyles } from "./styles-patch";
import { MAIN_NS } from "./styles-patch";
import { escapeAttr, escapeText, stripIllegalXml } from "./xml-edit";
import { ByteSink, bytesOf } from "./byte-sink";
import { ByteArena } from "./byte-arena";

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
  const out = new ByteSink();
  drain(writeSheet(plan, opts, out));
  return out.bytes();
}

/**
 * The worksheet part for a planned sheet, handed to `sink` in pieces of about 1 MB, in order. Each
 * piece is lent: valid during the call only, so `sink` must consume it then (compress it, copy it).
 */
export function sheetXmlTo(plan: SheetPlan, opts: SheetXmlOptions, sink: (piece: Uint8Array) => void): void {
  drain(sheetXmlSteps(plan, opts, sink));
}

/**
 * sheetXmlTo in steps: it stops after every ROWS_PER_STEP data rows, so that a caller on a UI thread
 * can let the browser paint in between (the preview's writes: issue 12). Run to its end, the same
 * bytes as sheetXmlTo.
 */
export function* sheetXmlSteps(
  plan: SheetPlan,
  opts: SheetXmlOptions,
  sink: (piece: Uint8Array) => void,
): Generator<void, void> {
  const out = new ByteSink(sink, true);
  yield* writeSheet(plan, opts, out);
  out.bytes(); // the last piece
}

/** Data rows written between two stops of sheetXmlSteps (~1 MB of XML on the district's sheets). */
export const ROWS_PER_STEP = 1000;

/** Runs steps to their end. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

function* writeSheet(plan: SheetPlan, opts: SheetXmlOptions, out: ByteSink): Generator<void, void> {
  const letters: string[] = [];
  for (let c = 0; c < plan.width; c++) letters.push(columnLetters(c));
  out.text(worksheetHead(plan, opts.styles, letters));
  const rows = new RowsWriter(plan, opts, letters, out);
  rows.top();
  const n = plan.model.rows.length;
  for (let from = 0; from < n; from += ROWS_PER_STEP) {
    rows.data(from, Math.min(n, from + ROWS_PER_STEP));
    yield;
  }
  out.text("</sheetData>");
  out.text(tailBeforeLinks(plan, opts));
  writeHyperlinks(out, rows.written, letters);
  out.text(tailAfterLinks(plan, opts));
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

/** The end of a `<row r="..` tag's number: `"`, then a planned height's attributes, as bytes. */
function rowAttrs(plan: SheetPlan, r: number): Uint8Array {
  const h = plan.rowHeights.get(r);
  if (h === undefined) return QUOTE;
  let bytes = HEIGHT_ATTRS.get(h);
  if (bytes === undefined) {
    bytes = bytesOf(`" ht="${h}" customHeight="1"`);
    if (HEIGHT_ATTRS.size < 1024) HEIGHT_ATTRS.set(h, bytes);
  }
  return bytes;
}

const QUOTE = bytesOf('"');
/** Row heights are few (a line count times the line height): their attributes are encoded once. */
const HEIGHT_ATTRS = new Map<number, Uint8Array>();

// The fixed markup, as bytes once.
const ROW_OPEN = bytesOf('<row r="');
const ROW_CLOSE = bytesOf("</row>");
const EMPTY_ROW_END = bytesOf("/>");
const CELL_OPEN = bytesOf('<c r="');
const T_EMPTY = bytesOf("<t></t>");
const T_OPEN = bytesOf("<t>");
const T_OPEN_PRESERVE = bytesOf('<t xml:space="preserve">');
const T_CLOSE = bytesOf("</t>");
const IS_CLOSE = bytesOf("</is></c>");
const V_OPEN = bytesOf("><v>");
const V_CLOSE = bytesOf("</v></c>");
const BOOL_TRUE = bytesOf(' t="b"><v>1</v></c>');
const BOOL_FALSE = bytesOf(' t="b"><v>0</v></c>');

/** Per column: the bytes of a `<c>` around its row number — `<c r="B` + row + the rest. */
interface ColumnHeads {
  open: Uint8Array[];
  /** A blank cell with the column's look (the table's borders stay whole). */
  blank: Uint8Array[];
  text: Uint8Array[];
  other: Uint8Array[];
  linkText: Uint8Array[];
  linkOther: Uint8Array[];
}

function columnHeads(plan: SheetPlan, styles: ResultStyles, letters: string[]): ColumnHeads {
  const h: ColumnHeads = { open: [], blank: [], text: [], other: [], linkText: [], linkOther: [] };
  for (let c = 0; c < plan.width; c++) {
    const col = columnAt(plan, c);
    const other = cellNumFmt(0, col);
    h.open.push(bytesOf(`<c r="${letters[c]}`));
    h.blank.push(bytesOf(`" s="${styles.xf(col.role, col.numFmt)}"/>`));
    h.text.push(bytesOf(`" s="${styles.xf(col.role, TEXT_FORMAT)}" t="inlineStr"><is>`));
    h.other.push(bytesOf(`" s="${styles.xf(col.role, other)}"`));
    h.linkText.push(bytesOf(`" s="${styles.xf("link", TEXT_FORMAT)}" t="inlineStr"><is>`));
    h.linkOther.push(bytesOf(`" s="${styles.xf("link", other)}"`));
  }
  return h;
}

/** `<t>` (ST_Xstring) with xml:space="preserve" when the text has edge spaces, line breaks or tabs. */
function writeT(out: ByteSink, s: string): void {
  const n = s.length;
  if (n === 0) return out.raw(T_EMPTY);
  let x = s;
  let preserve: boolean;
  if (!TEXT_SPECIAL.test(s)) preserve = s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32;
  else {
    x = xstring(s);
    const last = x.charCodeAt(x.length - 1);
    preserve = x.charCodeAt(0) === 32 || last === 32 || x.includes("\n") || x.includes("\t");
  }
  out.raw(preserve ? T_OPEN_PRESERVE : T_OPEN);
  out.text(x);
  out.raw(T_CLOSE);
}

/** A whole text cell: `<c r="B7" s=".." t="inlineStr"><is><t>…</t></is></c>`. */
function writeTextCell(out: ByteSink, ref: string, s: number, text: string): void {
  out.raw(CELL_OPEN);
  out.ascii(`${ref}" s="${s}" t="inlineStr"><is>`);
  writeT(out, text);
  out.raw(IS_CLOSE);
}

/** The rest of a `<c` for a number or boolean (after r and s). */
function writeValue(out: ByteSink, v: number | boolean): void {
  if (typeof v === "boolean") return out.raw(v ? BOOL_TRUE : BOOL_FALSE);
  if (!Number.isFinite(v)) return out.ascii(` t="inlineStr"><is><t>${String(v)}</t></is></c>`);
  out.raw(V_OPEN);
  if (Number.isInteger(v) && v >= 0) out.uint(v);
  else out.ascii(String(v));
  out.raw(V_CLOSE);
}

/**
 * A row number's digits, encoded once per row into one buffer per sheet (a `Uint8Array` per row
 * was 27 MB of garbage on the district's results, issue 12). Rows go up to 1,048,576: 7 digits.
 */
class RowDigits {
  private readonly bytes = new Uint8Array(7);
  private readonly view = new DataView(this.bytes.buffer);
  private start = 7;

  set(r: number): void {
    let i = 7;
    do {
      this.bytes[--i] = 0x30 + (r % 10);
      r = Math.floor(r / 10);
    } while (r > 0);
    this.start = i;
  }

  writeTo(out: ByteSink): void {
    out.rawView(this.view, this.start, 7);
  }
}

/** `row`: the row number's digits, encoded once per row. */
function writeCell(
  out: ByteSink,
  head: ColumnHeads,
  c: number,
  row: RowDigits,
  value: OutValue,
  link: boolean,
): void {
  out.raw(head.open[c]);
  row.writeTo(out);
  writeCellTail(out, head, c, value, link);
}

/** What follows a cell's row number: its style, type and value, and `</c>`. */
function writeCellTail(out: ByteSink, head: ColumnHeads, c: number, value: OutValue, link: boolean): void {
  if (typeof value === "string") {
    out.raw(link ? head.linkText[c] : head.text[c]);
    writeT(out, value);
    out.raw(IS_CLOSE);
  } else {
    out.raw(link ? head.linkOther[c] : head.other[c]);
    writeValue(out, value);
  }
}

/** A row's `<row r=".." …>`, written before its first cell (a row without cells is `<row …/>`). */
class RowOpener {
  private open = false;
  constructor(
    private readonly out: ByteSink,
    private readonly r: number,
    private readonly attrs: Uint8Array,
  ) {}
  cell(): void {
    if (this.open) return;
    this.open = true;
    this.start();
    this.out.ascii(">");
  }
  end(): void {
    if (this.open) this.out.raw(ROW_CLOSE);
    else {
      this.start();
      this.out.raw(EMPTY_ROW_END);
    }
    this.out.mark();
  }
  private start(): void {
    this.out.raw(ROW_OPEN);
    this.out.uint(this.r);
    this.out.raw(this.attrs);
  }
}

/** Writes the rows: the title and preamble and the header (`top`), then the data rows in steps. */
class RowsWriter {
  /** The link cells written, with the value each shows. */
  readonly written: WrittenLinks = { links: [], shown: [] };
  private readonly dates: SerialDates;
  private readonly head: ColumnHeads;
  private readonly banners: Map<number, SheetPlan["banners"][number]>;
  private readonly links: LinkCursor;
  private readonly tails: CellTails;
  private readonly digits = new RowDigits();
  private readonly headerXf: number;

  constructor(
    private readonly plan: SheetPlan,
    private readonly opts: SheetXmlOptions,
    private readonly letters: string[],
    private readonly out: ByteSink,
  ) {
    this.dates = new SerialDates(opts.date1904);
    this.head = columnHeads(plan, opts.styles, letters);
    this.banners = new Map(plan.banners.map((b) => [b.row, b]));
    this.links = new LinkCursor(plan.links);
    this.tails = new CellTails(plan.width);
    this.headerXf = opts.styles.xf("header", TEXT_FORMAT);
  }

  /** Title and preamble rows (up to the header row, or the row above the data when there is none), and the header. */
  top(): void {
    const { plan, opts } = this;
    const lastBanner = plan.hasHeader ? plan.headerRow - 1 : plan.headerRow;
    for (let r = 1; r <= lastBanner; r++) {
      const b = this.banners.get(r);
      if (b) this.bannerRow(r, b.text, opts.styles.xf(b.role, TEXT_FORMAT), false);
    }
    if (plan.hasHeader)
      headerRow(this.out, plan, plan.headerRow, plan.headers, this.headerXf, this.letters, false);
  }

  /** Data rows [from, to). */
  data(from: number, to: number): void {
    const { plan, out, head, links, tails, digits, dates, written } = this;
    const rows = plan.model.rows;
    for (let i = from; i < to; i++) {
      const r = plan.firstDataRow + i;
      const b = plan.sections.has(i) ? this.banners.get(r) : undefined;
      if (b) {
        this.bannerRow(r, b.text, this.opts.styles.xf(b.role, TEXT_FORMAT), true);
        continue;
      }
      const values = rows[i];
      if (plan.headerRows.has(i)) {
        headerRow(out, plan, r, values, this.headerXf, this.letters, true);
        continue;
      }
      const hasLinks = links.onRow(r);
      const covered = plan.covered.get(r);
      const n = Math.max(hasLinks ? plan.width : values.length, plan.ncols);
      const row = new RowOpener(out, r, rowAttrs(plan, r));
      digits.set(r);
      for (let c = 0; c < n; c++) {
        const value = covered?.has(c) ? null : cellValue(values[c], columnAt(plan, c).format, dates);
        const link = hasLinks ? links.at(r, c) : undefined;
        if (link !== undefined) {
          const shown = linkValue(value, link.target);
          row.cell();
          writeCell(out, head, c, digits, shown, true);
          written.links.push(link);
          written.shown.push(shown);
        } else if (value !== null) {
          row.cell();
          writeCellOf(out, head, tails, c, digits, value);
        } else if (c < plan.ncols) {
          row.cell();
          out.raw(head.open[c]);
          digits.writeTo(out);
          out.raw(head.blank[c]);
        }
      }
      row.end();
    }
  }

  private bannerRow(r: number, text: string, s: number, fill: boolean): void {
    const { out, plan, letters } = this;
    const row = new RowOpener(out, r, rowAttrs(plan, r));
    row.cell();
    writeTextCell(out, `A${r}`, s, text);
    if (fill) for (let c = 1; c < plan.ncols; c++) out.ascii(`<c r="${letters[c]}${r}" s="${s}"/>`);
    row.end();
  }
}

/**
 * A cell through its column's cache of tails: a value the column has had before is written as the
 * bytes it made then. Output identical to writeCell's.
 */
function writeCellOf(
  out: ByteSink,
  head: ColumnHeads,
  tails: CellTails,
  c: number,
  digits: RowDigits,
  value: OutValue,
): void {
  out.raw(head.open[c]);
  digits.writeTo(out);
  if (tails.write(out, c, value)) return;
  const from = out.position;
  writeCellTail(out, head, c, value, false);
  tails.offer(c, value, out, from);
}

/**
 * Per column, the bytes that follow a cell's row number — ` s=".." t="inlineStr"><is><t>第一时段</t>
 * </is></c>` — for the values it repeats. Result sheets repeat most of their cells (phases, units,
 * grades, small scores: on the district ~2 M cells, 113 MB of XML), and copying the bytes made once
 * costs less than escaping and encoding the text again. A column whose values mostly differ (IDs,
 * names, rates) stops being cached after a trial. The bytes live in one arena (an array per tail
 * cost more to collect than it saved).
 */
class CellTails {
  /** Per column, value → its tail's entry in `tails`; null once the column stopped being cached. */
  private readonly index: (Map<OutValue, number> | null)[];
  private readonly seen: number[];
  private readonly hits: number[];
  private readonly tails = new ByteArena();

  constructor(width: number) {
    this.index = Array.from({ length: width }, () => new Map<OutValue, number>());
    this.seen = new Array<number>(width).fill(0);
    this.hits = new Array<number>(width).fill(0);
  }

  /** Writes `value`'s tail when column `c` has it; false when it has not. */
  write(out: ByteSink, c: number, value: OutValue): boolean {
    const index = this.index[c];
    if (!index) return false;
    const k = index.get(value);
    const seen = ++this.seen[c];
    if (k === undefined) {
      if (seen === TAIL_TRIAL && this.hits[c] * 2 < TAIL_TRIAL) this.index[c] = null;
      return false;
    }
    this.hits[c]++;
    out.rawView(this.tails.view, this.tails.start(k), this.tails.end(k));
    return true;
  }

  /** Keeps the tail written since `from` for `value`, if the column is cached and has room. */
  offer(c: number, value: OutValue, out: ByteSink, from: number): void {
    const index = this.index[c];
    if (!index || index.size >= TAIL_ENTRIES || (typeof value === "string" && value.length > TAIL_TEXT))
      return;
    const written = out.since(from);
    index.set(value, this.tails.add(written, 0, written.length));
  }
}

/** Cells a column is tried on; it stays cached when at least half of them were repeats. */
const TAIL_TRIAL = 2000;
/** Distinct tails kept per column, and the longest text kept (bounded memory). */
const TAIL_ENTRIES = 4096;
const TAIL_TEXT = 64;

/** The link cells written, in order, and the value each shows (its `display`). */
interface WrittenLinks {
  links: PlannedLink[];
  shown: OutValue[];
}

/**
 * The planned links in row order, met as the rows are written (a district sheet has 71,000: a map per
 * row cost more than the links). Where a cell has two, the one planned last counts.
 */
class LinkCursor {
  private readonly sorted: PlannedLink[];
  private i = 0;
  constructor(links: readonly PlannedLink[]) {
    // stable: of a cell's links, the one planned last is the last of its run
    this.sorted = links
      .map((l, k) => ({ l, k }))
      .sort((a, b) => a.l.row - b.l.row || a.l.col - b.l.col || a.k - b.k)
      .map((x) => x.l);
  }
  /** Whether row `r` (written in increasing order) has links. */
  onRow(r: number): boolean {
    const s = this.sorted;
    while (this.i < s.length && s[this.i].row < r) this.i++;
    return this.i < s.length && s[this.i].row === r;
  }
  /** The link of cell (r, c) of the row last asked about, columns in increasing order. */
  at(r: number, c: number): PlannedLink | undefined {
    const s = this.sorted;
    while (this.i < s.length && s[this.i].row === r && s[this.i].col < c) this.i++;
    let found: PlannedLink | undefined;
    while (this.i < s.length && s[this.i].row === r && s[this.i].col === c) found = s[this.i++];
    return found;
  }
}

/** `<hyperlinks>`, one element at a time (not one string of the district's 71,000). */
function writeHyperlinks(out: ByteSink, written: WrittenLinks, letters: string[]): void {
  if (written.links.length === 0) return;
  out.ascii("<hyperlinks>");
  written.links.forEach((l, i) => {
    // `<hyperlink ref="B5" location="'党员'!A5" display="M000001"/>`, written piece by piece (a
    // district sheet has 71,000 links: a string each cost more than the writing)
    out.raw(LINK_OPEN);
    out.ascii(letters[l.col]);
    out.uint(l.row);
    out.raw(LINK_LOCATION);
    out.text(attr(l.target));
    out.raw(LINK_DISPLAY);
    out.text(attr(String(written.shown[i])));
    out.raw(LINK_CLOSE);
    out.mark();
  });
  out.ascii("</hyperlinks>");
}

const LINK_OPEN = bytesOf('<hyperlink ref="');
const LINK_LOCATION = bytesOf('" location="');
const LINK_DISPLAY = bytesOf('" display="');
const LINK_CLOSE = bytesOf('"/>');

/**
 * A row of column headers — the header row, or one inside the data (whose cells can be covered by a
 * span): every cell as text with the header look.
 */
function headerRow(
  out: ByteSink,
  plan: SheetPlan,
  r: number,
  values: readonly (CellValue | undefined)[],
  xf: number,
  letters: string[],
  inData: boolean,
): void {
  const row = new RowOpener(out, r, rowAttrs(plan, r));
  const covered = inData ? plan.covered.get(r) : undefined;
  for (let c = 0; c < plan.ncols; c++) {
    const v = covered?.has(c) ? null : values[c];
    const t = v === null || v === undefined || v === "" ? "" : String(v);
    row.cell();
    if (t) writeTextCell(out, letters[c] + r, xf, t);
    else out.ascii(`<c r="${letters[c]}${r}" s="${xf}"/>`);
  }
  row.end();
}

// eslint-disable-next-line no-control-regex
const ATTR_SPECIAL = /[&<>"\u0000-\u001f\ufffe\uffff]/;

/**
 * An attribute value: illegal characters dropped, markup escaped — neither replacement run for the
 * usual text that needs none (71,000 link targets and values on a district sheet).
 */
const attr = (s: string) => (ATTR_SPECIAL.test(s) ? escapeAttr(stripIllegalXml(s)) : s);

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

/** What follows `</sheetData>` up to the hyperlinks, in CT_Worksheet order. */
function tailBeforeLinks(plan: SheetPlan, opts: SheetXmlOptions): string {
  let x = "";
  if (plan.autoFilter) x += `<autoFilter ref="${plan.filterRange}"/>`;
  if (plan.merges.length)
    x += `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`;
  x += conditionalsXml(plan, opts.styles);
  return x + validationsXml(plan);
}

/** What follows the hyperlinks, in CT_Worksheet order. */
function tailAfterLinks(plan: SheetPlan, opts: SheetXmlOptions): string {
  let x = printXml(plan);
  // CT_Worksheet: … pageSetup, headerFooter, rowBreaks, …, drawing, legacyDrawing, …, tableParts, extLst
  if (opts.drawingRelId) x += `<drawing r:id="${escapeAttr(opts.drawingRelId)}"/>`;
  if (plan.table && opts.tableRelId)
    x += `<tableParts count="1"><tablePart r:id="${escapeAttr(opts.tableRelId)}"/></tableParts>`;
  return x + "</worksheet>";
}

/** The table part for a planned sheet. */
export function tableXml(plan: SheetPlan, id: number, name: string): Uint8Array {
  const ref = `A${plan.headerRow}:${columnLetters(plan.ncols - 1)}${plan.lastRow}`;
  const cols = plan.headers
    .slice(0, plan.ncols)
    .map((h, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(xstringAttr(h))}"/>`)
    .join("");
  return bytesOf(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN_NS}" id="${id}" name="${escapeAttr(name)}" displayName="${escapeAttr(name)}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${plan.ncols}">${cols}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
  );
}

/** ST_Xstring escaping for an attribute (the caller XML-escapes). */
function xstringAttr(s: string): string {
  return stripIllegalXml(s).replace(XSTRING_ESCAPE, "_x005F_x$1_");
}
