// Browser preview: the workbook lives in memory (a file the clerk opened, or the generated sample)
// behind the same LedgerHost contract as Excel.
import type { LedgerHost, RunOptions } from "../hosts/host";
import type { WorkerWrites } from "./check/check-off-thread";

export interface PreviewSession {
  host: LedgerHost;
  /** The workbook's name as shown (the file name, or 示例台账.xlsx). */
  name: string;
  /** The workbook as it is now (ledger + written sheets), as .xlsx bytes; absent if the host cannot. */
  toBytes?: () => Promise<Uint8Array>;
  /** Takes a workbook written in the check worker (考评 there); absent if the host cannot. */
  writes?: WorkerWrites;
}

export interface PreviewActions {
  openFile(file: { name: string; bytes: Uint8Array }, o: RunOptions): Promise<PreviewSession>;
  loadSample(o: RunOptions): Promise<PreviewSession>;
}
