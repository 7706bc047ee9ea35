// The two hosts under the contract: the Office host over the Excel fake, the preview host over real
// .xlsx bytes (built with the xlsx writers; fills added and checked with ExcelJS as an oracle).
import * as ExcelJS from "exceljs";
import { a1, parseA1, type CellValue } from "../../../src/engine/grid";
import { createOfficeHost, type OfficeHostOptions } from "../../../src/hosts/office";
import { createPreviewHost, type PreviewHost } from "../../../src/hosts/preview";
import { readXlsx, readXlsxSheetNames } from "../../../src/hosts/xlsx/read";
import { writeGrids } from "../../../src/hosts/xlsx/write";
import { decodeEntities } from "../../../src/hosts/xlsx/xml";
import { ZipArchive } from "../../../src/hosts/xlsx/zip";
import { dirOf, relsPartOf, resolvePart } from "../../../src/hosts/xlsx/part-names";
import { ExcelFake, type FakeOptions } from "../../fakes/excel-fake";
import type { ChartLook, HostUnderTest, MakeHost, Seed } from "./host-contract";

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

/** Targets of a part's relationships of one type (resolved part names). */
function relTargets(zip: ZipArchive, part: string, type: string): Map<string, string> {
  const e = zip.get(relsPartOf(part));
  const out = new Map<string, string>();
  if (!e) return out;
  const xml = new TextDecoder().decode(zip.read(e));
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const t = /\bType="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target && t?.endsWith(`/${type}`))
      out.set(id, resolvePart(dirOf(part), decodeEntities(target)));
  }
  return out;
}

/** The charts of a sheet in a package: worksheet → drawing → chart parts (title text, series names). */
function chartsInPackage(bytes: Uint8Array, sheet: string): ChartLook[] {
  const zip = new ZipArchive(bytes);
  const read = (part: string) => new TextDecoder().decode(zip.read(zip.get(part)!));
  const wb = read("xl/workbook.xml");
  const rid = [...wb.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => decodeEntities(/\bname="([^"]*)"/.exec(tag)?.[1] ?? "") === sheet)
    ?.match(/\br:id="([^"]*)"/)?.[1];
  const sheetPart = rid && relTargets(zip, "xl/workbook.xml", "worksheet").get(rid);
  if (!sheetPart) throw new Error(`no sheet ${sheet}`);
  const out: ChartLook[] = [];
  for (const drawing of relTargets(zip, sheetPart, "drawing").values()) {
    const charts = relTargets(zip, drawing, "chart");
    const frames = [...read(drawing).matchAll(/<c:chart\b[^>]*\br:id="([^"]*)"/g)].map((m) => m[1]);
    for (const id of frames) {
      const xml = read(charts.get(id)!);
      const title = [
        ...(/<c:title>[\s\S]*?<\/c:title>/.exec(xml)?.[0] ?? "").matchAll(/<a:t>([^<]*)<\/a:t>/g),
      ]
        .map((m) => decodeEntities(m[1]))
        .join("");
      const series = [...xml.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map((m) =>
        decodeEntities(/<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(m[0])?.[1] ?? ""),
      );
      out.push({ title, series });
    }
  }
  return out;
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
    },
  };
  return under;
};
