// The pane's selection: which sheet is active and which cell is selected (the grid scrolls to it).
import type { CellRef } from "../host";
import { cellOf } from "./cell-edits";
import type { PreviewWorkbook } from "./preview-workbook";

export function selectCell(book: PreviewWorkbook, ref: CellRef): void {
  const { cell } = cellOf(ref);
  book.checkVisible(ref.sheet);
  book.view.activeSheet = ref.sheet;
  book.view.selection = { sheet: ref.sheet, cell };
  book.notify();
}

export function activateSheet(book: PreviewWorkbook, name: string): void {
  book.checkVisible(name);
  book.view.activeSheet = name;
  book.view.selection = undefined;
  book.notify();
}
