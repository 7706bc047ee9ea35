// The check date and drafts in a district compilation (ledger-format.md §5.1 over §8): the district's
// lists are drawn up from the accepted files only, so a file returned for its errors makes them a
// draft; every file is checked at the district's 检查基准日, with the same after-as-of rule.
import { analyze } from "../../src/engine/analyze";
import { parseISO } from "../../src/engine/dates";
import { toVariantWorkbook } from "../../src/samples/layout";
import { WHOLE, col, compile, inputs, sheet, unitFiles } from "./compile-fixture";

test("a clean district is no draft", () => {
  expect(compile(inputs(unitFiles())).evaluation.draft).toBeNull();
});

test("a file returned for its errors: its errors and its organisations and members make the draft", () => {
  const files = unitFiles();
  const members = sheet(files[1], "党员");
  const orgs = sheet(files[1], "基层党组织").rows.length;
  const own = members.rows.length;
  // a copy of a U01 member under an unknown organisation: foreign-key in U02's file
  members.rows.push([...sheet(files[0], "党员").rows[0]]);
  members.rows[members.rows.length - 1][col(members, "所在党组织")] = "O9999";
  const c = compile(inputs(files));
  expect(c.submissions.map((s) => s.status)).toEqual(["accepted", "returned", "accepted"]);
  const errors = c.submissions[1].findings.filter((f) => f.severity === "error").length;
  expect(errors).toBeGreaterThan(0);
  // the copied member is U01's, scored from U01's file: not left out
  expect(c.evaluation.draft).toEqual({ errors, unscored: orgs + own });
});

test("at 2011-03-01 every file is checked at that date: after-as-of per file, no 第三时段, 第二时段 provisional", () => {
  const asOf = parseISO("2011-03-01")!;
  const c = compile(inputs(unitFiles()), { asOf });
  const perSheet = new Map<string, number>();
  for (const s of c.submissions)
    for (const f of s.findings)
      if (f.code === "after-as-of") perSheet.set(f.sheet!, (perSheet.get(f.sheet!) ?? 0) + Number(f.value));
  const whole = analyze(toVariantWorkbook(WHOLE).workbook, { asOf });
  const expected = new Map(
    whole.findings.filter((f) => f.code === "after-as-of").map((f) => [f.sheet!, Number(f.value)]),
  );
  expect(expected.size).toBeGreaterThan(3);
  expect(perSheet).toEqual(expected);
  const ev = c.evaluation;
  expect(ev.provisionalPhases).toEqual([2]);
  expect(ev.scores.filter((s) => s.phase === 3)).toEqual([]);
  expect([...ev.commendations, ...ev.notSelected].filter((x) => x.phase === 3)).toEqual([]);
  // members who joined after the date are date-order errors: the files go back, the lists are a draft
  expect(ev.draft?.errors).toBe(whole.findings.filter((f) => f.severity === "error").length);
});
