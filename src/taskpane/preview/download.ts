// Browser preview: 下载结果工作簿 offers the in-memory workbook as a file download.

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
