// Objects of the campaign: a basic organisation or a member, addressed by ID in 公开承诺, 群众评议 and
// the evaluations. An ID that is both is `ambiguous-id` (ledger-format.md §2.7), at the 党员编号 cell.
import { type CheckContext, recordsOf, str } from "../ledger";
import { cellOf } from "../read";
import { MEMBERS, fieldName } from "../schema";

export type ObjectKind = "org" | "member";

export function objectKind(ctx: CheckContext, id: string): ObjectKind | undefined {
  const { index } = ctx.ledger;
  return index.orgs.has(id) ? "org" : index.members.has(id) ? "member" : undefined;
}

export function checkAmbiguousIds({ ledger, sink }: CheckContext): void {
  const t = ledger.tables.members;
  if (!t) return;
  for (const rec of recordsOf(t)) {
    const id = str(rec, "memberId");
    if (id === undefined || !ledger.index.orgs.has(id)) continue;
    sink.add("ambiguous-id", t.grid.name, cellOf(t, rec, "memberId"), {
      field: fieldName(MEMBERS, "memberId"),
      value: id,
      object: id,
      row: rec.row,
    });
    rec.err = true;
    ledger.index.orgs.get(id)!.err = true;
  }
}
