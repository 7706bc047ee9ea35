// Writers → fast reader: what is written comes back (and what ExcelJS reads agrees).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { cellAt, formatAt, type Workbook } from "../../../src/engine/grid";
import type { SheetModel } from "../../../src/report/sheet-model";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import { readXlsxFile } from "../../../src/hosts/xlsx/read-file";
import { writeGrids, writeSheetModels, writeSheetModelsStreaming } from "../../../src/hosts/xlsx/write";
import { LISTS_SHEET } from "../../../src/report/sheet-plan";

const MEMBERS: SheetModel = {
  name: "党员",
  title: "历城区XX街道创先争优活动台账",
  preamble: ["填报单位：XX街道党工委", "填报日期：2012-10-01"],
  columns: [
    { header: "党员编号", format: "text", width: 14 },
    { header: "姓名", format: "text" },
    { header: "入党日期", format: "date", hint: "格式：2010-05-05" },
    { header: "党员类别", list: ["正式党员", "预备党员"] },
    { header: "积分", format: "decimal1" },
    { header: "人数", format: "integer" },
    { header: "完成率", format: "percent" },
  ],
  rows: [
    ["=1+2", "+张三", "2010-05-05", "正式党员", 9.5, 3, 0.25],
    ["-007", "@李四", 40303, "预备党员", 8, 1, 1],
    [1.5, "王五", "2010年5月5日", null, null, null, null],
  ],
  freezeHeader: true,
  table: true,
  print: { landscape: true, repeatHeader: true },
  hyperlinks: [{ row: 0, col: 1, target: "'汇总'!A1" }],
};

const SUMMARY: SheetModel = {
  name: "汇总",
  columns: [{ header: "项目" }, { header: "值" }],
  rows: [["合计", 3]],
  table: true,
};

function sheet(wb: Workbook, name: string) {
  const s = wb.sheets.find((g) => g.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

describe("writeSheetModels → readXlsx", () => {
  let bytes: Uint8Array;
  let wb: Workbook;
  beforeAll(async () => {
    bytes = await writeSheetModels([MEMBERS, SUMMARY, { ...SUMMARY, name: "隐藏", hidden: true }], {
      definedNames: { PL_TEMPLATE_VERSION: "1.0" },
    });
    wb = readXlsx(bytes);
  });

  test("layout: title (merged), preamble, header, rows", () => {
    const s = sheet(wb, "党员");
    expect(cellAt(s, 0, 0)).toBe(MEMBERS.title);
    expect(s.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 6 });
    expect(cellAt(s, 1, 0)).toBe("填报单位：XX街道党工委");
    expect(s.rows[3]).toEqual(MEMBERS.columns.map((c) => c.header));
    expect(s.rows.length).toBe(7);
  });

  test("text stays text: =, +, -, @ never become formulas; numbers in text columns become text", () => {
    const s = sheet(wb, "党员");
    expect(cellAt(s, 4, 0)).toBe("=1+2");
    expect(cellAt(s, 4, 1)).toBe("+张三");
    expect(cellAt(s, 5, 0)).toBe("-007");
    expect(cellAt(s, 5, 1)).toBe("@李四");
    expect(cellAt(s, 6, 0)).toBe("1.5");
    const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]);
    expect(xml).not.toContain("<f>");
  });

  test("dates are serials with a date format; unreadable dates stay text", () => {
    const s = sheet(wb, "党员");
    expect(cellAt(s, 4, 2)).toBe(40303);
    expect(cellAt(s, 5, 2)).toBe(40303);
    expect(formatAt(s, 4, 2)).toBe("yyyy-mm-dd");
    expect(cellAt(s, 6, 2)).toBe("2010年5月5日");
    expect(formatAt(s, 4, 4)).toBe("0.0");
    expect(formatAt(s, 4, 5)).toBe("0");
    expect(formatAt(s, 4, 6)).toBe("0.0%");
    expect(cellAt(s, 4, 6)).toBe(0.25);
  });

  test("hidden sheets and defined names", () => {
    expect(wb.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ["党员", false],
      ["汇总", false],
      ["隐藏", true],
    ]);
    expect(wb.definedNames).toEqual({ PL_TEMPLATE_VERSION: "1.0" });
  });

  test("ExcelJS reads the same package: validations, freeze, filter, print setup, links", async () => {
    const x = new ExcelJS.Workbook();
    await x.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = x.getWorksheet("党员")!;
    expect(ws.getCell("A5").value).toBe("=1+2");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(ws.autoFilter).toBe("A4:G7");
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", printTitlesRow: "4:4" });
    const dv = (
      ws as unknown as {
        dataValidations: { model: Record<string, { type?: string; formulae?: string[]; prompt?: string }> };
      }
    ).dataValidations.model;
    expect(dv["D5"]).toMatchObject({ type: "list", formulae: ['"正式党员,预备党员"'] });
    expect(dv["D2004"]).toMatchObject({ type: "list" }); // the drop-down reaches 2000 rows below the header
    expect(dv["C5"]).toMatchObject({ prompt: "格式：2010-05-05" });
    const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]);
    expect(xml).toContain(`<hyperlink ref="B5" location="'汇总'!A1"/>`);
    expect(ws.getColumn(1).width).toBe(14);
    expect(ws.getColumn(1).numFmt).toBe("@"); // text columns stay text for what the clerk types later
  });

  test("date1904: date columns are converted and the flag is set", async () => {
    const b = await writeSheetModels([MEMBERS], { date1904: true });
    const w = readXlsx(b);
    expect(w.date1904).toBe(true);
    expect(cellAt(w.sheets[0], 4, 2)).toBe(40303 - 1462);
    expect(cellAt(w.sheets[0], 5, 2)).toBe(40303 - 1462);
  });

  test("blank template: no rows, validations still cover 2000 rows; long lists go to a hidden sheet", async () => {
    const long = Array.from({ length: 60 }, (_, i) => `选项${i},含逗号`);
    const b = await writeSheetModels([
      {
        name: "模板",
        columns: [
          { header: "类别", list: ["a", "b"] },
          { header: "长", list: long },
        ],
        rows: [],
        table: true,
        freezeHeader: true,
      },
    ]);
    const w = readXlsx(b);
    expect(w.sheets[0].rows).toEqual([["类别", "长"]]);
    const lists = sheet(w, LISTS_SHEET);
    expect(lists.hidden).toBe(true);
    expect(lists.rows.map((r) => r?.[0])).toEqual(long);
    const x = new ExcelJS.Workbook();
    await x.xlsx.load(b as unknown as ArrayBuffer);
    const dv = (
      x.getWorksheet("模板") as unknown as {
        dataValidations: { model: Record<string, { formulae?: string[] }> };
      }
    ).dataValidations.model;
    expect(dv["A2001"]?.formulae).toEqual(['"a,b"']);
    expect(dv["B2"]?.formulae).toEqual([`'${LISTS_SHEET}'!$A$1:$A$60`]);
  });
});

describe("writeGrids → readXlsx", () => {
  const book: Workbook = {
    date1904: true,
    definedNames: { PL_TEMPLATE_VERSION: "1.0", Ref: "=Sheet1!$A$1" },
    sheets: [
      {
        name: "台账",
        rows: [
          ["历城区台账"],
          undefined,
          ["编号", "日期", "文本日期", "真假", "公式样"],
          ["001", 38841, "2010-05-05", true, "=A1"],
          ["002", 38842.5, "2010/5/6", false, "+1", 3.25],
        ],
        formats: [
          undefined,
          undefined,
          undefined,
          [undefined, "yyyy-mm-dd"],
          [undefined, "yyyy/m/d h:mm", undefined, undefined, undefined, "0.00"],
        ],
        merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
      },
      { name: "Hidden", hidden: true, rows: [[1]], formats: [], merges: [] },
    ],
  };

  test("values, formats, merges, hidden, date1904 and defined names come back identical", async () => {
    const back = readXlsx(await writeGrids(book));
    expect(back.date1904).toBe(true);
    expect(back.definedNames).toEqual({ PL_TEMPLATE_VERSION: "1.0", Ref: "Sheet1!$A$1" });
    expect(back.sheets.map((s) => s.name)).toEqual(["台账", "Hidden"]);
    expect(back.sheets[0].rows).toEqual(book.sheets[0].rows);
    expect(back.sheets[0].merges).toEqual(book.sheets[0].merges);
    expect(back.sheets[1].hidden).toBe(true);
    expect(back.sheets[0].hidden).toBeUndefined();
    for (const [r, c] of [
      [3, 1],
      [4, 1],
      [4, 5],
    ]) {
      expect(formatAt(back.sheets[0], r, c)).toBe(formatAt(book.sheets[0], r, c));
    }
    expect(formatAt(back.sheets[0], 3, 0)).toBeUndefined();
  });
});

describe("writeSheetModelsStreaming", () => {
  test("writes a file the fast reader and ExcelJS both read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pl-xlsx-"));
    try {
      const path = join(dir, "big.xlsx");
      const rows = Array.from({ length: 3000 }, (_, i) => [
        `DY${String(i).padStart(5, "0")}`,
        i % 2 ? "男" : "女",
        "2010-05-05",
        i / 10,
        i % 7 ? null : "=x",
      ]);
      await writeSheetModelsStreaming(
        [
          {
            name: "党员",
            title: "标题",
            columns: [
              { header: "编号", format: "text" },
              { header: "性别", list: ["男", "女"] },
              { header: "日期", format: "date" },
              { header: "分", format: "decimal1" },
              { header: "备注", format: "text" },
            ],
            rows,
            freezeHeader: true,
            table: true,
            hyperlinks: [{ row: 0, col: 0, target: "'其他'!A1" }],
          },
          { name: "其他", columns: [{ header: "a" }], rows: [], hidden: true },
        ],
        path,
      );
      const wb = await readXlsxFile(path);
      const s = wb.sheets[0];
      expect(s.rows.length).toBe(3002);
      expect(s.rows[2]).toEqual(["DY00000", "女", 40303, 0, "=x"]);
      expect(s.rows[3001]).toEqual(["DY02999", "男", 40303, 299.9]);
      expect(formatAt(s, 2, 2)).toBe("yyyy-mm-dd");
      expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 4 }]);
      expect(wb.sheets[1].hidden).toBe(true);
      const x = new ExcelJS.Workbook();
      await x.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
      expect(x.getWorksheet("党员")!.getCell("A3002").value).toBe("DY02999");
      const xml = strFromU8(unzipSync(readFileSync(path))["xl/worksheets/sheet1.xml"]);
      expect(xml).toMatch(/<pane [^>]*ySplit="2"[^>]*state="frozen"/);
      expect(xml).toContain('<autoFilter ref="A2:E3002"/>');
      expect(xml).toMatch(/<dataValidation type="list"[^>]*sqref="B3:B3002"/);
      expect(xml).toContain("<hyperlink ");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
