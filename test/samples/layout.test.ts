import fc from "fast-check";
import { COVER_SHEET, LEDGER_SHEETS, ORGS, ORG_EVALS, TOTAL_LABELS, VOTES } from "../../src/engine/schema";
import { dayToSerial, parseISO, serialToDay, toISO, dayFromYMD } from "../../src/engine/dates";
import { cellAt, formatAt, parseA1, type CellValue, type Grid } from "../../src/engine/grid";
import { analyze } from "../../src/engine/analyze";
import { SAMPLE_AS_OF, SMALL_SAMPLE, generateLedger } from "../../src/samples/generate";
import { textDate, toFullWidth, toVariantWorkbook, type LayoutVariant } from "../../src/samples/layout";
import { model } from "./helpers";

const g = generateLedger(SMALL_SAMPLE);
const grid = (sheets: Grid[], name: string) => sheets.find((s) => s.name === name)!;
const at = (gr: Grid, ref: string) => {
  const { row, col } = parseA1(ref);
  return cellAt(gr, row, col);
};

/** Reads a variant cell back to the model's form (half-width codes, ISO dates). */
function normalizeBack(v: CellValue, fmt: string | undefined, date1904: boolean): CellValue {
  if (typeof v === "number" && fmt === "yyyy-mm-dd") return toISO(serialToDay(v, date1904)!);
  if (typeof v !== "string") return v;
  // full-width codes (Ｏ０００１、Ｏ０００２) back to ASCII; other text is left alone
  const half = /^[\uff01-\uff5e、]+$/.test(v)
    ? v.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    : v;
  const m = /^(\d{4})(?:年(\d{1,2})月(\d{1,2})日|\.(\d{1,2})\.(\d{1,2})|(\d{2})(\d{2}))$/.exec(half);
  if (m) {
    const day = dayFromYMD(+m[1], +(m[2] ?? m[4] ?? m[6]), +(m[3] ?? m[5] ?? m[7]));
    if (day !== undefined) return toISO(day);
  }
  return half;
}

describe("toVariantWorkbook", () => {
  test("default: canonical names, header on row 1, dates as 1900 serials formatted yyyy-mm-dd", () => {
    const { workbook, cellMap, headerRow } = toVariantWorkbook(g.models);
    expect(workbook.date1904).toBe(false);
    expect(workbook.sheets.map((s) => s.name)).toEqual(g.models.map((m) => m.name));
    for (const def of LEDGER_SHEETS) {
      const gr = grid(workbook.sheets, def.name);
      expect(headerRow(def.name)).toBe(1);
      expect(gr.rows[0]).toEqual(def.fields.map((f) => f.name));
    }
    const members = model(g.models, "members");
    const gr = grid(workbook.sheets, "党员");
    const ref = cellMap("党员", 0, "入党日期");
    expect(ref).toBe("G2");
    expect(at(gr, ref)).toBe(dayToSerial(parseISO(members.rows[0][6] as string)!, false));
    const { row, col } = parseA1(ref);
    expect(formatAt(gr, row, col)).toBe("yyyy-mm-dd");
  });

  test("title and report rows push the header down; the title is merged across the columns", () => {
    for (const [v, header] of [
      [{ titleRows: 1 }, 2],
      [{ reportRow: true }, 2],
      [{ titleRows: 1, reportRow: true }, 3],
      [{ titleRows: 2, reportRow: true }, 4],
    ] as [LayoutVariant, number][]) {
      const { workbook, headerRow } = toVariantWorkbook(g.models, v);
      for (const def of LEDGER_SHEETS) {
        const gr = grid(workbook.sheets, def.name);
        expect(headerRow(def.name)).toBe(header);
        expect(gr.rows[header - 1]).toEqual(def.fields.map((f) => f.name));
        if (v.titleRows) {
          expect(String(gr.rows[0]![0])).toMatch(/创先争优活动台账$/);
          expect(gr.merges).toContainEqual({
            top: 0,
            left: 0,
            bottom: v.titleRows - 1,
            right: def.fields.length - 1,
          });
        }
        if (v.reportRow) expect(String(gr.rows[header - 2]![0])).toMatch(/^填报单位：.+ {2}填报日期：/);
      }
    }
  });

  test("aliases: sheet names and headers use the schema's first alias; columns can be reversed", () => {
    const { workbook, sheetName } = toVariantWorkbook(g.models, {
      sheetAliases: true,
      columnAliases: true,
      reverseColumns: true,
    });
    for (const def of LEDGER_SHEETS) {
      const name = def.aliases[0] ?? def.name;
      expect(sheetName(def.name)).toBe(name);
      const headers = grid(workbook.sheets, name).rows[0]!;
      const expected = def.fields.map((f) => f.aliases?.[0] ?? f.name).reverse();
      expect(headers).toEqual(expected);
      expect(new Set(headers).size).toBe(headers.length);
      // an alias never equals another column's canonical name in the same sheet
      for (const [i, f] of def.fields.entries())
        for (const [j, other] of def.fields.entries())
          if (i !== j) expect(f.aliases?.[0]).not.toBe(other.name);
    }
    expect(sheetName(COVER_SHEET.name)).toBe(COVER_SHEET.aliases[0]);
  });

  test("text dates, full-width IDs and 1904 serials", () => {
    const members = model(g.models, "members");
    const joined = parseISO(members.rows[0][6] as string)!;
    for (const style of ["cn", "dot", "compact"] as const) {
      const { workbook, cellMap } = toVariantWorkbook(g.models, { textDates: style });
      expect(at(grid(workbook.sheets, "党员"), cellMap("党员", 0, "入党日期"))).toBe(textDate(joined, style));
    }
    expect(textDate(dayFromYMD(2011, 6, 20)!, "cn")).toBe("2011年6月20日");
    expect(textDate(dayFromYMD(2011, 6, 20)!, "dot")).toBe("2011.6.20");
    expect(textDate(dayFromYMD(2011, 6, 20)!, "compact")).toBe("20110620");

    const fw = toVariantWorkbook(g.models, { fullWidthIds: true });
    const orgs = grid(fw.workbook.sheets, ORGS.name);
    expect(at(orgs, fw.cellMap(ORGS.name, 0, "组织编号"))).toBe("Ｏ０００１");
    expect(at(orgs, fw.cellMap(ORGS.name, 0, "上级党（工）委"))).toBe(toFullWidth("U01"));

    const w1904 = toVariantWorkbook(g.models, { date1904: true });
    expect(w1904.workbook.date1904).toBe(true);
    expect(at(grid(w1904.workbook.sheets, "党员"), w1904.cellMap("党员", 0, "入党日期"))).toBe(
      dayToSerial(joined, true),
    );
  });

  test("a blank row inside the data and a 合计 row summing 党员人数", () => {
    const { workbook, cellMap } = toVariantWorkbook(g.models, { blankAndTotalRows: true });
    for (const def of LEDGER_SHEETS) {
      const m = model(g.models, def.id);
      const gr = grid(workbook.sheets, def.name);
      const blank = gr.rows.findIndex((r, i) => i > 0 && (!r || r.every((c) => c === null)));
      expect(blank).toBeGreaterThan(1);
      expect(blank).toBeLessThan(m.rows.length + 1);
      // the data around the blank row keeps its place in cellMap
      const last = m.rows.length - 1;
      expect(parseA1(cellMap(def.name, last, def.fields[0].name)).row).toBe(last + 2);
    }
    const orgs = grid(workbook.sheets, ORGS.name);
    const total = orgs.rows[orgs.rows.length - 1]!;
    expect(total[0]).toBe(TOTAL_LABELS[0]);
    const sum = model(g.models, "orgs").rows.reduce((s, r) => s + (r[6] as number), 0);
    expect(total[6]).toBe(sum);
  });

  test("two-row headers on 群众评议 and 五个好考评", () => {
    const { workbook, headerRow, cellMap } = toVariantWorkbook(g.models, {
      twoRowHeader: true,
      titleRows: 1,
    });
    const votes = grid(workbook.sheets, VOTES.name);
    expect(headerRow(VOTES.name)).toBe(2);
    expect(votes.rows[1]).toEqual([
      "评议日期",
      "评议对象编号",
      "参评人数",
      "评议票数",
      null,
      null,
      null,
      "评议等次",
    ]);
    expect(votes.rows[2]).toEqual([null, null, null, "好", "较好", "一般", "差", null]);
    expect(votes.merges).toContainEqual({ top: 1, left: 3, bottom: 1, right: 6 });
    expect(votes.merges).toContainEqual({ top: 1, left: 0, bottom: 2, right: 0 });
    expect(cellMap(VOTES.name, 0, "好")).toBe("D4");
    const evals = grid(workbook.sheets, ORG_EVALS.name);
    expect(evals.rows[1]![3]).toBe("考评内容");
    expect(evals.rows[2]!.slice(3, 8)).toEqual(ORG_EVALS.fields.slice(3, 8).map((f) => f.name));
    expect(evals.merges).toContainEqual({ top: 1, left: 3, bottom: 1, right: 7 });
  });

  test("property: every model cell reads back through cellMap in any combination of variants", () => {
    const variant = fc.record({
      titleRows: fc.constantFrom(0 as const, 1 as const, 2 as const),
      reportRow: fc.boolean(),
      sheetAliases: fc.boolean(),
      columnAliases: fc.boolean(),
      reverseColumns: fc.boolean(),
      textDates: fc.constantFrom(undefined, "cn" as const, "dot" as const, "compact" as const),
      fullWidthIds: fc.boolean(),
      blankAndTotalRows: fc.boolean(),
      date1904: fc.boolean(),
      twoRowHeader: fc.boolean(),
    });
    fc.assert(
      fc.property(variant, (v) => {
        const { workbook, cellMap, sheetName } = toVariantWorkbook(g.models, v);
        const mismatches: string[] = [];
        for (const def of LEDGER_SHEETS) {
          const m = model(g.models, def.id);
          const gr = grid(workbook.sheets, sheetName(def.name));
          m.rows.forEach((row, ri) =>
            row.forEach((value, ci) => {
              const ref = cellMap(def.name, ri, m.columns[ci].header);
              const { row: r, col: c } = parseA1(ref);
              const back = normalizeBack(cellAt(gr, r, c), formatAt(gr, r, c), workbook.date1904);
              if (back !== value) mismatches.push(`${def.name}!${ref}: ${String(back)} ≠ ${String(value)}`);
            }),
          );
        }
        expect(mismatches.slice(0, 5)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  test("the project's engine finds the seeded mistakes where cellMap says, in a fully varied layout", () => {
    const v: LayoutVariant = {
      titleRows: 2,
      reportRow: true,
      sheetAliases: true,
      columnAliases: true,
      reverseColumns: true,
      textDates: "cn",
      fullWidthIds: true,
      blankAndTotalRows: true,
      twoRowHeader: true,
    };
    const { workbook, cellMap, sheetName } = toVariantWorkbook(g.models, v);
    const findings = analyze(workbook, { asOf: SAMPLE_AS_OF }).findings.filter((f) => f.severity !== "info");
    const got = findings.map((f) => `${f.code}|${f.sheet}|${f.cell}`).sort();
    const want = g.seeded
      .map((s) => `${s.code}|${sheetName(s.sheet)}|${cellMap(s.sheet, s.row, s.column)}`)
      .sort();
    expect(got).toEqual(want);
  });
});
