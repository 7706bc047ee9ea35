// Excel's size limits: a used range over 5,000,000 cells is refused before any value is requested.
import { HostError } from "../../../src/hosts/host";
import { ExcelFake } from "../../fakes/excel-fake";
import { newFake, officeHostOver } from "./helpers";

test("a sheet whose content spans over 5,000,000 cells is refused with a clear zh-CN HostError, before reading values", async () => {
  const values: (string | null)[][] = [];
  values[0] = ["编号", "姓名", "单位", "日期", "备注", "说明"];
  // 1,000,000 rows × 6 columns, with content at both ends of every strip the host reads by (§1.4:
  // it reads where the content is, so only content that really spans 5,000,000 cells is refused)
  for (let top = 0; top < 1_000_000; top += 15_625) {
    values[top] = ["编号", "姓名", "单位", "日期", "备注", "说明"];
    values[top + 15_624] = ["M999999", "张三", "党委", null, null, "最后"];
  }
  const fake = newFake({
    sheets: [
      { name: "公开承诺", values: [["x"]] },
      { name: "党员", values },
    ],
  });
  const err = await officeHostOver(fake)
    .readWorkbook()
    .catch((e) => e);
  expect(err).toBeInstanceOf(HostError);
  expect(err.text["zh-CN"]).toBe("台账表“党员”超过500万个单元格，请拆分后再试");
  const valueLoads = fake.log.filter((o) => o.kind === "load" && JSON.stringify(o.detail).includes("values"));
  expect(valueLoads).toEqual([]);
});

test("the fake, like Excel, returns null values for a single range read over 5,000,000 cells", async () => {
  const fake = new ExcelFake({ sheets: [{ name: "S", values: [["a"]] }] });
  await fake.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("S").getRange("A1:E1000001");
    r.load("values");
    await ctx.sync();
    expect(r.values).toBeNull();
  });
});

test("the fake enforces load-before-read", async () => {
  const fake = new ExcelFake({ sheets: [{ name: "S", values: [["a"]] }] });
  await fake.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
    expect(() => r.values).toThrow(/not available/);
    r.load("values");
    expect(() => r.values).toThrow(/not available/); // loaded but not synced yet
    await ctx.sync();
    expect(r.values).toEqual([["a"]]);
    expect(() => r.numberFormat).toThrow(/not available/);
  });
});
