// 公开承诺 (ledger-format.md §2.4). Clause: 四、总体安排（一）公开承诺 — 通过新闻媒体、公示栏、明白纸等
//方式公布，作出承诺，接受监督.
import { type Day, toISO } from "../dates";
import { type CheckContext, num, recordsOf, str } from "../ledger";
import { cellOf, keyCol, rawOf } from "../read";
import { COMMITMENTS, MEMBERS, ORGS, fieldName } from "../schema";
import { a1 } from "../grid";
import { checkInsideCampaign, subjectFk } from "./common";

const name = (key: string) => fieldName(COMMITMENTS, key);

export function checkCommitments(ctx: CheckContext): void {
  const { ledger, sink } = ctx;
  const t = ledger.tables.commitments;
  if (!t) return;
  const sheet = t.grid.name;
  const { rules, asOf, facts } = ledger;
  /** Object ID → publication dates of its commitments. */
  const published = new Map<string, Day[]>();
  for (const rec of recordsOf(t)) {
    const subject = subjectFk(ctx, t, rec, "subject", ["org", "member"]);
    const content = str(rec, "content");
    const at = { object: subject, row: rec.row };
    if (content !== undefined && [...content].length < 4)
      sink.add("too-short", sheet, cellOf(t, rec, "content"), {
        ...at,
        field: name("content"),
        value: content,
      });
    const pub = num(rec, "published");
    if (pub !== undefined && !checkInsideCampaign(ctx, t, rec, "published")) rec.err = true;
    const deadline = num(rec, "deadline");
    if (pub !== undefined && deadline !== undefined && deadline < pub) {
      sink.add("date-order", sheet, cellOf(t, rec, "deadline"), {
        ...at,
        field: name("deadline"),
        value: toISO(deadline),
        params: { expected: `不早于公开日期 ${toISO(pub)}` },
      });
      rec.err = true;
    }
    const state = str(rec, "state");
    const done = num(rec, "done");
    if (
      state === "已完成" &&
      done === undefined &&
      t.cols.done !== undefined &&
      rawOf(t, rec, "done") === null
    ) {
      sink.add("required", sheet, cellOf(t, rec, "done"), { ...at, field: name("done"), value: null });
      rec.err = true;
    }
    if (pub !== undefined && done !== undefined && done < pub) {
      sink.add("date-order", sheet, cellOf(t, rec, "done"), {
        ...at,
        field: name("done"),
        value: toISO(done),
        params: { expected: `不早于公开日期 ${toISO(pub)}` },
      });
      rec.err = true;
    }
    if (deadline !== undefined && deadline < asOf && state !== "已完成" && subject !== undefined) {
      sink.add("commitment-overdue", sheet, cellOf(t, rec, "deadline"), {
        ...at,
        field: name("deadline"),
        value: toISO(deadline),
      });
      const list = facts.overdue.get(subject) ?? [];
      list.push(deadline);
      facts.overdue.set(subject, list);
    }
    if (subject !== undefined && pub !== undefined) {
      const list = published.get(subject) ?? [];
      list.push(pub);
      published.set(subject, list);
    }
    if (rec.err && subject) facts.objectsWithErrors.add(subject);
  }
  // Coverage: every organisation and member has a commitment published within 第一时段, or — for
  // members who joined after it — within 新党员承诺期限天数 days of joining.
  const phase1 = { from: rules.campaignStart, to: rules.phase1End };
  for (const [kind, table] of [
    ["org", ledger.tables.orgs],
    ["member", ledger.tables.members],
  ] as const) {
    if (!table) continue;
    const keyField = kind === "org" ? "orgId" : "memberId";
    for (const rec of table.records) {
      const id = str(rec, keyField);
      if (id === undefined) continue;
      const joined = kind === "member" ? num(rec, "joined") : undefined;
      const late = joined !== undefined && joined > rules.phase1End;
      const win = late ? { from: joined, to: joined + rules.newMemberCommitDays } : phase1;
      if (win.to > asOf) continue; // not due yet
      const dates = published.get(id) ?? [];
      if (dates.some((d) => d >= win.from && d <= win.to)) continue;
      sink.add("commitment-missing", table.grid.name, a1(rec.row, keyCol(table)), {
        field: fieldName(kind === "org" ? ORGS : MEMBERS, keyField),
        value: id,
        object: id,
        period: "1",
        row: rec.row,
        params: {
          when: late ? `入党后 ${rules.newMemberCommitDays} 天内（至 ${toISO(win.to)}）` : "第一时段",
          whenEn: late ? `the ${rules.newMemberCommitDays} days after joining` : "phase 1",
        },
      });
    }
  }
}
