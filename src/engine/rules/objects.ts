// Objects of the campaign: a basic organisation or a member, addressed by ID in 公开承诺, 群众评议 and
// the evaluations. An ID that is both is `ambiguous-id` (ledger-format.md §2.7), at the 党员编号 cell.
import { defineCheck } from "../check";
import { recordsOf, str } from "../ledger";
import { cellOf } from "../read";
import { MEMBERS, fieldName } from "../schema";

export const ambiguousIdCheck = defineCheck("ambiguous-ids", ["ambiguous-id"], (ledger, sink) => {
  const t = ledger.tables.members;
  for (const rec of recordsOf(t)) {
    const id = str(rec, "memberId");
    if (id === undefined || !ledger.index.orgs.has(id)) continue;
    sink.add("ambiguous-id", t!.grid.name, cellOf(t!, rec, "memberId"), {
      field: fieldName(MEMBERS, "memberId"),
      value: id,
      object: id,
      row: rec.row,
    });
  }
});
