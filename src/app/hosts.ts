// The only place the pane and the ribbon commands pick a host implementation or reach Office's own
// UI. Everything loads lazily, so the task pane's first paint does not wait for host code it may not
// need (browser preview never loads the Office host; Excel never loads the .xlsx reader, the sample
// generator or ExcelJS).
import { throwIfCancelled, type LedgerHost, type RunOptions } from "../hosts/host";
import type { RibbonEvent, RibbonHandler } from "../hosts/office/ribbon";
import { PANE_TEXTS } from "../i18n/pane";
import { fill } from "../i18n/text";
import type { PreviewActions, PreviewSession } from "./preview-session";

export type { RibbonEvent, RibbonHandler };

const officeModule = () => import(/* webpackChunkName: "office-host" */ "../hosts/office");

/** The Office.js host over `Excel.run` (inside Excel only). */
export async function loadOfficeHost(): Promise<LedgerHost> {
  const { createOfficeHost, excelRun } = await officeModule();
  return createOfficeHost(excelRun);
}

/** What the ribbon commands need from Office besides the workbook: a dialog and their binding. */
export interface OfficeRibbon {
  /** Shows a text in a small dialog; resolves when it is closed or has closed itself (at once outside Office). */
  showNotice(text: string, closeAfterMs?: number): Promise<void>;
  /** Cells in the workbook's used ranges (the command hands large workbooks to the pane). */
  workbookCells(): Promise<number>;
  /** Opens the task pane where Office lets a command do it; false elsewhere. */
  showTaskpane(): Promise<boolean>;
  /** Binds the handlers to the manifest's function names once Office is ready; false outside Office. */
  registerRibbonCommands(handlers: Readonly<Record<string, RibbonHandler>>): boolean;
}

export async function loadOfficeRibbon(): Promise<OfficeRibbon> {
  const { showNotice, registerRibbonCommands, workbookCells, showTaskpane, excelRun } = await officeModule();
  return { showNotice, registerRibbonCommands, showTaskpane, workbookCells: () => workbookCells(excelRun) };
}

async function previewSession(bytes: Uint8Array, name: string): Promise<PreviewSession> {
  const { createPreviewHost } = await import(/* webpackChunkName: "preview-host" */ "../hosts/preview");
  const host = createPreviewHost(bytes);
  const writes = { now: () => host.now(), adopt: (next: Uint8Array, o: RunOptions) => host.adopt(next, o) };
  return { host, name, toBytes: async () => host.toBytes(), writes };
}

/** Browser preview: a file the clerk opened, or the small sample generated in the browser. */
export const previewActions: PreviewActions = {
  openFile: async (file, o) => {
    o.onProgress?.({ stage: fill(PANE_TEXTS.stageOpen, { name: file.name }), done: 0, total: 1 });
    const session = await previewSession(file.bytes, file.name);
    throwIfCancelled(o.signal);
    return session;
  },
  loadSample: async (o) => {
    o.onProgress?.({ stage: PANE_TEXTS.stageSample, done: 0, total: 1 });
    const { sampleLedgerBytes } = await import(/* webpackChunkName: "sample" */ "./preview-sample");
    const bytes = await sampleLedgerBytes();
    throwIfCancelled(o.signal);
    return previewSession(bytes, "示例台账.xlsx");
  },
};
