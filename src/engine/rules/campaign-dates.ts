// Dates inside the campaign (ledger-format.md §2.4–§2.6). Clause: 四、总体安排 — 从2010年5月开始，到党的
// 十八大召开前结束: a commitment published, a review held or a vote taken outside it is a mistake.
import { toISO } from "../dates";
import { insideCampaign } from "../campaign";
import { defineCheck } from "../check";
import { type IndexedLedger, num, recordsOf, str } from "../ledger";
import { type Rec, type Table, cellOf } from "../read";
import { fieldName } from "../schema";
import { resolveSubject } from "./resolve";

/** Sheet → its date field and the object a finding names (votes name theirs; the others none). */
const DATED: readonly {
  table: (l: IndexedLedger) => Table | undefined;
  field: string;
  object?: (l: IndexedLedger, rec: Rec) => string | undefined;
}[] = [
  { table: (l) => l.tables.commitments, field: "published" },
  { table: (l) => l.tables.reviews, field: "date" },
  {
    table: (l) => l.tables.votes,
    field: "date",
    object: (l, rec) => resolveSubject(l, str(rec, "object"), ["org", "member"]),
  },
];

export const campaignDatesCheck = defineCheck("campaign-dates", ["date-outside-campaign"], (ledger, sink) => {
  const { rules } = ledger;
  for (const { table, field, object } of DATED) {
    const t = table(ledger);
    for (const rec of recordsOf(t)) {
      const d = num(rec, field);
      if (d === undefined || insideCampaign(rules, d)) continue;
      sink.add("date-outside-campaign", t!.grid.name, cellOf(t!, rec, field), {
        field: fieldName(t!.def, field),
        value: toISO(d),
        object: object?.(ledger, rec),
        row: rec.row,
        params: { expected: `${toISO(rules.campaignStart)}至${toISO(rules.phase3End)}` },
      });
    }
  }
});
