// The browser-preview host: LedgerHost over an .xlsx held in memory (no Excel). Reads with the fast
// reader, writes result sheets by patching the package (patchWorkbook), and edits cells in place —
// highlights and fixes change only the touched cells' XML and append styles, so everything else in
// the clerk's file (charts, comments, formulas, unknown parts) is kept byte for byte. No ExcelJS.
import { parseA1, type Workbook } from "../../engine/grid";
import type { SheetModel } from "../../report/sheet-model";
import {
  HostError,
  throwIfCancelled,
  type CellFix,
  type CellRef,
  type HostCapabilities,
  type LedgerHost,
  type RunOptions,
} from "../host";
import { macrotask, progress } from "../common/progress";
import { DATE_FORMAT, GENERAL_FORMAT, isDateFormat, TEXT_FORMAT } from "../common/cell-format";
import { hostErrors } from "../common/errors";
import {
  decodeEntries,
  encodeEntries,
  entryKey,
  mergeEntries,
  STORE_HEADER,
  type HighlightEntry,
} from "../common/highlight-store";
import { HIGHLIGHTS_SHEET, isInternalSheet } from "../common/internal-sheets";
import { fromSerial1900, isoToSerial } from "../../engine/dates";
import { patchWorkbook } from "../xlsx/patch";
import { readXlsx, readXlsxSheetNames } from "../xlsx/read";
import { XlsxPackage } from "./package";
import { SheetCells, type CellChange } from "./sheet-cells";
import { StylesEditor } from "./styles-edit";

/** What the pane's read-only grid shows besides the cells. */
export interface PreviewView {
  activeSheet?: string;
  selection?: CellRef;
  /** Cells currently highlighted, and the colour last used. */
  highlights: CellRef[];
  highlightColor?: string;
}

export interface PreviewHost extends LedgerHost {
  /** The workbook as it is now (for 下载结果工作簿). */
  bytes(): Uint8Array;
  /** Same as bytes() (the name the pane's session uses). */
  toBytes(): Uint8Array;
  view(): PreviewView;
  /** Called after every change of the workbook or the view; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export interface PreviewHostOptions {
  /** Timestamp of rewritten zip entries (default: now). */
  now?: () => Date;
  /** Awaited before a change is committed, so a cancel can still stop it (default: a macrotask). */
  yieldToUi?: () => Promise<void>;
}

const lower = (s: string) => s.normalize("NFC").toLowerCase();

function cellOf(ref: CellRef): { row: number; col: number; cell: string } {
  const cell = ref.cell.toUpperCase().replace(/\$/g, "");
  try {
    return { ...parseA1(cell), cell };
  } catch {
    throw hostErrors.badCell(ref.cell);
  }
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

/** Per-sheet cell editors of one package, written back together. */
class Edits {
  private sheets = new Map<string, SheetCells>();
  readonly styles: StylesEditor;
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

export function createPreviewHost(initial: Uint8Array, opts: PreviewHostOptions = {}): PreviewHost {
  let current = initial;
  let memory = new Map<string, HighlightEntry>();
  const state: PreviewView = { highlights: [] };
  const listeners = new Set<() => void>();
  const now = opts.now ?? (() => new Date());
  const pause = opts.yieldToUi ?? macrotask;

  const notify = () => {
    state.highlights = [...memory.values()].map((e) => ({ sheet: e.sheet, cell: e.cell }));
    for (const l of listeners) l();
  };
  /** Makes `next` the workbook (and applies the matching view changes), unless the run was cancelled. */
  const commit = async (next: Uint8Array, o: RunOptions | undefined, also?: () => void) => {
    await pause();
    throwIfCancelled(o?.signal); // nothing is committed after a cancel
    current = next;
    also?.();
    notify();
  };
  const sheetNames = () => readXlsxSheetNames(current);
  const visible = (name: string) => {
    const s = sheetNames().find((x) => x.name === name);
    if (!s) throw hostErrors.sheetMissing(name);
    if (s.hidden) throw hostErrors.sheetHidden(name);
  };
  /** A package with a styles part (patchWorkbook adds one to a package that lacks it). */
  const openPackage = (): XlsxPackage => {
    let pkg = new XlsxPackage(current);
    if (!pkg.stylesPart) pkg = new XlsxPackage(patchWorkbook(current, [], { replace: [], now: now() }));
    return pkg;
  };

  const host: PreviewHost = {
    bytes: () => current,
    toBytes: () => current,
    view: () => ({ ...state, highlights: [...state.highlights] }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async capabilities(): Promise<HostCapabilities> {
      return {
        kind: "preview",
        tables: true,
        conditionalFormats: true,
        hyperlinks: true,
        dataValidation: false,
        notes: [
          {
            zh: "浏览器预览：新建的台账表没有下拉列表和输入提示；修改只在内存中，请用“下载结果工作簿”保存",
            en: "Browser preview: new ledger sheets get no drop-down lists or hints; changes stay in memory until you download the result workbook",
          },
        ],
      };
    },

    async readWorkbook(o: RunOptions = {}): Promise<Workbook> {
      throwIfCancelled(o.signal);
      progress(o, "读取工作簿", 0, 1);
      const wb = readXlsx(current);
      wb.sheets = wb.sheets.filter((g) => !isInternalSheet(g.name));
      await pause();
      throwIfCancelled(o.signal);
      progress(o, "读取工作簿", 1, 1);
      return wb;
    },

    async writeSheets(models: SheetModel[], o: RunOptions & { replace: readonly string[] }): Promise<void> {
      throwIfCancelled(o.signal);
      const replace = new Set(o.replace.map(lower));
      const kept = new Set(
        sheetNames()
          .map((s) => lower(s.name))
          .filter((n) => !replace.has(n)),
      );
      for (const m of models) if (kept.has(lower(m.name))) throw hostErrors.nameTaken(m.name);
      const total = models.reduce((n, m) => n + m.rows.length, 0);
      let done = 0;
      for (const m of models) {
        progress(o, `写入 ${m.name}`, done, total);
        await pause();
        throwIfCancelled(o.signal);
        done += m.rows.length;
      }
      const next = patchWorkbook(current, models, { replace: o.replace, now: now() });
      await commit(next, o);
      progress(o, "写入完成", total, total);
    },

    async addMissingSheets(models: SheetModel[], o: RunOptions = {}): Promise<string[]> {
      const existing = new Set(sheetNames().map((s) => lower(s.name)));
      const absent = models.filter((m) => !existing.has(lower(m.name)));
      if (absent.length) await host.writeSheets(absent, { ...o, replace: [] });
      return absent.map((m) => m.name);
    },

    async selectCell(ref: CellRef): Promise<void> {
      const { cell } = cellOf(ref);
      visible(ref.sheet);
      state.activeSheet = ref.sheet;
      state.selection = { sheet: ref.sheet, cell };
      notify();
    },

    async activateSheet(name: string): Promise<void> {
      visible(name);
      state.activeSheet = name;
      state.selection = undefined;
      notify();
    },

    async highlightCells(refs: CellRef[], color: string, o: RunOptions = {}): Promise<void> {
      throwIfCancelled(o.signal);
      const all = mergeEntries(memory, readStore(current));
      const edits = new Edits(openPackage());
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
      progress(o, "标记问题单元格", 0, count);
      if (!count) return;
      // the memory sheet: patchWorkbook keeps existing style indexes, so `style`/`applied` stay valid
      const withStore = patchWorkbook(edits.save(now()), [storeModel(all.values())], {
        replace: [HIGHLIGHTS_SHEET],
        now: now(),
      });
      const pkg = new XlsxPackage(withStore);
      pkg.setSheetState(HIGHLIGHTS_SHEET, "veryHidden");
      const next = pkg.save(now());
      await commit(next, o, () => {
        memory = all;
        state.highlightColor = color;
      });
      progress(o, "标记问题单元格", count, count);
    },

    async clearHighlights(o: RunOptions = {}): Promise<void> {
      throwIfCancelled(o.signal);
      const stored = readStore(current);
      const hasStore = sheetNames().some((s) => s.name === HIGHLIGHTS_SHEET);
      const all = mergeEntries(memory, stored);
      progress(o, "清除标记", 0, all.size);
      if (!all.size && !hasStore) return;
      const edits = new Edits(openPackage());
      const names = new Set(edits.pkg.sheets.map((s) => s.name));
      for (const e of all.values()) {
        if (!names.has(e.sheet)) continue; // deleted or renamed since: nothing to restore
        const { row, col } = cellOf(e);
        const cells = edits.cells(e.sheet);
        const st = cells.state(row, col);
        let change: CellChange;
        if (e.style !== undefined && (e.applied === undefined || st.style === e.applied)) {
          change = { style: e.style, remove: e.created === true }; // exactly the style it had
        } else {
          // restyled since (a fix changed its format), or highlighted in Excel: put back the fill only
          change = { style: edits.styles.withFillState(st.style ?? 0, e.fill) };
        }
        cells.set(row, col, change);
      }
      const restored = edits.save(now());
      const next = hasStore
        ? patchWorkbook(restored, [], { replace: [HIGHLIGHTS_SHEET], now: now() })
        : restored;
      await commit(next, o, () => (memory = new Map()));
      progress(o, "清除标记", all.size, all.size);
    },

    async applyFixes(fixes: CellFix[], o: RunOptions = {}): Promise<void> {
      throwIfCancelled(o.signal);
      if (!fixes.length) return;
      const edits = new Edits(openPackage());
      const date1904 = edits.pkg.date1904;
      progress(o, "应用修正", 0, fixes.length);
      for (const f of fixes) {
        const { row, col, cell } = cellOf(f);
        const cells = edits.cells(f.sheet);
        const st = cells.state(row, col);
        if (st.sharedMaster)
          throw new HostError(
            `单元格 ${f.sheet}!${cell} 含有其他单元格共用的公式，请在 Excel 中修改`,
            `Cell ${f.sheet}!${cell} holds a formula shared by other cells; change it in Excel`,
          );
        if (st.formula) edits.formulaReplaced = true;
        const base = st.style ?? 0;
        const fmt = edits.styles.numFmt(base);
        if (f.kind === "text") {
          cells.set(row, col, { value: { kind: "text", text: String(f.value) } });
        } else if (f.kind === "number") {
          const n = Number(f.value);
          if (!Number.isFinite(n))
            throw new HostError(
              `“${f.value}”不是数字，未写入`,
              `"${f.value}" is not a number; nothing was written`,
            );
          cells.set(row, col, {
            value: { kind: "number", n },
            ...(fmt === TEXT_FORMAT ? { style: edits.styles.withNumFmt(base, GENERAL_FORMAT) } : {}),
          });
        } else {
          const serial =
            typeof f.value === "number" ? fromSerial1900(f.value, date1904) : isoToSerial(f.value, date1904);
          if (!(serial >= 0) || !Number.isFinite(serial)) throw hostErrors.badDate(f.value);
          cells.set(row, col, {
            value: { kind: "number", n: serial },
            ...(isDateFormat(fmt) ? {} : { style: edits.styles.withNumFmt(base, DATE_FORMAT) }),
          });
        }
      }
      await commit(edits.save(now()), o);
      progress(o, "应用修正", fixes.length, fixes.length);
    },
  };
  return host;
}
