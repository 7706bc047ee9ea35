// withoutCells (issue 12): evaluate lets the workbook's cells go after the checks. Scores, lists
// and every result sheet must be exactly what they are with the cells kept, and a late raw read fails
// loudly instead of reading blanks.
import { analyze, SCORING_ONLY_TABLES, withoutCells, withoutScoredRecords } from "../../src/engine/analyze";
import { evaluateLedger } from "../../src/engine/evaluate";
import { parseISO } from "../../src/engine/dates";
import { rawOf } from "../../src/engine/read";
import { buildReport } from "../../src/report/build";
import { generateLedger, SMALL_SAMPLE } from "../../src/samples/generate";
import { workbookOf } from "../taskpane/fake-host";

const AS_OF = { asOf: parseISO("2012-11-07") };

function evaluated(release: boolean) {
  const a = analyze(workbookOf(generateLedger(SMALL_SAMPLE).models), AS_OF);
  if (release) withoutCells(a);
  const ev = evaluateLedger(a.ledger, a.findings);
  return { a, ev, report: buildReport(a, ev) };
}

describe("withoutCells", () => {
  const kept = evaluated(false);
  const released = evaluated(true);

  test("the evaluation and the result sheets equal those built with the cells kept", () => {
    expect(released.ev).toEqual(kept.ev);
    expect(released.report).toEqual(kept.report);
    expect(kept.ev.commendations.length).toBeGreaterThan(0); // the sample has lists to compare
  });

  test("the tables keep their sheet names and records; their cells are gone", () => {
    for (const [id, t] of Object.entries(released.a.ledger.tables)) {
      const before = kept.a.ledger.tables[id as keyof typeof kept.a.ledger.tables]!;
      expect(t!.grid.name).toBe(before.grid.name);
      expect(t!.records).toEqual(before.records);
      expect(t!.grid.rows).toHaveLength(0);
      expect(before.grid.rows.length).toBeGreaterThan(0);
    }
  });

  test("reading a raw cell afterwards throws rather than reading a blank", () => {
    const t = released.a.ledger.tables.members!;
    const k = kept.a.ledger.tables.members!;
    expect(rawOf(k, k.records[0], "idcard")).not.toBeNull();
    expect(() => rawOf(t, t.records[0], "idcard")).toThrow(/let go/);
  });
});

describe("withoutScoredRecords", () => {
  const kept = evaluated(false);
  const a = analyze(workbookOf(generateLedger(SMALL_SAMPLE).models), AS_OF);
  withoutCells(a);
  const ev = evaluateLedger(a.ledger, a.findings);
  withoutScoredRecords(a);

  test("the result sheets built afterwards equal those built with every record kept", () => {
    expect(buildReport(a, ev)).toEqual(kept.report);
  });

  test("only the tables the scoring alone reads let go of their records; reading them throws", () => {
    for (const [id, t] of Object.entries(a.ledger.tables)) {
      const before = kept.a.ledger.tables[id as keyof typeof kept.a.ledger.tables]!;
      if ((SCORING_ONLY_TABLES as readonly string[]).includes(id))
        expect(() => t!.records).toThrow(`the records of ${before.grid.name} were let go`);
      else expect(t!.records).toEqual(before.records);
    }
    expect(SCORING_ONLY_TABLES.every((id) => kept.a.ledger.tables[id]!.records.length > 0)).toBe(true);
  });
});
