// Printing result sheets through LibreOffice, as a clerk's office prints them: each sheet is patched
// alone into a one-cell workbook (its page count is the PDF's, less that cell's page), converted to
// PDF, and read back with poppler (pdfinfo, pdftotext -bbox-layout). CI installs
// libreoffice-calc-nogui, fonts-wqy-microhei and poppler-utils (.ci/run); without them these tests fail.
import { execFileSync } from "child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import { patchWorkbook } from "../../src/hosts/xlsx/patch";
import { writeGrids } from "../../src/hosts/xlsx/write";
import type { SheetModel } from "../../src/report/sheet-model";
import { soffice } from "../soffice";

/** A line of text on a printed page, in points from the page's top left. */
export interface PdfLine {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PrintedSheet {
  sheet: string;
  /** The sheet's pages (the base workbook's page left out). */
  pages: PdfLine[][];
  pdf: string;
}

/** The one-cell workbook the sheets are patched into; it prints one page, the first. */
async function baseBook(): Promise<Uint8Array> {
  return writeGrids({ date1904: false, sheets: [{ name: "封面页", rows: [["x"]], merges: [] }] });
}

function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, n: string) =>
    n === "amp" ? "&" : n === "lt" ? "<" : n === "gt" ? ">" : n === "quot" ? '"' : "'",
  );
}

/** The lines of each page of a PDF (pdftotext -bbox-layout). */
export function pdfLines(pdf: string): PdfLine[][] {
  const html = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  return html
    .split(/<page\b/)
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
        ),
      ].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: [...m[5].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1])).join(""),
      })),
    );
}

/**
 * Prints each model (with the other models of `batch` it draws charts from) to PDF; `keep` names a
 * folder to leave the files in (for looking at the pages), else they are removed.
 */
export async function printSheets(
  models: SheetModel[],
  names: string[],
  keep?: string,
): Promise<Map<string, PrintedSheet>> {
  const dir = keep ?? mkdtempSync(join(tmpdir(), "pl-print-"));
  const base = await baseBook();
  const files = names.map((name, i) => {
    const model = models.find((m) => m.name === name);
    if (!model) throw new Error(`no model ${name}`);
    const file = join(dir, `sheet${i + 1}.xlsx`);
    writeFileSync(file, patchWorkbook(base, [model], { replace: [] }));
    return file;
  });
  try {
    soffice(files, "pdf", dir, 900000);
    const out = new Map<string, PrintedSheet>();
    names.forEach((sheet, i) => {
      const pdf = join(dir, `${basename(files[i], ".xlsx")}.pdf`);
      if (!readdirSync(dir).includes(basename(pdf))) throw new Error(`LibreOffice wrote no PDF for ${sheet}`);
      out.set(sheet, { sheet, pages: pdfLines(pdf).slice(1), pdf });
    });
    return out;
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** A whole workbook file printed to PDF: the lines of each page. */
export function printFile(file: string, dir: string): PdfLine[][] {
  soffice([file], "pdf", dir, 300000);
  return pdfLines(join(dir, `${basename(file, ".xlsx")}.pdf`));
}

/**
 * Pairs of lines on one page printed over each other: their boxes share more than `slack` points
 * across and more than 40 % of the lower line's height (a glyph box is a little taller than the line
 * pitch, so the wrapped lines of one cell touch).
 */
export function overlappingLines(page: PdfLine[], slack = 1): [PdfLine, PdfLine][] {
  const out: [PdfLine, PdfLine][] = [];
  const sorted = [...page].sort((a, b) => a.yMin - b.yMin);
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length && sorted[j].yMin < sorted[i].yMax; j++) {
      const a = sorted[i];
      const b = sorted[j];
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      const h = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
      if (x > slack && y > 0.4 * h) out.push([a, b]);
    }
  return out;
}
