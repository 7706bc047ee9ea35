// ledger-format.md §8: "Compiling the units' parts of one ledger gives exactly the scores and lists of
// evaluating that ledger whole." Random ledgers (the sample generator with random seeds and sizes,
// thinned to raise warnings that move scores: missing reviews and votes, overdue commitments, late
// plans), split at random by unit into files in random layouts and order, compiled, and compared
// with the evaluation of the whole ledger.
import fc from "fast-check";
import { analyze } from "../../src/engine/analyze";
import { evaluateLedger, type Evaluation } from "../../src/engine/evaluate";
import { compileSubmissions } from "../../src/engine/compile";
import { SAMPLE_AS_OF, generateLedger } from "../../src/samples/generate";
import { type LayoutVariant, toVariantWorkbook } from "../../src/samples/layout";
import { splitByUnit } from "../../src/samples/split";
import type { SheetModel } from "../../src/report/sheet-model";
import { Rng } from "../../src/samples/prng";

interface Case {
  seed: number;
  units: number;
  orgsPerUnit: number;
  membersPerOrg: number;
  /** Share of 领导点评 and 群众评议 rows dropped, of commitments left unfinished, of plans late. */
  thin: number;
  /** Group (file) of each unit. */
  groupOf: number[];
  layouts: LayoutVariant[];
  order: number[];
}

const layout: fc.Arbitrary<LayoutVariant> = fc.record({
  titleRows: fc.constantFrom<0 | 1 | 2>(0, 1, 2),
  reportRow: fc.boolean(),
  sheetAliases: fc.boolean(),
  columnAliases: fc.boolean(),
  reverseColumns: fc.boolean(),
  textDates: fc.constantFrom<LayoutVariant["textDates"]>(undefined, "cn", "dot", "compact"),
  fullWidthIds: fc.boolean(),
  blankAndTotalRows: fc.boolean(),
  date1904: fc.boolean(),
  twoRowHeader: fc.boolean(),
});

const cases: fc.Arbitrary<Case> = fc
  .record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    units: fc.integer({ min: 1, max: 4 }),
    orgsPerUnit: fc.integer({ min: 1, max: 4 }),
    membersPerOrg: fc.integer({ min: 1, max: 6 }),
    thin: fc.constantFrom(0, 0.1, 0.3),
  })
  .chain((c) =>
    fc.record({
      seed: fc.constant(c.seed),
      units: fc.constant(c.units),
      orgsPerUnit: fc.constant(c.orgsPerUnit),
      membersPerOrg: fc.constant(c.membersPerOrg),
      thin: fc.constant(c.thin),
      groupOf: fc.array(fc.integer({ min: 0, max: c.units - 1 }), { minLength: c.units, maxLength: c.units }),
      layouts: fc.array(layout, { minLength: c.units, maxLength: c.units }),
      order: fc.shuffledSubarray([...Array(c.units).keys()], { minLength: c.units, maxLength: c.units }),
    }),
  );

/** Drops and changes rows so that the ledger has warnings (never errors) that change scores and lists. */
function thinOut(models: SheetModel[], share: number, seed: number): SheetModel[] {
  const rng = new Rng(seed);
  return models.map((m) => {
    const c = (h: string) => m.columns.findIndex((x) => x.header === h);
    if (m.name === "领导点评" || m.name === "群众评议")
      return { ...m, rows: m.rows.filter(() => !rng.chance(share)) };
    if (m.name === "公开承诺")
      return {
        ...m,
        rows: m.rows.map((r) => {
          if (!rng.chance(share)) return r;
          const out = [...r];
          out[c("完成情况")] = "推进中";
          out[c("完成日期")] = null;
          return out;
        }),
      };
    if (m.name === "党（工）委")
      return {
        ...m,
        rows: m.rows.map((r) => {
          if (!rng.chance(share)) return r;
          const out = [...r];
          out[c("实施方案报送日期")] = "2010-06-20";
          return out;
        }),
      };
    return m;
  });
}

/** What must be equal: every score, list entry, exclusion, quota and progress row, in a stable order. */
function comparable(ev: Evaluation) {
  const key = (x: unknown) => JSON.stringify(x);
  const noSource = <T extends { score?: { source: unknown } }>({ score, ...rest }: T) => ({
    ...rest,
    ...(score ? { score: { ...score, source: undefined } } : {}),
  });
  return {
    blockedBy: ev.blockedBy,
    scores: ev.scores.map((s) => key({ ...s, source: undefined })).sort(),
    commendations: ev.commendations.map((c) => key(noSource(c))).sort(),
    notSelected: ev.notSelected.map((n) => key(noSource(n))).sort(),
    quotas: ev.quotas.map(key).sort(),
    progress: { ...ev.progress, rows: ev.progress.rows.map(key).sort() },
  };
}

test("compiling the units' parts of a ledger gives the scores and lists of the whole ledger", () => {
  let withLists = 0;
  fc.assert(
    fc.property(cases, (c) => {
      const generated = generateLedger({ ...c, mistakes: false }).models;
      const models = thinOut(generated, c.thin, c.seed);
      const whole = analyze(toVariantWorkbook(models).workbook, { asOf: SAMPLE_AS_OF });
      expect(whole.findings.filter((f) => f.severity === "error")).toEqual([]);
      const expected = evaluateLedger(whole.ledger, whole.findings);

      const ids = [...new Set(c.groupOf)];
      const groups = ids.map((g) => c.groupOf.flatMap((gi, u) => (gi === g ? [`U0${u + 1}`] : [])));
      const files = splitByUnit(models, { groups });
      const inputs = c.order
        .filter((i) => i < files.length)
        .map((i) => ({
          file: `part-${i}.xlsx`,
          workbook: toVariantWorkbook(files[i].models, c.layouts[i]).workbook,
        }));
      const compiled = compileSubmissions(inputs, { asOf: SAMPLE_AS_OF });

      expect(compiled.submissions.map((s) => s.status)).toEqual(inputs.map(() => "accepted"));
      expect(comparable(compiled.evaluation)).toEqual(comparable(expected));
      if (expected.commendations.length) withLists++;
    }),
    { numRuns: 30 },
  );
  // the property is about lists: most random ledgers must have some
  expect(withLists).toBeGreaterThan(10);
});
