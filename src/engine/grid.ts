// The Grid: what every host hands the engine — one sheet as plain 2-D data.
// No host types leak in here: the Office.js host and the xlsx host both produce Grids.

/** A cell value as read: text, number (dates are serials in the workbook's date system), boolean, or blank. */
export type CellValue = string | number | boolean | null;

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** The sheet's name exactly as in the workbook. */
  name: string;
  /** Hidden sheets are read too; the flag is kept for the overview. */
  hidden?: boolean;
  /**
   * Row-major values, 0-based. Rows may be shorter than the widest row (missing cells are blank) and a
   * row may be `undefined` for an empty row; hosts never pad, to keep large sheets small.
   */
  rows: (CellValue[] | undefined)[];
  /**
   * Number formats of numeric cells, parallel to `rows` (same indices), as format codes
   * (e.g. "yyyy-mm-dd", "General"). Optional: `undefined` where a host did not read formats.
   * Only numeric cells need an entry; the engine uses it to tell dates from plain numbers.
   */
  formats?: ((string | undefined)[] | undefined)[];
  /** Merged areas (e.g. the title row, two-row headers). */
  merges: CellRange[];
  /**
   * Formula cells, parallel to `rows` (same indices); optional, like `formats`. A `cached` formula's
   * saved result is its value in `rows`; an `uncalculated` one was saved without a result (files
   * written by programs that do not calculate): its value is unknown, not blank (ledger-format §1.4).
   */
  formulas?: ((FormulaMark | undefined)[] | undefined)[];
}

export type FormulaMark = "cached" | "uncalculated";

/** One workbook as the engine sees it. */
export interface Workbook {
  /** true when the workbook uses the 1904 date system (serial 0 = 1904-01-01). */
  date1904: boolean;
  sheets: Grid[];
  /** Workbook-level defined names (name → formula/text), used for the template version marker. */
  definedNames?: Record<string, string>;
}

export function cellAt(grid: Grid, row: number, col: number): CellValue {
  const r = grid.rows[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function formatAt(grid: Grid, row: number, col: number): string | undefined {
  return grid.formats?.[row]?.[col];
}

export function formulaAt(grid: Grid, row: number, col: number): FormulaMark | undefined {
  return grid.formulas?.[row]?.[col];
}

/**
 * One past the last row the clerk sees as filled (ledger-format §1.4): a typed value, or a formula
 * showing a value. Formulas showing blank or 0 (filled down past the data) and formulas without a
 * saved result do not make a row filled.
 */
export function visibleRowCount(grid: Grid): number {
  const marks = grid.formulas;
  for (let r = grid.rows.length - 1; r >= 0; r--) {
    const row = grid.rows[r];
    if (!row) continue;
    const rowMarks = marks?.[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (!isBlank(v) && (v !== 0 || rowMarks?.[c] === undefined)) return r + 1;
    }
  }
  return 0;
}

/** Whitespace and the characters nobody sees (ledger-format §1.4): a cell holding only these is blank. */
const BLANK_TEXT = /^[\s\u3000\u00a0\ufeff\u200b-\u200d\u2060\u00ad]*$/;

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && isBlankText(v));
}

/**
 * BLANK_TEXT without the regular expression for the usual text: a first character that is printable
 * ASCII or CJK (above U+3000, but not U+FEFF) cannot start an all-blank text. (This runs for every
 * cell of the ledger: 1.8 M on the district, issue 12.)
 */
function isBlankText(s: string): boolean {
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c > 0x3000 && c !== 0xfeff)) return false;
  return BLANK_TEXT.test(s);
}

/** 0-based column index → letters (0 → A, 26 → AA). */
export function columnLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row/col → A1 address. */
export function a1(row: number, col: number): string {
  return columnLetters(col) + (row + 1);
}

/** A1 address → 0-based row/col; throws on malformed input. */
export function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.toUpperCase());
  if (!m) throw new Error(`not an A1 address: ${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
