// The workbook's relationships: the dropped ones go; the new sheets' (and a styles part's, when the
// workbook had none that resolves) are appended.
import { applyEdits, prefixOf, type XmlEdit } from "../xml-edit";
import type { NewSheet } from "./layout";
import type { NameAllocator } from "./names";
import { relationshipXml, type Rel, type RelsDoc } from "./opc";
import type { StylesPart } from "./styles-part";

export function patchWorkbookRels(
  wbRels: RelsDoc,
  workbookPart: string,
  dropped: Iterable<Rel>,
  news: readonly NewSheet[],
  styles: StylesPart,
  names: NameAllocator,
): string {
  const edits: XmlEdit[] = [];
  for (const r of dropped) edits.push({ start: r.span.start, end: r.span.end, text: "" });
  let add = "";
  for (const ns of news) add += relationshipXml(ns.relId, "worksheet", workbookPart, ns.part);
  if (styles.relNeeded) add += relationshipXml(names.relId(), "styles", workbookPart, styles.part);
  edits.push({ start: wbRels.root.innerEnd, end: wbRels.root.innerEnd, text: reprefixRels(add, wbRels) });
  return applyEdits(wbRels.xml, edits);
}

/** Relationship elements get the rels root's prefix (practically always none). */
function reprefixRels(text: string, doc: RelsDoc): string {
  const p = prefixOf(doc.root);
  return p ? text.replace(/<Relationship /g, `<${p}Relationship `) : text;
}
