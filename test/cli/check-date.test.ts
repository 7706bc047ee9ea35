// The check date and drafts through the CLI (ledger-format.md §5.1, cli.md): `evaluate --as-of
// 2011-03-01` on the demo sample has no 第三时段 and marks 第二时段 provisional; a ledger with errors
// is a draft (JSON and the printed line); `--strict` writes nothing and exits 1. The numbers come from
// the run's own JSON or the sample generator, never typed in.
import { existsSync, writeFileSync } from "fs";
import { readFileSync } from "fs";
import * as path from "path";
import { cli, tmpDir } from "./run-cli";
import { SMALL_SAMPLE, generateLedger } from "../../src/samples/generate";
import { writeSheetModels } from "../../src/hosts/xlsx/write";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { RESULT_SHEETS } from "../../src/engine/schema";
import type { CellValue } from "../../src/engine/grid";

const dir = tmpDir("pl-as-of-");
const demo = path.join(dir, "demo");
const sample = path.join(demo, "sample-ledger.xlsx");
const clean = path.join(dir, "clean.xlsx");

beforeAll(async () => {
  expect(cli(["demo", "-o", demo]).code).toBe(0);
  writeFileSync(clean, await writeSheetModels(generateLedger({ ...SMALL_SAMPLE, mistakes: false }).models));
});

interface Entry {
  phase: number;
  id: string;
  provisional?: boolean;
}

function evaluateJson(input: string, out: string, extra: string[] = []) {
  const r = cli(["evaluate", input, "-o", out, "--json", ...extra]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

/** Every text cell of a result sheet of the written workbook. */
function cellsOf(file: string, sheet: string): string[] {
  const g = readXlsx(readFileSync(file)).sheets.find((s) => s.name === sheet)!;
  return g.rows.flatMap((r) => (r ?? []).filter((v: CellValue) => typeof v === "string") as string[]);
}

describe("evaluate --as-of 2011-03-01 on the demo sample", () => {
  const out = path.join(dir, "as-of.xlsx");
  let j: {
    draft: boolean;
    provisionalPhases: number[];
    scores: Entry[];
    commendations: Entry[];
    notSelected: Entry[];
    findings: { code: string; sheet: string }[];
  };
  let full: { commendations: Entry[] };
  beforeAll(() => {
    j = evaluateJson(sample, out, ["--as-of", "2011-03-01"]);
    full = evaluateJson(sample, path.join(dir, "full.xlsx"), ["--as-of", "2012-11-07"]);
  });

  test("no 第三时段 scores, lists or reasons; 第二时段 provisional, 第一时段 not", () => {
    // the sample's 第二时段 evaluations are of June 2011: none yet, but the phase has begun
    expect(j.scores.some((s) => s.phase === 1)).toBe(true);
    expect(j.scores.some((s) => s.phase === 2)).toBe(false);
    expect(j.notSelected.some((n) => n.phase === 2)).toBe(true);
    for (const x of [...j.scores, ...j.commendations, ...j.notSelected]) expect(x.phase).not.toBe(3);
    expect(j.provisionalPhases).toEqual([2]);
    expect(j.commendations.some((c) => c.phase === 1)).toBe(true);
    for (const c of j.commendations) expect(c.provisional).toBe(c.phase === 2);
  });

  test("none of the 2011 and 2012 七一 honourees is listed", () => {
    const honoured = full.commendations.filter((c) => c.phase >= 2).map((c) => `${c.phase} ${c.id}`);
    expect(honoured.length).toBeGreaterThan(3);
    const now = j.commendations.map((c) => `${c.phase} ${c.id}`);
    for (const h of honoured) expect(now).not.toContain(h);
  });

  test("the records after the date are reported, one info per sheet", () => {
    const sheets = j.findings.filter((f) => f.code === "after-as-of").map((f) => f.sheet);
    expect(sheets).toEqual(expect.arrayContaining(["五个好考评", "五带头考评", "群众评议", "领导点评"]));
    expect(new Set(sheets).size).toBe(sheets.length);
  });

  test("the written 考评结果 and 进度督查 have no 第三时段 rows or columns", () => {
    expect(cellsOf(out, RESULT_SHEETS.orgScores)).not.toContain("第三时段");
    expect(cellsOf(out, RESULT_SHEETS.memberScores)).not.toContain("第三时段");
    expect(cellsOf(out, RESULT_SHEETS.progress).filter((v) => v.includes("第三时段"))).toEqual([]);
    expect(cellsOf(out, RESULT_SHEETS.orgScores)).toContain("第一时段");
  });
});

describe("drafts", () => {
  const seededErrors = generateLedger(SMALL_SAMPLE).seeded.filter((m) => m.severity === "error").length;

  test("a ledger with errors: draft true, unscored, and the line printed in both languages", () => {
    const j = evaluateJson(sample, path.join(dir, "d.xlsx"));
    expect(j.summary.error).toBe(seededErrors);
    expect(j.draft).toBe(true);
    expect(j.unscored).toBeGreaterThan(0);
    const zh = cli(["evaluate", sample, "-o", path.join(dir, "d2.xlsx")]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain(
      `\n台账尚有${seededErrors}处错误，${j.unscored}个对象因错误未参加考评；改正后请重新考评。\n`,
    );
    const en = cli(["evaluate", sample, "-o", path.join(dir, "d3.xlsx"), "--lang", "en"]);
    expect(en.stdout).toContain(
      `The ledger still has ${seededErrors} errors and ${j.unscored} organisations`,
    );
  });

  test("a ledger without errors: draft false, unscored 0, no line", () => {
    const j = evaluateJson(clean, path.join(dir, "c.xlsx"));
    expect([j.summary.error, j.draft, j.unscored]).toEqual([0, false, 0]);
    const r = cli(["evaluate", clean, "-o", path.join(dir, "c2.xlsx")]);
    expect(r.stdout).not.toContain("台账尚有");
  });

  test("--strict with errors: exit 1, no file written, the reason on stderr", () => {
    const out = path.join(dir, "strict.xlsx");
    const r = cli(["evaluate", sample, "-o", out, "--strict"]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(r.stderr).toContain(`台账有${seededErrors}处错误，按 --strict 未写出结果工作簿`);
    expect(r.stdout).toContain(`台账尚有${seededErrors}处错误`);
    expect(r.stdout).not.toContain("已写出");
    const json = cli(["evaluate", sample, "-o", out, "--strict", "--json"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ output: null, draft: true });
    expect(existsSync(out)).toBe(false);
  });

  test("--strict without errors writes as usual", () => {
    const out = path.join(dir, "strict-clean.xlsx");
    const r = cli(["evaluate", clean, "-o", out, "--strict"]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(existsSync(out)).toBe(true);
  });
});

test("compile --json carries draft, unscored and provisional too", () => {
  const parts = path.join(dir, "parts");
  expect(cli(["sample", "--split-by-unit", parts]).code).toBe(0);
  const r = cli(["compile", parts, "-o", path.join(dir, "district.xlsx"), "--as-of", "2011-03-01", "--json"]);
  expect(r.code).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(j.draft).toBe(true);
  expect(j.unscored).toBeGreaterThan(0);
  expect(j.provisionalPhases).toEqual([2]);
  const text = cli(["compile", parts, "-o", path.join(dir, "district2.xlsx"), "--as-of", "2011-03-01"]);
  expect(text.stdout).toContain(`个对象因错误未参加考评；改正后请重新考评。`);
});
