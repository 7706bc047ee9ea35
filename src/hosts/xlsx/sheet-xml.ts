// Worksheet XML (and the shared string table) → Grid data, by a single forward scan of the bytes.
//
// Broken XML: the scanner is forgiving by design. Stray text, unknown or unclosed elements, bad
// entities and garbage between tags are skipped; a tag cut off by the end of the part ends the scan.
// So a damaged sheet yields every cell that can still be recognised (rows after real damage may be
// missing) instead of failing the whole workbook; Excel's own "repair" behaves much the same.
import type { CellRange, CellValue, FormulaMark } from "../../engine/grid";
import { isoToSerial } from "../../engine/dates";
import {
  ascii,
  CDATA,
  EMPTY,
  END,
  EOF,
  parseNumber,
  parseUint,
  START,
  unescapeX,
  XmlScanner,
  decodeText,
  decodeXString,
  isSpace,
} from "./xml";
import { TextCache } from "./text-cache";

const N_SI = ascii("si");
const N_T = ascii("t");
const N_ROW = ascii("row");
const N_RPH = ascii("rPh");
const N_SHEETDATA = ascii("sheetData");
const N_MERGECELL = ascii("mergeCell");
const N_IS = ascii("is");
const N_F = ascii("f");
const A_REF = ascii("ref");

/** Excel's limits: a reference beyond them is ignored rather than padded (never allocate without bound). */
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

/**
 * Text of a rich/plain string container (`<si>`, `<is>`) whose START tag was just read: the `<t>`
 * runs concatenated, phonetic `<rPh>` runs ignored, `_xHHHH_` escapes decoded.
 */
function stringItem(sc: XmlScanner): string {
  return unescapeX(runsText(sc));
}

function runsText(sc: XmlScanner): string {
  let out = "";
  for (;;) {
    const k = sc.next();
    if (k === EOF || k === END) break; // the container's END (inner ENDs are consumed below)
    if (k !== START) continue;
    if (sc.is(N_T)) out += sc.elementText();
    else if (sc.is(N_RPH)) sc.skipElement();
    else if (sc.is(N_IS) || sc.is(N_SI))
      break; // malformed: a new item without an end tag
    else out += runsText(sc); // `<r>` (a rich text run), `<rPr>`: descend, collecting any `<t>`
  }
  return out;
}

/** xl/sharedStrings.xml → strings by index. */
export function readSharedStrings(xml: Uint8Array | undefined): string[] {
  const out: string[] = [];
  if (!xml) return out;
  const sc = new XmlScanner(xml);
  for (let k = sc.next(); k !== EOF; k = sc.next()) {
    if (!sc.is(N_SI)) continue;
    if (k === START) out.push(stringItem(sc));
    else if (k === EMPTY) out.push("");
  }
  return out;
}

export interface SheetContext {
  sharedStrings: string[];
  /** Format code per cell style index (undefined = General). */
  cellFormats: (string | undefined)[];
  date1904: boolean;
  /**
   * Texts already read, shared by every cell (and sheet) that holds the same short text: a ledger
   * repeats few distinct texts (the district sample: 1.1 M text cells, 72 k distinct), so one string
   * each keeps the Grids small and the garbage collector idle (issue 12).
   */
  intern?: Map<string, string>;
  /** Texts by their bytes (text-cache.ts): `<v>` text and simple inline strings, decoded once each. */
  texts?: SheetTexts;
}

export interface SheetTexts {
  /** decodeText: the `<v>` of `t="str"`, `t="e"`, `t="inlineStr"` cells. */
  value: TextCache;
  /** decodeXString: the `<t>` of a one-run inline string (`<is><t>…</t></is>`). */
  inline: TextCache;
}

export function sheetTexts(): SheetTexts {
  return { value: new TextCache(decodeText), inline: new TextCache(decodeXString) };
}

/** Longest text interned, and the most entries kept (bounded memory on a sheet of unique texts). */
const INTERN_MAX_LENGTH = 64;
const INTERN_MAX_ENTRIES = 1 << 18;

function interned(table: Map<string, string> | undefined, s: string): string {
  if (table === undefined || s.length > INTERN_MAX_LENGTH) return s;
  const hit = table.get(s);
  if (hit !== undefined) return hit;
  if (table.size < INTERN_MAX_ENTRIES) table.set(s, s);
  return s;
}

export interface SheetData {
  rows: (CellValue[] | undefined)[];
  formats: ((string | undefined)[] | undefined)[];
  merges: CellRange[];
  /** Formula cells (with or without a saved result), parallel to `rows`; empty when there are none. */
  formulas: ((FormulaMark | undefined)[] | undefined)[];
}

// Bytes the scanner compares (ASCII).
const DOLLAR = 0x24; // $
const COLON = 0x3a; // :
const DIGIT_0 = 0x30; // 0
const DIGIT_1 = 0x31; // 1
const UPPER_A = 0x41; // A
const UPPER_T = 0x54; // T
const UPPER_Z = 0x5a; // Z
const LOWER_A = 0x61; // a
const LOWER_Z = 0x7a; // z
const CASE_BIT = 0x20; // lower case = upper case + 0x20
const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f; // /
const EQ = 0x3d; // =
const DQUOTE = 0x22; // "
const SQUOTE = 0x27; // '
const CH_b = 0x62;
const CH_c = 0x63;
const CH_d = 0x64;
const CH_e = 0x65;
const CH_i = 0x69;
const CH_r = 0x72;
const CH_s = 0x73;
const CH_t = 0x74;
const CH_v = 0x76;

// cell types (the `t` attribute)
const T_N = 0;
const T_S = 1;
const T_STR = 2;
const T_B = 3;
const T_E = 4;
const T_INLINE = 5;
const T_D = 6;

/** plainCellTag: not the usual `<c>` tag (nothing read). */
const NOT_PLAIN = -1;

/** A cell's column before placement: no `r` attribute (placed by counting) … */
const COL_COUNTED = -1;
/** … or an `r` attribute that cannot be placed (the cell is skipped). */
const COL_UNPLACEABLE = -2;

/** "AB12" (or "$AB$12") → sets refCol/refRow (0-based, -1 when a part is absent or out of range). */
let refCol = -1;
let refRow = -1;
function parseRef(b: Uint8Array, s: number, e: number): void {
  let col = 0;
  let row = 0;
  let i = s;
  if (b[i] === DOLLAR) i++;
  const ls = i;
  for (; i < e; i++) {
    let c = b[i];
    if (c >= LOWER_A && c <= LOWER_Z) c -= CASE_BIT;
    if (c < UPPER_A || c > UPPER_Z) break;
    col = col * 26 + (c - UPPER_A + 1);
  }
  const hasCol = i > ls && i - ls <= 3;
  if (b[i] === DOLLAR) i++;
  const ds = i;
  for (; i < e; i++) {
    const d = b[i] - DIGIT_0;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
    if (row > MAX_ROWS) break;
  }
  refCol = hasCol && col <= MAX_COLS ? col - 1 : -1;
  refRow = i > ds && i === e && row >= 1 && row <= MAX_ROWS ? row - 1 : -1;
}

function parseRange(b: Uint8Array, s: number, e: number): CellRange | undefined {
  let colon = s;
  while (colon < e && b[colon] !== COLON) colon++;
  parseRef(b, s, colon);
  const top = refRow;
  const left = refCol;
  if (top < 0 || left < 0) return undefined;
  if (colon >= e) return { top, left, bottom: top, right: left };
  parseRef(b, colon + 1, e);
  if (refRow < 0 || refCol < 0) return undefined;
  return {
    top: Math.min(top, refRow),
    left: Math.min(left, refCol),
    bottom: Math.max(top, refRow),
    right: Math.max(left, refCol),
  };
}

/** `</v></c>` at `p`. */
function isPlainCellEnd(b: Uint8Array, p: number): boolean {
  return (
    b[p + 1] === SLASH &&
    b[p + 2] === CH_v &&
    b[p + 3] === GT &&
    b[p + 4] === LT &&
    b[p + 5] === SLASH &&
    b[p + 6] === CH_c &&
    b[p + 7] === GT
  );
}

/** The current tag's local name is the single byte `ch` (`c`, `v`). */
function isName1(sc: XmlScanner, ch: number): boolean {
  return sc.nameEnd - sc.localStart === 1 && sc.buf[sc.localStart] === ch;
}

/** The value of a `t` attribute at [s, e) as a T_* type; `current` when the value is unknown. */
function cellTypeOf(b: Uint8Array, s: number, e: number, current: number): number {
  const t0 = b[s];
  if (t0 === CH_s) return e - s === 1 ? T_S : T_STR; // "s", "str"
  if (t0 === CH_b) return T_B;
  if (t0 === CH_e) return T_E;
  if (t0 === CH_i) return T_INLINE; // "inlineStr"
  if (t0 === CH_d) return T_D;
  return current; // "n" and anything else
}

/** The `r` attribute of the current `<row>` tag as a number (-1 when absent or not a number). */
function rowNumberAttr(sc: XmlScanner): number {
  const b = sc.buf;
  sc.attrs();
  while (sc.nextAttr()) if (sc.anE - sc.anS === 1 && b[sc.anS] === CH_r) return sc.attrUint();
  return -1;
}

/**
 * Rows further than this below the last one are not padded: a stray cell at row 1,048,576 would
 * otherwise cost a million slots (8 MB per sheet). V8 keeps such an array sparse, its memory
 * proportional to its rows (§1.4: stray content costs what its content costs).
 */
const MAX_PADDED_GAP = 1024;

/**
 * The array at `index` of `list`, created when absent. A small gap is padded with undefined (a
 * packed array is faster to read); a large one is left as a hole.
 */
function rowAt<T>(list: (T[] | undefined)[], index: number): T[] {
  let row = list[index];
  if (row === undefined) {
    if (index - list.length <= MAX_PADDED_GAP) while (list.length < index) list.push(undefined);
    row = [];
    list[index] = row;
  }
  return row;
}

/** row[col] = v, filling any gap before `col` with `gap`. */
function setAt<T>(row: T[], col: number, v: T, gap: T): void {
  if (col === row.length) row.push(v);
  else if (col > row.length) {
    while (row.length < col) row.push(gap);
    row.push(v);
  } else row[col] = v;
}

/** Equal rows of format codes. */
function sameCodes(a: readonly (string | undefined)[], b: readonly (string | undefined)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Distinct format rows a sheet shares at most (a sheet of all different rows keeps its own arrays). */
const MAX_SHARED_FORMAT_ROWS = 1024;

/** The state of reading one worksheet part: the grid built so far, the current row and cell. */
class SheetReader {
  readonly rows: (CellValue[] | undefined)[] = [];
  readonly formats: ((string | undefined)[] | undefined)[] = [];
  readonly merges: CellRange[] = [];
  readonly formulas: ((FormulaMark | undefined)[] | undefined)[] = [];
  private readonly b: Uint8Array;
  private readonly sc: XmlScanner;
  private readonly ctx: SheetContext;

  // the current row
  private rowIdx = -1;
  /** The current `<row>` has a usable `r` (otherwise its first cell's reference may place it). */
  private rowHasRef = true;
  private firstCellInRow = false;
  /** Column of the next cell that has no `r`. */
  private nextCol = 0;
  /** The current row's value and format arrays, once it has one. */
  private curRow: CellValue[] | undefined = undefined;
  private curFmt: (string | undefined)[] | undefined = undefined;
  /**
   * Rows of formats by their codes. A ledger's rows mostly have the same formats (dates in the same
   * columns), so equal rows share one array: on the district 200,000 arrays fewer to keep and to
   * collect (issue 12). A row read again gets a copy of its formats before they change.
   */
  private readonly formatRows = new Map<string, (string | undefined)[]>();
  private lastFormatRow: (string | undefined)[] | undefined = undefined;

  // the current cell: attributes, the bytes [vs, ve) of its `<v>`, its inline string
  private col = COL_COUNTED;
  private cellRow = -1;
  private style = 0;
  private type = T_N;
  private vs = -1;
  private ve = -1;
  private inline: string | undefined = undefined;
  /** The current cell has an `<f>` (a formula; its `<v>`, if any, is the saved result). */
  private formula = false;
  /** Number format of the value cellValue() returned last. */
  private fmt: string | undefined = undefined;

  constructor(xml: Uint8Array, ctx: SheetContext) {
    this.b = xml;
    this.sc = new XmlScanner(xml);
    this.ctx = ctx;
  }

  read(): SheetData {
    const sc = this.sc;
    let afterSheetData = false;
    for (let k = sc.next(); k !== EOF; k = sc.next()) {
      if (k === END) {
        if (sc.is(N_SHEETDATA)) afterSheetData = true;
        continue;
      }
      if (k === CDATA) continue;
      if (!afterSheetData && isName1(sc, CH_c)) this.cell(k === EMPTY);
      else if (!afterSheetData && sc.is(N_ROW)) this.row();
      else if (sc.is(N_MERGECELL)) this.mergeCell();
      if (!afterSheetData) this.plainCells(); // the usual: a row's cells follow its tag and each other
    }
    this.endRow();
    return { rows: this.rows, formats: this.formats, merges: this.merges, formulas: this.formulas };
  }

  /** Leaves the current row: its formats become the shared row of the same formats, if there is one. */
  private endRow(): void {
    const fmt = this.curFmt;
    // a row grown by push has room to spare (17 slots for 9 cells): kept, a copy of its own size
    if (this.curRow !== undefined) this.rows[this.rowIdx] = this.curRow.slice();
    this.curRow = undefined;
    this.curFmt = undefined;
    if (fmt === undefined) return;
    // usually the row before had the same formats: compared first, without building a key
    const last = this.lastFormatRow;
    if (last !== undefined && sameCodes(last, fmt)) {
      this.formats[this.rowIdx] = last;
      return;
    }
    const key = fmt.join("\u0000"); // format codes are XML text: never a NUL
    const same = this.formatRows.get(key);
    if (same) {
      this.formats[this.rowIdx] = same;
      this.lastFormatRow = same;
    } else if (this.formatRows.size < MAX_SHARED_FORMAT_ROWS) {
      this.formatRows.set(key, fmt);
      this.lastFormatRow = fmt;
    }
  }

  /**
   * The current row's formats, to be written to. A row read again (duplicate `<row>` elements, rare)
   * may share its formats with other rows: it gets a copy of its own.
   */
  private formatRow(): (string | undefined)[] {
    const seen = this.formats[this.rowIdx];
    if (seen === undefined) return rowAt(this.formats, this.rowIdx);
    const own = seen.slice();
    this.formats[this.rowIdx] = own;
    return own;
  }

  /** `<row r="..">`: a new current row, numbered by `r` or by counting. */
  private row(): void {
    this.endRow();
    const r = rowNumberAttr(this.sc);
    this.rowHasRef = r >= 1 && r <= MAX_ROWS;
    this.rowIdx = this.rowHasRef ? r - 1 : this.rowIdx + 1;
    if (this.rowIdx >= MAX_ROWS) this.rowIdx = MAX_ROWS - 1;
    this.firstCellInRow = true;
    this.nextCol = 0;
  }

  /** `<c r=".." s=".." t="..">` (or `<c .../>` when `empty`): attributes, place, content, value. */
  private cell(empty: boolean): void {
    this.readCellAttributes();
    this.cellAfterTag(empty);
  }

  /** The cells that follow right away in the usual form (plainCellTag), one after another. */
  private plainCells(): void {
    for (let k = this.plainCellTag(); k !== NOT_PLAIN; k = this.plainCellTag())
      this.cellAfterTag(k === EMPTY);
  }

  /** A cell whose tag has been read: its place, content and value. */
  private cellAfterTag(empty: boolean): void {
    this.placeCell();
    if (empty) return;
    if (!this.readPlainContent()) this.readCellContent();
    if (this.col < 0) return;
    const v = this.cellValue();
    if (this.formula) this.markFormula(this.col, v === null ? "uncalculated" : "cached");
    if (v === null || v === "") return;
    this.store(this.col, v, this.fmt);
  }

  /** Formula cells are remembered: one without a saved result has an unknown value (§1.4). */
  private markFormula(col: number, mark: FormulaMark): void {
    setAt<FormulaMark | undefined>(rowAt(this.formulas, this.rowIdx), col, mark, undefined);
  }

  /**
   * The usual `<c>` tag right at the scanner's position — `<c` and only one-letter, quoted attributes
   * (`r="B7" s="3" t="str"`), ended by `>` or `/>` — read in one pass, tag and attributes together,
   * without the general scanner (issue 12: most of a ledger's tags). START or EMPTY, with the scanner
   * after the tag; NOT_PLAIN, with nothing consumed, for anything else (a longer or prefixed name,
   * spaces around `=`, no quotes, a raw `<` inside the tag), which the general scanner then reads.
   */
  private plainCellTag(): number {
    const { b, sc } = this;
    const n = b.length;
    let p = sc.pos;
    if (b[p] !== LT || b[p + 1] !== CH_c || !isSpace(b[p + 2])) return NOT_PLAIN;
    p += 2;
    this.noCellAttributes();
    for (;;) {
      while (p < n && isSpace(b[p])) p++;
      const name = b[p];
      if (name === GT) {
        sc.pos = p + 1;
        return START;
      }
      if (name === SLASH && b[p + 1] === GT) {
        sc.pos = p + 2;
        return EMPTY;
      }
      // (a tag given up here is read again by readCellAttributes, which sets every attribute anew)
      const quote = b[p + 2];
      if (b[p + 1] !== EQ || (quote !== DQUOTE && quote !== SQUOTE)) return NOT_PLAIN;
      const vs = p + 3;
      let ve = vs;
      while (ve < n && b[ve] !== quote && b[ve] !== LT) ve++;
      if (ve >= n || b[ve] === LT) return NOT_PLAIN;
      this.cellAttribute(name, vs, ve);
      p = ve + 1;
    }
  }

  /** The one-letter, unprefixed attributes `r`, `s` and `t` of the `<c>` tag the general scanner read. */
  private readCellAttributes(): void {
    const sc = this.sc;
    this.noCellAttributes();
    sc.attrs();
    while (sc.nextAttr()) if (sc.anE - sc.anS === 1) this.cellAttribute(this.b[sc.anS], sc.avS, sc.avE);
  }

  /** A `<c>` tag without attributes: placed by counting, style 0, a number. */
  private noCellAttributes(): void {
    this.col = COL_COUNTED;
    this.cellRow = -1;
    this.style = 0;
    this.type = T_N;
  }

  /** A `<c>` tag's attribute `name` (one byte) with the value at [vs, ve): `r`, `s` and `t` count. */
  private cellAttribute(name: number, vs: number, ve: number): void {
    const b = this.b;
    if (name === CH_r) {
      parseRef(b, vs, ve);
      this.col = refCol < 0 && ve > vs ? COL_UNPLACEABLE : refCol;
      this.cellRow = refRow;
    } else if (name === CH_s) this.style = parseUint(b, vs, ve);
    else if (name === CH_t) this.type = cellTypeOf(b, vs, ve, this.type);
  }

  /**
   * The cell's column (its reference, or the next one by counting) and row: a `<row>` without `r`
   * takes its number from its first cell's reference; a cell outside any `<row>` is in row 1.
   */
  private placeCell(): void {
    if (this.firstCellInRow) {
      this.firstCellInRow = false;
      if (!this.rowHasRef && this.cellRow >= 0 && this.cellRow > this.rowIdx) {
        this.endRow();
        this.rowIdx = this.cellRow;
      }
    }
    if (this.rowIdx < 0) this.rowIdx = 0;
    if (this.col === COL_COUNTED) this.col = this.nextCol;
    if (this.col >= 0) this.nextCol = this.col + 1;
  }

  /** The content of the `<c>` START tag just read, up to `</c>`: `<v>` text bytes, `<is>` string. */
  private readCellContent(): void {
    const sc = this.sc;
    this.vs = -1;
    this.ve = -1;
    this.inline = undefined;
    this.formula = false;
    for (let k = sc.next(); k !== EOF; k = sc.next()) {
      if (k === END) {
        if (isName1(sc, CH_c)) break; // </c>
        continue;
      }
      if (k === EMPTY && sc.is(N_F)) this.formula = true; // a shared formula's follower: <f t="shared" si="0"/>
      if (k !== START) continue;
      if (sc.is(N_F)) this.formula = true;
      if (isName1(sc, CH_v)) this.readValueText();
      else if (sc.is(N_IS)) this.inline = this.inlineString();
      else if (isName1(sc, CH_c)) break; // malformed: a new <c> before </c>; the new cell is lost, the scan goes on
      // <f> and anything else: its text is skipped by the scanner; END tags are ignored above
    }
  }

  /**
   * The usual cell's content, `<v>text</v></c>` right after the `<c>` tag, read without the general
   * scanner: three tags fewer per cell, most of the read's tags (issue 12). Anything else — a formula,
   * an inline string, CDATA, a prefix, whitespace between the tags — returns false with nothing
   * consumed, for readCellContent.
   */
  private readPlainContent(): boolean {
    const { b, sc } = this;
    const vs = sc.pos + 3;
    if (b[vs - 3] !== LT || b[vs - 2] !== CH_v || b[vs - 1] !== GT) return false;
    const n = b.length;
    let ve = vs;
    while (ve < n && b[ve] !== LT) ve++;
    if (ve + 8 > n || !isPlainCellEnd(b, ve)) return false;
    this.vs = vs;
    this.ve = ve;
    this.inline = undefined;
    this.formula = false;
    sc.pos = ve + 8;
    return true;
  }

  /** `<is>` just read: `<is><t>text</t></is>` from the text cache, anything richer by stringItem. */
  private inlineString(): string {
    const { sc, b } = this;
    const cache = this.ctx.texts?.inline;
    const from = sc.pos;
    if (cache && sc.next() === START && sc.is(N_T)) {
      const s = sc.pos;
      if (sc.next() === END && sc.is(N_T)) {
        const e = sc.tagStart;
        if (sc.next() === END && sc.is(N_IS)) return cache.get(b, s, e);
      }
    }
    sc.pos = from; // not the simple form: read it again the general way
    return interned(this.ctx.intern, stringItem(sc));
  }

  /** `<v>` text, decoded (through the text cache when there is one). */
  private valueText(): string {
    const { b, vs, ve } = this;
    const cache = this.ctx.texts?.value;
    return cache ? cache.get(b, vs, ve) : decodeText(b, vs, ve);
  }

  /** `<v>`: the text up to the next tag, or a CDATA section's text. */
  private readValueText(): void {
    const sc = this.sc;
    this.vs = sc.pos;
    const k = sc.next();
    if (k === CDATA) {
      this.vs = sc.attrStart;
      this.ve = sc.attrEnd;
      sc.skipElement();
    } else {
      this.ve = sc.tagStart;
      if (k === START) sc.skipElement(); // malformed; ignore the child
    }
  }

  /** The current cell's value by its type (null when it has none); sets `fmt` for numbers and dates. */
  private cellValue(): CellValue {
    const { b, vs, ve } = this;
    const { sharedStrings, cellFormats, date1904 } = this.ctx;
    this.fmt = undefined;
    switch (this.type) {
      case T_N: {
        if (vs < 0) return null;
        const num = parseNumber(b, vs, ve);
        if (num !== num) return interned(this.ctx.intern, decodeText(b, vs, ve).trim()); // not a number: kept as text
        this.fmt = cellFormats[this.style];
        return num;
      }
      case T_S: {
        if (vs < 0) return null;
        const i = parseUint(b, vs, ve);
        const s = i >= 0 ? sharedStrings[i] : undefined;
        return s === undefined ? null : s;
      }
      case T_STR:
      case T_E:
        return vs >= 0 ? this.valueText() : null;
      case T_INLINE:
        if (this.inline !== undefined) return this.inline;
        return vs >= 0 ? this.valueText() : null;
      case T_B: {
        if (vs < 0) return null;
        const c = b[vs];
        return c === DIGIT_1 || c === CH_t || c === UPPER_T; // "1", "true", "TRUE"
      }
      case T_D: {
        if (vs < 0) return null;
        const text = decodeText(b, vs, ve);
        const serial = isoToSerial(text, date1904);
        if (serial !== serial) return text;
        this.fmt = cellFormats[this.style] ?? (/T\d/.test(text) ? "yyyy-mm-dd hh:mm:ss" : "yyyy-mm-dd");
        return serial;
      }
    }
    return null;
  }

  /** Stores a value (and its format) at `col` of the current row. */
  private store(col: number, v: CellValue, fmt: string | undefined): void {
    if (this.curRow === undefined) this.curRow = rowAt(this.rows, this.rowIdx);
    setAt<CellValue>(this.curRow, col, v, null);
    if (fmt === undefined) return;
    if (this.curFmt === undefined) this.curFmt = this.formatRow();
    setAt<string | undefined>(this.curFmt, col, fmt, undefined);
  }

  /** `<mergeCell ref="A1:B2">`: its first `ref`, when it is a usable range. */
  private mergeCell(): void {
    const sc = this.sc;
    sc.attrs();
    while (sc.nextAttr()) {
      if (sc.attrIs(A_REF)) {
        const range = parseRange(this.b, sc.avS, sc.avE);
        if (range) this.merges.push(range);
        break;
      }
    }
  }
}

/**
 * One worksheet part → rows/formats/merges, in one forward scan. Cells and rows without `r`
 * attributes are placed by counting. Blank cells (no value, or an empty string) are not stored; a row
 * with no stored cell stays `undefined`; rows are never padded beyond their last value.
 */
export function readSheetXml(xml: Uint8Array, ctx: SheetContext): SheetData {
  return new SheetReader(xml, ctx).read();
}
