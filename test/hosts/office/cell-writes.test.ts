// The writes into the clerk's own sheets — highlights, their restore (清除标记) and fixes — are all or
// nothing: a failure at any sync leaves the cells as they were before or as they should be after;
// protected sheets are refused before anything changes; a fix never replaces a formula.
import { HostError, type HostNote } from "../../../src/hosts/host";
import { decodeEntries } from "../../../src/hosts/common/highlight-store";
import { HIGHLIGHTS_SHEET, TEMP_SHEET_PREFIX } from "../../../src/hosts/common/internal-sheets";
import { ExcelFake, FakeRichApiError } from "../../fakes/excel-fake";
import { newFake, officeHostOver, opsOf } from "./helpers";

type Host = ReturnType<typeof officeHostOver>;

/** 党员 with 40 rows (fills on some cells), and 组织 beside it. */
function seed(o: { protectedSheet?: boolean; structureProtected?: boolean } = {}): ExcelFake {
  const values = [["编号", "姓名", "出生日期", "得分"]];
  for (let r = 1; r <= 40; r++) values.push([`M${r}`, `党员${r}`, "1980-01-01", String(r)]);
  return newFake({
    structureProtected: o.structureProtected,
    sheets: [
      {
        name: "党员",
        values,
        formats: values.map(() => ["@", "@", "@", "General"]),
        fills: { A2: "#DDEBF7", B3: { color: "#FF0000", pattern: "Gray50", patternColor: "#0000FF" } },
        formulas: { D5: "=SUM(D2:D4)" },
        protected: o.protectedSheet,
      },
      { name: "组织", values: [["编号"], ["O1"]] },
    ],
  });
}

/** The cells, fills, sheets and highlight memory of the workbook. */
function snapshot(fake: ExcelFake) {
  const store = fake.find(HIGHLIGHTS_SHEET);
  return {
    sheets: fake.sheets.map((s) => `${s.name}:${s.visibility}`),
    cells: fake.sheets
      .filter((s) => s.name !== HIGHLIGHTS_SHEET)
      .map((s) => JSON.stringify([s.values, s.formats, [...s.fills].sort(), [...s.formulaText]])),
    memory: store
      ? decodeEntries(store.values.map((r) => (r ?? []).map((v) => v ?? "")))
          .map((e) => JSON.stringify(e))
          .sort()
      : null,
  };
}

const REFS = Array.from({ length: 30 }, (_, i) => ({ sheet: "党员", cell: `${"ABC"[i % 3]}${2 + i}` }));
const FIXES = Array.from({ length: 30 }, (_, i) => ({
  sheet: "党员",
  cell: `C${2 + i}`,
  value: `19${60 + (i % 30)}-0${1 + (i % 9)}-15`,
  kind: "date" as const,
}));

/** A small request budget: each protocol takes several syncs. */
const hostOf = (fake: ExcelFake) => officeHostOver(fake, { requestBudget: 2_000 });

/**
 * Runs `act` once to count its syncs and see the state after, then again with a failure injected at
 * each sync in turn (before its calls, and at its last call): the workbook must equal the state
 * before or the state after, and hold no temporary sheet.
 */
async function atEverySync(
  prepare: () => Promise<{ fake: ExcelFake; host: Host }>,
  act: (h: Host) => Promise<void>,
) {
  const ref = await prepare();
  const before = snapshot(ref.fake);
  await act(ref.host);
  const after = snapshot(ref.fake);
  expect(after).not.toEqual(before);
  const n = ref.fake.syncCount;
  expect(n).toBeGreaterThan(3);
  const outcomes = { before: 0, after: 0 };
  for (let k = 1; k <= n; k++)
    for (const mode of ["before", "last"]) {
      const { fake, host } = await prepare();
      const failure = new FakeRichApiError("GeneralException", `boom at ${k}`);
      if (mode === "before") fake.failAtSync = (s) => (s === k ? failure : undefined);
      else fake.failOn = (c) => (c.sync === k && c.index === c.calls - 1 ? failure : undefined);
      const err = await act(host).then(
        () => undefined,
        (e) => e,
      );
      const now = snapshot(fake);
      expect(fake.sheetNames.filter((x) => x.startsWith(TEMP_SHEET_PREFIX))).toEqual([]);
      if (err) {
        expect(err).toBe(failure);
        expect(now).toEqual(before);
        outcomes.before++;
      } else {
        expect(now).toEqual(after);
        outcomes.after++;
      }
    }
  expect(outcomes.before).toBeGreaterThan(2);
  return outcomes;
}

async function fresh() {
  const fake = seed();
  const host = hostOf(fake);
  fake.resetStats();
  return { fake, host };
}

async function highlighted() {
  const fake = seed();
  const host = hostOf(fake);
  await host.highlightCells(REFS.slice(0, 10), "#FFEB9C");
  fake.resetStats();
  return { fake, host };
}

test("highlights: a failure at every sync leaves the fills and the memory as before or complete", async () => {
  await atEverySync(fresh, (h) => h.highlightCells(REFS, "#FFC7CE"));
});

test("highlights added to earlier ones: a failure at every sync leaves the memory sheet as it was or complete", async () => {
  await atEverySync(highlighted, (h) => h.highlightCells(REFS, "#FFC7CE"));
});

test("restore of highlights (清除标记): a failure at every sync leaves the marks as they were or all cleared", async () => {
  await atEverySync(highlighted, (h) => h.clearHighlights());
  // and when nothing fails, every original fill is back and the memory sheet is gone
  const { fake, host } = await highlighted();
  await host.clearHighlights();
  expect(snapshot(fake)).toEqual(snapshot(seed()));
});

test("fixes: a failure at every sync leaves the cells as before or all fixed", async () => {
  await atEverySync(fresh, (h) => h.applyFixes(FIXES));
});

test("fixes skip formula cells and say so; the formula stays", async () => {
  const fake = seed();
  const notes: HostNote[] = [];
  await hostOf(fake).applyFixes(
    [
      { sheet: "党员", cell: "D5", value: 7, kind: "number" },
      { sheet: "党员", cell: "D6", value: 8, kind: "number" },
    ],
    { onNote: (n) => notes.push(n) },
  );
  expect(fake.isFormula("党员", "D5")).toBe(true);
  expect(fake.valueAt("党员", "D6")).toBe(8);
  expect(notes.map((n) => n["zh-CN"])).toEqual([
    "1个单元格含有公式，未修改：党员!D5。请检查公式或其引用的单元格",
  ]);
  expect(opsOf(fake, "values").map((o) => o.address)).toEqual(["D6"]);
});

test.each([
  ["highlight", (h: Host) => h.highlightCells(REFS, "#FFC7CE")],
  ["fixes", (h: Host) => h.applyFixes(FIXES)],
])("a protected sheet is refused before anything changes (%s), with a zh-CN message", async (_what, act) => {
  const fake = seed({ protectedSheet: true });
  const before = snapshot(fake);
  const err = await act(hostOf(fake)).catch((e) => e);
  expect(err).toBeInstanceOf(HostError);
  expect(err.text["zh-CN"]).toBe(
    "工作表“党员”受保护，无法修改其中的单元格。请在“审阅”选项卡点击“撤消工作表保护”（可能需要密码）后再试，什么都没有改动",
  );
  expect(snapshot(fake)).toEqual(before);
  const CHANGES = ["values", "numberFormat", "fill", "add", "delete", "rename", "visibility"];
  expect(fake.log.filter((o) => CHANGES.includes(o.kind))).toEqual([]);
});

test("clearing marks on a sheet protected since is refused before any fill changes", async () => {
  const { fake, host } = await highlighted();
  fake.sheet("党员").protected = true;
  const before = snapshot(fake);
  const err = await host.clearHighlights().catch((e) => e);
  expect(err.text["zh-CN"]).toContain("工作表“党员”受保护");
  expect(snapshot(fake)).toEqual(before);
});

test("with a protected workbook structure, highlights are remembered in the pane (a note says so) and cleared from there", async () => {
  const fake = seed({ structureProtected: true });
  const host = hostOf(fake);
  const before = snapshot(fake);
  const notes: HostNote[] = [];
  await host.highlightCells(REFS, "#FFC7CE", { onNote: (n) => notes.push(n) });
  expect(fake.find(HIGHLIGHTS_SHEET)).toBeUndefined();
  expect(fake.fillAt("党员", "A2")?.color).toBe("#FFC7CE");
  expect(notes.map((n) => n["zh-CN"])).toEqual([expect.stringContaining("只记在本任务窗格中")]);
  await host.clearHighlights();
  expect(snapshot(fake)).toEqual(before);
});
