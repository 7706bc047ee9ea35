// Helpers for the package-patching tests: the parts of a package (raw and decompressed), the child
// element order of an XML part, LibreOffice as a third-party reader, and a zip64 re-packer.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { strFromU8 } from "fflate";
import { ZipArchive } from "../../../src/hosts/xlsx/zip";
import { rawBytes, readRawZip } from "../../../src/hosts/xlsx/zip-write";
import { CSV_FILTER, XLSX_FILTER, soffice } from "../../soffice";

export interface Part {
  name: string;
  method: number;
  flags: number;
  raw: Uint8Array;
  data: Uint8Array;
}

/** Every entry of a package: compressed bytes as stored and decompressed bytes. */
export function parts(bytes: Uint8Array): Map<string, Part> {
  const zip = new ZipArchive(bytes);
  const raw = readRawZip(bytes, zip);
  const out = new Map<string, Part>();
  zip.entries.forEach((e, i) => {
    out.set(e.name, {
      name: e.name,
      method: e.method,
      flags: e.flags,
      raw: rawBytes(bytes, raw.entries[i]),
      data: zip.read(e),
    });
  });
  return out;
}

export function text(bytes: Uint8Array, name: string): string {
  const p = parts(bytes).get(name);
  if (!p) throw new Error(`no part ${name}`);
  return strFromU8(p.data);
}

export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

export const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

export const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "AlternateContent",
  "revisionPtr",
  "absPath",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/** Local names of the document element's children, in order (a shallow scan; sheetData skipped). */
export function rootChildren(xml: string): string[] {
  const body = xml.replace(/<(\w+:)?sheetData\b[\s\S]*?<\/(\w+:)?sheetData>/, "<sheetData/>");
  const names: string[] = [];
  let depth = 0;
  const re = /<(\/?)([\w:.-]+)([^>]*?)(\/?)>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[2].startsWith("?") || m[0].startsWith("<?") || m[0].startsWith("<!")) continue;
    const local = m[2].includes(":") ? m[2].slice(m[2].indexOf(":") + 1) : m[2];
    if (m[1]) {
      depth--;
      continue;
    }
    if (depth === 1) names.push(local);
    if (!m[4]) depth++;
  }
  return names;
}

/** Throws unless the children appear in schema order (unknown names are an error too). */
export function expectOrder(xml: string, order: readonly string[]): void {
  const names = rootChildren(xml);
  let last = -1;
  for (const n of names) {
    const i = order.indexOf(n);
    if (i < 0) throw new Error(`unexpected element <${n}> in ${names.join(",")}`);
    if (i < last) throw new Error(`<${n}> out of order in ${names.join(",")}`);
    last = i;
  }
}

/**
 * LibreOffice converts files to CSV (every sheet; UTF-8) or re-saves them as .xlsx: a strict
 * third-party reader. One soffice process per call, several files at once.
 */
export function libreOffice(files: string[], to: "csv" | "xlsx"): Map<string, string | Uint8Array> {
  const outDir = mkdtempSync(join(tmpdir(), "pl-lo-out-"));
  try {
    soffice(files, to === "csv" ? CSV_FILTER : XLSX_FILTER, outDir);
    const out = new Map<string, string | Uint8Array>();
    for (const f of readdirSync(outDir)) {
      const data = readFileSync(join(outDir, f));
      out.set(f, to === "csv" ? data.toString("utf8") : new Uint8Array(data));
    }
    return out;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The CSV of one sheet of a file converted by libreOffice(…, "csv"). */
export function csvOf(out: Map<string, string | Uint8Array>, file: string, sheet: string): string[][] {
  const csv = out.get(`${basename(file, ".xlsx")}-${sheet}.csv`);
  if (typeof csv !== "string") throw new Error(`LibreOffice wrote no CSV for ${sheet} of ${file}`);
  return parseCsv(csv);
}

function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * The same archive in zip64 form, as some streaming writers produce it: every local header and
 * central record with 0xFFFFFFFF sizes (and offsets) and a zip64 extra field, data descriptors with
 * 8-byte sizes, a zip64 end record and locator.
 */
export function toZip64(bytes: Uint8Array): Uint8Array {
  const zip = new ZipArchive(bytes);
  const raw = readRawZip(bytes, zip);
  const chunks: Uint8Array[] = [];
  let pos = 0;
  const push = (b: Uint8Array) => {
    chunks.push(b);
    pos += b.length;
  };
  const offsets: number[] = [];
  const le = (n: number, size: number) => {
    const b = new Uint8Array(size);
    let v = BigInt(n);
    for (let i = 0; i < size; i++) {
      b[i] = Number(v & 0xffn);
      v >>= 8n;
    }
    return b;
  };
  const cat = (...bs: Uint8Array[]) => {
    const out = new Uint8Array(bs.reduce((n, b) => n + b.length, 0));
    let p = 0;
    for (const b of bs) {
      out.set(b, p);
      p += b.length;
    }
    return out;
  };
  for (const e of raw.entries) {
    offsets.push(pos);
    const extra = cat(le(1, 2), le(16, 2), le(e.size, 8), le(e.compressedSize, 8));
    push(
      cat(
        le(0x04034b50, 4),
        le(45, 2),
        le(e.flags | 8, 2),
        le(e.method, 2),
        le(e.dosTime, 2),
        le(e.dosDate, 2),
        le(0, 4),
        le(0xffffffff, 4),
        le(0xffffffff, 4),
        le(e.nameBytes.length, 2),
        le(extra.length, 2),
        e.nameBytes,
        extra,
      ),
    );
    push(rawBytes(bytes, e));
    push(cat(le(0x08074b50, 4), le(e.crc, 4), le(e.compressedSize, 8), le(e.size, 8)));
  }
  const cdStart = pos;
  raw.entries.forEach((e, i) => {
    const extra = cat(le(1, 2), le(24, 2), le(e.size, 8), le(e.compressedSize, 8), le(offsets[i], 8));
    push(
      cat(
        le(0x02014b50, 4),
        le(45, 2),
        le(45, 2),
        le(e.flags | 8, 2),
        le(e.method, 2),
        le(e.dosTime, 2),
        le(e.dosDate, 2),
        le(e.crc, 4),
        le(0xffffffff, 4),
        le(0xffffffff, 4),
        le(e.nameBytes.length, 2),
        le(extra.length, 2),
        le(0, 2),
        le(0, 2),
        le(0, 2),
        le(0, 4),
        le(0xffffffff, 4),
        e.nameBytes,
        extra,
      ),
    );
  });
  const cdSize = pos - cdStart;
  const z64 = pos;
  push(
    cat(
      le(0x06064b50, 4),
      le(44, 8),
      le(45, 2),
      le(45, 2),
      le(0, 4),
      le(0, 4),
      le(raw.entries.length, 8),
      le(raw.entries.length, 8),
      le(cdSize, 8),
      le(cdStart, 8),
    ),
  );
  push(cat(le(0x07064b50, 4), le(0, 4), le(z64, 8), le(1, 4)));
  push(
    cat(
      le(0x06054b50, 4),
      le(0, 2),
      le(0, 2),
      le(0xffff, 2),
      le(0xffff, 2),
      le(0xffffffff, 4),
      le(0xffffffff, 4),
      le(0, 2),
    ),
  );
  return cat(...chunks);
}
