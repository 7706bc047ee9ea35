// The write protocol (src/hosts/office/write-sheets.ts): new sheets written completely under hidden
// temporary names; then in one sync the old result sheets renamed to backups and the new ones shown,
// renamed into place and moved to the old tab positions; the backups deleted in a later sync; on any
// failure before that, the state before restored. Decorations are best-effort notes. What an earlier
// write left behind is cleared first. Protection is detected before anything changes.
import { CancelledError, HostError, type HostNote } from "../../../src/hosts/host";
import { TEMP_SHEET_PREFIX } from "../../../src/hosts/common/internal-sheets";
import type { SheetModel } from "../../../src/report/sheet-model";
import { ExcelFake, FakeRichApiError } from "../../fakes/excel-fake";
import { bigModel, newFake, officeHostOver, opsOf } from "./helpers";

const NAME = "考评结果-党员";
const LISTS = "表彰名单";

/** What a clerk has in the workbook: the sheets in tab order, their visibility, values and formats. */
function snapshot(fake: ExcelFake) {
  return fake.sheets.map((s) => ({
    name: s.name,
    visibility: s.visibility,
    values: JSON.stringify(s.values),
    formats: JSON.stringify(s.formats),
  }));
}

const temps = (fake: ExcelFake) => fake.sheetNames.filter((n) => n.startsWith(TEMP_SHEET_PREFIX));

/** 党员, the old 考评结果-党员, a clerk's own 备注 between, the old 表彰名单; then the new results. */
async function withOldResults() {
  const fake = newFake();
  const host = officeHostOver(fake, { requestBudget: 100_000 });
  await host.writeSheets([bigModel(3, NAME)], { replace: [NAME] });
  fake.addSheet({ name: "备注", values: [["clerk's notes"]] });
  await host.writeSheets([bigModel(2, LISTS)], { replace: [LISTS] });
  fake.resetStats();
  return { fake, host };
}

const NEW: SheetModel[] = [bigModel(2_000, NAME), bigModel(5, LISTS)];
const write = (host: ReturnType<typeof officeHostOver>, notes: HostNote[] = []) =>
  host.writeSheets(NEW, { replace: [NAME, LISTS], onNote: (n) => notes.push(n) });

test("new sheets are written hidden under temporary names; one sync swaps them in at the old tab positions; the old ones go later", async () => {
  const { fake, host } = await withOldResults();
  expect(fake.sheetNames).toEqual(["党员", NAME, "备注", LISTS]);
  const notes: HostNote[] = [];
  await write(host, notes);
  expect(notes).toEqual([]);
  const adds = opsOf(fake, "add");
  expect(adds).toHaveLength(2);
  const temp = adds[0].sheet!;
  expect(temp.startsWith(TEMP_SHEET_PREFIX)).toBe(true);
  expect(opsOf(fake, "visibility", temp)[0]).toMatchObject({ detail: "Hidden", sync: adds[0].sync });
  const writes = opsOf(fake, "values").filter((o) => o.sheet === temp || o.sheet === NAME);
  expect(writes.length).toBeGreaterThan(3);
  expect(writes.every((o) => o.sheet === temp)).toBe(true);
  // the swap: the old sheet becomes a backup, the new one is shown and takes its name, in one sync
  const toBackup = opsOf(fake, "rename").find((o) => o.detail === NAME)!;
  expect(toBackup.sheet!.startsWith(TEMP_SHEET_PREFIX)).toBe(true);
  const rename = opsOf(fake, "rename", NAME)[0];
  const show = opsOf(fake, "visibility", temp).find((o) => o.detail === "Visible")!;
  expect([toBackup.sync, show.sync]).toEqual([rename.sync, rename.sync]);
  expect(Math.max(...writes.map((o) => o.sync))).toBeLessThan(rename.sync);
  // the backups are deleted in a later sync
  const deletes = opsOf(fake, "delete");
  expect(deletes.map((o) => o.sheet!.startsWith(TEMP_SHEET_PREFIX))).toEqual([true, true]);
  expect(Math.min(...deletes.map((o) => o.sync))).toBeGreaterThan(rename.sync);
  // tab positions kept; data complete; the header frozen once the sheet is visible
  expect(fake.sheetNames).toEqual(["党员", NAME, "备注", LISTS]);
  expect(fake.sheet(NAME).value(2_001, 0)).toBe("M001999");
  expect(fake.sheet(NAME).frozenRows).toBeGreaterThan(0);
  expect(opsOf(fake, "freeze")[0].sync).toBeGreaterThan(rename.sync);
});

describe.each(["before its calls", "at its last call"] as const)("a failure %s", (mode) => {
  test("result sheets: a failure at every sync leaves the state before or the complete new state, no _PL_tmp_* sheet", async () => {
    const ref = await withOldResults();
    const before = snapshot(ref.fake);
    await write(ref.host);
    const after = snapshot(ref.fake);
    const n = ref.fake.syncCount;
    const swap = opsOf(ref.fake, "rename", NAME)[0].sync;
    expect(n).toBeGreaterThan(10);
    const outcomes = { rejected: 0, resolved: 0 };
    for (let k = 1; k <= n; k++) {
      const { fake, host } = await withOldResults();
      const failure = new FakeRichApiError("GeneralException", `boom at ${k}`);
      if (mode === "before its calls") fake.failAtSync = (s) => (s === k ? failure : undefined);
      else fake.failOn = (c) => (c.sync === k && c.index === c.calls - 1 ? failure : undefined);
      const notes: HostNote[] = [];
      const err = await write(host, notes).then(
        () => undefined,
        (e) => e,
      );
      expect(temps(fake)).toEqual([]);
      if (err) {
        outcomes.rejected++;
        expect(err).toBe(failure);
        expect(snapshot(fake)).toEqual(before);
      } else {
        outcomes.resolved++;
        expect(snapshot(fake)).toEqual(after);
        // a decoration that failed before the swap is a note; after the swap a retry may cover it
        if (k < swap) expect(notes.length).toBeGreaterThan(0);
      }
    }
    expect(outcomes.rejected).toBeGreaterThan(3);
    expect(outcomes.resolved).toBeGreaterThan(3);
  });
});

test("what an interrupted write left is cleared first: temporary sheets deleted, an orphaned backup renamed back", async () => {
  const { fake, host } = await withOldResults();
  fake.addSheet({ name: `${TEMP_SHEET_PREFIX}aaaaaa_1`, values: [["half"]], visibility: "Hidden" });
  // a backup of 未入选说明 whose new sheet never arrived, and a backup of 考评结果-党员 whose new one did
  fake.addSheet({ name: `${TEMP_SHEET_PREFIX}bbbbbb-未入选说明`, values: [["old reasons"]] });
  fake.addSheet({ name: `${TEMP_SHEET_PREFIX}cccccc-${NAME}`, values: [["older"]] });
  await host.writeSheets([bigModel(4, NAME)], { replace: [NAME] });
  expect(fake.sheetNames).toEqual(["党员", NAME, "备注", LISTS, "未入选说明"]);
  expect(fake.valueAt("未入选说明", "A1")).toBe("old reasons");
  expect(fake.sheet(NAME).value(5, 0)).toBe("M000003");
});

test("a rename that fails (a name taken meanwhile, a legacy shared workbook) restores the state before", async () => {
  const { fake, host } = await withOldResults();
  const before = snapshot(fake);
  const failure = new FakeRichApiError("ItemAlreadyExists", "A sheet with that name exists.");
  let once = true; // the swap's rename fails; the one that puts the old sheet back works
  fake.failOn = (c) => {
    if (!(once && c.kind === "rename" && c.args === LISTS)) return undefined;
    once = false;
    return failure;
  };
  await expect(write(host)).rejects.toBe(failure);
  expect(snapshot(fake)).toEqual(before);
});

test("when the old sheets cannot be deleted, the new ones stand, a note says so, and the next write removes them", async () => {
  const { fake, host } = await withOldResults();
  const failure = new FakeRichApiError("GeneralException", "cannot delete");
  fake.failOn = (c) => (c.kind === "delete" ? failure : undefined);
  const notes: HostNote[] = [];
  await write(host, notes);
  expect(fake.sheetNames.filter((n) => !n.startsWith(TEMP_SHEET_PREFIX))).toEqual([
    "党员",
    NAME,
    "备注",
    LISTS,
  ]);
  expect(fake.sheet(NAME).value(2_001, 0)).toBe("M001999");
  expect(notes.map((n) => n["zh-CN"])).toEqual([expect.stringContaining("旧的结果表未能删除")]);
  expect(temps(fake)).toHaveLength(2);
  fake.failOn = undefined;
  await write(host);
  expect(fake.sheetNames).toEqual(["党员", NAME, "备注", LISTS]);
});

test("a decoration that fails is a note naming the sheet and the part; the data is complete", async () => {
  const { fake, host } = await withOldResults();
  const failure = new FakeRichApiError("GeneralException", "no table");
  fake.failOn = (c) => (c.kind === "table" || c.kind === "pageLayout" ? failure : undefined);
  const notes: HostNote[] = [];
  await write(host, notes);
  expect(notes.map((n) => n["zh-CN"])).toEqual([
    `结果表“${NAME}”的表格和筛选未能设置，表中数据已完整写入`,
    `结果表“${NAME}”的打印设置未能设置，表中数据已完整写入`,
    `结果表“${LISTS}”的表格和筛选未能设置，表中数据已完整写入`,
    `结果表“${LISTS}”的打印设置未能设置，表中数据已完整写入`,
  ]);
  expect(fake.sheet(NAME).value(2_001, 0)).toBe("M001999");
  expect(fake.sheet(NAME).frozenRows).toBeGreaterThan(0);
});

test("when restoring fails too, a HostError names the sheets and keeps Excel's error as cause", async () => {
  const { fake, host } = await withOldResults();
  const failure = new FakeRichApiError("GeneralException", "boom");
  fake.failAtSync = (k) => (k >= 3 ? failure : undefined);
  const err = await write(host).catch((e) => e);
  expect(err).toBeInstanceOf(HostError);
  expect(err.text["zh-CN"]).toContain(TEMP_SHEET_PREFIX);
  expect(err.text["zh-CN"]).toContain("不保存");
  expect(err.cause).toBe(failure);
});

test("a cancel between chunks restores the state before", async () => {
  const { fake, host } = await withOldResults();
  const before = snapshot(fake);
  const ac = new AbortController();
  const err = await host
    .writeSheets(NEW, {
      replace: [NAME, LISTS],
      signal: ac.signal,
      onProgress: (p) => {
        if (p.done > 1000) ac.abort();
      },
    })
    .catch((e) => e);
  expect(err).toBeInstanceOf(CancelledError);
  expect(snapshot(fake)).toEqual(before);
});

test("a protected workbook structure is detected before any change, with a message saying what to do", async () => {
  const { fake, host } = await withOldResults();
  fake.structureProtected = true;
  const err = await write(host).catch((e) => e);
  expect(err).toBeInstanceOf(HostError);
  expect(err.text["zh-CN"]).toMatch(/^工作簿结构受保护，无法添加或替换工作表。请在“审阅”选项卡/);
  expect(fake.log.filter((o) => o.kind !== "load" && o.kind !== "function")).toEqual([]);
  const template = await host.addMissingSheets([bigModel(1, "新表")]).catch((e) => e);
  expect(template.text["zh-CN"]).toContain("工作簿结构受保护");
});

test("before ExcelApi 1.7 (no protection API) Excel's AccessDenied becomes a clear message; nothing is left", async () => {
  const fake = newFake({ apiMinor: 6, structureProtected: true });
  const err = await officeHostOver(fake)
    .writeSheets([bigModel(3, NAME)], { replace: [NAME] })
    .catch((e) => e);
  expect(err).toBeInstanceOf(HostError);
  expect(err.text["zh-CN"]).toContain("受保护");
  expect(err.cause).toMatchObject({ code: "AccessDenied" });
  expect(fake.sheetNames).toEqual(["党员"]);
});

test("cell-edit mode becomes a HostError the clerk can act on, with Excel's error as cause", async () => {
  const fake = newFake();
  const edit = new FakeRichApiError("InvalidOperationInCellEditMode", "cell edit");
  fake.failAtSync = () => edit;
  const err = await officeHostOver(fake)
    .readWorkbook()
    .catch((e) => e);
  expect(err).toBeInstanceOf(HostError);
  expect(err.text["zh-CN"]).toContain("编辑");
  expect(err.cause).toBe(edit);
});

test("any other Excel error is rethrown unchanged from every method", async () => {
  const fake = newFake();
  const host = officeHostOver(fake);
  const boom = new FakeRichApiError("GeneralException", "boom");
  fake.failAtSync = () => boom;
  await expect(host.readWorkbook()).rejects.toBe(boom);
  await expect(host.selectCell({ sheet: "党员", cell: "A1" })).rejects.toBe(boom);
  await expect(host.activateSheet("党员")).rejects.toBe(boom);
  await expect(host.highlightCells([{ sheet: "党员", cell: "A1" }], "#FFFF00")).rejects.toBe(boom);
  await expect(host.clearHighlights()).rejects.toBe(boom);
  await expect(host.applyFixes([{ sheet: "党员", cell: "A1", value: "x", kind: "text" }])).rejects.toBe(boom);
  await expect(host.addMissingSheets([bigModel(1)])).rejects.toBe(boom);
});
