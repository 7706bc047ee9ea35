// Facts that scores, commendations and the progress matrix need (ledger-format.md §4–§6). Derived
// after the checks, from the indexed ledger and the checks' findings; no check writes a fact, so
// adding or reordering a check cannot change a score. (The read step's findings are about sheets,
// never about a record, so they are not needed here.)
import type { PeriodCoverage } from "./coverage";
import type { Day } from "./dates";
import { type Phase, phaseOf } from "./campaign";
import type { Finding } from "./findings";
import { type IndexedLedger, num, recordsOf, str } from "./ledger";
import type { Rec } from "./read";
import { halfYears, quarters } from "./periods";
import { commitmentSubject } from "./rules/commitments";
import { evaluatedObject, evaluationTables } from "./rules/evaluations";
import { reviewCoverage } from "./rules/reviews";
import { type Approval, approvalByObject, voteCoverage } from "./rules/votes";
import { resolveSubject } from "./rules/resolve";

export interface Facts {
  /** Records with an error finding: they take no part in scoring. */
  recordsWithErrors: ReadonlySet<Rec>;
  /** Objects (org/member IDs) with an error on any of their own rows. */
  objectsWithErrors: ReadonlySet<string>;
  approval: ReadonlyMap<string, Approval>;
  /** Org ID → quarters without a review by its unit, with the phase holding each quarter. */
  missingQuarterReviews: ReadonlyMap<string, readonly { period: string; phase: Phase | undefined }[]>;
  /** Unit ID → half-years without a 区委 review. */
  missingHalfYearReviews: ReadonlyMap<string, readonly { period: string; to: Day }[]>;
  /** Object ID → deadlines of overdue commitments. */
  overdue: ReadonlyMap<string, readonly Day[]>;
  /** Unit IDs whose plan was late or missing. */
  planLate: ReadonlySet<string>;
  /** Organisations' quarters and units' half-years that have a review (for 进度督查). */
  reviewed: PeriodCoverage;
  /** Objects' years that have a 群众评议 (for 进度督查). */
  evaluated: PeriodCoverage;
}

/** `findings`: the checks' findings. */
export function deriveFacts(ledger: IndexedLedger, findings: readonly Finding[]): Facts {
  const recordAt = recordLocator(ledger);
  const recordsWithErrors = new Set<Rec>();
  for (const f of findings) {
    const rec = f.severity === "error" ? recordAt(f) : undefined;
    if (rec) recordsWithErrors.add(rec);
  }
  // A row with a cell whose value is unknown (a formula without its result) is not scored either,
  // though its one formula-not-calculated finding is at the column's first such cell (§1.4).
  for (const t of Object.values(ledger.tables))
    for (const rec of t.records) if (rec.err) recordsWithErrors.add(rec);
  return {
    recordsWithErrors,
    objectsWithErrors: objectsWithErrors(ledger, recordsWithErrors),
    approval: approvalByObject(ledger),
    ...missingReviews(ledger, findings),
    overdue: overdueDeadlines(findings, recordAt),
    planLate: new Set(findings.filter((f) => f.code === "plan-late" && f.object).map((f) => f.object!)),
    reviewed: reviewCoverage(ledger),
    evaluated: voteCoverage(ledger),
  };
}

/** The record a finding points at (its sheet and row), if it points at one. */
function recordLocator(ledger: IndexedLedger): (f: Finding) => Rec | undefined {
  const bySheet = new Map(Object.values(ledger.tables).map((t) => [t.grid.name, t.records]));
  return (f) => {
    const records = f.sheet === null ? undefined : bySheet.get(f.sheet);
    return records && f.row !== undefined ? recordOnRow(records, f.row) : undefined;
  };
}

/** Binary search: a table's records are in row order. */
function recordOnRow(records: readonly Rec[], row: number): Rec | undefined {
  let lo = 0;
  let hi = records.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = records[mid].row;
    if (r === row) return records[mid];
    if (r < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/**
 * An object has errors when one of its own rows has: its row in 基层党组织/党员, or a row about it in
 * 公开承诺, the evaluations or 群众评议 (a vote row only once its date was read).
 */
function objectsWithErrors(ledger: IndexedLedger, withErrors: ReadonlySet<Rec>): Set<string> {
  const out = new Set<string>();
  const { tables } = ledger;
  const rowsWithErrors = (t: (typeof tables)[keyof typeof tables]) =>
    recordsOf(t).filter((rec) => withErrors.has(rec));
  for (const rec of rowsWithErrors(tables.orgs)) addIfSet(out, str(rec, "orgId"));
  for (const rec of rowsWithErrors(tables.members)) addIfSet(out, str(rec, "memberId"));
  for (const rec of rowsWithErrors(tables.commitments)) addIfSet(out, commitmentSubject(ledger, rec));
  for (const [t, kind] of evaluationTables(ledger))
    for (const rec of rowsWithErrors(t)) {
      const id = evaluatedObject(ledger, rec, kind);
      if (id !== undefined) out.add(id);
    }
  for (const rec of rowsWithErrors(tables.votes)) {
    const id = resolveSubject(ledger, str(rec, "object"), ["org", "member"]);
    if (id !== undefined && num(rec, "date") !== undefined) out.add(id);
  }
  return out;
}

function addIfSet(out: Set<string>, id: string | undefined): void {
  if (id) out.add(id);
}

/** From `review-missing`: half-years of units, quarters of organisations (deducted in their phase). */
function missingReviews(
  ledger: IndexedLedger,
  findings: readonly Finding[],
): Pick<Facts, "missingQuarterReviews" | "missingHalfYearReviews"> {
  const { rules, tables } = ledger;
  const hs = halfYears(rules);
  const qs = quarters(rules);
  const halfYearly = new Map<string, { period: string; to: Day }[]>();
  const quarterly = new Map<string, { period: string; phase: Phase | undefined }[]>();
  for (const f of findings) {
    if (f.code !== "review-missing") continue;
    const period = f.period!;
    if (f.sheet === tables.units?.grid.name)
      push(halfYearly, f.object!, { period, to: hs.find((p) => p.label === period)!.to });
    else if (f.sheet === tables.orgs?.grid.name)
      push(quarterly, f.object!, { period, phase: phaseOf(rules, qs.find((p) => p.label === period)!.to) });
  }
  return { missingQuarterReviews: quarterly, missingHalfYearReviews: halfYearly };
}

/** From `commitment-overdue`: the deadlines of each object's overdue commitments. */
function overdueDeadlines(findings: readonly Finding[], recordAt: (f: Finding) => Rec | undefined) {
  const out = new Map<string, Day[]>();
  for (const f of findings)
    if (f.code === "commitment-overdue") push(out, f.object!, num(recordAt(f)!, "deadline")!);
  return out;
}

function push<T>(m: Map<string, T[]>, key: string, item: T): void {
  const list = m.get(key);
  if (list) list.push(item);
  else m.set(key, [item]);
}
