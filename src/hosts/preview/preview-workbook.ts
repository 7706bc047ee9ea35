// What one preview host holds: the workbook's bytes, the highlight memory, the pane's view state and
// its listeners. Every change of the workbook goes through `commit`, so a cancelled run changes nothing.
import { throwIfCancelled, type CellRef, type RunOptions } from "../host";
import { macrotask } from "../common/progress";
import { hostErrors } from "../common/errors";
import type { HighlightEntry } from "../common/highlight-store";
import { patchWorkbook } from "../xlsx/patch";
import { readXlsxSheetNames } from "../xlsx/read";
import { XlsxPackage } from "./package";

/** What the pane's read-only grid shows besides the cells. */
export interface PreviewView {
  activeSheet?: string;
  selection?: CellRef;
  /** Cells currently highlighted, and the colour last used. */
  highlights: CellRef[];
  highlightColor?: string;
}

export interface PreviewHostOptions {
  /** Timestamp of rewritten zip entries (default: now). */
  now?: () => Date;
  /** Awaited before a change is committed, so a cancel can still stop it (default: a macrotask). */
  yieldToUi?: () => Promise<void>;
}

export class PreviewWorkbook {
  /** The workbook as it is now (what 下载结果工作簿 saves). */
  current: Uint8Array;
  /** Highlights made through this host, by entryKey (merged with the memory sheet's on every run). */
  memory = new Map<string, HighlightEntry>();
  readonly view: PreviewView = { highlights: [] };
  readonly now: () => Date;
  readonly pause: () => Promise<void>;
  private readonly listeners = new Set<() => void>();

  constructor(initial: Uint8Array, opts: PreviewHostOptions) {
    this.current = initial;
    this.now = opts.now ?? (() => new Date());
    this.pause = opts.yieldToUi ?? macrotask;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners (after refreshing the highlighted cells of the view). */
  notify(): void {
    this.view.highlights = [...this.memory.values()].map((e) => ({ sheet: e.sheet, cell: e.cell }));
    for (const l of this.listeners) l();
  }

  /** Makes `next` the workbook (and applies the matching view changes), unless the run was cancelled. */
  async commit(next: Uint8Array, o: RunOptions | undefined, also?: () => void): Promise<void> {
    await this.pause();
    throwIfCancelled(o?.signal); // nothing is committed after a cancel
    this.current = next;
    also?.();
    this.notify();
  }

  sheetNames() {
    return readXlsxSheetNames(this.current);
  }

  /** Throws unless `name` is a visible sheet (the pane can select only those). */
  checkVisible(name: string): void {
    const s = this.sheetNames().find((x) => x.name === name);
    if (!s) throw hostErrors.sheetMissing(name);
    if (s.hidden) throw hostErrors.sheetHidden(name);
  }

  /** A package with a styles part (patchWorkbook adds one to a package that lacks it). */
  openPackage(): XlsxPackage {
    let pkg = new XlsxPackage(this.current);
    if (!pkg.stylesPart)
      pkg = new XlsxPackage(patchWorkbook(this.current, [], { replace: [], now: this.now() }));
    return pkg;
  }
}
