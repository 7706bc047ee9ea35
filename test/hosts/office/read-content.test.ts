// The Office host reads a sheet where its content is (ledger-format.md §1.4): one typed cell at row
// 1,048,576 costs that row, not a million; formula cells are marked so the engine can tell a formula
// showing 0 below the data from a typed 0.
import { newFake, officeHostOver } from "./helpers";
import type { ExcelFake } from "../../fakes/excel-fake";

/** Cells of every values load in the log (A1 ranges). */
function cellsLoaded(fake: ExcelFake): number {
  let n = 0;
  for (const o of fake.log) {
    if (o.kind !== "load" || !JSON.stringify(o.detail).includes("values") || !o.address) continue;
    const [a, b = a] = o.address.split(":");
    const p = /([A-Z]+)(\d+)/.exec(a)!;
    const q = /([A-Z]+)(\d+)/.exec(b)!;
    const col = (s: string) => [...s].reduce((x, ch) => x * 26 + ch.charCodeAt(0) - 64, 0);
    n += (Number(q[2]) - Number(p[2]) + 1) * (col(q[1]) - col(p[1]) + 1);
  }
  return n;
}

const MEMBERS = [
  ["党员编号", "姓名", "所在党组织"],
  ["M001", "张三", "O001"],
  ["M002", "李四", "O001"],
];

test("a stray cell at row 1,048,576 is read as one row, not the used range's million", async () => {
  const values: (string | null)[][] = MEMBERS.map((r) => [...r]);
  values[1_048_575] = ["1"];
  const fake = newFake({ sheets: [{ name: "党员", values }] });
  const wb = await officeHostOver(fake).readWorkbook();
  const g = wb.sheets[0];
  expect(g.rows[1]).toEqual(["M001", "张三", "O001"]);
  expect(g.rows[1_048_575]).toEqual(["1"]);
  expect(g.rows.filter((r) => r !== undefined)).toHaveLength(4);
  expect(cellsLoaded(fake)).toBeLessThanOrEqual(3 * 3 + 1);
});

test("near miss: a sheet shorter than the strip height is read as its used range, in the same syncs", async () => {
  const fake = newFake({ sheets: [{ name: "党员", values: MEMBERS.map((r) => [...r]) }] });
  await officeHostOver(fake).readWorkbook();
  expect(cellsLoaded(fake)).toBe(9);
  expect(fake.log.some((o) => o.kind === "getUsedRangeOrNullObject" && o.address?.includes(":"))).toBe(false);
});

test("formula cells are marked cached; typed cells are not", async () => {
  const values: (string | number | null)[][] = MEMBERS.map((r) => [...r]);
  values[3] = [null, null, 0];
  const fake = newFake({ sheets: [{ name: "党员", values }] });
  fake.find("党员")!.formulas.add(3 * 16384 + 2); // C4: =SUM(...) showing 0
  const g = (await officeHostOver(fake).readWorkbook()).sheets[0];
  expect(g.rows[3]).toEqual([null, null, 0]);
  expect(g.formulas?.[3]?.[2]).toBe("cached");
  expect(g.formulas?.[1]).toBeUndefined();
});
