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

test("校验结果: a summary on top, a link to each offending cell, the fix, 身份证号 masked, printable", () => {
  const { a, sheets } = report((s) => {
    withCell(s, "党员", 0, "身份证号", "370112197001010010");
    withCell(s, "群众评议", 0, "参评人数", 51);
  });
  const f = sheets[0];
  expect(f.preamble![0]).toMatch(/^截至2012年11月7日，台账共有错误2条、警告\d+条、提示\d+条。/);
  // no English code column: the level in Chinese, the message says what to change
  expect(f.columns.map((c) => c.header)).not.toContain("代码");
  expect(new Set(f.rows.map((r) => r[0]))).toEqual(new Set(["错误", ...f.rows.slice(2).map((r) => r[0])]));
  const vote = f.rows.findIndex((r) => r[1] === "群众评议" && r[2] === "C2");
  expect(f.hyperlinks).toContainEqual({ row: vote, col: 2, target: "'群众评议'!C2" });
  const id = f.rows.find((r) => r[3] === "身份证号")!;
  expect(id[4]).toBe("370112********0010");
  expect(String(id[7])).not.toContain("370112197001010010");
  expect(a.findings.find((x) => x.code === "id-checksum")!.value).toBe("370112197001010010");
  expect(f.print).toEqual({ landscape: true, repeatHeader: true, footer: { center: "第 &P 页 共 &N 页" } });
});

test("表彰名单: the formal document — title, 依据, 推荐单位 and date, numbered sections, list headers, signature", () => {
  const c = report().sheets.find((m) => m.name === RESULT_SHEETS.commendations)!;
  expect(c.title).toBe("历城区创先争优、争做历城先锋活动表彰推荐名单");
  expect(c.preamble).toEqual([
    "依据：《区委组织部 区委宣传部关于在全区基层党组织和党员中深入开展创先争优争做历城先锋活动的实施意见》",
    expect.stringMatching(/^推荐单位：\s+填报日期：2012年11月7日$/),
  ]);
  const text = (kind: string) =>
    c.rows.filter((_, i) => c.rowKinds![i] === kind).map((r) => r.find((v) => v !== null));
  expect(text("section")).toEqual([
    "一、第一时段：2010年底集中检查通报",
    "（一）通报表扬的基层党组织（共2个）",
    "二、第二时段：2011年“七一”纪念建党90周年表彰大会",
    "（一）先进基层党组织（共2个）",
    "（二）优秀共产党员（共1名）",
    "（三）优秀党务工作者：无符合条件的推荐对象",
    "三、第三时段：2012年“七一”专项表彰",
    "（一）历城先锋基层党组织（共2个）",
    "（二）历城先锋共产党员（共1名）",
    "（三）先进单位党组织（共2个）",
  ]);
  expect(text("note").slice(-2)).toEqual([
    expect.stringMatching(/^推荐单位（盖章）：\s+负责人（签字）：$/),
    expect.stringMatching(/^填表人：\s+日期：2012年11月7日$/),
  ]);
  // an organisation entry: no ID, no score; 推荐理由 in prose
  const first = c.rows[c.rowKinds!.indexOf("header") + 1];
  expect(first.filter((v) => v !== null)).toEqual([
    1,
    "O001村党支部",
    "U01党委",
    "农村",
    1,
    "在领导班子好、党员队伍好方面表现突出。成绩明显。", // the phase's 领导点评 肯定成绩
  ]);
  expect(c.rows.flat().some((v) => v === "O001" || v === 100)).toBe(false);
  // each list with entries starts a page; the title rows are not repeated (lists bring their headers)
  // five lists with entries after the first: five breaks, each before a (phase or list) heading
  expect(c.print!.breakBefore!.map((i) => c.rowKinds![i])).toEqual(Array(5).fill("section"));
  expect(c.print!.repeatHeader).toBe(false);
});

test("表彰名单 of a draft and of provisional phases: （试算稿）, the line about errors, 拟推荐", () => {
  const { a } = report();
  const ev = {
    ...evaluateLedger(a.ledger, a.findings),
    draft: { errors: 14, unscored: 24 },
    provisionalPhases: [3 as const],
  };
  const c = buildReport(a, ev).find((m) => m.name === RESULT_SHEETS.commendations)!;
  expect(c.title).toBe("历城区创先争优、争做历城先锋活动表彰推荐名单（试算稿）");
  expect(c.preamble![0]).toBe("台账尚有14处错误，24个对象因错误未参加考评；改正后请重新考评。");
  expect(c.print!.header).toEqual({ right: "（试算稿）" });
  const sections = c.rows.filter((_, i) => c.rowKinds![i] === "section").map((r) => String(r[0]));
  expect(sections.filter((t) => t.includes("拟推荐"))).toEqual([
    "（一）拟推荐历城先锋基层党组织（共2个）",
    "（二）拟推荐历城先锋共产党员（共1名）",
    "（三）拟推荐先进单位党组织（共2个）",
  ]);
});

test("未入选说明: only objects of the list's kind, party workers not listed row by row, the first error cell", () => {
  const { sheets } = report((s) => withCell(s, "党员", 0, "入党日期", "不是日期"));
  const n = sheets.find((m) => m.name === RESULT_SHEETS.notSelected)!;
  expect(n.rows.some((r) => r[5] === "不是党务工作者")).toBe(false);
  const member = n.rows.find((r) => r[2] === "M01" && r[1] === "优秀共产党员")!;
  expect(member[5]).toMatch(/错误/);
  expect(member[6]).toMatch(/^首个错误在党员!\w+2$/);
  expect(n.columns.map((c) => c.header)).not.toContain("原因代码");
  // each list from a new page
  for (const i of n.print!.breakBefore!) expect(n.rows[i][1]).not.toBe(n.rows[i - 1][1]);
});

test("进度督查: at most 16 columns, missing periods named, ✓ with conditional formatting", () => {
  const p = report((s) => {
    s["领导点评"] = s["领导点评"].filter((r) => !(r[1] === "党（工）委" && r[2] === "U02"));
  }).sheets.find((m) => m.name === RESULT_SHEETS.progress)!;
  expect(p.columns.length).toBeLessThanOrEqual(16);
  const q = p.columns.findIndex((c) => c.header === "季度点评缺项（组织）");
  expect(String(p.rows.find((r) => r[0] === "U02")![q])).toMatch(
    /^2010年第二季度缺1个、2010年第三季度缺1个、/,
  );
  expect(p.rows.find((r) => r[0] === "U01")![q]).toBe("✓");
  expect(p.conditional!.map((c) => [c.equals, c.style])).toEqual([
    ["✓", "good"],
    ["✗", "bad"],
  ]);
  expect(p.charts![0].title).toMatch(/^各单位基层党组织考评等次分布/);
});

test("maskIdCard keeps the region and the last four", () => {
  expect(maskIdCard("身份证号“11010519491231002X”校验码不正确")).toBe(
    "身份证号“110105********002X”校验码不正确",
  );
  expect(maskIdCard("M000123")).toBe("M000123");
});
