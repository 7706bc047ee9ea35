// The package as parts and relationships (OPC): part lookups, a part's relationships, and the
// relationship targets and rels documents the patch writes.
import {
  attrsOf,
  childrenOf,
  decodeXml,
  encodeXml,
  escapeAttr,
  openElement,
  rootElement,
  type XmlSpan,
} from "../xml-edit";
import type { ZipArchive } from "../zip";
import { dirOf, relsPartOf, resolvePart } from "../part-names";

export const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
/** Relationship types are this prefix + "worksheet", "styles", "table", … */
export const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface Rel {
  id: string;
  type: string;
  /** Resolved part name (lower case for comparisons: see `partKey`). */
  target: string;
  external: boolean;
  span: XmlSpan;
}

export interface RelsDoc {
  part: string;
  xml: string;
  root: XmlSpan;
  rels: Rel[];
  /** The part does not exist yet. */
  created: boolean;
}

/** ZIP entry names compare case-insensitively: this is the key of every part set and map. */
export const partKey = (part: string) => part.toLowerCase();

export function relTypeIs(rel: Rel, name: string): boolean {
  return rel.type.endsWith("/" + name);
}

/** "xl/_rels/workbook.xml.rels" → "xl/workbook.xml"; "_rels/.rels" → "" (the package). */
export function sourceOfRels(relsPart: string): string | undefined {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(relsPart);
  return m ? m[1] + m[2] : undefined;
}

/** A target from `fromPart`'s folder to `toPart` ("worksheets/sheet3.xml", "../tables/table1.xml"). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = dirOf(fromPart).split("/").filter(Boolean);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return "../".repeat(from.length - i) + to.slice(i).join("/");
}

/** One <Relationship> from `fromPart` to `toPart` of type REL_TYPE + `type`. */
export function relationshipXml(id: string, type: string, fromPart: string, toPart: string): string {
  return `<Relationship Id="${id}" Type="${REL_TYPE}${type}" Target="${escapeAttr(relativeTarget(fromPart, toPart))}"/>`;
}

/** A new rels part holding `items` (<Relationship> elements). */
export function relsPartBytes(items: string): Uint8Array {
  return encodeXml(`${XML_DECLARATION}<Relationships xmlns="${PKG_REL_NS}">${items}</Relationships>`);
}

export class Package {
  constructor(readonly zip: ZipArchive) {}

  has(part: string): boolean {
    return this.zip.has(part);
  }

  /** The stored name of a part (ZIP lookups are case-insensitive). */
  name(part: string): string | undefined {
    return this.zip.get(part)?.name;
  }

  text(part: string): string | undefined {
    const e = this.zip.get(part);
    return e ? decodeXml(this.zip.read(e)) : undefined;
  }

  /** The relationships of `source` ("" for the package's); `create`: an empty document if none. */
  rels(source: string, create = false): RelsDoc | undefined {
    const part = source === "" ? "_rels/.rels" : relsPartOf(source);
    const stored = this.name(part);
    const text = stored ? this.text(stored) : undefined;
    if (text === undefined) {
      if (!create) return undefined;
      const xml = `${XML_DECLARATION}<Relationships xmlns="${PKG_REL_NS}"></Relationships>`;
      return { part, xml, root: rootElement(xml), rels: [], created: true };
    }
    const { xml, span: root } = openElement(text, rootElement(text));
    const base = dirOf(source);
    const rels = childrenOf(xml, root, "Relationship").map((span) => readRel(xml, span, base));
    return { part: stored ?? part, xml, root, rels, created: false };
  }
}

/** One `<Relationship>` element, its target resolved against the source part's folder. */
export function readRel(xml: string, span: XmlSpan, base: string): Rel {
  const a = new Map(attrsOf(xml, span).map((x) => [x.name, x.value]));
  const external = a.get("TargetMode") === "External";
  const target = a.get("Target") ?? "";
  return {
    id: a.get("Id") ?? "",
    type: a.get("Type") ?? "",
    target: external ? target : resolvePart(base, target),
    external,
    span,
  };
}
