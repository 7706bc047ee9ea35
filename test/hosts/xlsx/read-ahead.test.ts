// readXlsxAhead (sheets inflated on Node's thread pool ahead of their turn) reads exactly what readXlsx
// reads, whatever its look-ahead budget, and fails as readXlsx fails: with a LedgerFileError, also when
// the damaged sheet was inflating ahead while an earlier one was parsed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { CORPUS_DIR, CORPUS_FILES } from "../../corpus";
import { LedgerFileError } from "../../../src/hosts/xlsx/errors";
import { readXlsx, readXlsxAhead, type ReadXlsxOptions } from "../../../src/hosts/xlsx/read";
import { ZipArchive } from "../../../src/hosts/xlsx/zip";
import { buildXlsx } from "./pkg";

type Outcome = { ok: unknown } | { code: string };

function syncOutcome(b: Uint8Array, opts?: ReadXlsxOptions): Outcome {
  try {
    return { ok: readXlsx(b, opts) };
  } catch (e) {
    if (!(e instanceof LedgerFileError)) throw e;
    return { code: e.code };
  }
}

async function aheadOutcome(b: Uint8Array, opts?: ReadXlsxOptions): Promise<Outcome> {
  try {
    return { ok: await readXlsxAhead(b, opts) };
  } catch (e) {
    if (!(e instanceof LedgerFileError)) throw e;
    return { code: e.code };
  }
}

/** Sheets of very different sizes, the largest after small ones (as a ledger's are). */
function sheetsOfSizes(rows: number[]): Uint8Array {
  return buildXlsx({
    sheets: rows.map((n, s) => ({
      name: `表${s + 1}`,
      xml:
        "<sheetData>" +
        Array.from(
          { length: n },
          (_, r) =>
            `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>第${s}表第${r}行</t></is></c>` +
            `<c r="B${r + 1}"><v>${r * 7 + s}</v></c></row>`,
        ).join("") +
        "</sheetData>",
    })),
  });
}

test("every corpus file: the same Workbook, or the same error", async () => {
  for (const file of CORPUS_FILES) {
    const b = readFileSync(join(CORPUS_DIR, file));
    expect({ file, outcome: await aheadOutcome(b) }).toEqual({ file, outcome: syncOutcome(b) });
  }
});

test("the same Workbook at every look-ahead budget, with a sheet filter too", async () => {
  const b = sheetsOfSizes([3, 2000, 1, 5000, 0, 40, 3000]);
  const expected = readXlsx(b);
  expect(expected.sheets.map((s) => s.rows.length)).toEqual([3, 2000, 1, 5000, 0, 40, 3000]);
  for (const aheadBytes of [0, 1, 50_000, 300_000, Infinity])
    expect(await readXlsxAhead(b, { aheadBytes })).toEqual(expected);
  const odd = (n: string) => Number(n.slice(1)) % 2 === 1;
  expect(await readXlsxAhead(b, { sheetFilter: odd })).toEqual(readXlsx(b, { sheetFilter: odd }));
});

test("the look-ahead stays within its budget, but always has the next sheet under way", async () => {
  const b = sheetsOfSizes([10, 2000, 10, 10, 3000, 10, 10]);
  const sizes = new ZipArchive(b).entries.filter((e) => e.name.includes("worksheets/")).map((e) => e.size);
  // at each start: the bytes started and not yet taken by the parser (this one included)
  let pending: number[] = [];
  const aheadAtStart: number[][] = [];
  const spy = jest.spyOn(ZipArchive.prototype, "readAhead").mockImplementation(function (
    this: ZipArchive,
    e,
  ) {
    pending.push(e.size);
    aheadAtStart.push([...pending]);
    const p = Promise.resolve(this.read(e));
    const taken = { then: (ok: never, no: never) => (pending.shift(), p.then(ok, no)), catch: () => p };
    return taken as unknown as Promise<Uint8Array>;
  });
  const run = async (aheadBytes: number) => {
    pending = [];
    aheadAtStart.length = 0;
    await readXlsxAhead(b, { aheadBytes });
    expect(aheadAtStart).toHaveLength(sizes.length); // each sheet inflated once
    return aheadAtStart.map((a) => ({ count: a.length, bytes: a.reduce((x, y) => x + y, 0), next: a[0] }));
  };
  try {
    for (const s of await run(0)) expect(s.count).toBe(1); // only ever the next sheet
    const budget = sizes[0] + sizes[1] + sizes[2];
    const medium = await run(budget);
    for (const s of medium) expect(s.bytes <= budget || s.count === 1).toBe(true);
    expect(Math.max(...medium.map((s) => s.count))).toBeGreaterThan(1);
    expect((await run(Infinity)).map((s) => s.count)).toEqual(sizes.map((_, i) => i + 1)); // all at once
  } finally {
    spy.mockRestore();
  }
});

test("a damaged sheet that was inflating ahead: corrupt, as readXlsx says, nothing unhandled", async () => {
  const parts = unzipSync(sheetsOfSizes([5, 4000, 5]));
  const damagedAt = (name: string, bytes: Uint8Array) => {
    const z = zipSync({ ...parts, [name]: bytes }, { level: 6 });
    const zip = new ZipArchive(z);
    const e = zip.entries.find((x) => x.name === name)!;
    const copy = new Uint8Array(z);
    // the entry's compressed data starts after its local header; flip bytes in the middle of it
    const h = (zip as unknown as { data: Uint8Array }).data;
    const start =
      e.localHeaderOffset + 30 + (h[e.localHeaderOffset + 26] | (h[e.localHeaderOffset + 27] << 8));
    for (let i = start + 10; i < start + e.compressedSize - 10; i += 3) copy[i] ^= 0x5a;
    return copy;
  };
  const bad = damagedAt("xl/worksheets/sheet2.xml", parts["xl/worksheets/sheet2.xml"]);
  expect(syncOutcome(bad)).toEqual({ code: "corrupt" });
  for (const aheadBytes of [0, Infinity])
    expect(await aheadOutcome(bad, { aheadBytes })).toEqual({ code: "corrupt" });
});

test("a sheet part missing from the package: corrupt, as readXlsx says", async () => {
  const parts = unzipSync(sheetsOfSizes([5, 5]));
  delete parts["xl/worksheets/sheet2.xml"];
  const b = zipSync(parts);
  expect(syncOutcome(b)).toEqual({ code: "corrupt" });
  expect(await aheadOutcome(b)).toEqual({ code: "corrupt" });
});

test("the English message names the file when read through readXlsxBytes", async () => {
  const { readXlsxBytes } = await import("../../../src/hosts/xlsx/read-file");
  const parts = unzipSync(sheetsOfSizes([5]));
  delete parts["xl/worksheets/sheet1.xml"];
  await expect(readXlsxBytes(zipSync(parts), "某单位.xlsx")).rejects.toMatchObject({
    code: "corrupt",
    text: expect.objectContaining({ en: expect.stringContaining("某单位.xlsx") }),
  });
});
