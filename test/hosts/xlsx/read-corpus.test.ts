// The fast reader over the real-world corpus: every file gives the outcome pinned in test/corpus.ts
// (its sheets and non-blank cells, or the LedgerFileError it throws), specific facts per file, and cell
// values checked against ExcelJS's own reading (the oracle). Speed is measured by `npm run bench`.
import {
  CORPUS_DIR,
  CORPUS_FILES,
  EXCELJS_CANNOT_READ,
  READABLE_CORPUS_FILES,
  corpusOutcome,
  corpusTableMismatch,
  type CorpusOutcome,
} from "../../corpus";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { cellAt, formatAt, type CellValue, type Workbook } from "../../../src/engine/grid";
import { LedgerFileError } from "../../../src/hosts/xlsx/errors";
import { readXlsx } from "../../../src/hosts/xlsx/read";

const CORPUS = CORPUS_DIR;

function read(name: string): Workbook {
  return readXlsx(readFileSync(join(CORPUS, name)));
}

function sheet(wb: Workbook, name: string) {
  const s = wb.sheets.find((g) => g.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function nonBlankCells(wb: Workbook): number {
  let n = 0;
  for (const g of wb.sheets) for (const row of g.rows) if (row) for (const v of row) if (v !== null) n++;
  return n;
}

test("the outcome table of test/corpus.ts covers exactly the files of the corpus", () => {
  expect(corpusTableMismatch()).toEqual({ notInTable: [], notInCorpus: [] });
});

describe("corpus: every file gives its pinned outcome", () => {
  test.each(CORPUS_FILES)("%s", (name) => {
    const want = corpusOutcome(name).read;
    let got: CorpusOutcome["read"];
    try {
      const wb = read(name);
      for (const g of wb.sheets) {
        expect(typeof g.name).toBe("string");
        expect(Array.isArray(g.merges)).toBe(true);
        for (const row of g.rows) {
          if (row === undefined) continue;
          for (const v of row)
            expect(v === null || ["string", "number", "boolean"].includes(typeof v)).toBe(true);
        }
      }
      got = { sheets: wb.sheets.length, cells: nonBlankCells(wb) };
    } catch (e) {
      if (!(e instanceof LedgerFileError)) throw e; // anything else is a bug, never an outcome
      got = { error: e.code };
    }
    expect(got).toEqual(want);
  });
});

describe("corpus: specific facts", () => {
  test("1904.xlsx uses the 1904 date system; serial 0 keeps its date format", () => {
    const wb = read("1904.xlsx");
    expect(wb.date1904).toBe(true);
    const s = sheet(wb, "Sheet1");
    expect(cellAt(s, 3, 1)).toBe(0);
    expect(formatAt(s, 3, 1)).toMatch(/y/);
    expect(s.rows[0]).toBeUndefined(); // empty rows stay undefined
  });

  test("other files use the 1900 system", () => {
    expect(read("gold.xlsx").date1904).toBe(false);
    expect(read("dateIssue.xlsx").date1904).toBe(false);
  });

  test("shared_string_with_escape.xlsx decodes _xHHHH_ escapes (_x005F_ is a literal underscore)", () => {
    expect(cellAt(read("shared_string_with_escape.xlsx").sheets[0], 0, 0)).toBe("_x000D_");
  });

  test("formulas give their cached results", () => {
    const f = read("formulas.xlsx").sheets[0];
    expect(cellAt(f, 0, 0)).toBe("someone@example.com");
    expect(cellAt(f, 1, 0)).toBe("someone@example.com");
    const fib = read("fibonacci.xlsx").sheets[0];
    const b = fib.rows.map((r) => r?.[1]);
    expect(b.slice(0, 8)).toEqual([1, 1, 2, 3, 5, 8, 13, 21]);
  });

  test("dates keep their number format", () => {
    const s = read("dateIssue.xlsx").sheets[0];
    expect(cellAt(s, 1, 0)).toBe(44155);
    expect(formatAt(s, 1, 0)).toBe("DD/MM/YY");
    expect(formatAt(s, 0, 0)).toBeUndefined();
    const g = read("gold.xlsx").sheets[0];
    expect(cellAt(g, 3, 1)).toBe(42507);
    expect(formatAt(g, 3, 1)).toBe("yyyy/m/d"); // built-in id 14
    expect(formatAt(g, 1, 1)).toBeUndefined(); // General numbers get no format entry
  });

  test("hidden sheets are read and flagged; merges are read", () => {
    const wb = read("test-issue-877.xlsx");
    expect(wb.sheets.map((s) => s.name)).toEqual([
      "Handlungsanweisung",
      "Ersatzteilliste",
      "Leiterprüfung",
      "Feststellanlagen",
      "Schweißgerät",
    ]);
    expect(wb.sheets[0].hidden).toBeUndefined();
    expect(wb.sheets.slice(1).every((s) => s.hidden === true)).toBe(true);
    expect(sheet(wb, "Ersatzteilliste").merges).toContainEqual({ top: 0, left: 3, bottom: 0, right: 4 });
    // workbook-level defined names only
    expect(wb.definedNames?.vaKM).toBe("#REF!");
    expect(wb.definedNames?.["Steckd."]).toBeUndefined();
  });

  test("invalid-xml.xlsx (garbage before the root element) is read as far as it goes", () => {
    expect(read("invalid-xml.xlsx").sheets[0].rows).toEqual([["foo ", "bar"]]);
  });

  test("missing-bits.xlsx (no workbook part) is corrupt", () => {
    expect(() => read("missing-bits.xlsx")).toThrow(expect.objectContaining({ code: "corrupt" }));
  });

  test("sheetFilter skips sheets", () => {
    const wb = readXlsx(readFileSync(join(CORPUS, "test-issue-1669.xlsx")), {
      sheetFilter: (n) => n === "Sheet2",
    });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet2"]);
    expect(cellAt(wb.sheets[0], 1, 0)).toBe("T123456789");
  });
});

// --- ExcelJS as the oracle --------------------------------------------------------------------

function oracleValue(v: ExcelJS.CellValue, date1904: boolean): CellValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.getTime() / 86400000 + (date1904 ? 24107 : 25569);
  const o = v as unknown as Record<string, unknown>;
  if ("formula" in o || "sharedFormula" in o) {
    const r = o.result as ExcelJS.CellValue | undefined;
    // ExcelJS drops a cached result of 0 and reads errors as objects
    return r === undefined ? undefined : oracleValue(r, date1904);
  }
  if ("richText" in o) return (o.richText as { text: string }[]).map((t) => t.text).join("");
  if ("text" in o) return o.text as string;
  if ("error" in o) return o.error as string;
  return undefined;
}

describe("corpus: values agree with ExcelJS", () => {
  test.each(READABLE_CORPUS_FILES)("%s", async (name) => {
    const wbx = new ExcelJS.Workbook();
    let loaded = true;
    try {
      await wbx.xlsx.load(readFileSync(join(CORPUS, name)) as unknown as ArrayBuffer);
    } catch {
      loaded = false;
    }
    expect({ name, exceljsReads: loaded }).toEqual({
      name,
      exceljsReads: !EXCELJS_CANNOT_READ.includes(name),
    });
    if (!loaded) return;
    const ours = read(name);
    const date1904 = !!wbx.properties.date1904;
    expect(ours.date1904).toBe(date1904);
    let compared = 0;
    wbx.eachSheet((ws) => {
      const g = ours.sheets.find((s) => s.name === ws.name);
      expect(g).toBeDefined();
      if (!g) return;
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          if (cell.isMerged && cell.master !== cell) return;
          const want = oracleValue(cell.value, date1904);
          if (want === undefined || want === "") return;
          const got = cellAt(g, r - 1, c - 1);
          if (typeof want === "number") expect(got).toBeCloseTo(want, 6);
          else expect({ at: cell.address, v: got }).toEqual({ at: cell.address, v: want });
          compared++;
        });
      });
    });
    expect(ours.sheets.map((s) => s.name)).toEqual(wbx.worksheets.map((ws) => ws.name));
    if (nonBlankCells(ours) > 0) expect(compared).toBeGreaterThan(0);
  });
});
