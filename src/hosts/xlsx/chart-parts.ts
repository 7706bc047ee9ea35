// Charts of result sheets (SheetModel.charts) as package parts: which data rows each chart draws
// (shared with the Office host), the DrawingML chart part (c:chartSpace with a bar chart, both axes,
// a bottom legend and a rich-text title) and the sheet's drawing part that anchors the charts.
//
// Every series refers to the cells of its data sheet ('进度督查'!$T$5:$T$34) and carries a cache of
// the values and categories, so a reader that does not recalculate (a viewer, LibreOffice on load)
// still draws the chart.
import { columnLetters, parseA1, type CellValue } from "../../engine/grid";
import { NUMBER_FORMAT_CODES, type ChartModel } from "../../report/sheet-model";
import { SheetModelError, type SheetPlan } from "./sheet-writer";
import { escapeAttr, escapeText, stripIllegalXml } from "./xml-edit";

export const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const DRAWINGML_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const SPREADSHEET_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/** Series colours: the Office theme's accents, in order (what Excel picks for a new chart). */
const PALETTE = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E"];

/** A chart with its data located: the sheets (by batch index), rows and columns it draws. */
export interface ResolvedChart {
  model: ChartModel;
  /** Index in the batch of the sheet the chart is placed on. */
  sheet: number;
  /** Index in the batch of the sheet whose rows feed the chart. */
  data: number;
  /** Plan of the data sheet. */
  dataPlan: SheetPlan;
  categoryCol: number;
  seriesCols: number[];
  /** 1-based rows of the data sheet's data rows (first ≤ last). */
  firstRow: number;
  lastRow: number;
  /** Top-left cell (0-based) and size in cells. */
  anchor: { row: number; col: number; rows: number; cols: number };
}

const sheetKey = (name: string) => name.normalize("NFC").toLowerCase();

/**
 * The charts of each planned sheet, located in the batch. A chart whose data sheet is not written in
 * the same batch, or whose data sheet has no data rows, is left out (there is nothing to draw); a
 * chart with impossible columns or anchor is a SheetModelError.
 */
export function resolveCharts(plans: readonly SheetPlan[]): ResolvedChart[][] {
  const byName = new Map<string, number>();
  plans.forEach((p, i) => byName.set(sheetKey(p.model.name), i));
  return plans.map((plan, sheet) => {
    const out: ResolvedChart[] = [];
    for (const model of plan.model.charts ?? []) {
      const where = `chart ${JSON.stringify(model.title)} of sheet ${JSON.stringify(plan.model.name)}`;
      const data = model.dataSheet === undefined ? sheet : byName.get(sheetKey(model.dataSheet));
      let anchor: { row: number; col: number };
      try {
        anchor = parseA1(model.anchor.cell);
      } catch {
        throw new SheetModelError(`${where}: anchor ${JSON.stringify(model.anchor.cell)} is not an A1 cell`);
      }
      const size = (n: number) => (Number.isFinite(n) ? Math.max(1, Math.round(n)) : 1);
      if (data === undefined) continue;
      const dataPlan = plans[data];
      const cols = [model.categoryCol, ...model.seriesCols];
      const bad = cols.find((c) => !Number.isInteger(c) || c < 0 || c >= dataPlan.ncols);
      if (bad !== undefined || !model.seriesCols.length)
        throw new SheetModelError(
          `${where}: ${model.seriesCols.length ? `column ${bad} is not a column of ${JSON.stringify(dataPlan.model.name)}` : "no series"}`,
        );
      if (!dataPlan.model.rows.length) continue;
      out.push({
        model,
        sheet,
        data,
        dataPlan,
        categoryCol: model.categoryCol,
        seriesCols: [...model.seriesCols],
        firstRow: dataPlan.firstDataRow,
        lastRow: dataPlan.lastRow,
        anchor: { ...anchor, rows: size(model.anchor.rows), cols: size(model.anchor.cols) },
      });
    }
    return out;
  });
}

/** `'进度督查'` — sheet names in chart formulas are always quoted. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Absolute reference to rows first…last of a column of the data sheet. */
export function columnRef(rc: ResolvedChart, col: number, first = rc.firstRow, last = rc.lastRow): string {
  const c = columnLetters(col);
  const sheet = quoteSheetName(rc.dataPlan.model.name);
  return first === last ? `${sheet}!$${c}$${first}` : `${sheet}!$${c}$${first}:$${c}$${last}`;
}

/** The header text of a data column as written. */
export function seriesName(rc: ResolvedChart, col: number): string {
  return rc.dataPlan.headers[col] ?? rc.dataPlan.model.columns[col]?.header ?? "";
}

/** Category labels: the data rows' cells of the category column, as text (section rows blank). */
export function categoryTexts(rc: ResolvedChart): string[] {
  return rc.dataPlan.model.rows.map((row, i) => {
    if (rc.dataPlan.sections.has(i)) return "";
    return textOf(row[rc.categoryCol]);
  });
}

/** Series values: numbers of the data rows (anything else is a gap). */
export function seriesValues(rc: ResolvedChart, col: number): (number | null)[] {
  return rc.dataPlan.model.rows.map((row, i) => {
    const v = row[col];
    return !rc.dataPlan.sections.has(i) && typeof v === "number" && Number.isFinite(v) ? v : null;
  });
}

/**
 * Fixed bounds of the value axis: bars start at 0 when no value is negative (an honest bar chart),
 * and a percent chart of fractions (coverage rates) ends at 100%. Stacked sums are left to the reader.
 */
export function valueAxisBounds(rc: ResolvedChart): { min?: number; max?: number } {
  const values = rc.seriesCols.flatMap((col) => seriesValues(rc, col)).filter((v) => v !== null);
  const out: { min?: number; max?: number } = {};
  if (values.every((v) => v >= 0)) out.min = 0;
  if (rc.model.percent && rc.model.kind !== "columnStacked" && values.every((v) => v >= 0 && v <= 1))
    out.max = 1;
  return out;
}

function textOf(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : v ? "TRUE" : "FALSE";
}

const text = (s: string) => escapeText(stripIllegalXml(s));

function strCache(values: string[]): string {
  let pts = "";
  values.forEach((v, i) => {
    if (v !== "") pts += `<c:pt idx="${i}"><c:v>${text(v)}</c:v></c:pt>`;
  });
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: (number | null)[], formatCode: string): string {
  let pts = "";
  values.forEach((v, i) => {
    if (v !== null) pts += `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`;
  });
  return `<c:numCache><c:formatCode>${text(formatCode)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

/** The chart part (c:chartSpace) of a resolved chart. */
export function chartXml(rc: ResolvedChart, o: { date1904: boolean }): string {
  const { model } = rc;
  const horizontal = model.kind === "bar";
  const stacked = model.kind === "columnStacked";
  const catAxId = 500000001;
  const valAxId = 500000002;
  const categories = categoryTexts(rc);
  const catCache = strCache(categories);
  const catRef = `<c:cat><c:strRef><c:f>${text(columnRef(rc, rc.categoryCol))}</c:f>${catCache}</c:strRef></c:cat>`;
  const series = rc.seriesCols
    .map((col, i) => {
      const name = seriesName(rc, col);
      const format = NUMBER_FORMAT_CODES[rc.dataPlan.model.columns[col]?.format ?? "general"];
      const fmt = format && format !== "@" ? format : "General";
      const color = rc.model.colors?.[i] ?? PALETTE[i % PALETTE.length];
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${text(columnRef(rc, col, rc.dataPlan.headerRow, rc.dataPlan.headerRow))}</c:f>${strCache([name])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>` +
        `<c:invertIfNegative val="0"/>` +
        catRef +
        `<c:val><c:numRef><c:f>${text(columnRef(rc, col))}</c:f>${numCache(seriesValues(rc, col), fmt)}</c:numRef></c:val>` +
        `</c:ser>`
      );
    })
    .join("");
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="1400" b="1"/><a:t>${text(model.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`;
  const gridLine = `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>`;
  const axisLine = `<c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>`;
  const labels = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
  const catAx =
    `<c:catAx><c:axId val="${catAxId}"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${axisLine}${labels}` +
    `<c:crossAx val="${valAxId}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const bounds = valueAxisBounds(rc);
  const valFmt = model.percent
    ? `<c:numFmt formatCode="0%" sourceLinked="0"/>`
    : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
  const valAx =
    `<c:valAx><c:axId val="${valAxId}"/><c:scaling><c:orientation val="minMax"/>${bounds.max !== undefined ? `<c:max val="${bounds.max}"/>` : ""}${bounds.min !== undefined ? `<c:min val="${bounds.min}"/>` : ""}</c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/>${gridLine}${valFmt}` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>${labels}` +
    `<c:crossAx val="${catAxId}"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  const bar =
    `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/>` +
    `<c:varyColors val="0"/>${series}<c:gapWidth val="${stacked ? 60 : 80}"/>${stacked ? `<c:overlap val="100"/>` : `<c:overlap val="-10"/>`}` +
    `<c:axId val="${catAxId}"/><c:axId val="${valAxId}"/></c:barChart>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWINGML_NS}" xmlns:r="${REL_NS}">` +
    `<c:date1904 val="${o.date1904 ? 1 : 0}"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:plotArea><c:layout/>${bar}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${labels}</c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

/** The drawing part of a sheet: one two-cell anchor with a chart frame per chart (`relIds` parallel). */
export function drawingXml(charts: readonly ResolvedChart[], relIds: readonly string[]): string {
  const anchors = charts
    .map((rc, i) => {
      const { row, col, rows, cols } = rc.anchor;
      const pos = (tag: string, r: number, c: number) =>
        `<xdr:${tag}><xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">${pos("from", row, col)}${pos("to", row + rows, col + cols)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(stripIllegalXml(`图表 ${i + 1}`))}" descr="${escapeAttr(stripIllegalXml(rc.model.title))}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" r:id="${escapeAttr(relIds[i])}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${SPREADSHEET_DRAWING_NS}" xmlns:a="${DRAWINGML_NS}" xmlns:r="${REL_NS}">${anchors}</xdr:wsDr>`
  );
}
