// Downloads from the pane: 下载结果工作簿 (browser preview) and 下载退回修改通知 (a workbook or a .zip).

/** `先锋台账-示例台账.xlsx` → `先锋台账-示例台账-结果.xlsx`. */
export function resultFileName(name: string): string {
  const base = name.replace(/\.xlsx$/i, "");
  return `${base}-结果.xlsx`;
}

/** Offers bytes as a file download (an object URL on a temporary link). */
export function downloadBytes(bytes: Uint8Array, name: string, doc: Document = document): void {
  const type = /\.zip$/i.test(name)
    ? "application/zip"
    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  const blob = new Blob([bytes as BlobPart], { type });
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
