// Builds .xlsx bytes the way other programs write them (report generators, exports of web systems,
// hand-rolled writers): every sheet claims `<dimension ref="A1:Z1048576">`, strings are inline,
// numbers go into `<v>` with 15 significant digits, formulas may have no cached `<v>` at all, and
// nothing is calculated. Start from a readable ledger (its Grids), edit cells, write it out raw.
import { strToU8, zipSync, type Zippable } from "fflate";
import type { CellValue, Grid, Workbook } from "../src/engine/grid";
import { a1 } from "../src/engine/grid";
import { readXlsx } from "../src/hosts/xlsx/read";

/** A formula: `v` is its cached result; without `v` the program saved no result. */
export interface RawFormula {
  f: string;
  v?: CellValue;
}
/** A number written into `<v>` exactly as given (e.g. "40543.99999999999", "3.70112196812041E+17"). */
export interface RawNumber {
  raw: string;
}
export type RawCell = CellValue | RawFormula | RawNumber;

export interface RawSheet {
  name: string;
  rows: (RawCell[] | undefined)[];
  /** Columns (0-based) holding dates, per row: written with the built-in date format 14. */
  dates: Set<string>;
  merges: string[];
  /** Default A1:Z1048576, as such programs claim. */
  dimension?: string;
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** 15 significant digits, as such programs (and Excel) keep them. */
function numberV(n: number): string {
  return String(Number(n.toPrecision(15)));
}

function isFormula(c: RawCell): c is RawFormula {
  return typeof c === "object" && c !== null && "f" in c;
}
function isRaw(c: RawCell): c is RawNumber {
  return typeof c === "object" && c !== null && "raw" in c;
}

function cellXml(ref: string, c: RawCell, date: boolean): string {
  const s = date ? ' s="1"' : "";
  if (isRaw(c)) return `<c r="${ref}"${s}><v>${c.raw}</v></c>`;
  if (isFormula(c)) {
    const f = `<f>${esc(c.f)}</f>`;
    if (c.v === undefined || c.v === null) return `<c r="${ref}"${s}>${f}</c>`;
    if (typeof c.v === "number") return `<c r="${ref}"${s}>${f}<v>${numberV(c.v)}</v></c>`;
    if (typeof c.v === "boolean") return `<c r="${ref}" t="b">${f}<v>${c.v ? 1 : 0}</v></c>`;
    return `<c r="${ref}" t="str">${f}<v>${esc(c.v)}</v></c>`;
  }
  if (c === null) return "";
  if (typeof c === "number") return `<c r="${ref}"${s}><v>${numberV(c)}</v></c>`;
  if (typeof c === "boolean") return `<c r="${ref}" t="b"><v>${c ? 1 : 0}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(c)}</t></is></c>`;
}

function sheetXml(s: RawSheet): string {
  const rows: string[] = [];
  s.rows.forEach((row, r) => {
    if (!row) return;
    const cells = row.map((c, col) =>
      c === undefined ? "" : cellXml(a1(r, col), c, s.dates.has(a1(r, col))),
    );
    rows.push(`<row r="${r + 1}">${cells.join("")}</row>`);
  });
  const merges = s.merges.length
    ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    : "";
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><dimension ref="${s.dimension ?? "A1:Z1048576"}"/><sheetData>${rows.join("")}</sheetData>${merges}</worksheet>`;
}

/** The package: workbook, one part per sheet, a styles part with General and a date style. */
export function rawXlsx(sheets: RawSheet[]): Uint8Array {
  const files: Zippable = {};
  const put = (p: string, s: string) => (files[p] = strToU8(s));
  put(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  put(
    "_rels/.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const rels = sheets.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rIdY" Type="${REL}/styles" Target="styles.xml"/>`);
  sheets.forEach((s, i) => put(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)));
  put(
    "xl/styles.xml",
    `<?xml version="1.0"?><styleSheet ${NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  put(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  const list = sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  put("xl/workbook.xml", `<?xml version="1.0"?><workbook ${NS}><sheets>${list.join("")}</sheets></workbook>`);
  return zipSync(files);
}

/** A workbook's Grids as raw sheets to edit (dates keep their date style). */
export function rawSheetsOf(wb: Workbook): RawSheet[] {
  return wb.sheets.map((g: Grid) => {
    const dates = new Set<string>();
    g.formats?.forEach((row, r) =>
      row?.forEach((f, c) => {
        if (f && /[yd]/i.test(f)) dates.add(a1(r, c));
      }),
    );
    const merges = g.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`);
    return { name: g.name, rows: g.rows.map((r) => (r ? [...r] : undefined)), dates, merges };
  });
}

export function rawSheetsOfXlsx(bytes: Uint8Array): RawSheet[] {
  return rawSheetsOf(readXlsx(bytes));
}

export function sheetNamed(sheets: RawSheet[], name: string): RawSheet {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Sets one cell (A1 address) of a raw sheet; `date` gives it the date style. */
export function setCell(s: RawSheet, ref: string, v: RawCell, date = false): void {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  const r = Number(m[2]) - 1;
  while (s.rows.length <= r) s.rows.push(undefined);
  const row = (s.rows[r] ??= []);
  while (row.length < col) row.push(null);
  row[col - 1] = v;
  if (date) s.dates.add(ref);
  else s.dates.delete(ref);
}

/** The cell's current value (null when blank). */
export function getCell(s: RawSheet, ref: string): RawCell {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return s.rows[Number(m[2]) - 1]?.[col - 1] ?? null;
}
