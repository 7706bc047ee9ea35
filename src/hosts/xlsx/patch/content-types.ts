// [Content_Types].xml: read first (its table overrides name the existing tables), rewritten last —
// overrides of removed parts go, the new parts' are appended.
import { ledgerFileError } from "../errors";
import {
  applyEdits,
  attrsOf,
  childrenOf,
  escapeAttr,
  openElement,
  prefixForNamespace,
  prefixOf,
  rootElement,
  type XmlEdit,
} from "../xml-edit";
import { CT_CHART, CT_DRAWING } from "../chart-parts";
import type { NewSheet } from "./layout";
import { partKey, type Package } from "./opc";
import type { StylesPart } from "./styles-part";

const CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const CT_RELS = "application/vnd.openxmlformats-package.relationships+xml";

export interface ContentTypes {
  /** The stored entry name. */
  part: string;
  xml: string;
}

export function readContentTypes(pkg: Package): ContentTypes {
  const part = pkg.name("[Content_Types].xml");
  if (!part) throw ledgerFileError("corrupt", { reason: "no [Content_Types].xml in the package" });
  return { part, xml: pkg.text(part)! };
}

/** Part names (keys, no leading "/") that [Content_Types].xml declares as tables. */
export function tablePartsOf(xml: string): string[] {
  const root = rootElement(xml);
  const out: string[] = [];
  for (const c of childrenOf(xml, root, "Override")) {
    const a = attrsOf(xml, c);
    if (a.find((x) => x.name === "ContentType")?.value !== CT_TABLE) continue;
    const name = a.find((x) => x.name === "PartName")?.value;
    if (name) out.push(partKey(partNameOf(name)));
  }
  return out;
}

/** An OPC part name ("/xl/a%20b.xml") → the ZIP entry name ("xl/a b.xml"). */
function partNameOf(uri: string): string {
  let name = uri;
  try {
    name = decodeURI(uri);
  } catch {
    // as written
  }
  return name.replace(/^\//, "");
}

/** [part, content type] of every new part, in the order they are declared. */
export function newPartOverrides(news: readonly NewSheet[], styles: StylesPart): [string, string][] {
  const overrides: [string, string][] = news.map((ns) => [ns.part, CT_WORKSHEET]);
  for (const ns of news) if (ns.table) overrides.push([ns.table.part, CT_TABLE]);
  for (const ns of news) {
    if (!ns.drawing) continue;
    overrides.push([ns.drawing.part, CT_DRAWING]);
    for (const c of ns.drawing.charts) overrides.push([c.part, CT_CHART]);
  }
  if (styles.created) overrides.push([styles.part, CT_STYLES]);
  return overrides;
}

export function patchContentTypes(
  ct: ContentTypes,
  removedParts: ReadonlySet<string>,
  overrides: readonly [string, string][],
): string {
  const { xml, span: root } = openElement(ct.xml, rootElement(ct.xml));
  const prefix = prefixOf(root);
  if (prefixForNamespace(xml, root, CT_NS) === undefined && !root.local.endsWith("Types"))
    throw new Error("[Content_Types].xml has no <Types>");
  const edits: XmlEdit[] = [];
  let hasRels = false;
  for (const c of childrenOf(xml, root)) {
    const a = attrsOf(xml, c);
    if (c.local === "Override") {
      const name = partNameOf(a.find((x) => x.name === "PartName")?.value ?? "");
      if (removedParts.has(partKey(name))) edits.push({ start: c.start, end: c.end, text: "" });
    } else if (c.local === "Default") {
      if ((a.find((x) => x.name === "Extension")?.value ?? "").toLowerCase() === "rels") hasRels = true;
    }
  }
  let add = hasRels ? "" : `<${prefix}Default Extension="rels" ContentType="${CT_RELS}"/>`;
  for (const [part, type] of overrides)
    add += `<${prefix}Override PartName="/${escapeAttr(part)}" ContentType="${type}"/>`;
  edits.push({ start: root.innerEnd, end: root.innerEnd, text: add });
  return applyEdits(xml, edits);
}
