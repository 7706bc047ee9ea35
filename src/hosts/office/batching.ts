// Size-bounded batching: calls are queued until the estimated request would pass the budget, then
// synced once. Between syncs the host yields a macrotask (desktop Excel restarts an add-in that is
// unresponsive for 5 s) and checks for cancellation. Never a sync per row.
import { throwIfCancelled } from "../host";
import { SET, type ExcelSupport } from "./support";

/**
 * Estimated request bytes per sync. Excel on the web refuses requests over 5 MB (office-js notes);
 * large writes have also hung or failed with 500s well below that (#1046, #1314), so a sync carries
 * about 2 MB — a 50,000-row result sheet is then a handful of syncs.
 */
export const REQUEST_BUDGET = 2_000_000;
/** Cells per read sync (values + number formats come back in the response, also capped at 5 MB). */
export const READ_CELL_BUDGET = 100_000;
/** Estimated bytes of one API call without its arguments (method, object path, ids). */
export const CALL_BYTES = 120;

/** UTF-8 length of a string as JSON text (quotes, backslashes and control characters escaped). */
function jsonStringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) n += 6;
    else if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The JSON size of a cell value or format as sent (plus its separator). */
export function valueBytes(v: unknown): number {
  if (typeof v === "string") return jsonStringBytes(v) + 1;
  if (typeof v === "number") return String(v).length + 1;
  if (typeof v === "boolean") return 6;
  return 5;
}

export function rowBytes(values: readonly unknown[], formats: readonly string[]): number {
  let n = 2;
  for (const v of values) n += valueBytes(v);
  for (const f of formats) n += valueBytes(f);
  return n;
}

export interface BatchEnv {
  support: ExcelSupport;
  yieldToUi: () => Promise<void>;
  requestBudget: number;
  readCellBudget: number;
}

export class Batcher {
  private pending = 0;
  private open = false;
  syncs = 0;
  constructor(
    private ctx: Excel.RequestContext,
    private env: BatchEnv,
    private signal: AbortSignal | undefined,
  ) {}

  /** Makes room for calls of about `bytes`: syncs what is queued first when they would not fit. */
  async room(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.env.requestBudget) await this.flush();
    if (!this.open) this.begin();
    this.pending += bytes;
  }

  /** Once per batch: no recalculation (and, where supported, no repainting) until the sync. */
  private begin(): void {
    this.open = true;
    const app = this.ctx.application;
    if (this.env.support.minor >= SET.calcSuspend) app.suspendApiCalculationUntilNextSync();
    if (this.env.support.minor >= SET.screenSuspend) app.suspendScreenUpdatingUntilNextSync();
    this.pending += 2 * CALL_BYTES;
  }

  /** Syncs what is queued, yields to the UI, and throws CancelledError when the run was cancelled. */
  async flush(): Promise<void> {
    if (!this.open && this.pending === 0) return;
    // reset first: after a failed sync its calls are gone, and the next batch starts afresh
    this.pending = 0;
    this.open = false;
    await this.ctx.sync();
    this.syncs++;
    await this.env.yieldToUi();
    throwIfCancelled(this.signal);
  }
}
