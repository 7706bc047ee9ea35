// Commendations (ledger-format.md §5, campaign.md): per phase, the lists in the order of the table,
// quotas per 党（工）委 and list, ranking and tie-breaks, 先进单位党组织, and one reason for everyone
// who is not selected. What a reason says is user-facing text: src/i18n/reasons.ts.
import { type Phase, decisionDate } from "./campaign";
import { type Ledger, str } from "./ledger";
import type { Rec } from "./read";
import type { Score } from "./score";
import { round1 } from "./score";
import { phaseBegun } from "./check-date";

export type ListKind = "organization" | "member" | "worker" | "unit";

export interface ListDef {
  phase: Phase;
  name: string;
  kind: ListKind;
  /** What the list is called in print (occasion). */
  occasion: string;
}

/** campaign.md's table, in order: the lists of a phase are filled in this order. */
export const COMMENDATION_LISTS: readonly ListDef[] = [
  { phase: 1, name: "通报表扬的基层党组织", kind: "organization", occasion: "2010年底集中检查通报" },
  {
    phase: 2,
    name: "先进基层党组织",
    kind: "organization",
    occasion: "2011年“七一”纪念建党90周年表彰大会",
  },
  { phase: 2, name: "优秀共产党员", kind: "member", occasion: "2011年“七一”纪念建党90周年表彰大会" },
  { phase: 2, name: "优秀党务工作者", kind: "worker", occasion: "2011年“七一”纪念建党90周年表彰大会" },
  { phase: 3, name: "历城先锋基层党组织", kind: "organization", occasion: "2012年“七一”专项表彰" },
  { phase: 3, name: "历城先锋共产党员", kind: "member", occasion: "2012年“七一”专项表彰" },
  { phase: 3, name: "先进单位党组织", kind: "unit", occasion: "2012年“七一”专项表彰" },
];

export const REASONS = [
  "already-selected",
  "veto",
  "probationary",
  "not-party-worker",
  "errors",
  "no-evaluation",
  "grade",
  "approval",
  "commitment-overdue",
  "over-quota",
  "plan-late",
  "review-missing",
  "mean-score",
] as const;
export type Reason = (typeof REASONS)[number];

export interface Commendation {
  phase: Phase;
  list: string;
  kind: "organization" | "member" | "unit";
  rank: number;
  id: string;
  name: string;
  unit: string;
  total: number;
  approval?: number;
  /** The score behind the entry (not for units). */
  score?: Score;
}

export interface NotSelected {
  phase: Phase;
  list: string;
  kind: "organization" | "member" | "unit";
  id: string;
  name: string;
  unit: string;
  reason: Reason;
  score?: Score;
  /** A number that explains the reason (好评率, mean score …). */
  detail?: string;
  /** over-quota: the unit's quota and the candidate's place among the eligible. */
  place?: { quota: number; rank: number };
}

export interface CommendationResult {
  commendations: Commendation[];
  notSelected: NotSelected[];
  /** Unit → list → quota, for the report. */
  quotas: { phase: Phase; list: string; unit: string; population: number; quota: number; eligible: number }[];
}

/** floor(share × population) in exact decimal arithmetic (shares have at most 6 decimals). */
export function quotaOf(share: number, population: number): number {
  // micro × population is an exact integer; dividing it by 10^6 cannot round across an integer.
  return Math.floor((Math.round(share * 1e6) * population) / 1e6);
}

const byRank = (
  a: { total: number; approval: number; id: string },
  b: { total: number; approval: number; id: string },
) => b.total - a.total || b.approval - a.approval || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Scores by `kind|phase`, then by object id (one key per list, not one string per object and list). */
function scoresByList(scores: readonly Score[]): Map<string, Map<string, Score>> {
  const out = new Map<string, Map<string, Score>>();
  for (const s of scores) {
    const key = `${s.kind}|${s.phase}`;
    let byId = out.get(key);
    if (!byId) out.set(key, (byId = new Map()));
    byId.set(s.id, s);
  }
  return out;
}

export function selectCommendations(ledger: Ledger, scores: readonly Score[]): CommendationResult {
  const result: CommendationResult = { commendations: [], notSelected: [], quotas: [] };
  const scoresOf = scoresByList(scores);
  const selectedInPhase = new Map<Phase, Set<string>>();

  // A phase that has not begun by 检查基准日 has no lists at all, not even reasons (§5.1).
  for (const list of COMMENDATION_LISTS.filter((l) => phaseBegun(ledger.rules, ledger.asOf, l.phase))) {
    const chosen = selectedInPhase.get(list.phase) ?? new Set<string>();
    selectedInPhase.set(list.phase, chosen);
    if (list.kind === "unit") unitList(ledger, list, scores, result);
    else objectList(ledger, list, scoresOf, chosen, result);
  }
  return result;
}

/** One list of organisations or members: who is eligible, the quotas per 党（工）委, who is chosen. */
function objectList(
  ledger: Ledger,
  list: ListDef,
  scoresOf: Map<string, Map<string, Score>>,
  chosen: Set<string>,
  result: CommendationResult,
): void {
  const objKind = list.kind === "organization" ? "organization" : "member";
  const scoreOf = scoresOf.get(`${objKind}|${list.phase}`);
  const eligible = eligibleByUnit(ledger, list, scoreOf, chosen, result);
  const selected: Score[] = [];
  const share = shareOf(ledger.rules, list.kind);
  // Quotas per 党（工）委: floor(share × population), at least 1 where someone is eligible.
  for (const unit of [...new Set([...ledger.index.units.keys(), ...eligible.keys()])]) {
    const cands = (eligible.get(unit) ?? []).sort(byRank);
    const pop = populationOf(ledger, objKind, unit);
    const quota = cands.length ? Math.max(1, quotaOf(share, pop)) : quotaOf(share, pop);
    result.quotas.push({
      phase: list.phase,
      list: list.name,
      unit,
      population: pop,
      quota,
      eligible: cands.length,
    });
    cands.forEach((s, i) => {
      if (i < quota) selected.push(s);
      else
        result.notSelected.push(
          notSelected(list, objKind, s.id, s.name, unit, "over-quota", s, undefined, { quota, rank: i + 1 }),
        );
    });
  }
  selected.sort(byRank).forEach((s, i) => {
    chosen.add(s.id);
    result.commendations.push({
      phase: list.phase,
      list: list.name,
      kind: objKind,
      rank: i + 1,
      id: s.id,
      name: s.name,
      unit: s.unit,
      total: s.total,
      approval: s.approval,
      score: s,
    });
  });
}

/** unit → the list's eligible candidates; everyone else gets the first reason that keeps them off. */
function eligibleByUnit(
  ledger: Ledger,
  list: ListDef,
  scoreOf: Map<string, Score> | undefined,
  chosen: Set<string>,
  result: CommendationResult,
): Map<string, Score[]> {
  const { index } = ledger;
  const org = list.kind === "organization";
  const objKind = org ? "organization" : "member";
  const eligible = new Map<string, Score[]>();
  for (const [id, rec] of org ? index.orgs : index.members) {
    const unit = org ? (str(rec, "unit") ?? "") : memberUnit(ledger, rec);
    const s = scoreOf?.get(id);
    const reason = ineligibility(ledger, list, chosen, id, rec, s);
    if (reason === undefined) {
      const cands = eligible.get(unit);
      if (cands) cands.push(s!);
      else eligible.set(unit, [s!]);
      continue;
    }
    const name = (org ? str(rec, "orgName") : str(rec, "name")) ?? id;
    result.notSelected.push(notSelected(list, objKind, id, name, unit, reason, s, detailOf(reason, s)));
  }
  return eligible;
}

/** The first reason (in REASONS' order) an object cannot be on the list; undefined when it can. */
function ineligibility(
  ledger: Ledger,
  list: ListDef,
  chosen: Set<string>,
  id: string,
  rec: Rec,
  s: Score | undefined,
): Reason | undefined {
  const { rules, facts } = ledger;
  if (chosen.has(id)) return "already-selected";
  if (s?.veto) return "veto";
  if (list.kind !== "organization" && str(rec, "status") === "预备党员") return "probationary";
  if (list.kind === "worker" && str(rec, "worker") !== "是") return "not-party-worker";
  if (facts.objectsWithErrors.has(id)) return "errors";
  if (!s) return "no-evaluation";
  if (s.grade !== "优秀") return "grade";
  if (s.approval < rules.minApproval) return "approval";
  const decision = decisionDate(rules, list.phase);
  if (facts.overdue.get(id)?.some((d) => d <= decision)) return "commitment-overdue";
  return undefined;
}

/** The number that explains a reason, where one does. */
function detailOf(reason: Reason, s: Score | undefined): string | undefined {
  if (!s) return undefined;
  if (reason === "veto") return s.vetoText;
  if (reason === "grade") return `${s.total.toFixed(1)}（${s.grade}）`;
  if (reason === "approval") return `${(s.approval * 100).toFixed(1)}%`;
  return undefined;
}

/** A NotSelected with every field set, so that all of them share one shape (issue 12: ~300,000 on the district). */
function notSelected(
  list: ListDef,
  kind: NotSelected["kind"],
  id: string,
  name: string,
  unit: string,
  reason: Reason,
  score: Score | undefined,
  detail: string | undefined,
  place?: NotSelected["place"],
): NotSelected {
  return { phase: list.phase, list: list.name, kind, id, name, unit, reason, score, detail, place };
}

function memberUnit(ledger: Ledger, rec: Rec): string {
  const org = str(rec, "org");
  const o = org !== undefined ? ledger.index.orgs.get(org) : undefined;
  return o ? (str(o, "unit") ?? "") : "";
}

function shareOf(rules: Ledger["rules"], kind: ListKind): number {
  return kind === "organization"
    ? rules.quota.org
    : kind === "member"
      ? rules.quota.member
      : rules.quota.worker;
}

/** The number of organisations, or of their members, of a 党（工）委: what its quota is a share of. */
function populationOf(ledger: Ledger, objKind: "organization" | "member", unit: string): number {
  const { index } = ledger;
  const orgs = index.orgsOfUnit.get(unit) ?? [];
  if (objKind === "organization") return orgs.length;
  return orgs.reduce((n, o) => n + (index.membersOfOrg.get(str(o, "orgId")!)?.length ?? 0), 0);
}

/** 先进单位党组织 (第三时段): plan on time, no 区委 half-year missed by 第三时段表彰截止, mean ≥ line. */
function unitList(ledger: Ledger, list: ListDef, scores: readonly Score[], result: CommendationResult): void {
  const { rules, index, facts } = ledger;
  const phase3 = new Map<string, number>();
  for (const s of scores) if (s.kind === "organization" && s.phase === list.phase) phase3.set(s.id, s.total);
  const entries: { id: string; name: string; mean: number }[] = [];
  for (const [id, rec] of index.units) {
    const name = str(rec, "unitName") ?? id;
    const orgs = index.orgsOfUnit.get(id) ?? [];
    const mean = orgs.length
      ? orgs.reduce((sum, o) => sum + (phase3.get(str(o, "orgId")!) ?? 0), 0) / orgs.length
      : 0;
    const reject = (reason: Reason, detail?: string) =>
      result.notSelected.push(notSelected(list, "unit", id, name, id, reason, undefined, detail));
    if (facts.planLate.has(id)) {
      reject("plan-late");
      continue;
    }
    const missed = (facts.missingHalfYearReviews.get(id) ?? []).filter(
      (h) => h.to <= rules.phase3CommendationEnd,
    );
    if (missed.length) {
      reject("review-missing", missed.map((h) => h.period).join("、"));
      continue;
    }
    if (mean < rules.unitMeanLine) {
      reject("mean-score", round1(mean).toFixed(1));
      continue;
    }
    entries.push({ id, name, mean });
  }
  entries
    .sort((a, b) => b.mean - a.mean || (a.id < b.id ? -1 : 1))
    .forEach((e, i) =>
      result.commendations.push({
        phase: list.phase,
        list: list.name,
        kind: "unit",
        rank: i + 1,
        id: e.id,
        name: e.name,
        unit: e.id,
        total: round1(e.mean),
      }),
    );
}
