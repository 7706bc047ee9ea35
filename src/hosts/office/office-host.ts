// The Office.js host: LedgerHost over a live Excel workbook. This folder is the only code that calls
// the Excel API; every method is one `run` batch with a bounded number of syncs, and every error is
// rethrown (Excel's own, or a HostError the pane can show).
import type { CellFix, CellRef, HostCapabilities, LedgerHost, RunOptions } from "../host";
import { throwIfCancelled } from "../host";
import type { Workbook } from "../../engine/grid";
import { parseA1 } from "../../engine/grid";
import type { SheetModel } from "../../report/sheet-model";
import { macrotask } from "../common/progress";
import { READ_CELL_BUDGET, REQUEST_BUDGET, type BatchEnv } from "./batching";
import { explainExcelError, hostErrors } from "../common/errors";
import type { ExcelRun } from "./excel-run";
import { applyFixesOffice } from "./fixes";
import { OfficeHighlights } from "./highlights";
import { readWorkbookOffice } from "./read-workbook";
import { capabilitiesOf, detectCapabilities, type ExcelSupport, type IsSetSupported } from "./support";
import { addMissingSheetsOffice, writeSheetsOffice } from "./write-sheets";

export interface OfficeHostOptions {
  /** Requirement-set probe (default: Office.context.requirements.isSetSupported, guarded). */
  isSetSupported?: IsSetSupported;
  /** Awaited between syncs so the pane stays responsive (default: a macrotask). */
  yieldToUi?: () => Promise<void>;
  /** Estimated request bytes per sync (default REQUEST_BUDGET). */
  requestBudget?: number;
  /** Cells per read sync (default READ_CELL_BUDGET). */
  readCellBudget?: number;
}

export function createOfficeHost(run: ExcelRun, opts: OfficeHostOptions = {}): LedgerHost {
  let support: ExcelSupport | undefined;
  const env = (): BatchEnv => ({
    support: (support ??= opts.isSetSupported
      ? detectCapabilities(opts.isSetSupported)
      : detectCapabilities()),
    yieldToUi: opts.yieldToUi ?? macrotask,
    requestBudget: opts.requestBudget ?? REQUEST_BUDGET,
    readCellBudget: opts.readCellBudget ?? READ_CELL_BUDGET,
  });
  const highlights = new OfficeHighlights(run, env);
  /** The date system seen by the last read (used when Excel cannot evaluate DATE()). */
  let lastDate1904: boolean | undefined;

  /** Runs a batch; Excel errors a clerk can act on become HostErrors, all others pass unchanged. */
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      throw explainExcelError(e);
    }
  };

  /** Resolves a visible sheet by name (one sync), or throws a HostError. */
  const visibleSheet = async (ctx: Excel.RequestContext, name: string): Promise<Excel.Worksheet> => {
    const worksheets = ctx.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    await ctx.sync();
    const ws = worksheets.items.find((w) => w.name === name);
    if (!ws) throw hostErrors.sheetMissing(name);
    if (ws.visibility !== "Visible") throw hostErrors.sheetHidden(name);
    return ws;
  };

  return {
    async capabilities(): Promise<HostCapabilities> {
      return capabilitiesOf(env().support);
    },

    readWorkbook(o: RunOptions = {}): Promise<Workbook> {
      return guarded(async () => {
        const wb = await run((ctx) => readWorkbookOffice(ctx, env(), o));
        lastDate1904 = wb.date1904;
        return wb;
      });
    },

    writeSheets(models: SheetModel[], o: RunOptions & { replace: readonly string[] }): Promise<void> {
      return writeSheetsOffice(run, env(), models, o);
    },

    addMissingSheets(models: SheetModel[], o: RunOptions = {}): Promise<string[]> {
      return addMissingSheetsOffice(run, env(), models, o);
    },

    selectCell(ref: CellRef): Promise<void> {
      const cell = ref.cell.toUpperCase().replace(/\$/g, "");
      try {
        parseA1(cell);
      } catch {
        return Promise.reject(hostErrors.badCell(ref.cell));
      }
      return guarded(() =>
        run(async (ctx) => {
          const ws = await visibleSheet(ctx, ref.sheet);
          ws.activate();
          ws.getRange(cell).select();
          await ctx.sync();
        }),
      );
    },

    activateSheet(name: string): Promise<void> {
      return guarded(() =>
        run(async (ctx) => {
          const ws = await visibleSheet(ctx, name);
          ws.activate();
          await ctx.sync();
        }),
      );
    },

    highlightCells(refs: CellRef[], color: string, o: RunOptions = {}): Promise<void> {
      throwIfCancelled(o.signal);
      return guarded(() => highlights.highlight(refs, color, o));
    },

    clearHighlights(o: RunOptions = {}): Promise<void> {
      throwIfCancelled(o.signal);
      return guarded(() => highlights.clear(o));
    },

    applyFixes(fixes: CellFix[], o: RunOptions = {}): Promise<void> {
      throwIfCancelled(o.signal);
      if (!fixes.length) return Promise.resolve();
      return guarded(() => applyFixesOffice(run, env(), fixes, o, lastDate1904));
    },
  };
}
