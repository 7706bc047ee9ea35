// The two hosts under the contract: the Office host over the Excel fake, the preview host over real
// .xlsx bytes (built with the xlsx writers; fills added and checked with ExcelJS as an oracle).
import * as ExcelJS from "exceljs";
import { a1, parseA1, type CellValue } from "../../../src/engine/grid";
import { createOfficeHost, type OfficeHostOptions } from "../../../src/hosts/office";
import { createPreviewHost, type PreviewHost } from "../../../src/hosts/preview";
import { readXlsx, readXlsxSheetNames } from "../../../src/hosts/xlsx/read";
import { patchWorkbook } from "../../../src/hosts/xlsx/patch";
import { writeGrids, writeSheetModels } from "../../../src/hosts/xlsx/write";
import type { SheetModel } from "../../../src/report/sheet-model";
import { ExcelFake, type FakeOptions } from "../../fakes/excel-fake";
import { lookOfFake } from "./fake-look";
import type { HostUnderTest, MakeHost, Seed } from "./host-contract";
import type { Look } from "./looks";
import { chartsInPackage, lookOfPackage } from "./package-look";

export function fakeFromSeed(seed: Seed, o: Partial<FakeOptions> = {}): ExcelFake {
  const { book } = seed;
  return new ExcelFake({
    use1904: book.date1904,
    names: book.definedNames,
    sheets: book.sheets.map((g) => ({
      name: g.name,
      visibility: g.hidden ? "Hidden" : "Visible",
      values: g.rows.map((r) => r ?? []),
      formats: (g.formats ?? []).map((r) => r ?? []),
      merges: g.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`),
      fills: seed.fills?.[g.name],
    })),
    ...o,
  });
}

export function officeHostOver(fake: ExcelFake, o: OfficeHostOptions = {}) {
  return createOfficeHost(fake.run, {
    isSetSupported: fake.isSetSupported,
    yieldToUi: async () => fake.mark("yield"),
    ...o,
  });
}

export const makeOfficeHost: MakeHost = async (seed) => {
  const fake = fakeFromSeed(seed);
  const under: HostUnderTest = {
    host: officeHostOver(fake),
    reopen: () => officeHostOver(fake),
    inspect: {
      sheetNames: async () => fake.sheetNames,
      cell: async (sheet, ref) => {
        const value = fake.valueAt(sheet, ref);
        const f = fake.formatAt(sheet, ref);
        return {
          value,
          format: typeof value === "number" && f !== "General" ? f : undefined,
          fill: fake.fillAt(sheet, ref)?.color ?? null,
        };
      },
      selection: async () => fake.selection && { sheet: fake.selection.sheet, cell: fake.selection.address },
      activeSheet: async () => fake.active?.name,
      charts: async (sheet) =>
        fake.charts(sheet).map((c) => ({ title: c.title ?? "", series: c.series.map((s) => s.name ?? "") })),
      look: async () => lookOfFake(fake),
    },
  };
  return under;
};

async function withFills(bytes: Uint8Array, fills: NonNullable<Seed["fills"]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  for (const [sheet, cells] of Object.entries(fills)) {
    const ws = wb.getWorksheet(sheet)!;
    for (const [ref, hex] of Object.entries(cells))
      ws.getCell(ref).fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${hex.slice(1)}` } };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The fill of a cell as ExcelJS (an independent reader) sees it. */
async function fillOf(bytes: Uint8Array, sheet: string, ref: string): Promise<string | null> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const fill = wb.getWorksheet(sheet)?.getCell(ref).fill;
  if (!fill || fill.type !== "pattern" || fill.pattern === "none") return null;
  const argb = fill.fgColor?.argb;
  return argb ? `#${argb.slice(2).toUpperCase()}` : "#?";
}

export const makePreviewHost: MakeHost = async (seed) => {
  let bytes = await writeGrids(seed.book);
  if (seed.fills) bytes = await withFills(bytes, seed.fills);
  let latest: PreviewHost = createPreviewHost(bytes);
  const under: HostUnderTest = {
    host: latest,
    reopen: () => (latest = createPreviewHost(latest.bytes())),
    inspect: {
      sheetNames: async () => readXlsxSheetNames(latest.bytes()).map((s) => s.name),
      cell: async (sheet, ref) => {
        const b = latest.bytes();
        const g = readXlsx(b, { sheetFilter: (n) => n === sheet }).sheets[0];
        const { row, col } = parseA1(ref);
        const v = g.rows[row]?.[col];
        const value: CellValue = v === undefined || v === "" ? null : v;
        return {
          value,
          format: typeof value === "number" ? g.formats?.[row]?.[col] : undefined,
          fill: await fillOf(b, sheet, ref),
        };
      },
      selection: async () => latest.view().selection,
      activeSheet: async () => latest.view().activeSheet,
      charts: async (sheet) => chartsInPackage(latest.bytes(), sheet),
      look: async () => lookOfPackage(latest.bytes()),
    },
  };
  return under;
};

// ---------------------------------------------------------------------------------------------
// The sheet-plan writers (sheet-plan-contract.ts): models in, the workbook's Look out

export interface PlanWriter {
  /** Writes the models as new sheets into a workbook of the given date system; reads it back. */
  write(models: SheetModel[], o: { date1904: boolean }): Promise<Look>;
  /** The writer makes a plan's table a filter over the same range (ExcelJS: see src/hosts/xlsx/write.ts). */
  tablesAsFilters?: boolean;
  /** The writer cannot draw charts and refuses models that have them (ExcelJS). */
  refusesCharts?: boolean;
}

/** The clerk's workbook the patcher, the preview host and the Office host write into. */
export const BASE_SHEET = "台账";

function baseBook(date1904: boolean) {
  return { date1904, sheets: [{ name: BASE_SHEET, rows: [["编号"], ["M001"]], merges: [] }] };
}

/** The ExcelJS writer: a new workbook of the models alone. */
export const excelJsWriter: PlanWriter = {
  write: async (models, { date1904 }) => lookOfPackage(await writeSheetModels(models, { date1904 })),
  tablesAsFilters: true,
  refusesCharts: true,
};

/** The package patcher: the models added to an existing workbook. */
export const patchWriter: PlanWriter = {
  write: async (models, { date1904 }) =>
    lookOfPackage(patchWorkbook(await writeGrids(baseBook(date1904)), models, { replace: [] })),
};

/** The browser-preview host's writeSheets. */
export const previewWriter: PlanWriter = {
  write: async (models, { date1904 }) => {
    const host = createPreviewHost(await writeGrids(baseBook(date1904)));
    await host.writeSheets(models, { replace: [] });
    return lookOfPackage(host.bytes());
  },
};

/** The Office host's writeSheets over the Excel fake. */
export const officeWriter: PlanWriter = {
  write: async (models, { date1904 }) => {
    const book = baseBook(date1904);
    const fake = new ExcelFake({
      use1904: date1904,
      sheets: book.sheets.map((g) => ({ name: g.name, values: g.rows })),
    });
    await officeHostOver(fake).writeSheets(models, { replace: [] });
    return lookOfFake(fake);
  },
};
