// 校验结果 never exceeds 100,000 rows (ledger-format.md §1.4): the findings beyond the cap are one
// summary row per code and sheet with their count; below the cap every finding is its own row.
import type { Analysis } from "../../src/engine/analyze";
import type { Finding } from "../../src/engine/findings";
import { MAX_FINDINGS_SHEET_ROWS, findingsSheet } from "../../src/report/findings-sheet";
import { dayFromYMD } from "../../src/engine/dates";

function analysisWith(findings: Finding[]): Analysis {
  return { findings, ledger: { asOf: dayFromYMD(2012, 11, 7)! } } as unknown as Analysis;
}

function normalizedAt(sheet: string, row: number): Finding {
  return {
    severity: "info",
    code: "normalized",
    sheet,
    cell: `B${row + 1}`,
    row,
    field: "姓名",
    value: "x",
    fix: "x",
  };
}

test("150,000 findings: at most 100,000 rows, the rest counted per code and sheet", () => {
  const findings: Finding[] = [];
  for (let r = 1; r <= 100_000; r++) findings.push(normalizedAt("党员", r));
  for (let r = 1; r <= 50_000; r++) findings.push(normalizedAt("公开承诺", r));
  findings.push({
    severity: "error",
    code: "required",
    sheet: "公开承诺",
    cell: "A9",
    row: 8,
    field: "承诺主体编号",
    value: null,
  });
  const m = findingsSheet(analysisWith(findings));
  expect(m.rows.length + 3).toBeLessThanOrEqual(MAX_FINDINGS_SHEET_ROWS);
  // columns: 级别, 工作表, 单元格, 列, 值, 对象, 时段, 问题说明, 建议修正 (the code is named in 问题说明)
  const summaries = m.rows.filter((r) => r[1] !== null && r[2] === null);
  const codeOf = (text: unknown) => /“([a-z-]+)”/.exec(String(text))?.[1];
  const counted = summaries.map((r) => [r[1], codeOf(r[7]), Number(r[4])]);
  const listed = m.rows.length - summaries.length;
  // every finding is either listed or counted, and each (sheet, code) beyond the cap has one row
  expect(listed + counted.reduce((n, c) => n + (c[2] as number), 0)).toBe(findings.length);
  expect(counted).toEqual(
    expect.arrayContaining([
      ["党员", "normalized", expect.any(Number)],
      ["公开承诺", "normalized", 50_000],
      ["公开承诺", "required", 1],
    ]),
  );
  expect(String(summaries[0][7])).toMatch(/^另有\d+条“normalized”未逐条列出/);
  expect(m.hyperlinks!.length).toBe(listed);
});

test("near miss: 99,000 findings are all listed, one row each", () => {
  const findings: Finding[] = [];
  for (let r = 1; r <= 99_000; r++) findings.push(normalizedAt("党员", r));
  const m = findingsSheet(analysisWith(findings));
  expect(m.rows.length).toBe(99_000);
  expect(m.rows.every((r) => r[2] !== null)).toBe(true);
});
