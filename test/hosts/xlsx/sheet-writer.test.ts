// The sheet writer's cache of cell tails (sheet-writer.ts, CellTails): a repeated value is written
// as the bytes it made the first time. Whatever a column holds — repeats, values all different,
// texts that need escaping or xml:space, numbers, booleans — the cells read back as written.
import { strFromU8, unzipSync } from "fflate";
import { cellAt } from "../../../src/engine/grid";
import type { CellValue } from "../../../src/engine/grid";
import { blankWorkbook } from "../../../src/hosts/xlsx/blank-workbook";
import { patchWorkbook } from "../../../src/hosts/xlsx/patch";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import type { SheetModel } from "../../../src/report/sheet-model";

const ROWS = 6000; // past the writer's trial of 2,000 cells per column
const PHASES = ["第一时段", "第二时段", "第三时段"];
const ODD = ["a&b<c>", " 前有空格", "后有空格 ", "两行\n文字", "_x0041_", "tab\there", "=SUM(A1)"];

function row(i: number): CellValue[] {
  return [
    PHASES[i % 3], // repeats
    `M${String(i).padStart(6, "0")}`, // all different: the column stops being cached
    i % 21, // small numbers
    i % 7 === 0 ? (i / 7) % 2 === 0 : i % 2 === 0 ? 0.5 : i / 3, // booleans among numbers, some repeated
    ODD[i % ODD.length], // repeated texts that need escaping or xml:space
    i < ROWS / 2 ? `唯一${i}` : "从此重复", // all different during the trial, repeats after it
    i % 5 === 0 ? null : "有", // blanks between repeats
  ];
}

const MODEL: SheetModel = {
  name: "尾部缓存",
  columns: ["时段", "编号", "分", "混合", "特殊", "后来重复", "有无"].map((header) => ({ header })),
  rows: Array.from({ length: ROWS }, (_, i) => row(i)),
};

test("every cell reads back as written, whether its column's tails are cached or not", () => {
  const bytes = patchWorkbook(blankWorkbook(), [MODEL], { replace: [] });
  const grid = readXlsx(bytes).sheets.find((s) => s.name === MODEL.name)!;
  for (let i = 0; i < ROWS; i++) {
    const want = row(i);
    for (let c = 0; c < want.length; c++) {
      const expected = want[c] === null ? null : want[c];
      expect([i, c, cellAt(grid, i + 1, c)]).toEqual([i, c, expected]);
    }
  }
});

test("a cached text keeps its escaping and xml:space, and its row number is its own", () => {
  const files = unzipSync(patchWorkbook(blankWorkbook(), [MODEL], { replace: [] }));
  const part = Object.keys(files).find(
    (n) => /worksheets\/sheet\d+\.xml$/.test(n) && strFromU8(files[n]).includes("前有空格"),
  )!;
  const xml = strFromU8(files[part]);
  const count = (s: string) => xml.split(s).length - 1;
  const per = Math.ceil(ROWS / ODD.length);
  expect(count("<t>a&amp;b&lt;c&gt;</t>")).toBeGreaterThanOrEqual(per - 1);
  expect(count('<t xml:space="preserve"> 前有空格</t>')).toBeGreaterThanOrEqual(per - 1);
  expect(count("<t>_x005F_x0041_</t>")).toBeGreaterThanOrEqual(per - 1);
  // the last row's cells carry the last row's number
  const last = ROWS + 1;
  expect(xml).toContain(`<c r="A${last}"`);
  expect(xml).toContain(`<c r="F${last}"`);
  expect(xml).not.toContain(`<c r="A${last + 1}"`);
});

test("links: each cell's ref, its target and what it shows, escaped where they need it", () => {
  const model: SheetModel = {
    name: "链接",
    columns: [{ header: "编号" }, { header: "说明" }],
    rows: [
      ["M000001", "普通"],
      ['A&B"<C>', "要转义"],
      [12, "数字"],
      ["有\u0001控制字符", "要去掉"],
    ],
    hyperlinks: [
      { row: 0, col: 0, target: "'党员'!A5" },
      { row: 1, col: 0, target: "'R&D \"组\"'!B2" },
      { row: 2, col: 0, target: "'党员'!A6" },
      { row: 3, col: 1, target: "'党员'!A7" },
    ],
  };
  const files = unzipSync(patchWorkbook(blankWorkbook(), [model], { replace: [] }));
  const part = Object.keys(files).find(
    (n) => /worksheets\/sheet\d+\.xml$/.test(n) && strFromU8(files[n]).includes("<hyperlinks>"),
  )!;
  const links = strFromU8(files[part]).match(/<hyperlinks>.*<\/hyperlinks>/)![0];
  expect(links).toBe(
    "<hyperlinks>" +
      `<hyperlink ref="A2" location="'党员'!A5" display="M000001"/>` +
      `<hyperlink ref="A3" location="'R&amp;D &quot;组&quot;'!B2" display="A&amp;B&quot;&lt;C&gt;"/>` +
      `<hyperlink ref="A4" location="'党员'!A6" display="12"/>` +
      `<hyperlink ref="B5" location="'党员'!A7" display="要去掉"/>` +
      "</hyperlinks>",
  );
});
