// Cell styles for in-place edits of styles.xml: "the style of cell s, but with this fill" or "…with
// this number format". Existing entries keep their indexes (every other cell still means what it
// meant); a new fill or cell format is appended once and reused (identical entries are shared).
import type { FillState } from "../common/highlight-store";
import { BUILTIN_NUMFMTS } from "../xlsx/styles";
import {
  applyEdits,
  attrsOf,
  childrenOf,
  escapeAttr,
  insertionPoint,
  openElement,
  prefixOf,
  rootElement,
  setTagAttr,
  type XmlEdit,
  type XmlSpan,
} from "../xlsx/xml-edit";
import { Collection, STYLESHEET_ORDER } from "../xlsx/styles-patch";

/** Built-in ids of codes we write (so no custom `<numFmt>` is needed for them). */
const BUILTIN_IDS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "@": 49 };

function argbToHex(argb: string | undefined): string | null {
  return argb && /^[0-9a-f]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

export class StylesEditor {
  private xml: string;
  private root: XmlSpan;
  private prefix: string;
  private coll = new Map<string, Collection>();
  private customCodes = new Map<number, string>();
  private maxNumFmtId = 163;

  constructor(source: string) {
    const opened = openElement(source, rootElement(source));
    this.xml = opened.xml;
    this.root = opened.span;
    if (this.root.local !== "styleSheet") throw new Error("styles part has no <styleSheet>");
    this.prefix = prefixOf(this.root);
    const numFmts = this.get("numFmts");
    for (const item of numFmts.items) {
      const span = rootElement(item);
      const a = new Map(attrsOf(item, span).map((x) => [x.name, x.value]));
      const id = Number(a.get("numFmtId"));
      const code = a.get("formatCode");
      if (Number.isInteger(id) && code !== undefined) {
        this.customCodes.set(id, code);
        this.maxNumFmtId = Math.max(this.maxNumFmtId, id);
      }
    }
    if (this.get("cellXfs").size === 0)
      this.get("cellXfs").add(this.el('xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/'));
    const fills = this.get("fills");
    if (fills.size === 0)
      fills.add(
        this.el("fill><" + this.prefix + 'patternFill patternType="none"/></' + this.prefix + "fill"),
      );
    if (fills.size === 1)
      fills.add(
        this.el("fill><" + this.prefix + 'patternFill patternType="gray125"/></' + this.prefix + "fill"),
      );
  }

  /** `<p:…>` with the stylesheet's prefix. */
  private el(inner: string): string {
    return `<${this.prefix}${inner}>`;
  }

  private get(local: string): Collection {
    let c = this.coll.get(local);
    if (!c) {
      const span = childrenOf(this.xml, this.root, local)[0];
      const items = span ? childrenOf(this.xml, span).map((it) => this.xml.slice(it.start, it.end)) : [];
      c = new Collection(local, span, items);
      this.coll.set(local, c);
    }
    return c;
  }

  private xf(s: number): { text: string; attrs: Map<string, string> } {
    const xfs = this.get("cellXfs");
    const text = xfs.get(s) ?? xfs.get(0)!;
    const span = rootElement(text);
    return { text, attrs: new Map(attrsOf(text, span).map((x) => [x.name, x.value])) };
  }

  private cloneXf(s: number, set: Record<string, string>): number {
    let { text } = this.xf(s);
    const span = rootElement(text);
    let tag = text.slice(0, span.openEnd - span.start);
    for (const [k, v] of Object.entries(set)) tag = setTagAttr(tag, k, v);
    text = tag + text.slice(span.openEnd - span.start);
    return this.get("cellXfs").add(text);
  }

  /** The number format code of cell style s (General when none). */
  numFmt(s: number): string {
    const id = Number(this.xf(s).attrs.get("numFmtId") ?? 0);
    return this.customCodes.get(id) ?? BUILTIN_NUMFMTS[id] ?? "General";
  }

  /** The fill of cell style s, as Office.js would describe it (theme and indexed colours: approximate). */
  fill(s: number): FillState {
    const fillId = Number(this.xf(s).attrs.get("fillId") ?? 0);
    const text = this.get("fills").get(fillId);
    if (!text) return { color: null };
    const pf = /<(?:\w+:)?patternFill\b([^>]*?)(\/?)>/.exec(text);
    const type = pf ? /patternType\s*=\s*["']([^"']*)["']/.exec(pf[1])?.[1] : undefined;
    if (!pf || !type || type === "none") return { color: null };
    const fg = /<(?:\w+:)?fgColor\b[^>]*?rgb\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
    return { color: argbToHex(fg) ?? "#FFFFFF", pattern: type === "solid" ? "Solid" : type };
  }

  /** Cell style s with a solid fill of `hex` (#RRGGBB). */
  withFill(s: number, hex: string): number {
    const rgb = `FF${hex.replace(/^#/, "").toUpperCase()}`;
    const p = this.prefix;
    const fillId = this.get("fills").add(
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${escapeAttr(rgb)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
    return this.cloneXf(s, { fillId: String(fillId), applyFill: "1" });
  }

  /** Cell style s with the fill described (for memories written by the Office host). */
  withFillState(s: number, f: FillState): number {
    if (f.color === null) return this.cloneXf(s, { fillId: "0", applyFill: "1" });
    return this.withFill(s, f.color);
  }

  /** Cell style s with number format `code`. */
  withNumFmt(s: number, code: string): number {
    let id = BUILTIN_IDS[code];
    if (id === undefined) {
      for (const [k, v] of this.customCodes) if (v === code) id = k;
    }
    if (id === undefined) {
      id = ++this.maxNumFmtId;
      this.customCodes.set(id, code);
      this.get("numFmts").add(this.el(`numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/`));
    }
    return this.cloneXf(s, { numFmtId: String(id), applyNumberFormat: "1" });
  }

  /** The edited styles.xml (unchanged text when nothing was added). */
  toXml(): string {
    const edits: XmlEdit[] = [];
    for (const c of this.coll.values()) {
      if (!c.added.length) continue;
      const added = c.added.join("");
      if (c.span) {
        let tag = this.xml.slice(c.span.start, c.span.openEnd);
        tag = setTagAttr(tag, "count", String(c.size));
        if (c.span.selfClosing) {
          tag = tag.replace(/\s*\/>$/, ">");
          edits.push({ start: c.span.start, end: c.span.end, text: `${tag}${added}</${c.span.name}>` });
        } else {
          edits.push({ start: c.span.start, end: c.span.openEnd, text: tag });
          edits.push({ start: c.span.innerEnd, end: c.span.innerEnd, text: added });
        }
      } else {
        const at = insertionPoint(this.xml, this.root, STYLESHEET_ORDER, c.local);
        const p = this.prefix;
        edits.push({
          start: at,
          end: at,
          text: `<${p}${c.local} count="${c.size}">${added}</${p}${c.local}>`,
        });
      }
    }
    const order = (e: XmlEdit) =>
      (STYLESHEET_ORDER as readonly string[]).indexOf(/^<(?:[\w.-]+:)?(\w+)/.exec(e.text)?.[1] ?? "");
    edits.sort((a, b) => a.start - b.start || order(a) - order(b));
    return applyEdits(this.xml, edits);
  }
}
