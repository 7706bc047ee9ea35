// The sheet-plan contract: one test per property a SheetPlan decides, run against every writer that
// translates plans (the ExcelJS writer, the package patcher, the preview host, the Office host over
// the Excel fake). Each expectation is written out by hand from the models below — rows, columns,
// widths, formats, ranges as report/sheet-plan.ts lays them out — and each writer's result is read
// back independently of the writer's code (looks.ts), so a writer that drifts from the plan fails
// here with the property it got wrong.
import type { SheetModel } from "../../../src/report/sheet-model";
import { ORG_SCORES, orgScoresModel, PROGRESS, progressModel } from "../chart-models";
import type { PlanWriter } from "./adapters";
import { sheetLook, type CellView, type DropDownLook, type Look, type PrintLook } from "./looks";

const text = (value: string): CellView => ({ value, format: "@", formula: false });
const num = (value: number | boolean, format: string): CellView => ({ value, format, formula: false });

/** The Look's cells at `refs` (undefined where blank). */
function cellsAt(look: Look, sheet: string, refs: string[]): Record<string, CellView | undefined> {
  const cells = sheetLook(look, sheet).cells;
  return Object.fromEntries(refs.map((r) => [r, cells[r]]));
}

// ---------------------------------------------------------------------------------------------
// Cells

const CELLS = "校验结果";

/** Title (row 1), preamble (row 2), header (row 3), data rows 4…8. */
function cellsModel(): SheetModel {
  return {
    name: CELLS,
    title: "台账校验结果",
    preamble: ["检查：第一次"],
    columns: [
      { header: "编号", format: "text" },
      { header: "日期", format: "date" },
      { header: "数量", format: "integer" },
      { header: "比例", format: "percent" },
      { header: "得分", format: "decimal1" },
      { header: "备注" },
      { header: "金额", format: "decimal2" },
    ],
    rows: [
      ["=SUM(A1:A2)", "2012-11-07", 3, 0.5, 9.5, "-007", 1.5],
      ["+86 531", 41220, 0, 1, 80, 12.5, 2],
      ["0531", "2012年1月1日", null, null, null, true, null],
      ["2012-11-07", null, "", null, null, "@李四", null],
      [42, "2010-05-05", Infinity, 0.25, 0, "=1+2", null],
    ],
  };
}

/** The cells of cellsModel as planned: text as text ("@"), dates as serials of the workbook's system. */
function expectedCells(date1904: boolean): Record<string, CellView | undefined> {
  const shift = date1904 ? 1462 : 0;
  const date = (serial1900: number) => num(serial1900 - shift, "yyyy-mm-dd");
  return {
    A1: text("台账校验结果"),
    A2: text("检查：第一次"),
    A3: text("编号"),
    B3: text("日期"),
    C3: text("数量"),
    D3: text("比例"),
    E3: text("得分"),
    F3: text("备注"),
    G3: text("金额"),
    // row 4: formula-like text stays text; an ISO date becomes a serial
    A4: text("=SUM(A1:A2)"),
    B4: date(41220),
    C4: num(3, "0"),
    D4: num(0.5, "0.0%"),
    E4: num(9.5, "0.0"),
    F4: text("-007"),
    G4: num(1.5, "0.00"),
    // row 5: a 1900 serial in a date column is converted to the workbook's system
    A5: text("+86 531"),
    B5: date(41220),
    C5: num(0, "0"),
    D5: num(1, "0.0%"),
    E5: num(80, "0.0"),
    F5: num(12.5, "General"),
    G5: num(2, "0.00"),
    // row 6: numeric text stays text; an unreadable date stays the text it is; blanks stay blank
    A6: text("0531"),
    B6: text("2012年1月1日"),
    C6: undefined,
    D6: undefined,
    F6: num(true, "General"),
    // row 7: ISO-looking text in a text column stays text; "" is blank
    A7: text("2012-11-07"),
    B7: undefined,
    C7: undefined,
    F7: text("@李四"),
    // row 8: a number in a text column is its text; a non-finite number is its text
    A8: text("42"),
    B8: date(40303),
    C8: text("Infinity"),
    D8: num(0.25, "0.0%"),
    E8: num(0, "0.0"),
    F8: text("=1+2"),
    G8: undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Links

const LINKS = "链接";

/** Header row 1, data rows 2…4; a link in column D widens the layout to four columns. */
function linksModel(): SheetModel {
  return {
    name: LINKS,
    columns: [
      { header: "位置", format: "text" },
      { header: "数量", format: "integer" },
    ],
    rows: [
      ["党员!A3", 5],
      [null, 7],
      ["x", null],
    ],
    hyperlinks: [
      { row: 0, col: 0, target: "'党员'!A3" },
      { row: 1, col: 0, target: "'党员'!B9" },
      { row: 1, col: 1, target: "'党员'!C3" },
      { row: 2, col: 1, target: "'链接'!A1" },
      { row: 0, col: 3, target: "'党员'!D4" },
      { row: 5, col: 0, target: "'党员'!A1" }, // beyond the rows: dropped
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Drop-downs

const DROPS = "下拉";
const LONG_SHEET = "长表";
/** 60 items, 299 characters joined: too long for an inline list, so on the lists sheet. */
const LONG = Array.from({ length: 60 }, (_, i) => `选项${i + 1}`);
/** 34 characters: a prompt title is cut to 31 + "…". */
const LONG_HEADER = "这是一个超过三十二个字符的列标题，输入提示的标题最多只能有三十二个字";

function dropDownModels(): SheetModel[] {
  return [
    {
      name: DROPS,
      columns: [
        { header: "身份", format: "text", list: ["正式党员", "预备党员"], hint: "从列表中选择" },
        { header: "入党日期", format: "date", hint: "日期，如 2011-06-20" },
        { header: "支部", format: "text", list: LONG },
        { header: "类别", list: ["甲,乙", "丙"] }, // a comma in an item: on the lists sheet
        { header: "备注", format: "text" },
        { header: LONG_HEADER, format: "text", hint: "说明" },
      ],
      rows: [
        ["正式党员", "2010-05-05", "选项1", "丙", null, null],
        ["预备党员", null, "选项2", "甲,乙", null, null],
        [null, null, null, null, null, null],
      ],
    },
    {
      name: LONG_SHEET,
      columns: [{ header: "等次", list: ["优秀", "良好"] }],
      rows: Array.from({ length: 2100 }, (_, i) => [i % 2 ? "良好" : "优秀"]),
    },
  ];
}

const ERROR_TITLE = "输入有误";

function expectedDropDowns(): Record<string, DropDownLook[]> {
  // header row 1: drop-downs from row 2 over max(last row, 1 + 2000) rows
  const longMessage = `请从下拉列表中选择：${LONG.join("、")}`; // 299 characters: cut to 254 + "…"
  return {
    [DROPS]: [
      {
        col: "A",
        firstRow: 2,
        lastRow: 2001,
        list: ["正式党员", "预备党员"],
        prompt: { title: "身份", message: "从列表中选择" },
        error: { title: ERROR_TITLE, message: "请从下拉列表中选择：正式党员、预备党员", style: "stop" },
      },
      { col: "B", firstRow: 2, lastRow: 2001, prompt: { title: "入党日期", message: "日期，如 2011-06-20" } },
      {
        col: "C",
        firstRow: 2,
        lastRow: 2001,
        list: LONG,
        error: { title: ERROR_TITLE, message: `${longMessage.slice(0, 254)}…`, style: "stop" },
      },
      {
        col: "D",
        firstRow: 2,
        lastRow: 2001,
        list: ["甲,乙", "丙"],
        error: { title: ERROR_TITLE, message: "请从下拉列表中选择：甲,乙、丙", style: "stop" },
      },
      {
        col: "F",
        firstRow: 2,
        lastRow: 2001,
        prompt: { title: `${LONG_HEADER.slice(0, 31)}…`, message: "说明" },
      },
    ],
    // 2100 data rows (2…2101) reach past 2001
    [LONG_SHEET]: [
      {
        col: "A",
        firstRow: 2,
        lastRow: 2101,
        list: ["优秀", "良好"],
        error: { title: ERROR_TITLE, message: "请从下拉列表中选择：优秀、良好", style: "stop" },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Print

const PRINTED = "打印";
const PRINT_EMPTY = "打印默认";
const UNPRINTED = "不打印";

function printModels(): SheetModel[] {
  const rows = Array.from({ length: 6 }, (_, i) => [`U0${i + 1}`, i]);
  const columns = [
    { header: "单位", format: "text" as const },
    { header: "分数", format: "integer" as const },
  ];
  return [
    {
      // title row 1, header row 2, data rows 3…8
      name: PRINTED,
      title: "打印测试",
      columns,
      rows,
      print: {
        landscape: true,
        repeatHeader: true,
        header: { center: "第 &P 页 共 &N 页" },
        footer: { left: "历城区委组织部", right: "&D" },
        breakBefore: [0, 2, 4, 9], // 0 and 9 are not breaks between data rows
      },
    },
    { name: PRINT_EMPTY, columns, rows, print: {} },
    { name: UNPRINTED, columns, rows },
  ];
}

const EXPECTED_PRINT: Record<string, PrintLook> = {
  [PRINTED]: {
    paper: "A4",
    orientation: "landscape",
    fitToWidth: true,
    titleRows: "$2:$2",
    header: { center: "第 &P 页 共 &N 页" },
    footer: { left: "历城区委组织部", right: "&D" },
    rowBreaks: [5, 7],
  },
  [PRINT_EMPTY]: { paper: "A4", orientation: "portrait", fitToWidth: true, rowBreaks: [] },
  [UNPRINTED]: { paper: "A4", orientation: "portrait", fitToWidth: false, rowBreaks: [] },
};

// ---------------------------------------------------------------------------------------------

export function sheetPlanContract(name: string, writer: PlanWriter): void {
  describe(`sheet-plan contract: ${name}`, () => {
    describe.each([false, true])("cells (date1904 %s)", (date1904) => {
      test("values and number formats as planned: text stays text, dates are serials with a date format", async () => {
        const look = await writer.write([cellsModel()], { date1904 });
        expect(look.date1904).toBe(date1904);
        const expected = expectedCells(date1904);
        expect(cellsAt(look, CELLS, Object.keys(expected))).toEqual(expected);
        // nothing beyond the planned cells, and no cell of the sheet is a formula
        const cells = sheetLook(look, CELLS).cells;
        expect(Object.keys(cells).filter((r) => !(r in expected))).toEqual([]);
        expect(Object.entries(cells).filter(([, c]) => c.formula)).toEqual([]);
      });
    });

    test("links: internal targets on the planned cells; a blank link cell shows its target", async () => {
      const look = await writer.write([linksModel()], { date1904: false });
      expect(sheetLook(look, LINKS).links).toEqual([
        { cell: "A2", target: "'党员'!A3" },
        { cell: "D2", target: "'党员'!D4" },
        { cell: "A3", target: "'党员'!B9" },
        { cell: "B3", target: "'党员'!C3" },
        { cell: "B4", target: "'链接'!A1" },
      ]);
      expect(cellsAt(look, LINKS, ["A2", "D2", "A3", "B3", "B4", "A4"])).toEqual({
        A2: text("党员!A3"),
        D2: text("'党员'!D4"),
        A3: text("'党员'!B9"),
        B3: num(7, "0"),
        B4: text("'链接'!A1"),
        A4: text("x"),
      });
    });

    test("column widths in characters (±0.1)", async () => {
      const model: SheetModel = {
        name: "列宽",
        columns: [
          { header: "编号", format: "text" }, // 2 CJK = 4, + 4 → 8
          { header: "单位名称", width: 22 },
          { header: "日期", format: "date" }, // dates at least 12
          { header: "这是一个非常非常长的列标题文字用来测试宽度的上限" }, // capped at 40
          { header: "Score", width: 8.5 },
          { header: "ab", format: "integer" }, // at least 8
        ],
        rows: [["M001", "历城区", "2012-11-07", "x", 1, 2]],
      };
      const widths = sheetLook(await writer.write([model], { date1904: false }), "列宽").columnWidths;
      const expected: Record<string, number> = { A: 8, B: 22, C: 12, D: 40, E: 8.5, F: 8 };
      expect(Object.keys(widths).sort()).toEqual(Object.keys(expected));
      const off = Object.entries(expected).filter(([c, w]) => !(Math.abs(widths[c] - w) <= 0.1));
      expect(off.map(([c, w]) => `${c}: ${widths[c]} (planned ${w})`)).toEqual([]);
    });

    test("row heights: title, preamble and header rows set; wrapped rows as tall as their lines; one-line rows keep the default", async () => {
      const models: SheetModel[] = [
        {
          name: "行高",
          title: "标题",
          preamble: ["说明"],
          columns: [{ header: "a" }, { header: "b" }],
          rows: [[1, 2]],
        },
        { name: "无标题", columns: [{ header: "a" }], rows: [[1]] },
        {
          // header 1; data 2–5. A 10-character column holds 8 units (4 CJK) a line at 11 pt, two
          // such columns merged 17 units (8 CJK); a 12-pt note or section line is 16.5 points.
          name: "折行",
          columns: [
            { header: "理由", width: 10, format: "text", wrap: true },
            { header: "备注", width: 10, format: "text" },
          ],
          rows: [
            ["一二三四五六七八九十", "一二三四五六七八九十"], // 3 lines in A (B does not wrap)
            ["一二三四五六七八九十", null], // merged A:B: 2 lines
            ["一二三", "x"], // one line: the default height
            ["签字：", null],
          ],
          rowKinds: [undefined, undefined, undefined, "note"],
          spans: [{ row: 1, col: 0, cols: 2 }],
        },
      ];
      const look = await writer.write(models, { date1904: false });
      // lines × 15 points (11 pt) + 4; the title at least 30
      expect(sheetLook(look, "行高").rowHeights).toEqual({ "1": 30, "2": 19, "3": 19 });
      expect(sheetLook(look, "无标题").rowHeights).toEqual({ "1": 19 });
      expect(sheetLook(look, "折行").rowHeights).toEqual({ "1": 19, "2": 49, "3": 34, "5": 20.5 });
    });

    test("fonts: 黑体 for titles, headers and sections, 宋体 for the body, at the planned sizes", async () => {
      const model: SheetModel = {
        // title 1, preamble 2, header 3, data 4–7
        name: "字体",
        title: "表彰推荐名单",
        preamble: ["推荐单位：历城区"],
        columns: [
          { header: "序号", format: "integer" },
          { header: "姓名", format: "text" },
          { header: "推荐理由", format: "text", wrap: true },
        ],
        rows: [
          ["一、第一时段", null, null],
          ["序号", "党组织名称", "推荐理由"],
          [1, "张三", "表现突出"],
          ["负责人（签字）：", null, null],
        ],
        rowKinds: ["section", "header", undefined, "note"],
        hyperlinks: [{ row: 2, col: 1, target: "'党员'!B2" }],
      };
      const look = await writer.write([model], { date1904: false });
      expect(sheetLook(look, "字体").fonts).toEqual({
        A1: "黑体 16",
        A2: "宋体 11",
        A3: "黑体 11",
        B3: "黑体 11",
        C3: "黑体 11",
        A4: "黑体 12",
        A5: "黑体 11",
        B5: "黑体 11",
        C5: "黑体 11",
        A6: "宋体 11",
        B6: "宋体 11",
        C6: "宋体 11",
        A7: "宋体 12",
      });
      // a header row inside the data is text, whatever its column's format
      expect(cellsAt(look, "字体", ["A5", "A6"])).toEqual({ A5: text("序号"), A6: num(1, "0") });
    });

    test("spans and sheets without a header row: merged cells of data rows, covered cells blank", async () => {
      const model: SheetModel = {
        // title 1, no header row: data 2–5
        name: "合并",
        title: "名单",
        noHeaderRow: true,
        columns: [{ header: "a" }, { header: "b" }, { header: "c" }, { header: "d" }],
        rows: [
          ["序号", "姓名", "性别", "理由"],
          [1, "某某党支部", "丢弃", "好"],
          ["序号", "党组织名称", null, "理由"],
          [2, "乙", "男", "好"],
        ],
        rowKinds: ["header", undefined, "header", undefined],
        spans: [
          { row: 1, col: 1, cols: 2 },
          { row: 2, col: 1, cols: 2 },
        ],
        freezeHeader: true,
        table: true,
        print: { landscape: true, repeatHeader: true },
      };
      const look = await writer.write([model], { date1904: false });
      const s = sheetLook(look, "合并");
      expect(s.merges).toEqual(["A1:D1", "B3:C3", "B4:C4"]);
      expect(cellsAt(look, "合并", ["A1", "A2", "B3", "C3", "B4", "C4", "A5", "C5"])).toEqual({
        A1: text("名单"),
        A2: text("序号"),
        B3: text("某某党支部"),
        C3: undefined, // covered by the span: its value is not written
        B4: text("党组织名称"),
        C4: undefined,
        A5: num(2, "General"),
        C5: text("男"),
      });
      // no header row: nothing frozen, no table or filter, no repeated title rows
      expect([s.freezeRows, s.table, s.autoFilter, s.print.titleRows]).toEqual([
        0,
        undefined,
        undefined,
        undefined,
      ]);
    });

    test("merges: title, preamble lines and section rows across the layout's columns", async () => {
      const models: SheetModel[] = [
        {
          // title 1, preamble 2–3, header 4, data 5–8 (sections on 5 and 7)
          name: "表彰名单",
          title: "表彰名单",
          preamble: ["单位：历城区", "时间：2012年"],
          columns: [
            { header: "单位", format: "text" },
            { header: "名称", format: "text" },
            { header: "理由", format: "text", wrap: true },
          ],
          rows: [
            ["第一时段", null, null],
            ["U01", "先进", "x"],
            [null, "第二时段", null],
            ["U02", "优秀", "y"],
          ],
          rowKinds: ["section", undefined, "section", undefined],
        },
        { name: "单列", title: "一列", columns: [{ header: "a" }], rows: [[1]] },
      ];
      const look = await writer.write(models, { date1904: false });
      expect(sheetLook(look, "表彰名单").merges).toEqual(["A1:C1", "A2:C2", "A3:C3", "A5:C5", "A7:C7"]);
      // a section row shows its first non-blank text in column A
      expect(cellsAt(look, "表彰名单", ["A5", "A7", "B7"])).toEqual({
        A5: text("第一时段"),
        A7: text("第二时段"),
        B7: undefined,
      });
      expect(sheetLook(look, "单列").merges).toEqual([]);
    });

    test("drop-downs: list values (inline or on the hidden lists sheet), prompts and stop alerts over the planned rows", async () => {
      const look = await writer.write(dropDownModels(), { date1904: false });
      const expected = expectedDropDowns();
      expect(sheetLook(look, DROPS).dropDowns).toEqual(expected[DROPS]);
      expect(sheetLook(look, LONG_SHEET).dropDowns).toEqual(expected[LONG_SHEET]);
      // the long lists live on one hidden sheet, after the result sheets
      const names = look.sheets.map((s) => s.name);
      expect(names.slice(names.indexOf(DROPS))).toEqual([DROPS, LONG_SHEET, "_PL_lists"]);
      expect(sheetLook(look, "_PL_lists").hidden).toBe(true);
    });

    test("frozen rows: the header and everything above it", async () => {
      const models: SheetModel[] = [
        {
          name: "冻结",
          title: "t",
          preamble: ["p"],
          columns: [{ header: "a" }],
          rows: [[1]],
          freezeHeader: true,
        },
        { name: "冻结表头", columns: [{ header: "a" }], rows: [[1]], freezeHeader: true },
        { name: "不冻结", title: "t", columns: [{ header: "a" }], rows: [[1]] },
      ];
      const look = await writer.write(models, { date1904: false });
      expect(models.map((m) => sheetLook(look, m.name).freezeRows)).toEqual([3, 1, 0]);
    });

    test("print setup: A4, orientation, fit to width, title rows, header and footer texts, row breaks", async () => {
      const look = await writer.write(printModels(), { date1904: false });
      const got = Object.fromEntries(Object.keys(EXPECTED_PRINT).map((n) => [n, sheetLook(look, n).print]));
      expect(got).toEqual(EXPECTED_PRINT);
    });

    test("conditional formats: the planned range and value", async () => {
      const models: SheetModel[] = [
        {
          // header row 1, data rows 2–4
          name: "条件格式",
          columns: [{ header: "a" }, { header: "b" }, { header: "c" }, { header: "d" }],
          rows: [
            ["x", '说"好"', "y", "✗"],
            ["x", "z", '说"好"', "✓"],
            ["x", "z", "y", "✗"],
          ],
          conditional: [
            { fromCol: 3, toCol: 3, equals: "✗", style: "bad" },
            { fromCol: 2, toCol: 1, equals: '说"好"', style: "good" },
          ],
        },
        {
          name: "无数据",
          columns: [{ header: "a" }],
          rows: [],
          conditional: [{ fromCol: 0, toCol: 0, equals: "✗", style: "bad" }],
        },
      ];
      const look = await writer.write(models, { date1904: false });
      expect(sheetLook(look, "条件格式").conditionals).toEqual([
        { range: "B2:C4", equals: '说"好"' },
        { range: "D2:D4", equals: "✗" },
      ]);
      expect(sheetLook(look, "无数据").conditionals).toEqual([]);
    });

    test(
      writer.tablesAsFilters
        ? "table or filter over the filter range (this writer makes a table a filter over the same range)"
        : "table or filter over the filter range: a table, or a filter where a table cannot be",
      async () => {
        const models: SheetModel[] = [
          // title 1, header 2, data 3–4
          {
            name: "表格",
            title: "t",
            columns: [{ header: "a" }, { header: "b" }, { header: "c" }],
            rows: [
              [1, 2, 3],
              [4, 5, 6],
            ],
            table: true,
          },
          {
            // merged section rows: no table
            name: "分节",
            columns: [
              { header: "a", format: "text" },
              { header: "b", format: "text" },
            ],
            rows: [
              ["第一时段", null],
              ["U01", "x"],
              ["第二时段", null],
              ["U02", "y"],
            ],
            rowKinds: ["section", undefined, "section", undefined],
            table: true,
          },
          // no rows: no table, a filter over the header
          { name: "空表", columns: [{ header: "a" }, { header: "b" }], rows: [], table: true },
          { name: "无筛选", columns: [{ header: "a" }], rows: [[1]] },
        ];
        const look = await writer.write(models, { date1904: false });
        const got = models.map((m) => {
          const s = sheetLook(look, m.name);
          return { sheet: m.name, table: s.table, autoFilter: s.autoFilter };
        });
        expect(got).toEqual([
          writer.tablesAsFilters
            ? { sheet: "表格", table: undefined, autoFilter: "A2:C4" }
            : { sheet: "表格", table: "A2:C4", autoFilter: undefined },
          { sheet: "分节", table: undefined, autoFilter: "A1:B5" },
          { sheet: "空表", table: undefined, autoFilter: "A1:B1" },
          { sheet: "无筛选", table: undefined, autoFilter: undefined },
        ]);
      },
    );

    test("hidden sheets stay hidden, the others are visible, in the models' order", async () => {
      const models: SheetModel[] = [
        { name: "可见", columns: [{ header: "a" }], rows: [[1]] },
        { name: "隐藏表", columns: [{ header: "a" }], rows: [[1]], hidden: true },
        { name: "也可见", columns: [{ header: "a" }], rows: [[1]] },
      ];
      const look = await writer.write(models, { date1904: false });
      const names = look.sheets.map((s) => s.name);
      expect(names.slice(names.indexOf("可见"))).toEqual(["可见", "隐藏表", "也可见"]);
      expect(models.map((m) => sheetLook(look, m.name).hidden)).toEqual([false, true, false]);
    });

    test("charts: title and series names, on the planned sheets", async () => {
      const models = [orgScoresModel(), progressModel(3)];
      if (writer.refusesCharts) {
        await expect(writer.write(models, { date1904: false })).rejects.toThrow(/charts/);
        return;
      }
      const look = await writer.write(models, { date1904: false });
      expect(sheetLook(look, PROGRESS).charts).toEqual([
        { title: "各单位季度点评与群众评议覆盖率", series: ["季度点评覆盖率", "群众评议覆盖率"] },
      ]);
      expect(sheetLook(look, ORG_SCORES).charts).toEqual([
        {
          title: "各单位基层党组织考评等次分布（第三时段）",
          series: ["第三时段组织优秀", "第三时段组织良好", "第三时段组织较差"],
        },
      ]);
    });
  });
}
