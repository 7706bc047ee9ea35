// Adds the cell styles of the result sheets to a workbook's styles.xml (or builds a styles.xml when
// the workbook has none). Existing entries keep their indexes, so the source sheets' `s="…"`
// attributes still mean what they meant. An entry identical to one already there (e.g. from an
// earlier run) is reused instead of appended, so re-running does not grow the style table.
import {
  BORDER_COLOR,
  CONDITIONAL_LOOKS,
  lookOf,
  type CellLook,
  type StyleRole,
} from "../../report/cell-looks";
import { GENERAL_FORMAT, type StyleNeed } from "../../report/sheet-plan";
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
  /** The cell style of a cell of `role` with the number format `numFmt` (planned in `needs`). */
  xf(role: StyleRole, numFmt: string): number;
  /** Column default styles (`<col style>`): the number format only, no border. */
  column(numFmt: string): number;
  dxf: Record<CfStyle, number>;
}

const styleKey = (role: StyleRole, numFmt: string) => `${role}\u0000${numFmt}`;

/** Built-in ids of the format codes we use that Excel predefines. */
const BUILTIN_IDS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "@": 49 };

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
export function patchStyles(
  source: string | undefined,
  needs: Iterable<StyleNeed> = [],
): { xml: string; styles: ResultStyles } {
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
    if (code === undefined || code === GENERAL_FORMAT) return 0;
    const builtin = BUILTIN_IDS[code];
    if (builtin !== undefined) return builtin;
    const known = customIds.get(code);
    if (known !== undefined) return known;
    const id = ++maxId;
    numFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    customIds.set(code, id);
    return id;
  };

  // Every look names its font and size (cell-looks.ts): charset 134 (GB2312) lets a program that
  // lacks the face pick a Chinese one, never the workbook's Latin default.
  const fontOf = (look: CellLook): number => {
    const size = `<sz val="${fmtSize(look.size)}"/>`;
    const color = look.color ? `<color rgb="FF${look.color}"/>` : "";
    const face = `<name val="${escapeAttr(look.font)}"/><family val="3"/><charset val="134"/>`;
    return fonts.add(
      `<font>${look.bold ? "<b/>" : ""}${look.underline ? "<u/>" : ""}${size}${color}${face}</font>`,
    );
  };
  const fillOf = (look: CellLook): number =>
    look.fill
      ? fills.add(
          `<fill><patternFill patternType="solid"><fgColor rgb="FF${look.fill}"/><bgColor indexed="64"/></patternFill></fill>`,
        )
      : 0;
  const side = (s: string) => `<${s} style="thin"><color rgb="FF${BORDER_COLOR}"/></${s}>`;
  const borderOf = (look: CellLook): number =>
    look.border
      ? borders.add(
          `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`,
        )
      : 0;
  const alignmentOf = (look: CellLook): string | undefined => {
    const a = [
      look.horizontal ? `horizontal="${look.horizontal}"` : "",
      look.vertical ? `vertical="${look.vertical}"` : "",
      look.wrap ? 'wrapText="1"' : "",
    ].filter(Boolean);
    return a.length ? a.join(" ") : undefined;
  };

  const xfs = new Map<string, number>();
  for (const { role, numFmt } of needs) {
    const k = styleKey(role, numFmt);
    if (xfs.has(k)) continue;
    const look = lookOf(role);
    xfs.set(
      k,
      cellXfs.add(
        xfXml({
          numFmtId: numFmtId(numFmt),
          fontId: fontOf(look),
          fillId: fillOf(look),
          borderId: borderOf(look),
          alignment: alignmentOf(look),
        }),
      ),
    );
  }
  const columns = new Map<string, number>();
  for (const { numFmt } of needs) {
    if (columns.has(numFmt)) continue;
    const id = numFmtId(numFmt);
    columns.set(numFmt, id ? cellXfs.add(xfXml({ numFmtId: id, fontId: 0, fillId: 0, borderId: 0 })) : 0);
  }
  const dxfs = get("dxfs");
  const dxf = {} as Record<CfStyle, number>;
  for (const s of ["good", "bad", "warn"] as const) {
    const c = CONDITIONAL_LOOKS[s];
    dxf[s] = dxfs.add(
      `<dxf><font><color rgb="FF${c.font}"/></font><fill><patternFill><bgColor rgb="FF${c.fill}"/></patternFill></fill></dxf>`,
    );
  }
  const styles: ResultStyles = {
    xf: (role, numFmt) => {
      const v = xfs.get(styleKey(role, numFmt));
      if (v === undefined) throw new Error(`style ${role} ${numFmt} was not planned`);
      return v;
    },
    column: (numFmt) => columns.get(numFmt) ?? 0,
    dxf,
  };

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
  return { xml: out, styles };
}
