// The district workbook's own sheets: 报送情况 (a row per file, the total, the signature lines, A4
// landscape with the page footer, rows tall enough for their wrapped text) and 退回修改通知.
import { compileSubmissions } from "../../src/engine/compile";
import { SAMPLE_AS_OF, SMALL_SAMPLE, generateLedger } from "../../src/samples/generate";
import { splitByUnit } from "../../src/samples/split";
import { toVariantWorkbook } from "../../src/samples/layout";
import { buildDistrictReport, returnNotices } from "../../src/report/district";
import { submissionsSheet } from "../../src/report/submissions-sheet";
import { noticeFileName } from "../../src/report/notice-sheet";
import { linesNeeded, planWorkbook } from "../../src/report/sheet-plan";
import { RESULT_SHEETS } from "../../src/engine/schema";

const files = splitByUnit(generateLedger(SMALL_SAMPLE).models);
const c = compileSubmissions(
  [
    ...files.map((f) => ({ file: `${f.units[0].id}.xlsx`, workbook: toVariantWorkbook(f.models).workbook })),
    { file: "坏.xlsx", unusable: "文件已损坏或不完整，无法读取。" },
  ],
  { asOf: SAMPLE_AS_OF },
);

test("报送情况: a row per file with status and main problems, a total row, the signature line", () => {
  const m = submissionsSheet(c);
  expect(m.name).toBe(RESULT_SHEETS.submissions);
  expect(m.rows.slice(0, 4).map((r) => [r[0], r[2], r[4]])).toEqual(
    c.submissions
      .map((s, i) => [
        i + 1,
        s.file,
        { accepted: "合格", returned: "退回修改", superseded: "已被替代" }[s.status],
      ])
      .slice(0, 3)
      .concat([[4, "坏.xlsx", "无法读取"]]),
  );
  const problems = String(m.rows.find((r) => r[4] === "退回修改")![7]).split("\n");
  expect(problems.length).toBeLessThanOrEqual(4);
  expect(problems[0]).toMatch(/^\S+!\w+\d+ /); // sheet!cell, then the message
  const total = m.rows[4];
  expect(total[0]).toBe("合计");
  expect(total[5]).toBe(c.submissions.reduce((n, s) => n + s.summary.error, 0));
  expect(m.rowKinds?.[m.rows.length - 1]).toBe("note");
  expect(String(m.rows[m.rows.length - 1][0])).toContain("日期：2012年11月7日");
  expect(m.print).toEqual({ landscape: true, repeatHeader: true, footer: { center: "第 &P 页 共 &N 页" } });
});

test("rows holding wrapped text get a height that fits it", () => {
  const [plan] = planWorkbook([submissionsSheet(c)]).sheets;
  const row = plan.model.rows.findIndex((r) => String(r[7]).includes("\n"));
  const lines = linesNeeded(String(plan.model.rows[row][7]), 62);
  expect(lines).toBeGreaterThan(1);
  expect(plan.rowHeights.get(plan.firstDataRow + row)).toBe(lines * 15 + 4); // 11 pt lines, padding
  expect(linesNeeded("一二三四五", 6)).toBe(2); // CJK count two
  expect(linesNeeded("ab\ncd", 10)).toBe(2);
});

test("the district report: 报送情况, then 校验结果 with each finding's file and no links", () => {
  const sheets = buildDistrictReport(c);
  expect(sheets.map((s) => s.name)).toEqual([
    "报送情况",
    "校验结果",
    "考评结果-组织",
    "考评结果-党员",
    "表彰名单",
    "未入选说明",
    "进度督查",
  ]);
  expect(sheets[1].columns[0].header).toBe("文件");
  expect(sheets[1].hyperlinks).toEqual([]);
  expect(sheets[2].hyperlinks).toEqual([]);
});

test("退回修改通知: one per returned unit, its errors with sheet, cell, value, message and fix", () => {
  const notices = returnNotices(c);
  expect(notices.map((n) => n.submissions.map((s) => s.file))).toEqual(
    c.submissions.filter((s) => s.status === "returned").map((s) => [s.file]),
  );
  const n = notices.find((x) => x.submissions[0].reason?.kind === "errors")!;
  expect(n.sheet.columns.map((x) => x.header)).toEqual([
    "序号",
    "工作表",
    "单元格",
    "列",
    "值",
    "问题说明及修改要求",
    "建议修正",
  ]);
  expect(n.sheet.rows.filter((r) => typeof r[0] === "number")).toHaveLength(n.submissions[0].summary.error);
  expect(n.sheet.preamble?.some((l) => l.startsWith("退回原因：台账有"))).toBe(true);
  expect(noticeFileName(n.submissions[0])).toMatch(/^退回修改通知-历城区.+\.xlsx$/);
  const bad = notices.find((x) => x.submissions[0].file === "坏.xlsx")!;
  expect(bad.sheet.preamble).toContain("退回原因：文件已损坏或不完整，无法读取。");
});
