// Uniqueness (ledger-format.md §2): 单位编号, 单位名称, 组织编号 and 党员编号 within their sheet, and one
// evaluation per object and phase. Every later occurrence is reported, pointing at the first.
import { defineCheck } from "../check";
import type { FindingSink } from "../findings";
import { type IndexedLedger, recordsOf } from "../ledger";
import type { Table } from "../read";
import { LEDGER_SHEETS, fieldName } from "../schema";
import { a1 } from "../grid";
import { matchKey } from "../normalize";
import { cellOf } from "../read";
import { evaluatedObject, evaluationTables, phaseOfRecord } from "./evaluations";
import type { Phase } from "../campaign";

export const uniquenessCheck = defineCheck("unique", ["unique"], (ledger, sink) => {
  for (const def of LEDGER_SHEETS) {
    const t = ledger.tables[def.id];
    if (t) uniqueFields(t, sink);
  }
  for (const [t, kind] of evaluationTables(ledger)) if (t) oneEvaluationPerPhase(ledger, t, kind, sink);
});

/** Fields marked `unique` in the schema; names compare by their match key. */
function uniqueFields(t: Table, sink: FindingSink<"unique">): void {
  const fields = t.def.fields.filter((f) => f.unique && t.cols[f.key] !== undefined);
  const seen = new Map(fields.map((f) => [f.key, new Map<string, number>()]));
  for (const rec of t.records)
    for (const f of fields) {
      const v = rec.v[f.key];
      if (typeof v !== "string") continue;
      const k = f.type === "code" ? v : matchKey(v);
      const first = seen.get(f.key)!;
      const prev = first.get(k);
      if (prev === undefined) first.set(k, rec.row);
      else
        sink.add("unique", t.grid.name, a1(rec.row, t.cols[f.key]), {
          field: f.name,
          value: v,
          object: v,
          row: rec.row,
          params: { other: prev + 1 },
        });
    }
}

function oneEvaluationPerPhase(
  ledger: IndexedLedger,
  t: Table,
  kind: "org" | "member",
  sink: FindingSink<"unique">,
): void {
  const seen = new Map<Phase, Map<string, number>>(); // phase → object → first row
  for (const rec of recordsOf(t)) {
    const id = evaluatedObject(ledger, rec, kind);
    const phase = phaseOfRecord(rec);
    if (id === undefined || phase === undefined) continue;
    let inPhase = seen.get(phase);
    if (inPhase === undefined) seen.set(phase, (inPhase = new Map()));
    const prev = inPhase.get(id);
    if (prev === undefined) inPhase.set(id, rec.row);
    else
      sink.add("unique", t.grid.name, cellOf(t, rec, "object"), {
        object: id,
        row: rec.row,
        field: fieldName(t.def, "object"),
        value: id,
        period: String(phase),
        params: { other: prev + 1 },
      });
  }
}
