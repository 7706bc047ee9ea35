// A real third-party reader opens what we write: LibreOffice converts the template and the sample to
// CSV (all sheets, UTF-8). CI installs libreoffice-calc-nogui (.ci/run); without it this test fails.
import { readFileSync, readdirSync, writeFileSync } from "fs";
import * as path from "path";
import { cli, tmpDir } from "./run-cli";
import { CSV_FILTER, soffice } from "../soffice";
import { LEDGER_SHEETS } from "../../src/engine/schema";
import { SMALL_SAMPLE, generateLedger } from "../../src/samples/generate";
import { writeSheetModels } from "../../src/hosts/xlsx/write";

function toCsv(file: string, outDir: string): Map<string, string> {
  soffice([file], CSV_FILTER, outDir);
  const base = path.basename(file, ".xlsx");
  const out = new Map<string, string>();
  for (const f of readdirSync(outDir))
    if (f.startsWith(base + "-") && f.endsWith(".csv"))
      out.set(f.slice(base.length + 1, -4), readFileSync(path.join(outDir, f), "utf8"));
  return out;
}

test("LibreOffice reads the blank template: every ledger sheet with its headers", () => {
  const dir = tmpDir();
  const file = path.join(dir, "template.xlsx");
  expect(cli(["template", "-o", file]).code).toBe(0);
  const sheets = toCsv(file, dir);
  for (const def of LEDGER_SHEETS) {
    const csv = sheets.get(def.name);
    expect(csv).toBeDefined();
    expect(csv!.split(/\r?\n/)[0].split(",")).toEqual(def.fields.map((f) => f.name));
  }
  expect(sheets.get("评分规则")).toContain("第三时段表彰截止,2012-06-30");
});

test("LibreOffice reads the sample: dates come out as dates, IDs as text", async () => {
  const dir = tmpDir();
  const file = path.join(dir, "sample.xlsx");
  const { models } = generateLedger(SMALL_SAMPLE);
  writeFileSync(file, await writeSheetModels(models));
  const sheets = toCsv(file, dir);
  const members = sheets.get("党员")!.split(/\r?\n/);
  const model = models.find((m) => m.name === "党员")!;
  const first = model.rows[0];
  const idCol = model.columns.findIndex((c) => c.header === "身份证号");
  const birthCol = model.columns.findIndex((c) => c.header === "出生日期");
  expect([idCol, birthCol].every((c) => c >= 0)).toBe(true);
  expect(first[idCol]).toMatch(/^\d{17}[\dX]$/);
  expect(first[birthCol]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const cells = members[1].split(",");
  expect(cells[idCol]).toBe(first[idCol]); // all 18 digits, not 3.70112E+17
  expect(cells[birthCol]).toBe(first[birthCol]); // a date shown as a date, not a serial
});
