// Part names inside an OPC package (.xlsx): folders, relationship targets, rels parts. Shared by
// the reader, the patcher and the preview host's cell edits.

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/". */
export function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i + 1);
}

/** Resolves a relationship target against the source part's folder ("/x" is package-absolute). */
export function resolvePart(baseDir: string, target: string): string {
  let t = target.replace(/\\/g, "/");
  const hash = t.indexOf("#");
  if (hash >= 0) t = t.slice(0, hash);
  try {
    t = decodeURI(t);
  } catch {
    // keep as written
  }
  const segs = (t.startsWith("/") ? t.slice(1) : baseDir + t).split("/");
  const out: string[] = [];
  for (const s of segs) {
    if (s === "..") out.pop();
    else if (s !== "." && s !== "") out.push(s);
  }
  return out.join("/");
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}
