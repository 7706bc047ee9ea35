// 党（工）委 (ledger-format.md §2.1). Clause: 五、组织领导 — 实施方案要及时报区委领导小组.
import { toISO } from "../dates";
import { defineCheck } from "../check";
import { num, str } from "../ledger";
import { cellOf, rawOf, findingValue } from "../read";

export const planDeadlineCheck = defineCheck("plan-deadline", ["plan-late"], (ledger, sink) => {
  const t = ledger.tables.units;
  if (!t || t.cols.planDate === undefined) return; // optional column absent: reported as info
  const deadline = ledger.rules.planDeadline;
  for (const rec of t.records) {
    const d = num(rec, "planDate");
    const late =
      d === undefined ? ledger.asOf > deadline && rawOf(t, rec, "planDate") === null : d > deadline;
    if (!late) continue;
    sink.add("plan-late", t.grid.name, cellOf(t, rec, "planDate"), {
      field: "实施方案报送日期",
      value: d === undefined ? "未填写" : findingValue(toISO(d)),
      object: str(rec, "unitId"),
      row: rec.row,
      params: d === undefined ? { expected: toISO(deadline), undated: 1 } : { expected: toISO(deadline) },
    });
  }
});
