// 公开承诺 (ledger-format.md §2.4). Clause: 四、总体安排（一）公开承诺 — 通过新闻媒体、公示栏、明白纸等
//方式公布，作出承诺，接受监督.
import { type Day, toISO } from "../dates";
import { defineCheck } from "../check";
import type { FindingSink } from "../findings";
import { type IndexedLedger, num, recordsOf, str, unread } from "../ledger";
import { type Rec, type Table, cellOf, keyCol } from "../read";
import { COMMITMENTS, MEMBERS, ORGS, fieldName } from "../schema";
import { a1 } from "../grid";
import { resolveSubject } from "./resolve";
import { countedAt } from "../check-date";

const name = (key: string) => fieldName(COMMITMENTS, key);

/** The organisation or member who made the commitment, when it is one. */
export function commitmentSubject(ledger: IndexedLedger, rec: Rec): string | undefined {
  return resolveSubject(ledger, str(rec, "subject"), ["org", "member"]);
}

export const commitmentsCheck = defineCheck(
  "commitments",
  ["too-short", "commitment-overdue", "commitment-missing"],
  (ledger, sink) => {
    const t = ledger.tables.commitments;
    if (!t) return;
    /** Object ID → publication dates of its commitments. */
    const published = new Map<string, Day[]>();
    /** Objects with a commitment whose 公开日期 is not known: their coverage is not judged. */
    const unknown = new Set<string>();
    for (const rec of t.records) {
      const subject = commitmentSubject(ledger, rec);
      checkContent(t, rec, subject, sink);
      // A commitment published after 检查基准日 did not exist yet: not overdue, no coverage (§5.1).
      if (!countedAt(ledger, "commitments", rec)) continue;
      checkOverdue(ledger, t, rec, subject, sink);
      if (subject !== undefined && unread(rec, "published")) unknown.add(subject);
      const pub = num(rec, "published");
      if (subject === undefined || pub === undefined) continue;
      const dates = published.get(subject);
      if (dates) dates.push(pub);
      else published.set(subject, [pub]);
    }
    // Whose commitment a row with an unknown 承诺主体编号 is cannot be known: no coverage is judged.
    if (!t.records.some((rec) => unread(rec, "subject"))) checkCoverage(ledger, published, unknown, sink);
  },
);

function checkContent(t: Table, rec: Rec, object: string | undefined, sink: FindingSink<"too-short">) {
  const content = str(rec, "content");
  if (content !== undefined && [...content].length < 4)
    sink.add("too-short", t.grid.name, cellOf(t, rec, "content"), {
      object,
      row: rec.row,
      field: name("content"),
      value: content,
    });
}

/** Past its 完成时限 at 检查基准日 and not 已完成. */
function checkOverdue(
  ledger: IndexedLedger,
  t: Table,
  rec: Rec,
  subject: string | undefined,
  sink: FindingSink<"commitment-overdue">,
) {
  const deadline = num(rec, "deadline");
  if (deadline === undefined || deadline >= ledger.asOf || str(rec, "state") === "已完成") return;
  if (subject === undefined) return;
  sink.add("commitment-overdue", t.grid.name, cellOf(t, rec, "deadline"), {
    object: subject,
    row: rec.row,
    field: name("deadline"),
    value: toISO(deadline),
  });
}

/**
 * Every organisation and member has a commitment published within 第一时段, or — for members who
 * joined after it — within 新党员承诺期限天数 days of joining.
 */
function checkCoverage(
  ledger: IndexedLedger,
  published: ReadonlyMap<string, readonly Day[]>,
  unknown: ReadonlySet<string>,
  sink: FindingSink<"commitment-missing">,
) {
  const { rules, asOf } = ledger;
  const phase1 = { from: rules.campaignStart, to: rules.phase1End };
  for (const [kind, table] of [
    ["org", ledger.tables.orgs],
    ["member", ledger.tables.members],
  ] as const) {
    const keyField = kind === "org" ? "orgId" : "memberId";
    for (const rec of recordsOf(table)) {
      const id = str(rec, keyField);
      // §1.4: an unreadable 入党日期 or 公开日期 decides nothing.
      if (id === undefined || unknown.has(id) || unread(rec, "joined")) continue;
      const joined = kind === "member" ? num(rec, "joined") : undefined;
      const late = joined !== undefined && joined > rules.phase1End;
      const win = late ? { from: joined, to: joined + rules.newMemberCommitDays } : phase1;
      if (win.to > asOf) continue; // not due yet
      const dates = published.get(id) ?? [];
      if (dates.some((d) => d >= win.from && d <= win.to)) continue;
      sink.add("commitment-missing", table!.grid.name, a1(rec.row, keyCol(table!)), {
        field: fieldName(kind === "org" ? ORGS : MEMBERS, keyField),
        value: id,
        object: id,
        period: "1",
        row: rec.row,
        // The window the commitment was due in: a new member's days after joining, else 第一时段.
        ...(late ? { params: { days: rules.newMemberCommitDays, until: toISO(win.to) } } : {}),
      });
    }
  }
}
