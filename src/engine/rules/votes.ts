// 群众评议 (ledger-format.md §2.6). Clause: 四、总体安排（三）群众评议 — 适时组织党员群众进行评议，
// 评议结果在一定范围内公开.
import { type Rules, phaseOf } from "../campaign";
import { type CheckContext, num, recordsOf, str } from "../ledger";
import { type Approval } from "../ledger";
import { cellOf, keyCol } from "../read";
import { MEMBERS, ORGS, VOTES, fieldName } from "../schema";
import { a1 } from "../grid";
import { ended, years } from "../periods";
import { checkInsideCampaign, subjectFk } from "./common";

/** The 评议等次 a 好评率 reaches; a rate equal to a line reaches it (§7). */
export function voteGrade(rules: Rules, rate: number): string {
  const l = rules.voteGradeLines;
  return rate >= l.优秀 ? "优秀" : rate >= l.合格 ? "合格" : rate >= l.基本合格 ? "基本合格" : "不合格";
}

export function checkVotes(ctx: CheckContext): void {
  const { ledger, sink } = ctx;
  const t = ledger.tables.votes;
  const { rules, asOf, facts } = ledger;
  const covered = facts.evaluated;
  const ys = years(rules);
  for (const rec of recordsOf(t)) {
    const table = t!;
    const sheet = table.grid.name;
    const id = subjectFk(ctx, table, rec, "object", ["org", "member"]);
    const date = num(rec, "date");
    if (date !== undefined && !checkInsideCampaign(ctx, table, rec, "date", id)) rec.err = true;
    const total = num(rec, "total");
    const good = num(rec, "good");
    const fair = num(rec, "fair");
    const average = num(rec, "average");
    const poor = num(rec, "poor");
    let sumOk = false;
    if (
      total !== undefined &&
      good !== undefined &&
      fair !== undefined &&
      average !== undefined &&
      poor !== undefined
    ) {
      const sum = good + fair + average + poor;
      sumOk = sum === total;
      if (!sumOk) {
        sink.add("vote-sum", sheet, cellOf(table, rec, "total"), {
          field: fieldName(VOTES, "total"),
          value: total,
          object: id,
          row: rec.row,
          params: { expected: sum },
        });
        rec.err = true;
      }
    }
    const grade = str(rec, "grade");
    if (sumOk && grade !== undefined && total! > 0) {
      const rate = (good! + fair!) / total!;
      const implied = voteGrade(rules, rate);
      if (implied !== grade)
        sink.add("grade-mismatch", sheet, cellOf(table, rec, "grade"), {
          field: fieldName(VOTES, "grade"),
          value: grade,
          object: id,
          row: rec.row,
          params: { expected: implied, other: `${(rate * 100).toFixed(1)}%` },
        });
    }
    if (id === undefined || date === undefined) continue;
    if (rec.err) facts.objectsWithErrors.add(id);
    const y = ys.find((p) => date >= p.from && date <= p.to);
    if (y) covered.add(`${id}|${y.label}`);
    const phase = phaseOf(rules, date);
    if (!rec.err && sumOk && phase !== undefined) {
      let a = facts.approval.get(id);
      if (!a) facts.approval.set(id, (a = { good: [0, 0, 0, 0], total: [0, 0, 0, 0] } as Approval));
      a.good[phase] += good! + fair!;
      a.total[phase] += total!;
    }
  }
  if (!t) return;
  // Coverage: an evaluation in every calendar year (clipped) that has ended; members from the year
  // they joined.
  const endedYears = ended(ys, asOf);
  for (const [table, keyField] of [
    [ledger.tables.orgs, "orgId"],
    [ledger.tables.members, "memberId"],
  ] as const) {
    for (const rec of recordsOf(table)) {
      const id = str(rec, keyField);
      if (id === undefined) continue;
      const joined = keyField === "memberId" ? num(rec, "joined") : undefined;
      for (const p of endedYears) {
        if (joined !== undefined && joined > p.to) continue;
        if (covered.has(`${id}|${p.label}`)) continue;
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

/** 好评率 of an object in a phase; 0 without votes (§4). */
export function approvalOf(a: Approval | undefined, phase: 1 | 2 | 3): number {
  return a && a.total[phase] > 0 ? a.good[phase] / a.total[phase] : 0;
}
