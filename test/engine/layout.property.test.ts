// Property tests (fast-check): whatever the column order, title rows above the header, aliases used
// for headers and full-width or text forms of codes and dates, the ledger reads to the same records.
import fc from "fast-check";
import { analyze } from "../../src/engine/analyze";
import type { CellValue, Grid, Workbook } from "../../src/engine/grid";
import { LEDGER_SHEETS } from "../../src/engine/schema";
import { serialToDay, ymd } from "../../src/engine/dates";
import { AS_OF, type Rows, baseSheets, book } from "./fixture";

const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function dateText(serial: number, style: number): string {
  const { y, m, d } = ymd(serialToDay(serial, false)!);
  const p = (n: number) => String(n).padStart(2, "0");
  return [
    `${y}年${m}月${d}日`,
    `${y}.${m}.${d}`,
    `${y}${p(m)}${p(d)}`,
    `${y}/${m}/${d}`,
    `${y}-${m}-${d} 00:00`,
  ][style];
}

interface Variant {
  perm: number[][]; // per sheet: a permutation seed list
  titleRows: number;
  aliases: boolean;
  fullWidth: boolean;
  dateStyle: number; // -1 = serials
}

function transform(sheets: Record<string, Rows>, v: Variant): Workbook {
  const grids: Grid[] = [];
  LEDGER_SHEETS.forEach((def, si) => {
    const rows = sheets[def.name].map((r) => [...r]);
    const width = rows[0].length;
    // permutation from the random keys
    const keys = v.perm[si % v.perm.length];
    const order = [...Array(width).keys()].sort(
      (a, b) => (keys[a % keys.length] ?? 0) - (keys[b % keys.length] ?? 0) || a - b,
    );
    const header = rows[0].map((h) => {
      const f = def.fields.find((x) => x.name === h)!;
      // 五带头考评 accepts only 党员编号 as the alias of its object column, and so on: aliases are per sheet.
      return v.aliases && f.aliases?.length ? f.aliases[0] : h;
    });
    const data = rows.slice(1).map((r) =>
      r.map((c, ci): CellValue => {
        const f = def.fields.find((x) => x.name === rows[0][ci])!;
        if (typeof c === "string" && v.fullWidth && (f.type === "code" || f.type === "idcard"))
          return toFullWidth(c);
        if (typeof c === "number" && f.type === "date" && v.dateStyle >= 0) return dateText(c, v.dateStyle);
        return c;
      }),
    );
    const out: CellValue[][] = [];
    const merges = [];
    for (let t = 0; t < v.titleRows; t++) {
      out.push(
        t === 0
          ? [`历城区甲街道创先争优活动台账（${def.name}）`]
          : ["填报单位：甲街道党工委    填报日期：2010年6月20日"],
      );
      merges.push({ top: t, left: 0, bottom: t, right: width - 1 });
    }
    for (const r of [header, ...data]) out.push(order.map((i) => r[i] ?? null));
    grids.push({ name: def.name, rows: out, merges });
  });
  return { date1904: false, sheets: grids };
}

const snapshot = (wb: Workbook) => {
  const a = analyze(wb, { asOf: AS_OF });
  const records = Object.fromEntries(
    Object.entries(a.ledger.tables).map(([id, t]) => [id, t!.records.map((r) => ({ ...r.v, _err: r.err }))]),
  );
  const problems = a.findings.filter((f) => f.severity !== "info").map((f) => `${f.code} ${f.object ?? ""}`);
  return { records, problems };
};

test("any column order, title rows, aliases, full-width codes and text dates → the same records", () => {
  const baseline = snapshot(book(baseSheets()));
  // the fixture is clean and every sheet has records, so "the same" cannot hold by being empty
  expect(Object.values(baseline.records).map((r) => r.length > 0)).toEqual(Array(8).fill(true));
  expect(baseline.problems).toEqual([]);
  fc.assert(
    fc.property(
      fc.record({
        perm: fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 10 }), {
          minLength: 1,
          maxLength: 8,
        }),
        titleRows: fc.integer({ min: 0, max: 3 }),
        aliases: fc.boolean(),
        fullWidth: fc.boolean(),
        dateStyle: fc.integer({ min: -1, max: 4 }),
      }),
      (v) => {
        const got = snapshot(transform(baseSheets(), v));
        expect(got.records).toEqual(baseline.records);
        expect(got.problems).toEqual(baseline.problems);
      },
    ),
    { numRuns: 120 },
  );
});

test("normalisation is idempotent: reading a normalised value again changes nothing", () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      const { readCode, readName, readText } = jest.requireActual("../../src/engine/normalize");
      for (const f of [readCode, readName, readText]) expect(f(f(s))).toBe(f(s));
    }),
  );
});
