// Whatever a workbook holds, reading and checking it never throws: every problem is a finding.
import fc from "fast-check";
import { analyze } from "../../src/engine/analyze";
import { evaluateLedger } from "../../src/engine/evaluate";
import { buildReport } from "../../src/report/build";
import type { CellValue, Grid } from "../../src/engine/grid";
import { LEDGER_SHEETS } from "../../src/engine/schema";
import type { Finding } from "../../src/engine/findings";
import { derivedParams, templateOf } from "../../src/i18n/findings";
import { AS_OF, baseSheets, book } from "./fixture";
import { SMALL_SAMPLE, generateLedger } from "../../src/samples/generate";
import { toVariantWorkbook } from "../../src/samples/layout";
import { parseISO } from "../../src/engine/dates";

const AS_OF_END = parseISO("2012-11-07")!;

/** Placeholders of the finding's zh-CN template that the finding gives no value for. */
function missingParams(f: Finding): string[] {
  const tpl = templateOf(f)["zh-CN"];
  const given: Record<string, unknown> = {
    sheet: f.sheet,
    field: f.field,
    value: f.value,
    object: f.object,
    period: f.period,
    fix: f.fix,
    ...f.params,
    ...derivedParams(f, "zh-CN"),
  };
  return [...tpl.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .filter((k) => given[k] === undefined || (k !== "value" && given[k] === null));
}

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: false }),
  fc.integer({ min: -100000, max: 30000000 }),
  fc.boolean(),
  fc.constantFrom(
    "合计",
    "好",
    "较好",
    "第二时段",
    "O001",
    "M001",
    "U01",
    "2011年6月20日",
    "20110620",
    "　",
    "#N/A",
    "=1+1",
  ),
);

const sheetNames = fc.constantFrom(
  ...LEDGER_SHEETS.map((d) => d.name),
  "评分规则",
  "填报信息",
  "Sheet1",
  "校验结果",
);

test("random grids under ledger sheet names: analyze, evaluate and the report never throw", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          name: sheetNames,
          // half of the sheets carry their real header row, so the rows behind it get read and checked
          header: fc.boolean(),
          rows: fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 14 }),
        }),
        { maxLength: 10 },
      ),
      (sheets) => {
        const headerOf = (name: string) =>
          LEDGER_SHEETS.find((d) => d.name === name)?.fields.map((f) => f.name);
        const grids: Grid[] = sheets.map((s) => {
          const header = s.header ? headerOf(s.name) : undefined;
          return { name: s.name, rows: header ? [header, ...s.rows] : s.rows, merges: [] };
        });
        const a = analyze({ date1904: false, sheets: grids }, { asOf: AS_OF });
        expect(Array.isArray(a.findings)).toBe(true);
        buildReport(a, evaluateLedger(a.ledger, a.findings));
      },
    ),
    { numRuns: 300 },
  );
});

test("the real fixture with random cells overwritten still never throws", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(7), fc.nat(6), fc.nat(10), cell), { maxLength: 30 }), (edits) => {
      const s = baseSheets();
      const names = Object.keys(s);
      for (const [si, r, c, v] of edits) {
        const rows = s[names[si % names.length]];
        const row = rows[r % rows.length];
        row[c % (row.length + 1)] = v;
      }
      const a = analyze(book(s), { asOf: AS_OF });
      buildReport(a, evaluateLedger(a.ledger, a.findings));
      // every placeholder of every message has a value
      for (const f of a.findings) expect([f.code, missingParams(f)]).toEqual([f.code, []]);
    }),
    { numRuns: 300 },
  );
});

test("every message of the seeded sample (all codes it raises) has a value for each placeholder", () => {
  const { models } = generateLedger(SMALL_SAMPLE);
  const a = analyze(toVariantWorkbook(models, { textDates: "cn", blankAndTotalRows: true }).workbook, {
    asOf: AS_OF_END,
  });
  const codes = new Set(a.findings.map((f) => f.code));
  expect(codes.size).toBeGreaterThan(15);
  for (const f of a.findings) expect([f.code, missingParams(f)]).toEqual([f.code, []]);
  // coverage findings too: a ledger checked after every period ended, with its reviews and votes gone
  const s = baseSheets();
  s["领导点评"] = s["领导点评"].slice(0, 1);
  s["群众评议"] = s["群众评议"].slice(0, 1);
  const late = analyze(book(s), { asOf: AS_OF_END }).findings;
  for (const code of ["review-missing", "evaluation-missing", "commitment-missing", "commitment-overdue"])
    expect(late.map((f) => f.code)).toContain(code);
  for (const f of late) expect([f.code, missingParams(f)]).toEqual([f.code, []]);
});
