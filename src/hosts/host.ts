// The host contract: what the task pane (and the ribbon commands) need from a workbook, whatever
// holds it — Excel through Office.js, or an .xlsx in memory in browser preview. One contract test
// suite runs against every implementation so the hosts cannot drift apart.
import type { Workbook } from "../engine/grid";
import type { SheetModel } from "../report/sheet-model";
import type { Text } from "../i18n/text";

export interface HostProgress {
  /** The stage shown in the pane, e.g. `读取 党员`, `写入 考评结果-党员` (src/i18n/host.ts). */
  stage: Text;
  done: number;
  total: number;
}

export interface RunOptions {
  onProgress?: (p: HostProgress) => void;
  /** Cancelling leaves the workbook as it was before the run. */
  signal?: AbortSignal;
  /**
   * What a run that succeeded could not do (a result sheet's drop-downs, a formula cell left as it
   * was): shown to the clerk after the run, never an error.
   */
  onNote?: (note: HostNote) => void;
}

/** A note the pane shows in the clerk's language (src/i18n/host.ts). */
export type HostNote = Text;

export interface HostCapabilities {
  kind: "excel" | "preview";
  tables: boolean;
  conditionalFormats: boolean;
  hyperlinks: boolean;
  dataValidation: boolean;
  /** Visible notes about what is degraded on this host, e.g. `此版本 Excel 不支持超链接`. */
  notes: HostNote[];
}

export interface CellRef {
  sheet: string;
  /** A1 address. */
  cell: string;
}

export interface CellFix extends CellRef {
  /** The normalised value (a finding's `fix`). Dates are ISO strings written as date serials. */
  value: string | number;
  kind: "text" | "number" | "date";
}

export interface LedgerHost {
  capabilities(): Promise<HostCapabilities>;
  /** Every sheet as a Grid (values and number formats), the date system and defined names. */
  readWorkbook(o?: RunOptions): Promise<Workbook>;
  /**
   * Writes result sheets. A sheet named in `replace` that exists is replaced (re-runs never
   * duplicate); the new sheets are written completely before any old one is removed, so a failure
   * never leaves a half-written workbook. Source sheets are never touched.
   */
  writeSheets(models: SheetModel[], o: RunOptions & { replace: readonly string[] }): Promise<void>;
  /** Adds the sheets whose names are absent (the template); returns the names added. */
  addMissingSheets(models: SheetModel[], o?: RunOptions): Promise<string[]>;
  /** Selects (and scrolls to) a cell. */
  selectCell(ref: CellRef): Promise<void>;
  activateSheet(name: string): Promise<void>;
  /** Fills cells with a highlight colour, remembering each cell's original fill. */
  highlightCells(refs: CellRef[], color: string, o?: RunOptions): Promise<void>;
  /** Restores exactly the fills that highlightCells replaced. */
  clearHighlights(o?: RunOptions): Promise<void>;
  /** Writes the fixes the clerk ticked and confirmed (and nothing else). */
  applyFixes(fixes: CellFix[], o?: RunOptions): Promise<void>;
}

/** A host error the pane shows in a MessageBar: what happened and what to do, in every language. */
export class HostError extends Error {
  constructor(
    readonly text: Text,
    options?: { cause?: unknown },
  ) {
    super(text.en, options);
    this.name = "HostError";
  }
}

/** Thrown when a run is cancelled through its AbortSignal. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}
