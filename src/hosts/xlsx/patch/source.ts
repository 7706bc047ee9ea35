// Opening the clerk's package: the zip (and its raw entries, copied as they are), the workbook part
// with its sheet list, and the workbook's relationships.
import { ledgerFileError } from "../errors";
import { REL_NS } from "../sheet-writer";
import {
  attrsOf,
  childrenOf,
  firstChild,
  prefixForNamespace,
  prefixOf,
  rootElement,
  type XmlSpan,
} from "../xml-edit";
import { ZipArchive } from "../zip";
import { readRawZip, type RawZip } from "../zip-write";
import { checkPackageSignature } from "./checks";
import { Package, relTypeIs, type RelsDoc } from "./opc";

const STRICT_MAIN_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";

export interface SheetEntry {
  span: XmlSpan;
  name: string;
  sheetId: number;
  rid: string;
}

export interface WorkbookDoc {
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

export interface Source {
  original: Uint8Array;
  zip: ZipArchive;
  raw: RawZip;
  pkg: Package;
  wb: WorkbookDoc;
  /** The workbook's relationships (created empty when the package has none). */
  wbRels: RelsDoc;
}

export function openSource(original: Uint8Array): Source {
  checkPackageSignature(original);
  const zip = new ZipArchive(original);
  const raw = readRawZip(original, zip);
  const pkg = new Package(zip);
  const wbPart = findWorkbookPart(pkg);
  const wb = readWorkbook(pkg, wbPart);
  const wbRels = pkg.rels(wbPart, true)!;
  return { original, zip, raw, pkg, wb, wbRels };
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
  const sheets = childrenOf(xml, sheetsEl, "sheet").map((span) => readSheetEntry(xml, span));
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

function readSheetEntry(xml: string, span: XmlSpan): SheetEntry {
  let name = "";
  let sheetId = 0;
  let rid = "";
  for (const a of attrsOf(xml, span)) {
    if (a.name === "name") name = a.value;
    else if (a.name === "sheetId") sheetId = Number(a.value) || 0;
    else if (a.local === "id" && a.name !== a.local) rid = a.value;
  }
  return { span, name, sheetId, rid };
}
