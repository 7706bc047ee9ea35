// 群众评议 (ledger-format.md §2.6). Clause: 四、总体安排（三）群众评议 — 适时组织党员群众进行评议，
// 评议结果在一定范围内公开.
// Which vote rows count — for coverage and for 好评率 — is decided here, for the checks and the facts.
import { type Phase, type Rules, insideCampaign, phaseOf } from "../campaign";
import { defineCheck } from "../check";
import type { FindingSink } from "../findings";
import { type IndexedLedger, derivedOnce, num, recordsOf, str, unread } from "../ledger";
import { type Rec, type Table, cellOf, keyCol } from "../read";
import { MEMBERS, ORGS, VOTES, fieldName } from "../schema";
import { a1 } from "../grid";
import { ended, years } from "../periods";
import { resolveSubject } from "./resolve";
import { existedBy } from "../check-date";
import { type CoverageBuilder, type PeriodCoverage, addPeriod, covers } from "../coverage";

/** Votes of one object: good = 好 + 较好, total = 参评人数, per phase (index 1–3). */
export interface Approval {
  good: [number, number, number, number];
  total: [number, number, number, number];
}

/** The 评议等次 a 好评率 reaches; a rate equal to a line reaches it (§7). */
export function voteGrade(rules: Rules, rate: number): string {
  const l = rules.voteGradeLines;
  return rate >= l.优秀 ? "优秀" : rate >= l.合格 ? "合格" : rate >= l.基本合格 ? "基本合格" : "不合格";
}

/** 好评率 of an object in a phase; 0 without votes (§4). */
export function approvalOf(a: Approval | undefined, phase: Phase): number {
  return a && a.total[phase] > 0 ? a.good[phase] / a.total[phase] : 0;
}

const voteSubject = (ledger: IndexedLedger, rec: Rec) =>
  resolveSubject(ledger, str(rec, "object"), ["org", "member"]);

interface VoteCounts {
  total: number;
  good: number;
  fair: number;
  average: number;
  poor: number;
}

/** The five counts, when every one of them was read. */
function countsOf(rec: Rec): VoteCounts | undefined {
  // read one by one: this runs for every 群众评议 row in several checks (an array and a closure per
  // call cost 80 ms on the district)
  const total = num(rec, "total");
  const good = num(rec, "good");
  const fair = num(rec, "fair");
  const average = num(rec, "average");
  const poor = num(rec, "poor");
  if (total === undefined || good === undefined || fair === undefined) return undefined;
  if (average === undefined || poor === undefined) return undefined;
  return { total, good, fair, average, poor };
}

const sumOf = (c: VoteCounts) => c.good + c.fair + c.average + c.poor;

/** What the vote rows add up to: 好评率 per object and phase, and the years each object was evaluated. */
interface VoteTally {
  approval: ReadonlyMap<string, Approval>;
  covered: PeriodCoverage;
}

const voteTally = derivedOnce((ledger): VoteTally => {
  const { rules } = ledger;
  const ys = years(rules);
  const approval = new Map<string, Approval>();
  const covered: CoverageBuilder = new Map();
  for (const rec of recordsOf(ledger.tables.votes)) {
    const id = voteSubject(ledger, rec);
    const date = num(rec, "date");
    // A vote after 检查基准日 had not happened yet: neither coverage nor 好评率 (§5.1).
    if (id === undefined || date === undefined || !existedBy(ledger.asOf, date)) continue;
    const y = ys.find((p) => date >= p.from && date <= p.to);
    if (y) addPeriod(covered, id, y.label);
    // Only a row without errors counts. The checks see it as the error-free row: every cell read
    // (cells), the object known (references), inside the campaign (campaign-dates), sum (vote-sum).
    const c = countsOf(rec);
    const phase = phaseOf(rules, date);
    if (rec.err || !insideCampaign(rules, date) || c === undefined || sumOf(c) !== c.total) continue;
    if (phase !== undefined) addVotes(approval, id, phase, c);
  }
  return { approval, covered };
});

function addVotes(approval: Map<string, Approval>, id: string, phase: Phase, c: VoteCounts): void {
  let a = approval.get(id);
  if (!a) approval.set(id, (a = { good: [0, 0, 0, 0], total: [0, 0, 0, 0] }));
  a.good[phase] += c.good + c.fair;
  a.total[phase] += c.total;
}

/** 好评率 per object and phase, from the vote rows without errors for a known object, by 检查基准日. */
export const approvalByObject = (ledger: IndexedLedger) => voteTally(ledger).approval;

/** The years in which each known object has a 群众评议 row (whatever its counts). */
export const voteCoverage = (ledger: IndexedLedger) => voteTally(ledger).covered;

export const votesCheck = defineCheck(
  "votes",
  ["vote-sum", "grade-mismatch", "evaluation-missing"],
  (ledger, sink) => {
    const t = ledger.tables.votes;
    if (!t) return; // missing-sheet already reported; no coverage without the sheet
    for (const rec of t.records) checkCounts(ledger, t, rec, sink);
    // Whom a row with an unknown 评议对象编号 is about cannot be known: no coverage is judged.
    if (!t.records.some((rec) => unread(rec, "object"))) checkCoverage(ledger, sink);
  },
);

function checkCounts(
  ledger: IndexedLedger,
  t: Table,
  rec: Rec,
  sink: FindingSink<"vote-sum" | "grade-mismatch">,
): void {
  const c = countsOf(rec);
  if (c === undefined) return;
  const sum = sumOf(c);
  if (sum !== c.total) {
    sink.add("vote-sum", t.grid.name, cellOf(t, rec, "total"), {
      field: fieldName(VOTES, "total"),
      value: c.total,
      object: voteSubject(ledger, rec),
      row: rec.row,
      params: { expected: sum },
    });
    return;
  }
  const grade = str(rec, "grade");
  if (grade === undefined || c.total <= 0) return;
  const rate = (c.good + c.fair) / c.total;
  const implied = voteGrade(ledger.rules, rate);
  if (implied !== grade)
    sink.add("grade-mismatch", t.grid.name, cellOf(t, rec, "grade"), {
      field: fieldName(VOTES, "grade"),
      value: grade,
      object: voteSubject(ledger, rec),
      row: rec.row,
      params: { expected: implied, other: `${(rate * 100).toFixed(1)}%` },
    });
}

/** An evaluation in every calendar year (clipped) that has ended; members from the year they joined. */
function checkCoverage(ledger: IndexedLedger, sink: FindingSink<"evaluation-missing">): void {
  const covered = voteCoverage(ledger);
  const endedYears = ended(years(ledger.rules), ledger.asOf);
  // §1.4: an object with a 群众评议 whose date is not known is not judged.
  const unknown = new Set<string>();
  for (const rec of recordsOf(ledger.tables.votes)) {
    const id = unread(rec, "date") ? voteSubject(ledger, rec) : undefined;
    if (id !== undefined) unknown.add(id);
  }
  for (const [table, keyField] of [
    [ledger.tables.orgs, "orgId"],
    [ledger.tables.members, "memberId"],
  ] as const) {
    for (const rec of recordsOf(table)) {
      const id = str(rec, keyField);
      if (id === undefined || unknown.has(id) || unread(rec, "joined")) continue;
      const joined = keyField === "memberId" ? num(rec, "joined") : undefined;
      for (const p of endedYears) {
        if (joined !== undefined && joined > p.to) continue;
        if (covers(covered, id, p.label)) continue;
        sink.add("evaluation-missing", table!.grid.name, a1(rec.row, keyCol(table!)), {
          field: fieldName(keyField === "orgId" ? ORGS : MEMBERS, keyField),
          value: id,
          object: id,
          period: p.label,
          row: rec.row,
        });
      }
    }
  }
}
