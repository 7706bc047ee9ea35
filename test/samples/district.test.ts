import { LEDGER_SHEETS } from "../../src/engine/schema";
import { analyze } from "../../src/engine/analyze";
import { DISTRICT_SAMPLE, SAMPLE_AS_OF, generateLedger } from "../../src/samples/generate";
import { toVariantWorkbook } from "../../src/samples/layout";

// Generated once for the whole file (≈ 1 s).
const t0 = performance.now();
const d = generateLedger(DISTRICT_SAMPLE);
const ms = performance.now() - t0;

describe("DISTRICT_SAMPLE", () => {
  test("≈ 30 units, 1,000 organisations, 25,000 members, ≈ 200k rows, generated in a few seconds", () => {
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
    expect(ms).toBeLessThan(10_000);
    console.info(`DISTRICT_SAMPLE: ${d.stats.totalRows} rows in ${Math.round(ms)} ms`);
  });

  test("no 点评对象 cell over 2,000 characters", () => {
    const reviews = d.models.find((m) => m.name === "领导点评")!;
    const col = reviews.columns.findIndex((c) => c.header === "点评对象");
    for (const r of reviews.rows) expect(String(r[col]).length).toBeLessThan(2000);
  });

  test("the project's engine reports exactly the seeded findings", () => {
    const findings = analyze(toVariantWorkbook(d.models).workbook, { asOf: SAMPLE_AS_OF }).findings;
    expect(findings.map((f) => `${f.code}|${f.sheet}|${f.cell}`).sort()).toEqual(
      d.seeded.map((s) => `${s.code}|${s.sheet}|${s.cell}`).sort(),
    );
  });
});
