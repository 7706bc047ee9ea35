// An .xlsx package opened for small in-place edits: the sheet list, the date system, the styles part,
// and text access to parts. Saving copies every untouched part as its raw compressed bytes (nothing
// is re-serialised), so what the clerk's file holds beyond the edited cells survives exactly.
import { ledgerFileError } from "../xlsx/errors";
import {
  applyEdits,
  attrsOf,
  childrenOf,
  decodeXml,
  encodeXml,
  firstChild,
  rootElement,
  setTagAttr,
  type XmlEdit,
} from "../xlsx/xml-edit";
import { readRel } from "../xlsx/patch/opc";
import { ZipArchive } from "../xlsx/zip";
import { readRawZip, writeZip, type OutEntry } from "../xlsx/zip-write";
import { dirOf, relsPartOf } from "../xlsx/part-names";

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  start: number;
  end: number;
}

export interface SheetPart {
  name: string;
  part: string;
}

export class XlsxPackage {
  readonly zip: ZipArchive;
  readonly workbookPart: string;
  readonly sheets: SheetPart[];
  readonly date1904: boolean;
  readonly stylesPart: string | undefined;
  private changed = new Map<string, string>();
  private removed = new Set<string>();

  constructor(readonly bytes: Uint8Array) {
    this.zip = new ZipArchive(bytes);
    const root = this.rels("");
    const office = root.find((r) => !r.external && r.type.endsWith("/officeDocument"));
    this.workbookPart =
      (office && this.zip.get(office.target)?.name) ?? this.zip.get("xl/workbook.xml")?.name ?? "";
    if (!this.workbookPart) throw ledgerFileError("corrupt", { reason: "no workbook part in the package" });
    const rels = this.rels(this.workbookPart);
    const xml = this.text(this.workbookPart)!;
    const wb = rootElement(xml);
    const sheetsEl = firstChild(xml, wb, "sheets");
    this.sheets = (sheetsEl ? childrenOf(xml, sheetsEl, "sheet") : []).map((s, i) => {
      const a = attrsOf(xml, s);
      const name = a.find((x) => x.name === "name")?.value ?? "";
      const rid = a.find((x) => x.local === "id" && x.name !== x.local)?.value;
      const target =
        rels.find((r) => r.id === rid)?.target ?? `${dirOf(this.workbookPart)}worksheets/sheet${i + 1}.xml`;
      return { name, part: this.zip.get(target)?.name ?? target };
    });
    const pr = firstChild(xml, wb, "workbookPr");
    const d = pr ? attrsOf(xml, pr).find((x) => x.name === "date1904")?.value : undefined;
    this.date1904 = d === "1" || d === "true";
    const styles = rels.find((r) => !r.external && r.type.endsWith("/styles"));
    this.stylesPart = styles ? this.zip.get(styles.target)?.name : undefined;
  }

  /** Sets a sheet's `state` in the workbook part ("veryHidden": not even listed by Unhide). */
  setSheetState(name: string, state: "visible" | "hidden" | "veryHidden"): void {
    const xml = this.text(this.workbookPart)!;
    const wb = rootElement(xml);
    const sheetsEl = firstChild(xml, wb, "sheets");
    const el =
      sheetsEl &&
      childrenOf(xml, sheetsEl, "sheet").find((s) =>
        attrsOf(xml, s).some((a) => a.name === "name" && a.value === name),
      );
    if (!el) return;
    const tag = setTagAttr(xml.slice(el.start, el.openEnd), "state", state === "visible" ? undefined : state);
    this.setText(this.workbookPart, xml.slice(0, el.start) + tag + xml.slice(el.openEnd));
  }

  sheet(name: string): SheetPart | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** A part's current text (edited or original), or undefined when absent. */
  text(part: string): string | undefined {
    const edited = this.changed.get(part.toLowerCase());
    if (edited !== undefined) return edited;
    if (this.removed.has(part.toLowerCase())) return undefined;
    const e = this.zip.get(part);
    return e ? decodeXml(this.zip.read(e)) : undefined;
  }

  setText(part: string, text: string): void {
    this.changed.set(part.toLowerCase(), text);
  }

  private rels(source: string): Rel[] {
    const text = this.text(source === "" ? "_rels/.rels" : relsPartOf(source));
    if (text === undefined) return [];
    const root = rootElement(text);
    const base = dirOf(source);
    return childrenOf(text, root, "Relationship").map((span) => {
      const { id, type, target, external } = readRel(text, span, base);
      return { id, type, target, external, start: span.start, end: span.end };
    });
  }

  /**
   * Drops the calculation chain: Excel rebuilds it, and it must not name a cell whose formula an edit
   * replaced by a value (Excel would report the file as damaged).
   */
  dropCalcChain(): void {
    const relsPart = relsPartOf(this.workbookPart);
    const rels = this.rels(this.workbookPart);
    const calc = rels.filter((r) => !r.external && r.type.endsWith("/calcChain"));
    if (!calc.length) return;
    const relsText = this.text(relsPart)!;
    this.setText(
      relsPart,
      applyEdits(
        relsText,
        calc.map((r): XmlEdit => ({ start: r.start, end: r.end, text: "" })),
      ),
    );
    const ctName = this.zip.get("[Content_Types].xml")?.name;
    const ct = ctName ? this.text(ctName) : undefined;
    for (const r of calc) {
      this.removed.add(r.target.toLowerCase());
      if (ct !== undefined && ctName) {
        const root = rootElement(ct);
        const edits = childrenOf(ct, root, "Override")
          .filter((o) => {
            const p = attrsOf(ct, o).find((x) => x.name === "PartName")?.value ?? "";
            return p.replace(/^\//, "").toLowerCase() === r.target.toLowerCase();
          })
          .map((o): XmlEdit => ({ start: o.start, end: o.end, text: "" }));
        if (edits.length) this.setText(ctName, applyEdits(ct, edits));
      }
    }
  }

  /** The package with the edits: untouched parts are copied raw, edited ones recompressed. */
  save(now?: Date): Uint8Array {
    const raw = readRawZip(this.bytes, this.zip);
    const out: OutEntry[] = [];
    for (const e of raw.entries) {
      const k = e.name.toLowerCase();
      if (this.removed.has(k)) continue;
      const text = this.changed.get(k);
      out.push(
        text === undefined
          ? { kind: "copy", entry: e }
          : { kind: "new", name: e.name, data: encodeXml(text) },
      );
    }
    return writeZip(this.bytes, out, { comment: raw.comment, now });
  }
}
