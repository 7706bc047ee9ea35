// Sheets the hosts create for their own bookkeeping; never shown to the engine as ledger sheets.
// Pure (shared with the preview host).

/** Very hidden sheet holding the original fills of highlighted cells (survives a pane reload). */
export const HIGHLIGHTS_SHEET = "_PL_highlights";
/** Result sheets are written under these names first, then renamed. */
export const TEMP_SHEET_PREFIX = "_PL_tmp_";

export function isInternalSheet(name: string): boolean {
  return name === HIGHLIGHTS_SHEET || name.startsWith(TEMP_SHEET_PREFIX);
}
