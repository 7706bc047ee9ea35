// The browser-preview host: LedgerHost over an .xlsx held in memory (no Excel). Reads with the fast
// reader, writes result sheets by patching the package (patchWorkbook), and edits cells in place —
// highlights and fixes change only the touched cells' XML and append styles, so everything else in
// the clerk's file (charts, comments, formulas, unknown parts) is kept byte for byte. No ExcelJS.
//
// The steps live beside this file: preview-workbook.ts (the bytes, commits, view state and
// listeners), workbook-io.ts (reading, writing result sheets), highlights.ts (highlights and their
// memory), fixes.ts, view.ts (selection), cell-edits.ts (in-place cell edits).
import type { HostCapabilities, LedgerHost, RunOptions } from "../host";
import { applyFixes } from "./fixes";
import { clearHighlights, highlightCells } from "./highlights";
import { PreviewWorkbook, type PreviewHostOptions, type PreviewView } from "./preview-workbook";
import { activateSheet, selectCell } from "./view";
import { missingModels, readWorkbook, writeSheets } from "./workbook-io";
import { HOST_NOTES } from "../../i18n/host";

export type { PreviewHostOptions, PreviewView };

export interface PreviewHost extends LedgerHost {
  /** The workbook as it is now (for 下载结果工作簿). */
  bytes(): Uint8Array;
  /** Same as bytes() (the name the pane's session uses). */
  toBytes(): Uint8Array;
  view(): PreviewView;
  /** Called after every change of the workbook or the view; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** The clock of the zip entries it writes. */
  now(): Date;
  /**
   * The workbook becomes `next`, written elsewhere from this workbook's bytes (考评 in the check
   * worker): as after writeSheets, and nothing changes when the run was cancelled.
   */
  adopt(next: Uint8Array, o?: RunOptions): Promise<void>;
}

/** What the preview can do (a new object each time: the caller may keep it). */
const capabilities = (): HostCapabilities => ({
  kind: "preview",
  tables: true,
  conditionalFormats: true,
  hyperlinks: true,
  dataValidation: false,
  notes: [HOST_NOTES.preview],
});

export function createPreviewHost(initial: Uint8Array, opts: PreviewHostOptions = {}): PreviewHost {
  const book = new PreviewWorkbook(initial, opts);
  const host: PreviewHost = {
    bytes: () => book.current,
    toBytes: () => book.current,
    view: () => ({ ...book.view, highlights: [...book.view.highlights] }),
    subscribe: (listener) => book.subscribe(listener),
    capabilities: async () => capabilities(),
    readWorkbook: (o) => readWorkbook(book, o),
    writeSheets: (models, o) => writeSheets(book, models, o),
    now: () => book.now(),
    adopt: (next, o) => book.commit(next, o),
    async addMissingSheets(models, o = {}) {
      const absent = missingModels(book, models);
      if (absent.length) await host.writeSheets(absent, { ...o, replace: [] });
      return absent.map((m) => m.name);
    },
    selectCell: async (ref) => selectCell(book, ref),
    activateSheet: async (name) => activateSheet(book, name),
    highlightCells: (refs, color, o) => highlightCells(book, refs, color, o),
    clearHighlights: (o) => clearHighlights(book, o),
    applyFixes: (fixes, o) => applyFixes(book, fixes, o),
  };
  return host;
}
