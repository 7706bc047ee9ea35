// patchWorkbook: result sheets are added to the clerk's package without re-serialising it. The
// source parts stay byte for byte; our reader, ExcelJS and LibreOffice all read the new sheets.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { cellAt, formatAt, type Workbook } from "../../../src/engine/grid";
import type { SheetModel } from "../../../src/report/sheet-model";
import { isoToSerial } from "../../../src/engine/dates";
import { LedgerFileError } from "../../../src/hosts/xlsx/errors";
import { patchWorkbook, patchWorkbookPieces, SheetModelError } from "../../../src/hosts/xlsx/patch";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import { writeSheetModels } from "../../../src/hosts/xlsx/write";
import { attrsOf, childrenOf, rootElement } from "../../../src/hosts/xlsx/xml-edit";
import { FFLATE } from "../../../src/hosts/xlsx/zip-write";
import { CORPUS_DIR, EXCELJS_CANNOT_READ, READABLE_CORPUS_FILES } from "../../corpus";
import { buildXlsx } from "./pkg";
import { blankWorkbook } from "../../../src/hosts/xlsx/blank-workbook";
import {
  csvOf,
  expectOrder,
  libreOffice,
  parts,
  STYLESHEET_ORDER,
  text,
  toZip64,
  WORKBOOK_ORDER,
  WORKSHEET_ORDER,
} from "./patch-helpers";

const RESERVED = [
  "校验结果",
  "考评结果-组织",
  "考评结果-党员",
  "表彰名单",
  "未入选说明",
  "进度督查",
  "报送情况",
];

/** Parts a patch may rewrite; everything else must come through byte for byte. */
const REWRITTEN = new Set([
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
  "xl/styles.xml",
]);

const RESULT: SheetModel = {
  name: "校验结果",
  title: "校验结果（历城区XX街道）",
  preamble: ["填报单位：XX街道党工委"],
  columns: [
    { header: "编号", format: "text", width: 14 },
    { header: "说明", format: "text" },
    { header: "日期", format: "date" },
    { header: "完成率", format: "percent" },
    { header: "人数", format: "integer" },
    { header: "得分", format: "decimal1" },
    { header: "均分", format: "decimal2" },
    { header: "结果" },
    { header: "结果" },
    { header: "" },
  ],
  rows: [
    ["=1+2", "+张三", "2011-06-20", 0.93, 3, 9.5, 8.25, "✓", true, null],
    ["-007", "@李四", 40714, 0.5, 1, 8, 7, "✗", false, "x"],
    [12, "a<b & c>\"d\" 'e'", "2010年5月5日", null, null, null, null, "✗", null, "  lead"],
    ["_x0041_", "line1\nline2\ttab\u0001ctl\r\nend", "2012-02-29", 1, 0, 0, 0, "?", null, "end "],
  ],
  freezeHeader: true,
  table: true,
  print: { landscape: true, repeatHeader: true },
  hyperlinks: [
    { row: 0, col: 0, target: "'党员'!E7" },
    { row: 0, col: 9, target: "'汇总'!A1" },
  ],
  conditional: [
    { fromCol: 7, toCol: 8, equals: "✗", style: "bad" },
    { fromCol: 7, toCol: 7, equals: "✓", style: "good" },
    { fromCol: 7, toCol: 7, equals: "?", style: "warn" },
  ],
};

const SECTIONS: SheetModel = {
  name: "表彰名单",
  title: "表彰名单",
  columns: [
    { header: "组织编号", format: "text" },
    { header: "名称" },
    { header: "得分", format: "decimal1" },
  ],
  rows: [["一、先进基层党组织"], ["ZZ001", "第一党支部", 95.5], ["二、优秀共产党员"], ["DY001", "张三", 98]],
  rowKinds: ["section", undefined, "section"],
  table: true,
  print: { landscape: false },
};

const EMPTY: SheetModel = {
  name: "未入选说明",
  columns: [{ header: "编号" }, { header: "原因" }],
  rows: [],
  table: true,
  freezeHeader: true,
};

const HIDDEN: SheetModel = {
  name: "进度督查",
  columns: [{ header: "单位" }, { header: "进度", format: "percent" }],
  rows: [["XX街道", 0.5]],
  hidden: true,
};

const QUOTED: SheetModel = {
  name: "R&D's 表",
  columns: [{ header: "a&b" }],
  rows: [["<x>"]],
  print: { repeatHeader: true },
};

const MODELS = [RESULT, SECTIONS, EMPTY, HIDDEN, QUOTED];
const REPLACE = [...RESERVED, QUOTED.name];

const SOURCE_MODELS: SheetModel[] = [
  {
    name: "党员",
    title: "历城区XX街道创先争优活动台账",
    columns: [
      { header: "党员编号", format: "text" },
      { header: "姓名", format: "text" },
      { header: "入党日期", format: "date" },
      { header: "党员类别", list: ["正式党员", "预备党员"] },
    ],
    rows: [
      ["DY001", "张三", "2010-05-05", "正式党员"],
      ["DY002", "=李四", 40303, "预备党员"],
    ],
    freezeHeader: true,
    table: true,
  },
  { name: "汇总", columns: [{ header: "项目" }, { header: "值" }], rows: [["合计", 2]] },
];

function sheet(wb: Workbook, name: string) {
  const s = wb.sheets.find((g) => g.name === name);
  if (!s) throw new Error(`no sheet ${name} in ${wb.sheets.map((g) => g.name).join(",")}`);
  return s;
}

/** Every original part not rewritten by the patch is there, stored and decompressed identically. */
function expectPartsKept(original: Uint8Array, patched: Uint8Array, removed: string[] = []): void {
  const before = parts(original);
  const after = parts(patched);
  for (const [name, p] of before) {
    if (REWRITTEN.has(name) || removed.includes(name)) continue;
    const q = after.get(name);
    if (!q) throw new Error(`part ${name} is missing after the patch`);
    expect({ name, method: q.method }).toEqual({ name, method: p.method });
    expect(Buffer.compare(Buffer.from(q.raw), Buffer.from(p.raw))).toBe(0);
    expect(Buffer.compare(Buffer.from(q.data), Buffer.from(p.data))).toBe(0);
  }
}

/** Every `count` attribute of the stylesheet's collections equals its number of children. */
function expectStyleCounts(xml: string): void {
  const root = rootElement(xml);
  for (const c of childrenOf(xml, root)) {
    const count = attrsOf(xml, c).find((a) => a.name === "count")?.value;
    if (count !== undefined)
      expect({ el: c.local, count: Number(count) }).toEqual({
        el: c.local,
        count: childrenOf(xml, c).length,
      });
  }
}

async function loadExcelJS(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(bytes as unknown as ArrayBuffer);
  return x;
}

const tmp = mkdtempSync(join(tmpdir(), "pl-patch-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const NOW = new Date(2012, 10, 8, 9, 30, 0);

describe("patchWorkbook over an ExcelJS-written ledger", () => {
  let original: Uint8Array;
  let patched: Uint8Array;
  let wb: Workbook;
  beforeAll(async () => {
    original = await writeSheetModels(SOURCE_MODELS, { definedNames: { PL_TEMPLATE_VERSION: "1.0" } });
    patched = patchWorkbook(original, MODELS, { replace: REPLACE, now: NOW });
    wb = readXlsx(patched);
  });

  test("in pieces (to be written one after another) it is the same package, the source parts as views", () => {
    const pieces = patchWorkbookPieces(original, MODELS, { replace: REPLACE, now: NOW });
    expect(pieces.length).toBeGreaterThan(2);
    const joined = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
    pieces.reduce((at, p) => (joined.set(p, at), at + p.length), 0);
    expect(joined).toEqual(patched);
    // a copied part is not copied again: its piece is a view of the original's bytes
    expect(pieces.some((p) => p.buffer === original.buffer)).toBe(true);
  });

  test("the source parts are byte-identical; the source sheets read identically", () => {
    expectPartsKept(original, patched);
    const before = readXlsx(original);
    for (const s of before.sheets) expect(sheet(wb, s.name)).toEqual(s);
    expect(wb.definedNames).toEqual({ PL_TEMPLATE_VERSION: "1.0" });
    expect(wb.date1904).toBe(false);
    expect(wb.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ["党员", false],
      ["汇总", false],
      ["校验结果", false],
      ["表彰名单", false],
      ["未入选说明", false],
      ["进度督查", true],
      ["R&D's 表", false],
    ]);
  });

  test("layout: title and preamble merged, unique table headers, values as written", () => {
    const s = sheet(wb, "校验结果");
    expect(cellAt(s, 0, 0)).toBe(RESULT.title);
    expect(cellAt(s, 1, 0)).toBe("填报单位：XX街道党工委");
    expect(s.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 9 },
      { top: 1, left: 0, bottom: 1, right: 9 },
    ]);
    expect(s.rows[2]).toEqual([
      "编号",
      "说明",
      "日期",
      "完成率",
      "人数",
      "得分",
      "均分",
      "结果",
      "结果2",
      "列10",
    ]);
    expect(s.rows[3]).toEqual(["=1+2", "+张三", 40714, 0.93, 3, 9.5, 8.25, "✓", true, "'汇总'!A1"]);
    expect(s.rows[4]).toEqual(["-007", "@李四", 40714, 0.5, 1, 8, 7, "✗", false, "x"]);
    expect(cellAt(s, 5, 0)).toBe("12");
    expect(cellAt(s, 5, 1)).toBe("a<b & c>\"d\" 'e'");
    expect(cellAt(s, 5, 2)).toBe("2010年5月5日");
    expect(cellAt(s, 5, 3)).toBeNull();
    expect(cellAt(s, 5, 9)).toBe("  lead");
    expect(cellAt(s, 6, 0)).toBe("_x0041_");
    expect(cellAt(s, 6, 1)).toBe("line1\nline2\ttabctl\r\nend");
    expect(cellAt(s, 6, 2)).toBe(isoToSerial("2012-02-29", false));
    expect(cellAt(s, 6, 9)).toBe("end ");
    expect(formatAt(s, 3, 2)).toBe("yyyy-mm-dd");
    expect(formatAt(s, 3, 3)).toBe("0.0%");
    expect(formatAt(s, 3, 4)).toBe("0");
    expect(formatAt(s, 3, 5)).toBe("0.0");
    expect(formatAt(s, 3, 6)).toBe("0.00");
    const sec = sheet(wb, "表彰名单");
    expect(sec.rows).toEqual([
      ["表彰名单"],
      ["组织编号", "名称", "得分"],
      ["一、先进基层党组织"],
      ["ZZ001", "第一党支部", 95.5],
      ["二、优秀共产党员"],
      ["DY001", "张三", 98],
    ]);
    expect(sec.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 2, left: 0, bottom: 2, right: 2 },
      { top: 4, left: 0, bottom: 4, right: 2 },
    ]);
    expect(sheet(wb, "未入选说明").rows).toEqual([["编号", "原因"]]);
    expect(sheet(wb, "R&D's 表").rows).toEqual([["a&b"], ["<x>"]]);
  });

  test("the XML: inline strings only, no formulas, schema order, true counts", () => {
    const p = parts(patched);
    const sheetParts = [...p.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheetParts).toHaveLength(7);
    for (const name of sheetParts.slice(2)) {
      const xml = text(patched, name);
      expect(xml).not.toMatch(/<f[ >]/);
      expect(xml).not.toContain('t="s"');
      expect(xml).not.toContain('t="str"');
      expectOrder(xml, WORKSHEET_ORDER);
    }
    const result = text(patched, "xl/worksheets/sheet3.xml");
    expect(result).toContain('<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>');
    expect(result).toContain('<hyperlink ref="A4" location="\'党员\'!E7" display="=1+2"/>');
    expect(result).toContain('<hyperlink ref="J4" location="\'汇总\'!A1" display="\'汇总\'!A1"/>');
    expect(result).toMatch(
      /<conditionalFormatting sqref="H4:I7"><cfRule type="cellIs" dxfId="\d+" priority="1" operator="equal"><formula>"✗"<\/formula>/,
    );
    expect(result).toContain(
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
    );
    expect(result).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(result).toContain("_x005F_x0041_");
    expect(result).not.toContain("\u0001");
    expect(text(patched, "xl/worksheets/sheet4.xml")).toContain('<autoFilter ref="A2:C6"/>');
    expect(text(patched, "xl/worksheets/sheet5.xml")).toContain('<autoFilter ref="A1:B1"/>');

    const table = text(patched, "xl/tables/table1.xml");
    expect(table).toContain('ref="A3:J7"');
    expect(table).toContain('<tableColumn id="9" name="结果2"/><tableColumn id="10" name="列10"/>');
    expect(table).toContain(
      '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1"',
    );
    expect(text(patched, "xl/worksheets/_rels/sheet3.xml.rels")).toContain('Target="../tables/table1.xml"');
    expect([...p.keys()].filter((n) => n.startsWith("xl/tables/"))).toEqual(["xl/tables/table1.xml"]);

    const ct = text(patched, "[Content_Types].xml");
    for (let i = 3; i <= 7; i++)
      expect(ct).toContain(
        `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      );
    expect(ct).toContain(
      '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>',
    );

    const styles = text(patched, "xl/styles.xml");
    expectOrder(styles, STYLESHEET_ORDER);
    expectStyleCounts(styles);
    const ids = [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [
      Number(m[1]),
      m[2],
    ]);
    expect(new Set(ids.map(([id]) => id)).size).toBe(ids.length);
    for (const code of ["yyyy-mm-dd", "0.0", "0.0%"])
      expect(ids.find(([, c]) => c === code)?.[0]).toBeGreaterThanOrEqual(164);

    const workbook = text(patched, "xl/workbook.xml");
    expectOrder(workbook, WORKBOOK_ORDER);
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="2">'校验结果'!$3:$3</definedName>`,
    );
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="6">'R&amp;D''s 表'!$1:$1</definedName>`,
    );
    expect(workbook).toContain('<sheet name="R&amp;D\'s 表"');
    expect(workbook).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="3" hidden="1">'表彰名单'!$A$2:$C$6</definedName>`,
    );
    expect(workbook).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="4" hidden="1">'未入选说明'!$A$1:$B$1</definedName>`,
    );
    expect(workbook).toContain('<sheet name="进度督查" sheetId="6" state="hidden"');
  });

  test("ExcelJS reads the result: values, merges, frozen pane, table, conditional formats, print titles", async () => {
    const x = await loadExcelJS(patched);
    expect(x.worksheets.map((w) => w.name)).toEqual(wb.sheets.map((s) => s.name));
    const ws = x.getWorksheet("校验结果")!;
    expect(ws.getCell("A4").value).toBe("=1+2");
    expect(ws.getCell("A4").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("B4").value).toBe("+张三");
    expect(ws.getCell("A5").value).toBe("-007");
    expect(ws.getCell("B5").value).toBe("@李四");
    expect(ws.getCell("C4").value).toEqual(new Date(Date.UTC(2011, 5, 20)));
    expect(ws.getCell("C4").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("D4").numFmt).toBe("0.0%");
    expect(ws.getCell("I4").value).toBe(true);
    // 黑体 for the title and headers, 宋体 for the body, whatever the workbook's default font
    expect(ws.getCell("A3").font).toMatchObject({ name: "黑体", size: 11 });
    expect(ws.getCell("A1").font).toMatchObject({ name: "黑体", size: 16 });
    expect(ws.getCell("A4").font).toMatchObject({
      name: "宋体",
      underline: true,
      color: { argb: "FF0563C1" },
    });
    expect(ws.getCell("A3").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("A3").border).toMatchObject({ top: { style: "thin" } });
    expect(ws.getCell("A3").alignment).toMatchObject({ wrapText: true });
    expect(ws.getColumn(1).width).toBe(14);
    expect(ws.model.merges).toEqual(["A1:J1", "A2:J2"]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3, topLeftCell: "A4" });
    const tables = (
      ws as unknown as {
        getTables(): { table: { name: string; tableRef: string; columns: { name: string }[] } }[];
      }
    ).getTables();
    expect(tables.map((t) => [t.table.name, t.table.tableRef])).toEqual([["PL_校验结果", "A3:J7"]]);
    expect(tables[0].table.columns.map((c) => c.name)).toEqual(sheet(wb, "校验结果").rows[2]);
    const cf = (
      ws as unknown as {
        conditionalFormattings: {
          ref: string;
          rules: { operator: string; formulae: string[]; style: { font: { color: { argb: string } } } }[];
        }[];
      }
    ).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules[0].formulae[0], c.rules[0].style.font.color.argb])).toEqual([
      ["H4:I7", '"✗"', "FF9C0006"],
      ["H4:H7", '"✓"', "FF006100"],
      ["H4:H7", '"?"', "FF9C5700"],
    ]);
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      printTitlesRow: "3:3",
    });
    const sec = x.getWorksheet("表彰名单")!;
    expect(sec.model.merges).toEqual(["A1:C1", "A3:C3", "A5:C5"]);
    expect(sec.getCell("A3").font).toMatchObject({ name: "黑体", size: 12 }); // a section heading;
    expect(sec.autoFilter).toBe("A2:C6");
    expect(x.getWorksheet("进度督查")!.state).toBe("hidden");
    expect(x.getWorksheet("党员")!.getCell("B4").value).toBe("=李四");
  });

  test("LibreOffice re-saves the result with hyperlinks, merges, conditional formats and print titles", () => {
    const file = join(tmp, "resave.xlsx");
    writeFileSync(file, patched);
    const out = libreOffice([file], "xlsx");
    const resaved = out.get("resave.xlsx") as Uint8Array;
    const back = readXlsx(resaved);
    expect(sheet(back, "校验结果").rows.slice(2, 5)).toEqual(sheet(wb, "校验结果").rows.slice(2, 5));
    const p = parts(resaved);
    const wbXml = text(resaved, "xl/workbook.xml");
    expect(wbXml).toMatch(/localSheetId="2" name="_xlnm.Print_Titles"[^>]*>'?校验结果'?!\$3:\$3</);
    const sheetName = [...p.keys()].find((n) => /worksheets\/sheet3\.xml$/.test(n))!;
    const xml = text(resaved, sheetName);
    expect(xml).toContain('<mergeCell ref="A1:J1"/>');
    expect(xml).toMatch(/<hyperlink ref="A4" location="&apos;党员&apos;!E7"/);
    expect(xml).toMatch(/<conditionalFormatting sqref="H4:I7">/);
    expect(xml).toMatch(/orientation="landscape"/);
    expect([...p.keys()].some((n) => n.startsWith("xl/tables/"))).toBe(true);
  });

  test("a re-run replaces the result sheets: same sheets, same parts, styles do not grow", () => {
    const again = patchWorkbook(patched, MODELS, { replace: REPLACE, now: NOW });
    expect(readXlsx(again).sheets.map((s) => s.name)).toEqual(wb.sheets.map((s) => s.name));
    expectPartsKept(original, again);
    const p1 = parts(patched);
    const p2 = parts(again);
    expect([...p2.keys()].sort()).toEqual([...p1.keys()].sort());
    for (const name of p1.keys()) {
      if (name === "xl/workbook.xml") continue; // new sheetIds
      expect({
        name,
        same: Buffer.compare(Buffer.from(p1.get(name)!.data), Buffer.from(p2.get(name)!.data)),
      }).toEqual({
        name,
        same: 0,
      });
    }
    const workbook = text(again, "xl/workbook.xml");
    expect(workbook.match(/_xlnm.Print_Titles/g)).toHaveLength(2);
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="2">'校验结果'!$3:$3</definedName>`,
    );
    // without models: the reserved sheets are simply removed, and every part they used with them
    const cleaned = patchWorkbook(patched, [], { replace: REPLACE, now: NOW });
    expect(readXlsx(cleaned).sheets.map((s) => s.name)).toEqual(["党员", "汇总"]);
    expect([...parts(cleaned).keys()].sort()).toEqual([...parts(original).keys()].sort());
    expect(text(cleaned, "xl/workbook.xml")).not.toContain("Print_Titles");
    expect(text(cleaned, "[Content_Types].xml")).not.toMatch(/sheet[3-7]\.xml|table1/);
  });

  test("the fflate and the native compressor write the same parts", () => {
    const a = patchWorkbook(original, [RESULT], { replace: REPLACE, now: NOW, compressor: FFLATE });
    const b = patchWorkbook(original, [RESULT], { replace: REPLACE, now: NOW });
    const pa = parts(a);
    const pb = parts(b);
    expect([...pa.keys()]).toEqual([...pb.keys()]);
    for (const [name, p] of pa)
      expect(Buffer.compare(Buffer.from(p.data), Buffer.from(pb.get(name)!.data))).toBe(0);
  });
});

describe("sheet indexes, defined names and parts of removed sheets", () => {
  const DRAWING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const rels = (items: string) =>
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
  const sheetWith = (v: string, extra = "") =>
    `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${v}</t></is></c></row></sheetData>${extra}`;
  const original = buildXlsx({
    sheets: [
      {
        name: "甲",
        xml: sheetWith(
          "甲",
          '<drawing r:id="rId1"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts>',
        ),
      },
      {
        name: "校验结果",
        xml: sheetWith(
          "旧",
          '<drawing r:id="rId1"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts>',
        ),
      },
      { name: "乙", xml: sheetWith("乙") },
      { name: "表彰名单", xml: sheetWith("旧") },
      { name: "丙", xml: sheetWith("丙") },
    ],
    workbookPr:
      '<workbookPr date1904="1"/><bookViews><workbookView activeTab="3" firstSheet="1"/></bookViews>',
    definedNames: [
      `<definedName name="_xlnm.Print_Area" localSheetId="2">乙!$A$1:$B$2</definedName>`,
      `<definedName name="scoped" localSheetId="1">校验结果!$A$1</definedName>`,
      `<definedName name="_xlnm._FilterDatabase" localSheetId="3" hidden="1">表彰名单!$A$1:$B$3</definedName>`,
      `<definedName name="丙名" localSheetId="4">丙!$A$1</definedName>`,
      `<definedName name="全局">甲!$A$1</definedName>`,
    ].join(""),
    extra: {
      "xl/worksheets/_rels/sheet1.xml.rels": rels(
        `<Relationship Id="rId1" Type="${DRAWING_REL}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rId2" Type="${DRAWING_REL}/table" Target="../tables/table1.xml"/>`,
      ),
      "xl/worksheets/_rels/sheet2.xml.rels": rels(
        `<Relationship Id="rId1" Type="${DRAWING_REL}/drawing" Target="../drawings/drawing2.xml"/><Relationship Id="rId2" Type="${DRAWING_REL}/table" Target="/xl/tables/table2.xml"/><Relationship Id="rId3" Type="${DRAWING_REL}/comments" Target="../comments2.xml"/>`,
      ),
      "xl/drawings/drawing1.xml": "<wsDr/>",
      "xl/drawings/drawing2.xml": "<wsDr/>",
      "xl/drawings/_rels/drawing1.xml.rels": rels(
        `<Relationship Id="rId1" Type="${DRAWING_REL}/image" Target="../media/shared.png"/>`,
      ),
      "xl/drawings/_rels/drawing2.xml.rels": rels(
        `<Relationship Id="rId1" Type="${DRAWING_REL}/image" Target="../media/shared.png"/><Relationship Id="rId2" Type="${DRAWING_REL}/image" Target="../media/own.png"/><Relationship Id="rId3" Type="${DRAWING_REL}/hyperlink" Target="http://example.com/" TargetMode="External"/>`,
      ),
      "xl/media/shared.png": "PNG1",
      "xl/media/own.png": "PNG2",
      "xl/comments2.xml": "<comments/>",
      "xl/tables/table1.xml":
        '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="7" name="PL_校验结果" displayName="PL_校验结果" ref="A1:A2"/>',
      "xl/tables/table2.xml":
        '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="9" name="Old" displayName="Old" ref="A1:A2"/>',
      "xl/calcChain.xml": '<calcChain><c r="A1" i="2"/><c r="A2"/></calcChain>',
      "docProps/orphan.xml": "<x/>",
    },
  });

  // buildXlsx writes an empty [Content_Types].xml and no calcChain relationship: add both
  function withTypesAndCalc(bytes: Uint8Array): Uint8Array {
    const p = parts(bytes);
    const files: Record<string, Uint8Array> = {};
    for (const [name, part] of p) files[name] = part.data;
    files["[Content_Types].xml"] = strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>' +
        [1, 2, 3, 4, 5]
          .map(
            (i) =>
              `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join("") +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/tables/table2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>' +
        '<Override PartName="/xl/comments2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>' +
        "</Types>",
    );
    const wbRels = Buffer.from(files["xl/_rels/workbook.xml.rels"]).toString("utf8");
    files["xl/_rels/workbook.xml.rels"] = strToU8(
      wbRels.replace(
        "</Relationships>",
        `<Relationship Id="rIdC" Type="${DRAWING_REL}/calcChain" Target="calcChain.xml"/></Relationships>`,
      ),
    );
    return zipSync(files);
  }
  const pkg = withTypesAndCalc(original);

  const models: SheetModel[] = [
    {
      name: "校验结果",
      columns: [{ header: "编号" }],
      rows: [["1"]],
      table: true,
      print: { repeatHeader: true },
    },
    { name: "表彰名单", columns: [{ header: "编号" }], rows: [["2"]], freezeHeader: true },
  ];

  test("localSheetId, activeTab and firstSheet follow their sheets; names scoped to removed sheets go", () => {
    const patched = patchWorkbook(pkg, models, { replace: RESERVED, now: NOW });
    const wb = readXlsx(patched);
    expect(wb.sheets.map((s) => s.name)).toEqual(["甲", "乙", "丙", "校验结果", "表彰名单"]);
    expect(wb.date1904).toBe(true);
    const xml = text(patched, "xl/workbook.xml");
    expect(xml).toContain('<definedName name="_xlnm.Print_Area" localSheetId="1">乙!$A$1:$B$2</definedName>');
    expect(xml).toContain('<definedName name="丙名" localSheetId="2">丙!$A$1</definedName>');
    expect(xml).toContain('<definedName name="全局">甲!$A$1</definedName>');
    expect(xml).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="3">'校验结果'!$1:$1</definedName>`,
    );
    expect(xml).not.toContain("scoped");
    expect(xml).not.toContain("_FilterDatabase");
    expect(xml).toContain('<workbookView activeTab="2" firstSheet="1"/>');
    expect(xml).toMatch(
      /<sheet name="校验结果" sheetId="6" r:id="rId\d+"\/><sheet name="表彰名单" sheetId="7"/,
    );
  });

  test("parts only the removed sheets used are removed; shared ones and orphans stay", () => {
    const patched = patchWorkbook(pkg, models, { replace: RESERVED, now: NOW });
    const before = parts(pkg);
    const after = parts(patched);
    const names = [...after.keys()];
    for (const gone of [
      "xl/drawings/drawing2.xml",
      "xl/drawings/_rels/drawing2.xml.rels",
      "xl/media/own.png",
      "xl/comments2.xml",
      "xl/calcChain.xml",
    ])
      expect({ gone, present: names.includes(gone) }).toEqual({ gone, present: false });
    // the freed sheet part names are reused by the new sheets, with new content
    for (const reused of [
      "xl/worksheets/sheet2.xml",
      "xl/worksheets/sheet4.xml",
      "xl/worksheets/_rels/sheet2.xml.rels",
      "xl/tables/table2.xml",
    ]) {
      const a = Buffer.from(before.get(reused)!.data).toString("utf8");
      const b = Buffer.from(after.get(reused)!.data).toString("utf8");
      expect({ reused, same: a === b }).toEqual({ reused, same: false });
    }
    expect(Buffer.from(after.get("xl/worksheets/_rels/sheet2.xml.rels")!.data).toString("utf8")).toContain(
      'Target="../tables/table2.xml"',
    );
    for (const kept of [
      "xl/drawings/drawing1.xml",
      "xl/media/shared.png",
      "xl/tables/table1.xml",
      "docProps/orphan.xml",
    ])
      expect(names).toContain(kept);
    expectPartsKept(pkg, patched, [
      "xl/worksheets/sheet2.xml",
      "xl/worksheets/sheet4.xml",
      "xl/worksheets/_rels/sheet2.xml.rels",
      "xl/drawings/drawing2.xml",
      "xl/drawings/_rels/drawing2.xml.rels",
      "xl/media/own.png",
      "xl/comments2.xml",
      "xl/tables/table2.xml",
      "xl/calcChain.xml",
    ]);
    // the new sheets reuse the freed part names; the new table gets a fresh id and name
    const ct = text(patched, "[Content_Types].xml");
    expect(ct).not.toContain("comments2");
    expect(ct).not.toContain("calcChain");
    expect(ct.match(/\/xl\/tables\/table2.xml/g)).toHaveLength(1);
    expect(ct).toContain('<Default Extension="rels"');
    const table = text(patched, "xl/tables/table2.xml");
    expect(table).toContain('id="8" name="PL_校验结果_2"');
    expect(text(patched, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    const wb = readXlsx(patched);
    expect(wb.sheets.map((s) => s.rows)).toEqual([
      [["甲"]],
      [["乙"]],
      [["丙"]],
      [["编号"], ["1"]],
      [["编号"], ["2"]],
    ]);
  });

  test("a calcChain that does not mention removed sheets is kept", () => {
    const patched = patchWorkbook(pkg, [], { replace: ["乙"], now: NOW });
    expect([...parts(patched).keys()]).toContain("xl/calcChain.xml");
    expect(readXlsx(patched).sheets.map((s) => s.name)).toEqual(["甲", "校验结果", "表彰名单", "丙"]);
  });
});

/** An ExcelJS-written workbook without styles.xml (nor its relationship and content type). */
async function withoutStyles(): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const [n, p] of parts(await writeSheetModels([SOURCE_MODELS[1]]))) {
    if (n === "xl/styles.xml") continue;
    let data = p.data;
    if (n === "[Content_Types].xml" || n === "xl/_rels/workbook.xml.rels") {
      data = strToU8(
        Buffer.from(data)
          .toString("utf8")
          .replace(/<(Override|Relationship) [^>]*styles[^>]*\/>/g, ""),
      );
    }
    files[n] = data;
  }
  return zipSync(files);
}

describe("unusual packages", () => {
  test("a workbook without styles.xml gets one (with its relationship and content type)", async () => {
    const original = await withoutStyles();
    expect(text(original, "[Content_Types].xml")).not.toContain("styles");
    expect(parts(original).has("xl/styles.xml")).toBe(false);
    const patched = patchWorkbook(original, [RESULT], { replace: RESERVED, now: NOW });
    expect(text(patched, "xl/_rels/workbook.xml.rels")).toMatch(/relationships\/styles" Target="styles.xml"/);
    expect(text(patched, "[Content_Types].xml")).toContain(
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    );
    const styles = text(patched, "xl/styles.xml");
    expectOrder(styles, STYLESHEET_ORDER);
    expectStyleCounts(styles);
    expect(styles).toMatch(
      /<fills count="\d+"><fill><patternFill patternType="none"\/><\/fill><fill><patternFill patternType="gray125"\/>/,
    );
    const s = sheet(readXlsx(patched), "校验结果");
    expect(formatAt(s, 3, 3)).toBe("0.0%");
    const x = await loadExcelJS(patched);
    expect(x.getWorksheet("校验结果")!.getCell("D4").numFmt).toBe("0.0%");
  });

  test("a stylesheet with gaps (no fills, no cellXfs) is completed in schema order", () => {
    const original = buildXlsx({
      sheets: [{ name: "S", xml: '<sheetData><row r="1"><c r="A1" s="0"><v>1</v></c></row></sheetData>' }],
      styles:
        '<numFmts count="1"><numFmt numFmtId="170" formatCode="0.0%"/></numFmts><fonts count="1"><font><sz val="12"/><name val="宋体"/><charset val="134"/></font></fonts><dxfs count="0"/>',
    });
    const patched = patchWorkbook(original, [RESULT], { replace: RESERVED, now: NOW });
    const styles = text(patched, "xl/styles.xml");
    expectOrder(styles, STYLESHEET_ORDER);
    expectStyleCounts(styles);
    expect(styles).toContain(
      '<numFmt numFmtId="170" formatCode="0.0%"/><numFmt numFmtId="171" formatCode="yyyy-mm-dd"/>',
    );
    // the result fonts name their face, not the workbook's (宋体 12 here)
    expect(styles).toContain(
      '<font><sz val="16"/><name val="黑体"/><family val="3"/><charset val="134"/></font>',
    );
    const s = sheet(readXlsx(patched), "校验结果");
    expect(formatAt(s, 3, 3)).toBe("0.0%");
    expect(formatAt(s, 3, 2)).toBe("yyyy-mm-dd");
  });

  test("namespace-prefixed parts (x:workbook, x:styleSheet) are patched in their own prefix", () => {
    const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const original = zipSync({
      "[Content_Types].xml": strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
      ),
      "_rels/.rels": strToU8(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      "xl/workbook.xml": strToU8(
        `<?xml version="1.0"?><x:workbook xmlns:x="${NS}" xmlns:rel="${R}"><x:sheets><x:sheet name="S" sheetId="1" rel:id="rId1"/></x:sheets><x:calcPr/></x:workbook>`,
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
      ),
      "xl/worksheets/sheet1.xml": strToU8(
        `<?xml version="1.0"?><x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>hi</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
      ),
      "xl/styles.xml": strToU8(
        `<?xml version="1.0"?><x:styleSheet xmlns:x="${NS}"><x:fonts count="1"><x:font><x:sz val="11"/><x:name val="Arial"/></x:font></x:fonts><x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills><x:borders count="1"><x:border/></x:borders><x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellXfs></x:styleSheet>`,
      ),
    });
    const patched = patchWorkbook(original, [RESULT], { replace: RESERVED, now: NOW });
    writeFileSync(join(tmp, "prefixed.xlsx"), patched);
    const styles = text(patched, "xl/styles.xml");
    expect(styles.replace(/<\?xml[^>]*\?>/, "")).not.toMatch(/<(?!x:|\/x:)/);
    expectOrder(styles, STYLESHEET_ORDER);
    expectStyleCounts(styles);
    const wbXml = text(patched, "xl/workbook.xml");
    expect(wbXml).toMatch(
      /<x:sheet name="校验结果" sheetId="2" rel:id="rId3"\/><\/x:sheets><x:definedNames><x:definedName name="_xlnm.Print_Titles" localSheetId="1">/,
    );
    expectOrder(wbXml, WORKBOOK_ORDER);
    const s = sheet(readXlsx(patched), "校验结果");
    expect(formatAt(s, 3, 3)).toBe("0.0%");
    expect(cellAt(s, 3, 0)).toBe("=1+2");
  });

  test("zip64 input with data descriptors is patched into a plain archive", () => {
    const plain = buildXlsx({
      sheets: [{ name: "S", xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' }],
    });
    const z64 = toZip64(plain);
    expect(readXlsx(z64).sheets[0].rows).toEqual([[1]]);
    const patched = patchWorkbook(z64, [HIDDEN], { replace: RESERVED, now: NOW });
    expectPartsKept(plain, patched);
    for (const p of parts(patched).values()) expect(p.flags & 8).toBe(0);
    const b = Buffer.from(patched);
    expect(b.indexOf(Buffer.from([0x50, 0x4b, 6, 6]))).toBe(-1);
    expect(readXlsx(patched).sheets.map((s) => s.rows)).toEqual([
      [[1]],
      [
        ["单位", "进度"],
        ["XX街道", 0.5],
      ],
    ]);
  });

  test("unusable inputs and models fail with typed errors", async () => {
    const good = await writeSheetModels(SOURCE_MODELS);
    const fail = (bytes: Uint8Array, models: SheetModel[] = [HIDDEN], replace = RESERVED) => {
      try {
        patchWorkbook(bytes, models, { replace });
      } catch (e) {
        return e;
      }
      throw new Error("no error");
    };
    const code = (e: unknown) =>
      e instanceof LedgerFileError ? e.code : e instanceof SheetModelError ? "model" : String(e);
    expect(code(fail(new Uint8Array(0)))).toBe("empty");
    expect(code(fail(strToU8("hello, world")))).toBe("not-xlsx");
    expect(code(fail(good.subarray(0, good.length - 30)))).toBe("corrupt");
    const encrypted = new Uint8Array(good);
    const cd = Buffer.from(encrypted).indexOf(Buffer.from([0x50, 0x4b, 1, 2]));
    encrypted[cd + 8] |= 1;
    expect(code(fail(encrypted))).toBe("encrypted");
    const strict = buildXlsx({ sheets: [{ name: "S", xml: "<sheetData/>" }] });
    const strictPkg = parts(strict);
    const files: Record<string, Uint8Array> = {};
    for (const [n, p] of strictPkg) files[n] = p.data;
    files["xl/workbook.xml"] = strToU8(
      Buffer.from(files["xl/workbook.xml"])
        .toString("utf8")
        .replace(
          "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
          "http://purl.oclc.org/ooxml/spreadsheetml/main",
        ),
    );
    expect(code(fail(zipSync(files)))).toBe("not-xlsx");
    expect(code(fail(good, [{ ...HIDDEN, name: "汇总" }]))).toBe("model");
    expect(code(fail(good, [{ ...HIDDEN, name: "a/b" }]))).toBe("model");
    expect(code(fail(good, [{ ...HIDDEN, name: "x".repeat(32) }]))).toBe("model");
    expect(code(fail(good, [HIDDEN, { ...HIDDEN, name: "进度督查" }]))).toBe("model");
    expect(code(fail(good, [], ["党员", "汇总"]))).toBe("model");
    // a reserved name matches case-insensitively, as Excel compares sheet names
    const upper = await writeSheetModels([
      { name: "RESULTS", columns: [{ header: "a" }], rows: [] },
      SOURCE_MODELS[1],
    ]);
    const replaced = patchWorkbook(upper, [{ ...HIDDEN, name: "Results" }], { replace: ["results"] });
    expect(readXlsx(replaced).sheets.map((s) => s.name)).toEqual(["汇总", "Results"]);
  });
});

describe("the real-world corpus", () => {
  // every file the reader reads, per the outcome table (read-corpus.test.ts checks the table holds)
  const readable = READABLE_CORPUS_FILES;
  const model: SheetModel = {
    name: "考评结果-党员",
    columns: [
      { header: "编号", format: "text" },
      { header: "日期", format: "date" },
      { header: "完成率", format: "percent" },
    ],
    rows: [
      ["=A1", "2011-06-20", 0.93],
      ["+1", 40714, 1],
    ],
    table: true,
    freezeHeader: true,
    print: { landscape: true, repeatHeader: true },
  };

  test.each(readable)(
    "%s: source parts unchanged, sheets read the same, the new sheet reads back",
    async (f) => {
      const original = new Uint8Array(readFileSync(join(CORPUS_DIR, f)));
      const patched = patchWorkbook(original, [model], { replace: RESERVED, now: NOW });
      expectPartsKept(original, patched);
      const before = readXlsx(original);
      const after = readXlsx(patched);
      expect(after.sheets.slice(0, before.sheets.length)).toEqual(before.sheets);
      expect(after.date1904).toBe(before.date1904);
      expect(after.definedNames).toEqual(before.definedNames);
      const s = sheet(after, "考评结果-党员");
      const serial = isoToSerial("2011-06-20", before.date1904);
      expect(s.rows).toEqual([
        ["编号", "日期", "完成率"],
        ["=A1", serial, 0.93],
        ["+1", serial, 1],
      ]);
      expect(formatAt(s, 1, 1)).toBe("yyyy-mm-dd");
      const styles = parts(patched).get("xl/styles.xml");
      if (!styles) throw new Error(`${f}: the patched package has no xl/styles.xml`);
      const xml = Buffer.from(styles.data).toString("utf8");
      expectOrder(xml.replace(/<mc:AlternateContent[\s\S]*?<\/mc:AlternateContent>/g, ""), STYLESHEET_ORDER);
      expectStyleCounts(xml);
      // ExcelJS: whatever it could read before, it reads after, plus the new sheet
      let x0: ExcelJS.Workbook | undefined;
      try {
        x0 = await loadExcelJS(original);
      } catch {
        x0 = undefined;
      }
      expect({ f, exceljsReads: x0 !== undefined }).toEqual({
        f,
        exceljsReads: !EXCELJS_CANNOT_READ.includes(f),
      });
      if (x0) {
        const x = await loadExcelJS(patched);
        expect(x.worksheets.map((w) => w.name)).toEqual([
          ...x0.worksheets.map((w) => w.name),
          "考评结果-党员",
        ]);
        const ws = x.getWorksheet("考评结果-党员")!;
        expect(ws.getCell("A2").value).toBe("=A1");
        expect(ws.getCell("B2").value).toEqual(new Date(Date.UTC(2011, 5, 20)));
        expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      }
      // and a second run changes nothing but the sheetIds
      const again = patchWorkbook(patched, [model], { replace: RESERVED, now: NOW });
      expectPartsKept(original, again);
      expect(readXlsx(again).sheets.map((g) => g.name)).toEqual(after.sheets.map((g) => g.name));
      writeFileSync(join(tmp, `corpus-${f}`), patched);
    },
  );

  test("LibreOffice reads the new sheets of patched files (dates, percentages, text that looks like a formula)", async () => {
    const main = join(tmp, "main.xlsx");
    writeFileSync(
      main,
      patchWorkbook(await writeSheetModels(SOURCE_MODELS), MODELS, { replace: REPLACE, now: NOW }),
    );
    const noStyles = join(tmp, "nostyles.xlsx");
    writeFileSync(noStyles, patchWorkbook(await withoutStyles(), [RESULT], { replace: RESERVED }));
    const corpus = [
      "1904.xlsx",
      "google-sheets.xlsx",
      "libre-calc-as-excel-2007-365.xlsx",
      "images.xlsx",
      "comments.xlsx",
    ].map((f) => join(tmp, `corpus-${f}`));
    const prefixed = join(tmp, "prefixed.xlsx");
    const all = [
      main,
      noStyles,
      ...corpus,
      ...(readdirSync(tmp).includes("prefixed.xlsx") ? [prefixed] : []),
    ];
    const out = libreOffice(all, "csv");
    const result = csvOf(out, main, "校验结果");
    expect(result[0][0]).toBe(RESULT.title);
    expect(result[2]).toEqual([
      "编号",
      "说明",
      "日期",
      "完成率",
      "人数",
      "得分",
      "均分",
      "结果",
      "结果2",
      "列10",
    ]);
    expect(result[3]).toEqual([
      "=1+2",
      "+张三",
      "2011-06-20",
      "93.0%",
      "3",
      "9.5",
      "8.25",
      "✓",
      "TRUE",
      "'汇总'!A1",
    ]);
    expect(result[4]).toEqual([
      "-007",
      "@李四",
      "2011-06-20",
      "50.0%",
      "1",
      "8.0",
      "7.00",
      "✗",
      "FALSE",
      "x",
    ]);
    expect(result[5].slice(0, 3)).toEqual(["12", "a<b & c>\"d\" 'e'", "2010年5月5日"]);
    expect(csvOf(out, main, "表彰名单")[2][0]).toBe("一、先进基层党组织");
    expect(csvOf(out, main, "党员")[3]).toEqual(["DY002", "=李四", "2010-05-05", "预备党员"]);
    expect(csvOf(out, noStyles, "校验结果")[3].slice(2, 4)).toEqual(["2011-06-20", "93.0%"]);
    for (const f of [...corpus, ...(all.includes(prefixed) ? [prefixed] : [])]) {
      const name = f === prefixed ? "校验结果" : "考评结果-党员";
      const rows = csvOf(out, f, name);
      const expected =
        f === prefixed ? ["=1+2", "+张三", "2011-06-20", "93.0%"] : ["=A1", "2011-06-20", "93.0%"];
      expect({ f, row: rows[f === prefixed ? 3 : 1].slice(0, expected.length) }).toEqual({
        f,
        row: expected,
      });
    }
  });
});

test("a 100,000-row result sheet", async () => {
  const original = await writeSheetModels(SOURCE_MODELS);
  const rows = Array.from({ length: 100000 }, (_, i) => [
    `DY${String(i).padStart(6, "0")}`,
    `党员${i % 97}`,
    `第${i % 300}党支部`,
    "2011-06-20",
    (i % 100) / 10,
    i % 7,
    (i % 1000) / 1000,
    i % 3 ? "✓" : "✗",
    "正式党员",
    i,
    `备注${i % 13}`,
    i % 2 === 0,
  ]);
  const model: SheetModel = {
    name: "考评结果-党员",
    columns: [
      { header: "编号", format: "text" },
      { header: "姓名", format: "text" },
      { header: "组织" },
      { header: "日期", format: "date" },
      { header: "得分", format: "decimal1" },
      { header: "次数", format: "integer" },
      { header: "完成率", format: "percent" },
      { header: "结果" },
      { header: "类别" },
      { header: "序号" },
      { header: "备注" },
      { header: "合格" },
    ],
    rows,
    table: true,
    freezeHeader: true,
    conditional: [{ fromCol: 7, toCol: 7, equals: "✗", style: "bad" }],
  };
  const t0 = performance.now();
  const patched = patchWorkbook(original, [model], { replace: RESERVED });
  const ms = performance.now() - t0;
  console.log(
    `patchWorkbook: 100,000 rows × 12 columns in ${ms.toFixed(0)} ms (${(patched.length / 1e6).toFixed(1)} MB)`,
  );
  const s = sheet(readXlsx(patched, { sheetFilter: (n) => n === "考评结果-党员" }), "考评结果-党员");
  expect(s.rows.length).toBe(100001);
  expect(s.rows[100000]).toEqual([
    "DY099999",
    "党员89",
    "第99党支部",
    40714,
    9.9,
    4,
    0.999,
    "✗",
    "正式党员",
    99999,
    "备注3",
    false,
  ]);
});

test("hyperlinks are written in cell order, one per cell (the one planned last), after the rows", () => {
  const model: SheetModel = {
    name: "链接",
    columns: [{ header: "位置" }, { header: "数量", format: "integer" }],
    rows: [
      ["a", 1],
      ["b", 2],
      [null, 3],
    ],
    hyperlinks: [
      { row: 2, col: 0, target: "'党员'!A9" }, // blank cell: shows its target
      { row: 0, col: 1, target: "'党员'!B1" },
      { row: 0, col: 1, target: "'党员'!B2" }, // the same cell again: this one counts
      { row: 0, col: 0, target: "'党员'!A1" },
      { row: 1, col: 3, target: "'党员'!D5" }, // beyond the columns, inside the width
    ],
  };
  const patched = patchWorkbook(blankWorkbook(NOW), [model], { replace: [], now: NOW });
  const xml = text(patched, "xl/worksheets/sheet1.xml");
  const links = [
    ...xml.matchAll(/<hyperlink ref="([A-Z]+\d+)" location="([^"]*)" display="([^"]*)"\/>/g),
  ].map((m) => [m[1], m[2].replace(/&apos;/g, "'"), m[3]]);
  expect(links).toEqual([
    ["A2", "'党员'!A1", "a"],
    ["B2", "'党员'!B2", "1"],
    ["D3", "'党员'!D5", "'党员'!D5"],
    ["A4", "'党员'!A9", "'党员'!A9"],
  ]);
  expect(xml.indexOf("<hyperlinks>")).toBeGreaterThan(xml.indexOf("</sheetData>"));
  const wb = readXlsx(patched);
  expect(cellAt(sheet(wb, "链接"), 1, 1)).toBe(1);
});
