// Scores, grades, commendation lists and reasons (ledger-format.md §4–§5), computed by hand here.
import { analyze } from "../../src/engine/analyze";
import { evaluateLedger } from "../../src/engine/evaluate";
import { quotaOf } from "../../src/engine/commend";
import { round1 } from "../../src/engine/score";
import { serialToDay, toISO } from "../../src/engine/dates";
import { type Rows, book, d, withCell } from "./fixture";
import {
  ALL_GOOD,
  END,
  EXCELLENT_VOTES,
  type MemberSpec,
  type OrgSpec,
  type UnitSpec,
  evalSheets,
} from "./eval-fixture";

const run = (s: Record<string, Rows>, asOf = END) => {
  const a = analyze(book(s), { asOf });
  return { a, ev: evaluateLedger(a.ledger, a.findings) };
};
const orgs = (n: number, unit = "U01", extra: Partial<OrgSpec> = {}): OrgSpec[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `O${String(i + 1).padStart(3, "0")}${unit === "U01" ? "" : unit}`,
    unit,
    ...extra,
  }));
const listOf = (ev: ReturnType<typeof run>["ev"], phase: number, list: string) =>
  ev.commendations.filter((c) => c.phase === phase && c.list === list).map((c) => c.id);
const reasonOf = (ev: ReturnType<typeof run>["ev"], phase: number, list: string, id: string) =>
  ev.notSelected.find((n) => n.phase === phase && n.list === list && n.id === id)?.reason;

test("the complete fixture is clean", () => {
  const { a } = run(evalSheets([{ id: "U01" }], orgs(3), [{ id: "M01", org: "O001" }]));
  expect(a.findings.filter((f) => f.severity !== "info")).toEqual([]);
});

describe("scores (§4), computed by hand", () => {
  test("rating points, 好评率, weights, rounding half up and 等次", () => {
    const spec: OrgSpec[] = [
      // 20+20+16+12+6 = 74; votes (30+10)/50 = 0.8 → 0.8×74 + 0.2×100×0.8 = 59.2 + 16 = 75.2 → 一般
      { id: "O001", unit: "U01", ratings: [["好", "好", "较好", "一般", "差"]], votes: [[30, 10, 5, 5]] },
      // numbers as given: 19+18+17+20+20 = 94; (40+6)/48 = 0.958333… → 75.2 + 19.1666… = 94.3666… → 94.4
      { id: "O002", unit: "U01", ratings: [[19, 18, 17, 20, 20]], votes: [[40, 6, 2, 0]] },
      // 100 and no votes → 好评率 0 → 80.0 → 良好 exactly on the line
      { id: "O003", unit: "U01", ratings: [ALL_GOOD], votes: [undefined] },
    ];
    const { ev } = run(evalSheets([{ id: "U01" }], spec));
    const p1 = (id: string) => ev.scores.find((s) => s.id === id && s.phase === 1)!;
    expect(p1("O001")).toMatchObject({
      criteria: 74,
      approval: 0.8,
      deductions: 0,
      total: 75.2,
      grade: "一般",
    });
    expect(p1("O002")).toMatchObject({ criteria: 94, total: 94.4, grade: "优秀" });
    expect(p1("O002").approval).toBeCloseTo(46 / 48, 12);
    expect(p1("O003")).toMatchObject({ criteria: 100, approval: 0, total: 80, grade: "良好" });
    // objects without an evaluation in a phase have no score there
    expect(ev.scores.filter((s) => s.id === "O001").map((s) => s.phase)).toEqual([1]);
    expect(round1(87.05)).toBe(87.1);
    expect(round1(0.05)).toBe(0.1);
  });

  test("deductions in the phase that holds the quarter or the 完成时限; caps; floor at 0", () => {
    const s = evalSheets([{ id: "U01" }], orgs(2));
    // Drop every quarterly review of 2011 (2011Q1–Q2 → phase 2, Q3–Q4 → phase 3) for O001 only.
    s["领导点评"] = s["领导点评"].map((r, i) =>
      i > 0 && r[1] === "党（工）委" && /^2011/.test(isoOf(r[0] as number))
        ? [...r.slice(0, 4), "O002", ...r.slice(5)]
        : r,
    );
    // Two overdue commitments of O001 due in phase 2, one in phase 3.
    s["公开承诺"].push(["O001", "修通村内道路", "公示栏", d("2010-06-01"), d("2011-03-01"), "推进中", null]);
    s["公开承诺"].push(["O001", "建成文化广场", "公示栏", d("2010-06-01"), d("2011-05-01"), "未完成", null]);
    s["公开承诺"].push([
      "O001",
      "建成卫生室一处",
      "公示栏",
      d("2010-06-01"),
      d("2012-05-01"),
      "推进中",
      null,
    ]);
    const { ev } = run(s);
    const sc = (phase: number) => ev.scores.find((x) => x.id === "O001" && x.phase === phase)!;
    // full marks: 0.8×100 + 0.2×100×1.0 = 100
    expect(sc(1)).toMatchObject({ deductionReviews: 0, deductionOverdue: 0, total: 100 });
    expect(sc(2)).toMatchObject({ deductionReviews: 4, deductionOverdue: 4, total: 92 });
    expect(sc(3)).toMatchObject({ deductionReviews: 4, deductionOverdue: 2, total: 94 });
    const cap = evalSheets([{ id: "U01" }], orgs(1));
    for (let i = 0; i < 7; i++)
      cap["公开承诺"].push([
        "O001",
        `承诺事项第${i}项`,
        "会议",
        d("2010-06-01"),
        d("2011-02-01"),
        "推进中",
        null,
      ]);
    expect(run(cap).ev.scores.find((x) => x.id === "O001" && x.phase === 2)).toMatchObject({
      deductionOverdue: 10,
      total: 90,
    });
    const floor = evalSheets(
      [{ id: "U01" }],
      [{ id: "O001", unit: "U01", ratings: [[0, 0, 0, 0, 0]], votes: [[0, 0, 0, 10]] }],
    );
    for (let i = 0; i < 5; i++)
      floor["公开承诺"].push([
        "O001",
        `承诺事项第${i}项`,
        "会议",
        d("2010-06-01"),
        d("2010-08-01"),
        "推进中",
        null,
      ]);
    expect(run(floor).ev.scores.find((x) => x.id === "O001" && x.phase === 1)).toMatchObject({
      total: 0,
      grade: "较差",
    });
  });

  test("a veto gives 否决 whatever the score", () => {
    const { ev } = run(
      evalSheets([{ id: "U01" }], [{ id: "O001", unit: "U01", veto: ["发生重大安全事故"] }]),
    );
    expect(ev.scores.find((s) => s.phase === 1)).toMatchObject({ total: 100, grade: "否决", veto: true });
    expect(ev.scores.find((s) => s.phase === 2)).toMatchObject({ grade: "优秀", veto: false });
  });
});

describe("commendations (§5)", () => {
  test("quota = floor(share × population), at least 1; rank by 综合得分, then 好评率, then ID", () => {
    expect(quotaOf(0.1, 29)).toBe(2);
    expect(quotaOf(0.29, 100)).toBe(29); // 0.29 × 100 = 28.999… in binary floating point
    expect(quotaOf(0.05, 19)).toBe(0);
    // U01: 20 orgs → quota 2. O003 and O004 tie on score; O004 has the higher approval.
    const spec = orgs(20);
    spec[2] = {
      ...spec[2],
      votes: [
        [45, 0, 5, 0],
        [45, 0, 5, 0],
        [45, 0, 5, 0],
      ],
      ratings: Array(3).fill([20, 20, 20, 20, 20]),
    };
    spec[3] = {
      ...spec[3],
      votes: [
        [46, 0, 4, 0],
        [46, 0, 4, 0],
        [46, 0, 4, 0],
      ],
      ratings: Array(3).fill([20, 20, 20, 19.5, 19.5]),
    };
    for (let i = 4; i < 20; i++) spec[i] = { ...spec[i], ratings: Array(3).fill([16, 16, 16, 16, 16]) };
    // O001, O002: 100 each (tie on score and approval → ID ascending)
    const { ev } = run(evalSheets([{ id: "U01" }], spec));
    expect(listOf(ev, 2, "先进基层党组织")).toEqual(["O001", "O002"]);
    expect(reasonOf(ev, 2, "先进基层党组织", "O003")).toBe("over-quota");
    expect(reasonOf(ev, 2, "先进基层党组织", "O005")).toBe("grade");
    // O003: 0.8×100 + 0.2×90 = 98; O004: 0.8×99 + 0.2×92 = 97.6 → O003 ranks above O004
    const over = ev.notSelected.filter((n) => n.phase === 2 && n.reason === "over-quota").map((n) => n.id);
    expect(over).toEqual(["O003", "O004"]);
    // 9 orgs → floor(0.9) = 0 → at least 1
    expect(listOf(run(evalSheets([{ id: "U01" }], orgs(9))).ev, 1, "通报表扬的基层党组织")).toEqual(["O001"]);
  });

  test("rank is the position in the whole list after quotas, across units", () => {
    const spec = [...orgs(10, "U01"), ...orgs(10, "U02", { ratings: Array(3).fill([16, 16, 16, 16, 16]) })];
    spec[10] = { ...spec[10], ratings: Array(3).fill([20, 20, 20, 20, 19]) }; // U02's best: 99.2
    const { ev } = run(evalSheets([{ id: "U01" }, { id: "U02" }], spec));
    const list = ev.commendations.filter((c) => c.phase === 2 && c.list === "先进基层党组织");
    expect(list.map((c) => [c.rank, c.id, c.unit])).toEqual([
      [1, "O001", "U01"],
      [2, "O001U02", "U02"],
    ]);
  });

  test("members: 预备党员, 党务工作者, already-selected, veto, approval, errors", () => {
    const members: MemberSpec[] = [
      ...Array.from({ length: 20 }, (_, i): MemberSpec => ({
        id: `M${String(i + 1).padStart(2, "0")}`,
        org: "O001",
        ratings: Array(3).fill([16, 16, 16, 16, 16]),
      })),
    ];
    members[0] = { ...members[0], ratings: undefined, worker: "是" }; // best member and a worker
    members[1] = { ...members[1], ratings: undefined, status: "预备党员" };
    members[2] = { ...members[2], ratings: undefined, worker: "是", veto: [undefined, "受到党内警告处分"] };
    members[3] = { ...members[3], ratings: [ALL_GOOD, [20, 20, 20, 20, 19], ALL_GOOD], worker: "是" };
    members[4] = {
      ...members[4],
      ratings: undefined,
      votes: [EXCELLENT_VOTES, [40, 4, 6, 0], EXCELLENT_VOTES],
    };
    members[5] = { ...members[5], ratings: undefined };
    const s = evalSheets([{ id: "U01" }], orgs(1), members);
    withCell(s, "党员", 5, "入党日期", "2000年13月1日"); // M06: an error on its own row
    const { ev } = run(s);
    // 20 members → floor(0.05 × 20) = 1
    expect(listOf(ev, 2, "优秀共产党员")).toEqual(["M01"]);
    expect(reasonOf(ev, 2, "优秀共产党员", "M02")).toBe("probationary");
    expect(reasonOf(ev, 2, "优秀共产党员", "M03")).toBe("veto");
    expect(reasonOf(ev, 2, "优秀共产党员", "M04")).toBe("over-quota");
    expect(reasonOf(ev, 2, "优秀共产党员", "M05")).toBe("approval");
    expect(reasonOf(ev, 2, "优秀共产党员", "M06")).toBe("errors");
    expect(reasonOf(ev, 2, "优秀共产党员", "M07")).toBe("grade");
    // 优秀党务工作者: M01 is already selected this phase; M04 is the next worker (quota floor(0.02×20)=0 → 1)
    expect(reasonOf(ev, 2, "优秀党务工作者", "M01")).toBe("already-selected");
    expect(listOf(ev, 2, "优秀党务工作者")).toEqual(["M04"]);
    expect(reasonOf(ev, 2, "优秀党务工作者", "M07")).toBe("not-party-worker");
    expect(reasonOf(ev, 2, "优秀党务工作者", "M02")).toBe("probationary");
    // phase 3 has no worker list: M01 can be selected again in another phase
    expect(listOf(ev, 3, "历城先锋共产党员")).toEqual(["M01"]);
  });

  test("commitment-overdue excludes when the 完成时限 is on or before the decision date", () => {
    const s = evalSheets([{ id: "U01" }], orgs(1));
    s["公开承诺"].push(["O001", "修通村内道路", "公示栏", d("2010-06-01"), d("2011-06-30"), "推进中", null]);
    const { ev } = run(s);
    expect(listOf(ev, 1, "通报表扬的基层党组织")).toEqual(["O001"]); // due after 第一时段结束
    expect(reasonOf(ev, 2, "先进基层党组织", "O001")).toBe("commitment-overdue"); // due = 第二时段结束
    expect(reasonOf(ev, 3, "历城先锋基层党组织", "O001")).toBe("commitment-overdue");
  });

  test("an evaluation dated after 第三时段表彰截止 is an error: the org is excluded for its errors", () => {
    const spec = orgs(1);
    spec[0].evalDates = [undefined, undefined, "2012-07-10"];
    const { a, ev } = run(evalSheets([{ id: "U01" }], spec));
    expect(a.findings.map((f) => f.code)).toContain("date-after-commendation");
    expect(ev.scores.filter((x) => x.phase === 3)).toEqual([]);
    expect(reasonOf(ev, 3, "历城先锋基层党组织", "O001")).toBe("errors");
  });

  test("先进单位党组织: plan on time, 区委 half-years reviewed, unrounded mean ≥ 85 (orgs without a score count 0)", () => {
    const units: UnitSpec[] = [
      { id: "U01" },
      { id: "U02", plan: "2010-06-15" },
      { id: "U03" },
      { id: "U04" },
      { id: "U05" },
    ];
    const spec: OrgSpec[] = [
      ...orgs(2, "U01"),
      ...orgs(1, "U02"),
      ...orgs(1, "U03"),
      // U04: 100 and an org without a phase-3 evaluation → mean 50
      ...orgs(2, "U04").map((o, i) => (i ? { ...o, ratings: [ALL_GOOD, ALL_GOOD, undefined] } : o)),
      // U05: a vetoed org still counts: (100 + 100) / 2 = 100
      ...orgs(2, "U05").map((o, i) => (i ? { ...o, veto: [undefined, undefined, "违规"] } : o)),
    ];
    const s = evalSheets(units, spec);
    // U03 misses the 区委 review of 2012H1
    s["领导点评"] = s["领导点评"].map((r) =>
      r[1] === "区委" && isoOf(r[0] as number) === "2012-06-30"
        ? [...r.slice(0, 4), "U01、U02、U04、U05", ...r.slice(5)]
        : r,
    );
    const { ev } = run(s);
    expect(listOf(ev, 3, "先进单位党组织")).toEqual(["U01", "U05"]);
    expect(ev.commendations.find((c) => c.id === "U01")).toMatchObject({ kind: "unit", total: 100, rank: 1 });
    expect(reasonOf(ev, 3, "先进单位党组织", "U02")).toBe("plan-late");
    expect(reasonOf(ev, 3, "先进单位党组织", "U03")).toBe("review-missing");
    expect(reasonOf(ev, 3, "先进单位党组织", "U04")).toBe("mean-score");
  });
});

describe("every number comes from the rule keys", () => {
  const withRules = (rows: [string, string | number][]) => {
    const s = evalSheets(
      [{ id: "U01" }],
      orgs(20).map((o, i) => (i < 5 ? o : { ...o, ratings: Array(3).fill([16, 16, 16, 16, 16]) })),
    );
    s["评分规则"] = [["规则", "值"], ...rows];
    return run(s).ev;
  };
  test("名额-组织 20% doubles the quota", () => {
    expect(listOf(withRules([]), 2, "先进基层党组织")).toHaveLength(2);
    expect(listOf(withRules([["名额-组织", "20%"]]), 2, "先进基层党组织")).toHaveLength(4);
  });
  test("weights, rating points and grade lines change totals and grades", () => {
    const ev = withRules([
      ["权重-考评", 0.5],
      ["权重-评议", 0.5],
      ["等级分值-较好", 18],
      ["等次线-优秀", 95],
    ]);
    // O006: five 16s are numbers, unaffected by 等级分值; 0.5×80 + 0.5×100 = 90 → 良好 under the 95 line
    expect(ev.scores.find((s) => s.id === "O006" && s.phase === 1)).toMatchObject({
      total: 90,
      grade: "良好",
    });
    expect(ev.scores.find((s) => s.id === "O001" && s.phase === 1)).toMatchObject({
      total: 100,
      grade: "优秀",
    });
  });
  test("表彰-好评率下限: out of range blocks scoring; a line of 1 excludes 49/50 for approval", () => {
    const ev = withRules([["表彰-好评率下限", "101%"]]);
    expect(ev.blockedBy).toEqual(["表彰-好评率下限"]); // outside 0–1: unreadable, never a silent default
    expect(ev.scores).toEqual([]);
    // 好评率 1.0 meets a line of 1 (a rate equal to the line reaches it); 49/50 does not
    const s = evalSheets(
      [{ id: "U01" }],
      [
        { id: "O001", unit: "U01" },
        {
          id: "O002",
          unit: "U01",
          votes: [
            [44, 5, 1, 0],
            [44, 5, 1, 0],
            [44, 5, 1, 0],
          ],
        },
      ],
    );
    s["评分规则"] = [
      ["规则", "值"],
      ["表彰-好评率下限", 1],
    ];
    const ev2 = run(s).ev;
    expect(listOf(ev2, 2, "先进基层党组织")).toEqual(["O001"]);
    expect(reasonOf(ev2, 2, "先进基层党组织", "O002")).toBe("approval");
  });
});

test("the progress matrix counts reviews, commitments and evaluations per unit", () => {
  const s = evalSheets(
    [{ id: "U01" }, { id: "U02", plan: null }],
    [...orgs(2, "U01"), ...orgs(1, "U02")],
    [{ id: "M01", org: "O001" }],
  );
  s["领导点评"] = s["领导点评"].filter(
    (r) => !(r[1] === "党（工）委" && r[2] === "U01" && isoOf(r[0] as number) === "2011-09-30"),
  );
  s["公开承诺"][1][5] = "已完成";
  s["公开承诺"][1][6] = d("2010-10-01");
  const { ev } = run(s);
  const u1 = ev.progress.rows.find((r) => r.unit === "U01")!;
  expect(ev.progress.quarters).toHaveLength(11);
  expect(u1.quarters["2011Q3"]).toEqual({ done: 0, total: 2 });
  expect(u1.quarters["2011Q4"]).toEqual({ done: 2, total: 2 });
  expect(u1.halfYears["2012H2"]).toBe(true);
  expect(u1.commitments).toEqual({ total: 3, done: 1, overdue: 0 });
  expect(u1.evaluations["2012"]).toEqual({ done: 3, total: 3 });
  expect(u1.planOnTime).toBe(true);
  expect(ev.progress.rows.find((r) => r.unit === "U02")!.planOnTime).toBe(false);
});

/** A 1900-system serial as an ISO date. */
function isoOf(serial: number): string {
  return toISO(serialToDay(serial, false)!);
}
