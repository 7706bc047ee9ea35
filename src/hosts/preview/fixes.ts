// Fixes the clerk confirmed: each writes one cell's value in place, with a number format that shows
// it (a number is not left in a text cell; a date gets a date format unless it has one).
import { fromSerial1900, isoToSerial } from "../../engine/dates";
import { throwIfCancelled, type CellFix, type RunOptions } from "../host";
import { progress } from "../common/progress";
import { DATE_FORMAT, GENERAL_FORMAT, isDateFormat, TEXT_FORMAT } from "../common/cell-format";
import { hostErrors } from "../common/errors";
import { CellEdits, cellOf } from "./cell-edits";
import type { PreviewWorkbook } from "./preview-workbook";
import type { CellChange } from "./sheet-cells";
import { HOST_STAGES } from "../../i18n/host";

export async function applyFixes(book: PreviewWorkbook, fixes: CellFix[], o: RunOptions = {}): Promise<void> {
  throwIfCancelled(o.signal);
  if (!fixes.length) return;
  const edits = new CellEdits(book.openPackage());
  progress(o, HOST_STAGES.applyFixes, 0, fixes.length);
  for (const f of fixes) applyFix(edits, f);
  await book.commit(edits.save(book.now()), o);
  progress(o, HOST_STAGES.applyFixes, fixes.length, fixes.length);
}

function applyFix(edits: CellEdits, f: CellFix): void {
  const { row, col, cell } = cellOf(f);
  const cells = edits.cells(f.sheet);
  const st = cells.state(row, col);
  if (st.sharedMaster) throw hostErrors.sharedFormula(f.sheet, cell);
  if (st.formula) edits.formulaReplaced = true;
  cells.set(row, col, fixChange(edits, f, st.style ?? 0));
}

/** The value a fix writes, and the style that shows it (based on the cell's style `base`). */
function fixChange(edits: CellEdits, f: CellFix, base: number): CellChange {
  const fmt = edits.styles.numFmt(base);
  if (f.kind === "text") return { value: { kind: "text", text: String(f.value) } };
  if (f.kind === "number") {
    const n = Number(f.value);
    if (!Number.isFinite(n)) throw hostErrors.notNumber(f.value);
    return {
      value: { kind: "number", n },
      ...(fmt === TEXT_FORMAT ? { style: edits.styles.withNumFmt(base, GENERAL_FORMAT) } : {}),
    };
  }
  const date1904 = edits.pkg.date1904;
  const serial =
    typeof f.value === "number" ? fromSerial1900(f.value, date1904) : isoToSerial(f.value, date1904);
  if (!(serial >= 0) || !Number.isFinite(serial)) throw hostErrors.badDate(f.value);
  return {
    value: { kind: "number", n: serial },
    ...(isDateFormat(fmt) ? {} : { style: edits.styles.withNumFmt(base, DATE_FORMAT) }),
  };
}
