// Each finding code: a case that raises it (at the right sheet and cell) and a near miss that must not.
import { dayFromYMD } from "../../src/engine/dates";
import { type Rows, AS_OF, baseSheets, book, d, idCard, raisedCodes, run, withCell } from "./fixture";
import { analyze } from "../../src/engine/analyze";
import type { FormulaMark } from "../../src/engine/grid";
import type { Finding } from "../../src/engine/findings";
import { CATALOGUE, FINDING_CODES, type FindingCode } from "../../src/engine/catalogue";
import { DISTRICT_COMPILE, PRODUCERS } from "../../src/engine/producers";

type Sheets = Record<string, Rows>;
const day = (iso: string) => {
  const [y, m, dd] = iso.split("-").map(Number);
  return dayFromYMD(y, m, dd)!;
};

function findingsOf(mutate: (s: Sheets) => void, asOf = AS_OF, opts = {}): Finding[] {
  const s = baseSheets();
  mutate(s);
  return run(s, asOf, opts).findings;
}

function expectFinding(fs: Finding[], code: string, sheet: string | null, cell: string | null) {
  const hit = fs.filter((f) => f.code === code);
  expect(hit.map((f) => `${f.sheet}!${f.cell}`)).toContain(`${sheet}!${cell}`);
  for (const f of hit) {
    const def = CATALOGUE[f.code] as { severity: string; alsoSeverity?: string };
    expect([def.severity, def.alsoSeverity]).toContain(f.severity);
  }
  return hit.find((f) => f.sheet === sheet && f.cell === cell)!;
}

const none = (fs: Finding[], code: string) => expect(fs.filter((f) => f.code === code)).toEqual([]);

test("the clean fixture has no error or warning", () => {
  const fs = findingsOf(() => {});
  expect(fs.filter((f) => f.severity !== "info")).toEqual([]);
});

describe("structure", () => {
  test("missing-sheet", () => {
    const f = expectFinding(
      findingsOf((s) => delete s["领导点评"]),
      "missing-sheet",
      "领导点评",
      null,
    );
    expect(f.severity).toBe("error");
    none(
      findingsOf(() => {}),
      "missing-sheet",
    );
  });

  test("missing-column: required is an error, optional an info", () => {
    const drop = (s: Sheets, sheet: string, col: string) => {
      const c = s[sheet][0].indexOf(col);
      for (const r of s[sheet]) r.splice(c, 1);
    };
    const req = findingsOf((s) => drop(s, "基层党组织", "组织类别")).filter(
      (f) => f.code === "missing-column",
    );
    expect(req.map((f) => [f.severity, f.field])).toEqual([["error", "组织类别"]]);
    const opt = findingsOf((s) => drop(s, "基层党组织", "书记")).filter((f) => f.code === "missing-column");
    expect(opt.map((f) => [f.severity, f.field])).toEqual([["info", "书记"]]);
  });

  test("duplicate-column and unknown-column", () => {
    const fs = findingsOf((s) => {
      s["党（工）委"][0].push("编号", "备注");
    });
    expect(expectFinding(fs, "duplicate-column", "党（工）委", "F1").severity).toBe("error");
    expect(expectFinding(fs, "unknown-column", "党（工）委", "G1").severity).toBe("info");
    none(
      findingsOf(() => {}),
      "duplicate-column",
    );
  });

  test("blank-row, total-row and total-mismatch", () => {
    const ok = findingsOf((s) => {
      s["基层党组织"].splice(2, 0, [null, "", "  "]);
      s["基层党组织"].push(["合计", null, null, null, null, null, 3]);
    });
    expectFinding(ok, "blank-row", "基层党组织", "A3");
    expectFinding(ok, "total-row", "基层党组织", "A6");
    none(ok, "total-mismatch");
    none(ok, "required");
    const bad = findingsOf((s) => s["基层党组织"].push(["合计", null, null, null, null, null, 4]));
    expect(expectFinding(bad, "total-mismatch", "基层党组织", "G5").severity).toBe("warning");
  });
});

describe("cells", () => {
  test("normalized dates, numbers, enumerations and codes carry the fix", () => {
    const fs = findingsOf((s) => {
      withCell(s, "公开承诺", 0, "公开日期", "2010年5月10日");
      withCell(s, "基层党组织", 0, "党员人数", "２人");
      withCell(s, "党员", 1, "党员类别", "预备");
      withCell(s, "党员", 0, "所在党组织", "Ｏ００１");
    });
    expect(expectFinding(fs, "normalized", "公开承诺", "D2").fix).toBe("2010-05-10");
    expect(expectFinding(fs, "normalized", "基层党组织", "G2").fix).toBe(2);
    expect(expectFinding(fs, "normalized", "党员", "H3").fix).toBe("预备党员");
    expect(expectFinding(fs, "normalized", "党员", "F2").fix).toBe("O001");
    expect(fs.filter((f) => f.severity !== "info")).toEqual([]);
    none(
      findingsOf(() => {}),
      "normalized",
    );
  });

  test("required", () => {
    expectFinding(
      findingsOf((s) => withCell(s, "党员", 2, "姓名", " ")),
      "required",
      "党员",
      "B4",
    );
    none(
      findingsOf((s) => withCell(s, "党员", 2, "职务", null)),
      "required",
    );
  });

  test("type-date never guesses", () => {
    const f = expectFinding(
      findingsOf((s) => withCell(s, "公开承诺", 0, "公开日期", "2010年13月5日")),
      "type-date",
      "公开承诺",
      "D2",
    );
    expect(f.value).toBe("2010年13月5日");
    none(
      findingsOf((s) => withCell(s, "公开承诺", 0, "公开日期", "2010.5.10")),
      "type-date",
    );
  });

  test("type-number", () => {
    expectFinding(
      findingsOf((s) => withCell(s, "基层党组织", 0, "党员人数", "两个")),
      "type-number",
      "基层党组织",
      "G2",
    );
    expectFinding(
      findingsOf((s) => withCell(s, "群众评议", 0, "好", 40.5)),
      "type-number",
      "群众评议",
      "D2",
    );
    none(
      findingsOf((s) => withCell(s, "基层党组织", 0, "党员人数", "2")),
      "type-number",
    );
  });

  test("enum", () => {
    expectFinding(
      findingsOf((s) => withCell(s, "党（工）委", 0, "单位类型", "乡")),
      "enum",
      "党（工）委",
      "C2",
    );
    expectFinding(
      findingsOf((s) => withCell(s, "公开承诺", 0, "公开方式", "公示栏、广播")),
      "enum",
      "公开承诺",
      "C2",
    );
    none(
      findingsOf((s) => withCell(s, "党（工）委", 0, "单位类型", "街道党工委")),
      "enum",
    );
    // a list is split on whitespace only when every token is a known value (§7)
    const spaced = findingsOf((s) => withCell(s, "公开承诺", 0, "公开方式", "公示栏 网站"));
    none(spaced, "enum");
    expect(spaced.find((f) => f.code === "normalized" && f.cell === "C2")?.fix).toBe("公示栏、网站");
    expectFinding(
      findingsOf((s) => withCell(s, "公开承诺", 0, "公开方式", "公示栏 广播")),
      "enum",
      "公开承诺",
      "C2",
    );
  });

  test("range", () => {
    expectFinding(
      findingsOf((s) => withCell(s, "五个好考评", 0, "领导班子好", 25)),
      "range",
      "五个好考评",
      "D2",
    );
    expectFinding(
      findingsOf((s) => withCell(s, "群众评议", 0, "参评人数", 0)),
      "range",
      "群众评议",
      "C2",
    );
    none(
      findingsOf((s) => withCell(s, "五个好考评", 0, "领导班子好", 20)),
      "range",
    );
  });

  test("unique: every later occurrence", () => {
    const fs = findingsOf((s) => withCell(s, "党员", 2, "党员编号", "M001"));
    const f = expectFinding(fs, "unique", "党员", "A4");
    expect(f.severity).toBe("error");
    expect(fs.filter((x) => x.code === "unique")).toHaveLength(1);
    const evals = findingsOf((s) => s["五个好考评"].push([...s["五个好考评"][1]]));
    expectFinding(evals, "unique", "五个好考评", "A3");
    none(
      findingsOf(() => {}),
      "unique",
    );
  });
});

describe("references", () => {
  test("foreign-key", () => {
    expectFinding(
      findingsOf((s) => withCell(s, "党员", 0, "所在党组织", "O999")),
      "foreign-key",
      "党员",
      "F2",
    );
    expectFinding(
      findingsOf((s) => withCell(s, "基层党组织", 0, "上级党（工）委", "U09")),
      "foreign-key",
      "基层党组织",
      "C2",
    );
    const list = findingsOf((s) => withCell(s, "领导点评", 0, "点评对象", "O001、O777、O888"));
    expect(list.filter((f) => f.code === "foreign-key").map((f) => [f.cell, f.value])).toEqual([
      ["E2", "O777"],
      ["E2", "O888"],
    ]);
    // a unit may be named instead of numbered
    none(
      findingsOf((s) => withCell(s, "基层党组织", 0, "上级党（工）委", "历城区甲街道党工委")),
      "foreign-key",
    );
  });

  test("ambiguous-id at the 党员编号 cell", () => {
    expectFinding(
      findingsOf((s) => withCell(s, "党员", 2, "党员编号", "O003")),
      "ambiguous-id",
      "党员",
      "A4",
    );
    none(
      findingsOf(() => {}),
      "ambiguous-id",
    );
  });

  test("category-title at 争创载体", () => {
    expectFinding(
      findingsOf((s) => withCell(s, "基层党组织", 1, "争创载体", "和谐先锋")),
      "category-title",
      "基层党组织",
      "E3",
    );
    none(
      findingsOf((s) => withCell(s, "基层党组织", 1, "争创载体", null)),
      "category-title",
    );
  });

  test("review-scope at 点评对象; the other IDs still count", () => {
    const fs = findingsOf((s) => withCell(s, "领导点评", 0, "点评对象", "O001、O003"), day("2010-07-05"));
    const f = expectFinding(fs, "review-scope", "领导点评", "E2");
    expect(f.value).toBe("O003");
    const missing = fs
      .filter((x) => x.code === "review-missing" && x.period === "2010Q2")
      .map((x) => x.object);
    expect(missing).toEqual(["O002", "O003"]);
  });
});

describe("what real workbooks carry (§1.4)", () => {
  test("id-as-number: 16+ digits as a number, shown with 15; no id-checksum, id-sex or id-birth", () => {
    const fs = findingsOf((s) => {
      withCell(s, "党员", 0, "身份证号", 370112197003150000);
      withCell(s, "党员", 0, "性别", "女");
      withCell(s, "党员", 1, "身份证号", 370112851102002); // near miss: 15 digits, kept exactly
    });
    const f = expectFinding(fs, "id-as-number", "党员", "D2");
    expect(f.value).toBe("370112197003150000");
    expect(fs.filter((x) => x.cell === "D2").map((x) => x.code)).toEqual(["id-as-number"]);
    expect(fs.filter((x) => x.cell === "D3").map((x) => x.code)).toEqual(["id-checksum"]);
  });

  test("duplicate-id-card at the later row, naming the earlier cell", () => {
    const card = idCard("1970-03-15", 1, true);
    const fs = findingsOf((s) => withCell(s, "党员", 2, "身份证号", card.toLowerCase()));
    expect(expectFinding(fs, "duplicate-id-card", "党员", "D4").params).toEqual({ other: "D2" });
    none(
      findingsOf(() => {}),
      "duplicate-id-card",
    );
  });

  test("formula-not-calculated: one per column at its first cell; the unknown cells raise nothing", () => {
    const s = baseSheets();
    const wb = book(s);
    const members = wb.sheets.find((g) => g.name === "党员")!;
    members.formulas = [];
    for (const r of [1, 3]) {
      members.rows[r]![5] = null; // 所在党组织: a formula saved without its result
      (members.formulas[r] = [] as FormulaMark[])[5] = "uncalculated";
    }
    (members.formulas[2] = [] as FormulaMark[])[5] = "cached"; // near miss: a formula with its result
    const a = analyze(wb, { asOf: AS_OF });
    for (const f of a.findings) raisedCodes.add(f.code);
    const hit = a.findings.filter((f) => f.code === "formula-not-calculated");
    expect(hit.map((f) => [f.cell, f.params])).toEqual([["F2", { count: 2 }]]);
    expect(a.findings.filter((f) => ["required", "foreign-key"].includes(f.code))).toEqual([]);
  });

  test("a row of formulas showing 0 or blank below the data is outside it", () => {
    const s = baseSheets();
    s["基层党组织"].push([null, null, null, null, null, null, 0], [null, "", null, null, null, null, 0]);
    const wb = book(s);
    const orgs = wb.sheets.find((g) => g.name === "基层党组织")!;
    const n = orgs.rows.length;
    orgs.formulas = [];
    for (const r of [n - 2, n - 1]) (orgs.formulas[r] = [] as FormulaMark[])[6] = "cached";
    const a = analyze(wb, { asOf: AS_OF });
    expect(a.findings.filter((f) => f.sheet === "基层党组织" && (f.row ?? 0) >= n - 2)).toEqual([]);
    // near miss: the same 0 typed is content (a row with blank required cells)
    const typed = findingsOf((x) => x["基层党组织"].push([null, null, null, null, null, null, 0]));
    expect(typed.filter((f) => f.code === "required").length).toBeGreaterThan(0);
  });
});

describe("ID cards", () => {
  test("id-checksum (also a wrong length)", () => {
    const good = idCard("1970-03-15", 1, true);
    const bad = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    expectFinding(
      findingsOf((s) => withCell(s, "党员", 0, "身份证号", bad)),
      "id-checksum",
      "党员",
      "D2",
    );
    expectFinding(
      findingsOf((s) => withCell(s, "党员", 0, "身份证号", good.slice(0, 15))),
      "id-checksum",
      "党员",
      "D2",
    );
    none(
      findingsOf((s) => withCell(s, "党员", 0, "身份证号", good.toLowerCase())),
      "id-checksum",
    );
  });

  test("id-birth and id-sex", () => {
    const b = expectFinding(
      findingsOf((s) => withCell(s, "党员", 0, "出生日期", d("1970-03-16"))),
      "id-birth",
      "党员",
      "D2",
    );
    expect(b.severity).toBe("warning");
    expectFinding(
      findingsOf((s) => withCell(s, "党员", 0, "性别", "女")),
      "id-sex",
      "党员",
      "D2",
    );
    none(
      findingsOf(() => {}),
      "id-birth",
    );
    none(
      findingsOf(() => {}),
      "id-sex",
    );
  });
});

describe("dates and counts", () => {
  test("member-count", () => {
    expectFinding(
      findingsOf((s) => withCell(s, "基层党组织", 0, "党员人数", 3)),
      "member-count",
      "基层党组织",
      "G2",
    );
  });

  test("date-order at the date that should be the later one", () => {
    expectFinding(
      findingsOf((s) => withCell(s, "党员", 0, "入党日期", d("1987-03-14"))),
      "date-order",
      "党员",
      "G2",
    );
    none(
      findingsOf((s) => withCell(s, "党员", 0, "入党日期", d("1988-03-15"))),
      "date-order",
    );
    expectFinding(
      findingsOf((s) => withCell(s, "党员", 0, "入党日期", d("2010-07-01"))),
      "date-order",
      "党员",
      "G2",
    );
    expectFinding(
      findingsOf((s) => withCell(s, "公开承诺", 0, "完成时限", d("2010-05-01"))),
      "date-order",
      "公开承诺",
      "E2",
    );
    expectFinding(
      findingsOf((s) => withCell(s, "公开承诺", 1, "完成日期", d("2010-05-11"))),
      "date-order",
      "公开承诺",
      "G3",
    );
  });

  test("完成日期 is required when 已完成", () => {
    expectFinding(
      findingsOf((s) => withCell(s, "公开承诺", 1, "完成日期", null)),
      "required",
      "公开承诺",
      "G3",
    );
  });

  test("date-outside-campaign", () => {
    expectFinding(
      findingsOf((s) => withCell(s, "公开承诺", 0, "公开日期", d("2010-04-30"))),
      "date-outside-campaign",
      "公开承诺",
      "D2",
    );
    expectFinding(
      findingsOf((s) => withCell(s, "群众评议", 0, "评议日期", d("2012-11-08"))),
      "date-outside-campaign",
      "群众评议",
      "A2",
    );
    none(
      findingsOf((s) => withCell(s, "公开承诺", 0, "公开日期", d("2010-05-01"))),
      "date-outside-campaign",
    );
  });

  test("date-outside-phase and date-after-commendation", () => {
    expectFinding(
      findingsOf((s) => withCell(s, "五个好考评", 0, "考评日期", d("2011-01-01"))),
      "date-outside-phase",
      "五个好考评",
      "C2",
    );
    const late = findingsOf((s) => {
      withCell(s, "五个好考评", 0, "考评时段", "三");
      withCell(s, "五个好考评", 0, "考评日期", d("2012-07-01"));
    });
    expectFinding(late, "date-after-commendation", "五个好考评", "C2");
    none(late, "date-outside-phase");
    none(
      findingsOf((s) => withCell(s, "五个好考评", 0, "考评日期", d("2010-12-31"))),
      "date-outside-phase",
    );
  });

  test("vote-sum at 参评人数", () => {
    const f = expectFinding(
      findingsOf((s) => withCell(s, "群众评议", 0, "参评人数", 51)),
      "vote-sum",
      "群众评议",
      "C2",
    );
    expect(f.value).toBe(51);
  });

  test("grade-mismatch; a rate equal to a line reaches the grade", () => {
    expectFinding(
      findingsOf((s) => withCell(s, "群众评议", 0, "评议等次", "合格")),
      "grade-mismatch",
      "群众评议",
      "H2",
    );
    none(
      findingsOf(() => {}),
      "grade-mismatch",
    ); // 45/50 = 0.90 exactly → 优秀
  });

  test("too-short", () => {
    expectFinding(
      findingsOf((s) => withCell(s, "公开承诺", 0, "承诺事项", "好好干")),
      "too-short",
      "公开承诺",
      "B2",
    );
    none(
      findingsOf((s) => withCell(s, "公开承诺", 0, "承诺事项", "好好工作")),
      "too-short",
    );
  });

  test("criterion-evidence", () => {
    const low = (s: Sheets) => {
      s["群众评议"][1] = [d("2010-06-10"), "O001", 50, 10, 10, 20, 10, "不合格"];
    };
    expectFinding(findingsOf(low), "criterion-evidence", "五个好考评", "H2");
    none(
      findingsOf((s) => (low(s), withCell(s, "五个好考评", 0, "群众反映好", "较好"))),
      "criterion-evidence",
    );
    const violation = findingsOf((s) => withCell(s, "五带头考评", 0, "违纪违法情况", "受到党内警告处分"));
    expectFinding(violation, "criterion-evidence", "五带头考评", "G2");
    none(
      findingsOf((s) => withCell(s, "五带头考评", 0, "违纪违法情况", "—")),
      "criterion-evidence",
    );
  });
});

describe("deadlines and coverage", () => {
  test("plan-late", () => {
    expectFinding(
      findingsOf((s) => withCell(s, "党（工）委", 1, "实施方案报送日期", d("2010-06-01"))),
      "plan-late",
      "党（工）委",
      "E3",
    );
    expectFinding(
      findingsOf((s) => withCell(s, "党（工）委", 1, "实施方案报送日期", null)),
      "plan-late",
      "党（工）委",
      "E3",
    );
    none(
      findingsOf((s) => withCell(s, "党（工）委", 1, "实施方案报送日期", d("2010-05-31"))),
      "plan-late",
    );
  });

  test("commitment-overdue at 完成时限", () => {
    expectFinding(
      findingsOf((s) => withCell(s, "公开承诺", 0, "完成时限", d("2010-06-01"))),
      "commitment-overdue",
      "公开承诺",
      "E2",
    );
    none(
      findingsOf((s) => withCell(s, "公开承诺", 0, "完成时限", d("2010-06-20"))),
      "commitment-overdue",
    );
  });

  test("commitment-missing after 第一时段; new members within 90 days", () => {
    const fs = findingsOf(() => {}, day("2011-01-05"));
    const missing = fs.filter((f) => f.code === "commitment-missing");
    expect(missing.map((f) => `${f.object}@${f.sheet}!${f.cell}`)).toEqual([
      "O002@基层党组织!A3",
      "O003@基层党组织!A4",
      "M002@党员!A3",
      "M003@党员!A4",
    ]);
    none(
      findingsOf(() => {}),
      "commitment-missing",
    ); // not due before 第一时段 ends
    const newcomer = (s: Sheets) => {
      s["党员"].push([
        "M004",
        "吴新",
        "男",
        idCard("1990-01-01", 4, true),
        d("1990-01-01"),
        "O003",
        d("2011-03-01"),
        "预备党员",
        "否",
        "",
      ]);
      withCell(s, "基层党组织", 2, "党员人数", 1);
    };
    const late = findingsOf(newcomer, day("2011-06-01")).filter((f) => f.code === "commitment-missing");
    expect(late.map((f) => f.object)).toContain("M004");
    const kept = findingsOf((s) => {
      newcomer(s);
      s["公开承诺"].push([
        "M004",
        "每月走访群众两次",
        "会议",
        d("2011-05-20"),
        d("2011-12-31"),
        "推进中",
        null,
        "",
        "",
      ]);
    }, day("2011-06-01")).filter((f) => f.code === "commitment-missing");
    expect(kept.map((f) => f.object)).not.toContain("M004");
  });

  test("review-missing per quarter (orgs) and half-year (units), only for ended periods", () => {
    const fs = findingsOf(() => {}, day("2010-07-05")).filter((f) => f.code === "review-missing");
    expect(fs.map((f) => `${f.object} ${f.period} ${f.sheet}!${f.cell}`)).toEqual([
      "U02 2010H1 党（工）委!A3",
      "O003 2010Q2 基层党组织!A4",
    ]);
    none(
      findingsOf(() => {}, day("2010-06-29")),
      "review-missing",
    );
  });

  test("evaluation-missing per calendar year", () => {
    const fs = findingsOf(() => {}, day("2011-01-05")).filter((f) => f.code === "evaluation-missing");
    expect(fs.map((f) => `${f.object} ${f.period}`)).toEqual([
      "O002 2010",
      "O003 2010",
      "M002 2010",
      "M003 2010",
    ]);
    none(
      findingsOf(() => {}, day("2010-12-30")),
      "evaluation-missing",
    );
  });
});

describe("rules sheet and template version", () => {
  const rules = (rows: Rows) => (s: Sheets) => {
    s["评分规则"] = [["规则", "值"], ...rows];
  };
  test("unknown-rule and rule-value", () => {
    const fs = findingsOf(
      rules([
        ["奖励分", 5],
        ["权重-考评", "abc"],
        ["名额-组织", "15%"],
      ]),
    );
    expect(expectFinding(fs, "unknown-rule", "评分规则", "A2").severity).toBe("warning");
    expect(expectFinding(fs, "rule-value", "评分规则", "B3").severity).toBe("error");
    none(findingsOf(rules([["名额-组织", "15%"]])), "rule-value");
  });

  test("rules change the checks: 实施方案报送期限 and 检查基准日", () => {
    const s = baseSheets();
    rules([["实施方案报送期限", "2010-05-21"]])(s);
    const fs = run(s).findings.filter((f) => f.code === "plan-late");
    expect(fs.map((f) => f.object)).toEqual(["U02"]);
    const s2 = baseSheets();
    rules([["检查基准日", "2010-07-05"]])(s2);
    const a = analyze(book(s2), { today: day("2026-11-27") });
    expect(a.ledger.asOf).toBe(day("2010-07-05"));
    // --as-of wins over the sheet; any date is capped at 第三时段结束
    expect(analyze(book(s2), { asOf: day("2010-06-01") }).ledger.asOf).toBe(day("2010-06-01"));
    expect(analyze(book(baseSheets()), { today: day("2026-11-27") }).ledger.asOf).toBe(day("2012-11-07"));
  });

  test("template-version: info without a marker, warning for an unknown one, none for ours", () => {
    const s = baseSheets();
    const info = run(s).findings.filter((f) => f.code === "template-version");
    expect(info.map((f) => f.severity)).toEqual(["info"]);
    const old = run(baseSheets(), AS_OF, { definedNames: { PL_TEMPLATE_VERSION: '"0.9"' } }).findings;
    expect(old.filter((f) => f.code === "template-version").map((f) => f.severity)).toEqual(["warning"]);
    const ours = run(baseSheets(), AS_OF, { definedNames: { PL_TEMPLATE_VERSION: '"1.0"' } }).findings;
    none(ours, "template-version");
  });
});

describe("every code has one producer and a fixture", () => {
  /** Raised only when the units' ledgers are compiled (test/engine/compile.test.ts raises each one). */
  const COMPILE_ONLY = [
    "duplicate-across-units",
    "report-header",
    "unit-twice",
    "unknown-unit",
    "org-two-units",
  ];

  test("every catalogue code is declared by exactly one producer", () => {
    const producersOf = (code: string) => PRODUCERS.filter((p) => p.codes.includes(code as FindingCode));
    expect(FINDING_CODES.filter((c) => producersOf(c).length !== 1)).toEqual([]);
    expect(DISTRICT_COMPILE.codes).toEqual(COMPILE_ONLY);
  });

  // Runs after the tests above (jest keeps a file's order): `run` recorded every code they raised.
  test("every code but the compile-only ones was raised by a fixture above", () => {
    expect(raisedCodes.size).toBeGreaterThan(0);
    expect(FINDING_CODES.filter((c) => !COMPILE_ONLY.includes(c) && !raisedCodes.has(c))).toEqual([]);
    expect(COMPILE_ONLY.filter((c) => raisedCodes.has(c))).toEqual([]);
  });
});
