// Splitting a generated ledger by unit (samples/split.ts) and the district's submission files
// (samples/district-files.ts): every row lands in its unit's file, each file has its cover.
import { COVER_LABELS, LEDGER_SHEETS } from "../../src/engine/schema";
import { SMALL_SAMPLE, generateLedger } from "../../src/samples/generate";
import { splitByUnit } from "../../src/samples/split";
import { districtFiles } from "../../src/samples/district-files";
import type { SheetModel } from "../../src/report/sheet-model";
import { records } from "./helpers";

const { models } = generateLedger(SMALL_SAMPLE);
const cover = (ms: readonly SheetModel[]) =>
  Object.fromEntries(ms.find((m) => m.name === "填报信息")!.rows.map((r) => [r[0], r[1]]));

test("one file per unit; every row of every sheet in exactly one file (区委 reviews once per unit named)", () => {
  const files = splitByUnit(models);
  expect(files.map((f) => f.units.map((u) => u.id))).toEqual([["U01"], ["U02"], ["U03"]]);
  for (const def of LEDGER_SHEETS) {
    const whole = records(models, def.id).length;
    const parts = files.reduce((n, f) => n + records(f.models, def.id).length, 0);
    expect(parts).toBe(whole);
  }
  for (const f of files) {
    const unit = f.units[0].id;
    expect(records(f.models, "units").map((r) => r.unitId)).toEqual([unit]);
    expect(records(f.models, "orgs").every((r) => r.unit === unit)).toBe(true);
  }
});

test("each file's 填报信息 has every item, naming its unit", () => {
  const files = splitByUnit(models, { reportedAt: (i) => `2012-11-0${i + 1} 10:00` });
  files.forEach((f, i) => {
    const c = cover(f.models);
    for (const label of COVER_LABELS) expect(c[label]).toBeTruthy();
    expect(c["填报单位"]).toBe(f.units[0].name);
    expect(c["报出时间"]).toBe(`2012-11-0${i + 1} 10:00`);
  });
});

test("groups: several units in one file", () => {
  const files = splitByUnit(models, { groups: [["U01", "U03"], ["U02"]] });
  expect(records(files[0].models, "units").map((r) => r.unitId)).toEqual(["U01", "U03"]);
});

test("district files: a broken file, a member in two units, a unit twice, an unknown unit", () => {
  const { files, unitList } = districtFiles(
    { ...SMALL_SAMPLE, mistakes: false },
    { brokenFile: true, duplicateMember: true, unitTwice: true, unknownUnit: true },
  );
  expect(files.map((f) => [f.name, f.note ?? null, f.truncate ?? false])).toEqual([
    ["U01-历城区莲花街道党工委.xlsx", null, false],
    ["U02-历城区凤鸣镇党委.xlsx", "broken", true],
    ["U03-历城区财政局党委.xlsx", "duplicate-member", false],
    ["U03-历城区财政局党委（初报）.xlsx", "unit-twice", false],
    ["U91-历城区科创园区党工委.xlsx", "unknown-unit", false],
  ]);
  const u01 = records(files[0].models, "members");
  const u03 = records(files[2].models, "members");
  const shared = u03.filter((m) => u01.some((x) => x.memberId === m.memberId && x.idcard === m.idcard));
  expect(shared).toHaveLength(1);
  expect(cover(files[3].models)["报出时间"] < cover(files[2].models)["报出时间"]).toBe(true);
  const unknown = records(files[4].models, "members");
  expect(
    unknown.every((m) => String(m.memberId).startsWith("M9") && String(m.idcard).startsWith("370181")),
  ).toBe(true);
  expect(records(unitList, "units").map((r) => r.unitId)).toEqual(["U01", "U02", "U03"]);
});

test("a 区委 review naming two units goes to both files, each with its own unit's ID", () => {
  const copy = models.map((m) => ({ ...m, rows: m.rows.map((r) => [...r]) }));
  const reviews = copy.find((m) => m.name === "领导点评")!;
  const col = (h: string) => reviews.columns.findIndex((c) => c.header === h);
  const row = reviews.rows.find((r) => r[col("点评层级")] === "区委" && r[col("点评对象")] === "U01")!;
  row[col("点评对象")] = "U01、U02";
  const files = splitByUnit(copy);
  const targets = (i: number) =>
    records(files[i].models, "reviews").filter((r) => r.level === "区委" && r.date === row[col("点评日期")]);
  expect(targets(0).map((r) => r.targets)).toContain("U01");
  expect(targets(1).map((r) => r.targets)).toContain("U02");
});
