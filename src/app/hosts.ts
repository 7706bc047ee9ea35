// The only place the pane and the ribbon commands pick a host implementation. Both load lazily, so
// the task pane's first paint does not wait for host code it may not need (browser preview never
// loads the Office host; Excel never loads the .xlsx reader, the sample generator or ExcelJS).
import { throwIfCancelled, type LedgerHost } from "../hosts/host";
import type { PreviewActions, PreviewSession } from "./preview/session";

/** The Office.js host over `Excel.run` (inside Excel only). */
export async function loadOfficeHost(): Promise<LedgerHost> {
  const { createOfficeHost, excelRun } = await import(
    /* webpackChunkName: "office-host" */ "../hosts/office"
  );
  return createOfficeHost(excelRun);
}

async function previewSession(bytes: Uint8Array, name: string): Promise<PreviewSession> {
  const { createPreviewHost } = await import(/* webpackChunkName: "preview-host" */ "../hosts/preview");
  const host = createPreviewHost(bytes);
  return { host, name, toBytes: async () => host.toBytes() };
}

/** Browser preview: a file the clerk opened, or the small sample generated in the browser. */
export const previewActions: PreviewActions = {
  openFile: async (file, o) => {
    o.onProgress?.({ stage: `打开 ${file.name} …`, done: 0, total: 1 });
    const session = await previewSession(file.bytes, file.name);
    throwIfCancelled(o.signal);
    return session;
  },
  loadSample: async (o) => {
    o.onProgress?.({ stage: "生成示例台账 …", done: 0, total: 1 });
    const { sampleLedgerBytes } = await import(/* webpackChunkName: "sample" */ "./preview/sample");
    const bytes = await sampleLedgerBytes();
    throwIfCancelled(o.signal);
    return previewSession(bytes, "示例台账.xlsx");
  },
};
