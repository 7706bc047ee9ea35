// Checks are pure (architecture.md): each reads the indexed ledger, returns findings, declares its
// codes and changes nothing — so their order cannot change a finding, a score or a list.
import { analyze } from "../../src/engine/analyze";
import type { Check } from "../../src/engine/check";
import { CHECKS, runChecks } from "../../src/engine/checks";
import { parseISO } from "../../src/engine/dates";
import { evaluateLedger } from "../../src/engine/evaluate";
import { deriveFacts } from "../../src/engine/facts";
import { sortFindings } from "../../src/engine/findings";
import type { Workbook } from "../../src/engine/grid";
import { indexLedger } from "../../src/engine/index-ledger";
import { readLedger } from "../../src/engine/read-ledger";
import { SAMPLE_AS_OF, SMALL_SAMPLE, generateLedger } from "../../src/samples/generate";
import { toVariantWorkbook } from "../../src/samples/layout";
import { baseSheets, book, withCell } from "./fixture";

const sample = toVariantWorkbook(generateLedger(SMALL_SAMPLE).models).workbook;

/** The base fixture after the campaign's second phase, with coverage gaps and an ambiguous ID. */
function gappyFixture(): Workbook {
  const s = baseSheets();
  s["领导点评"] = s["领导点评"].slice(0, 2);
  s["群众评议"] = s["群众评议"].slice(0, 2);
  withCell(s, "党员", 2, "党员编号", "O003");
  return book(s);
}

/** Each case raises, among others, the codes listed: findings of many checks, and facts from them. */
const CASES: [string, Workbook, number, string[]][] = [
  [
    "the sample with seeded mistakes",
    sample,
    SAMPLE_AS_OF,
    ["type-date", "unique", "foreign-key", "plan-late", "date-order", "commitment-overdue", "review-scope"],
  ],
  [
    "the sample during 第二时段",
    sample,
    parseISO("2011-05-20")!,
    ["required", "member-count", "id-checksum", "date-outside-campaign", "vote-sum", "criterion-evidence"],
  ],
  [
    "a fixture with coverage gaps and an ambiguous ID",
    gappyFixture(),
    parseISO("2011-07-01")!,
    ["review-missing", "commitment-missing", "evaluation-missing", "ambiguous-id", "commitment-overdue"],
  ],
];

const rotations = (checks: readonly Check[]) =>
  checks.map((_, k) => [...checks.slice(k), ...checks.slice(0, k)]);

describe.each(CASES)("%s", (_name, wb, asOf, raises) => {
  const baseline = analyze(wb, { asOf });
  const baselineEvaluation = evaluateLedger(baseline.ledger, baseline.findings);

  test("has findings of several checks and scores, so the orders below differ in substance", () => {
    expect(baseline.findings.map((f) => f.code)).toEqual(expect.arrayContaining(raises));
    expect(baselineEvaluation.scores.length).toBeGreaterThan(0);
  });

  test.each(rotations(CHECKS).map((checks, k) => [k, checks]))(
    "rotation %i of the checks: identical findings, facts, scores and lists",
    (_k, checks) => {
      const a = analyze(wb, { asOf }, checks);
      expect(a.findings).toEqual(baseline.findings);
      expect(a.ledger.facts).toEqual(baseline.ledger.facts);
      expect(evaluateLedger(a.ledger, a.findings)).toEqual(baselineEvaluation);
    },
  );

  test("the reversed order too", () => {
    const a = analyze(wb, { asOf }, [...CHECKS].reverse());
    expect(a.findings).toEqual(baseline.findings);
    expect(evaluateLedger(a.ledger, a.findings)).toEqual(baselineEvaluation);
  });

  test("the checks run on a deep-frozen indexed ledger and find what analyze finds", () => {
    const reading = readLedger(wb, { asOf });
    const ledger = deepFreeze(indexLedger(reading.ledger));
    const checked = runChecks(ledger);
    const facts = deriveFacts(ledger, checked);
    const findings = sortFindings(
      [...reading.findings, ...checked],
      wb.sheets.map((s) => s.name),
    );
    expect(findings).toEqual(baseline.findings);
    expect(evaluateLedger({ ...ledger, facts }, findings)).toEqual(baselineEvaluation);
  });

  test("each check raises only the codes it declares", () => {
    const ledger = indexLedger(readLedger(wb, { asOf }).ledger);
    const undeclared = CHECKS.flatMap((c) =>
      c
        .run(ledger)
        .filter((f) => !c.codes.includes(f.code))
        .map((f) => `${c.id}: ${f.code}`),
    );
    expect(undeclared).toEqual([]);
  });
});

test("deepFreeze really freezes: maps, sets, arrays and records refuse changes", () => {
  const ledger = deepFreeze(indexLedger(readLedger(sample, { asOf: SAMPLE_AS_OF }).ledger));
  const org = ledger.index.orgs.values().next().value!;
  expect(() => (org.v.unit = "U99")).toThrow(TypeError);
  expect(() => (ledger.index.orgs as Map<string, unknown>).set("X", org)).toThrow(TypeError);
  expect(() => ledger.tables.orgs!.records.push(org)).toThrow(TypeError);
  expect(() => (ledger.cover as Map<string, string>).clear()).toThrow(TypeError);
});

/** Freezes an object graph; Maps and Sets also lose their mutators (Object.freeze leaves those). */
function deepFreeze<T>(root: T): T {
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (typeof v !== "object" || v === null || seen.has(v)) return;
    seen.add(v);
    if (v instanceof Map || v instanceof Set) {
      for (const name of ["set", "add", "delete", "clear"])
        Object.defineProperty(v, name, {
          value: () => {
            throw new TypeError(`${name} on a frozen ${v.constructor.name}`);
          },
        });
      for (const entry of v instanceof Map ? v.entries() : v.values()) visit(entry);
    }
    for (const key of Reflect.ownKeys(v)) visit((v as Record<PropertyKey, unknown>)[key]);
    Object.freeze(v);
  };
  visit(root);
  return root;
}
