// Which objects have a record in which periods — a 群众评议 in a year, a 领导点评 in a quarter or
// half-year — for the coverage checks and 进度督查. Kept as each object's few period labels, not as a
// `${id}|${period}` string per pair: on the district that was 75,000 strings built, hashed and
// looked up again once per object and period (issue 12).

export interface PeriodCoverage {
  /** `id` has a record in the period labelled `period`. */
  has(id: string, period: string): boolean;
  /** Every (id, period) pair, in the order first added. */
  pairs(): Iterable<[string, string]>;
}

export class CoverageBuilder implements PeriodCoverage {
  private readonly byObject = new Map<string, string[]>();

  add(id: string, period: string): void {
    const periods = this.byObject.get(id);
    if (periods === undefined) this.byObject.set(id, [period]);
    else if (!periods.includes(period)) periods.push(period);
  }

  has(id: string, period: string): boolean {
    return this.byObject.get(id)?.includes(period) ?? false;
  }

  *pairs(): Iterable<[string, string]> {
    for (const [id, periods] of this.byObject) for (const p of periods) yield [id, p];
  }
}

/** The union of several coverages (a district compiled from its units' ledgers). */
export function uniteCoverage(all: readonly PeriodCoverage[]): PeriodCoverage {
  const out = new CoverageBuilder();
  for (const c of all) for (const [id, p] of c.pairs()) out.add(id, p);
  return out;
}
