import { LEDGER_SHEETS } from "../../src/engine/schema";
import { analyze } from "../../src/engine/analyze";
import { DISTRICT_SAMPLE, SAMPLE_AS_OF, generateLedger } from "../../src/samples/generate";
import { toVariantWorkbook } from "../../src/samples/layout";

// Generated once for the whole file (≈ 1 s; `npm run bench` measures speed, the tests do not).
const d = generateLedger(DISTRICT_SAMPLE);

describe("DISTRICT_SAMPLE", () => {
  test("≈ 30 units, 1,000 organisations, 25,000 members, ≈ 200k rows", () => {
    expect(d.stats.units).toBe(30);
    expect(d.stats.orgs).toBe(990);
    expect(d.stats.members).toBe(24750);
    expect(d.stats.totalRows).toBeGreaterThan(180_000);
    expect(d.stats.totalRows).toBeLessThan(230_000);
    for (const def of LEDGER_SHEETS) expect(d.stats.rows[def.name]).toBeGreaterThan(0);
    expect(d.stats.lateJoiners / d.stats.members).toBeGreaterThan(0.03);
    expect(d.stats.lateJoiners / d.stats.members).toBeLessThan(0.07);
    expect(d.stats.probationary / d.stats.members).toBeGreaterThan(0.025);
    expect(d.stats.probationary / d.stats.members).toBeLessThan(0.055);
    expect(d.stats.partyWorkers / d.stats.members).toBeGreaterThan(0.04);
    expect(d.stats.partyWorkers / d.stats.members).toBeLessThan(0.06);
  });

  test("no 点评对象 cell over 2,000 characters", () => {
    const reviews = d.models.find((m) => m.name === "领导点评")!;
    const col = reviews.columns.findIndex((c) => c.header === "点评对象");
    expect(col).toBeGreaterThanOrEqual(0);
    expect(reviews.rows.every((r) => typeof r[col] === "string" && r[col].length > 0)).toBe(true);
    expect(Math.max(...reviews.rows.map((r) => String(r[col]).length))).toBeLessThan(2000);
  });

  test("the project's engine reports exactly the seeded findings", () => {
    expect(d.seeded.length).toBeGreaterThan(10);
    const findings = analyze(toVariantWorkbook(d.models).workbook, { asOf: SAMPLE_AS_OF }).findings;
    expect(findings.map((f) => `${f.code}|${f.sheet}|${f.cell}`).sort()).toEqual(
      d.seeded.map((s) => `${s.code}|${s.sheet}|${s.cell}`).sort(),
    );
  });
});
