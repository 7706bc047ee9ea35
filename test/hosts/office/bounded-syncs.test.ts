// Syncs and request sizes: reading and writing take a bounded number of syncs (never one per row),
// every request stays well under Excel's 5 MB, text formats precede text values, and the host yields
// between syncs.
import { READ_CELL_BUDGET, REQUEST_BUDGET } from "../../../src/hosts/office/batching";
import { FakeRichApiError, REQUEST_LIMIT } from "../../fakes/excel-fake";
import { bigModel, bigSheet, newFake, officeHostOver, opsOf } from "./helpers";

const MB = 1024 * 1024;

describe("reading", () => {
  test("a 5-sheet workbook of 20,000 rows per sheet: a few syncs per sheet, not one per row", async () => {
    const sheets = ["党员", "公开承诺", "领导点评", "群众评议", "五带头考评"].map((n) => bigSheet(n, 20_000));
    const fake = newFake({ sheets });
    const host = officeHostOver(fake);
    const wb = await host.readWorkbook();
    const cells = sheets.length * 20_001 * 8;
    // 1 (sheets, names, date system) + 1 (used ranges) + the cells in blocks of READ_CELL_BUDGET
    expect(fake.syncCount).toBeLessThanOrEqual(2 * sheets.length + 2);
    expect(fake.syncCount).toBeLessThanOrEqual(Math.ceil(cells / READ_CELL_BUDGET) + 2 + sheets.length);
    expect(Math.max(...fake.syncs.map((s) => s.responseBytes))).toBeLessThan(5 * MB);
    expect(wb.sheets).toHaveLength(5);
    const g = wb.sheets[4];
    expect(g.rows[20_000]).toEqual(bigSheet("x", 20_000).values[20_000]);
    expect(g.formats?.[20_000]?.[2]).toBe("yyyy-mm-dd");
    console.info(
      `read 5 × 20,000 rows × 8 cols: ${fake.syncCount} syncs, max response ${(Math.max(...fake.syncs.map((s) => s.responseBytes)) / MB).toFixed(2)} MB`,
    );
  });

  test("a text-heavy sheet whose response would pass 5 MB is read again in smaller pieces", async () => {
    const long = "中华人民共和国山东省济南市历城区某某街道某某社区党委第一党支部".repeat(2);
    const values = [["编号", "说明", "单位", "地址", "备注"]];
    for (let r = 0; r < 20_000; r++) values.push([`M${r}`, long, long, long, long]);
    const fake = newFake({ sheets: [{ name: "党员", values }] });
    const wb = await officeHostOver(fake).readWorkbook();
    expect(wb.sheets[0].rows[20_000]).toEqual(values[20_000]);
    expect(Math.max(...fake.syncs.map((s) => s.responseBytes))).toBeGreaterThan(5 * MB); // the refused ones
    expect(fake.syncCount).toBeLessThan(20);
  });
});

describe("writing", () => {
  test("a 50,000-row model is written in size-bounded chunks: every request < 4 MB, syncs ≈ bytes / budget", async () => {
    const fake = newFake();
    const host = officeHostOver(fake);
    await host.writeSheets([bigModel(50_000)], { replace: ["考评结果-党员"] });
    const max = fake.maxRequestBytes;
    const total = fake.totalRequestBytes;
    expect(max).toBeLessThan(4 * MB);
    expect(max).toBeLessThan(REQUEST_LIMIT);
    // the data chunks fill most of a sync each; a fixed handful for the rest: the first look, the
    // table and the print setup (one best-effort sync each), the check before the swap, the swap,
    // the frozen header, and the two of deleting the old sheet
    expect(fake.syncCount).toBeLessThanOrEqual(Math.ceil(total / REQUEST_BUDGET) + 9);
    expect(fake.syncCount).toBeLessThan(50); // never one per row
    const sheet = fake.sheet("考评结果-党员");
    expect(sheet.value(50_001, 1)).toBe("=党员49999");
    expect(sheet.value(50_001, 5)).toBe("-49999");
    console.info(
      `write 50,000 rows × 7 cols: ${fake.syncCount} syncs, ${(total / MB).toFixed(1)} MB in all, max request ${(max / MB).toFixed(2)} MB`,
    );
  });

  test("in every chunk the number formats (with `@` for text) are set before the values", async () => {
    const fake = newFake();
    await officeHostOver(fake, { requestBudget: 100_000 }).writeSheets([bigModel(5_000)], { replace: [] });
    const writes = fake.log.filter((o) => o.kind === "values" || o.kind === "numberFormat");
    const values = writes.filter((o) => o.kind === "values" && o.address?.includes(":"));
    expect(values.length).toBeGreaterThan(5);
    for (const v of values) {
      const i = writes.indexOf(v);
      const before = writes[i - 1];
      expect(before.kind).toBe("numberFormat");
      expect(before.address).toBe(v.address);
      expect(before.sync).toBe(v.sync);
      expect((before.detail as { hasText: boolean }).hasText).toBe(true);
    }
  });

  test("calculation is suspended once per sync, never more; the host yields between syncs", async () => {
    const fake = newFake();
    await officeHostOver(fake, { requestBudget: 100_000 }).writeSheets([bigModel(5_000)], { replace: [] });
    const perSync = new Map<number, number>();
    for (const o of opsOf(fake, "suspendCalc")) perSync.set(o.sync, (perSync.get(o.sync) ?? 0) + 1);
    expect(Math.max(...perSync.values())).toBe(1);
    expect(perSync.size).toBeGreaterThan(5);
    // a yield after every sync of the writing (not after the short ones of the swap and the clean-up)
    const yields = opsOf(fake, "yield").length;
    expect(yields).toBeGreaterThanOrEqual(fake.syncCount - 4);
  });

  test("a request over 5 MB fails like Excel; the error is rethrown and nothing is left behind", async () => {
    const fake = newFake();
    const host = officeHostOver(fake, { requestBudget: 20 * MB }); // misconfigured on purpose
    await host.writeSheets([bigModel(10, "考评结果-党员")], { replace: ["考评结果-党员"] });
    const names = fake.sheetNames;
    const err = await host.writeSheets([bigModel(50_000)], { replace: ["考评结果-党员"] }).catch((e) => e);
    expect(err).toBeInstanceOf(FakeRichApiError);
    expect(err.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.sheetNames).toEqual(names);
    expect(fake.sheet("考评结果-党员").value(11, 0)).toBe("M000009");
  });
});
