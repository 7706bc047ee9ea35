// 推荐理由 of the signed 表彰名单 (ledger-format.md §6.1): official prose, no scores — the two
// strongest criteria (`在带头学习提高、带头争创佳绩方面表现突出`), then one sentence of the phase's
// 领导点评 肯定成绩 for the object where there is one.
import { phaseWindow } from "../engine/campaign";
import type { Commendation } from "../engine/commend";
import { type Ledger, derivedOnce, num, recordsOf, str } from "../engine/ledger";
import { reviewTargets } from "../engine/rules/reviews";
import { MEMBER_CRITERIA, ORG_CRITERIA } from "../engine/schema";
import type { Score } from "../engine/score";

/** The two strongest criteria of a score, in schema order where points are equal. */
export function strongestCriteria(s: Score): string[] {
  const names = s.kind === "organization" ? ORG_CRITERIA : MEMBER_CRITERIA;
  return names
    .map((n, i) => ({ n, p: s.points[i], i }))
    .sort((a, b) => b.p - a.p || a.i - b.i)
    .slice(0, 2)
    .map((x) => x.n);
}

/** The first sentence of a text, ending in `。` (a `；` or a line break also ends it). */
export function firstSentence(text: string): string {
  const t = text.replace(/\s+/g, "");
  const m = /^(.+?)(?:[。；;！!]|$)/.exec(t);
  const s = (m ? m[1] : t).replace(/[，,、：:]+$/, "");
  return s ? `${s}。` : "";
}

/**
 * The 肯定成绩 of the latest review of the object (an organisation, or a unit for 区委 reviews) dated
 * inside the phase and by 检查基准日; undefined when there is none.
 */
export function reviewStrength(
  ledger: Ledger,
  id: string,
  c: Pick<Commendation, "phase">,
): string | undefined {
  const { from, to } = phaseWindow(ledger.rules, c.phase);
  const last = Math.min(to, ledger.asOf);
  let best: { date: number; text: string } | undefined;
  for (const r of reviewsByTarget(ledger).get(id) ?? []) {
    if (r.date < from || r.date > last) continue;
    if (!best || r.date >= best.date) best = r;
  }
  return best && firstSentence(best.text);
}

/**
 * Dated reviews with 肯定成绩 by the object they name, in sheet order: built once per ledger, not
 * scanned again for every entry of the list (issue 12: 0.5 s on the district sample).
 */
const reviewsByTarget = derivedOnce((ledger) => {
  const by = new Map<string, { date: number; text: string }[]>();
  for (const rec of recordsOf(ledger.tables.reviews)) {
    const date = num(rec, "date");
    const text = str(rec, "strengths");
    if (date === undefined || text === undefined) continue;
    for (const id of new Set(reviewTargets(ledger, rec).map((t) => t.id))) {
      if (id === undefined) continue;
      const list = by.get(id);
      if (list) list.push({ date, text });
      else by.set(id, [{ date, text }]);
    }
  }
  return by;
});

/** 推荐理由 of an entry of the signed list. */
export function recommendation(ledger: Ledger, c: Commendation): string {
  const lead =
    c.kind === "unit"
      ? "实施方案按时报送，区委半年点评齐全，所属基层党组织考评成绩优良。"
      : c.score
        ? `在${strongestCriteria(c.score).join("、")}方面表现突出。`
        : "";
  return lead + (reviewStrength(ledger, c.id, c) ?? "");
}
