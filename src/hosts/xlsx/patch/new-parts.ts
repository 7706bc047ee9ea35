// The parts of each new sheet: the worksheet, its relationships, its table, its drawing and charts.
// Worksheets are compressed piece by piece as they are written, drawings and charts as soon as they
// are built (a result sheet can be large); the small parts are left to the archive writer.
import { chartXml, drawingXml } from "../chart-parts";
import { relsPartOf } from "../part-names";
import { sheetXmlSteps, tableXml } from "../sheet-writer";
import type { ResultStyles } from "../styles-patch";
import { encodeXml } from "../xml-edit";
import { compressEntry, EntryStream, type Compressor, type OutEntry } from "../zip-write";
import type { NewSheet } from "./layout";
import { relationshipXml, relsPartBytes } from "./opc";

export interface NewPartsContext {
  date1904: boolean;
  styles: ResultStyles;
  compressor: Compressor;
}

/** The parts of a new sheet, written in steps (sheetXmlSteps: the worksheet stops every so many rows). */
export function* newSheetParts(ns: NewSheet, ctx: NewPartsContext): Generator<void, OutEntry[]> {
  const out: OutEntry[] = [];
  // the sheet's relationships: its table, then its drawing
  let rels = "";
  let tableRelId: string | undefined;
  let drawingRelId: string | undefined;
  if (ns.table) {
    tableRelId = "rId1";
    rels += relationshipXml(tableRelId, "table", ns.part, ns.table.part);
  }
  if (ns.drawing) {
    drawingRelId = ns.table ? "rId2" : "rId1";
    rels += relationshipXml(drawingRelId, "drawing", ns.part, ns.drawing.part);
  }
  // compressed as it is written: the sheet's XML is never held whole (each piece is consumed at
  // once: EntryStream compresses it before the writer writes on)
  const sheet = new EntryStream(ns.part, true, ctx.compressor);
  const xmlOpts = { date1904: ctx.date1904, styles: ctx.styles, tableRelId, drawingRelId };
  yield* sheetXmlSteps(ns.plan, xmlOpts, (piece) => sheet.push(piece));
  out.push(sheet.finish());
  if (rels) out.push({ kind: "new", name: relsPartOf(ns.part), data: relsPartBytes(rels) });
  if (ns.table)
    out.push({ kind: "new", name: ns.table.part, data: tableXml(ns.plan, ns.table.id, ns.table.name) });
  if (ns.drawing) out.push(...drawingParts(ns.drawing, ctx));
  return out;
}

/** The drawing (one anchor per chart), its relationships to the charts, and the chart parts. */
function drawingParts(drawing: NonNullable<NewSheet["drawing"]>, ctx: NewPartsContext): OutEntry[] {
  const { part, charts } = drawing;
  const ids = charts.map((_, i) => `rId${i + 1}`);
  const xml = drawingXml(
    charts.map((c) => c.chart),
    ids,
  );
  const rels = charts.map((c, i) => relationshipXml(ids[i], "chart", part, c.part)).join("");
  return [
    compressEntry(part, encodeXml(xml), true, ctx.compressor),
    { kind: "new", name: relsPartOf(part), data: relsPartBytes(rels) },
    ...charts.map((c) =>
      compressEntry(c.part, encodeXml(chartXml(c.chart, { date1904: ctx.date1904 })), true, ctx.compressor),
    ),
  ];
}
