// A clean small district split into one submission per unit (plain layout: header on row 1, the
// cover's values in column B), and helpers to change one file at a time.
import type { CellValue, Workbook } from "../../src/engine/grid";
import { SAMPLE_AS_OF, SMALL_SAMPLE, generateLedger } from "../../src/samples/generate";
import { type UnitFile, splitByUnit } from "../../src/samples/split";
import { toVariantWorkbook } from "../../src/samples/layout";
import type { SheetModel } from "../../src/report/sheet-model";
import {
  type CompileOptions,
  type Compilation,
  type SubmissionInput,
  compileSubmissions,
} from "../../src/engine/compile";

export const AS_OF = SAMPLE_AS_OF;
export const WHOLE = generateLedger({ ...SMALL_SAMPLE, mistakes: false }).models;

/** A fresh copy of the units' files (each test may change its own). */
export function unitFiles(models: readonly SheetModel[] = WHOLE): UnitFile[] {
  return splitByUnit(models).map((f) => ({
    ...f,
    models: f.models.map((m) => ({ ...m, rows: m.rows.map((r) => [...r]) })),
  }));
}

export function sheet(file: UnitFile, name: string): SheetModel {
  const m = file.models.find((x) => x.name === name);
  if (!m) throw new Error(`no sheet ${name}`);
  return m;
}

/** Column index of a header in a model. */
export function col(m: SheetModel, header: string): number {
  const c = m.columns.findIndex((x) => x.header === header);
  if (c < 0) throw new Error(`${m.name}: no column ${header}`);
  return c;
}

/** Sets the cover value of `label` (undefined removes the row). */
export function setCover(file: UnitFile, label: string, value: CellValue | undefined): void {
  const cover = sheet(file, "填报信息");
  const i = cover.rows.findIndex((r) => r[0] === label);
  if (value === undefined) cover.rows.splice(i, 1);
  else cover.rows[i][1] = value;
}

export function workbookOf(file: UnitFile): Workbook {
  return toVariantWorkbook(file.models).workbook;
}

export function inputs(files: readonly UnitFile[], names?: readonly string[]): SubmissionInput[] {
  return files.map((f, i) => ({ file: names?.[i] ?? `${f.units[0].id}.xlsx`, workbook: workbookOf(f) }));
}

export function compile(ins: readonly SubmissionInput[], opts: CompileOptions = {}): Compilation {
  return compileSubmissions(ins, { asOf: AS_OF, ...opts });
}

/** code @ file sheet!cell of every non-info finding, for compact expectations. */
export function where(c: Compilation, code?: string): string[] {
  return c.submissions.flatMap((s) =>
    s.findings
      .filter((f) => (code ? f.code === code : f.severity !== "info"))
      .map((f) => `${f.code} @ ${f.file} ${f.sheet ?? ""}!${f.cell ?? ""}`),
  );
}
