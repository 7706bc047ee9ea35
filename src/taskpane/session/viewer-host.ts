// Browser preview: selecting a cell or activating a sheet also shows it in the read-only grid.
import type { LedgerHost } from "../../hosts/host";

export function withViewer(h: LedgerHost, onShow: (sheet: string, cell?: string) => void): LedgerHost {
  return {
    capabilities: () => h.capabilities(),
    readWorkbook: (o) => h.readWorkbook(o),
    writeSheets: (m, o) => h.writeSheets(m, o),
    addMissingSheets: (m, o) => h.addMissingSheets(m, o),
    highlightCells: (r, c, o) => h.highlightCells(r, c, o),
    clearHighlights: (o) => h.clearHighlights(o),
    applyFixes: (f, o) => h.applyFixes(f, o),
    selectCell: async (ref) => {
      await h.selectCell(ref);
      onShow(ref.sheet, ref.cell);
    },
    activateSheet: async (name) => {
      await h.activateSheet(name);
      onShow(name);
    },
  };
}
