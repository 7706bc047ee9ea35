// Names the new parts take: part names, workbook relationship ids, sheet ids, and table ids and
// names — each free among what the kept package already uses.
import { attrsOf, childrenOf, firstChild, rootElement } from "../xml-edit";
import { tablePartsOf, type ContentTypes } from "./content-types";
import { partKey } from "./opc";
import type { Removal } from "./removal";
import type { Source, WorkbookDoc } from "./source";

/** Excel allows 255 characters in a table name; the rest is room for a "_n" suffix. */
const TABLE_NAME_BASE_LENGTH = 200;

export interface TableName {
  id: number;
  name: string;
}

export class NameAllocator {
  private constructor(
    private readonly usedParts: Set<string>,
    private readonly relIds: Set<string>,
    private lastSheetId: number,
    private lastTableId: number,
    /** Table names and defined names (lower case): one namespace in Excel. */
    private readonly takenNames: Set<string>,
  ) {}

  /** The names in use in the package once the removed sheets' parts are gone. */
  static forPackage(src: Source, removal: Removal, ct: ContentTypes): NameAllocator {
    const usedParts = new Set(
      src.zip.entries.filter((e) => removal.isKept(e.name)).map((e) => partKey(e.name)),
    );
    const relIds = new Set(src.wbRels.rels.filter((r) => !removal.droppedRels.has(r)).map((r) => r.id));
    const lastSheetId = Math.max(0, ...src.wb.sheets.map((s) => s.sheetId));
    const tables = existingTables(src, removal, ct);
    for (const n of definedNames(src.wb)) tables.names.add(n);
    return new NameAllocator(usedParts, relIds, lastSheetId, tables.maxId, tables.names);
  }

  /** Marks `part` as taken (a part written under a fixed name). */
  reservePart(part: string): void {
    this.usedParts.add(partKey(part));
  }

  /** The first free `${dir}${base}N.xml`. */
  part(dir: string, base: string): string {
    for (let n = 1; ; n++) {
      const p = `${dir}${base}${n}.xml`;
      if (!this.usedParts.has(partKey(p))) {
        this.usedParts.add(partKey(p));
        return p;
      }
    }
  }

  /** A free relationship id of the workbook part. */
  relId(): string {
    for (let n = this.relIds.size + 1; ; n++) {
      const id = `rId${n}`;
      if (!this.relIds.has(id)) {
        this.relIds.add(id);
        return id;
      }
    }
  }

  sheetId(): number {
    return ++this.lastSheetId;
  }

  /** The id and the name of a new table on `sheet`; Excel's naming rules apply. */
  table(sheet: string): TableName {
    const base = `PL_${sheet.normalize("NFC").replace(/[^\p{L}\p{N}_]/gu, "_")}`.slice(
      0,
      TABLE_NAME_BASE_LENGTH,
    );
    let name = base;
    for (let n = 2; this.takenNames.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    this.takenNames.add(name.toLowerCase());
    return { id: ++this.lastTableId, name };
  }
}

/** The highest id and the names (lower case) of the kept tables. */
function existingTables(
  src: Source,
  removal: Removal,
  ct: ContentTypes,
): { maxId: number; names: Set<string> } {
  const names = new Set<string>();
  let maxId = 0;
  const declared = new Set(tablePartsOf(ct.xml));
  for (const e of src.zip.entries) {
    const isTable = declared.has(partKey(e.name)) || /(^|\/)tables\/[^/]+\.xml$/i.test(e.name);
    if (!removal.isKept(e.name) || !isTable) continue;
    const text = src.pkg.text(e.name)!;
    const root = rootElement(text);
    if (root.local !== "table") continue;
    for (const a of attrsOf(text, root)) {
      if (a.name === "id") maxId = Math.max(maxId, Number(a.value) || 0);
      else if (a.name === "name" || a.name === "displayName") names.add(a.value.toLowerCase());
    }
  }
  return { maxId, names };
}

/** The workbook's defined names (lower case), scoped ones included. */
function definedNames(wb: WorkbookDoc): string[] {
  const el = firstChild(wb.xml, wb.root, "definedNames");
  const out: string[] = [];
  for (const d of el ? childrenOf(wb.xml, el, "definedName") : []) {
    const n = attrsOf(wb.xml, d).find((a) => a.name === "name")?.value;
    if (n) out.push(n.toLowerCase());
  }
  return out;
}
