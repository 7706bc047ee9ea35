// `pioneer-ledger compile`: a district's submissions — good files, every kind of unusable file, a
// lock file, a non-workbook, the same file twice — compiled into 报送情况 and the result sheets,
// read back with the project's reader and converted by LibreOffice; return notices; --json; exit codes.
import { execFileSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "fs";
import * as path from "path";
import { cli, tmpDir } from "./run-cli";
import { SMALL_SAMPLE } from "../../src/samples/generate";
import { districtFiles } from "../../src/samples/district-files";
import { writeGrids, writeSheetModels } from "../../src/hosts/xlsx/write";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { RESULT_SHEETS } from "../../src/engine/schema";
import type { CellValue } from "../../src/engine/grid";

const dir = tmpDir("pl-compile-");
const subs = path.join(dir, "报送");
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file naming these streams: an old .xls, or (with EncryptionInfo) an encrypted .xlsx. */
function oleFile(streams: string[]): Uint8Array {
  const b = new Uint8Array(4096);
  b.set(OLE, 0);
  streams.forEach((name, k) => [...name].forEach((ch, i) => (b[1024 + k * 128 + i * 2] = ch.charCodeAt(0))));
  return b;
}

const BAD: Record<string, string> = {
  "坏-截断.xlsx": "文件已损坏或不完整",
  "坏-乱码.xlsx": "这不是 Excel 工作簿（.xlsx）文件",
  "坏-加密.xlsx": "文件设有打开密码",
  "坏-旧版.xls": "旧版 Excel 97-2003（.xls）文件",
  "坏-空文件.xlsx": "文件是空的",
  "坏-通讯录.xlsx": "没有找到任何台账表",
  "坏-过大.xlsx": "文件过大",
};

beforeAll(async () => {
  mkdirSync(subs, { recursive: true });
  const { files, unitList } = districtFiles(
    { ...SMALL_SAMPLE, mistakes: false },
    { duplicateMember: true, unitTwice: true, unknownUnit: true },
  );
  for (const f of files) writeFileSync(path.join(subs, f.name), await writeSheetModels(f.models));
  writeFileSync(path.join(dir, "单位名单.xlsx"), await writeSheetModels(unitList));
  const good = readFileSync(path.join(subs, files[0].name));
  writeFileSync(path.join(subs, "坏-截断.xlsx"), good.subarray(0, good.length >> 1));
  writeFileSync(path.join(subs, "坏-乱码.xlsx"), Buffer.from("这不是一个工作簿".repeat(40)));
  writeFileSync(path.join(subs, "坏-加密.xlsx"), oleFile(["EncryptionInfo", "EncryptedPackage"]));
  writeFileSync(path.join(subs, "坏-旧版.xls"), oleFile(["Workbook"]));
  writeFileSync(path.join(subs, "坏-空文件.xlsx"), new Uint8Array(0));
  const sheets = [
    {
      name: "通讯录",
      rows: [
        ["姓名", "电话"],
        ["张三", "0531-88000000"],
      ],
      merges: [],
    },
  ];
  writeFileSync(path.join(subs, "坏-通讯录.xlsx"), await writeGrids({ date1904: false, sheets }));
  writeFileSync(path.join(subs, "坏-过大.xlsx"), new Uint8Array(3 * 1024 * 1024).fill(80));
  writeFileSync(path.join(subs, "~$U01-历城区莲花街道党工委.xlsx"), Buffer.from("owner"));
  writeFileSync(path.join(subs, "说明.txt"), "请各单位于11月5日前报送");
});

function compile(args: string[]) {
  return cli(["compile", ...args, "--as-of", "2012-11-07", "--max-size", "2"]);
}

/** Rows of a written sheet, read with the project's reader. */
function sheetRows(file: string, name: string): CellValue[][] {
  const grid = readXlsx(readFileSync(file)).sheets.find((s) => s.name === name);
  if (!grid) throw new Error(`no sheet ${name} in ${file}`);
  return grid.rows.map((r) => r ?? []);
}

describe("compile over a folder with good and bad files", () => {
  const out = path.join(dir, "全区汇总.xlsx");
  const notices = path.join(dir, "通知");
  let json: ReturnType<typeof JSON.parse>;
  let missing: string;

  beforeAll(() => {
    missing = path.join(dir, "不存在.xlsx");
    const again = path.join(subs, "U01-历城区莲花街道党工委.xlsx");
    const r = compile([
      subs,
      again,
      missing,
      "-o",
      out,
      "--notices",
      notices,
      "--units",
      path.join(dir, "单位名单.xlsx"),
      "--json",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout);
  });

  test("every file has a row in 报送情况 with its status and, if unusable, its reason", () => {
    const rows = sheetRows(out, RESULT_SHEETS.submissions);
    expect(rows[0][0]).toBe("创先争优活动台账报送情况");
    const header = rows.findIndex((r) => r[0] === "序号");
    expect(rows[header]).toEqual([
      "序号",
      "单位",
      "文件",
      "报出时间",
      "状态",
      "错误数",
      "警告数",
      "主要问题",
    ]);
    const body = rows.slice(header + 1).filter((r) => typeof r[0] === "number");
    const byFile = new Map(body.map((r) => [r[2], r]));
    for (const [file, reason] of Object.entries(BAD)) {
      expect(byFile.get(file)?.[4]).toBe("无法读取");
      expect(String(byFile.get(file)?.[7])).toContain(reason);
    }
    expect(String(byFile.get("不存在.xlsx")?.[7])).toContain("找不到文件");
    expect(byFile.get("U03-历城区财政局党委（初报）.xlsx")?.[4]).toBe("已被替代");
    expect(byFile.get("U01-历城区莲花街道党工委.xlsx")?.[4]).toBe("退回修改");
    expect(String(byFile.get("U01-历城区莲花街道党工委.xlsx")?.[7])).toMatch(
      /^党员!A\d+ 党员编号“M\d+”也出现在U03/,
    );
    expect(byFile.get("U91-历城区科创园区党工委.xlsx")?.[4]).toBe("合格");
    expect(body).toHaveLength(5 + Object.keys(BAD).length + 1);
    const total = rows.find((r) => r[0] === "合计")!;
    expect(total[7]).toBe("合格2个，退回修改10个，已被替代1个"); // 7 bad + the missing one + U01 + U03
  });

  test("the lock file, the text file and the file given twice are left out, with a note", () => {
    expect(json.skipped).toEqual([
      { path: path.join(subs, "~$U01-历城区莲花街道党工委.xlsx"), reason: "lock" },
      { path: path.join(subs, "说明.txt"), reason: "not-xlsx" },
      { path: path.join(subs, "U01-历城区莲花街道党工委.xlsx"), reason: "duplicate" },
    ]);
    expect(json.files).toHaveLength(json.submissions.length);
  });

  test("--json: evaluate's shape plus submissions and crossFindings", () => {
    for (const k of [
      "asOf",
      "summary",
      "findings",
      "scores",
      "commendations",
      "notSelected",
      "submissions",
      "crossFindings",
    ])
      expect(json).toHaveProperty(k);
    const s = json.submissions.find((x: { file: string }) => x.file === "U02-历城区凤鸣镇党委.xlsx");
    expect(s).toEqual({
      file: "U02-历城区凤鸣镇党委.xlsx",
      path: path.join(subs, "U02-历城区凤鸣镇党委.xlsx"),
      unit: "U02",
      unitName: "历城区凤鸣镇党委",
      unitLabel: "U02 历城区凤鸣镇党委",
      unitFrom: "cover",
      reportedAt: expect.stringMatching(/^2012-11-0\d \d\d:\d\d$/),
      status: "accepted",
      reason: null,
      summary: { error: 0, warning: 0, info: 0 },
    });
    expect(json.crossFindings).toHaveLength(4);
    for (const f of json.crossFindings) {
      expect(f.code).toBe("duplicate-across-units");
      expect(f.other.file).not.toBe(f.file);
      expect(f.other.sheet).toBe("党员");
    }
    expect(json.findings.every((f: { file?: string }) => typeof f.file === "string")).toBe(true);
    expect(json.findings.some((f: { code: string }) => f.code === "unknown-unit")).toBe(true);
    // only accepted units are scored
    expect(new Set(json.scores.map((x: { unit: string }) => x.unit))).toEqual(new Set(["U02", "U91"]));
  });

  test("one 退回修改通知 per returned unit, with the unit, the date, the reason and every error", () => {
    const names = readdirSync(notices).sort();
    expect(names).toContain("退回修改通知-历城区莲花街道党工委.xlsx");
    expect(names).toContain("退回修改通知-历城区财政局党委.xlsx");
    expect(names).toContain("退回修改通知-坏-截断.xlsx");
    expect(json.notices).toHaveLength(names.length);
    const rows = sheetRows(path.join(notices, "退回修改通知-历城区财政局党委.xlsx"), "退回修改通知");
    const text = rows.map((r) => r.filter((v) => v !== null).join(" "));
    expect(text[0]).toBe("创先争优活动台账退回修改通知");
    expect(text).toContain("单位：U03 历城区财政局党委");
    expect(text.some((l) => l.startsWith("退回原因：台账有2处错误（第一处在党员!A"))).toBe(true);
    expect(text.some((l) => l.startsWith("日期：2012年11月7日"))).toBe(true);
    const header = rows.findIndex((r) => r[0] === "序号");
    expect(rows[header]).toEqual(["序号", "工作表", "单元格", "列", "值", "问题说明及修改要求", "建议修正"]);
    const errors = rows.slice(header + 1).filter((r) => typeof r[0] === "number");
    expect(errors.map((r) => [r[1], r[3]])).toEqual([
      ["党员", "党员编号"],
      ["党员", "身份证号"],
    ]);
    expect(String(errors[1][4])).toMatch(/^370112\*{8}\d{3}[\dX]$/);
    expect(String(errors[0][5])).toContain("也出现在U01 历城区莲花街道党工委的台账");
  });

  test("the district workbook holds 报送情况 first, then the result sheets; LibreOffice reads it", () => {
    const names = readXlsx(readFileSync(out)).sheets.map((s) => s.name);
    expect(names).toEqual([
      RESULT_SHEETS.submissions,
      RESULT_SHEETS.findings,
      RESULT_SHEETS.orgScores,
      RESULT_SHEETS.memberScores,
      RESULT_SHEETS.commendations,
      RESULT_SHEETS.notSelected,
      RESULT_SHEETS.progress,
    ]);
    const csvDir = tmpDir("pl-compile-lo-");
    const profile = tmpDir("pl-lo-profile-");
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
        "--outdir",
        csvDir,
        out,
      ],
      { timeout: 120000, stdio: "pipe" },
    );
    const csv = readFileSync(path.join(csvDir, `全区汇总-${RESULT_SHEETS.submissions}.csv`), "utf8");
    expect(csv).toContain("U91 历城区科创园区党工委,U91-历城区科创园区党工委.xlsx");
    expect(csv).toContain("坏-旧版.xls");
  });
});

describe("exit codes and messages", () => {
  test("exit 2, nothing written, one line on stderr when no submission can be used", () => {
    const only = path.join(dir, "只有坏文件");
    mkdirSync(only, { recursive: true });
    copyFileSync(path.join(subs, "坏-乱码.xlsx"), path.join(only, "坏-乱码.xlsx"));
    const out = path.join(dir, "无.xlsx");
    const r = compile([only, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([
      "没有可以汇总的报送文件：以上文件都无法读取，未写出汇总工作簿",
    ]);
    expect(r.stdout).toContain("坏-乱码.xlsx");
    expect(existsSync(out)).toBe(false);
  });

  test("exit 2 when a folder holds no submission at all", () => {
    const empty = tmpDir("pl-empty-");
    const r = compile([empty, "-o", path.join(dir, "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("没有找到报送文件：请给出台账 .xlsx 文件或存放它们的文件夹");
  });

  test("a units workbook without a 党（工）委 sheet is refused", () => {
    const r = compile([subs, "-o", path.join(dir, "y.xlsx"), "--units", path.join(subs, "坏-通讯录.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("没有“党（工）委”表");
  });

  test("human output: counts per status and which units go back and why; --lang en", () => {
    const out = path.join(dir, "z.xlsx");
    const zh = compile([subs, "-o", out]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain("合格2个 · 退回修改9个 · 已被替代1个");
    expect(zh.stdout).toContain(
      "退回修改：\n  U01 历城区莲花街道党工委（U01-历城区莲花街道党工委.xlsx）：台账有2处错误",
    );
    expect(zh.stdout).toContain("\n  坏-加密.xlsx：文件设有打开密码");
    expect(zh.stdout).toContain("已写出：" + out);
    const en = compile([subs, "-o", out, "--lang", "en"]);
    expect(en.stdout).toContain("2 accepted · 9 returned · 1 superseded");
    expect(en.stdout).toContain("The ledger has 2 errors");
  });
});
