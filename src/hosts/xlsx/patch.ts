// Writing result sheets into the clerk's workbook by patching the package, not by re-serialising it.
//
// Every part of the original package stays as it was — copied as its raw compressed bytes — except
// the few that must change: the workbook part (sheet list, defined names, book views), its
// relationships, [Content_Types].xml and styles.xml. Result sheets (and their tables) are new parts.
// So the clerk's sheets are provably untouched, and whatever ExcelJS would not understand (charts,
// images, comments, pivot tables, VBA, custom XML) survives, and a district-scale ledger is patched
// in well under a second.
//
// Charts of the models (SheetModel.charts) are new parts too: a drawing per sheet that has charts
// and a chart part per chart (chart-parts.ts).
//
// Sheets whose names are reserved for results are removed first (with every part only they
// reached: tables, drawings, comments, …), so a re-run replaces them instead of adding copies.
import type { SheetModel } from "../../report/sheet-model";
import { LedgerFileError, ledgerFileError } from "./errors";
import {
  LISTS_SHEET,
  planWorkbook,
  SheetModelError,
  styleNeeds,
  type SheetPlan,
} from "../../report/sheet-plan";
import { REL_NS, sheetXml, tableXml } from "./sheet-writer";
import { resolveCharts, type ResolvedChart } from "../../report/chart-plan";
import { chartXml, CT_CHART, CT_DRAWING, drawingXml } from "./chart-parts";

export { SheetModelError };
import { patchStyles } from "./styles-patch";
import {
  applyEdits,
  attrsOf,
  childrenOf,
  decodeXml,
  encodeXml,
  escapeAttr,
  escapeText,
  firstChild,
  insertionPoint,
  openElement,
  prefixForNamespace,
  prefixOf,
  rootElement,
  setTagAttr,
  withAttr,
  type XmlEdit,
  type XmlSpan,
} from "./xml-edit";
import { ZipArchive } from "./zip";
import {
  compressEntry,
  defaultCompressor,
  readRawZip,
  writeZip,
  type Compressor,
  type OutEntry,
} from "./zip-write";
import { dirOf, relsPartOf, resolvePart } from "./part-names";

export interface PatchOptions {
  /** Sheet names reserved for results: existing sheets with these names are removed first. */
  replace: readonly string[];
  /** Timestamp of the new and changed zip entries (default: now). */
  now?: Date;
  /** Deflate/CRC implementation (default: Node's zlib when available, else fflate). */
  compressor?: Compressor;
}

const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const STRICT_MAIN_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const CT_RELS = "application/vnd.openxmlformats-package.relationships+xml";

/** CT_Workbook children that come after <definedNames>. */
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

// ---------------------------------------------------------------------------------------------
// Part names and relationships

/** "xl/_rels/workbook.xml.rels" → "xl/workbook.xml"; "_rels/.rels" → "" (the package). */
function sourceOfRels(relsPart: string): string | undefined {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(relsPart);
  return m ? m[1] + m[2] : undefined;
}

/** A target from `fromPart`'s folder to `toPart` ("worksheets/sheet3.xml", "../tables/table1.xml"). */
function relativeTarget(fromPart: string, toPart: string): string {
  const from = dirOf(fromPart).split("/").filter(Boolean);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return "../".repeat(from.length - i) + to.slice(i).join("/");
}

interface Rel {
  id: string;
  type: string;
  /** Resolved part name (lower case for comparisons: see `key`). */
  target: string;
  external: boolean;
  span: XmlSpan;
}

interface RelsDoc {
  part: string;
  xml: string;
  root: XmlSpan;
  rels: Rel[];
  /** The part does not exist yet. */
  created: boolean;
}

const key = (part: string) => part.toLowerCase();

class Package {
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

  rels(source: string, create = false): RelsDoc | undefined {
    const part = source === "" ? "_rels/.rels" : relsPartOf(source);
    const stored = this.name(part);
    const text = stored ? this.text(stored) : undefined;
    if (text === undefined) {
      if (!create) return undefined;
      const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}"></Relationships>`;
      return { part, xml, root: rootElement(xml), rels: [], created: true };
    }
    const opened = openElement(text, rootElement(text));
    const xml = opened.xml;
    const root = opened.span;
    const base = dirOf(source);
    const rels: Rel[] = [];
    for (const span of childrenOf(xml, root, "Relationship")) {
      const a = new Map(attrsOf(xml, span).map((x) => [x.name, x.value]));
      const external = a.get("TargetMode") === "External";
      const target = a.get("Target") ?? "";
      rels.push({
        id: a.get("Id") ?? "",
        type: a.get("Type") ?? "",
        target: external ? target : resolvePart(base, target),
        external,
        span,
      });
    }
    return { part: stored ?? part, xml, root, rels, created: false };
  }
}

function relTypeIs(rel: Rel, name: string): boolean {
  return rel.type.endsWith("/" + name);
}

// ---------------------------------------------------------------------------------------------
// Checks

function checkSheetName(name: string): void {
  const bad =
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\ufffe\uffff]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === "history";
  if (bad) throw new SheetModelError(`invalid sheet name for Excel: ${JSON.stringify(name)}`);
}

/** Sheet names compare as Excel compares them (case-insensitively). */
function sheetKey(name: string): string {
  return name.normalize("NFC").toLowerCase();
}

function checkPackageSignature(bytes: Uint8Array): void {
  if (bytes.length === 0) throw ledgerFileError("empty");
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
  if (!zip) throw ledgerFileError("not-xlsx", { reason: "not a zip package" });
}

/** Runs a step over the original package so that anything but a LedgerFileError becomes "corrupt". */
function guarded<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof LedgerFileError || e instanceof SheetModelError) throw e;
    throw ledgerFileError("corrupt", { reason: e instanceof Error ? e.message : String(e), cause: e });
  }
}

// ---------------------------------------------------------------------------------------------
// The workbook part

interface SheetEntry {
  span: XmlSpan;
  name: string;
  sheetId: number;
  rid: string;
}

interface WorkbookDoc {
  part: string;
  xml: string;
  root: XmlSpan;
  prefix: string;
  /** Prefix bound to the relationships namespace (undefined: not declared on the root). */
  relPrefix: string | undefined;
  sheetsEl: XmlSpan;
  sheets: SheetEntry[];
  date1904: boolean;
}

function findWorkbookPart(pkg: Package): string {
  const root = pkg.rels("");
  const office = root?.rels.find((r) => !r.external && relTypeIs(r, "officeDocument"));
  const part = office && pkg.name(office.target);
  if (part) return part;
  const conventional = pkg.name("xl/workbook.xml");
  if (conventional) return conventional;
  throw ledgerFileError("corrupt", { reason: "no workbook part in the package" });
}

function readWorkbook(pkg: Package, part: string): WorkbookDoc {
  const xml = pkg.text(part)!;
  const root = rootElement(xml);
  if (root.local !== "workbook") throw new Error("the workbook part has no <workbook>");
  if (attrsOf(xml, root).some((a) => a.value === STRICT_MAIN_NS))
    throw ledgerFileError("not-xlsx", {
      reason: "a Strict Open XML workbook; save it as an ordinary Excel workbook (.xlsx)",
    });
  const sheetsEl = firstChild(xml, root, "sheets");
  if (!sheetsEl || sheetsEl.selfClosing)
    throw ledgerFileError("corrupt", { reason: "the workbook lists no sheets" });
  const sheets: SheetEntry[] = childrenOf(xml, sheetsEl, "sheet").map((span) => {
    let name = "";
    let sheetId = 0;
    let rid = "";
    for (const a of attrsOf(xml, span)) {
      if (a.name === "name") name = a.value;
      else if (a.name === "sheetId") sheetId = Number(a.value) || 0;
      else if (a.local === "id" && a.name !== a.local) rid = a.value;
    }
    return { span, name, sheetId, rid };
  });
  const pr = firstChild(xml, root, "workbookPr");
  const d = pr ? attrsOf(xml, pr).find((a) => a.name === "date1904")?.value : undefined;
  return {
    part,
    xml,
    root,
    prefix: prefixOf(root),
    relPrefix: prefixForNamespace(xml, root, REL_NS),
    sheetsEl,
    sheets,
    date1904: d === "1" || d === "true",
  };
}

// ---------------------------------------------------------------------------------------------
// Parts only reachable through removed relationships

/** All relationship edges of the package: source part (lower case) → its rels. */
function relsGraph(pkg: Package): Map<string, Rel[]> {
  const graph = new Map<string, Rel[]>();
  for (const e of pkg.zip.entries) {
    const source = sourceOfRels(e.name);
    if (source === undefined || e.name.endsWith("/")) continue;
    const doc = pkg.rels(source);
    if (doc) graph.set(key(source), doc.rels);
  }
  return graph;
}

function reachable(graph: Map<string, Rel[]>, dropped: Set<Rel>): Set<string> {
  const seen = new Set<string>([""]);
  const queue = [""];
  while (queue.length) {
    const p = queue.pop()!;
    for (const r of graph.get(p) ?? []) {
      if (r.external || dropped.has(r)) continue;
      const t = key(r.target);
      if (!seen.has(t)) {
        seen.add(t);
        queue.push(t);
      }
    }
  }
  return seen;
}

// ---------------------------------------------------------------------------------------------

interface NewSheet {
  plan: SheetPlan;
  part: string;
  relId: string;
  sheetId: number;
  index: number;
  table?: { part: string; id: number; name: string };
  /** The sheet's drawing part and its charts (when the model has charts to draw). */
  drawing?: { part: string; charts: { chart: ResolvedChart; part: string }[] };
}

/** Table names must be unique among tables and defined names; Excel's naming rules apply. */
function tableNameFor(sheet: string, taken: Set<string>): string {
  const base = `PL_${sheet.normalize("NFC").replace(/[^\p{L}\p{N}_]/gu, "_")}`.slice(0, 200);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** "A3:F40" → "$A$3:$F$40". */
function absoluteRange(ref: string): string {
  return ref.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Adds `models` as new sheets at the end of the workbook `original` and returns the new package.
 * Existing sheets named in `opts.replace` (compared as Excel does, case-insensitively) are removed
 * first, with their parts and the defined names scoped to them; `localSheetId`s of other names and
 * the book views' `activeTab`/`firstSheet` are renumbered. Every other part is copied byte for byte.
 *
 * Throws LedgerFileError for a package that cannot be patched (not a zip, encrypted, damaged, Strict
 * Open XML, or too large for a non-zip64 archive) and Error for unusable models (an invalid or
 * duplicate sheet name, or a name that a kept sheet already has).
 */
export function patchWorkbook(original: Uint8Array, models: SheetModel[], opts: PatchOptions): Uint8Array {
  const reserved = new Set(opts.replace.map(sheetKey));
  const modelKeys = new Set<string>();
  for (const m of models) {
    checkSheetName(m.name);
    const k = sheetKey(m.name);
    if (modelKeys.has(k)) throw new SheetModelError(`two result sheets are named ${JSON.stringify(m.name)}`);
    modelKeys.add(k);
  }
  const { sheets: plans } = planWorkbook(models);
  // the lists sheet of long drop-downs is a result sheet too: a re-run replaces it
  if (plans.length > models.length) reserved.add(sheetKey(LISTS_SHEET));
  const charts = resolveCharts(plans);

  return guarded(() => {
    checkPackageSignature(original);
    const zip = new ZipArchive(original);
    const raw = readRawZip(original, zip);
    const pkg = new Package(zip);
    const wbPart = findWorkbookPart(pkg);
    const wb = readWorkbook(pkg, wbPart);
    const wbRels = pkg.rels(wbPart, true)!;

    // --- which sheets go
    const removedIdx: number[] = [];
    const kept: SheetEntry[] = [];
    wb.sheets.forEach((s, i) => {
      if (reserved.has(sheetKey(s.name))) removedIdx.push(i);
      else kept.push(s);
    });
    for (const s of kept) {
      if (modelKeys.has(sheetKey(s.name)))
        throw new SheetModelError(
          `the workbook already has a sheet named ${JSON.stringify(s.name)} that is not reserved for results`,
        );
    }
    if (kept.length + plans.length === 0) throw new SheetModelError("the workbook would have no sheets");
    const removedSet = new Set(removedIdx);
    const newIndexOf = (old: number): number => {
      let n = 0;
      for (const r of removedIdx) if (r < old) n++;
      return old - n;
    };
    const removedSheets = removedIdx.map((i) => wb.sheets[i]);
    const droppedRels = new Set<Rel>();
    for (const s of removedSheets) {
      const rel = wbRels.rels.find((r) => r.id === s.rid);
      if (rel) droppedRels.add(rel);
    }
    // calcChain names cells by sheetId: if it mentions a removed sheet, drop it (Excel rebuilds it).
    if (removedSheets.length) {
      const calc = wbRels.rels.find((r) => !r.external && relTypeIs(r, "calcChain"));
      const text = calc && pkg.has(calc.target) ? pkg.text(calc.target)! : "";
      const ids = new Set(removedSheets.map((s) => String(s.sheetId)));
      for (const m of text.matchAll(/\si\s*=\s*["'](\d+)["']/g)) {
        if (ids.has(m[1])) {
          droppedRels.add(calc!);
          break;
        }
      }
    }

    // --- parts that only the removed sheets (or the dropped calcChain) reached
    const removedParts = new Set<string>();
    if (droppedRels.size) {
      const graph = relsGraph(pkg);
      graph.set(key(wbPart), wbRels.rels);
      const before = reachable(graph, new Set());
      const after = reachable(graph, droppedRels);
      for (const p of before) if (!after.has(p)) removedParts.add(p);
      for (const r of droppedRels) removedParts.add(key(r.target));
      for (const p of [...removedParts]) {
        const rels = pkg.name(relsPartOf(p));
        if (rels) removedParts.add(key(rels));
      }
    }
    const isKept = (name: string) => !removedParts.has(key(name));

    // --- names in use
    const usedParts = new Set(zip.entries.filter((e) => isKept(e.name)).map((e) => key(e.name)));
    const newPart = (dir: string, base: string): string => {
      for (let n = 1; ; n++) {
        const p = `${dir}${base}${n}.xml`;
        if (!usedParts.has(key(p))) {
          usedParts.add(key(p));
          return p;
        }
      }
    };
    const relIds = new Set(wbRels.rels.filter((r) => !droppedRels.has(r)).map((r) => r.id));
    const newRelId = (): string => {
      for (let n = relIds.size + 1; ; n++) {
        const id = `rId${n}`;
        if (!relIds.has(id)) {
          relIds.add(id);
          return id;
        }
      }
    };
    let sheetId = Math.max(0, ...wb.sheets.map((s) => s.sheetId));

    // existing tables (ids and names) and defined names share one namespace with new table names
    const takenNames = new Set<string>();
    let maxTableId = 0;
    const ctName = pkg.name("[Content_Types].xml");
    if (!ctName) throw ledgerFileError("corrupt", { reason: "no [Content_Types].xml in the package" });
    const ctText = pkg.text(ctName)!;
    const tableParts = new Set(tablePartsOf(ctText));
    for (const e of zip.entries) {
      if (!isKept(e.name) || !(tableParts.has(key(e.name)) || /(^|\/)tables\/[^/]+\.xml$/i.test(e.name)))
        continue;
      const text = pkg.text(e.name)!;
      const root = rootElement(text);
      if (root.local !== "table") continue;
      for (const a of attrsOf(text, root)) {
        if (a.name === "id") maxTableId = Math.max(maxTableId, Number(a.value) || 0);
        else if (a.name === "name" || a.name === "displayName") takenNames.add(a.value.toLowerCase());
      }
    }
    const definedNamesEl = firstChild(wb.xml, wb.root, "definedNames");
    const definedNames = definedNamesEl ? childrenOf(wb.xml, definedNamesEl, "definedName") : [];
    for (const d of definedNames) {
      const n = attrsOf(wb.xml, d).find((a) => a.name === "name")?.value;
      if (n) takenNames.add(n.toLowerCase());
    }

    // --- styles
    let stylesRel = wbRels.rels.find((r) => !r.external && relTypeIs(r, "styles") && !droppedRels.has(r));
    let stylesPart = stylesRel && pkg.name(stylesRel.target);
    if (stylesRel && !stylesPart) {
      // a relationship to a styles part that is not there: replaced by one to the part we write
      droppedRels.add(stylesRel);
      stylesRel = undefined;
    }
    let stylesCreated = false;
    let stylesRelNeeded = false;
    if (!stylesPart) {
      stylesPart = pkg.name(`${dirOf(wbPart)}styles.xml`);
      if (stylesPart && isKept(stylesPart)) stylesRelNeeded = !stylesRel;
      else {
        stylesPart = `${dirOf(wbPart)}styles.xml`;
        stylesCreated = true;
        stylesRelNeeded = true;
        usedParts.add(key(stylesPart));
      }
    }
    const patchedStyles = patchStyles(stylesCreated ? undefined : pkg.text(stylesPart), styleNeeds(plans));

    // --- the new sheets
    const news: NewSheet[] = plans.map((plan, j) => {
      const part = newPart(`${dirOf(wbPart)}worksheets/`, "sheet");
      const ns: NewSheet = { plan, part, relId: newRelId(), sheetId: ++sheetId, index: kept.length + j };
      if (plan.table) {
        ns.table = {
          part: newPart(`${dirOf(wbPart)}tables/`, "table"),
          id: ++maxTableId,
          name: tableNameFor(plan.model.name, takenNames),
        };
      }
      if (charts[j].length) {
        ns.drawing = {
          part: newPart(`${dirOf(wbPart)}drawings/`, "drawing"),
          charts: charts[j].map((chart) => ({ chart, part: newPart(`${dirOf(wbPart)}charts/`, "chart") })),
        };
      }
      return ns;
    });

    const changed = new Map<string, Uint8Array>();
    const added: OutEntry[] = [];
    const z = opts.compressor ?? defaultCompressor();
    if (stylesCreated) added.push({ kind: "new", name: stylesPart, data: encodeXml(patchedStyles.xml) });
    else changed.set(key(stylesPart), encodeXml(patchedStyles.xml));
    const relsXml = (items: string) =>
      encodeXml(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">${items}</Relationships>`,
      );
    for (const ns of news) {
      // the sheet's relationships: its table, then its drawing
      let sheetRels = "";
      const tableRelId = ns.table ? "rId1" : undefined;
      if (ns.table)
        sheetRels += `<Relationship Id="${tableRelId}" Type="${REL_TYPE}table" Target="${escapeAttr(relativeTarget(ns.part, ns.table.part))}"/>`;
      const drawingRelId = ns.drawing ? (ns.table ? "rId2" : "rId1") : undefined;
      if (ns.drawing)
        sheetRels += `<Relationship Id="${drawingRelId}" Type="${REL_TYPE}drawing" Target="${escapeAttr(relativeTarget(ns.part, ns.drawing.part))}"/>`;
      // each sheet is compressed as soon as it is built
      const xml = sheetXml(ns.plan, {
        date1904: wb.date1904,
        styles: patchedStyles.styles,
        tableRelId,
        drawingRelId,
      });
      added.push(compressEntry(ns.part, xml, true, z));
      if (sheetRels) added.push({ kind: "new", name: relsPartOf(ns.part), data: relsXml(sheetRels) });
      if (ns.table)
        added.push({ kind: "new", name: ns.table.part, data: tableXml(ns.plan, ns.table.id, ns.table.name) });
      if (ns.drawing) {
        const { part, charts: list } = ns.drawing;
        const ids = list.map((_, i) => `rId${i + 1}`);
        added.push(
          compressEntry(
            part,
            encodeXml(
              drawingXml(
                list.map((c) => c.chart),
                ids,
              ),
            ),
            true,
            z,
          ),
        );
        added.push({
          kind: "new",
          name: relsPartOf(part),
          data: relsXml(
            list
              .map(
                (c, i) =>
                  `<Relationship Id="${ids[i]}" Type="${REL_TYPE}chart" Target="${escapeAttr(relativeTarget(part, c.part))}"/>`,
              )
              .join(""),
          ),
        });
        for (const c of list)
          added.push(compressEntry(c.part, encodeXml(chartXml(c.chart, { date1904: wb.date1904 })), true, z));
      }
    }

    // --- workbook.xml
    changed.set(key(wbPart), encodeXml(patchWorkbookXml(wb, removedIdx, removedSet, newIndexOf, news)));

    // --- workbook relationships
    {
      const edits: XmlEdit[] = [];
      for (const r of droppedRels) edits.push({ start: r.span.start, end: r.span.end, text: "" });
      let add = "";
      for (const ns of news)
        add += `<Relationship Id="${ns.relId}" Type="${REL_TYPE}worksheet" Target="${escapeAttr(relativeTarget(wbPart, ns.part))}"/>`;
      if (stylesRelNeeded)
        add += `<Relationship Id="${newRelId()}" Type="${REL_TYPE}styles" Target="${escapeAttr(relativeTarget(wbPart, stylesPart))}"/>`;
      edits.push({ start: wbRels.root.innerEnd, end: wbRels.root.innerEnd, text: reprefixRels(add, wbRels) });
      const xml = applyEdits(wbRels.xml, edits);
      if (wbRels.created) added.push({ kind: "new", name: wbRels.part, data: encodeXml(xml) });
      else changed.set(key(wbRels.part), encodeXml(xml));
    }

    // --- [Content_Types].xml
    {
      const overrides: [string, string][] = news.map((ns) => [ns.part, CT_WORKSHEET]);
      for (const ns of news) if (ns.table) overrides.push([ns.table.part, CT_TABLE]);
      for (const ns of news) {
        if (!ns.drawing) continue;
        overrides.push([ns.drawing.part, CT_DRAWING]);
        for (const c of ns.drawing.charts) overrides.push([c.part, CT_CHART]);
      }
      if (stylesCreated) overrides.push([stylesPart, CT_STYLES]);
      changed.set(key(ctName), encodeXml(patchContentTypes(ctText, removedParts, overrides)));
    }

    // --- the archive: originals in their order (changed ones in place), then the new parts
    const out: OutEntry[] = [];
    for (const e of raw.entries) {
      if (!isKept(e.name)) continue;
      const data = changed.get(key(e.name));
      if (data) {
        out.push({ kind: "new", name: e.name, data });
        changed.delete(key(e.name));
      } else out.push({ kind: "copy", entry: e });
    }
    out.push(...added);
    return writeZip(original, out, { comment: raw.comment, now: opts.now, compressor: z });
  });
}

/** Relationship elements get the rels root's prefix (practically always none). */
function reprefixRels(text: string, doc: RelsDoc): string {
  const p = prefixOf(doc.root);
  return p ? text.replace(/<Relationship /g, `<${p}Relationship `) : text;
}

function patchWorkbookXml(
  wb: WorkbookDoc,
  removedIdx: number[],
  removedSet: Set<number>,
  newIndexOf: (old: number) => number,
  news: NewSheet[],
): string {
  const { xml, root, prefix } = wb;
  const edits: XmlEdit[] = [];
  const keptCount = wb.sheets.length - removedIdx.length;
  const total = keptCount + news.length;

  // <sheets>: drop the removed, append the new
  for (const i of removedIdx)
    edits.push({ start: wb.sheets[i].span.start, end: wb.sheets[i].span.end, text: "" });
  const relAttr = wb.relPrefix ? `${wb.relPrefix}:id` : "r:id";
  const relDecl = wb.relPrefix ? "" : ` xmlns:r="${REL_NS}"`;
  let sheetsText = "";
  for (const ns of news) {
    const state = ns.plan.hidden ? ' state="hidden"' : "";
    sheetsText += `<${prefix}sheet name="${escapeAttr(ns.plan.name)}" sheetId="${ns.sheetId}"${state} ${relAttr}="${ns.relId}"${relDecl}/>`;
  }
  edits.push({ start: wb.sheetsEl.innerEnd, end: wb.sheetsEl.innerEnd, text: sheetsText });

  // <definedNames>: names scoped to removed sheets go, the others follow their sheet's new index
  // new names: repeated header rows, and the hidden filter range Excel keeps for every autoFilter
  const titles = news
    .map((ns) => {
      const { name, autoFilter, filterRange, print } = ns.plan;
      const sheet = quoteSheet(name);
      let out = "";
      if (autoFilter)
        out += `<${prefix}definedName name="_xlnm._FilterDatabase" localSheetId="${ns.index}" hidden="1">${escapeText(
          `${sheet}!${absoluteRange(filterRange)}`,
        )}</${prefix}definedName>`;
      if (print.titleRows)
        out += `<${prefix}definedName name="_xlnm.Print_Titles" localSheetId="${ns.index}">${escapeText(
          `${sheet}!$${print.titleRows.first}:$${print.titleRows.last}`,
        )}</${prefix}definedName>`;
      return out;
    })
    .join("");
  const dnEl = firstChild(xml, root, "definedNames");
  if (dnEl) {
    const names = childrenOf(xml, dnEl, "definedName");
    let left = 0;
    for (const d of names) {
      const local = attrsOf(xml, d).find((a) => a.name === "localSheetId")?.value;
      const idx = local === undefined ? NaN : Number(local);
      if (local !== undefined && Number.isInteger(idx) && removedSet.has(idx)) {
        edits.push({ start: d.start, end: d.end, text: "" });
        continue;
      }
      left++;
      if (Number.isInteger(idx) && idx >= 0) {
        const n = newIndexOf(idx);
        if (n !== idx)
          edits.push({ start: d.start, end: d.openEnd, text: withAttr(xml, d, "localSheetId", String(n)) });
      }
    }
    if (dnEl.selfClosing) {
      if (titles) {
        const tag = xml.slice(dnEl.start, dnEl.openEnd).replace(/\s*\/>$/, ">");
        edits.push({ start: dnEl.start, end: dnEl.end, text: `${tag}${titles}</${dnEl.name}>` });
      }
    } else if (left === 0 && !titles) {
      // nothing left: drop the element (and the edits inside it)
      for (let i = edits.length - 1; i >= 0; i--) {
        if (edits[i].start >= dnEl.start && edits[i].end <= dnEl.end) edits.splice(i, 1);
      }
      edits.push({ start: dnEl.start, end: dnEl.end, text: "" });
    } else if (titles) edits.push({ start: dnEl.innerEnd, end: dnEl.innerEnd, text: titles });
  } else if (titles) {
    const at = insertionPoint(xml, root, WORKBOOK_ORDER, "definedNames");
    edits.push({ start: at, end: at, text: `<${prefix}definedNames>${titles}</${prefix}definedNames>` });
  }

  // <bookViews>: the active and first visible tab are sheet indexes too
  const bookViews = firstChild(xml, root, "bookViews");
  if (bookViews && removedIdx.length) {
    const mapTab = (v: string | undefined): string | undefined => {
      const old = v === undefined ? 0 : Number(v);
      if (!Number.isInteger(old) || old < 0) return "0";
      let n: number;
      if (removedSet.has(old)) {
        // the next kept sheet, else the last one
        let k = old;
        while (removedSet.has(k)) k++;
        n = k < wb.sheets.length ? newIndexOf(k) : keptCount - 1;
      } else n = newIndexOf(old);
      n = Math.max(0, Math.min(n, total - 1));
      return String(n);
    };
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
  }
  return applyEdits(xml, edits);
}

/** Part names (lower case, no leading "/") that [Content_Types].xml declares as tables. */
function tablePartsOf(xml: string): string[] {
  const root = rootElement(xml);
  const out: string[] = [];
  for (const c of childrenOf(xml, root, "Override")) {
    const a = attrsOf(xml, c);
    if (a.find((x) => x.name === "ContentType")?.value !== CT_TABLE) continue;
    const name = a.find((x) => x.name === "PartName")?.value;
    if (name) out.push(key(partNameOf(name)));
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

function patchContentTypes(xml0: string, removedParts: Set<string>, overrides: [string, string][]): string {
  const opened = openElement(xml0, rootElement(xml0));
  const xml = opened.xml;
  const root = opened.span;
  const prefix = prefixOf(root);
  if (prefixForNamespace(xml, root, CT_NS) === undefined && !root.local.endsWith("Types"))
    throw new Error("[Content_Types].xml has no <Types>");
  const edits: XmlEdit[] = [];
  let hasRels = false;
  for (const c of childrenOf(xml, root)) {
    const a = attrsOf(xml, c);
    if (c.local === "Override") {
      const name = partNameOf(a.find((x) => x.name === "PartName")?.value ?? "");
      if (removedParts.has(key(name))) edits.push({ start: c.start, end: c.end, text: "" });
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
