// The Look of an .xlsx package, read with regular expressions over its XML parts (fflate unzips;
// nothing of the writers is used): workbook.xml for sheets, states, the date system and print
// titles (_xlnm.Print_Titles); each worksheet for cells, styles, columns, rows, merges, drop-downs,
// panes, print setup, conditional formats, links and filters; styles.xml for number formats; table,
// drawing and chart parts through the relationships. Cell values come from readXlsx (the app's
// reader); whether a cell is a formula, and its number format, are read here.
import { strFromU8, unzipSync } from "fflate";
import { columnLetters, type CellValue, type Grid } from "../../../src/engine/grid";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import {
  cellOrder,
  dropDownsOf,
  pageText,
  parseRange,
  rangeText,
  titleRowsOf,
  unquote,
  fontText,
  type CellView,
  type ChartLook,
  type ConditionalLook,
  type LinkLook,
  type Look,
  type PageTextLook,
  type PrintLook,
  type RawDropDown,
  type SheetLook,
} from "./looks";

/** Number formats Excel knows by id (ECMA-376 §18.8.30), those a writer may use for ours. */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

function decode(s: string): string {
  return s.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_, hex, dec, name) =>
    hex
      ? String.fromCodePoint(parseInt(hex, 16))
      : dec
        ? String.fromCodePoint(Number(dec))
        : { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[name as string]!,
  );
}

/** Attributes of a start tag (prefixes kept: `r:id`). */
function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[m[1]] = decode(m[2] ?? m[3] ?? "");
  return out;
}

/** Start tags of an element (optionally prefixed), self-closing or not. */
function tags(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>`, "g"))].map((m) => m[0]);
}

/** Whole elements `<name …>…</name>` or `<name …/>`: [start tag, inner XML]. */
function elements(xml: string, name: string): [string, string][] {
  const re = new RegExp(`<((?:\\w+:)?${name})\\b([^>]*?)(/>|>([\\s\\S]*?)</\\1>)`, "g");
  return [...xml.matchAll(re)].map((m) => [`<${m[1]}${m[2]}>`, m[4] ?? ""]);
}

function textOf(xml: string, name: string): string | undefined {
  const e = elements(xml, name)[0];
  return e ? decode(e[1]) : undefined;
}

const truthy = (v: string | undefined) => v === "1" || v === "true";

class Package {
  private readonly files: Record<string, Uint8Array>;
  constructor(bytes: Uint8Array) {
    this.files = unzipSync(bytes);
  }
  text(part: string): string | undefined {
    const f = this.files[part];
    return f ? strFromU8(f) : undefined;
  }
  /** Relationships of a part: id → { type (last segment), target part or external target }. */
  rels(part: string): Map<string, { type: string; target: string }> {
    const dir = part.slice(0, part.lastIndexOf("/") + 1);
    const xml = this.text(`${dir}_rels/${part.slice(dir.length)}.rels`) ?? "";
    const out = new Map<string, { type: string; target: string }>();
    for (const tag of tags(xml, "Relationship")) {
      const a = attrs(tag);
      const type = (a.Type ?? "").slice((a.Type ?? "").lastIndexOf("/") + 1);
      // an external target, or a location in this workbook (`#'Sheet'!A1`), is kept as written
      const raw = a.TargetMode === "External" || (a.Target ?? "").startsWith("#");
      out.set(a.Id, { type, target: raw ? a.Target : resolve(dir, a.Target ?? "") });
    }
    return out;
  }
}

function resolve(dir: string, target: string): string {
  const segs = (target.startsWith("/") ? target.slice(1) : dir + target).split("/");
  const out: string[] = [];
  for (const s of segs) {
    if (s === "..") out.pop();
    else if (s !== "." && s !== "") out.push(s);
  }
  return out.join("/");
}

/** styles.xml → the font of each cell style index ("宋体 11 bold"). */
function cellFonts(pkg: Package, wbPart: string): string[] {
  const stylesRel = [...pkg.rels(wbPart).values()].find((r) => r.type === "styles");
  const xml = (stylesRel && pkg.text(stylesRel.target)) ?? "";
  const fonts = elements(elements(xml, "fonts")[0]?.[1] ?? "", "font").map(([, inner]) => {
    const name = attrs(tags(inner, "name")[0] ?? "").val;
    const size = attrs(tags(inner, "sz")[0] ?? "").val;
    return fontText(name, size === undefined ? undefined : Number(size), /<(?:\w+:)?b\b/.test(inner));
  });
  const cellXfs = elements(xml, "cellXfs")[0]?.[1] ?? "";
  return tags(cellXfs, "xf").map((tag) => fonts[Number(attrs(tag).fontId ?? 0)] ?? "?");
}

/** styles.xml → number format code per cell style index. */
function cellFormats(pkg: Package, wbPart: string): string[] {
  const stylesRel = [...pkg.rels(wbPart).values()].find((r) => r.type === "styles");
  const xml = (stylesRel && pkg.text(stylesRel.target)) ?? "";
  const custom = new Map<number, string>();
  for (const tag of tags(xml, "numFmt")) {
    const a = attrs(tag);
    custom.set(Number(a.numFmtId), a.formatCode ?? "");
  }
  const cellXfs = elements(xml, "cellXfs")[0]?.[1] ?? "";
  return tags(cellXfs, "xf").map((tag) => {
    const id = Number(attrs(tag).numFmtId ?? 0);
    return custom.get(id) ?? BUILTIN_FORMATS[id] ?? `#${id}`;
  });
}

/** `&L…&C…&R…` → its three texts (`&&` is a literal ampersand and stays as written). */
function headerFooter(code: string | undefined): PageTextLook | undefined {
  if (!code) return undefined;
  const t: Record<"left" | "center" | "right", string> = { left: "", center: "", right: "" };
  let part: keyof typeof t = "center";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    const next = code[i + 1];
    if (ch === "&" && (next === "L" || next === "C" || next === "R")) {
      part = next === "L" ? "left" : next === "C" ? "center" : "right";
      i++;
    } else if (ch === "&" && next === "&") {
      t[part] += "&&";
      i++;
    } else t[part] += ch;
  }
  return pageText(t);
}

/** The items of a list formula: an inline `"a,b"`, or the cells of a range on a sheet of the package. */
function listItems(formula: string, grids: Map<string, Grid>, ownSheet: string): string[] {
  const f = formula.trim().replace(/^=/, "");
  if (f.startsWith('"')) return unquote(f).split(",");
  const m = /^(?:(?:'((?:[^']|'')+)'|([^!']+))!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/.exec(f);
  const sheet = m && (m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? ownSheet));
  const grid = sheet ? grids.get(sheet) : undefined;
  if (!m || !grid) return [`<unresolved: ${formula}>`];
  const r = parseRange(m[3]);
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) {
      const v: CellValue | undefined = grid.rows[row]?.[col];
      out.push(
        v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v),
      );
    }
  return out;
}

/** The r:id of a part-reference element of a worksheet (`<drawing r:id>`, `<tablePart r:id>`). */
function relIds(xml: string, element: string): string[] {
  return tags(xml, element)
    .map((t) => Object.entries(attrs(t)).find(([k]) => k.endsWith(":id"))?.[1])
    .filter((id): id is string => id !== undefined);
}

/** The charts of a worksheet: `<drawing r:id>` → drawing → chart parts (title text, series names). */
function chartsOf(pkg: Package, sheetPart: string, sheetXml: string): ChartLook[] {
  const out: ChartLook[] = [];
  const rels = pkg.rels(sheetPart);
  for (const id of relIds(sheetXml, "drawing")) {
    const d = rels.get(id);
    if (!d || d.type !== "drawing") continue;
    const charts = pkg.rels(d.target);
    const drawing = pkg.text(d.target) ?? "";
    for (const m of drawing.matchAll(/<c:chart\b[^>]*\br:id="([^"]*)"/g)) {
      const xml = pkg.text(charts.get(m[1])?.target ?? "") ?? "";
      const title = [
        ...(/<c:title>[\s\S]*?<\/c:title>/.exec(xml)?.[0] ?? "").matchAll(/<a:t>([^<]*)<\/a:t>/g),
      ]
        .map((t) => decode(t[1]))
        .join("");
      const series = [...xml.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map((s) =>
        decode(/<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(s[0])?.[1] ?? ""),
      );
      out.push({ title, series });
    }
  }
  return out;
}

/** The charts on one sheet of a package (for the host contract's Inspect). */
export function chartsInPackage(bytes: Uint8Array, sheet: string): ChartLook[] {
  const look = lookOfPackage(bytes);
  const s = look.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  return s.charts;
}

function printOf(xml: string, titles: string | undefined): PrintLook {
  const setup = attrs(tags(xml, "pageSetup")[0] ?? "");
  const fitToPage = truthy(attrs(tags(xml, "pageSetUpPr")[0] ?? "").fitToPage);
  const paperId = Number(setup.paperSize ?? 1);
  const hf = elements(xml, "headerFooter")[0]?.[1] ?? "";
  const print: PrintLook = {
    paper: paperId === 9 ? "A4" : paperId === 1 ? "Letter" : `paper ${paperId}`,
    orientation: setup.orientation === "landscape" ? "landscape" : "portrait",
    fitToWidth: fitToPage && Number(setup.fitToWidth ?? 1) === 1 && Number(setup.fitToHeight ?? 1) === 0,
    rowBreaks: [],
  };
  const rows = titleRowsOf(titles);
  if (rows) print.titleRows = rows;
  const header = headerFooter(textOf(hf, "oddHeader"));
  const footer = headerFooter(textOf(hf, "oddFooter"));
  if (header) print.header = header;
  if (footer) print.footer = footer;
  const breaks = elements(xml, "rowBreaks")[0]?.[1] ?? "";
  // <brk id="n"/>: a break below row n, i.e. above row n + 1
  print.rowBreaks = tags(breaks, "brk")
    .map((t) => Number(attrs(t).id) + 1)
    .sort((a, b) => a - b);
  return print;
}

/** Reads every sheet of an .xlsx package into a Look. */
export function lookOfPackage(bytes: Uint8Array): Look {
  const pkg = new Package(bytes);
  // the package's own relationships: "_rels/.rels" (source part "")
  const wbPart =
    [...pkg.rels("").values()].find((r) => r.type === "officeDocument")?.target ?? "xl/workbook.xml";
  const wb = pkg.text(wbPart) ?? "";
  const date1904 = truthy(attrs(tags(wb, "workbookPr")[0] ?? "").date1904);
  const wbRels = pkg.rels(wbPart);
  const formats = cellFormats(pkg, wbPart);
  const fonts = cellFonts(pkg, wbPart);
  const printTitles = new Map<number, string>();
  for (const [tag, inner] of elements(wb, "definedName")) {
    const a = attrs(tag);
    if (a.name === "_xlnm.Print_Titles" && a.localSheetId !== undefined)
      printTitles.set(Number(a.localSheetId), decode(inner));
  }
  const grids = new Map(readXlsx(bytes).sheets.map((g) => [g.name, g]));
  const sheets = tags(elements(wb, "sheets")[0]?.[1] ?? "", "sheet").map((tag, index) => {
    const a = attrs(tag);
    const rid = Object.entries(a).find(([k]) => /(^|:)id$/.test(k) && k.includes(":"))?.[1] ?? "";
    return { name: a.name, state: a.state, part: wbRels.get(rid)?.target ?? "", index };
  });
  return {
    date1904,
    sheets: sheets.map((s) => sheetOf(pkg, s, { formats, fonts }, grids, printTitles.get(s.index))),
  };
}

function sheetOf(
  pkg: Package,
  s: { name: string; state?: string; part: string },
  styles: { formats: string[]; fonts: string[] },
  grids: Map<string, Grid>,
  titles: string | undefined,
): SheetLook {
  const xml = pkg.text(s.part);
  if (xml === undefined) throw new Error(`sheet ${s.name}: no part ${s.part}`);
  const grid = grids.get(s.name);
  const sheetData = elements(xml, "sheetData")[0]?.[1] ?? "";

  const { formats } = styles;
  const cells: Record<string, CellView> = {};
  const fonts: Record<string, string> = {};
  for (const [tag, inner] of elements(sheetData, "c")) {
    const a = attrs(tag);
    if (!a.r) continue;
    const r = parseRange(a.r);
    const v = grid?.rows[r.top]?.[r.left];
    if (v === null || v === undefined || v === "") continue;
    cells[a.r] = {
      value: v,
      format: formats[Number(a.s ?? 0)] ?? `xf ${a.s}`,
      formula: /<(?:\w+:)?f\b/.test(inner),
    };
    fonts[a.r] = styles.fonts[Number(a.s ?? 0)] ?? `xf ${a.s}`;
  }

  const columnWidths: Record<string, number> = {};
  for (const tag of tags(xml, "col")) {
    const a = attrs(tag);
    if (a.width === undefined) continue;
    for (let c = Number(a.min); c <= Number(a.max); c++) columnWidths[columnLetters(c - 1)] = Number(a.width);
  }

  const rowHeights: Record<string, number> = {};
  for (const tag of tags(sheetData, "row")) {
    const a = attrs(tag);
    if (a.ht !== undefined && truthy(a.customHeight)) rowHeights[a.r] = Number(a.ht);
  }

  const merges = tags(xml, "mergeCell")
    .map((t) => rangeText(parseRange(attrs(t).ref)))
    .sort();

  const raw: RawDropDown[] = elements(xml, "dataValidation").map(([tag, inner]) => {
    const a = attrs(tag);
    const d: RawDropDown = { ranges: (a.sqref ?? "").split(/\s+/).filter(Boolean).map(parseRange) };
    const f1 = textOf(inner, "formula1");
    if (a.type === "list" && f1 !== undefined) d.list = listItems(f1, grids, s.name);
    if (truthy(a.showInputMessage)) d.prompt = { title: a.promptTitle ?? "", message: a.prompt ?? "" };
    if (truthy(a.showErrorMessage))
      d.error = { title: a.errorTitle ?? "", message: a.error ?? "", style: a.errorStyle ?? "stop" };
    return d;
  });

  const pane = attrs(tags(xml, "pane")[0] ?? "");
  const freezeRows = pane.state === "frozen" || pane.state === "frozenSplit" ? Number(pane.ySplit ?? 0) : 0;

  const conditionals: ConditionalLook[] = [];
  for (const [tag, inner] of elements(xml, "conditionalFormatting")) {
    const range = (attrs(tag).sqref ?? "")
      .split(/\s+/)
      .map((r) => rangeText(parseRange(r)))
      .join(" ");
    for (const [rule, body] of elements(inner, "cfRule")) {
      const a = attrs(rule);
      const f = textOf(body, "formula");
      if (a.type === "cellIs" && a.operator === "equal" && f !== undefined)
        conditionals.push({ range, equals: unquote(f) });
      else conditionals.push({ range, equals: `<${a.type} ${a.operator ?? ""}: ${f ?? ""}>` });
    }
  }
  conditionals.sort((x, y) => (x.range < y.range ? -1 : x.range > y.range ? 1 : 0));

  const sheetRels = pkg.rels(s.part);
  const links: LinkLook[] = tags(xml, "hyperlink")
    .map((t) => {
      const a = attrs(t);
      const rid = Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
      const target = a.location ?? (rid ? (sheetRels.get(rid)?.target ?? "").replace(/^#/, "") : "");
      return { cell: a.ref, target };
    })
    .sort((x, y) => cellOrder(x.cell) - cellOrder(y.cell));

  const look: SheetLook = {
    name: s.name,
    hidden: s.state === "hidden" || s.state === "veryHidden",
    cells,
    fonts,
    columnWidths,
    rowHeights,
    merges,
    dropDowns: dropDownsOf(raw),
    freezeRows,
    print: printOf(xml, titles),
    conditionals,
    links,
    charts: chartsOf(pkg, s.part, xml),
  };
  const tables = relIds(xml, "tablePart")
    .map((id) => sheetRels.get(id))
    .filter((r) => r?.type === "table")
    .map((r) => attrs(tags(pkg.text(r!.target) ?? "", "table")[0] ?? "").ref);
  if (tables.length) look.table = tables.join(" ");
  const filter = tags(xml, "autoFilter")[0];
  if (filter) look.autoFilter = attrs(filter).ref;
  return look;
}
