// Clicking a finding's cell or a written sheet's link: select that cell, activate that sheet.
import { throwIfCancelled, type CellRef, type LedgerHost } from "../../hosts/host";
import type { Job } from "../job";

export function selectCellJob(host: LedgerHost, ref: CellRef): Job<void> {
  return async (run) => {
    throwIfCancelled(run.signal);
    await host.selectCell(ref);
  };
}

export function activateSheetJob(host: LedgerHost, name: string): Job<void> {
  return async (run) => {
    throwIfCancelled(run.signal);
    await host.activateSheet(name);
  };
}
