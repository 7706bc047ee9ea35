// The fast .xlsx reader: bytes → Workbook of Grids, without ExcelJS.
//
// Memory: the compressed package is parsed for its central directory only; each part is inflated on
// demand and scanned as bytes (no string copy of the XML, no DOM). Sheets are inflated one at a time
// and their bytes dropped before the next, so the peak is roughly one sheet's XML plus the Grids built
// so far (shared strings are decoded once and shared by every cell that uses them).
//
// Errors: anything that makes the file unusable throws LedgerFileError (see errors.ts) and nothing
// else. Damaged sheet XML is read as far as it goes (see sheet-xml.ts); a missing or undecompressable
// sheet part makes the file "corrupt", because silently dropping a sheet would mislead the checks.
import type { Grid, Workbook } from "../../engine/grid";
import { LedgerFileError, ledgerFileError } from "./errors";
import { readSharedStrings, readSheetXml, sheetTexts, type SheetContext } from "./sheet-xml";
import { readCellFormats } from "./styles";
import { ascii, EMPTY, END, EOF, START, XmlScanner } from "./xml";
import { ZipArchive, type ZipEntry } from "./zip";
import { dirOf, relsPartOf, resolvePart } from "./part-names";

export interface ReadXlsxOptions {
  /** Larger inputs are refused with "too-large" (default 100 MB). */
  maxBytes?: number;
  /** Only sheets whose name passes are read (the others are not even decompressed). */
  sheetFilter?: (name: string) => boolean;
  /** readXlsxAhead: sheet XML inflated ahead of its turn, at most (default AHEAD_BYTES). */
  aheadBytes?: number;
}

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, sig: number[]): boolean {
  if (b.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[i] !== sig[i]) return false;
  return true;
}

function utf16le(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8);
  return out;
}

const ENCRYPTION_STREAMS = [utf16le("EncryptionInfo"), utf16le("EncryptedPackage")];

function contains(b: Uint8Array, seq: number[]): boolean {
  const first = seq[0];
  for (let p = b.indexOf(first); p >= 0 && p + seq.length <= b.length; p = b.indexOf(first, p + 1)) {
    let i = 1;
    while (i < seq.length && b[p + i] === seq[i]) i++;
    if (i === seq.length) return true;
  }
  return false;
}

/** Refuses what is not a zip package (old .xls, encrypted .xlsx, other files) before parsing. */
function checkSignature(bytes: Uint8Array, maxBytes: number): void {
  if (bytes.length === 0) throw ledgerFileError("empty");
  if (bytes.length > maxBytes) throw ledgerFileError("too-large", { size: bytes.length, max: maxBytes });
  if (startsWith(bytes, OLE_SIGNATURE)) {
    // An OLE compound file: either a real .xls, or an .xlsx encrypted with an open password
    // (Office wraps those in OLE with "EncryptionInfo" and "EncryptedPackage" streams).
    if (ENCRYPTION_STREAMS.some((s) => contains(bytes, s))) throw ledgerFileError("encrypted");
    throw ledgerFileError("xls");
  }
  const zip =
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5) &&
    (bytes[3] === 4 || bytes[3] === 6);
  if (!zip) throw ledgerFileError("not-xlsx", { reason: "not a zip package" });
}

const N_RELATIONSHIP = ascii("Relationship");
const A_ID = ascii("Id");
const A_TARGET = ascii("Target");
const A_TYPE = ascii("Type");
const A_TARGETMODE = ascii("TargetMode");
const N_SHEET = ascii("sheet");
const N_SHEETS = ascii("sheets");
const N_WORKBOOKPR = ascii("workbookPr");
const N_DEFINEDNAME = ascii("definedName");
const A_NAME = ascii("name");
const A_STATE = ascii("state");
const A_DATE1904 = ascii("date1904");
const A_LOCALSHEETID = ascii("localSheetId");
const A_RID = ascii("id");

interface Rel {
  type: string;
  /** Resolved part name (no leading slash). */
  target: string;
}

function readRels(zip: ZipArchive, sourcePart: string): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  const entry = zip.get(relsPartOf(sourcePart));
  if (!entry) return rels;
  const sc = new XmlScanner(zip.read(entry));
  const base = dirOf(sourcePart);
  for (let k = sc.next(); k !== EOF; k = sc.next()) {
    if ((k !== START && k !== EMPTY) || !sc.is(N_RELATIONSHIP)) continue;
    let id = "";
    let target = "";
    let type = "";
    let external = false;
    sc.attrs();
    while (sc.nextAttr()) {
      if (sc.attrIs(A_ID)) id = sc.attrText();
      else if (sc.attrIs(A_TARGET)) target = sc.attrText();
      else if (sc.attrIs(A_TYPE)) type = sc.attrText();
      else if (sc.attrIs(A_TARGETMODE)) external = sc.attrText() === "External";
    }
    if (id && target && !external) rels.set(id, { type, target: resolvePart(base, target) });
  }
  return rels;
}

function relOfType(rels: Map<string, Rel>, typeSuffix: string): Rel | undefined {
  for (const r of rels.values()) if (r.type.endsWith(typeSuffix)) return r;
  return undefined;
}

interface SheetEntry {
  name: string;
  hidden: boolean;
  part: string;
}

interface PackageInfo {
  zip: ZipArchive;
  date1904: boolean;
  definedNames: Record<string, string>;
  sheets: SheetEntry[];
  sharedStringsPart?: string;
  stylesPart?: string;
}

/** `"text"` (a string-constant formula, "" for a quote) → text; anything else as written. */
function definedNameValue(formula: string): string {
  const m = /^"((?:[^"]|"")*)"$/.exec(formula.trim());
  return m ? m[1].replace(/""/g, '"') : formula;
}

function findWorkbookPart(zip: ZipArchive): string {
  const root = readRels(zip, "");
  const office = relOfType(root, "/officeDocument");
  if (office && zip.has(office.target)) return office.target;
  if (zip.has("xl/workbook.xml")) return "xl/workbook.xml";
  const any = zip.entries.find((e) => /(^|\/)workbook\.xml$/i.test(e.name));
  if (any) return any.name;
  const names = zip.entries.map((e) => e.name.toLowerCase());
  if (names.some((n) => n.endsWith("workbook.bin")))
    throw ledgerFileError("not-xlsx", { reason: "binary workbook (.xlsb)" });
  if (names.some((n) => n === "word/document.xml" || n === "ppt/presentation.xml" || n === "content.xml"))
    throw ledgerFileError("not-xlsx", { reason: "a zip package that is not a workbook" });
  throw ledgerFileError("corrupt", { reason: "no workbook part in the package" });
}

function openPackage(bytes: Uint8Array): PackageInfo {
  const zip = new ZipArchive(bytes);
  const wbPart = findWorkbookPart(zip);
  const rels = readRels(zip, wbPart);
  const sc = new XmlScanner(zip.read(zip.get(wbPart)!));
  let date1904 = false;
  const definedNames: Record<string, string> = {};
  const sheets: SheetEntry[] = [];
  let inSheets = false;
  for (let k = sc.next(); k !== EOF; k = sc.next()) {
    if (k === END) {
      if (sc.is(N_SHEETS)) inSheets = false;
      continue;
    }
    if (k !== START && k !== EMPTY) continue;
    if (sc.is(N_SHEETS)) inSheets = k === START;
    else if (inSheets && sc.is(N_SHEET)) {
      let name = "";
      let state = "";
      let rid = "";
      sc.attrs();
      while (sc.nextAttr()) {
        if (sc.attrIs(A_NAME)) name = sc.attrText();
        else if (sc.attrIs(A_STATE)) state = sc.attrText();
        else if (sc.attrIs(A_RID) && sc.attrPrefixed()) rid = sc.attrText();
      }
      // Without the relationship, fall back to the conventional part name.
      const part = rels.get(rid)?.target ?? `${dirOf(wbPart)}worksheets/sheet${sheets.length + 1}.xml`;
      sheets.push({ name, hidden: state === "hidden" || state === "veryHidden", part });
    } else if (sc.is(N_WORKBOOKPR)) {
      const v = sc.attr(A_DATE1904);
      date1904 = v === "1" || v === "true";
    } else if (sc.is(N_DEFINEDNAME) && k === START) {
      const name = sc.attr(A_NAME);
      const local = sc.attr(A_LOCALSHEETID);
      const text = sc.elementText();
      // Workbook-level names only; sheet-level ones and Excel's own (_xlnm.*) are not markers.
      if (name && local === undefined && !name.startsWith("_xlnm."))
        definedNames[name] = definedNameValue(text);
    }
  }
  if (sheets.length === 0) throw ledgerFileError("corrupt", { reason: "the workbook lists no sheets" });
  const ss = relOfType(rels, "/sharedStrings")?.target ?? "xl/sharedStrings.xml";
  const st = relOfType(rels, "/styles")?.target ?? "xl/styles.xml";
  return {
    zip,
    date1904,
    definedNames,
    sheets,
    sharedStringsPart: zip.has(ss) ? ss : undefined,
    stylesPart: zip.has(st) ? st : undefined,
  };
}

/** What every sheet of one package is read with: shared strings, formats, the text tables. */
function sheetContext(pkg: PackageInfo, selected: SheetEntry[]): SheetContext {
  const { zip } = pkg;
  const optional = (part: string | undefined) => (part ? zip.read(zip.get(part)!) : undefined);
  return {
    sharedStrings: selected.length ? readSharedStrings(optional(pkg.sharedStringsPart)) : [],
    cellFormats: selected.length ? readCellFormats(optional(pkg.stylesPart)) : [],
    date1904: pkg.date1904,
    intern: new Map(),
    texts: sheetTexts(),
  };
}

function sheetEntry(pkg: PackageInfo, s: SheetEntry): ZipEntry {
  const entry = pkg.zip.get(s.part);
  if (!entry) throw ledgerFileError("corrupt", { reason: `sheet "${s.name}" has no part ${s.part}` });
  return entry;
}

function sheetGrid(s: SheetEntry, xml: Uint8Array, ctx: SheetContext): Grid {
  const data = readSheetXml(xml, ctx);
  const grid: Grid = { name: s.name, rows: data.rows, formats: data.formats, merges: data.merges };
  if (data.formulas.length) grid.formulas = data.formulas;
  if (s.hidden) grid.hidden = true;
  return grid;
}

function workbookOf(pkg: PackageInfo, sheets: Grid[]): Workbook {
  const wb: Workbook = { date1904: pkg.date1904, sheets };
  if (Object.keys(pkg.definedNames).length) wb.definedNames = pkg.definedNames;
  return wb;
}

function readSheets(pkg: PackageInfo, selected: SheetEntry[]): Workbook {
  const ctx = sheetContext(pkg, selected);
  const sheets = selected.map((s) => sheetGrid(s, pkg.zip.read(sheetEntry(pkg, s)), ctx));
  return workbookOf(pkg, sheets);
}

/**
 * Sheet XML inflated ahead of its turn, at most this many bytes (always the next sheet): a small sheet
 * is parsed too fast to hide the next large one's inflating, so more than one may be under way.
 */
export const AHEAD_BYTES = 48 * 1024 * 1024;

/**
 * readSheets with the sheets ahead inflating on libuv's thread pool while this one is parsed (issue 12).
 * Memory: the sheet parsed plus at most `budget` bytes (or the one next sheet) of XML.
 */
async function readSheetsAhead(pkg: PackageInfo, selected: SheetEntry[], budget: number): Promise<Workbook> {
  const ctx = sheetContext(pkg, selected);
  const entries = selected.map((s) => sheetEntry(pkg, s));
  const started: (Promise<Uint8Array> | undefined)[] = [];
  let aheadBytes = 0;
  const startAhead = (from: number) => {
    for (let i = started.length; i < entries.length; i++) {
      if (i > from && aheadBytes + entries[i].size > budget) break;
      const p = pkg.zip.readAhead(entries[i]);
      p.catch(() => undefined); // awaited in turn below; a failure ahead of its turn is not "unhandled"
      started.push(p);
      aheadBytes += entries[i].size;
    }
  };
  const sheets: Grid[] = [];
  for (let i = 0; i < selected.length; i++) {
    startAhead(i);
    const xml = await started[i]!;
    started[i] = undefined; // the sheet's XML goes with its parsing
    aheadBytes -= entries[i].size;
    startAhead(i + 1);
    sheets.push(sheetGrid(selected[i], xml, ctx));
  }
  return workbookOf(pkg, sheets);
}

/** Runs a reading step so that anything but a LedgerFileError becomes "corrupt". */
function guarded<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    throw asFileError(e);
  }
}

function asFileError(e: unknown): LedgerFileError {
  if (e instanceof LedgerFileError) return e;
  return ledgerFileError("corrupt", { reason: e instanceof Error ? e.message : String(e), cause: e });
}

function openSelected(
  bytes: Uint8Array,
  opts: ReadXlsxOptions,
): { pkg: PackageInfo; selected: SheetEntry[] } {
  const pkg = guarded(() => {
    checkSignature(bytes, opts.maxBytes ?? DEFAULT_MAX_BYTES);
    return openPackage(bytes);
  });
  const filter = opts.sheetFilter;
  return { pkg, selected: filter ? pkg.sheets.filter((s) => filter(s.name)) : pkg.sheets };
}

/**
 * Reads an .xlsx package into Grids: values (formulas as their cached results, dates as serials in
 * the workbook's date system), number formats of numeric cells that are not General, merges, hidden
 * flags, the date system and workbook-level defined names (a string-constant name such as
 * `PL_TEMPLATE_VERSION` = `"1.0"` is returned as its text `1.0`). Throws only LedgerFileError.
 */
export function readXlsx(bytes: Uint8Array, opts: ReadXlsxOptions = {}): Workbook {
  const { pkg, selected } = openSelected(bytes, opts);
  return guarded(() => readSheets(pkg, selected));
}

/**
 * readXlsx with each sheet's XML inflated on Node's thread pool while the sheet before it is parsed
 * (the same Workbook; where Node's zlib is absent, the same work in turn). Rejects only with
 * LedgerFileError.
 */
export async function readXlsxAhead(bytes: Uint8Array, opts: ReadXlsxOptions = {}): Promise<Workbook> {
  const { pkg, selected } = openSelected(bytes, opts);
  try {
    const wb = await readSheetsAhead(pkg, selected, opts.aheadBytes ?? AHEAD_BYTES);
    await leaveZlibCallback();
    return wb;
  } catch (e) {
    throw asFileError(e);
  }
}

/**
 * Continues from a fresh turn of the event loop. Without it the caller's code after `await` would run
 * inside the last inflate's completion callback, whose native frame keeps that inflater alive — and
 * with it the whole XML of the last sheet (34 MB on the district) — until the caller's work is done.
 */
function leaveZlibCallback(): Promise<void> {
  const later = (globalThis as { setImmediate?: (f: () => void) => unknown }).setImmediate ?? setTimeout;
  return new Promise((resolve) => later(resolve));
}

/** Sheet names and hidden flags only (no sheet is decompressed). */
export function readXlsxSheetNames(
  bytes: Uint8Array,
  opts: Pick<ReadXlsxOptions, "maxBytes"> = {},
): { name: string; hidden: boolean }[] {
  return guarded(() => {
    checkSignature(bytes, opts.maxBytes ?? DEFAULT_MAX_BYTES);
    return openPackage(bytes).sheets.map((s) => ({ name: s.name, hidden: s.hidden }));
  });
}
