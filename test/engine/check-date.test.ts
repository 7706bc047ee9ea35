// What 检查基准日 allows, and drafts (ledger-format.md §5.1, §7): records dated after it are not
// counted (one info `after-as-of` per sheet), a phase not begun has no scores or lists, the lists of a
// phase whose decision date is after it are provisional; a ledger with errors is a draft. Expected
// values are worked out by hand from the fixture's dates (eval-fixture.ts).
import { analyze } from "../../src/engine/analyze";
import { evaluateLedger } from "../../src/engine/evaluate";
import { DEFAULT_RULES } from "../../src/engine/campaign";
import { begunPhases, provisionalPhases } from "../../src/engine/check-date";
import { parseISO } from "../../src/engine/dates";
import { PRODUCERS } from "../../src/engine/producers";
import { type Rows, book, d, withCell } from "./fixture";
import { type MemberSpec, type OrgSpec, evalSheets } from "./eval-fixture";

const day = (iso: string) => parseISO(iso)!;
const run = (s: Record<string, Rows>, asOf: string) => {
  const a = analyze(book(s), { asOf: day(asOf) });
  return { a, ev: evaluateLedger(a.ledger, a.findings) };
};
const two: OrgSpec[] = [
  { id: "O001", unit: "U01" },
  { id: "O002", unit: "U01" },
];
const member: MemberSpec[] = [{ id: "M01", org: "O001" }];
const fixture = () => evalSheets([{ id: "U01" }], two, member);
/** sheet → the count the after-as-of finding gives. */
const afterAsOf = (a: ReturnType<typeof run>["a"]) =>
  Object.fromEntries(a.findings.filter((f) => f.code === "after-as-of").map((f) => [f.sheet, f.value]));

describe("records after 检查基准日 (§5.1)", () => {
  test("one info after-as-of per sheet with the count, at the first such record", () => {
    // At 2011-06-10: each object's 2012-03-15 vote and each evaluation of 2012-06-10 are later; the
    // reviews after it are dated at the ends of the quarters 2011Q2…2012Q4 (7 rows) and of the
    // half-years 2011H1…2012H2 (4 rows); commitments: none (all of 2010-06-01).
    const { a } = run(fixture(), "2011-06-10");
    expect(afterAsOf(a)).toEqual({ 群众评议: 3, 五个好考评: 2, 五带头考评: 1, 领导点评: 11 });
    const evals = a.findings.find((f) => f.code === "after-as-of" && f.sheet === "五个好考评")!;
    expect(evals).toMatchObject({ severity: "info", field: "考评日期", cell: "C4" }); // O001's phase 3 row
    expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("at 第三时段结束 nothing is after it: no after-as-of at all", () => {
    const { a } = run(fixture(), "2012-11-07");
    expect(afterAsOf(a)).toEqual({});
  });

  test("the code has exactly one producer", () => {
    expect(PRODUCERS.filter((p) => p.codes.includes("after-as-of")).map((p) => p.id)).toEqual([
      "after-as-of",
    ]);
  });

  test("an evaluation on the check date is scored, the day before it is not there yet", () => {
    // O001's 第二时段 evaluation is dated 2011-06-10.
    const on = run(fixture(), "2011-06-10").ev;
    const before = run(fixture(), "2011-06-09").ev;
    const phase2 = (ev: typeof on) => ev.scores.filter((s) => s.phase === 2).map((s) => s.id);
    expect(phase2(on).sort()).toEqual(["M01", "O001", "O002"]);
    expect(phase2(before)).toEqual([]);
    const reason = before.notSelected.find((n) => n.phase === 2 && n.id === "O001")?.reason;
    expect(reason).toBe("no-evaluation");
  });

  test("a vote on the check date counts in 好评率, the day after it does not", () => {
    // 第二时段 evaluations moved to 2011-03-01; the 第二时段 votes (45 好, 5 较好 of 50) are of 2011-03-15.
    const orgs: OrgSpec[] = [{ id: "O001", unit: "U01", evalDates: [undefined, "2011-03-01"] }];
    const s = evalSheets([{ id: "U01" }], orgs);
    const approval = (asOf: string) =>
      run(s, asOf).ev.scores.find((x) => x.id === "O001" && x.phase === 2)!.approval;
    expect(approval("2011-03-15")).toBe(1);
    expect(approval("2011-03-14")).toBe(0);
  });

  test("a commitment counts in 进度督查 from its 公开日期 on", () => {
    const s = fixture();
    s["公开承诺"].push([
      "O001",
      "修好村里的路灯",
      "公示栏",
      d("2011-05-01"),
      d("2011-12-31"),
      "推进中",
      null,
    ]);
    const total = (asOf: string) => run(s, asOf).ev.progress.rows[0].commitments.total;
    expect(total("2011-05-01")).toBe(4);
    expect(total("2011-04-30")).toBe(3);
  });

  test("a commitment published after the check date is not overdue at it", () => {
    // Its 完成时限 precedes its 公开日期 (date-order), so only §5.1 keeps it from being overdue.
    const s = fixture();
    s["公开承诺"].push([
      "O002",
      "修好村里的路灯",
      "公示栏",
      d("2011-05-01"),
      d("2011-02-01"),
      "推进中",
      null,
    ]);
    const { a } = run(s, "2011-03-01");
    expect(a.findings.filter((f) => f.code === "commitment-overdue" && f.object === "O002")).toEqual([]);
    expect(afterAsOf(a)["公开承诺"]).toBe(1);
  });
});

describe("phases begun and provisional lists (§5.1, decision dates of §7)", () => {
  test.each([
    ["2010-05-01", [1], [1]],
    ["2010-12-30", [1], [1]],
    ["2010-12-31", [1], []],
    ["2011-01-01", [1, 2], [2]],
    ["2011-06-29", [1, 2], [2]],
    ["2011-06-30", [1, 2], []],
    ["2011-07-01", [1, 2, 3], [3]],
    ["2012-06-29", [1, 2, 3], [3]],
    ["2012-06-30", [1, 2, 3], []],
  ])("at %s: begun %j, provisional %j", (asOf, begun, provisional) => {
    expect(begunPhases(DEFAULT_RULES, day(asOf))).toEqual(begun);
    expect(provisionalPhases(DEFAULT_RULES, day(asOf))).toEqual(provisional);
    expect(run(fixture(), asOf).ev.provisionalPhases).toEqual(provisional);
  });

  test("a phase not begun has no scores, no lists and no reasons; one begun on that day has lists", () => {
    const before = run(fixture(), "2011-06-30").ev;
    expect(before.scores.filter((s) => s.phase === 3)).toEqual([]);
    expect(before.commendations.filter((c) => c.phase === 3)).toEqual([]);
    expect(before.notSelected.filter((n) => n.phase === 3)).toEqual([]);
    expect(before.quotas.filter((q) => q.phase === 3)).toEqual([]);
    // 2011-07-01: 第三时段 has begun; its evaluations (2012-06-10) are not there yet.
    const first = run(fixture(), "2011-07-01").ev;
    expect(first.scores.filter((s) => s.phase === 3)).toEqual([]);
    const reasons = first.notSelected.filter((n) => n.phase === 3 && n.list === "历城先锋基层党组织");
    expect(reasons.map((n) => [n.id, n.reason])).toEqual([
      ["O001", "no-evaluation"],
      ["O002", "no-evaluation"],
    ]);
    expect(first.notSelected.filter((n) => n.list === "先进单位党组织").map((n) => n.reason)).toEqual([
      "mean-score",
    ]);
  });

  test("at 2011-06-10 the 七一 2011 lists exist and are provisional; 第三时段 has none", () => {
    const { ev } = run(fixture(), "2011-06-10");
    expect(ev.provisionalPhases).toEqual([2]);
    expect(ev.commendations.filter((c) => c.phase === 2).map((c) => c.id)).toContain("O001");
    expect(ev.commendations.filter((c) => c.phase === 3)).toEqual([]);
  });
});

describe("drafts (§5.1)", () => {
  test("a ledger without errors is no draft", () => {
    expect(run(fixture(), "2012-11-07").ev.draft).toBeNull();
  });

  test("errors count every error finding; unscored counts the objects with an error on their own rows", () => {
    const s = fixture();
    withCell(s, "五个好考评", 0, "领导班子好", 25); // O001's first evaluation: range
    withCell(s, "五个好考评", 1, "领导班子好", 26); // O001 again: still one object
    withCell(s, "群众评议", 6, "好", 44); // M01's 第一时段 votes: vote-sum
    withCell(s, "领导点评", 0, "点评单位", "U99"); // a review row: foreign-key, nobody's own row
    const { a, ev } = run(s, "2012-11-07");
    const errors = a.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => f.code).sort()).toEqual(["foreign-key", "range", "range", "vote-sum"]);
    expect(ev.draft).toEqual({ errors: 4, unscored: 2 });
    expect(ev.notSelected.filter((n) => n.reason === "errors").map((n) => n.id)).toEqual(
      expect.arrayContaining(["O001", "M01"]),
    );
  });

  test("a rule that cannot be read: nothing is scored, so every object is unscored", () => {
    const s = fixture();
    s["评分规则"] = [
      ["规则", "值"],
      ["名额-组织", "十分之一"],
    ];
    const { ev } = run(s, "2012-11-07");
    expect(ev.blockedBy).toEqual(["名额-组织"]);
    expect(ev.draft).toEqual({ errors: 1, unscored: 3 });
  });
});
