// What every submission of a compilation is checked against (ledger-format.md §8): one 检查基准日,
// one set of rules and the district's unit list — from the `--units` workbook when one is given.
import { resolveAsOf } from "../campaign";
import { todayDay } from "../dates";
import { FindingSink } from "../findings";
import { readOneTable } from "../read";
import { str } from "../ledger";
import type { CompileOptions, District, DistrictUnit } from "./types";
import { findRuleSheet, readRuleSheet } from "../rule-sheet";

/**
 * The district: rules from the units workbook's `评分规则` (else the defaults), 检查基准日 from
 * `asOf`, else that sheet, else today. A unit's own `评分规则` does not apply in a compilation, so
 * every unit is judged on the same day by the same rules.
 */
export function openDistrict(opts: CompileOptions = {}): District {
  const sink = new FindingSink();
  const wb = opts.units;
  const { rules, broken } = readRuleSheet(wb && findRuleSheet(wb.sheets), wb?.date1904 ?? false, sink);
  const asOf = resolveAsOf(rules, opts.asOf, opts.today ?? todayDay());
  if (!wb) return { asOf, rules, brokenRules: broken, findings: sink.items };
  return { asOf, rules, brokenRules: broken, units: unitList(wb, sink), findings: sink.items };
}

/**
 * The units of the workbook's 党（工）委 sheet (first occurrence of an ID wins). Without that sheet
 * the list is empty and the reader's `missing-sheet` finding for it is kept.
 */
function unitList(wb: NonNullable<CompileOptions["units"]>, sink: FindingSink): DistrictUnit[] {
  const reading = new FindingSink();
  const t = readOneTable(wb, "units", reading); // only this sheet: the workbook may be a whole ledger
  if (!t) {
    sink.items.push(...reading.items.filter((f) => f.code === "missing-sheet"));
    return [];
  }
  const out = new Map<string, DistrictUnit>();
  for (const rec of t.records) {
    const id = str(rec, "unitId");
    const name = str(rec, "unitName");
    if (id !== undefined && !out.has(id)) out.set(id, name !== undefined ? { id, name } : { id });
  }
  return [...out.values()];
}
