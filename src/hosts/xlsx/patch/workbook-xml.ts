// The workbook part: the sheet list (removed sheets out, new ones in), the defined names (scoped ones
// follow their sheet; new filter and print-title names), and the book views' sheet indexes.
import { REL_NS } from "../sheet-writer";
import {
  applyEdits,
  attrsOf,
  childrenOf,
  escapeAttr,
  escapeText,
  firstChild,
  insertionPoint,
  setTagAttr,
  withAttr,
  type XmlEdit,
  type XmlSpan,
} from "../xml-edit";
import type { NewSheet } from "./layout";
import type { Removal } from "./removal";
import type { WorkbookDoc } from "./source";

/** CT_Workbook's children in schema order (where a new <definedNames> goes). */
const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
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

export function patchWorkbookXml(wb: WorkbookDoc, removal: Removal, news: readonly NewSheet[]): string {
  const edits = [
    ...sheetListEdits(wb, removal, news),
    ...definedNamesEdits(wb, removal, newDefinedNames(wb.prefix, news)),
    ...bookViewsEdits(wb, removal, news.length),
  ];
  return applyEdits(wb.xml, edits);
}

/** <sheets>: drop the removed, append the new. */
function sheetListEdits(wb: WorkbookDoc, removal: Removal, news: readonly NewSheet[]): XmlEdit[] {
  const edits: XmlEdit[] = removal.removedIdx.map((i) => ({
    start: wb.sheets[i].span.start,
    end: wb.sheets[i].span.end,
    text: "",
  }));
  const relAttr = wb.relPrefix ? `${wb.relPrefix}:id` : "r:id";
  const relDecl = wb.relPrefix ? "" : ` xmlns:r="${REL_NS}"`;
  let text = "";
  for (const ns of news) {
    const state = ns.plan.hidden ? ' state="hidden"' : "";
    text += `<${wb.prefix}sheet name="${escapeAttr(ns.plan.name)}" sheetId="${ns.sheetId}"${state} ${relAttr}="${ns.relId}"${relDecl}/>`;
  }
  edits.push({ start: wb.sheetsEl.innerEnd, end: wb.sheetsEl.innerEnd, text });
  return edits;
}

/** The new sheets' names: the hidden filter range Excel keeps for every autoFilter, and print titles. */
function newDefinedNames(prefix: string, news: readonly NewSheet[]): string {
  const definedName = (attrs: string, value: string) =>
    `<${prefix}definedName ${attrs}>${escapeText(value)}</${prefix}definedName>`;
  return news
    .map((ns) => {
      const { name, autoFilter, filterRange, print } = ns.plan;
      const sheet = quoteSheet(name);
      let out = "";
      if (autoFilter)
        out += definedName(
          `name="_xlnm._FilterDatabase" localSheetId="${ns.index}" hidden="1"`,
          `${sheet}!${absoluteRange(filterRange)}`,
        );
      if (print.titleRows)
        out += definedName(
          `name="_xlnm.Print_Titles" localSheetId="${ns.index}"`,
          `${sheet}!$${print.titleRows.first}:$${print.titleRows.last}`,
        );
      return out;
    })
    .join("");
}

/** <definedNames>: names scoped to removed sheets go, the others follow their sheet's new index. */
function definedNamesEdits(wb: WorkbookDoc, removal: Removal, added: string): XmlEdit[] {
  const { xml, root, prefix } = wb;
  const dnEl = firstChild(xml, root, "definedNames");
  if (!dnEl) {
    if (!added) return [];
    const at = insertionPoint(xml, root, WORKBOOK_ORDER, "definedNames");
    return [{ start: at, end: at, text: `<${prefix}definedNames>${added}</${prefix}definedNames>` }];
  }
  const { edits, left } = scopedNameEdits(xml, dnEl, removal);
  if (dnEl.selfClosing) {
    if (!added) return edits;
    const tag = xml.slice(dnEl.start, dnEl.openEnd).replace(/\s*\/>$/, ">");
    return [...edits, { start: dnEl.start, end: dnEl.end, text: `${tag}${added}</${dnEl.name}>` }];
  }
  // nothing left: drop the element (and with it the edits inside it)
  if (left === 0 && !added) return [{ start: dnEl.start, end: dnEl.end, text: "" }];
  if (added) edits.push({ start: dnEl.innerEnd, end: dnEl.innerEnd, text: added });
  return edits;
}

/** Removes the names scoped to removed sheets and renumbers the rest; `left`: names that stay. */
function scopedNameEdits(xml: string, dnEl: XmlSpan, removal: Removal): { edits: XmlEdit[]; left: number } {
  const edits: XmlEdit[] = [];
  let left = 0;
  for (const d of childrenOf(xml, dnEl, "definedName")) {
    const local = attrsOf(xml, d).find((a) => a.name === "localSheetId")?.value;
    const idx = local === undefined ? NaN : Number(local);
    if (local !== undefined && Number.isInteger(idx) && removal.removedSet.has(idx)) {
      edits.push({ start: d.start, end: d.end, text: "" });
      continue;
    }
    left++;
    if (Number.isInteger(idx) && idx >= 0) {
      const n = removal.newIndexOf(idx);
      if (n !== idx)
        edits.push({ start: d.start, end: d.openEnd, text: withAttr(xml, d, "localSheetId", String(n)) });
    }
  }
  return { edits, left };
}

/** <bookViews>: the active and the first visible tab are sheet indexes too. */
function bookViewsEdits(wb: WorkbookDoc, removal: Removal, newCount: number): XmlEdit[] {
  const { xml, root } = wb;
  const bookViews = firstChild(xml, root, "bookViews");
  if (!bookViews || !removal.removedIdx.length) return [];
  const mapTab = tabMapper(wb, removal, removal.keptCount + newCount);
  const edits: XmlEdit[] = [];
  for (const v of childrenOf(xml, bookViews, "workbookView")) {
    const a = attrsOf(xml, v);
    const active = a.find((x) => x.name === "activeTab")?.value;
    const first = a.find((x) => x.name === "firstSheet")?.value;
    const na = mapTab(active);
    const nf = mapTab(first);
    if (na === (active ?? "0") && nf === (first ?? "0")) continue;
    let tag = xml.slice(v.start, v.openEnd);
    if (na !== (active ?? "0")) tag = setTagAttr(tag, "activeTab", na);
    if (nf !== (first ?? "0")) tag = setTagAttr(tag, "firstSheet", nf);
    edits.push({ start: v.start, end: v.openEnd, text: tag });
  }
  return edits;
}

/** A tab index attribute's new value: a removed tab moves to the next kept sheet, else the last one. */
function tabMapper(wb: WorkbookDoc, removal: Removal, total: number): (v: string | undefined) => string {
  const { removedSet, newIndexOf, keptCount } = removal;
  return (v) => {
    const old = v === undefined ? 0 : Number(v);
    if (!Number.isInteger(old) || old < 0) return "0";
    let n: number;
    if (removedSet.has(old)) {
      let k = old;
      while (removedSet.has(k)) k++;
      n = k < wb.sheets.length ? newIndexOf(k) : keptCount - 1;
    } else n = newIndexOf(old);
    n = Math.max(0, Math.min(n, total - 1));
    return String(n);
  };
}

/** "A3:F40" → "$A$3:$F$40". */
function absoluteRange(ref: string): string {
  return ref.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
