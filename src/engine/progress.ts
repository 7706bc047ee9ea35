// The progress-supervision matrix (进度督查, ledger-format.md §6 and issue 3): per 党（工）委, the plan
// deadline, 区委 half-year reviews, quarterly review coverage of its organisations, commitment
// completion and 群众评议 coverage per year — for the periods that have ended by 检查基准日.
import { type Ledger, num, str } from "./ledger";
import { ended, halfYears, quarters, years } from "./periods";
import { countedAt } from "./check-date";
import { covers } from "./coverage";

export interface Ratio {
  done: number;
  total: number;
}

export interface ProgressRow {
  unit: string;
  name: string;
  /** undefined when the plan date column is absent. */
  planOnTime?: boolean;
  halfYears: Record<string, boolean>;
  quarters: Record<string, Ratio>;
  commitments: { total: number; done: number; overdue: number };
  evaluations: Record<string, Ratio>;
}

export interface Progress {
  halfYears: string[];
  quarters: string[];
  years: string[];
  rows: ProgressRow[];
}

export function computeProgress(ledger: Ledger): Progress {
  const { rules, asOf, index, facts, tables } = ledger;
  const hs = ended(halfYears(rules), asOf).map((p) => p.label);
  const qs = ended(quarters(rules), asOf);
  const ys = ended(years(rules), asOf);

  /** Object → its unit, for commitments. */
  const unitOfObject = new Map<string, string>();
  for (const [unit, orgs] of index.orgsOfUnit)
    for (const o of orgs) {
      const oid = str(o, "orgId")!;
      unitOfObject.set(oid, unit);
      for (const m of index.membersOfOrg.get(oid) ?? []) unitOfObject.set(str(m, "memberId")!, unit);
    }
  const commitments = new Map<string, { total: number; done: number; overdue: number }>();
  for (const rec of tables.commitments?.records ?? []) {
    if (!countedAt(ledger, "commitments", rec)) continue;
    const subject = str(rec, "subject");
    const unit = subject !== undefined ? unitOfObject.get(subject) : undefined;
    if (unit === undefined) continue;
    const c = commitments.get(unit) ?? { total: 0, done: 0, overdue: 0 };
    c.total++;
    if (str(rec, "state") === "已完成") c.done++;
    else if ((num(rec, "deadline") ?? Infinity) < asOf) c.overdue++;
    commitments.set(unit, c);
  }

  const rows: ProgressRow[] = [];
  for (const [unit, rec] of index.units) {
    const orgs = index.orgsOfUnit.get(unit) ?? [];
    const orgIds = orgs.map((o) => str(o, "orgId")!);
    const members = orgIds.flatMap((o) => index.membersOfOrg.get(o) ?? []);
    const row: ProgressRow = {
      unit,
      name: str(rec, "unitName") ?? unit,
      halfYears: Object.fromEntries(hs.map((h) => [h, covers(facts.reviewed, unit, h)])),
      quarters: Object.fromEntries(
        qs.map((q) => [
          q.label,
          { done: orgIds.filter((o) => covers(facts.reviewed, o, q.label)).length, total: orgIds.length },
        ]),
      ),
      commitments: commitments.get(unit) ?? { total: 0, done: 0, overdue: 0 },
      evaluations: Object.fromEntries(
        ys.map((y) => {
          const due = [
            ...orgIds,
            ...members.filter((m) => (num(m, "joined") ?? -Infinity) <= y.to).map((m) => str(m, "memberId")!),
          ];
          return [
            y.label,
            { done: due.filter((id) => covers(facts.evaluated, id, y.label)).length, total: due.length },
          ];
        }),
      ),
    };
    if (tables.units?.cols.planDate !== undefined) row.planOnTime = !facts.planLate.has(unit);
    rows.push(row);
  }
  return { halfYears: hs, quarters: qs.map((q) => q.label), years: ys.map((y) => y.label), rows };
}
