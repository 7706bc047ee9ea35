// Adds the cell styles of the result sheets to a workbook's styles.xml (or builds a styles.xml when
// the workbook has none). Existing entries keep their indexes, so the source sheets' `s="…"`
// attributes still mean what they meant. An entry identical to one already there (e.g. from an
// earlier run) is reused instead of appended, so re-running does not grow the style table.
import { type ColumnFormat, NUMBER_FORMAT_CODES } from "../../report/sheet-model";
import {
  applyEdits,
  attrsOf,
  childrenOf,
  escapeAttr,
  insertionPoint,
  openElement,
  prefixOf,
  rootElement,
  type XmlEdit,
  type XmlSpan,
} from "./xml-edit";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** CT_Stylesheet child order. */
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
] as const;

export type CfStyle = "good" | "bad" | "warn";

/** cellXfs indexes (the `s` attribute) and dxf indexes the sheet writer uses. */
export interface ResultStyles {
  title: number;
  preamble: number;
  header: number;
  section: number;
  /** Data cells per column format. */
  data: Record<ColumnFormat, number>;
  /** Hyperlink cells per column format. */
  link: Record<ColumnFormat, number>;
  /** Text data cells of a `wrap` column (long messages, 推荐理由). */
  wrapText: number;
  /** Column default styles (`<col style>`): the number format only, no border. */
  column: Record<ColumnFormat, number>;
  dxf: Record<CfStyle, number>;
}

/** Number format code per column format (the same codes as the ExcelJS writers use). */
export const FORMAT_CODES = NUMBER_FORMAT_CODES;

const FORMATS = Object.keys(FORMAT_CODES) as ColumnFormat[];

/** Built-in ids of the format codes we use that Excel predefines. */
const BUILTIN_IDS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "@": 49 };

const HEADER_FILL = "FFDDEBF7";
const BORDER_COLOR = "FF8EA9C1";
const LINK_COLOR = "FF0563C1";
const TITLE_SIZE = 16;

const CF_COLORS: Record<CfStyle, { font: string; fill: string }> = {
  good: { font: "FF006100", fill: "FFC6EFCE" },
  bad: { font: "FF9C0006", fill: "FFFFC7CE" },
  warn: { font: "FF9C5700", fill: "FFFFEB9C" },
};

const DEFAULT_FONT = '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>';
const EMPTY_BORDER = "<border><left/><right/><top/><bottom/><diagonal/></border>";
const DEFAULT_STYLE_XF = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>';

/** A styles.xml for a workbook that has none (the patch below fills in the defaults). */
export const EMPTY_STYLESHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}"></styleSheet>`;

/** One collection (`<fonts>`, `<cellXfs>`, …): existing children (unprefixed text) plus additions. */
export class Collection {
  readonly items: string[];
  readonly added: string[] = [];
  constructor(
    readonly local: string,
    readonly span: XmlSpan | undefined,
    items: string[],
  ) {
    this.items = items;
  }
  get(i: number): string | undefined {
    return i < this.items.length ? this.items[i] : this.added[i - this.items.length];
  }
  get size(): number {
    return this.items.length + this.added.length;
  }
  /** Index of an identical entry, or of the entry appended now. */
  add(item: string): number {
    const i = this.items.indexOf(item);
    if (i >= 0) return i;
    const j = this.added.indexOf(item);
    if (j >= 0) return this.items.length + j;
    this.added.push(item);
    return this.size - 1;
  }
  /** Appends even when an identical entry exists (defaults that must sit at a fixed index). */
  push(item: string): number {
    this.added.push(item);
    return this.size - 1;
  }
}

/** `<x:font>` → `<font>` (prefixed parts are compared and built unprefixed, then prefixed again). */
function unprefix(s: string, prefix: string): string {
  if (!prefix) return s;
  return s.split(`<${prefix}`).join("<").split(`</${prefix}`).join("</");
}

function reprefix(s: string, prefix: string): string {
  if (!prefix) return s;
  return s.replace(/<(\/?)(?=[A-Za-z_])/g, `<$1${prefix}`);
}

/** The children of font 0 that describe the face (name, family, charset, scheme) and its size/colour. */
function baseFont(font0: string | undefined): { face: string; size: number; color: string } {
  if (!font0) return { face: '<name val="Calibri"/><family val="2"/>', size: 11, color: "" };
  let face = "";
  let color = "";
  let size = 11;
  const root = rootElement(font0);
  for (const c of childrenOf(font0, root)) {
    const text = font0.slice(c.start, c.end);
    if (c.local === "name" || c.local === "family" || c.local === "charset" || c.local === "scheme")
      face += text;
    else if (c.local === "color") color = text;
    else if (c.local === "sz") {
      const v = Number(attrsOf(font0, c).find((a) => a.name === "val")?.value);
      if (v > 0) size = v;
    }
  }
  return { face, size, color };
}

function fmtSize(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function xfXml(o: {
  numFmtId: number;
  fontId: number;
  fillId: number;
  borderId: number;
  alignment?: string;
}): string {
  const apply = [
    o.numFmtId ? ' applyNumberFormat="1"' : "",
    o.fontId ? ' applyFont="1"' : "",
    o.fillId ? ' applyFill="1"' : "",
    o.borderId ? ' applyBorder="1"' : "",
    o.alignment ? ' applyAlignment="1"' : "",
  ].join("");
  const head = `<xf numFmtId="${o.numFmtId}" fontId="${o.fontId}" fillId="${o.fillId}" borderId="${o.borderId}" xfId="0"${apply}`;
  return o.alignment ? `${head}><alignment ${o.alignment}/></xf>` : `${head}/>`;
}

/**
 * styles.xml text (or undefined when the workbook has none) → the patched text and the indexes of
 * the result styles. Throws when the part is not well-formed enough to edit safely.
 */
export function patchStyles(source: string | undefined): { xml: string; styles: ResultStyles } {
  const opened = openElement(source ?? EMPTY_STYLESHEET, rootElement(source ?? EMPTY_STYLESHEET));
  const xml = opened.xml;
  const root = opened.span;
  if (root.local !== "styleSheet") throw new Error("styles part has no <styleSheet>");
  const prefix = prefixOf(root);
  const children = childrenOf(xml, root);
  const coll = new Map<string, Collection>();
  const get = (local: string): Collection => {
    let c = coll.get(local);
    if (!c) {
      const span = children.find((s) => s.local === local);
      const items = span
        ? childrenOf(xml, span).map((it) => unprefix(xml.slice(it.start, it.end), prefix))
        : [];
      c = new Collection(local, span, items);
      coll.set(local, c);
    }
    return c;
  };

  // Defaults every stylesheet needs before anything is appended: a font, the two reserved fills,
  // a border, a cell style xf and a cell xf.
  const fonts = get("fonts");
  if (fonts.size === 0) fonts.push(DEFAULT_FONT);
  const fills = get("fills");
  if (fills.size === 0) fills.push('<fill><patternFill patternType="none"/></fill>');
  if (fills.size === 1) fills.push('<fill><patternFill patternType="gray125"/></fill>');
  const borders = get("borders");
  if (borders.size === 0) borders.push(EMPTY_BORDER);
  const cellStyleXfs = get("cellStyleXfs");
  const cellStyles = get("cellStyles");
  if (cellStyleXfs.size === 0) {
    cellStyleXfs.push(DEFAULT_STYLE_XF);
    if (cellStyles.size === 0) cellStyles.push('<cellStyle name="Normal" xfId="0" builtinId="0"/>');
  }
  const cellXfs = get("cellXfs");
  if (cellXfs.size === 0) cellXfs.push('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');

  // number formats: built-in ids where Excel has them, else an existing or new custom id ≥ 164
  const numFmts = get("numFmts");
  const customIds = new Map<string, number>();
  let maxId = 163;
  for (const item of numFmts.items) {
    const span = rootElement(item);
    let id = -1;
    let code: string | undefined;
    for (const a of attrsOf(item, span)) {
      if (a.name === "numFmtId") id = Number(a.value);
      else if (a.name === "formatCode") code = a.value;
    }
    if (Number.isInteger(id) && id >= 0) {
      maxId = Math.max(maxId, id);
      if (code !== undefined && id >= 164 && !customIds.has(code)) customIds.set(code, id);
    }
  }
  const numFmtId = (code: string | undefined): number => {
    if (code === undefined) return 0;
    const builtin = BUILTIN_IDS[code];
    if (builtin !== undefined) return builtin;
    const known = customIds.get(code);
    if (known !== undefined) return known;
    const id = ++maxId;
    numFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    customIds.set(code, id);
    return id;
  };

  const base = baseFont(fonts.items[0] ?? fonts.added[0]);
  const font = (o: { bold?: boolean; underline?: boolean; size?: number; color?: string }) =>
    fonts.add(
      `<font>${o.bold ? "<b/>" : ""}${o.underline ? "<u/>" : ""}<sz val="${fmtSize(o.size ?? base.size)}"/>${
        o.color ? `<color rgb="${o.color}"/>` : base.color
      }${base.face}</font>`,
    );
  const boldFont = font({ bold: true });
  const titleFont = font({ bold: true, size: TITLE_SIZE });
  const linkFont = font({ underline: true, color: LINK_COLOR });
  const headerFill = fills.add(
    `<fill><patternFill patternType="solid"><fgColor rgb="${HEADER_FILL}"/><bgColor indexed="64"/></patternFill></fill>`,
  );
  const side = (s: string) => `<${s} style="thin"><color rgb="${BORDER_COLOR}"/></${s}>`;
  const thin = borders.add(
    `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`,
  );

  const title = cellXfs.add(
    xfXml({
      numFmtId: 0,
      fontId: titleFont,
      fillId: 0,
      borderId: 0,
      alignment: 'horizontal="center" vertical="center"',
    }),
  );
  const preamble = cellXfs.add(
    xfXml({ numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, alignment: 'vertical="center"' }),
  );
  const header = cellXfs.add(
    xfXml({
      numFmtId: 0,
      fontId: boldFont,
      fillId: headerFill,
      borderId: thin,
      alignment: 'horizontal="center" vertical="center" wrapText="1"',
    }),
  );
  const section = cellXfs.add(
    xfXml({ numFmtId: 0, fontId: boldFont, fillId: 0, borderId: thin, alignment: 'vertical="center"' }),
  );
  const data = {} as Record<ColumnFormat, number>;
  const link = {} as Record<ColumnFormat, number>;
  const column = {} as Record<ColumnFormat, number>;
  for (const f of FORMATS) {
    const id = numFmtId(FORMAT_CODES[f]);
    column[f] = id ? cellXfs.add(xfXml({ numFmtId: id, fontId: 0, fillId: 0, borderId: 0 })) : 0;
    data[f] = cellXfs.add(xfXml({ numFmtId: id, fontId: 0, fillId: 0, borderId: thin }));
    link[f] = cellXfs.add(xfXml({ numFmtId: id, fontId: linkFont, fillId: 0, borderId: thin }));
  }
  const wrapText = cellXfs.add(
    xfXml({
      numFmtId: numFmtId(FORMAT_CODES.text),
      fontId: 0,
      fillId: 0,
      borderId: thin,
      alignment: 'vertical="center" wrapText="1"',
    }),
  );
  const dxfs = get("dxfs");
  const dxf = {} as Record<CfStyle, number>;
  for (const s of ["good", "bad", "warn"] as const) {
    const c = CF_COLORS[s];
    dxf[s] = dxfs.add(
      `<dxf><font><color rgb="${c.font}"/></font><fill><patternFill><bgColor rgb="${c.fill}"/></patternFill></fill></dxf>`,
    );
  }

  // Write back: a changed collection gets its additions before its end tag and a true count; a
  // missing one is created at its place in the schema order.
  const edits: XmlEdit[] = [];
  for (const c of coll.values()) {
    const count = c.size;
    const addedText = reprefix(c.added.join(""), prefix);
    if (c.span) {
      const span = c.span;
      const countAttr = attrsOf(xml, span).find((a) => a.name === "count")?.value;
      if (!c.added.length && countAttr === String(count)) continue;
      let tag = xml.slice(span.start, span.openEnd);
      tag = /\scount\s*=\s*("[^"]*"|'[^']*')/.test(tag)
        ? tag.replace(/(\s)count\s*=\s*("[^"]*"|'[^']*')/, `$1count="${count}"`)
        : tag.replace(/(\s*\/?>)$/, ` count="${count}"$1`);
      if (span.selfClosing) {
        tag = tag.replace(/\s*\/>$/, ">");
        edits.push({ start: span.start, end: span.end, text: `${tag}${addedText}</${span.name}>` });
      } else {
        edits.push({ start: span.start, end: span.openEnd, text: tag });
        if (addedText) edits.push({ start: span.innerEnd, end: span.innerEnd, text: addedText });
      }
    } else if (c.added.length) {
      const at = insertionPoint(xml, root, STYLESHEET_ORDER, c.local);
      edits.push({
        start: at,
        end: at,
        text: `<${prefix}${c.local} count="${count}">${addedText}</${prefix}${c.local}>`,
      });
    }
  }
  // Collections created at the same insertion point must stay in schema order.
  const order = (e: XmlEdit) => {
    const m = /^<(?:[\w.-]+:)?(\w+)/.exec(e.text);
    return m ? STYLESHEET_ORDER.indexOf(m[1] as (typeof STYLESHEET_ORDER)[number]) : -1;
  };
  edits.sort((a, b) => a.start - b.start || order(a) - order(b));
  const out = applyEdits(xml, edits);
  return { xml: out, styles: { title, preamble, header, section, data, link, wrapText, column, dxf } };
}
