// Real workbooks as clerks keep them (ledger-format.md §1.4), through the CLI on .xlsx bytes written
// the way other programs write them (test/raw-xlsx.ts): each rule raises its finding at the exact cell,
// and a near miss beside it does not.
import { existsSync, writeFileSync } from "fs";
import * as path from "path";
import { SMALL_SAMPLE, generateLedger } from "../../src/samples/generate";
import { writeSheetModels } from "../../src/hosts/xlsx/write";
import { type RawSheet, getCell, rawSheetsOfXlsx, rawXlsx, setCell, sheetNamed } from "../raw-xlsx";
import { cli, tmpDir } from "./run-cli";

interface F {
  severity: string;
  code: string;
  sheet: string | null;
  cell: string | null;
  value?: unknown;
  fix?: unknown;
  object?: string;
  message: string;
  params?: Record<string, unknown>;
}

const dir = tmpDir("pl-messy-");
let clean: Uint8Array;
let n = 0;

beforeAll(async () => {
  clean = await writeSheetModels(generateLedger({ ...SMALL_SAMPLE, mistakes: false }).models);
});

/** The clean ledger, edited, written raw; validated with --json. */
function validate(edit: (sheets: RawSheet[]) => void, lang = "zh-CN"): { code: number; findings: F[] } {
  const sheets = rawSheetsOfXlsx(clean);
  edit(sheets);
  const file = path.join(dir, `v${n++}.xlsx`);
  writeFileSync(file, rawXlsx(sheets));
  const r = cli(["validate", file, "--as-of", "2012-11-07", "--json", "--lang", lang]);
  expect(r.stderr).toBe("");
  return { code: r.code, findings: JSON.parse(r.stdout).findings };
}

const at = (fs: F[], sheet: string, cell: string) => fs.filter((f) => f.sheet === sheet && f.cell === cell);
const codesAt = (fs: F[], sheet: string, cell: string) => at(fs, sheet, cell).map((f) => f.code);
const M = "党员";

test("the clean ledger written raw (no shared strings, dimension to row 1,048,576) reads clean", () => {
  const { code, findings } = validate(() => undefined);
  expect(findings).toEqual([]);
  expect(code).toBe(0);
});

test("invisible characters are removed from codes, enums and ID cards (normalized), a cell of them is blank", () => {
  const { findings } = validate((s) => {
    const m = sheetNamed(s, M);
    setCell(m, "F2", "O0001\u200b"); // 所在党组织
    setCell(m, "D3", "\ufeff" + String(getCell(m, "D3")) + "\u200d"); // 身份证号
    setCell(m, "C4", "\u2060女"); // 性别 (enum)
    setCell(m, "J5", "\u200b\u00ad"); // 职务: nothing visible — near miss: blank, no finding
    setCell(m, "B6", "\u200b"); // 姓名 (required): only invisible — blank
  });
  expect(at(findings, M, "F2")).toEqual([expect.objectContaining({ code: "normalized", fix: "O0001" })]);
  expect(codesAt(findings, M, "D3")).toEqual(["normalized"]);
  expect(at(findings, M, "C4")).toEqual([expect.objectContaining({ code: "normalized", fix: "女" })]);
  expect(codesAt(findings, M, "J5")).toEqual([]);
  expect(codesAt(findings, M, "B6")).toEqual(["required"]);
  expect(findings.filter((f) => ["foreign-key", "enum", "id-checksum"].includes(f.code))).toEqual([]);
});

test("a line break inside a value: nothing between two CJK characters, one space elsewhere", () => {
  const { findings } = validate((s) => {
    const m = sheetNamed(s, M);
    setCell(m, "B2", "吴利\n胜");
    setCell(m, "J2", "党支部书记\r\n(兼)  \nSecretary"); // near miss: Latin after the break → a space
  });
  expect(at(findings, M, "B2")).toEqual([expect.objectContaining({ code: "normalized", fix: "吴利胜" })]);
  expect(at(findings, M, "J2")).toEqual([
    expect.objectContaining({ code: "normalized", fix: "党支部书记 (兼) Secretary" }),
  ]);
});

test("dates written with 号 are read; a serial with binary noise is the day Excel shows", () => {
  const { findings } = validate((s) => {
    const m = sheetNamed(s, M);
    // M000001 was born 1968-12-04: the 18th birthday is serial 31750 (1986-12-04).
    setCell(m, "G2", { raw: "31749.99999999999" }, true); // Excel shows 1986-12-04: old enough
    setCell(m, "E4", 25176, true); // M000003 born 1968-12-04 too
    setCell(m, "G4", { raw: "31749.5" }, true); // near miss: 1986-12-03 12:00, the day before — too young
    setCell(m, "G5", "1988年3月25号");
    setCell(m, "G6", "1988年3月号"); // near miss: no day
  });
  expect(codesAt(findings, M, "G2")).toEqual([]);
  expect(codesAt(findings, M, "G4")).toEqual(["date-order"]);
  expect(at(findings, M, "G5")).toEqual([expect.objectContaining({ code: "normalized", fix: "1988-03-25" })]);
  expect(codesAt(findings, M, "G6")).toEqual(["type-date"]);
});

test("id-as-number: an 18-digit card stored as a number, shown with 15 digits; no checksum, sex or birth finding", () => {
  const { findings } = validate((s) => {
    const m = sheetNamed(s, M);
    setCell(m, "D2", 370112196812041000); // 370112196812041898 as Excel kept it (15 digits)
    setCell(m, "D3", { raw: "3.70112198307043E+17" }); // the exponent form some programs write
    setCell(m, "C3", "女"); // would be an id-sex warning on a readable card
    setCell(m, "D4", 370112840103424); // near miss: 15 digits stored exactly — a wrong length, as text
  });
  const d2 = at(findings, M, "D2");
  // The CLI masks 身份证号; the last four shown are those of the 15-digit form (…1000), not the
  // binary double's (…1024).
  expect(d2).toEqual([expect.objectContaining({ code: "id-as-number", value: "370112********1000" })]);
  expect(d2[0].message).toContain("以数字形式保存，末尾数字已丢失；请把该列设为文本后重新录入");
  expect(codesAt(findings, M, "D3")).toEqual(["id-as-number"]);
  expect(at(findings, M, "D4")).toEqual([expect.objectContaining({ code: "id-checksum" })]);
  expect(JSON.stringify(findings)).not.toMatch(/370112196812041024|\*1024"/); // the binary double's digits
});

test("duplicate-id-card at the later cell, naming the earlier one; damaged numbers are never compared", () => {
  const { findings } = validate((s) => {
    const m = sheetNamed(s, M);
    setCell(m, "D6", String(getCell(m, "D2")) + "\u200b"); // the same card, an invisible character apart
    // near miss: two cards typed into number cells (…034246 and …034299) kept as the same 15 digits
    setCell(m, "D7", { raw: "3.70112198401034E+17" });
    setCell(m, "D8", { raw: "370112198401034000" });
  });
  const dup = findings.filter((f) => f.code === "duplicate-id-card");
  expect(dup).toEqual([expect.objectContaining({ sheet: M, cell: "D6", severity: "error" })]);
  expect(dup[0].message).toContain("D2");
  expect(codesAt(findings, M, "D2")).toEqual([]);
});

test("formulas without a cached result: one formula-not-calculated per column, no required or foreign-key", () => {
  const { findings } = validate((s) => {
    const m = sheetNamed(s, M);
    for (const r of [3, 4, 9]) setCell(m, `F${r}`, { f: `VLOOKUP(A${r},基层党组织!A:B,1,0)` });
    setCell(m, "F5", { f: "VLOOKUP(A5,基层党组织!A:B,1,0)", v: "O0001" }); // near miss: cached
  });
  const fnc = findings.filter((f) => f.code === "formula-not-calculated");
  expect(fnc).toEqual([expect.objectContaining({ sheet: M, cell: "F3", severity: "error" })]);
  expect(fnc[0].message).toMatch(/3个公式单元格.*Excel 或 WPS 打开并保存/);
  for (const cell of ["F4", "F5", "F9"]) expect(codesAt(findings, M, cell)).toEqual([]);
  expect(findings.filter((f) => ["required", "foreign-key", "member-count"].includes(f.code))).toEqual([]);
});

/** A SUM filled down below 群众评议's data (rows 244…3000), showing 0; a text formula showing "". */
function filledDown(s: RawSheet[], to: number): void {
  const v = sheetNamed(s, "群众评议");
  for (let r = 244; r <= to; r++) {
    setCell(v, `C${r}`, { f: `SUM(D${r}:G${r})`, v: 0 });
    setCell(v, `H${r}`, { f: `IF(C${r}=0,"",C${r})`, v: "" });
  }
}

test("formulas showing 0 or blank below the data are outside it; one showing a value is data", () => {
  expect(validate((s) => filledDown(s, 3000)).findings).toEqual([]);
  // near miss: a formula showing a value is content like a typed one
  const inside = validate((s) => {
    const v = sheetNamed(s, "群众评议");
    setCell(v, "H300", { f: 'IF(1,"合格")', v: "合格" });
  }).findings;
  expect(inside.filter((f) => f.code === "blank-row")).toEqual([
    expect.objectContaining({
      sheet: "群众评议",
      cell: "A244",
      message: "第244–299行（共56行）是空行，已跳过",
    }),
  ]);
  expect(codesAt(inside, "群众评议", "A300")).toEqual(["required"]);
});

test("stray content at row 1,048,576: one blank-row per run, that row's own findings, a cell of invisible characters is nothing", () => {
  const { findings } = validate((s) => {
    setCell(sheetNamed(s, "公开承诺"), "A1048576", "\u200b");
    setCell(sheetNamed(s, M), "A1048576", "1");
  });
  expect(findings.filter((f) => f.sheet === "公开承诺")).toEqual([]);
  const blank = findings.filter((f) => f.code === "blank-row");
  expect(blank).toEqual([
    expect.objectContaining({
      sheet: M,
      cell: "A74",
      message: "第74–1048575行（共1048502行）是空行，已跳过",
    }),
  ]);
  const last = findings.filter((f) => f.code !== "blank-row");
  expect(last.every((f) => f.sheet === M && /^[A-Z]1048576$/.test(f.cell!))).toBe(true);
  expect(last.map((f) => `${f.code}@${f.cell}`)).toEqual(
    expect.arrayContaining(["required@B1048576", "required@F1048576", "commitment-missing@A1048576"]),
  );
});

test("unknown-column only for real header text: a title merged across K1:XFD1 is one column, not 16,374", () => {
  const { findings } = validate((s) => {
    const m = sheetNamed(s, M);
    setCell(m, "K1", "党员花名册（截至2012年）");
    m.merges.push("K1:XFD1");
    const c = sheetNamed(s, "党（工）委");
    setCell(c, "G1", "备注"); // near miss: a real extra header
  });
  const unknown = findings.filter((f) => f.code === "unknown-column");
  expect(unknown.map((f) => `${f.sheet}!${f.cell}`)).toEqual(["党（工）委!G1", "党员!K1"]);
});

/** M000001's commitments and evaluations are given to M000002: M000001 has none. */
function withoutM1Coverage(s: RawSheet[]): void {
  for (const name of ["公开承诺", "群众评议"]) {
    const sh = sheetNamed(s, name);
    const col = name === "公开承诺" ? "A" : "B";
    sh.rows.forEach((row, r) => {
      if (row && getCell(sh, `${col}${r + 1}`) === "M000001") setCell(sh, `${col}${r + 1}`, "M000002");
    });
  }
}

test("an unreadable 入党日期 raises type-date only: no coverage finding derived from it", () => {
  const broken = validate((s) => {
    withoutM1Coverage(s);
    setCell(sheetNamed(s, M), "G2", "1990-02-30");
  }).findings;
  expect(codesAt(broken, M, "A2")).toEqual([]);
  expect(codesAt(broken, M, "G2")).toEqual(["type-date"]);
  expect(broken.filter((f) => f.object === "M000001").map((f) => f.code)).toEqual(["type-date"]);
  // near miss: a readable date — the missing commitment and evaluations are found
  const readable = validate((s) => {
    withoutM1Coverage(s);
    setCell(sheetNamed(s, M), "G2", "1990-02-28");
  }).findings;
  expect(codesAt(readable, M, "A2")).toEqual(
    expect.arrayContaining(["commitment-missing", "evaluation-missing"]),
  );
});

test("evaluate with stray content at row 1,048,576 writes its sheets (exit 0, not 2)", () => {
  const sheets = rawSheetsOfXlsx(clean);
  setCell(sheetNamed(sheets, "公开承诺"), "A1048576", "\u200b");
  setCell(sheetNamed(sheets, M), "A1048576", "1");
  const file = path.join(dir, "stray.xlsx");
  writeFileSync(file, rawXlsx(sheets));
  const out = path.join(dir, "stray-out.xlsx");
  const r = cli(["evaluate", file, "--as-of", "2012-11-07", "--output", out]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(existsSync(out)).toBe(true);
});
