// Requirement sets detected at run time: a missing optional set degrades with a visible note, never
// an exception; and the probe itself is guarded outside Office.
import { capabilitiesOf, detectCapabilities } from "../../../src/hosts/office";
import type { SheetModel } from "../../../src/report/sheet-model";
import { newFake, officeHostOver, opsOf } from "./helpers";

const MODEL: SheetModel = {
  name: "考评结果-组织",
  columns: [
    { header: "组织编号", format: "text" },
    { header: "等次", format: "text", list: ["优秀", "良好"], hint: "从列表中选择" },
  ],
  rows: [
    ["O001", "优秀"],
    ["O002", "良好"],
  ],
  hyperlinks: [{ row: 0, col: 0, target: "'党员'!A2" }],
  conditional: [{ fromCol: 1, toCol: 1, equals: "优秀", style: "good" }],
  freezeHeader: true,
  table: true,
  print: { landscape: true, repeatHeader: true },
};

test("ExcelApi 1.16: links, conditional formats, drop-downs, frozen header and print setup are written", async () => {
  const fake = newFake({ apiMinor: 16 });
  const host = officeHostOver(fake);
  await host.writeSheets([MODEL], { replace: [MODEL.name] });
  const s = fake.sheet(MODEL.name);
  expect(s.hyperlinks.size).toBe(1);
  expect(s.conditional).toHaveLength(1);
  expect(s.conditional[0]).toMatchObject({
    fill: "#C6EFCE",
    rule: { formula1: '="优秀"', operator: "EqualTo" },
  });
  expect(s.validations[0]).toMatchObject({ address: "B2:B2001", rule: { list: { source: "优秀,良好" } } });
  expect(s.frozenRows).toBe(1);
  expect(s.tables).toHaveLength(1);
  // the table is made over values already written
  const table = fake.log.findIndex((o) => o.kind === "table");
  const lastValues = fake.log.map((o, i) => (o.kind === "values" ? i : -1)).reduce((a, b) => Math.max(a, b));
  expect(table).toBeGreaterThan(lastValues);
  expect(s.page).toEqual({
    paperSize: "A4",
    orientation: "Landscape",
    printTitles: "$1:$1",
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
  });
  const caps = await host.capabilities();
  expect(caps).toMatchObject({
    kind: "excel",
    hyperlinks: true,
    conditionalFormats: true,
    dataValidation: true,
  });
  expect(caps.notes).toEqual([]);
});

test.each([
  [5, "条件格式"],
  [6, "超链接"],
  [7, "数据验证"],
  [8, "白色填充"],
])("ExcelApi 1.%i: the sheet is still written, the missing feature is noted (%s)", async (minor, note) => {
  const fake = newFake({ apiMinor: minor });
  const host = officeHostOver(fake);
  await host.writeSheets([MODEL], { replace: [MODEL.name] });
  const s = fake.sheet(MODEL.name);
  expect(s.value(1, 0)).toBe("O001");
  expect(s.hyperlinks.size).toBe(minor >= 7 ? 1 : 0);
  expect(s.conditional).toHaveLength(minor >= 6 ? 1 : 0);
  expect(s.validations).toHaveLength(minor >= 8 ? 1 : 0);
  expect(opsOf(fake, "freeze")).toHaveLength(minor >= 7 ? 1 : 0);
  const caps = await host.capabilities();
  expect(caps.notes.some((n) => n["zh-CN"].includes(note))).toBe(true);
  expect(caps.hyperlinks).toBe(minor >= 7);
  expect(caps.conditionalFormats).toBe(minor >= 6);
});

test("ExcelApi 1.1 (Office 2016): read, write, highlight and clear all work", async () => {
  const fake = newFake({
    apiMinor: 1,
    sheets: [{ name: "党员", values: [["编号"], ["M1"]], fills: { A2: "#FF0000" } }],
  });
  const host = officeHostOver(fake);
  const wb = await host.readWorkbook();
  expect(wb.sheets[0].rows).toEqual([["编号"], ["M1"]]);
  await host.writeSheets([MODEL], { replace: [MODEL.name] });
  await host.highlightCells(
    [
      { sheet: "党员", cell: "A2" },
      { sheet: "党员", cell: "A1" },
    ],
    "#FFFF00",
  );
  await host.clearHighlights();
  expect(fake.fillAt("党员", "A2")?.color).toBe("#FF0000");
  expect(fake.fillAt("党员", "A1")).toBeUndefined();
  expect(fake.sheetNames).toEqual(["党员", MODEL.name]);
});

test("detectCapabilities: sets are cumulative; a throwing or missing probe means minor 0", () => {
  expect(
    detectCapabilities((_n, v) => ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"].includes(v)),
  ).toEqual({ minor: 7 });
  expect(detectCapabilities((_n, v) => v === "1.1" || v === "1.3")).toEqual({ minor: 1 });
  expect(
    detectCapabilities(() => {
      throw new Error("Office.js has not fully loaded");
    }),
  ).toEqual({ minor: 0 });
  expect(detectCapabilities(undefined)).toEqual({ minor: 0 });
  // in jest there is no Office global: the default probe is guarded
  expect(detectCapabilities()).toEqual({ minor: 0 });
  const g = globalThis as { Office?: unknown };
  g.Office = {
    get context(): unknown {
      throw new Error("Office.context is not available outside Office");
    },
  };
  try {
    expect(detectCapabilities()).toEqual({ minor: 0 });
  } finally {
    delete g.Office;
  }
  expect(capabilitiesOf({ minor: 0 }).notes.length).toBeGreaterThan(0);
});

test("every note comes in both languages: zh-CN for the default pane, English for the en pane", () => {
  const notes = capabilitiesOf({ minor: 0 }).notes;
  expect(notes.length).toBeGreaterThan(4);
  for (const n of notes) {
    expect(n["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    expect(n.en).toMatch(/^[\x20-\x7e]+$/);
  }
});
