// Header detection (ledger-format.md §1.1, §7): two-row headers, sheets found by header content,
// the 1904 date system, result sheets never read as ledger sheets.
import { analyze } from "../../src/engine/analyze";
import { detectHeader } from "../../src/engine/read";
import { VOTES, ORG_EVALS } from "../../src/engine/schema";
import type { Grid } from "../../src/engine/grid";
import { AS_OF, baseSheets, book, d } from "./fixture";

test("a two-row header: merged group cell above sub-headers, other headers merged vertically", () => {
  const grid: Grid = {
    name: "群众评议",
    rows: [
      ["历城区甲街道群众评议情况"],
      ["评议日期", "评议对象编号", "参评人数", "评议票数", null, null, null, "评议等次"],
      [null, null, null, "好", "较好", "一般", "差", null],
      [d("2010-06-10"), "O001", 50, 40, 5, 3, 2, "优秀"],
    ],
    merges: [
      { top: 0, left: 0, bottom: 0, right: 7 },
      { top: 1, left: 3, bottom: 1, right: 6 },
      ...[0, 1, 2, 7].map((c) => ({ top: 1, left: c, bottom: 2, right: c })),
    ],
  };
  const h = detectHeader(VOTES, grid)!;
  expect(h.row).toBe(2);
  expect(h.matched).toBe(8);
  const s = baseSheets();
  delete s["群众评议"];
  const wb = book(s);
  wb.sheets.push(grid);
  const a = analyze(wb, { asOf: AS_OF });
  expect(a.ledger.tables.votes!.records.map((r) => r.v)).toEqual([
    {
      date: expect.any(Number),
      object: "O001",
      total: 50,
      good: 40,
      fair: 5,
      average: 3,
      poor: 2,
      grade: "优秀",
    },
  ]);
  expect(a.findings.filter((f) => f.severity !== "info")).toEqual([]);
});

test("the upper row of a two-row header that already matches half the columns is not taken", () => {
  const grid: Grid = {
    name: "考评",
    rows: [
      ["考评对象编号", "考评时段", "考评日期", "考评内容", null, null, null, null, "考评人", "一票否决事项"],
      [null, null, null, "领导班子好", "党员队伍好", "工作机制好", "工作业绩好", "群众反映好", null, null],
    ],
    merges: [
      { top: 0, left: 3, bottom: 0, right: 7 },
      ...[0, 1, 2, 8, 9].map((c) => ({ top: 0, left: c, bottom: 1, right: c })),
    ],
  };
  expect(detectHeader(ORG_EVALS, grid)!.row).toBe(1);
});

test("a sheet with another name is found by its header; result sheets are never read", () => {
  const s = baseSheets();
  s["Sheet3"] = s["党员"];
  delete s["党员"];
  s["考评结果-党员"] = [
    ["党员编号", "姓名", "所在党组织"],
    ["X1", "某", "O001"],
  ];
  const a = analyze(book(s), { asOf: AS_OF });
  const members = a.overview.find((o) => o.id === "members")!;
  expect(members.foundAs).toBe("Sheet3");
  expect(members.foundBy).toBe("header");
  expect(a.ignoredSheets).toContain("考评结果-党员");
});

test("sheet aliases: a canonical name wins over an alias", () => {
  const s = baseSheets();
  s["党员花名册"] = [
    ["党员编号", "姓名", "所在党组织"],
    ["M9", "某", "O001"],
  ];
  const a = analyze(book(s), { asOf: AS_OF });
  expect(a.overview.find((o) => o.id === "members")!.foundAs).toBe("党员");
  const s2 = baseSheets();
  s2["党员花名册"] = s2["党员"];
  delete s2["党员"];
  expect(analyze(book(s2), { asOf: AS_OF }).overview.find((o) => o.id === "members")!.foundAs).toBe(
    "党员花名册",
  );
});

test("the 1904 date system: serials are read in the workbook's system", () => {
  const s = baseSheets();
  const shift = (v: unknown) => (typeof v === "number" && v > 10000 ? v - 1462 : v);
  for (const name of ["公开承诺", "领导点评", "群众评议", "五个好考评", "五带头考评", "党员", "党（工）委"])
    s[name] = s[name].map(
      (r, i) =>
        (i === 0
          ? r
          : r.map((c, ci) => (/日期|时限/.test(String(s[name][0][ci])) ? shift(c) : c))) as typeof r,
    );
  const a = analyze(book(s, { date1904: true }), { asOf: AS_OF });
  const b = analyze(book(baseSheets()), { asOf: AS_OF });
  // every table reads to the same records (dates are days, whatever the system)
  const records = (x: typeof a) =>
    Object.fromEntries(Object.entries(x.ledger.tables).map(([id, t]) => [id, t!.records.map((r) => r.v)]));
  expect(b.ledger.tables.commitments!.records).toHaveLength(2);
  expect(records(a)).toEqual(records(b));
  expect(a.findings.filter((f) => f.severity !== "info")).toEqual([]);
});
