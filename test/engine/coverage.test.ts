// Period coverage (src/engine/coverage.ts): which objects have a record in which periods.
import { CoverageBuilder, uniteCoverage } from "../../src/engine/coverage";

test("an object covers the periods added for it, and only those; a period added twice counts once", () => {
  const c = new CoverageBuilder();
  c.add("M000001", "2011年");
  c.add("M000001", "2010年");
  c.add("M000001", "2011年");
  c.add("O0001", "2011年第1季度");
  expect(c.has("M000001", "2010年")).toBe(true);
  expect(c.has("M000001", "2011年")).toBe(true);
  expect(c.has("M000001", "2012年")).toBe(false);
  expect(c.has("M000002", "2011年")).toBe(false);
  // an ID and a period that would make the same joined string do not mix
  c.add("A|B", "C");
  expect(c.has("A", "B|C")).toBe(false);
  expect([...c.pairs()]).toEqual([
    ["M000001", "2011年"],
    ["M000001", "2010年"],
    ["O0001", "2011年第1季度"],
    ["A|B", "C"],
  ]);
});

test("united coverage holds every unit's pairs once", () => {
  const a = new CoverageBuilder();
  a.add("M1", "2010年");
  const b = new CoverageBuilder();
  b.add("M1", "2010年");
  b.add("M1", "2011年");
  b.add("M2", "2011年");
  const u = uniteCoverage([a, b, new CoverageBuilder()]);
  expect([...u.pairs()]).toEqual([
    ["M1", "2010年"],
    ["M1", "2011年"],
    ["M2", "2011年"],
  ]);
  expect(u.has("M2", "2010年")).toBe(false);
});
