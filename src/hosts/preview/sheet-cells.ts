// Cell-level edits of one worksheet part, as text splices: a cell's style index (`s`) or its value
// is changed, a missing cell (or row) is inserted in order; every other byte of the part stays as it
// was. Used for highlights (style only) and fixes (value, and a number format through the style).
import { a1 } from "../../engine/grid";
import { xstring } from "../xlsx/sheet-writer";
import { applyEdits, attrsOf, childElements, setTagAttr, type XmlEdit, type XmlSpan } from "../xlsx/xml-edit";

export interface CellState {
  exists: boolean;
  /** The `s` attribute (null: absent, i.e. style 0). */
  style: number | null;
  /** The cell holds a formula (replaced by a value on a fix). */
  formula: boolean;
  /** The master of a shared formula: other cells' formulas depend on its `<f>` text. */
  sharedMaster: boolean;
  /** No value and no formula (a cell that only carries a style). */
  empty: boolean;
}

export type CellValueEdit = { kind: "text"; text: string } | { kind: "number"; n: number };

export interface CellChange {
  /** New `s` (null removes the attribute); undefined keeps it. */
  style?: number | null;
  value?: CellValueEdit;
  /** Remove the cell element (only done when it is empty). */
  remove?: boolean;
}

interface RowInfo {
  span: XmlSpan;
  cells?: Map<number, XmlSpan>;
}

function colOf(ref: string): number {
  let c = 0;
  for (const ch of ref.replace(/\$/g, "").toUpperCase()) {
    const k = ch.charCodeAt(0);
    if (k < 65 || k > 90) break;
    c = c * 26 + (k - 64);
  }
  return c - 1;
}

function attr(xml: string, span: XmlSpan, name: string): string | undefined {
  return attrsOf(xml, span).find((a) => a.name === name)?.value;
}

/** `<t>` text, with xml:space="preserve" so edge spaces and line breaks survive. */
function inlineText(s: string): string {
  return `<is><t xml:space="preserve">${xstring(s)}</t></is>`;
}

export class SheetCells {
  private sheetData: XmlSpan;
  private prefix: string;
  private rows = new Map<number, RowInfo>();
  private rowOrder: { n: number; span: XmlSpan }[] = [];
  private changes = new Map<string, { row: number; col: number; change: CellChange }>();

  constructor(private xml: string) {
    const m = /<((?:[\w.-]+:)?)sheetData(?=[\s/>])/.exec(xml);
    if (!m) throw new Error("worksheet has no <sheetData>");
    const close = `</${m[1]}sheetData>`;
    const closeAt = xml.indexOf(close, m.index);
    const spans = childElements(xml, m.index, closeAt < 0 ? xml.length : closeAt + close.length);
    this.sheetData = spans[0];
    this.prefix = m[1];
    if (this.sheetData.selfClosing) return;
    let n = 0;
    for (const span of childElements(xml, this.sheetData.openEnd, this.sheetData.innerEnd)) {
      if (span.local !== "row") continue;
      const r = Number(attr(xml, span, "r"));
      n = Number.isInteger(r) && r > 0 ? r : n + 1;
      this.rows.set(n, { span });
      this.rowOrder.push({ n, span });
    }
  }

  private cellsOf(row: RowInfo): Map<number, XmlSpan> {
    if (row.cells) return row.cells;
    const cells = new Map<number, XmlSpan>();
    if (!row.span.selfClosing) {
      let c = -1;
      for (const span of childElements(this.xml, row.span.openEnd, row.span.innerEnd)) {
        if (span.local !== "c") continue;
        const ref = attr(this.xml, span, "r");
        const col = ref ? colOf(ref) : -1;
        c = col >= 0 ? col : c + 1;
        cells.set(c, span);
      }
    }
    row.cells = cells;
    return cells;
  }

  private find(row: number, col: number): XmlSpan | undefined {
    const r = this.rows.get(row + 1);
    return r ? this.cellsOf(r).get(col) : undefined;
  }

  /** The cell at 0-based row/col as it is in the part (ignoring pending changes). */
  state(row: number, col: number): CellState {
    const span = this.find(row, col);
    if (!span) return { exists: false, style: null, formula: false, sharedMaster: false, empty: true };
    const s = attr(this.xml, span, "s");
    const inner = span.selfClosing ? "" : this.xml.slice(span.openEnd, span.innerEnd);
    const f = /<(?:[\w.-]+:)?f(?=[\s/>])([^>]*)>/.exec(inner);
    const shared = f !== null && /\bt\s*=\s*["']shared["']/.test(f[1]) && /\bref\s*=/.test(f[1]);
    return {
      exists: true,
      style: s === undefined ? null : Number(s),
      formula: f !== null,
      sharedMaster: shared,
      empty: !/<(?:[\w.-]+:)?(?:v|f|is)(?=[\s/>])/.test(inner),
    };
  }

  set(row: number, col: number, change: CellChange): void {
    const k = `${row}:${col}`;
    const prev = this.changes.get(k);
    this.changes.set(k, { row, col, change: { ...(prev?.change ?? {}), ...change } });
  }

  /** The cell element after a change (from the existing element, or a new one). */
  private cellText(row: number, col: number, span: XmlSpan | undefined, change: CellChange): string {
    const p = this.prefix;
    const ref = a1(row, col);
    let tag = span ? this.xml.slice(span.start, span.openEnd) : `<${p}c r="${ref}"/>`;
    if (change.style !== undefined)
      tag = setTagAttr(tag, "s", change.style === null ? undefined : String(change.style));
    if (!change.value) {
      if (!span || span.selfClosing) return tag;
      return tag + this.xml.slice(span.openEnd, span.end);
    }
    const name = span?.name ?? `${p}c`;
    tag = setTagAttr(tag, "vm", undefined);
    tag = setTagAttr(tag, "t", change.value.kind === "text" ? "inlineStr" : undefined);
    const open = tag.endsWith("/>") ? `${tag.slice(0, -2).replace(/\s+$/, "")}>` : tag;
    const body =
      change.value.kind === "text"
        ? inlineText(change.value.text).replace(/<(\/?)(is|t)\b/g, `<$1${p}$2`)
        : `<${p}v>${String(change.value.n)}</${p}v>`;
    return `${open}${body}</${name}>`;
  }

  /** The edited part (the original text when nothing changed). */
  toXml(): string {
    if (!this.changes.size) return this.xml;
    const p = this.prefix;
    const edits: XmlEdit[] = [];
    const byRow = new Map<number, { col: number; change: CellChange }[]>();
    for (const { row, col, change } of this.changes.values()) {
      const list = byRow.get(row) ?? [];
      list.push({ col, change });
      byRow.set(row, list);
    }
    const newRows: { n: number; text: string }[] = [];
    for (const [row, list] of byRow) {
      list.sort((a, b) => a.col - b.col);
      const info = this.rows.get(row + 1);
      if (!info) {
        const cells = list
          .filter((x) => !x.change.remove)
          .map((x) => this.cellText(row, x.col, undefined, x.change));
        if (cells.length)
          newRows.push({ n: row + 1, text: `<${p}row r="${row + 1}">${cells.join("")}</${p}row>` });
        continue;
      }
      const cells = this.cellsOf(info);
      const inserts: { col: number; text: string }[] = [];
      for (const { col, change } of list) {
        const span = cells.get(col);
        if (span) {
          const empty = this.state(row, col).empty;
          const text = change.remove && empty && !change.value ? "" : this.cellText(row, col, span, change);
          edits.push({ start: span.start, end: span.end, text });
        } else if (!change.remove) inserts.push({ col, text: this.cellText(row, col, undefined, change) });
      }
      if (!inserts.length) continue;
      // a row's `spans` is only a hint; drop it rather than let it disagree with the new cells
      const rowTag = setTagAttr(this.xml.slice(info.span.start, info.span.openEnd), "spans", undefined);
      if (info.span.selfClosing) {
        const open = `${rowTag.slice(0, -2).replace(/\s+$/, "")}>`;
        edits.push({
          start: info.span.start,
          end: info.span.end,
          text: `${open}${inserts.map((x) => x.text).join("")}</${info.span.name}>`,
        });
        continue;
      }
      edits.push({ start: info.span.start, end: info.span.openEnd, text: rowTag });
      const sortedCols = [...cells.entries()].sort((a, b) => a[0] - b[0]);
      for (const ins of inserts) {
        const next = sortedCols.find(([c]) => c > ins.col);
        const at = next ? next[1].start : info.span.innerEnd;
        edits.push({ start: at, end: at, text: ins.text });
      }
    }
    if (newRows.length) {
      newRows.sort((a, b) => a.n - b.n);
      if (this.sheetData.selfClosing) {
        const open = `${this.xml.slice(this.sheetData.start, this.sheetData.openEnd).slice(0, -2).replace(/\s+$/, "")}>`;
        edits.push({
          start: this.sheetData.start,
          end: this.sheetData.end,
          text: `${open}${newRows.map((r) => r.text).join("")}</${this.sheetData.name}>`,
        });
      } else {
        for (const nr of newRows) {
          const next = this.rowOrder.find((r) => r.n > nr.n);
          const at = next ? next.span.start : this.sheetData.innerEnd;
          edits.push({ start: at, end: at, text: nr.text });
        }
      }
    }
    return applyEdits(this.xml, edits);
  }
}
