// Cell values (ledger-format.md §1.2, §2 必填列/枚举值/取值范围): the cells the reader could not read as
// written or read with a fix (remembered on each record), and the cells a row requires because of
// another of its cells — 完成日期 once 已完成, 点评单位 by review level.
import { defineCheck } from "../check";
import type { FindingSink } from "../findings";
import { type IndexedLedger, num, recordsOf, str, unread } from "../ledger";
import { type CellCode, CELL_CODES, type Table, cellOf, rawOf } from "../read";
import { COMMITMENTS, LEDGER_SHEETS, REVIEWS, type SheetDef, fieldName } from "../schema";
import { a1 } from "../grid";
import { commitmentSubject } from "./commitments";
import { DISTRICT } from "./reviews";

type Sink = FindingSink<CellCode>;

export const cellValuesCheck = defineCheck("cell-values", CELL_CODES, (ledger, sink) => {
  for (const def of LEDGER_SHEETS) {
    const t = ledger.tables[def.id];
    if (t) reportCellProblems(t, sink);
  }
  requireCompletionDate(ledger, sink);
  checkReviewer(ledger, sink);
});

/** The field naming a row's object: its own ID, or the ID the row is about. */
function objectField(def: SheetDef): string | undefined {
  return def.keyField ?? def.fields.find((f) => f.key === "subject" || f.key === "object")?.key;
}

function reportCellProblems(t: Table, sink: Sink): void {
  const objectKey = objectField(t.def);
  for (const rec of t.records) {
    if (!rec.cells) continue;
    // The object as written: a cell problem is reported whether or not the ID is known.
    const object = objectKey !== undefined ? str(rec, objectKey) : undefined;
    for (const p of rec.cells)
      sink.add(p.code, t.grid.name, a1(rec.row, p.col), {
        field: p.field,
        row: rec.row,
        value: p.value,
        object,
        fix: p.fix,
        params: p.params,
      });
  }
}

/** A commitment marked 已完成 needs its 完成日期 (when the column is there and the cell is empty). */
function requireCompletionDate(ledger: IndexedLedger, sink: Sink): void {
  const t = ledger.tables.commitments;
  if (t?.cols.done === undefined) return;
  for (const rec of t.records) {
    if (str(rec, "state") !== "已完成" || num(rec, "done") !== undefined || unread(rec, "done")) continue;
    if (rawOf(t, rec, "done") !== null) continue; // not empty: a type-date problem if anything
    sink.add("required", t.grid.name, cellOf(t, rec, "done"), {
      object: commitmentSubject(ledger, rec),
      row: rec.row,
      field: fieldName(COMMITMENTS, "done"),
      value: null,
    });
  }
}

/** 点评单位: 区委 (or blank) for a 区委 review; required for a 党（工）委 review. */
function checkReviewer(ledger: IndexedLedger, sink: Sink): void {
  const t = ledger.tables.reviews;
  for (const rec of recordsOf(t)) {
    const level = str(rec, "level");
    const reviewer = str(rec, "reviewer");
    const at = { field: fieldName(REVIEWS, "reviewer"), row: rec.row };
    if (level === DISTRICT) {
      if (reviewer !== undefined && reviewer !== DISTRICT)
        sink.add("enum", t!.grid.name, cellOf(t!, rec, "reviewer"), {
          ...at,
          value: reviewer,
          params: { expected: "区委（或留空）" },
        });
    } else if (
      level !== undefined &&
      reviewer === undefined &&
      t!.cols.reviewer !== undefined &&
      !unread(rec, "reviewer")
    )
      sink.add("required", t!.grid.name, cellOf(t!, rec, "reviewer"), { ...at, value: null });
  }
}
