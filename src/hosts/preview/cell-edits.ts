// In-place cell edits of one package: a cell editor per touched sheet and one styles editor, written
// back together (only the touched parts change).
import { parseA1 } from "../../engine/grid";
import type { CellRef } from "../host";
import { hostErrors } from "../common/errors";
import type { XlsxPackage } from "./package";
import { SheetCells } from "./sheet-cells";
import { StylesEditor } from "./styles-edit";

/** A reference's row and column, and its address without `$`s, in upper case. */
export function cellOf(ref: CellRef): { row: number; col: number; cell: string } {
  const cell = ref.cell.toUpperCase().replace(/\$/g, "");
  try {
    return { ...parseA1(cell), cell };
  } catch {
    throw hostErrors.badCell(ref.cell);
  }
}

export class CellEdits {
  private sheets = new Map<string, SheetCells>();
  readonly styles: StylesEditor;
  /** A formula was replaced by a value: the calculation chain must go. */
  formulaReplaced = false;

  constructor(readonly pkg: XlsxPackage) {
    this.styles = new StylesEditor(pkg.text(pkg.stylesPart!)!);
  }

  cells(sheet: string): SheetCells {
    let c = this.sheets.get(sheet);
    if (!c) {
      const part = this.pkg.sheet(sheet);
      if (!part) throw hostErrors.sheetMissing(sheet);
      c = new SheetCells(this.pkg.text(part.part)!);
      this.sheets.set(sheet, c);
    }
    return c;
  }

  save(now: Date): Uint8Array {
    for (const [sheet, cells] of this.sheets) this.pkg.setText(this.pkg.sheet(sheet)!.part, cells.toXml());
    this.pkg.setText(this.pkg.stylesPart!, this.styles.toXml());
    if (this.formulaReplaced) this.pkg.dropCalcChain();
    return this.pkg.save(now);
  }
}
