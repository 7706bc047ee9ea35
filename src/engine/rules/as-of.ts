// Records dated after 检查基准日 (ledger-format.md §5.1): they did not exist yet on that day, so
// scores, 好评率, coverage and lists leave them out (check-date.ts says which date counts per sheet).
// The clerk is told once per sheet how many were left out, at the first of them.
import { countedAt, RECORD_DATE_FIELD } from "../check-date";
import { defineCheck } from "../check";
import { toISO } from "../dates";
import { recordsOf } from "../ledger";
import { cellOf } from "../read";
import { type SheetId, fieldName } from "../schema";

export const afterAsOfCheck = defineCheck("after-as-of", ["after-as-of"], (ledger, sink) => {
  for (const [sheet, field] of Object.entries(RECORD_DATE_FIELD) as [SheetId, string][]) {
    const t = ledger.tables[sheet];
    const later = recordsOf(t).filter((rec) => !countedAt(ledger, sheet, rec));
    if (!t || !later.length) continue;
    sink.add("after-as-of", t.grid.name, cellOf(t, later[0], field), {
      field: fieldName(t.def, field),
      value: later.length,
      row: later[0].row,
      params: { n: later.length, expected: toISO(ledger.asOf) },
    });
  }
});
