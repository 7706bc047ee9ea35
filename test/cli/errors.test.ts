// The CLI's failures as a clerk meets them: one zh-CN line (English with --lang en) that names the
// file and says what to do — never commander's English, never a raw EACCES, never a stack — and a
// workbook open in Excel/WPS is refused, not overwritten. 身份证号 never appear in full.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as path from "path";
import { cli, tmpDir } from "./run-cli";
import { osFailure, lockFilesOf } from "../../src/cli/os-errors";
import { describeFailure } from "../../src/cli/failure";
import { terminalWidth } from "../../src/cli/parser-text";

const dir = tmpDir();
const ledger = path.join(dir, "台账.xlsx");

beforeAll(() => {
  const r = cli(["sample", "-o", ledger]);
  expect(r.code).toBe(0);
});

const RAW = /\b(E[A-Z]{3,}|error:|Error|required option|unknown option|at \S+ \()/;

function failsPlainly(args: string[], ...expected: (string | RegExp)[]) {
  const r = cli(args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(r.stderr).not.toMatch(RAW);
  for (const e of expected) expect(r.stderr).toMatch(e);
  return r.stderr;
}

describe("the command line's own mistakes, in zh-CN", () => {
  test("a missing -o says how to give it", () => {
    failsPlainly(["evaluate", ledger], /缺少输出文件/, /-o/, /pioneer-ledger evaluate/);
    failsPlainly(["compile", dir], /缺少输出文件/, /compile/);
  });
  test("English with --lang en", () => {
    const r = cli(["evaluate", ledger, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Missing output file: give it with -o/);
  });
  test("an unknown option names it and suggests the near one", () => {
    failsPlainly(["validate", ledger, "--jsn"], /不认识的选项 --jsn/, /--json/);
  });
  test("an unknown command lists the commands", () => {
    failsPlainly(["valdate", ledger], /没有 valdate 这个命令/, /validate/, /、compile、/);
  });
  test("an option without its value", () => {
    failsPlainly(["evaluate", ledger, "-o", "x.xlsx", "--as-of"], /--as-of/, /后面缺少值/);
  });
  test("a missing argument", () => {
    failsPlainly(["validate"], /缺少参数/, /validate --help/);
  });
  test("--help speaks Chinese, --lang en English, and aligns CJK in columns", () => {
    const zh = cli(["compile", "--help"]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^用法：/);
    expect(zh.stdout).toMatch(/选项：/);
    expect(zh.stdout).not.toMatch(/Usage|Options|display help|default:/);
    expect(zh.stdout).toMatch(/--lang <语言>/);
    const cols = zh.stdout
      .split("\n")
      .filter((l) => l.startsWith("  -"))
      .map(
        (l) =>
          terminalWidth(l.slice(0, l.search(/\S\s{2,}\S/) + 1)) +
          (l.slice(l.search(/\S\s{2,}\S/) + 1).match(/^\s+/)?.[0].length ?? 0),
      );
    expect(new Set(cols).size).toBe(1);
    const en = cli(["compile", "--help", "--lang", "en"]);
    expect(en.stdout).toMatch(/^Usage:/);
    expect(en.stdout).not.toMatch(/[用选项命令]：/);
  });
  test("no command at all shows the help and exits 2", () => {
    const r = cli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/用法：/);
  });
});

describe("what the disk refuses, in plain words with the file named", () => {
  test("the output's folder does not exist", () => {
    const out = path.join(dir, "没有的文件夹", "结果.xlsx");
    failsPlainly(["evaluate", ledger, "-o", out], /文件夹不存在/, out.replace(/[\\/]结果\.xlsx$/, ""));
    expect(existsSync(out)).toBe(false);
  });
  test("the output is a folder", () => {
    const folder = path.join(dir, "a-folder.xlsx");
    mkdirSync(folder);
    failsPlainly(["template", "-o", folder], /是一个文件夹/, folder);
  });
  test("demo into a folder name taken by a file", () => {
    const taken = path.join(dir, "taken");
    writeFileSync(taken, "x");
    failsPlainly(["demo", "-o", taken], /已经是一个文件/, taken);
  });
  test("an output open in Excel/WPS (its ~$ lock file beside it) is refused and left as it was", () => {
    for (const lock of lockFilesOf(path.join(dir, "open.xlsx"))) {
      const out = path.join(dir, "open.xlsx");
      writeFileSync(out, "the clerk's open workbook");
      writeFileSync(lock, "");
      failsPlainly(["evaluate", ledger, "-o", out], /文件正在 Excel\/WPS 中打开，请先关闭/, out);
      expect(readFileSync(out, "utf8")).toBe("the clerk's open workbook");
      rmSync(lock);
    }
  });
  test("no lock file: the output is written", () => {
    const out = path.join(dir, "free.xlsx");
    writeFileSync(path.join(dir, "~$other.xlsx"), "");
    expect(cli(["evaluate", ledger, "-o", out]).code).toBe(0);
  });
  test("a ledger that does not exist is named", () => {
    const missing = path.join(dir, "无此文件.xlsx");
    failsPlainly(["validate", missing], missing);
  });

  const fsError = (code: string, p?: string) => Object.assign(new Error(`${code}: raw`), { code, path: p });
  test.each([
    ["EACCES", /没有权限写入/],
    ["EPERM", /没有权限，或该文件正在 Excel\/WPS 中打开/],
    ["EBUSY", /正在被其他程序使用/],
    ["ENOSPC", /磁盘空间不足/],
    ["EDQUOT", /磁盘空间不足/],
    ["EROFS", /只读/],
    ["ENAMETOOLONG", /太长/],
    ["EMFILE", /打开的文件太多/],
    ["EXDEV", /系统错误 EXDEV/],
  ])("%s becomes a plain line naming the file", (code, words) => {
    const msg = osFailure(fsError(code), "out/结果.xlsx", "zh-CN").message;
    expect(msg).toMatch(words);
    expect(msg).toContain("结果.xlsx");
    expect(osFailure(fsError(code), "out/r.xlsx", "en").message).toContain("out/r.xlsx");
  });
  test("an OS error that escaped a command still names its file, from the error itself", () => {
    const msg = describeFailure(fsError("EACCES", "/ro/demo-output"), "zh-CN", "");
    expect(msg).toMatch(/没有权限写入 \/ro\/demo-output/);
    expect(msg).not.toMatch(/EACCES/);
  });
});

test("身份证号 are masked in every CLI output, human and JSON", () => {
  const ID = /(?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)\d{15}(?!\d)/;
  const text = cli(["validate", ledger]);
  const json = cli(["validate", ledger, "--json"]);
  expect(JSON.parse(json.stdout).findings.length).toBeGreaterThan(0);
  // The sample's seeded mistakes include 身份证号 findings, so unmasked output would show one.
  expect(json.stdout).toMatch(/\d{6}\*+[\dXx]{4}/);
  for (const r of [text, json]) expect(r.stdout).not.toMatch(ID);
});
