// `pioneer-ledger evaluate`: scores and lists in JSON, the result workbook written beside the input
// (never onto it), the source sheets unchanged, formula-like text kept as text, re-runs replacing
// the result sheets, and the same results whatever the ledger's layout.
import { createHash } from "crypto";
import { execFileSync } from "child_process";
import { readFileSync, writeFileSync, existsSync } from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { cli, tmpDir } from "./run-cli";
import { SMALL_SAMPLE, generateLedger } from "../../src/samples/generate";
import { toVariantWorkbook } from "../../src/samples/layout";
import { writeGrids, writeSheetModels } from "../../src/hosts/xlsx/write";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { RESULT_SHEET_NAMES, RESULT_SHEETS } from "../../src/engine/schema";

const dir = tmpDir();
const sample = path.join(dir, "sample.xlsx");
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

beforeAll(async () => {
  const { models } = generateLedger(SMALL_SAMPLE);
  // Clerk text that Excel would take for a formula if written carelessly.
  const orgs = models.find((m) => m.name === "基层党组织")!;
  orgs.rows[0][orgs.columns.findIndex((c) => c.header === "党组织名称")] = '=HYPERLINK("http://x")党支部';
  const members = models.find((m) => m.name === "党员")!;
  members.rows[0][members.columns.findIndex((c) => c.header === "姓名")] = "+张三";
  writeFileSync(sample, await writeSheetModels(models));
});

function evaluate(input: string, out: string, extra: string[] = []) {
  const r = cli(["evaluate", input, "-o", out, "--as-of", "2012-11-07", "--json", ...extra]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

test("evaluate --json: scores, commendations and notSelected in cli.md's shape; the input untouched", () => {
  const before = sha(sample);
  const out = path.join(dir, "out.xlsx");
  const j = evaluate(sample, out);
  expect(sha(sample)).toBe(before);
  expect(existsSync(out)).toBe(true);
  expect(j.scores.length).toBeGreaterThan(100);
  for (const s of j.scores) {
    expect(Object.keys(s)).toEqual(
      expect.arrayContaining([
        "kind",
        "id",
        "phase",
        "criteria",
        "approval",
        "deductions",
        "total",
        "grade",
        "veto",
      ]),
    );
    expect(Math.round(s.total * 10) / 10).toBe(s.total);
  }
  expect(new Set(j.commendations.map((c: { list: string }) => c.list)).size).toBeGreaterThan(3);
  const reasons = new Set(j.notSelected.map((n: { reason: string }) => n.reason));
  for (const r of ["grade", "errors", "probationary", "not-party-worker", "over-quota", "already-selected"])
    expect(reasons).toContain(r);
  // every object of every list is either selected or explained, exactly once: each list holds every
  // unit (3), organisation (12) or member (72) of the sample
  const lists = new Map<string, { kind: string; ids: Set<string> }>();
  const ofKind = new Map<string, Set<string>>();
  for (const e of [...j.commendations, ...j.notSelected]) {
    const k = `${e.phase}|${e.list}`;
    const list = lists.get(k) ?? { kind: e.kind, ids: new Set<string>() };
    expect(list.ids.has(e.id)).toBe(false);
    list.ids.add(e.id);
    lists.set(k, list);
    ofKind.set(e.kind, (ofKind.get(e.kind) ?? new Set<string>()).add(e.id));
  }
  expect(Object.fromEntries([...ofKind].map(([k, ids]) => [k, ids.size]))).toEqual({
    unit: 3,
    organization: 12,
    member: 72,
  });
  expect(lists.size).toBe(7);
  for (const [k, list] of lists)
    expect({ k, size: list.ids.size }).toEqual({ k, size: ofKind.get(list.kind)!.size });
});

test("the result workbook: the §6 sheets after the source sheets, source values identical, text stays text", async () => {
  const out = path.join(dir, "out2.xlsx");
  evaluate(sample, out);
  const src = readXlsx(readFileSync(sample));
  const res = readXlsx(readFileSync(out));
  const names = res.sheets.map((s) => s.name);
  expect(names.slice(0, src.sheets.length)).toEqual(src.sheets.map((s) => s.name));
  for (const n of [
    RESULT_SHEETS.findings,
    RESULT_SHEETS.orgScores,
    RESULT_SHEETS.memberScores,
    RESULT_SHEETS.commendations,
    RESULT_SHEETS.notSelected,
    RESULT_SHEETS.progress,
  ])
    expect(names).toContain(n);
  for (const s of src.sheets) expect(res.sheets.find((x) => x.name === s.name)!.rows).toEqual(s.rows);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  const orgScores = wb.getWorksheet(RESULT_SHEETS.orgScores)!;
  let found = false;
  orgScores.eachRow((row) =>
    row.eachCell((cell) => {
      expect(cell.formula).toBeUndefined();
      if (cell.value === '=HYPERLINK("http://x")党支部') found = true;
    }),
  );
  expect(found).toBe(true);
  const members = wb.getWorksheet(RESULT_SHEETS.memberScores)!;
  const values: unknown[] = [];
  members.eachRow((row) => row.eachCell((c) => values.push(c.value)));
  expect(values).toContain("+张三");
  // 身份证号 never appears in full in a result sheet
  const ids = new Set<string>();
  for (const g of src.sheets.filter((s) => s.name === "党员"))
    for (const r of g.rows)
      for (const v of r ?? []) if (typeof v === "string" && /^\d{17}[\dX]$/.test(v)) ids.add(v);
  expect(ids.size).toBeGreaterThan(10);
  const written: string[] = [];
  for (const name of RESULT_SHEET_NAMES)
    for (const r of res.sheets.find((x) => x.name === name)?.rows ?? [])
      for (const v of r ?? []) if (typeof v === "string") written.push(v);
  const text = written.join("\n");
  expect(text.length).toBeGreaterThan(1000);
  for (const id of ids) expect(text.includes(id)).toBe(false);
});

test("a re-run on the result replaces the result sheets; writing onto the input is refused", () => {
  const out1 = path.join(dir, "r1.xlsx");
  const out2 = path.join(dir, "r2.xlsx");
  evaluate(sample, out1);
  evaluate(out1, out2);
  const names = readXlsx(readFileSync(out2)).sheets.map((s) => s.name);
  expect(names.filter((n) => n === RESULT_SHEETS.commendations)).toHaveLength(1);
  expect(names).toEqual(readXlsx(readFileSync(out1)).sheets.map((s) => s.name));
  const before = sha(sample);
  const r = cli(["evaluate", sample, "-o", sample]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/不能与输入文件相同/);
  expect(sha(sample)).toBe(before);
});

test("the same scores, lists and reasons whatever the layout", async () => {
  const { models } = generateLedger(SMALL_SAMPLE);
  const plain = path.join(dir, "plain.xlsx");
  writeFileSync(plain, await writeSheetModels(models));
  const variant = path.join(dir, "variant.xlsx");
  writeFileSync(
    variant,
    await writeGrids(
      toVariantWorkbook(models, {
        sheetAliases: true,
        columnAliases: true,
        reverseColumns: true,
        titleRows: 2,
        textDates: "cn",
        fullWidthIds: true,
        blankAndTotalRows: true,
        date1904: true,
        twoRowHeader: true,
      }).workbook,
    ),
  );
  const a = evaluate(plain, path.join(dir, "plain-out.xlsx"));
  const b = evaluate(variant, path.join(dir, "variant-out.xlsx"));
  const strip = (j: { scores: unknown; commendations: unknown; notSelected: unknown }) => ({
    scores: j.scores,
    commendations: j.commendations,
    notSelected: j.notSelected,
  });
  expect(strip(b)).toEqual(strip(a));
});

test("LibreOffice opens the result workbook: the lists, scores and percentages as a clerk sees them", () => {
  const out = path.join(dir, "lo.xlsx");
  const j = evaluate(sample, out);
  const lo = tmpDir("pl-lo-");
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${tmpDir("pl-lo-profile-")}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
      "--outdir",
      lo,
      out,
    ],
    { timeout: 120000, stdio: "pipe" },
  );
  const csv = readFileSync(path.join(lo, `lo-${RESULT_SHEETS.commendations}.csv`), "utf8");
  const first = j.commendations[0];
  expect(csv).toContain(first.name);
  // the signed list carries no IDs or scores (ledger-format.md §6.1): 考评结果 does
  expect(csv).not.toContain(first.id);
  const scores = readFileSync(path.join(lo, `lo-${RESULT_SHEETS.orgScores}.csv`), "utf8");
  expect(scores).toContain(first.total.toFixed(1));
  expect(scores).toMatch(/\d+\.\d%/);
  // title, preamble, then the header row
  expect(scores.split("\n")[2]).toContain("综合得分");
});

test("the human output counts 未入选说明 as the sheet lists it (not the members who are simply no party workers)", () => {
  const out = path.join(dir, "out-count.xlsx");
  const r = cli(["evaluate", sample, "-o", out, "--as-of", "2012-11-07"]);
  const n = Number(/未入选说明(\d+)条/.exec(r.stdout)?.[1]);
  const json = evaluate(sample, path.join(dir, "out-count-json.xlsx"));
  const grid = readXlsx(readFileSync(out)).sheets.find((s) => s.name === RESULT_SHEETS.notSelected)!;
  const header = grid.rows.findIndex((row) => row?.[0] === "时段");
  const listed = grid.rows
    .slice(header + 1)
    .filter((row) => (row ?? []).some((v) => v !== null && v !== "")).length;
  expect(n).toBe(listed);
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(json.notSelected.length);
});
