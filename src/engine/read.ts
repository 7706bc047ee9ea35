// Reading a ledger's sheets (ledger-format.md §1): find each sheet, its header row and columns, and
// turn its rows into typed records that remember their cells. Problems with a sheet's structure
// become findings here; a cell that could not be read as written is remembered on its record and
// reported by the cell-values check (rules/cells.ts), like every other problem of a row.
import { type Grid, type CellValue, type Workbook, a1, formulaAt, isBlank, visibleRowCount } from "./grid";
import type { FindingSink, FindingValue } from "./findings";
import type { Producer } from "./check";
import {
  type FieldDef,
  type SheetDef,
  type SheetId,
  LEDGER_SHEETS,
  SHEET_BY_ID,
  RATING_VALUES,
  RESULT_SHEET_NAMES,
  TOTAL_LABELS,
} from "./schema";
import {
  cellText,
  enumMatcher,
  lostDigits,
  matchKey,
  numberText,
  readCode,
  readDate,
  readName,
  readNumber,
  readText,
  splitList,
  splitWhitespace,
} from "./normalize";
import { toISO } from "./dates";

/** A field's value after normalisation: text, number (dates as Day), a list, or absent. */
export type FieldValue = string | number | string[] | undefined;

/** Codes of the read step (sheet structure). */
export const READ_CODES = [
  "missing-sheet",
  "missing-column",
  "duplicate-column",
  "unknown-column",
  "blank-row",
  "total-row",
  "total-mismatch",
  "formula-not-calculated",
] as const;
export type ReadCode = (typeof READ_CODES)[number];
export const TABLE_READ: Producer = { id: "read-tables", codes: READ_CODES };

/** What the reader found in one cell: read with a fix (`normalized`), or not readable at all. */
export const CELL_CODES = ["required", "type-date", "type-number", "enum", "range", "normalized"] as const;
export type CellCode = (typeof CELL_CODES)[number];

export interface CellProblem {
  code: CellCode;
  /** 0-based column. */
  col: number;
  /** Canonical column name. */
  field: string;
  value: FindingValue;
  fix?: string | number;
  params?: Record<string, string | number>;
}

export interface Rec {
  /** 0-based row in the sheet. */
  row: number;
  v: Record<string, FieldValue>;
  /** A cell of the row could not be read (see `cells`). Errors the checks find are in the findings. */
  err: boolean;
  /** Cells read with a fix or not readable, in column order; absent when every cell read cleanly. */
  cells?: CellProblem[];
  /**
   * Field keys whose value is not known: a formula saved without its result, or a cell that could
   * not be read. Nothing is derived from them (ledger-format §1.4).
   */
  unread?: string[];
}

export interface Table {
  def: SheetDef;
  grid: Grid;
  /** Field key → 0-based column; absent columns are missing. */
  cols: Record<string, number>;
  /** 0-based header row (the lower row of a two-row header). */
  headerRow: number;
  records: Rec[];
  /** How the sheet was found. */
  foundBy: "name" | "header";
}

export type Tables = Partial<Record<SheetId, Table>>;

export function cellOf(t: Table, rec: Rec, field: string): string {
  const c = t.cols[field];
  return a1(rec.row, c ?? keyCol(t));
}

/** The column of the row's own key (or its first mapped column). */
export function keyCol(t: Table): number {
  const k = t.def.keyField ?? t.def.fields[0].key;
  return t.cols[k] ?? Math.min(...Object.values(t.cols));
}

export function rawOf(t: Table, rec: Rec, field: string): CellValue {
  const c = t.cols[field];
  if (t.grid.rows === RELEASED_ROWS) throw new Error(`rawOf: the cells of ${t.grid.name} were let go`);
  return c === undefined ? null : cellValue(t.grid, rec.row, c, undefined);
}

/** The rows of a Grid whose cells were let go after the checks (`releaseCells`). */
const RELEASED_ROWS: Grid["rows"] = Object.freeze([]) as unknown as Grid["rows"];

/**
 * Lets a table's cells go (the table keeps its sheet's name): its records hold every value scoring
 * and the report read. Reading a raw cell afterwards throws.
 */
export function releaseCells(t: Table): void {
  const { name, hidden } = t.grid;
  t.grid = { name, hidden, rows: RELEASED_ROWS, merges: [] };
}

/**
 * Lets a table's records go (the table keeps its sheet and columns): for a table only the checks and
 * the scoring read. Reading its records afterwards throws rather than seeing an empty sheet.
 */
export function releaseRecords(t: Table): void {
  const name = t.grid.name;
  Object.defineProperty(t, "records", {
    get: () => {
      throw new Error(`the records of ${name} were let go after scoring`);
    },
  });
}

/** Merged areas' values by cell (row * 20000 + col) and the rows holding any of them. */
interface MergeFill {
  cells: Map<number, CellValue>;
  rows: Set<number>;
}

/** Cell value with merged areas filled from their top-left cell (what Excel shows). */
function cellValue(grid: Grid, r: number, c: number, mergeFill: MergeFill | undefined): CellValue {
  const v = grid.rows[r]?.[c];
  if (v !== undefined && v !== null) return v;
  return mergeFill?.cells.get(r * 20000 + c) ?? null;
}

/** Only rows below `minRow` and up to `maxRow` (data rows) are filled. */
function buildMergeFill(grid: Grid, minRow: number, maxRow: number): MergeFill | undefined {
  if (grid.merges.length === 0) return undefined;
  const fill: MergeFill = { cells: new Map(), rows: new Set() };
  for (const m of grid.merges) {
    if (m.top > maxRow || m.bottom < minRow) continue;
    const v = grid.rows[m.top]?.[m.left] ?? null;
    if (isBlank(v)) continue;
    const bottom = Math.min(m.bottom, maxRow);
    for (let r = Math.max(m.top, minRow); r <= bottom; r++) {
      fill.rows.add(r);
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) fill.cells.set(r * 20000 + c, v);
    }
  }
  return fill;
}

// ---------------------------------------------------------------- sheet and header detection

interface FieldIndex {
  canonical: Map<string, FieldDef>;
  alias: Map<string, FieldDef>;
}

const fieldIndexes = new WeakMap<SheetDef, FieldIndex>();
function fieldIndex(def: SheetDef): FieldIndex {
  let ix = fieldIndexes.get(def);
  if (!ix) {
    ix = { canonical: new Map(), alias: new Map() };
    for (const f of def.fields) {
      ix.canonical.set(matchKey(f.name), f);
      for (const a of f.aliases ?? []) if (!ix.alias.has(matchKey(a))) ix.alias.set(matchKey(a), f);
    }
    fieldIndexes.set(def, ix);
  }
  return ix;
}

/** A header text → field; a canonical name wins over an alias (§7). */
function lookupField(def: SheetDef, key: string): FieldDef | undefined {
  const ix = fieldIndex(def);
  return ix.canonical.get(key) ?? ix.alias.get(key);
}

interface HeaderCell {
  col: number;
  /** Names to try, most specific first (`group/sub`, then `sub`). */
  names: string[];
  text: string;
}

/**
 * The header texts of row `r`: its own non-blank cells, and a cell merged down from above into this
 * row (a two-row header's single-row column). A merged area counts once, at its left column: the
 * empty cells a title merged across K1:XFD1 covers are not columns (§1.4).
 */
function headerTexts(grid: Grid, r: number): Map<number, CellValue> {
  const texts = new Map<number, CellValue>();
  grid.rows[r]?.forEach((v, c) => {
    if (!isBlank(v)) texts.set(c, v);
  });
  for (const m of grid.merges) {
    if (m.top >= r || m.bottom < r || texts.has(m.left)) continue;
    const v = grid.rows[m.top]?.[m.left];
    if (!isBlank(v)) texts.set(m.left, v!);
  }
  return texts;
}

function headerCells(grid: Grid, r: number): HeaderCell[] {
  const texts = headerTexts(grid, r);
  const out: HeaderCell[] = [];
  for (const c of [...texts.keys()].sort((a, b) => a - b)) {
    const v = texts.get(c)!;
    const text = cellText(v);
    const names = [matchKey(text)];
    if (r > 0) {
      // A group cell merged across several columns above this one: a two-row header.
      const group = grid.merges.find(
        (m) => m.top <= r - 1 && m.bottom === r - 1 && m.left <= c && m.right >= c && m.right > m.left,
      );
      if (group) {
        const g = grid.rows[group.top]?.[group.left] ?? null;
        if (!isBlank(g)) names.unshift(matchKey(cellText(g)) + "/" + names[0]);
      }
    }
    out.push({ col: c, names, text });
  }
  return out;
}

function countMatches(def: SheetDef, cells: HeaderCell[]): number {
  const seen = new Set<string>();
  for (const h of cells)
    for (const n of h.names) {
      const f = lookupField(def, n);
      if (f) {
        seen.add(f.key);
        break;
      }
    }
  return seen.size;
}

export interface HeaderGuess {
  row: number;
  cells: HeaderCell[];
  matched: number;
}

/** §1.1/§7: the first of the first 10 rows matching ≥ ceil(n/2) columns; a two-row header's lower row. */
export function detectHeader(def: SheetDef, grid: Grid): HeaderGuess | undefined {
  const need = Math.ceil(def.fields.length / 2);
  const limit = Math.min(10, grid.rows.length);
  for (let r = 0; r < limit; r++) {
    const cells = headerCells(grid, r);
    const matched = countMatches(def, cells);
    if (matched < need) continue;
    // The upper row of a two-row header can already match half the columns; the lower row matches more.
    if (r + 1 < grid.rows.length) {
      const next = headerCells(grid, r + 1);
      const nextMatched = countMatches(def, next);
      if (nextMatched > matched) return { row: r + 1, cells: next, matched: nextMatched };
    }
    return { row: r, cells, matched };
  }
  return undefined;
}

function requiredAllPresent(def: SheetDef, guess: HeaderGuess): boolean {
  const present = new Set<string>();
  for (const h of guess.cells)
    for (const n of h.names) {
      const f = lookupField(def, n);
      if (f) {
        present.add(f.key);
        break;
      }
    }
  return def.fields.every((f) => !f.required || present.has(f.key));
}

/** §1: by name (canonical before alias), then by header content; result sheets never count. */
export function locateSheets(wb: Workbook): Map<SheetId, { grid: Grid; by: "name" | "header" }> {
  const found = new Map<SheetId, { grid: Grid; by: "name" | "header" }>();
  const used = new Set<Grid>();
  const reserved = new Set(RESULT_SHEET_NAMES.map(matchKey));
  const candidates = wb.sheets.filter((g) => !reserved.has(matchKey(g.name)));
  for (const pass of ["canonical", "alias"] as const) {
    for (const def of LEDGER_SHEETS) {
      if (found.has(def.id)) continue;
      const names = pass === "canonical" ? [def.name] : def.aliases;
      const keys = new Set(names.map(matchKey));
      const g = candidates.find((s) => !used.has(s) && keys.has(matchKey(s.name)));
      if (g) {
        found.set(def.id, { grid: g, by: "name" });
        used.add(g);
      }
    }
  }
  for (const def of LEDGER_SHEETS) {
    if (found.has(def.id)) continue;
    const g = candidates.find((s) => {
      if (used.has(s)) return false;
      const guess = detectHeader(def, s);
      return guess !== undefined && requiredAllPresent(def, guess);
    });
    if (g) {
      found.set(def.id, { grid: g, by: "header" });
      used.add(g);
    }
  }
  return found;
}

// ---------------------------------------------------------------- rows → records

export interface ReadContext {
  sink: FindingSink<ReadCode>;
  date1904: boolean;
}

export interface ReadTables {
  tables: Tables;
  located: Map<SheetId, { grid: Grid; by: "name" | "header" }>;
}

/** Every ledger sheet of the workbook that can be found and has a header row. */
export function readTables(wb: Workbook, sink: FindingSink<ReadCode>): ReadTables {
  const located = locateSheets(wb);
  const tables: Tables = {};
  for (const def of LEDGER_SHEETS) {
    const t = readLocated(wb, def, located, sink);
    if (t) tables[def.id] = t;
  }
  return { tables, located };
}

/**
 * One ledger sheet read alone, found as readTables finds it (the district's unit list needs only
 * 党（工）委: reading a district-size open workbook whole took ~0.7 s on the pane's thread, issue 12).
 */
export function readOneTable(wb: Workbook, id: SheetId, sink: FindingSink<ReadCode>): Table | undefined {
  return readLocated(wb, SHEET_BY_ID[id], locateSheets(wb), sink);
}

function readLocated(
  wb: Workbook,
  def: SheetDef,
  located: ReturnType<typeof locateSheets>,
  sink: FindingSink<ReadCode>,
): Table | undefined {
  const at = located.get(def.id);
  if (!at) {
    sink.add("missing-sheet", def.name, null, { params: { sheet: def.name } });
    return undefined;
  }
  return readTable(def, at.grid, at.by, { sink, date1904: wb.date1904 });
}

/** Reads one ledger sheet; `undefined` when no header row could be found (reported). */
export function readTable(
  def: SheetDef,
  grid: Grid,
  by: "name" | "header",
  ctx: ReadContext,
): Table | undefined {
  const { sink } = ctx;
  const guess = detectHeader(def, grid);
  if (!guess) {
    for (const f of def.fields)
      if (f.required)
        sink.add("missing-column", grid.name, null, { field: f.name, params: { sheet: grid.name } });
    return undefined;
  }
  const cols: Record<string, number> = {};
  for (const h of guess.cells) {
    let field: FieldDef | undefined;
    for (const n of h.names) if ((field = lookupField(def, n))) break;
    const cell = a1(guess.row, h.col);
    if (!field) {
      sink.add("unknown-column", grid.name, cell, { value: h.text, row: guess.row });
      continue;
    }
    if (cols[field.key] !== undefined) {
      sink.add("duplicate-column", grid.name, cell, { field: field.name, value: h.text, row: guess.row });
      continue;
    }
    cols[field.key] = h.col;
  }
  for (const f of def.fields) {
    if (cols[f.key] !== undefined) continue;
    sink.add("missing-column", grid.name, a1(guess.row, 0), {
      field: f.name,
      alt: !f.required,
      row: guess.row,
    });
  }
  const table: Table = { def, grid, cols, headerRow: guess.row, records: [], foundBy: by };
  readRows(table, ctx);
  reportUncalculated(table, sink);
  return table;
}

/**
 * §1.4: formulas saved without a result, one finding per column at its first such cell with the
 * count. Rows below the data count too: once calculated they may show values.
 */
function reportUncalculated(t: Table, sink: FindingSink<ReadCode>): void {
  const marks = t.grid.formulas;
  if (!marks) return;
  const found = new Map<number, { row: number; count: number }>();
  const mapped = Object.values(t.cols);
  for (let r = t.headerRow + 1; r < marks.length; r++) {
    const row = marks[r];
    if (!row) continue;
    for (const c of mapped) {
      if (row[c] !== "uncalculated") continue;
      const at = found.get(c);
      if (at) at.count++;
      else found.set(c, { row: r, count: 1 });
    }
  }
  for (const f of t.def.fields) {
    const c = t.cols[f.key];
    const at = c === undefined ? undefined : found.get(c);
    if (!at) continue;
    sink.add("formula-not-calculated", t.grid.name, a1(at.row, c!), {
      field: f.name,
      row: at.row,
      params: { count: at.count },
    });
  }
}

interface TotalState {
  sums: Map<string, number>;
  sinceSubtotal: Map<string, number>;
}

/** Rows below the header up to the last one the clerk sees as filled (§1.4). */
function readRows(t: Table, ctx: ReadContext): void {
  const { grid, def, cols } = t;
  const end = visibleRowCount(grid);
  const fill = buildMergeFill(grid, t.headerRow + 1, end - 1);
  const mapped = def.fields.filter((f) => cols[f.key] !== undefined);
  const mappedCols = mapped.map((f) => cols[f.key]);
  const integerFields = mapped.filter((f) => f.type === "integer");
  const shape = recordShape(mapped);
  const totals: TotalState = { sums: new Map(), sinceSubtotal: new Map() };
  const blanks = new BlankRuns(grid.name, ctx.sink);

  for (let r = t.headerRow + 1; r < end; r++) {
    const first = firstFilled(grid.rows[r]);
    if (first === undefined && !fill?.rows.has(r) && !hasUncalculated(grid, r)) {
      blanks.add(r);
      continue;
    }
    blanks.end();
    const total = totalLabel(first);
    if (total !== undefined) {
      checkTotalRow(t, r, integerFields, totals, ctx, total);
      continue;
    }
    const rec: Rec = { row: r, v: { ...shape }, err: false };
    for (let i = 0; i < mapped.length; i++) {
      const f = mapped[i];
      const c = mappedCols[i];
      if (formulaAt(grid, r, c) === "uncalculated") {
        unknown(rec, f.key);
        continue;
      }
      const raw = cellValue(grid, r, c, fill);
      const v = readField(f, raw, rec, c, ctx.date1904);
      if (v !== undefined) rec.v[f.key] = v;
    }
    for (const f of integerFields) {
      const n = rec.v[f.key];
      if (typeof n !== "number") continue;
      totals.sums.set(f.key, (totals.sums.get(f.key) ?? 0) + n);
      totals.sinceSubtotal.set(f.key, (totals.sinceSubtotal.get(f.key) ?? 0) + n);
    }
    t.records.push(rec);
  }
}

/**
 * Every record of a table starts as a copy of one object with all its fields, unset: V8 then gives
 * them one shape with the fields inside the object (issue 12: the district's 200,000 records were
 * grown field by field, each with a separately allocated, partly empty property store).
 */
function recordShape(fields: readonly FieldDef[]): Record<string, FieldValue> {
  const shape: Record<string, FieldValue> = {};
  for (const f of fields) shape[f.key] = undefined;
  return shape;
}

/** The row's first value that is not blank. */
function firstFilled(row: readonly CellValue[] | undefined): CellValue | undefined {
  if (row === undefined) return undefined;
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return row[i];
  return undefined;
}

/** 合计/小计/总计 (full-width or spaced forms too); cheap for the usual non-total first cell. */
function totalLabel(first: CellValue | undefined): string | undefined {
  if (typeof first !== "string" || first.length > 12) return undefined;
  const k = matchKey(first);
  return TOTAL_LABELS.includes(k) ? k : undefined;
}

function hasUncalculated(grid: Grid, r: number): boolean {
  return grid.formulas?.[r]?.includes("uncalculated") ?? false;
}

/** §1.4: one `blank-row` per run of consecutive blank rows, at the run's first row, with the count. */
class BlankRuns {
  private first = -1;
  private count = 0;
  constructor(
    private readonly sheet: string,
    private readonly sink: FindingSink<ReadCode>,
  ) {}
  add(r: number): void {
    if (this.first < 0) this.first = r;
    this.count++;
  }
  end(): void {
    if (this.first < 0) return;
    const { first, count } = this;
    this.sink.add("blank-row", this.sheet, a1(first, 0), { row: first, params: { row: first + 1, count } });
    this.first = -1;
    this.count = 0;
  }
}

/** A cell whose value is unknown (a formula without its result): the row takes no part in scoring. */
function unknown(rec: Rec, key: string): void {
  (rec.unread ??= []).push(key);
  rec.err = true;
}

/** 小计 sums the rows since the previous 小计; 合计/总计 sum every data row above. */
function checkTotalRow(
  t: Table,
  r: number,
  fields: FieldDef[],
  st: TotalState,
  ctx: ReadContext,
  label: string,
) {
  ctx.sink.add("total-row", t.grid.name, a1(r, 0), { row: r, value: label, params: { row: r + 1 } });
  const sub = label === "小计";
  for (const f of fields) {
    const c = t.cols[f.key];
    const { n } = readNumber(cellValue(t.grid, r, c, undefined));
    if (n === undefined) continue;
    const expected = (sub ? st.sinceSubtotal : st.sums).get(f.key) ?? 0;
    if (n !== expected)
      ctx.sink.add("total-mismatch", t.grid.name, a1(r, c), {
        field: f.name,
        value: n,
        row: r,
        params: { expected },
      });
  }
  if (sub) st.sinceSubtotal.clear();
}

const RATING_SET = new Set<string>(RATING_VALUES);

/** Remembers a cell that could not be read; the record then takes no part in scoring. */
function fail(
  f: FieldDef,
  raw: CellValue,
  rec: Rec,
  col: number,
  code: Exclude<CellCode, "normalized">,
  params?: Record<string, string | number>,
): undefined {
  const p: CellProblem = { code, col, field: f.name, value: findingValue(raw) };
  if (params) p.params = params;
  (rec.cells ??= []).push(p);
  if (code !== "required") (rec.unread ??= []).push(f.key); // a blank cell is known to be blank
  rec.err = true;
  return undefined;
}

/** Remembers a cell that was read with a fix (the finding suggests writing the fixed value). */
function normalized(f: FieldDef, raw: CellValue, rec: Rec, col: number, fix: string | number): void {
  (rec.cells ??= []).push({ code: "normalized", col, field: f.name, value: findingValue(raw), fix });
}

/** Reads one cell of a field; remembers its problems on the record; returns the normalised value. */
function readField(f: FieldDef, raw: CellValue, rec: Rec, c: number, date1904: boolean): FieldValue {
  if (isBlank(raw)) {
    if (f.blankAs !== undefined) return f.blankAs;
    if (f.required) return fail(f, raw, rec, c, "required");
    return undefined;
  }
  switch (f.type) {
    case "text":
    case "name":
    case "code":
    case "idcard":
    case "idlist": {
      // §1.4: a card stored as a number lost its last digits; the id-cards check reports it.
      if (f.type === "idcard" && lostDigits(raw)) return undefined;
      let s = f.type === "name" ? readName(raw) : f.type === "code" ? readCode(raw) : readText(raw);
      if (f.type === "idcard") s = readCode(raw).toUpperCase();
      if (typeof raw === "string" && s !== raw) normalized(f, raw, rec, c, s);
      return s;
    }
    case "date": {
      const { day, changed } = readDate(raw, date1904);
      if (day === undefined) return fail(f, raw, rec, c, "type-date");
      if (changed) normalized(f, raw, rec, c, toISO(day));
      return day;
    }
    case "integer": {
      // a number cell needs no reading (readNumber's result object, for 1 M cells, is not free)
      const { n, changed } = typeof raw === "number" ? { n: raw, changed: false } : readNumber(raw);
      if (n === undefined || !Number.isInteger(n)) return fail(f, raw, rec, c, "type-number");
      if (f.min !== undefined && n < f.min)
        return fail(f, raw, rec, c, "range", { expected: f.min === 0 ? "≥ 0" : "> 0" });
      if (changed) normalized(f, raw, rec, c, n);
      return n;
    }
    case "enum": {
      const m = enumMatcher(f.enum!);
      const text = cellText(raw);
      if (!f.multi) {
        const v = m.get(text);
        if (v === undefined) return fail(f, raw, rec, c, "enum", { expected: f.enum!.values.join("、") });
        if (v !== text) normalized(f, raw, rec, c, v);
        return v;
      }
      const out: string[] = [];
      for (const p of splitList(text)) {
        const v = m.get(p);
        if (v !== undefined) {
          out.push(v);
          continue;
        }
        // §7: split on whitespace only when every token is a known value ("公示栏 网站").
        const tokens = splitWhitespace(p).map((x) => m.get(x));
        if (tokens.length < 2 || tokens.some((x) => x === undefined))
          return fail(f, raw, rec, c, "enum", { expected: f.enum!.values.join("、") });
        out.push(...(tokens as string[]));
      }
      const joined = out.join("、");
      if (joined !== text) normalized(f, raw, rec, c, joined);
      return out;
    }
    case "rating": {
      if (typeof raw === "string") {
        if (RATING_SET.has(raw)) return raw;
        const k = matchKey(raw);
        if (RATING_SET.has(k)) {
          normalized(f, raw, rec, c, k);
          return k;
        }
      }
      const { n, changed } = readNumber(raw);
      if (n === undefined)
        return fail(f, raw, rec, c, "enum", { expected: "好、较好、一般、差，或0至20之间的分数" });
      if (n < 0 || n > 20) return fail(f, raw, rec, c, "range", { expected: "0–20" });
      if (changed) normalized(f, raw, rec, c, n);
      return n;
    }
  }
}

export function findingValue(v: CellValue): string | number | boolean | null {
  return typeof v === "number" ? Number(numberText(v)) : v;
}
