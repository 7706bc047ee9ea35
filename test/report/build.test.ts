// The report builder (host-free): the §6 sheets, their links, summary, sections and masking.
import { analyze } from "../../src/engine/analyze";
import { evaluateLedger } from "../../src/engine/evaluate";
import { buildReport } from "../../src/report/build";
import { RESULT_SHEETS } from "../../src/engine/schema";
import { maskIdCard } from "../../src/report/mask";
import { book, withCell } from "../engine/fixture";
import { END, evalSheets } from "../engine/eval-fixture";

function report(mutate: (s: ReturnType<typeof evalSheets>) => void = () => {}) {
  const s = evalSheets(
    [{ id: "U01" }, { id: "U02" }],
    [
      { id: "O001", unit: "U01" },
      { id: "O002", unit: "U02" },
    ],
    [{ id: "M01", org: "O001" }],
  );
  mutate(s);
  const a = analyze(book(s), { asOf: END });
  return { a, sheets: buildReport(a, evaluateLedger(a.ledger, a.findings)) };
}

test("the six result sheets of §6, in order", () => {
  expect(report().sheets.map((m) => m.name)).toEqual([
    "校验结果",
    "考评结果-组织",
    "考评结果-党员",
    "表彰名单",
    "未入选说明",
    "进度督查",
  ]);
});

test("校验结果: a summary on top, a link to each offending cell, the fix, 身份证号 masked", () => {
  const { a, sheets } = report((s) => {
    withCell(s, "党员", 0, "身份证号", "370112197001010010");
    withCell(s, "群众评议", 0, "参评人数", 51);
  });
  const f = sheets[0];
  expect(f.preamble![0]).toMatch(/错误 2 条/);
  const vote = f.rows.findIndex((r) => r[9] === "vote-sum");
  expect(f.hyperlinks).toContainEqual({ row: vote, col: 2, target: "'群众评议'!C2" });
  const id = f.rows.find((r) => r[9] === "id-checksum")!;
  expect(id[4]).toBe("370112********0010");
  expect(String(id[7])).not.toContain("370112197001010010");
  expect(a.findings.find((x) => x.code === "id-checksum")!.value).toBe("370112197001010010");
});

test("表彰名单: a section row per phase and list, entries with 推荐理由, a signature line", () => {
  const c = report().sheets.find((m) => m.name === RESULT_SHEETS.commendations)!;
  const sections = c.rows.filter((_, i) => c.rowKinds![i] === "section").map((r) => String(r[0]));
  expect(sections.slice(0, 7).map((t) => t.split("（")[0])).toEqual([
    "第一时段 · 通报表扬的基层党组织",
    "第二时段 · 先进基层党组织",
    "第二时段 · 优秀共产党员",
    "第二时段 · 优秀党务工作者",
    "第三时段 · 历城先锋基层党组织",
    "第三时段 · 历城先锋共产党员",
    "第三时段 · 先进单位党组织",
  ]);
  expect(sections[7]).toMatch(/盖章/);
  const first = c.rows[1];
  expect(first.slice(0, 3)).toEqual([1, "O001村党支部", "O001"]);
  expect(String(first[7])).toMatch(
    /^领导班子好、党员队伍好表现突出，群众评议好评率 100\.0%，综合得分 100\.0$/,
  );
  expect(c.print).toEqual({ landscape: true, repeatHeader: true });
});

test("进度督查: ✓/✗ with conditional formatting", () => {
  const p = report((s) => {
    s["领导点评"] = s["领导点评"].filter((r) => !(r[1] === "党（工）委" && r[2] === "U02"));
  }).sheets.find((m) => m.name === RESULT_SHEETS.progress)!;
  const u2 = p.rows.find((r) => r[0] === "U02")!;
  const q = p.columns.findIndex((c) => c.header === "季度点评 2011Q1");
  expect(u2[q]).toBe("✗");
  expect(p.rows.find((r) => r[0] === "U01")![q]).toBe("✓");
  expect(p.conditional!.map((c) => [c.equals, c.style])).toEqual([
    ["✓", "good"],
    ["✗", "bad"],
  ]);
});

test("maskIdCard keeps the region and the last four", () => {
  expect(maskIdCard("身份证号“11010519491231002X”校验码不正确")).toBe(
    "身份证号“110105********002X”校验码不正确",
  );
  expect(maskIdCard("M000123")).toBe("M000123");
});
