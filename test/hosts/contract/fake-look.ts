// The Look of the workbook in the Excel fake, read from its recorded sheet state (nothing of the
// Office host is used): values and number formats as the cells hold them, widths and heights as set
// through format.columnWidth/rowHeight (points, widths turned back into characters), merges,
// drop-downs with their items resolved by the fake, frozen rows, page layout, page breaks,
// conditional formats, hyperlinks, tables and filters, visibility and charts.
import { a1, columnLetters } from "../../../src/engine/grid";
import type { ExcelFake, SheetState } from "../../fakes/excel-fake";
import {
  cellOrder,
  dropDownsOf,
  pageText,
  parseRange,
  rangeText,
  titleRowsOf,
  unquote,
  fontText,
  type CellView,
  type ConditionalLook,
  type Look,
  type PrintLook,
  type RawDropDown,
  type SheetLook,
} from "./looks";

/** Column width in points (Office.js) → characters of the default font (7 px a character + 5 px). */
export function pointsToChars(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}

function printOf(s: SheetState): PrintLook {
  const p = s.page;
  const hf = p.headersFooters ?? {};
  const print: PrintLook = {
    paper: p.paperSize ?? "Letter",
    orientation: (p.orientation ?? "Portrait").toLowerCase() === "landscape" ? "landscape" : "portrait",
    fitToWidth: p.zoom?.horizontalFitToPages === 1 && p.zoom.verticalFitToPages === 0,
    rowBreaks: s.rowBreaks.map((r) => r + 1).sort((x, y) => x - y),
  };
  const rows = titleRowsOf(p.printTitles);
  if (rows) print.titleRows = rows;
  const header = pageText({ left: hf.leftHeader, center: hf.centerHeader, right: hf.rightHeader });
  const footer = pageText({ left: hf.leftFooter, center: hf.centerFooter, right: hf.rightFooter });
  if (header) print.header = header;
  if (footer) print.footer = footer;
  return print;
}

/** `="text"` → text; another formula as written. */
function equalsOf(formula: unknown): string {
  const f = String(formula ?? "");
  return f.startsWith("=") ? unquote(f.slice(1)) : f;
}

function sheetOf(fake: ExcelFake, s: SheetState): SheetLook {
  const cells: Record<string, CellView> = {};
  const fonts: Record<string, string> = {};
  s.values.forEach((row, r) =>
    row?.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      const ref = a1(r, c);
      cells[ref] = { value: v, format: s.format(r, c), formula: fake.isFormula(s.name, ref) };
      const look = fake.lookAt(s.name, ref);
      fonts[ref] = fontText(
        look["font.name"] as string | undefined,
        look["font.size"] as number | undefined,
        look["font.bold"] === true,
      );
    }),
  );
  const columnWidths: Record<string, number> = {};
  for (const [c, pt] of [...s.columnWidths].sort((x, y) => x[0] - y[0]))
    columnWidths[columnLetters(c)] = pointsToChars(pt);
  const rowHeights: Record<string, number> = {};
  for (const [r, pt] of [...s.rowHeights].sort((x, y) => x[0] - y[0])) rowHeights[String(r + 1)] = pt;

  const raw: RawDropDown[] = fake.validations(s.name).map((v) => {
    const d: RawDropDown = { ranges: [parseRange(v.address)] };
    if (v.source !== undefined) d.list = v.items ?? [`<unresolved: ${v.source}>`];
    if (v.prompt?.showPrompt) d.prompt = { title: v.prompt.title ?? "", message: v.prompt.message ?? "" };
    if (v.errorAlert?.showAlert)
      d.error = {
        title: v.errorAlert.title ?? "",
        message: v.errorAlert.message ?? "",
        style: String(v.errorAlert.style ?? "Stop").toLowerCase(),
      };
    return d;
  });

  const conditionals: ConditionalLook[] = s.conditional
    .map((c) => ({
      range: rangeText(parseRange(c.address)),
      equals: equalsOf((c.rule as { formula1?: unknown } | undefined)?.formula1),
    }))
    .sort((x, y) => (x.range < y.range ? -1 : x.range > y.range ? 1 : 0));

  const links = [...fake.hyperlinks(s.name)]
    .map(([cell, h]) => ({ cell, target: h.documentReference ?? h.address ?? "" }))
    .sort((x, y) => cellOrder(x.cell) - cellOrder(y.cell));

  const look: SheetLook = {
    name: s.name,
    hidden: s.visibility !== "Visible",
    cells,
    fonts,
    columnWidths,
    rowHeights,
    merges: s.merges.map(rangeText).sort(),
    dropDowns: dropDownsOf(raw),
    freezeRows: s.frozenRows,
    print: printOf(s),
    conditionals,
    links,
    charts: fake
      .charts(s.name)
      .map((c) => ({ title: c.title ?? "", series: c.series.map((x) => x.name ?? "") })),
  };
  if (s.tables.length) look.table = s.tables.map((t) => rangeText(parseRange(t.address))).join(" ");
  if (s.autoFilter) look.autoFilter = rangeText(parseRange(s.autoFilter));
  return look;
}

/** Reads every sheet of the fake's workbook into a Look. */
export function lookOfFake(fake: ExcelFake): Look {
  return { date1904: fake.use1904, sheets: fake.sheets.map((s) => sheetOf(fake, s)) };
}
