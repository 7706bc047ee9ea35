// Scores (ledger-format.md §4): per organisation and member and phase, from the error-free
// 五个好/五带头 evaluation, the phase's 好评率 and the deductions counted in that phase.
// Every number comes from the rule keys (campaign.ts), so a `评分规则` sheet changes the results.
import { type Phase, type Rules, PHASES, phaseWindow } from "./campaign";
import { type Ledger, str } from "./ledger";
import type { Rec, Table } from "./read";
import { approvalOf } from "./rules/votes";
import { phaseOfRecord, vetoOf } from "./rules/evaluations";
import { countedAt, phaseBegun } from "./check-date";

export type ObjectKindName = "organization" | "member";
/** The grades, best first (否决: vetoed). */
export const GRADES = ["优秀", "良好", "一般", "较差", "否决"] as const;
export type Grade = (typeof GRADES)[number];

export interface Score {
  kind: ObjectKindName;
  id: string;
  name: string;
  /** 单位编号 of the object's 党（工）委. */
  unit: string;
  /** 组织编号 for members (their organisation). */
  org?: string;
  phase: Phase;
  /** Points of the five criteria, in schema order. */
  points: number[];
  /** Sum of the five (0–100). */
  criteria: number;
  /** 好评率, unrounded. */
  approval: number;
  deductionReviews: number;
  deductionOverdue: number;
  deductions: number;
  /** 综合得分, rounded half up to 0.1. */
  total: number;
  grade: Grade;
  veto: boolean;
  vetoText?: string;
  /** Sheet and row of the evaluation the score comes from (for links); its file in a district. */
  source: { sheet: string; row: number; file?: string };
}

/** Half-up rounding to 0.1 that is robust to binary noise (87.05 stays 87.1). */
export function round1(x: number): number {
  return Math.floor(x * 10 + 0.5 + 1e-9) / 10;
}

export function gradeOf(rules: Rules, total: number, veto: boolean): Grade {
  if (veto) return "否决";
  const l = rules.gradeLines;
  return total >= l.优秀 ? "优秀" : total >= l.良好 ? "良好" : total >= l.一般 ? "一般" : "较差";
}

export function ratingPoints(rules: Rules, v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (v === "好" || v === "较好" || v === "一般" || v === "差") return rules.ratingPoints[v];
  return undefined;
}

/**
 * The first error-free evaluation of each object and phase that existed at 检查基准日, in the phases
 * that have begun by then (§5.1).
 */
function evaluationsByObject(
  ledger: Ledger,
  sheet: "orgEvals" | "memberEvals",
): Map<string, (Rec | undefined)[]> {
  const { rules, asOf, facts } = ledger;
  const out = new Map<string, (Rec | undefined)[]>();
  for (const rec of ledger.tables[sheet]?.records ?? []) {
    if (facts.recordsWithErrors.has(rec) || !countedAt(ledger, sheet, rec)) continue;
    const id = str(rec, "object");
    const phase = phaseOfRecord(rec);
    if (id === undefined || phase === undefined || !phaseBegun(rules, asOf, phase)) continue;
    let slots = out.get(id);
    if (!slots) out.set(id, (slots = [undefined, undefined, undefined, undefined]));
    slots[phase] ??= rec;
  }
  return out;
}

function countInPhase(rules: Rules, days: readonly number[] | undefined, phase: Phase): number {
  if (!days) return 0;
  const w = phaseWindow(rules, phase);
  return days.filter((d) => d >= w.from && d <= w.to).length;
}

/** Where an evaluation row is: its own file and sheet when the ledger was merged from several. */
function sourceOf(ledger: Ledger, t: Table, rec: Rec): Score["source"] {
  const origin = ledger.origins?.get(rec);
  if (!origin) return { sheet: t.grid.name, row: rec.row };
  return { sheet: origin.table.grid.name, row: rec.row, file: origin.file };
}

/** The five criteria's field keys, in schema order (constants: a key built per row, `c${i}`, had to be looked up as a new string each time). */
const CRITERIA = ["c1", "c2", "c3", "c4", "c5"] as const;

export function computeScores(ledger: Ledger): Score[] {
  const { rules, facts, index, tables } = ledger;
  const out: Score[] = [];
  const orgEvals = evaluationsByObject(ledger, "orgEvals");
  const memberEvals = evaluationsByObject(ledger, "memberEvals");

  const score = (
    kind: ObjectKindName,
    id: string,
    name: string,
    unit: string,
    org: string | undefined,
    rec: Rec,
    phase: Phase,
    t: Table,
  ) => {
    const points = CRITERIA.map((key) => ratingPoints(rules, rec.v[key]) ?? 0);
    const criteria = points.reduce((a, b) => a + b, 0);
    const approval = approvalOf(facts.approval.get(id), phase);
    const missingQuarters =
      kind === "organization"
        ? (facts.missingQuarterReviews.get(id) ?? []).filter((q) => q.phase === phase).length
        : 0;
    const deductionReviews = Math.min(
      missingQuarters * rules.deductMissingReview,
      rules.deductMissingReviewCap,
    );
    const deductionOverdue = Math.min(
      countInPhase(rules, facts.overdue.get(id), phase) * rules.deductOverdue,
      rules.deductOverdueCap,
    );
    const deductions = deductionReviews + deductionOverdue;
    const raw = rules.weightCriteria * criteria + rules.weightApproval * 100 * approval - deductions;
    const total = round1(Math.max(0, raw));
    const vetoText = vetoOf(rec);
    const s: Score = {
      kind,
      id,
      name,
      unit,
      phase,
      points,
      criteria,
      approval,
      deductionReviews,
      deductionOverdue,
      deductions,
      total,
      grade: gradeOf(rules, total, vetoText !== undefined),
      veto: vetoText !== undefined,
      source: sourceOf(ledger, t, rec),
    };
    if (org !== undefined) s.org = org;
    if (vetoText !== undefined) s.vetoText = vetoText;
    out.push(s);
  };

  for (const [id, rec] of index.orgs) {
    const slots = orgEvals.get(id);
    if (!slots) continue;
    for (const p of PHASES) {
      const e = slots[p];
      if (e)
        score(
          "organization",
          id,
          str(rec, "orgName") ?? id,
          str(rec, "unit") ?? "",
          undefined,
          e,
          p,
          tables.orgEvals!,
        );
    }
  }
  for (const [id, rec] of index.members) {
    const slots = memberEvals.get(id);
    if (!slots) continue;
    const org = str(rec, "org");
    const orgRec = org !== undefined ? index.orgs.get(org) : undefined;
    const unit = orgRec ? str(orgRec, "unit") : undefined;
    for (const p of PHASES) {
      const e = slots[p];
      if (e) score("member", id, str(rec, "name") ?? id, unit ?? "", org, e, p, tables.memberEvals!);
    }
  }
  return out;
}
