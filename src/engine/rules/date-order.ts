// Dates that must come in order (ledger-format.md §2.3, §2.4): 入党日期 between the 18th birthday and
// 检查基准日; a commitment's 完成时限 and 完成日期 not before its 公开日期. Reported at the date that
// should be the later one.
import { addYears, toISO } from "../dates";
import { defineCheck } from "../check";
import type { FindingSink } from "../findings";
import { type IndexedLedger, num, recordsOf, str } from "../ledger";
import { type Rec, type Table, cellOf } from "../read";
import { fieldName } from "../schema";
import { commitmentSubject } from "./commitments";
import { birthOf } from "./members";

export const dateOrderCheck = defineCheck("date-order", ["date-order"], (ledger, sink) => {
  const members = ledger.tables.members;
  for (const rec of recordsOf(members)) checkJoined(ledger, members!, rec, sink);
  const commitments = ledger.tables.commitments;
  for (const rec of recordsOf(commitments)) checkCommitmentDates(ledger, commitments!, rec, sink);
});

function checkJoined(ledger: IndexedLedger, t: Table, rec: Rec, sink: FindingSink<"date-order">) {
  const joined = num(rec, "joined");
  if (joined === undefined) return;
  const birth = birthOf(rec);
  const problem =
    birth !== undefined && joined < addYears(birth, 18)
      ? `不早于年满18周岁之日（${toISO(addYears(birth, 18))}）`
      : joined > ledger.asOf
        ? `不晚于检查基准日（${toISO(ledger.asOf)}）`
        : undefined;
  if (problem)
    sink.add("date-order", t.grid.name, cellOf(t, rec, "joined"), {
      field: fieldName(t.def, "joined"),
      value: toISO(joined),
      object: str(rec, "memberId"),
      row: rec.row,
      params: { expected: problem },
    });
}

function checkCommitmentDates(ledger: IndexedLedger, t: Table, rec: Rec, sink: FindingSink<"date-order">) {
  const pub = num(rec, "published");
  if (pub === undefined) return;
  for (const key of ["deadline", "done"]) {
    const d = num(rec, key);
    if (d !== undefined && d < pub)
      sink.add("date-order", t.grid.name, cellOf(t, rec, key), {
        object: commitmentSubject(ledger, rec),
        row: rec.row,
        field: fieldName(t.def, key),
        value: toISO(d),
        params: { expected: `不早于公开日期（${toISO(pub)}）` },
      });
  }
}
