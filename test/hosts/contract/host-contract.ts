// The host contract: one suite, run against every LedgerHost implementation (the Office host over
// the Excel fake, the preview host over real .xlsx bytes), so the hosts cannot drift apart.
import { a1, columnLetters, parseA1, type CellValue, type Workbook } from "../../../src/engine/grid";
import {
  CancelledError,
  HostError,
  type CellRef,
  type HostProgress,
  type LedgerHost,
} from "../../../src/hosts/host";
import { isDateFormat } from "../../../src/hosts/common/cell-format";
import { isoToSerial } from "../../../src/engine/dates";
import type { SheetModel } from "../../../src/report/sheet-model";
import { templateModels } from "../../../src/report/template";
import { writeSheetModels } from "../../../src/hosts/xlsx/write";
import { ORG_SCORES, orgScoresModel, PROGRESS, progressModel } from "../chart-models";
import { dropDownLists, type ChartLook, type Look } from "./looks";
import { lookOfPackage } from "./package-look";

export type { ChartLook };

/** A workbook to start from: Grids, plus solid fills (sheet → A1 → #RRGGBB). */
export interface Seed {
  book: Workbook;
  fills?: Record<string, Record<string, string>>;
}

export interface CellLook {
  value: CellValue;
  /** Number format of a numeric cell (undefined for General or a non-number). */
  format?: string;
  /** #RRGGBB of a solid fill, null for no fill. */
  fill: string | null;
}

/** Looks at the workbook behind a host without going through the host. */
export interface Inspect {
  /** All sheets in order, hidden and internal ones included. */
  sheetNames(): Promise<string[]>;
  cell(sheet: string, ref: string): Promise<CellLook>;
  selection(): Promise<CellRef | undefined>;
  activeSheet(): Promise<string | undefined>;
  /** The charts on a sheet. */
  charts(sheet: string): Promise<ChartLook[]>;
  /** Everything a sheet plan decides, for every sheet (see looks.ts). */
  look(): Promise<Look>;
}

export interface HostUnderTest {
  host: LedgerHost;
  inspect: Inspect;
  /** A new host over the same workbook (the pane was reloaded). */
  reopen(): LedgerHost;
}

export type MakeHost = (seed: Seed) => Promise<HostUnderTest>;

// ---------------------------------------------------------------------------------------------
// Canonical form of a Workbook (hosts may differ in padding and array holes, not in content)

export interface CanonSheet {
  name: string;
  hidden: boolean;
  /** A1 → [value, number format of a numeric cell]. */
  cells: Record<string, [CellValue, string | undefined]>;
  merges: string[];
}

export function canon(wb: Workbook): {
  date1904: boolean;
  definedNames: Record<string, string>;
  sheets: CanonSheet[];
} {
  return {
    date1904: wb.date1904,
    definedNames: wb.definedNames ?? {},
    sheets: wb.sheets.map((g) => {
      const cells: CanonSheet["cells"] = {};
      g.rows.forEach((row, r) =>
        row?.forEach((v, c) => {
          if (v === null || v === undefined || v === "") return;
          const f = typeof v === "number" ? g.formats?.[r]?.[c] : undefined;
          cells[a1(r, c)] = [v, f === undefined || f.toLowerCase() === "general" ? undefined : f];
        }),
      );
      return {
        name: g.name,
        hidden: g.hidden === true,
        cells,
        merges: g.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).sort(),
      };
    }),
  };
}

function sheetOf(wb: Workbook, name: string) {
  const g = wb.sheets.find((s) => s.name === name);
  if (!g) throw new Error(`no sheet ${name} in ${wb.sheets.map((s) => s.name).join(",")}`);
  return g;
}

function at(wb: Workbook, sheet: string, ref: string): CellValue {
  const { row, col } = parseA1(ref);
  const v = sheetOf(wb, sheet).rows[row]?.[col];
  return v === undefined || v === "" ? null : v;
}

function formatAtRef(wb: Workbook, sheet: string, ref: string): string | undefined {
  const { row, col } = parseA1(ref);
  return sheetOf(wb, sheet).formats?.[row]?.[col];
}

// ---------------------------------------------------------------------------------------------
// Seeds and models

const D = (iso: string, date1904 = false) => isoToSerial(iso, date1904);

/** A small ledger-like workbook with the things hosts get wrong: offsets, blanks, dates, text that looks like formulas. */
export function readSeed(date1904 = false): Workbook {
  return {
    date1904,
    definedNames: { PL_TEMPLATE_VERSION: "1.0" },
    sheets: [
      {
        name: "党员",
        rows: [
          ["历城区创先争优活动台账"],
          ["党员编号", "姓名", "入党日期", "积分", "正式", "备注"],
          ["M001", "张三", D("2010-05-05", date1904), 9.5, true, "=1+2"],
          ["M002", "李四", D("2011-07-01", date1904), 8, false, "-007"],
          undefined,
          ["M003", "王五", "2012年1月1日", 0, null, "+86 531"],
          [null, null, null, null, null, null, null, null, null, "远处"],
        ],
        formats: [
          undefined,
          undefined,
          [undefined, undefined, "yyyy-mm-dd", "0.0"],
          [undefined, undefined, "yyyy-mm-dd"],
        ],
        merges: [{ top: 0, left: 0, bottom: 0, right: 5 }],
      },
      {
        name: "偏移",
        rows: [undefined, undefined, [null, null, "C3", 1], [null, null, null, 2.5]],
        merges: [],
      },
      { name: "隐藏", hidden: true, rows: [["hidden"]], merges: [] },
    ],
  };
}

export function resultModel(name = "校验结果", tag = "第一次"): SheetModel {
  return {
    name,
    title: "台账校验结果",
    preamble: [`检查：${tag}`],
    columns: [
      { header: "编号", format: "text" },
      { header: "说明", format: "text" },
      { header: "日期", format: "date" },
      { header: "数量", format: "integer" },
      { header: "比例", format: "percent" },
      { header: "备注" },
    ],
    rows: [
      ["=SUM(A1:A2)", "+86 531 1234", "2012-11-07", 3, 0.5, "-007"],
      ["-5", "@李四", 41220, 0, 1, "普通文本"],
      ["0531", "2012-11-07", null, null, null, 12.5],
      [tag, null, null, null, null, null],
    ],
    table: true,
    freezeHeader: true,
    print: { landscape: true, repeatHeader: true },
    hyperlinks: [{ row: 0, col: 0, target: "'党员'!A3" }],
    conditional: [{ fromCol: 5, toCol: 5, equals: "普通文本", style: "good" }],
  };
}

function sectionModel(): SheetModel {
  return {
    name: "表彰名单",
    columns: [
      { header: "单位", format: "text" },
      { header: "名称", format: "text" },
    ],
    rows: [
      ["第一时段", null],
      ["U01", "=先进"],
      ["第二时段", null],
      ["U02", "优秀"],
    ],
    rowKinds: ["section", undefined, "section", undefined],
    table: true,
  };
}

const RESULT_NAMES = [
  "校验结果",
  "考评结果-组织",
  "考评结果-党员",
  "表彰名单",
  "未入选说明",
  "进度督查",
  "报送情况",
];

function checkProgress(events: HostProgress[]): void {
  expect(events.length).toBeGreaterThan(0);
  for (const p of events) {
    expect(p.stage["zh-CN"].length).toBeGreaterThan(0);
    expect(p.stage.en.length).toBeGreaterThan(0);
    expect(p.done).toBeGreaterThanOrEqual(0);
    expect(p.done).toBeLessThanOrEqual(p.total);
  }
  const last = events[events.length - 1];
  expect(last.done).toBe(last.total);
}

// ---------------------------------------------------------------------------------------------

export function hostContract(name: string, makeHost: MakeHost): void {
  describe(`host contract: ${name}`, () => {
    describe.each([false, true])("readWorkbook (date1904 %s)", (date1904) => {
      test("returns the workbook's Grids: values, date serials and their formats, merges, hidden sheets, names", async () => {
        const seed = readSeed(date1904);
        const { host } = await makeHost({ book: seed });
        const events: HostProgress[] = [];
        const wb = await host.readWorkbook({ onProgress: (p) => events.push(p) });
        expect(canon(wb)).toEqual(canon(seed));
        checkProgress(events);
      });
    });

    describe.each([false, true])("writeSheets (date1904 %s)", (date1904) => {
      test("writes title, preamble, header and rows readably; text stays text; dates are serials with a date format", async () => {
        const seed = readSeed(date1904);
        const { host, inspect } = await makeHost({ book: seed });
        const events: HostProgress[] = [];
        await host.writeSheets([resultModel(), sectionModel()], {
          replace: RESULT_NAMES,
          onProgress: (p) => events.push(p),
        });
        checkProgress(events);
        const wb = await host.readWorkbook();
        const S = "校验结果";
        expect(at(wb, S, "A1")).toBe("台账校验结果");
        expect(at(wb, S, "A2")).toBe("检查：第一次");
        expect(["A3", "B3", "C3", "D3", "E3", "F3"].map((r) => at(wb, S, r))).toEqual([
          "编号",
          "说明",
          "日期",
          "数量",
          "比例",
          "备注",
        ]);
        // text that Excel would take for a formula or a number stays the text it is
        expect(at(wb, S, "A4")).toBe("=SUM(A1:A2)");
        expect(at(wb, S, "B4")).toBe("+86 531 1234");
        expect(at(wb, S, "F4")).toBe("-007");
        expect(at(wb, S, "A5")).toBe("-5");
        expect(at(wb, S, "B5")).toBe("@李四");
        expect(at(wb, S, "A6")).toBe("0531");
        expect(at(wb, S, "B6")).toBe("2012-11-07");
        // dates: serials in this workbook's system, with a date format
        expect(at(wb, S, "C4")).toBe(D("2012-11-07", date1904));
        expect(at(wb, S, "C5")).toBe(date1904 ? 41220 - 1462 : 41220);
        expect(isDateFormat(formatAtRef(wb, S, "C4"))).toBe(true);
        expect(isDateFormat(formatAtRef(wb, S, "C5"))).toBe(true);
        // numbers stay numbers
        expect(at(wb, S, "D4")).toBe(3);
        expect(at(wb, S, "E4")).toBe(0.5);
        expect(at(wb, S, "F6")).toBe(12.5);
        expect(isDateFormat(formatAtRef(wb, S, "D4"))).toBe(false);
        expect(at(wb, S, "A7")).toBe("第一次");
        // section rows: their text in column A
        expect(at(wb, "表彰名单", "A2")).toBe("第一时段");
        expect(at(wb, "表彰名单", "B3")).toBe("=先进");
        expect(at(wb, "表彰名单", "A4")).toBe("第二时段");
        // the cells themselves, as the workbook holds them
        expect((await inspect.cell(S, "A4")).value).toBe("=SUM(A1:A2)");
        expect(isDateFormat((await inspect.cell(S, "C4")).format)).toBe(true);
        // nothing temporary is left, sources come first
        const names = await inspect.sheetNames();
        expect(names).toEqual(["党员", "偏移", "隐藏", "校验结果", "表彰名单"]);
      });
    });

    test("re-running replaces the result sheets (no duplicates) and leaves source sheets unchanged", async () => {
      const seed = readSeed();
      const { host, inspect } = await makeHost({ book: seed });
      const before = canon(await host.readWorkbook());
      await host.writeSheets([resultModel("校验结果", "第一次")], { replace: RESULT_NAMES });
      await host.writeSheets([resultModel("校验结果", "第二次")], { replace: RESULT_NAMES });
      const names = await inspect.sheetNames();
      expect(names.filter((n) => n === "校验结果")).toHaveLength(1);
      expect(names.filter((n) => !["党员", "偏移", "隐藏", "校验结果"].includes(n))).toEqual([]);
      const after = await host.readWorkbook();
      expect(at(after, "校验结果", "A2")).toBe("检查：第二次");
      expect(at(after, "校验结果", "A7")).toBe("第二次");
      const sources = canon(after).sheets.filter((s) => s.name !== "校验结果");
      expect(sources).toEqual(before.sheets);
    });

    test("charts requested by the models are present after writeSheets, once each after a re-run", async () => {
      const { host, inspect } = await makeHost({ book: readSeed() });
      const coverage: ChartLook = {
        title: "各单位季度点评与群众评议覆盖率",
        series: ["季度点评覆盖率", "群众评议覆盖率"],
      };
      const grades: ChartLook = {
        title: "各单位基层党组织考评等次分布（第三时段）",
        series: ["第三时段组织优秀", "第三时段组织良好", "第三时段组织较差"],
      };
      await host.writeSheets([orgScoresModel(), progressModel(3)], { replace: RESULT_NAMES });
      expect(await inspect.charts(PROGRESS)).toEqual([coverage]);
      expect(await inspect.charts(ORG_SCORES)).toEqual([grades]);
      await host.writeSheets([orgScoresModel(), progressModel(4)], { replace: RESULT_NAMES });
      expect(await inspect.charts(PROGRESS)).toEqual([coverage]);
      expect(await inspect.charts(ORG_SCORES)).toEqual([grades]);
      expect(await inspect.charts("党员")).toEqual([]);
      const wb = await host.readWorkbook();
      expect(at(wb, PROGRESS, "B7")).toBe("历城区教育局党委");
      expect(at(wb, PROGRESS, "D4")).toBe(0.2);
    });

    test("a result sheet may not take the name of a sheet that is not reserved", async () => {
      const { host, inspect } = await makeHost({ book: readSeed() });
      const before = await inspect.sheetNames();
      await expect(host.writeSheets([resultModel("党员")], { replace: ["校验结果"] })).rejects.toBeInstanceOf(
        HostError,
      );
      expect(await inspect.sheetNames()).toEqual(before);
      expect((await inspect.cell("党员", "A3")).value).toBe("M001");
    });

    test("addMissingSheets adds only the absent sheets", async () => {
      const seed = readSeed();
      const { host, inspect } = await makeHost({ book: seed });
      const models: SheetModel[] = [
        { name: "党员", columns: [{ header: "党员编号", format: "text" }], rows: [] },
        {
          name: "公开承诺",
          columns: [
            { header: "承诺编号", format: "text" },
            { header: "完成时限", format: "date", list: ["a", "b"], hint: "日期" },
          ],
          rows: [],
        },
      ];
      const events: HostProgress[] = [];
      const added = await host.addMissingSheets(models, { onProgress: (p) => events.push(p) });
      expect(added).toEqual(["公开承诺"]);
      expect(await inspect.sheetNames()).toEqual(["党员", "偏移", "隐藏", "公开承诺"]);
      const wb = await host.readWorkbook();
      expect(at(wb, "公开承诺", "A1")).toBe("承诺编号");
      expect(canon(wb).sheets.find((s) => s.name === "党员")).toEqual(canon(seed).sheets[0]);
      expect(await host.addMissingSheets(models)).toEqual([]);
    });

    test("addMissingSheets(template) gives every ledger sheet the template's drop-down lists, as the ExcelJS-written template has them", async () => {
      const seed: Workbook = {
        date1904: false,
        sheets: [{ name: "备注", rows: [["说明"]], merges: [] }],
      };
      const { host, inspect } = await makeHost({ book: seed });
      const { models } = templateModels();
      const names = models.map((m) => m.name);
      expect(await host.addMissingSheets(models)).toEqual(names);
      // from the models: sheet → column letter → the listed values
      const expected: Record<string, Record<string, string[]>> = {};
      for (const m of models) {
        const cols: Record<string, string[]> = {};
        m.columns.forEach((c, i) => {
          if (c.list?.length) cols[columnLetters(i)] = c.list;
        });
        expected[m.name] = cols;
      }
      const withLists = Object.values(expected).filter((cols) => Object.keys(cols).length > 0);
      expect(withLists.length).toBeGreaterThanOrEqual(5);
      expect(dropDownLists(await inspect.look(), names)).toEqual(expected);
      expect(dropDownLists(lookOfPackage(await writeSheetModels(models)), names)).toEqual(expected);
    });

    test("highlightCells then clearHighlights restores every original fill exactly", async () => {
      const seed = readSeed();
      const fills = { 党员: { A3: "#FF0000", C3: "#00B050" } };
      const { host, inspect } = await makeHost({ book: seed, fills });
      const refs: CellRef[] = [
        { sheet: "党员", cell: "A3" }, // had a fill
        { sheet: "党员", cell: "B3" }, // had none
        { sheet: "党员", cell: "C3" },
        { sheet: "党员", cell: "H20" }, // beyond the data: no cell yet
        { sheet: "偏移", cell: "C3" },
      ];
      const before = canon(await host.readWorkbook());
      await host.highlightCells(refs, "#FFEB9C");
      for (const r of refs) expect((await inspect.cell(r.sheet, r.cell)).fill).toBe("#FFEB9C");
      // a second highlight of a cell keeps the first original
      await host.highlightCells([{ sheet: "党员", cell: "A3" }], "#00FFFF");
      // the highlights change no value, and the memory is not a ledger sheet
      const during = canon(await host.readWorkbook());
      expect(during.sheets).toEqual(before.sheets);
      await host.clearHighlights();
      expect((await inspect.cell("党员", "A3")).fill).toBe("#FF0000");
      expect((await inspect.cell("党员", "B3")).fill).toBeNull();
      expect((await inspect.cell("党员", "C3")).fill).toBe("#00B050");
      expect((await inspect.cell("党员", "H20")).fill).toBeNull();
      expect((await inspect.cell("偏移", "C3")).fill).toBeNull();
      expect(await inspect.sheetNames()).toEqual(["党员", "偏移", "隐藏"]);
      expect(canon(await host.readWorkbook())).toEqual(before);
    });

    test("the highlight memory survives a pane reload (a new host over the same workbook)", async () => {
      const { host, inspect, reopen } = await makeHost({
        book: readSeed(),
        fills: { 党员: { B4: "#4472C4" } },
      });
      await host.highlightCells(
        [
          { sheet: "党员", cell: "B4" },
          { sheet: "党员", cell: "D4" },
        ],
        "#FFEB9C",
      );
      await reopen().clearHighlights();
      expect((await inspect.cell("党员", "B4")).fill).toBe("#4472C4");
      expect((await inspect.cell("党员", "D4")).fill).toBeNull();
    });

    describe.each([false, true])("applyFixes (date1904 %s)", (date1904) => {
      test("writes exactly the given cells — text, number, date — and nothing else", async () => {
        const seed = readSeed(date1904);
        const { host } = await makeHost({ book: seed });
        const events: HostProgress[] = [];
        await host.applyFixes(
          [
            { sheet: "党员", cell: "B3", value: "=张三", kind: "text" },
            { sheet: "党员", cell: "A4", value: "0531", kind: "text" },
            { sheet: "党员", cell: "D6", value: 42, kind: "number" },
            { sheet: "党员", cell: "C6", value: "2012-01-01", kind: "date" },
            { sheet: "偏移", cell: "F9", value: "2012-11-07", kind: "date" },
          ],
          { onProgress: (p) => events.push(p) },
        );
        checkProgress(events);
        const wb = await host.readWorkbook();
        const expected = canon(seed);
        const cells = (s: string) => expected.sheets.find((x) => x.name === s)!.cells;
        cells("党员").B3 = ["=张三", undefined];
        cells("党员").A4 = ["0531", undefined];
        cells("党员").D6 = [42, undefined];
        const got = canon(wb);
        const c6 = got.sheets[0].cells.C6;
        expect(c6[0]).toBe(D("2012-01-01", date1904));
        expect(isDateFormat(c6[1])).toBe(true);
        cells("党员").C6 = c6;
        const f9 = got.sheets[1].cells.F9;
        expect(f9[0]).toBe(D("2012-11-07", date1904));
        expect(isDateFormat(f9[1])).toBe(true);
        cells("偏移").F9 = f9;
        expect(got).toEqual(expected);
      });
    });

    test("selectCell and activateSheet; a missing sheet is a HostError", async () => {
      const { host, inspect } = await makeHost({ book: readSeed() });
      await host.selectCell({ sheet: "偏移", cell: "D4" });
      expect(await inspect.selection()).toEqual({ sheet: "偏移", cell: "D4" });
      expect(await inspect.activeSheet()).toBe("偏移");
      await host.activateSheet("党员");
      expect(await inspect.activeSheet()).toBe("党员");
      await expect(host.selectCell({ sheet: "不存在", cell: "A1" })).rejects.toBeInstanceOf(HostError);
      await expect(host.activateSheet("不存在")).rejects.toBeInstanceOf(HostError);
    });

    test("cancelling mid-write leaves the workbook as it was (no partial result sheets)", async () => {
      const { host, inspect } = await makeHost({ book: readSeed() });
      await host.writeSheets([resultModel("校验结果", "旧")], { replace: RESULT_NAMES });
      const before = canon(await host.readWorkbook());
      const names = await inspect.sheetNames();
      const ac = new AbortController();
      const write = host.writeSheets([resultModel("校验结果", "新"), sectionModel()], {
        replace: RESULT_NAMES,
        signal: ac.signal,
        onProgress: (p) => {
          if (p.stage["zh-CN"].startsWith("写入")) ac.abort();
        },
      });
      await expect(write).rejects.toBeInstanceOf(CancelledError);
      expect(await inspect.sheetNames()).toEqual(names);
      expect(canon(await host.readWorkbook())).toEqual(before);
    });

    test("capabilities name the host kind and list notes", async () => {
      const { host } = await makeHost({ book: readSeed() });
      const c = await host.capabilities();
      expect(["excel", "preview"]).toContain(c.kind);
      expect(Array.isArray(c.notes)).toBe(true);
    });
  });
}
