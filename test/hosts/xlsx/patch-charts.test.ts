// Charts in patched packages: a drawing part per sheet with charts, a chart part per chart (series
// formulas into the data sheet, with value and category caches), their relationships and content
// types; schema order; source parts byte for byte; ExcelJS loads the file; LibreOffice reads it and
// keeps the charts when it saves it again; a re-run replaces the charts with their sheets.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { patchWorkbook, SheetModelError } from "../../../src/hosts/xlsx/patch";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import { writeSheetModels } from "../../../src/hosts/xlsx/write";
import { decodeEntities } from "../../../src/hosts/xlsx/xml";
import { attrsOf, childrenOf, rootElement, type XmlSpan } from "../../../src/hosts/xlsx/xml-edit";
import type { SheetModel } from "../../../src/report/sheet-model";
import { ORG_SCORES, orgScoresModel, PROGRESS, progressModel } from "../chart-models";
import { csvOf, expectOrder, libreOffice, parts, text, WORKSHEET_ORDER } from "./patch-helpers";

const REPLACE = [ORG_SCORES, PROGRESS, "校验结果"];
const NOW = new Date(2012, 10, 8, 9, 30, 0);
const REWRITTEN = new Set([
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
  "xl/styles.xml",
]);
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

const SOURCE: SheetModel[] = [
  {
    name: "党员",
    columns: [
      { header: "党员编号", format: "text" },
      { header: "姓名", format: "text" },
    ],
    rows: [["DY001", "张三"]],
    table: true,
  },
];

// ---------------------------------------------------------------------------------------------
// A small element tree over the project's XML span scanner (which throws on markup that does not nest)

interface El {
  name: string;
  local: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

function tree(xml: string, span: XmlSpan = rootElement(xml)): El {
  const children = childrenOf(xml, span).map((c) => tree(xml, c));
  return {
    name: span.name,
    local: span.local,
    attrs: Object.fromEntries(attrsOf(xml, span).map((a) => [a.name, a.value])),
    children,
    text: children.length || span.selfClosing ? "" : decodeEntities(xml.slice(span.openEnd, span.innerEnd)),
  };
}

/** The first descendant (depth first) with this local name, or a child path "a/b/c". */
function find(el: El, path: string): El {
  let cur: El | undefined = el;
  for (const step of path.split("/")) {
    const here: El = cur!;
    cur = here.children.find((c) => c.local === step) ?? deep(here, step);
    if (!cur) throw new Error(`no <${step}> under <${here.name}>`);
  }
  return cur!;
}
function deep(el: El, local: string): El | undefined {
  for (const c of el.children) {
    if (c.local === local) return c;
    const d = deep(c, local);
    if (d) return d;
  }
  return undefined;
}
const all = (el: El, local: string): El[] =>
  el.children.flatMap((c) => (c.local === local ? [c, ...all(c, local)] : all(c, local)));
const val = (el: El, local: string) => el.children.find((c) => c.local === local)?.attrs.val;

/** Children in schema order (names not in the list are an error). */
function expectChildOrder(el: El, order: string[]): void {
  let last = -1;
  for (const c of el.children) {
    const i = order.indexOf(c.local);
    if (i < 0) throw new Error(`unexpected <${c.name}> in <${el.name}>`);
    if (i < last) throw new Error(`<${c.name}> out of order in <${el.name}>`);
    last = i;
  }
}

const ORDER = {
  chartSpace: [
    "date1904",
    "lang",
    "roundedCorners",
    "AlternateContent",
    "style",
    "clrMapOvr",
    "pivotSource",
    "protection",
    "chart",
    "spPr",
    "txPr",
    "externalData",
    "printSettings",
    "userShapes",
    "extLst",
  ],
  chart: [
    "title",
    "autoTitleDeleted",
    "pivotFmts",
    "view3D",
    "floor",
    "sideWall",
    "backWall",
    "plotArea",
    "legend",
    "plotVisOnly",
    "dispBlanksAs",
    "showDLblsOverMax",
    "extLst",
  ],
  title: ["tx", "layout", "overlay", "spPr", "txPr", "extLst"],
  plotArea: ["layout", "barChart", "catAx", "valAx", "dTable", "spPr", "extLst"],
  barChart: [
    "barDir",
    "grouping",
    "varyColors",
    "ser",
    "dLbls",
    "gapWidth",
    "overlap",
    "serLines",
    "axId",
    "extLst",
  ],
  ser: [
    "idx",
    "order",
    "tx",
    "spPr",
    "invertIfNegative",
    "pictureOptions",
    "dPt",
    "dLbls",
    "trendline",
    "errBars",
    "cat",
    "val",
    "shape",
    "extLst",
  ],
  catAx: [
    "axId",
    "scaling",
    "delete",
    "axPos",
    "majorGridlines",
    "minorGridlines",
    "title",
    "numFmt",
    "majorTickMark",
    "minorTickMark",
    "tickLblPos",
    "spPr",
    "txPr",
    "crossAx",
    "crosses",
    "crossesAt",
    "auto",
    "lblAlgn",
    "lblOffset",
    "tickLblSkip",
    "tickMarkSkip",
    "noMultiLvlLbl",
    "extLst",
  ],
  valAx: [
    "axId",
    "scaling",
    "delete",
    "axPos",
    "majorGridlines",
    "minorGridlines",
    "title",
    "numFmt",
    "majorTickMark",
    "minorTickMark",
    "tickLblPos",
    "spPr",
    "txPr",
    "crossAx",
    "crosses",
    "crossesAt",
    "crossBetween",
    "majorUnit",
    "minorUnit",
    "dispUnits",
    "extLst",
  ],
  scaling: ["logBase", "orientation", "max", "min", "extLst"],
  legend: ["legendPos", "legendEntry", "layout", "overlay", "spPr", "txPr", "extLst"],
  numCache: ["formatCode", "ptCount", "pt", "extLst"],
  strCache: ["ptCount", "pt", "extLst"],
};

function expectChartSchemaOrder(space: El): void {
  expectChildOrder(space, ORDER.chartSpace);
  const chart = find(space, "chart");
  expectChildOrder(chart, ORDER.chart);
  expectChildOrder(find(chart, "title"), ORDER.title);
  expectChildOrder(find(chart, "plotArea"), ORDER.plotArea);
  expectChildOrder(find(chart, "legend"), ORDER.legend);
  const bar = find(chart, "plotArea/barChart");
  expectChildOrder(bar, ORDER.barChart);
  for (const s of all(bar, "ser")) expectChildOrder(s, ORDER.ser);
  for (const ax of ["catAx", "valAx"] as const) {
    const a = find(chart, `plotArea/${ax}`);
    expectChildOrder(a, ORDER[ax]);
    expectChildOrder(find(a, "scaling"), ORDER.scaling);
  }
  for (const c of all(space, "numCache")) expectChildOrder(c, ORDER.numCache);
  for (const c of all(space, "strCache")) expectChildOrder(c, ORDER.strCache);
}

// ---------------------------------------------------------------------------------------------

/** Parts reached from a sheet (by name) through relationships: worksheet → drawing → charts. */
function chartPartsOf(bytes: Uint8Array, sheet: string) {
  const wb = text(bytes, "xl/workbook.xml");
  const rid = new RegExp(`<sheet name="${sheet}" sheetId="\\d+"[^>]* r:id="(rId\\d+)"`).exec(wb)![1];
  const wbRels = text(bytes, "xl/_rels/workbook.xml.rels");
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(wbRels)![1];
  const sheetPart = `xl/${target}`;
  const sheetName = sheetPart.slice(sheetPart.lastIndexOf("/") + 1);
  const sheetRels = text(bytes, `xl/worksheets/_rels/${sheetName}.rels`);
  const xml = text(bytes, sheetPart);
  const drawingRid = /<drawing r:id="([^"]+)"\/>/.exec(xml)?.[1];
  const drawingTarget = new RegExp(
    `Id="${drawingRid}" Type="[^"]*/drawing" Target="\\.\\./drawings/([^"]+)"`,
  ).exec(sheetRels)?.[1];
  const drawing = `xl/drawings/${drawingTarget}`;
  const drawingRels = text(bytes, `xl/drawings/_rels/${drawingTarget}.rels`);
  const charts = [
    ...drawingRels.matchAll(/Id="([^"]+)" Type="[^"]*\/chart" Target="\.\.\/charts\/([^"]+)"/g),
  ].map((m) => ({ rid: m[1], part: `xl/charts/${m[2]}` }));
  return { sheetPart, xml, sheetRels, drawingRid, drawing, charts };
}

const tmp = mkdtempSync(join(tmpdir(), "pl-charts-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("charts in a patched ledger", () => {
  let original: Uint8Array;
  let patched: Uint8Array;
  beforeAll(async () => {
    original = await writeSheetModels(SOURCE, { definedNames: { PL_TEMPLATE_VERSION: "1.0" } });
    patched = patchWorkbook(original, [orgScoresModel(), progressModel(3)], { replace: REPLACE, now: NOW });
  });

  test("进度督查: worksheet → drawing → chart, with <drawing> in CT_Worksheet order and content types", () => {
    const p = chartPartsOf(patched, PROGRESS);
    expectOrder(p.xml, WORKSHEET_ORDER);
    expect(p.xml).toMatch(/<pageSetup [^>]*\/><drawing r:id="rId2"\/><tableParts count="1">/);
    expect(p.sheetRels).toContain(
      'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table"',
    );
    expect(p.charts).toHaveLength(1);
    const ct = text(patched, "[Content_Types].xml");
    expect(ct).toContain(`<Override PartName="/${p.drawing}" ContentType="${CT_DRAWING}"/>`);
    expect(ct).toContain(`<Override PartName="/${p.charts[0].part}" ContentType="${CT_CHART}"/>`);
    // the drawing: one two-cell anchor, A8 spanning 10 columns × 18 rows, a frame pointing at the chart
    const d = tree(text(patched, p.drawing));
    expect(d.local).toBe("wsDr");
    const anchors = all(d, "twoCellAnchor");
    expect(anchors).toHaveLength(1);
    const pos = (tag: string) =>
      ["col", "colOff", "row", "rowOff"].map((k) => Number(find(anchors[0], `${tag}/${k}`).text));
    expect(pos("from")).toEqual([0, 0, 7, 0]);
    expect(pos("to")).toEqual([10, 0, 25, 0]);
    expect(find(anchors[0], "graphicData").attrs.uri).toBe(
      "http://schemas.openxmlformats.org/drawingml/2006/chart",
    );
    expect(find(anchors[0], "graphicData/chart").attrs["r:id"]).toBe(p.charts[0].rid);
    expect(find(anchors[0], "clientData")).toBeDefined();
  });

  test("the clustered percent chart: formulas into 进度督查, caches, axes, legend, title", () => {
    const { charts } = chartPartsOf(patched, PROGRESS);
    const space = tree(text(patched, charts[0].part));
    expectChartSchemaOrder(space);
    expect(val(space, "roundedCorners")).toBe("0");
    const chart = find(space, "chart");
    expect(all(find(chart, "title"), "t").map((t) => t.text)).toEqual(["各单位季度点评与群众评议覆盖率"]);
    const bar = find(chart, "plotArea/barChart");
    expect([val(bar, "barDir"), val(bar, "grouping")]).toEqual(["col", "clustered"]);
    expect(val(bar, "overlap")).not.toBe("100");
    const series = all(bar, "ser");
    expect(series).toHaveLength(2);
    const s = series.map((x) => ({
      name: find(x, "tx/strRef/f").text,
      nameCache: find(x, "tx/strRef/strCache/pt/v").text,
      cat: find(x, "cat/strRef/f").text,
      cats: all(find(x, "cat"), "v").map((v) => v.text),
      catCount: val(find(x, "cat/strRef/strCache"), "ptCount"),
      values: find(x, "val/numRef/f").text,
      format: find(x, "val/numRef/numCache/formatCode").text,
      count: val(find(x, "val/numRef/numCache"), "ptCount"),
      pts: all(find(x, "val"), "pt").map((pt) => [pt.attrs.idx, find(pt, "v").text]),
    }));
    expect(s).toEqual([
      {
        name: "'进度督查'!$D$3",
        nameCache: "季度点评覆盖率",
        cat: "'进度督查'!$B$4:$B$6",
        cats: ["历城区洪家楼街道党工委", "历城区王舍人街道党工委", "历城区财政局党委"],
        catCount: "3",
        values: "'进度督查'!$D$4:$D$6",
        format: "0.0%",
        count: "3",
        // the blank rate of the second unit is a gap, not a zero
        pts: [
          ["0", "0.25"],
          ["2", "0.75"],
        ],
      },
      {
        name: "'进度督查'!$E$3",
        nameCache: "群众评议覆盖率",
        cat: "'进度督查'!$B$4:$B$6",
        cats: ["历城区洪家楼街道党工委", "历城区王舍人街道党工委", "历城区财政局党委"],
        catCount: "3",
        values: "'进度督查'!$E$4:$E$6",
        format: "0.0%",
        count: "3",
        pts: [
          ["0", "1"],
          ["1", String(1 - 1 / 6)],
          ["2", String(1 - 2 / 6)],
        ],
      },
    ]);
    // the two axes cross each other; the value axis is in percent, 0 … 100%
    const cat = find(chart, "plotArea/catAx");
    const value = find(chart, "plotArea/valAx");
    expect(bar.children.filter((c) => c.local === "axId").map((c) => c.attrs.val)).toEqual([
      val(cat, "axId"),
      val(value, "axId"),
    ]);
    expect(val(cat, "crossAx")).toBe(val(value, "axId"));
    expect(val(value, "crossAx")).toBe(val(cat, "axId"));
    expect(find(value, "numFmt").attrs).toEqual({ formatCode: "0%", sourceLinked: "0" });
    expect([val(find(value, "scaling"), "min"), val(find(value, "scaling"), "max")]).toEqual(["0", "1"]);
    expect(val(find(chart, "legend"), "legendPos")).toBe("b");
    // the cells the formulas name hold what the caches say
    const g = readXlsx(patched).sheets.find((x) => x.name === PROGRESS)!;
    expect(g.rows[2]!.slice(3, 5)).toEqual(["季度点评覆盖率", "群众评议覆盖率"]);
    expect(g.rows.slice(3, 6).map((r) => [r![1], r![3] ?? null])).toEqual([
      ["历城区洪家楼街道党工委", 0.25],
      ["历城区王舍人街道党工委", null],
      ["历城区财政局党委", 0.75],
    ]);
  });

  test("考评结果-组织: a stacked chart (overlap 100) of 进度督查's grade counts", () => {
    const p = chartPartsOf(patched, ORG_SCORES);
    expectOrder(p.xml, WORKSHEET_ORDER);
    const space = tree(text(patched, p.charts[0].part));
    expectChartSchemaOrder(space);
    const bar = find(space, "plotArea/barChart");
    expect([val(bar, "barDir"), val(bar, "grouping"), val(bar, "overlap")]).toEqual([
      "col",
      "stacked",
      "100",
    ]);
    const series = all(bar, "ser");
    expect(series.map((x) => find(x, "tx/strRef/f").text)).toEqual([
      "'进度督查'!$F$3",
      "'进度督查'!$G$3",
      "'进度督查'!$H$3",
    ]);
    expect(series.map((x) => find(x, "val/numRef/f").text)).toEqual([
      "'进度督查'!$F$4:$F$6",
      "'进度督查'!$G$4:$G$6",
      "'进度督查'!$H$4:$H$6",
    ]);
    expect(all(find(series[0], "val"), "v").map((v) => v.text)).toEqual(["1", "2", "3"]);
    // without colours in the model: the palette
    expect(series.map((x) => find(x, "spPr/solidFill/srgbClr").attrs.val)).toEqual([
      "4472C4",
      "ED7D31",
      "A5A5A5",
    ]);
    expect(find(find(space, "valAx"), "numFmt").attrs.sourceLinked).toBe("1");
    const from = all(tree(text(patched, p.drawing)), "from")[0];
    expect([find(from, "col").text, find(from, "row").text]).toEqual(["5", "1"]); // F2
    // two sheets with charts: distinct drawings and charts
    const q = chartPartsOf(patched, PROGRESS);
    expect(new Set([p.drawing, q.drawing, p.charts[0].part, q.charts[0].part]).size).toBe(4);
  });

  test("the source parts are byte-identical", () => {
    const before = parts(original);
    const after = parts(patched);
    for (const [name, part] of before) {
      if (REWRITTEN.has(name)) continue;
      const q = after.get(name)!;
      expect({ name, same: Buffer.compare(Buffer.from(q.raw), Buffer.from(part.raw)) }).toEqual({
        name,
        same: 0,
      });
    }
  });

  test("ExcelJS still loads the file", async () => {
    const x = new ExcelJS.Workbook();
    await x.xlsx.load(patched as unknown as ArrayBuffer);
    expect(x.getWorksheet(PROGRESS)!.getCell("B4").value).toBe("历城区洪家楼街道党工委");
    expect(x.getWorksheet(ORG_SCORES)!.getCell("A2").value).toBe("O001");
  });

  test("LibreOffice reads the file, and keeps both charts (with their ranges) when it saves it again", () => {
    const file = join(tmp, "charts.xlsx");
    writeFileSync(file, patched);
    const csv = libreOffice([file], "csv");
    expect(csvOf(csv, file, PROGRESS)[3].slice(0, 5)).toEqual([
      "U01",
      "历城区洪家楼街道党工委",
      "✓",
      "25.0%",
      "100.0%",
    ]);
    const resaved = libreOffice([file], "xlsx").get("charts.xlsx") as Uint8Array;
    const names = [...parts(resaved).keys()];
    const chartParts = names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(chartParts).toHaveLength(2);
    const xml = chartParts.map((n) => text(resaved, n)).join("\n");
    expect(xml).toContain("各单位季度点评与群众评议覆盖率");
    expect(xml).toContain("各单位基层党组织考评等次分布（第三时段）");
    expect(xml).toMatch(/<c:f>'?进度督查'?!\$D\$4:\$D\$6<\/c:f>/);
    expect(xml).toMatch(/<c:f>'?进度督查'?!\$B\$4:\$B\$6<\/c:f>/);
    expect(xml).toMatch(/<c:grouping val="stacked"\/>/);
  });

  test("a re-run replaces the charts: the old drawing and chart parts go with their sheets", () => {
    const again = patchWorkbook(patched, [orgScoresModel(), progressModel(4, "·二")], {
      replace: REPLACE,
      now: NOW,
    });
    const p1 = [...parts(patched).keys()].sort();
    const p2 = [...parts(again).keys()].sort();
    expect(p2).toEqual(p1); // the freed names are reused, nothing is left behind or duplicated
    const charts = p2.filter((n) => n.startsWith("xl/charts/"));
    expect(charts).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
    const ct = text(again, "[Content_Types].xml");
    for (const n of p2.filter((x) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(x)))
      expect({ n, count: ct.split(`PartName="/${n}"`).length - 1 }).toEqual({ n, count: 1 });
    const { charts: cs } = chartPartsOf(again, PROGRESS);
    const xml = text(again, cs[0].part);
    expect(xml).toContain("<c:f>'进度督查'!$B$4:$B$7</c:f>");
    expect(xml).toContain("历城区教育局党委·二");
    // without models: every chart and drawing part goes with the sheets
    const cleaned = patchWorkbook(again, [], { replace: REPLACE, now: NOW });
    expect([...parts(cleaned).keys()].sort()).toEqual([...parts(original).keys()].sort());
    expect(text(cleaned, "[Content_Types].xml")).not.toMatch(/drawing|chart/);
  });
});

test("series colours from the model (否决 red) fill each series", async () => {
  const org = orgScoresModel();
  org.charts![0].colors = ["70AD47", "4472C4", "C00000"];
  const out = patchWorkbook(await writeSheetModels(SOURCE), [org, progressModel(3)], {
    replace: REPLACE,
    now: NOW,
  });
  const space = tree(text(out, chartPartsOf(out, ORG_SCORES).charts[0].part));
  expect(
    all(find(space, "plotArea/barChart"), "ser").map((x) => find(x, "spPr/solidFill/srgbClr").attrs.val),
  ).toEqual(["70AD47", "4472C4", "C00000"]);
});

describe("part names, sheet names, and charts that cannot be drawn", () => {
  test("new drawings and charts do not take the names of the workbook's own (kept byte for byte)", async () => {
    const ownChart: SheetModel = { ...progressModel(2), name: "自制图表" };
    const original = patchWorkbook(await writeSheetModels(SOURCE), [ownChart], { replace: [], now: NOW });
    const own = chartPartsOf(original, "自制图表");
    expect([own.drawing, own.charts[0].part]).toEqual(["xl/drawings/drawing1.xml", "xl/charts/chart1.xml"]);
    const patched = patchWorkbook(original, [orgScoresModel(), progressModel(3)], {
      replace: REPLACE,
      now: NOW,
    });
    const before = parts(original);
    const after = parts(patched);
    for (const n of [own.drawing, own.charts[0].part, "xl/drawings/_rels/drawing1.xml.rels", own.sheetPart])
      expect({
        n,
        same: Buffer.compare(Buffer.from(after.get(n)!.raw), Buffer.from(before.get(n)!.raw)),
      }).toEqual({
        n,
        same: 0,
      });
    const a = chartPartsOf(patched, ORG_SCORES);
    const b = chartPartsOf(patched, PROGRESS);
    expect([a.drawing, b.drawing]).toEqual(["xl/drawings/drawing2.xml", "xl/drawings/drawing3.xml"]);
    expect([a.charts[0].part, b.charts[0].part]).toEqual(["xl/charts/chart2.xml", "xl/charts/chart3.xml"]);
    // the workbook's own chart still points at its own sheet
    expect(text(patched, own.charts[0].part)).toContain("<c:f>'自制图表'!$D$4:$D$5</c:f>");
  });

  test("sheet names are quoted (and escaped) in the series formulas; a sheet without a table gets rId1", () => {
    const data: SheetModel = {
      name: "R&D's 表",
      columns: [{ header: "单位" }, { header: "数<量>", format: "integer" }],
      rows: [
        ["甲", 1],
        ["乙", 2],
      ],
      charts: [
        {
          title: "a<b & c",
          kind: "bar",
          categoryCol: 0,
          seriesCols: [1],
          anchor: { cell: "D2", cols: 4, rows: 8 },
        },
      ],
    };
    const patched = patchWorkbook(readySource, [data], { replace: [], now: NOW });
    const p = chartPartsOf(patched, "R&amp;D's 表");
    expect(p.drawingRid).toBe("rId1");
    const xml = text(patched, p.charts[0].part);
    expect(xml).toContain("<c:f>'R&amp;D''s 表'!$A$2:$A$3</c:f>");
    expect(xml).toContain("<c:f>'R&amp;D''s 表'!$B$1</c:f>");
    expect(xml).toContain("<c:v>数&lt;量&gt;</c:v>");
    expect(xml).toContain("<a:t>a&lt;b &amp; c</a:t>");
    const space = tree(xml);
    expectChartSchemaOrder(space);
    expect(val(find(space, "barChart"), "barDir")).toBe("bar");
  });

  test("no drawing for a chart whose data sheet is not in the batch or has no rows; bad columns throw", () => {
    const alone = patchWorkbook(readySource, [orgScoresModel()], { replace: REPLACE, now: NOW });
    expect([...parts(alone).keys()].filter((n) => /drawing|chart/.test(n))).toEqual([]);
    const empty = patchWorkbook(readySource, [{ ...progressModel(3), rows: [] }], {
      replace: REPLACE,
      now: NOW,
    });
    expect([...parts(empty).keys()].filter((n) => /drawing|chart/.test(n))).toEqual([]);
    expect(text(empty, "xl/worksheets/sheet2.xml")).not.toContain("<drawing");
    const bad = progressModel(3);
    bad.charts = [{ ...bad.charts![0], seriesCols: [3, 8] }];
    expect(() => patchWorkbook(readySource, [bad], { replace: REPLACE })).toThrow(SheetModelError);
    bad.charts = [{ ...bad.charts![0], seriesCols: [3], anchor: { cell: "第1行", cols: 1, rows: 1 } }];
    expect(() => patchWorkbook(readySource, [bad], { replace: REPLACE })).toThrow(SheetModelError);
  });
});

let readySource: Uint8Array;
beforeAll(async () => {
  readySource = await writeSheetModels(SOURCE);
});
