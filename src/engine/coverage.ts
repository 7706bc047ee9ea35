// Which objects have a record in which periods — a 群众评议 in a year, a 领导点评 in a quarter or
// half-year — for the coverage checks and 进度督查. Kept as each object's few period labels, not as a
// `${id}|${period}` string per pair: on the district that was 75,000 strings built, hashed and
// looked up again once per object and period (issue 12). Plain data (a Map of arrays), not a class:
// a checked submission crosses from the pane's submission worker by structured clone, which keeps
// no methods.

/** Object ID → the labels of the periods it has a record in, in the order first added. */
export type PeriodCoverage = ReadonlyMap<string, readonly string[]>;

/** A coverage being built: `addPeriod` to it, then read it as a PeriodCoverage. */
export type CoverageBuilder = Map<string, string[]>;

export function addPeriod(c: CoverageBuilder, id: string, period: string): void {
  const periods = c.get(id);
  if (periods === undefined) c.set(id, [period]);
  else if (!periods.includes(period)) periods.push(period);
}

/** `id` has a record in the period labelled `period`. */
export function covers(c: PeriodCoverage, id: string, period: string): boolean {
  return c.get(id)?.includes(period) ?? false;
}

/** The union of several coverages (a district compiled from its units' ledgers). */
export function uniteCoverage(all: readonly PeriodCoverage[]): PeriodCoverage {
  const out: CoverageBuilder = new Map();
  for (const c of all) for (const [id, periods] of c) for (const p of periods) addPeriod(out, id, p);
  return out;
}
