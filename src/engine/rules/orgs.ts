// 基层党组织 (ledger-format.md §2.2). Clause: 三、主要内容 — 分类确定争创载体; and 党员人数 agrees with
// the 党员 sheet.
import { defineCheck } from "../check";
import { num, recordsOf, str, unread } from "../ledger";
import { cellOf } from "../read";
import { ORGS, TITLE_FOR_CATEGORY, fieldName } from "../schema";

const field = (key: string) => fieldName(ORGS, key);

export const orgCheck = defineCheck("orgs", ["category-title", "member-count"], (ledger, sink) => {
  const t = ledger.tables.orgs;
  // A member whose 所在党组织 is not known could be in any organisation: counts are not compared (§1.4).
  const orgsUnknown = recordsOf(ledger.tables.members).some((m) => unread(m, "org"));
  for (const rec of recordsOf(t)) {
    const sheet = t!.grid.name;
    const id = str(rec, "orgId");
    const cat = str(rec, "category");
    const title = str(rec, "title");
    if (cat && title && TITLE_FOR_CATEGORY[cat] !== title)
      sink.add("category-title", sheet, cellOf(t!, rec, "title"), {
        field: field("title"),
        value: title,
        object: id,
        row: rec.row,
        params: { expected: TITLE_FOR_CATEGORY[cat], other: cat },
      });
    const count = num(rec, "memberCount");
    if (count === undefined || id === undefined || !ledger.tables.members || orgsUnknown) continue;
    const actual = ledger.index.membersOfOrg.get(id)?.length ?? 0;
    if (actual !== count)
      sink.add("member-count", sheet, cellOf(t!, rec, "memberCount"), {
        field: field("memberCount"),
        value: count,
        object: id,
        row: rec.row,
        params: { expected: actual },
      });
  }
});
