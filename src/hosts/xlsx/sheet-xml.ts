// Worksheet XML (and the shared string table) → Grid data, by a single forward scan of the bytes.
//
// Broken XML: the scanner is forgiving by design. Stray text, unknown or unclosed elements, bad
// entities and garbage between tags are skipped; a tag cut off by the end of the part ends the scan.
// So a damaged sheet yields every cell that can still be recognised (rows after real damage may be
// missing) instead of failing the whole workbook; Excel's own "repair" behaves much the same.
import type { CellRange, CellValue } from "../../engine/grid";
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
} from "./xml";

const N_SI = ascii("si");
const N_T = ascii("t");
const N_RPH = ascii("rPh");
const N_SHEETDATA = ascii("sheetData");
const N_MERGECELL = ascii("mergeCell");
const N_IS = ascii("is");
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
}

export interface SheetData {
  rows: (CellValue[] | undefined)[];
  formats: ((string | undefined)[] | undefined)[];
  merges: CellRange[];
}

// cell types (the `t` attribute)
const T_N = 0;
const T_S = 1;
const T_STR = 2;
const T_B = 3;
const T_E = 4;
const T_INLINE = 5;
const T_D = 6;

/** "AB12" (or "$AB$12") → sets refCol/refRow (0-based, -1 when a part is absent or out of range). */
let refCol = -1;
let refRow = -1;
function parseRef(b: Uint8Array, s: number, e: number): void {
  let col = 0;
  let row = 0;
  let i = s;
  if (b[i] === 36) i++;
  const ls = i;
  for (; i < e; i++) {
    let c = b[i];
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  const hasCol = i > ls && i - ls <= 3;
  if (b[i] === 36) i++;
  const ds = i;
  for (; i < e; i++) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
    if (row > MAX_ROWS) break;
  }
  refCol = hasCol && col <= MAX_COLS ? col - 1 : -1;
  refRow = i > ds && i === e && row >= 1 && row <= MAX_ROWS ? row - 1 : -1;
}

function parseRange(b: Uint8Array, s: number, e: number): CellRange | undefined {
  let colon = s;
  while (colon < e && b[colon] !== 58) colon++;
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

/**
 * One worksheet part → rows/formats/merges. Cells and rows without `r` attributes are placed by
 * counting. Blank cells (no value, or an empty string) are not stored; a row with no stored cell stays
 * `undefined`; rows are never padded beyond their last value.
 */
export function readSheetXml(xml: Uint8Array, ctx: SheetContext): SheetData {
  const b = xml;
  const sc = new XmlScanner(xml);
  const rows: (CellValue[] | undefined)[] = [];
  const formats: ((string | undefined)[] | undefined)[] = [];
  const merges: CellRange[] = [];
  const { sharedStrings, cellFormats, date1904 } = ctx;

  let afterSheetData = false;
  let rowIdx = -1;
  let rowHasRef = true;
  let firstCellInRow = false;
  let nextCol = 0;
  let curRow: CellValue[] | undefined;
  let curFmt: (string | undefined)[] | undefined;

  for (let k = sc.next(); k !== EOF; k = sc.next()) {
    if (k === END) {
      if (sc.is(N_SHEETDATA)) afterSheetData = true;
      continue;
    }
    if (k === CDATA) continue;
    const ls = sc.localStart;
    const ln = sc.nameEnd - ls;
    const c0 = b[ls];

    if (ln === 1 && c0 === 99 && !afterSheetData) {
      // <c r=".." s=".." t="..">
      let col = -1;
      let cellRow = -1;
      let style = 0;
      let type = T_N;
      sc.attrs();
      while (sc.nextAttr()) {
        if (sc.anE - sc.anS !== 1) continue;
        const an = b[sc.anS];
        if (an === 114) {
          parseRef(b, sc.avS, sc.avE);
          col = refCol;
          cellRow = refRow;
          if (col < 0 && sc.avE > sc.avS) col = -2; // a reference we cannot place: skip the cell
        } else if (an === 115) {
          style = sc.attrUint();
        } else if (an === 116) {
          const tl = sc.avE - sc.avS;
          const t0 = b[sc.avS];
          if (t0 === 115) type = tl === 1 ? T_S : T_STR;
          else if (t0 === 98) type = T_B;
          else if (t0 === 101) type = T_E;
          else if (t0 === 105) type = T_INLINE;
          else if (t0 === 100) type = T_D;
        }
      }
      if (firstCellInRow) {
        firstCellInRow = false;
        if (!rowHasRef && cellRow >= 0 && cellRow > rowIdx) {
          rowIdx = cellRow;
          curRow = undefined;
          curFmt = undefined;
        }
      }
      if (rowIdx < 0) rowIdx = 0; // a cell outside any <row>
      if (col === -1) col = nextCol;
      if (col >= 0) nextCol = col + 1;
      if (k === EMPTY) continue;

      // cell content: <v>, <f>, <is>
      let vs = -1;
      let ve = -1;
      let inline: string | undefined;
      for (let k2 = sc.next(); k2 !== EOF; k2 = sc.next()) {
        if (k2 === END) {
          if (sc.nameEnd - sc.localStart === 1 && b[sc.localStart] === 99) break; // </c>
          continue;
        }
        if (k2 !== START) continue;
        const l2 = sc.nameEnd - sc.localStart;
        const d0 = b[sc.localStart];
        if (l2 === 1 && d0 === 118) {
          // <v>: the text up to the next tag
          vs = sc.pos;
          const k3 = sc.next();
          if (k3 === CDATA) {
            vs = sc.attrStart;
            ve = sc.attrEnd;
            sc.skipElement();
          } else {
            ve = sc.tagStart;
            if (k3 === START) sc.skipElement(); // malformed; ignore the child
          }
        } else if (l2 === 2 && d0 === 105 && b[sc.localStart + 1] === 115) {
          inline = stringItem(sc);
        } else if (l2 === 1 && d0 === 99) {
          break; // malformed: a new <c> before </c>; the new cell is lost, the scan goes on
        }
        // <f> and anything else: its text is skipped by the scanner; END tags are ignored above
      }
      if (col < 0) continue;

      let v: CellValue = null;
      let fmt: string | undefined;
      switch (type) {
        case T_N: {
          if (vs < 0) break;
          const num = parseNumber(b, vs, ve);
          if (num === num) {
            v = num;
            fmt = cellFormats[style];
          } else {
            v = decodeText(b, vs, ve).trim();
          }
          break;
        }
        case T_S: {
          if (vs < 0) break;
          const i = parseUint(b, vs, ve);
          const s = i >= 0 ? sharedStrings[i] : undefined;
          if (s !== undefined) v = s;
          break;
        }
        case T_STR:
        case T_E:
          if (vs >= 0) v = decodeText(b, vs, ve);
          break;
        case T_INLINE:
          if (inline !== undefined) v = inline;
          else if (vs >= 0) v = decodeText(b, vs, ve);
          break;
        case T_B: {
          if (vs < 0) break;
          const c = b[vs];
          v = c === 49 || c === 116 || c === 84; // "1", "true", "TRUE"
          break;
        }
        case T_D: {
          if (vs < 0) break;
          const text = decodeText(b, vs, ve);
          const serial = isoToSerial(text, date1904);
          if (serial === serial) {
            v = serial;
            fmt = cellFormats[style] ?? (/T\d/.test(text) ? "yyyy-mm-dd hh:mm:ss" : "yyyy-mm-dd");
          } else v = text;
          break;
        }
      }
      if (v === null || v === "") continue;

      if (curRow === undefined) {
        curRow = rows[rowIdx];
        if (curRow === undefined) {
          while (rows.length < rowIdx) rows.push(undefined);
          curRow = [];
          rows[rowIdx] = curRow;
        }
      }
      if (col === curRow.length) curRow.push(v);
      else if (col > curRow.length) {
        while (curRow.length < col) curRow.push(null);
        curRow.push(v);
      } else curRow[col] = v;

      if (fmt !== undefined) {
        if (curFmt === undefined) {
          curFmt = formats[rowIdx];
          if (curFmt === undefined) {
            while (formats.length < rowIdx) formats.push(undefined);
            curFmt = [];
            formats[rowIdx] = curFmt;
          }
        }
        if (col === curFmt.length) curFmt.push(fmt);
        else if (col > curFmt.length) {
          while (curFmt.length < col) curFmt.push(undefined);
          curFmt.push(fmt);
        } else curFmt[col] = fmt;
      }
    } else if (ln === 3 && c0 === 114 && b[ls + 1] === 111 && b[ls + 2] === 119 && !afterSheetData) {
      // <row r="..">
      let r = -1;
      sc.attrs();
      while (sc.nextAttr()) {
        if (sc.anE - sc.anS === 1 && b[sc.anS] === 114) {
          r = sc.attrUint();
          break;
        }
      }
      rowHasRef = r >= 1 && r <= MAX_ROWS;
      rowIdx = rowHasRef ? r - 1 : rowIdx + 1;
      if (rowIdx >= MAX_ROWS) rowIdx = MAX_ROWS - 1;
      firstCellInRow = true;
      nextCol = 0;
      curRow = undefined;
      curFmt = undefined;
    } else if (ln === 9 && c0 === 109 && sc.is(N_MERGECELL)) {
      sc.attrs();
      while (sc.nextAttr()) {
        if (sc.attrIs(A_REF)) {
          const range = parseRange(b, sc.avS, sc.avE);
          if (range) merges.push(range);
          break;
        }
      }
    }
  }
  return { rows, formats, merges };
}
