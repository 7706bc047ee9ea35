// Period coverage (src/engine/coverage.ts): which objects have a record in which periods.
import { type CoverageBuilder, addPeriod, covers, uniteCoverage } from "../../src/engine/coverage";

const pairs = (c: ReadonlyMap<string, readonly string[]>) =>
  [...c].flatMap(([id, periods]) => periods.map((p) => [id, p]));

test("an object covers the periods added for it, and only those; a period added twice counts once", () => {
  const c: CoverageBuilder = new Map();
  addPeriod(c, "M000001", "2011年");
  addPeriod(c, "M000001", "2010年");
  addPeriod(c, "M000001", "2011年");
  addPeriod(c, "O0001", "2011年第1季度");
  expect(covers(c, "M000001", "2010年")).toBe(true);
  expect(covers(c, "M000001", "2011年")).toBe(true);
  expect(covers(c, "M000001", "2012年")).toBe(false);
  expect(covers(c, "M000002", "2011年")).toBe(false);
  // an ID and a period that would make the same joined string do not mix
  addPeriod(c, "A|B", "C");
  expect(covers(c, "A", "B|C")).toBe(false);
  expect(pairs(c)).toEqual([
    ["M000001", "2011年"],
    ["M000001", "2010年"],
    ["O0001", "2011年第1季度"],
    ["A|B", "C"],
  ]);
});

test("united coverage holds every unit's pairs once", () => {
  const a: CoverageBuilder = new Map();
  addPeriod(a, "M1", "2010年");
  const b: CoverageBuilder = new Map();
  addPeriod(b, "M1", "2010年");
  addPeriod(b, "M1", "2011年");
  addPeriod(b, "M2", "2011年");
  const u = uniteCoverage([a, b, new Map()]);
  expect(pairs(u)).toEqual([
    ["M1", "2010年"],
    ["M1", "2011年"],
    ["M2", "2011年"],
  ]);
  expect(covers(u, "M2", "2010年")).toBe(false);
});

test("a coverage survives a structured clone (it crosses from the submission worker)", () => {
  const c: CoverageBuilder = new Map();
  addPeriod(c, "O0001", "2011年第1季度");
  const copy = structuredClone(c);
  expect(covers(copy, "O0001", "2011年第1季度")).toBe(true);
  expect(covers(copy, "O0001", "2011年第2季度")).toBe(false);
});
