// Small, exact edits of package XML parts as strings (workbook.xml, rels, [Content_Types].xml,
// styles.xml): find elements, read their attributes, splice text in or out. Everything not touched
// stays byte-for-byte as it was, including namespace prefixes, comments and unknown elements.
import { decodeEntities } from "./xml";

/** An element in a string: `<name …>` at `start`, its start tag ends at `openEnd`, the element at `end`. */
export interface XmlSpan {
  /** Qualified name as written (`x:sheet`). */
  name: string;
  /** Local name (`sheet`). */
  local: string;
  start: number;
  openEnd: number;
  /** Index of the `</…>` of the element (== openEnd for an empty element). */
  innerEnd: number;
  end: number;
  selfClosing: boolean;
}

export interface XmlAttr {
  name: string;
  local: string;
  value: string;
}

const utf8 = new TextDecoder("utf-8");
const utf16le = new TextDecoder("utf-16le");
const utf16be = new TextDecoder("utf-16be");
const encoder = new TextEncoder();

/** A part's bytes → text (UTF-8, or UTF-16 with a byte order mark); a BOM is dropped. */
export function decodeXml(b: Uint8Array): string {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return fixDecl(utf16le.decode(b.subarray(2)));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return fixDecl(utf16be.decode(b.subarray(2)));
  const s = utf8.decode(b);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** A UTF-16 part is written back as UTF-8: its declaration must say so. */
function fixDecl(s: string): string {
  return s.replace(/^(<\?xml[^>]*encoding=)(["'])[^"']*\2/, "$1$2UTF-8$2");
}

export function encodeXml(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Attribute value escaping (also line breaks and tabs, which attribute normalisation would eat). */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) =>
    c === "&"
      ? "&amp;"
      : c === "<"
        ? "&lt;"
        : c === ">"
          ? "&gt;"
          : c === '"'
            ? "&quot;"
            : c === "\n"
              ? "&#10;"
              : c === "\r"
                ? "&#13;"
                : "&#9;",
  );
}

/** Element text escaping. */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

export { stripIllegalXml } from "../../report/cell-text";

function localOf(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

function nameEndAt(xml: string, p: number): number {
  let q = p;
  for (; q < xml.length; q++) {
    const c = xml.charCodeAt(q);
    // space, tab, LF, CR, "/", ">"
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
  }
  return q;
}

/** End (after ">") of the tag starting at p, honouring quoted attribute values. */
function tagEndAt(xml: string, p: number): number {
  let quote = 0;
  for (let q = p; q < xml.length; q++) {
    const c = xml.charCodeAt(q);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 62) return q + 1;
    else if (c === 34 || c === 39) quote = c;
  }
  return -1;
}

/**
 * The top-level elements in xml[from, to): comments, processing instructions, CDATA and text are
 * skipped. Throws on markup that does not nest (a caller treats that as a damaged part).
 */
export function childElements(xml: string, from: number, to: number): XmlSpan[] {
  const out: XmlSpan[] = [];
  const stack: XmlSpan[] = [];
  let p = from;
  for (;;) {
    p = xml.indexOf("<", p);
    if (p < 0 || p >= to) break;
    if (xml.startsWith("<!--", p)) {
      const e = xml.indexOf("-->", p + 4);
      if (e < 0) throw new Error("unterminated comment");
      p = e + 3;
      continue;
    }
    if (xml.startsWith("<![CDATA[", p)) {
      const e = xml.indexOf("]]>", p + 9);
      if (e < 0) throw new Error("unterminated CDATA section");
      p = e + 3;
      continue;
    }
    if (xml.startsWith("<?", p)) {
      const e = xml.indexOf("?>", p + 2);
      if (e < 0) throw new Error("unterminated processing instruction");
      p = e + 2;
      continue;
    }
    if (xml.startsWith("<!", p)) {
      const e = xml.indexOf(">", p + 2);
      if (e < 0) throw new Error("unterminated declaration");
      p = e + 1;
      continue;
    }
    const close = xml.charCodeAt(p + 1) === 47;
    const ns = close ? p + 2 : p + 1;
    const ne = nameEndAt(xml, ns);
    const name = xml.slice(ns, ne);
    const te = tagEndAt(xml, ne);
    if (te < 0 || te > to || name === "") throw new Error(`broken tag at ${p}`);
    if (close) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`unbalanced </${name}> at ${p}`);
      open.innerEnd = p;
      open.end = te;
      p = te;
      continue;
    }
    const selfClosing = xml.charCodeAt(te - 2) === 47;
    const span: XmlSpan = {
      name,
      local: localOf(name),
      start: p,
      openEnd: te,
      innerEnd: te,
      end: te,
      selfClosing,
    };
    if (stack.length === 0) out.push(span);
    if (!selfClosing) stack.push(span);
    p = te;
  }
  if (stack.length) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  return out;
}

/** The document element. */
export function rootElement(xml: string): XmlSpan {
  const root = childElements(xml, 0, xml.length)[0];
  if (!root) throw new Error("no document element");
  return root;
}

/** Child elements of `parent` (all, or those with this local name). */
export function childrenOf(xml: string, parent: XmlSpan, local?: string): XmlSpan[] {
  if (parent.selfClosing) return [];
  const all = childElements(xml, parent.openEnd, parent.innerEnd);
  return local === undefined ? all : all.filter((c) => c.local === local);
}

export function firstChild(xml: string, parent: XmlSpan, local: string): XmlSpan | undefined {
  return childrenOf(xml, parent, local)[0];
}

const ATTR_RE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes of an element's start tag, values decoded. */
export function attrsOf(xml: string, span: XmlSpan): XmlAttr[] {
  const tag = xml.slice(span.start + 1 + span.name.length, span.openEnd);
  const out: XmlAttr[] = [];
  ATTR_RE.lastIndex = 0;
  for (let m = ATTR_RE.exec(tag); m; m = ATTR_RE.exec(tag)) {
    out.push({ name: m[1], local: localOf(m[1]), value: decodeEntities(m[2] ?? m[3] ?? "") });
  }
  return out;
}

/** An unprefixed attribute's value (namespaced ones: use attrsOf). */
export function attrOf(xml: string, span: XmlSpan, name: string): string | undefined {
  return attrsOf(xml, span).find((a) => a.name === name)?.value;
}

/** The start tag of `span` with attribute `name` set to `value` (added when absent), or removed (undefined). */
export function withAttr(xml: string, span: XmlSpan, name: string, value: string | undefined): string {
  return setTagAttr(xml.slice(span.start, span.openEnd), name, value);
}

/** A start tag's text with attribute `name` set (added when absent) or removed (undefined). */
export function setTagAttr(tag: string, name: string, value: string | undefined): string {
  const re = new RegExp(`(\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (re.test(tag)) {
    return value === undefined
      ? tag.replace(re, "")
      : tag.replace(re, (_m, sp: string) => `${sp}${name}="${escapeAttr(value)}"`);
  }
  if (value === undefined) return tag;
  const cut = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  const head = tag.slice(0, cut).replace(/\s+$/, "");
  return `${head} ${name}="${escapeAttr(value)}"${tag.slice(cut)}`;
}

/** The `p:` prefix of a qualified name ("" when unprefixed). */
export function prefixOf(span: XmlSpan): string {
  const i = span.name.indexOf(":");
  return i < 0 ? "" : span.name.slice(0, i + 1);
}

/** The prefix (without ":") bound to `uri` on the element, or undefined ("" = the default namespace). */
export function prefixForNamespace(xml: string, span: XmlSpan, uri: string): string | undefined {
  for (const a of attrsOf(xml, span)) {
    if (a.value !== uri) continue;
    if (a.name === "xmlns") return "";
    if (a.name.startsWith("xmlns:")) return a.name.slice(6);
  }
  return undefined;
}

export interface XmlEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits (insertions have start === end). */
export function applyEdits(xml: string, edits: XmlEdit[]): string {
  const sorted = edits
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  const parts: string[] = [];
  let p = 0;
  for (const e of sorted) {
    if (e.start < p) throw new Error("overlapping XML edits");
    parts.push(xml.slice(p, e.start), e.text);
    p = e.end;
  }
  parts.push(xml.slice(p));
  return parts.join("");
}

/**
 * Where to insert a new child `local` of `parent`, given the schema order of its children: before
 * the first existing child that must come after it, else at the end of the parent.
 */
export function insertionPoint(
  xml: string,
  parent: XmlSpan,
  order: readonly string[],
  local: string,
): number {
  const after = new Set(order.slice(order.indexOf(local) + 1));
  for (const c of childrenOf(xml, parent)) if (after.has(c.local)) return c.start;
  return parent.innerEnd;
}

/** Turns `<x/>` into `<x></x>` so children can be added; returns the new text and the parent's span in it. */
export function openElement(xml: string, span: XmlSpan): { xml: string; span: XmlSpan } {
  if (!span.selfClosing) return { xml, span };
  const tag = xml.slice(span.start, span.openEnd);
  const open = tag.slice(0, -2).replace(/\s+$/, "") + ">";
  const text = `${open}</${span.name}>`;
  const out = xml.slice(0, span.start) + text + xml.slice(span.openEnd);
  const openEnd = span.start + open.length;
  return {
    xml: out,
    span: { ...span, openEnd, innerEnd: openEnd, end: span.start + text.length, selfClosing: false },
  };
}
