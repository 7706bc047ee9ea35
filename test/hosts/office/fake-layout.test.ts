// The Excel fake's layout calls — the exact Office.js calls a sheet plan is translated into — are
// recorded in sheet state, follow requirement sets, are counted in request bytes, and read back as a
// Look (test/hosts/contract/fake-look.ts) with the plan's units.
import { CALL_OVERHEAD, ExcelFake, FakeRichApiError } from "../../fakes/excel-fake";
import { lookOfFake, pointsToChars } from "../contract/fake-look";
import { sheetLook } from "../contract/looks";

type Run = (batch: (ctx: Excel.RequestContext) => Promise<void>) => Promise<void>;

const EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
] as const;

function newFake(apiMinor = 16): ExcelFake {
  return new ExcelFake({ apiMinor, sheets: [{ name: "党员", values: [["编号"], ["M001"]] }] });
}

/** A result sheet laid out as a plan asks, under temporary names, then renamed as the host does. */
async function laidOut(): Promise<ExcelFake> {
  const fake = newFake();
  const run = fake.run as Run;
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.add("_PL_tmp_x_1");
    const lists = ctx.workbook.worksheets.add("_PL_tmp_x_2");
    lists.getRange("A1:A3").numberFormat = [["@"], ["@"], ["@"]];
    lists.getRange("A1:A3").values = [["第一支部"], ["第二支部"], ["0531"]];
    ws.getRange("A1").format.columnWidth = 66.75; // 12 characters
    ws.getRange("B1").format.columnWidth = 48.75; // 8.57 characters
    ws.getRange("A1:D1").format.rowHeight = 30;
    ws.getRange("A1:D1").merge(false);
    const head = ws.getRange("A3:D3");
    head.format.font.bold = true;
    head.format.font.size = 16;
    head.format.font.color = "#0563C1";
    head.format.font.underline = "Single";
    head.format.fill.color = "#DDEBF7";
    head.format.horizontalAlignment = "Center";
    head.format.verticalAlignment = "Center";
    head.format.wrapText = true;
    for (const e of EDGES) {
      const b = ws.getRange("A3:D5").format.borders.getItem(e);
      b.style = "Continuous";
      b.color = "#8EA9C1";
    }
    const dv = ws.getRange("B4:B2003").dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: "正式党员,预备党员" } };
    dv.prompt = { showPrompt: true, title: "身份", message: "从列表中选择" };
    dv.errorAlert = { showAlert: true, style: "Stop", title: "输入有误", message: "请从下拉列表中选择" };
    ws.getRange("C4:C2003").dataValidation.rule = {
      list: { inCellDropDown: true, source: "='_PL_tmp_x_2'!$A$1:$A$3" },
    };
    // text without "=" is a literal list, whatever it looks like
    ws.getRange("D4:D2003").dataValidation.rule = { list: { inCellDropDown: true, source: '"甲,乙"' } };
    ws.freezePanes.freezeRows(3);
    const page = ws.pageLayout;
    page.paperSize = "A4";
    page.orientation = "Landscape";
    page.setPrintTitleRows("$3:$3");
    page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    page.headersFooters.defaultForAllPages.centerHeader = "第 &P 页 共 &N 页";
    page.headersFooters.defaultForAllPages.leftFooter = "历城区";
    page.headersFooters.defaultForAllPages.rightFooter = "&D";
    ws.horizontalPageBreaks.add("A12");
    ws.horizontalPageBreaks.add(ws.getRange("A20:D20") as unknown as Excel.Range);
    await ctx.sync();
    ws.name = "结果";
    lists.name = "_PL_lists";
    lists.visibility = "Hidden";
  });
  return fake;
}

test("layout calls are recorded in sheet state: heights, fonts, alignment, borders per cell side", async () => {
  const fake = await laidOut();
  const s = fake.sheet("结果");
  expect([...s.rowHeights]).toEqual([[0, 30]]);
  expect([...s.columnWidths]).toEqual([
    [0, 66.75],
    [1, 48.75],
  ]);
  expect(fake.lookAt("结果", "B3")).toMatchObject({
    "font.bold": true,
    "font.size": 16,
    "font.color": "#0563C1",
    "font.underline": "Single",
    horizontalAlignment: "Center",
    verticalAlignment: "Center",
    wrapText: true,
  });
  expect(fake.fillAt("结果", "B3")?.color).toBe("#DDEBF7");
  const sides = (ref: string) =>
    Object.entries(fake.lookAt("结果", ref))
      .filter(([k]) => k.startsWith("border.") && k.endsWith(".style"))
      .map(([k]) => k.split(".")[1])
      .sort();
  // every cell of the bordered range has all four sides, from the edges or the inner lines
  for (const ref of ["A3", "B4", "D5", "C3", "A5"])
    expect(sides(ref)).toEqual(["bottom", "left", "right", "top"]);
  expect(fake.lookAt("结果", "B4")["border.left.color"]).toBe("#8EA9C1");
  expect(sides("E5")).toEqual([]);
  expect(sides("A6")).toEqual([]);
});

test("drop-downs: rule, prompt and error alert; a range source follows the lists sheet's rename", async () => {
  const fake = await laidOut();
  expect(fake.validations("结果")).toEqual([
    {
      address: "B4:B2003",
      source: "正式党员,预备党员",
      items: ["正式党员", "预备党员"],
      prompt: { showPrompt: true, title: "身份", message: "从列表中选择" },
      errorAlert: { showAlert: true, style: "Stop", title: "输入有误", message: "请从下拉列表中选择" },
    },
    { address: "C4:C2003", source: "=_PL_lists!A1:A3", items: ["第一支部", "第二支部", "0531"] },
    { address: "D4:D2003", source: '"甲,乙"', items: ['"甲', '乙"'] },
  ]);
  // the referenced sheet deleted: the reference is #REF!
  const run = fake.run as Run;
  await run(async (ctx) => ctx.workbook.worksheets.getItem("_PL_lists").delete());
  expect(fake.validations("结果")[1]).toEqual({ address: "C4:C2003", source: "=#REF!" });
});

test("page layout: paper, orientation, print titles, zoom, header/footer texts and page breaks", async () => {
  const fake = await laidOut();
  const s = fake.sheet("结果");
  expect(s.page).toEqual({
    paperSize: "A4",
    orientation: "Landscape",
    printTitles: "$3:$3",
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    headersFooters: { centerHeader: "第 &P 页 共 &N 页", leftFooter: "历城区", rightFooter: "&D" },
  });
  expect(s.rowBreaks).toEqual([11, 19]);
  expect(s.frozenRows).toBe(3);
});

test("the Look of the fake: plan units (characters, 1-based rows), resolved lists, print setup", async () => {
  const look = lookOfFake(await laidOut());
  const s = sheetLook(look, "结果");
  expect(s.columnWidths).toEqual({ A: 12, B: 8.57 });
  expect(pointsToChars(66.75)).toBe(12);
  expect(s.rowHeights).toEqual({ "1": 30 });
  expect(s.merges).toEqual(["A1:D1"]);
  expect(s.freezeRows).toBe(3);
  expect(s.dropDowns).toEqual([
    {
      col: "B",
      firstRow: 4,
      lastRow: 2003,
      list: ["正式党员", "预备党员"],
      prompt: { title: "身份", message: "从列表中选择" },
      error: { title: "输入有误", message: "请从下拉列表中选择", style: "stop" },
    },
    { col: "C", firstRow: 4, lastRow: 2003, list: ["第一支部", "第二支部", "0531"] },
    { col: "D", firstRow: 4, lastRow: 2003, list: ['"甲', '乙"'] },
  ]);
  expect(s.print).toEqual({
    paper: "A4",
    orientation: "landscape",
    fitToWidth: true,
    titleRows: "$3:$3",
    header: { center: "第 &P 页 共 &N 页" },
    footer: { left: "历城区", right: "&D" },
    rowBreaks: [12, 20],
  });
  expect(sheetLook(look, "_PL_lists").hidden).toBe(true);
  expect(sheetLook(look, "_PL_lists").cells.A3).toEqual({ value: "0531", format: "@", formula: false });
});

test("the new calls are counted in request bytes like the others", async () => {
  const fake = newFake();
  const run = fake.run as Run;
  const alert: Excel.DataValidationErrorAlert = {
    showAlert: true,
    style: "Stop",
    title: "输入有误",
    message: "请从下拉列表中选择：正式党员、预备党员",
  };
  const zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("党员");
    ws.getRange("B2:B2001").dataValidation.errorAlert = alert;
    ws.pageLayout.zoom = zoom;
    ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = "第 &P 页";
    ws.horizontalPageBreaks.add("A12");
    ws.getRange("A1:B1").format.borders.getItem("EdgeTop").style = "Continuous";
    ws.getRange("A1").format.rowHeight = 30;
  });
  const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), "utf8");
  expect(fake.syncs).toHaveLength(1);
  expect(fake.syncs[0].calls).toBe(6);
  expect(fake.syncs[0].requestBytes).toBe(
    6 * CALL_OVERHEAD +
      bytes(alert) +
      bytes({ zoom }) +
      bytes({ centerFooter: "第 &P 页" }) +
      bytes("A12") +
      bytes({ EdgeTop: { style: "Continuous" } }) +
      bytes({ rowHeight: 30 }),
  );
});

test("requirement sets: below the set the call throws ApiNotFound, as Excel does", async () => {
  const attempt = async (minor: number, call: (ws: Excel.Worksheet) => void) => {
    const fake = newFake(minor);
    const run = fake.run as Run;
    return run(async (ctx) => call(ctx.workbook.worksheets.getItem("党员"))).then(
      () => "ok",
      (e: FakeRichApiError) => e.code,
    );
  };
  const errorAlert = (ws: Excel.Worksheet) =>
    (ws.getRange("A2").dataValidation.errorAlert = {
      showAlert: true,
      style: "Stop",
      title: "t",
      message: "m",
    });
  const pageBreak = (ws: Excel.Worksheet) => ws.horizontalPageBreaks.add("A5");
  const zoom = (ws: Excel.Worksheet) =>
    (ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 });
  const rowHeight = (ws: Excel.Worksheet) => (ws.getRange("A1").format.rowHeight = 30);
  const border = (ws: Excel.Worksheet) =>
    (ws.getRange("A1").format.borders.getItem("EdgeTop").style = "Continuous");
  const font = (ws: Excel.Worksheet) => (ws.getRange("A1").format.font.underline = "Single");
  expect(await attempt(7, errorAlert)).toBe("ApiNotFound");
  expect(await attempt(8, errorAlert)).toBe("ok");
  expect(await attempt(8, pageBreak)).toBe("ApiNotFound");
  expect(await attempt(9, pageBreak)).toBe("ok");
  expect(await attempt(8, zoom)).toBe("ApiNotFound");
  expect(await attempt(9, zoom)).toBe("ok");
  expect(await attempt(1, rowHeight)).toBe("ApiNotFound");
  expect(await attempt(2, rowHeight)).toBe("ok");
  expect(await attempt(1, border)).toBe("ok");
  expect(await attempt(1, font)).toBe("ok");
});

test("strict where Excel is strict: a list on a missing sheet, a break above row 1, an unknown border", async () => {
  const fail = async (call: (ws: Excel.Worksheet) => void) => {
    const fake = newFake();
    const run = fake.run as Run;
    return run(async (ctx) => call(ctx.workbook.worksheets.getItem("党员"))).then(
      () => "ok",
      (e: FakeRichApiError) => e.code,
    );
  };
  expect(
    await fail(
      (ws) =>
        (ws.getRange("A2:A9").dataValidation.rule = {
          list: { inCellDropDown: true, source: "='没有'!$A$1:$A$3" },
        }),
    ),
  ).toBe("InvalidArgument");
  expect(await fail((ws) => ws.horizontalPageBreaks.add("A1"))).toBe("InvalidArgument");
  expect(
    await fail(
      (ws) =>
        (ws.getRange("A1").format.borders.getItem("EdgeMiddle" as Excel.BorderIndex).style = "Continuous"),
    ),
  ).toBe("InvalidArgument");
});
