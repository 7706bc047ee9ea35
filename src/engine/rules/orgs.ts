// 基层党组织 (ledger-format.md §2.2). Clause: 三、主要内容 — 分类确定争创载体.
import { type CheckContext, num, recordsOf, str } from "../ledger";
import { cellOf, findingValue, rawOf } from "../read";
import { ORGS, UNITS, TITLE_FOR_CATEGORY, fieldName } from "../schema";
import { matchKey } from "../normalize";

export function checkOrgs({ ledger, sink }: CheckContext): void {
  const t = ledger.tables.orgs;
  if (!t) return;
  const { index } = ledger;
  for (const rec of recordsOf(t)) {
    const id = str(rec, "orgId");
    const unit = str(rec, "unit");
    if (unit !== undefined) {
      const unitId = index.units.has(unit) ? unit : index.unitByName.get(matchKey(unit));
      if (unitId === undefined) {
        if (ledger.tables.units) {
          sink.add("foreign-key", t.grid.name, cellOf(t, rec, "unit"), {
            field: field("unit"),
            value: findingValue(rawOf(t, rec, "unit")),
            object: id,
            row: rec.row,
            params: { expected: UNITS.name },
          });
          rec.err = true;
        }
      } else rec.v.unit = unitId;
    }
    const cat = str(rec, "category");
    const title = str(rec, "title");
    if (cat && title && TITLE_FOR_CATEGORY[cat] !== title) {
      sink.add("category-title", t.grid.name, cellOf(t, rec, "title"), {
        field: field("title"),
        value: title,
        object: id,
        row: rec.row,
        params: { expected: TITLE_FOR_CATEGORY[cat], other: cat },
      });
      rec.err = true;
    }
    const count = num(rec, "memberCount");
    if (count !== undefined && id !== undefined && ledger.tables.members) {
      const actual = index.membersOfOrg.get(id)?.length ?? 0;
      if (actual !== count)
        sink.add("member-count", t.grid.name, cellOf(t, rec, "memberCount"), {
          field: field("memberCount"),
          value: count,
          object: id,
          row: rec.row,
          params: { expected: actual },
        });
    }
  }
}

const field = (key: string) => fieldName(ORGS, key);
