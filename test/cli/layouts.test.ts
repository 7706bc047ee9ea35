// The acceptance: `validate --json` on ledgers laid out differently from the sample (sheet and
// column aliases, reversed columns, header on rows 1–3, text dates, full-width IDs, blank and 合计 rows,
// the 1904 date system, two-row headers) reports no error on a correct ledger and each seeded mistake
// at its sheet and cell with the spec's code.
import { writeFileSync } from "fs";
import * as path from "path";
import { cli, tmpDir } from "./run-cli";
import { SMALL_SAMPLE, generateLedger } from "../../src/samples/generate";
import { type LayoutVariant, toVariantWorkbook } from "../../src/samples/layout";
import { writeGrids } from "../../src/hosts/xlsx/write";

const VARIANTS: [string, LayoutVariant][] = [
  [
    "aliases, reversed columns, header on row 3",
    { sheetAliases: true, columnAliases: true, reverseColumns: true, titleRows: 1, reportRow: true },
  ],
  [
    "2011年6月20日 dates, full-width IDs, blank and 合计 rows",
    { textDates: "cn", fullWidthIds: true, blankAndTotalRows: true, titleRows: 1 },
  ],
  [
    "2011.6.20 dates in a 1904 workbook with two-row headers",
    { textDates: "dot", date1904: true, twoRowHeader: true },
  ],
  ["20110620 dates, header on row 2", { textDates: "compact", reportRow: true }],
  [
    "1904 serials, everything at once",
    {
      date1904: true,
      sheetAliases: true,
      columnAliases: true,
      reverseColumns: true,
      fullWidthIds: true,
      blankAndTotalRows: true,
      twoRowHeader: true,
      titleRows: 2,
    },
  ],
];

const dir = tmpDir();
type Finding = { severity: string; code: string; sheet: string; cell: string };

describe.each(VARIANTS)("%s", (_name, variant) => {
  test("a correct ledger: no error and no warning", async () => {
    const { models } = generateLedger({ ...SMALL_SAMPLE, mistakes: false });
    const file = path.join(dir, `clean-${VARIANTS.findIndex((v) => v[1] === variant)}.xlsx`);
    writeFileSync(file, await writeGrids(toVariantWorkbook(models, variant).workbook));
    const r = cli(["validate", file, "--as-of", "2012-11-07", "--json"]);
    expect(r.stderr).toBe("");
    const j = JSON.parse(r.stdout);
    expect(j.findings.filter((f: Finding) => f.severity !== "info")).toEqual([]);
    expect(r.code).toBe(0);
  });

  test("each seeded mistake at its sheet and cell with the spec's code", async () => {
    const { models, seeded } = generateLedger(SMALL_SAMPLE);
    const v = toVariantWorkbook(models, variant);
    const file = path.join(dir, `seeded-${VARIANTS.findIndex((x) => x[1] === variant)}.xlsx`);
    writeFileSync(file, await writeGrids(v.workbook));
    const r = cli(["validate", file, "--as-of", "2012-11-07", "--json"]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    const problems = j.findings
      .filter((f: Finding) => f.severity !== "info")
      .map((f: Finding) => `${f.code} ${f.sheet}!${f.cell}`);
    const expected = seeded.map(
      (m) => `${m.code} ${v.sheetName(m.sheet)}!${v.cellMap(m.sheet, m.row, m.column)}`,
    );
    expect(problems.sort()).toEqual(expected.sort());
  });
});
