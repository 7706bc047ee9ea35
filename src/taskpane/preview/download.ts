// Browser preview: the workbook lives in memory (a file the clerk opened, or the generated sample)
// behind the same LedgerHost contract as Excel.
import type { LedgerHost, RunOptions } from "../../hosts/host";

export interface PreviewSession {
  host: LedgerHost;
  /** The workbook's name as shown (the file name, or 示例台账.xlsx). */
  name: string;
  /** The workbook as it is now (ledger + written sheets), as .xlsx bytes; absent if the host cannot. */
  toBytes?: () => Promise<Uint8Array>;
}

export interface PreviewActions {
  openFile(file: { name: string; bytes: Uint8Array }, o: RunOptions): Promise<PreviewSession>;
  loadSample(o: RunOptions): Promise<PreviewSession>;
}

/** `先锋台账-示例台账.xlsx` → `先锋台账-示例台账-结果.xlsx`. */
export function resultFileName(name: string): string {
  const base = name.replace(/\.xlsx$/i, "");
  return `${base}-结果.xlsx`;
}

/** Offers bytes as a file download (an object URL on a temporary link). */
export function downloadBytes(bytes: Uint8Array, name: string, doc: Document = document): void {
  const blob = new Blob([bytes as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
