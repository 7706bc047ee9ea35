// Charts of result sheets (SheetModel.charts) as package parts: which data rows each chart draws
// (shared with the Office host), the DrawingML chart part (c:chartSpace with a bar chart, both axes,
// a bottom legend and a rich-text title) and the sheet's drawing part that anchors the charts.
//
// Every series refers to the cells of its data sheet ('进度督查'!$T$5:$T$34) and carries a cache of
// the values and categories, so a reader that does not recalculate (a viewer, LibreOffice on load)
// still draws the chart.
import { NUMBER_FORMAT_CODES } from "../../report/sheet-model";
import {
  categoryTexts,
  columnRef,
  PALETTE,
  seriesName,
  seriesValues,
  valueAxisBounds,
  type ResolvedChart,
} from "../../report/chart-plan";
import { escapeAttr, escapeText, stripIllegalXml } from "./xml-edit";

export const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const DRAWINGML_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const SPREADSHEET_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

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
