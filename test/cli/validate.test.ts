// `pioneer-ledger validate` and `template` as cli.md defines them: exit codes, JSON shape, one-line
// zh-CN failures for unusable input, a golden report of the bundled sample.
import { CORPUS_DIR, CORPUS_FILES, corpusOutcome } from "../corpus";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { cli, tmpDir } from "./run-cli";
import { SMALL_SAMPLE, generateLedger } from "../../src/samples/generate";
import { writeSheetModels } from "../../src/hosts/xlsx/write";

const CORPUS = CORPUS_DIR;
const GOLDEN = path.join(__dirname, "../golden/sample-validate.json");
const dir = tmpDir();
const sample = path.join(dir, "sample.xlsx");
const clean = path.join(dir, "clean.xlsx");

beforeAll(async () => {
  writeFileSync(sample, await writeSheetModels(generateLedger(SMALL_SAMPLE).models));
  writeFileSync(clean, await writeSheetModels(generateLedger({ ...SMALL_SAMPLE, mistakes: false }).models));
});

test("a clean ledger: exit 0 and no errors or warnings", () => {
  const r = cli(["validate", clean, "--as-of", "2012-11-07", "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(j.asOf).toBe("2012-11-07");
  expect(j.summary).toEqual({ error: 0, warning: 0, info: 0 });
});

test("the sample with seeded mistakes: exit 1, every seeded mistake at its cell (golden JSON)", () => {
  const r = cli(["validate", sample, "--as-of", "2012-11-07", "--json"]);
  expect(r.code).toBe(1);
  const j = JSON.parse(r.stdout);
  for (const m of generateLedger(SMALL_SAMPLE).seeded)
    expect(j.findings).toContainEqual(
      expect.objectContaining({ code: m.code, sheet: m.sheet, cell: m.cell }),
    );
  for (const f of j.findings) {
    expect(Object.keys(f)).toEqual(
      expect.arrayContaining(["severity", "code", "sheet", "cell", "message", "fix"]),
    );
    expect(f.message).toMatch(/[\u4e00-\u9fff]/);
  }
  const normalized = { ...j, file: "sample.xlsx" };
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, JSON.stringify(normalized, null, 1) + "\n");
  expect(normalized).toEqual(JSON.parse(readFileSync(GOLDEN, "utf8")));
});

test("human output and --lang en", () => {
  const zh = cli(["validate", sample, "--as-of", "2012-11-07"]);
  expect(zh.stdout).toContain("台账表：已识别8/8张");
  expect(zh.stdout).toMatch(/错误\d+条 · 警告\d+条 · 提示\d+条/);
  const en = cli(["validate", sample, "--as-of", "2012-11-07", "--json", "--lang", "en"]);
  const zhJson = JSON.parse(cli(["validate", sample, "--as-of", "2012-11-07", "--json"]).stdout);
  const enJson = JSON.parse(en.stdout);
  expect(enJson.findings.map((f: { code: string }) => f.code)).toEqual(
    zhJson.findings.map((f: { code: string }) => f.code),
  );
  const vs = enJson.findings.find((f: { code: string }) => f.code === "vote-sum");
  expect(vs.message).toMatch(/^The votes add up to \d+ but the number of voters is \d+; check the counts$/);
});

describe("unusable input: exit 2 and one zh-CN line, never a stack trace", () => {
  const cases: [string, () => string, RegExp][] = [
    ["missing file", () => path.join(dir, "nope.xlsx"), /找不到文件/],
    ["not a zip", () => write("text.xlsx", Buffer.from("hello, not a workbook")), /不是 Excel 工作簿/],
    [
      "old .xls",
      () => write("old.xls", Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(600)])),
      /另存为 \.xlsx/,
    ],
    [
      "password-protected",
      () =>
        write(
          "locked.xlsx",
          Buffer.concat([
            Buffer.from("d0cf11e0a1b11ae1", "hex"),
            Buffer.alloc(200),
            Buffer.from("EncryptionInfo", "utf16le"),
            Buffer.alloc(200),
          ]),
        ),
      /密码/,
    ],
    ["truncated", () => write("cut.xlsx", readFileSync(sample).subarray(0, 3000)), /^文件已损坏或不完整/],
  ];
  const write = (name: string, b: Buffer) => {
    const p = path.join(dir, name);
    writeFileSync(p, b);
    return p;
  };
  test.each(cases)("%s", (_name, make, message) => {
    const r = cli(["validate", make(), "--json"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\s+at\s|Error:/);
  });
  test("over the size limit", () => {
    const r = cli(["validate", sample, "--max-size", "0.001"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^文件过大（[\d.]+ MB，上限为[\d.]+ MB）。/);
  });
  test("a bad --as-of", () => {
    const r = cli(["validate", sample, "--as-of", "2012/13/01"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/YYYY-MM-DD/);
  });
});

describe("every real-world workbook gives the outcome pinned in test/corpus.ts", () => {
  test.each(CORPUS_FILES)("%s", (f) => {
    const want = corpusOutcome(f).validate;
    const r = cli(["validate", path.join(CORPUS, f), "--json"]);
    if (want.exit === 2) {
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({
        code: 2,
        stdout: "",
        stderr: `${want.line}\n`,
      });
      return;
    }
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 1, stderr: "" });
    const findings: { code: string; sheet: string | null; message: string }[] = JSON.parse(r.stdout).findings;
    const missing = findings.filter((x) => x.code === "missing-sheet");
    expect(missing.map((x) => [x.sheet, x.message])).toEqual(
      want.missingSheets.map((s) => [s, `缺少“${s}”表，请添加该表（可用“新建标准台账”补齐）`]),
    );
    expect(findings.filter((x) => x.code !== "missing-sheet").map((x) => x.code)).toEqual(want.otherCodes);
  });
});

test("a workbook without any ledger sheet says how to start one", () => {
  const r = cli(["validate", path.join(CORPUS, "gold.xlsx")]);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain("没有找到任何台账表");
  expect(r.stdout).toContain("pioneer-ledger template");
});

test("template → validate: no errors, the version marker is recognised, every sheet found", () => {
  const out = path.join(dir, "blank.xlsx");
  const t = cli(["template", "-o", out]);
  expect(t.code).toBe(0);
  const v = cli(["validate", out, "--json", "--as-of", "2010-05-01"]);
  expect(v.code).toBe(0);
  const j = JSON.parse(v.stdout);
  expect(j.summary.error).toBe(0);
  expect(j.findings.map((f: { code: string }) => f.code)).not.toContain("template-version");
  expect(j.sheets.every((s: { foundAs: string | null }) => s.foundAs !== null)).toBe(true);
});

test("rules lists every finding code with its clause", () => {
  const r = cli(["rules", "--json"]);
  expect(r.code).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(j.findings.map((c: { code: string }) => c.code)).toEqual(
    expect.arrayContaining(["vote-sum", "review-scope", "plan-late"]),
  );
  // Every code and rule key cites a clause of the 2010 notice: 《实施意见》四（二）, 三、…
  const clause = /^《实施意见》[一二三四五](、|（[一二三四]）)/;
  for (const c of [...j.findings, ...j.ruleKeys]) expect(c.clause).toMatch(clause);
  expect(j.ruleKeys.map((k: { key: string }) => k.key)).toContain("第三时段表彰截止");
  const text = cli(["rules"]);
  expect(text.stdout).not.toMatch(/ledger-format|§|\b(error|warning|info)\b/);
  expect(text.stdout).toMatch(/vote-sum +错误 +《实施意见》四（三）群众评议/);
  expect(text.stdout).toMatch(/plan-late +警告 +《实施意见》五、组织领导/);
});

test("a reader that stops reading (`--json | head`): the exit code of the run, no stack trace", async () => {
  const { spawn } = await import("child_process");
  const child = spawn(process.execPath, [
    path.join(__dirname, "../../bin/pioneer-ledger.js"),
    "validate",
    sample,
    "--json",
  ]);
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  child.stdout.destroy(); // the reader is gone before the report is written
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(stderr).not.toMatch(/EPIPE|node:events|at /);
  expect(code).toBe(1); // the sample's seeded errors, as without the pipe
});
