// What 检查基准日 allows (ledger-format.md §5.1): a record dated after it did not exist yet on that
// day, a phase that has not begun by it has no scores and no lists, and the lists of a phase whose
// decision date (§7) is after it are provisional (拟推荐).
import { type Phase, type Rules, PHASES, decisionDate, phaseWindow } from "./campaign";
import type { Day } from "./dates";
import { type IndexedLedger, num } from "./ledger";
import type { Rec } from "./read";
import type { SheetId } from "./schema";

/**
 * The date that says when a record came to exist, per sheet: the day of the evaluation, the vote or
 * the review, and a commitment's 公开日期 (its 完成日期 is progress on a commitment that existed).
 */
export const RECORD_DATE_FIELD: Partial<Record<SheetId, string>> = {
  orgEvals: "date",
  memberEvals: "date",
  votes: "date",
  reviews: "date",
  commitments: "published",
};

/** A record counts at the check date unless its date is after it (a record on that day counts). */
export function existedBy(asOf: Day, day: Day | undefined): boolean {
  return day === undefined || day <= asOf;
}

/** The record of sheet `sheet` counts in scores, approval, coverage and lists at 检查基准日. */
export function countedAt(ledger: Pick<IndexedLedger, "asOf">, sheet: SheetId, rec: Rec): boolean {
  const field = RECORD_DATE_FIELD[sheet];
  return field === undefined || existedBy(ledger.asOf, num(rec, field));
}

/** A phase has begun when its window's first day is on or before 检查基准日. */
export function phaseBegun(rules: Rules, asOf: Day, phase: Phase): boolean {
  return phaseWindow(rules, phase).from <= asOf;
}

/** The phases that have begun by 检查基准日: only they are scored and get lists. */
export function begunPhases(rules: Rules, asOf: Day): Phase[] {
  return PHASES.filter((p) => phaseBegun(rules, asOf, p));
}

/** Begun phases whose decision date is after 检查基准日: their lists are provisional (拟推荐). */
export function provisionalPhases(rules: Rules, asOf: Day): Phase[] {
  return begunPhases(rules, asOf).filter((p) => decisionDate(rules, p) > asOf);
}
