// The district compilation (ledger-format.md §8): each rule raised at the exact file and cell, with a
// near miss that must not raise it; statuses; the merged district.
import { DISTRICT_COMPILE } from "../../src/engine/producers";
import { type Compilation } from "../../src/engine/compile";
import { checkedForCompiling, compileDistrict, openDistrict } from "../../src/engine/compile";
import { readLedger } from "../../src/engine/read-ledger";
import type { Grid, Workbook } from "../../src/engine/grid";
import { reasonText } from "../../src/i18n/submissions";
import { FINDING_CODES } from "../../src/engine/catalogue";
import { messageOf } from "../../src/i18n/findings";
import { dayFromYMD } from "../../src/engine/dates";
import {
  AS_OF,
  col,
  compile,
  inputs,
  setCover,
  sheet,
  unitFiles,
  where,
  workbookOf,
} from "./compile-fixture";

const raised = new Set<string>();
function run(...args: Parameters<typeof compile>): Compilation {
  const c = compile(...args);
  for (const s of c.submissions) for (const f of s.findings) raised.add(f.code);
  return c;
}
const statuses = (c: Compilation) => c.submissions.map((s) => `${s.file} ${s.status}`);

describe("a clean district", () => {
  test("every unit's file is accepted, named by its 填报单位, with no finding", () => {
    const c = run(inputs(unitFiles()));
    expect(statuses(c)).toEqual(["U01.xlsx accepted", "U02.xlsx accepted", "U03.xlsx accepted"]);
    expect(c.submissions.map((s) => [s.unit.id, s.unit.from, s.unit.cell])).toEqual([
      ["U01", "cover", "B2"],
      ["U02", "cover", "B2"],
      ["U03", "cover", "B2"],
    ]);
    expect(where(c)).toEqual([]);
    expect(c.unitsFrom).toBe("submissions");
    expect(c.units.map((u) => u.id)).toEqual(["U01", "U02", "U03"]);
  });

  test("each merged record keeps its file, sheet and cell; scores name the file they come from", () => {
    const c = run(inputs(unitFiles()));
    const { ledger } = c.analysis;
    const member = ledger.index.members.values().next().value!;
    const origin = ledger.origins!.get(member)!;
    expect(origin.file).toBe("U01.xlsx");
    expect(origin.table.grid.name).toBe("党员");
    const s = c.evaluation.scores.find((x) => x.unit === "U02")!;
    expect(s.source.file).toBe("U02.xlsx");
    expect(["五个好考评", "五带头考评"]).toContain(s.source.sheet);
  });
});

describe("report-header", () => {
  test("a blank 填报信息 item is a warning at its value cell; all filled: none", () => {
    const files = unitFiles();
    setCover(files[1], "联系电话", null);
    const c = run(inputs(files));
    expect(where(c)).toEqual(["report-header @ U02.xlsx 填报信息!B5"]);
    const f = c.submissions[1].findings[0];
    expect(f.field).toBe("联系电话");
    expect(messageOf(f)).toBe("填报信息缺少“联系电话”，请在“填报信息”表补填");
    expect(c.submissions[1].status).toBe("accepted");
  });

  test("no cover sheet: one warning per item (no cell); the unit comes from its only 单位编号", () => {
    const files = unitFiles();
    files[0].models = files[0].models.filter((m) => m.name !== "填报信息");
    const c = run(inputs(files));
    expect(where(c)).toEqual(Array(5).fill("report-header @ U01.xlsx !"));
    expect(c.submissions[0].findings.map((f) => f.field)).toEqual([
      "填报单位",
      "负责人",
      "填表人",
      "联系电话",
      "报出时间",
    ]);
    expect(c.submissions[0].unit).toMatchObject({
      id: "U01",
      from: "units-sheet",
      sheet: "党（工）委",
      cell: "A2",
    });
  });

  test("a 报出时间 that is not a date and time is a warning that says so", () => {
    const files = unitFiles();
    setCover(files[2], "报出时间", "十一月初");
    const c = run(inputs(files));
    expect(where(c)).toEqual(["report-header @ U03.xlsx 填报信息!B6"]);
    expect(messageOf(c.submissions[2].findings[0])).toContain("“十一月初”不是日期时间");
    // near miss: the Chinese form with a time is read
    setCover(files[2], "报出时间", "2012年11月5日 10时30分");
    const ok = run(inputs(files));
    expect(where(ok)).toEqual([]);
    expect(ok.submissions[2].reportedAt).toBeCloseTo(dayFromYMD(2012, 11, 5)! + 10.5 / 24, 9);
  });
});

describe("the submitting unit and unknown-unit", () => {
  test("a 填报单位 not on the list is a warning at that cell; the file is still accepted", () => {
    const files = unitFiles();
    setCover(files[0], "填报单位", "历城区某某街道党工委");
    const c = run(inputs(files));
    expect(where(c)).toEqual(["unknown-unit @ U01.xlsx 填报信息!B2"]);
    expect(c.submissions[0].status).toBe("accepted");
    expect(messageOf(c.submissions[0].findings[0])).toBe(
      "报送单位“历城区某某街道党工委”不在全区单位名单中，请把填报单位改为名单上的单位名称或单位编号",
    );
  });

  test("a 填报单位 written as the 单位编号 is known (near miss)", () => {
    const files = unitFiles();
    setCover(files[0], "填报单位", "U01");
    const c = run(inputs(files));
    expect(where(c)).toEqual([]);
    expect(c.submissions[0].unit.id).toBe("U01");
  });

  test("with a units workbook, a unit missing from its 党（工）委 sheet is unknown", () => {
    const files = unitFiles();
    const units = workbookOf({ ...files[0], models: [sheetWithUnits(files, ["U01", "U02"])] });
    const c = run(inputs(files), { units });
    expect(c.unitsFrom).toBe("units-workbook");
    expect(where(c)).toEqual(["unknown-unit @ U03.xlsx 填报信息!B2"]);
    expect(c.submissions[2].findings[0].object).toBe("U03");
    // near miss: the same files against the union of the submissions
    expect(where(run(inputs(files)))).toEqual([]);
  });

  test("checked submissions survive a structured clone (the pane's submission worker sends them): the same compilation", () => {
    const district = openDistrict({ asOf: AS_OF });
    const checked = inputs(unitFiles()).map((i) => checkedForCompiling(district, i));
    const a = compileDistrict(district, checked);
    const b = compileDistrict(
      district,
      checked.map((c) => structuredClone(c)),
    );
    expect(b.submissions).toEqual(a.submissions);
    expect(b.analysis.findings).toEqual(a.analysis.findings);
    expect(b.evaluation.scores).toEqual(a.evaluation.scores);
    expect(b.evaluation.progress).toEqual(a.evaluation.progress);
    expect(b.evaluation.commendations.length).toBeGreaterThan(0);
  });

  test("a whole ledger as the units workbook: only its 党（工）委 sheet is read for the list", () => {
    const files = unitFiles();
    const whole = workbookOf(files[0]); // a unit's whole ledger: 党（工）委, 党员, 考评 …
    const expected = openDistrict({ units: whole }).units;
    // the ledger sheets' data rows but 党（工）委's throw when read: the unit list must not need them
    // (评分规则 is the district's rules: read whole)
    const read = new Set(["党（工）委", "评分规则"]);
    const guarded: Workbook = {
      ...whole,
      sheets: whole.sheets.map((g) => (read.has(g.name) ? g : { ...g, rows: rowsThatThrow(g.rows) })),
    };
    const district = openDistrict({ units: guarded });
    expect(district.units).toEqual(expected);
    expect(district.units?.map((u) => u.id)).toEqual(["U01"]);
    expect(() => readLedger(guarded)).toThrow("read past the header");
  });

  test("without cover nor a single 单位编号, the file name names the unit", () => {
    const files = unitFiles();
    files[1].models = files[1].models.filter((m) => m.name !== "填报信息");
    sheet(files[1], "党（工）委").rows.push(sheet(files[0], "党（工）委").rows[0]);
    const c = run(inputs(files, ["U01.xlsx", "U02-凤鸣镇.xlsx", "U03.xlsx"]));
    expect(c.submissions[1].unit).toMatchObject({
      id: "U02",
      from: "file-name",
      text: "U02-凤鸣镇",
      known: true,
    });
  });
});

describe("unit-twice", () => {
  test("the later 报出时间 wins; the other is superseded with a warning naming both files", () => {
    const files = unitFiles();
    const again = unitFiles()[0];
    setCover(files[0], "报出时间", "2012-11-03 09:00");
    setCover(again, "报出时间", "2012-11-03 16:30");
    const c = run(
      inputs([files[0], files[1], files[2], again], ["U01.xlsx", "U02.xlsx", "U03.xlsx", "U01-再报.xlsx"]),
    );
    expect(statuses(c)).toEqual([
      "U01.xlsx superseded",
      "U02.xlsx accepted",
      "U03.xlsx accepted",
      "U01-再报.xlsx accepted",
    ]);
    expect(where(c)).toEqual(["unit-twice @ U01.xlsx 填报信息!B6"]);
    expect(messageOf(c.submissions[0].findings[0])).toBe(
      "本单位另报送了“U01-再报.xlsx”（报出时间：2012-11-03 16:30），以较晚的那份为准，本文件不参加汇总；如需以本文件为准，请重新报送并更新报出时间",
    );
    expect(reasonText(c.submissions[0])).toBe("本单位已另报较晚的“U01-再报.xlsx”，本文件不参加汇总");
    // the district counts U01 once
    expect(c.analysis.ledger.index.units.size).toBe(3);
  });

  test("same 报出时间: the later modification time wins (near miss of the 报出时间 rule)", () => {
    const files = unitFiles();
    const ins = inputs([files[0], unitFiles()[0]], ["a.xlsx", "b.xlsx"]);
    ins[0].modifiedAt = 2000;
    ins[1].modifiedAt = 1000;
    const c = run(ins);
    expect(statuses(c)).toEqual(["a.xlsx accepted", "b.xlsx superseded"]);
  });

  test("an unreadable file is superseded by its unit's later usable file, never the reverse", () => {
    const broken = { file: "U01-损坏.xlsx", unusable: "文件已损坏或不完整，无法读取。" };
    const later = inputs(unitFiles());
    const resent = run([{ ...broken, modifiedAt: 1000 }, ...later.map((i) => ({ ...i, modifiedAt: 2000 }))]);
    expect(statuses(resent)).toEqual([
      "U01-损坏.xlsx superseded",
      "U01.xlsx accepted",
      "U02.xlsx accepted",
      "U03.xlsx accepted",
    ]);
    expect(where(resent, "unit-twice")).toEqual(["unit-twice @ U01-损坏.xlsx !"]);
    // Near misses: the unreadable file is the later one — returned, and the usable file stands;
    // an unreadable file whose name names no unit stays returned.
    const brokenLast = run([
      ...later.map((i) => ({ ...i, modifiedAt: 1000 })),
      { ...broken, modifiedAt: 2000 },
    ]);
    expect(statuses(brokenLast)).toEqual([
      "U01.xlsx accepted",
      "U02.xlsx accepted",
      "U03.xlsx accepted",
      "U01-损坏.xlsx returned",
    ]);
    const anonymous = run([{ file: "新建文件.xlsx", unusable: "坏", modifiedAt: 1000 }, ...later]);
    expect(statuses(anonymous)[0]).toBe("新建文件.xlsx returned");
  });

  test("two units' files are not a unit twice", () => {
    expect(where(run(inputs(unitFiles())), "unit-twice")).toEqual([]);
  });
});

describe("duplicate-across-units", () => {
  test("a member in two units' ledgers: an error at 党员编号 and 身份证号 in each file; both go back", () => {
    const files = unitFiles();
    const from = sheet(files[0], "党员");
    const to = sheet(files[1], "党员");
    const moved = [...from.rows[3]];
    moved[col(to, "所在党组织")] = sheet(files[1], "基层党组织").rows[0][0];
    to.rows.push(moved);
    const c = run(inputs(files));
    expect(where(c, "duplicate-across-units")).toEqual([
      `duplicate-across-units @ U01.xlsx 党员!A5`,
      `duplicate-across-units @ U01.xlsx 党员!D5`,
      `duplicate-across-units @ U02.xlsx 党员!A${to.rows.length + 1}`,
      `duplicate-across-units @ U02.xlsx 党员!D${to.rows.length + 1}`,
    ]);
    expect(statuses(c)).toEqual(["U01.xlsx returned", "U02.xlsx returned", "U03.xlsx accepted"]);
    const x = c.crossFindings.find((f) => f.file === "U01.xlsx" && f.field === "党员编号")!;
    expect(x.other).toEqual({ file: "U02.xlsx", sheet: "党员", cell: `A${to.rows.length + 1}` });
    expect(messageOf(x)).toContain(
      `也出现在U02 ${c.submissions[1].unit.name}的台账（U02.xlsx 党员!A${to.rows.length + 1}）`,
    );
    expect(reasonText(c.submissions[0])).toBe("台账有2处错误（第一处在党员!A5），请逐条改正后重新报送");
    // only U03 is merged
    expect(new Set(c.evaluation.scores.map((s) => s.unit))).toEqual(new Set(["U03"]));
  });

  test("the same 身份证号 under another 党员编号 is one error per file; another person: none", () => {
    const files = unitFiles();
    const from = sheet(files[0], "党员");
    const to = sheet(files[1], "党员");
    const twin = [...to.rows[0]];
    twin[col(to, "身份证号")] = from.rows[2][col(from, "身份证号")];
    twin[col(to, "出生日期")] = from.rows[2][col(from, "出生日期")];
    for (const h of ["性别", "入党日期"]) twin[col(to, h)] = from.rows[2][col(from, h)];
    twin[col(to, "党员编号")] = "M999999";
    to.rows.push(twin);
    const c = run(inputs(files));
    expect(where(c, "duplicate-across-units")).toEqual([
      "duplicate-across-units @ U01.xlsx 党员!D4",
      `duplicate-across-units @ U02.xlsx 党员!D${to.rows.length + 1}`,
    ]);
    // near miss: the namesake of a member of another unit (same name, own 编号 and 身份证号)
    const namesake = unitFiles();
    const n = sheet(namesake[1], "党员");
    n.rows[0][col(n, "姓名")] = sheet(namesake[0], "党员").rows[0][col(n, "姓名")];
    expect(where(run(inputs(namesake)), "duplicate-across-units")).toEqual([]);
  });

  test("a file returned for its own errors takes no part in the cross-file checks", () => {
    const files = unitFiles();
    const to = sheet(files[1], "党员");
    to.rows.push([...sheet(files[0], "党员").rows[0]]);
    to.rows[to.rows.length - 1][col(to, "所在党组织")] = "O9999"; // foreign-key: an error of its own
    const c = run(inputs(files));
    expect(where(c, "duplicate-across-units")).toEqual([]);
    expect(statuses(c)).toEqual(["U01.xlsx accepted", "U02.xlsx returned", "U03.xlsx accepted"]);
  });
});

describe("org-two-units", () => {
  test("an organisation in two units' files: a warning at 组织编号 in each; both stay accepted", () => {
    const files = unitFiles();
    const from = sheet(files[0], "基层党组织");
    const to = sheet(files[2], "基层党组织");
    const org = [...from.rows[1]];
    org[col(to, "上级党（工）委")] = "U03";
    org[col(to, "党员人数")] = 0;
    to.rows.push(org);
    const c = run(inputs(files));
    expect(where(c, "org-two-units")).toEqual([
      "org-two-units @ U01.xlsx 基层党组织!A3",
      `org-two-units @ U03.xlsx 基层党组织!A${to.rows.length + 1}`,
    ]);
    expect(statuses(c)).toEqual(["U01.xlsx accepted", "U02.xlsx accepted", "U03.xlsx accepted"]);
    // the first submission's record is the district's
    const id = String(org[0]);
    expect(c.analysis.ledger.origins!.get(c.analysis.ledger.index.orgs.get(id)!)!.file).toBe("U01.xlsx");
  });

  test("near miss: a new organisation in another unit is no conflict", () => {
    const files = unitFiles();
    const to = sheet(files[2], "基层党组织");
    const org = [...to.rows[0]];
    org[0] = "O9001";
    org[col(to, "党员人数")] = 0;
    to.rows.push(org);
    expect(where(run(inputs(files)), "org-two-units")).toEqual([]);
  });
});

describe("statuses", () => {
  test("an unusable file is returned with the host's reason; a workbook that is no ledger too", () => {
    const files = unitFiles();
    const ins = inputs(files);
    ins.push({ file: "坏文件.xlsx", unusable: "文件已损坏或不完整，无法读取。" });
    ins.push({
      file: "通讯录.xlsx",
      workbook: { date1904: false, sheets: [{ name: "Sheet1", rows: [["姓名", "电话"]], merges: [] }] },
    });
    const c = run(ins);
    expect(statuses(c).slice(3)).toEqual(["坏文件.xlsx returned", "通讯录.xlsx returned"]);
    expect(reasonText(c.submissions[3])).toBe("文件已损坏或不完整，无法读取。");
    expect(reasonText(c.submissions[4])).toContain("没有找到任何台账表");
    expect(c.submissions[3].findings).toEqual([]);
    expect(c.submissions[4].unit).toMatchObject({ from: "file-name", text: "通讯录", known: false });
  });

  test("an error of its own sends a file back; warnings do not", () => {
    const files = unitFiles();
    const v = sheet(files[1], "群众评议");
    v.rows[0][col(v, "参评人数")] = 999;
    const c = run(inputs(files));
    expect(c.submissions[1].status).toBe("returned");
    expect(c.submissions[1].reason).toMatchObject({ kind: "errors", errors: 1 });
    expect(reasonText(c.submissions[1], "en")).toBe(
      "The ledger has 1 error (first at 群众评议!C2); correct each one and submit it again",
    );
  });

  test("every submission's findings carry its file, and the district's analysis holds them all", () => {
    const files = unitFiles();
    setCover(files[0], "联系电话", null);
    const c = run(inputs(files));
    expect(c.analysis.findings.every((f) => f.file !== undefined)).toBe(true);
    expect(c.analysis.findings.length).toBe(c.submissions.reduce((n, s) => n + s.findings.length, 0));
  });
});

describe("the district's rules and date", () => {
  test("the units workbook's 评分规则 sets 检查基准日 for every file; --as-of wins over it", () => {
    const files = unitFiles();
    const rules = {
      name: "评分规则",
      columns: [{ header: "规则" }, { header: "值" }],
      rows: [["检查基准日", "2011-07-01"]],
    };
    const units = workbookOf({ ...files[0], models: [sheetWithUnits(files, ["U01", "U02", "U03"]), rules] });
    const c = compile(inputs(files), { units, asOf: undefined });
    expect(c.district.asOf).toBe(dayFromYMD(2011, 7, 1));
    expect(c.submissions[0].analysis!.ledger.asOf).toBe(dayFromYMD(2011, 7, 1));
    expect(compile(inputs(files), { units }).district.asOf).toBe(AS_OF);
  });
});

test("every code of the compilation is declared by its producer and raised above", () => {
  expect(DISTRICT_COMPILE.codes.every((c) => FINDING_CODES.includes(c))).toBe(true);
  expect(DISTRICT_COMPILE.codes.filter((c) => !raised.has(c))).toEqual([]);
});

/** A 党（工）委 sheet holding the given units' rows of the files. */
function sheetWithUnits(files: ReturnType<typeof unitFiles>, ids: string[]) {
  const first = sheet(files[0], "党（工）委");
  const rows = files.flatMap((f) => sheet(f, "党（工）委").rows).filter((r) => ids.includes(String(r[0])));
  return { ...first, rows };
}

/** Rows whose data rows (below the first few, where headers are) throw when read. */
function rowsThatThrow(rows: Grid["rows"]): Grid["rows"] {
  return new Proxy(rows, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key) && Number(key) > 8)
        throw new Error("read past the header");
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}
