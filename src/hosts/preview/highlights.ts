// Highlights: a cell's fill is replaced by a cell style with the highlight colour, and what it had
// before is remembered — in the host and in a very hidden memory sheet, so a reloaded pane can still
// clear highlights made before — and put back exactly by clearHighlights.
import type { SheetModel } from "../../report/sheet-model";
import { throwIfCancelled, type CellRef, type RunOptions } from "../host";
import { progress } from "../common/progress";
import {
  decodeEntries,
  encodeEntries,
  entryKey,
  mergeEntries,
  STORE_HEADER,
  type HighlightEntry,
} from "../common/highlight-store";
import { HIGHLIGHTS_SHEET } from "../common/internal-sheets";
import { patchWorkbook } from "../xlsx/patch";
import { readXlsx } from "../xlsx/read";
import { CellEdits, cellOf } from "./cell-edits";
import { XlsxPackage } from "./package";
import type { PreviewWorkbook } from "./preview-workbook";
import type { CellChange } from "./sheet-cells";
import { HOST_STAGES } from "../../i18n/host";

export async function highlightCells(
  book: PreviewWorkbook,
  refs: CellRef[],
  color: string,
  o: RunOptions = {},
): Promise<void> {
  throwIfCancelled(o.signal);
  const all = mergeEntries(book.memory, readStore(book.current));
  const edits = new CellEdits(book.openPackage());
  const count = fillCells(edits, all, refs, color);
  progress(o, HOST_STAGES.highlight, 0, count);
  if (!count) return;
  const next = withStore(book, edits.save(book.now()), all.values());
  await book.commit(next, o, () => {
    book.memory = all;
    book.view.highlightColor = color;
  });
  progress(o, HOST_STAGES.highlight, count, count);
}

/** Fills the cells not highlighted yet, remembering in `all` what each had; returns how many. */
function fillCells(
  edits: CellEdits,
  all: Map<string, HighlightEntry>,
  refs: CellRef[],
  color: string,
): number {
  let count = 0;
  for (const ref of refs) {
    const { row, col, cell } = cellOf(ref);
    const k = entryKey(ref.sheet, cell);
    if (all.has(k)) continue; // highlighted already: keep its first original fill
    const cells = edits.cells(ref.sheet);
    const st = cells.state(row, col);
    const base = st.style ?? 0;
    const applied = edits.styles.withFill(base, color);
    all.set(k, {
      sheet: ref.sheet,
      cell,
      fill: edits.styles.fill(base),
      style: st.style,
      applied,
      ...(st.exists ? {} : { created: true }),
    });
    cells.set(row, col, { style: applied });
    count++;
  }
  return count;
}

export async function clearHighlights(book: PreviewWorkbook, o: RunOptions = {}): Promise<void> {
  throwIfCancelled(o.signal);
  const stored = readStore(book.current);
  const hasStore = book.sheetNames().some((s) => s.name === HIGHLIGHTS_SHEET);
  const all = mergeEntries(book.memory, stored);
  progress(o, HOST_STAGES.clearHighlights, 0, all.size);
  if (!all.size && !hasStore) return;
  const edits = new CellEdits(book.openPackage());
  restoreCells(edits, all.values());
  const restored = edits.save(book.now());
  const next = hasStore
    ? patchWorkbook(restored, [], { replace: [HIGHLIGHTS_SHEET], now: book.now() })
    : restored;
  await book.commit(next, o, () => (book.memory = new Map()));
  progress(o, HOST_STAGES.clearHighlights, all.size, all.size);
}

function restoreCells(edits: CellEdits, entries: Iterable<HighlightEntry>): void {
  const names = new Set(edits.pkg.sheets.map((s) => s.name));
  for (const e of entries) {
    if (!names.has(e.sheet)) continue; // deleted or renamed since: nothing to restore
    const { row, col } = cellOf(e);
    const cells = edits.cells(e.sheet);
    const style = cells.state(row, col).style;
    cells.set(row, col, restoration(edits, e, style));
  }
}

/** What puts a highlighted cell (now styled `style`) back as it was. */
function restoration(edits: CellEdits, e: HighlightEntry, style: number | null): CellChange {
  if (e.style !== undefined && (e.applied === undefined || style === e.applied))
    return { style: e.style, remove: e.created === true }; // exactly the style it had
  // restyled since (a fix changed its format), or highlighted in Excel: put back the fill only
  return { style: edits.styles.withFillState(style ?? 0, e.fill) };
}

/** The package with the memory sheet rewritten to hold `entries` (and very hidden). */
function withStore(book: PreviewWorkbook, bytes: Uint8Array, entries: Iterable<HighlightEntry>): Uint8Array {
  // patchWorkbook keeps existing style indexes, so the entries' `style`/`applied` stay valid
  const patched = patchWorkbook(bytes, [storeModel(entries)], {
    replace: [HIGHLIGHTS_SHEET],
    now: book.now(),
  });
  const pkg = new XlsxPackage(patched);
  pkg.setSheetState(HIGHLIGHTS_SHEET, "veryHidden");
  return pkg.save(book.now());
}

/** The memory sheet (very hidden), as a SheetModel for patchWorkbook. */
function storeModel(entries: Iterable<HighlightEntry>): SheetModel {
  return {
    name: HIGHLIGHTS_SHEET,
    hidden: true,
    columns: STORE_HEADER.map((header) => ({ header, format: "text" as const })),
    rows: encodeEntries(entries).slice(1),
  };
}

function readStore(bytes: Uint8Array): HighlightEntry[] {
  const wb = readXlsx(bytes, { sheetFilter: (n) => n === HIGHLIGHTS_SHEET });
  const grid = wb.sheets[0];
  return grid ? decodeEntries(grid.rows.map((r) => r ?? [])) : [];
}
